//! The web map in a real browser: Debian's Chromium, headless, driven by
//! `tests/browser/map.mjs` (playwright-core from `web/node_modules`). It opens
//! the page served by a real server, finds the event markers, clicks one and
//! sees its evidence sentence highlighted; the screenshot is left in
//! `target/tmp/browser-map.png`. Skipped, with a message, only when Chromium
//! is not installed (`.ci/run` installs it).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("CHROMIUM").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    path.exists().then_some(path)
}

#[test]
fn map_shows_markers_and_evidence_in_chromium() {
    let Some(chromium) = chromium() else {
        eprintln!(
            "skipped: no Chromium at /usr/bin/chromium (or $CHROMIUM); `apt-get install chromium` to run this test"
        );
        return;
    };
    let dir = common::TempDir::new("frontline-browser");
    let addr = common::start(common::database(dir.path()));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/map.mjs");
    let screenshot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-map.png");
    let _ = std::fs::remove_file(&screenshot);
    let out = Command::new("node")
        .arg(&script)
        .arg(format!("http://{addr}/"))
        .arg(&screenshot)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs (it is needed for the build too)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "browser test failed: {stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let seen: serde_json::Value = serde_json::from_str(stdout.trim()).expect("the script prints JSON");
    assert!(seen["markers"].as_u64().unwrap_or(0) >= 3, "markers: {seen}");
    let evidence = seen["evidence"].as_str().expect("an evidence sentence was highlighted");
    assert!(
        evidence.len() > 20 && common::ARTICLES.iter().any(|a| a.3.contains(evidence)),
        "highlighted text is not a sentence of the articles: {evidence:?}"
    );
    assert!(std::fs::metadata(&screenshot).map(|m| m.len() > 10_000).unwrap_or(false), "no screenshot");
}
