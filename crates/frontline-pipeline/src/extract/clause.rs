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
    YEAR.captures_iter(text).any(|c| c[1].parse::<i32>().is_ok_and(|y| y < chrono::Datelike::year(&p)))
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
    for regex in [&CLAUSE_BREAK, &BACKGROUND, &YEAR, &ANOTHER_EPISODE] {
        LazyLock::force(regex);
    }
}
