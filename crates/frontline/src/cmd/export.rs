//! `frontline export`: merged events from the database as ACLED-column CSV,
//! JSON Lines, GeoJSON or Parquet. Streamed: events come one at a time from
//! the store and leave in bounded chunks (Parquet: one row group per
//! [`ROW_GROUP`] events), so memory stays flat whatever the count.
//!
//! One column table, [`COLUMNS`], drives CSV and Parquet: ACLED's export
//! columns in ACLED's order, then ours.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::{Datelike, NaiveDate};
use frontline_pipeline::SubEventType;
use frontline_store::{EventFilter, MergedEvent, Store};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum)]
    pub format: Format,
    /// Output file; stdout when absent.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// Country name as in the events ("Syria").
    #[arg(long)]
    pub country: Option<String>,
    /// ACLED event type ("Battles") or sub-event type ("Armed clash").
    #[arg(long = "type")]
    pub kind: Option<String>,
    /// Actor name as actor1 or actor2.
    #[arg(long)]
    pub actor: Option<String>,
    /// Bounding box WEST,SOUTH,EAST,NORTH in degrees.
    #[arg(long, value_parser = parse_bbox, allow_hyphen_values = true)]
    pub bbox: Option<[f64; 4]>,
    /// Full-text query over the mentioning articles (FTS5 syntax).
    #[arg(long = "q")]
    pub text: Option<String>,
    /// Database. Default: frontline.db in the data directory.
    #[arg(long)]
    pub db: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Jsonl,
    Geojson,
    Parquet,
}

fn parse_bbox(s: &str) -> Result<[f64; 4], String> {
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>().map_err(|e| format!("bad bbox number {x:?}: {e}")))
        .collect::<Result<_, _>>()?;
    <[f64; 4]>::try_from(v).map_err(|v| format!("bbox needs 4 numbers WEST,SOUTH,EAST,NORTH, got {}", v.len()))
}

/// Events per Parquet row group (and per Arrow batch).
const ROW_GROUP: usize = 16 * 1024;

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let db = args.db.clone().unwrap_or_else(|| crate::data_dir().join("frontline.db"));
    if !db.exists() {
        anyhow::bail!("database {} does not exist; create it with `frontline ingest --db {0}`", db.display());
    }
    let store = Store::open_read_only(&db).with_context(|| format!("cannot open database {}", db.display()))?;
    let mut filter = EventFilter {
        from: args.from,
        to: args.to,
        country: args.country.clone(),
        actor: args.actor.clone(),
        bbox: args.bbox,
        text: args.text.clone(),
        ..Default::default()
    };
    if let Some(k) = &args.kind {
        if SubEventType::from_acled(k).is_some() {
            filter.sub_event_type = Some(k.clone());
        } else if SubEventType::ALL.iter().any(|s| s.event_type().as_str() == k) {
            filter.event_type = Some(k.clone());
        } else {
            anyhow::bail!("--type {k:?} is neither an ACLED event type nor a sub-event type");
        }
    }
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?),
        None => Box::new(std::io::stdout()),
    };
    let out = BufWriter::with_capacity(1 << 16, out);
    match args.format {
        Format::Csv => csv(&store, &filter, out),
        Format::Jsonl => jsonl(&store, &filter, out),
        Format::Geojson => geojson(&store, &filter, out),
        Format::Parquet => parquet(&store, &filter, out),
    }?;
    Ok(Outcome::Ok)
}

/// One value of one column.
enum Cell {
    Text(String),
    Int(Option<i64>),
    Real(Option<f64>),
    Date(NaiveDate),
}

/// A column's type, as the Parquet schema declares it.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Int,
    Real,
    Date,
}

type Column = (&'static str, Kind, fn(&MergedEvent) -> Cell);

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// ACLED's export columns in ACLED's order, then ours. `region`,
/// `source_scale`, `tags` and `timestamp` are ACLED's own curation and stay
/// empty.
const COLUMNS: &[Column] = &[
    ("event_id_cnty", Kind::Text, |e| text(&e.event_id)),
    ("event_date", Kind::Date, |e| Cell::Date(e.event_date)),
    ("year", Kind::Int, |e| Cell::Int(Some(i64::from(e.event_date.year())))),
    ("time_precision", Kind::Int, |e| Cell::Int(Some(e.time_precision as i64))),
    ("disorder_type", Kind::Text, |e| text(e.disorder_type.as_str())),
    ("event_type", Kind::Text, |e| text(e.event_type.as_str())),
    ("sub_event_type", Kind::Text, |e| text(e.sub_event_type.as_str())),
    ("actor1", Kind::Text, |e| text(&e.actor1)),
    ("assoc_actor_1", Kind::Text, |e| text(&e.assoc_actor_1)),
    ("inter1", Kind::Int, |e| Cell::Int(e.inter1.map(|i| i64::from(i.code())))),
    ("actor2", Kind::Text, |e| text(&e.actor2)),
    ("assoc_actor_2", Kind::Text, |e| text(&e.assoc_actor_2)),
    ("inter2", Kind::Int, |e| Cell::Int(e.inter2.map(|i| i64::from(i.code())))),
    ("interaction", Kind::Int, |e| Cell::Int(e.interaction.map(i64::from))),
    ("civilian_targeting", Kind::Text, |e| text(&e.civilian_targeting)),
    ("iso", Kind::Int, |e| Cell::Int(e.iso.map(i64::from))),
    ("region", Kind::Text, |_| text("")),
    ("country", Kind::Text, |e| text(&e.country)),
    ("admin1", Kind::Text, |e| text(&e.admin1)),
    ("admin2", Kind::Text, |e| text(&e.admin2)),
    ("admin3", Kind::Text, |e| text(&e.admin3)),
    ("location", Kind::Text, |e| text(&e.location)),
    ("latitude", Kind::Real, |e| Cell::Real(e.latitude)),
    ("longitude", Kind::Real, |e| Cell::Real(e.longitude)),
    ("geo_precision", Kind::Int, |e| Cell::Int(Some(e.geo_precision as i64))),
    ("source", Kind::Text, |e| text(&e.source)),
    ("source_scale", Kind::Text, |_| text("")),
    ("notes", Kind::Text, |e| text(&e.notes)),
    ("fatalities", Kind::Int, |e| Cell::Int(Some(i64::from(e.fatalities)))),
    ("tags", Kind::Text, |_| text("")),
    ("timestamp", Kind::Int, |_| Cell::Int(None)),
    ("fatalities_low", Kind::Int, |e| Cell::Int(Some(i64::from(e.fatalities_low)))),
    ("fatalities_best", Kind::Int, |e| Cell::Int(Some(i64::from(e.fatalities_best)))),
    ("fatalities_high", Kind::Int, |e| Cell::Int(Some(i64::from(e.fatalities_high)))),
    ("confidence", Kind::Real, |e| Cell::Real(Some(e.confidence))),
    ("geonameid", Kind::Int, |e| Cell::Int(e.geonameid.map(|g| g as i64))),
    ("n_articles", Kind::Int, |e| Cell::Int(Some(e.article_ids.len() as i64))),
    ("article_ids", Kind::Text, |e| text(&e.article_ids.join("; "))),
    ("claims", Kind::Text, |e| text(&serde_json::to_string(&e.claims).unwrap_or_default())),
];

fn csv_field(out: &mut impl Write, s: &str) -> std::io::Result<()> {
    if s.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", s.replace('"', "\"\""))
    } else {
        out.write_all(s.as_bytes())
    }
}

fn csv(store: &Store, filter: &EventFilter, mut out: impl Write) -> anyhow::Result<()> {
    let header: Vec<&str> = COLUMNS.iter().map(|c| c.0).collect();
    writeln!(out, "{}", header.join(","))?;
    store.export(filter, |e| -> std::io::Result<()> {
        for (i, (_, _, get)) in COLUMNS.iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            match get(e) {
                Cell::Text(s) => csv_field(&mut out, &s)?,
                Cell::Int(Some(n)) => write!(out, "{n}")?,
                Cell::Real(Some(x)) => write!(out, "{x}")?,
                Cell::Int(None) | Cell::Real(None) => {}
                Cell::Date(d) => write!(out, "{d}")?,
            }
        }
        out.write_all(b"\n")
    })?;
    out.flush()?;
    Ok(())
}

fn jsonl(store: &Store, filter: &EventFilter, mut out: impl Write) -> anyhow::Result<()> {
    store.export(filter, |e| -> std::io::Result<()> {
        serde_json::to_writer(&mut out, e)?;
        out.write_all(b"\n")
    })?;
    out.flush()?;
    Ok(())
}

fn geojson(store: &Store, filter: &EventFilter, mut out: impl Write) -> anyhow::Result<()> {
    out.write_all(br#"{"type":"FeatureCollection","features":["#)?;
    let mut first = true;
    store.export(filter, |e| -> std::io::Result<()> {
        let geometry = match (e.longitude, e.latitude) {
            (Some(lon), Some(lat)) => serde_json::json!({"type": "Point", "coordinates": [lon, lat]}),
            _ => serde_json::Value::Null,
        };
        let feature = serde_json::json!({"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": e});
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        out.write_all(b"\n")?;
        serde_json::to_writer(&mut out, &feature)?;
        Ok(())
    })?;
    out.write_all(b"\n]}\n")?;
    out.flush()?;
    Ok(())
}

/// Column builders for one Arrow batch.
enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Real(Float64Builder),
    Date(Date32Builder),
}

fn parquet_schema() -> Arc<Schema> {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|(name, kind, _)| match kind {
            Kind::Text => Field::new(*name, DataType::Utf8, false),
            Kind::Int => Field::new(*name, DataType::Int64, true),
            Kind::Real => Field::new(*name, DataType::Float64, true),
            Kind::Date => Field::new(*name, DataType::Date32, false),
        })
        .collect();
    Arc::new(Schema::new(fields))
}

fn parquet(store: &Store, filter: &EventFilter, out: impl Write + Send) -> anyhow::Result<()> {
    let schema = parquet_schema();
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(ROW_GROUP))
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props)).context("cannot start parquet output")?;
    let mut builders: Vec<Builder> = COLUMNS
        .iter()
        .map(|(_, kind, _)| match kind {
            Kind::Text => Builder::Text(StringBuilder::new()),
            Kind::Int => Builder::Int(Int64Builder::new()),
            Kind::Real => Builder::Real(Float64Builder::new()),
            Kind::Date => Builder::Date(Date32Builder::new()),
        })
        .collect();
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let mut rows = 0usize;
    let finish = |builders: &mut Vec<Builder>| -> anyhow::Result<RecordBatch> {
        let columns: Vec<ArrayRef> = builders
            .iter_mut()
            .map(|b| -> ArrayRef {
                match b {
                    Builder::Text(b) => Arc::new(b.finish()),
                    Builder::Int(b) => Arc::new(b.finish()),
                    Builder::Real(b) => Arc::new(b.finish()),
                    Builder::Date(b) => Arc::new(b.finish()),
                }
            })
            .collect();
        RecordBatch::try_new(schema.clone(), columns).context("cannot build parquet batch")
    };
    store.export(filter, |e| -> anyhow::Result<()> {
        for (b, (_, _, get)) in builders.iter_mut().zip(COLUMNS) {
            match (b, get(e)) {
                (Builder::Text(b), Cell::Text(s)) => b.append_value(s),
                (Builder::Int(b), Cell::Int(n)) => b.append_option(n),
                (Builder::Real(b), Cell::Real(x)) => b.append_option(x),
                (Builder::Date(b), Cell::Date(d)) => b.append_value((d - epoch).num_days() as i32),
                _ => anyhow::bail!("column type changed for event {}", e.event_id),
            }
        }
        rows += 1;
        if rows.is_multiple_of(ROW_GROUP) {
            writer.write(&finish(&mut builders)?)?;
        }
        Ok(())
    })?;
    writer.write(&finish(&mut builders)?)?;
    writer.close().context("cannot finish parquet output")?;
    Ok(())
}
