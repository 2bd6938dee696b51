//! `frontline ingest`: read, extract and serialise articles on the worker
//! threads (as `extract` does: records are parsed there too), then merge
//! them into the store, in input order, on one writer thread that only runs
//! SQL, one transaction per `--batch` articles; it opens the database while
//! the main thread loads the resources. Nothing waits at a batch
//! boundary: the main thread hands each record to the pool as it is read,
//! the workers extract continuously, and the writer stores each article as
//! soon as those before it are stored. A killed ingest loses only the
//! transaction in flight; re-running it gives the database an uninterrupted
//! run gives (already stored articles are no-ops by content hash).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::time::Instant;

use anyhow::Context;
use frontline_pipeline::{Resources, Severity};
use frontline_store::{IngestOutcome, Prepared, Store};

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

/// Slots for the articles read but not yet stored: each article holds one
/// slot per [`SLOT_BYTES`] of its record (at least one), so at most 1024
/// articles and 32 MiB of records are in flight whatever the articles'
/// sizes. That bounds memory: a waiting article holds its text, its
/// mentions' JSON (about four times the text) and its events, some 3 bytes
/// per record byte (peak RSS against the bytes queued, ~130 KB articles),
/// so the queue's worst case is about 100 MB, reached by long articles; on
/// the bench corpus (~8 KB records) 1024 articles hold about 8 MB. And it
/// is enough for the workers to keep extracting while the writer commits:
/// a commit indexes its articles' text (FTS5) and checkpoints the WAL,
/// fsyncs included, and takes longer than two workers need for 256 short
/// articles (~70 ms): with 256 the workers waited during commits
/// (docs/benchmarks-history.md, session 11).
const SLOTS: usize = 1024;

/// Record bytes per slot: 32 KiB, so 1024 slots hold 32 MiB.
const SLOT_BYTES: usize = 32 << 10;

/// The slots an article of `size` record bytes holds while in flight: one
/// per [`SLOT_BYTES`] begun, and never more than all of them, so an article
/// larger than the whole budget still goes through, alone.
fn slots_for(size: usize) -> usize {
    size.div_ceil(SLOT_BYTES).clamp(1, SLOTS)
}

impl Tally {
    /// Counts one article; a ready one joins `ready`, a failed one is reported.
    fn take(&mut self, done: Done, ready: &mut Vec<Prepared>) {
        match done {
            Done::Ready { prepared, bytes } => {
                self.bytes += bytes;
                ready.push(*prepared);
            }
            Done::Failed { message, bytes } => {
                self.bytes += bytes;
                self.errors += 1;
                eprintln!("frontline: article {message}");
            }
        }
    }

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
    let id = a.id.clone();
    let p = match Prepared::extract(a, resources) {
        Ok(p) => p,
        Err(e) => return Done::Failed { message: format!("{id}: {e}"), bytes },
    };
    match p.extraction.diagnostics.iter().find(|d| d.severity == Severity::Error) {
        Some(d) => Done::Failed { message: format!("{id}: {}", d.message), bytes },
        None => Done::Ready { prepared: Box::new(p), bytes },
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

/// The workers' results put back in input order: they arrive numbered, in
/// any order. Each article taken frees its slots for the reader.
struct InOrder {
    done: Receiver<Numbered>,
    slots: Receiver<()>,
    /// Extracted articles waiting for those before them, with their slots.
    pending: BTreeMap<usize, (usize, Done)>,
    next: usize,
}

/// A worker's result: the article's place in the input and the slots it holds.
struct Numbered {
    index: usize,
    slots: usize,
    done: Done,
}

impl InOrder {
    /// The next article, waiting for it; `None` when all are taken.
    fn next(&mut self) -> Option<Done> {
        loop {
            if let Some(d) = self.take() {
                return Some(d);
            }
            let n = self.done.recv().ok()?;
            self.pending.insert(n.index, (n.slots, n.done));
        }
    }

    /// The next article if it is extracted already.
    fn next_ready(&mut self) -> Option<Done> {
        self.pending.extend(self.done.try_iter().map(|n| (n.index, (n.slots, n.done))));
        self.take()
    }

    fn take(&mut self) -> Option<Done> {
        let (slots, d) = self.pending.remove(&self.next)?;
        self.next += 1;
        // Every article took its slots before it was handed out, so there are as many to free.
        for _ in 0..slots {
            let _ = self.slots.recv();
        }
        Some(d)
    }
}

/// The writer thread: stores the articles in input order, each as soon as
/// it and those before it are extracted, one transaction per
/// `per_transaction` articles (and one for the rest); progress on stderr.
fn write_in_order(
    mut store: Store,
    mut order: InOrder,
    per_transaction: usize,
    progress: bool,
    started: Instant,
) -> anyhow::Result<Tally> {
    let mut tally = Tally::default();
    let mut ready: Vec<Prepared> = Vec::new();
    // A transaction opens when an article is ready to go in.
    while let Some(d) = order.next() {
        tally.take(d, &mut ready);
        if ready.is_empty() {
            continue;
        }
        let mut writer = store.begin()?;
        loop {
            while ready.len() + writer.articles() < per_transaction
                && let Some(d) = order.next_ready()
            {
                tally.take(d, &mut ready);
            }
            let t = Instant::now();
            tally.count(&writer.add(&ready)?);
            tally.storing += t.elapsed();
            ready.clear();
            if progress {
                tally.progress(started);
            }
            if writer.articles() >= per_transaction {
                break;
            }
            match order.next() {
                Some(d) => tally.take(d, &mut ready),
                None => break,
            }
        }
        let t = Instant::now();
        writer.commit()?;
        tally.storing += t.elapsed();
    }
    tally.storing_cpu = thread_cpu();
    Ok(tally)
}

/// Hands each record to the worker pool as it is read, numbered in input
/// order, once its slots are free (the writer frees an article's slots as
/// it stores it).
fn read_and_extract(
    args: &Args,
    files: &[PathBuf],
    resources: &Resources,
    done: &std::sync::mpsc::Sender<Numbered>,
    slots: &SyncSender<()>,
) -> anyhow::Result<()> {
    let mut n = 0;
    rayon::in_place_scope(|scope| {
        input::for_each_record(files, args.inputs.published, |record| {
            // Never more than all the slots: once the articles before this
            // one are stored, every slot is free for it.
            let held = slots_for(record.size());
            for _ in 0..held {
                slots.send(()).map_err(|_| anyhow::anyhow!("the store writer stopped"))?;
            }
            let i = n;
            n += 1;
            let done = done.clone();
            scope.spawn(move |_| {
                // The writer waits for every number in turn: a panicking
                // extraction must still answer for its article, or the
                // writer and this reader would wait on each other forever.
                let origin = record.origin();
                let d = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| prepare(record, resources)))
                    .unwrap_or_else(|_| Done::Failed { message: format!("{origin}: extraction panicked"), bytes: 0 });
                // A send fails only when the writer stopped; its own error is reported after the join.
                let _ = done.send(Numbered { index: i, slots: held, done: d });
            });
            Ok(())
        })
    })
}

/// Removes a database this run created and closed, with the WAL's side
/// files; a file that is not there is fine.
fn remove_new_database(db: &Path) {
    let mut paths = vec![db.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        paths.push(PathBuf::from(side));
    }
    for path in paths {
        let _ = std::fs::remove_file(path);
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let db = args.db.clone().unwrap_or_else(|| crate::data_dir().join("frontline.db"));
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create directory {}", parent.display()))?;
    }
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let (done_send, done) = channel::<Numbered>();
    let (slots_send, slots) = sync_channel::<()>(SLOTS);
    let (start_send, start) = sync_channel::<Instant>(1);
    let per_transaction = args.batch.max(1);
    // The writer opens the database while this thread loads the resources:
    // a new file's schema and its six fsyncs (tens of milliseconds, more
    // under load) are off the path to the first article. A run whose
    // resources fail to load removes the database it created, so `serve`
    // and `digest` still say there is none; an existing one is untouched.
    let created = !db.exists();
    // Named, so profiles (`perf report --sort comm`) show the store's share
    // apart from extraction.
    let writer = std::thread::Builder::new()
        .name("store-writer".into())
        .spawn({
            let db = db.clone();
            move || {
                let store = Store::open(&db).with_context(|| format!("cannot open database {}", db.display()))?;
                // No start: the resources failed to load, and that error is the one reported.
                let Ok(started) = start.recv() else { return Ok(Tally::default()) };
                let order = InOrder { done, slots, pending: BTreeMap::new(), next: 0 };
                write_in_order(store, order, per_transaction, progress, started)
                    .with_context(|| format!("cannot write to {}", db.display()))
            }
        })
        .context("cannot start the store writer thread")?;
    let (resources, files) = match args.inputs.prepare() {
        Ok(prepared) => prepared,
        Err(e) => {
            drop(start_send);
            // Let an open in progress finish its transaction before the process ends.
            let _ = writer.join();
            if created {
                remove_new_database(&db);
            }
            return Err(e);
        }
    };
    let started = Instant::now();
    // A failed send: the database did not open, and the writer's error says why.
    let read = match start_send.send(started) {
        Ok(()) => read_and_extract(&args, &files, &resources, &done_send, &slots_send),
        Err(_) => Ok(()),
    };
    drop((done_send, slots_send));
    let tally = writer.join().map_err(|_| anyhow::anyhow!("the store writer thread panicked"))??;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_articles_hold_slots_by_size_so_the_queue_is_bounded_in_bytes() {
        // A short dispatch holds one slot: 1024 of them fit, as before.
        assert_eq!(slots_for(2_800), 1);
        assert_eq!(slots_for(0), 1);
        assert_eq!(slots_for(SLOT_BYTES), 1);
        assert_eq!(slots_for(SLOT_BYTES + 1), 2);
        // A long-form report of ~130 KB holds four: 256 fill the queue, 33 MB.
        let long = 130_000;
        assert_eq!(slots_for(long), 4);
        assert!(SLOTS / slots_for(long) * long <= SLOTS * SLOT_BYTES);
        // Any mix of sizes: the slots held bound the bytes in flight.
        for size in [1, 4_000, 65_537, 700_000, 4 << 20, 8 << 20] {
            assert!(size <= slots_for(size) * SLOT_BYTES, "{size}");
        }
    }

    #[test]
    fn a_record_over_the_whole_budget_holds_every_slot_and_goes_alone() {
        assert_eq!(slots_for(SLOTS * SLOT_BYTES), SLOTS);
        assert_eq!(slots_for(SLOTS * SLOT_BYTES + 1), SLOTS);
        assert_eq!(slots_for(usize::MAX), SLOTS);
    }
}
