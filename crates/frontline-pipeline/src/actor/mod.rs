//! Actors: the curated actor dictionary and actor mentions.
//!
//! The dictionary is our own data (`data/actors/actors.tsv`, countries and
//! regime periods in `data/actors/countries.tsv`): ACLED-style names with
//! aliases, inter codes, owner country, scope and validity dates, plus
//! aliases generated from the country table ("Turkish forces", "Iraqi
//! civilians"). Names are templates specialised per article: state forces
//! take the regime period of the date ("Military Forces of Israel
//! (2021-2022)"), country-dependent actors the article's country ("Islamic
//! State (Iraq)", "Civilians (Syria)"), and state forces of another country
//! than the article's become External/Other forces.
//!
//! Matching runs two Aho-Corasick automata built once, over the text with
//! hyphens read as spaces (so "al-Sham" matches "al Sham" without moving an
//! offset): one ignoring ASCII case, one exact for acronyms ("IS", "SDF",
//! "LaQ"). Matches must sit on word boundaries; the longest wins. As a match
//! starts a word, one pass over the words asks the automata (anchored) only
//! at words that begin some alias: a table of hashed first words turns the
//! rest away, and for the words that start only two-word aliases ("the",
//! "a", "al") a table of first words with the second word's first bytes.
//! Anaphors ("the militants", "the group") resolve to the last rebel group
//! named before them in the article (else the last militia); "the militia"
//! to the last militia.

mod table;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::automaton::Automaton as _;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use chrono::NaiveDate;
use regex::Regex;

use crate::clean::CleanText;
use crate::gazetteer::index::FxMap;
use crate::model::Inter;
use crate::segment::Sentence;

pub use table::TableError;
use table::{Entry, Owner, Tables, Target};

/// An actor as coded in events.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRef {
    /// ACLED-style canonical name, already specialised to the country.
    pub name: String,
    pub inter: Inter,
    /// ISO alpha-2 country the actor belongs to, if any.
    pub country_code: Option<String>,
}

/// Which dictionary entry a mention came from; [`ActorDictionary::resolve`]
/// names it again for another country or date (the event's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntryId(u32);

/// An actor recognised in the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Byte range in `CleanText::text`.
    pub start: usize,
    pub end: usize,
    pub actor: ActorRef,
    /// True for resolved references ("the militants", "the group").
    pub coreferent: bool,
    /// A common-noun description ("regime forces", "civilians", "gunmen")
    /// rather than a name ("Daesh", "Syrian Democratic Forces").
    pub descriptive: bool,
    /// On the same side as the mention before it, which it is coordinated
    /// with or supports: "regime forces and allied militias", "the SDF,
    /// backed by Coalition warplanes", "HTS, TIP and Islamist factions";
    /// not "clashes between regime forces and IS".
    pub joins_previous: bool,
    /// Names the owner of the place or thing right after it ("an FSB
    /// building", "a police station", "the army base", "a Hamas tunnel"):
    /// a target's owner or a place, never the side doing the act.
    pub owns_place: bool,
    pub entry: EntryId,
}

/// Whether one of `actors`, in the order [`ActorDictionary::recognise_at`]
/// returns them (by start, none overlapping another), spans all of the byte
/// range `start..end`. Only the last mention starting at or before `start`
/// can: each one before it ends before that one starts. One search, not a
/// look at every mention for every place.
pub fn covers(actors: &[ActorMention], start: usize, end: usize) -> bool {
    let k = actors.partition_point(|a| a.start <= start);
    k > 0 && end <= actors[k - 1].end
}

/// The actor dictionary: tables and the automata over their aliases.
#[derive(Debug)]
pub struct ActorDictionary {
    tables: Tables,
    by_iso: HashMap<String, usize>,
    folded: Automaton,
    exact: Automaton,
    /// Which words may start an alias, and with which second word.
    starts: Starts,
    /// First bytes of aliases that do not start with an ASCII letter or
    /// digit (of either automaton): a match may start at such a byte too.
    odd_starts: [bool; 256],
}

/// The words that may start an alias, as flags by [`start_key`] (its top
/// [`START_BITS`] bits): of the folded automaton bit 0 ([`FOLDED`]), of the
/// exact one bit 1 ([`EXACT`]), and the same flags shifted by [`ALONE`]
/// when the alias may be that word alone (not a word, a separator and a
/// second word); for the others, `second` files the pairs of the first
/// and second words' keys ([`pair_key`]). Most words of a text ("the",
/// "a", "al") start two-word aliases only, which the second word turns
/// away without hashing.
#[derive(Debug)]
struct Starts {
    first: Vec<u8>,
    second: Vec<u8>,
}

/// log2 of the length of the tables of [`Starts`].
const START_BITS: u32 = 14;

/// Flags of [`Starts`].
const FOLDED: u8 = 1;
const EXACT: u8 = 2;
const ALONE: u32 = 2;

/// The key a two-word start is filed under in [`Starts::second`]: the
/// first word's [`start_key`] and the first two bytes of the second word
/// (`rest`, which starts with one), lowercased, a second byte that is no
/// word byte read as zero.
fn pair_key(first: u64, rest: &[u8]) -> u64 {
    let byte = |i: usize| rest.get(i).filter(|b| WORD[**b as usize]).map_or(0, |b| u64::from(b | 0x20));
    (first.rotate_left(17) ^ byte(0) << 8 ^ byte(1)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn start_slot(h: u64) -> usize {
    (h >> (64 - START_BITS)) as usize
}

/// What [`Starts`] files a word under: its length and first four bytes,
/// lowercased, mixed by one multiplication. Cheaper than hashing every
/// byte of every word of the text; words sharing it only cost a closer
/// look.
fn start_key(word: &[u8]) -> u64 {
    let mut k = word.len().min(255) as u64;
    if let Some(four) = word.first_chunk::<4>() {
        // The four bytes in one load: the same key as byte by byte.
        k = k << 32 | u64::from(u32::from_be_bytes(*four) | 0x2020_2020);
    } else {
        for &b in word {
            k = k << 8 | u64::from(b | 0x20);
        }
    }
    k.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// ASCII letters and digits, the bytes of words.
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// One automaton of aliases, anchored, with the words that can start a
/// match.
#[derive(Debug)]
struct Automaton {
    /// Walked by [`Automaton::longest_at`] (the library's search through
    /// `AhoCorasick` costs about twice as much per call, most of it not
    /// the walk).
    dfa: DFA,
    /// Alias index of each pattern.
    ids: Vec<u32>,
    /// `0x20` when the automaton ignores ASCII case (the bit that makes a
    /// letter lowercase), else 0: what [`word_hash_step`] folds.
    case: u8,
    /// First words that may match alone: the alias is that word, or goes on
    /// other than with a separator and a second word ("U.S.", "al-").
    alone: Bits,
    /// First word, separator and second word of the other aliases ("the
    /// militants", "Turkish backed"), under one hash.
    pairs: Bits,
}

/// A set of hashes as bits (false positives only cost a search).
#[derive(Debug)]
struct Bits(Vec<u64>);

/// log2 of the number of bits in a [`Bits`].
const HASH_BITS: u32 = 16;

impl Bits {
    fn new() -> Bits {
        Bits(vec![0; 1 << (HASH_BITS - 6)])
    }

    fn slot(h: u64) -> (usize, u64) {
        let b = h >> (64 - HASH_BITS);
        ((b >> 6) as usize, 1 << (b & 63))
    }

    fn insert(&mut self, h: u64) {
        let (w, bit) = Bits::slot(h);
        self.0[w] |= bit;
    }

    #[inline]
    fn contains(&self, h: u64) -> bool {
        let (w, bit) = Bits::slot(h);
        self.0[w] & bit != 0
    }
}

/// One step of a word's hash (FxHash's multiply-rotate) over a byte, its
/// ASCII case folded by `case` (`| 0x20` lowercases letters and keeps
/// digits and the separators).
#[inline]
fn word_hash_step(h: u64, b: u8, case: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(b | case)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// The hash of bytes.
fn word_hash(bytes: &[u8], case: u8) -> u64 {
    bytes.iter().fold(0, |h, &b| word_hash_step(h, b, case))
}

/// Whether the text after a weapon names who used it ("Iranian missiles
/// fired by Russia"): the adjective before it then names only its maker.
fn launched_by(after: &[u8]) -> bool {
    let after = after.trim_ascii_start();
    ["launched by ", "fired by "]
        .iter()
        .any(|p| after.len() >= p.len() && after[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

/// Length of the run of ASCII letters and digits at the start of bytes.
fn word_len(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|c| c.is_ascii_alphanumeric()).count()
}

impl Automaton {
    /// The automaton of the patterns; files their first words (their
    /// leading ASCII letters and digits) and second words in `starts` with
    /// `flag`, and marks the first bytes of the others in `odd_starts`.
    fn build(
        pats: &[&str],
        ids: Vec<u32>,
        fold: bool,
        starts: &mut Starts,
        flag: u8,
        odd_starts: &mut [bool; 256],
    ) -> Automaton {
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(fold)
            .start_kind(StartKind::Anchored)
            .prefilter(false)
            .build(pats)
            .expect("actor aliases fit an automaton");
        let case = if fold { 0x20 } else { 0 };
        let (mut alone, mut pairs) = (Bits::new(), Bits::new());
        for p in pats {
            let b = p.as_bytes();
            let n = word_len(b);
            if n == 0 {
                if let Some(&c) = b.first() {
                    odd_starts[c as usize] = true;
                }
                continue;
            }
            let first = start_key(&b[..n]);
            let second = b.get(n + 1..).map_or(0, word_len);
            if second == 0 {
                starts.first[start_slot(first)] |= flag | flag << ALONE;
                alone.insert(word_hash(&b[..n], case));
            } else {
                starts.first[start_slot(first)] |= flag;
                starts.second[start_slot(pair_key(first, &b[n + 1..n + 1 + second]))] |= flag;
                pairs.insert(word_hash(&b[..n + 1 + second], case));
            }
        }
        Automaton { dfa, ids, case, alone, pairs }
    }

    /// The longest alias starting at byte `start` of `hay` (the automaton's
    /// leftmost-longest anchored match): its pattern and end. Match states
    /// also carry the aliases that end there but start later (the
    /// unanchored automaton's), which are passed over.
    fn longest_at(&self, hay: &[u8], start: usize) -> Option<(usize, usize)> {
        let dfa = &self.dfa;
        let mut sid = dfa.start_state(Anchored::Yes).ok()?;
        let mut found = dfa.is_match(sid).then(|| (dfa.match_pattern(sid, 0).as_usize(), start));
        for (at, &b) in hay.iter().enumerate().skip(start) {
            sid = dfa.next_state(Anchored::Yes, sid, b);
            if !dfa.is_special(sid) {
                continue;
            }
            if dfa.is_dead(sid) {
                break;
            }
            if dfa.is_match(sid) {
                let pid = dfa.match_pattern(sid, 0);
                if at + 1 - dfa.pattern_len(pid) == start {
                    found = Some((pid.as_usize(), at + 1));
                }
            }
        }
        found
    }

    /// Whether an alias may start at the word `hay[start..end]`, whose
    /// lowercased hash is `lower` and which some alias starts with: when
    /// the alias goes on with a separator and a second word, so does the
    /// text.
    fn may_start(&self, hay: &[u8], start: usize, end: usize, lower: u64) -> bool {
        let h = if self.case == 0x20 { lower } else { word_hash(&hay[start..end], self.case) };
        if self.alone.contains(h) {
            return true;
        }
        let second = hay.get(end + 1..).map_or(0, word_len);
        second > 0
            && self.pairs.contains(hay[end..end + 1 + second].iter().fold(h, |h, &b| word_hash_step(h, b, self.case)))
    }
}

/// A matched alias before resolution.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    alias: u32,
    /// For a country adjective, the noun after it
    /// ([`ActorDictionary::noun_after`]), which the country vote and the
    /// mentions both ask about.
    noun: Option<(usize, usize)>,
}

/// Nouns of places and property that a name right before them owns ("a
/// police station", "an FSB building"), not units that act ("an army
/// patrol", "a police convoy"). (Not classify's `MILITARY_POSTS`, the posts
/// whose capture is a clash: a "position" or a "point" is no property.)
const OWNED_PLACES: &[&str] = &[
    "building",
    "buildings",
    "station",
    "stations",
    "base",
    "bases",
    "airbase",
    "barracks",
    "headquarters",
    "office",
    "offices",
    "compound",
    "compounds",
    "facility",
    "facilities",
    "depot",
    "depots",
    "tunnel",
    "tunnels",
    "post",
    "posts",
    "outpost",
    "outposts",
    "checkpoint",
    "checkpoints",
    "camp",
    "camps",
    "academy",
    "airfield",
    "garrison",
    "hideout",
    "hideouts",
    "premises",
    "warehouse",
    "warehouses",
];

/// Whether the word right after a name (at `end`) is a place or property
/// it owns ([`OWNED_PLACES`]): "the army base was shelled" hits the army.
/// A manned place that acts, the noun followed by its verb in the past
/// ("a regime checkpoint fired on a car", not "a police post attacked by
/// gunmen"), stands for its men.
fn owns_place(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix([' ', '-']) else { return false };
    let word = &rest[..word_len(rest.as_bytes())];
    if !OWNED_PLACES.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return false;
    }
    let mut next = rest[word.len()..].split_whitespace();
    let verb = next.next().unwrap_or("");
    let acted = (verb.len() > 4 && verb.ends_with("ed")) || matches!(verb, "shot" | "hit" | "fought");
    !(acted && next.next() != Some("by"))
}

/// Words after a name that make it a sponsor, a maker or a place qualifier
/// rather than the actor: "SDF-held", "regime-controlled", "Turkish-backed",
/// "Iranian-made".
const QUALIFIERS: &[&str] = &[
    "held",
    "controlled",
    "run",
    "occupied",
    "backed",
    "supported",
    "sponsored",
    "funded",
    "allied",
    "aligned",
    "style",
    "era",
    "inspired",
    "besieged",
    "made",
    "built",
    "supplied",
    "manufactured",
    "designed",
];

impl ActorDictionary {
    /// The curated dictionary embedded in the binary.
    pub fn builtin() -> ActorDictionary {
        ActorDictionary::from_tables(table::COUNTRIES_TSV, table::ACTORS_TSV)
            .expect("the built-in actor tables parse (checked by the tests)")
    }

    /// The names of the dictionary's actors (neither descriptions such as
    /// "regime forces" nor country names or adjectives), with whether each
    /// matches case-sensitively.
    pub fn names(&self) -> impl Iterator<Item = (&str, bool)> {
        self.tables
            .aliases
            .iter()
            .filter(|a| !a.descriptive && matches!(a.target, Target::Entries(_)))
            .map(|a| (a.pattern.as_str(), a.case_sensitive))
    }

    /// A dictionary from tables in the layout of `data/actors/*.tsv`.
    pub fn from_tables(countries_tsv: &str, actors_tsv: &str) -> Result<ActorDictionary, TableError> {
        let tables = Tables::parse(countries_tsv, actors_tsv)?;
        let by_iso = tables.countries.iter().enumerate().map(|(i, c)| (c.iso.clone(), i)).collect();
        let (mut folded_pats, mut folded_ids, mut exact_pats, mut exact_ids) = (vec![], vec![], vec![], vec![]);
        for (i, a) in tables.aliases.iter().enumerate() {
            if a.case_sensitive {
                exact_pats.push(a.pattern.as_str());
                exact_ids.push(i as u32);
            } else {
                folded_pats.push(a.pattern.as_str());
                folded_ids.push(i as u32);
            }
        }
        let mut starts = Starts { first: vec![0; 1 << START_BITS], second: vec![0; 1 << START_BITS] };
        let mut odd_starts = [false; 256];
        let folded = Automaton::build(&folded_pats, folded_ids, true, &mut starts, FOLDED, &mut odd_starts);
        let exact = Automaton::build(&exact_pats, exact_ids, false, &mut starts, EXACT, &mut odd_starts);
        Ok(ActorDictionary { tables, by_iso, folded, exact, starts, odd_starts })
    }

    /// Number of entries (curated and generated) and of aliases.
    pub fn size(&self) -> (usize, usize) {
        (self.tables.entries.len(), self.tables.aliases.len())
    }

    /// ACLED's name of a country by its ISO alpha-2 code.
    pub fn country_name(&self, iso: &str) -> Option<&str> {
        self.by_iso.get(iso).map(|&i| self.tables.countries[i].name.as_str())
    }

    /// Actor mentions in the text, in order, undated (state forces take
    /// their latest regime period). See [`ActorDictionary::recognise_at`].
    pub fn recognise(
        &self,
        clean: &CleanText,
        sentences: &[Sentence],
        country_code: Option<&str>,
    ) -> Vec<ActorMention> {
        self.recognise_at(clean, sentences, country_code, None)
    }

    /// Actor mentions in the text, in order. `country_code` is the
    /// article's country as the places suggest: a strong vote, with the
    /// actors, country names and well-known places mentioned, for the
    /// country that names generic actors; `date` (the publication date)
    /// picks regime periods and the entry valid at the time ("Nusra Front"
    /// is Jabhat Fateh al Sham in late 2016, HTS from 2017).
    pub fn recognise_at(
        &self,
        clean: &CleanText,
        sentences: &[Sentence],
        country_code: Option<&str>,
        date: Option<NaiveDate>,
    ) -> Vec<ActorMention> {
        let hits = self.hits(&clean.text);
        let context = self.infer_country(&hits, country_code);
        let context = context.as_deref();
        let text = clean.text.as_str();
        let mut out: Vec<ActorMention> = Vec::with_capacity(hits.len());
        // End of the last mention.
        let mut last_end: Option<usize> = None;
        // End of the last adjective-noun span ("Turkish security forces"):
        // matches inside it are the noun's.
        let mut skip_until = 0;
        // The entries of the last rebel group, and the last militia, named
        // (their names are in `named`).
        let mut last_rebel: Option<u32> = None;
        let mut last_militia: Option<u32> = None;
        // Names depend only on the entry here (country and date are fixed).
        let mut named: FxMap<u32, Option<ActorRef>> = FxMap::default();
        for h in hits {
            let alias = &self.tables.aliases[h.alias as usize];
            if h.start < skip_until {
                continue;
            }
            let mut end = h.end;
            let ids = match &alias.target {
                Target::Entries(ids) => ids,
                Target::Adjective(ci) => {
                    let group = match h.noun {
                        Some((g, e)) => {
                            end = e;
                            g
                        }
                        None if heads_list_of_forces(text, h.end) => 0,
                        None => continue,
                    };
                    std::slice::from_ref(&self.tables.country_entries[*ci][group])
                }
                Target::CountryHint(_) => continue,
            };
            if qualified(text, h.start, end) {
                continue;
            }
            skip_until = end;
            let Some(id) = self.choose(ids, context, date) else { continue };
            let entry = &self.tables.entries[id as usize];
            let descriptive = alias.descriptive;
            // "IS militants", "SDF troops": the description is the name's
            // (the gap is read only for a description).
            if descriptive && last_end.is_some_and(|e| e <= h.start && text[e..h.start].trim().is_empty()) {
                continue;
            }
            let (actor, entry_id, coreferent) = if entry.anaphor {
                // "The militants", "the group": a rebel group (IS, HTS), else a
                // militia; "the militia": a militia.
                let antecedent = match entry.inter {
                    Inter::RebelGroup => last_rebel.or(last_militia),
                    _ => last_militia,
                };
                let Some((e, Some(a))) = antecedent.and_then(|e| Some((e, named.get(&e)?.as_ref()))) else { continue };
                (a.clone(), EntryId(e), true)
            } else {
                let named = named.entry(id).or_insert_with(|| self.name(entry, context, date));
                let Some(actor) = named.clone() else { continue };
                (actor, EntryId(id), false)
            };
            match actor.inter {
                _ if coreferent => {}
                Inter::RebelGroup => last_rebel = Some(entry_id.0),
                Inter::PoliticalMilitia | Inter::IdentityMilitia => last_militia = Some(entry_id.0),
                _ => {}
            }
            // "regime State Security", "regime 4th Armored Division": the
            // unit, not the description before it, names the force.
            if let Some(prev) = out.last()
                && !descriptive
                && prev.descriptive
                && prev.actor.country_code == actor.country_code
                && self.tables.entries[prev.entry.0 as usize].is_state()
                && self.tables.entries[entry_id.0 as usize].is_state()
                && matches!(text[prev.end..h.start].trim(), "" | "'s")
            {
                out.pop();
            }
            last_end = Some(end);
            out.push(ActorMention {
                start: h.start,
                end,
                actor,
                coreferent,
                descriptive,
                joins_previous: false,
                owns_place: matches!(alias.target, Target::Entries(_)) && owns_place(text, end),
                entry: entry_id,
            });
        }
        drop_identified(text, &mut out);
        mark_allies(text, sentences, &mut out);
        fold_into_umbrella(text, &mut out);
        out
    }

    /// "Turkish forces", "Iraqi civilians": the group and end of the noun
    /// after a country adjective (a hyphen counts as a space); of a noun of
    /// an act ("Russian shelling") the end of the adjective.
    fn noun_after(&self, text: &str, end: usize) -> Option<(usize, usize)> {
        let rest = text[end..].strip_prefix([' ', '-'])?.as_bytes();
        let same = |(a, b): (&u8, &u8)| a.eq_ignore_ascii_case(b) || (*a == b'-' && *b == b' ');
        // Only the nouns starting with the text's first byte can fit.
        let (from, to) = self.tables.nouns_by_byte[rest.first()?.to_ascii_lowercase() as usize];
        self.tables.nouns[from as usize..to as usize].iter().find_map(|(noun, group, taken)| {
            let n = noun.as_bytes();
            let fits = rest.len() >= n.len()
                && rest[..n.len()].iter().zip(n).all(same)
                && !rest.get(n.len()).is_some_and(|b| b.is_ascii_alphanumeric())
                && !(noun.contains("missile") && launched_by(&rest[n.len()..]));
            fits.then_some((*group, if *taken { end + 1 + n.len() } else { end }))
        })
    }

    /// A country's civil government at a date, as the codebook names it
    /// ("Government of Nigeria (2023-)"): the state acting through its
    /// authorities, not its forces.
    pub fn government(&self, iso: &str, date: Option<NaiveDate>) -> Option<ActorRef> {
        let c = &self.tables.countries[*self.by_iso.get(iso)?];
        let name = match c.period(date) {
            Some(p) => format!("Government of {} ({p})", c.force_name),
            None => format!("Government of {}", c.force_name),
        };
        Some(ActorRef { name, inter: Inter::StateForces, country_code: Some(c.iso.clone()) })
    }

    /// Names an entry for a country (the article's or the event's) and date.
    pub fn resolve(&self, entry: EntryId, country_code: Option<&str>, date: Option<NaiveDate>) -> Option<ActorRef> {
        self.name(self.tables.entries.get(entry.0 as usize)?, country_code, date)
    }

    /// The entry an alias stands for in this context: in scope, valid at
    /// the date (else the nearest in time), first listed otherwise.
    fn choose(&self, ids: &[u32], context: Option<&str>, date: Option<NaiveDate>) -> Option<u32> {
        let in_scope = ids.iter().copied().filter(|&i| self.tables.entries[i as usize].in_scope(context));
        match date {
            Some(d) => in_scope.min_by_key(|&i| self.tables.entries[i as usize].distance(d)),
            None => in_scope.min_by_key(|&i| std::cmp::Reverse(self.tables.entries[i as usize].to.is_none())),
        }
    }

    fn name(&self, entry: &Entry, context: Option<&str>, date: Option<NaiveDate>) -> Option<ActorRef> {
        let iso = match &entry.owner {
            Owner::Country(c) => Some(c.as_str()),
            Owner::Context => Some(context?),
            Owner::Nobody => None,
        };
        let country = iso.and_then(|c| self.by_iso.get(c)).map(|&i| &self.tables.countries[i]);
        // The template written out in one pass, with its placeholders'
        // expansions (which hold none).
        let mut rest = entry.name.as_str();
        let mut name = String::with_capacity(rest.len());
        if rest.contains('{') {
            let c = country?;
            let period = c.period(date);
            name.reserve(c.force_name.len() + period.map_or(0, str::len) + 24);
            while let Some(at) = rest.find('{') {
                name.push_str(&rest[..at]);
                rest = &rest[at..];
                let kind = ["{military}", "{police}", "{country}"].into_iter().find(|p| rest.starts_with(p));
                let Some(kind) = kind else {
                    name.push('{');
                    rest = &rest[1..];
                    continue;
                };
                rest = &rest[kind.len()..];
                let forces = match kind {
                    "{military}" => "Military",
                    "{police}" => "Police",
                    _ => {
                        name.push_str(&c.name);
                        continue;
                    }
                };
                name.push_str(forces);
                name.push_str(" Forces of ");
                name.push_str(&c.force_name);
                if let Some(p) = period {
                    name.push_str(" (");
                    name.push_str(p);
                    name.push(')');
                }
            }
        }
        name.push_str(rest);
        let inter = if entry.is_state() && context.is_some_and(|k| Some(k) != iso) {
            Inter::ExternalOtherForces
        } else {
            entry.inter
        };
        Some(ActorRef { name, inter, country_code: iso.map(String::from) })
    }

    /// The article's country by vote: the caller's country (from the
    /// resolved places) counts five, non-state actors of a country six,
    /// country names and well-known places four, bare adjectives (often of
    /// a person: "a Palestinian man") two, state forces ("Russian forces",
    /// often abroad) one; ties go to the first seen. Aliases with a scope
    /// (generic phrases) only decide when there is no other vote. So a
    /// village misresolved abroad does not outvote "QSD" and "Deir ez-Zor".
    fn infer_country<'a>(&'a self, hits: &[Hit], given: Option<&'a str>) -> Option<String> {
        let mut votes: Vec<(&str, u32)> = given.map(|c| (c, 5)).into_iter().collect();
        // Generic phrases with a scope ("rebels" is Syrian in Syria) decide
        // only when nothing else does.
        let mut fallback: Option<&str> = None;
        for h in hits {
            let (iso, weight) = match &self.tables.aliases[h.alias as usize].target {
                Target::CountryHint(ci) => (self.tables.countries[*ci].iso.as_str(), 4),
                // "Russian forces" are state forces, often abroad.
                Target::Adjective(ci) => {
                    let state = matches!(h.noun, Some((0 | 1, _)));
                    (self.tables.countries[*ci].iso.as_str(), if state { 1 } else { 2 })
                }
                Target::Entries(ids) => {
                    // State forces named after the article's country in a
                    // few countries vote for the state they name elsewhere
                    // ("regime": Syria's).
                    let mut e = &self.tables.entries[ids[0] as usize];
                    if e.owner == Owner::Context && e.is_state() {
                        e = ids
                            .iter()
                            .map(|&i| &self.tables.entries[i as usize])
                            .find(|o| o.owner != Owner::Context)
                            .unwrap_or(e);
                    }
                    let Owner::Country(c) = &e.owner else { continue };
                    if e.scope.is_some() {
                        fallback = fallback.or(Some(c.as_str()));
                        continue;
                    }
                    (c.as_str(), if e.is_state() { 1 } else { 6 })
                }
            };
            match votes.iter_mut().find(|(c, _)| *c == iso) {
                Some(v) => v.1 += weight,
                None => votes.push((iso, weight)),
            }
        }
        let Some(best) = votes.iter().map(|v| v.1).max() else { return fallback.map(String::from) };
        votes.iter().find(|v| v.1 == best).map(|v| v.0.to_string())
    }

    /// Alias matches on word boundaries, leftmost-longest, not overlapping.
    fn hits(&self, text: &str) -> Vec<Hit> {
        // Hyphens read as spaces.
        let mut hay = text.as_bytes().to_vec();
        for i in memchr::memchr_iter(b'-', text.as_bytes()) {
            hay[i] = b' ';
        }
        // Room for a match every 128 bytes (news has about one every 180).
        let room = || Vec::with_capacity(text.len() / 128);
        let mut scan = Scan { text, hay: &hay, at: [0, 0], out: [room(), room()] };
        // A space after a word (most words) is passed with the word when no
        // alias starts with a space.
        let skip_space = usize::from(!self.odd_starts[usize::from(b' ')]);
        let mut i = 0;
        while i < hay.len() {
            let c = hay[i];
            if !WORD[c as usize] {
                // A match starts after a byte that is no ASCII letter or digit.
                if self.odd_starts[c as usize] && (i == 0 || !hay[i - 1].is_ascii_alphanumeric()) {
                    scan.try_at(&self.folded, i, 0);
                    scan.try_at(&self.exact, i, 1);
                }
                i += 1;
                continue;
            }
            let start = i;
            i = crate::swar::alnum_end(&hay, i + 1);
            self.word(&mut scan, start, i);
            i += skip_space * usize::from(hay.get(i) == Some(&b' '));
        }
        let [mut all, mut exact] = scan.out;
        all.append(&mut exact);
        all.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut out: Vec<Hit> = Vec::with_capacity(all.len());
        for mut h in all {
            if out.last().is_none_or(|l| h.start >= l.end) {
                if let Target::Adjective(_) = self.tables.aliases[h.alias as usize].target {
                    h.noun = self.noun_after(text, h.end);
                }
                out.push(h);
            }
        }
        out
    }

    /// Asks the automata about an alias at the word `start..end` (ended by
    /// a non-word byte) when some alias may start with it.
    fn word(&self, scan: &mut Scan, start: usize, end: usize) {
        let hay = scan.hay;
        let first = start_key(&hay[start..end]);
        let flags = self.starts.first[start_slot(first)];
        if flags == 0 {
            return;
        }
        let mut want = flags & (FOLDED | EXACT);
        let alone = flags >> ALONE;
        if want & !alone != 0 {
            // Only two-word aliases start with the word: the next word
            // must be one's second.
            let pair = match hay.get(end + 1..) {
                Some(rest) if rest.first().is_some_and(|b| WORD[*b as usize]) => {
                    self.starts.second[start_slot(pair_key(first, rest))]
                }
                _ => 0,
            };
            want &= alone | pair;
            if want == 0 {
                return;
            }
        }
        let h = word_hash(&hay[start..end], 0x20);
        if want & FOLDED != 0 && self.folded.may_start(hay, start, end, h) {
            scan.try_at(&self.folded, start, 0);
        }
        if want & EXACT != 0 && self.exact.may_start(hay, start, end, h) {
            scan.try_at(&self.exact, start, 1);
        }
    }
}

/// Phrases that identify an unidentified group with the named one after it.
const IDENTIFIED_AS: &[&str] = &[
    "believed to be",
    "suspected",
    "thought to be",
    "likely",
    "said to be",
    "identified as",
    "belonging to",
    "affiliated",
];

/// "Unknown gunmen believed to be IS members": the named group is the actor.
fn drop_identified(text: &str, out: &mut Vec<ActorMention>) {
    let mut drop = vec![false; out.len()];
    for (i, pair) in out.windows(2).enumerate() {
        let between = &text[pair[0].end..pair[1].start];
        drop[i] = pair[0].actor.name.starts_with("Unidentified")
            && !pair[1].descriptive
            && between.len() < 60
            && !between.contains([',', '.', ';'])
            && IDENTIFIED_AS.iter().any(|w| between.contains(w));
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// The words between a group and the named operation or front it fights
/// under: "the brigade, which operates under Operation Olive Branch",
/// "militias operating as part of an operation", "fighters under the
/// umbrella of the NLF".
static OPERATING_UNDER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^,?\s*(?:(?:forces|fighters|members|factions|groups)\s+)?(?:(?:which|that|who|whom)\s+)?(?:(?:is|are|was|were)\s+)?operat(?:e|es|ed|ing)\s+(?:under|as\s+(?:a\s+)?part\s+of|within)\s+(?:the\s+)?(?:(?:umbrella|banner)\s+of\s+(?:the\s+)?)?$",
    )
});

/// "Two brigades, which operate under Operation Olive Branch, fought the
/// QSD": ACLED names the operation the actor (the brigades are associated
/// actors), so the named umbrella takes the place of the group before it
/// and of the side listed with that group ("a militia and its allies, which
/// operate under the operation"); "Turkish troops, backed by factions
/// operating under an operation" (ACLED: the operation, the Turkish forces
/// associated).
fn fold_into_umbrella(text: &str, out: &mut Vec<ActorMention>) {
    let mut drop = vec![false; out.len()];
    for i in 1..out.len() {
        let between = &text[out[i - 1].end..out[i].start];
        if out[i].descriptive || between.len() > 60 || !between.contains("perat") || !OPERATING_UNDER.is_match(between)
        {
            continue;
        }
        let mut head = i - 1;
        drop[head] = true;
        while head > 0 && out[head].joins_previous && !drop[head - 1] {
            head -= 1;
            drop[head] = true;
        }
        out[i].joins_previous = out[head].joins_previous;
    }
    let mut i = 0;
    out.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// Words between two mentions that put the second on the first's side.
const ALLY_LINKS: &[&str] = &[
    "supported by",
    "backed by",
    "with the support of",
    "with support from",
    "with the backing of",
    "along with",
    "alongside",
    "in coordination with",
    "together with",
    "as well as",
    "assisted by",
    "aided by",
    "reinforced by",
    "accompanied by",
    "including",
    "joined by",
    "and allied",
    "and their allies",
    "and its allies",
];
/// Nouns for a group's members that may follow its name before a link
/// ("VDP volunteers and soldiers", "HTS fighters, backed by …").
const MEMBER_NOUNS: &[&str] =
    &["fighters", "forces", "members", "militants", "militiamen", "troops", "soldiers", "volunteers", "gunmen"];

/// Words between two mentions that list them, on one side unless the
/// list is "between A and B" (opponents) with no "against" after.
const LIST_LINKS: &[&str] = &["and", ",", ", and", "and/or", "or", "/", "&"];

/// Sets [`ActorMention::joins_previous`].
fn mark_allies(text: &str, sentences: &[Sentence], out: &mut [ActorMention]) {
    for i in 1..out.len() {
        let (prev, cur) = (&out[i - 1], &out[i]);
        if prev.end > cur.start {
            continue;
        }
        let between = text[prev.end..cur.start].trim();
        if between.len() > 40 || between.contains(['.', ';', '\n']) {
            continue;
        }
        let between = between.to_ascii_lowercase();
        let between = ["the ", "its ", "their ", "a "]
            .iter()
            .fold(between.as_str(), |b, a| b.strip_suffix(a.trim_end()).map_or(b, str::trim_end));
        let between = between.trim_start_matches(", ").trim();
        // A noun closing the first one's name ("VDP volunteers and soldiers"),
        // unless the two are a state force and a rebel group, opponents
        // each named with their members ("rebel fighters and soldiers").
        let opponents = matches!(
            (prev.actor.inter, cur.actor.inter),
            (Inter::StateForces, Inter::RebelGroup) | (Inter::RebelGroup, Inter::StateForces)
        );
        let between = MEMBER_NOUNS
            .iter()
            .filter(|_| !opponents)
            .find_map(|n| between.strip_prefix(n).map(str::trim_start).filter(|r| *r == "and"))
            .unwrap_or(between);
        // "supported by pro-regime militias against the rebels": "against"
        // turns to the other side.
        let joined = if ALLY_LINKS.iter().any(|l| between.starts_with(l)) {
            !contains_word(between.as_bytes(), b"against")
        } else if LIST_LINKS.contains(&between) {
            // Within the sentence, and at most 200 bytes either side.
            let (ss, se) = sentences
                .iter()
                .find(|s| s.start <= prev.start && prev.end <= s.end)
                .map_or((0, text.len()), |s| (s.start, s.end));
            let before = &text.as_bytes()[ss.max(prev.start.saturating_sub(200))..prev.start];
            let after = &text.as_bytes()[cur.end..se.min(cur.end + 200)];
            (!contains_word(before, b"between") || contains_word(after, b"against"))
                // "A and B clashed": two sides, when the list is theirs alone.
                && (prev.joins_previous || !fought_each_other(text, cur.end, out.get(i + 1).map(|n| n.start)))
        } else {
            false
        };
        out[i].joins_previous = joined;
    }
}

/// Verbs of two sides fighting each other when their subject lists both
/// ("QSD and IS clashed", "regime forces and rebels exchanged shelling").
const RECIPROCAL: &[&str] = &[
    "clashed",
    "exchanged",
    "fought",
    "battled",
    "engaged in clashes",
    "engaged in armed clashes",
    "engaged in fighting",
    "engaged each other",
    "engaged in heavy fighting",
    "engaged in heavy clashes",
    "traded",
    "skirmished",
    "were locked in",
    "locked in fighting",
];

/// Whether a reciprocal verb follows the listed mention ending at `end`
/// without a third party after it ("A and B clashed with C": A and B are
/// on one side), `next` being where the next mention starts.
fn fought_each_other(text: &str, end: usize, next: Option<usize>) -> bool {
    let rest = text[end..].trim_start();
    // A noun may close the second side's name ("opposition rebel factions").
    let rest = ["factions ", "fighters ", "forces ", "members ", "militants ", "troops ", "soldiers "]
        .iter()
        .find_map(|n| rest.get(..n.len()).filter(|h| h.eq_ignore_ascii_case(n)).map(|_| rest[n.len()..].trim_start()))
        .unwrap_or(rest);
    let Some(verb) = RECIPROCAL.iter().find(|v| {
        rest.len() >= v.len()
            && rest.as_bytes()[..v.len()].eq_ignore_ascii_case(v.as_bytes())
            && rest.as_bytes().get(v.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
    }) else {
        return false;
    };
    let verb_end = text.len() - rest.len() + verb.len();
    let party = next.filter(|&n| n >= verb_end && n - verb_end <= 20).is_some_and(|n| {
        let gap = text[verb_end..n].to_ascii_lowercase();
        gap.split_whitespace().any(|w| w == "with" || w == "against")
    });
    !party
}

/// Whether bytes contain a word, ignoring ASCII case.
fn contains_word(hay: &[u8], word: &[u8]) -> bool {
    hay.windows(word.len()).enumerate().any(|(i, w)| {
        w.eq_ignore_ascii_case(word)
            && (i == 0 || !hay[i - 1].is_ascii_alphanumeric())
            && hay.get(i + word.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

/// The state of [`ActorDictionary::hits`]' scan, per automaton (folded 0,
/// exact 1): where its last match ended, and its matches.
struct Scan<'a> {
    text: &'a str,
    /// The text with hyphens as spaces.
    hay: &'a [u8],
    at: [usize; 2],
    out: [Vec<Hit>; 2],
}

impl Scan<'_> {
    /// The longest alias of automaton `a` (number `which`) starting at
    /// `start`, kept when it sits on word boundaries and starts no earlier
    /// than the end of the automaton's last match (which then moves to its
    /// end). Asked at every word that may start an alias, in order, this
    /// keeps what an unanchored leftmost-longest scan resuming after
    /// rejected matches keeps, as a rejected match only moves the scan on
    /// by a character.
    fn try_at(&mut self, a: &Automaton, start: usize, which: usize) {
        if start < self.at[which] {
            return;
        }
        let (text, hay) = (self.text, self.hay);
        let Some((pattern, end)) = a.longest_at(hay, start) else { return };
        if text.is_char_boundary(start) && text.is_char_boundary(end) && bounded(text, start, end) {
            self.out[which].push(Hit { start, end, alias: a.ids[pattern], noun: None });
            self.at[which] = end;
        }
    }
}

/// Nouns that close a list of forces opened by a bare adjective.
const LIST_NOUNS: &str = "forces|troops|soldiers|fighters|army|armies|warplanes|jets|aircraft|drones|positions|factions|militias|units|convoy|convoys|patrols|bases|points|posts";

/// "Turkish and pro-Turkish faction fighters", "Syrian, Iranian and
/// Hezbollah positions": a bare adjective followed by a list separator and,
/// in the same clause, a noun of forces.
fn heads_list_of_forces(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(rest) = [", ", " and/or ", " and ", " or ", "/"].iter().find_map(|sep| rest.strip_prefix(sep)) else {
        return false;
    };
    let clause = rest.split(['.', ';', '\n']).next().unwrap_or("");
    clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .any(|w| LIST_NOUNS.split('|').any(|n| w.eq_ignore_ascii_case(n)))
}

/// Whether a span starts and ends on word boundaries.
fn bounded(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric();
    // An ASCII byte is a whole character: tested without decoding.
    let before = match start.checked_sub(1).map(|i| text.as_bytes()[i]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..start].chars().next_back().is_some_and(word),
    };
    let after = match text.as_bytes().get(end) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[end..].chars().next().is_some_and(word),
    };
    !before && !after
}

/// "SDF-held", "regime-controlled", "pro-regime", "anti-IS": the name
/// qualifies something else.
fn qualified(text: &str, start: usize, end: usize) -> bool {
    let before = &text.as_bytes()[start.saturating_sub(5)..start];
    let ends = |s: &str| before.len() >= s.len() && before[before.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes());
    if ends("pro-") || ends("anti-") || ends("anti ") {
        return true;
    }
    let Some(rest) = text[end..].strip_prefix('-') else { return false };
    QUALIFIERS.iter().any(|q| {
        rest.len() >= q.len()
            && rest.as_bytes()[..q.len()].eq_ignore_ascii_case(q.as_bytes())
            && !rest[q.len()..].chars().next().is_some_and(char::is_alphanumeric)
    })
}
