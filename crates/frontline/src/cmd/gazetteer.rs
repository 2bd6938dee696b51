//! `frontline gazetteer import|lookup` (being built; see issue 3).

use std::path::PathBuf;

use crate::Outcome;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Make a GeoNames-layout dump part of the data directory's gazetteer.
    Import { file: PathBuf },
    /// Show the candidate places for a name, with scores.
    Lookup { name: String },
}

/// Dumps imported into the data directory, loaded on every run.
pub fn imported_dumps() -> Vec<PathBuf> {
    Vec::new()
}

pub fn run(_c: Command) -> anyhow::Result<Outcome> {
    anyhow::bail!("`frontline gazetteer` is not built yet")
}
