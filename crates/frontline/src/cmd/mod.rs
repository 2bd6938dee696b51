//! One module per subcommand. Each parses its own arguments (clap derive)
//! and returns an [`crate::Outcome`] or a fatal error.

pub mod bench;
pub mod control;
pub mod demo;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod serve;

use std::path::PathBuf;

use anyhow::Context;
use frontline_pipeline::Resources;

/// The built-in resources plus the gazetteer dumps imported into the data
/// directory and those given with `--gazetteer`.
pub fn resources(extra_gazetteers: &[PathBuf]) -> anyhow::Result<Resources> {
    let mut res = Resources::builtin();
    for path in gazetteer::imported_dumps().into_iter().chain(extra_gazetteers.iter().cloned()) {
        let text =
            std::fs::read_to_string(&path).with_context(|| format!("cannot read gazetteer {}", path.display()))?;
        let (added, errors) = res.gazetteer.add_geonames_dump(&text);
        for e in errors.iter().take(20) {
            eprintln!("frontline: gazetteer {}: {e}; line skipped", path.display());
        }
        if errors.len() > 20 {
            eprintln!("frontline: gazetteer {}: {} more malformed lines skipped", path.display(), errors.len() - 20);
        }
        if added == 0 {
            anyhow::bail!("gazetteer {} has no usable rows", path.display());
        }
    }
    Ok(res)
}
