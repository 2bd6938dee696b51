//! Dates: temporal expressions resolved against the publication date, and
//! the date of an event (SPEC 1.4 and 1.5, issue 4).
//!
//! - [`recognise`] finds every temporal expression of every sentence
//!   (absolute dates in the usual news formats, weekdays, "yesterday", "ten
//!   days ago", "last week", "earlier this month", "in early September",
//!   quarters, seasons, decades, "now", "recently") and gives each a
//!   TimeML value (`2017-11-19`, `2017-11`, `2017-W46`, `2017-Q3`, `2017`,
//!   `PAST_REF`) and the days it covers. The scanner is [`scan`], the
//!   resolver [`resolve`]; the publication date is the only anchor, never
//!   the clock.
//! - [`DateMention::acled_date`] applies ACLED's time-precision rules.
//! - [`event_date`] picks the expression that governs an event's clause.
//! - [`infer_published`] recovers a missing publication date from the
//!   article's own dates.

mod resolve;
mod scan;

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use memchr::memmem::Finder;

use crate::clean::CleanText;
use crate::model::TimePrecision;
use crate::segment::Sentence;

pub(crate) use resolve::iso_day;
pub use scan::Part;
pub(crate) use scan::{HEADS, compile_rules};

/// Weekdays' and months' names, lowercase: words that name a time, never a
/// place or a party ("On Sunday Plateau state police", "in June controlled").
pub(crate) const CALENDAR_WORDS: [&str; 19] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The size of the period an expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`: no calendar period.
    Ref,
}

/// A temporal expression recognised in the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte range in `CleanText::text`.
    pub start: usize,
    pub end: usize,
    /// TimeML-style value: `2017-11-19`, `2017-11`, `2017-W46`, `2017`.
    pub value: String,
    /// The days the expression covers, first and last inclusive ("early
    /// September" covers 1–10 September; its value is still `2017-09`).
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub granularity: Granularity,
    pub part: Part,
    /// A day named only roughly ("ten days ago").
    pub approximate: bool,
    /// The expression carries its own year (resolved without the anchor).
    pub absolute: bool,
    /// Counted from the publication date ("yesterday", "overnight", "ten
    /// days ago", "last week") rather than naming the day ("12 May", "Friday").
    pub deictic: bool,
    /// The day is named with a part of it or a clock time ("Thursday
    /// evening", "last night", "noon Friday"): a TimeML time, not a date.
    /// It dates events like any day but is no `date` mention of the output.
    pub time_of_day: bool,
}

impl DateMention {
    /// The ACLED event date and time precision for an event at this
    /// expression, or `None` when it does not set a date within a month.
    ///
    /// A day is precision 1 (2 when approximate, "ten days ago"); a week
    /// or weekend its middle day, precision 2; a month its 15th, precision 3,
    /// except its beginning ("early September") → the 1st and its end ("late
    /// August") → the last day; "earlier this month" the middle of the days
    /// it covers. Quarters, years and references → `None`.
    pub fn acled_date(&self) -> Option<(NaiveDate, TimePrecision)> {
        let middle = self.first.checked_add_days(Days::new(((self.last - self.first).num_days() / 2) as u64))?;
        match self.granularity {
            Granularity::Day if self.approximate => Some((self.first, TimePrecision::Week)),
            Granularity::Day => Some((self.first, TimePrecision::Day)),
            Granularity::Week => Some((middle, TimePrecision::Week)),
            Granularity::Month => match self.part {
                Part::Early => Some((self.first.with_day(1)?, TimePrecision::Month)),
                Part::Late => Some((self.last, TimePrecision::Month)),
                Part::Whole => Some((self.first.with_day(15)?, TimePrecision::Month)),
                Part::Mid | Part::Before | Part::After => Some((middle, TimePrecision::Month)),
            },
            _ => None,
        }
    }
}

/// Words that make the article one about quarters ("the second" is then a
/// quarter) from the first sentence that holds one on.
static QUARTER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("quarter"));
static PERIOD: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("period"));

/// Whether the match of [`QUARTER`] (`len` = "quarter".len()) or [`PERIOD`]
/// at byte `at` of `lower` is a reporting period: only the whole words count
/// (not "headquarters", "periodically"), and a measure is no fiscal quarter:
/// "a quarter of the town", "three quarters of the fuel", "a quarter-point
/// cut"; but "from a quarter earlier" is one.
fn reporting_period(lower: &str, at: usize, len: usize) -> bool {
    let word_end = lower[at..].find(|c: char| !c.is_alphabetic()).map_or(lower.len(), |e| at + e);
    let whole = matches!(&lower[at..word_end], "quarter" | "quarters" | "quarterly" | "period" | "periods");
    if !whole || lower[..at].ends_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let before = lower[..at].trim_end().rsplit(|c: char| !c.is_alphanumeric()).next();
    let fraction =
        || matches!(before, Some("a" | "one" | "two" | "three")) && lower[word_end..].trim_start().starts_with("of ");
    !(len == "quarter".len() && (lower[word_end..].starts_with('-') || fraction()))
}

/// The index of the first sentence that holds a reporting period
/// ([`reporting_period`]) in `lower` (the lowercased text), or `sentences.len()`.
fn first_quarter_sentence(lower: &str, sentences: &[Sentence]) -> usize {
    let mut first = sentences.len();
    for (f, len) in [(&*QUARTER, "quarter".len()), (&*PERIOD, "period".len())] {
        for at in f.find_iter(lower.as_bytes()) {
            if !reporting_period(lower, at, len) {
                continue;
            }
            let k = sentences.partition_point(|s| s.end < at + len);
            if k >= first {
                break;
            }
            if sentences[k].start <= at {
                first = k;
                break;
            }
        }
    }
    first
}

/// Numbers that count months ("the nine months", "the past six months").
const MONTH_COUNTS: &[&str] =
    &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/// Whether a sentence (lowercased) measures a period in months and names no
/// quarter ("Over the six months, tolls grew to $8 million from $6 million a
/// year earlier"): what it compares is a year's span, so "a year earlier"
/// and "the year-ago period" there are the year before, not a quarter. A
/// "headquarters" or "a quarter of the budget" names no quarter.
fn counts_months(lower: &str) -> bool {
    !QUARTER.find_iter(lower.as_bytes()).any(|at| reporting_period(lower, at, "quarter".len()))
        && lower.match_indices(" months").any(|(at, _)| {
            let count = lower[..at].rsplit(' ').next().unwrap_or("");
            MONTH_COUNTS.contains(&count) || (!count.is_empty() && count.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The temporal expressions of an article as written, scanned once and
/// resolved against any anchor: an article without a publication date is
/// resolved a second time, against the inferred one, without a second scan.
pub struct Scanned {
    /// Each expression (offsets in `CleanText::text`) and whether quarters
    /// are spoken of from its sentence on (not in a sentence that counts
    /// months, see [`counts_months`]).
    found: Vec<(scan::Found, bool)>,
}

impl Scanned {
    pub fn new(clean: &CleanText, sentences: &[Sentence]) -> Scanned {
        Scanned::among(clean, sentences, |_| true)
    }

    /// The expressions of the sentences `k` for which `scan(k)` holds. Each
    /// resolves as in [`Scanned::new`] unless the scan holds an anaphor
    /// ("the next day", "two years later", [`Scanned::anaphoric`]), which
    /// counts from the dates before it.
    pub fn among(clean: &CleanText, sentences: &[Sentence], scan: impl Fn(usize) -> bool) -> Scanned {
        let lower = clean.lower();
        let quarters_from = first_quarter_sentence(lower, sentences);
        let mut toks = Vec::new();
        let mut found = Vec::new();
        let mut out = Vec::new();
        for (k, s) in sentences.iter().enumerate() {
            found.clear();
            // A sentence without a head holds no expression: debug builds
            // scan it all the same, to check that.
            if s.dateless && !cfg!(debug_assertions) || !scan(k) {
                continue;
            }
            scan::scan(&clean.text[s.start..s.end], &lower[s.start..s.end], &mut toks, &mut found);
            debug_assert!(
                !s.dateless || found.is_empty(),
                "a date expression without a head in {:?}",
                &clean.text[s.start..s.end]
            );
            let quarters = !found.is_empty() && k >= quarters_from && !counts_months(&lower[s.start..s.end]);
            out.extend(found.drain(..).map(|mut f| {
                (f.s, f.e) = (s.start + f.s, s.start + f.e);
                (f, quarters)
            }));
        }
        Scanned { found: out }
    }

    /// Whether an expression counts from the dates named before it.
    pub fn anaphoric(&self) -> bool {
        self.found.iter().any(|(f, _)| matches!(f.expr, scan::Expr::Anaphor { .. }))
    }

    /// The expressions resolved against `published`. Without a publication
    /// date only expressions that carry their year are returned.
    pub fn resolve(&self, published: Option<NaiveDate>) -> Vec<DateMention> {
        let mut out: Vec<DateMention> = Vec::new();
        // The last date named (a year or finer), the last written with its
        // year or counted from one ("the following year"), the last day.
        let (mut previous, mut previous_year, mut previous_day) = (None, None, None);
        for (f, quarters) in &self.found {
            let cx = resolve::Context { anchor: published, quarters: *quarters, previous, previous_year, previous_day };
            let Some(r) = resolve::resolve(f, &cx) else { continue };
            if r.granularity == Granularity::Day {
                previous_day = Some(r.first);
            }
            if r.granularity <= Granularity::Year {
                previous = Some(r.first);
                if r.absolute || matches!(f.expr, scan::Expr::Anaphor { unit: scan::Unit::Year, .. }) {
                    previous_year = Some(r.first);
                }
            }
            out.push(DateMention {
                start: f.s,
                end: f.e,
                value: r.value,
                first: r.first,
                last: r.last,
                granularity: r.granularity,
                part: f.part,
                approximate: f.approximate,
                absolute: r.absolute,
                deictic: f.expr.is_deictic(),
                time_of_day: f.time_of_day,
            });
        }
        out
    }
}

/// Temporal expressions of the text, resolved against `published`. Without
/// a publication date only expressions that carry their year are returned.
pub fn recognise(clean: &CleanText, sentences: &[Sentence], published: Option<NaiveDate>) -> Vec<DateMention> {
    Scanned::new(clean, sentences).resolve(published)
}

/// The publication date inferred from the text when the metadata has none:
/// the latest full date (day, month and year written) of the year most such
/// dates fall in, so a stray date of another year (a related headline the
/// cleaner missed, a historical date) does not move it. `None` when the text
/// writes no full date. `mentions` are [`recognise`]'s without an anchor.
pub fn infer_published(clean: &CleanText, _sentences: &[Sentence], mentions: &[DateMention]) -> Option<NaiveDate> {
    let days: Vec<NaiveDate> = mentions
        .iter()
        .filter(|m| m.absolute && m.granularity == Granularity::Day && !clean.is_masked(m.start, m.end))
        .map(|m| m.first)
        .collect();
    let mut years: Vec<(i32, usize)> = Vec::new();
    for d in &days {
        match years.iter_mut().find(|(y, _)| *y == d.year()) {
            Some((_, n)) => *n += 1,
            None => years.push((d.year(), 1)),
        }
    }
    // Most dates first; ties go to the year written first.
    let mut best: Option<(i32, usize)> = None;
    for &(y, n) in &years {
        if best.is_none_or(|(_, bn)| n > bn) {
            best = Some((y, n));
        }
    }
    let year = best?.0;
    days.into_iter().filter(|d| d.year() == year).max()
}

/// Words after (or before) which a date is when something was reported,
/// not when it happened.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "announced",
    "announces",
    "told",
    "stated",
    "added",
    "confirmed",
    "claimed",
    "tweeted",
    "wrote",
    "posted",
    "published",
    "quoted",
    "denied",
    "acknowledged",
    "according",
    "statement",
];

/// Words in a sentence without a date of its own that carry on the story of
/// the sentence before ("The militants also kidnapped ...").
const CONTINUATION: &[&str] = &["also", "during", "then", "meanwhile", "later", "afterwards", "subsequently"];

/// Words before a date that make it a bound, not the event's day.
const BOUND: &[&str] = &["since", "until", "till", "before"];

/// Lowercased words of `text` before byte `at` (nearest first) and after byte `end`.
fn prev_words(text: &str, at: usize) -> impl Iterator<Item = &str> {
    text[..at].rsplit(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty())
}

fn next_words(text: &str, end: usize) -> impl Iterator<Item = &str> {
    text[end..].split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty())
}

fn is_word(w: &str, list: &[&str]) -> bool {
    list.iter().any(|l| w.eq_ignore_ascii_case(l))
}

/// How a date relates to the events of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The day something happened.
    Event,
    /// "reported Saturday", "said on Monday": the news, an upper bound.
    Report,
    /// "since July", "until Friday": a bound of a state, not an event.
    Bound,
}

fn role(clean: &CleanText, m: &DateMention) -> Role {
    let text = clean.text.as_str();
    let mut before = prev_words(text, m.start).filter(|w| !is_word(w, &["on", "late", "early", "last", "this"]));
    let prev = before.next().unwrap_or("");
    if is_word(prev, BOUND) {
        return Role::Bound;
    }
    let next = next_words(text, m.end).next().unwrap_or("");
    if is_word(prev, REPORTING) || is_word(next, REPORTING) {
        return Role::Report;
    }
    Role::Event
}

/// Characters that end a clause for the purpose of attaching a date to a verb.
fn clause_breaks(text: &str) -> usize {
    text.chars().filter(|c| matches!(c, ';' | '—' | '–' | '(' | ')' | ':')).count() + text.matches(" - ").count()
}

/// A mention's ACLED date for an event, which cannot postdate its report: a
/// weekday or a day without a year that resolved after the publication date
/// (a misread tense) is taken back a week or a year; a counted future
/// ("tomorrow", "next week") sets no date.
fn past_date(m: &DateMention, published: Option<NaiveDate>) -> Option<(NaiveDate, TimePrecision)> {
    let (d, p) = m.acled_date()?;
    let Some(published) = published else { return Some((d, p)) };
    if d <= published || m.absolute {
        return Some((d, p));
    }
    if m.deictic {
        return None;
    }
    let back = if m.granularity == Granularity::Day && (d - published).num_days() < 7 {
        d.checked_sub_days(Days::new(7))
    } else {
        d.with_year(d.year() - 1)
    };
    back.map(|d| (d, p))
}

/// A day of the month written as digits with an optional ordinal suffix at
/// the start of `s`: (day, rest of `s`).
fn leading_day(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let day: u32 = s.get(..digits).filter(|d| (1..=2).contains(&d.len()))?.parse().ok()?;
    let rest = &s[digits..];
    let rest = ["st", "nd", "rd", "th"].iter().find_map(|x| rest.strip_prefix(x)).unwrap_or(rest);
    let word_goes_on = rest.starts_with(|c: char| c.is_alphanumeric());
    (!word_goes_on && (1..=31).contains(&day)).then_some((day, rest))
}

/// The days of a range written around the day `m` in `text`: "between
/// March 7 and 13", "March 7-9", "from 7 to 9 May", "the night of 8-9 May"
/// (lowest, highest); `None` for a single day, a range of more than a week
/// or one in brackets.
fn day_range(text: &str, m: &DateMention) -> Option<(u32, u32)> {
    if m.granularity != Granularity::Day || m.approximate || m.deictic {
        return None;
    }
    let day = m.first.day();
    let opened = |at: usize, by: &[&str]| prev_words(text, at).next().is_some_and(|w| is_word(w, by));
    let (at, lo, hi) = if !text[m.start..].starts_with(|c: char| c.is_ascii_digit()) {
        // Month first: the other day follows ("March 7 and 13", "March 7-9").
        let after = text[m.end..].trim_start();
        let rest = if let Some(r) = after.strip_prefix(['-', '–']) {
            r.trim_start()
        } else if let Some(r) = after.strip_prefix("and ").filter(|_| opened(m.start, &["between"])) {
            r
        } else {
            after.strip_prefix("to ").filter(|_| opened(m.start, &["between", "from"]))?
        };
        let (other, tail) = leading_day(rest.trim_start())?;
        if tail.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == ':') {
            return None;
        }
        (m.start, day, other)
    } else {
        // Day first: the other day comes before ("between 7 and 13 March").
        let before = text[..m.start].trim_end();
        let (head, joined) = if let Some(h) = before.strip_suffix(['-', '–']) {
            (h.trim_end(), true)
        } else if let Some(h) = before.strip_suffix(" and") {
            (h, false)
        } else {
            (before.strip_suffix(" to")?, false)
        };
        let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        let start = head.len() - digits;
        let (other, _) = leading_day(&head[start..])?;
        if !joined && !opened(start, &["between", "from"]) {
            return None;
        }
        (start, other, day)
    };
    // A range in brackets glosses the date written before it ("around 21
    // May (from 19 - 21 May)"): that date stands.
    let before = text[..at].trim_end();
    let before = ["from", "between", "From", "Between"].iter().find_map(|w| before.strip_suffix(w)).unwrap_or(before);
    let glossed = before.trim_end().ends_with('(');
    (!glossed && lo < hi && hi - lo <= 7).then_some((lo, hi))
}

/// The ACLED date of the event whose trigger word starts at byte `trigger`
/// in `sentences[index]`, or `None` when no date within a month can be set
/// (then there is no event).
///
/// Rules, in order:
/// 1. Dates in the sentence that say when something happened (not "since
///    July", not "reported Saturday", not "now"/"recently"): the one nearest
///    the trigger, preferring its own clause and a named day ("On 12 May,
///    overnight, ...") over a counted one, gives the date through
///    [`DateMention::acled_date`]. When that is a year or a quarter ("in
///    2014", "this year") the event gets no date: it is background.
/// 2. Otherwise a reporting date ("Fars News Agency reported Saturday"): the
///    event happened by then; the report's day with precision 2 (within a
///    week ending at the report), or 1 when the report is the publication
///    day's own news ("... state media reported on Sunday" in Sunday's paper).
/// 3. Otherwise, when the sentence carries on the one before ("also",
///    "during", "then") and that one has an event date, that date.
/// 4. Otherwise the publication date, precision 1: ACLED codes an undated
///    event in a news report on the reported day.
///
/// An event never postdates its report: see [`past_date`]. A range of days
/// ("between 7 and 13 March", "the night of 8-9 May") is coded at its middle
/// day (the later of two), precision 2, as ACLED codes a span within a week.
///
/// The caller passes the same `published` it gave [`recognise`]; the
/// extraction engineer calls this once per event candidate:
/// `date::event_date(&doc.dates, &doc.clean, &doc.sentences, i, trigger_byte, doc.published)`.
pub fn event_date(
    dates: &[DateMention],
    clean: &CleanText,
    sentences: &[Sentence],
    index: usize,
    trigger: usize,
    published: Option<NaiveDate>,
) -> Option<(NaiveDate, TimePrecision)> {
    let s = sentences.get(index)?;
    let inside = |m: &&DateMention| m.start >= s.start && m.end <= s.end && m.granularity != Granularity::Ref;
    let distance = |m: &DateMention| {
        let (a, b) = if m.end <= trigger { (m.end, trigger) } else { (trigger.min(m.start), m.start.max(trigger)) };
        let between = clean.text.get(a..b).unwrap_or("");
        clause_breaks(between) * 10_000 + between.len()
    };
    let mut best_event: Option<(&DateMention, usize)> = None;
    let mut best_report: Option<(&DateMention, usize)> = None;
    for m in dates.iter().filter(inside) {
        // A named day beats "overnight" or "yesterday" in the same clause.
        let d = distance(m) + if m.deictic { 5_000 } else { 0 };
        let slot = match role(clean, m) {
            Role::Event => &mut best_event,
            Role::Report => &mut best_report,
            Role::Bound => continue,
        };
        if slot.is_none_or(|(_, bd)| d < bd) {
            *slot = Some((m, d));
        }
    }
    if let Some((m, _)) = best_event {
        // A range of days is coded at its middle, within a week.
        return past_date(m, published).map(|(d, p)| match day_range(&clean.text, m) {
            Some((lo, hi)) => (d.with_day(lo + (hi - lo).div_ceil(2)).unwrap_or(d), p.max(TimePrecision::Week)),
            None => (d, p),
        });
    }
    if let Some((m, _)) = best_report {
        return m.acled_date().map(|(d, p)| match published {
            Some(pd) if d == pd => (d, p),
            _ => (d, p.max(TimePrecision::Week)),
        });
    }
    let text = s.text(clean);
    let continues = text.split(|c: char| !c.is_alphanumeric()).any(|w| is_word(w, CONTINUATION));
    if continues && index > 0 {
        let p = &sentences[index - 1];
        let prev = dates
            .iter()
            .filter(|m| m.start >= p.start && m.end <= p.end && m.granularity != Granularity::Ref)
            .filter(|m| role(clean, m) == Role::Event)
            .find_map(|m| past_date(m, published));
        if prev.is_some() {
            return prev;
        }
    }
    published.map(|p| (p, TimePrecision::Day))
}

#[cfg(test)]
mod tests;
