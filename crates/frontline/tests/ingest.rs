//! `frontline ingest`, `export` and `control` end to end through the binary:
//! re-ingest and ingest order leave the same database, a killed ingest
//! re-run ends with the database an uninterrupted run gives, and every
//! export format reads back (Parquet with the parquet crate's own reader).
//!
//! Tests on the seed articles read them from `../shared` beside the
//! workspace and skip with a message when it is absent.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use frontline_store::Store;

mod common;
use common::Scratch;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_frontline"));
    c.env("FRONTLINE_HOME", std::env::temp_dir().join("frontline-ingest-test-home"));
    c
}

fn tmp(name: &str) -> Scratch {
    Scratch::new(&format!("ingest-test-{name}"))
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("seeds").is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/seeds is absent beside the workspace");
        None
    }
}

/// Runs `frontline ingest` on `inputs` into `db`, checks it succeeded, returns stderr.
fn ingest(db: &Path, inputs: &[&Path], extra: &[&str]) -> String {
    let out = bin().arg("ingest").args(inputs).arg("--db").arg(db).args(extra).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "ingest failed: {stderr}");
    stderr
}

fn digest(db: &Path) -> String {
    Store::open_read_only(db).unwrap().digest().unwrap()
}

fn export(db: &Path, format: &str, out: &Path) {
    let st = bin().args(["export", "--format", format, "--db"]).arg(db).arg("-o").arg(out).status().unwrap();
    assert!(st.success(), "export {format} failed");
}

/// Invented articles: two outlets report one clash in their own words with
/// different tolls, a third reports new clashes in the same town the next day.
fn invented(dir: &Path) -> Vec<PathBuf> {
    let articles = [
        (
            "clash-a.jsonl",
            r#"{"id":"clash-a","published":"2021-03-02","outlet":"Invented Wire","text":"Regime forces clashed with Islamic State fighters in Mayadin on Tuesday, killing 5 soldiers, state media said."}"#,
        ),
        (
            "clash-b.jsonl",
            r#"{"id":"clash-b","published":"2021-03-02","outlet":"Invented Daily","text":"Islamic State militants and government troops clashed near Mayadin on Tuesday. A monitor said 9 people were killed in the fighting."}"#,
        ),
        (
            "clash-c.jsonl",
            r#"{"id":"clash-c","published":"2021-03-03","outlet":"Invented Wire","text":"New clashes between Islamic State fighters and the army erupted in Mayadin on Wednesday."}"#,
        ),
    ];
    articles
        .iter()
        .map(|(name, line)| {
            let p = dir.join(name);
            fs::write(&p, format!("{line}\n")).unwrap();
            p
        })
        .collect()
}

fn gazetteer_args(shared: &Option<PathBuf>) -> Vec<String> {
    match shared {
        Some(s) if s.join("geonames/SY.txt").exists() => {
            vec!["--gazetteer".into(), s.join("geonames/SY.txt").display().to_string()]
        }
        _ => Vec::new(),
    }
}

#[test]
fn ingest_twice_and_in_any_order_gives_the_same_database() {
    let scratch = tmp("order");
    let dir = scratch.path();
    let files = invented(dir);
    let gaz = gazetteer_args(&shared());
    let gaz: Vec<&str> = gaz.iter().map(String::as_str).collect();
    let (a, b) = (dir.join("a.db"), dir.join("b.db"));
    let forward: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let mut backward = forward.clone();
    backward.reverse();
    ingest(&a, &forward, &gaz);
    let once = digest(&a);
    let again = ingest(&a, &forward, &gaz);
    assert!(again.contains("3 articles (3 unchanged"), "{again}");
    assert_eq!(digest(&a), once, "re-ingest changed the database");
    for f in &backward {
        ingest(&b, &[f], &gaz);
    }
    assert_eq!(digest(&b), once, "ingest order changed the database");

    // The two reports of Tuesday's clash are one event with both articles' claims.
    let out = dir.join("events.jsonl");
    export(&a, "jsonl", &out);
    let events: Vec<serde_json::Value> =
        fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids =
        |e: &serde_json::Value| e["article_ids"].as_array().unwrap().iter().map(|v| v.to_string()).collect::<Vec<_>>();
    assert_eq!(events.len(), 2, "{events:#?}");
    assert_eq!(ids(&events[0]), ["\"clash-a\"", "\"clash-b\""]);
    assert_eq!(events[0]["claims"].as_array().unwrap().len(), 2);
    assert_eq!(ids(&events[1]), ["\"clash-c\""]);
}

#[test]
fn seeds_twice_give_the_same_database_and_abu_kamal_events_stay_apart() {
    let Some(shared) = shared() else { return };
    let scratch = tmp("seeds");
    let dir = scratch.path();
    let seeds = shared.join("seeds");
    let files: Vec<PathBuf> =
        ["deir-ezzor-al-qaim.txt", "boukamal.txt", "tulul-al-safa.txt"].iter().map(|f| seeds.join(f)).collect();
    // Publication dates are feed metadata (gold.json), given as sidecars a scraper would write.
    let gold: serde_json::Value = serde_json::from_slice(&fs::read(seeds.join("gold.json")).unwrap()).unwrap();
    let mut inputs = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_str().unwrap();
        let published = gold["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["file"] == name)
            .map(|a| a["published"].as_str().unwrap().to_string())
            .unwrap();
        let copy = dir.join(name);
        fs::copy(f, &copy).unwrap();
        fs::write(copy.with_extension("json"), format!(r#"{{"published":"{published}"}}"#)).unwrap();
        inputs.push(copy);
    }
    let gaz = gazetteer_args(&Some(shared.clone()));
    let gaz: Vec<&str> = gaz.iter().map(String::as_str).collect();
    let db = dir.join("seeds.db");
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    ingest(&db, &paths, &gaz);
    let first = digest(&db);
    ingest(&db, &paths, &gaz);
    assert_eq!(digest(&db), first);
    let mut reversed = paths.clone();
    reversed.reverse();
    let db2 = dir.join("seeds-reversed.db");
    ingest(&db2, &reversed, &gaz);
    assert_eq!(digest(&db2), first);

    let out = dir.join("events.jsonl");
    export(&db, "jsonl", &out);
    for line in fs::read_to_string(&out).unwrap().lines() {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        let ids: Vec<&str> = e["article_ids"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        assert!(
            !(ids.contains(&"deir-ezzor-al-qaim.txt") && ids.contains(&"boukamal.txt")),
            "the 2017-11-03 situation and the 2017-11-19 recapture merged: {line}"
        );
    }
    control_matches_gold(&db, &gold);
}

/// The holder `frontline control --place P --on D` gives for each `control`
/// entry of the seeds' gold.json: the new holder on the transfer day and the
/// old one the day before, or the holder on a day. Gold names sides
/// ("Syrian government"); the check reads them as the ACLED actor prefix.
fn control_matches_gold(db: &Path, gold: &serde_json::Value) {
    let side = |s: &str| match s {
        "Islamic State" => "Islamic State",
        "Syrian government" => "Military Forces of Syria",
        "Iraqi government" => "Military Forces of Iraq",
        other => panic!("gold.json names a side this test cannot read: {other}"),
    };
    let holders = |place: &str, on: chrono::NaiveDate| -> Vec<String> {
        let out = bin().args(["control", "--place", place, "--on", &on.to_string(), "--db"]).arg(db).output().unwrap();
        assert!(out.status.success(), "control failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["holder"].as_str().unwrap().to_string())
            .collect()
    };
    let day = |v: &serde_json::Value| v.as_str().unwrap().parse::<chrono::NaiveDate>().unwrap();
    let mut checked = 0;
    for c in gold["articles"].as_array().unwrap().iter().flat_map(|a| a["control"].as_array().into_iter().flatten()) {
        let place = c["place"].as_str().unwrap();
        let mut expect = Vec::new();
        if let Some(to) = c["to"].as_str() {
            let d = day(&c["date"]);
            expect.push((d, side(to)));
            expect.push((d.pred_opt().unwrap(), side(c["from"].as_str().unwrap())));
        }
        if let Some(h) = c["holder"].as_str() {
            expect.push((day(&c["holder_on"]), side(h)));
        }
        for (on, who) in expect {
            let got = holders(place, on);
            assert!(
                got.len() == 1 && got[0].starts_with(who),
                "control of {place} on {on}: expected {who}, got {got:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "gold.json has no control entries");
}

/// A corpus big enough that ingest is still running when killed: invented
/// reports over many days and towns, several per event.
fn big_corpus(path: &Path, n: usize) {
    let towns = ["Mayadin", "Al Bukamal", "Hajin", "Deir ez-Zor", "Tadmur", "Sukhnah", "Raqqa", "Ath Thawrah"];
    let mut s = String::new();
    for i in 0..n {
        let town = towns[i % towns.len()];
        let day = 1 + (i / 3) % 28;
        let month = 1 + (i / 84) % 12;
        let killed = 2 + i % 9;
        s.push_str(&format!(
            r#"{{"id":"gen-{i}","published":"2021-{month:02}-{day:02}","outlet":"Outlet {o}","text":"Regime forces clashed with Islamic State fighters in {town} on {day} {mon} 2021, killing {killed} fighters, Outlet {o} reported. Report number {i}."}}"#,
            o = i % 5,
            mon = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1],
        ));
        s.push('\n');
    }
    fs::write(path, s).unwrap();
}

#[test]
fn killed_ingest_rerun_equals_an_uninterrupted_run() {
    let scratch = tmp("kill");
    let dir = scratch.path();
    let corpus = dir.join("corpus.jsonl");
    let total = 3000;
    big_corpus(&corpus, total);
    let gaz = gazetteer_args(&shared());
    let mut args: Vec<&str> = vec!["--batch", "25"];
    args.extend(gaz.iter().map(String::as_str));
    let whole = dir.join("whole.db");
    ingest(&whole, &[&corpus], &args);

    // Kill (SIGKILL) as soon as some batches are committed, then again on the
    // resumed run, so the kills land mid-ingest whatever the machine's speed.
    let killed = dir.join("killed.db");
    let committed = || Store::open_read_only(&killed).ok().and_then(|s| s.counts().ok()).map_or(0, |c| c[0]);
    let mut kills = Vec::new();
    for _ in 0..2 {
        let before = committed();
        let mut child = bin()
            .arg("ingest")
            .arg(&corpus)
            .arg("--db")
            .arg(&killed)
            .args(&args)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        while child.try_wait().unwrap().is_none() && committed() <= before {
            std::thread::sleep(Duration::from_millis(5));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            kills.push(committed());
        }
        child.wait().unwrap();
    }
    let at_kill = kills.first().copied().unwrap_or(0);
    assert!(at_kill > 0 && (at_kill as usize) < total, "no kill landed mid-ingest: {kills:?}");
    ingest(&killed, &[&corpus], &args);
    assert_eq!(digest(&killed), digest(&whole));
}

/// Counts RFC 4180 records: line breaks outside quoted fields.
fn csv_records(text: &str) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => n += 1,
            _ => {}
        }
    }
    n
}

#[test]
fn every_export_format_reads_back() {
    let scratch = tmp("export");
    let dir = scratch.path();
    let corpus = dir.join("corpus.jsonl");
    big_corpus(&corpus, 300);
    let gaz = gazetteer_args(&shared());
    let gaz: Vec<&str> = gaz.iter().map(String::as_str).collect();
    let db = dir.join("x.db");
    ingest(&db, &[&corpus], &gaz);
    let jsonl = dir.join("e.jsonl");
    export(&db, "jsonl", &jsonl);
    let events: Vec<serde_json::Value> =
        fs::read_to_string(&jsonl).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let n = events.len();
    for e in &events {
        assert!(e["event_id"].is_string() && e["article_ids"].is_array() && e["claims"].is_array(), "{e}");
    }

    let csv = dir.join("e.csv");
    export(&db, "csv", &csv);
    let text = fs::read_to_string(&csv).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.starts_with(
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,\
         inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,\
         location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp,"
    ));
    assert_eq!(csv_records(&text), n + 1, "a header and one CSV record per event");

    let geo = dir.join("e.geojson");
    export(&db, "geojson", &geo);
    let fc: serde_json::Value = serde_json::from_slice(&fs::read(&geo).unwrap()).unwrap();
    assert_eq!(fc["type"], "FeatureCollection");
    assert_eq!(fc["features"].as_array().unwrap().len(), n);

    let pq = dir.join("e.parquet");
    export(&db, "parquet", &pq);
    let reader =
        parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(fs::File::open(&pq).unwrap()).unwrap();
    assert_eq!(reader.schema().field(0).name(), "event_id_cnty");
    let rows: usize = reader.build().unwrap().map(|b| b.unwrap().num_rows()).sum();
    assert_eq!(rows, n);
}

/// The writer opens the database while the resources load: a path that
/// cannot be a database and resources that cannot load each end the run
/// with their own error and exit code 2, with no thread left waiting.
#[test]
fn a_database_that_cannot_open_or_resources_that_cannot_load_end_the_run() {
    let scratch = tmp("start-errors");
    let dir = scratch.path();
    let input = dir.join("one.jsonl");
    fs::write(&input, r#"{"id":"own-1","text":"Invented rebels shelled an invented village on Monday."}"#).unwrap();
    let run = |db: &Path, extra: &[&Path]| {
        let mut c = bin();
        c.arg("ingest").arg(&input).arg("--db").arg(db).arg("-q");
        for gazetteer in extra {
            c.arg("--gazetteer").arg(gazetteer);
        }
        let out = c.output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // A directory is no database file.
    let (code, stderr) = run(dir, &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("cannot open database"), "{stderr}");
    // Resources that cannot load leave no database behind: `serve` and
    // `digest` would otherwise find an empty store instead of none.
    let (code, stderr) = run(&dir.join("new.db"), &[&dir.join("absent.txt")]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("cannot read gazetteer"), "{stderr}");
    let left: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with("new.db"))
        .collect();
    assert!(left.is_empty(), "a failed run left {left:?}");
    // And the database takes the article once the resources load.
    let (code, stderr) = run(&dir.join("new.db"), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(Store::open_read_only(&dir.join("new.db")).unwrap().counts().unwrap()[0], 1);
    // A failed run leaves an existing database as it was.
    let (code, stderr) = run(&dir.join("new.db"), &[&dir.join("absent.txt")]);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(Store::open_read_only(&dir.join("new.db")).unwrap().counts().unwrap()[0], 1);
}
