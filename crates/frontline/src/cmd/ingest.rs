//! `frontline ingest`: extract articles in parallel batches (as `extract`
//! does), then merge each batch into the store in one transaction on this
//! thread. A killed ingest loses only the batch in flight; re-running it
//! gives the database an uninterrupted run gives (already stored articles
//! are no-ops by content hash).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use frontline_pipeline::{Article, Extraction, Severity, process};
use frontline_store::Store;
use rayon::prelude::*;

use crate::Outcome;
use crate::input::{self, Item};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub inputs: super::Inputs,
    /// Database (created if missing). Default: frontline.db in the data directory.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Articles per transaction: a kill loses at most this many, to be redone.
    #[arg(long, default_value_t = 512)]
    pub batch: usize,
    /// No progress bar, even on a terminal.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// What an ingest run did, for the summary line.
#[derive(Default)]
struct Tally {
    articles: usize,
    unchanged: usize,
    replaced: usize,
    events_new: usize,
    events_merged: usize,
    errors: usize,
    bytes: usize,
    /// Wall time the writer spent storing (not waiting for extraction).
    storing: std::time::Duration,
}

/// One extracted batch on its way to the store.
#[derive(Default)]
struct Batch {
    good: Vec<(Article, Extraction)>,
    errors: usize,
    bytes: usize,
}

/// The writer thread: one transaction per batch, progress on stderr.
fn write_batches(
    mut store: Store,
    batches: std::sync::mpsc::Receiver<Batch>,
    progress: bool,
    started: Instant,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    for batch in batches {
        tally.errors += batch.errors;
        tally.bytes += batch.bytes;
        let t = Instant::now();
        let outcomes = store.ingest_batch(batch.good.iter().map(|(a, x)| (a, x)))?;
        tally.storing += t.elapsed();
        for o in outcomes {
            tally.articles += 1;
            tally.unchanged += usize::from(o.unchanged);
            tally.replaced += usize::from(o.replaced);
            tally.events_new += o.events_new;
            tally.events_merged += o.events_merged;
        }
        if progress {
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            eprint!(
                "\r\x1b[2Kfrontline ingest: {} articles, {:.1} MB | {:.0} articles/s, {:.1} MB/s | {} new, {} merged, {} errors",
                tally.articles,
                tally.bytes as f64 / 1e6,
                tally.articles as f64 / secs,
                tally.bytes as f64 / 1e6 / secs,
                tally.events_new,
                tally.events_merged,
                tally.errors
            );
            let _ = std::io::stderr().flush();
        }
    }
    Ok(tally)
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let db = args.db.clone().unwrap_or_else(|| crate::data_dir().join("frontline.db"));
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create directory {}", parent.display()))?;
    }
    let (resources, files) = args.inputs.prepare()?;
    let store = Store::open(&db).with_context(|| format!("cannot open database {}", db.display()))?;
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let started = Instant::now();
    // Extraction (all cores) of one batch overlaps the store write of the previous one.
    let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(1);
    // Named, so profiles (`perf report --sort comm`) show the store's share apart from extraction.
    let writer = std::thread::Builder::new()
        .name("store-writer".into())
        .spawn(move || write_batches(store, receive, progress, started))
        .context("cannot start the store writer thread")?;
    let mut batch: Vec<Item> = Vec::with_capacity(args.batch.max(1));
    let read = {
        let extract = |batch: &mut Vec<Item>| -> anyhow::Result<()> {
            let results: Vec<Result<(Article, Extraction), _>> = batch
                .par_drain(..)
                .map(|item| {
                    item.map(|a| {
                        let x = process(&a, &resources);
                        (a, x)
                    })
                })
                .collect();
            let mut out = Batch::default();
            for r in results {
                match r {
                    Err(e) => {
                        out.errors += 1;
                        eprintln!("frontline: article {}: {}", e.article_id, e.reason);
                    }
                    Ok((a, x)) => {
                        out.bytes += a.text.len();
                        match x.diagnostics.iter().find(|d| d.severity == Severity::Error) {
                            Some(d) => {
                                out.errors += 1;
                                eprintln!("frontline: article {}: {}", a.id, d.message);
                            }
                            None => out.good.push((a, x)),
                        }
                    }
                }
            }
            // A send fails only when the writer stopped; its own error is reported after the join.
            send.send(out).map_err(|_| anyhow::anyhow!("the store writer stopped"))
        };
        input::for_each(&files, args.inputs.published, |item| {
            batch.push(item);
            if batch.len() >= args.batch.max(1) {
                extract(&mut batch)?;
            }
            Ok(())
        })
        .and_then(|()| extract(&mut batch))
    };
    drop(send);
    let tally = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the store writer thread panicked"))?
        .with_context(|| format!("cannot write to {}", db.display()))?;
    read?;
    if progress {
        eprintln!();
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    eprintln!(
        "frontline ingest: {} articles ({} unchanged, {} updated), events {} new, {} merged, {} errors; {:.1} MB in {:.2} s ({:.1} MB/s, {:.0} articles/s; the store busy {:.2} s) into {}",
        tally.articles,
        tally.unchanged,
        tally.replaced,
        tally.events_new,
        tally.events_merged,
        tally.errors,
        tally.bytes as f64 / 1e6,
        secs,
        tally.bytes as f64 / 1e6 / secs,
        tally.articles as f64 / secs,
        tally.storing.as_secs_f64(),
        db.display()
    );
    Ok(if tally.errors > 0 { Outcome::Partial } else { Outcome::Ok })
}
