//! The read side this crate's commands need: streaming export of merged
//! events under a filter, control spans, and a digest of the whole content
//! (what "the same database" means in tests: rowids and file layout aside).

use std::fmt::Write as _;

use chrono::NaiveDate;
use frontline_pipeline::control::{ControlSpan, ControlState};
use frontline_pipeline::merge::MergedEvent;
use frontline_pipeline::read::content_hash;
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use crate::ingest::parse;
use crate::{Store, StoreError};

/// Which events an export or query wants. Every field narrows; `None` keeps all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Country name as the events give it (any case).
    pub country: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    /// Actor name as actor1 or actor2.
    pub actor: Option<String>,
    /// west, south, east, north (degrees).
    pub bbox: Option<[f64; 4]>,
    /// FTS5 query over the text and title of the mentioning articles.
    pub text: Option<String>,
}

impl EventFilter {
    /// The WHERE clause (over `events e`) and its parameters.
    pub fn sql(&self) -> (String, Vec<Value>) {
        let mut conds: Vec<&str> = vec!["1"];
        let mut args: Vec<Value> = Vec::new();
        if let Some(d) = self.from {
            conds.push("e.event_date >= ?");
            args.push(Value::Text(d.to_string()));
        }
        if let Some(d) = self.to {
            conds.push("e.event_date <= ?");
            args.push(Value::Text(d.to_string()));
        }
        if let Some(c) = &self.country {
            conds.push("e.country = ? COLLATE NOCASE");
            args.push(Value::Text(c.clone()));
        }
        if let Some(t) = &self.event_type {
            conds.push("e.event_type = ?");
            args.push(Value::Text(t.clone()));
        }
        if let Some(t) = &self.sub_event_type {
            conds.push("e.sub_event_type = ?");
            args.push(Value::Text(t.clone()));
        }
        if let Some(a) = &self.actor {
            conds.push("(e.actor1 = ? OR e.actor2 = ?)");
            args.push(Value::Text(a.clone()));
            args.push(Value::Text(a.clone()));
        }
        if let Some([w, s, e, n]) = self.bbox {
            conds.push(
                "e.rowid IN (SELECT id FROM events_rtree WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?)",
            );
            args.extend([Value::Real(w), Value::Real(e), Value::Real(s), Value::Real(n)]);
        }
        if let Some(q) = &self.text {
            conds.push(
                "e.event_id IN (SELECT c.event_id FROM claims c JOIN articles a ON a.id = c.article_id
                 WHERE a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))",
            );
            args.push(Value::Text(q.clone()));
        }
        (conds.join(" AND "), args)
    }
}

/// Either a store error or the sink's own.
#[derive(Debug, thiserror::Error)]
pub enum ExportError<E> {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Sink(E),
}

impl Store {
    /// Streams the merged events matching `filter`, by date then id, to
    /// `sink`, one at a time (constant memory whatever the count).
    pub fn export<E>(
        &self,
        filter: &EventFilter,
        mut sink: impl FnMut(&MergedEvent) -> Result<(), E>,
    ) -> Result<(), ExportError<E>> {
        let (cond, args) = filter.sql();
        let sql = format!("SELECT e.event_id, e.json FROM events e WHERE {cond} ORDER BY e.event_date, e.event_id");
        let mut st = self.conn.prepare(&sql).map_err(StoreError::from)?;
        let mut rows = st.query(params_from_iter(args)).map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            let id: String = row.get(0).map_err(StoreError::from)?;
            let json: String = row.get(1).map_err(StoreError::from)?;
            let event: MergedEvent = parse(&json, &id)?;
            sink(&event).map_err(ExportError::Sink)?;
        }
        Ok(())
    }

    /// Counts of articles, claims, events and control spans.
    pub fn counts(&self) -> Result<[u64; 4], StoreError> {
        let mut out = [0u64; 4];
        for (i, t) in ["articles", "claims", "events", "control_spans"].iter().enumerate() {
            out[i] = self.conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0))? as u64;
        }
        Ok(out)
    }

    /// A hash of the whole content, independent of rowids, page layout and
    /// insertion order: two databases with the same digest hold the same data.
    pub fn digest(&self) -> Result<String, StoreError> {
        let queries = [
            "SELECT id, content_hash, published, published_inferred FROM articles ORDER BY id",
            r#"SELECT article_id, seq, kind, start, "end", json FROM mentions ORDER BY article_id, seq"#,
            "SELECT article_id, seq, event_id, family, sub_event_type, event_date, date_from, date_to, time_precision,
             latitude, longitude, geo_precision, geonameid, country, location, actor1, actor2, place_key, source,
             fatalities, json FROM claims ORDER BY article_id, seq",
            "SELECT event_id, place_key, json FROM events ORDER BY event_id",
            "SELECT article_id, seq, json FROM statements ORDER BY article_id, seq",
            "SELECT place_key, seq, place, holder, state, from_date, to_date, event_ids, sources FROM control_spans
             ORDER BY place_key, seq",
            "SELECT count(*) FROM articles_fts",
            "SELECT count(*) FROM events_rtree",
        ];
        let mut all = String::new();
        for q in queries {
            let mut st = self.conn.prepare(q)?;
            let n = st.column_count();
            let mut rows = st.query([])?;
            while let Some(row) = rows.next()? {
                for i in 0..n {
                    let v: Value = row.get(i)?;
                    let _ = write!(all, "{v:?}\u{1f}");
                }
                all.push('\n');
            }
            all.push('\u{1e}');
        }
        Ok(content_hash(&all))
    }
}

pub(crate) fn control_spans(
    conn: &Connection,
    place: Option<&str>,
    on: Option<NaiveDate>,
) -> Result<Vec<ControlSpan>, StoreError> {
    let mut sql = String::from(
        "SELECT place_key, seq, place, geonameid, latitude, longitude, holder, state, from_date, to_date, event_ids,
         sources FROM control_spans WHERE 1",
    );
    let mut args: Vec<Value> = Vec::new();
    if let Some(p) = place {
        sql.push_str(" AND place = ? COLLATE NOCASE");
        args.push(Value::Text(p.to_string()));
    }
    if let Some(d) = on {
        sql.push_str(" AND (from_date IS NULL OR from_date <= ?) AND (to_date IS NULL OR to_date > ?)");
        args.push(Value::Text(d.to_string()));
        args.push(Value::Text(d.to_string()));
    }
    sql.push_str(" ORDER BY place COLLATE NOCASE, place_key, seq");
    let mut st = conn.prepare(&sql)?;
    let mut rows = st.query(params_from_iter(args))?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let key: String = r.get(0)?;
        let seq: i64 = r.get(1)?;
        let what = || format!("control span {key}#{seq}");
        let date = |s: Option<String>| -> Result<Option<NaiveDate>, StoreError> {
            s.map(|s| {
                s.parse().map_err(|e: chrono::ParseError| StoreError::Corrupt { what: what(), reason: e.to_string() })
            })
            .transpose()
        };
        let state: String = r.get(7)?;
        out.push(ControlSpan {
            place: r.get(2)?,
            geonameid: r.get::<_, Option<i64>>(3)?.map(|g| g as u64),
            latitude: r.get(4)?,
            longitude: r.get(5)?,
            holder: r.get(6)?,
            state: ControlState::parse(&state)
                .ok_or_else(|| StoreError::Corrupt { what: what(), reason: format!("bad state {state:?}") })?,
            from: date(r.get(8)?)?,
            to: date(r.get(9)?)?,
            event_ids: parse(&r.get::<_, String>(10)?, &what())?,
            sources: parse(&r.get::<_, String>(11)?, &what())?,
        });
    }
    Ok(out)
}
