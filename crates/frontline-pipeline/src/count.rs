//! Counts: killed, wounded and abducted figures with ACLED's rules.
//!
//! (Skeleton: "N killed" only. Vague numbers, spelled-out numbers and the
//! exclusions — garrison sizes, distances, populations — are issue 2.)

use std::sync::LazyLock;

use regex::Regex;

use crate::clean::CleanText;
use crate::segment::Sentence;

/// What a count counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountWhat {
    Killed,
    Wounded,
    Abducted,
    Arrested,
}

impl CountWhat {
    pub fn as_str(self) -> &'static str {
        match self {
            CountWhat::Killed => "killed",
            CountWhat::Wounded => "wounded",
            CountWhat::Abducted => "abducted",
            CountWhat::Arrested => "arrested",
        }
    }
}

/// A casualty figure recognised in the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct CountMention {
    /// Byte range in `CleanText::text`.
    pub start: usize,
    pub end: usize,
    pub value: u32,
    pub what: CountWhat,
}

static KILLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,5}) (?:\w+ ){0,3}(?:were |was )?killed\b").unwrap());

/// Casualty figures of the text.
pub fn recognise(clean: &CleanText, sentences: &[Sentence]) -> Vec<CountMention> {
    let mut out = Vec::new();
    for s in sentences {
        let text = &clean.text[s.start..s.end];
        for c in KILLED.captures_iter(text) {
            let m = c.get(0).unwrap();
            if let Ok(v) = c[1].parse() {
                out.push(CountMention {
                    start: s.start + m.start(),
                    end: s.start + m.end(),
                    value: v,
                    what: CountWhat::Killed,
                });
            }
        }
    }
    out
}
