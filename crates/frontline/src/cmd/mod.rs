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
use chrono::NaiveDate;
use frontline_pipeline::Resources;
use frontline_pipeline::gazetteer::index;

/// The input options `extract` and `ingest` share.
#[derive(clap::Args)]
pub struct Inputs {
    /// Inputs: JSON Lines, .txt (with optional NAME.json sidecar), .html, directories; `-` or nothing for stdin.
    pub paths: Vec<PathBuf>,
    /// Extra GeoNames-layout gazetteer dump (repeatable).
    #[arg(long = "gazetteer")]
    pub gazetteers: Vec<PathBuf>,
    /// Worker threads for extraction (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Publication date for articles that carry none (YYYY-MM-DD); without it
    /// one is read from the text, else the day of reading (UTC) stands in.
    #[arg(long)]
    pub published: Option<NaiveDate>,
}

impl Inputs {
    /// Sizes the thread pool, builds the resources and expands the paths.
    pub fn prepare(&self) -> anyhow::Result<(Resources, Vec<PathBuf>)> {
        if let Some(n) = self.threads {
            rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().context("cannot start threads")?;
        }
        let resources = resources(&self.gazetteers)?;
        let files = crate::input::expand(&self.paths)?;
        Ok((resources, files))
    }
}

/// The built-in resources plus the gazetteer dumps imported into the data
/// directory and those given with `--gazetteer`. The dumps are read and
/// their rows parsed and keyed on a thread of their own while the built-in
/// resources load; they are added, in order, once those exist. A dump that
/// cannot be read ends the run after the dumps before it are added (with
/// their diagnostics), as a serial load would.
pub fn resources(extra_gazetteers: &[PathBuf]) -> anyhow::Result<Resources> {
    let mut texts = Vec::new();
    let mut unreadable = None;
    for path in gazetteer::imported_dumps().into_iter().chain(extra_gazetteers.iter().cloned()) {
        match std::fs::read_to_string(&path).with_context(|| format!("cannot read gazetteer {}", path.display())) {
            Ok(text) => texts.push((path, text)),
            Err(e) => {
                unreadable = Some(e);
                break;
            }
        }
    }
    let (mut res, parsed) = std::thread::scope(|s| {
        let parsing = (!texts.is_empty())
            .then(|| s.spawn(|| texts.iter().map(|(_, text)| index::parse_dump(text)).collect::<Vec<_>>()));
        let res = Resources::builtin();
        let parsed = parsing.map_or_else(Vec::new, |p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        (res, parsed)
    });
    for ((path, _), dump) in texts.iter().zip(parsed) {
        let (added, errors) = res.gazetteer.add_parsed_dump(dump);
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
    match unreadable {
        Some(e) => Err(e),
        None => Ok(res),
    }
}
