//! The 25 ACLED sub-event types, and no event from non-events, on short
//! news snippets: our own invented snippets in the CASE 2021 task-2 layout
//! (`tests/fixtures/snippets*.tsv`: id, snippet, label) run through `process`;
//! the primary event (the most confident one) must carry the label's type,
//! and snippets about disasters, diplomacy, crime or claims of
//! responsibility must give none. Prints the per-label accuracy, the
//! confusion and the misses (`cargo test --test snippets -- --nocapture`),
//! and fails when the figures fall below the floors measured on them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use frontline_pipeline::{Article, Resources, process};

/// Labels whose right answer is "no event".
const NO_EVENT: &[&str] = &["MAN_MADE_DISASTER", "NATURAL_DISASTER", "DIPLO", "ORG_CRIME", "ATTRIB"];

/// The CASE 2021 label of each ACLED sub-event type.
const LABELS: &[(&str, &str)] = &[
    ("ABDUCT_DISSAP", "Abduction/forced disappearance"),
    ("AGREEMENT", "Agreement"),
    ("AIR_STRIKE", "Air/drone strike"),
    ("ARMED_CLASH", "Armed clash"),
    ("ARREST", "Arrests"),
    ("ART_MISS_ATTACK", "Shelling/artillery/missile attack"),
    ("ATTACK", "Attack"),
    ("CHANGE_TO_GROUP_ACT", "Change to group/activity"),
    ("CHEM_WEAP", "Chemical weapon"),
    ("DISR_WEAP", "Disrupted weapons use"),
    ("FORCE_AGAINST_PROTEST", "Excessive force against protesters"),
    ("GOV_REGAINS_TERIT", "Government regains territory"),
    ("GRENADE", "Grenade"),
    ("HQ_ESTABLISHED", "Headquarters or base established"),
    ("MOB_VIOL", "Mob violence"),
    ("NON_STATE_ACTOR_OVERTAKES_TER", "Non-state actor overtakes territory"),
    ("NON_VIOL_TERRIT_TRANSFER", "Non-violent transfer of territory"),
    ("OTHER", "Other"),
    ("PEACE_PROTEST", "Peaceful protest"),
    ("PROPERTY_DISTRUCT", "Looting/property destruction"),
    ("PROTEST_WITH_INTER", "Protest with intervention"),
    ("REM_EXPLOS", "Remote explosive/landmine/IED"),
    ("SEX_VIOL", "Sexual violence"),
    ("SUIC_BOMB", "Suicide bomb"),
    ("VIOL_DEMONSTR", "Violent demonstration"),
];

/// A fixture and the floors measured on it (percent, less a margin): a
/// rule change that loses snippets fails here.
struct Fixture {
    file: &'static str,
    /// The articles' publication day, after every date the snippets give:
    /// an event dated after its article is dropped.
    published: (i32, u32, u32),
    accuracy: f64,
    no_event: f64,
    types_macro_recall: f64,
    /// A held-out set prints its figures only: its misses stay unseen, so
    /// that nobody tunes on them.
    held_out: bool,
}

/// The fixtures: the first, written alongside the rules over many
/// sessions (today 93.4 / 93.3 / 93.4); set A, written in one go before
/// the rules were tuned on it (today 93.0 / 90.0 / 93.5); set B, written
/// with A and held out for a round, then tuned on (today 94.3 / 100.0 /
/// 93.5); set C, written later in other wording, held out for a round,
/// then tuned on (85.2 / 100.0 / 83.0 before, today 96.5 / 100.0 / 96.0);
/// set D, written before the round that tuned on C, in wording unlike
/// the others (passive voice, reported speech, several events in one
/// sentence), held out for a round (64.3 / 80.0 / 62.4), then tuned on
/// by cue coverage (every form and voice of a verb, its synonyms, its
/// noun) and by the codebook's decisions rather than by phrase (today
/// 94.3 / 93.3 / 94.4); set E, 200 snippets written blind in one go
/// with ACLED's mix of types, committed before that round's rules and
/// held out for two rounds (78.5 / 86.7 / 75.8, then 80.5 / 86.7 /
/// 78.8), now a tuning set too, tuned on by the cause of each miss (a
/// cue's form, a missing synonym family, a priority, whom an act falls
/// on) rather than by phrase (today 94.5 / 93.3 / 93.2); set F, 200
/// snippets written blind in one go like E, committed before that round's
/// rules and never tuned on: the check on unseen wording now (84.5 / 93.3
/// / 81.1 when wired in, after that round). The no-event classes
/// have 15 to 60 snippets: one snippet moves their recall by up to 6.7
/// points.
const FIXTURES: &[Fixture] = &[
    Fixture {
        file: "snippets.tsv",
        published: (2025, 1, 15),
        accuracy: 92.0,
        no_event: 89.0,
        types_macro_recall: 92.0,
        held_out: false,
    },
    Fixture {
        file: "snippets-a.tsv",
        published: (2025, 1, 15),
        accuracy: 91.0,
        no_event: 86.0,
        types_macro_recall: 91.0,
        held_out: false,
    },
    Fixture {
        file: "snippets-b.tsv",
        published: (2025, 1, 15),
        accuracy: 92.0,
        no_event: 96.0,
        types_macro_recall: 91.0,
        held_out: false,
    },
    Fixture {
        file: "snippets-c.tsv",
        published: (2026, 1, 15),
        accuracy: 94.0,
        no_event: 93.0,
        types_macro_recall: 94.0,
        held_out: false,
    },
    Fixture {
        file: "snippets-d.tsv",
        published: (2026, 1, 15),
        accuracy: 92.0,
        no_event: 86.0,
        types_macro_recall: 92.0,
        held_out: false,
    },
    Fixture {
        file: "snippets-e.tsv",
        published: (2026, 1, 15),
        accuracy: 92.0,
        no_event: 86.0,
        types_macro_recall: 91.0,
        held_out: false,
    },
    Fixture {
        file: "snippets-f.tsv",
        published: (2026, 1, 15),
        accuracy: 82.0,
        no_event: 86.0,
        types_macro_recall: 78.0,
        held_out: true,
    },
];

/// The expected sub-event type of a label, "NONE" for no event.
fn expected(label: &str) -> &'static str {
    if NO_EVENT.contains(&label) {
        return "NONE";
    }
    LABELS.iter().find(|(l, _)| *l == label).map(|(_, t)| *t).unwrap_or_else(|| panic!("unknown label {label:?}"))
}

/// Rows of a fixture: (id, snippet, label).
fn rows(file: &str) -> Vec<(String, String, String)> {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("id\tEventSnippet\tSubType"), "header of {path}");
    lines
        .enumerate()
        .map(|(n, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "line {} of {path} has {} fields, not 3", n + 2, f.len());
            (f[0].to_string(), f[1].to_string(), f[2].to_string())
        })
        .collect()
}

/// The sub-event type of the snippet's primary event ("NONE" without one)
/// and why candidates were dropped.
fn primary(resources: &Resources, published: (i32, u32, u32), id: &str, text: &str) -> (&'static str, Vec<String>) {
    let article = Article {
        id: id.to_string(),
        text: text.to_string(),
        published: NaiveDate::from_ymd_opt(published.0, published.1, published.2),
        outlet: Some("Snippet Wire".to_string()),
        ..Default::default()
    };
    let out = process(&article, resources);
    let mut best: Option<&frontline_pipeline::Event> = None;
    for e in &out.events {
        if best.is_none_or(|b| e.confidence > b.confidence) {
            best = Some(e);
        }
    }
    let why = out.diagnostics.into_iter().map(|d| d.message).collect();
    (best.map_or("NONE", |e| e.sub_event_type.as_str()), why)
}

#[test]
fn snippets_of_every_type_and_no_event_classes() {
    let resources = Resources::builtin();
    let mut failures = Vec::new();
    for fixture in FIXTURES {
        println!("== {}", fixture.file);
        failures.extend(check(&resources, fixture));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Prints a tuning fixture's per-label counts, its confusion and its misses.
fn print_details(
    per_label: &BTreeMap<&str, (usize, usize)>,
    confusion: &BTreeMap<(&str, &str), usize>,
    misses: &[String],
) {
    for (label, (ok, n)) in per_label {
        println!("{label:32} {ok:3}/{n:3}");
    }
    println!("confusion (expected -> found: count):");
    let mut pairs: Vec<_> = confusion.iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for ((want, got), n) in pairs {
        println!("  {want} -> {got}: {n}");
    }
    for m in misses {
        println!("miss {m}");
    }
}

/// Scores one fixture, printing the figures and, unless it is held out,
/// the per-label counts, the confusion and the misses; returns the floors
/// it falls below.
fn check(resources: &Resources, fixture: &Fixture) -> Vec<String> {
    let rows = rows(fixture.file);
    let mut per_label: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut confusion: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut misses = Vec::new();
    for (id, text, label) in &rows {
        let want = expected(label);
        let (got, why) = primary(resources, fixture.published, id, text);
        let e = per_label.entry(label.as_str()).or_default();
        e.1 += 1;
        if got == want {
            e.0 += 1;
        } else {
            *confusion.entry((want, got)).or_default() += 1;
            misses.push(format!("{id} {label} -> {got}: {text} {why:?}"));
        }
    }
    if !fixture.held_out {
        print_details(&per_label, &confusion, &misses);
    }
    let pct = |ok: usize, n: usize| 100.0 * ok as f64 / n.max(1) as f64;
    let (ok, n) = per_label.values().fold((0, 0), |(a, b), (o, t)| (a + o, b + t));
    let (none_ok, none_n) =
        per_label.iter().filter(|(l, _)| NO_EVENT.contains(l)).fold((0, 0), |(a, b), (_, (o, t))| (a + o, b + t));
    let types: Vec<f64> =
        per_label.iter().filter(|(l, _)| !NO_EVENT.contains(l)).map(|(_, (o, t))| pct(*o, *t)).collect();
    assert_eq!(types.len(), LABELS.len(), "the fixture covers every ACLED sub-event type");
    let macro_recall = types.iter().sum::<f64>() / types.len() as f64;
    let (accuracy, no_event) = (pct(ok, n), pct(none_ok, none_n));
    println!(
        "accuracy {accuracy:.1}% ({ok}/{n}); no-event recall {no_event:.1}%; type macro recall {macro_recall:.1}%"
    );
    let file = fixture.file;
    let mut failures = Vec::new();
    for (what, got, floor) in [
        ("accuracy", accuracy, fixture.accuracy),
        ("no-event recall", no_event, fixture.no_event),
        ("type macro recall", macro_recall, fixture.types_macro_recall),
    ] {
        if got < floor {
            failures.push(format!("{file}: {what} {got:.1}% is below the floor {floor}%"));
        }
    }
    failures
}
