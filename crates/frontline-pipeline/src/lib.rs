//! # frontline-pipeline
//!
//! The pure half of frontline: one article in, its ACLED-style events and
//! mentions out. No I/O, no clock, no async; every stage is a function of
//! its input (and of the publication date for dates).
//!
//! ```text
//! read → clean → segment → recognise (places, actors, dates, counts) → extract
//! ```
//! and, across articles, `merge` and `control`.
//!
//! ```
//! use frontline_pipeline::{Article, Resources, process};
//! let resources = Resources::builtin();
//! let article = Article {
//!     id: "a1".into(),
//!     text: "On 3 June 2023, Islamic State fighters attacked regime forces near Palmyra. Two soldiers were killed.".into(),
//!     published: chrono::NaiveDate::from_ymd_opt(2023, 6, 4),
//!     ..Default::default()
//! };
//! let out = process(&article, &resources);
//! assert!(out.diagnostics.iter().all(|d| d.severity != frontline_pipeline::Severity::Error));
//! ```
//!
//! **Invariant:** `process` never panics and never fails: problems become
//! [`Diagnostic`]s. Every span it returns satisfies
//! `start <= end <= text.chars().count()` for the article's text.

pub mod actor;
pub mod clean;
pub mod control;
pub mod count;
pub mod date;
pub mod extract;
pub mod gazetteer;
pub mod merge;
pub mod model;
pub mod read;
pub mod segment;

pub use model::*;

/// A rule regex with room for its lazy DFA: the default 2 MB cache is
/// cleared over and over by the long case-insensitive alternations, and a
/// regex whose cache keeps clearing falls back to the far slower NFA
/// engines. The cache only grows as states are needed. Word boundaries are
/// ASCII (see [`ascii_boundaries`]).
pub(crate) fn rule_regex(pattern: &str) -> regex::Regex {
    regex::RegexBuilder::new(&ascii_boundaries(pattern))
        .dfa_size_limit(RULE_DFA_BYTES)
        .build()
        .unwrap_or_else(|e| panic!("rule pattern {pattern:?} does not compile: {e}"))
}

/// A pattern with its `\b` made ASCII: a Unicode `\b` makes the lazy DFA
/// give up at the first non-ASCII byte (a dash, an accented name) and rerun
/// the search on the slow NFA engines. The rule words are ASCII, so the
/// boundaries fall in the same places.
pub(crate) fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Lazy-DFA cache limit for rule regexes and sets, in bytes.
pub(crate) const RULE_DFA_BYTES: usize = 64 << 20;

/// One pass over a whole text for a group of rule patterns, so that the
/// per-sentence rules run only on the sentences that can match.
///
/// The gate is the patterns' union, searched once with `find`. Any match
/// of a pattern inside a slice whose edges border non-word characters (a
/// sentence: it starts after whitespace or at the start of the text and
/// ends before whitespace or at its end) overlaps one of the union's
/// matches: the union's search reaches that match's start with a match
/// starting there or earlier, and keeps finding such matches until one
/// spans it. So skipping the slices no union match overlaps loses nothing.
/// The patterns must not use `^`, `$` or look at text outside the slice
/// other than through `\b`.
pub(crate) struct Gate(regex::Regex);

impl Gate {
    pub(crate) fn new<S: AsRef<str>>(patterns: impl IntoIterator<Item = S>) -> Gate {
        let union: Vec<String> = patterns.into_iter().map(|p| format!("(?:{})", unnamed_groups(p.as_ref()))).collect();
        Gate(rule_regex(&union.join("|")))
    }

    /// Byte ranges of the text where a pattern may match, in order and disjoint.
    pub(crate) fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        self.0.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }
}

/// Whether any of the sorted, disjoint `spans` overlaps `start..end`.
pub(crate) fn touches(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|&(_, e)| e <= start);
    spans.get(i).is_some_and(|&(s, _)| s < end)
}

/// A pattern with its named groups made plain, so patterns that reuse a
/// group name can stand in one union.
fn unnamed_groups(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(i) = [rest.find("(?P<"), rest.find("(?<")].into_iter().flatten().min() {
        let open = if rest[i..].starts_with("(?P<") { 4 } else { 3 };
        let Some(close) = rest[i + open..].find('>') else { break };
        out.push_str(&rest[..i]);
        out.push_str("(?:");
        rest = &rest[i + open + close + 1..];
    }
    out.push_str(rest);
    out
}

use actor::ActorDictionary;
use gazetteer::Gazetteer;

/// The dictionaries a run shares across articles: built once, immutable,
/// shared by reference between threads.
pub struct Resources {
    pub gazetteer: Gazetteer,
    pub actors: ActorDictionary,
}

impl Resources {
    /// The built-in gazetteer and actor dictionary.
    pub fn builtin() -> Resources {
        Resources { gazetteer: Gazetteer::builtin(), actors: ActorDictionary::builtin() }
    }
}

/// Articles longer than this are refused (with a diagnostic), not truncated.
pub const MAX_ARTICLE_BYTES: usize = 4 << 20;

/// Runs the per-article pipeline. Never panics, never fails.
pub fn process(article: &Article, resources: &Resources) -> Extraction {
    let mut out = Extraction { published: article.published, ..Default::default() };
    if let Some(reason) = refuse(article) {
        out.diagnostics.push(Diagnostic { article_id: article.id.clone(), severity: Severity::Error, message: reason });
        return out;
    }
    let doc = extract::Document::analyse(article, resources);
    out.published = doc.published;
    out.published_inferred = doc.published_inferred;
    out.mentions = doc.mention_records();
    let (events, notes) = extract::events(&doc);
    out.events = events;
    out.diagnostics = notes;
    out
}

/// Why an article cannot be processed, if it cannot.
fn refuse(article: &Article) -> Option<String> {
    if article.text.len() > MAX_ARTICLE_BYTES {
        return Some(format!("article is {} bytes, over the limit of {MAX_ARTICLE_BYTES}", article.text.len()));
    }
    if article.text.trim().is_empty() {
        return Some("article text is empty".to_string());
    }
    let controls = control_chars(&article.text);
    if controls * 20 > char_count(&article.text).max(1) {
        return Some(format!("article looks binary ({controls} control characters)"));
    }
    None
}

/// Characters of a text: the bytes that start one.
fn char_count(text: &str) -> usize {
    text.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// Control characters that are not whitespace (`char::is_control` and not
/// `char::is_whitespace`), counted on the bytes: the controls are U+0000 to
/// U+001F, U+007F and U+0080 to U+009F (`C2 80` to `C2 9F`); of these,
/// tab to carriage return and U+0085 are whitespace.
fn control_chars(text: &str) -> usize {
    let b = text.as_bytes();
    let ascii = b.iter().filter(|&&c| (c < 0x20 && !(0x09..=0x0D).contains(&c)) || c == 0x7F).count();
    let c1 = memchr::memchr_iter(0xC2, b)
        .filter(|&i| b.get(i + 1).is_some_and(|&n| (0x80..=0x9F).contains(&n) && n != 0x85))
        .count();
    ascii + c1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_char_counts_match_char_methods() {
        for text in ["plain\ttext\r\n", "bin\u{0}\u{1}\u{7f}\u{80}\u{85}\u{9f}\u{a0}é\u{2028}", "", "日本\u{c2}"] {
            let controls = text.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
            assert_eq!(control_chars(text), controls, "{text:?}");
            assert_eq!(char_count(text), text.chars().count(), "{text:?}");
        }
    }
}
