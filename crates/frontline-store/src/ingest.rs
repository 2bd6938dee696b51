//! The write side: one article's extraction merged into the store.
//!
//! For each article: skip it when its content hash is already stored;
//! otherwise drop its old rows (an updated article replaces its own claims),
//! insert the article, its mentions, statements and claims, and recompute
//! every merged event the change touches from *all* its claims: the pool is
//! the events the article contributed to before plus every event holding a
//! claim compatible with a new one, re-split into connected components by
//! `merge::components`. Places whose territorial events or statements
//! changed get their control timeline recomputed at the end of the batch.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use frontline_pipeline::control::{self, Observation, Place, Statement};
use frontline_pipeline::merge::{self, MergedEvent, Report};
use frontline_pipeline::read::content_hash;
use frontline_pipeline::{
    Article, Event, Extraction, GeoPrecision, MentionRecord, Resources, process, process_writing_mentions,
    write_json_lines,
};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::{Store, StoreError};

/// What ingesting one article did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestOutcome {
    /// The same content was already stored: nothing changed.
    pub unchanged: bool,
    /// An article with this id but other content was replaced.
    pub replaced: bool,
    /// Events made only of this article's claims.
    pub events_new: usize,
    /// Stored events this article's claims joined.
    pub events_merged: usize,
}

/// The territorial sub-event types as stored, for the control queries.
const TERRITORIAL: [&str; 3] =
    ["Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"];

impl Store {
    /// Merges one article into the store, in one transaction.
    pub fn ingest(&mut self, article: &Article, extraction: &Extraction) -> Result<IngestOutcome, StoreError> {
        Ok(self.ingest_batch([(article, extraction)])?.pop().unwrap_or_default())
    }

    /// Merges articles into the store in one transaction (all or none), one
    /// outcome per article in input order. An article id given twice keeps
    /// its last content.
    pub fn ingest_batch<'a, 'x: 'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a Article, &'a Extraction<'x>)>,
    ) -> Result<Vec<IngestOutcome>, StoreError> {
        let items = items.into_iter().map(|(a, x)| Ok((a, x, Cow::Owned(Serialised::of(a, x)?))));
        self.ingest_serialised(items)
    }

    fn ingest_serialised<'a, 'x: 'a>(
        &mut self,
        items: impl Iterator<Item = Result<(&'a Article, &'a Extraction<'x>, Cow<'a, Serialised>), StoreError>>,
    ) -> Result<Vec<IngestOutcome>, StoreError> {
        let mut w = self.begin()?;
        let out = w.add_serialised(items)?;
        w.commit()?;
        Ok(out)
    }

    /// Opens one write transaction that [`Writer::add`] fills in several
    /// calls (so the writer can store what is ready while the rest is
    /// extracted) and [`Writer::commit`] ends; dropped, it rolls back.
    pub fn begin(&mut self) -> Result<Writer<'_>, StoreError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Articles with a higher seq are this transaction's: not yet in the full-text index.
        let indexed: i64 = tx.query_row("SELECT coalesce(max(seq), 0) FROM articles", [], |r| r.get(0))?;
        let derived = Derived::begin(&tx)?;
        Ok(Writer { tx, indexed, dirty_places: BTreeSet::new(), derived, articles: 0 })
    }
}

/// An open write transaction of [`Store::begin`].
pub struct Writer<'a> {
    tx: Transaction<'a>,
    indexed: i64,
    /// Places whose control timeline is recomputed at the commit.
    dirty_places: BTreeSet<String>,
    derived: Derived,
    articles: usize,
}

impl Writer<'_> {
    /// Merges prepared articles into the transaction, one outcome per
    /// article in input order.
    pub fn add(&mut self, items: &[Prepared]) -> Result<Vec<IngestOutcome>, StoreError> {
        self.add_serialised(items.iter().map(|p| Ok((&p.article, &p.extraction, Cow::Borrowed(&p.rows)))))
    }

    /// Articles added so far.
    pub fn articles(&self) -> usize {
        self.articles
    }

    fn add_serialised<'a, 'x: 'a>(
        &mut self,
        items: impl Iterator<Item = Result<(&'a Article, &'a Extraction<'x>, Cow<'a, Serialised>), StoreError>>,
    ) -> Result<Vec<IngestOutcome>, StoreError> {
        let mut out = Vec::new();
        for item in items {
            let (article, extraction, rows) = item?;
            let dirty = Dirty { places: &mut self.dirty_places, derived: &mut self.derived };
            out.push(ingest_one(&self.tx, article, extraction, &rows, self.indexed, dirty)?);
            self.articles += 1;
        }
        Ok(out)
    }

    /// Recomputes the touched control timelines, writes the R*Tree and
    /// summary rows of the changed events, indexes the new articles' text
    /// and commits.
    pub fn commit(self) -> Result<(), StoreError> {
        for key in &self.dirty_places {
            recompute_control(&self.tx, key)?;
        }
        self.derived.write(&self.tx)?;
        self.tx.execute(
            "INSERT INTO articles_fts(rowid, title, text) SELECT seq, title, text FROM articles WHERE seq > ?1",
            [self.indexed],
        )?;
        self.tx.commit()?;
        Ok(())
    }
}

/// An article and its extraction made ready for the store where they were
/// extracted (a worker thread): the hash and the JSON of the rows ingest
/// writes are computed here, so the single writer thread only runs SQL.
pub struct Prepared {
    pub article: Article,
    /// The extraction; made by [`Prepared::extract`], it keeps no mentions
    /// (they borrowed from the article and are in the rows already).
    pub extraction: Extraction<'static>,
    rows: Serialised,
}

impl Prepared {
    /// Serialises what [`Writer::add`] will write; needs no database.
    pub fn new(article: Article, extraction: Extraction<'static>) -> Result<Prepared, StoreError> {
        let rows = Serialised::of(&article, &extraction)?;
        Ok(Prepared { article, extraction, rows })
    }

    /// Runs the pipeline on `article` and serialises what [`Writer::add`]
    /// will write. The caller decides what to do with an article whose
    /// extraction reports an error (in `extraction.diagnostics`). The
    /// mentions are written as JSON straight from the analysed article, as
    /// `extract` writes them, unless its text has a control cue: only then
    /// are mention records made, which the control statements read.
    pub fn extract(article: Article, resources: &Resources) -> Result<Prepared, StoreError> {
        if control::may_state(&article.text) {
            let x = process(&article, resources);
            let rows = Serialised::of(&article, &x)?;
            let extraction = without_mentions(x);
            return Ok(Prepared { article, extraction, rows });
        }
        let mut lines = vec![b'['];
        let (x, n) = process_writing_mentions(&article, resources, Some(&mut lines));
        let mentions = if n == 0 { None } else { Some(json_array(lines)?) };
        let rows = Serialised::with(&article, &x, mentions, Vec::new())?;
        let extraction = without_mentions(x);
        Ok(Prepared { article, extraction, rows })
    }
}

/// `x` without its mentions, which borrow from the article (they are in
/// the rows already).
fn without_mentions(x: Extraction) -> Extraction<'static> {
    let Extraction { events, mentions, diagnostics, published, published_inferred } = x;
    drop(mentions);
    Extraction { events, mentions: Vec::new(), diagnostics, published, published_inferred }
}

/// The parts of an article's rows that need no database: its content hash
/// and the JSON of its mentions, statements and claims.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Serialised {
    pub(crate) hash: String,
    /// The mentions as one JSON array; `None` when there are none.
    pub(crate) mentions: Option<String>,
    /// Each control-state statement: its place key and JSON.
    pub(crate) statements: Vec<(String, String)>,
    /// Each event as a claim record (with the article's id), in event order.
    pub(crate) claims: Vec<String>,
}

impl Serialised {
    pub(crate) fn of(a: &Article, x: &Extraction) -> Result<Serialised, StoreError> {
        let statements = control::statements(a, &x.mentions, x.published)
            .into_iter()
            .map(|s| serde_json::to_string(&s).map(|json| (s.place_key, json)))
            .collect::<Result<_, _>>()?;
        Serialised::with(a, x, mentions_json(&x.mentions)?, statements)
    }

    /// The rows of `a` and `x` given its mentions' JSON array and its
    /// statements, serialised already.
    fn with(
        a: &Article,
        x: &Extraction,
        mentions: Option<String>,
        statements: Vec<(String, String)>,
    ) -> Result<Serialised, StoreError> {
        let claims = x
            .events
            .iter()
            .map(|e| {
                if e.article_id == a.id {
                    serde_json::to_string(e)
                } else {
                    serde_json::to_string(&Event { article_id: a.id.clone(), ..e.clone() })
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Serialised { hash: article_hash(a)?, mentions, statements, claims })
    }
}

/// The hash that decides whether an article changed: every field of it.
fn article_hash(a: &Article) -> Result<String, StoreError> {
    Ok(content_hash(&serde_json::to_string(a)?))
}

/// The mentions as the JSON array `serde_json` writes for them, built from
/// the records' own JSON lines (several times faster than serde's).
fn mentions_json(mentions: &[MentionRecord]) -> Result<Option<String>, StoreError> {
    if mentions.is_empty() {
        return Ok(None);
    }
    let mut out = vec![b'['];
    write_json_lines(mentions, &mut out)?;
    json_array(out).map(Some)
}

/// `[` and one or more JSON lines made the JSON array of their records: a
/// line holds no raw line break, so each one ends a record, and `memchr`
/// finds them without a loop over every byte (that loop was a fifth of this).
fn json_array(mut out: Vec<u8>) -> Result<String, StoreError> {
    let mut at = 1;
    while let Some(i) = memchr::memchr(b'\n', &out[at..]) {
        out[at + i] = b',';
        at += i + 1;
    }
    if let Some(last) = out.last_mut() {
        *last = b']';
    }
    String::from_utf8(out).map_err(|e| StoreError::Corrupt { what: "mentions JSON".into(), reason: e.to_string() })
}

/// What an article's ingest leaves for the commit: places whose control
/// timeline changed, events whose derived rows changed.
struct Dirty<'w> {
    places: &'w mut BTreeSet<String>,
    derived: &'w mut Derived,
}

/// The rows derived from `events` that the store's code keeps (schema
/// version 6; before, triggers did): the R*Tree of event points and the
/// summaries `event_days` and `actor_counts`. Event inserts and deletes
/// are noted here and the rows written once, at the commit.
pub(crate) struct Derived {
    /// The largest events rowid when the transaction began: a rowid above
    /// it has no R*Tree row yet (SQLite may give a deleted rowid again).
    committed_rowid: i64,
    /// Each events rowid inserted or deleted: its point (longitude,
    /// latitude) when it ends up holding a located event.
    points: BTreeMap<i64, Option<(f64, f64)>>,
    /// The `event_days` groups (date, type, sub-type, country) that changed.
    days: BTreeSet<[String; 4]>,
    /// Each actor's change of (events, fatalities), once per side it is on.
    actors: BTreeMap<String, (i64, i64)>,
}

impl Derived {
    pub(crate) fn begin(tx: &Transaction) -> Result<Derived, StoreError> {
        let committed_rowid = tx.query_row("SELECT coalesce(max(rowid), 0) FROM events", [], |r| r.get(0))?;
        Ok(Derived { committed_rowid, points: BTreeMap::new(), days: BTreeSet::new(), actors: BTreeMap::new() })
    }

    /// Notes an event stored (`sign` 1) or deleted (-1) at `rowid`.
    fn note(
        &mut self,
        sign: i64,
        rowid: i64,
        day: [String; 4],
        actors: [String; 2],
        fatalities: i64,
        point: Option<(f64, f64)>,
    ) {
        self.points.insert(rowid, if sign > 0 { point } else { None });
        self.days.insert(day);
        for actor in actors.into_iter().filter(|a| !a.is_empty()) {
            let d = self.actors.entry(actor).or_default();
            d.0 += sign;
            d.1 += sign * fatalities;
        }
    }

    /// Writes the noted changes: R*Tree rows, each changed day group
    /// recomputed from its events (its box may have shrunk), actor counts.
    pub(crate) fn write(&self, tx: &Transaction) -> Result<(), StoreError> {
        for (&rowid, point) in &self.points {
            if rowid <= self.committed_rowid {
                tx.prepare_cached("DELETE FROM events_rtree WHERE id = ?1")?.execute([rowid])?;
            }
            if let Some((lon, lat)) = point {
                tx.prepare_cached(
                    "INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?1, ?2, ?2, ?3, ?3)",
                )?
                .execute(params![rowid, lon, lat])?;
            }
        }
        for day in &self.days {
            let mut st = tx.prepare_cached(
                "SELECT count(*), sum(fatalities), min(longitude), min(latitude), max(longitude), max(latitude)
                 FROM events WHERE event_date = ?1 AND event_type = ?2 AND sub_event_type = ?3 AND country = ?4",
            )?;
            let (n, fatalities, [min_lon, min_lat, max_lon, max_lat]) =
                st.query_row(params![day[0], day[1], day[2], day[3]], |r| {
                    let edges: [Option<f64>; 4] = [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?];
                    Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?, edges))
                })?;
            if n == 0 {
                tx.prepare_cached(
                    "DELETE FROM event_days WHERE event_date = ?1 AND event_type = ?2 AND sub_event_type = ?3 AND country = ?4",
                )?
                .execute(params![day[0], day[1], day[2], day[3]])?;
            } else {
                tx.prepare_cached(
                    "INSERT INTO event_days VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                     ON CONFLICT DO UPDATE SET events = excluded.events, fatalities = excluded.fatalities,
                        min_lon = excluded.min_lon, min_lat = excluded.min_lat, max_lon = excluded.max_lon,
                        max_lat = excluded.max_lat",
                )?
                .execute(params![day[0], day[1], day[2], day[3], n, fatalities, min_lon, min_lat, max_lon, max_lat])?;
            }
        }
        for (actor, &(events, fatalities)) in &self.actors {
            if events == 0 && fatalities == 0 {
                continue;
            }
            tx.prepare_cached(
                "INSERT INTO actor_counts VALUES (?1, ?2, ?3)
                 ON CONFLICT DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities",
            )?
            .execute(params![actor, events, fatalities])?;
            if events < 0 {
                tx.prepare_cached("DELETE FROM actor_counts WHERE actor = ?1 AND events = 0")?.execute([actor])?;
            }
        }
        Ok(())
    }
}

fn ingest_one(
    tx: &Transaction,
    a: &Article,
    x: &Extraction,
    rows: &Serialised,
    indexed: i64,
    dirty: Dirty,
) -> Result<IngestOutcome, StoreError> {
    let Dirty { places: dirty_places, derived } = dirty;
    let hash = &rows.hash;
    let old: Option<(i64, String)> = tx
        .prepare_cached("SELECT seq, content_hash FROM articles WHERE id = ?1")?
        .query_row([&a.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if old.as_ref().is_some_and(|(_, h)| h == hash) {
        return Ok(IngestOutcome { unchanged: true, ..Default::default() });
    }
    let mut pool_ids: BTreeSet<String> = BTreeSet::new();
    if old.is_some() {
        let mut st = tx.prepare_cached("SELECT DISTINCT event_id FROM claims WHERE article_id = ?1")?;
        for id in st.query_map([&a.id], |r| r.get::<_, String>(0))? {
            pool_ids.insert(id?);
        }
        let mut st = tx.prepare_cached(
            "SELECT place_key FROM statements WHERE article_id = ?1
             UNION SELECT place_key FROM claims WHERE article_id = ?1 AND sub_event_type IN (?2, ?3, ?4)",
        )?;
        let places = st.query_map(params![a.id, TERRITORIAL[0], TERRITORIAL[1], TERRITORIAL[2]], |r| r.get(0))?;
        for k in places {
            dirty_places.insert(k?);
        }
        if let Some((seq, _)) = old.as_ref().filter(|(seq, _)| *seq <= indexed) {
            tx.execute(
                "INSERT INTO articles_fts(articles_fts, rowid, title, text)
                 SELECT 'delete', seq, title, text FROM articles WHERE seq = ?1",
                [seq],
            )?;
        }
        tx.execute("DELETE FROM articles WHERE id = ?1", [&a.id])?;
    }
    insert_article(tx, a, x, hash)?;
    insert_mentions(tx, a, rows.mentions.as_deref())?;
    insert_statements(tx, a, &rows.statements, dirty_places)?;

    let new: Vec<Event> = x.events.iter().map(|e| Event { article_id: a.id.clone(), ..e.clone() }).collect();
    for e in &new {
        candidates(tx, e, &mut pool_ids)?;
    }
    // (seq, report, the merged event it is stored under; `None` for this article's).
    let mut pool: Vec<(u32, Event, Option<String>)> = Vec::new();
    for id in &pool_ids {
        load_claims(tx, id, &mut pool)?;
        delete_event(tx, id, derived)?;
    }
    let stored = pool.len();
    pool.extend(new.into_iter().enumerate().map(|(i, e)| (i as u32, e, None)));

    let refs: Vec<&Event> = pool.iter().map(|(_, e, _)| e).collect();
    let mut outcome = IngestOutcome { replaced: old.is_some(), ..Default::default() };
    for comp in merge::components(&refs) {
        let reports: Vec<Report> = comp.iter().map(|&i| Report { seq: pool[i].0, event: &pool[i].1 }).collect();
        let Some(m) = merge::merge(&reports) else { continue };
        if comp.iter().any(|&i| i >= stored) {
            if comp.iter().any(|&i| i < stored) {
                outcome.events_merged += 1;
            } else {
                outcome.events_new += 1;
            }
        }
        insert_event(tx, &m, &control::place_key(m.geonameid, &m.location, &m.country), Some(derived))?;
        for &i in &comp {
            let (seq, e, was) = &pool[i];
            match was {
                None => insert_claim(tx, *seq as usize, &m.event_id, e, &rows.claims[*seq as usize], dirty_places)?,
                Some(was) => {
                    // Its event was recomputed: the control spans citing it are rewritten.
                    if e.sub_event_type.is_territorial() {
                        dirty_places.insert(control::report_place_key(e));
                    }
                    if *was != m.event_id {
                        tx.prepare_cached("UPDATE claims SET event_id = ?1 WHERE article_id = ?2 AND seq = ?3")?
                            .execute(params![m.event_id, e.article_id, seq])?;
                    }
                }
            }
        }
    }
    Ok(outcome)
}

/// Stores the control-state statements read from `a` (place key, JSON) and
/// marks their places dirty.
pub(crate) fn insert_statements(
    tx: &Transaction,
    a: &Article,
    statements: &[(String, String)],
    dirty_places: &mut BTreeSet<String>,
) -> Result<(), StoreError> {
    for (seq, (place_key, json)) in statements.iter().enumerate() {
        tx.prepare_cached("INSERT INTO statements (article_id, seq, place_key, json) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![a.id, seq as i64, place_key, json])?;
        dirty_places.insert(place_key.clone());
    }
    Ok(())
}

/// Stores claim `seq` of article `e.article_id`, part of merged event
/// `event_id` (`json` is `e` serialised), with the fields merge links on as
/// columns (the candidate lookup reads those, not the JSON); marks the place
/// of a territorial claim dirty, as it counts for its own place's control
/// timeline.
pub(crate) fn insert_claim(
    tx: &Transaction,
    seq: usize,
    event_id: &str,
    e: &Event,
    json: &str,
    dirty_places: &mut BTreeSet<String>,
) -> Result<(), StoreError> {
    let (from, to) = merge::date_window(e.event_date, e.time_precision);
    let place_key = control::report_place_key(e);
    tx.prepare_cached(
        "INSERT INTO claims (article_id, seq, event_id, family, sub_event_type, event_date, date_from, date_to,
            time_precision, latitude, longitude, geo_precision, geonameid, country, location, actor1, actor2,
            place_key, source, fatalities, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    )?
    .execute(params![
        e.article_id,
        seq as i64,
        event_id,
        merge::family(e.sub_event_type),
        e.sub_event_type.as_str(),
        e.event_date.to_string(),
        from.to_string(),
        to.to_string(),
        e.time_precision as u8,
        e.latitude,
        e.longitude,
        e.geo_precision as u8,
        e.geonameid.map(|g| g as i64),
        e.country,
        e.location,
        e.actor1,
        e.actor2,
        place_key,
        e.source,
        e.fatalities,
        json,
    ])?;
    if e.sub_event_type.is_territorial() {
        dirty_places.insert(place_key);
    }
    Ok(())
}

pub(crate) fn insert_article(tx: &Transaction, a: &Article, x: &Extraction, hash: &str) -> Result<(), StoreError> {
    let published = x.published.or(a.published).map(|d| d.to_string());
    tx.prepare_cached(
        "INSERT INTO articles (id, content_hash, title, published, published_inferred, url, outlet, language, bytes, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        a.id,
        hash,
        a.title,
        published,
        x.published_inferred,
        a.url,
        a.outlet,
        a.language,
        a.text.len() as i64,
        a.text
    ])?;
    Ok(())
}

/// Stores an article's mentions, given as one JSON array (none: no row).
pub(crate) fn insert_mentions(tx: &Transaction, a: &Article, json: Option<&str>) -> Result<(), StoreError> {
    let Some(json) = json else { return Ok(()) };
    tx.prepare_cached("INSERT INTO article_mentions (article_id, json) VALUES (?1, ?2)")?
        .execute(params![a.id, json])?;
    Ok(())
}

/// Adds to `pool` the events holding a stored claim compatible with `e`,
/// read from the claims' link columns: the block (family, overlapping date
/// window, a latitude band) comes from the `claims_block` index, the rest of
/// [`merge::Link::links`] is checked here on the few rows left.
fn candidates(tx: &Transaction, e: &Event, pool: &mut BTreeSet<String>) -> Result<(), StoreError> {
    let me = merge::Link::of(e);
    // A window is at most a month wide, so an overlapping one starts at most 31 days before ours.
    let earliest = me.from - chrono::Days::new(31);
    let dlat = merge::MAX_RADIUS_KM / 111.0 + 0.01;
    let (lat0, lat1) = match e.latitude {
        Some(l) => (l - dlat, l + dlat),
        None => (-91.0, 91.0),
    };
    let mut st = tx.prepare_cached(
        "SELECT event_id, date_from, date_to, geonameid, latitude, longitude, geo_precision, country, location,
            actor1, actor2
         FROM claims WHERE family = ?1 AND date_from BETWEEN ?2 AND ?3 AND date_to >= ?4
         AND (latitude IS NULL OR latitude BETWEEN ?5 AND ?6)",
    )?;
    let mut rows =
        st.query(params![me.family, earliest.to_string(), me.to.to_string(), me.from.to_string(), lat0, lat1])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        if pool.contains(&id) {
            continue;
        }
        let corrupt = |reason: String| StoreError::Corrupt { what: format!("claim of event {id}"), reason };
        let date = |i: usize| -> Result<chrono::NaiveDate, StoreError> {
            r.get::<_, String>(i)?.parse().map_err(|e: chrono::ParseError| corrupt(e.to_string()))
        };
        let (country, location, actor1, actor2): (String, String, String, String) =
            (r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?);
        let other = merge::Link {
            family: me.family,
            from: date(1)?,
            to: date(2)?,
            geonameid: r.get::<_, Option<i64>>(3)?.map(|g| g as u64),
            latitude: r.get(4)?,
            longitude: r.get(5)?,
            geo_precision: GeoPrecision::try_from(r.get::<_, u8>(6)?).map_err(corrupt)?,
            country: &country,
            location: &location,
            actor1: &actor1,
            actor2: &actor2,
        };
        if me.links(&other) {
            pool.insert(id);
        }
    }
    Ok(())
}

fn load_claims(
    tx: &Transaction,
    event_id: &str,
    pool: &mut Vec<(u32, Event, Option<String>)>,
) -> Result<(), StoreError> {
    let mut st = tx.prepare_cached("SELECT seq, json FROM claims WHERE event_id = ?1 ORDER BY article_id, seq")?;
    let rows = st.query_map([event_id], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (seq, json) = row?;
        pool.push((seq, parse(&json, event_id)?, Some(event_id.to_string())));
    }
    Ok(())
}

pub(crate) fn parse<T: serde::de::DeserializeOwned>(json: &str, what: &str) -> Result<T, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt { what: what.to_string(), reason: e.to_string() })
}

/// Deletes merged event `event_id` (it is stored), noting it in `derived`.
fn delete_event(tx: &Transaction, event_id: &str, derived: &mut Derived) -> Result<(), StoreError> {
    let (rowid, day, actors, fatalities) = tx
        .prepare_cached(
            "SELECT rowid, event_date, event_type, sub_event_type, country, actor1, actor2, fatalities
             FROM events WHERE event_id = ?1",
        )?
        .query_row([event_id], |r| {
            Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?], [r.get(5)?, r.get(6)?], r.get(7)?))
        })?;
    tx.prepare_cached("DELETE FROM events WHERE rowid = ?1")?.execute([rowid])?;
    derived.note(-1, rowid, day, actors, fatalities, None);
    Ok(())
}

/// Stores merged event `m`; notes it in `derived` when given (a bulk load
/// writes the derived rows of all its events at once instead).
pub(crate) fn insert_event(
    tx: &Transaction,
    m: &MergedEvent,
    place_key: &str,
    derived: Option<&mut Derived>,
) -> Result<(), StoreError> {
    use chrono::Datelike;
    tx.prepare_cached(
        "INSERT INTO events (event_id, event_date, year, time_precision, disorder_type, event_type, sub_event_type,
            actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting,
            iso, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, geonameid, place_key,
            source, notes, fatalities, fatalities_low, fatalities_best, fatalities_high, confidence, n_articles, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
            ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35)",
    )?
    .execute(params![
        m.event_id,
        m.event_date.to_string(),
        m.event_date.year(),
        m.time_precision as u8,
        m.disorder_type.as_str(),
        m.event_type.as_str(),
        m.sub_event_type.as_str(),
        m.actor1,
        m.assoc_actor_1,
        m.inter1.map(|i| i.code()),
        m.actor2,
        m.assoc_actor_2,
        m.inter2.map(|i| i.code()),
        m.interaction,
        m.civilian_targeting,
        m.iso,
        m.country,
        m.admin1,
        m.admin2,
        m.admin3,
        m.location,
        m.latitude,
        m.longitude,
        m.geo_precision as u8,
        m.geonameid.map(|g| g as i64),
        place_key,
        m.source,
        m.notes,
        m.fatalities,
        m.fatalities_low,
        m.fatalities_best,
        m.fatalities_high,
        m.confidence,
        m.article_ids.len() as i64,
        serde_json::to_string(m)?,
    ])?;
    if let Some(derived) = derived {
        let day = [
            m.event_date.to_string(),
            m.event_type.as_str().into(),
            m.sub_event_type.as_str().into(),
            m.country.clone(),
        ];
        let point = m.longitude.zip(m.latitude);
        derived.note(1, tx.last_insert_rowid(), day, [m.actor1.clone(), m.actor2.clone()], m.fatalities.into(), point);
    }
    Ok(())
}

/// Rewrites one place's control timeline from the territorial claims at it
/// (each linked to its merged event) and its statements.
pub(crate) fn recompute_control(tx: &Transaction, key: &str) -> Result<(), StoreError> {
    let mut observations: Vec<Observation> = Vec::new();
    let mut places: BTreeMap<String, Place> = BTreeMap::new();
    let mut st = tx.prepare_cached(
        "SELECT c.event_id, e.event_date, c.article_id, c.seq, c.json FROM claims c JOIN events e USING (event_id)
         WHERE c.place_key = ?1 AND c.sub_event_type IN (?2, ?3, ?4)",
    )?;
    let rows = st.query_map(params![key, TERRITORIAL[0], TERRITORIAL[1], TERRITORIAL[2]], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (id, date, article, seq, json) = row?;
        let what = format!("claim {article}#{seq}");
        let report: Event = parse(&json, &what)?;
        let date = date.parse().map_err(|e: chrono::ParseError| StoreError::Corrupt { what, reason: e.to_string() })?;
        if let Some((place, obs)) = control::observe(&id, date, &report) {
            places.entry(format!("e{id}#{article}#{seq:08}")).or_insert(place);
            observations.push(obs);
        }
    }
    let mut st = tx.prepare_cached("SELECT article_id, seq, json FROM statements WHERE place_key = ?1")?;
    let rows = st.query_map([key], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))?;
    for row in rows {
        let (article, seq, json) = row?;
        let s: Statement = parse(&json, &format!("statement {article}#{seq}"))?;
        places.entry(format!("s{article}#{seq:08}")).or_insert(s.place);
        observations.push(s.observation);
    }
    tx.prepare_cached("DELETE FROM control_spans WHERE place_key = ?1")?.execute([key])?;
    // The place as its lowest-keyed event (else statement) names it: a function of the set.
    let Some(place) = places.into_values().next() else { return Ok(()) };
    let mut ins = tx.prepare_cached(
        "INSERT INTO control_spans (place_key, seq, place, geonameid, latitude, longitude, holder, state, from_date,
            to_date, event_ids, sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (seq, s) in control::timeline(&place, &observations).iter().enumerate() {
        ins.execute(params![
            key,
            seq as i64,
            s.place,
            s.geonameid.map(|g| g as i64),
            s.latitude,
            s.longitude,
            s.holder,
            s.state.as_str(),
            s.from.map(|d| d.to_string()),
            s.to.map(|d| d.to_string()),
            serde_json::to_string(&s.event_ids)?,
            serde_json::to_string(&s.sources)?,
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use frontline_pipeline::{Article, MentionKind, MentionRecord, Resources, process};

    use super::{Prepared, Serialised, mentions_json};

    /// The rows `Prepared::extract` serialises (mentions written as JSON
    /// while the article is analysed, or through records when a control cue
    /// needs them) are the rows of `process`'s extraction.
    #[test]
    fn prepared_rows_are_the_rows_of_the_records() {
        let resources = Resources::builtin();
        let texts = [
            "Government forces shelled the town of Saraqib in Idlib on Monday, killing four civilians, a monitor said.",
            "The village of Kafr Nabl in Idlib is still held by Hayat Tahrir al-Sham, a commander said on Tuesday.",
            "Nothing of note was reported.",
        ];
        for (i, text) in texts.into_iter().enumerate() {
            let article = Article {
                id: format!("own-{i}"),
                text: text.into(),
                published: "2024-05-06".parse().ok(),
                ..Default::default()
            };
            let x = process(&article, &resources);
            let expect = Serialised::of(&article, &x).unwrap();
            let p = Prepared::extract(article.clone(), &resources).unwrap();
            assert_eq!(p.rows, expect, "{text}");
            assert_eq!(p.extraction.events, x.events, "{text}");
            assert!(p.extraction.mentions.is_empty());
        }
    }

    /// The array joined from the JSON lines is the one serde writes, also
    /// when a text holds a line break, a quote or a comma.
    #[test]
    fn mentions_json_is_serdes_array() {
        let record = |start: usize, text: &'static str, kind| MentionRecord {
            article_id: "wire-7".into(),
            kind: Some(kind),
            start,
            end: start + text.chars().count(),
            text: text.into(),
            latitude: (kind == MentionKind::Place).then_some(35.13179),
            longitude: (kind == MentionKind::Place).then_some(36.75783),
            ..Default::default()
        };
        let check = |records: &[MentionRecord]| {
            let expect = (!records.is_empty()).then(|| serde_json::to_string(records).unwrap());
            assert_eq!(mentions_json(records).unwrap(), expect);
        };
        check(&[]);
        check(&[record(0, "Ḥamāh", MentionKind::Place)]);
        check(&[
            record(4, "the \"Lions\"\nBrigade", MentionKind::Actor),
            record(30, "Hama, Syria", MentionKind::Place),
            record(50, "3 March", MentionKind::Date),
        ]);
    }
}
