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
mod swar;
mod text;
mod vocabulary;

pub use model::*;

/// A rule regex with room for its lazy DFA: the default 2 MB cache is
/// cleared over and over by the long case-insensitive alternations, and a
/// regex whose cache keeps clearing falls back to the far slower NFA
/// engines. The cache only grows as states are needed. Word boundaries are
/// ASCII, word characters Latin and digits ASCII (see [`narrowed`]).
#[cfg_attr(test, track_caller)]
pub(crate) fn rule_regex(pattern: &str) -> regex::Regex {
    #[cfg(test)]
    tests::COMPILED_AT.lock().unwrap_or_else(|e| e.into_inner()).push(std::panic::Location::caller());
    regex::RegexBuilder::new(&narrowed(pattern))
        .dfa_size_limit(RULE_DFA_BYTES)
        .build()
        .unwrap_or_else(|e| panic!("rule pattern {pattern:?} does not compile: {e}"))
}

/// [`rule_regex`] as the engine under the regex crate's `Regex` (the same
/// syntax and matches, the same room for the lazy DFA), which can run a
/// search anchored at a place ([`anchored_matches`]).
pub(crate) fn rule_meta_regex(pattern: &str) -> regex_automata::meta::Regex {
    let config = regex_automata::meta::Config::new()
        .nfa_size_limit(Some(10 << 20))
        .onepass_size_limit(Some(10 << 20))
        .hybrid_cache_capacity(RULE_DFA_BYTES)
        .dfa_size_limit(Some(RULE_DFA_BYTES));
    regex_automata::meta::Regex::builder()
        .configure(config)
        .build(&narrowed(pattern))
        .unwrap_or_else(|e| panic!("rule pattern {pattern:?} does not compile: {e}"))
}

/// A pattern with its `\b` made ASCII, its `\w` narrowed to the Latin
/// script and its `\d` to ASCII digits. A Unicode `\b` makes the lazy DFA
/// give up at the first non-ASCII byte (a dash, an accented name) and rerun
/// the search on the slow NFA engines; the rule words are ASCII, so the
/// boundaries fall in the same places. A Unicode `\w` or `\d` compiles to
/// hundreds of NFA states, again in each copy a bounded repeat makes of it
/// (`(?:[\w-]+ ){0,3}`): the classes were most of the cost of compiling
/// the rules at start-up. The letters of the Latin script ([`WORD`]) keep
/// accented names words; news writes its numbers in ASCII digits.
pub(crate) fn narrowed(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    // Depth of nested classes, and whether the last character opened one
    // (where `]` is a literal).
    let (mut depth, mut opened) = (0usize, false);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        let just_opened = opened;
        opened = false;
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push(c);
                    break;
                };
                match (e, depth > 0) {
                    ('b', false) => out.push_str(r"(?-u:\b)"),
                    ('w', true) => out.push_str(WORD),
                    ('w', false) => {
                        out.push('[');
                        out.push_str(WORD);
                        out.push(']');
                    }
                    ('W', false) => {
                        out.push_str("[^");
                        out.push_str(WORD);
                        out.push(']');
                    }
                    ('d', true) => out.push_str("0-9"),
                    ('d', false) => out.push_str("[0-9]"),
                    _ => {
                        out.push(c);
                        out.push(e);
                    }
                }
            }
            '[' => {
                depth += 1;
                opened = true;
                out.push(c);
            }
            '^' if just_opened => {
                opened = true;
                out.push(c);
            }
            ']' if depth > 0 && !just_opened => {
                depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// What `\w` stands for in a rule pattern: the letters, digits and
/// underscore of ASCII, the letters of Latin-1, Latin Extended-A and B, the
/// IPA extensions and Latin Extended Additional ("Ḥezbollah"), the modifier
/// letters that transliterations write for hamza and ayn ("Hayʼat",
/// "Kaʿba"), and the combining diacritics (of decomposed accents).
const WORD: &str = r"0-9A-Z_a-z\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2C1}\x{2C6}-\x{2D1}\x{2E0}-\x{2E4}\x{2EC}\x{2EE}\x{300}-\x{36F}\x{1E00}-\x{1EFF}";

/// Lazy-DFA cache limit for rule regexes and sets, in bytes.
pub(crate) const RULE_DFA_BYTES: usize = 64 << 20;

/// Which of a group of case-insensitive rule patterns can match in each
/// sentence, found in one pass over the text and without compiling the
/// patterns' union.
///
/// Every match of a pattern starts with one of its literal prefixes and
/// ends with one of its literal suffixes (taken from the pattern by
/// `regex-syntax`'s extractor, whose contract that is); one
/// ASCII-case-insensitive Aho–Corasick pass finds them all. A sentence that
/// lacks all of a pattern's prefixes, or all of its suffixes, holds no match
/// of it, so that pattern's regex need not run there. A side whose literals
/// cannot be listed (a class such as `\w` at that end, non-ASCII text) rules
/// nothing out, and every pattern is a candidate in a text with a character
/// that Unicode case folding equates with an ASCII letter (the long s and
/// the Kelvin sign).
pub(crate) struct Prefilter {
    /// The literals, then [`FOLDING`], then the words, walked byte by byte
    /// by our own loop (the library's overlapping iterator keeps its
    /// position in memory and costs about twice as much per byte).
    table: Table,
    /// For each distinct literal (ASCII case ignored), the patterns it is a
    /// prefix of and the patterns it is a suffix of: one match of a literal
    /// shared by several patterns, or by both ends of one, marks them all.
    owners: Vec<(u64, u64)>,
    /// Patterns without listed prefixes, and without listed suffixes.
    no_prefixes: u64,
    no_suffixes: u64,
    /// Words found as written (case counts) in the same pass, for a caller
    /// that needs them too (segmentation's reporting words).
    words: &'static [&'static str],
    /// Words that mark a sentence when one starts a word there (and starts
    /// with a capital where it is written with one): the date scanner's
    /// [`date::HEADS`].
    heads: &'static [&'static str],
}

/// Characters that `(?i)` matches to an ASCII letter (U+017F long s,
/// U+212A Kelvin sign): a text with one makes every pattern a candidate.
const FOLDING: [&str; 2] = ["\u{17F}", "\u{212A}"];

/// What a literal found by [`Prefilter::scan`] is.
enum Hit {
    /// A pattern literal: the patterns it is a prefix of, and a suffix of.
    Rule(u64, u64),
    /// One of [`FOLDING`].
    Folding,
    /// One of the prefilter's words, in some mix of case.
    Word(&'static str),
    /// One of the prefilter's heads, in some mix of case.
    Head(&'static str),
}

/// An unanchored Aho–Corasick DFA as a flat table for [`Prefilter::scan`]'s
/// byte loop ([`Table::build`]), its states numbered so that the match
/// states come last (one comparison tells a match: the library's own test
/// of a state takes three instructions more per byte) and with byte
/// classes of our own. Every byte that no literal holds is class 0:
/// from any state it leads back to the start, as no match can go on or
/// begin with it; every other byte, ASCII case folded, has its own class.
struct Table {
    classes: [u8; 256],
    /// `trans[state + class]` is the next state. States are their number
    /// times the stride, `1 << stride_bits`, a power of two no smaller than
    /// the number of classes; the length is a power of two.
    trans: Vec<u32>,
    stride_bits: u32,
    start: u32,
    /// The match states are the states from this one on.
    first_match: u32,
    /// The literals (pattern ids) that end at the `k`th match state, with
    /// their lengths: `matches[ranges[k]..ranges[k + 1]]`, in the library's
    /// order.
    ranges: Vec<u32>,
    matches: Vec<(u32, u32)>,
}

impl Table {
    /// Walks `bytes` from byte `i` on, in `state`, to the first match
    /// state: where its byte ends and the state; or the end of the bytes
    /// and the state there. Out of line, so that the loop has the
    /// registers to itself.
    #[inline(never)]
    fn walk(&self, bytes: &[u8], mut i: usize, mut state: u32) -> (usize, u32) {
        // The table's length is a power of two: the mask makes the bounds
        // check of every step one `and`.
        let mask = self.trans.len() - 1;
        let (trans, classes, first_match) = (&self.trans[..=mask], &self.classes, self.first_match);
        let step = |state: u32, b: u8| trans[(state + u32::from(classes[usize::from(b)])) as usize & mask];
        // Eight bytes a turn: one bounds test and one count for eight steps.
        while let Some(chunk) = bytes.get(i..i + 8) {
            for (k, &b) in chunk.iter().enumerate() {
                state = step(state, b);
                if state >= first_match {
                    return (i + k + 1, state);
                }
            }
            i += 8;
        }
        while let Some(&b) = bytes.get(i) {
            i += 1;
            state = step(state, b);
            if state >= first_match {
                break;
            }
        }
        (i, state)
    }

    /// The table of an unanchored Aho–Corasick automaton of `literals`
    /// (pattern `i` is the `i`th) that ignores ASCII case, with standard
    /// overlapping matches: at each state the literals ending there, its
    /// own (in pattern order) before those of its failure state, as the
    /// library orders them. Built here rather than read off the library's
    /// DFA, whose construction cost half a billion instructions at start-up
    /// for the rule literals: the trie's rows are filled in breadth-first
    /// order, a missing transition taken from the failure state's row,
    /// which is complete by then.
    fn build<'l>(literals: impl Iterator<Item = &'l [u8]> + Clone) -> Table {
        const NONE: u32 = u32::MAX;
        let mut classes = [0u8; 256];
        // A byte of each class (class 0: bytes no literal holds).
        let mut n = 1;
        for &b in literals.clone().flatten() {
            let lower = b.to_ascii_lowercase();
            if classes[usize::from(lower)] == 0 {
                classes[usize::from(lower)] = u8::try_from(n).expect("at most 255 byte classes");
                n += 1;
            }
            classes[usize::from(b.to_ascii_uppercase())] = classes[usize::from(lower)];
        }
        // The trie: `rows[s * n + class]`, NONE where it has no edge.
        let mut rows = vec![NONE; n];
        let mut own: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
        for (pid, literal) in literals.enumerate() {
            let mut s = 0;
            for &b in literal {
                let at = s * n + usize::from(classes[usize::from(b)]);
                if rows[at] == NONE {
                    rows[at] = own.len() as u32;
                    own.push(Vec::new());
                    rows.resize(rows.len() + n, NONE);
                }
                s = rows[at] as usize;
            }
            own[s].push((pid as u32, literal.len() as u32));
        }
        // Breadth-first: each state's failure state is shallower, so its
        // row and its matches are final when the state is reached.
        let states = own.len();
        let mut fail = vec![0u32; states];
        let mut matches: Vec<Vec<(u32, u32)>> = vec![Vec::new(); states];
        let mut order = vec![0u32];
        let mut k = 0;
        while let Some(&s) = order.get(k) {
            let s = s as usize;
            let f = fail[s] as usize;
            if s != 0 {
                let mut m = std::mem::take(&mut own[s]);
                m.extend_from_slice(&matches[f]);
                matches[s] = m;
            }
            for class in 0..n {
                let next = rows[s * n + class];
                let via_fail = if s == 0 { 0 } else { rows[f * n + class] };
                if next == NONE {
                    rows[s * n + class] = via_fail;
                } else {
                    fail[next as usize] = via_fail;
                    order.push(next);
                }
            }
            k += 1;
        }
        drop(fail);
        // Renumbered so that the match states come last.
        let stride_bits = n.next_power_of_two().trailing_zeros();
        let (plain, matching): (Vec<u32>, Vec<u32>) = order.iter().partition(|&&s| matches[s as usize].is_empty());
        let mut number = vec![0u32; states];
        for (i, &s) in plain.iter().chain(&matching).enumerate() {
            number[s as usize] = u32::try_from(i << stride_bits).expect("prefilter states fit 32 bits");
        }
        // Padded to a power of two for [`Table::walk`]'s mask (the pages
        // past the states are never touched).
        let mut trans = vec![0u32; (states << stride_bits).next_power_of_two()];
        for &s in &order {
            let (from, to) = (s as usize * n, number[s as usize] as usize);
            for class in 0..n {
                trans[to + class] = number[rows[from + class] as usize];
            }
        }
        let (mut ranges, mut flat) = (vec![0u32], Vec::new());
        for &s in &matching {
            flat.extend_from_slice(&matches[s as usize]);
            ranges.push(flat.len() as u32);
        }
        let first_match = (plain.len() << stride_bits) as u32;
        Table { classes, trans, stride_bits, start: number[0], first_match, ranges, matches: flat }
    }
}

impl Prefilter {
    /// At most 64 patterns, each matched with `(?i)` (a leading `(?i)` is
    /// ignored here), words to find as written and heads that mark
    /// sentences, in the same pass.
    pub(crate) fn new<S: AsRef<str>>(
        patterns: impl IntoIterator<Item = S>,
        words: &'static [&'static str],
        heads: &'static [&'static str],
    ) -> Prefilter {
        use regex_syntax::hir::literal::ExtractKind;
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<(u64, u64)> = Vec::new();
        let mut index: std::collections::HashMap<Vec<u8>, usize> = std::collections::HashMap::new();
        let (mut no_prefixes, mut no_suffixes) = (0u64, 0u64);
        for (i, p) in patterns.into_iter().enumerate() {
            assert!(i < 64, "a prefilter takes at most 64 patterns, got pattern {i}");
            for (kind, suffix, none) in
                [(ExtractKind::Prefix, false, &mut no_prefixes), (ExtractKind::Suffix, true, &mut no_suffixes)]
            {
                match literals_of(p.as_ref(), kind) {
                    Some(list) => {
                        for literal in list {
                            let k = *index.entry(literal.to_ascii_lowercase()).or_insert_with(|| {
                                literals.push(literal);
                                owners.push((0, 0));
                                owners.len() - 1
                            });
                            let side = if suffix { &mut owners[k].1 } else { &mut owners[k].0 };
                            *side |= 1 << i;
                        }
                    }
                    None => *none |= 1 << i,
                }
            }
        }
        let extra = FOLDING.iter().chain(words).chain(heads).map(|w| w.as_bytes());
        let table = Table::build(literals.iter().map(Vec::as_slice).chain(extra));
        Prefilter { table, owners, no_prefixes, no_suffixes, words, heads }
    }

    /// Calls `found(start, end, hit)` for every match of a literal in
    /// `text`, overlapping ones included, in the order of their ends.
    fn scan(&self, text: &str, mut found: impl FnMut(usize, usize, Hit)) {
        let bytes = text.as_bytes();
        let (mut end, mut state) = (0, self.table.start);
        while end < bytes.len() {
            (end, state) = self.table.walk(bytes, end, state);
            if state >= self.table.first_match {
                self.report(state, end, &mut found);
            }
        }
    }

    /// Calls `found` for each literal of match state `state` ending at
    /// byte `end`. Inlined into the caller's loop ([`Table::walk`], out of
    /// line, keeps the byte loop small): a call reloaded `found`'s
    /// captures from memory every time, ~60 instructions a match state.
    #[inline(always)]
    fn report(&self, state: u32, end: usize, found: &mut impl FnMut(usize, usize, Hit)) {
        let t = &self.table;
        let k = ((state - t.first_match) >> t.stride_bits) as usize;
        for &(pid, len) in &t.matches[t.ranges[k] as usize..t.ranges[k + 1] as usize] {
            // Pattern literals, then the folding characters, the words and the heads.
            let hit = match self.owners.get(pid as usize) {
                Some(&(p, s)) => Hit::Rule(p, s),
                None => match (pid as usize - self.owners.len()).checked_sub(FOLDING.len()) {
                    Some(w) => match self.words.get(w) {
                        Some(w) => Hit::Word(w),
                        None => Hit::Head(self.heads[w - self.words.len()]),
                    },
                    None => Hit::Folding,
                },
            };
            found(end - len as usize, end, hit);
        }
    }

    /// For each sentence, bit `i` set when pattern `i` may match inside it;
    /// the byte spans of the prefilter's words as written, in the order of
    /// their ends; the [`PrefixStarts`] of the patterns of `starts_of`
    /// (bits) in the sentences, with each sentence's range of them (`None`
    /// when a folding character makes them unreliable); and which sentences
    /// hold a head. `sentences` are sorted and disjoint byte ranges of
    /// `text`.
    pub(crate) fn candidates(&self, text: &str, sentences: &[segment::Sentence], starts_of: u64) -> Candidates {
        let mut sides = vec![(self.no_prefixes, self.no_suffixes); sentences.len()];
        let mut headed = vec![false; sentences.len()];
        // (Room for about one word and one start a sentence: few grow.)
        let mut words = Vec::with_capacity(sentences.len());
        let mut starts = Vec::with_capacity(sentences.len());
        let mut ranges = vec![(0u32, 0u32); sentences.len()];
        let mut folding = false;
        // Matches come in order of their ends, so the only sentence that
        // can hold a match, the first one ending at or after it, moves
        // forward only.
        let mut k = 0;
        self.scan(text, |start, end, hit| match hit {
            Hit::Rule(p, s) => {
                while k < sentences.len() && sentences[k].end < end {
                    k += 1;
                }
                if let Some(sentence) = sentences.get(k)
                    && sentence.start <= start
                {
                    sides[k].0 |= p;
                    sides[k].1 |= s;
                    if p & starts_of != 0 {
                        // Matches come in sentence order: each sentence's starts are one run.
                        if ranges[k].1 == 0 {
                            ranges[k].0 = starts.len() as u32;
                        }
                        starts.push((start as u32, p & starts_of));
                        ranges[k].1 = starts.len() as u32;
                    }
                }
            }
            Hit::Folding => folding = true,
            Hit::Word(w) => {
                if text.as_bytes()[start..end] == *w.as_bytes() {
                    words.push((start, end));
                }
            }
            Hit::Head(h) => {
                while k < sentences.len() && sentences[k].end < end {
                    k += 1;
                }
                if let Some(sentence) = sentences.get(k)
                    && sentence.start <= start
                    && heads_here(text.as_bytes(), sentence.start, start, h)
                {
                    headed[k] = true;
                }
            }
        });
        if folding {
            let n = sentences.len();
            return Candidates { bits: vec![u64::MAX; n], words, starts: Vec::new(), ranges: vec![None; n], headed };
        }
        let bits = sides.into_iter().map(|(p, s)| p & s).collect();
        let ranges = ranges.into_iter().map(Some).collect();
        Candidates { bits, words, starts, ranges, headed }
    }

    /// Bit `i` set when pattern `i` may match in `text`.
    pub(crate) fn candidates_in(&self, text: &str) -> u64 {
        let (mut p, mut s) = (self.no_prefixes, self.no_suffixes);
        let mut folding = false;
        self.scan(text, |_, _, hit| match hit {
            Hit::Rule(mp, ms) => {
                p |= mp;
                s |= ms;
            }
            Hit::Folding => folding = true,
            Hit::Word(_) | Hit::Head(_) => {}
        });
        if folding { u64::MAX } else { p & s }
    }
}

/// What [`Prefilter::candidates`] finds in one pass.
pub(crate) struct Candidates {
    /// Per sentence, the patterns that may match in it.
    pub bits: Vec<u64>,
    /// Spans of the prefilter's words, as written.
    pub words: Vec<(usize, usize)>,
    pub starts: PrefixStarts,
    /// Per sentence, its run of `starts` (`None`: not known).
    pub ranges: Vec<Option<(u32, u32)>>,
    /// Per sentence, whether a head is in it.
    pub headed: Vec<bool>,
}

/// Whether head `h`, found at byte `at` of a sentence starting at byte
/// `from` of `bytes`, counts: where a word starts (not after a letter or a
/// non-ASCII byte, the date scanner's letters), with a capital when the
/// head is written with one.
fn heads_here(bytes: &[u8], from: usize, at: usize, h: &str) -> bool {
    let first = h.as_bytes()[0];
    let word_start = at == from || !(bytes[at - 1].is_ascii_alphabetic() || bytes[at - 1] >= 0x80);
    word_start && (first.is_ascii_lowercase() || bytes[at].is_ascii_uppercase())
}

/// Where a listed literal prefix of some rule patterns starts inside a
/// sentence, in the order of the literals' ends: its byte offset in the
/// text, and the patterns (bits) it is a prefix of. Every match of a
/// pattern with listed prefixes starts at one of them, so a search for it
/// may begin at the first one and stop after the last.
pub type PrefixStarts = Vec<(u32, u64)>;

/// The literal prefixes (or suffixes) of every match of a pattern, or
/// `None` when they cannot be listed.
fn literals_of(pattern: &str, kind: regex_syntax::hir::literal::ExtractKind) -> Option<Vec<Vec<u8>>> {
    let pattern = pattern.strip_prefix("(?i)").unwrap_or(pattern);
    if !pattern.is_ascii() {
        return None;
    }
    let hir = regex_syntax::parse(pattern).ok()?;
    let seq = regex_syntax::hir::literal::Extractor::new().kind(kind).limit_total(1000).extract(&hir);
    let literals = seq.literals()?;
    if literals.iter().any(|l| l.is_empty()) {
        return None;
    }
    Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// The cue patterns ([`extract::classify`]), the count patterns
/// ([`count`]), the cue filters and attribution's blame words behind one
/// prefilter, so one pass over an article serves all four, with
/// segmentation's reporting words and the date scanner's heads found in
/// the same pass.
static RULES: std::sync::LazyLock<Prefilter> = std::sync::LazyLock::new(|| {
    let blame = extract::attribution::blame_pattern();
    let mut patterns: Vec<&str> = extract::classify::patterns()
        .chain(count::patterns().iter().map(String::as_str))
        .chain(extract::classify::FILTERS)
        .collect();
    patterns.push(&blame);
    Prefilter::new(patterns, segment::REPORTING_WORDS, date::HEADS)
});

/// Which cue, count and filter patterns may match in a sentence (bit `i`
/// for the group's pattern `i`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuleCandidates {
    pub cues: u64,
    pub counts: u64,
    /// Of [`extract::classify::FILTERS`].
    pub filters: u64,
    /// The sentence may hold one of attribution's blame words (the
    /// pattern after the filters).
    pub blame: bool,
    /// The sentence's run of the article's [`PrefixStarts`] of the cue and
    /// count patterns (bit `i` for cue pattern `i`, the count patterns'
    /// bits after the cues'); `None` when not known.
    pub starts: Option<(u32, u32)>,
}

impl RuleCandidates {
    fn split(bits: u64) -> RuleCandidates {
        let low = |n: usize| (1u64 << n) - 1;
        let (n, k, f) = (extract::classify::PATTERNS, count::patterns().len(), extract::classify::FILTERS.len());
        RuleCandidates {
            cues: bits & low(n),
            counts: (bits >> n) & low(k),
            filters: (bits >> (n + k)) & low(f),
            blame: (bits >> (n + k + f)) & 1 != 0,
            starts: None,
        }
    }
}

/// The matches of a rule pattern in a sentence (from byte `base` of the
/// text), as `every` finds them (`find_iter`, `captures_iter`; made only
/// when the starts below are not known). With the sentence's run of
/// [`PrefixStarts`], of which those marked `bit` (the pattern's bit in the
/// prefilter) are where every match of the pattern starts, each search is
/// `at(start)` (a search anchored there: the match and its end) at each
/// start in turn, from the end of the last match on: the leftmost match
/// from a place is the match at the first start from there on that has
/// one, and a start that begins no match stops its search within a few
/// bytes, where a search from there for the leftmost match would read on
/// to the sentence's end, at each start again. A pattern with listed
/// prefixes never matches empty.
pub(crate) fn rule_matches<T, I: Iterator<Item = T>>(
    every: impl FnOnce() -> I,
    starts: Option<&[(u32, u64)]>,
    base: usize,
    bit: u64,
    mut at: impl FnMut(usize) -> Option<(T, usize)>,
) -> impl Iterator<Item = T> {
    let starts = starts.filter(|_| RULES.no_prefixes & bit == 0);
    let mut every = starts.is_none().then(every);
    let mut from = base;
    std::iter::from_fn(move || {
        if let Some(every) = every.as_mut() {
            return every.next();
        }
        loop {
            // The starts come in the order of their literals' ends.
            let next =
                starts?.iter().filter(|&&(s, b)| b & bit != 0 && s as usize >= from).map(|&(s, _)| s as usize).min()?;
            match at(next - base) {
                Some((item, end)) => {
                    from = base + end;
                    return Some(item);
                }
                None => from = next + 1,
            }
        }
    })
}

/// The matches of a rule pattern ([`rule_meta_regex`]) in a sentence
/// `text` (from byte `base` of the text), leftmost first, none
/// overlapping, as `find_iter` finds them, searched anchored at the
/// pattern's prefix starts ([`rule_matches`]).
pub(crate) fn anchored_matches<'t>(
    re: &'t regex_automata::meta::Regex,
    text: &'t str,
    starts: Option<&'t [(u32, u64)]>,
    base: usize,
    bit: u64,
) -> impl Iterator<Item = regex_automata::Match> + 't {
    rule_matches(
        move || re.find_iter(text),
        starts,
        base,
        bit,
        move |p| {
            let input = regex_automata::Input::new(text).range(p..).anchored(regex_automata::Anchored::Yes);
            re.search(&input).map(|m| (m, m.end()))
        },
    )
}

/// [`RuleCandidates`] of each sentence of a text, the spans of the
/// reporting words ([`segment::REPORTING_WORDS`], case as written) in the
/// order of their ends, and whether each sentence holds a date head
/// ([`date::HEADS`]), in one pass: segmentation keeps the first and the
/// third in each [`segment::Sentence`] and attributes the sentences the
/// second touch.
pub(crate) fn sentence_rules(text: &str, sentences: &[segment::Sentence]) -> SentenceRules {
    let rules = (1 << (extract::classify::PATTERNS + count::patterns().len())) - 1;
    let Candidates { bits, words, starts, ranges, headed } = RULES.candidates(text, sentences, rules);
    let rules =
        bits.into_iter().zip(ranges).map(|(b, r)| RuleCandidates { starts: r, ..RuleCandidates::split(b) }).collect();
    SentenceRules { rules, reporting: words, starts, headed }
}

/// What [`sentence_rules`] finds.
pub(crate) struct SentenceRules {
    pub rules: Vec<RuleCandidates>,
    pub reporting: Vec<(usize, usize)>,
    pub starts: PrefixStarts,
    pub headed: Vec<bool>,
}

/// [`RuleCandidates`] of each sentence, as [`segment::sentences`] found
/// them in its pass over the text the sentences were cut from.
pub(crate) fn rule_candidates(sentences: &[segment::Sentence]) -> Vec<RuleCandidates> {
    sentences.iter().map(|s| s.rules).collect()
}

/// [`RuleCandidates`] of a whole text.
pub(crate) fn rule_candidates_in(text: &str) -> RuleCandidates {
    RuleCandidates::split(RULES.candidates_in(text))
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
    /// The built-in gazetteer and actor dictionary, with the rule regexes
    /// compiled ([`COMPILE_RULES`]) on other threads while the gazetteer
    /// is built.
    pub fn builtin() -> Resources {
        std::thread::scope(|s| {
            let rules = COMPILE_RULES.map(|compile| s.spawn(compile));
            let actors = s.spawn(ActorDictionary::builtin);
            let mut gazetteer = Gazetteer::builtin();
            for compiled in rules {
                compiled.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            }
            let actors = actors.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            gazetteer.add_group_names(actors.names());
            Resources { gazetteer, actors }
        })
    }
}

/// Compiles the rule regexes and automata of the per-article stages
/// (~1.6 G instructions, a third of a second of one core), which would
/// otherwise compile on first use: inside the first article's worker, while
/// the other workers wait on the same locks. Two groups of about equal
/// cost, for two threads.
const COMPILE_RULES: [fn(); 2] = [
    || {
        std::sync::LazyLock::force(&RULES);
        count::compile_rules();
        segment::compile_rules();
        date::compile_rules();
    },
    || {
        extract::compile_rules();
    },
];

/// Articles longer than this are refused (with a diagnostic), not truncated.
pub const MAX_ARTICLE_BYTES: usize = 4 << 20;

/// Runs the per-article pipeline. Never panics, never fails. The mentions
/// borrow from `article` and `resources`.
pub fn process<'a>(article: &'a Article, resources: &'a Resources) -> Extraction<'a> {
    run(article, resources, Mentions::Records)
}

/// [`process`] for a caller that only writes the mentions out: with
/// `Some(out)` each mention is appended to `out` as its JSON line (the
/// bytes [`write_json_lines`] writes for the records of [`process`]), with
/// no record made; with `None` the mentions are not output at all. Either
/// way [`Extraction::mentions`] is left empty. Returns the extraction and
/// the number of mention lines written.
pub fn process_writing_mentions<'a>(
    article: &'a Article,
    resources: &'a Resources,
    mentions: Option<&mut Vec<u8>>,
) -> (Extraction<'a>, usize) {
    let mut lines = 0;
    let x = match mentions {
        Some(out) => run(article, resources, Mentions::Lines(out, &mut lines)),
        None => run(article, resources, Mentions::Skip),
    };
    (x, lines)
}

/// What [`run`] does with the mentions.
enum Mentions<'o> {
    /// Made into records, in [`Extraction::mentions`].
    Records,
    /// Written as JSON lines, and counted.
    Lines(&'o mut Vec<u8>, &'o mut usize),
    /// Dropped.
    Skip,
}

fn run<'a>(article: &'a Article, resources: &'a Resources, mentions: Mentions) -> Extraction<'a> {
    let mut out = Extraction { published: article.published, ..Default::default() };
    if let Some(reason) = refuse(article) {
        out.diagnostics.push(Diagnostic { article_id: article.id.clone(), severity: Severity::Error, message: reason });
        return out;
    }
    let doc = match mentions {
        Mentions::Skip => match extract::Document::for_events(article, resources) {
            extract::ForEvents::Analysed(doc) => *doc,
            extract::ForEvents::NoCue(published, inferred) => {
                (out.published, out.published_inferred) = (published, inferred);
                return out;
            }
        },
        _ => extract::Document::analyse(article, resources),
    };
    out.published = doc.published;
    out.published_inferred = doc.published_inferred;
    let (events, notes) = extract::events(&doc);
    out.events = events;
    out.diagnostics = notes;
    match mentions {
        Mentions::Records => out.mentions = doc.into_mention_records(),
        Mentions::Lines(lines, n) => *n = doc.write_mention_lines(lines),
        Mentions::Skip => {}
    }
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
    // Characters are counted only when there are controls to weigh
    // against them (nearly no article has one).
    let controls = control_chars(&article.text);
    if controls > 0 && controls * 20 > char_count(&article.text).max(1) {
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
///
/// The ASCII ones are counted in `u8` lanes over blocks of 255 bytes with
/// no branch, which the compiler turns into vector code: a filtered count
/// cost ~14 instructions per byte of every article.
fn control_chars(text: &str) -> usize {
    let b = text.as_bytes();
    let control = |c: u8| u8::from(((c < 0x20) & (c.wrapping_sub(0x09) > 4)) | (c == 0x7F));
    let ascii: usize = b.chunks(255).map(|block| usize::from(block.iter().fold(0u8, |n, &c| n + control(c)))).sum();
    let c1 = memchr::memchr_iter(0xC2, b)
        .filter(|&i| b.get(i + 1).is_some_and(|&n| (0x80..=0x9F).contains(&n) && n != 0x85))
        .count();
    ascii + c1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where each [`rule_regex`] compiled so far was called from, in order.
    pub(super) static COMPILED_AT: std::sync::Mutex<Vec<&'static std::panic::Location<'static>>> =
        std::sync::Mutex::new(Vec::new());

    fn compiled_at() -> Vec<(String, u32)> {
        let at = COMPILED_AT.lock().unwrap_or_else(|e| e.into_inner());
        at.iter().map(|l| (l.file().replace('\\', "/"), l.line())).collect()
    }

    /// The call sites of [`rule_regex`] in the crate's source outside its
    /// test modules, as (path ending in `src/...`, line).
    fn rule_regex_sites(dir: &std::path::Path, out: &mut Vec<(String, u32)>) {
        for entry in std::fs::read_dir(dir).expect("source directory") {
            let path = entry.expect("source entry").path();
            if path.is_dir() {
                rule_regex_sites(&path, out);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source file");
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
            let rel = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            for (i, line) in code.lines().enumerate() {
                let line = line.trim_start();
                if line.contains("rule_regex(") && !line.starts_with("//") && !line.contains("fn rule_regex(") {
                    out.push((rel.clone(), i as u32 + 1));
                }
            }
        }
    }

    /// Every rule regex is compiled by [`COMPILE_RULES`] while the
    /// resources load, none inside an article: each call site of
    /// [`rule_regex`] has compiled once `Resources::builtin` returns, and
    /// running articles compiles nothing more. The statics are shared by
    /// the whole test process, where other tests compile them as they go,
    /// so the check runs alone in a fresh run of this test binary.
    #[test]
    fn every_rule_regex_compiles_while_the_resources_load() {
        const ALONE: &str = "FRONTLINE_RULES_CHECK_ALONE";
        let name = "tests::every_rule_regex_compiles_while_the_resources_load";
        if std::env::var_os(ALONE).is_none() {
            let exe = std::env::current_exe().expect("test binary");
            let out = std::process::Command::new(exe)
                .args([name, "--exact", "--test-threads=1"])
                .env(ALONE, "1")
                .output()
                .expect("test binary runs");
            let said = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "the check alone failed:\n{said}");
            return;
        }
        assert!(compiled_at().is_empty(), "nothing compiled before the resources");
        let resources = Resources::builtin();
        let loaded = compiled_at();
        let mut sites = Vec::new();
        rule_regex_sites(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut sites);
        assert!(sites.len() > 50, "found {} call sites", sites.len());
        let missed: Vec<_> = sites
            .iter()
            .filter(|(file, line)| !loaded.iter().any(|(f, l)| f.ends_with(file.as_str()) && l == line))
            .collect();
        assert!(missed.is_empty(), "rule regexes not compiled while the resources load: {missed:?}");
        // Our invented snippets, one article each, dated so the history rules run.
        let fixture = include_str!("../tests/fixtures/snippets.tsv");
        for (i, row) in fixture.lines().skip(1).enumerate() {
            let text = row.split('\t').nth(1).expect("snippet column");
            let article = Article {
                id: format!("r{i}"),
                text: text.to_string(),
                published: chrono::NaiveDate::from_ymd_opt(2023, 3, 9),
                ..Default::default()
            };
            process(&article, &resources);
        }
        let more = compiled_at();
        assert_eq!(more.len(), loaded.len(), "compiled inside articles: {:?}", &more[loaded.len()..]);
    }

    #[test]
    fn narrowed_classes_keep_their_place_in_the_pattern() {
        let w = format!("[{WORD}]");
        assert_eq!(narrowed(r"\bx\w+"), format!(r"(?-u:\b)x{w}+"));
        assert_eq!(narrowed(r"[\w'-]+ \d[^\d]"), format!(r"[{WORD}'-]+ [0-9][^0-9]"));
        assert_eq!(narrowed(r"[]\w] \\w"), format!(r"[]{WORD}] \\w"));
        assert_eq!(narrowed(r"^\W*"), format!("^[^{WORD}]*"));
        let re = rule_regex(r"(?i)^(?:[\w-]+ ){0,2}?\d+\b");
        assert!(re.is_match("Zoë twin-engine 7 days"));
        assert!(!re.is_match("one two three 7"), "two words before the number at most");
        assert!(!re.is_match("\u{0661}\u{0662} days"), "Arabic-Indic digits are no digits here");
        let word = rule_regex(r"^\w+$");
        for name in ["Hay\u{2BC}at", "Ka\u{2BF}ba", "\u{1E24}ezbollah", "Nguy\u{1EC5}n", "Zo\u{EB}"] {
            assert!(word.is_match(name), "{name} is one word");
        }
    }

    #[test]
    fn the_narrowed_word_class_is_a_part_of_unicode_word_characters() {
        let narrow = regex::Regex::new(&format!("^[{WORD}]$")).expect("class");
        let unicode = regex::Regex::new(r"^\w$").expect("class");
        for c in (0..0x2000).filter_map(char::from_u32) {
            let s = c.to_string();
            assert!(!narrow.is_match(&s) || unicode.is_match(&s), "{c:?} is no word character");
        }
    }

    #[test]
    fn control_and_char_counts_match_char_methods() {
        // Longer than a counting block (255 bytes), controls on both sides of its edges.
        let long = "a\u{1}\t\u{7f}é\r".repeat(100);
        let texts =
            ["plain\ttext\r\n", "bin\u{0}\u{1}\u{7f}\u{80}\u{85}\u{9f}\u{a0}é\u{2028}", "", "日本\u{c2}", &long];
        for text in texts {
            let controls = text.chars().filter(|c| c.is_control() && !c.is_whitespace()).count();
            assert_eq!(control_chars(text), controls, "{text:?}");
            assert_eq!(char_count(text), text.chars().count(), "{text:?}");
        }
    }

    /// The prefilter's bits for `text` agree with the regexes: a pattern
    /// that matches is always a candidate; `expect` lists the candidates.
    fn check_prefilter(patterns: &[&str], text: &str, expect: u64) {
        let filter = Prefilter::new(patterns, &[], &[]);
        let bits = filter.candidates_in(text);
        for (i, p) in patterns.iter().enumerate() {
            let matched = rule_regex(p).is_match(text);
            assert!(!matched || bits & (1 << i) != 0, "pattern {p:?} matches {text:?} but is no candidate");
        }
        assert_eq!(bits, expect, "candidates for {text:?}");
    }

    /// The prefilter's table finds what the library's automaton finds: the
    /// same literals ending at every byte, in the same order, over text in
    /// every case with bytes no literal holds (spaces, accents, digits).
    #[test]
    fn table_walks_as_the_library_automaton() {
        use aho_corasick::{Anchored, automaton::Automaton};
        let literals: [&[u8]; 10] = [
            b"killed",
            b"kill",
            b"ill",
            b"opened fire",
            b"fire",
            "\u{212A}".as_bytes(),
            b"Said",
            b"said",
            b"led",
            b"ed f",
        ];
        let dfa = aho_corasick::dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .prefilter(false)
            .start_kind(aho_corasick::StartKind::Unanchored)
            .build(literals)
            .unwrap();
        let table = Table::build(literals.into_iter());
        let text =
            "They KILLED two; gunmen Opened  fire, opened fire and \u{212A}illed 3 said/SAID. Caf\u{e9} skill firefire";
        let (mut sid, mut state) = (dfa.start_state(Anchored::No).unwrap(), table.start);
        for &b in text.as_bytes() {
            sid = dfa.next_state(Anchored::No, sid, b);
            state = table.trans[(state + u32::from(table.classes[usize::from(b)])) as usize];
            let want: Vec<(u32, u32)> = if dfa.is_match(sid) {
                (0..dfa.match_len(sid))
                    .map(|k| dfa.match_pattern(sid, k))
                    .map(|p| (p.as_u32(), dfa.pattern_len(p) as u32))
                    .collect()
            } else {
                Vec::new()
            };
            let got = match (state >= table.first_match)
                .then(|| ((state - table.first_match) >> table.stride_bits) as usize)
            {
                Some(k) => table.matches[table.ranges[k] as usize..table.ranges[k + 1] as usize].to_vec(),
                None => Vec::new(),
            };
            assert_eq!(got, want, "after byte {b:#x}");
        }
    }

    /// [`Table::walk`], eight bytes a turn, stops where a byte at a time
    /// stops: at every match state, with the literals starting at every
    /// place of a turn and the text ending at every place of one.
    #[test]
    fn table_walk_stops_at_every_match_state() {
        let literals: [&[u8]; 3] = [b"fire", b"ire", b"shell"];
        let table = Table::build(literals.into_iter());
        for pad in 0..17 {
            let text = format!("{} fire, shelled, FIREFIRE shel", "x".repeat(pad));
            let bytes = text.as_bytes();
            let mut want = Vec::new();
            let mut state = table.start;
            for (i, &b) in bytes.iter().enumerate() {
                state = table.trans[(state + u32::from(table.classes[usize::from(b)])) as usize];
                if state >= table.first_match {
                    want.push((i + 1, state));
                }
            }
            let (mut got, mut end, mut state) = (Vec::new(), 0, table.start);
            while end < bytes.len() {
                (end, state) = table.walk(bytes, end, state);
                if state >= table.first_match {
                    got.push((end, state));
                }
            }
            assert_eq!(got, want, "{text:?}");
        }
    }

    /// The words ride along in the rule pass: found as written (case
    /// counts), overlapping ones too, in the order of their ends.
    #[test]
    fn words_are_found_as_written_in_the_rule_pass() {
        let filter = Prefilter::new([r"(?i)\bkilled\b"], &["said", "told", "report"], &[]);
        let text = "Two were KILLED, he SAID. She said so and reportold it.";
        let c = clean::CleanText::verbatim(text);
        let sentences = segment::sentences(&c);
        let Candidates { bits, words, .. } = filter.candidates(text, &sentences, 0);
        assert_eq!(bits, vec![1, 0]);
        let found: Vec<&str> = words.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, vec!["said", "report", "told"]);
        // A folding character anywhere makes every pattern a candidate everywhere.
        let folded = "Two fled. One was \u{212A}illed.";
        let c = clean::CleanText::verbatim(folded);
        let bits = filter.candidates(folded, &segment::sentences(&c), 0).bits;
        assert_eq!(bits, vec![u64::MAX, u64::MAX]);
    }

    /// The date scanner finds the same expressions when it passes over the
    /// sentences without a head ([`date::HEADS`]) as when it scans them all:
    /// over sentences with every kind of expression, and the snippets.
    #[test]
    fn sentences_without_a_date_head_hold_no_date() {
        let ours = "Shelling resumed on 3 June 2023 and again on the 5th. It began last night, and this morning too. \
            Talks are due next week, or in the coming days. Fighting broke out in the nineties, in the 1990s and in \
            the fall of 1997. Three years ago it was calm; a year earlier, too. Sales rose in the third quarter and \
            the year-ago period. Nowadays it is quiet, but it was not recently; at present nobody knows. In the past \
            it burned. They will return soon, in the near term, at a later date. The town fell on Sunday, March \
            eighth, in nineteen ninety-six. Two thousand and four was the year. Yesterday, today, tonight and \
            tomorrow. He left overnight. The past few months were hard. That month it snowed; the following year \
            it thawed. By year-end, in spring and the winter, this summer, last autumn. The then current leader \
            spoke in the 20th century. In early 2019, by mid-March, in late May. The next day they met, weeks later. \
            Currently, presently and lately. These days. The future of the town is unknown; the MAY report.";
        let fixtures = ["snippets.tsv", "snippets-a.tsv", "snippets-b.tsv", "snippets-c.tsv", "snippets-d.tsv"];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
        let tsv: Vec<String> = fixtures
            .iter()
            .map(|f| std::fs::read_to_string(format!("{dir}{f}")).unwrap_or_else(|e| panic!("{f}: {e}")))
            .collect();
        let snippets = tsv.iter().flat_map(|t| t.lines().skip(1)).filter_map(|l| l.split('\t').nth(1));
        let published = chrono::NaiveDate::from_ymd_opt(2024, 5, 17);
        let mut dateless = 0;
        for text in std::iter::once(ours).chain(snippets) {
            let clean = clean::clean(text);
            let (sentences, _) = segment::sentences_and_starts(&clean);
            dateless += sentences.iter().filter(|s| s.dateless).count();
            let all: Vec<segment::Sentence> =
                sentences.iter().map(|s| segment::Sentence { dateless: false, ..s.clone() }).collect();
            assert_eq!(
                date::recognise(&clean, &sentences, published),
                date::recognise(&clean, &all, published),
                "{text}"
            );
        }
        assert!(dateless > 100, "only {dateless} sentences without a head");
    }

    /// Attribution's blame words ride along in the rule pass: a sentence
    /// is marked when it holds one, in any case, and only then.
    #[test]
    fn the_rule_pass_marks_sentences_with_a_blame_word() {
        let text = "Shells hit a depot on Friday. Villagers BLAMED the rebels. A raid was Carried Out By bandits. \
            The gang was behind it. Rain fell all week. Nobody carried out the rubbish by noon.";
        let (sentences, _) = segment::sentences_and_starts(&clean::CleanText::verbatim(text));
        let marked: Vec<bool> = sentences.iter().map(|s| s.rules.blame).collect();
        assert_eq!(marked, vec![false, true, true, true, false, false]);
    }

    #[test]
    fn prefilter_candidates_are_the_patterns_whose_prefixes_occur() {
        let p = [r"(?i)\b(?:re-?took|recaptured)\b", r"(?i)\bopened (?:[\w-]+ ){0,3}?fire\b", r"(?i)\b\w+ed\b"];
        check_prefilter(&p, "Rebels RE-TOOK the town.", 0b001);
        check_prefilter(&p, "Rebels retook the town they had captured.", 0b101);
        check_prefilter(&p, "Gunmen Opened heavy fire on a bus.", 0b110);
        // A prefix without a suffix ("opened" but no "fire") rules the pattern out.
        check_prefilter(&p, "Gunmen opened the gate.", 0b100);
        check_prefilter(&p, "Nothing here.", 0);
        // "ſ" and the Kelvin sign match "s" and "k" under (?i): every pattern may match.
        check_prefilter(&[r"(?i)\bseized\b"], "They \u{17F}eized it.", u64::MAX);
        check_prefilter(&[r"(?i)\bkilled\b"], "\u{212A}illed.", u64::MAX);
    }
}
