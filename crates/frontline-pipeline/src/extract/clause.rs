//! Clauses: where a sentence breaks into clauses, which clauses tell
//! background rather than news, and which name neither place nor date.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::classify::{self, Cue};
use super::roles::{SUPPORTING, is_armed};
use super::{Document, within};
use crate::actor::ActorMention;

/// Clause breaks inside a sentence: two events in one sentence ("X declare
/// victory in A, while Y wrest control of B") each keep their own parties.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?:;|,\s+(?:while|whereas|but|leaving|as|after which|and then)\s|\s+while\s|\s+whereas\s|\s[-–—]\s)",
    )
});

/// Wording that makes a sentence background rather than news.
pub(super) static BACKGROUND: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:since (?:\d{4}|the (?:start|beginning)|then)|has since|have since|for years|years ago|in recent (?:weeks|months|years)|over the (?:past|last) (?:weeks|months|years)|this year|last year|earlier this year|de facto capitals?|once held|used to|(?:has|have|had) been \w+ing\b[^.]*\bsince)\b",
    )
});

/// A present perfect right before a territorial cue: "has controlled",
/// "have firmly held", "has been occupying".
static PERFECT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?$"));

/// "since" after a cue, in its clause: the start of a state or a span.
static SINCE_AFTER: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)^[^;:]*?\bsince\b"));

/// A span's start long ago without a date: a year, or the start of a war
/// or campaign ("since 2021", "since the offensive began", "since the
/// start of the war").
static LONG_SINCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s+(?:(?:early |late |mid-)?(?:19|20)\d\d\b|the (?:start|beginning|outbreak|onset) of\b|(?:the |its |their )?(?:[\w-]+ ){1,3}?(?:began|started|erupted|broke out)\b)",
    )
});

/// After a war's or an operation's start, the words before its own date
/// ("since the operation started on Monday", "since the start of the
/// offensive last week").
static START_DATED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)^\s*(?:(?:the|its|their|this|[\w-]+)\s+){0,2}?(?:(?:on|in|last|early|late)\s+)?$")
});

/// A cue of holding a place rather than taking it: "controlled",
/// "occupying", "held".
static STATE_CUE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)^(?:controll?(?:ed|ing|s)?|occup(?:ied|ies|ying)|held|holds?|holding)\b"));

/// How long before the report a span's dated start makes it background
/// rather than one operation: a month.
pub(super) const SPAN_DAYS: i64 = 31;

/// Whether the cue `f` of the sentence `start..end` tells a state or a
/// toll over a span, not a new event: a present perfect of holding a place
/// with "since" ("the RSF has controlled the town since October"); for
/// other cues, taking a place too, since a year, the undated start of a war
/// or a day more than [`SPAN_DAYS`] before the report ("120 people have been
/// killed since the offensive began"). A start of the last days is the
/// event's ("rebels have seized three villages since Monday", "40 people
/// have been killed since the operation started on Sunday").
pub(super) fn held_since(doc: &Document<'_>, f: &classify::Found, start: usize, end: usize) -> bool {
    let text = &doc.clean.text;
    if !PERFECT_BEFORE.is_match(&text[start..f.start]) {
        return false;
    }
    let Some(since) = SINCE_AFTER.find(&text[f.end..end]) else { return false };
    let since = f.end + since.end();
    (matches!(f.cue, Cue::Capture | Cue::Regain) && STATE_CUE.is_match(&text[f.start..f.end]))
        || long_since(doc, since, end)
}

/// Whether the span told from `since` (right after the word) to `end`
/// started more than [`SPAN_DAYS`] before the report: a year or a war's
/// start without a date of its own, or a date that old.
fn long_since(doc: &Document<'_>, since: usize, end: usize) -> bool {
    let text = &doc.clean.text;
    // The date right after `from` with only `gap` words between, and how
    // long before the report its first (`first`) or last day falls.
    let old = |from: usize, gap: &Regex, first: bool| {
        let published = doc.published?;
        doc.dates
            .iter()
            .find(|m| m.start >= from && m.end <= end && gap.is_match(&text[from..m.start]))
            .map(|m| (published - if first { m.first } else { m.last }).num_days() > SPAN_DAYS)
    };
    match LONG_SINCE.find(&text[since..end]) {
        Some(l) => old(since + l.end(), &START_DATED, true).unwrap_or(true),
        None => old(since, &NOTHING, false).unwrap_or(false),
    }
}

/// Only blanks.
static NOTHING: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"^\s*$"));

/// Whether a cue is a word of a name, not a report: inside an actor's name
/// ("National Liberation Front", "Liberation Army of Afrin"), or a
/// capitalised noun before another capitalised word ("Liberation Brigade").
pub(super) fn in_name(doc: &Document<'_>, f: &classify::Found) -> bool {
    let named = |m: &&ActorMention| m.start <= f.start && f.end <= m.end;
    // A crowd named by what it does ("protesters", "rioters") is the event's
    // own word; an armed group's name ("Koglweogo vigilantes") is a name.
    if matches!(f.cue, Cue::Protest | Cue::Riot | Cue::Mob) {
        return doc.actors.iter().filter(named).any(|m| is_armed(m.actor.inter));
    }
    // Aircraft or guns named with their force ("Israeli warplanes struck",
    // "Ukrainian artillery hit") strike; those backing someone ("supported
    // by Russian warplanes") do not.
    if matches!(f.cue, Cue::Air | Cue::Shelling) {
        return doc.actors.iter().filter(named).any(|m| {
            let mut from = m.start.saturating_sub(40);
            while !doc.clean.text.is_char_boundary(from) {
                from -= 1;
            }
            SUPPORTING.is_match(&doc.clean.text[from..m.start])
        });
    }
    if doc.actors.iter().any(|m| named(&m)) {
        return true;
    }
    let word = &doc.clean.text[f.start..f.end];
    let next = doc.clean.text[f.end..].trim_start_matches([' ', '-']);
    !word.contains(' ')
        && word.ends_with("ion")
        && word.starts_with(|c: char| c.is_uppercase())
        && f.start > 0
        && !doc.clean.text[..f.start].trim_end().ends_with(['.', '!', '?'])
        && next.starts_with(|c: char| c.is_uppercase())
}

/// A year written after a preposition: "in 2014", "since early 2019".
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"\b(?:in|since|during|by|of|until) (?:early |late |mid-)?((?:19|20)\d\d)\b"));

/// A year before the publication year written in the sentence ("in 2014"),
/// with no day-precise date beside it: history.
pub(super) fn old_year(text: &str, published: Option<NaiveDate>) -> bool {
    let Some(p) = published else { return false };
    // Every such year starts with a 1 or a 2: most sentences have neither.
    if memchr::memchr2(b'1', b'2', text.as_bytes()).is_none() {
        return false;
    }
    // The year is the match's last four bytes (rule regexes read `\d` as an
    // ASCII digit, so the slice falls on a character boundary): no capture
    // is run for it.
    let year = chrono::Datelike::year(&p);
    YEAR.find_iter(text).any(|m| m.as_str()[m.len() - 4..].parse::<i32>().is_ok_and(|y| y < year))
}

/// Words that make a clause tell an event apart from the one before it:
/// "in a separate attack", "elsewhere", "meanwhile", "in another raid".
pub(super) static ANOTHER_EPISODE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:separate|separately|elsewhere|meanwhile|in another)\b"));

/// Whether the clause `cs..ce` names neither a place nor a date of its own.
pub(super) fn bare(doc: &Document<'_>, (cs, ce): (usize, usize)) -> bool {
    !doc.places.iter().any(|m| within(m.start, m.end, cs, ce))
        && !doc.dates.iter().any(|m| within(m.start, m.end, cs, ce))
}

/// Byte ranges of the clauses of the sentence `s..e` of the document.
pub(super) fn clauses(doc: &Document<'_>, s: usize, e: usize) -> Vec<(usize, usize)> {
    let text = &doc.clean.text;
    let mut out = Vec::new();
    let mut start = s;
    for m in CLAUSE_BREAK.find_iter(&text[s..e]) {
        let (cut, resume) = (s + m.start(), s + m.end());
        if joins_places(doc, cut, resume, m.as_str()) {
            continue;
        }
        if cut > start {
            out.push((start, cut));
        }
        start = resume;
    }
    if start < e {
        out.push((start, e));
    }
    out
}

/// Words that may follow the area of a "Town - Area" location and still
/// belong to it ("Ghor - Tala road in Herat").
const LOCATION_TAIL: &[&str] = &[
    "road",
    "highway",
    "axis",
    "area",
    "areas",
    "region",
    "district",
    "province",
    "governorate",
    "countryside",
    "front",
    "frontline",
    "crossing",
    "city",
    "town",
    "village",
    "neighborhood",
    "neighbourhood",
    "quarter",
    "camp",
    "prison",
    "airport",
    "base",
    "desert",
    "badia",
    "mountain",
    "mountains",
    "valley",
    "outskirts",
    "east",
    "west",
    "north",
    "south",
    "in",
    "near",
    "of",
];

/// Lower-case words inside a place's name ("Deir ez Zor", "Tell al Hawa").
const NAME_PARTICLES: &[&str] = &["al", "el", "ez", "ad", "ar", "as", "ash", "an", "bin", "ibn", "abu", "de"];

/// Whether a spaced hyphen joins a place and an area of it into one
/// location ("Town - Area"): a place mention ends right before it, no
/// actor's name starts right after it, and the capitalised name after it
/// is followed by punctuation, the sentence's end or a location word, not
/// by a report of its own ("in Marvale on Monday - Police said …", "in
/// Dorn - Army jets struck …").
fn joins_places(doc: &Document<'_>, cut: usize, resume: usize, dash: &str) -> bool {
    let text = &doc.clean.text;
    if dash.trim() != "-" || !doc.places.iter().any(|p| p.end == cut) || doc.actors.iter().any(|a| a.start == resume) {
        return false;
    }
    let name_word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            || w.split('-').skip(1).any(|p| p.starts_with(|c: char| c.is_uppercase()))
            || NAME_PARTICLES.contains(&w)
    };
    let mut words = text[resume..].split(' ');
    let mut name = 0;
    for w in words.by_ref() {
        let bare = w.trim_end_matches([',', '.', ';', ')']);
        if !name_word(bare) {
            return name > 0 && LOCATION_TAIL.contains(&bare);
        }
        name += 1;
        if bare.len() < w.len() {
            return true;
        }
    }
    name > 0
}

/// Compiles this module's regexes now, not in the first article that needs
/// them ([`crate::COMPILE_RULES`]).
pub(super) fn compile_rules() {
    for regex in [
        &CLAUSE_BREAK,
        &BACKGROUND,
        &YEAR,
        &ANOTHER_EPISODE,
        &PERFECT_BEFORE,
        &SINCE_AFTER,
        &LONG_SINCE,
        &START_DATED,
        &STATE_CUE,
        &NOTHING,
    ] {
        LazyLock::force(regex);
    }
}
