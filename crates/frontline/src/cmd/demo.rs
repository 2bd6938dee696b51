//! `frontline demo`: the sample articles of `data/demo/` (written by us,
//! embedded in the binary) ingested into a fresh database, then served, so
//! a new user sees the map with one command. `--generate N` fills the
//! database with N synthetic events instead (`generate`), for load tests of
//! the API: `frontline demo --generate 1000000 --db FILE --no-serve`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

mod generate;

use anyhow::Context;
use frontline_pipeline::{process, read};
use frontline_store::Store;

use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// Database to (re)create; any file there is replaced. Default: demo.db in the data directory.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Address to serve on; the next free port is taken when it is busy.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Only build the database; do not serve.
    #[arg(long)]
    pub no_serve: bool,
    /// Fill the database with N synthetic events instead of the sample articles (load tests of the API).
    #[arg(long, value_name = "N")]
    pub generate: Option<usize>,
}

macro_rules! demo_articles {
    ($($name:literal),* $(,)?) => {
        /// (file name, text, sidecar JSON) of every demo article.
        pub const ARTICLES: &[(&str, &str, &str)] = &[$((
            concat!($name, ".txt"),
            include_str!(concat!("../../../../data/demo/", $name, ".txt")),
            include_str!(concat!("../../../../data/demo/", $name, ".json")),
        )),*];
    };
}

demo_articles!(
    "01-mayadin-market-strike",
    "02-mayadin-market-strike-activists",
    "03-mayadin-retaken",
    "04-raqqa-captured",
    "05-hawija-retaken",
    "06-kirkuk-handover",
    "07-tabqa-ied",
    "08-douma-shelling",
    "09-anbar-suicide-bomb",
    "10-sukhnah-abduction",
    "11-manbij-protest",
    "12-basra-protest",
    "13-abu-kamal-clashes",
    "14-qaim-retaken",
    "15-deir-ez-zor-city",
    "16-abu-kamal-army-enters",
    "17-abu-kamal-is-counterattack",
    "18-abu-kamal-is-counterattack-observatory",
    "19-abu-kamal-strikes",
    "20-abu-kamal-retaken",
    "21-abu-kamal-retaken-second-report",
    "22-atarib-market-strike",
    "23-saraqib-arrests",
    "24-daraa-assassination",
    "25-mosul-ied",
    "26-kirkuk-arrests",
    "27-afrin-shelling",
    "28-homs-car-bomb",
    "29-rawa-retaken",
    "30-raqqa-mines",
);

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let db = args.db.clone().unwrap_or_else(|| crate::data_dir().join("demo.db"));
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    remove_database(&db)?;
    let mut store = Store::open(&db).with_context(|| format!("cannot create database {}", db.display()))?;
    match args.generate {
        Some(n) => {
            fill_synthetic(&mut store, n)?;
            eprintln!("frontline demo: {n} synthetic events in {}", db.display());
        }
        None => {
            let (articles, events) = ingest_samples(&mut store)?;
            eprintln!("frontline demo: {articles} sample articles, {events} events in {}", db.display());
        }
    }
    drop(store);
    if args.no_serve {
        return Ok(Outcome::Ok);
    }
    let config =
        frontline_server::Config { bind: args.bind, next_free_port: true, ..frontline_server::Config::new(db) };
    frontline_server::serve(&config, |addr| {
        println!("frontline demo: open http://{addr}/ in a browser (Ctrl-C to stop)");
    })?;
    Ok(Outcome::Ok)
}

/// Removes the database and its WAL files, so the demo always starts fresh.
fn remove_database(db: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot remove {}", Path::new(&p).display())),
        }
    }
    Ok(())
}

/// Reads, extracts and ingests the embedded sample articles; returns the
/// number of articles and of events extracted.
pub fn ingest_samples(store: &mut Store) -> anyhow::Result<(usize, usize)> {
    let resources = super::resources(&[])?;
    let mut articles = Vec::with_capacity(ARTICLES.len());
    for (name, text, sidecar) in ARTICLES {
        let article = read::from_text(text.as_bytes(), name, Some(sidecar.as_bytes()))
            .map_err(|e| anyhow::anyhow!("demo article {}: {}", e.article_id, e.reason))?;
        articles.push(article);
    }
    let extractions: Vec<_> = articles.iter().map(|a| process(a, &resources)).collect();
    let events = extractions.iter().map(|x| x.events.len()).sum();
    store.ingest_batch(articles.iter().zip(&extractions)).context("cannot store the demo articles")?;
    Ok((articles.len(), events))
}

/// Writes `n` synthetic events (see [`generate`]) through the store's bulk loader.
fn fill_synthetic(store: &mut Store, n: usize) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let gazetteer = frontline_pipeline::gazetteer::Gazetteer::builtin();
    let articles = generate::Articles::new(&gazetteer, n)?;
    let outcome = store.bulk_load(articles).context("cannot store synthetic events")?;
    if outcome.events != n {
        anyhow::bail!(
            "asked for {n} synthetic events, the store holds {}: the generator's towns are too few",
            outcome.events
        );
    }
    eprintln!(
        "frontline demo: {} articles, {} reports, {} events in {:.1} s",
        outcome.articles,
        outcome.claims,
        outcome.events,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_file_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("data/demo exists")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = ARTICLES.iter().map(|(n, _, _)| *n).collect();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn demo_articles_read_with_their_metadata() {
        for (name, text, sidecar) in ARTICLES {
            let a = read::from_text(text.as_bytes(), name, Some(sidecar.as_bytes())).expect("demo article reads");
            assert!(a.published.is_some() && a.outlet.is_some() && a.title.is_some(), "{name} lacks metadata");
        }
    }
}
