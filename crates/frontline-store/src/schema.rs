//! The database schema and its migrations, one SQL batch per version.
//!
//! `PRAGMA user_version` holds the version. [`migrate`] applies every
//! missing step in one transaction, so a database is always at one version.
//! A step is never edited once released: change the schema by appending a
//! step, and commit a fixture database of the old version under
//! `tests/fixtures/` (a test opens each one with the current code).
//!
//! Tables (readers: `query.rs`, the server):
//! - `articles` — one row per article id: text, metadata, `content_hash`
//!   (re-ingesting the same content is a no-op); `seq` (= rowid) only grows.
//!   `articles_fts` is FTS5 over title and text (external content, rowid =
//!   `seq`), kept in sync by the ingest code once per batch, not by triggers:
//!   FTS5 flushes its buffer at every statement savepoint a trigger opens,
//!   which made per-article indexing the main cost of an ingest.
//! - `article_mentions` — every recognised mention of an article, one row
//!   per article (`json` is the array of its mentions-JSONL records; version
//!   5: a row per mention made a hundred B-tree inserts per article, the
//!   main cost of storing it). The view `mentions` shows one row per
//!   mention (`json` the record) for readers.
//! - `claims` — one row per event as one article coded it (`json` is the
//!   events-JSONL record), with `event_id` the merged event it belongs to.
//!   Since version 3 the fields merge links on (family, date window, place,
//!   precision, actors) are columns too, so the candidate lookup of an
//!   ingest reads an index and a few rows instead of decoding every claim
//!   of the month; `place_key` is the place a territorial claim counts for.
//! - `events` — merged events, one per real event: the ACLED columns, UCDP
//!   fatality range, `n_articles`, `place_key` (groups a place's control
//!   timeline) and `json` (the export record, with `article_ids` and
//!   `claims`). `events_rtree` indexes their points by `events.rowid`.
//! - `control_spans` — each place's timeline, `seq` in date order; `from_date`
//!   null when only the end of the hold is known, `to_date` null while it lasts.
//! - `statements` — control-state statements read from article text.
//! - `event_days`, `actor_counts` — summaries of `events` for the HTTP API
//!   (version 4). Since version 6 they and `events_rtree` are written by the
//!   store's code once per transaction (`ingest::Derived`), not by triggers:
//!   a trigger made every event insert a statement that may abort, whose
//!   pages SQLite copies to a statement journal first. Events are deleted
//!   and inserted, never updated (a trigger still refuses an update).

use std::collections::BTreeSet;

use rusqlite::{Connection, Transaction};

use crate::StoreError;
use crate::ingest::{insert_claim, parse, recompute_control};

/// Code a migration step runs after its SQL, in the same transaction.
type Fill = fn(&Transaction) -> Result<(), StoreError>;

/// One migration step: SQL, then, when a step derives data from what is
/// stored, code.
struct Step {
    sql: &'static str,
    then: Option<Fill>,
}

/// The migration steps; step `i` takes a database from version `i` to `i + 1`.
const STEPS: &[Step] = &[
    Step { sql: V1, then: None },
    Step { sql: V2, then: None },
    Step { sql: V3, then: Some(v3_fill_claims) },
    Step { sql: V4, then: None },
    Step { sql: V5, then: None },
    Step { sql: V6, then: None },
];

/// The schema version this code writes.
pub const VERSION: u32 = STEPS.len() as u32;

const V1: &str = r#"
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    title TEXT,
    published TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    url TEXT,
    outlet TEXT,
    language TEXT,
    bytes INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    family TEXT NOT NULL,
    event_date TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    source TEXT NOT NULL,
    fatalities INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX claims_event ON claims(event_id);
CREATE INDEX claims_block ON claims(family, event_date);

CREATE TABLE events (
    event_id TEXT NOT NULL UNIQUE,
    event_date TEXT NOT NULL,
    year INTEGER NOT NULL,
    time_precision INTEGER NOT NULL,
    disorder_type TEXT NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT NOT NULL,
    assoc_actor_1 TEXT NOT NULL,
    inter1 INTEGER,
    actor2 TEXT NOT NULL,
    assoc_actor_2 TEXT NOT NULL,
    inter2 INTEGER,
    interaction INTEGER,
    civilian_targeting TEXT NOT NULL,
    iso INTEGER,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL,
    admin3 TEXT NOT NULL,
    location TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER NOT NULL,
    geonameid INTEGER,
    place_key TEXT NOT NULL,
    source TEXT NOT NULL,
    notes TEXT NOT NULL,
    fatalities INTEGER NOT NULL,
    fatalities_low INTEGER NOT NULL,
    fatalities_best INTEGER NOT NULL,
    fatalities_high INTEGER NOT NULL,
    confidence REAL NOT NULL,
    n_articles INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date, event_id);
CREATE INDEX events_country ON events(country, event_date);
CREATE INDEX events_type ON events(sub_event_type, event_date);
CREATE INDEX events_event_type ON events(event_type, event_date);
CREATE INDEX events_actor1 ON events(actor1);
CREATE INDEX events_actor2 ON events(actor2);
CREATE INDEX events_place ON events(place_key, event_date);
CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events
WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL BEGIN
    INSERT INTO events_rtree(id, min_lon, max_lon, min_lat, max_lat)
    VALUES (new.rowid, new.longitude, new.longitude, new.latitude, new.latitude);
END;
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_rtree WHERE id = old.rowid;
END;

CREATE TABLE statements (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    place_key TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX statements_place ON statements(place_key);

CREATE TABLE control_spans (
    place_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    place TEXT NOT NULL,
    geonameid INTEGER,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    holder TEXT NOT NULL,
    state TEXT NOT NULL,
    from_date TEXT,
    to_date TEXT,
    event_ids TEXT NOT NULL,
    sources TEXT NOT NULL,
    PRIMARY KEY (place_key, seq)
) WITHOUT ROWID;
CREATE INDEX control_geonameid ON control_spans(geonameid);
CREATE INDEX control_place ON control_spans(place COLLATE NOCASE);
"#;

/// Covering indexes for the HTTP API's read paths (`query.rs`), so that a map
/// query over a million events reads index pages only, never the event JSON:
/// points by date range and box, per-day counts, actors with fatalities.
const V2: &str = r#"
CREATE INDEX events_map ON events(event_date, latitude, longitude, event_type, fatalities, event_id);
DROP INDEX events_actor1;
DROP INDEX events_actor2;
CREATE INDEX events_actor1 ON events(actor1, fatalities);
CREATE INDEX events_actor2 ON events(actor2, fatalities);
"#;

/// Claims with their link fields as columns (see the module comment). A rowid
/// table now: rows of a kilobyte and more sit badly in a WITHOUT ROWID
/// B-tree. The rows are copied by [`v3_fill_claims`].
const V3: &str = r#"
DROP INDEX claims_event;
DROP INDEX claims_block;
ALTER TABLE claims RENAME TO claims_v2;
CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    family TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    event_date TEXT NOT NULL,
    date_from TEXT NOT NULL,
    date_to TEXT NOT NULL,
    time_precision INTEGER NOT NULL,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER NOT NULL,
    geonameid INTEGER,
    country TEXT NOT NULL,
    location TEXT NOT NULL,
    actor1 TEXT NOT NULL,
    actor2 TEXT NOT NULL,
    place_key TEXT NOT NULL,
    source TEXT NOT NULL,
    fatalities INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX claims_event ON claims(event_id);
CREATE INDEX claims_block ON claims(family, date_from, date_to, latitude);
CREATE INDEX claims_place ON claims(place_key, sub_event_type);
"#;

/// Read paths of the HTTP API at a million events (issue 6), kept by
/// triggers so every writer (ingest, bulk load) maintains them:
/// - `event_days`: events and fatalities per day, type, sub-type and
///   country, with the box of their points, so statistics, the timeline
///   and exact totals of date/type/country queries read a few thousand
///   summary rows instead of every event. A deleted event that bounded its
///   group's box makes the trigger recompute that group's box.
/// - `actor_counts`: events and fatalities per actor, once per side it is on.
/// - `events_deadliest`: events in fatality order with the columns the
///   filters and map points read, so "deadliest first" pages and truncated
///   map points walk one index and stop at the page's end.
///
/// Events are replaced, never updated: a trigger refuses an update of a
/// summarised column, which would leave the summaries stale.
const V4: &str = r#"
CREATE TABLE event_days (
    event_date TEXT NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    country TEXT NOT NULL,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    min_lon REAL,
    min_lat REAL,
    max_lon REAL,
    max_lat REAL,
    PRIMARY KEY (event_date, event_type, sub_event_type, country)
) WITHOUT ROWID;
INSERT INTO event_days
    SELECT event_date, event_type, sub_event_type, country, count(*), sum(fatalities),
        min(longitude), min(latitude), max(longitude), max(latitude)
    FROM events GROUP BY event_date, event_type, sub_event_type, country;
CREATE TABLE actor_counts (
    actor TEXT PRIMARY KEY,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO actor_counts
    SELECT actor, count(*), sum(fatalities) FROM (
        SELECT actor1 AS actor, fatalities FROM events WHERE actor1 != ''
        UNION ALL SELECT actor2, fatalities FROM events WHERE actor2 != ''
    ) GROUP BY actor;
CREATE TRIGGER summaries_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_days VALUES (new.event_date, new.event_type, new.sub_event_type, new.country, 1,
        new.fatalities, new.longitude, new.latitude, new.longitude, new.latitude)
    ON CONFLICT DO UPDATE SET
        events = events + 1,
        fatalities = fatalities + excluded.fatalities,
        min_lon = CASE WHEN min_lon IS NULL OR excluded.min_lon < min_lon THEN excluded.min_lon ELSE min_lon END,
        min_lat = CASE WHEN min_lat IS NULL OR excluded.min_lat < min_lat THEN excluded.min_lat ELSE min_lat END,
        max_lon = CASE WHEN max_lon IS NULL OR excluded.max_lon > max_lon THEN excluded.max_lon ELSE max_lon END,
        max_lat = CASE WHEN max_lat IS NULL OR excluded.max_lat > max_lat THEN excluded.max_lat ELSE max_lat END;
    INSERT INTO actor_counts SELECT new.actor1, 1, new.fatalities WHERE new.actor1 != ''
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
    INSERT INTO actor_counts SELECT new.actor2, 1, new.fatalities WHERE new.actor2 != ''
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
END;
CREATE TRIGGER summaries_delete AFTER DELETE ON events BEGIN
    UPDATE event_days SET events = events - 1, fatalities = fatalities - old.fatalities
    WHERE event_date = old.event_date AND event_type = old.event_type AND sub_event_type = old.sub_event_type
        AND country = old.country;
    UPDATE event_days SET (min_lon, min_lat, max_lon, max_lat) = (
        SELECT min(longitude), min(latitude), max(longitude), max(latitude) FROM events
        WHERE event_date = old.event_date AND event_type = old.event_type AND sub_event_type = old.sub_event_type
            AND country = old.country)
    WHERE event_date = old.event_date AND event_type = old.event_type AND sub_event_type = old.sub_event_type
        AND country = old.country AND events > 0
        AND (old.longitude <= min_lon OR old.latitude <= min_lat OR old.longitude >= max_lon OR old.latitude >= max_lat);
    DELETE FROM event_days WHERE event_date = old.event_date AND event_type = old.event_type
        AND sub_event_type = old.sub_event_type AND country = old.country AND events = 0;
    UPDATE actor_counts SET events = events - 1, fatalities = fatalities - old.fatalities WHERE actor = old.actor1;
    UPDATE actor_counts SET events = events - 1, fatalities = fatalities - old.fatalities WHERE actor = old.actor2;
    DELETE FROM actor_counts WHERE actor IN (old.actor1, old.actor2) AND events = 0;
END;
CREATE TRIGGER summaries_no_update BEFORE UPDATE OF event_date, event_type, sub_event_type, country, fatalities,
    latitude, longitude, actor1, actor2 ON events BEGIN
    SELECT RAISE(ABORT, 'events are replaced, not updated: the summaries in event_days and actor_counts would go stale');
END;
CREATE INDEX events_deadliest ON events(fatalities, event_id, event_date, event_type, sub_event_type, country, latitude, longitude);
"#;

/// Copies the version-2 claims into the new table, columns derived from
/// their JSON by the code ingest uses, and rewrites every control timeline:
/// since version 3 each territorial claim counts for its own place.
fn v3_fill_claims(tx: &Transaction) -> Result<(), StoreError> {
    let mut dirty = BTreeSet::new();
    {
        let mut st = tx.prepare("SELECT article_id, seq, event_id, json FROM claims_v2 ORDER BY article_id, seq")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (article, seq, event_id, json): (String, i64, String, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let e = parse(&json, &format!("claim {article}#{seq}"))?;
            insert_claim(tx, seq as usize, &event_id, &e, &json, &mut dirty)?;
        }
    }
    tx.execute_batch("DROP TABLE claims_v2")?;
    let mut st = tx.prepare("SELECT place_key FROM control_spans UNION SELECT place_key FROM statements")?;
    for key in st.query_map([], |r| r.get::<_, String>(0))? {
        dirty.insert(key?);
    }
    for key in &dirty {
        recompute_control(tx, key)?;
    }
    Ok(())
}

/// Mentions one row per article, and the view with the old table's columns.
const V5: &str = r#"
CREATE TABLE article_mentions (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    json TEXT NOT NULL
);
INSERT INTO article_mentions
    SELECT article_id, json_group_array(json(json) ORDER BY seq) FROM mentions GROUP BY article_id;
DROP TABLE mentions;
CREATE VIEW mentions (article_id, seq, kind, start, "end", text, json) AS
    SELECT m.article_id, j.key, j.value ->> '$.kind', j.value ->> '$.start', j.value ->> '$.end',
        j.value ->> '$.text', j.value
    FROM article_mentions m, json_each(m.json) j;
"#;

/// The R*Tree and the summaries are kept by the writer's code (see the
/// module comment): the rows the triggers wrote stay as they are.
const V6: &str = r#"
DROP TRIGGER events_rtree_insert;
DROP TRIGGER events_rtree_delete;
DROP TRIGGER summaries_insert;
DROP TRIGGER summaries_delete;
"#;

/// Brings the database to [`VERSION`]; refuses a database from newer code.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let version = |c: &Connection| c.query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0));
    let have = version(conn)?;
    if have > VERSION {
        return Err(StoreError::TooNew { found: have, supported: VERSION });
    }
    if have == VERSION {
        return Ok(());
    }
    // Immediate: a second process opening the same new file waits, then sees the version.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let have = version(&tx)?;
    for (i, step) in STEPS.iter().enumerate().skip(have as usize) {
        tx.execute_batch(step.sql).map_err(|e| StoreError::Migration { to: i as u32 + 1, source: e })?;
        if let Some(then) = step.then {
            then(&tx)?;
        }
    }
    tx.pragma_update(None, "user_version", VERSION)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use frontline_pipeline::{MentionKind, MentionRecord};
    use rusqlite::params;

    use super::*;

    /// Version-4 mention rows migrate to the array ingest writes today, and
    /// the `mentions` view gives back the old rows.
    #[test]
    fn mentions_migrate_to_one_row_per_article() {
        let conn = Connection::open_in_memory().unwrap();
        for step in &STEPS[..4] {
            conn.execute_batch(step.sql).unwrap();
        }
        let mention = |start: usize, text: &'static str, kind| MentionRecord {
            article_id: "a1".into(),
            kind: Some(kind),
            start,
            end: start + text.chars().count(),
            text: text.into(),
            latitude: (kind == MentionKind::Place).then_some(34.45226),
            longitude: (kind == MentionKind::Place).then_some(40.91854),
            actor: (kind == MentionKind::Actor).then(|| "Lions Brigade".into()),
            ..Default::default()
        };
        let records =
            [mention(0, "Lions Brigade", MentionKind::Actor), mention(20, "Qaryat “al-Ḥisn”", MentionKind::Place)];
        conn.execute("INSERT INTO articles (id, content_hash, bytes, text) VALUES ('a1', 'h', 1, 't')", []).unwrap();
        for (seq, m) in records.iter().enumerate() {
            let kind = serde_json::to_value(m.kind).unwrap().as_str().unwrap().to_string();
            conn.execute(
                r#"INSERT INTO mentions (article_id, seq, kind, start, "end", text, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"#,
                params![m.article_id, seq as i64, kind, m.start as i64, m.end as i64, m.text, serde_json::to_string(m).unwrap()],
            )
            .unwrap();
        }
        conn.execute_batch(V5).unwrap();
        let stored: String = conn.query_row("SELECT json FROM article_mentions", [], |r| r.get(0)).unwrap();
        assert_eq!(stored, serde_json::to_string(&records).unwrap());
        let mut st = conn
            .prepare(r#"SELECT seq, kind, start, "end", text, json FROM mentions WHERE article_id = 'a1'"#)
            .unwrap();
        let rows: Vec<(i64, String, i64, i64, String, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let expect: Vec<_> = records
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let kind = serde_json::to_value(m.kind).unwrap().as_str().unwrap().to_string();
                (i as i64, kind, m.start as i64, m.end as i64, m.text.to_string(), serde_json::to_string(m).unwrap())
            })
            .collect();
        assert_eq!(rows, expect);
    }
}
