//! Dates: temporal expressions resolved against the publication date.
//!
//! (Skeleton: ISO and "D Month YYYY" dates only. The full resolver —
//! weekdays, relative expressions, parts of months, TimeML values — is issue 4.)

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::clean::CleanText;
use crate::model::TimePrecision;
use crate::segment::Sentence;

/// A temporal expression recognised in the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte range in `CleanText::text`.
    pub start: usize,
    pub end: usize,
    /// TimeML-style value: `2017-11-19`, `2017-11`, `2017-W46`, `2017`.
    pub value: String,
    /// The days the expression covers, first and last inclusive.
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DateMention {
    /// The ACLED event date and time precision for an event at this expression,
    /// or `None` when it spans more than a month.
    pub fn acled_date(&self) -> Option<(NaiveDate, TimePrecision)> {
        let days = (self.last - self.first).num_days();
        match days {
            0 => Some((self.first, TimePrecision::Day)),
            1..=7 => Some((self.first + chrono::Duration::days(days / 2), TimePrecision::Week)),
            8..=31 => Some((self.first + chrono::Duration::days(days / 2), TimePrecision::Month)),
            _ => None,
        }
    }
}

static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b").unwrap()
});

/// Temporal expressions of the text, resolved against `published`.
pub fn recognise(clean: &CleanText, sentences: &[Sentence], _published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for s in sentences {
        let text = &clean.text[s.start..s.end];
        for c in DMY.captures_iter(text) {
            let m = c.get(0).unwrap();
            let Ok(d) = NaiveDate::parse_from_str(m.as_str(), "%d %B %Y") else { continue };
            out.push(DateMention {
                start: s.start + m.start(),
                end: s.start + m.end(),
                value: d.to_string(),
                first: d,
                last: d,
            });
        }
    }
    out
}

/// The publication date inferred from the text when the metadata has none.
pub fn infer_published(_clean: &CleanText, _sentences: &[Sentence], mentions: &[DateMention]) -> Option<NaiveDate> {
    mentions.iter().map(|m| m.last).max()
}
