//! Scanner: the temporal expressions of one sentence, as unresolved [`Expr`]s.
//!
//! The sentence is ASCII-lowercased once (byte offsets unchanged) and split
//! into tokens: digit runs, letter runs (non-ASCII bytes count as letters) and
//! single punctuation bytes. A hand-written recursive-descent parser then tries
//! every token as the start of an expression and keeps the longest match, so
//! one sentence costs one pass and no regex. Resolution against the
//! publication date is [`super::resolve`]'s job: the scanner only reads.

use std::cell::Cell;
use std::sync::LazyLock;

use crate::vocabulary::concat;

/// One token: a byte range of the sentence, classified once when it is
/// made, so the parser branches on kinds instead of comparing strings.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub s: u32,
    pub e: u32,
    kind: TokKind,
    /// Digit runs of up to four digits: their value; [`NO_NUM`] otherwise.
    num: u16,
    /// Words of the lexicon: their index plus one; 0 for every other token.
    lex: u16,
}

/// [`Tok::num`] of tokens that are not numbers of up to four digits.
const NO_NUM: u16 = u16::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Num,
    Word,
    Punct,
}

/// Byte classes for the tokenizer: 0 space, 1 digit, 2 letter (non-ASCII
/// bytes count as letters, so tokens end on character boundaries), 3 other.
const CLASS: [u8; 256] = {
    let mut t = [3u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c.is_ascii_whitespace() {
            0
        } else if c.is_ascii_digit() {
            1
        } else if c.is_ascii_alphabetic() || c >= 0x80 {
            2
        } else {
            3
        };
        i += 1;
    }
    t
};

/// Splits `lower` (the ASCII-lowercased sentence) into tokens. Letter runs,
/// most of the text, are crossed eight bytes at a time.
pub(super) fn tokenize(lower: &str, out: &mut Vec<Tok>) {
    out.clear();
    let lex = &*LEXICON;
    let b = lower.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let class = CLASS[b[i] as usize];
        let start = i;
        i += 1;
        let (kind, num, lex) = match class {
            0 => continue,
            1 => {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                let num = if i - start <= 4 {
                    b[start..i].iter().fold(0, |n, d| n * 10 + u16::from(d - b'0'))
                } else {
                    NO_NUM
                };
                (TokKind::Num, num, 0)
            }
            2 => {
                i = letters_end(b, i);
                (TokKind::Word, NO_NUM, lexicon(&b[start..i], lex))
            }
            _ => (TokKind::Punct, NO_NUM, 0),
        };
        out.push(Tok { s: start as u32, e: i as u32, kind, num, lex });
        // The space after a token (most tokens) is passed here, not by a
        // turn of the loop.
        i += usize::from(b.get(i) == Some(&b' '));
    }
}

/// The end of the run of letters (ASCII letters and non-ASCII bytes, as in
/// [`CLASS`]) that continues at byte `i`.
fn letters_end(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let other = !letters(crate::swar::word(chunk)) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && CLASS[b[i] as usize] == 2 {
        i += 1;
    }
    i
}

const ONES: u64 = 0x0101_0101_0101_0101;
pub(super) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is a letter of [`CLASS`]: an ASCII
/// letter (folded to lowercase, then tested against `a..=z` with additions
/// that cannot carry between bytes) or a non-ASCII byte.
pub(super) fn letters(x: u64) -> u64 {
    let l = (x | (0x20 * ONES)) & !HIGH;
    ((l + 0x1f * ONES) & !(l + 0x05 * ONES) & HIGH) | (x & HIGH)
}

/// Relative position named by "last", "this", "next".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rel {
    None,
    Last,
    This,
    Next,
}

/// Calendar units of relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

/// Which quarter a quarter expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum QuarterRef {
    /// "the third quarter", "the 1988 second quarter".
    Ordinal(u32),
    /// "the quarter", "the latest quarter": the one under discussion.
    Context,
    /// "the current quarter".
    Current,
    /// "the year-ago quarter", "the year-earlier period".
    YearAgo,
}

/// Part of a period: "early September", "late 2017", "earlier this month".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Part {
    #[default]
    Whole,
    Early,
    Mid,
    Late,
    /// "earlier this month": the part before the publication date.
    Before,
    /// "later this year": the part after the publication date.
    After,
}

/// A temporal expression as written, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Expr {
    /// A day, with the year when written: "November 3, 2017", "July 25".
    Date { y: Option<i32>, m: u32, d: u32 },
    /// A day of the month alone: "on the 10th".
    DayOfMonth(u32),
    /// A month: "September", "last June", "June 1994".
    Month { y: Option<i32>, m: u32, rel: Rel },
    /// A month of a year relative to the anchor's: "June last year" (-1).
    MonthOfYear { m: u32, shift: i32 },
    /// A year as written: "2014", "fiscal 1989", "nineteen ninety-six".
    Year(i32),
    /// Weekday 0 = Monday, with "last"/"next"/"this".
    Weekday { wd: u32, rel: Rel },
    /// Days from the anchor: today 0, yesterday -1, tomorrow 1.
    DayShift(i32),
    /// "ten days ago", "a year earlier", "two weeks ago"; `n` negative.
    Ago { unit: Unit, n: i32 },
    /// "this week" 0, "last month" -1, "next year" 1.
    UnitShift { unit: Unit, n: i32 },
    /// "the weekend", "last weekend".
    Weekend(Rel),
    /// Spring 1, summer 2, fall 3, winter 4.
    Season { s: u32, y: Option<i32>, rel: Rel },
    /// Quarters, with the year when written; `shift` years from the anchor's
    /// ("the year-earlier third quarter" -1, "next year's first quarter" 1).
    Quarter { q: QuarterRef, y: Option<i32>, shift: i32 },
    /// "a year ago" where the sentence is about quarters: same quarter, a year back.
    YearAgoQuarter,
    /// First or second half of a year.
    Half { h: u32, y: Option<i32> },
    /// "the 1990s" → 199.
    Decade(i32),
    /// "the nineties": decade digit of the anchor's century.
    DecadeOfCentury(i32),
    /// "the 20th century" → 19 (TimeML writes a century as its years' first two digits).
    Century(i32),
    /// TimeML's PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// A year, month or day counted from the date the text named last, not
    /// from the anchor: "that year" 0, "the following month" 1, "the next
    /// day" 1, "the previous day" -1 (from the last day named).
    Anaphor { unit: Unit, n: i32 },
}

impl Expr {
    /// Resolution reads the clause's tense: a day, month or weekday
    /// without its year, and a year anaphor (which a past clause keeps from
    /// passing the anchor): the only expressions [`super::resolve`] asks it of.
    pub(super) fn needs_tense(&self) -> bool {
        matches!(
            self,
            Expr::Date { y: None, .. }
                | Expr::DayOfMonth(_)
                | Expr::Month { y: None, rel: Rel::None, .. }
                | Expr::Weekday { .. }
                | Expr::Weekend(_)
                | Expr::Anaphor { unit: Unit::Year, .. }
        )
    }

    /// Counted from the anchor rather than naming a day or period.
    pub(super) fn is_deictic(&self) -> bool {
        matches!(
            self,
            Expr::DayShift(_)
                | Expr::Ago { .. }
                | Expr::UnitShift { .. }
                | Expr::Weekend(_)
                | Expr::Ref(_)
                | Expr::Anaphor { unit: Unit::Day, .. }
        )
    }
}

/// An expression found in a sentence: token range, what it says, modifiers.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Found {
    /// Byte range in the sentence.
    pub s: usize,
    pub e: usize,
    pub expr: Expr,
    pub part: Part,
    /// "ten days ago": a day, but only roughly.
    pub approximate: bool,
    /// Tense of the words governing the expression.
    pub tense: Tense,
    /// A day with a part of it or a clock time ("Thursday evening", "last
    /// night", "noon Friday"): see [`time_of_day`].
    pub time_of_day: bool,
}

/// Whether an expression is spoken of as past or future, from the words
/// before it in its clause ("said Friday" past, "will meet on Friday" future).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

/// Words after which a four-digit number is a count, not a year.
const COUNTED: &[&str] = &[
    "people",
    "fighters",
    "troops",
    "soldiers",
    "civilians",
    "militants",
    "men",
    "women",
    "children",
    "families",
    "residents",
    "refugees",
    "members",
    "persons",
    "km",
    "kilometers",
    "kilometres",
    "meters",
    "metres",
    "miles",
    "tons",
    "tonnes",
    "dollars",
    "barrels",
    "feet",
    "shares",
    "jobs",
    "workers",
    "employees",
    "cars",
    "units",
    "homes",
    "houses",
    "votes",
    "prisoners",
    "detainees",
    "hostages",
    "pounds",
    "euros",
    "points",
    "square",
    "sq",
    "hectares",
    "acres",
    "block",
];

/// Street words after a house number ("1200 Elm St.", "40 Harbour Road").
const STREETS: &[&str] =
    &["street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "highway", "hwy", "lane", "parkway", "drive"];

/// Nouns after a day and month that make them a name ("18th March
/// Division", "the 6 October Bridge", "the March 15 Movement").
const NAMED_AFTER: &[&str] = &[
    "division",
    "brigade",
    "brigades",
    "battalion",
    "regiment",
    "movement",
    "front",
    "coalition",
    "alliance",
    "group",
    "square",
    "street",
    "bridge",
    "stadium",
    "hospital",
    "school",
    "university",
    "camp",
    "war",
    "uprising",
    "revolution",
    "martyrs",
    "city",
];

struct Parser<'a> {
    lo: &'a str,
    orig: &'a str,
    t: &'a [Tok],
    lex: &'static Lexicon,
    /// Whether the sentence has an [`ENDS`] word (quarters and "ago" can
    /// end in it), found at the first parse that asks: 0 not yet known.
    ends: Cell<u8>,
}

/// Month names and abbreviations: (word, month, abbreviated).
const MONTHS: &[(&str, u32, bool)] = &[
    ("january", 1, false),
    ("february", 2, false),
    ("march", 3, false),
    ("april", 4, false),
    ("may", 5, false),
    ("june", 6, false),
    ("july", 7, false),
    ("august", 8, false),
    ("september", 9, false),
    ("october", 10, false),
    ("november", 11, false),
    ("december", 12, false),
    ("jan", 1, true),
    ("feb", 2, true),
    ("mar", 3, true),
    ("apr", 4, true),
    ("jun", 6, true),
    ("jul", 7, true),
    ("aug", 8, true),
    ("sep", 9, true),
    ("sept", 9, true),
    ("oct", 10, true),
    ("nov", 11, true),
    ("dec", 12, true),
];

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Cardinal number words: (word, value).
const NUMBERS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const ORDINALS: &[&str] = &["first", "second", "third", "fourth"];

/// Seasons: (word, 1 spring … 4 winter).
const SEASONS: &[(&str, u32)] = &[("spring", 1), ("summer", 2), ("fall", 3), ("autumn", 3), ("winter", 4)];

/// Other words an expression can start with ("the third quarter", "last
/// week", "about ten days ago", "now"): the [`WEAK`] starters, and those
/// that make an expression alone.
const STARTERS: &[&str] = &concat::<56>(&[
    WEAK,
    &[
        "current",
        "currently",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "overnight",
        "now",
        "nowadays",
        "presently",
        "recently",
        "lately",
        "recent",
        "soon",
        "then",
    ],
]);

/// What a lexicon word is: its flags and, for the word classes the parser
/// asks about, its value (0 or `None` when it is not of that class).
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    flags: u8,
    /// Month 1–12, and whether the word is an abbreviation.
    month: u8,
    abbr: bool,
    /// Weekday 1 = Monday … 7.
    weekday: u8,
    /// Cardinal number word value.
    number: u8,
    /// "first" 1 … "fourth" 4.
    ordinal: u8,
    /// Spring 1 … winter 4.
    season: u8,
    unit: Option<Unit>,
    /// "twenties" 2 … "nineties" 9.
    decade: u8,
}

/// The info of every word no list names.
const NONE: Info =
    Info { flags: 0, month: 0, abbr: false, weekday: 0, number: 0, ordinal: 0, season: 0, unit: None, decade: 0 };

/// Lexicon flags: the word can start an expression; it cannot stand alone
/// ([`WEAK`]); it can continue one begun by a weak starter ([`FOLLOW`]).
const START: u8 = 1;
const WEAK_START: u8 = 2;
const CONTINUES: u8 = 4;
/// The word a quarter or "N units ago" expression cannot do without (one
/// of [`END_WORDS`]): sentences without one skip those parses.
const ENDS: u8 = 8;

/// Every quarter or half expression has "quarter", "period", "half" or
/// "year-ago"/"year-earlier"; every "N units ago" has "ago" or "earlier".
const END_WORDS: &[&str] = &["quarter", "period", "half", "ago", "earlier"];

/// Words after "the Nth," that make the ordinal a rank in a race or a table
/// ("finished on the 4th, behind the leader"), not a day.
const RANK_AFTER: &[&str] = &["behind", "ahead", "trailing", "beating", "edging", "level"];

/// Every expression the parser returns holds a digit or a token that
/// starts with one of these words (those written with a capital only as a
/// capitalised token: months are): units, months and weekdays, seasons,
/// decades, spelled years, deictic and reference words, the heads of
/// quarters and "N units ago". A sentence with neither is not tokenized at
/// all ([`crate::segment::Sentence::dateless`]; the words are found in the
/// rule prefilter's pass). A parse that can end without one of them needs
/// its word here.
pub(crate) const HEADS: &[&str] = &[
    "day",
    "week",
    "month",
    "quarter",
    "year",
    "decade",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "nineteen",
    "eighteen",
    "thousand",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "overnight",
    "night",
    "morning",
    "afternoon",
    "evening",
    "now",
    "current",
    "present",
    "recent",
    "lately",
    "past",
    "future",
    "term",
    "soon",
    "date",
    "period",
    "half",
    "ago",
    "earlier",
];

/// The lexicon's words grouped by [`shape`]: the words of shape `k` are
/// `words[starts[k]..starts[k + 1]]`, one or two at most, so a word is
/// looked up with one table read and a comparison or two, and almost every
/// other word is turned away by an empty group before any comparison.
struct Lexicon {
    starts: Vec<u16>,
    words: Vec<(&'static str, Info)>,
}

/// Shapes: lengths up to 15, 32 first letters, 32 last letters.
const SHAPES: usize = 16 << 10;

/// Every word the scanner starts or continues an expression with, built once.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words: Vec<(&'static str, Info)> = Vec::new();
    let mut add = |w: &'static str, set: &dyn Fn(&mut Info)| match words.iter_mut().find(|e| e.0 == w) {
        Some(e) => set(&mut e.1),
        None => {
            let mut info = NONE;
            set(&mut info);
            words.push((w, info));
        }
    };
    let starters = STARTERS.iter().copied().chain(MONTHS.iter().map(|m| m.0)).chain(WEEKDAYS.iter().copied());
    let starters =
        starters.chain(NUMBERS.iter().map(|n| n.0)).chain(ORDINALS.iter().copied()).chain(SEASONS.iter().map(|s| s.0));
    for w in starters {
        add(w, &|i| i.flags |= START);
    }
    for w in WEAK {
        add(w, &|i| i.flags |= WEAK_START);
    }
    for w in FOLLOW {
        add(w, &|i| i.flags |= CONTINUES);
    }
    for w in END_WORDS {
        add(w, &|i| i.flags |= ENDS);
    }
    for &(w, m, abbr) in MONTHS {
        add(w, &|i| (i.month, i.abbr) = (m as u8, abbr));
    }
    for (d, w) in (1..).zip(WEEKDAYS.iter().copied()) {
        add(w, &|i| i.weekday = d);
    }
    for &(w, n) in NUMBERS {
        add(w, &|i| i.number = n as u8);
    }
    for (o, w) in (1..).zip(ORDINALS.iter().copied()) {
        add(w, &|i| i.ordinal = o);
    }
    for &(w, n) in SEASONS {
        add(w, &|i| i.season = n as u8);
    }
    for &(w, u) in UNITS {
        add(w, &|i| i.unit = Some(u));
    }
    for (d, w) in (2..).zip(DECADES.iter().copied()) {
        add(w, &|i| i.decade = d);
    }
    words.sort_by_key(|e| shape(e.0.as_bytes()));
    let mut starts = vec![0u16; SHAPES + 1];
    for e in &words {
        starts[shape(e.0.as_bytes()) + 1] += 1;
    }
    for k in 0..SHAPES {
        starts[k + 1] += starts[k];
    }
    Lexicon { starts, words }
});

/// Builds the [`LEXICON`] now, not in the first article that needs it
/// ([`crate::COMPILE_RULES`]).
pub(crate) fn compile_rules() {
    LazyLock::force(&LEXICON);
}

fn shape(b: &[u8]) -> usize {
    let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
    (b.len().min(15) << 10) | ((first as usize & 31) << 5) | (last as usize & 31)
}

/// For each (first letter, last letter) of [`shape`], a bit for each length
/// of the lexicon's words of that shape, built at compile time: most words
/// of a text have no such shape and are turned away without the lexicon.
static SHAPE_BITS: [[u16; 32]; 32] = {
    let mut t = [[0u16; 32]; 32];
    let lists: [&[&str]; 6] = [STARTERS, WEEKDAYS, ORDINALS, WEAK, FOLLOW, END_WORDS];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            mark_shape(&mut t, lists[l][i]);
            i += 1;
        }
        l += 1;
    }
    let mut i = 0;
    while i < MONTHS.len() {
        mark_shape(&mut t, MONTHS[i].0);
        i += 1;
    }
    let mut i = 0;
    while i < NUMBERS.len() {
        mark_shape(&mut t, NUMBERS[i].0);
        i += 1;
    }
    let mut i = 0;
    while i < SEASONS.len() {
        mark_shape(&mut t, SEASONS[i].0);
        i += 1;
    }
    t
};

const fn mark_shape(t: &mut [[u16; 32]; 32], w: &str) {
    let b = w.as_bytes();
    assert!(!b.is_empty() && b.len() <= 13, "lexicon words have 1 to 13 bytes");
    t[(b[0] & 31) as usize][(b[b.len() - 1] & 31) as usize] |= 1 << b.len();
}

/// The lexicon index plus one of `w`, 0 when it is not there.
fn lexicon(w: &[u8], lex: &Lexicon) -> u16 {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else { return 0 };
    if w.len() > 13 || SHAPE_BITS[(first & 31) as usize][(last & 31) as usize] & (1 << w.len()) == 0 {
        return 0;
    }
    let k = shape(w);
    let base = usize::from(lex.starts[k]);
    let group = &lex.words[base..usize::from(lex.starts[k + 1])];
    // The words of a group are short and share their length and ends: a
    // compare inline here costs less than a call to `memcmp` per word.
    group
        .iter()
        .position(|e| e.0.len() == w.len() && e.0.bytes().zip(w).all(|(a, &b)| a == b))
        .map_or(0, |p| (base + p + 1) as u16)
}

/// Calendar unit words.
const UNITS: &[(&str, Unit)] = &[
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("quarter", Unit::Quarter),
    ("quarters", Unit::Quarter),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("decade", Unit::Decade),
    ("decades", Unit::Decade),
];

/// Decade words, "twenties" 2 to "nineties" 9.
const DECADES: &[&str] =
    &["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];

impl<'a> Parser<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.lo[t.s as usize..t.e as usize])
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.w(i) == s
    }

    /// What token `i` is in the lexicon ([`NONE`] past the end and for other words).
    fn info(&self, i: usize) -> Info {
        match self.t.get(i) {
            Some(t) if t.lex > 0 => self.lex.words[usize::from(t.lex) - 1].1,
            _ => NONE,
        }
    }

    fn month_word(&self, i: usize) -> Option<(u32, bool)> {
        let info = self.info(i);
        (info.month > 0).then_some((u32::from(info.month), info.abbr))
    }

    fn weekday_word(&self, i: usize) -> Option<u32> {
        let d = self.info(i).weekday;
        (d > 0).then(|| u32::from(d) - 1)
    }

    /// Cardinal number words up to ninety-nine's parts.
    fn number_word(&self, i: usize) -> Option<u32> {
        let n = self.info(i).number;
        (n > 0).then_some(u32::from(n))
    }

    fn unit_word(&self, i: usize) -> Option<Unit> {
        self.info(i).unit
    }

    /// The sentence has an [`ENDS`] word.
    fn ends(&self) -> bool {
        if self.ends.get() == 0 {
            let any = self.t.iter().any(|t| t.lex > 0 && self.lex.words[usize::from(t.lex) - 1].1.flags & ENDS != 0);
            self.ends.set(if any { 2 } else { 1 });
        }
        self.ends.get() == 2
    }

    fn kind(&self, i: usize) -> Option<TokKind> {
        self.t.get(i).map(|t| t.kind)
    }

    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| self.orig.as_bytes()[t.s as usize].is_ascii_uppercase())
    }

    /// Token `i` touches token `i - 1` (no space between).
    fn adj(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && self.t[i - 1].e == self.t[i].s
    }

    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.t.get(i)?;
        (t.num != NO_NUM).then(|| (u32::from(t.num), (t.e - t.s) as usize))
    }

    /// A day of the month, with an optional ordinal suffix: (day, next token).
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        let (d, len) = self.num(i)?;
        if len > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let j = if matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") && self.adj(i + 1) { i + 2 } else { i + 1 };
        // "3.5" or "3,000" are numbers, not days.
        if matches!(self.w(j), "." | ",") && self.adj(j) && self.kind(j + 1) == Some(TokKind::Num) && self.adj(j + 1) {
            return None;
        }
        Some((d, j))
    }

    /// A four-digit year standing alone: (year, next token).
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        let (y, len) = self.num(i)?;
        if len != 4 || !(1000..=2199).contains(&y) {
            return None;
        }
        if i > 0 && self.adj(i) && matches!(self.w(i - 1), "$" | "," | "." | "#" | "/" | ":") {
            return None;
        }
        let next = self.w(i + 1);
        if self.adj(i + 1) && (matches!(next, "," | "." | ":" | "/") && self.kind(i + 2) == Some(TokKind::Num)) {
            return None;
        }
        if self.adj(i + 1) && matches!(next, "%" | "s") {
            return None;
        }
        let year_preposition =
            i > 0 && matches!(self.w(i - 1), "in" | "since" | "until" | "by" | "before" | "after" | "during");
        if COUNTED.contains(&next) || !year_preposition && self.street_after(i + 1) {
            return None;
        }
        Some((y as i32, i + 1))
    }

    /// Whether a street name starts at token `j`, so the number before it
    /// is a house number: capitalised words (and "E.", "N.") up to a street
    /// word, as in "1935 Cedar St." or "1200 W. Lake Avenue"; not "the 2009
    /// County Fair". (After "in", "since" and the like it is a year: "In
    /// 1995 Main Street was rebuilt".)
    fn street_after(&self, j: usize) -> bool {
        let mut k = j;
        while k < j + 6 && self.kind(k) == Some(TokKind::Word) && self.cap(k) {
            if STREETS.contains(&self.w(k)) {
                return k > j;
            }
            k += if self.is(k + 1, ".") && self.adj(k + 1) { 2 } else { 1 };
        }
        false
    }

    /// A month name (capitalised, "May" and "March" only where a date is
    /// plainly meant): (month, next token).
    fn month(&self, i: usize, guarded: bool) -> Option<(u32, usize)> {
        let (m, abbr) = self.month_word(i)?;
        if !self.cap(i) {
            return None;
        }
        let j = if abbr && self.is(i + 1, ".") && self.adj(i + 1) { i + 2 } else { i + 1 };
        if abbr && j == i + 1 && self.w(i).len() == 3 && !matches!(self.kind(j), Some(TokKind::Num)) {
            // "Mar", "Dec" without a full stop or a number: a name, not a month.
            return None;
        }
        if guarded && matches!(m, 3 | 5) && !abbr {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let dated = matches!(prev, "in" | "since" | "by" | "until" | "of" | "early" | "late" | "mid" | "-")
                || self.day(j).is_some()
                || self.year(j).is_some();
            if !dated {
                return None;
            }
        }
        Some((m, j))
    }

    /// "," then optionally a year, in digits or words.
    fn comma_year(&self, j: usize) -> Option<(i32, usize)> {
        let k = if self.is(j, ",") { j + 1 } else { j };
        self.year(k).or_else(|| self.spelled_year(k))
    }

    /// Spelled year: "nineteen ninety-six", "two thousand".
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.is(i, "nineteen") || self.is(i, "eighteen") {
            let century = if self.is(i, "nineteen") { 1900 } else { 1800 };
            let tens = self.number_word(i + 1).filter(|n| *n >= 20 && n % 10 == 0)?;
            if self.is(i + 2, "-")
                && let Some(u) = self.number_word(i + 3).filter(|n| (1..10).contains(n))
            {
                return Some((century + (tens + u) as i32, i + 4));
            }
            return Some((century + tens as i32, i + 2));
        }
        if self.is(i, "two") && self.is(i + 1, "thousand") {
            let mut j = i + 2;
            if self.is(j, "and") {
                j += 1;
            }
            if let Some(u) = self.number_word(j).filter(|n| (1..20).contains(n)) {
                return Some((2000 + u as i32, j + 1));
            }
            return Some((2000, j));
        }
        None
    }

    /// A count for "N units ago": digits, words, "a", "a few": (n, next token), n = 0 when vague.
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        let mut i = i;
        // Hedges that do not change the value.
        loop {
            match self.w(i) {
                "about" | "nearly" | "almost" | "some" | "roughly" | "around" | "just" | "only" | "over" => i += 1,
                "more" | "less" if self.is(i + 1, "than") => i += 2,
                _ => break,
            }
        }
        if let Some((n, len)) = self.num(i)
            && len <= 3
        {
            return Some((n, i + 1));
        }
        let w = self.w(i);
        if let Some(n) = self.number_word(i) {
            if n >= 20
                && self.is(i + 1, "-")
                && let Some(u) = self.number_word(i + 2).filter(|u| *u < 10)
            {
                return Some((n + u, i + 3));
            }
            return Some((n, i + 1));
        }
        match w {
            "a" | "an" if self.is(i + 1, "few") => Some((0, i + 2)),
            "a" if self.is(i + 1, "couple") && self.is(i + 2, "of") => Some((2, i + 3)),
            "a" | "an" => Some((1, i + 1)),
            "several" | "few" => Some((0, i + 1)),
            _ => None,
        }
    }

    /// The longest expression starting at token `i`: (expr, part, approximate, end token).
    fn parse(&self, i: usize) -> Option<(Expr, Part, bool, usize)> {
        if i > 0 && matches!(self.w(i - 1), "each" | "every") {
            return None; // "each July": a set of times, not a date.
        }
        let (part, j) = self.part(i);
        if let Some((e, approx, k)) = self.core(j) {
            return Some((e, part, approx, k));
        }
        if let Some((e, part, k)) = self.this_period(i, part, j) {
            return Some((e, part, false, k));
        }
        None
    }

    /// The anchor's own year or month named without "this": "the end of the
    /// year", "earlier in the year", "the current fiscal year", "year-end".
    fn this_period(&self, i: usize, part: Part, j: usize) -> Option<(Expr, Part, usize)> {
        let this = |unit: Unit, part: Part, k: usize| Some((Expr::UnitShift { unit, n: 0 }, part, k));
        if part != Part::Whole {
            let k = if part == Part::Before && self.is(j, "in") { j + 1 } else { j };
            if self.is(k, "the")
                && let Some(unit) = self.unit_word(k + 1).filter(|u| *u != Unit::Day)
            {
                return this(unit, part, k + 2);
            }
        }
        if part == Part::Whole && self.is(i, "the") {
            let mut k = i + 1;
            while matches!(self.w(k), "current" | "full" | "fiscal" | "calendar") {
                k += 1;
            }
            // Bare "the year" ("for the year", "a high for the year") is the
            // anchor's, but not "the year before", "the year of the flood",
            // "the year 2000", "the year-ago quarter", nor a fiscal year
            // ("the year ended March 31", "the year to March"); nor a title
            // ("Man of the Year": the year is written lowercase).
            let bare_other = || {
                matches!(
                    self.w(k + 1),
                    "before"
                        | "after"
                        | "earlier"
                        | "later"
                        | "ago"
                        | "of"
                        | "when"
                        | "that"
                        | "in"
                        | "ended"
                        | "ending"
                ) || self.is(k + 1, "to") && self.cap(k + 2)
                    || matches!(self.kind(k + 1), Some(TokKind::Num))
                    || self.number_word(k + 1).is_some()
            };
            if self.is(k, "year") && !self.cap(k) && !matches!(self.w(k + 1), "'" | "-") && (k > i + 1 || !bare_other())
            {
                return this(Unit::Year, part, k + 1);
            }
        }
        // "year-end", "year end", "year's end".
        if part == Part::Whole && self.is(i, "year") {
            let k = match (self.w(i + 1), self.w(i + 2), self.w(i + 3)) {
                ("-", "end", _) => i + 3,
                ("end", _, _) => i + 2,
                ("'", "s", "end") => i + 4,
                _ => return None,
            };
            return this(Unit::Year, Part::Late, k);
        }
        None
    }

    /// A leading part-of-period modifier: (part, first token after it).
    fn part(&self, i: usize) -> (Part, usize) {
        match self.w(i) {
            "early" => (Part::Early, i + 1),
            "late" | "later" if self.is(i, "late") || self.is(i + 1, "yesterday") || self.is(i + 1, "today") => {
                (Part::Late, i + 1)
            }
            "earlier" if matches!(self.w(i + 1), "this" | "in") => (Part::Before, i + 1),
            "later" if self.is(i + 1, "this") => (Part::After, i + 1),
            "mid" => (Part::Mid, if self.is(i + 1, "-") { i + 2 } else { i + 1 }),
            "the" if matches!(self.w(i + 1), "early" | "late") && !self.is(i + 2, "-") => {
                (if self.is(i + 1, "early") { Part::Early } else { Part::Late }, i + 2)
            }
            "the" if self.is(i + 2, "of") => match self.w(i + 1) {
                "beginning" | "start" => (Part::Early, i + 3),
                "middle" => (Part::Mid, i + 3),
                "end" => (Part::Late, i + 3),
                _ => (Part::Whole, i),
            },
            _ => (Part::Whole, i),
        }
    }

    fn core(&self, i: usize) -> Option<(Expr, bool, usize)> {
        match self.kind(i)? {
            TokKind::Num => self.core_number(i),
            TokKind::Word => self.core_word(i),
            TokKind::Punct => None,
        }
    }

    /// Expressions that start with digits: "2017-11-03", "3 November", "2014", "the 1990s", "ten days ago".
    fn core_number(&self, i: usize) -> Option<(Expr, bool, usize)> {
        if let Some((e, j)) = self.numeric(i).or_else(|| self.day_led(i)) {
            return Some((e, false, j));
        }
        if let Some((y, j)) = self.year(i) {
            return Some((Expr::Year(y), false, j));
        }
        if let Some((e, j)) = self.decade(i).or_else(|| self.century(i)).or_else(|| self.quarter(i)) {
            return Some((e, false, j));
        }
        self.ago(i)
    }

    fn core_word(&self, i: usize) -> Option<(Expr, bool, usize)> {
        if let Some((wd, j)) = self.weekday_word(i).filter(|_| self.cap(i)).map(|wd| (wd, i + 1)) {
            // "Saturday, April 25": the date wins, also in brackets ("Tuesday
            // (12 March)").
            let k = if matches!(self.w(j), "," | "(") { j + 1 } else { j };
            if let Some((e, end)) = self.month_led(k).or_else(|| self.day_led(k)) {
                let end = if self.is(j, "(") && self.is(end, ")") { end + 1 } else { end };
                if !self.is(j, "(") || self.is(end - 1, ")") {
                    return Some((e, false, end));
                }
            }
            return Some((Expr::Weekday { wd, rel: Rel::None }, false, j));
        }
        // Only "the" before digits can start a century.
        let century = || (self.kind(i + 1) == Some(TokKind::Num)).then(|| self.century(i)).flatten();
        if let Some(r) = self.month_led(i).or_else(|| self.decade(i)).or_else(century) {
            return Some((r.0, false, r.1));
        }
        if let Some(r) = self.day_of_month(i) {
            return Some((r.0, false, r.1));
        }
        if let Some((y, j)) = self.spelled_year(i).filter(|(_, j)| self.unit_word(*j).is_none()) {
            return Some((Expr::Year(y), false, j));
        }
        if let Some(r) = self.quarter(i) {
            return Some((r.0, false, r.1));
        }
        if let Some(r) = self.ago(i) {
            return Some(r);
        }
        if let Some(r) = self.relative(i).or_else(|| self.reference(i)) {
            return Some((r.0, false, r.1));
        }
        None
    }

    /// "2017-11-03", "17/11/2018", "17.11.2018", "2018/11/17".
    fn numeric(&self, i: usize) -> Option<(Expr, usize)> {
        let (a, alen) = self.num(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.adj(i + 1) || !self.adj(i + 2) {
            return None;
        }
        let (b, blen) = self.num(i + 2)?;
        if self.w(i + 3) != sep || !self.adj(i + 3) || !self.adj(i + 4) {
            return None;
        }
        let (c, clen) = self.num(i + 4)?;
        let (y, m, d) = if alen == 4 && blen <= 2 && clen <= 2 {
            (a, b, c)
        } else if alen <= 2 && blen <= 2 && clen == 4 {
            // Day first unless the second number cannot be a month.
            if b > 12 { (c, a, b) } else { (c, b, a) }
        } else {
            return None;
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        Some((Expr::Date { y: Some(y as i32), m, d }, i + 5))
    }

    /// "November 3, 2017", "Nov. 3", "November 2017", "September", "June last year".
    fn month_led(&self, i: usize) -> Option<(Expr, usize)> {
        let (m, j) = self.month(i, true)?;
        if let Some((d, k)) = self.day(j) {
            // "March 31, 1990" or "March 31"; but "June 1994" is a month.
            if let Some((y, l)) = self.comma_year(k) {
                return Some((Expr::Date { y: Some(y), m, d }, l));
            }
            if NAMED_AFTER.contains(&self.w(k)) {
                return None; // "the October 6 Bridge"
            }
            return Some((Expr::Date { y: None, m, d }, k));
        }
        if let Some((y, k)) = self.comma_year(j) {
            return Some((Expr::Month { y: Some(y), m, rel: Rel::None }, k));
        }
        if self.is(j, "of")
            && let Some((y, k)) = self.year(j + 1)
        {
            return Some((Expr::Month { y: Some(y), m, rel: Rel::None }, k));
        }
        if let Some((shift, k)) = self.year_shift(j) {
            return Some((Expr::MonthOfYear { m, shift }, k));
        }
        if NAMED_AFTER.contains(&self.w(j)) {
            return None; // "the October War", "6 October Bridge"
        }
        Some((Expr::Month { y: None, m, rel: Rel::None }, j))
    }

    /// "last year", "this year", "next year" (also after "of"): (years from the anchor's, next token).
    fn year_shift(&self, j: usize) -> Option<(i32, usize)> {
        let j = if self.is(j, "of") { j + 1 } else { j };
        let shift = match self.w(j) {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        self.is(j + 1, "year").then_some((shift, j + 2))
    }

    /// "3 November 2017", "25th of July", "3 Nov"; not "18th March Division".
    fn day_led(&self, i: usize) -> Option<(Expr, usize)> {
        let (d, j) = self.day(i)?;
        let j = if self.is(j, "of") { j + 1 } else { j };
        let (m, k) = self.month(j, false)?;
        if let Some((y, l)) = self.comma_year(k) {
            return Some((Expr::Date { y: Some(y), m, d }, l));
        }
        if NAMED_AFTER.contains(&self.w(k)) {
            return None;
        }
        Some((Expr::Date { y: None, m, d }, k))
    }

    /// A day of the month named alone after a preposition: "on the 10th,",
    /// "by the 3rd."; not "on the 10th floor" nor "the 3rd Division", not
    /// one of a list of ordinals ("from the 2nd, 5th and 9th battalions":
    /// units, floors, places in a race), not a rank ("on the 4th, behind
    /// the leader").
    fn day_of_month(&self, i: usize) -> Option<(Expr, usize)> {
        if !self.is(i, "the") || i == 0 || !matches!(self.w(i - 1), "on" | "by" | "until" | "since" | "from") {
            return None;
        }
        let (d, j) = self.day(i + 1)?;
        if j != i + 3 || self.kind(j) == Some(TokKind::Word) {
            return None;
        }
        let k = if self.is(j, ",") { j + 1 } else { j };
        let k = if matches!(self.w(k), "and" | "or" | "&") { k + 1 } else { k };
        let listed = k > j && self.num(k).is_some() && matches!(self.w(k + 1), "st" | "nd" | "rd" | "th");
        let ranked = self.is(j, ",") && RANK_AFTER.contains(&self.w(j + 1));
        (!listed && !ranked).then_some((Expr::DayOfMonth(d), j))
    }

    /// "the 1990s", "the mid-1980s", "the nineties".
    fn decade(&self, i: usize) -> Option<(Expr, usize)> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let j = match self.w(j) {
            "early" | "late" => j + 1,
            "mid" if self.is(j + 1, "-") => j + 2,
            _ => j,
        };
        if let Some((y, len)) = self.num(j)
            && len == 4
            && y % 10 == 0
            && self.is(j + 1, "s")
            && self.adj(j + 1)
        {
            return Some((Expr::Decade(y as i32 / 10), j + 2));
        }
        let d = self.info(j).decade;
        if j > i && d > 0 {
            return Some((Expr::DecadeOfCentury(i32::from(d)), j + 1));
        }
        None
    }

    /// "the 20th century", "11th-century": the century's number in digits
    /// with its ordinal suffix.
    fn century(&self, i: usize) -> Option<(Expr, usize)> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let (n, len) = self.num(j)?;
        if len > 2 || n == 0 || !matches!(self.w(j + 1), "st" | "nd" | "rd" | "th") || !self.adj(j + 1) {
            return None;
        }
        let k = if self.is(j + 2, "-") { j + 3 } else { j + 2 };
        // "Century" capitalised before another capitalised word is a name ("21st Century Fox").
        let name = self.cap(k) && self.kind(k + 1) == Some(TokKind::Word) && self.cap(k + 1);
        (self.is(k, "century") && !name).then_some((Expr::Century(n as i32 - 1), k + 1))
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "the quarter",
    /// "the year-ago period", "the first half of 1990".
    fn quarter(&self, i: usize) -> Option<(Expr, usize)> {
        if !self.ends() {
            return None;
        }
        let mut j = i;
        let mut det = false;
        if matches!(self.w(j), "the" | "its" | "this" | "that" | "a") && !self.is(j + 1, "year") {
            det = true;
            j += 1;
        }
        let mut y = None;
        let mut q = None;
        let mut shift = 0;
        if let Some((n, k)) = self.year_shift(j).filter(|(_, k)| self.is(*k, "'") && self.is(k + 1, "s")) {
            shift = n;
            det = true;
            j = k + 2;
        }
        let mut year_ago = false;
        let mut current = false;
        let mut latest = false;
        // Modifiers, in any order, up to "quarter"/"period"/"half".
        for _ in 0..6 {
            let w = self.w(j);
            if let Some((yy, k)) = self.year(j) {
                y = Some(yy);
                j = k;
            } else if matches!(w, "last" | "latter") && self.is(j + 1, "half") {
                q = Some(2);
                j += 1;
            } else if let o @ 1.. = self.info(j).ordinal {
                q = Some(u32::from(o));
                j += 1;
            } else if let Some((n, _)) = self.num(j).filter(|_| matches!(self.w(j + 1), "st" | "nd" | "rd" | "th")) {
                q = Some(n);
                j += 2;
            } else if w == "year" && self.is(j + 1, "-") && matches!(self.w(j + 2), "ago" | "earlier") {
                year_ago = true;
                j += 3;
            } else if w == "year" && self.is(j + 1, "'") && self.is(j + 2, "s") && det {
                // "this year's third quarter".
                j += 3;
            } else if matches!(w, "current") {
                current = true;
                j += 1;
            } else if matches!(w, "latest" | "comparable" | "corresponding" | "same") {
                latest = true;
                j += 1;
            } else if matches!(w, "fiscal" | "-" | "flat" | "calendar") {
                j += 1;
            } else {
                break;
            }
        }
        let head = self.w(j);
        let is_half = head == "half" && q.is_some_and(|q| (1..=2).contains(&q));
        if head != "quarter" && head != "period" && !is_half {
            // "year-earlier" alone: the same period a year back.
            if year_ago && q.is_none() && y.is_none() && j > i {
                return Some((Expr::YearAgoQuarter, j));
            }
            return None;
        }
        if head == "quarter" && (self.is(i, "a") && q.is_none() || self.is(j + 1, "-")) {
            return None; // "a quarter of the town", "a quarter-century".
        }
        if head == "period" && !(year_ago || latest || y.is_some()) {
            return None;
        }
        if head == "quarter" && !(det || q.is_some() || year_ago || current || latest || y.is_some()) {
            return None;
        }
        let mut k = j + 1;
        if self.is(k, "of")
            && let Some((yy, l)) = self.year(k + 1)
        {
            y = Some(yy);
            k = l;
        }
        // "the quarter a year ago", "the corresponding period last year".
        if self.is(k, "a") && self.is(k + 1, "year") && matches!(self.w(k + 2), "ago" | "earlier") {
            year_ago = true;
            k += 3;
        } else if self.is(k, "last") && self.is(k + 1, "year") {
            year_ago = true;
            k += 2;
        }
        if is_half {
            if y.is_none() && self.is(k, "of") {
                return None; // "the last half of the '80s"
            }
            return Some((Expr::Half { h: q.unwrap_or(1), y }, k));
        }
        if year_ago {
            shift -= 1;
        }
        let qr = match q {
            Some(q) if (1..=4).contains(&q) => QuarterRef::Ordinal(q),
            Some(_) => return None,
            None if year_ago => QuarterRef::YearAgo,
            None if current || self.is(i, "this") => QuarterRef::Current,
            None => QuarterRef::Context,
        };
        Some((Expr::Quarter { q: qr, y, shift }, k))
    }

    /// "ten days ago", "a year earlier", "two weeks ago", "a week or so ago".
    fn ago(&self, i: usize) -> Option<(Expr, bool, usize)> {
        if !self.ends() {
            return None;
        }
        let (n, j) = self.count(i)?;
        let unit = self.unit_word(j)?;
        let mut k = j + 1;
        if self.is(k, "or") && self.is(k + 1, "so") {
            k += 2;
        }
        match self.w(k) {
            "ago" => {}
            // "a year earlier" is the anchor's year before; "a day earlier" is relative to another event.
            "earlier" if unit == Unit::Year => {}
            _ => return None,
        }
        if n == 0 {
            return Some((Expr::Ref("PAST_REF"), false, k + 1));
        }
        let approximate = unit == Unit::Day && n > 2;
        Some((Expr::Ago { unit, n: -(n as i32) }, approximate, k + 1))
    }

    /// Words and phrases relative to the publication date.
    fn relative(&self, i: usize) -> Option<(Expr, usize)> {
        let w = self.w(i);
        match w {
            "today" | "tonight" => return Some((Expr::DayShift(0), i + 1)),
            "yesterday" => return Some((Expr::DayShift(-1), i + 1)),
            "tomorrow" => return Some((Expr::DayShift(1), i + 1)),
            "overnight" => return Some((Expr::DayShift(-1), i + 1)),
            _ => {}
        }
        if w == "the" && self.is(i + 1, "day") && self.is(i + 2, "before") && self.is(i + 3, "yesterday") {
            return Some((Expr::DayShift(-2), i + 4));
        }
        let anaphor = match w {
            "that" => Some((0, i + 1)),
            "the" if matches!(self.w(i + 1), "following" | "next") => Some((1, i + 2)),
            "the" if self.is(i + 1, "previous") && self.is(i + 2, "day") => Some((-1, i + 2)),
            _ => None,
        };
        // "the next day" counts from the day the text named last, "the next
        // month" from the anchor; "that day" is left alone (often no date:
        // "we saw that day as a turning point").
        let counted = |u: &Unit| match u {
            Unit::Month | Unit::Year => !self.is(i + 1, "next"),
            Unit::Day => w == "the",
            _ => false,
        };
        if let Some((n, j)) = anaphor
            && let Some(unit) = self.unit_word(j).filter(counted)
            && !self.w(j).ends_with('s')
        {
            return Some((Expr::Anaphor { unit, n }, j + 1));
        }
        let (rel, j) = match w {
            "last" | "past" | "previous" => (Rel::Last, i + 1),
            "this" if self.is(i + 1, "past") => (Rel::Last, i + 2),
            "this" if self.is(i + 1, "coming") => (Rel::Next, i + 2),
            "this" | "current" => (Rel::This, i + 1),
            "next" | "coming" => (Rel::Next, i + 1),
            "the" => match self.w(i + 1) {
                "past" | "last" | "previous" if matches!(self.w(i + 2), "year" | "month" | "week" | "decade") => {
                    (Rel::Last, i + 2)
                }
                "coming" | "next" if matches!(self.w(i + 2), "year" | "month" | "week" | "decade") => {
                    (Rel::Next, i + 2)
                }
                "current" => (Rel::This, i + 2),
                _ => (Rel::None, i + 1),
            },
            _ => (Rel::None, i),
        };
        let this_past = w == "this" && self.is(i + 1, "past");
        let x = self.w(j);
        if rel == Rel::None {
            // Bare "the weekend", "the summer", "summer", "in summer".
            if x == "weekend" && j > i {
                return Some((Expr::Weekend(Rel::None), j + 1));
            }
            let dated = i > 0 && matches!(self.w(i - 1), "in" | "early" | "late" | "mid" | "-");
            if let s @ 1.. = self.info(j).season
                && (j > i || dated)
                && !self.fall_as_noun(i, j)
            {
                return Some(self.season_year(u32::from(s), Rel::None, j + 1));
            }
            return None;
        }
        match x {
            "night" if w == "last" => return Some((Expr::DayShift(-1), j + 1)),
            "morning" | "afternoon" | "evening" | "night" if w == "this" => return Some((Expr::DayShift(0), j + 1)),
            "weekend" => return Some((Expr::Weekend(rel), j + 1)),
            _ => {}
        }
        if let Some(wd) = self.weekday_word(j).filter(|_| self.cap(j)) {
            let rel = if this_past { Rel::Last } else { rel };
            // "this coming Sunday, March eighth" keeps the weekday's value.
            return Some((Expr::Weekday { wd, rel }, j + 1));
        }
        if let Some((m, k)) = self.month(j, false) {
            let rel = if this_past { Rel::Last } else { rel };
            return Some((Expr::Month { y: None, m, rel }, k));
        }
        if let s @ 1.. = self.info(j).season {
            let rel = if this_past { Rel::This } else { rel };
            return Some(self.season_year(u32::from(s), rel, j + 1));
        }
        let unit = self.unit_word(j).filter(|_| !x.ends_with('s'))?;
        let n = match rel {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => 0,
        };
        if unit == Unit::Quarter {
            return None; // quarters are [`Parser::quarter`]'s.
        }
        // "the past year" is the previous calendar year in TimeML, as "last year".
        Some((Expr::UnitShift { unit, n }, j + 1))
    }

    /// Whether "fall" at token `j` (after "the" or "in" at `i`) is the noun
    /// of falling, not autumn: "the fall of the city", "the fall of shells",
    /// "the fall in prices"; but "the fall of 1997" and "in the fall in
    /// Ohio" are autumn.
    fn fall_as_noun(&self, i: usize, j: usize) -> bool {
        let next = self.w(j + 1);
        if !self.is(j, "fall") || !(next == "of" || PREPOSITIONS.contains(&next)) {
            return false;
        }
        if next == "of" {
            return self.year(j + 2).or_else(|| self.spelled_year(j + 2)).is_none();
        }
        !(i > 0 && matches!(self.w(i - 1), "in" | "during" | "until" | "till" | "through"))
    }

    /// A season's year when written after it: "the summer of 1997", "spring 2008".
    fn season_year(&self, s: u32, rel: Rel, j: usize) -> (Expr, usize) {
        let k = if self.is(j, "of") { j + 1 } else { j };
        if let Some((y, k)) = self.year(k).or_else(|| self.spelled_year(k)) {
            return (Expr::Season { s, y: Some(y), rel: Rel::None }, k);
        }
        (Expr::Season { s, y: None, rel }, j)
    }

    /// PRESENT_REF, PAST_REF, FUTURE_REF words.
    fn reference(&self, i: usize) -> Option<(Expr, usize)> {
        let w = self.w(i);
        let present = Expr::Ref("PRESENT_REF");
        let past = Expr::Ref("PAST_REF");
        let future = Expr::Ref("FUTURE_REF");
        match w {
            "now" => Some((present, i + 1)),
            "right" if self.is(i + 1, "now") => Some((present, i + 2)),
            "currently" | "nowadays" | "presently" => Some((present, i + 1)),
            "then" if self.is(i + 1, "current") => Some((past, i + 2)),
            "current" => Some((present, i + 1)),
            "these" if self.is(i + 1, "days") => Some((present, i + 2)),
            "at" if self.is(i + 1, "present") => Some((present, i + 2)),
            "recently" | "lately" => Some((past, i + 1)),
            "recent" if matches!(self.w(i + 1), "days" | "weeks" | "months" | "years" | "decades") => {
                Some((past, i + 2))
            }
            // "in the past", but not "in the past three months" (a duration).
            "in" if self.is(i + 1, "the") && self.is(i + 2, "past") && self.count(i + 3).is_none() => {
                if self.unit_word(i + 3).is_some() { None } else { Some((past, i + 3)) }
            }
            // Not "the future of the region" (what becomes of it).
            "the" if self.is(i + 1, "future") && !self.is(i + 2, "of") => Some((future, i + 2)),
            "the"
                if matches!(self.w(i + 1), "near" | "short" | "long") && matches!(self.w(i + 2), "future" | "term") =>
            {
                Some((future, i + 3))
            }
            "coming" if matches!(self.w(i + 1), "days" | "weeks" | "months" | "years" | "quarters") => {
                Some((future, i + 2))
            }
            // Not "as soon as", "soon after"; but "as soon as possible".
            "soon" if !(i > 0 && self.is(i - 1, "as") || matches!(self.w(i + 1), "after" | "as")) => {
                Some((future, i + 1))
            }
            "soon" if self.is(i + 1, "as") && self.is(i + 2, "possible") => Some((future, i + 3)),
            "a" if self.is(i + 1, "later") && self.is(i + 2, "date") => Some((future, i + 3)),
            // Past periods counted vaguely ("the last few months", "in past
            // years"), not measured ("the past three months" is a duration).
            "the" | "past" | "last" => {
                let (head, j) = match w {
                    "the" if matches!(self.w(i + 1), "past" | "last") => (self.w(i + 1), i + 2),
                    "the" => return None,
                    _ => (w, i + 1),
                };
                let vague = matches!(self.w(j), "few" | "several");
                let k = j + usize::from(vague);
                let plural = self.unit_word(k).is_some() && self.w(k).ends_with('s');
                (plural && (vague || head == "past")).then_some((past, k + 1))
            }
            _ => None,
        }
    }
}

/// Words before an expression that put it in the future.
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "ll",
    "expected",
    "expects",
    "expect",
    "scheduled",
    "plans",
    "planned",
    "upcoming",
    "would",
    "due",
    "effective",
    "payable",
    "starting",
    "beginning",
    "going",
];

/// Present-tense verbs that, governing a date, announce a schedule ("the
/// two sides meet on Monday", "the mandate expires on March 31", "families
/// sheltered in schools return home on June 9": nearer the date than the
/// participle, the verb decides).
const SCHEDULED: &[&str] = &[
    "meet",
    "meets",
    "resume",
    "resumes",
    "reconvene",
    "reconvenes",
    "convene",
    "convenes",
    "hear",
    "hears",
    "expire",
    "expires",
    "begin",
    "begins",
    "starts",
    "ends",
    "opens",
    "return",
    "arrive",
    "arrives",
    "travel",
    "travels",
    "leave",
];

/// Whether token `k` is a present-tense verb of a schedule: one of
/// [`SCHEDULED`] not used as a noun (after a determiner, a preposition or a
/// possessive: "the meet in May", "his resume"; a plain form only after a
/// plural, a name, a pronoun or a relative: "the two sides meet", not "the
/// state meet"), or "take(s) effect", "go(es) into effect", "come(s)/enter(s)
/// into force".
fn scheduled(p: &Parser<'_>, k: usize) -> bool {
    let before = |n: usize| if k >= n { p.w(k - n) } else { "" };
    match p.w(k) {
        "effect" => {
            matches!(before(1), "take" | "takes")
                || before(1) == "into" && matches!(before(2), "go" | "goes" | "come" | "comes")
        }
        "force" => before(1) == "into" && matches!(before(2), "come" | "comes" | "enter" | "enters"),
        w if SCHEDULED.contains(&w) => {
            let subject = w.ends_with('s')
                || matches!(before(1), "they" | "we" | "you" | "who" | "which" | "that")
                || before(1).len() > 3 && before(1).ends_with('s')
                || k > 0 && p.cap(k - 1);
            subject
                && !p.cap(k)
                && !DETERMINERS.contains(&before(1))
                && !PREPOSITIONS.contains(&before(1))
                && !matches!(before(1), "s" | "of" | "'")
        }
        _ => false,
    }
}

/// Irregular past-tense verbs common in news (regular ones end in "-ed").
const PAST_VERBS: &[&str] = &[
    "said", "was", "were", "had", "did", "met", "told", "came", "began", "took", "went", "held", "made", "gave", "saw",
    "fell", "rose", "won", "lost", "left", "got", "sent", "struck", "hit", "shot", "found", "broke", "brought", "led",
    "ran", "fought", "bought", "sold", "paid", "says", "say", "ago", "since", "overran", "seized", "blew", "threw",
];

/// Past verbs of asking: what they ask "for" may lie ahead of the asking
/// ("urged ... and called for a vote in June", said in March), so they
/// leave the tense open.
const REQUESTS: &[&str] = &["called", "asked", "appealed", "pressed", "pushed", "lobbied", "campaigned", "petitioned"];

/// Words that may stand before an expression that opens its clause ("In
/// January, ...", "On the night of ...").
const FILLER: &[&str] = &["on", "late", "early", "last", "this", "the", "at", "noon", "midnight", "night", "by", "in"];

/// Words after "to" that make it a preposition, not an infinitive ("moved
/// to a yearly budget").
const DETERMINERS: &[&str] = &["a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those"];

/// Prepositions that follow a verb ("moved from", "sold to").
const PREPOSITIONS: &[&str] =
    &["from", "to", "in", "on", "at", "by", "with", "for", "into", "over", "up", "out", "off"];

/// Reporting verbs: what follows them is another clause.
const REPORTING: &[&str] = &["said", "says", "say", "told", "added"];

/// Words that open a new clause (a relative or subordinate one): the verbs
/// before them belong to another clause.
const CLAUSE_OPENERS: &[&str] =
    &["which", "who", "whom", "whose", "while", "because", "although", "whereas", "unless", "if"];

/// A safety bound on how many tokens back a clause's governing verb is looked
/// for. The clause itself ends at punctuation, a clause opener
/// ([`CLAUSE_OPENERS`]) or a reporting verb; a single clause of news prose
/// rarely runs longer than this.
const CLAUSE_TOKENS: usize = 20;

/// Tense of the clause before token `i`. The nearest verb-like word
/// decides past ("said Friday", "closed Wednesday") unless it is passive
/// ("to be released in November"); otherwise the nearest future cue or
/// past verb in the clause decides ("will meet on Thursday", "set to resume
/// Monday", "payable Jan. 2"; "seized the port in March"); an expression that
/// opens its clause ("In January, ...") takes the tense of the first verb
/// after it. "by February" is future unless a past verb governs it. A past
/// request for something ([`REQUESTS`]) leaves the tense open.
fn tense(p: &Parser<'_>, i: usize, end: usize) -> Tense {
    let mut wide = i.saturating_sub(CLAUSE_TOKENS)..i;
    for k in wide.clone().rev() {
        if p.kind(k) == Some(TokKind::Punct) && !matches!(p.w(k), "-" | "'") || CLAUSE_OPENERS.contains(&p.w(k)) {
            wide.start = k + 1;
            break;
        }
    }
    let clause = wide.start.max(i.saturating_sub(8))..i;
    // Not passive ("to be released in November") nor after a modal, "to"
    // or "will have" ("will hit the exporters on Feb. 11").
    let past = |k: usize| {
        let w = p.w(k);
        let governed = k > 0
            && matches!(p.w(k - 1), "be" | "been" | "being" | "to" | "will" | "would" | "shall" | "ll")
            || k > 1 && p.is(k - 1, "have") && matches!(p.w(k - 2), "will" | "shall" | "ll");
        !governed && (PAST_VERBS.contains(&w) || (w.len() > 4 && w.ends_with("ed") && !FUTURE_CUES.contains(&w)))
    };
    // "by Friday" is a deadline ahead unless the clause is past ("had
    // filed their reports by Wednesday"), but not a past request or
    // intention ("asked it to respond by Oct. 31").
    if i > 0 && p.is(i - 1, "by") {
        let had = clause.clone().any(|k| p.is(k, "had"));
        let to = clause.clone().any(|k| p.is(k, "to"));
        return if had || !to && clause.clone().any(past) { Tense::Past } else { Tense::Future };
    }
    let to_verb = |k: usize| {
        p.is(k, "to")
            && !(k > 0 && p.is(k - 1, "according"))
            && p.kind(k + 1) == Some(TokKind::Word)
            && p.info(k + 1).flags & START == 0
            && !DETERMINERS.contains(&p.w(k + 1))
    };
    // Beyond the nearest word a past verb must look like one: lowercase,
    // "-ed" before a determiner, a preposition, a name or a number
    // ("moved from", "closed their offices"), not before a noun ("armed
    // men", "an unnamed day"), nor after an article ("the displaced") nor
    // before "by" (a participle: "troops sent by the council"); a reporting
    // verb governs another clause ("said the talks resume on May 3"); a date
    // after "to" or "until" is a bound that may lie ahead of a past act
    // ("postponed to June 2"). A modal decides from anywhere in the clause
    // but "would have" is no future ("will have" is); an infinitive only
    // from near ("agreed to halt the shelling in March" is past).
    let nearest = wide.clone().rev().find(|&k| !FILLER.contains(&p.w(k)));
    let bound = i > 0 && matches!(p.w(i - 1), "to" | "until" | "till");
    let participle = |k: usize| {
        k > 0 && matches!(p.w(k - 1), "the" | "a" | "an")
            || p.is(k + 1, "by") && !(k > 0 && matches!(p.w(k - 1), "had" | "has" | "have"))
    };
    let verb = |k: usize| {
        !p.cap(k)
            && !participle(k)
            && (PAST_VERBS.contains(&p.w(k))
                || DETERMINERS.contains(&p.w(k + 1))
                || PREPOSITIONS.contains(&p.w(k + 1))
                || p.cap(k + 1)
                || p.kind(k + 1) == Some(TokKind::Num))
    };
    for k in wide.rev() {
        let cue = FUTURE_CUES.contains(&p.w(k)) && !(p.is(k, "would") && p.is(k + 1, "have")) || scheduled(p, k);
        if cue || to_verb(k) && clause.contains(&k) {
            return Tense::Future;
        }
        if p.is(k + 1, "for") && REQUESTS.contains(&p.w(k)) && past(k) {
            return Tense::Unknown;
        }
        if Some(k) == nearest {
            if past(k) {
                return Tense::Past;
            }
        } else if REPORTING.contains(&p.w(k)) {
            break;
        } else if !bound && past(k) && verb(k) {
            return Tense::Past;
        }
    }
    // An expression that opens its clause, set off by a comma, takes the
    // tense of the first verb after it ("In January, the company bought").
    if !p.is(end, ",") || !clause.clone().all(|k| FILLER.contains(&p.w(k))) {
        return Tense::Unknown;
    }
    for k in end + 1..(end + 7).min(p.t.len()) {
        if p.kind(k) == Some(TokKind::Punct) && !matches!(p.w(k), "-" | "'") {
            break;
        }
        if FUTURE_CUES.contains(&p.w(k)) || scheduled(p, k) {
            return Tense::Future;
        }
        if past(k) {
            return Tense::Past;
        }
    }
    Tense::Unknown
}

/// Starters that never make an expression alone ("the", "in", "about"):
/// worth parsing only when the next token could continue one.
const WEAK: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "this",
    "that",
    "these",
    "in",
    "at",
    "some",
    "about",
    "nearly",
    "almost",
    "roughly",
    "around",
    "just",
    "only",
    "over",
    "more",
    "less",
    "several",
    "few",
    "same",
    "right",
    "calendar",
    "flat",
    "comparable",
    "corresponding",
    "latest",
    "fiscal",
    "past",
    "previous",
    "coming",
    "next",
    "last",
    "early",
    "late",
    "later",
    "earlier",
    "mid",
    "year",
];

/// Words other than starters that can follow a weak starter in an expression.
const FOLLOW: &[&str] = &[
    "beginning",
    "start",
    "middle",
    "end",
    "future",
    "near",
    "short",
    "long",
    "day",
    "days",
    "weekend",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "quarter",
    "quarters",
    "period",
    "half",
    "present",
    "night",
    "morning",
    "afternoon",
    "evening",
    "couple",
    "than",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "decade",
    "decades",
    "full",
    "following",
];

/// Whether token `i` can continue an expression begun by a weak starter.
fn followed(p: &Parser<'_>, i: usize) -> bool {
    match p.kind(i) {
        Some(TokKind::Num) => true,
        Some(TokKind::Word) => p.info(i).flags & (START | CONTINUES) != 0,
        Some(TokKind::Punct) => matches!(p.w(i), "-" | "'"),
        None => false,
    }
}

/// Whether token `i` is "in" or "at" not starting "in the past" or "at
/// present", the only expressions they start ([`Parser::reference`]): "in
/// the", the commonest weak start, is then turned away before the parse.
fn idle_preposition(p: &Parser<'_>, i: usize) -> bool {
    match p.w(i) {
        "in" => !(p.is(i + 1, "the") && p.is(i + 2, "past")),
        "at" => !p.is(i + 1, "present"),
        _ => false,
    }
}

/// Whether tokens `i..end`, deictic words all capitalised, are a title
/// within the sentence, not a date: "VOA Today", "ABC News' "This Week"",
/// "the network's Today programme" (an acronym, a quoted title after a
/// name, or a possessive before them). Any other capitalised word before
/// is a subject ("Assad Today announced").
fn title_name(p: &Parser<'_>, i: usize, end: usize) -> bool {
    let deictic = (i..end).all(|k| p.kind(k) == Some(TokKind::Word) && p.cap(k))
        && matches!(p.w(i), "today" | "tonight" | "tomorrow" | "this" | "now");
    if !deictic || i == 0 {
        return false;
    }
    let quoted = matches!(p.w(i - 1), "\"" | "`") && i > 1;
    let k = if quoted { i - 2 } else { i - 1 };
    // An acronym: two letters or more, all capitals ("VOA", "USA").
    let acronym = |k: usize| {
        p.t.get(k).is_some_and(|t| {
            t.e - t.s >= 2 && p.orig.as_bytes()[t.s as usize..t.e as usize].iter().all(u8::is_ascii_uppercase)
        })
    };
    // Within a run of capitalised words ("the First Amendment Now Campaign").
    let run = !quoted && p.cap(k) && p.kind(end) == Some(TokKind::Word) && p.cap(end);
    match p.kind(k) {
        Some(TokKind::Word) => acronym(k) || quoted && p.cap(k) || run || p.is(k, "s") && k > 0 && p.is(k - 1, "'"),
        Some(TokKind::Punct) => p.is(k, "'") && k > 0 && p.kind(k - 1) == Some(TokKind::Word),
        _ => false,
    }
}

/// Parts of a day, one or many ("Tuesday nights" is a set of them).
const DAY_PARTS: &[&str] =
    &["morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights"];

/// Time zones written after a clock time ("4 p.m. GMT").
const TIME_ZONES: &[&str] = &["est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "bst", "cet"];

/// Whether the day of tokens `i..end` is named with a part of it or a
/// clock time: "tonight", "overnight", "last night", "this morning",
/// "Thursday evening", "yesterday afternoon", "noon Friday", "9 p.m.
/// Tuesday", "4 p.m. GMT, March 2", "the night of May 3", "Friday and
/// Saturday nights", and a clock time joined to the day on either side:
/// "at 6 a.m. on Sunday", "6 a.m. local time Sunday", "Sunday at 6 a.m.",
/// "on Sunday at around noon". TimeML makes all of these one time (TIMEX3
/// type TIME, `2021-06-06TEV`, `2021-06-06T06:00`), not a date.
fn time_of_day(p: &Parser<'_>, i: usize, end: usize) -> bool {
    if (i..=end).any(|k| matches!(p.w(k), "tonight" | "overnight") || DAY_PARTS.contains(&p.w(k))) {
        return true;
    }
    // The first of two days sharing a part: "Friday and Saturday nights".
    if matches!(p.w(end), "and" | "or") && p.weekday_word(end + 1).is_some() && DAY_PARTS.contains(&p.w(end + 2)) {
        return true;
    }
    clock_before(p, i) || clock_after(p, end)
}

/// A clock time or a part of the day ends just before token `i`, past a
/// comma and "local time": "4 p.m. GMT,", "noon", "the evening of", "the
/// early hours of"; past "on" only a clock time ("6 a.m. on"), as "a quiz
/// night on" names an occasion on that day.
fn clock_before(p: &Parser<'_>, i: usize) -> bool {
    let local = |k: usize| k > 1 && p.is(k - 1, "time") && p.is(k - 2, "local");
    if i > 0 && p.is(i - 1, "on") {
        return clock_ends_at(p, i - 1) || local(i - 1) && clock_ends_at(p, i - 3);
    }
    let mut k = i;
    if k > 0 && p.is(k - 1, ",") {
        k -= 1;
    }
    if local(k) {
        k -= 2;
    }
    let Some(b) = k.checked_sub(1) else { return false };
    match p.w(b) {
        "of" => b > 0 && (DAY_PARTS.contains(&p.w(b - 1)) || p.is(b - 1, "hours")),
        w => DAY_PARTS.contains(&w) || clock_ends_at(p, k),
    }
}

/// A clock time follows the day from token `j`, past a comma and "at",
/// "around" or "about": "Sunday at 6 a.m.", "Sunday, at about 0400 GMT",
/// "Sunday at 18:30", "Sunday around noon".
fn clock_after(p: &Parser<'_>, mut j: usize) -> bool {
    if p.is(j, ",") {
        j += 1;
    }
    let mut at = false;
    while matches!(p.w(j), "at" | "around" | "about") {
        (at, j) = (true, j + 1);
    }
    clock(p, j).is_some_and(|(_, bare)| at || !bare)
}

/// A clock time written before token `e`, as [`clock`] reads it (not a
/// bare "18:30").
fn clock_ends_at(p: &Parser<'_>, e: usize) -> bool {
    (e.saturating_sub(CLOCK_TOKENS)..e).any(|s| clock(p, s) == Some((e, false)))
}

/// The most tokens a clock time takes: "6", ":", "30", "p", ".", "m", ".", "gmt".
const CLOCK_TOKENS: usize = 8;

/// The clock time starting at token `j`: (end token, bare). "noon",
/// "midnight", "6 a.m." (the tokens "6", "a", ".", "m", "."), "6am",
/// "18:30 pm", each with an optional time zone ("0400 GMT", "4 p.m. EST").
/// Hours and minutes alone ("18:30") are a bare clock time: one only after
/// "at", as the same digits write scores and ratios.
fn clock(p: &Parser<'_>, j: usize) -> Option<(usize, bool)> {
    let zone = |k: usize| k + usize::from(TIME_ZONES.contains(&p.w(k)));
    if matches!(p.w(j), "noon" | "midnight") {
        return Some((zone(j + 1), false));
    }
    if p.kind(j) != Some(TokKind::Num) {
        return None;
    }
    let minutes = p.is(j + 1, ":") && p.kind(j + 2) == Some(TokKind::Num);
    let k = if minutes { j + 3 } else { j + 1 };
    if matches!(p.w(k), "a" | "p") && p.is(k + 1, ".") && p.is(k + 2, "m") && p.is(k + 3, ".") {
        return Some((zone(k + 4), false));
    }
    if matches!(p.w(k), "am" | "pm") {
        return Some((zone(k + 1), false));
    }
    if TIME_ZONES.contains(&p.w(k)) {
        return Some((k + 1, false));
    }
    minutes.then_some((k, true))
}

/// Every expression of a sentence. `lower` is `orig` ASCII-lowercased.
pub(super) fn scan(orig: &str, lower: &str, toks: &mut Vec<Tok>, out: &mut Vec<Found>) {
    tokenize(lower, toks);
    let p = Parser { lo: lower, orig, t: toks, lex: &LEXICON, ends: Cell::new(0) };
    let mut i = 0;
    while i < toks.len() {
        let start = match toks[i].kind {
            TokKind::Num => true,
            TokKind::Word => {
                let f = p.info(i).flags;
                f & START != 0 && (f & WEAK_START == 0 || followed(&p, i + 1)) && !idle_preposition(&p, i)
            }
            TokKind::Punct => false,
        };
        if !start {
            i += 1;
            continue;
        }
        match p.parse(i) {
            Some((_, _, _, end)) if end > i && title_name(&p, i, end) => i = end,
            Some((expr, part, approximate, end)) if end > i => {
                let tense = if expr.needs_tense() { tense(&p, i, end) } else { Tense::Unknown };
                let time_of_day = matches!(expr, Expr::Date { .. } | Expr::Weekday { .. } | Expr::DayShift(_))
                    && time_of_day(&p, i, end);
                let (s, e) = (toks[i].s as usize, toks[end - 1].e as usize);
                out.push(Found { s, e, expr, part, approximate, tense, time_of_day });
                i = end;
            }
            _ => i += 1,
        }
    }
}
