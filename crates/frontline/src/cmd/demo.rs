//! `frontline demo`: the sample articles of `data/demo/` (written by us,
//! embedded in the binary) ingested into a fresh database, then served, so
//! a new user sees the map with one command. `--generate N` fills the
//! database with N synthetic events instead, for load tests of the API.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{Duration, NaiveDate};
use frontline_pipeline::model::{Evidence, Extraction, GeoPrecision, Inter, SubEventType, TimePrecision, interaction};
use frontline_pipeline::{Article, Event, process, read};
use frontline_store::Store;

use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// Database to (re)create; any file there is replaced. Default: demo.db in the data directory.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Address to serve on; the next free port is taken when it is busy.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Only build the database; do not serve.
    #[arg(long)]
    pub no_serve: bool,
    /// Fill the database with N synthetic events instead of the sample articles (load tests).
    #[arg(long, value_name = "N", hide = true)]
    pub generate: Option<usize>,
}

macro_rules! demo_articles {
    ($($name:literal),* $(,)?) => {
        /// (file name, text, sidecar JSON) of every demo article.
        pub const ARTICLES: &[(&str, &str, &str)] = &[$((
            concat!($name, ".txt"),
            include_str!(concat!("../../../../data/demo/", $name, ".txt")),
            include_str!(concat!("../../../../data/demo/", $name, ".json")),
        )),*];
    };
}

demo_articles!(
    "01-mayadin-market-strike",
    "02-mayadin-market-strike-activists",
    "03-mayadin-retaken",
    "04-raqqa-captured",
    "05-hawija-retaken",
    "06-kirkuk-handover",
    "07-tabqa-ied",
    "08-douma-shelling",
    "09-anbar-suicide-bomb",
    "10-sukhnah-abduction",
    "11-manbij-protest",
    "12-basra-protest",
    "13-abu-kamal-clashes",
    "14-qaim-retaken",
    "15-deir-ez-zor-city",
    "16-abu-kamal-army-enters",
    "17-abu-kamal-is-counterattack",
    "18-abu-kamal-is-counterattack-observatory",
    "19-abu-kamal-strikes",
    "20-abu-kamal-retaken",
    "21-abu-kamal-retaken-second-report",
    "22-atarib-market-strike",
    "23-saraqib-arrests",
    "24-daraa-assassination",
    "25-mosul-ied",
    "26-kirkuk-arrests",
    "27-afrin-shelling",
    "28-homs-car-bomb",
    "29-rawa-retaken",
    "30-raqqa-mines",
);

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let db = args.db.clone().unwrap_or_else(|| crate::data_dir().join("demo.db"));
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    remove_database(&db)?;
    let mut store = Store::open(&db).with_context(|| format!("cannot create database {}", db.display()))?;
    match args.generate {
        Some(n) => {
            generate(&mut store, n)?;
            eprintln!("frontline demo: {n} synthetic events in {}", db.display());
        }
        None => {
            let (articles, events) = ingest_samples(&mut store)?;
            eprintln!("frontline demo: {articles} sample articles, {events} events in {}", db.display());
        }
    }
    drop(store);
    if args.no_serve {
        return Ok(Outcome::Ok);
    }
    let config =
        frontline_server::Config { bind: args.bind, next_free_port: true, ..frontline_server::Config::new(db) };
    frontline_server::serve(&config, |addr| {
        println!("frontline demo: open http://{addr}/ in a browser (Ctrl-C to stop)");
    })?;
    Ok(Outcome::Ok)
}

/// Removes the database and its WAL files, so the demo always starts fresh.
fn remove_database(db: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot remove {}", Path::new(&p).display())),
        }
    }
    Ok(())
}

/// Reads, extracts and ingests the embedded sample articles; returns the
/// number of articles and of events extracted.
pub fn ingest_samples(store: &mut Store) -> anyhow::Result<(usize, usize)> {
    let resources = super::resources(&[])?;
    let mut read_articles = Vec::with_capacity(ARTICLES.len());
    for (name, text, sidecar) in ARTICLES {
        let article = read::from_text(text.as_bytes(), name, Some(sidecar.as_bytes()))
            .map_err(|e| anyhow::anyhow!("demo article {}: {}", e.article_id, e.reason))?;
        let extraction = process(&article, &resources);
        read_articles.push((article, extraction));
    }
    let events = read_articles.iter().map(|(_, x)| x.events.len()).sum();
    store.ingest_batch(read_articles.iter().map(|(a, x)| (a, x))).context("cannot store the demo articles")?;
    Ok((read_articles.len(), events))
}

/// Places synthetic events are spread around: (name, latitude, longitude, country, iso).
const PLACES: &[(&str, f64, f64, &str, u16)] = &[
    ("Deir ez-Zor", 35.336, 40.141, "Syria", 760),
    ("Abu Kamal", 34.450, 40.918, "Syria", 760),
    ("Raqqa", 35.950, 39.009, "Syria", 760),
    ("Aleppo", 36.202, 37.159, "Syria", 760),
    ("Idlib", 35.931, 36.633, "Syria", 760),
    ("Homs", 34.731, 36.709, "Syria", 760),
    ("Daraa", 32.618, 36.102, "Syria", 760),
    ("Mosul", 36.335, 43.119, "Iraq", 368),
    ("Kirkuk", 35.468, 44.392, "Iraq", 368),
    ("Ramadi", 33.420, 43.308, "Iraq", 368),
    ("Baghdad", 33.341, 44.401, "Iraq", 368),
    ("Basra", 30.508, 47.783, "Iraq", 368),
];

const ACTORS: &[(&str, Inter)] = &[
    ("Military Forces of Syria (2000-)", Inter::StateForces),
    ("Islamic State (Syria)", Inter::RebelGroup),
    ("SDF: Syrian Democratic Forces", Inter::IdentityMilitia),
    ("Military Forces of Iraq (2014-)", Inter::StateForces),
    ("Unidentified Armed Group (Syria)", Inter::PoliticalMilitia),
    ("Civilians (Syria)", Inter::Civilians),
];

/// A small deterministic generator (xorshift), so a load test is repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Writes `n` synthetic events through the store's ingest, ten per
/// synthetic article, spread over places, three years and every sub-event type.
fn generate(store: &mut Store, n: usize) -> anyhow::Result<()> {
    const PER_ARTICLE: usize = 10;
    const PER_BATCH: usize = 500;
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).expect("a valid date");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut made = 0;
    let mut batch: Vec<(Article, Extraction)> = Vec::with_capacity(PER_BATCH);
    let mut article_no = 0;
    while made < n {
        article_no += 1;
        let id = format!("synthetic-{article_no:07}");
        let date = start + Duration::days(rng.below(3 * 365) as i64);
        let text = format!("Synthetic report {article_no} for load tests of the frontline API.");
        let article = Article {
            id: id.clone(),
            text: text.clone(),
            title: Some(format!("Synthetic report {article_no}")),
            published: Some(date),
            outlet: Some("Synthetic".to_string()),
            ..Article::default()
        };
        let count = PER_ARTICLE.min(n - made);
        let events = (0..count).map(|i| synthetic_event(&mut rng, &id, i, date, &text)).collect();
        batch.push((article, Extraction { events, published: Some(date), ..Extraction::default() }));
        made += count;
        if batch.len() == PER_BATCH || made == n {
            store.ingest_batch(batch.iter().map(|(a, x)| (a, x))).context("cannot store synthetic events")?;
            batch.clear();
            if article_no % 10_000 < PER_BATCH {
                eprintln!("frontline demo: {made} synthetic events");
            }
        }
    }
    Ok(())
}

fn synthetic_event(rng: &mut Rng, article_id: &str, i: usize, date: NaiveDate, text: &str) -> Event {
    let (place, lat, lon, country, iso) = PLACES[rng.below(PLACES.len())];
    let sub = SubEventType::ALL[rng.below(SubEventType::ALL.len())];
    let (actor1, inter1) = ACTORS[rng.below(ACTORS.len())];
    let (actor2, inter2) = ACTORS[rng.below(ACTORS.len())];
    let fatalities = if rng.below(3) == 0 { 0 } else { rng.below(40) as u32 };
    // Within about 150 km of the place, so points do not stack.
    let latitude = lat + (rng.unit() - 0.5) * 2.5;
    let longitude = lon + (rng.unit() - 0.5) * 2.5;
    let chars = text.chars().count();
    Event {
        event_id: format!("{article_id}-{i}"),
        article_id: article_id.to_string(),
        event_date: date,
        time_precision: TimePrecision::Day,
        disorder_type: sub.disorder_type(),
        event_type: sub.event_type(),
        sub_event_type: sub,
        actor1: actor1.to_string(),
        assoc_actor_1: String::new(),
        inter1: Some(inter1),
        actor2: actor2.to_string(),
        assoc_actor_2: String::new(),
        inter2: Some(inter2),
        interaction: interaction(Some(inter1), Some(inter2)),
        civilian_targeting: String::new(),
        country: country.to_string(),
        iso: Some(iso),
        admin1: String::new(),
        admin2: String::new(),
        admin3: String::new(),
        location: place.to_string(),
        latitude: Some(latitude),
        longitude: Some(longitude),
        geo_precision: GeoPrecision::NearTown,
        geonameid: None,
        fatalities,
        fatalities_low: fatalities,
        fatalities_best: fatalities,
        fatalities_high: fatalities,
        source: "Synthetic".to_string(),
        notes: format!("Synthetic {} near {place}.", sub.as_str()),
        confidence: 0.5,
        evidence: vec![Evidence {
            article_id: article_id.to_string(),
            start: 0,
            end: chars,
            text: text.to_string(),
            source: "Synthetic".to_string(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_file_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/demo");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("data/demo exists")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = ARTICLES.iter().map(|(n, _, _)| *n).collect();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn demo_articles_read_with_their_metadata() {
        for (name, text, sidecar) in ARTICLES {
            let a = read::from_text(text.as_bytes(), name, Some(sidecar.as_bytes())).expect("demo article reads");
            assert!(a.published.is_some() && a.outlet.is_some() && a.title.is_some(), "{name} lacks metadata");
        }
    }
}
