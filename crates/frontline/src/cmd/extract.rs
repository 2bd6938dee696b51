//! `frontline extract`: articles in, events (and mentions) out as JSON Lines.
//! Stateless and streaming; parallel over articles in batches, output in
//! input order.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use frontline_pipeline::{Resources, Severity, process_writing_mentions};
use rayon::prelude::*;

use crate::Outcome;
use crate::input::{self, Record};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub inputs: super::Inputs,
    /// Events output (JSON Lines); stdout when absent or `-`.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Mentions output (JSON Lines).
    #[arg(long)]
    pub mentions: Option<PathBuf>,
}

/// Articles processed per parallel batch: bounds memory while keeping every core busy.
const BATCH: usize = 512;

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let (resources, files) = args.inputs.prepare()?;
    let mut events_out: Box<dyn Write> = match &args.output {
        Some(p) if p.as_os_str() != "-" => {
            Box::new(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?))
        }
        _ => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut mentions_out = match &args.mentions {
        Some(p) => Some(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => None,
    };
    let with_mentions = mentions_out.is_some();
    let mut failed = 0usize;
    let mut batch: Vec<Record> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Record>| -> anyhow::Result<()> {
        let done: Vec<Done> = batch.par_drain(..).map(|r| run_one(r, &resources, with_mentions)).collect();
        for d in done {
            failed += d.failed;
            for e in &d.errors {
                eprintln!("frontline: article {e}");
            }
            events_out.write_all(&d.events)?;
            if let Some(m) = mentions_out.as_mut() {
                m.write_all(&d.mentions)?;
            }
        }
        Ok(())
    };
    input::for_each_record(&files, args.inputs.published, |record| {
        batch.push(record);
        if batch.len() >= BATCH {
            flush(&mut batch)?;
        }
        Ok(())
    })?;
    flush(&mut batch)?;
    events_out.flush()?;
    if let Some(m) = mentions_out.as_mut() {
        m.flush()?;
    }
    Ok(if failed > 0 { Outcome::Partial } else { Outcome::Ok })
}

/// One article's output, made on a worker thread: the JSON Lines of its
/// events and mentions, and the errors to report, in order.
struct Done {
    events: Vec<u8>,
    mentions: Vec<u8>,
    errors: Vec<String>,
    failed: usize,
}

/// Parses, processes and serialises one record.
fn run_one(record: Record, resources: &Resources, with_mentions: bool) -> Done {
    let mut done = Done { events: Vec::new(), mentions: Vec::new(), errors: Vec::new(), failed: 0 };
    let a = match record.parse() {
        Ok(a) => a,
        Err(e) => {
            done.failed = 1;
            done.errors.push(format!("{}: {}", e.article_id, e.reason));
            return done;
        }
    };
    // Mention lines are written straight from the analysed article, and
    // not made at all without `--mentions`.
    let (x, _) = process_writing_mentions(&a, resources, with_mentions.then_some(&mut done.mentions));
    // Made at about its final size (an event's line takes about a
    // kilobyte), not grown from empty with a copy each time it doubles.
    done.events.reserve(1024 * x.events.len());
    for d in x.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        done.failed += 1;
        done.errors.push(format!("{}: {}", a.id, d.message));
    }
    for ev in &x.events {
        ev.write_json_line(&mut done.events);
    }
    done
}
