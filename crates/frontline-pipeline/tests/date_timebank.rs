//! TimeBank (TempEval-3) DATE value F1 of the date layer, scored as
//! `score.py time` does, from `../shared/eval/dev/timebank` (skipped with a
//! message when absent). Also prints the throughput of `date::recognise`
//! (meaningful in `--release` only).

use std::path::PathBuf;
use std::sync::LazyLock;
use std::time::Instant;

use chrono::NaiveDate;
use frontline_pipeline::clean::clean;
use frontline_pipeline::date;
use frontline_pipeline::segment::sentences;
use regex::Regex;

/// The value F1 the layer reached on the dev set (86.0), less a margin.
const F1_FLOOR: f64 = 85.7;

/// Extra passes of `recognise` per document, so the throughput figure is not noise.
const REPEAT: usize = 10;

fn timebank() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev/timebank");
    dir.is_dir().then_some(dir)
}

static DCT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"(?s)<DCT>.*?value="([^"]+)""#).unwrap());
static TEXT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<TEXT>(.*)</TEXT>").unwrap());
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]+>").unwrap());
static ATTR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"(\w+)="([^"]*)""#).unwrap());

struct Gold {
    start: usize,
    end: usize,
    value: String,
}

/// The document date, the plain text and the DATE expressions (character offsets).
fn parse(raw: &str) -> (Option<NaiveDate>, String, Vec<Gold>) {
    let dct = DCT.captures(raw).and_then(|c| NaiveDate::parse_from_str(&c[1][..10.min(c[1].len())], "%Y-%m-%d").ok());
    let body = TEXT.captures(raw).map_or("", |c| c.get(1).unwrap().as_str());
    let mut text = String::new();
    let mut chars = 0;
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, bool)> = None;
    let mut last = 0;
    let push = |piece: &str, text: &mut String, chars: &mut usize| {
        let t = piece
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'");
        *chars += t.chars().count();
        text.push_str(&t);
    };
    for m in TAG.find_iter(body) {
        push(&body[last..m.start()], &mut text, &mut chars);
        last = m.end();
        let tag = m.as_str();
        if tag.starts_with("<TIMEX3") {
            let attr = |k: &str| ATTR.captures_iter(tag).find(|c| &c[1] == k).map(|c| c[2].to_string());
            open = Some((chars, attr("value").unwrap_or_default(), attr("type").as_deref() == Some("DATE")));
        } else if tag.starts_with("</TIMEX3")
            && let Some((start, value, is_date)) = open.take()
            && is_date
        {
            gold.push(Gold { start, end: chars, value });
        }
    }
    push(&body[last..], &mut text, &mut chars);
    (dct, text, gold)
}

#[test]
fn timebank_date_value_f1() {
    let Some(dir) = timebank() else {
        println!("skipped: ../shared/eval/dev/timebank is absent");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    let (mut n, mut predicted, mut spans, mut correct, mut bytes) = (0, 0, 0, 0, 0);
    let mut elapsed = std::time::Duration::ZERO;
    for path in &files {
        let raw = std::fs::read_to_string(path).unwrap();
        let (dct, text, gold) = parse(&raw);
        let clean = clean(&text);
        let sents = sentences(&clean);
        let t = Instant::now();
        let mut dates = date::recognise(&clean, &sents, dct);
        for _ in 0..REPEAT {
            dates = date::recognise(&clean, &sents, dct);
        }
        elapsed += t.elapsed();
        bytes += text.len() * (REPEAT + 1);
        // A day with a time of day is a TimeML time, written as no date mention.
        let ms: Vec<(usize, usize, &str)> = dates
            .iter()
            .filter(|m| !m.time_of_day)
            .map(|m| (clean.char_at(m.start), clean.char_at(m.end), m.value.as_str()))
            .collect();
        predicted += ms.len();
        for g in &gold {
            n += 1;
            if let Some(m) = ms.iter().find(|m| m.0 < g.end && g.start < m.1) {
                spans += 1;
                correct += usize::from(m.2 == g.value);
            }
        }
    }
    let p = correct as f64 / predicted.max(1) as f64;
    let r = correct as f64 / n.max(1) as f64;
    let f1 = 100.0 * 2.0 * p * r / (p + r).max(f64::EPSILON);
    let mbs = bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9);
    println!(
        "timebank: {n} gold dates, span recall {:.1}, value precision {:.1}, value recall {:.1}, value F1 {f1:.1}; \
         recognise {mbs:.1} MB/s",
        100.0 * spans as f64 / n.max(1) as f64,
        100.0 * p,
        100.0 * r,
    );
    assert!(n > 900, "expected the 1016 TimeBank dev DATE expressions, found {n}");
    assert!(f1 >= F1_FLOOR, "value F1 {f1:.1} fell below {F1_FLOOR}");
}
