//! `frontline control`: the territorial-control timeline from the database,
//! as the control JSONL of SPEC section 2 or a table for people.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use frontline_store::{ControlSpan, Store};

use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// Only this place: its name as stored or any name the gazetteer knows for it ("Boukamal").
    #[arg(long)]
    pub place: Option<String>,
    /// Only the spans covering this day (YYYY-MM-DD): who held what then.
    #[arg(long)]
    pub on: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Database. Default: frontline.db in the data directory.
    #[arg(long)]
    pub db: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Table,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let db = args.db.clone().unwrap_or_else(|| crate::data_dir().join("frontline.db"));
    if !db.exists() {
        anyhow::bail!("database {} does not exist; create it with `frontline ingest --db {0}`", db.display());
    }
    let store = Store::open_read_only(&db).with_context(|| format!("cannot open database {}", db.display()))?;
    let mut spans = store.control_spans(None, args.on)?;
    if let Some(name) = &args.place {
        let ids: Vec<u64> = super::resources(&[])?.gazetteer.lookup(name).iter().map(|(p, _)| p.geonameid).collect();
        spans.retain(|s| s.place.eq_ignore_ascii_case(name) || s.geonameid.is_some_and(|g| ids.contains(&g)));
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Jsonl => {
            for s in &spans {
                serde_json::to_writer(&mut out, s)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Table => table(&mut out, &spans)?,
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

fn table(out: &mut impl Write, spans: &[ControlSpan]) -> std::io::Result<()> {
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "…".to_string());
    let rows: Vec<[String; 6]> = spans
        .iter()
        .map(|s| {
            [
                s.place.clone(),
                s.holder.clone(),
                s.state.as_str().to_string(),
                day(s.from),
                day(s.to),
                format!("{} events; {}", s.event_ids.len(), s.sources.join(", ")),
            ]
        })
        .collect();
    let head = ["place", "holder", "state", "from", "to", "evidence"].map(String::from);
    let mut width = head.clone().map(|h| h.chars().count());
    for r in &rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    for r in std::iter::once(&head).chain(&rows) {
        let cells: Vec<String> = r.iter().zip(width).map(|(c, w)| format!("{c:<w$}")).collect();
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    Ok(())
}
