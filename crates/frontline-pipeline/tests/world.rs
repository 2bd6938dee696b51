//! World articles end to end: twelve wire articles of our own from
//! conflicts beyond Syria (`tests/fixtures/world/`, coded in the seeds'
//! layout in `gold.json`) run through `process` with the built-in
//! resources. A `must` event is found when an event has its type, a place
//! within its tolerance, its date (or a day of its window) and its
//! fatalities; its actors are right when such an event (fatalities aside)
//! has them as ACLED names them (a name without a regime period matches
//! any period; an armed clash's sides in either order). No `forbid` rule
//! may break. Six articles were tuned on and six held out; the test prints
//! both sets' figures (`cargo test --test world -- --nocapture`), and the
//! misses of the tuning set only, so that running it shows nobody what must
//! not be tuned on; it fails when either set falls below the floor measured
//! on it.

mod common;

use std::path::PathBuf;

use frontline_pipeline::{Article, Event, Resources, process, read::parse_published};
use serde_json::Value;

/// The figures of one set of articles.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Tally {
    must: usize,
    found: usize,
    actors: usize,
    actors_total: usize,
    forbid: usize,
    broken: usize,
}

/// The floors measured on each set (found, actors right, forbid rules
/// broken at most): before session 14's rules the tuning set gave 9/18,
/// 4/18, 2 broken and the held-out set 8/18, 7/17, 4 broken; session 17
/// measured 11/18, 11/18, 0 and 12/18, 9/17, 1; session 18 12/18, 12/18, 0
/// on the tuning set, the held-out set unchanged.
const FLOORS: &[(&str, usize, usize, usize)] = &[("tuning", 12, 12, 0), ("heldout", 12, 9, 1)];

/// Whether an event names the gold event's actors.
fn actors_right(e: &Event, g: &Value) -> bool {
    let want = |k: &str, got: &str| g.get(k).and_then(Value::as_str).is_none_or(|w| got.starts_with(w));
    let (a1, a2) = (e.actor1.as_str(), e.actor2.as_str());
    (want("actor1", a1) && want("actor2", a2))
        || (g["sub_event_type"] == "Armed clash" && want("actor1", a2) && want("actor2", a1))
}

/// The reasons an article's events break a `forbid` rule.
fn broken(events: &[Event], rule: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    for e in events {
        if rule["fatalities_in"].as_array().into_iter().flatten().any(|v| v.as_u64() == Some(u64::from(e.fatalities))) {
            bad.push(format!("fatalities {}", e.fatalities));
        }
        let year = i64::from(chrono::Datelike::year(&e.event_date));
        if rule["date_year_in"].as_array().into_iter().flatten().any(|v| v.as_i64() == Some(year)) {
            bad.push(format!("date {}", e.event_date));
        }
        let evidence = e.evidence.iter().map(|s| s.text.to_lowercase()).collect::<Vec<_>>().join(" ");
        for w in rule["evidence_contains_any"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if evidence.contains(&w.to_lowercase()) {
                bad.push(format!("evidence {w:?}"));
            }
        }
    }
    bad
}

#[test]
fn world_articles_give_their_events_actors_and_no_forbidden_ones() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/world");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).expect("gold.json")).expect("JSON");
    let resources = Resources::builtin();
    let mut tallies: Vec<(String, Tally)> = Vec::new();
    for a in gold["articles"].as_array().expect("articles") {
        let file = a["file"].as_str().expect("file");
        let set = a["set"].as_str().expect("set").to_string();
        let show = set != "heldout";
        let article = Article {
            id: file.to_string(),
            text: std::fs::read_to_string(dir.join(file)).expect("article readable"),
            published: a["published"].as_str().and_then(parse_published),
            outlet: a["outlet"].as_str().map(str::to_string),
            ..Default::default()
        };
        let out = process(&article, &resources);
        if !tallies.iter().any(|(s, _)| *s == set) {
            tallies.push((set.clone(), Tally::default()));
        }
        let t = &mut tallies.iter_mut().find(|(s, _)| *s == set).expect("tally").1;
        for g in a["must"].as_array().into_iter().flatten() {
            let here: Vec<&Event> = out.events.iter().filter(|e| common::located(e, g)).collect();
            t.must += 1;
            if here.iter().any(|e| g["fatalities"].as_u64() == Some(u64::from(e.fatalities))) {
                t.found += 1;
            } else if show {
                eprintln!("{file}: missing {} {}", g["id"], g["sub_event_type"]);
            }
            if g.get("actor1").is_some() || g.get("actor2").is_some() {
                t.actors_total += 1;
                if here.iter().any(|e| actors_right(e, g)) {
                    t.actors += 1;
                } else if show {
                    eprintln!("{file}: actors of {} not {} / {}", g["id"], g["actor1"], g["actor2"]);
                }
            }
        }
        for rule in a["forbid"].as_array().into_iter().flatten() {
            t.forbid += 1;
            let bad = broken(&out.events, rule);
            if !bad.is_empty() {
                t.broken += 1;
                if show {
                    eprintln!("{file}: {} ({})", rule["why"], bad.join(", "));
                }
            }
        }
    }
    let mut failures = Vec::new();
    for (set, t) in &tallies {
        eprintln!(
            "{set}: found {}/{}, actors {}/{}, forbid broken {}/{}",
            t.found, t.must, t.actors, t.actors_total, t.broken, t.forbid
        );
        let &(_, found, actors, broken) = FLOORS.iter().find(|f| f.0 == set).expect("a floor for every set");
        if t.found < found || t.actors < actors || t.broken > broken {
            failures.push(format!("{set} below its floor: {t:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
