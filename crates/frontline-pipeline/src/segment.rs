//! Segment: sentences, quotations and attribution.
//!
//! Sentences are byte ranges of the cleaned text. A full stop ends a sentence
//! unless it belongs to an abbreviation ("Brig. Gen.", "U.S.", "Col.",
//! "Jan."), an initial, or a number. Each sentence knows who its claim is
//! attributed to ("the observatory said", "SANA reported", "according to").
//!
//! **Boundary:** segmentation never looks at the gazetteer or the actor
//! dictionary; attribution is found by the shape of reporting clauses.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::clean::{CleanText, line_ranges};

/// One sentence of the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte range in `CleanText::text`.
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (non-empty line) the sentence is in.
    pub paragraph: usize,
    /// Who the sentence's claim is attributed to, as written.
    pub source: Option<Attribution>,
    /// Byte ranges of quoted speech inside the sentence.
    pub quotes: Vec<(usize, usize)>,
}

/// A reporting clause: the source as written and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub source: String,
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    pub fn text<'a>(&self, clean: &'a CleanText) -> &'a str {
        &clean.text[self.start..self.end]
    }
}

/// Words that take a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "brig", "col", "lt", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm",
    "cmdr", "gov", "sen", "rep", "rev", "st", "mt", "ft", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "dept", "govt",
    "sr", "jr", "pres", "sheikh", "hon", "al", "fig", "e.g", "i.e", "u.s", "u.n", "u.k", "a.m", "p.m",
];

/// Splits the cleaned text into sentences, skipping masked furniture.
pub fn sentences(clean: &CleanText) -> Vec<Sentence> {
    let text = clean.text.as_str();
    let mut out = Vec::new();
    let mut paragraph = 0;
    for (ls, le) in line_ranges(text) {
        if text[ls..le].trim().is_empty() {
            continue;
        }
        split_line(text, ls, le, paragraph, &mut out);
        paragraph += 1;
    }
    // Every occurrence of a reporting word overlaps one of these matches.
    let reporting: Vec<(usize, usize)> = REPORTING.find_iter(text).map(|m| (m.start(), m.end())).collect();
    for s in &mut out {
        s.quotes = quotes(text, s.start, s.end);
        if crate::touches(&reporting, s.start, s.end) {
            s.source = attribution(text, s.start, s.end);
        }
    }
    out
}

fn split_line(text: &str, ls: usize, le: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut start = ls;
    let mut i = ls;
    while i < le {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, ls, i, le) {
            let mut end = i + 1;
            // Closing quotes and brackets stay with the sentence.
            while end < le && matches!(bytes[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            push(text, start, end, paragraph, out);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push(text, start, le, paragraph, out);
}

fn push(text: &str, s: usize, e: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (s, e) = (s + lead, e - trail);
    if s < e {
        out.push(Sentence { start: s, end: e, paragraph, source: None, quotes: Vec::new() });
    }
}

/// Whether the terminator at byte `i` ends a sentence.
fn ends_sentence(text: &str, ls: usize, i: usize, le: usize) -> bool {
    let bytes = text.as_bytes();
    // What follows: end of line, or space(s) then an opening quote/capital/digit.
    let mut j = i + 1;
    while j < le && matches!(bytes[j], b'"' | b'\'' | b')') {
        j += 1;
    }
    if j >= le {
        return true;
    }
    if bytes[j] != b' ' {
        return false; // "3.5", "U.S.-backed", "e.g."
    }
    while j < le && bytes[j] == b' ' {
        j += 1;
    }
    if j >= le {
        return true;
    }
    let next = text[j..].chars().next().unwrap_or(' ');
    if bytes[i] != b'.' {
        return next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '\'' | '(' | '[');
    }
    // The word before the full stop.
    let before = &text[ls..i];
    let word_start = before.rfind([' ', '(', '"', '\'']).map_or(0, |p| p + 1);
    let word = &before[word_start..];
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // Initials ("J. Smith") and dotted acronyms ("U.S.").
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    if word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        return next.is_uppercase();
    }
    next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '\'' | '(' | '[' | '-')
}

fn quotes(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in memchr::memchr_iter(b'"', &text.as_bytes()[s..e]) {
        match open.take() {
            Some(o) => out.push((s + o, s + i + 1)),
            None => open = Some(i),
        }
    }
    if let Some(o) = open {
        out.push((s + o, e));
    }
    out
}

static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?:according to|citing|quoted by|as reported by|told)\s+((?:the\s+)?(?:[A-Z][\w'&.-]*|of|for|on|and|al|the)(?:\s+(?:[A-Z][\w'&.-]*|of|for|on|and|al|the))*)",
    )
});

static SUBJECT_SAID: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?:^|[,;]\s*|\s)((?:(?:the|a|an|for|of|state|war|monitoring|news|regime|government|pro-government|semi-official|official|local|activist|opposition|rights|security|military|media|[A-Z][\w'&.-]*)\s+){0,8}?(?:[A-Z][\w'&.-]*|observatory|monitor|agency|media|source|sources|spokesman|spokeswoman|spokesperson|official|officials|group|ministry|army|military|police|residents|activists|witnesses|television|TV|news|chief|commander|statement|report))\s+(?:said|says|reported|reports|announced|claimed|stated|confirmed|added|told|quoted)\b",
    )
});

static SAID_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?:said|reported|announced|claimed|added)\s+((?:the\s+)?(?:[A-Z][\w'&.-]*|[a-z]+ (?:monitor|agency|source|official|group))(?:\s+(?:[A-Z][\w'&.-]*|of|for|on|and))*(?:\s+[a-z]+)?)",
    )
});

/// Words one of which each reporting-clause pattern above needs, as
/// written (the patterns are case-sensitive): a sentence with none of them
/// has no attribution, and most sentences are skipped with one search.
const REPORTING_WORDS: &[&str] = &[
    "according to",
    "citing",
    "quoted",
    "told",
    "said",
    "says",
    "report",
    "announced",
    "claimed",
    "stated",
    "confirmed",
    "added",
];

static REPORTING: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(REPORTING_WORDS).expect("reporting words compile"));

/// Finds who a sentence is attributed to (one with a reporting word).
fn attribution(text: &str, s: usize, e: usize) -> Option<Attribution> {
    let sent = &text[s..e];
    let mk = |m: regex::Match<'_>| {
        let src = m.as_str().trim().trim_end_matches([',', '.']).to_string();
        Attribution { source: src, start: s + m.start(), end: s + m.end() }
    };
    if let Some(c) = ACCORDING_TO.captures(sent) {
        return c.get(1).map(mk);
    }
    // Prefer a reporting clause after the last quotation or comma.
    // The last match's groups: found by the DFA, then captured alone.
    if let Some(last) = SUBJECT_SAID.find_iter(sent).last()
        && let Some(c) = SUBJECT_SAID.captures_at(sent, last.start())
        && let Some(m) = c.get(1)
    {
        let src = m.as_str().trim();
        if !matches!(src.to_lowercase().as_str(), "he" | "she" | "it" | "they" | "we" | "i") {
            return Some(mk(m));
        }
    }
    if let Some(c) = SAID_SUBJECT.captures(sent) {
        return c.get(1).map(mk);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let c = CleanText::verbatim(text);
        sentences(&c).iter().map(|s| s.text(&c).to_string()).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Iranian Brig. Gen. Ali Hassan was killed. U.S. Col. Ryan Dillon said so. It ended."),
            vec!["Iranian Brig. Gen. Ali Hassan was killed.", "U.S. Col. Ryan Dillon said so.", "It ended."]
        );
    }

    #[test]
    fn numbers_and_lines() {
        assert_eq!(
            split("Prices rose 3.5 percent.\nNext line here"),
            vec!["Prices rose 3.5 percent.", "Next line here"]
        );
    }

    #[test]
    fn quotes_stay_with_sentence() {
        assert_eq!(
            split("\"We took the town.\" The commander said more."),
            vec!["\"We took the town.\"", "The commander said more."]
        );
    }

    fn source_of(text: &str) -> Option<String> {
        let c = CleanText::verbatim(text);
        sentences(&c)[0].source.as_ref().map(|a| a.source.clone())
    }

    #[test]
    fn attribution_shapes() {
        assert_eq!(
            source_of("Rebels took the village, according to the Syrian Observatory for Human Rights."),
            Some("the Syrian Observatory for Human Rights".into())
        );
        assert_eq!(source_of("Troops entered the town, state news agency SANA reported."), Some("SANA".into()));
        assert_eq!(source_of("Two soldiers died, the observatory said."), Some("the observatory".into()));
        assert_eq!(
            source_of("Two soldiers died, the Syrian Observatory for Human Rights said."),
            Some("the Syrian Observatory for Human Rights".into())
        );
        assert_eq!(source_of("Two soldiers died in the attack."), None);
        assert_eq!(
            source_of("Troops won, state media and a monitoring group reported."),
            Some("a monitoring group".into())
        );
    }
}
