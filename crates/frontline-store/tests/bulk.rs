//! The bulk loader builds the same database as ingesting the same articles
//! one by one: same merged events, claims, control timelines and full-text
//! index (compared by the store's digest), on invented reports that chain
//! through week-precision dates, nearby places and partial actor lists. And
//! the summaries the API reads (`event_days`, `actor_counts`) and the
//! R*Tree of points, kept by the writer, match the events after inserts,
//! merges and replaced articles.

use std::path::PathBuf;

use chrono::NaiveDate;
use frontline_pipeline::{
    Article, Event, Evidence, Extraction, GeoPrecision, Inter, SubEventType, TimePrecision, interaction,
};
use frontline_store::{BulkOutcome, Store, StoreError};

mod common;
use common::Scratch;

const GOV: &str = "Military Forces of Syria (2000-)";
const IS: &str = "Islamic State (Syria)";
const SDF: &str = "SDF: Syrian Democratic Forces";

/// A scratch directory (removed when the test ends) and a database path in it.
fn tmp(name: &str) -> (Scratch, PathBuf) {
    let dir = Scratch::new(&format!("bulk-test-{name}"));
    let db = dir.path().join("db.sqlite");
    (dir, db)
}

/// An invented report: (sub-event, date, precision, place, lat, lon, actor1, actor2, deaths, source).
type Report =
    (SubEventType, &'static str, TimePrecision, &'static str, f64, f64, &'static str, &'static str, u32, &'static str);

fn event(article: &Article, r: &Report) -> Event {
    let (sub, date, precision, place, lat, lon, a1, a2, deaths, source) = *r;
    let inter = |a: &str| match a {
        "" => None,
        GOV => Some(Inter::StateForces),
        _ => Some(Inter::RebelGroup),
    };
    let chars = article.text.chars().count();
    Event {
        event_id: String::new(),
        article_id: article.id.clone(),
        event_date: date.parse::<NaiveDate>().unwrap(),
        time_precision: precision,
        disorder_type: sub.disorder_type(),
        event_type: sub.event_type(),
        sub_event_type: sub,
        actor1: a1.into(),
        assoc_actor_1: String::new(),
        inter1: inter(a1),
        actor2: a2.into(),
        assoc_actor_2: String::new(),
        inter2: inter(a2),
        interaction: interaction(inter(a1), inter(a2)),
        civilian_targeting: String::new(),
        country: "Syria".into(),
        iso: Some(760),
        admin1: String::new(),
        admin2: String::new(),
        admin3: String::new(),
        location: place.into(),
        latitude: Some(lat),
        longitude: Some(lon),
        geo_precision: GeoPrecision::NearTown,
        geonameid: None,
        fatalities: deaths,
        fatalities_low: deaths,
        fatalities_best: deaths,
        fatalities_high: deaths,
        source: source.into(),
        notes: String::new(),
        confidence: 0.6,
        evidence: vec![Evidence {
            article_id: article.id.clone(),
            start: 0,
            end: chars,
            text: article.text.clone(),
            source: source.into(),
        }],
    }
}

fn corpus() -> Vec<(Article, Extraction<'static>)> {
    use SubEventType::*;
    use TimePrecision::*;
    let articles: &[(&str, &str, &[Report])] = &[
        (
            "a1",
            "Troops and IS fighters clashed outside Marat on Monday.",
            &[
                (ArmedClash, "2022-05-02", Day, "Marat", 35.10, 40.30, GOV, IS, 4, "Wire A"),
                (ShellingArtilleryMissileAttack, "2022-05-02", Day, "Marat", 35.10, 40.30, GOV, "", 0, "Wire A"),
            ],
        ),
        (
            "a2",
            "Fighting near Marat killed nine, a monitor said.",
            &[(ArmedClash, "2022-05-02", Day, "Marat", 35.14, 40.33, GOV, "", 9, "Monitor B")],
        ),
        (
            "a3",
            "Clashes around Marat went on all week.",
            &[(ArmedClash, "2022-05-04", Week, "Marat", 35.12, 40.31, GOV, IS, 15, "Daily C")],
        ),
        (
            "a4",
            "A separate clash with the SDF near Marat on Tuesday.",
            &[(ArmedClash, "2022-05-03", Day, "Marat", 35.11, 40.30, GOV, SDF, 2, "Daily C")],
        ),
        (
            "a5",
            "The army retook Hisn in May after IS held it.",
            &[
                (GovernmentRegainsTerritory, "2022-05-20", Month, "Hisn", 34.80, 40.70, GOV, IS, 0, "Wire A"),
                (ArmedClash, "2022-05-02", Day, "Hisn", 34.80, 40.70, GOV, IS, 1, "Wire A"),
            ],
        ),
        (
            "a6",
            "IS overran Hisn on 2 June.",
            &[(NonStateActorOvertakesTerritory, "2022-06-02", Day, "Hisn", 34.80, 40.70, IS, GOV, 3, "Monitor B")],
        ),
    ];
    articles
        .iter()
        .map(|(id, text, reports)| {
            let a = Article {
                id: (*id).into(),
                text: (*text).into(),
                title: Some(format!("Report {id}")),
                published: "2022-06-05".parse().ok(),
                outlet: Some("Invented".into()),
                ..Default::default()
            };
            let events = reports.iter().map(|r| event(&a, r)).collect();
            let x = Extraction { events, published: a.published, ..Default::default() };
            (a, x)
        })
        .collect()
}

#[test]
fn bulk_load_builds_the_database_ingest_builds() {
    let items = corpus();
    let (_ingested, ingested_db) = tmp("ingest");
    let mut ingested = Store::open(&ingested_db).unwrap();
    for (a, x) in &items {
        ingested.ingest(a, x).unwrap();
    }
    let (_bulk, bulk_db) = tmp("bulk");
    let mut bulk = Store::open(&bulk_db).unwrap();
    let outcome = bulk.bulk_load(items.iter().rev().cloned()).unwrap();
    // The week-long report links the two Marat day reports; the May
    // recapture of Hisn takes in the clash there that month; the SDF clash,
    // the shelling and the June loss of Hisn stay apart.
    assert_eq!(outcome, BulkOutcome { articles: 6, claims: 8, events: 5 });
    assert_eq!(bulk.digest().unwrap(), ingested.digest().unwrap());
    // IS held Hisn, the army retook it in May (a claim inside the merged clash), IS overran it in June.
    assert_eq!(bulk.control_spans(Some("Hisn"), None).unwrap().len(), 3);
    for store in [&bulk, &ingested] {
        assert_eq!(derived(store), recomputed(store));
    }
}

/// The summary tables and the R*Tree as stored.
fn derived(store: &Store) -> Vec<String> {
    rows(
        store,
        "SELECT event_date, event_type, sub_event_type, country, events, fatalities, min_lon, min_lat, max_lon, max_lat
         FROM event_days ORDER BY 1, 2, 3, 4",
    )
    .into_iter()
    .chain(rows(store, "SELECT actor, events, fatalities FROM actor_counts ORDER BY actor"))
    .chain(rows(store, "SELECT id, round(min_lon, 3), round(max_lon, 3), round(min_lat, 3), round(max_lat, 3) FROM events_rtree ORDER BY id"))
    .collect()
}

/// The summary tables and the R*Tree recomputed from the events.
fn recomputed(store: &Store) -> Vec<String> {
    rows(
        store,
        "SELECT event_date, event_type, sub_event_type, country, count(*), sum(fatalities), min(longitude),
            min(latitude), max(longitude), max(latitude) FROM events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
    )
    .into_iter()
    .chain(rows(
        store,
        "SELECT actor, count(*), sum(f) FROM (SELECT actor1 AS actor, fatalities AS f FROM events WHERE actor1 != ''
         UNION ALL SELECT actor2, fatalities FROM events WHERE actor2 != '') GROUP BY actor ORDER BY actor",
    ))
    .chain(rows(
        store,
        "SELECT rowid, round(longitude, 3), round(longitude, 3), round(latitude, 3), round(latitude, 3) FROM events
         WHERE latitude IS NOT NULL ORDER BY rowid",
    ))
    .collect()
}

fn rows(store: &Store, sql: &str) -> Vec<String> {
    let mut st = store.connection().prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect::<Result<Vec<_>, _>>()
    })
    .unwrap()
    .map(|r| r.unwrap().join("|"))
    .collect()
}

/// The summaries and the R*Tree, which the writer keeps, follow the events
/// that updated articles replace: reports moved in place and time in one
/// transaction with others, the newest event moved alone (its rowid is
/// given again), then every report withdrawn. An event update is refused.
#[test]
fn derived_rows_follow_replaced_articles_and_refuse_updates() {
    let items = corpus();
    let (_dir, db) = tmp("derived");
    let mut store = Store::open(&db).unwrap();
    store.ingest_batch(items.iter().map(|(a, x)| (a, x))).unwrap();
    assert_eq!(derived(&store), recomputed(&store));
    let update = |(a, x): &(Article, Extraction<'static>), moved: &dyn Fn(&mut Event)| {
        let a = Article { text: format!("{} (updated)", a.text), ..a.clone() };
        let mut x = x.clone();
        x.events.iter_mut().for_each(moved);
        (a, x)
    };
    let north = |e: &mut Event| e.latitude = e.latitude.map(|l| l + 0.5);
    let later = |e: &mut Event| e.event_date = e.event_date + chrono::Days::new(9);
    let moved = [update(&items[1], &later), update(&items[3], &north), update(&items[4], &north)];
    store.ingest_batch(moved.iter().map(|(a, x)| (a, x))).unwrap();
    assert_eq!(derived(&store), recomputed(&store));
    let (newest, article): (i64, String) = store
        .connection()
        .query_row(
            "SELECT e.rowid, c.article_id FROM events e JOIN claims c USING (event_id) ORDER BY e.rowid DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let (a, x) = update(items.iter().find(|(a, _)| a.id == article).unwrap(), &later);
    store.ingest(&a, &x).unwrap();
    let max = "SELECT max(rowid) FROM events";
    assert_eq!(store.connection().query_row(max, [], |r| r.get::<_, i64>(0)).unwrap(), newest);
    assert_eq!(derived(&store), recomputed(&store));
    let err = store.connection().execute("UPDATE events SET fatalities = fatalities + 1", []).unwrap_err();
    assert!(err.to_string().contains("replaced, not updated"), "{err}");
    let withdrawn: Vec<_> = items
        .iter()
        .map(|(a, _)| (Article { text: format!("{} (withdrawn)", a.text), ..a.clone() }, Extraction::default()))
        .collect();
    store.ingest_batch(withdrawn.iter().map(|(a, x)| (a, x))).unwrap();
    assert_eq!(derived(&store), Vec::<String>::new());
}

#[test]
fn bulk_load_refuses_a_database_with_articles() {
    let items = corpus();
    let (_dir, db) = tmp("twice");
    let mut store = Store::open(&db).unwrap();
    store.bulk_load(items.clone()).unwrap();
    let err = store.bulk_load(items).unwrap_err();
    assert!(matches!(err, StoreError::NotEmpty { articles: 6 }), "{err}");
}
