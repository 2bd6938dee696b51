//! The HTTP API against a real server on loopback: every route, the filters
//! and paging, the evidence offsets, JSON errors with stable codes, and the
//! security headers and limits.

mod common;

use std::net::SocketAddr;

use common::{get, request};
use serde_json::Value;

/// A server over the invented fixture database, in a directory removed when
/// the test that made it ends.
struct Fixture {
    addr: SocketAddr,
    _dir: common::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = common::TempDir::new("frontline-api");
        let db = common::database(dir.path());
        Fixture { addr: common::start(db), _dir: dir }
    }

    fn ok(&self, target: &str) -> Value {
        let r = get(self.addr, target);
        assert_eq!(r.status, 200, "GET {target}: {}", String::from_utf8_lossy(&r.body));
        assert!(
            r.header("content-type").is_some_and(|c| c.starts_with("application/json")),
            "GET {target} is not JSON"
        );
        r.json()
    }

    fn error(&self, method: &str, target: &str, status: u16, code: &str) -> String {
        let r = request(self.addr, method, target, b"");
        assert_eq!(r.status, status, "{method} {target}: {}", String::from_utf8_lossy(&r.body));
        let body = r.json();
        assert_eq!(body["error"]["code"], code, "{method} {target}: {body}");
        body["error"]["message"].as_str().expect("message").to_string()
    }
}

fn ids(page: &Value) -> Vec<String> {
    page["events"].as_array().expect("events").iter().map(|e| e["event_id"].as_str().expect("id").to_string()).collect()
}

#[test]
fn events_filter_by_every_parameter() {
    let s = Fixture::new();
    let check = |query: &str, expect_total: u64| {
        let page = s.ok(&format!("/api/events?{query}"));
        assert_eq!(page["total"], expect_total, "total for {query:?}: {page}");
        assert_eq!(page["events"].as_array().expect("events").len() as u64, expect_total.min(100), "{query}");
    };
    // The two reports of the Mayadin strike are one event.
    check("", 3);
    check("type=Air/drone%20strike", 1);
    check("type=explosions/remote%20violence", 1);
    check("type=Protests", 1);
    check("from=2017-11-01", 2);
    check("to=2017-10-31", 1);
    check("from=2017-11-02&to=2017-11-30", 1);
    check("bbox=39,33,42,36", 2);
    check("bbox=47,30,48,31", 1);
    check("country=Iraq", 1);
    check("actor=Islamic%20State%20(Syria)", 1);
    check("actor=Civilians%20(Syria)", 1);
    check("q=tear%20gas", 1);
    check("q=massacre", 1);
    check("q=nothing-like-this", 0);
    check("country=Syria&type=Battles&bbox=40,34,41.5,35", 1);
}

#[test]
fn merged_event_keeps_both_claims_and_lowest_toll() {
    let s = Fixture::new();
    let page = s.ok("/api/events?q=Mayadin");
    let ev = &page["events"][0];
    assert_eq!(ev["fatalities"], 18, "ACLED rule: lowest figure: {ev}");
    assert_eq!(ev["fatalities_high"], 23);
    let mut articles: Vec<&str> = ev["article_ids"].as_array().expect("ids").iter().filter_map(Value::as_str).collect();
    articles.sort();
    assert_eq!(articles, ["monitor-1", "wire-1"]);
    let detail = s.ok(&format!("/api/events/{}", ev["event_id"].as_str().expect("id")));
    assert_eq!(detail["event"]["claims"].as_array().expect("claims").len(), 2, "{detail}");
    assert_eq!(detail["articles"].as_array().expect("articles").len(), 2);
}

#[test]
fn evidence_offsets_slice_the_article_text() {
    let s = Fixture::new();
    let page = s.ok("/api/events?limit=100");
    let mut checked = 0;
    for ev in page["events"].as_array().expect("events") {
        for evidence in ev["evidence"].as_array().expect("evidence") {
            let article = s.ok(&format!("/api/articles/{}", evidence["article_id"].as_str().expect("article id")));
            let text: Vec<char> = article["text"].as_str().expect("text").chars().collect();
            let (start, end) =
                (evidence["start"].as_u64().expect("start") as usize, evidence["end"].as_u64().expect("end") as usize);
            let slice: String = text[start..end].iter().collect();
            assert_eq!(slice, evidence["text"].as_str().expect("text"));
            let spans = article["spans"].as_array().expect("spans");
            assert!(
                spans.iter().any(|s| s["kind"] == "evidence" && s["start"] == start && s["event_id"] == ev["event_id"]),
                "article spans lack the evidence: {article}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 4, "only {checked} evidence spans");
}

#[test]
fn paging_visits_every_event_once_in_every_order() {
    let s = Fixture::new();
    for sort in ["newest", "oldest", "deadliest"] {
        let mut seen = Vec::new();
        let mut target = format!("/api/events?limit=1&sort={sort}");
        loop {
            let page = s.ok(&target);
            seen.extend(ids(&page));
            match page["next"].as_str() {
                Some(next) => target = format!("/api/events?limit=1&sort={sort}&cursor={next}"),
                None => break,
            }
            assert!(seen.len() <= 3, "paging does not end ({sort})");
        }
        let all = ids(&s.ok(&format!("/api/events?sort={sort}")));
        assert_eq!(seen, all, "pages of one in order {sort}");
    }
    let dates: Vec<String> = s.ok("/api/events?sort=oldest")["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["event_date"].as_str().expect("date").to_string())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "oldest first: {dates:?}");
}

#[test]
fn points_stats_actors_and_control() {
    let s = Fixture::new();
    let points = s.ok("/api/points?bbox=30,25,50,40");
    assert_eq!(points["total"], 3);
    assert_eq!(points["truncated"], false);
    let p = &points["points"][0];
    assert!(p[0].is_string() && p[1].is_f64() && p[2].is_f64() && p[3].is_string() && p[4].is_u64(), "{p}");
    let cut = s.ok("/api/points?limit=1");
    assert_eq!((cut["total"].as_u64(), cut["truncated"].as_bool()), (Some(3), Some(true)));
    assert_eq!(cut["points"][0][4], 18, "the deadliest point is kept: {cut}");

    let stats = s.ok("/api/stats");
    assert_eq!((stats["events"].as_u64(), stats["articles"].as_u64()), (Some(3), Some(4)));
    assert_eq!((stats["first_date"].as_str(), stats["last_date"].as_str()), (Some("2017-10-11"), Some("2017-11-19")));
    let per_day: u64 =
        stats["by_day"].as_array().expect("by_day").iter().map(|d| d["events"].as_u64().unwrap_or(0)).sum();
    assert_eq!(per_day, 3);
    assert_eq!(s.ok("/api/stats?country=Iraq")["events"], 1);

    let actors = s.ok("/api/actors");
    let names: Vec<&str> =
        actors["actors"].as_array().expect("actors").iter().filter_map(|a| a["actor"].as_str()).collect();
    assert!(names.contains(&"Military Forces of Syria (2000-)") && names.contains(&"Protesters (Iraq)"), "{names:?}");

    let control = s.ok("/api/control");
    let spans = control["spans"].as_array().expect("spans");
    let holders: Vec<(&Value, &Value, &Value)> =
        spans.iter().filter(|s| s["place"] == "Abu Kamal").map(|s| (&s["holder"], &s["from"], &s["to"])).collect();
    assert_eq!(
        holders.last().map(|(h, f, t)| (h.as_str(), f.as_str(), t.is_null())),
        Some((Some("Military Forces of Syria (2000-)"), Some("2017-11-19"), true)),
        "{control}"
    );
    let by_id = s.ok("/api/places/173100/control");
    assert_eq!(by_id["place"], "Abu Kamal");
    let by_name = s.ok("/api/places/abu%20kamal/control");
    assert_eq!(by_name["spans"], by_id["spans"]);
    let holder_on = |day: &str| s.ok(&format!("/api/places/173100/control?on={day}"))["spans"][0]["holder"].clone();
    assert_eq!(holder_on("2017-11-01"), "Islamic State (Syria)", "the loser held it before");
    assert_eq!(holder_on("2017-11-20"), "Military Forces of Syria (2000-)");
}

#[test]
fn errors_are_json_with_stable_codes() {
    let s = Fixture::new();
    s.error("GET", "/api/events/no-such-event", 404, "not_found");
    s.error("GET", "/api/articles/no-such-article", 404, "not_found");
    s.error("GET", "/api/places/999999/control", 404, "not_found");
    s.error("GET", "/api/nothing-here", 404, "not_found");
    let m = s.error("GET", "/api/events?from=2017-02-30", 400, "bad_parameter");
    assert!(m.contains("2017-02-30"), "{m}");
    s.error("GET", "/api/events?bbox=1,2,3", 400, "bad_parameter");
    s.error("GET", "/api/events?limit=100000", 400, "bad_parameter");
    s.error("GET", "/api/events?cursor=garbage", 400, "bad_parameter");
    s.error("GET", "/api/events?unknown=1", 400, "bad_parameter");
    s.error("GET", "/api/stats?limit=5", 400, "bad_parameter");
    s.error("GET", &format!("/api/events?q={}", "x".repeat(300)), 400, "bad_parameter");
    s.error("POST", "/api/events", 405, "method_not_allowed");
    s.error("DELETE", "/api/events/x", 405, "method_not_allowed");
}

#[test]
fn openapi_describes_every_route() {
    let s = Fixture::new();
    let spec = s.ok("/api/openapi.json");
    assert_eq!(spec["openapi"], "3.1.0");
    let paths = spec["paths"].as_object().expect("paths");
    for route in [
        "/api/events",
        "/api/events/{id}",
        "/api/points",
        "/api/control",
        "/api/places/{id}/control",
        "/api/actors",
        "/api/articles/{id}",
        "/api/stats",
        "/api/openapi.json",
    ] {
        assert!(paths.contains_key(route), "openapi lacks {route}");
    }
}

#[test]
fn page_and_assets_are_served_with_safe_headers() {
    let s = Fixture::new();
    let page = get(s.addr, "/");
    assert_eq!(page.status, 200);
    assert!(String::from_utf8_lossy(&page.body).contains("<div id=\"map\""));
    let csp = page.header("content-security-policy").expect("csp header");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    for asset in
        ["app.js", "app.css", "leaflet.js", "leaflet.markercluster.js", "topojson-client.min.js", "countries-50m.json"]
    {
        let r = get(s.addr, &format!("/assets/{asset}"));
        assert_eq!(r.status, 200, "{asset}");
        assert!(r.body.len() > 500, "{asset} is {} bytes", r.body.len());
    }
    assert_eq!(get(s.addr, "/assets/../Cargo.toml").status, 404);
    let r = get(s.addr, "/api/stats");
    assert!(r.header("access-control-allow-origin").is_none(), "no CORS by default");
}

#[test]
fn request_bodies_are_limited() {
    let s = Fixture::new();
    let big = vec![b'x'; 64 * 1024];
    for (method, target) in [("GET", "/api/stats"), ("POST", "/api/events"), ("GET", "/")] {
        let r = request(s.addr, method, target, &big);
        assert_eq!(r.status, 413, "{method} {target} with a 64 KiB body");
    }
}
