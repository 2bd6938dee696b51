//! Read-side queries for the HTTP API: pages of events with filters and
//! keyset paging, compact map points, one event with its articles, an
//! article with its spans, actors and summary statistics.
//!
//! **Invariant:** every filter is a bound parameter; no text from a request
//! is ever spliced into SQL. Free text goes to FTS5 as quoted phrases.
//!
//! Speed: a short date range walks the covering index `events_map` (date,
//! coordinates, type, fatalities), testing the box on its columns; a box
//! alone goes through `events_rtree`. A page reads only the rows it returns
//! (`LIMIT`, keyset cursor) plus one `COUNT(*)` over the matching rows.

use chrono::NaiveDate;
use frontline_pipeline::control::ControlSpan;
use frontline_pipeline::merge::MergedEvent;
use frontline_pipeline::model::EventType;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};
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
    /// Events matching the filters, over all pages.
    pub total: i64,
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
    pub total: i64,
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

/// The filters of `q` as a WHERE clause over `events e` (no paging).
fn filters(q: &EventQuery) -> Where {
    let mut w = Where { sql: String::new(), values: Vec::new() };
    if let Some(from) = q.from {
        w.and("e.event_date >= ?", [Value::Text(from.to_string())]);
    }
    if let Some(to) = q.to {
        w.and("e.event_date <= ?", [Value::Text(to.to_string())]);
    }
    if let Some([west, south, east, north]) = q.bbox {
        if narrow_dates(q) {
            // The date range is the selective part: walk `events_map` (which
            // holds the coordinates) rather than every point of the box.
            w.and(
                "e.latitude BETWEEN ? AND ? AND e.longitude BETWEEN ? AND ?",
                [south, north, west, east].map(Value::Real),
            );
        } else {
            w.and(
                "e.rowid IN (SELECT id FROM events_rtree \
                 WHERE min_lon >= ? AND max_lon <= ? AND min_lat >= ? AND max_lat <= ?)",
                [west, east, south, north].map(Value::Real),
            );
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
        let w = filters(q);
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM events e{}", w.sql))?
            .query_row(params_from_iter(w.values.iter()), |r| r.get(0))?;
        let mut w = w;
        let (order, key) = match q.sort {
            Sort::Newest => ("e.event_date DESC, e.event_id DESC", "e.event_date"),
            Sort::Oldest => ("e.event_date ASC, e.event_id ASC", "e.event_date"),
            Sort::Deadliest => ("e.fatalities DESC, e.event_id DESC", "e.fatalities"),
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
        let sql = format!("SELECT e.event_id, e.json FROM events e{} ORDER BY {order} LIMIT ?", w.sql);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(w.values.iter()))?;
        let mut events = Vec::new();
        let mut more = false;
        while let Some(r) = rows.next()? {
            if events.len() == limit as usize {
                more = true;
                break;
            }
            let id: String = r.get(0)?;
            let json: String = r.get(1)?;
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
        Ok(EventPage { events, total, next })
    }

    /// Located events matching `q` as compact points, the deadliest first
    /// when more than `q.limit` match.
    pub fn map_points(&self, q: &EventQuery) -> Result<MapPoints, StoreError> {
        let mut w = filters(q);
        w.and("e.latitude IS NOT NULL AND e.longitude IS NOT NULL", []);
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT COUNT(*) FROM events e{}", w.sql))?
            .query_row(params_from_iter(w.values.iter()), |r| r.get(0))?;
        let limit = i64::from(q.limit.max(1));
        let truncated = total > limit;
        // Ordering costs a sort; only pay it when the answer is cut.
        let order = if truncated { " ORDER BY e.fatalities DESC" } else { "" };
        w.values.push(Value::Integer(limit));
        let sql = format!(
            "SELECT e.event_id, e.latitude, e.longitude, e.event_type, e.fatalities, e.event_date \
             FROM events e{}{order} LIMIT ?",
            w.sql
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let points = stmt
            .query_map(params_from_iter(w.values.iter()), |r| {
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
        Ok(MapPoints { points, total, truncated })
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT actor, SUM(n), SUM(f) FROM (
                 SELECT actor1 AS actor, COUNT(*) AS n, SUM(fatalities) AS f FROM events WHERE actor1 != '' GROUP BY actor1
                 UNION ALL
                 SELECT actor2, COUNT(*), SUM(fatalities) FROM events WHERE actor2 != '' GROUP BY actor2
             ) GROUP BY actor ORDER BY SUM(n) DESC, actor LIMIT ?",
        )?;
        let rows =
            stmt.query_map([limit], |r| Ok(ActorCount { actor: r.get(0)?, events: r.get(1)?, fatalities: r.get(2)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Totals, date range, bounding box, counts by type and by day of the
    /// events matching `q` (its paging is ignored).
    pub fn stats(&self, q: &EventQuery) -> Result<Stats, StoreError> {
        let w = filters(q);
        // One pass over the matching events; totals, range and box are folded
        // from its groups. When `events_map` holds every column the filters
        // read, it is used (the planner would otherwise prefer an index that
        // needs a table read per event).
        let covered = q.actor.is_none()
            && q.country.is_none()
            && q.text.is_none()
            && q.event_type.as_deref().is_none_or(is_event_type);
        let hint = if covered { " INDEXED BY events_map" } else { "" };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT e.event_date, e.event_type, COUNT(*), COALESCE(SUM(e.fatalities), 0), \
             MIN(e.longitude), MIN(e.latitude), MAX(e.longitude), MAX(e.latitude) FROM events e{hint}{} \
             GROUP BY e.event_date, e.event_type ORDER BY e.event_date",
            w.sql
        ))?;
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
