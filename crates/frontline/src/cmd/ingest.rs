//! `frontline ingest`: read, extract and serialise articles in parallel
//! batches (as `extract` does: records are parsed on the worker threads),
//! then merge each batch into the store in one transaction on the writer
//! thread, which only runs SQL. A killed ingest loses only the batch in flight; re-running it
//! gives the database an uninterrupted run gives (already stored articles
//! are no-ops by content hash).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use frontline_pipeline::{Resources, Severity, process};
use frontline_store::{IngestOutcome, Prepared, Store};
use rayon::prelude::*;

use crate::Outcome;
use crate::input::{self, Record};

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
    /// CPU time of the writer thread.
    storing_cpu: std::time::Duration,
}

/// Records extracted together, on their way to the store: a transaction
/// (`--batch` articles) takes several, so the writer stores each chunk while
/// the next is extracted and only the last chunk's write is left at the end.
const CHUNK: usize = 64;

impl Tally {
    fn count(&mut self, outcomes: &[IngestOutcome]) {
        for o in outcomes {
            self.articles += 1;
            self.unchanged += usize::from(o.unchanged);
            self.replaced += usize::from(o.replaced);
            self.events_new += o.events_new;
            self.events_merged += o.events_merged;
        }
    }

    /// Rewrites the progress line on stderr.
    fn progress(&self, started: Instant) {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        eprint!(
            "\r\x1b[2Kfrontline ingest: {} articles, {:.1} MB | {:.0} articles/s, {:.1} MB/s | {} new, {} merged, {} errors",
            self.articles,
            self.bytes as f64 / 1e6,
            self.articles as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
            self.events_new,
            self.events_merged,
            self.errors
        );
        let _ = std::io::stderr().flush();
    }
}

/// One extracted chunk on its way to the store.
#[derive(Default)]
struct Batch {
    good: Vec<Prepared>,
    errors: usize,
    bytes: usize,
}

/// What became of one input record on a worker thread.
enum Done {
    /// Ready to store; `bytes` of article text.
    Ready { prepared: Box<Prepared>, bytes: usize },
    /// Not stored: why (already naming the article), and its text bytes if it was read.
    Failed { message: String, bytes: usize },
}

/// Parses, extracts and serialises one record (on a worker thread). An
/// article whose extraction reports an error is not stored.
fn prepare(record: Record, resources: &Resources) -> Done {
    let a = match record.parse() {
        Ok(a) => a,
        Err(e) => return Done::Failed { message: format!("{}: {}", e.article_id, e.reason), bytes: 0 },
    };
    let bytes = a.text.len();
    let x = process(&a, resources);
    if let Some(d) = x.diagnostics.iter().find(|d| d.severity == Severity::Error) {
        return Done::Failed { message: format!("{}: {}", a.id, d.message), bytes };
    }
    let id = a.id.clone();
    match Prepared::new(a, x) {
        Ok(p) => Done::Ready { prepared: Box::new(p), bytes },
        Err(e) => Done::Failed { message: format!("{id}: {e}"), bytes },
    }
}

/// CPU time of the calling thread (user + system, from
/// `/proc/thread-self/stat` in the kernel's 100 Hz ticks; zero without /proc).
fn thread_cpu() -> std::time::Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest.split_whitespace().skip(11).take(2).filter_map(|v| v.parse::<u64>().ok()).sum();
    std::time::Duration::from_millis(ticks * 10)
}

/// The writer thread: one transaction per `per_transaction` articles (and
/// one for the rest), progress on stderr.
fn write_batches(
    mut store: Store,
    batches: std::sync::mpsc::Receiver<Batch>,
    per_transaction: usize,
    progress: bool,
    started: Instant,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    let mut batches = batches.into_iter().peekable();
    // A transaction opens when its first chunk is ready.
    while batches.peek().is_some() {
        let mut writer = store.begin()?;
        while writer.articles() < per_transaction {
            let Some(batch) = batches.next() else { break };
            tally.errors += batch.errors;
            tally.bytes += batch.bytes;
            let t = Instant::now();
            let outcomes = writer.add(&batch.good)?;
            tally.storing += t.elapsed();
            tally.count(&outcomes);
            if progress {
                tally.progress(started);
            }
        }
        let t = Instant::now();
        writer.commit()?;
        tally.storing += t.elapsed();
    }
    tally.storing_cpu = thread_cpu();
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
    // Extraction (all cores) of one chunk overlaps the store write of the ones before.
    let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(2);
    let per_transaction = args.batch.max(1);
    // Named, so profiles (`perf report --sort comm`) show the store's share apart from extraction.
    let writer = std::thread::Builder::new()
        .name("store-writer".into())
        .spawn(move || write_batches(store, receive, per_transaction, progress, started))
        .context("cannot start the store writer thread")?;
    let chunk = per_transaction.min(CHUNK);
    let mut batch: Vec<Record> = Vec::with_capacity(chunk);
    let read = {
        let extract = |batch: &mut Vec<Record>| -> anyhow::Result<()> {
            let done: Vec<Done> = batch.par_drain(..).map(|r| prepare(r, &resources)).collect();
            let mut out = Batch::default();
            for d in done {
                match d {
                    Done::Ready { prepared, bytes } => {
                        out.bytes += bytes;
                        out.good.push(*prepared);
                    }
                    Done::Failed { message, bytes } => {
                        out.bytes += bytes;
                        out.errors += 1;
                        eprintln!("frontline: article {message}");
                    }
                }
            }
            // A send fails only when the writer stopped; its own error is reported after the join.
            send.send(out).map_err(|_| anyhow::anyhow!("the store writer stopped"))
        };
        input::for_each_record(&files, args.inputs.published, |record| {
            batch.push(record);
            if batch.len() >= chunk {
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
        "frontline ingest: {} articles ({} unchanged, {} updated), events {} new, {} merged, {} errors; {:.1} MB in {:.2} s ({:.1} MB/s, {:.0} articles/s; the store busy {:.2} s, {:.2} s CPU) into {}",
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
        tally.storing_cpu.as_secs_f64(),
        db.display()
    );
    Ok(if tally.errors > 0 { Outcome::Partial } else { Outcome::Ok })
}
