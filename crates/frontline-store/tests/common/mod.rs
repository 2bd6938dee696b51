//! Shared by the store's integration tests (and, by path, the binary's):
//! a scratch directory removed when the test ends so that test runs leave
//! nothing behind in the temp dir, and kept (its path printed) when the test
//! fails, for inspection.

use std::path::Path;

/// A fresh directory `frontline-{name}-XXXXXX` under the temp dir.
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = tempfile::Builder::new().prefix(&format!("frontline-{name}-")).tempdir().expect("create scratch dir");
        Scratch(dir)
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }
}

impl Drop for Scratch {
    /// Keeps the directory of a failing (panicking) test; otherwise the
    /// inner `TempDir` removes it.
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.disable_cleanup(true);
            eprintln!("kept {} for inspection", self.0.path().display());
        }
    }
}
