//! The store's promises, on invented articles and events: merge across
//! articles regardless of order, idempotent re-ingest, updated articles
//! replacing their claims, control timelines, readers beside a writer, and
//! fixture databases of every schema version still opening.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use frontline_pipeline::{
    Article, Event, Evidence, Extraction, GeoPrecision, Inter, SubEventType, TimePrecision, interaction,
};
use frontline_store::{EventFilter, MergedEvent, Prepared, Store};

mod common;
use common::Scratch;

const GOV: &str = "Military Forces of Syria (2000-)";
const IS: &str = "Islamic State (Syria)";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A scratch directory (removed when the test ends) and a database path in it.
fn tmp(name: &str) -> (Scratch, PathBuf) {
    let dir = Scratch::new(&format!("store-test-{name}"));
    let db = dir.path().join("db.sqlite");
    (dir, db)
}

fn article(id: &str, text: &str, published: &str, outlet: &str) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        published: Some(day(published)),
        outlet: Some(outlet.into()),
        ..Default::default()
    }
}

/// An invented event as one article coded it.
struct Ev<'a> {
    sub: SubEventType,
    date: &'a str,
    place: (&'a str, u64, f64, f64),
    actors: (&'a str, &'a str),
    deaths: u32,
    source: &'a str,
}

fn event(a: &Article, e: &Ev) -> Event {
    let inter = |s: &str| match s {
        GOV => Some(Inter::StateForces),
        "" => None,
        _ => Some(Inter::RebelGroup),
    };
    let (i1, i2) = (inter(e.actors.0), inter(e.actors.1));
    Event {
        event_id: format!("{}-{}", a.id, e.date),
        article_id: a.id.clone(),
        event_date: day(e.date),
        time_precision: TimePrecision::Day,
        disorder_type: e.sub.disorder_type(),
        event_type: e.sub.event_type(),
        sub_event_type: e.sub,
        actor1: e.actors.0.into(),
        assoc_actor_1: String::new(),
        inter1: i1,
        actor2: e.actors.1.into(),
        assoc_actor_2: String::new(),
        inter2: i2,
        interaction: interaction(i1, i2),
        civilian_targeting: String::new(),
        country: "Syria".into(),
        iso: Some(760),
        admin1: "Deir ez Zor".into(),
        admin2: String::new(),
        admin3: String::new(),
        location: e.place.0.into(),
        latitude: Some(e.place.2),
        longitude: Some(e.place.3),
        geo_precision: GeoPrecision::Town,
        geonameid: Some(e.place.1),
        fatalities: e.deaths,
        fatalities_low: e.deaths,
        fatalities_best: e.deaths,
        fatalities_high: e.deaths,
        source: e.source.into(),
        notes: a.text.chars().take(60).collect(),
        confidence: 0.7,
        evidence: vec![Evidence {
            article_id: a.id.clone(),
            start: 0,
            end: 10,
            text: a.text.chars().take(10).collect(),
            source: e.source.into(),
        }],
    }
}

fn extraction(a: &Article, evs: &[Ev]) -> Extraction<'static> {
    Extraction { events: evs.iter().map(|e| event(a, e)).collect(), published: a.published, ..Default::default() }
}

const TOWN: (&str, u64, f64, f64) = ("Wadi Qasr", 9_000_001, 34.45, 40.91);
const TOWN_NEARBY: (&str, u64, f64, f64) = ("Qasr al-Janubi", 9_000_002, 34.47, 40.92);
const OTHER_TOWN: (&str, u64, f64, f64) = ("Tell Rummana", 9_000_003, 35.10, 40.20);

/// Two invented reports of one clash (different words, sources and tolls),
/// one clash a day later, and a recapture of another town.
fn corpus() -> Vec<(Article, Extraction<'static>)> {
    let a = article(
        "wire-1",
        "Government troops fought Islamic State fighters in Wadi Qasr on Tuesday; 12 soldiers died, state media said.",
        "2021-03-03",
        "Wire One",
    );
    let b = article(
        "daily-2",
        "At least 30 people were killed as regime forces and IS militants clashed near Qasr al-Janubi, a monitor said.",
        "2021-03-03",
        "Daily Two",
    );
    let c = article(
        "wire-3",
        "Fresh fighting broke out in Wadi Qasr on Wednesday between the army and IS. Tell Rummana was retaken by the army.",
        "2021-03-04",
        "Wire One",
    );
    let clash = |date, place, deaths, source| Ev {
        sub: SubEventType::ArmedClash,
        date,
        place,
        actors: (GOV, IS),
        deaths,
        source,
    };
    let ex_a = extraction(&a, &[clash("2021-03-02", TOWN, 12, "SANA")]);
    let ex_b = extraction(&b, &[clash("2021-03-02", TOWN_NEARBY, 30, "SOHR")]);
    let ex_c = extraction(
        &c,
        &[
            clash("2021-03-03", TOWN, 0, "Wire One"),
            Ev {
                sub: SubEventType::GovernmentRegainsTerritory,
                date: "2021-03-04",
                place: OTHER_TOWN,
                actors: (GOV, IS),
                deaths: 0,
                source: "Wire One",
            },
        ],
    );
    vec![(a, ex_a), (b, ex_b), (c, ex_c)]
}

fn ingest_all(path: &Path, items: &[(Article, Extraction<'static>)]) -> Store {
    let mut store = Store::open(path).unwrap();
    for (a, x) in items {
        store.ingest(a, x).unwrap();
    }
    store
}

fn events(store: &Store) -> Vec<MergedEvent> {
    let mut v = Vec::new();
    store
        .export(&EventFilter::default(), |e| -> Result<(), std::convert::Infallible> {
            v.push(e.clone());
            Ok(())
        })
        .unwrap();
    v
}

#[test]
fn two_reports_of_one_clash_merge_with_both_claims() {
    let (_dir, db) = tmp("merge");
    let store = ingest_all(&db, &corpus());
    let evs = events(&store);
    assert_eq!(evs.len(), 3, "{evs:#?}");
    let clash = evs.iter().find(|e| e.event_date == day("2021-03-02")).unwrap();
    assert_eq!(clash.article_ids, ["daily-2", "wire-1"]);
    assert_eq!(clash.source, "SANA; SOHR");
    let claims: Vec<(&str, &str, u32)> =
        clash.claims.iter().map(|c| (c.article_id.as_str(), c.source.as_str(), c.fatalities)).collect();
    assert_eq!(claims, [("daily-2", "SOHR", 30), ("wire-1", "SANA", 12)]);
    assert_eq!((clash.fatalities, clash.fatalities_low, clash.fatalities_high), (12, 12, 30));
    // The next day's fighting in the same town is another event.
    assert!(evs.iter().any(|e| e.event_date == day("2021-03-03") && e.article_ids == ["wire-3"]));
}

#[test]
fn ingest_order_and_repetition_do_not_change_the_database() {
    let items = corpus();
    let (_fwd, fwd) = tmp("fwd");
    let forward = ingest_all(&fwd, &items);
    let mut reversed_items = items.clone();
    reversed_items.reverse();
    let (_rev, rev) = tmp("rev");
    let reversed = ingest_all(&rev, &reversed_items);
    assert_eq!(forward.digest().unwrap(), reversed.digest().unwrap());
    assert_eq!(events(&forward), events(&reversed));

    let (_twice, path) = tmp("twice");
    let mut twice = ingest_all(&path, &items);
    let before = twice.digest().unwrap();
    for (a, x) in &items {
        let o = twice.ingest(a, x).unwrap();
        assert!(o.unchanged, "{o:?}");
    }
    assert_eq!(twice.digest().unwrap(), before);
    assert_eq!(before, forward.digest().unwrap());
}

/// `frontline ingest` prepares articles on worker threads and adds them to
/// one transaction a chunk at a time: the database is the one ingesting
/// them one by one gives, and a transaction dropped before its commit
/// leaves nothing behind.
#[test]
fn prepared_chunks_of_one_transaction_give_the_same_database() {
    let items = corpus();
    let (_each, each) = tmp("chunks-each");
    let one_by_one = ingest_all(&each, &items);
    let prepared: Vec<Prepared> = items.iter().map(|(a, x)| Prepared::new(a.clone(), x.clone()).unwrap()).collect();

    let (_chunks, chunks) = tmp("chunks");
    let mut store = Store::open(&chunks).unwrap();
    let mut writer = store.begin().unwrap();
    let first = writer.add(&prepared[..1]).unwrap();
    let rest = writer.add(&prepared[1..]).unwrap();
    assert_eq!(writer.articles(), 3);
    assert_eq!(first.len() + rest.len(), 3);
    writer.commit().unwrap();
    assert_eq!(store.digest().unwrap(), one_by_one.digest().unwrap());

    let (_dropped, dropped_db) = tmp("chunks-dropped");
    let mut dropped = Store::open(&dropped_db).unwrap();
    let empty = dropped.digest().unwrap();
    let mut writer = dropped.begin().unwrap();
    writer.add(&prepared).unwrap();
    drop(writer);
    assert_eq!(dropped.digest().unwrap(), empty);
}

#[test]
fn an_updated_article_replaces_its_own_claims() {
    let items = corpus();
    let (_dir, path) = tmp("update");
    let mut store = ingest_all(&path, &items);
    // The monitor revises its toll and the outlet fixes the date: the claim moves.
    let (b, _) = &items[1];
    let b2 = Article { text: format!("{} (updated)", b.text), ..b.clone() };
    let o = store.ingest(&b2, &extraction(&b2, &[revised()])).unwrap();
    assert!(o.replaced && o.events_merged == 1, "{o:?}");
    let evs = events(&store);
    let first = evs.iter().find(|e| e.event_date == day("2021-03-02")).unwrap();
    assert_eq!(first.article_ids, ["wire-1"]);
    assert_eq!(first.fatalities_high, 12);
    let second = evs.iter().find(|e| e.event_date == day("2021-03-03")).unwrap();
    assert_eq!(second.article_ids, ["daily-2", "wire-3"]);
    assert_eq!(second.fatalities, 41);

    // The full-text index follows the replacement.
    let matching = |q: &str| {
        let mut n = 0;
        store
            .export(
                &EventFilter { text: Some(q.into()), ..Default::default() },
                |_| -> Result<(), std::convert::Infallible> {
                    n += 1;
                    Ok(())
                },
            )
            .unwrap();
        n
    };
    assert_eq!((matching("updated"), matching("monitor")), (1, 1));
    store.connection().execute_batch("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')").unwrap();

    // Same final state as ingesting the updated corpus from scratch.
    let mut fresh_items = items.clone();
    fresh_items[1] = (b2.clone(), extraction(&b2, &[revised()]));
    let (_fresh, fresh) = tmp("update-fresh");
    assert_eq!(store.digest().unwrap(), ingest_all(&fresh, &fresh_items).digest().unwrap());
}

fn revised() -> Ev<'static> {
    Ev { sub: SubEventType::ArmedClash, date: "2021-03-03", place: TOWN, actors: (GOV, IS), deaths: 41, source: "SOHR" }
}

#[test]
fn control_timeline_from_territorial_events() {
    let mut items = corpus();
    let d = article("daily-9", "IS overran Tell Rummana again in April.", "2021-04-11", "Daily Two");
    let loss = Ev {
        sub: SubEventType::NonStateActorOvertakesTerritory,
        date: "2021-04-10",
        place: OTHER_TOWN,
        actors: (IS, GOV),
        deaths: 0,
        source: "Daily Two",
    };
    let xd = extraction(&d, &[loss]);
    items.push((d, xd));
    let (_dir, db) = tmp("control");
    let store = ingest_all(&db, &items);
    let spans = store.control_spans(Some("tell rummana"), None).unwrap();
    let got: Vec<(String, Option<NaiveDate>, Option<NaiveDate>)> =
        spans.iter().map(|s| (s.holder.clone(), s.from, s.to)).collect();
    assert_eq!(
        got,
        [
            (IS.to_string(), None, Some(day("2021-03-04"))),
            (GOV.to_string(), Some(day("2021-03-04")), Some(day("2021-04-10"))),
            (IS.to_string(), Some(day("2021-04-10")), None),
        ]
    );
    assert!(spans[1].sources.contains(&"Wire One".to_string()) && spans[1].event_ids.len() == 1);
    let on = store.control_spans(None, Some(day("2021-03-20"))).unwrap();
    assert_eq!(on.len(), 1);
    assert_eq!(on[0].holder, GOV);
    assert!(store.control_spans(Some("Wadi Qasr"), None).unwrap().is_empty(), "a clash is not a transfer");
}

/// One article codes a recapture at a border crossing and at the town beside
/// it (one merged event, coded at the crossing); a second names the town
/// only. Each report counts for its own place, whatever the ingest order.
#[test]
fn a_recapture_at_a_sub_place_counts_for_each_place_named() {
    const CROSSING: (&str, u64, f64, f64) = ("Wadi Qasr border crossing", 9_000_004, 34.44, 40.905);
    let a = article("wire-7", "The army retook the Wadi Qasr border crossing and the town.", "2021-05-02", "Wire One");
    let b = article("daily-8", "Troops entered Wadi Qasr, IS's last bastion.", "2021-05-02", "Daily Two");
    let retake = |place, source| Ev {
        sub: SubEventType::GovernmentRegainsTerritory,
        date: "2021-05-01",
        place,
        actors: (GOV, IS),
        deaths: 0,
        source,
    };
    let xa = extraction(&a, &[retake(CROSSING, "Wire One"), retake(TOWN, "Wire One")]);
    let xb = extraction(&b, &[retake(TOWN, "Daily Two")]);
    let items = vec![(a, xa), (b, xb)];
    let (_dir, db) = tmp("subplace");
    let store = ingest_all(&db, &items);
    assert_eq!(events(&store).len(), 1, "one recapture");
    for place in ["Wadi Qasr", "Wadi Qasr border crossing"] {
        let spans = store.control_spans(Some(place), None).unwrap();
        let got: Vec<(&str, Option<NaiveDate>)> = spans.iter().map(|s| (s.holder.as_str(), s.from)).collect();
        assert_eq!(got, [(IS, None), (GOV, Some(day("2021-05-01")))], "{place}");
    }
    let town = store.control_spans(Some("Wadi Qasr"), None).unwrap();
    assert_eq!(town[1].sources, ["Daily Two", "Wire One"]);
    let reversed: Vec<_> = items.into_iter().rev().collect();
    let (_rev, rev) = tmp("subplace-rev");
    assert_eq!(ingest_all(&rev, &reversed).digest().unwrap(), store.digest().unwrap());
}

#[test]
fn export_filters() {
    let (_dir, db) = tmp("filter");
    let store = ingest_all(&db, &corpus());
    let count = |f: EventFilter| {
        let mut n = 0;
        store
            .export(&f, |_| -> Result<(), std::convert::Infallible> {
                n += 1;
                Ok(())
            })
            .unwrap();
        n
    };
    assert_eq!(count(EventFilter { from: Some(day("2021-03-03")), ..Default::default() }), 2);
    assert_eq!(
        count(EventFilter { sub_event_type: Some("Government regains territory".into()), ..Default::default() }),
        1
    );
    assert_eq!(count(EventFilter { country: Some("syria".into()), ..Default::default() }), 3);
    assert_eq!(count(EventFilter { bbox: Some([40.0, 35.0, 41.0, 36.0]), ..Default::default() }), 1);
    assert_eq!(count(EventFilter { text: Some("monitor".into()), ..Default::default() }), 1);
    assert_eq!(count(EventFilter { actor: Some(GOV.into()), ..Default::default() }), 3);
}

#[test]
fn a_reader_sees_committed_data_while_a_writer_holds_a_transaction() {
    let (_dir, path) = tmp("reader");
    let items = corpus();
    let mut writer = ingest_all(&path, &items[..1]);
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(events(&reader).len(), 1);
    writer.connection().execute_batch("BEGIN IMMEDIATE; DELETE FROM events;").unwrap();
    assert_eq!(events(&reader).len(), 1, "uncommitted writes are invisible");
    writer.connection().execute_batch("ROLLBACK").unwrap();
    writer.ingest(&items[2].0, &items[2].1).unwrap();
    assert_eq!(events(&reader).len(), 3);
}

/// Every committed fixture (one per schema version) opens with this code,
/// migrates, and keeps its events.
#[test]
fn fixture_databases_of_every_version_open() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for v in 1..=frontline_store::schema::VERSION {
        let fixture = dir.join(format!("v{v}.sqlite"));
        assert!(fixture.exists(), "missing fixture {} for schema version {v}", fixture.display());
        let (_dir, copy) = tmp(&format!("fixture-v{v}"));
        std::fs::copy(&fixture, &copy).unwrap();
        let store = Store::open(&copy).unwrap();
        let evs = events(&store);
        assert!(!evs.is_empty(), "fixture v{v} has no events");
        assert!(evs.iter().all(|e| !e.claims.is_empty() && !e.article_ids.is_empty()));
        seen += 1;
    }
    assert_eq!(seen, frontline_store::schema::VERSION);
}

/// A new database gets the store's page size; one made with SQLite's
/// default keeps it (the committed fixtures have 4 KiB pages) and the same
/// content reads the same from either.
#[test]
fn a_new_database_gets_the_store_page_size_and_an_old_one_keeps_its_own() {
    let page_size =
        |store: &Store| store.connection().query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0)).unwrap();
    let (_dir, db) = tmp("page-size");
    let fresh = ingest_all(&db, &corpus());
    assert_eq!(page_size(&fresh), frontline_store::PAGE_SIZE);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v6.sqlite");
    let (_old, copy) = tmp("page-size-v6");
    std::fs::copy(&fixture, &copy).unwrap();
    let old = Store::open(&copy).unwrap();
    assert_eq!(page_size(&old), 4096);
    assert_eq!(old.digest().unwrap(), fresh.digest().unwrap());
}

/// The version-2 fixture (written from [`corpus`]) migrated to version 3
/// holds what ingesting the corpus today gives: the claim columns derived
/// from the stored JSON and the control timelines rewritten.
#[test]
fn migrating_the_v2_fixture_gives_the_database_ingest_gives() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2.sqlite");
    let (_dir, copy) = tmp("fixture-v2-digest");
    std::fs::copy(&fixture, &copy).unwrap();
    let migrated = Store::open(&copy).unwrap();
    let (_fresh, fresh_db) = tmp("fixture-v2-fresh");
    let fresh = ingest_all(&fresh_db, &corpus());
    assert_eq!(migrated.digest().unwrap(), fresh.digest().unwrap());
}

/// Writes `tests/fixtures/v{VERSION}.sqlite` from the invented corpus. Run
/// once when a schema version is added:
/// `cargo test -p frontline-store --test store write_fixture -- --ignored`.
#[test]
#[ignore = "writes the fixture of the current schema version; run when adding one"]
fn write_fixture() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/v{}.sqlite", frontline_store::schema::VERSION));
    let _ = std::fs::remove_file(&path);
    let store = ingest_all(&path, &corpus());
    store.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;").unwrap();
}
