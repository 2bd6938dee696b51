//! Read: turn input bytes into [`Article`]s. Pure: the binary reads files
//! and passes their bytes (and a sidecar's) here.
//!
//! Formats: JSON Lines (one article object per line), plain text with an
//! optional sidecar JSON of metadata, and HTML (main content and the page's
//! own date metadata, by our own scanner in [`html`]).

mod html;

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::model::Article;

/// Why one input record could not become an article. `article_id` is the
/// id when it is known, else the place in the input (`file:line`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("article {article_id}: {reason}")]
pub struct ReadError {
    pub article_id: String,
    pub reason: String,
}

fn err(article_id: impl Into<String>, reason: impl Into<String>) -> ReadError {
    ReadError { article_id: article_id.into(), reason: reason.into() }
}

/// A stable 64-bit FNV-1a hash of the text, as 16 hex digits: the default
/// article id and the store's content hash.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Parses a publication date: `YYYY-MM-DD`, or an RFC 3339 / ISO 8601 time
/// whose date part is taken as written.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() >= 10
        && s.is_char_boundary(10)
        && let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d")
    {
        return Some(d);
    }
    for fmt in ["%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    None
}

/// Parses one JSON Lines record. `place` names it for errors ("file.jsonl:12").
pub fn from_json_line(line: &[u8], place: &str) -> Result<Article, ReadError> {
    let text = std::str::from_utf8(line).map_err(|e| err(place, format!("not UTF-8: {e}")))?;
    let record: Record<'_> = serde_json::from_str(text).map_err(|e| err(place, format!("not JSON: {e}")))?;
    let Record::Object(mut fields) = record else {
        return Err(err(place, "not a JSON object"));
    };
    let id = match &fields.id {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let name = id.clone().unwrap_or_else(|| place.to_string());
    let mut article = match (fields.text.take(), fields.html.take()) {
        (Some(t), _) => Article { text: t.into_owned(), ..Default::default() },
        (None, Some(h)) => from_html_str(&h, &name)?,
        (None, None) => return Err(err(name, "record has neither \"text\" nor \"html\"")),
    };
    article.id = id.unwrap_or_else(|| content_hash(&article.text));
    let get = |k: &str| match k {
        "title" => fields.title.as_deref(),
        "published" => fields.published.as_deref(),
        "url" => fields.url.as_deref(),
        "outlet" => fields.outlet.as_deref(),
        "language" => fields.language.as_deref(),
        _ => None,
    };
    apply_metadata(&mut article, get).map_err(|r| err(&article.id, r))?;
    Ok(article)
}

/// A JSON Lines record as read: the fields frontline uses, each string
/// borrowed from the line when it has no escapes (the article text is
/// then copied once, into the article), or anything but an object. A
/// field that is not a string is `None`, as if absent, and the last of
/// repeated keys wins, as in a `serde_json::Map`; the parse accepts and
/// refuses the same lines as parsing a `serde_json::Value` (values the
/// record does not keep are parsed as `Value`s, not skipped unchecked).
enum Record<'a> {
    Object(Box<Fields<'a>>),
    Other,
}

#[derive(Default)]
struct Fields<'a> {
    id: Option<Value>,
    text: Option<Cow<'a, str>>,
    html: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    published: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
    outlet: Option<Cow<'a, str>>,
    language: Option<Cow<'a, str>>,
}

impl<'de> Deserialize<'de> for Record<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Record<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record<'de>, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<Key>()? {
            let slot = match key {
                Key::Id => {
                    fields.id = Some(map.next_value()?);
                    continue;
                }
                Key::Text => &mut fields.text,
                Key::Html => &mut fields.html,
                Key::Title => &mut fields.title,
                Key::Published => &mut fields.published,
                Key::Url => &mut fields.url,
                Key::Outlet => &mut fields.outlet,
                Key::Language => &mut fields.language,
                Key::Other => {
                    map.next_value::<Value>()?;
                    continue;
                }
            };
            *slot = map.next_value::<MaybeStr>()?.0;
        }
        Ok(Record::Object(Box::new(fields)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Record<'de>, A::Error> {
        drain_seq(seq)?;
        Ok(Record::Other)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Record<'de>, E> {
        Ok(Record::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Record<'de>, E> {
        Ok(Record::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Record<'de>, E> {
        Ok(Record::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Record<'de>, E> {
        Ok(Record::Other)
    }

    fn visit_str<E>(self, _: &str) -> Result<Record<'de>, E> {
        Ok(Record::Other)
    }

    fn visit_unit<E>(self) -> Result<Record<'de>, E> {
        Ok(Record::Other)
    }
}

/// A record key, compared without copying it.
enum Key {
    Id,
    Text,
    Html,
    Title,
    Published,
    Url,
    Outlet,
    Language,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, k: &str) -> Result<Key, E> {
        Ok(match k {
            "id" => Key::Id,
            "text" => Key::Text,
            "html" => Key::Html,
            "title" => Key::Title,
            "published" => Key::Published,
            "url" => Key::Url,
            "outlet" => Key::Outlet,
            "language" => Key::Language,
            _ => Key::Other,
        })
    }
}

/// A JSON string, borrowed when it has no escapes; `None` for any other
/// value (parsed in full, as a `Value` would be).
struct MaybeStr<'a>(Option<Cow<'a, str>>);

impl<'de> Deserialize<'de> for MaybeStr<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MaybeStrVisitor)
    }
}

struct MaybeStrVisitor;

impl<'de> Visitor<'de> for MaybeStrVisitor {
    type Value = MaybeStr<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<MaybeStr<'de>, E> {
        Ok(MaybeStr(Some(Cow::Borrowed(s))))
    }

    fn visit_str<E>(self, s: &str) -> Result<MaybeStr<'de>, E> {
        Ok(MaybeStr(Some(Cow::Owned(s.to_string()))))
    }

    fn visit_string<E>(self, s: String) -> Result<MaybeStr<'de>, E> {
        Ok(MaybeStr(Some(Cow::Owned(s))))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<MaybeStr<'de>, A::Error> {
        while map.next_entry::<String, Value>()?.is_some() {}
        Ok(MaybeStr(None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<MaybeStr<'de>, A::Error> {
        drain_seq(seq)?;
        Ok(MaybeStr(None))
    }

    fn visit_bool<E>(self, _: bool) -> Result<MaybeStr<'de>, E> {
        Ok(MaybeStr(None))
    }

    fn visit_i64<E>(self, _: i64) -> Result<MaybeStr<'de>, E> {
        Ok(MaybeStr(None))
    }

    fn visit_u64<E>(self, _: u64) -> Result<MaybeStr<'de>, E> {
        Ok(MaybeStr(None))
    }

    fn visit_f64<E>(self, _: f64) -> Result<MaybeStr<'de>, E> {
        Ok(MaybeStr(None))
    }

    fn visit_unit<E>(self) -> Result<MaybeStr<'de>, E> {
        Ok(MaybeStr(None))
    }
}

/// Parses the rest of a JSON array as `Value`s.
fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<Value>()?.is_some() {}
    Ok(())
}

/// Applies the metadata fields of a JSON object (a record or a sidecar),
/// each read by `get` (its value when it is a string).
fn apply_metadata<'a>(article: &mut Article, get: impl Fn(&str) -> Option<&'a str>) -> Result<(), String> {
    if let Some(t) = get("title") {
        article.title = Some(t.to_string());
    }
    if let Some(p) = get("published")
        && !p.trim().is_empty()
    {
        article.published = Some(parse_published(p).ok_or_else(|| format!("bad published date {p:?}"))?);
    }
    for (k, slot) in [("url", &mut article.url), ("outlet", &mut article.outlet), ("language", &mut article.language)] {
        if let Some(v) = get(k) {
            *slot = Some(v.to_string());
        }
    }
    Ok(())
}

/// A plain-text article; `sidecar` is the bytes of `NAME.json` when present.
pub fn from_text(bytes: &[u8], name: &str, sidecar: Option<&[u8]>) -> Result<Article, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| err(name, format!("not UTF-8: {e}")))?;
    let mut article = Article { id: name.to_string(), text: text.to_string(), ..Default::default() };
    apply_sidecar(&mut article, sidecar)?;
    Ok(article)
}

/// An HTML page: its main content becomes the text, its metadata the fields.
pub fn from_html(bytes: &[u8], name: &str, sidecar: Option<&[u8]>) -> Result<Article, ReadError> {
    let html = std::str::from_utf8(bytes).map_err(|e| err(name, format!("not UTF-8: {e}")))?;
    let mut article = from_html_str(html, name)?;
    article.id = name.to_string();
    apply_sidecar(&mut article, sidecar)?;
    Ok(article)
}

fn apply_sidecar(article: &mut Article, sidecar: Option<&[u8]>) -> Result<(), ReadError> {
    let Some(bytes) = sidecar else { return Ok(()) };
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| err(&article.id, format!("sidecar is not JSON: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(err(&article.id, "sidecar is not a JSON object"));
    };
    if let Some(id) = obj.get("id").and_then(Value::as_str) {
        article.id = id.to_string();
    }
    apply_metadata(article, |k| obj.get(k).and_then(Value::as_str)).map_err(|r| err(&article.id, r))
}

fn from_html_str(html: &str, name: &str) -> Result<Article, ReadError> {
    let page = html::extract(html);
    if page.text.trim().is_empty() {
        return Err(err(name, "no article content in HTML"));
    }
    Ok(Article {
        id: name.to_string(),
        text: page.text,
        title: page.title,
        published: page.published.as_deref().and_then(parse_published),
        language: page.lang,
        outlet: page.site_name,
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_line_with_all_fields() {
        let a = from_json_line(
            br#"{"id":"x1","text":"Hello.","published":"2017-11-19T08:00:00Z","outlet":"AP","url":"u"}"#,
            "f:1",
        )
        .unwrap();
        assert_eq!(a.id, "x1");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2017, 11, 19));
        assert_eq!(a.outlet.as_deref(), Some("AP"));
    }

    #[test]
    fn json_line_errors_name_the_place_and_reason() {
        let e = from_json_line(b"{not json", "in.jsonl:3").unwrap_err();
        assert_eq!(e.article_id, "in.jsonl:3");
        assert!(e.reason.starts_with("not JSON"), "{}", e.reason);
        let e = from_json_line(br#"{"id":"a9"}"#, "in.jsonl:4").unwrap_err();
        assert_eq!(e.article_id, "a9");
        let e = from_json_line(b"\xff\xfe", "in.jsonl:5").unwrap_err();
        assert!(e.reason.starts_with("not UTF-8"));
        let e = from_json_line(br#"{"id":"a2","text":"x","published":"yesterday"}"#, "l").unwrap_err();
        assert!(e.reason.contains("bad published date"), "{}", e.reason);
    }

    /// The record as a `serde_json::Value` read it before the record
    /// reader: the oracle the reader must agree with on every line.
    fn via_value(line: &[u8], place: &str) -> Result<Article, ReadError> {
        let text = std::str::from_utf8(line).map_err(|e| err(place, format!("not UTF-8: {e}")))?;
        let value: Value = serde_json::from_str(text).map_err(|e| err(place, format!("not JSON: {e}")))?;
        let Value::Object(obj) = value else {
            return Err(err(place, "not a JSON object"));
        };
        let id = match obj.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let name = id.clone().unwrap_or_else(|| place.to_string());
        let str_field = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
        let mut article = match (str_field("text"), str_field("html")) {
            (Some(t), _) => Article { text: t, ..Default::default() },
            (None, Some(h)) => from_html_str(&h, &name)?,
            (None, None) => return Err(err(name, "record has neither \"text\" nor \"html\"")),
        };
        article.id = id.unwrap_or_else(|| content_hash(&article.text));
        apply_metadata(&mut article, |k| obj.get(k).and_then(Value::as_str)).map_err(|r| err(&article.id, r))?;
        Ok(article)
    }

    #[test]
    fn record_reader_agrees_with_a_value_parse() {
        let html = r#"<html><body><article><p>Government forces retook the town of Example on Saturday after two days of fighting, a monitor said.</p></article></body></html>"#;
        let lines = [
            r#"{"id":"a","text":"Line one.\nShe said \"no\" \u00e9.","title":"T","url":1,"outlet":null,"language":"en"}"#,
            r#"{"id":7,"text":"x","published":"2020-01-02T00:00:00Z","extra":{"a":[1,{"b":2.5}],"c":true}}"#,
            r#"{"id":1.5e3,"te\u0078t":"escaped key","outlet":"A","outlet":["not a string"]}"#,
            r#"{"text":"first","text":5}"#,
            r#"{"id":"  ","text":"blank id","title":"\ud83d\ude00"}"#,
            r#"{"text":"x","n":1e400}"#,
            r#"{"text":"x","s":"\ud800"}"#,
            r#"{"text":"x"} trailing"#,
            r#"{"text":"x",}"#,
            r#"[1,{"text":"x"}]"#,
            r#""text""#,
            r#"null"#,
            r#"{"published":"soon","text":"x"}"#,
            r#"{"id":"h"}"#,
            "",
        ];
        let with_html = format!(r#"{{"id":"p","html":{}}}"#, serde_json::to_string(html).unwrap());
        for line in lines.iter().copied().chain([with_html.as_str()]) {
            assert_eq!(from_json_line(line.as_bytes(), "f:1"), via_value(line.as_bytes(), "f:1"), "{line}");
        }
    }

    #[test]
    fn id_defaults_to_content_hash() {
        let a = from_json_line(br#"{"text":"Same text."}"#, "f:1").unwrap();
        let b = from_json_line(br#"{"text":"Same text."}"#, "g:9").unwrap();
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.len(), 16);
    }

    #[test]
    fn text_with_sidecar() {
        let a = from_text(b"Body.", "story.txt", Some(br#"{"published":"2018-11-17","outlet":"AFP"}"#)).unwrap();
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2018, 11, 17));
        assert_eq!(a.id, "story.txt");
    }

    #[test]
    fn html_main_content_and_date() {
        let html = r#"<html><head><title>Town retaken</title>
            <meta property="article:published_time" content="2019-03-02T10:00:00Z"></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Town retaken</h1>
            <p>Government forces retook the town of Example on Saturday after two days of fighting with rebels, a monitor said.</p>
            <p>At least five fighters were killed in the clashes, the monitor added, and residents fled to nearby villages.</p>
            <p>The army had been preparing the offensive for weeks, according to officials in the provincial capital.</p>
            </article><footer>Copyright</footer></body></html>"#;
        let a = from_html(html.as_bytes(), "page.html", None).unwrap();
        assert!(a.text.contains("Government forces retook"), "{}", a.text);
        assert!(!a.text.contains("Copyright"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2019, 3, 2));
    }
}
