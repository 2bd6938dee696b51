//! Counts: killed, wounded, abducted and arrested figures with ACLED's rules.
//!
//! A number is a casualty figure only inside a casualty construction ("N
//! soldiers were killed", "killing N", "N dead", "the death toll rose to
//! N"), so garrison sizes, distances, populations, percentages and years
//! are never counted: they never stand in one. Vague numbers follow ACLED's
//! codebook: "a few"/"several"/"some" → 3, "many"/"an unknown number" → 10,
//! "dozens"/"tens" → 12, "hundreds" → 100; "more than 250" → 250.
//!
//! ACLED-style closing lines ("3 fatalities.", "Casualties unknown.",
//! "Unknown fatalities coded as 10.", "There were no fatalities.") are
//! *summaries*: they state the event's total and win over the text's figures.

use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta::Regex as Meta;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, Span};

use crate::clean::CleanText;
use crate::segment::Sentence;
use crate::text::ends_with_word;

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

    fn from_word(w: &str) -> CountWhat {
        let w = w.to_ascii_lowercase();
        if w.starts_with("wound") || w.starts_with("injur") || w == "hurt" {
            CountWhat::Wounded
        } else if w.starts_with("abduct") || w.starts_with("kidnap") || w.starts_with("hostage") {
            CountWhat::Abducted
        } else if w.starts_with("arrest") || w.starts_with("detain") {
            CountWhat::Arrested
        } else {
            CountWhat::Killed
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
    /// A statement of the event's total ("3 fatalities.", "no fatalities
    /// were reported"), not one group's figure.
    pub summary: bool,
    /// A part of a figure given elsewhere ("including 2 children").
    pub part: bool,
    /// A toll over a span of time ("the war has killed 500,000 since it
    /// began", "the toll since January rose to 300") or of another event
    /// ("a week after 20 soldiers were killed there"): background, never an
    /// event's own figure.
    pub cumulative: bool,
}

/// A number as written: digits, words, or a vague quantity.
const NUM: &str = r"(?:(?:more than|over|at least|nearly|almost|about|around|approximately|some|up to|as many as|a total of|roughly|an estimated|estimated|a further|another) )?(?:\d{1,3}(?:,\d{3})+|\d{1,4}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a few|few|several|many|numerous|(?:tens|hundreds) of thousands|dozens|tens|scores|hundreds|thousands|an? (?:unknown|unspecified|undetermined|large|small) number|a number)";

const CASUALTY: &str = r"(?:killed|dead|died|slain|perished|wounded|injured|hurt|abducted|kidnapped|arrested|detained|executed|shot dead|lost their lives)";

/// "N soldiers were killed", "two civilians died", "a soldier was killed".
static PASSIVE: LazyLock<Meta> = LazyLock::new(|| crate::rule_meta_regex(&passive_pattern()));
fn passive_pattern() -> String {
    format!(
        r"(?i)\b(?P<n>{NUM}|an?)(?: of (?:them|whom))? (?:[a-z'/-]+,? ){{0,5}}?(?:(?:were|was|have been|has been|had been|are|got|being) )?(?:(?:reportedly|reported|confirmed|also|later|allegedly|all|subsequently) )?(?P<w>{CASUALTY})\b"
    )
}

/// An auxiliary right before a casualty word, with an adverb or not ("were killed", "were reportedly killed").
static PASSIVE_AUXILIARY: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:were|was|been|are|is|got|being)(?: (?:reportedly|reported|confirmed|also|later|allegedly|all|subsequently))? $",
    )
});

/// A modal perfect right before a casualty word, with up to two adverbs
/// ("would almost certainly have", "could have been"): what did not happen
/// or is not known; a modal further back ("who could not flee died") is not.
static CONDITIONAL_PERFECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\b(?:would|could|might|may)(?: [a-z]+){0,2} have(?: been)?(?: (?:reportedly|all|also))? $")
});

/// A figure right after a casualty verb: its object ("killed 4 civilians").
static OBJECT_FIGURE: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(&format!(r"(?i)^ (?:{NUM})\b")));

/// "killing N", "killed N soldiers", "massacred N", "wounding two others",
/// "hacked N villagers to death" ([`TO_DEATH`]), and as a noun "resulted
/// in the killing of N", "led to the death of N", "the injury of N".
static ACTIVE: LazyLock<Meta> = LazyLock::new(|| crate::rule_meta_regex(&active_pattern()));
fn active_pattern() -> String {
    format!(
        r"(?i)\b(?P<w>killing|killed|kill|shot dead|shooting dead|gunned down|gunning down|assassinated|assassinating|massacred|massacring|slaughtered|slaughtering|butchered|butchering|murdered|murdering|hacked|clubbed|stabbed|stoned|bludgeoned|beat|burned|burnt|wounding|wounded|injuring|injured|abducting|abducted|kidnapping|kidnapped|arresting|arrested|detaining|detained|executing|executed|(?:killing|death|deaths|bodies|wounding|injury|injuries|injuring|abduction|kidnapping|arrest) of) (?:between \d{{1,4}} (?:and|to) )?(?P<n>{NUM})\b"
    )
}

/// Verbs of a manner of harm ("hacked", "beat") that kill only with "to
/// death" or "alive" after their object.
static MANNER: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)^(?:hacked|clubbed|stabbed|stoned|bludgeoned|beat|burned|burnt)$"));

/// What makes a manner of harm a killing, after its object: "to death",
/// "alive" ("hacked 9 farmers to death", "burned 4 people alive").
static TO_DEATH: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"^(?:\s+[\w-]+){0,3}?\s+(?:to death|alive)\b"));

/// One victim as the object: "killing a rebel", "shot and killed him".
static ACTIVE_ONE: LazyLock<Meta> = LazyLock::new(|| crate::rule_meta_regex(&active_one_pattern()));
fn active_one_pattern() -> String {
    r"(?i)\b(?:(?:killing|death|body) of|killing|killed|kills|shot dead|shooting dead|executing|executed|assassinated|assassinating|beheaded) (?:him|her|a|an|one)\b(?: (?:[a-z'-]+ ){0,2}?(?P<more>number|few|dozen|group|couple)\b)?".to_string()
}

/// One named person killed: "Col. X was killed by a sniper".
static SINGULAR: LazyLock<Meta> = LazyLock::new(|| crate::rule_meta_regex(&singular_pattern()));
fn singular_pattern() -> String {
    r"(?i)\b(?:(?:was|has been|had been) (?:reportedly |also |later |allegedly )?(?:killed|shot dead|shot and killed|executed|assassinated|slain|beheaded)|'s (?:[a-z-]+ )?body (?:was |has been )?(?:found|recovered|discovered))\b".to_string()
}

/// "N fatalities", "N deaths", "N casualties" (ACLED notes use it for deaths only when followed by "fatalit").
static NOUN: LazyLock<Meta> = LazyLock::new(|| crate::rule_meta_regex(&noun_pattern()));
fn noun_pattern() -> String {
    format!(r"(?i)\b(?P<n>{NUM}) (?:(?:total|reported|confirmed) )?(?P<w>fatalit(?:y|ies)|deaths|dead bodies|bodies)\b")
}

/// "the death toll rose to N", "fatalities coded as 10", "split, 2 each".
static TOTAL: LazyLock<Meta> = LazyLock::new(|| crate::rule_meta_regex(&total_pattern()));
fn total_pattern() -> String {
    format!(
        r"(?i)\b(?:(?:death toll|toll|fatalities|fatality|deaths|coded),?(?: (?:[a-z]+ ){{0,4}}?)?(?:coded|assumed|estimated|rose|risen|climbed|reached|stood|stands|is|was|are|of|at|to|as)(?: (?:as|to|at|of))?|total (?:of )?(?:fatalities|deaths):?) (?P<n>{NUM}|ten|zero)\b(?: each\b)?"
    )
}

/// "Total fatalities of 6 are split, 2 each, among the 3 locations".
static SPLIT: LazyLock<Meta> = LazyLock::new(|| crate::rule_meta_regex(&split_pattern()));
fn split_pattern() -> String {
    format!(r"(?i)\bsplit\b[^.]*?\b(?P<n>{NUM}) each\b")
}

/// Explicit zero: "no fatalities were reported", "neither injuries nor fatalities".
static ZERO: LazyLock<Meta> = LazyLock::new(|| crate::rule_meta_regex(&zero_pattern()));
fn zero_pattern() -> String {
    r"(?i)\b(?:no (?:reported |known )?(?:fatalities|deaths|casualties|losses|injuries or fatalities|one was killed)|neither (?:injuries|fatalities|deaths) (?:nor|or) (?:injuries|fatalities|deaths)|there were no (?:reported )?(?:fatalities|deaths|casualties)|without (?:any )?(?:casualties|fatalities))\b".to_string()
}

/// A total shared among several events: "split between the 3 locations",
/// "distributed over the activities in A, B and C", "with 2 allocated to each".
static SHARE: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(&share_pattern()));
fn share_pattern() -> String {
    r"(?i)\b(?:split|distributed|spread|divided|allocated)\b".to_string()
}

/// The count patterns, for the rule prefilter ([`crate::rule_candidates`]);
/// the bits below follow this order.
pub(crate) fn patterns() -> &'static [String] {
    static PATTERNS: LazyLock<Vec<String>> = LazyLock::new(|| {
        vec![
            passive_pattern(),
            active_pattern(),
            active_one_pattern(),
            singular_pattern(),
            noun_pattern(),
            total_pattern(),
            split_pattern(),
            zero_pattern(),
            share_pattern(),
        ]
    });
    &PATTERNS
}
const PASSIVE_BIT: u64 = 1;
const ACTIVE_BIT: u64 = 1 << 1;
const ACTIVE_ONE_BIT: u64 = 1 << 2;
const SINGULAR_BIT: u64 = 1 << 3;
const NOUN_BIT: u64 = 1 << 4;
const TOTAL_BIT: u64 = 1 << 5;
const SPLIT_BIT: u64 = 1 << 6;
const ZERO_BIT: u64 = 1 << 7;
/// Bit of [`share_pattern`]: a sentence that may share a total among events.
pub(crate) const SHARE_BIT: u64 = 1 << 8;

/// A span of time a toll adds up over, when in the figure's clause: since
/// the war began, since a year or month, over the past years, to date. A
/// month with its day ("since April 13") starts an operation of days,
/// whose toll an event may carry.
static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:since (?:it (?:began|started)|the (?:start|beginning|outbreak|onset) of|(?:the |its )?(?:war|conflict|insurgency|uprising|crisis|revolution|fighting|invasion|coup)\b|(?:19|20)\d\d\b|then\b|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?P<day> \d)?)|so far this year|this year alone|to date|over the (?:past|last) (?:\w+ )?(?:months|years|decades?)|in (?:the (?:past|last)|recent) (?:\w+ )?(?:months|years|decades?))",
    )
});

/// Words that make "since" the mark of a record, not of a span: "the
/// deadliest attack since 2019", "the first such raid since March", "the
/// third such attack so far this year".
static RECORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:\w+iest|worst|biggest|largest|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|last|latest|another|highest|most \w+)\b",
    )
});

/// A war's own toll: "the conflict has killed", "the war, now in its
/// tenth year, has claimed".
static WAR_TOLL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:war|conflict|insurgency|uprising|civil strife)\b[^.;]{0,60}?\b(?:has|have|had) (?:so far )?(?:killed|claimed|left)\b",
    )
});

/// A date of one day, which starts the current episode: "on Saturday",
/// "last night", "overnight", "yesterday", "on the 12th", "April 13".
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last night|overnight|yesterday|on (?:the )?\d{1,2}(?:st|nd|rd|th)?\b|(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}\b|\d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)\b)",
    )
});

/// How far a date may follow a [`SPAN`] to start it: "since fighting
/// erupted in the capital on Saturday".
const DAY_AFTER_SPAN: usize = 60;

/// How far a clause reaches either side of a figure: a bound on the work
/// per figure in long sentences without commas.
const CLAUSE_REACH: usize = 200;

/// The clause of the figure at `at` in `text`: between commas or
/// semicolons, at most [`CLAUSE_REACH`] bytes either side.
fn clause(text: &str, at: usize) -> (usize, usize) {
    let mut lo = at.saturating_sub(CLAUSE_REACH);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + CLAUSE_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let b = text.as_bytes();
    let start = (lo..at).rev().find(|&i| breaks_clause(b, i)).map_or(lo, |i| i + 1);
    let end = (at..hi).find(|&i| breaks_clause(b, i)).unwrap_or(hi);
    (start, end)
}

/// Whether bytes `a` and `b` of `text` lie in one clause ([`clause`]).
pub(crate) fn same_clause(text: &str, a: usize, b: usize) -> bool {
    let (start, end) = clause(text, a);
    start <= b && b < end
}

/// Whether byte `i` of a text ends a clause: a semicolon, or a comma that
/// is no thousands separator ("4,400").
fn breaks_clause(b: &[u8], i: usize) -> bool {
    match b[i] {
        b';' => true,
        b',' => {
            !(i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1..i + 4).is_some_and(|d| d.iter().all(u8::is_ascii_digit)))
        }
        _ => false,
    }
}

/// Whether the figure matched at `at..end` (bytes in `text`, one sentence)
/// is a toll over a span of time: a [`WAR_TOLL`] (whose ends are `tolls`)
/// ending in its clause before it or in its match, or a [`SPAN`] in its
/// clause with no [`RECORD`] word before it, no date of one day ([`DAY`])
/// between the figure and it ("killed 8 on Monday in the third attack so
/// far this year") and no such date right after it ("since fighting broke
/// out on Saturday").
fn cumulative(text: &str, (at, end): (usize, usize), tolls: &[usize]) -> bool {
    if tolls.iter().any(|&e| e <= end && !text[e.min(at)..at].contains([',', ';'])) {
        return true;
    }
    if OTHER_TIME.is_match(ending(&text[..at], 0)) {
        return true;
    }
    if fronted_span(&text[..at]) {
        return true;
    }
    let (start, end) = clause(text, at);
    let clause = &text[start..end];
    SPAN.captures_iter(clause).any(|c| {
        let m = c.get(0).unwrap();
        let mut after = (m.end() + DAY_AFTER_SPAN).min(clause.len());
        while !clause.is_char_boundary(after) {
            after += 1;
        }
        let before = &clause[..m.start()];
        c.name("day").is_none()
            && !RECORD.is_match(before)
            && !DAY.is_match(&clause[(at - start).min(m.start())..m.start()])
            && !DAY.is_match(&clause[m.end()..after])
    })
}

/// Words of background rather than of a new report: "since", a total to
/// date, a perfect tense of dying ("have been killed", "has claimed"), last
/// year or a year's date ("in July 2019").
static BACKGROUND: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:since|so far|to date|(?:has|have|had) (?:\w+ )?(?:been (?:killed|slain)|died|killed|claimed|left)|last year|(?:in|of|by) (?:\w+ )?(?:19|20)\d\d)\b",
    )
});

/// Whether `sentence` tells background (a span of time, a war's toll,
/// [`BACKGROUND`] words), after which a later figure no longer belongs to
/// the event reported before it.
pub(crate) fn background(sentence: &str) -> bool {
    BACKGROUND.is_match(sentence) || SPAN.is_match(sentence) || WAR_TOLL.is_match(sentence)
}

/// Whether `head`, a sentence up to a figure, opens with a [`SPAN`] that
/// reaches the figure across commas ("Since 2015, more than 9,000 people
/// have died"): no day of a month in the span and no date of one day
/// ([`DAY`]) between it and the figure ("Since
/// 2015, the town has been calm, but on Friday 4 people died").
fn fronted_span(head: &str) -> bool {
    let lead = head.len() - head.trim_start_matches(|c: char| c.is_whitespace() || "\"'‘“(".contains(c)).len();
    SPAN.captures_at(head, lead).is_some_and(|c| {
        let m = c.get(0).unwrap();
        m.start() == lead && c.name("day").is_none() && !DAY.is_match(&head[m.end()..])
    })
}

/// Right before a figure, the time of another event: "…, a week after 20
/// soldiers were killed there", "two days before 9 people died in a raid".
static OTHER_TIME: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:days?|weeks?|months?|years?) (?:after|before) (?:(?:at least|some|more than|nearly|about|almost) )?$",
    )
});

static PART: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)(?:including|among them|among whom|of them|of whom|most of them)\s*$"));

/// A month name right before a figure: "July 25" is a date, not a count.
static MONTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? $",
    )
});

/// The end of `text` that holds every match of [`MONTH_BEFORE`] or
/// [`PART`] ending the text: `spaces` trailing bytes of white space and 40
/// more bytes (their words and spaces are at most 12 characters, each at
/// most three bytes under case folding, and a full stop), with the
/// character before them for a `\b`.
fn ending(text: &str, spaces: usize) -> &str {
    let mut cut = text.len().saturating_sub(spaces + 40);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[cut..]
}

/// Where the figure `n` starts inside the match text.
fn n_offset(matched: &str, n: &str) -> usize {
    matched.find(n).unwrap_or(0)
}

/// The value of a number as written, by ACLED's rules for vague ones.
pub fn value(s: &str) -> Option<u32> {
    let lower = s.to_ascii_lowercase();
    let mut words: Vec<&str> = lower.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    // Drop the qualifier: "more than 250" counts as 250.
    while words.len() > 1
        && matches!(
            words[0],
            "a" | "more"
                | "than"
                | "over"
                | "at"
                | "least"
                | "nearly"
                | "almost"
                | "about"
                | "around"
                | "approximately"
                | "some"
                | "up"
                | "to"
                | "as"
                | "many"
                | "total"
                | "of"
                | "roughly"
                | "an"
                | "estimated"
                | "further"
                | "another"
        )
        && !(words.len() == 2 && words[0] == "a" && matches!(words[1], "few" | "number"))
    {
        words.remove(0);
    }
    let joined = words.join(" ");
    if let Ok(n) = joined.replace(',', "").parse::<u32>() {
        return Some(n);
    }
    let unit = |w: &str| -> Option<u32> {
        Some(match w {
            "zero" => 0,
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "hundred" => 100,
            _ => return None,
        })
    };
    match joined.as_str() {
        "a few" | "few" | "several" | "some" => return Some(3),
        "many" | "numerous" | "scores" | "a number" => return Some(10),
        "dozens" | "tens" => return Some(12),
        "hundreds" => return Some(100),
        "thousands" => return Some(1000),
        "tens of thousands" => return Some(10_000),
        "hundreds of thousands" => return Some(100_000),
        j if j.ends_with(" number") => return Some(10),
        _ => {}
    }
    match words.as_slice() {
        [w] => unit(w),
        ["a" | "one", "hundred"] => Some(100),
        [tens, u] => Some(unit(tens)? + unit(u)?),
        _ => None,
    }
}

/// Whether a bare figure is a year, not a count.
fn is_year(s: &str, v: u32) -> bool {
    (1900..=2100).contains(&v) && s.trim().len() == 4 && s.trim().chars().all(|c| c.is_ascii_digit())
}

/// Casualty figures of the text, in order.
pub fn recognise(clean: &CleanText, sentences: &[Sentence]) -> Vec<CountMention> {
    let rules: Vec<_> = sentences.iter().map(|s| crate::RuleCandidates { starts: None, ..s.rules }).collect();
    recognise_among(clean, sentences, &rules, &[])
}

/// [`recognise`], each pattern run only on the sentences where the rule
/// prefilter says it can match (`candidates`, one per sentence), and from
/// where its prefixes start (the article's [`crate::PrefixStarts`]).
pub fn recognise_among(
    clean: &CleanText,
    sentences: &[Sentence],
    candidates: &[crate::RuleCandidates],
    starts: &[(u32, u64)],
) -> Vec<CountMention> {
    let mut out = Vec::new();
    for (s, c) in sentences.iter().zip(candidates) {
        if c.counts != 0 {
            let run = c.starts.map(|(a, b)| &starts[a as usize..b as usize]);
            recognise_in(&clean.text[s.start..s.end], s.start, c.counts, run, &mut out);
        }
    }
    out.sort_by_key(|m| (m.start, m.end));
    out.dedup_by(|b, a| b.start < a.end && a.start < b.end);
    out
}

/// The figures of one sentence from the patterns of `bits`, sought from
/// the sentence's run of [`crate::PrefixStarts`] when known.
fn recognise_in(text: &str, base: usize, bits: u64, starts: Option<&[(u32, u64)]>, out: &mut Vec<CountMention>) {
    // A count pattern's bit in the rule prefilter: after the cue patterns'.
    let global = |bit: u64| bit << crate::extract::classify::PATTERNS;
    // Searches anchored at the prefix starts: one that finds nothing there
    // stops within a few bytes, and no reverse search finds where a match
    // starts.
    let captures = |re: &'static Meta, bit: u64| {
        let at = move |p: usize| {
            let mut c = re.create_captures();
            re.search_captures(&Input::new(text).range(p..).anchored(Anchored::Yes), &mut c);
            c.get_match().map(|m| (Groups { text, c }, m.end()))
        };
        crate::rule_matches(
            move || re.captures_iter(text).map(move |c| Groups { text, c }),
            starts,
            base,
            global(bit),
            at,
        )
    };
    let finds =
        |re: &'static Meta, bit: u64| crate::anchored_matches(re, text, starts, base, global(bit)).map(|m| m.span());
    // The ends of the sentence's war tolls, found at its first figure.
    let tolls = std::cell::OnceCell::<Vec<usize>>::new();
    // `joined`: the figures listed with this one, whether they are a part,
    // and the span of the whole list (the mention shows the figure it sums).
    let mut push = |m: Span, n: &str, what: CountWhat, summary: bool, joined: Joined| {
        let Some(v) = value(n) else { return };
        if is_year(n, v) {
            return;
        }
        let to_figure = &text[..m.start + n_offset(&text[m.range()], n)];
        // A range counts its lower figure, as ACLED codes the lowest estimate ("between 3 and 9").
        let v = range_low(to_figure).unwrap_or(v) + joined.sum;
        if MONTH_BEFORE.is_match(ending(to_figure, 0)) {
            return;
        }
        let head = &text[..m.start];
        let part = joined.part || PART.is_match(ending(head, head.len() - head.trim_end().len()));
        let (start, end) = (joined.start.unwrap_or(m.start).min(m.start), joined.end.unwrap_or(m.end).max(m.end));
        let tolls = tolls.get_or_init(|| WAR_TOLL.find_iter(text).map(|t| t.end()).collect());
        let cumulative = cumulative(text, (m.start, m.end), tolls);
        out.push(CountMention { start: base + start, end: base + end, value: v, what, summary, part, cumulative });
    };
    for (re, bit) in [(&*SPLIT, SPLIT_BIT), (&*TOTAL, TOTAL_BIT)] {
        if bits & bit == 0 {
            continue;
        }
        for c in captures(re, bit) {
            push(c.span(), c.str("n"), CountWhat::Killed, true, Joined::default());
        }
    }
    if bits & ZERO_BIT != 0 {
        for m in finds(&ZERO, ZERO_BIT) {
            push(m, "zero", CountWhat::Killed, true, Joined::default());
        }
    }
    if bits & NOUN_BIT != 0 {
        for c in captures(&NOUN, NOUN_BIT) {
            // A closing "3 fatalities." sums the event up; "3 deaths" in a story is a figure.
            let summary = c.str("w").to_ascii_lowercase().starts_with("fatalit");
            push(c.span(), c.str("n"), CountWhat::Killed, summary, Joined::default());
        }
    }
    if bits & ACTIVE_BIT != 0 {
        for c in captures(&ACTIVE, ACTIVE_BIT) {
            let m = c.span();
            let w = c.str("w");
            // "Airstrikes kill 12", "managed to kill 5" report deaths; "a
            // plot to kill 2 officials", "threatened to kill 3", "could kill
            // 5" do not.
            let intent = w.eq_ignore_ascii_case("kill") && {
                let mut before = text[..m.start].split_whitespace().rev();
                let is =
                    |w: Option<&str>, list: &[&str]| w.is_some_and(|w| list.iter().any(|x| w.eq_ignore_ascii_case(x)));
                match before.next() {
                    Some(w) if w.eq_ignore_ascii_case("to") => {
                        !is(before.next(), &["managed", "manage", "manages", "able"])
                    }
                    w => is(w, &["will", "would", "could", "can", "may", "might", "shall", "should", "not"]),
                }
            };
            let harmed_only = MANNER.is_match(w) && !TO_DEATH.is_match(&text[m.end..]);
            if !intent && !harmed_only {
                let what = CountWhat::from_word(w);
                let mut joined = Joined::default();
                if what == CountWhat::Killed {
                    // The pattern ends at its figure: the list goes on after it.
                    if let Some((sum, end)) = joined_after(&text[m.end..]) {
                        joined.sum = sum;
                        joined.end = Some(m.end + end);
                    }
                }
                push(m, c.str("n"), what, false, joined);
            }
        }
    }
    if bits & ACTIVE_ONE_BIT != 0 {
        for c in captures(&ACTIVE_ONE, ACTIVE_ONE_BIT) {
            if c.get("more").is_none() {
                push(c.span(), "one", CountWhat::Killed, false, Joined::default());
            }
        }
    }
    if bits & SINGULAR_BIT != 0 {
        for m in finds(&SINGULAR, SINGULAR_BIT) {
            push(m, "one", CountWhat::Killed, false, Joined::default());
        }
    }
    if bits & PASSIVE_BIT != 0 {
        'passive: for c in captures(&PASSIVE, PASSIVE_BIT) {
            // "a" and "an" count one only right before the casualty ("a
            // soldier was killed"), and never after an apostrophe ("Ma'a
            // city"); otherwise the figure is sought again after it ("a
            // police officer said 3 were killed").
            let mut c = c;
            while matches!(c.str("n").to_ascii_lowercase().as_str(), "a" | "an")
                && (text[c.span().range()].split(' ').count() > 5
                    || text[..c.span().start].ends_with(['\'', '\u{2019}']))
            {
                let mut next = PASSIVE.create_captures();
                PASSIVE.search_captures(&Input::new(text).range(c.span_of("n").end..), &mut next);
                if !next.is_match() {
                    continue 'passive;
                }
                c = Groups { text, c: next };
            }
            let m = c.span();
            let n = c.str("n");
            let w = c.span_of("w");
            // "9 guards would certainly have died": what did not happen.
            if CONDITIONAL_PERFECT.is_match(&text[..w.start]) {
                continue;
            }
            // "26 missiles, killed 4 civilians": a casualty verb taking a
            // figure as its object is active; the figure before is its subject.
            let auxiliary = PASSIVE_AUXILIARY.is_match(&text[..w.start]);
            if !auxiliary && OBJECT_FIGURE.is_match(&text[w.end..]) {
                continue;
            }
            let what = CountWhat::from_word(&text[w.range()]);
            let mut joined = Joined::default();
            if what == CountWhat::Killed {
                let inside = &text[c.span_of("n").end..w.start];
                let (before, part, start) = joined_before(&text[..m.start]);
                // Only a figure of a group or of people ("7 regime fighters
                // were killed", "an unknown number of regime fighters", not
                // "3 were killed", "2 of them", "three and five soldiers") ends a list.
                let vague = n.to_ascii_lowercase().ends_with("number")
                    || n.to_ascii_lowercase().ends_with(" of thousands")
                    || matches!(
                        n.to_ascii_lowercase().as_str(),
                        "dozens" | "tens" | "scores" | "hundreds" | "thousands"
                    );
                let group = names_group(inside) || (vague && inside.starts_with(" of ") && names_group(&inside[4..]));
                let n_start = c.span_of("n").start;
                if group && !ends_with_word(text[..n_start].trim_end(), "between") {
                    joined = Joined { sum: before + joined_inside(inside), part, start, end: None };
                } else {
                    joined.part = part;
                }
            }
            push(m, n, what, false, joined);
        }
    }
}

/// A count pattern's match in a sentence, with its groups.
struct Groups<'t> {
    text: &'t str,
    c: Captures,
}

impl<'t> Groups<'t> {
    /// The whole match.
    fn span(&self) -> Span {
        self.c.get_match().expect("groups of a match").span()
    }

    /// The span of group `name`, when it took part in the match.
    fn get(&self, name: &str) -> Option<Span> {
        self.c.get_group_by_name(name)
    }

    /// The span of group `name`, which takes part in every match.
    fn span_of(&self, name: &str) -> Span {
        self.get(name).unwrap_or_else(|| panic!("group {name} is in every match"))
    }

    /// The text of group `name`, which takes part in every match.
    fn str(&self, name: &str) -> &'t str {
        &self.text[self.span_of(name).range()]
    }
}

/// A figure joined to the next one by "and" or a comma, at the end of
/// the text: "26 IS and " before "7 regime fighters were killed".
static JOINED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(&format!(r"(?i)(?:^|[\s(])(?P<n>{NUM})(?P<words>(?: [a-z'-]+){{0,3}}?)(?:,| and|, and) $"))
});

/// A figure right after "and" or a comma, then its group's words:
/// "and 3 QSD fighters" after "the killing of 8 IS fighters".
static JOINED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(&format!(
        r"(?i)^(?P<words>(?: [a-z'-]+){{0,3}}?)(?:,| and|, and) (?P<n>{NUM})(?P<next>(?: [a-z'-]+){{0,5}})"
    ))
});

/// A number word joined inside a passive figure: "two soldiers and three
/// fighters were killed" (the pattern's words hold no digits).
static JOINED_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)(?:,| and) (?P<n>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)\b",
    )
});

/// Figures listed with a casualty figure: their sum, whether the list is a
/// part of a figure given before it, and where the list starts or ends
/// (byte offsets in the sentence) beyond the pattern's match.
#[derive(Debug, Clone, Copy, Default)]
struct Joined {
    sum: u32,
    part: bool,
    start: Option<usize>,
    end: Option<usize>,
}

/// Words between joined figures that make them no one list: a verb or a
/// casualty word ("5 were killed and 3" is two statements), or a part
/// ("including 2 women and").
fn breaks_list(words: &str) -> bool {
    has_verb(words)
        || words.split_whitespace().any(|w| {
            matches!(
                w.trim_end_matches(',').to_ascii_lowercase().as_str(),
                "including" | "among" | "of" | "in" | "to" | "from" | "between"
            )
        })
}

/// Whether words hold a verb or a casualty word of their own ("were", "killed").
fn has_verb(words: &str) -> bool {
    words.split_whitespace().any(|w| {
        // Verbs as written: "IS" is the group, "is" the verb.
        let w = w.trim_end_matches(',');
        let verb = matches!(w, "was" | "were" | "are" | "is" | "been" | "have" | "has" | "had");
        // "cases reported and 91 dead": a participle is a statement of its
        // own; a group's adjective is not, nor a name ("Ahmed", "Hamed").
        let lower_case = w.starts_with(|c: char| c.is_ascii_lowercase());
        let w = w.to_ascii_lowercase();
        let participle = lower_case
            && w.len() > 4
            && (w.ends_with("ed") || w.ends_with("ing"))
            && !matches!(w.as_str(), "armed" | "allied" | "unidentified" | "affiliated" | "backed" | "masked");
        verb || participle
            || w == "cases"
            || w.starts_with("kill")
            || w.starts_with("wound")
            || w.starts_with("injur")
            || w.starts_with("captur")
            || w.starts_with("arrest")
            || w.starts_with("abduct")
            || w.starts_with("die")
            || w.starts_with("dead")
    })
}

/// Whether the words right after a figure name the group or the people it
/// counts ("IS", "regime fighters", "civilians"): not a verb ("3 were"), a
/// part ("2 of them"), a date ("5 May"), a time or a distance ("3 days",
/// "4 km"), or nothing at all ("Route 4 and", "12, 13").
fn names_group(words: &str) -> bool {
    let Some(first) = words.split_whitespace().next() else { return false };
    let first = first.trim_end_matches([',', '.', ';', ':']);
    if !first.starts_with(|c: char| c.is_alphabetic()) || MONTH_BEFORE.is_match(&format!("{first} ")) {
        return false;
    }
    !matches!(
        first.to_ascii_lowercase().as_str(),
        "of" | "whom"
            | "them"
            | "and"
            | "or"
            | "to"
            | "were"
            | "was"
            | "are"
            | "have"
            | "has"
            | "had"
            | "got"
            | "being"
            | "reportedly"
            | "also"
            | "later"
            | "allegedly"
            | "all"
            | "subsequently"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "km"
            | "kilometers"
            | "kilometres"
            | "miles"
            | "meters"
            | "metres"
            | "m"
            | "percent"
            | "per"
            | "times"
            | "am"
            | "pm"
            | "a"
            | "the"
    ) && first != "is"
}

/// Whether the word before a figure makes it no count of a list: a place
/// in a group ("among the 12", "out of 40", "carrying 40"), a date ("On 5
/// May"), or a unit's, a road's or a place's number ("Brigade 17", "Route 4").
fn no_list_figure(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().map(|w| w.trim_end_matches(',').to_ascii_lowercase());
    let last = words.next().unwrap_or_default();
    let last = if last == "the" { words.next().unwrap_or_default() } else { last };
    MONTH_BEFORE.is_match(&format!("{last} "))
        || matches!(
            last.as_str(),
            "among"
                | "amongst"
                | "carrying"
                | "of"
                | "out"
                | "on"
                | "at"
                | "by"
                | "with"
                | "aboard"
                | "between"
                | "from"
                | "route"
                | "road"
                | "highway"
                | "brigade"
                | "division"
                | "regiment"
                | "battalion"
                | "unit"
                | "no"
                | "number"
                | "sector"
                | "zone"
                | "block"
                | "building"
                | "street"
                | "gate"
                | "hill"
                | "point"
                | "checkpoint"
                | "phase"
                | "article"
                | "resolution"
        )
}

/// The figures joined before a casualty figure ("26 IS and", "2 HTS, 1 AAS
/// fighters and"), summed, whether the list is a part of a figure given
/// before it ("including 2 women and 3 children were killed"), and where
/// the list starts in `head`; a range ("between 4 and 6") joins nothing.
/// Each figure must name its group or people ([`names_group`]).
fn joined_before(head: &str) -> (u32, bool, Option<usize>) {
    // The last 120 bytes hold a list of a few figures; cut at a space.
    let mut cut = head.len().saturating_sub(120);
    while !head.is_char_boundary(cut) {
        cut += 1;
    }
    let full = head;
    let mut head = &head[cut..];
    if cut > 0 {
        head = head.find(' ').map_or("", |i| &head[i..]);
    }
    let offset = full.len() - head.len();
    let mut sum = 0;
    let mut first = None;
    while let Some(c) = JOINED_BEFORE.captures(head) {
        let n = &c["n"];
        let Some(v) = value(n).filter(|&v| !is_year(n, v)) else { break };
        let start = c.name("n").map_or(0, |x| x.start());
        let before = head[..start].trim_end();
        // "killing 3 soldiers, and 2 militiamen were killed": the first figure is counted on its own.
        let verb_before = before.rsplit(' ').take(2).collect::<Vec<_>>().join(" ");
        if PART.is_match(ending(before, 0)) {
            return (0, true, None);
        }
        if breaks_list(&c["words"])
            || !names_group(&c["words"])
            || no_list_figure(before)
            || verb_before.split_whitespace().any(|w| {
                let w = w.to_ascii_lowercase();
                w.starts_with("kill") || w == "of"
            })
        {
            break;
        }
        sum += v;
        first = Some(offset + start);
        head = &head[..start];
    }
    (sum, false, first)
}

/// The figure joined after an active casualty figure ("killing of 8 IS
/// fighters and 3 QSD fighters"), unless a verb follows it ("and 2 were
/// wounded"), and where its group's words end in `rest`. Both figures
/// must name their group or people ([`names_group`]): "killing 4 people,
/// 2 of them children" and "killing 2 soldiers, 3 days after" list nothing.
fn joined_after(rest: &str) -> Option<(u32, usize)> {
    let c = JOINED_AFTER.captures(rest)?;
    let n = &c["n"];
    // Its group's words, up to the next item of a list or a verb of its own
    // ("and 2 militiamen were killed", "3 civilians and wounding 4").
    let next = c.name("next")?;
    let cut = [" and ", ",", " or "].iter().filter_map(|s| next.as_str().find(s)).min().unwrap_or(next.len());
    let own = &next.as_str()[..cut];
    let before = &rest[..c.name("n")?.start()];
    if breaks_list(&c["words"])
        || !names_group(&c["words"])
        || !names_group(own)
        || has_verb(own)
        || no_list_figure(before)
    {
        return None;
    }
    let v = value(n).filter(|&v| !is_year(n, v))?;
    Some((v, next.start() + own.trim_end().len()))
}

/// The number words joined inside a passive figure's words, each after a
/// group's words and before its own ("two soldiers and three militiamen";
/// not "three and five soldiers", a range).
fn joined_inside(words: &str) -> u32 {
    let mut sum = 0;
    let mut from = 0;
    for c in JOINED_WORD.captures_iter(words) {
        let (m, n) = (c.get(0).unwrap(), c.name("n").unwrap());
        let rest = &words[n.end()..];
        if !names_group(&words[from..m.start()]) || !names_group(rest) {
            break;
        }
        sum += value(n.as_str()).unwrap_or(0);
        from = n.end();
    }
    sum
}

/// The lower figure of a range that ends the text: "between 3 and " before
/// "9", "between two and " before "5".
fn range_low(head: &str) -> Option<u32> {
    let t = head.trim_end();
    let t = t.strip_suffix(" and").or_else(|| t.strip_suffix(" to"))?;
    let (rest, low) = t.rsplit_once(' ')?;
    let low = if low.bytes().all(|b| b.is_ascii_digit()) {
        low.parse().ok()?
    } else {
        value(low).filter(|_| low.chars().all(|c| c.is_ascii_alphabetic()) && low.len() > 2)?
    };
    ends_with_word(rest, "between").then_some(low)
}

/// The fatalities of an event from the counts of its sentences (in text
/// order): a summary line wins (the last one); otherwise killed figures of one
/// sentence add up ("2 soldiers and 3 fighters were killed") and the
/// sentences' totals, which restate one another, give the largest.
pub fn fatalities<'a>(counts: impl IntoIterator<Item = (usize, &'a CountMention)>) -> Option<u32> {
    let mut summary: Option<u32> = None;
    let mut per_sentence: Vec<(usize, u32)> = Vec::new();
    for (sentence, c) in counts {
        if c.what != CountWhat::Killed || c.cumulative {
            continue;
        }
        if c.summary {
            // The last summary is the coder's final word ("Casualties
            // unknown at first; later coded as 2 fatalities.").
            summary = Some(c.value);
        } else if !c.part {
            match per_sentence.iter_mut().find(|(s, _)| *s == sentence) {
                Some((_, v)) => *v += c.value,
                None => per_sentence.push((sentence, c.value)),
            }
        }
    }
    summary.or_else(|| per_sentence.iter().map(|(_, v)| *v).max())
}

/// Words that make a sharing sentence about fatalities ("Total fatalities
/// coded to 12 and split"); a sentence that opens with the sharing word
/// ("Distributed over three events.") continues the closing line before it.
static SHARE_OF_DEATHS: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:fatalit(?:y|ies)|deaths|casualties|coded)\b"));

/// A figure for every event: "2 each", "with 4 coded to each location".
static EACH: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?P<n>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten) (?:[\w-]+ ){0,3}?each\b(?: (?P<of>side|sides|group|groups|faction|party))?",
    )
});

/// How many events share the total: "between the 3 locations", "over three events".
static PARTS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:between|over|across|among|amongst)\s+(?:the\s+|these\s+)?(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+)?(?:locations?|events?|areas|villages|places|sites|towns|fronts|incidents|points|axes)\b",
    )
});

/// The events named one by one: "between Tell Jadid and Kafr Sous", "over the
/// activities in A, B and C" (up to the end of the clause).
static LISTED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:between|over|across|among)\s+(?:the\s+(?:activities|clashes|fighting|events?|locations?)\s+(?:in|at|of)\s+)?(?P<list>(?-i:[A-Z])[^.;:]*?)(?:[.;:]|,? with\b|,? as\b|$)",
    )
});

/// A place's own figure after its name: "Umm Tina allocated 5", "Sabra 2", "Sabra (2)".
static FIGURE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)^\s*(?:[:(-]\s*)?(?:(?:was |is |were )?(?:allocated|coded|with)\s+)?(?P<n>\d{1,4})\b")
});

/// A place's own figure before its name: "5 Tell Jadid", "6 coded to Deir Malik", "7 in the camp".
static FIGURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?P<n>\d{1,4})\s+(?:(?:fatalit(?:y|ies)|deaths?)\s+)?(?:each\s+)?(?:(?:(?:were|was)\s+)?(?:coded|allocated)\s+)?(?:(?:to|in|for|at)\s+)?(?:each of\s+)?(?:the\s+)?$",
    )
});

/// An event's share of a total that `sentence` shares among several
/// events (ACLED codes each place's share, not the total): the place's own
/// figure when the sentence gives one, else the figure for each, else the
/// total divided by the number of events, rounded down. `None` when the
/// sentence shares nothing.
pub fn share(sentence: &str, total: u32, place: Option<&str>) -> Option<u32> {
    let at = SHARE.find(sentence)?;
    if !SHARE_OF_DEATHS.is_match(sentence) && !sentence[..at.start()].trim().is_empty() {
        return None;
    }
    if let Some(v) = place.and_then(|p| own_figure(sentence, p)) {
        return Some(v.min(total));
    }
    let rest = &sentence[at.start()..];
    if let Some(c) = EACH.captures(rest).filter(|c| c.name("of").is_none()) {
        return value(&c["n"]).map(|v| v.min(total));
    }
    if let Some(v) = usual_figure(rest, total) {
        return Some(v);
    }
    let parts = PARTS.captures(rest).and_then(|c| value(&c["n"])).or_else(|| {
        LISTED.captures(rest).and_then(|c| {
            let items: Vec<&str> = c["list"]
                .split([','])
                .flat_map(|s| s.split(" and "))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            let named = items.iter().all(|s| s.starts_with(|c: char| c.is_uppercase()));
            (named && items.len() > 1).then_some(items.len() as u32)
        })
    })?;
    (parts > 1).then(|| total / parts)
}

/// A figure in a sharing list ("16 Telamnas, 16 Deir Sharqi, ... and 15 Ma'aratah").
static LIST_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?P<n>\d{1,4})\b(?P<not>\s+(?:locations?|events?|areas|villages|places|sites|towns|fronts|days|km|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*))?",
    )
});

/// Compiles the count patterns and this module's other rule regexes now,
/// not in the first article that needs them ([`crate::COMPILE_RULES`]).
pub(crate) fn compile_rules() {
    patterns();
    for regex in [&PASSIVE, &ACTIVE, &ACTIVE_ONE, &SINGULAR, &NOUN, &TOTAL, &SPLIT, &ZERO] {
        LazyLock::force(regex);
    }
    for regex in [
        &PASSIVE_AUXILIARY,
        &CONDITIONAL_PERFECT,
        &OBJECT_FIGURE,
        &MANNER,
        &TO_DEATH,
        &SHARE,
        &SPAN,
        &BACKGROUND,
        &RECORD,
        &WAR_TOLL,
        &DAY,
        &OTHER_TIME,
        &PART,
        &MONTH_BEFORE,
        &JOINED_BEFORE,
        &JOINED_AFTER,
        &JOINED_WORD,
        &SHARE_OF_DEATHS,
        &EACH,
        &PARTS,
        &LISTED,
        &FIGURE_AFTER,
        &FIGURE_BEFORE,
        &LIST_FIGURE,
    ] {
        LazyLock::force(regex);
    }
}

/// The figure most of the places of a sharing list get, when one does
/// (an even split's share, the remainder given to a few): for an event
/// whose place the list names otherwise.
fn usual_figure(rest: &str, total: u32) -> Option<u32> {
    let mut seen: Vec<(u32, usize)> = Vec::new();
    for c in LIST_FIGURE.captures_iter(rest).filter(|c| c.name("not").is_none()) {
        let Ok(v) = c["n"].parse::<u32>() else { continue };
        if v >= total {
            continue;
        }
        match seen.iter_mut().find(|(f, _)| *f == v) {
            Some((_, n)) => *n += 1,
            None => seen.push((v, 1)),
        }
    }
    let most = seen.iter().map(|&(_, n)| n).max()?;
    let mut usual = seen.iter().filter(|&&(_, n)| n == most);
    match (usual.next(), usual.next()) {
        (Some(&(v, n)), None) if n > 1 => Some(v),
        _ => None,
    }
}

/// The figure the sentence gives the place named `place`, right before or after its name.
fn own_figure(sentence: &str, place: &str) -> Option<u32> {
    if place.is_empty() {
        return None;
    }
    // "Al-Zaghbah" is "Al Zaghbah"; ASCII case folding keeps every byte
    // where it was, so offsets in `lower` are offsets in `sentence`.
    let lower = sentence.to_ascii_lowercase().replace('-', " ");
    let name = place.to_ascii_lowercase().replace('-', " ");
    lower.match_indices(&name).find_map(|(i, _)| {
        // Before first: in "5 Tell Jadid, 4 Kafr Sous" the figure after a name is the next one's.
        let before = FIGURE_BEFORE.captures(&sentence[..i]).map(|c| c["n"].to_string());
        let after = || FIGURE_AFTER.captures(&sentence[i + name.len()..]).map(|c| c["n"].to_string());
        before.or_else(after).and_then(|n| n.parse().ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Searching from the prefixes' starts finds the figures that a
    /// search of every sentence for every pattern finds.
    #[test]
    fn searches_from_prefix_starts_find_every_figure() {
        let text = "Airstrikes killed 12 civilians and wounded 30. Two soldiers were killed, killing 3 more; \
            the death toll rose to 15. He was killed. Gunmen shot dead a farmer, killing him. \
            No fatalities were reported. Fatalities split, 2 each, among the sites. 4 deaths.";
        let c = CleanText::verbatim(text);
        let (sentences, starts) = crate::segment::sentences_and_starts(&c);
        let rules: Vec<_> = sentences.iter().map(|s| s.rules).collect();
        assert!(rules.iter().all(|r| r.starts.is_some()));
        let fast = recognise_among(&c, &sentences, &rules, &starts);
        let every: Vec<_> = rules
            .iter()
            .map(|r| crate::RuleCandidates { counts: (1 << patterns().len()) - 1, starts: None, ..*r })
            .collect();
        assert_eq!(fast, recognise_among(&c, &sentences, &every, &[]));
        assert!(fast.len() >= 8, "{fast:?}");
    }

    /// A search anchored at a prefix start that begins no match goes on
    /// at the next start: "killed the lights" starts the active pattern's
    /// prefix but no figure; the figure after the second "killed" is found.
    #[test]
    fn a_prefix_start_without_a_match_does_not_end_the_search() {
        let text = "Raiders killed the lights, then killed 6 guards and kidnapped 2 more.";
        let c = CleanText::verbatim(text);
        let (sentences, starts) = crate::segment::sentences_and_starts(&c);
        let rules: Vec<_> = sentences.iter().map(|s| s.rules).collect();
        let run = rules[0].starts.map(|(a, b)| &starts[a as usize..b as usize]).expect("prefix starts");
        let active = ACTIVE_BIT << crate::extract::classify::PATTERNS;
        assert!(run.iter().filter(|&&(_, b)| b & active != 0).count() >= 3, "{run:?}");
        let found = recognise_among(&c, &sentences, &rules, &starts);
        let got: Vec<(u32, &str, &str)> =
            found.iter().map(|m| (m.value, m.what.as_str(), &text[m.start..m.end])).collect();
        assert_eq!(got, [(6, "killed", "killed 6"), (2, "abducted", "kidnapped 2")]);
    }

    fn check(text: &str, expect: &[(u32, &str)]) {
        let c = CleanText::verbatim(text);
        let got: Vec<(u32, &str)> =
            recognise(&c, &crate::segment::sentences(&c)).iter().map(|m| (m.value, m.what.as_str())).collect();
        assert_eq!(got, expect, "in {text:?}");
    }

    #[test]
    fn figures_in_casualty_constructions() {
        check("Three soldiers were killed near the town.", &[(3, "killed")]);
        check("The attack killed more than 250 people.", &[(250, "killed")]);
        check("Gunmen opened fire, killing two and wounding five others.", &[(2, "killed"), (5, "wounded")]);
        check("Airstrikes kill 12 in Idlib.", &[(12, "killed")]);
        check("Police shot dead 4 protesters outside the court.", &[(4, "killed")]);
        // A report's word before the verb.
        check("Four tribal and Druze militia fighters were reported killed.", &[(4, "killed")]);
        check("Nine regime soldiers were confirmed killed at the base.", &[(9, "killed")]);
        // A modal perfect right before the casualty word did not happen; a
        // modal inside a relative clause is no conditional.
        check("Had the bridge held, 12 porters might well have died.", &[]);
        check("Eleven guards could have been killed, the mayor said.", &[]);
        check("Seven herders who could not run were killed by the raiders.", &[(7, "killed")]);
        check("Six villagers who might have fled died in the shelling.", &[(6, "killed")]);
        // An article far from the verb gives way to the figure after it.
        check("An official said 14 miners were killed.", &[(14, "killed")]);
        check("A chief said scores of farmers died.", &[(10, "killed")]);
        check("The guard's body was found in Ma'a city, killed by gunmen.", &[(1, "killed")]);
        check("Rebels managed to kill 5 soldiers near the town.", &[(5, "killed")]);
        check("Police foiled a plot to kill 2 officials.", &[]);
        check("The gunmen threatened to kill 3 hostages.", &[]);
        check("A soldier was killed by a sniper.", &[(1, "killed")]);
        check("Brig. Gen. Ali Hassan was killed by a stray rocket.", &[(1, "killed")]);
        check("Masked men fired at a pickup truck, killing a faction leader.", &[(1, "killed")]);
        check("Dozens were wounded in the blast.", &[(12, "wounded")]);
        check("Rebels kidnapped around 30 people on Monday.", &[(30, "abducted")]);
        check("The death toll rose to 41 on Tuesday.", &[(41, "killed")]);
        check("Twenty-three people died in the fire.", &[(23, "killed")]);
        check("The ambush resulted in the killing of 7 guards.", &[(7, "killed")]);
        // Other verbs of killing take their figure as "killed" does; a
        // manner of harm only when it is to death.
        check("Militiamen massacred 14 herders at the well.", &[(14, "killed")]);
        check("The raiders slaughtered 22 villagers overnight.", &[(22, "killed")]);
        check("Attackers hacked 6 fishermen to death on the shore.", &[(6, "killed")]);
        check("A mob burned 3 traders alive.", &[(3, "killed")]);
        check("Guards beat 5 inmates with batons.", &[]);
        check("The rocket fire led to the death of two shepherds.", &[(2, "killed")]);
        check("A guard was shot and killed at the gate.", &[(1, "killed")]);
        // A body found is a death; so are the bodies of N.
        check("The body of a militia member was found near the river.", &[(1, "killed")]);
        check("A soldier's body was found in an olive grove east of the hamlet.", &[(1, "killed")]);
        check("The bodies of 3 fighters were found in a field.", &[(3, "killed")]);
    }

    #[test]
    fn figures_joined_in_one_list_are_one_figure() {
        check("At least 19 IS and 6 regime fighters were killed near the dam.", &[(25, "killed")]);
        check("3 HTS, 2 AAS fighters and 4 shepherds were killed by the well.", &[(9, "killed")]);
        check("Two soldiers and three militiamen were killed at the checkpoint.", &[(5, "killed")]);
        check("The raid on the ridge resulted in the killing of 6 IS fighters and 5 QSD fighters.", &[(11, "killed")]);
        check("The fighting left 4 soldiers and 2 civilians dead.", &[(6, "killed")]);
        // Two statements, a range and a part are no one list.
        check("The attack killed 3 soldiers, and 2 militiamen were killed as well.", &[(3, "killed"), (2, "killed")]);
        check("7 guards were killed and 4 were hurt.", &[(7, "killed"), (4, "wounded")]);
        check("Between 4 and 6 fighters were killed.", &[(4, "killed")]);
        check("Gunmen opened fire, killing between 2 to 4 guards.", &[(2, "killed")]);
        check("5 regime and/or allied fighters were killed.", &[(5, "killed")]);
        let c = CleanText::verbatim(
            "Rocket fire killed 8 villagers, including 2 women and 3 boys who were killed in their beds.",
        );
        let found = recognise(&c, &crate::segment::sentences(&c));
        let parts: Vec<(u32, bool)> = found.iter().map(|m| (m.value, m.part)).collect();
        assert_eq!(parts, [(8, false), (3, true)]);
    }

    #[test]
    fn only_figures_of_groups_or_people_are_listed() {
        // Dates, units, roads, times, groups a figure is taken from, parts and ranges are no list.
        check("On 5 May, 3 people were killed in clashes in Palmyra.", &[(3, "killed")]);
        check("On 3 June 2023, a bus carrying 40 passengers, 3 were killed", &[(3, "killed")]);
        check("Among the 12 passengers, 3 were killed in the blast.", &[(3, "killed")]);
        check("A bomb exploded, killing 2 soldiers, 3 days after a similar attack.", &[(2, "killed")]);
        check("A bomb exploded near Route 4 and 2 soldiers were killed.", &[(2, "killed")]);
        check("Clashes erupted in Brigade 17, 2 soldiers were killed.", &[(2, "killed")]);
        check("An airstrike hit a house, killing 4 people, 2 of them children.", &[(4, "killed")]);
        check("Clashes broke out and between three and five soldiers were killed.", &[(3, "killed")]);
        check("Between two and 5 soldiers were killed.", &[(2, "killed")]);
        check("2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 13 soldiers were killed in Homs.", &[(13, "killed")]);
        check("Clashes near 4 km and 2 soldiers were killed.", &[(2, "killed")]);
        // A casualty verb with a figure as object is active: the figure before it is its subject.
        check(
            "The clashes, accompanied by 26 missiles, killed 4 civilians and injured 13 more.",
            &[(4, "killed"), (13, "wounded")],
        );
        check("3 soldiers were killed 2 days ago.", &[(3, "killed")]);
        // A list ends at its next item: the figure after it is counted.
        check(
            "Gunmen attacked a checkpoint, killing 2 soldiers, 3 civilians and wounding 4 others.",
            &[(5, "killed"), (4, "wounded")],
        );
        check("4 IRGC advisers, and an unknown number of regime troops were killed.", &[(14, "killed")]);
        // A part of a figure stays a part when its words name no group.
        let c = CleanText::verbatim("5 guards, including 2 captains, one of which is a colonel, were killed.");
        let found = recognise(&c, &crate::segment::sentences(&c));
        assert_eq!(found.iter().map(|m| (m.value, m.part)).collect::<Vec<_>>(), [(1, true)]);
        // A name ending in -ed is no verb.
        check("The clashes left 2 Ahmed and 3 Hamed fighters dead.", &[(5, "killed")]);
    }

    #[test]
    fn a_listed_figure_shows_the_whole_list() {
        let shown = |text: &str| -> Vec<(String, u32)> {
            let c = CleanText::verbatim(text);
            recognise(&c, &crate::segment::sentences(&c))
                .iter()
                .map(|m| (c.text[m.start..m.end].to_string(), m.value))
                .collect()
        };
        assert_eq!(
            shown("At least 19 IS and 6 regime fighters were killed."),
            [("At least 19 IS and 6 regime fighters were killed".to_string(), 25)]
        );
        assert_eq!(
            shown("The raid on the ridge resulted in the killing of 6 IS fighters and 5 QSD fighters."),
            [("killing of 6 IS fighters and 5 QSD fighters".to_string(), 11)]
        );
        assert_eq!(
            shown("An airstrike hit a house, killing 4 people, 2 of them children."),
            [("killing 4".to_string(), 4)]
        );
    }

    #[test]
    fn acled_closing_lines_are_summaries() {
        check("Shelling hit the orchards near the mill. 2 fatalities.", &[(2, "killed")]);
        check("Clashes took place. Unknown fatalities coded as 10.", &[(10, "killed")]);
        check("Gunfire was heard at the bridge, with an unknown number of fatalities, coded as 10.", &[(10, "killed")]);
        check("Drones struck the quarry twice. Unknown number of fatalities are assumed 10.", &[(10, "killed")]);
        check("Clashes took place. Total fatalities 20.", &[(20, "killed")]);
        check("A rocket landed in a barn. Neither injuries nor fatalities were reported.", &[(0, "killed")]);
        check("Total fatalities of 8 are split, 2 each, among the 4 sites.", &[(8, "killed"), (2, "killed")]);
    }

    #[test]
    fn no_figures_from_sizes_distances_populations_years() {
        check("The officer estimated there were 1,200 to 1,800 gunmen still in the hills.", &[]);
        check("The convoy halted about 25 km short of the frontier.", &[]);
        check("The sect is some 4 per cent of the province, or about 90,000 people.", &[]);
        check("The group overran the region in 2014.", &[]);
    }

    #[test]
    fn dates_and_parts_are_read_at_the_figure() {
        check("On a quiet day, like every year since 1990, on 25 September 25 soldiers were killed.", &[]);
        let c =
            CleanText::verbatim("Gunmen killed six people, including     two children who were killed at the gate.");
        let found = recognise(&c, &crate::segment::sentences(&c));
        let parts: Vec<(u32, bool)> = found.iter().map(|m| (m.value, m.part)).collect();
        assert_eq!(parts, [(6, false), (2, true)]);
    }

    #[test]
    fn tolls_over_a_span_of_time_are_cumulative() {
        let flags = |text: &str| {
            let c = CleanText::verbatim(text);
            recognise(&c, &crate::segment::sentences(&c)).iter().map(|m| (m.value, m.cumulative)).collect::<Vec<_>>()
        };
        assert_eq!(
            flags("The insurgency has killed thousands of people and displaced millions since it began."),
            [(1000, true)]
        );
        assert_eq!(
            flags("The civil war, now in its ninth year, has killed more than 300,000 people."),
            [(300_000, true)]
        );
        assert_eq!(
            flags("Raiders killed 4 herders on Monday, bringing the toll since March to 61."),
            [(4, false), (61, true)]
        );
        assert_eq!(
            flags("More than 90 people have been killed in the district over the past two years."),
            [(90, true)]
        );
        // A thousands separator does not end the figure's clause.
        assert_eq!(flags("Some 3,200 villagers have been killed by the junta since the coup."), [(3200, true)]);
        assert_eq!(flags("The war has left tens of thousands of soldiers dead."), [(10_000, true)]);
        assert_eq!(
            flags("Observers say hundreds of thousands of people have been killed since the fighting began."),
            [(100_000, true)]
        );
        assert_eq!(flags("Bandits killed 14 farmers in the deadliest raid on the valley since 2019."), [(14, false)]);
        assert_eq!(
            flags("Gunmen killed 5 herders near the dam on Monday, a week after 20 soldiers were killed there."),
            [(5, false), (20, true)]
        );
        assert_eq!(flags("Two days after the ambush, 11 bodies were found by the road."), [(11, false)]);
        assert_eq!(flags("A car bomb killed 9 people at the market on Friday."), [(9, false)]);
        // A span opening the sentence reaches a figure after its comma.
        assert_eq!(flags("Since 2015, more than 7,400 people have died in the valley's feud."), [(7400, true)]);
        assert_eq!(flags("Over the past decade, some 260 rangers have been killed."), [(260, true)]);
        assert_eq!(flags("Since 2015, the valley had been calm, but on Friday 4 herders were killed."), [(4, false)]);
        assert_eq!(flags("Herders have fought since 2015, and raiders killed 4 of them at a well."), [(4, false)]);
        assert_eq!(flags("Some 40 fighters were killed in the offensive since May 3."), [(40, false)]);
        assert_eq!(
            flags("At least 25 people have died since clashes broke out in the port town on Sunday, nurses said."),
            [(25, false)]
        );
        assert_eq!(
            flags("Shelling in the suburbs has killed 19 people since the fighting began last night, officials said."),
            [(19, false)]
        );
        assert_eq!(
            flags("The insurgency has killed hundreds, and on Friday a mortar round killed 6 pupils at a school."),
            [(100, true), (6, false)]
        );
        assert_eq!(
            flags(
                "Raiders killed 11 villagers near the river on Tuesday in the fourth such raid on the area so far this year."
            ),
            [(11, false)]
        );
        assert_eq!(
            flags("On Sunday officials said gunmen had killed 70 people in the district over the past two years."),
            [(70, true)]
        );
        assert_eq!(
            flags("Militiamen killed 5 traders in the latest ambush on the road so far this year."),
            [(5, false)]
        );
    }

    #[test]
    fn fatalities_prefer_summaries_and_add_within_a_sentence() {
        let m = |value, summary, part| CountMention {
            start: 0,
            end: 0,
            value,
            what: CountWhat::Killed,
            summary,
            part,
            cumulative: false,
        };
        let (a, b, c, d) = (m(2, false, false), m(3, false, false), m(1, false, true), m(4, true, false));
        assert_eq!(fatalities([(0, &a), (0, &b), (0, &c)]), Some(5));
        assert_eq!(fatalities([(0, &a), (1, &b)]), Some(3));
        assert_eq!(fatalities([(0, &a), (1, &d)]), Some(4));
        assert_eq!(fatalities([]), None);
    }

    #[test]
    fn a_shared_total_gives_each_event_its_share() {
        let check = |sentence: &str, total: u32, place: Option<&str>, expect: Option<u32>| {
            assert_eq!(share(sentence, total, place), expect, "{sentence:?} at {place:?}");
        };
        // The place's own figure, before or after its name.
        let listed = "12 fatalities are split as follows: 5 Tell Jadid, 4 Kafr Sous and 3 Ain Waqf.";
        check(listed, 12, Some("Kafr Sous"), Some(4));
        check(listed, 12, Some("Ain Waqf"), Some(3));
        check("Total fatalities coded to 9 and split, with 6 coded to Deir Malik.", 9, Some("Deir Malik"), Some(6));
        check("The 7 fatalities were divided, Umm Tina allocated 5 and Sabra 2.", 7, Some("Umm Tina"), Some(5));
        // The figure for each event.
        check(
            "Unknown fatalities coded as 10 and split, 2 deaths allocated to each of the villages.",
            10,
            Some("Kafr Sous"),
            Some(2),
        );
        check("Total fatalities of 8 are split, 2 each, among the 4 sites.", 8, None, Some(2));
        // The total over the number of events, rounded down.
        check(
            "Total fatalities coded to 10, and the figure split across the three events.",
            10,
            Some("Tell Jadid"),
            Some(3),
        );
        check("10 fatalities split between Tell Jadid and Kafr Sous.", 10, Some("Ain Waqf"), Some(5));
        check("Distributed fatalities over the activities in Tell Jadid, Kafr Sous and Ain Waqf.", 9, None, Some(3));
        check("Distributed over four events.", 12, None, Some(3));
        check(
            "Split between locations: Tell Jadid (4), Kafr Sous (3) and Ain Waqf (3).",
            10,
            Some("Kafr Sous"),
            Some(3),
        );
        check("5 fatalities were distributed, 3 in Al Hamra and 2 in Qasr.", 5, Some("Al-Hamra"), Some(3));
        let grouped = "Fatalities coded as 10 and split with 3 fatalities each allocated to Sabra and Umm Tina, and 2 each to Qasr and Ain Waqf.";
        check(grouped, 10, Some("Sabra"), Some(3));
        check(grouped, 10, Some("Qasr"), Some(2));
        // A place the list names otherwise gets the usual share.
        check(listed, 12, Some("Idleb"), None);
        check(
            "Total fatalities 31 are split as follows: 8 Tell Jadid, 8 Kafr Sous, 8 Ain Waqf and 7 Sabra.",
            31,
            Some("Idleb"),
            Some(8),
        );
        // Not a shared total.
        check("The rebels split from the brigade after 3 fighters were killed.", 3, None, None);
        check("Government forces spread across two fronts.", 8, None, None);
        check("Fatalities were split evenly.", 8, None, None);
    }
}
