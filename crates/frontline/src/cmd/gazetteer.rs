//! `frontline gazetteer import|lookup`: make a GeoNames-layout dump part of
//! the data directory's gazetteer, and show what a name resolves to.

use std::path::PathBuf;

use anyhow::Context;

use crate::Outcome;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Make a GeoNames-layout dump part of the data directory's gazetteer.
    Import { file: PathBuf },
    /// Show the candidate places for a name, with scores.
    Lookup {
        name: String,
        /// How many candidates to show.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
}

/// Where imported dumps live.
fn dir() -> PathBuf {
    crate::data_dir().join("gazetteer")
}

/// Dumps imported into the data directory, loaded on every run, in name order.
pub fn imported_dumps() -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir()) else { return Vec::new() };
    let mut v: Vec<PathBuf> =
        rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    v.sort();
    v
}

pub fn run(c: Command) -> anyhow::Result<Outcome> {
    match c {
        Command::Import { file } => import(&file),
        Command::Lookup { name, limit } => lookup(&name, limit),
    }
}

fn import(file: &PathBuf) -> anyhow::Result<Outcome> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read gazetteer {}", file.display()))?;
    let mut g = frontline_pipeline::gazetteer::Gazetteer::builtin();
    let (added, errors) = g.add_geonames_dump(&text);
    for e in errors.iter().take(20) {
        eprintln!("frontline: gazetteer {}: {e}; line skipped", file.display());
    }
    if errors.len() > 20 {
        eprintln!("frontline: gazetteer {}: {} more malformed lines skipped", file.display(), errors.len() - 20);
    }
    if added == 0 {
        anyhow::bail!("gazetteer {} has no usable rows", file.display());
    }
    let name = file.file_name().with_context(|| format!("gazetteer path {} has no file name", file.display()))?;
    let mut target = dir().join(name);
    if target.extension().is_none_or(|x| x != "txt") {
        target.set_extension("txt");
    }
    std::fs::create_dir_all(dir()).with_context(|| format!("cannot create {}", dir().display()))?;
    std::fs::copy(file, &target).with_context(|| format!("cannot copy gazetteer to {}", target.display()))?;
    println!("imported {added} places into {} ({} malformed lines skipped)", target.display(), errors.len());
    Ok(if errors.is_empty() { Outcome::Ok } else { Outcome::Partial })
}

fn lookup(name: &str, limit: usize) -> anyhow::Result<Outcome> {
    let res = super::resources(&[])?;
    let hits = res.gazetteer.lookup(name);
    if hits.is_empty() {
        anyhow::bail!("no place named {name:?}");
    }
    for (p, score) in hits.iter().take(limit) {
        println!(
            "{score:6.3}  {:<10} {:<28} {:<12} {:<22} {:<20} {:>9.4} {:>9.4}  {:<5} pop {}",
            p.geonameid, p.name, p.country, p.admin1, p.admin2, p.latitude, p.longitude, p.feature_code, p.population
        );
    }
    Ok(Outcome::Ok)
}
