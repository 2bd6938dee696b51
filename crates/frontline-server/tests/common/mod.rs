//! Shared by the API and browser tests: a database of invented articles and
//! hand-coded events (so the tests do not depend on extraction quality), a
//! real server on a loopback port, and a minimal HTTP/1.1 client.

#![allow(dead_code)] // each test binary uses part of this module

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use chrono::NaiveDate;
use frontline_pipeline::model::{Evidence, Extraction, GeoPrecision, Inter, SubEventType, TimePrecision, interaction};
use frontline_pipeline::{Article, Event};
use frontline_store::Store;

/// Invented articles: (id, outlet, published, text).
pub const ARTICLES: &[(&str, &str, &str, &str)] = &[
    (
        "wire-1",
        "Test Wire",
        "2017-10-12",
        "An air strike hit the market in Mayadin on Wednesday, killing 23 civilians, the monitor said. \
         Residents described shops reduced to rubble.",
    ),
    (
        "monitor-1",
        "Test Monitor",
        "2017-10-12",
        "Warplanes struck a market in Mayadin on Wednesday, killing at least 18 people, activists said — \
         “a massacre”, one of them wrote.",
    ),
    (
        "wire-2",
        "Test Wire",
        "2017-11-19",
        "The army regained full control of Abu Kamal on Sunday after driving the militants out, the monitor said.",
    ),
    (
        "herald-1",
        "Test Herald",
        "2017-11-01",
        "Police fired tear gas at hundreds of protesters in Basra on Wednesday, witnesses said.",
    ),
];

/// Char offsets of `needle` in `text` (offsets count Unicode scalar values).
pub fn span(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

struct Coding {
    article: &'static str,
    sentence: &'static str,
    source: &'static str,
    sub: SubEventType,
    date: (i32, u32, u32),
    place: (&'static str, f64, f64, &'static str, Option<u64>),
    actor1: (&'static str, Inter),
    actor2: Option<(&'static str, Inter)>,
    fatalities: u32,
}

const CODINGS: &[Coding] = &[
    Coding {
        article: "wire-1",
        sentence: "An air strike hit the market in Mayadin on Wednesday, killing 23 civilians, the monitor said.",
        source: "the monitor",
        sub: SubEventType::AirDroneStrike,
        date: (2017, 10, 11),
        place: ("Mayadin", 35.0206, 40.4524, "Syria", Some(166_365)),
        actor1: ("Military Forces of Russia (2000-)", Inter::ExternalOtherForces),
        actor2: Some(("Civilians (Syria)", Inter::Civilians)),
        fatalities: 23,
    },
    Coding {
        article: "monitor-1",
        sentence: "Warplanes struck a market in Mayadin on Wednesday, killing at least 18 people, activists said",
        source: "activists",
        sub: SubEventType::AirDroneStrike,
        date: (2017, 10, 11),
        place: ("Mayadin", 35.0206, 40.4524, "Syria", Some(166_365)),
        actor1: ("Military Forces of Russia (2000-)", Inter::ExternalOtherForces),
        actor2: Some(("Civilians (Syria)", Inter::Civilians)),
        fatalities: 18,
    },
    Coding {
        article: "wire-2",
        sentence: "The army regained full control of Abu Kamal on Sunday after driving the militants out, the monitor said.",
        source: "the monitor",
        sub: SubEventType::GovernmentRegainsTerritory,
        date: (2017, 11, 19),
        place: ("Abu Kamal", 34.4506, 40.9171, "Syria", Some(173_100)),
        actor1: ("Military Forces of Syria (2000-)", Inter::StateForces),
        actor2: Some(("Islamic State (Syria)", Inter::RebelGroup)),
        fatalities: 0,
    },
    Coding {
        article: "herald-1",
        sentence: "Police fired tear gas at hundreds of protesters in Basra on Wednesday, witnesses said.",
        source: "witnesses",
        sub: SubEventType::ProtestWithIntervention,
        date: (2017, 11, 1),
        place: ("Basra", 30.5085, 47.7804, "Iraq", Some(99_532)),
        actor1: ("Protesters (Iraq)", Inter::Protesters),
        actor2: Some(("Police Forces of Iraq (2014-)", Inter::StateForces)),
        fatalities: 0,
    },
];

fn article(id: &str) -> Article {
    let (id, outlet, published, text) = ARTICLES.iter().find(|a| a.0 == id).copied().expect("known article");
    Article {
        id: id.to_string(),
        text: text.to_string(),
        title: Some(format!("{outlet} report {id}")),
        published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        outlet: Some(outlet.to_string()),
        url: Some(format!("https://example.org/{id}")),
        language: Some("en".to_string()),
        read_on: None,
    }
}

fn event(c: &Coding, text: &str, seq: usize) -> Event {
    let (start, end) = span(text, c.sentence);
    let (location, lat, lon, country, geonameid) = c.place;
    let inter2 = c.actor2.map(|a| a.1);
    Event {
        event_id: format!("{}-{seq}", c.article),
        article_id: c.article.to_string(),
        event_date: NaiveDate::from_ymd_opt(c.date.0, c.date.1, c.date.2).expect("valid date"),
        time_precision: TimePrecision::Day,
        disorder_type: c.sub.disorder_type(),
        event_type: c.sub.event_type(),
        sub_event_type: c.sub,
        actor1: c.actor1.0.to_string(),
        assoc_actor_1: String::new(),
        inter1: Some(c.actor1.1),
        actor2: c.actor2.map(|a| a.0.to_string()).unwrap_or_default(),
        assoc_actor_2: String::new(),
        inter2,
        interaction: interaction(Some(c.actor1.1), inter2),
        civilian_targeting: if inter2 == Some(Inter::Civilians) {
            "Civilians targeted".to_string()
        } else {
            String::new()
        },
        country: country.to_string(),
        iso: Some(if country == "Syria" { 760 } else { 368 }),
        admin1: String::new(),
        admin2: String::new(),
        admin3: String::new(),
        location: location.to_string(),
        latitude: Some(lat),
        longitude: Some(lon),
        geo_precision: GeoPrecision::Town,
        geonameid,
        fatalities: c.fatalities,
        fatalities_low: c.fatalities,
        fatalities_best: c.fatalities,
        fatalities_high: c.fatalities,
        source: c.source.to_string(),
        notes: c.sentence.to_string(),
        confidence: 0.9,
        evidence: vec![Evidence {
            article_id: c.article.to_string(),
            start,
            end,
            text: c.sentence.to_string(),
            source: c.source.to_string(),
        }],
    }
}

/// Creates `dir/test.db` with the invented articles and their codings.
pub fn database(dir: &Path) -> PathBuf {
    let db = dir.join("test.db");
    let mut store = Store::open(&db).expect("open test database");
    for (id, ..) in ARTICLES {
        let a = article(id);
        let events: Vec<Event> =
            CODINGS.iter().filter(|c| c.article == *id).enumerate().map(|(i, c)| event(c, &a.text, i)).collect();
        let x = Extraction { events, published: a.published, ..Extraction::default() };
        store.ingest(&a, &x).expect("ingest test article");
    }
    db
}

/// A fresh directory `{name}-XXXXXX` under the target dir's scratch space,
/// removed when the test ends; kept (its path printed) when the test fails,
/// for inspection.
pub struct TempDir(tempfile::TempDir);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = tempfile::Builder::new()
            .prefix(&format!("{name}-"))
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .expect("create temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }
}

impl Drop for TempDir {
    /// Keeps the directory of a failing (panicking) test; otherwise the
    /// inner `tempfile::TempDir` removes it.
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.disable_cleanup(true);
            eprintln!("kept {} for inspection", self.0.path().display());
        }
    }
}

/// Starts a real server on a free loopback port for `db`; it lives as long
/// as the test process.
pub fn start(db: PathBuf) -> SocketAddr {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let config = frontline_server::Config {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            ..frontline_server::Config::new(db)
        };
        if let Err(e) = frontline_server::serve(&config, |addr| tx.send(addr).expect("test waits")) {
            panic!("server failed: {e}");
        }
    });
    rx.recv_timeout(Duration::from_secs(20)).expect("server starts")
}

/// A response: status, lower-cased headers, body.
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// Sends one raw HTTP/1.1 request and reads the whole response.
pub fn request(addr: SocketAddr, method: &str, target: &str, body: &[u8]) -> Response {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).expect("timeout");
    let head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).expect("write");
    s.write_all(body).expect("write body");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|c| c.parse().ok()).expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked")) {
        body = dechunk(&body);
    }
    Response { status, headers, body }
}

pub fn get(addr: SocketAddr, target: &str) -> Response {
    request(addr, "GET", target, b"")
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n").expect("chunk size line");
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..line_end]).trim(), 16).expect("chunk size");
        data = &data[line_end + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}
