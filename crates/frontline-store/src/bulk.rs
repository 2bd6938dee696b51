//! Bulk loading: a large set of articles into an empty database in one go,
//! for building big databases (the API's load test builds a million events
//! with `frontline demo --generate`).
//!
//! The result is the database [`Store::ingest_batch`] builds from the same
//! articles (a test compares their digests): every row is written by the
//! same functions, but reports are linked in memory by one sweep over their
//! date windows instead of one SQL lookup, with a JSON decode of every
//! candidate, per report, and each merged event is written once instead of
//! being rewritten whenever a later article joins it; the R*Tree and the
//! summaries are filled from all the events at the end, by three queries.

use std::collections::BTreeSet;

use frontline_pipeline::control;
use frontline_pipeline::merge::{self, Report};
use frontline_pipeline::{Article, Event, Extraction};

use crate::ingest::{
    Serialised, insert_article, insert_claim, insert_event, insert_mentions, insert_statements, recompute_control,
};
use crate::{Store, StoreError};

/// Page cache of a bulk load, in KiB (negative: SQLite's unit for a size).
const BULK_CACHE_KIB: i64 = -1_048_576;

/// The R*Tree and summary rows of every event, which ingest writes per
/// transaction (`ingest::Derived`): the database was empty.
const DERIVED: &str = r#"
INSERT INTO events_rtree (id, min_lon, max_lon, min_lat, max_lat)
    SELECT rowid, longitude, longitude, latitude, latitude FROM events
    WHERE latitude IS NOT NULL AND longitude IS NOT NULL;
INSERT INTO event_days
    SELECT event_date, event_type, sub_event_type, country, count(*), sum(fatalities),
        min(longitude), min(latitude), max(longitude), max(latitude)
    FROM events GROUP BY event_date, event_type, sub_event_type, country;
INSERT INTO actor_counts
    SELECT actor, count(*), sum(fatalities) FROM (
        SELECT actor1 AS actor, fatalities FROM events WHERE actor1 != ''
        UNION ALL SELECT actor2, fatalities FROM events WHERE actor2 != ''
    ) GROUP BY actor;
"#;

/// What a bulk load stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BulkOutcome {
    pub articles: usize,
    /// Events as the articles coded them.
    pub claims: usize,
    /// Merged events.
    pub events: usize,
}

impl Store {
    /// Stores `items` in an empty database, in one transaction (all or
    /// none). Article ids must be distinct. Memory holds every event of
    /// every article until the end; article texts are written as they come.
    pub fn bulk_load(
        &mut self,
        items: impl IntoIterator<Item = (Article, Extraction<'static>)>,
    ) -> Result<BulkOutcome, StoreError> {
        // The indexes of a million events fit in a gigabyte of page cache;
        // with less, spilled pages are written to the WAL again and again.
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", BULK_CACHE_KIB)?;
        let loaded = self.bulk_load_in_transaction(items);
        self.conn.pragma_update(None, "cache_size", cache)?;
        loaded
    }

    fn bulk_load_in_transaction(
        &mut self,
        items: impl IntoIterator<Item = (Article, Extraction<'static>)>,
    ) -> Result<BulkOutcome, StoreError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let articles: i64 = tx.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        if articles > 0 {
            return Err(StoreError::NotEmpty { articles });
        }
        let mut outcome = BulkOutcome::default();
        let mut dirty_places = BTreeSet::new();
        let mut reports: Vec<(u32, Event)> = Vec::new();
        let mut claims: Vec<String> = Vec::new();
        for (a, x) in items {
            let rows = Serialised::of(&a, &x)?;
            insert_article(&tx, &a, &x, &rows.hash)?;
            insert_mentions(&tx, &a, rows.mentions.as_deref())?;
            insert_statements(&tx, &a, &rows.statements, &mut dirty_places)?;
            for (seq, e) in x.events.into_iter().enumerate() {
                reports.push((seq as u32, Event { article_id: a.id.clone(), ..e }));
            }
            claims.extend(rows.claims);
            outcome.articles += 1;
        }
        outcome.claims = reports.len();
        let refs: Vec<&Event> = reports.iter().map(|(_, e)| e).collect();
        for comp in linked(&refs) {
            let group: Vec<Report> = comp.iter().map(|&i| Report { seq: reports[i].0, event: &reports[i].1 }).collect();
            let Some(m) = merge::merge(&group) else { continue };
            let key = control::place_key(m.geonameid, &m.location, &m.country);
            if m.sub_event_type.is_territorial() {
                dirty_places.insert(key.clone());
            }
            insert_event(&tx, &m, &key, None)?;
            for &i in &comp {
                insert_claim(&tx, reports[i].0 as usize, &m.event_id, &reports[i].1, &claims[i], &mut dirty_places)?;
            }
            outcome.events += 1;
        }
        for key in &dirty_places {
            recompute_control(&tx, key)?;
        }
        tx.execute_batch(DERIVED)?;
        tx.execute("INSERT INTO articles_fts(rowid, title, text) SELECT seq, title, text FROM articles", [])?;
        tx.commit()?;
        Ok(outcome)
    }
}

/// The connected components of [`merge::compatible`] over `events`, as
/// [`merge::components`] finds them, in about linear time: only reports of
/// one family whose date windows overlap can be compatible, so a sweep in
/// window order compares each report with the open windows of its family.
fn linked(events: &[&Event]) -> Vec<Vec<usize>> {
    let mut order: Vec<_> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (from, to) = merge::date_window(e.event_date, e.time_precision);
            (merge::family(e.sub_event_type), from, to, i)
        })
        .collect();
    order.sort_unstable();
    let mut sets = merge::DisjointSets::new(events.len());
    let mut open: Vec<usize> = Vec::new();
    for (k, &(family, from, _, i)) in order.iter().enumerate() {
        open.retain(|&o| order[o].0 == family && order[o].2 >= from);
        for &o in &open {
            let j = order[o].3;
            if merge::compatible(events[i], events[j]) {
                sets.join(i, j);
            }
        }
        open.push(k);
    }
    sets.groups()
}
