//! `frontline extract`: articles in, events (and mentions) out as JSON Lines.
//! Stateless and streaming; parallel over articles in batches, output in
//! input order.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use frontline_pipeline::{Severity, process};
use rayon::prelude::*;

use crate::Outcome;
use crate::input::{self, Item};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub inputs: super::Inputs,
    /// Events output (JSON Lines); stdout when absent.
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
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut mentions_out = match &args.mentions {
        Some(p) => Some(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => None,
    };
    let mut failed = 0usize;
    let mut batch: Vec<Item> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Item>| -> anyhow::Result<()> {
        let results: Vec<_> = batch
            .par_drain(..)
            .map(|item| {
                item.map(|a| {
                    let x = process(&a, &resources);
                    (a.id, x)
                })
            })
            .collect();
        for r in results {
            match r {
                Err(e) => {
                    failed += 1;
                    eprintln!("frontline: article {}: {}", e.article_id, e.reason);
                }
                Ok((id, x)) => {
                    for d in &x.diagnostics {
                        if d.severity == Severity::Error {
                            failed += 1;
                            eprintln!("frontline: article {id}: {}", d.message);
                        }
                    }
                    for ev in &x.events {
                        serde_json::to_writer(&mut events_out, ev)?;
                        events_out.write_all(b"\n")?;
                    }
                    if let Some(m) = mentions_out.as_mut() {
                        for r in &x.mentions {
                            serde_json::to_writer(&mut *m, r)?;
                            m.write_all(b"\n")?;
                        }
                    }
                }
            }
        }
        Ok(())
    };
    input::for_each(&files, args.inputs.published, |item| {
        batch.push(item);
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
