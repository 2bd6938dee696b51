//! Read-side queries for the HTTP API: pages of events with filters and
//! keyset paging, compact map points, one event with its articles, an
//! article with its spans, actors and summary statistics.
//!
//! **Invariant:** every filter is a bound parameter; no text from a request
//! is ever spliced into SQL. Free text goes to FTS5 as quoted phrases.
//!
//! Speed at a million events (issue 6): every query reads an index range or
//! a summary and stops at its page; nothing reads every event.
//! - Totals and statistics of date/type/country filters sum `event_days`
//!   (per-day summaries kept by triggers); other totals count at most
//!   [`COUNT_CAP`] rows and then say they are a lower bound.
//! - A short date range walks the covering index `events_map` (date,
//!   coordinates, type, fatalities), testing the box on its columns.
//! - A box without one is probed in `events_rtree`: a small box is read
//!   through it; a full one by walking `events_map` newest first, or
//!   `events_deadliest` (fatality order, with the filtered columns) for
//!   deadliest-first pages and truncated map points, stopping at the page.
//! - Pages pick row ids in order from the indexes, then read the JSON of
//!   just those rows.

use chrono::NaiveDate;
use frontline_pipeline::control::ControlSpan;
use frontline_pipeline::merge::MergedEvent;
use frontline_pipeline::model::EventType;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params, params_from_iter};
use serde::{Serialize, Serializer};

use crate::{Store, StoreError};

/// The order of a page of events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Latest event date first (the default).
    #[default]
    Newest,
    Oldest,
    /// Most fatalities first.
    Deadliest,
}

/// Where the previous page ended: the sort key and event id of its last row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cursor {
    Date(NaiveDate, String),
    Fatalities(u32, String),
}

impl Cursor {
    /// Parses a cursor given back by a client for a page sorted by `sort`.
    pub fn parse(s: &str, sort: Sort) -> Option<Cursor> {
        let (key, id) = s.split_once('~')?;
        if id.is_empty() {
            return None;
        }
        match sort {
            Sort::Newest | Sort::Oldest => {
                NaiveDate::parse_from_str(key, "%Y-%m-%d").ok().map(|d| Cursor::Date(d, id.to_string()))
            }
            Sort::Deadliest => key.parse().ok().map(|f| Cursor::Fatalities(f, id.to_string())),
        }
    }

    fn encode(&self) -> String {
        match self {
            Cursor::Date(d, id) => format!("{d}~{id}"),
            Cursor::Fatalities(f, id) => format!("{f}~{id}"),
        }
    }
}

/// Filters, order and page of an events query. Empty filters match all.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// west, south, east, north.
    pub bbox: Option<[f64; 4]>,
    /// An ACLED event type or sub-event type, exact name.
    pub event_type: Option<String>,
    /// actor1 or actor2, exact name.
    pub actor: Option<String>,
    pub country: Option<String>,
    /// Full-text search over the articles behind the events.
    pub text: Option<String>,
    pub sort: Sort,
    pub limit: u32,
    pub cursor: Option<Cursor>,
}

/// One page of events (`GET /api/events`).
#[derive(Debug, Serialize)]
pub struct EventPage {
    pub events: Vec<MergedEvent>,
    /// Events matching the filters, over all pages (at least, when `total_capped`).
    pub total: i64,
    /// The count stopped at [`COUNT_CAP`]: more events match.
    pub total_capped: bool,
    /// Cursor of the next page; `None` on the last.
    pub next: Option<String>,
}

/// A map point, serialised as `[event_id, latitude, longitude, event_type, fatalities, event_date]`.
#[derive(Debug)]
pub struct MapPoint {
    pub event_id: String,
    pub latitude: f64,
    pub longitude: f64,
    pub event_type: String,
    pub fatalities: u32,
    pub event_date: String,
}

impl Serialize for MapPoint {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.event_id, self.latitude, self.longitude, &self.event_type, self.fatalities, &self.event_date)
            .serialize(s)
    }
}

/// Points for the map (`GET /api/points`): the deadliest `limit` when more match.
#[derive(Debug, Serialize)]
pub struct MapPoints {
    pub points: Vec<MapPoint>,
    /// Located events matching the filters (at least, when `total_capped`).
    pub total: i64,
    pub total_capped: bool,
    pub truncated: bool,
}

/// An article's metadata.
#[derive(Debug, Serialize)]
pub struct ArticleMeta {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// One event with the articles that report it (`GET /api/events/{id}`).
#[derive(Debug, Serialize)]
pub struct EventDetail {
    pub event: MergedEvent,
    pub articles: Vec<ArticleMeta>,
}

/// A span of an article's text: a mention (`place`, `actor`, `date`,
/// `count`) or the `evidence` of an event.
#[derive(Debug, Serialize)]
pub struct Span {
    pub start: i64,
    pub end: i64,
    pub kind: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

/// An article with its text and spans (`GET /api/articles/{id}`).
#[derive(Debug, Serialize)]
pub struct ArticleView {
    #[serde(flatten)]
    pub meta: ArticleMeta,
    pub text: String,
    pub spans: Vec<Span>,
}

/// An actor and how active it is (`GET /api/actors`).
#[derive(Debug, Serialize)]
pub struct ActorCount {
    pub actor: String,
    pub events: i64,
    pub fatalities: i64,
}

#[derive(Debug, Serialize)]
pub struct TypeCount {
    pub event_type: String,
    pub events: i64,
    pub fatalities: i64,
}

#[derive(Debug, Serialize)]
pub struct DayCount {
    pub date: String,
    pub event_type: String,
    pub events: i64,
}

/// Summary statistics of the events matching a query (`GET /api/stats`).
#[derive(Debug, Serialize)]
pub struct Stats {
    pub events: i64,
    pub fatalities: i64,
    /// Articles in the whole store.
    pub articles: i64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// west, south, east, north of the located events.
    pub bbox: Option<[f64; 4]>,
    pub by_type: Vec<TypeCount>,
    pub by_day: Vec<DayCount>,
}

/// A WHERE clause with its bound values.
struct Where {
    sql: String,
    values: Vec<Value>,
}

impl Where {
    fn and(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        self.sql.push_str(if self.sql.is_empty() { " WHERE " } else { " AND " });
        self.sql.push_str(clause);
        self.values.extend(values);
    }
}

/// Most rows a count reads; past it a total is a lower bound (`total_capped`).
pub const COUNT_CAP: i64 = 10_000;

/// How much work a query may do before it changes plan; tests shrink these
/// to force every plan on a small database.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Most rows a count reads.
    count_cap: i64,
    /// A box with fewer located events is read through `events_rtree`.
    small_box: i64,
    /// Fewer matching events than this are sorted deadliest first; more are
    /// found by walking `events_deadliest` (dense enough to stop soon).
    dense: i64,
}

const LIMITS: Limits = Limits { count_cap: COUNT_CAP, small_box: 4_000, dense: 5_000 };

/// How the box of a query is tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BoxVia {
    /// Row ids from `events_rtree`: for small boxes and selective filters.
    Rtree,
    /// The coordinates of whichever index is walked: for full boxes.
    Columns,
}

/// The filters of `q` as a WHERE clause over `events e` (no paging).
fn filters(q: &EventQuery, via: BoxVia) -> Where {
    let mut w = Where { sql: String::new(), values: Vec::new() };
    if let Some(from) = q.from {
        w.and("e.event_date >= ?", [Value::Text(from.to_string())]);
    }
    if let Some(to) = q.to {
        w.and("e.event_date <= ?", [Value::Text(to.to_string())]);
    }
    if let Some([west, south, east, north]) = q.bbox {
        match via {
            BoxVia::Columns => w.and(
                "e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?",
                [south, north, west, east].map(Value::Real),
            ),
            BoxVia::Rtree => w.and(
                "e.rowid IN (SELECT id FROM events_rtree \
                 WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?)",
                [west, east, south, north].map(Value::Real),
            ),
        }
    }
    if let Some(t) = &q.event_type {
        let column = if is_event_type(t) { "e.event_type" } else { "e.sub_event_type" };
        w.and(&format!("{column} = ?"), [Value::Text(t.clone())]);
    }
    if let Some(a) = &q.actor {
        w.and("(e.actor1 = ? OR e.actor2 = ?)", [Value::Text(a.clone()), Value::Text(a.clone())]);
    }
    if let Some(c) = &q.country {
        w.and("e.country = ?", [Value::Text(c.clone())]);
    }
    if let Some(text) = &q.text {
        w.and(
            "e.event_id IN (SELECT c.event_id FROM claims c JOIN articles a ON a.id = c.article_id \
             WHERE a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))",
            [Value::Text(fts_phrases(text))],
        );
    }
    w
}

/// The box of the whole world: every located event.
const WORLD: [f64; 4] = [-180.0, -90.0, 180.0, 90.0];

/// Whether `event_days` answers the query: no box, actor or text filter.
fn summarised(q: &EventQuery) -> bool {
    q.bbox.is_none() && q.actor.is_none() && q.text.is_none()
}

/// The filters of a [`summarised`] query over `event_days d`.
fn summary_filters(q: &EventQuery) -> Where {
    let mut w = Where { sql: String::new(), values: Vec::new() };
    if let Some(from) = q.from {
        w.and("d.event_date >= ?", [Value::Text(from.to_string())]);
    }
    if let Some(to) = q.to {
        w.and("d.event_date <= ?", [Value::Text(to.to_string())]);
    }
    if let Some(t) = &q.event_type {
        let column = if is_event_type(t) { "d.event_type" } else { "d.sub_event_type" };
        w.and(&format!("{column} = ?"), [Value::Text(t.clone())]);
    }
    if let Some(c) = &q.country {
        w.and("d.country = ?", [Value::Text(c.clone())]);
    }
    w
}

/// `INDEXED BY events_map` when a short date range is walked and the index
/// holds every column the filters read: the planner would otherwise start
/// from an event-type index and read each event's row for its coordinates.
fn map_hint(q: &EventQuery) -> &'static str {
    let covered = q.actor.is_none()
        && q.country.is_none()
        && q.text.is_none()
        && q.event_type.as_deref().is_none_or(is_event_type);
    if covered && narrow_dates(q) { " INDEXED BY events_map" } else { "" }
}

/// Whether `q` filters by actor or text (see `Store::sparse`).
fn selective(q: &EventQuery) -> bool {
    q.actor.is_some() || q.text.is_some()
}

/// Whether both ends of the date range are given and at most
/// [`NARROW_DAYS`] apart: then the date index selects better than the box.
fn narrow_dates(q: &EventQuery) -> bool {
    matches!((q.from, q.to), (Some(from), Some(to)) if (to - from).num_days() <= NARROW_DAYS)
}

/// A date range this short is assumed to select fewer events than a box.
const NARROW_DAYS: i64 = 120;

fn is_event_type(name: &str) -> bool {
    EventType::ALL.iter().any(|t| t.as_str() == name)
}

/// Free text as an FTS5 query: every word a quoted phrase, all required.
fn fts_phrases(text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect();
    if words.is_empty() { "\"\"".to_string() } else { words.join(" ") }
}

fn parse_event(json: &str, event_id: &str) -> Result<MergedEvent, StoreError> {
    serde_json::from_str(json)
        .map_err(|e| StoreError::Corrupt { what: format!("event {event_id}"), reason: e.to_string() })
}

impl Store {
    /// One page of events matching `q`, and how many match in all.
    pub fn events_page(&self, q: &EventQuery) -> Result<EventPage, StoreError> {
        self.events_page_with(q, LIMITS)
    }

    fn events_page_with(&self, q: &EventQuery, limits: Limits) -> Result<EventPage, StoreError> {
        let sparse = self.sparse(q, limits)?;
        let via = self.box_via(q, limits, sparse)?;
        let mut w = filters(q, via);
        let (total, total_capped) = self.total(q, &w, limits.count_cap)?;
        let (order, key) = match q.sort {
            Sort::Newest => ("e.event_date DESC, e.event_id DESC", "e.event_date"),
            Sort::Oldest => ("e.event_date ASC, e.event_id ASC", "e.event_date"),
            Sort::Deadliest => ("e.fatalities DESC, e.event_id DESC", "e.fatalities"),
        };
        // Which index gives the rows in order and holds the filtered columns
        // (an actor or text filter common enough is checked row by row).
        let wide = !sparse && !narrow_dates(q) && via == BoxVia::Columns;
        // A rare type or country is quicker sorted than sought in fatality order.
        let dense = !summarised(q) || total >= limits.dense;
        let hint = match q.sort {
            Sort::Deadliest if wide && dense => " INDEXED BY events_deadliest",
            Sort::Newest | Sort::Oldest if wide && q.bbox.is_some() => " INDEXED BY events_map",
            Sort::Newest | Sort::Oldest if wide && selective(q) => " INDEXED BY events_date",
            Sort::Deadliest => map_hint(q),
            _ => "",
        };
        let after = if q.sort == Sort::Oldest { ">" } else { "<" };
        match &q.cursor {
            Some(Cursor::Date(d, id)) => w.and(
                &format!("({key}, e.event_id) {after} (?, ?)"),
                [Value::Text(d.to_string()), Value::Text(id.clone())],
            ),
            Some(Cursor::Fatalities(f, id)) => w.and(
                &format!("({key}, e.event_id) {after} (?, ?)"),
                [Value::Integer(i64::from(*f)), Value::Text(id.clone())],
            ),
            None => {}
        }
        let limit = q.limit.max(1);
        w.values.push(Value::Integer(i64::from(limit) + 1));
        let sql = format!("SELECT e.rowid FROM events e{hint}{} ORDER BY {order} LIMIT ?", w.sql);
        let rowids: Vec<i64> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(params_from_iter(w.values.iter()), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let more = rowids.len() > limit as usize;
        let mut read = self.conn.prepare_cached("SELECT event_id, json FROM events WHERE rowid = ?")?;
        let mut events = Vec::with_capacity(rowids.len().min(limit as usize));
        for rowid in rowids.iter().take(limit as usize) {
            let (id, json): (String, String) = read.query_row([rowid], |r| Ok((r.get(0)?, r.get(1)?)))?;
            events.push(parse_event(&json, &id)?);
        }
        let next = match events.last() {
            Some(last) if more => Some(
                match q.sort {
                    Sort::Newest | Sort::Oldest => Cursor::Date(last.event_date, last.event_id.clone()),
                    Sort::Deadliest => Cursor::Fatalities(last.fatalities, last.event_id.clone()),
                }
                .encode(),
            ),
            _ => None,
        };
        Ok(EventPage { events, total, total_capped, next })
    }

    /// Whether an actor or text filter of `q` selects few events (fewer
    /// than `limits.dense` for the actor, articles for the text): then the
    /// plan starts from it; a common one is tested on each row of a walk.
    fn sparse(&self, q: &EventQuery, limits: Limits) -> Result<bool, StoreError> {
        if let Some(actor) = &q.actor {
            let n: Option<i64> = self
                .conn
                .prepare_cached("SELECT events FROM actor_counts WHERE actor = ?")?
                .query_row([actor], |r| r.get(0))
                .optional()?;
            if n.unwrap_or(0) < limits.dense {
                return Ok(true);
            }
        }
        if let Some(text) = &q.text {
            let n: i64 = self
                .conn
                .prepare_cached("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)")?
                .query_row(params![fts_phrases(text), limits.dense], |r| r.get(0))?;
            if n < limits.dense {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// How to test the box of `q`: by its coordinates when dates already
    /// narrow the walk or the box holds many events, else through the R*Tree.
    fn box_via(&self, q: &EventQuery, limits: Limits, sparse: bool) -> Result<BoxVia, StoreError> {
        let Some([west, south, east, north]) = q.bbox else { return Ok(BoxVia::Columns) };
        if narrow_dates(q) {
            return Ok(BoxVia::Columns);
        }
        if sparse {
            return Ok(BoxVia::Rtree);
        }
        let inside: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM events_rtree \
                 WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ? LIMIT ?)",
            )?
            .query_row(params![west, east, south, north, limits.small_box], |r| r.get(0))?;
        Ok(if inside < limits.small_box { BoxVia::Rtree } else { BoxVia::Columns })
    }

    /// How many events match (`w` is `filters(q, ..)`), and whether the
    /// count stopped at `cap`. Summarised queries are exact and cheap; a box
    /// alone is counted in the R*Tree, without reading events.
    fn total(&self, q: &EventQuery, w: &Where, cap: i64) -> Result<(i64, bool), StoreError> {
        if summarised(q) {
            let s = summary_filters(q);
            let n = self
                .conn
                .prepare_cached(&format!("SELECT COALESCE(SUM(d.events), 0) FROM event_days d{}", s.sql))?
                .query_row(params_from_iter(s.values.iter()), |r| r.get(0))?;
            return Ok((n, false));
        }
        let box_only = EventQuery { bbox: None, sort: Sort::default(), limit: 0, cursor: None, ..q.clone() };
        let (sql, values) = match q.bbox {
            Some([west, south, east, north]) if filters(&box_only, BoxVia::Columns).sql.is_empty() => (
                "SELECT COUNT(*) FROM (SELECT 1 FROM events_rtree \
                 WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ? LIMIT ?)"
                    .to_string(),
                [west, east, south, north].map(Value::Real).into_iter().chain([Value::Integer(cap + 1)]).collect(),
            ),
            _ => (
                format!("SELECT COUNT(*) FROM (SELECT 1 FROM events e{}{} LIMIT ?)", map_hint(q), w.sql),
                w.values.iter().cloned().chain([Value::Integer(cap + 1)]).collect::<Vec<_>>(),
            ),
        };
        let n: i64 = self.conn.prepare_cached(&sql)?.query_row(params_from_iter(values.iter()), |r| r.get(0))?;
        Ok(if n > cap { (cap, true) } else { (n, false) })
    }

    /// Located events matching `q` as compact points, the deadliest first
    /// when more than `q.limit` match.
    pub fn map_points(&self, q: &EventQuery) -> Result<MapPoints, StoreError> {
        self.map_points_with(q, LIMITS)
    }

    fn map_points_with(&self, q: &EventQuery, limits: Limits) -> Result<MapPoints, StoreError> {
        // Points of an actor or a text are few enough to read from their filter.
        let via = self.box_via(q, limits, selective(q))?;
        let mut w = filters(q, via);
        w.and("e.latitude IS NOT NULL AND e.longitude IS NOT NULL", []);
        let limit = i64::from(q.limit.max(1));
        // Without a short date range or a small box, walk the deadliest first
        // and stop at the limit; else read the few matching rows, and sort
        // them only when the answer is cut.
        let walk = !selective(q) && !narrow_dates(q) && via == BoxVia::Columns;
        let first = if walk { " INDEXED BY events_deadliest" } else { map_hint(q) };
        let order = if walk { " ORDER BY e.fatalities DESC, e.event_id DESC" } else { "" };
        let mut points = self.points(&w, first, order, limit + 1)?;
        if points.len() as i64 <= limit {
            let total = points.len() as i64;
            return Ok(MapPoints { points, total, total_capped: false, truncated: false });
        }
        if walk {
            points.truncate(limit as usize);
        } else {
            points = self.points(&w, map_hint(q), " ORDER BY e.fatalities DESC, e.event_id DESC", limit)?;
        }
        // Only located events are points: the summaries count every event.
        let located = EventQuery { bbox: q.bbox.or(Some(WORLD)), ..q.clone() };
        let (total, total_capped) = self.total(&located, &w, limits.count_cap.max(2 * limit))?;
        Ok(MapPoints { points, total, total_capped, truncated: true })
    }

    fn points(&self, w: &Where, hint: &str, order: &str, limit: i64) -> Result<Vec<MapPoint>, StoreError> {
        let sql = format!(
            "SELECT e.event_id, e.latitude, e.longitude, e.event_type, e.fatalities, e.event_date \
             FROM events e{hint}{}{order} LIMIT ?",
            w.sql
        );
        let mut values = w.values.clone();
        values.push(Value::Integer(limit));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let points = stmt
            .query_map(params_from_iter(values.iter()), |r| {
                Ok(MapPoint {
                    event_id: r.get(0)?,
                    latitude: r.get(1)?,
                    longitude: r.get(2)?,
                    event_type: r.get(3)?,
                    fatalities: r.get(4)?,
                    event_date: r.get(5)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(points)
    }

    /// One event and the articles that report it; `None` when there is no such event.
    pub fn event_detail(&self, event_id: &str) -> Result<Option<EventDetail>, StoreError> {
        let json: Option<String> = self
            .conn
            .prepare_cached("SELECT json FROM events WHERE event_id = ?")?
            .query_row([event_id], |r| r.get(0))
            .optional()?;
        let Some(json) = json else { return Ok(None) };
        let event = parse_event(&json, event_id)?;
        let mut articles = Vec::with_capacity(event.article_ids.len());
        for id in &event.article_ids {
            if let Some(meta) = self.article_meta(id)? {
                articles.push(meta);
            }
        }
        Ok(Some(EventDetail { event, articles }))
    }

    fn article_meta(&self, id: &str) -> Result<Option<ArticleMeta>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT id, title, outlet, published, url FROM articles WHERE id = ?")?
            .query_row([id], |r| {
                Ok(ArticleMeta {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: r.get(3)?,
                    url: r.get(4)?,
                })
            })
            .optional()?)
    }

    /// An article with its text, its mentions and the evidence spans of the
    /// events coded from it; `None` when there is no such article.
    pub fn article_view(&self, id: &str) -> Result<Option<ArticleView>, StoreError> {
        let Some(meta) = self.article_meta(id)? else { return Ok(None) };
        let text: String =
            self.conn.prepare_cached("SELECT text FROM articles WHERE id = ?")?.query_row([id], |r| r.get(0))?;
        let mut spans = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, start, \"end\", text FROM mentions WHERE article_id = ? ORDER BY start, \"end\"",
        )?;
        let mentions = stmt.query_map([id], |r| {
            Ok(Span { kind: r.get(0)?, start: r.get(1)?, end: r.get(2)?, text: r.get(3)?, event_id: None })
        })?;
        for m in mentions {
            spans.push(m?);
        }
        let mut stmt =
            self.conn.prepare_cached("SELECT event_id, json FROM claims WHERE article_id = ? ORDER BY seq")?;
        let mut rows = stmt.query([id])?;
        while let Some(r) = rows.next()? {
            let event_id: String = r.get(0)?;
            let json: String = r.get(1)?;
            let claim: frontline_pipeline::model::Event = serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt { what: format!("claim of article {id}"), reason: e.to_string() })?;
            for ev in claim.evidence.into_iter().filter(|ev| ev.article_id == id) {
                spans.push(Span {
                    start: ev.start as i64,
                    end: ev.end as i64,
                    kind: "evidence".to_string(),
                    text: ev.text,
                    event_id: Some(event_id.clone()),
                });
            }
        }
        spans.sort_by_key(|s| (s.start, s.end));
        Ok(Some(ArticleView { meta, text, spans }))
    }

    /// The control timeline of one place, by GeoNames id or else by name.
    pub fn place_control(&self, place: &str, on: Option<NaiveDate>) -> Result<Vec<ControlSpan>, StoreError> {
        match place.parse::<u64>() {
            Ok(id) => Ok(self.control_spans(None, on)?.into_iter().filter(|s| s.geonameid == Some(id)).collect()),
            Err(_) => self.control_spans(Some(place), on),
        }
    }

    /// Actors (actor1 or actor2) by number of events, most active first.
    pub fn actors(&self, limit: u32) -> Result<Vec<ActorCount>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT actor, events, fatalities FROM actor_counts ORDER BY events DESC, actor LIMIT ?")?;
        let rows =
            stmt.query_map([limit], |r| Ok(ActorCount { actor: r.get(0)?, events: r.get(1)?, fatalities: r.get(2)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Totals, date range, bounding box, counts by type and by day of the
    /// events matching `q` (its paging is ignored).
    pub fn stats(&self, q: &EventQuery) -> Result<Stats, StoreError> {
        // One pass over per-day groups; totals, range and box are folded from
        // them. Date, type and country filters read the `event_days`
        // summary. Others read the events: through `events_map` when it
        // holds every column the filters read (the planner would otherwise
        // prefer an index that needs a table read per event).
        let (sql, w) = if summarised(q) {
            let w = summary_filters(q);
            let sql = format!(
                "SELECT d.event_date, d.event_type, SUM(d.events), SUM(d.fatalities), \
                 MIN(d.min_lon), MIN(d.min_lat), MAX(d.max_lon), MAX(d.max_lat) FROM event_days d{} \
                 GROUP BY d.event_date, d.event_type ORDER BY d.event_date",
                w.sql
            );
            (sql, w)
        } else {
            let covered = q.actor.is_none()
                && q.country.is_none()
                && q.text.is_none()
                && q.event_type.as_deref().is_none_or(is_event_type);
            let hint = if covered { " INDEXED BY events_map" } else { "" };
            let w = filters(q, BoxVia::Columns);
            let sql = format!(
                "SELECT e.event_date, e.event_type, COUNT(*), COALESCE(SUM(e.fatalities), 0), \
                 MIN(e.longitude), MIN(e.latitude), MAX(e.longitude), MAX(e.latitude) FROM events e{hint}{} \
                 GROUP BY e.event_date, e.event_type ORDER BY e.event_date",
                w.sql
            );
            (sql, w)
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(w.values.iter()))?;
        let mut stats = Stats {
            events: 0,
            fatalities: 0,
            articles: 0,
            first_date: None,
            last_date: None,
            bbox: None,
            by_type: Vec::new(),
            by_day: Vec::new(),
        };
        while let Some(r) = rows.next()? {
            let day = DayCount { date: r.get(0)?, event_type: r.get(1)?, events: r.get(2)? };
            let fatalities: i64 = r.get(3)?;
            stats.events += day.events;
            stats.fatalities += fatalities;
            match stats.by_type.iter_mut().find(|t| t.event_type == day.event_type) {
                Some(t) => {
                    t.events += day.events;
                    t.fatalities += fatalities;
                }
                None => {
                    stats.by_type.push(TypeCount { event_type: day.event_type.clone(), events: day.events, fatalities })
                }
            }
            let corners: [Option<f64>; 4] = [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?];
            if let [Some(w), Some(s), Some(e), Some(n)] = corners {
                let b = stats.bbox.get_or_insert([w, s, e, n]);
                *b = [b[0].min(w), b[1].min(s), b[2].max(e), b[3].max(n)];
            }
            if stats.first_date.is_none() {
                stats.first_date = Some(day.date.clone());
            }
            stats.last_date = Some(day.date.clone());
            stats.by_day.push(day);
        }
        stats.by_type.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.event_type.cmp(&b.event_type)));
        stats.articles = self.conn.prepare_cached("SELECT COUNT(*) FROM articles")?.query_row([], |r| r.get(0))?;
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontline_pipeline::model::{Evidence, Extraction, GeoPrecision, SubEventType, TimePrecision};
    use frontline_pipeline::{Article, Event};

    /// A store of `n` invented events spread over two boxes, 90 days, every
    /// sub-event type, two countries, four actors and tolls 0..20, in a
    /// scratch directory removed when the returned guard drops.
    fn store(n: usize) -> (tempfile::TempDir, Store, Vec<MergedEvent>) {
        let dir = tempfile::Builder::new().prefix("frontline-query-test-").tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("q.db")).unwrap();
        let mut x: u64 = 7;
        let mut next = |m: u64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let actors = ["Army", "Rebels", "Militia", "Police"];
        let day0 = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let items: Vec<(Article, Extraction)> = (0..n)
            .map(|i| {
                let id = format!("q{i:05}");
                let text = format!("Invented report {i}.");
                let sub = SubEventType::ALL[next(SubEventType::ALL.len() as u64) as usize];
                let (lat0, lon0) = if next(2) == 0 { (35.0, 38.0) } else { (33.0, 44.0) };
                let event = Event {
                    event_id: String::new(),
                    article_id: id.clone(),
                    event_date: day0 + chrono::Duration::days(next(90) as i64),
                    time_precision: TimePrecision::Day,
                    disorder_type: sub.disorder_type(),
                    event_type: sub.event_type(),
                    sub_event_type: sub,
                    actor1: actors[next(4) as usize].to_string(),
                    actor2: actors[next(4) as usize].to_string(),
                    country: if lon0 < 40.0 { "Syria" } else { "Iraq" }.to_string(),
                    location: format!("Place {i}"),
                    // Each event its own spot: no two merge.
                    latitude: Some(lat0 + i as f64 * 0.002),
                    longitude: Some(lon0 + next(1000) as f64 * 0.001),
                    geo_precision: GeoPrecision::Town,
                    fatalities: next(20) as u32,
                    source: "Invented".to_string(),
                    evidence: vec![Evidence {
                        article_id: id.clone(),
                        start: 0,
                        end: 8,
                        text: "Invented".to_string(),
                        source: "Invented".to_string(),
                    }],
                    assoc_actor_1: String::new(),
                    inter1: None,
                    assoc_actor_2: String::new(),
                    inter2: None,
                    interaction: None,
                    civilian_targeting: String::new(),
                    iso: None,
                    admin1: String::new(),
                    admin2: String::new(),
                    admin3: String::new(),
                    geonameid: None,
                    fatalities_low: 0,
                    fatalities_best: 0,
                    fatalities_high: 0,
                    notes: String::new(),
                    confidence: 0.5,
                };
                let article = Article { id, text, ..Article::default() };
                (article, Extraction { events: vec![event], ..Extraction::default() })
            })
            .collect();
        assert_eq!(store.bulk_load(items).unwrap().events, n);
        let all: Vec<MergedEvent> = {
            let mut st = store.connection().prepare("SELECT event_id, json FROM events").unwrap();
            let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).unwrap();
            rows.map(|r| r.unwrap()).map(|(id, json)| parse_event(&json, &id).unwrap()).collect()
        };
        (dir, store, all)
    }

    /// Whether `e` passes the filters of `q`, decided without SQL.
    fn matches(q: &EventQuery, e: &MergedEvent) -> bool {
        q.from.is_none_or(|d| e.event_date >= d)
            && q.to.is_none_or(|d| e.event_date <= d)
            && q.bbox.is_none_or(|[w, s, east, n]| {
                e.latitude.is_some_and(|la| (s..=n).contains(&la))
                    && e.longitude.is_some_and(|lo| (w..=east).contains(&lo))
            })
            && q.event_type.as_deref().is_none_or(|t| e.event_type.as_str() == t || e.sub_event_type.as_str() == t)
            && q.actor.as_deref().is_none_or(|a| e.actor1 == a || e.actor2 == a)
            && q.country.as_deref().is_none_or(|c| e.country == c)
    }

    #[test]
    fn every_plan_answers_what_the_filters_select() {
        let (_dir, store, all) = store(400);
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let queries = [
            EventQuery::default(),
            EventQuery { bbox: Some([37.0, 34.0, 39.5, 36.5]), ..Default::default() },
            EventQuery { bbox: Some([43.9, 32.9, 44.3, 33.2]), sort: Sort::Deadliest, ..Default::default() },
            EventQuery { bbox: Some([30.0, 30.0, 50.0, 40.0]), sort: Sort::Oldest, ..Default::default() },
            EventQuery {
                from: day("2020-02-01"),
                to: day("2020-02-29"),
                bbox: Some([37.0, 34.0, 39.5, 36.5]),
                ..Default::default()
            },
            EventQuery { country: Some("Iraq".into()), sort: Sort::Deadliest, ..Default::default() },
            EventQuery { event_type: Some("Riots".into()), sort: Sort::Deadliest, ..Default::default() },
            EventQuery {
                from: day("2020-02-01"),
                to: day("2020-03-15"),
                event_type: Some("Battles".into()),
                bbox: Some([30.0, 30.0, 50.0, 40.0]),
                sort: Sort::Deadliest,
                ..Default::default()
            },
            // Every invented article says "report": the text matches every event.
            EventQuery { text: Some("report".into()), ..Default::default() },
            EventQuery {
                text: Some("Report".into()),
                sort: Sort::Deadliest,
                country: Some("Iraq".into()),
                ..Default::default()
            },
            EventQuery { event_type: Some("Battles".into()), from: day("2020-01-15"), ..Default::default() },
            EventQuery {
                event_type: Some("Armed clash".into()),
                sort: Sort::Deadliest,
                bbox: Some([30.0, 30.0, 50.0, 40.0]),
                ..Default::default()
            },
            EventQuery {
                actor: Some("Police".into()),
                bbox: Some([37.0, 34.0, 39.5, 36.5]),
                sort: Sort::Deadliest,
                ..Default::default()
            },
            EventQuery {
                from: day("2020-03-01"),
                to: day("2020-03-31"),
                sort: Sort::Deadliest,
                country: Some("Syria".into()),
                ..Default::default()
            },
        ];
        let plans = [
            LIMITS,
            Limits { count_cap: 5, small_box: 0, dense: 0 },
            Limits { count_cap: 5, small_box: i64::MAX, dense: i64::MAX },
        ];
        for (qi, base) in queries.iter().enumerate() {
            let mut want: Vec<&MergedEvent> = all.iter().filter(|e| matches(base, e)).collect();
            match base.sort {
                Sort::Newest => want.sort_by(|a, b| (b.event_date, &b.event_id).cmp(&(a.event_date, &a.event_id))),
                Sort::Oldest => want.sort_by(|a, b| (a.event_date, &a.event_id).cmp(&(b.event_date, &b.event_id))),
                Sort::Deadliest => want.sort_by(|a, b| (b.fatalities, &b.event_id).cmp(&(a.fatalities, &a.event_id))),
            }
            let want_ids: Vec<&str> = want.iter().map(|e| e.event_id.as_str()).collect();
            for limits in plans {
                let what = format!("query {qi} with {limits:?}");
                // Every page in turn, following the cursors.
                let mut q = EventQuery { limit: 7, ..base.clone() };
                let mut got: Vec<String> = Vec::new();
                loop {
                    let page = store.events_page_with(&q, limits).unwrap();
                    let exact = summarised(&q) || want.len() as i64 <= limits.count_cap;
                    if exact {
                        assert_eq!((page.total, page.total_capped), (want.len() as i64, false), "{what}");
                    } else {
                        assert_eq!((page.total, page.total_capped), (limits.count_cap, true), "{what}");
                    }
                    got.extend(page.events.iter().map(|e| e.event_id.clone()));
                    match page.next {
                        Some(c) => q.cursor = Cursor::parse(&c, q.sort),
                        None => break,
                    }
                }
                assert_eq!(got, want_ids, "{what}");
                // Map points: all of them, or the deadliest when cut.
                let limit = (want.len() as u32 / 2).max(1);
                let points = store.map_points_with(&EventQuery { limit, ..base.clone() }, limits).unwrap();
                let mut got: Vec<&str> = points.points.iter().map(|p| p.event_id.as_str()).collect();
                got.sort_unstable();
                let mut deadliest: Vec<&MergedEvent> = want.clone();
                deadliest.sort_by(|a, b| (b.fatalities, &b.event_id).cmp(&(a.fatalities, &a.event_id)));
                let mut expect: Vec<&str> =
                    deadliest.iter().take(limit as usize).map(|e| e.event_id.as_str()).collect();
                expect.sort_unstable();
                assert_eq!(got, expect, "points of {what}");
                assert_eq!(points.truncated, want.len() > limit as usize, "{what}");
            }
            let stats = store.stats(base).unwrap();
            assert_eq!(stats.events, want.len() as i64, "stats of query {qi}");
            assert_eq!(stats.fatalities, want.iter().map(|e| i64::from(e.fatalities)).sum::<i64>(), "query {qi}");
        }
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let check = |s: &str, sort: Sort, expect: Option<&str>| {
            assert_eq!(Cursor::parse(s, sort).map(|c| c.encode()).as_deref(), expect, "cursor {s:?}");
        };
        check("2017-11-19~ev-1a2b", Sort::Newest, Some("2017-11-19~ev-1a2b"));
        check("2017-11-19~ev~x", Sort::Oldest, Some("2017-11-19~ev~x"));
        check("12~ev-1", Sort::Deadliest, Some("12~ev-1"));
        check("12~ev-1", Sort::Newest, None);
        check("2017-11-19~", Sort::Newest, None);
        check("nonsense", Sort::Newest, None);
    }

    #[test]
    fn free_text_becomes_quoted_phrases() {
        assert_eq!(fts_phrases("Abu Kamal"), "\"Abu\" \"Kamal\"");
        assert_eq!(fts_phrases("say \"hi\" OR x*"), "\"say\" \"\"\"hi\"\"\" \"OR\" \"x*\"");
        assert_eq!(fts_phrases("  "), "\"\"");
    }
}
