//! Recognition and resolution: place mentions in sentences, and the place
//! each one means.
//!
//! Recognition looks up capitalised token n-grams (1..=5 tokens, longest
//! first, with connectors such as "al", "de", "of" inside) in the hash
//! index of folded names; single words that are ordinary English (the
//! stop-list, or written in lowercase elsewhere in the article) are not
//! places. Resolution is per distinct name in the article ("one sense per
//! discourse"): each candidate's prior (population, feature type, how the
//! name matched) plus support from the other names — their countries and
//! first-level divisions, proximity, and "X, Y" containment.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::index::{ALT, DEMONYM, Fx, FxMap};
use super::{Gazetteer, Place, PlaceMention};
use crate::clean::CleanText;
use crate::model::GeoPrecision;
use crate::segment::Sentence;

/// A place a name may mean.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub id: u32,
    pub alt: bool,
    pub demonym: bool,
    pub skeleton: bool,
    pub prior: f32,
}

impl Candidate {
    pub fn new(g: &Gazetteer, id: u32, flags: u32, skeleton: bool) -> Candidate {
        let (alt, demonym) = (flags & ALT != 0, flags & DEMONYM != 0);
        let known = (f32::from(g.name_count(id)) + 1.0).ln() * 0.08;
        // A gazetteer the user added (`--gazetteer`) names the places they
        // care about: its villages outrank same-named places elsewhere.
        let added = if g.is_added(id) && g.place(id).feature_code.starts_with("PPL") { ADDED_BONUS } else { 0.0 };
        Candidate { id, alt, demonym, skeleton, prior: prior(g.place(id), alt, skeleton) + known + added }
    }
}

/// Prior bonus of the places of an added dump: enough to lift a village's
/// alternate name over the bar a bare alternate name must pass.
const ADDED_BONUS: f32 = 0.5;

/// What a place is worth before context: bigger and more important places
/// are what a bare name usually means.
fn prior(p: &Place, alt: bool, skeleton: bool) -> f32 {
    let pop = population(p);
    let feature = match p.feature_code.as_str() {
        "PCLI" => 2.0,
        "ADM1" => 0.9,
        // A county named without "County" (its only alternate name) is
        // less what the word means than a town named so exactly: it takes
        // the article's home state or a "counties" after it.
        "ADM2" if alt => BARE_COUNTY,
        "ADM2" => 0.5,
        "PPLC" => 0.9,
        "RGN" | "AREA" | "PSTB" => 1.2,
        "PPLA" => 0.45,
        "PPLA2" => 0.2,
        _ => 0.0,
    };
    pop + feature - if alt { 0.35 } else { 0.0 } - if skeleton { 0.4 } else { 0.0 }
}

/// Feature term of a county named bare ("Barrow", "Gage").
const BARE_COUNTY: f32 = -0.3;

/// The prior's population term.
fn population(p: &Place) -> f32 {
    ((p.population as f32) + 1.0).ln() / 16.0
}

/// Population from which a town is a city whose name readers know.
const CITY: u64 = 100_000;

/// Population (the sum of its towns') under which a division is too small
/// to be what its bare name means.
const SMALL_DIVISION: u64 = 20_000;

/// Best first, one per geonameid, at most 30. A division named like its
/// capital ("Aleppo", "Raqqa", the district of "Geneva") yields to the
/// city: events happen in towns.
pub fn dedup(g: &Gazetteer, cands: &mut Vec<Candidate>) {
    if cands.iter().any(|c| matches!(g.place(c.id).feature_code.as_str(), "ADM1" | "ADM2")) {
        // A city named after its division ("Oklahoma City") leaves the
        // bare name ("Oklahoma") to the division.
        let capitals: Vec<(&str, &str, bool, &str)> = cands
            .iter()
            .map(|c| g.place(c.id))
            .filter(|p| matches!(p.feature_code.as_str(), "PPLA" | "PPLC" | "PPLA2"))
            .map(|p| (p.country_code.as_str(), p.admin1.as_str(), p.feature_code != "PPLA2", p.name.as_str()))
            .collect();
        for c in cands.iter_mut() {
            let p = g.place(c.id);
            let seat = |&(cc, a1, first, name): &(&str, &str, bool, &str)| {
                cc == p.country_code
                    && a1 == p.admin1
                    && (first || p.feature_code == "ADM2")
                    && name.strip_suffix(" City") != Some(p.name.as_str())
            };
            if matches!(p.feature_code.as_str(), "ADM1" | "ADM2") && capitals.iter().any(seat) {
                // Its people are counted for the city too.
                c.prior -= 1.0 + population(p);
            }
        }
    }
    cands.sort_by(|a, b| b.prior.total_cmp(&a.prior));
    if cands.len() <= DEDUP_SCAN {
        // Few candidates: the kept ones are searched, no set is built.
        let mut kept = 0;
        for i in 0..cands.len() {
            let id = g.place(cands[i].id).geonameid;
            if !cands[..kept].iter().any(|c| g.place(c.id).geonameid == id) {
                cands[kept] = cands[i];
                kept += 1;
            }
        }
        cands.truncate(kept);
    } else {
        let mut seen = HashSet::with_capacity_and_hasher(cands.len(), BuildHasherDefault::<Fx>::default());
        cands.retain(|c| seen.insert(g.place(c.id).geonameid));
    }
    cands.truncate(30);
}

/// Up to this many candidates, [`dedup`] compares them pairwise.
const DEDUP_SCAN: usize = 16;

/// Words joining the parts of a multi-word name.
const CONNECTORS: &[&str] = &[
    "al", "el", "ad", "as", "ar", "az", "at", "an", "ash", "ez", "es", "ed", "de", "del", "di", "da", "la", "le",
    "les", "du", "des", "do", "dos", "das", "of", "upon", "bin", "ibn", "bani", "bou", "abu", "the", "and",
];

/// The longest connector: longer tokens skip the list.
const CONNECTOR_LEN: usize = 4;

/// [`CONNECTORS`] as [`short_code`]s: a token is checked with a few integer
/// comparisons instead of string ones.
const CONNECTOR_CODES: [u32; CONNECTORS.len()] = {
    let mut codes = [0; CONNECTORS.len()];
    let mut i = 0;
    while i < codes.len() {
        codes[i] = short_code(CONNECTORS[i]);
        i += 1;
    }
    codes
};

/// The bytes of a word of at most four bytes as one number (distinct for
/// distinct words without NUL bytes; longer words share their first four's).
const fn short_code(w: &str) -> u32 {
    match *w.as_bytes() {
        [] => 0,
        [a] => a as u32,
        [a, b] => a as u32 | (b as u32) << 8,
        [a, b, c] => a as u32 | (b as u32) << 8 | (c as u32) << 16,
        [a, b, c, d, ..] => u32::from_le_bytes([a, b, c, d]),
    }
}

/// Arabic definite articles, which may start a name in lowercase
/// ("al-Qaim"); all of them are connectors.
const ARABIC_ARTICLES: &[&str] = &["al", "el", "ad", "as", "ar", "az", "at", "an", "ash", "ez", "es", "ed"];

/// Arabic articles that are also English words: written apart and in
/// lowercase they are the English word ("at Moscow", "as Geneva"), so a name
/// that starts with them is taken only as the gazetteer spells it, not as a
/// variant spelling of the name after them.
const ENGLISH_ARTICLES: &[&str] = &["at", "as", "an"];

/// Generic words of Arabic place names ("Ein", "Tal", "Kafr"): part of a
/// name, never a place by themselves.
const GENERIC: &[&str] = &[
    "ein", "ain", "ayn", "tal", "tel", "tell", "tall", "deir", "dayr", "kafr", "khirbet", "khirbat", "jabal", "jebel",
    "wadi", "bir", "ras", "umm", "abu", "bab", "qasr", "hayy",
];

/// Words before a name that make it a place.
const LOCATIVE: &[&str] = &["in", "at", "from", "to", "into", "across", "toward", "towards", "via", "outside", "near"];

/// Words before a name that make it a person's ("Mr Dunn", "President Lincoln").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "secretary",
    "minister",
    "gen",
    "general",
    "col",
    "colonel",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "mayor",
    "judge",
    "officer",
    "spokesman",
    "spokeswoman",
    "chief",
    "director",
    "professor",
    "prof",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "lt",
    "sgt",
    "capt",
    "captain",
    "commander",
    "brig",
    "maj",
    "sir",
    "lady",
    "lord",
    "saint",
    "pope",
    "father",
    "rev",
    "coach",
    "chairman",
    "councilman",
    "councilwoman",
    "commissioner",
    "sheriff",
    "deputy",
    "trooper",
    "pastor",
    "bishop",
    "detective",
    "sergeant",
    "lieutenant",
];

/// Words after a name that make it a speaker ("Dunn said").
const SPEECH: &[&str] = &["said", "says", "told", "added", "stated", "wrote", "explained", "noted", "argued"];

/// Words before a name that make it a surname ("Mr Walker", "Dr. Patric").
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "miss"];

/// Words after a small place's name that make it a person's or a group's
/// ("Khalid bin Walid", "Hamza Division").
const ORGANISATION: &[&str] = &[
    "bin",
    "ibn",
    "bint",
    "division",
    "brigade",
    "brigades",
    "battalion",
    "regiment",
    "army",
    "front",
    "movement",
    "corps",
    "faction",
    "militia",
    "operation",
    "legion",
];

/// Capitalised words after a place name that make it part of an outlet's or
/// a company's name ("Fars News Agency", "Syria TV", "Iraqi Airways").
const OUTLET: &[&str] = &[
    "news",
    "agency",
    "observatory",
    "times",
    "tv",
    "television",
    "radio",
    "gazette",
    "herald",
    "tribune",
    "post",
    "daily",
    "journal",
    "press",
    "broadcasting",
    "airlines",
    "airways",
];

/// Capitalised words after a place name that make it part of a street's
/// name ("Clinton Street", "Orchard St.", "Denver Ave.").
const STREETS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "drive",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "trail",
    "parkway",
    "pkwy",
    "pike",
];

/// Abbreviated words that begin a name: "St. Petersburg", "Ft. Worth",
/// "Mt. Pleasant", "Sault Ste. Marie", "W. Va." (the gazetteer lists the
/// short forms).
const ABBREVIATIONS: &[&str] = &["st", "ste", "ft", "mt", "w"];

/// Whether `x` goes on a name after the abbreviation `prev` and its dot.
fn abbreviated(text: &str, prev: &Tok, prev_key: &str, x: &Tok) -> bool {
    // ("W." is an initial but in "W. Va.": "George W. Bush" is no place.)
    let w_va = prev_key != "w" || text[x.start..x.end].eq_ignore_ascii_case("va");
    prev.cap && ABBREVIATIONS.contains(&prev_key) && w_va && text.as_bytes()[prev.end..x.start] == *b". "
}

/// Lowercase words joined to a name by a hyphen that make it a sponsor's or
/// a stance's, not a place ("Turkish-backed factions", "Iranian-led
/// militias", "pro-Iran militias", "anti-US protests", "HTS-held town",
/// "Russian-made jets").
const SPONSORED: &[&str] = &[
    "backed",
    "led",
    "supported",
    "sponsored",
    "aligned",
    "affiliated",
    "funded",
    "allied",
    "held",
    "controlled",
    "trained",
    "made",
    "pro",
    "anti",
];

/// Words after two places joined by a hyphen that make the pair a route or
/// a line between them ("the Damascus-Daraa road", "the Saraqib-Nayrab
/// axis"): an event there is at neither end.
const ROUTES: &[&str] =
    &["road", "highway", "axis", "triangle", "route", "line", "front", "frontline", "railway", "corridor", "border"];

/// The places inside a hyphened word the gazetteer does not know whole
/// ("Egyptian-US relations", "Fargo-Moorhead", "D-Charleston", "an
/// Australia-wide ban"), as (start, end, folded key) within the word: each
/// capitalised part of three letters or more, or an acronym ("US"), that
/// is a name, unless the
/// word is a sponsor's ("Russian-backed"), an Arabic name with its
/// articles ("Al-Joura-Al-Thawra") or, with a capitalised word
/// next to it, part of a person's or a firm's name ("Jean-Pierre Dupont").
fn hyphen_parts(g: &Gazetteer, word: &str, in_longer_name: bool) -> Vec<(usize, usize, String)> {
    let parts: Vec<(usize, &str)> = word
        .split('-')
        .scan(0, |at, p| {
            let start = *at;
            *at += p.len() + 1;
            Some((start, p))
        })
        .collect();
    // ("Al-Joura-Al-Thawra": an Arabic name in pieces, not several names.)
    if parts.iter().any(|&(_, p)| SPONSORED.iter().chain(ARABIC_ARTICLES).any(|w| p.eq_ignore_ascii_case(w))) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &(start, part) in &parts {
        // "US" in "Egyptian-US" is a country; "DFL" in "DFL-Cook" a party.
        let acronym = part.len() <= 4 && part.chars().all(|c| c.is_ascii_uppercase());
        if !part.starts_with(char::is_uppercase) || part.len() < 3 && !acronym {
            continue;
        }
        let key = super::fold::fold(part);
        if g.is_stopword(&key) && !(acronym && (key == "us" || key == "uk")) || !g.has_exact(&key) {
            continue;
        }
        let people = is_a_people(g, &g.candidates(&key, false));
        if (in_longer_name || acronym) && !people {
            continue;
        }
        out.push((start, start + part.len(), key));
    }
    out
}

/// Words of a division named by its direction alone ("South West",
/// "Western", "Central").
const COMPASS_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "far",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Whether a word names a disease after the place before it ("Marburg
/// virus", "Reston ebolavirus", "Lassa fever").
fn is_disease(word: &str) -> bool {
    word.ends_with("virus") || matches!(word, "fever" | "disease" | "flu" | "influenza")
}

/// Whether a name's candidates include a demonym or a country: the name
/// stands for a people or a state ("US", "Egyptian"), not only a town.
fn is_a_people(g: &Gazetteer, cands: &[Candidate]) -> bool {
    cands.iter().any(|c| c.demonym || g.place(c.id).feature_code == "PCLI")
}

/// Capitalised words after a place name that do not make it a person's.
const QUALIFIERS: &[&str] = &[
    "province",
    "governorate",
    "city",
    "county",
    "airport",
    "international",
    "university",
    "region",
    "district",
    "river",
    "valley",
    "desert",
    "mountains",
    "state",
    "border",
    "crossing",
    "countryside",
    "military",
    "air",
    "base",
    "police",
    "army",
    "forces",
    "government",
    "council",
    "hospital",
    "camp",
    "prison",
    "dam",
    "road",
    "highway",
    "street",
    "square",
    "bridge",
    "port",
    "bay",
    "island",
    "islands",
    "lake",
    "sea",
    "gulf",
    "health",
    "department",
    "times",
    "post",
    "news",
    "daily",
    "herald",
    "tribune",
    "journal",
    "press",
    "fire",
    "board",
    "chamber",
    "town",
    "township",
    "village",
    "regional",
    "mayor",
    "selectman",
    "selectmen",
    "school",
    "schools",
    "high",
    "library",
    "church",
    "community",
    "medical",
    "club",
    "society",
    "public",
    "volunteer",
    "historical",
    "parks",
    "court",
    "superior",
    "circuit",
    "municipal",
    "commission",
    "authority",
    "rescue",
    "republican",
    "democrat",
    "democratic",
    "chief",
    "senior",
    "seniors",
    "elks",
    "rotary",
    "lions",
];

/// Lowercase words that end an area name ("Sweida desert").
const AREA_WORDS: &[&str] =
    &["desert", "countryside", "valley", "crossing", "border", "mountains", "camp", "plains", "plain", "pocket"];

/// Words before a name that put the event near it, not in it.
const NEAR_BEFORE: &[&str] = &[
    "near",
    "outside",
    "around",
    "nearby",
    "outskirts",
    "vicinity",
    "countryside",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "eastern",
    "western",
    "northern",
    "southern",
    "rural",
    "surroundings",
    "edge",
    "between",
];

/// Words after a name that put the event near it, not in it.
const NEAR_AFTER: &[&str] = &["countryside", "outskirts", "surroundings", "area", "suburbs", "environs", "desert"];

/// Words after a name that make it a division ("Hama province", "Bauchi
/// state"): [`FIRST_LEVEL`] ones a first-level division, also with "of"
/// before the name ("the state of Washington"); the others one of the first
/// or second level.
const DIVISION_AFTER: &[&str] = &[
    "province",
    "governorate",
    "oblast",
    "prefecture",
    "district",
    "county",
    "counties",
    "parish",
    "provinces",
    "districts",
];

/// Bits of [`LISTS`]: the word lists the candidate loop asks most often
/// about a word.
const IN_TITLES: u32 = 1;
const IN_QUALIFIERS: u32 = 2;
const IN_NEAR_BEFORE: u32 = 4;
const IN_NEAR_AFTER: u32 = 8;
const IN_LOCATIVE: u32 = 16;
const IN_DIVISION_AFTER: u32 = 32;
const IN_FIRST_LEVEL: u32 = 64;

/// Which of those lists hold a word (its [`LISTS`] bits), by word: one hash
/// lookup answers them all, where scanning [`TITLES`], [`QUALIFIERS`] and
/// [`NEAR_BEFORE`] compared up to 131 words per name found.
static LISTS: LazyLock<FxMap<&'static str, u32>> = LazyLock::new(|| {
    let mut lists: FxMap<&'static str, u32> = FxMap::default();
    let all = [
        (TITLES, IN_TITLES),
        (QUALIFIERS, IN_QUALIFIERS),
        (NEAR_BEFORE, IN_NEAR_BEFORE),
        (NEAR_AFTER, IN_NEAR_AFTER),
        (LOCATIVE, IN_LOCATIVE),
        (DIVISION_AFTER, IN_DIVISION_AFTER),
        (FIRST_LEVEL, IN_FIRST_LEVEL),
    ];
    for (list, bit) in all {
        for &w in list {
            *lists.entry(w).or_insert(0) |= bit;
        }
    }
    lists
});

/// Division words only a first-level division takes: no county is called a
/// "region" or a "state", so "the Pacific region" is no Pacific County.
const FIRST_LEVEL: &[&str] = &["region", "state"];

/// [`Raw::division`] bits: a word of [`DIVISION_AFTER`], of [`FIRST_LEVEL`].
const ANY_DIVISION: u8 = 1;
const FIRST_DIVISION: u8 = 2;

/// What a word next to a name says of it, from the word's [`LISTS`] bits:
/// [`ANY_DIVISION`], [`FIRST_DIVISION`] or 0.
fn division_word(bits: u32) -> u8 {
    if bits & IN_FIRST_LEVEL != 0 {
        FIRST_DIVISION
    } else if bits & IN_DIVISION_AFTER != 0 {
        ANY_DIVISION
    } else {
        0
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Tok<'a> {
    start: usize,
    end: usize,
    /// The key of an ASCII word: its span of the article lowercased once
    /// ([`Keys::lower`]), sliced once here rather than at every look.
    key: &'a str,
    /// The key's span in [`Keys::folded`] when `folded`.
    folded_key: (usize, usize),
    cap: bool,
    caps: bool,
    conn: bool,
    /// No sentence punctuation between the previous token and this one.
    glued: bool,
    /// The key is in [`Keys::folded`], not a span of the lowercased article.
    folded: bool,
}

/// The tokens' keys (folded words): an ASCII word's is its own span of the
/// article lowercased once (nearly every word: no copy per token), the
/// others' are folded into `folded` ([`super::fold::fold_into`]).
struct Keys<'a> {
    lower: &'a str,
    folded: String,
}

impl<'k> Keys<'k> {
    #[inline]
    fn of(&'k self, t: &Tok<'k>) -> &'k str {
        if t.folded { &self.folded[t.folded_key.0..t.folded_key.1] } else { t.key }
    }

    /// [`Keys::of`] as a function of the token alone.
    fn getter(&'k self) -> impl Fn(&Tok<'k>) -> &'k str + Copy + 'k {
        move |t| self.of(t)
    }
}

struct Raw {
    start: usize,
    end: usize,
    key: String,
    single: bool,
    /// An all-capitals word ("UN", "FDA"): only a country or division.
    acronym: bool,
    /// A common English word ("Reading") with no locative word before it.
    common: bool,
    /// After a locative word ("in", "near"): a place even if the same name
    /// is a person's elsewhere in the article.
    locative: bool,
    near: bool,
    /// [`ANY_DIVISION`] and [`FIRST_DIVISION`] bits.
    division: u8,
    /// Index of the raw mention written right after ", ".
    container: Option<usize>,
    /// The container is named with "in"/"of" ("X in Y countryside"), not
    /// after a comma, which may also join a list ("Homs, Hama").
    inside: bool,
}

pub fn recognise<'g>(g: &'g Gazetteer, clean: &CleanText, sentences: &[Sentence]) -> Vec<PlaceMention<'g>> {
    let text = clean.text.as_str();
    let mut raws: Vec<Raw> = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut keys = Keys { lower: &lower, folded: String::new() };
    let mut toks: Vec<Tok> = Vec::new();
    let mut key = String::new();
    let (mut joined_buf, mut skeleton_buf) = (String::new(), String::new());
    // Answers of the skeleton index by the probe's key hash: names repeat.
    let mut skeletons: FxMap<u64, bool> = FxMap::default();
    // The top exact candidate of each one-word name met so far, and whether
    // any names a people or a country.
    let mut tops: FxMap<String, (Option<u32>, bool)> = FxMap::default();
    let mut persons: HashSet<String, BuildHasherDefault<Fx>> = HashSet::default();
    // Surnames: words that speak ("Walker said") or follow an honorific
    // ("Mrs Walker") anywhere in the article; and the raw mentions whose
    // next word is one of them, with that word ("Mary Walker").
    let mut surnames: HashSet<String, BuildHasherDefault<Fx>> = HashSet::default();
    let mut first_names: Vec<(usize, String)> = Vec::new();
    let mut lowercase = Lowercase::new(text);
    let lists = &*LISTS;
    let bits = |w: &str| lists.get(w).copied().unwrap_or(0);
    for s in sentences {
        tokenize(text, s.start, s.end, &mut toks, &mut keys);
        let kstr = keys.getter();
        for (n, x) in toks.iter().enumerate() {
            if !x.cap || x.caps || x.conn {
                continue;
            }
            // ("a resident of Bakersfield told": the place says who speaks.)
            let placed = || n > 0 && (kstr(&toks[n - 1]) == "of" || bits(kstr(&toks[n - 1])) & IN_LOCATIVE != 0);
            let speaks = toks.get(n + 1).is_some_and(|y| y.glued && SPEECH.contains(&kstr(y))) && !placed();
            // "according to Hayden.": a one-word source, nothing after it.
            let source = n > 1
                && x.glued
                && kstr(&toks[n - 1]) == "to"
                && kstr(&toks[n - 2]) == "according"
                && toks.get(n + 1).is_none_or(|y| !y.glued);
            if speaks || source || n > 0 && HONORIFICS.contains(&kstr(&toks[n - 1])) {
                surnames.insert(kstr(x).to_string());
            }
        }
        let mut i = 0;
        let mut prev_raw_end: Option<(usize, usize)> = None;
        while i < toks.len() {
            let t = toks[i];
            if !t.cap && !t.conn {
                i += 1;
                continue;
            }
            if t.cap
                && let Some((a, b)) = party_seat(text, t.start)
            {
                let key = super::fold::fold(&text[a..b]);
                if key.len() >= 2 && g.has_exact(&key) {
                    let idx = raws.len();
                    raws.push(Raw {
                        start: a,
                        end: b,
                        single: !key.contains(' '),
                        key,
                        acronym: false,
                        common: false,
                        locative: false,
                        near: false,
                        division: 0,
                        container: None,
                        inside: false,
                    });
                    prev_raw_end = Some((idx, b));
                    while i < toks.len() && toks[i].start < b {
                        i += 1;
                    }
                    continue;
                }
            }
            // A connector ("of", "the") starts a name only as an Arabic
            // article before a capitalised word: the list is asked only then.
            let next_cap = toks.get(i + 1).is_some_and(|n| n.cap);
            if !t.cap && !next_cap {
                i += 1;
                continue;
            }
            let arabic_article = t.conn && ARABIC_ARTICLES.contains(&kstr(&t));
            if !(t.cap || arabic_article && next_cap) {
                i += 1;
                continue;
            }
            // The n-grams from here: capitalised words and connectors with
            // no sentence punctuation between them, up to five; their keys
            // are prefixes of the longest one's.
            let mut run = 1;
            while run < 5
                && toks.get(i + run).is_some_and(|x| {
                    (x.cap || x.conn) && (x.glued || abbreviated(text, &toks[i + run - 1], kstr(&toks[i + run - 1]), x))
                })
            {
                run += 1;
            }
            // (A one-word run, the commonest, probes its token's own key.)
            key.clear();
            let mut ends = [0; 5];
            if run > 1 {
                for (k, x) in toks[i..i + run].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(kstr(x));
                    ends[k] = key.len();
                }
            }
            let mut found = None;
            for n in (1..=run).rev() {
                let last = toks[i + n - 1];
                if !last.cap || last.conn && n > 1 {
                    continue;
                }
                if n == 1 && t.conn {
                    break;
                }
                let probe = if run == 1 { kstr(&t) } else { &key[..ends[n - 1]] };
                // One hash for the exact probe and the skeleton answers' key.
                let h = super::index::key_hash(probe);
                let hit = g.has_exact_hashed(h)
                    || n == 1 && g.has_assimilated(probe)
                    || (!t.conn || arabic_article && (t.cap || !ENGLISH_ARTICLES.contains(&kstr(&t))))
                        && (n > 1 || probe.len() >= 5)
                        && n <= 3
                        && toks[i..i + n].iter().all(|x| x.conn || !g.is_stopword(kstr(x)))
                        && *skeletons.entry(h).or_insert_with(|| {
                            g.has_skeleton(probe, &mut joined_buf, &mut skeleton_buf)
                                && !(n == 1 && english_word(probe))
                        });
                if hit {
                    // A one-word name must not be an ordinary word (asked
                    // only of names the gazetteer has: the answer is cached).
                    if n > 1 || plausible_single(g, text, &t, kstr(&t), &mut lowercase) {
                        found = Some((n, probe.to_string()));
                    }
                    break;
                }
            }
            let Some((n, mut k)) = found else {
                let word = &text[t.start..t.end];
                // ("the Damascus-Homs international highway")
                let route = || toks[i + 1..].iter().take(2).take_while(|x| x.glued).any(|x| ROUTES.contains(&kstr(x)));
                if word.contains('-') && !t.conn && !route() {
                    let before_cap = i > 0 && toks[i - 1].cap && t.glued;
                    let after_cap = toks.get(i + 1).is_some_and(|x| x.cap && x.glued);
                    let locative = i > 0 && LOCATIVE.contains(&kstr(&toks[i - 1]));
                    for (start, end, key) in hyphen_parts(g, word, before_cap || after_cap) {
                        if !lowercase.contains(&key) {
                            let common = g.builtin.tables.common.contains_key(key.as_str());
                            raws.push(Raw {
                                start: t.start + start,
                                end: t.start + end,
                                key,
                                single: true,
                                acronym: false,
                                common: common && !locative,
                                locative,
                                near: false,
                                division: 0,
                                container: None,
                                inside: false,
                            });
                        }
                    }
                }
                i += 1;
                continue;
            };
            let mut j = i + n;
            let mut first = i;
            // "People's Republic of China", "Democratic People's Republic of
            // Korea": a possessive splits a name, and the part after it
            // ("Republic of China") would be another place; the words before
            // it, with their "'s", are tried with it.
            if i > 0 && toks[i - 1].cap && matches!(&text[toks[i - 1].end..t.start], "'s " | "’s ") {
                let longer = format!("{}s {k}", kstr(&toks[i - 1]));
                let before = i > 1 && toks[i - 2].cap && !has_break(text, toks[i - 2].end, toks[i - 1].start);
                if g.has_exact(&longer) {
                    (k, first) = (longer, i - 1);
                } else if before && g.has_exact(&format!("{} {longer}", kstr(&toks[i - 2]))) {
                    (k, first) = (format!("{} {longer}", kstr(&toks[i - 2])), i - 2);
                }
            }
            for extra in 1..=2 {
                if let Some(x) = toks.get(i + n + extra - 1)
                    && AREA_WORDS.contains(&kstr(x))
                {
                    let longer =
                        format!("{k} {}", toks[i + n..i + n + extra].iter().map(kstr).collect::<Vec<_>>().join(" "));
                    if g.has_exact(&longer) {
                        (k, j) = (longer, i + n + extra);
                        break;
                    }
                }
            }
            // "rural Damascus": the division around a city, where one is named so.
            if i > 0 && toks[i].glued && kstr(&toks[i - 1]) == "rural" {
                let longer = format!("rural {k}");
                if !g.candidates(&longer, false).is_empty() {
                    (k, first) = (longer, i - 1);
                }
            }
            if i > 0 && toks[i].glued && ["operation", "operations"].contains(&kstr(&toks[i - 1])) {
                i = j;
                continue;
            }
            // "South West England", "Western Kenya": compass words before a
            // name the gazetteer lacks whole are part of it, not the division
            // named by them alone (Cameroon's South-West, Uganda's Western),
            // unless that name is the division's own country ("Far North
            // Cameroon", as "Plateau, Nigeria").
            if toks.get(j).is_some_and(|x| x.cap && !x.conn && !has_break(text, toks[j - 1].end, x.start))
                && toks[i..j].iter().all(|x| COMPASS_WORDS.contains(&kstr(x)))
                && !division_of_country(g, &k, kstr(&toks[j]))
            {
                i = j;
                continue;
            }
            // "Marburg virus", "Reston ebolavirus", "Minamata disease": a
            // disease named after a place is no mention of it (a country's or
            // a people's name stays one: "the Spanish flu", "US flu cases").
            if toks.get(j).is_some_and(|x| !has_break(text, toks[j - 1].end, x.start) && is_disease(kstr(x)))
                && !is_a_people(g, &g.candidates(&k, false))
            {
                i = j;
                continue;
            }
            // "Fars News Agency", "Aleppo Today TV": a name inside an outlet's or company's.
            // A country or demonym there ("Syrian Observatory") still says which country the
            // article is about, so it stays.
            if toks.get(j).is_some_and(|x| x.cap && x.glued && OUTLET.contains(&kstr(x)))
                && !g.candidates(&k, false).iter().any(|c| c.demonym || g.place(c.id).feature_code == "PCLI")
            {
                i = j;
                continue;
            }
            // "Clinton Street": a place name that begins a street's name is
            // not that place.
            if toks.get(j).is_some_and(|x| x.cap && x.glued && STREETS.contains(&kstr(x))) {
                i = j;
                continue;
            }
            // "Tahrir al-Sham", "Ahrar Al Sham": a name inside a longer one
            // that is no place (a generic word before it, "Deir al-Zour", is
            // part of a place's name).
            let prefixed = text[t.start..t.end].starts_with(char::is_lowercase);
            if (arabic_article || prefixed && j - i == 1)
                && i > 0
                && toks[i].glued
                && toks[i - 1].cap
                && !toks[i - 1].conn
                && !g.is_stopword(kstr(&toks[i - 1]))
                && !GENERIC.contains(&kstr(&toks[i - 1]))
            {
                i = j;
                continue;
            }
            // "Hamza Division", "Al Sham Legion": a group named after a place
            // (a country's name there is still the country's: "Iraq Army").
            let group = |k: &str| {
                toks.get(j).is_some_and(|x| {
                    x.glued
                        && ORGANISATION.contains(&kstr(x))
                        && !g.candidates(k, false).iter().any(|c| c.demonym || g.place(c.id).feature_code == "PCLI")
                })
            };
            if j - i > 1 && group(&k) {
                i = j;
                continue;
            }
            // "Nour al-Din al-Zinki", "Hurras al Deen": the name goes on with
            // an article and a capitalised word, and the whole is no place;
            // only a major place keeps its name there ("Aleppo al-Jadida").
            let continues = toks.get(j).is_some_and(|x| {
                x.glued
                    && (x.conn
                        && ARABIC_ARTICLES.contains(&kstr(x))
                        && toks.get(j + 1).is_some_and(|y| y.cap && y.glued)
                        || x.cap && text[x.start..x.end].starts_with(char::is_lowercase))
            });
            if continues
                && !g.candidates(&k, false).iter().any(|c| {
                    c.demonym
                        || matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1" | "PPLC" | "PPLA" | "RGN")
                })
            {
                i = j;
                continue;
            }
            let mut first_name = false;
            if j - i == 1 {
                // Token `b` follows the one before it with no sentence
                // punctuation between (its `glued`, already worked out).
                let joined = |b: usize| toks[b].glued;
                // Only a town's own name makes a name a big town's: a name a
                // capital or a city is also known by ("Lewis" for Saint
                // George's, "Jim" for Jimma) is as weak as a village's. (A
                // country's or a division's other names, "U.S.", stay strong.)
                let (top, people) = match tops.get(k.as_str()) {
                    Some(&top) => top,
                    None => {
                        let strong = |c: &Candidate| {
                            !c.alt || c.demonym || matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1")
                        };
                        let cands = g.candidates(&k, false);
                        let people = is_a_people(g, &cands);
                        let own = cands.into_iter().find(strong).map(|c| c.id);
                        *tops.entry(k.clone()).or_insert((own, people))
                    }
                };
                let top = top.map(|id| g.place(id));
                let small = top.is_none_or(|p| {
                    p.population < CITY && !matches!(p.feature_code.as_str(), "PCLI" | "ADM1" | "PPLC")
                });
                let namelike = |n: usize| {
                    let x = &toks[n];
                    x.cap
                        && !x.conn
                        && !x.caps
                        && !g.is_stopword(kstr(x))
                        && bits(kstr(x)) & (IN_NEAR_BEFORE | IN_QUALIFIERS | IN_TITLES) == 0
                };
                // "Fargo City Commissioner", "Mansfield Police": a place
                // naming an office is no person's name, whatever comes before.
                // ("said Brackton police Sgt. Olsen": police are a place's, lowercase too.)
                let qualified = toks
                    .get(j)
                    .is_some_and(|x| joined(j) && (x.cap && bits(kstr(x)) & IN_QUALIFIERS != 0 || kstr(x) == "police"));
                // "Lt. Paul Henderson", "Marsha J. Moore", "George V. Voinovich":
                // a title or an initial next to the name makes it a person's.
                let dotted = |a: usize, b: usize| text[toks[a].end..toks[b].start].trim() == ".";
                let initial = |x: usize| toks[x].end - toks[x].start == 1 && toks[x].caps;
                let title_before = i > 0
                    && (joined(i) || dotted(i - 1, i))
                    && (bits(kstr(&toks[i - 1])) & IN_TITLES != 0 || small && kstr(&toks[i - 1]) == "said");
                // ("W. Columbia" is a direction)
                let compass = |x: usize| ["n", "s", "e", "w"].contains(&kstr(&toks[x]));
                let initials = i > 0 && initial(i - 1) && !compass(i - 1) && dotted(i - 1, i)
                    || j + 1 < toks.len() && joined(j) && initial(j) && text[toks[j].end..].starts_with('.');
                let first_name_before = i > 0 && joined(i) && small && namelike(i - 1);
                // "Spain says": a country or a big city speaking is still a place.
                let speaker = small && toks.get(j).is_some_and(|x| joined(j) && SPEECH.contains(&kstr(x)));
                // (An acronym is nobody's first name: "CNN Chile", "FBI
                // Chicago" name an outlet's or an agency's branch.)
                let surname_after = small && !t.caps && j < toks.len() && joined(j) && namelike(j);
                if surname_after {
                    // "Karabakh Armenians": a people's name is no surname,
                    // and stays a place where it stands.
                    if !is_a_people(g, &g.candidates(kstr(&toks[j]), false)) {
                        persons.insert(kstr(&toks[j]).to_string());
                    }
                    i = j;
                    continue;
                }
                // A bigger town's name before a surname is a first name too
                // ("Mary Walker", "Elizabeth Hurley"), unless the word after
                // is itself a place ("Aleppo Damascus road") or the name a
                // country's or a division's. The word must be a surname
                // elsewhere in the article: taking any capitalised word would
                // drop 52 right LGL places and 2 GeoVirus ones ("Alexandria
                // Zoo", "Nashville Film Festival"; measured in session 5).
                first_name = !people
                    && top.is_none_or(|p| p.feature_code != "ADM1")
                    && toks.get(j).is_some_and(|x| joined(j) && namelike(j) && !g.has_exact(kstr(x)));
                // A title before the name makes it a person's even with a
                // qualifier after it ("Queen Mary University Hospital",
                // "King Fahd Airport"), unless it names a division.
                let titled = i > 0
                    && (joined(i) || dotted(i - 1, i))
                    && bits(kstr(&toks[i - 1])) & IN_TITLES != 0
                    && top.is_none_or(|p| p.feature_code != "ADM1");
                if (!qualified || titled)
                    && !people
                    && (title_before || initials || first_name_before || speaker || small && group(&k))
                {
                    persons.insert(k.clone());
                    i = j;
                    continue;
                }
            }
            // A dateline in capitals ("HUDSON —", "MOSUL, Iraq", "CAIRO (Reuters)")
            // names its place; else a name spelled in capitals with a word
            // after it is an agency's acronym ("news agency SANA said"; "U.S."
            // is an abbreviation).
            let dateline = j - i == 1
                && t.caps
                && text[t.end..].trim_start().starts_with(['—', '–', '-', ',', '(', ':', '\u{97}']);
            let word = &text[t.start..t.end];
            if j - i == 1 && t.caps && !dateline && word.len() >= 4 && word.chars().all(char::is_alphabetic) {
                i = j;
                continue;
            }
            let before = &toks[i.saturating_sub(2)..i];
            let after = toks.get(j).map(kstr).unwrap_or("");
            let last_bits = before.last().map_or(0, |w| bits(kstr(w)));
            let first_bits = if before.len() == 2 { bits(kstr(&before[0])) } else { 0 };
            let after_bits = bits(after);
            let near = (first_bits | last_bits) & IN_NEAR_BEFORE != 0 || after_bits & IN_NEAR_AFTER != 0;
            let locative = last_bits & (IN_LOCATIVE | IN_NEAR_BEFORE) != 0;
            let common = j - i == 1
                && !t.caps
                && g.builtin.tables.common.contains_key(k.as_str())
                && named_with_the(g, text, toks[first].start, &k).is_none();
            let linked = prev_raw_end.filter(|&(_, e)| container_link(&text[e..toks[i].start]));
            let after_place = linked.is_some();
            // ("a county of Taiwan" is in Taiwan: only "the state of
            // Washington", "the region of Tigray" name the division.)
            let of_before = match before {
                [w, of] if kstr(of) == "of" => division_word(bits(kstr(w))) & FIRST_DIVISION,
                _ => 0,
            };
            let division = division_word(after_bits) | of_before;
            let idx = raws.len();
            if let Some((prev_idx, prev_end)) = linked {
                raws[prev_idx].container = Some(idx);
                raws[prev_idx].inside = text[prev_end..toks[i].start].trim() != ",";
            }
            raws.push(Raw {
                start: toks[first].start,
                end: toks[j - 1].end,
                key: k,
                single: j - i == 1,
                acronym: j - i == 1 && t.caps && !dateline,
                common: common && !locative && !after_place,
                locative,
                near,
                division,
                container: None,
                inside: false,
            });
            if first_name {
                first_names.push((idx, kstr(&toks[j]).to_string()));
            }
            prev_raw_end = Some((idx, toks[j - 1].end));
            i = j;
        }
    }
    // A surname of the article (a word that speaks, follows an honorific or
    // is a source: "Hayden said", "according to Hayden") is that person
    // wherever it stands alone, unless it names a country, a division, a
    // capital or a city, or a people. (A county is no speaker: a populous
    // second-level division may share a surname, yet no news has it say
    // anything.)
    let surname = |r: &Raw| {
        surnames.contains(&r.key)
            && (!r.locative || after_according_to(text, r.start))
            && tops.get(r.key.as_str()).is_some_and(|&(top, people)| {
                !people
                    && top.map(|id| g.place(id)).is_none_or(|p| {
                        (p.population < CITY || p.feature_code == "ADM2")
                            && !matches!(p.feature_code.as_str(), "PCLI" | "ADM1" | "PPLC")
                    })
            })
    };
    let mut keep: Vec<bool> =
        raws.iter().map(|r| !(r.single && (!r.locative && persons.contains(&r.key) || surname(r)))).collect();
    for (idx, surname) in &first_names {
        if !raws[*idx].locative && surnames.contains(surname) {
            keep[*idx] = false;
        }
    }
    let mut renumber = Vec::with_capacity(raws.len());
    let mut n = 0;
    for &k in &keep {
        renumber.push(n);
        n += usize::from(k);
    }
    let mut raws: Vec<Raw> = raws.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(r, _)| r).collect();
    for r in &mut raws {
        r.container = r.container.filter(|&c| keep[c]).map(|c| renumber[c]);
    }
    resolve(g, text, &raws)
}

/// A US legislator's party before the state or town they represent.
const PARTIES: &[&str] = &["D-", "R-", "I-", "DFL-"];

/// The seat in "Sen. Jo Hale, D-N.D., said" or "Rep. Al Moss
/// (R-Long Prairie)": the words after a party's letter that follows a comma
/// or a bracket, up to the comma or bracket that closes them.
fn party_seat(text: &str, start: usize) -> Option<(usize, usize)> {
    // (The hyphen is the second or fourth byte: most words end here.)
    let b = text.as_bytes();
    if b.get(start + 1) != Some(&b'-') && b.get(start + 3) != Some(&b'-') {
        return None;
    }
    let rest = &text[start..];
    let party = PARTIES.iter().find(|p| rest.starts_with(**p))?;
    let before = text[..start].trim_end_matches(' ');
    if !before.ends_with([',', '(']) {
        return None;
    }
    let from = start + party.len();
    let seat = &text[from..];
    let len = seat.find([',', ')', ';', '\n'])?;
    let name = seat[..len].trim_end();
    (!name.is_empty() && name.len() <= 24 && name.starts_with(char::is_uppercase)).then(|| (from, from + name.len()))
}

/// Whether "according to" ends the text before `start` (its "to" makes
/// the name after it look locative).
fn after_according_to(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let n = "according to".len();
    before.len() >= n
        && before.is_char_boundary(before.len() - n)
        && before[before.len() - n..].eq_ignore_ascii_case("according to")
}

/// The eight points of the compass and the hyphenated four, as words
/// that place one place from another ("north of X", "X, south-east of Y").
pub(crate) const COMPASS_POINTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
];

/// Words that may stand between a place and the larger one it lies in
/// ("Jubb Ali village in the Raqqa countryside", "Tell Hamra in the
/// eastern countryside of Homs city", "the Ihsem area of ...").
const LINK_WORDS: &[&str] = &[
    "in",
    "of",
    "the",
    "city",
    "town",
    "village",
    "area",
    "neighbourhood",
    "neighborhood",
    "district",
    "quarter",
    "countryside",
    "province",
    "governorate",
    "region",
    "county",
    "rural",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "outskirts",
    "suburbs",
    "part",
    "vicinity",
    "axis",
    "front",
    "frontline",
];

/// Whether the text between two place names says the second contains the
/// first: a comma ("Fargo, North Dakota"), or "in"/"of" with only
/// [`LINK_WORDS`] or [`COMPASS_POINTS`] around it.
pub fn container_link(between: &str) -> bool {
    // A name's closing ayn mark ("Mare' frontline in Aleppo") is not a word between.
    let between = between.trim().trim_start_matches(['\'', '’']).trim_start();
    if between == "," {
        return true;
    }
    let mut words = 0;
    let mut linked = false;
    let mut lower = [0u8; LINK_LEN];
    for w in between.split_whitespace() {
        let link = if w.is_ascii() && w.len() > LINK_LEN {
            None
        } else if w.is_ascii() {
            let lower = &mut lower[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            LINKS.get(&*lower).copied()
        } else {
            let w = w.to_lowercase();
            LINK_WORDS.iter().chain(COMPASS_POINTS).find(|l| **l == w).map(|l| matches!(*l, "in" | "of"))
        };
        let Some(in_of) = link else { return false };
        linked |= in_of;
        words += 1;
    }
    linked && words <= 6
}

/// At least the length of the longest of the [`LINK_WORDS`]: a longer
/// ASCII word is none of them.
const LINK_LEN: usize = 16;

/// The [`LINK_WORDS`] and [`COMPASS_POINTS`], each with whether it is "in" or "of".
static LINKS: LazyLock<FxMap<&'static [u8], bool>> = LazyLock::new(|| {
    LINK_WORDS.iter().chain(COMPASS_POINTS).map(|l| (l.as_bytes(), matches!(*l, "in" | "of"))).collect()
});

/// Sentence punctuation between two tokens splits a name.
#[inline(always)]
fn has_break(text: &str, a: usize, b: usize) -> bool {
    // Nearly every gap is one space.
    text.as_bytes()[a..b] != *b" " && gap_breaks(&text[a..b])
}

/// [`has_break`] of a gap other than one space.
fn gap_breaks(gap: &str) -> bool {
    gap.chars().any(|c| !c.is_whitespace() || c == '\n')
}

/// Whether a one-word name can be a place here: not an ordinary word.
fn plausible_single(g: &Gazetteer, text: &str, t: &Tok, folded: &str, lowercase: &mut Lowercase) -> bool {
    if t.caps && t.end - t.start >= 2 && t.end - t.start <= 4 {
        return !g.is_stopword(folded) || folded == "us" || folded == "uk";
    }
    if state_abbreviation(g, text, t, folded) {
        return true;
    }
    if g.is_stopword(folded) || folded.len() < 3 || GENERIC.contains(&folded) {
        return false;
    }
    let word = &text[t.start..t.end];
    if word.contains(['\'', '’']) && ["re", "ll", "ve", "nt", "d", "m"].iter().any(|x| word.ends_with(x)) {
        return false;
    }
    if g.builtin.tables.common.contains_key(folded)
        && after_name_word(g, text, t, folded)
        && !g.candidates(folded, false).iter().any(|c| g.place(c.id).feature_code == "PCLI")
    {
        return false;
    }
    !lowercase.contains(folded)
}

/// Whether a word comes right after a capitalised word other than a
/// function word: then a common word ("Islington Bay", "Central Plateau",
/// "West Lakes") is the generic part of a longer name the gazetteer lacks,
/// not the division named by the word alone (Bay in Somalia, Plateau in
/// Nigeria); a country stays one ("Eastern China"). After a comma, a function word (capitalised at a sentence's
/// start or in a headline: a weekday's or a month's name is one, "On Sunday
/// Plateau state police") or a possessive it stands alone ("Jos, Plateau",
/// "The Plateau governor", "Attack In Plateau", "Nigeria's Plateau state").
/// So it does after its own country's name ("Nigerian Plateau"; the
/// "Kenyan Coast" is no Tanzanian region), before a division's word
/// ("Plateau state"). In a headline, where every word is capitalised, the
/// word before says nothing, so a common word there is a division only when
/// something backs it: a settlement's word after it ("Bandits Attack
/// Plateau Villages") or the division's country named in the article; a
/// firm, a landform or a shore is named so far more often ("Investors Cheer
/// Delta Earnings", "Tourists Flock To Sunny Coast Resorts"). After a place's
/// name it is part of a longer one there too ("Storm Batters Mobile Coast").
fn after_name_word(g: &Gazetteer, text: &str, t: &Tok, folded: &str) -> bool {
    let Some(word) = name_word_before(text, t.start) else { return false };
    let next = text[t.end..].strip_prefix(' ').map(|a| a.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    if next.is_some_and(|w| DIVISION_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))) {
        return false;
    }
    let own = g.candidates(folded, false);
    let its_country = g.candidates(&word, false).iter().any(|c| {
        let p = g.place(c.id);
        p.feature_code == "PCLI" && own.iter().any(|o| g.place(o.id).country_code == p.country_code)
    });
    if its_country {
        return false;
    }
    if !in_headline(text, t) || g.has_exact(&word) {
        return true;
    }
    let settled = next.is_some_and(|w| SETTLEMENT_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d)));
    let country_named = own.iter().any(|c| {
        let p = g.place(c.id);
        matches!(p.feature_code.as_str(), "ADM1" | "ADM2")
            && !p.country_code.trim().is_empty()
            && text.contains(g.builtin.tables.country(&p.country_code).as_str())
    });
    !settled && !country_named
}

/// Words for settlements after a division's name in a headline ("Plateau
/// Villages").
const SETTLEMENT_WORDS: &[&str] =
    &["village", "villages", "town", "towns", "community", "communities", "settlement", "settlements"];

/// Whether `name` names a first-level division of the country `country`
/// names.
fn division_of_country(g: &Gazetteer, name: &str, country: &str) -> bool {
    let countries: Vec<&str> = g
        .candidates(country, false)
        .iter()
        .map(|c| g.place(c.id))
        .filter(|p| p.feature_code == "PCLI")
        .map(|p| p.country_code.as_str())
        .collect();
    !countries.is_empty()
        && g.candidates(name, false).iter().any(|c| {
            let p = g.place(c.id);
            p.feature_code == "ADM1" && countries.contains(&p.country_code.as_str())
        })
}

/// The word right before `start`, folded, when it is capitalised and no
/// function word or calendar name: a word a name may continue.
fn name_word_before(text: &str, start: usize) -> Option<String> {
    let before = text[..start].strip_suffix(' ')?;
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let word = super::fold::fold(word);
    (!FUNCTION_WORDS.contains(&word.as_str()) && !CALENDAR_WORDS.contains(&word.as_str())).then_some(word)
}

/// Words after a name that say it is a division's ("Plateau state"); not
/// "region", which also ends informal areas' names ("Great Lakes region").
const DIVISION_WORDS: &[&str] = &["state", "province", "governorate", "county", "district"];

/// Whether the word after a name is one for fighters ("Houthi rebels").
fn fighters_after(text: &str, end: usize) -> bool {
    let Some(after) = text[end..].strip_prefix(' ') else { return false };
    let word = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    FIGHTERS.iter().any(|f| word.eq_ignore_ascii_case(f))
}

/// Words for fighters after a group's name.
const FIGHTERS: &[&str] =
    &["rebels", "fighters", "militants", "militiamen", "militias", "insurgents", "gunmen", "supporters"];

/// The places a name written right after "the" is known by with it ("the
/// Red Sea", "the Pacific": seas and regions are listed so on purpose), if
/// it is written so and any place is.
fn named_with_the(g: &Gazetteer, text: &str, start: usize, key: &str) -> Option<Vec<u32>> {
    let before = text[..start].strip_suffix(' ')?;
    let the = before.strip_suffix("the").or_else(|| before.strip_suffix("The"))?;
    if the.ends_with(char::is_alphanumeric) {
        return None;
    }
    let ids: Vec<u32> = g.candidates(&format!("the {key}"), false).iter().map(|c| c.id).collect();
    (!ids.is_empty()).then_some(ids)
}

/// Whether the word right before `start` is one of `words` (lowercase), in
/// any case.
fn before_word_is(text: &str, start: usize, words: &[&str]) -> bool {
    let before = text[..start].trim_end();
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    words.iter().any(|w| word.len() == w.len() && word.eq_ignore_ascii_case(w))
}

/// Words that start a sentence or a headline's word before a name without
/// being part of it. (Not all the stopwords: "Central Plateau", "West
/// Lakes".)
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "at", "on", "of", "to", "from", "into", "and", "or", "but", "for", "by", "with", "near",
    "across", "as", "if", "when", "while", "after", "before", "since", "says", "said", "both", "all", "this", "that",
    "amid", "against", "over", "under", "between", "via", "toward", "towards", "around", "through", "outside",
    "inside", "within", "is", "was", "are", "were", "not", "no",
];

/// Weekdays' and months' names: a sentence may start with one before a
/// name ("On Sunday Plateau state police").
const CALENDAR_WORDS: &[&str] = &[
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

/// Whether a word stands in a headline: no word of four letters or more
/// on its line is written in small letters, and two more words are there.
/// Read outwards from the word only as far as the first such word, which
/// prose has within a few words, and no further than [`HEADLINE_CHARS`]
/// either way: a longer line is no headline, and a long line of capitals
/// (a list of names) costs no scan of it all per word.
fn in_headline(text: &str, t: &Tok) -> bool {
    match (capitalised_line(text[..t.start].chars().rev(), true), capitalised_line(text[t.end..].chars(), false)) {
        (Some(a), Some(b)) => a + b >= 2,
        _ => false,
    }
}

/// The number of words up to the line's end, or `None` at a word of four
/// letters or more that begins with a small letter (`backwards`: the
/// characters come last first).
fn capitalised_line(chars: impl Iterator<Item = char>, backwards: bool) -> Option<usize> {
    let (mut words, mut len, mut small) = (0, 0, false);
    for (n, c) in chars.chain(['\n']).enumerate() {
        if n > HEADLINE_CHARS {
            return None;
        }
        if c.is_alphabetic() {
            if len == 0 || backwards {
                small = c.is_lowercase();
            }
            len += 1;
            continue;
        }
        if len > 0 {
            if len >= 4 && small {
                return None;
            }
            words += 1;
            len = 0;
        }
        if c == '\n' {
            break;
        }
    }
    Some(words)
}

/// How far a headline reaches either way from one of its words, in
/// characters: beyond any headline's length.
const HEADLINE_CHARS: usize = 300;

/// Common English words of five letters or more that no place is named
/// (generated by scripts/gen-gazetteer), one a line, sorted by bytes.
const ENGLISH_WORDS: &str = include_str!("../../../../data/gazetteer/english-words.txt");

/// Whether a folded word is a common English word no place is named: then
/// it names no place through a skeleton either ("Neither" at a sentence's
/// start is not Nador). A place named so exactly ("Reading") is matched
/// before the skeleton is asked. A binary search of the sorted list: no
/// table to build at start-up, and it is asked only of skeleton hits.
fn english_word(word: &str) -> bool {
    let (list, word) = (ENGLISH_WORDS.as_bytes(), word.as_bytes());
    let (mut lo, mut hi) = (0, list.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &list[lo..mid]).map_or(lo, |p| lo + p + 1);
        let end = memchr::memchr(b'\n', &list[start..hi]).map_or(hi, |p| start + p);
        match list[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Whether a two-letter word the gazetteer knows is written as a US state's
/// abbreviation is one: one of the AP's ([`AP_TWO_LETTER_STATES`]), a capital
/// and a small letter with its full stop, after a town the gazetteer knows
/// and a comma ("Louisville, Ky.", "State College, Pa."). Elsewhere "Pa" and
/// "La" are words ("Ma, Pa."), and "Sorry, Mo." or "Goodbye, Bo." follow no
/// town.
fn state_abbreviation(g: &Gazetteer, text: &str, t: &Tok, folded: &str) -> bool {
    let b = text.as_bytes();
    let word = &b[t.start..t.end];
    if !(word.len() == 2
        && word[0].is_ascii_uppercase()
        && word[1].is_ascii_lowercase()
        && b.get(t.end) == Some(&b'.')
        && AP_TWO_LETTER_STATES.contains(&folded)
        && b[..t.start].ends_with(b", "))
    {
        return false;
    }
    // The last one to three words before the comma, on the same line: one
    // of their endings, capitalised, must be a name the gazetteer has.
    let before = &text[..t.start - 2];
    let from = before
        .rfind(|c: char| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.')))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let words = &before[from..];
    let mut end = words.len();
    for _ in 0..3 {
        let start = words[..end].rfind(' ').map_or(0, |i| i + 1);
        let town = &words[start..];
        if town.starts_with(char::is_uppercase) {
            let key = super::fold::fold(town);
            if key.len() >= 3 && !g.is_stopword(&key) && g.has_exact(&key) {
                return true;
            }
        }
        if start == 0 {
            return false;
        }
        end = start - 1;
    }
    false
}

/// The AP's two-letter abbreviations of US states, folded ("Ky.", "Mo.").
const AP_TWO_LETTER_STATES: [&str; 8] = ["ga", "ky", "la", "md", "mo", "pa", "va", "vt"];

/// Answers whether a word (folded) occurs in the article as a lowercase
/// word: then the capitalised one is an ordinary word too ("Reading" and
/// "reading"). Answers are kept, as names repeat; the first few distinct
/// words are searched for in the text; after that the article's lowercase
/// words are gathered once, so a long article costs one pass instead of one
/// per capitalised word.
struct Lowercase<'a> {
    text: &'a str,
    /// Searches made.
    asked: u32,
    answers: FxMap<Box<str>, bool>,
    words: Option<HashSet<&'a [u8], BuildHasherDefault<Fx>>>,
}

/// Searches before the article's words are gathered: a search costs about a
/// hundredth of gathering.
const LOWERCASE_SEARCHES: u32 = 48;

impl<'a> Lowercase<'a> {
    fn new(text: &'a str) -> Lowercase<'a> {
        Lowercase { text, asked: 0, answers: FxMap::default(), words: None }
    }

    fn contains(&mut self, word: &str) -> bool {
        if !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
        if let Some(&answer) = self.answers.get(word) {
            return answer;
        }
        let answer = self.find(word);
        self.answers.insert(word.into(), answer);
        answer
    }

    fn find(&mut self, word: &str) -> bool {
        let b = self.text.as_bytes();
        if self.words.is_none() && self.asked < LOWERCASE_SEARCHES {
            self.asked += 1;
            return memchr::memmem::find_iter(b, word.as_bytes()).any(|at| {
                let end = at + word.len();
                (at == 0 || !b[at - 1].is_ascii_alphanumeric()) && (end == b.len() || !b[end].is_ascii_alphanumeric())
            });
        }
        // A match bounded by non-alphanumerics is a whole run of ASCII
        // letters and digits, so the runs in lowercase are the words.
        let words = self.words.get_or_insert_with(|| {
            let mut words = HashSet::default();
            let mut i = 0;
            while i < b.len() {
                if !b[i].is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                let (start, mut lower) = (i, true);
                while i < b.len() && b[i].is_ascii_alphanumeric() {
                    lower &= b[i].is_ascii_lowercase();
                    i += 1;
                }
                if lower {
                    words.insert(&b[start..i]);
                }
            }
            words
        });
        words.contains(word.as_bytes())
    }
}

/// Byte classes of the tokenizer's fast path: ASCII digits, capitals and
/// small letters (0 for every other byte).
const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// Tokens the candidate loop reads around a capitalised word: two before
/// the start of a name, which may be a connector before the word (so
/// [`CONTEXT`] before the word), and [`AFTER`] after the last capitalised
/// word or connector of a run (the word after the name and one more).
const CONTEXT: u32 = 3;
const AFTER: u32 = 2;

/// The first place at or after `from` where a capitalised word may start:
/// an ASCII capital not after an ASCII letter, or any non-ASCII byte
/// (`b.len()` if none). Eight bytes at a time.
fn next_start(b: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while at + 8 <= b.len() {
        let x = crate::swar::word(&b[at..at + 8]);
        let high = x & HIGH;
        let y = x & !HIGH;
        // Bytes from 'A' and bytes past 'Z' (no carry: y ≤ 0x7f).
        let from_a = y.wrapping_add(u64::from(0x80 - b'A') * ONES) & HIGH;
        let past_z = y.wrapping_add(u64::from(0x80 - b'Z' - 1) * ONES) & HIGH;
        let mut mask = high | (from_a & !past_z & !high);
        while mask != 0 {
            let k = at + (mask.trailing_zeros() / 8) as usize;
            if b[k] >= 0x80 || k == 0 || !b[k - 1].is_ascii_alphabetic() {
                return k;
            }
            mask &= mask - 1;
        }
        at += 8;
    }
    (at..b.len())
        .find(|&k| b[k] >= 0x80 || b[k].is_ascii_uppercase() && (k == 0 || !b[k - 1].is_ascii_alphabetic()))
        .unwrap_or(b.len())
}

/// Where tokenizing resumes for a start at `q` when the words from `p` on
/// are not needed: the beginning of the whitespace-separated chunk
/// [`CONTEXT`] chunks holding ASCII letters or digits (so at least one
/// token each) before `q`'s, or `p` if that lies before it. Tokens never
/// span ASCII whitespace, so tokenizing from there gives the same tokens.
fn resync(b: &[u8], p: usize, q: usize) -> usize {
    let mut r = q;
    while r > p && !b[r - 1].is_ascii_whitespace() {
        r -= 1;
    }
    let mut chunks = 0;
    while chunks < CONTEXT {
        while r > p && b[r - 1].is_ascii_whitespace() {
            r -= 1;
        }
        let end = r;
        while r > p && !b[r - 1].is_ascii_whitespace() {
            r -= 1;
        }
        if r == p {
            return p;
        }
        chunks += u32::from(b[r..end].iter().any(u8::is_ascii_alphanumeric));
    }
    r
}

/// Tokens of `text[start..end]`: words with inner hyphens and apostrophes,
/// "U.S."-style initials as one token, a possessive "'s" left out. Only
/// the tokens the candidate loop can read are made: bytes far from any
/// capitalised word ([`next_start`], [`resync`]) are skipped, a stretch
/// left out standing as one gap token (neither capitalised nor a
/// connector). Keys (folded words) are in `keys`: an ASCII word (nearly
/// all) is folded by lowercasing, its key its span of `keys.lower`.
fn tokenize<'a>(text: &str, start: usize, end: usize, toks: &mut Vec<Tok<'a>>, keys: &mut Keys<'a>) {
    toks.clear();
    keys.folded.clear();
    let lower = keys.lower;
    let s = &text[start..end];
    let b = s.as_bytes();
    // Tokens still needed after the last capitalised word or connector of
    // a run; the start searched for last; whether the last token was in a run.
    let (mut pending, mut next_q, mut in_run) = (0u32, 0usize, false);
    let char_at = |at: usize| s[at..].chars().next();
    let alnum_at = |at: usize| match b.get(at) {
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => char_at(at).is_some_and(char::is_alphanumeric),
        None => false,
    };
    let mut p = 0;
    while p < b.len() {
        if pending == 0 && p >= next_q {
            next_q = next_start(b, p);
            if next_q == b.len() {
                break;
            }
            let r = resync(b, p, next_q);
            if r > p {
                if !toks.is_empty() {
                    toks.push(Tok { start: start + p, end: start + p, ..Tok::default() });
                }
                (p, in_run) = (r, false);
            }
        }
        let c = b[p];
        let class = CLASS[c as usize];
        if class == 0 {
            if c.is_ascii() {
                p += 1;
                continue;
            }
            let ch = char_at(p).unwrap_or(' ');
            if !ch.is_alphanumeric() {
                p += ch.len_utf8();
                continue;
            }
        }
        let i = p;
        let glued = toks.last().is_some_and(|prev| !has_break(text, prev.end, start + i));
        // The fast path: a run of ASCII letters and digits ended by a byte
        // that cannot go on with the word (not initials such as "U.S.").
        if class != 0
            && !(class == UPPER && b.get(i + 1) == Some(&b'.') && b.get(i + 2).is_some_and(u8::is_ascii_uppercase))
        {
            let mut e = i + 1;
            let mut seen = class;
            while e < b.len() && CLASS[b[e] as usize] != 0 {
                seen |= CLASS[b[e] as usize];
                e += 1;
            }
            let goes_on = match b.get(e) {
                Some(b'-' | b'\'') => alnum_at(e + 1),
                Some(d) => !d.is_ascii(),
                None => false,
            };
            if !goes_on {
                p = e;
                let caps = seen & (UPPER | LOWER) != 0 && seen & LOWER == 0;
                let key = &lower[start + i..start + e];
                let conn = e - i <= CONNECTOR_LEN && CONNECTOR_CODES.contains(&short_code(key));
                let cap = class == UPPER;
                (pending, in_run) = after_token(pending, in_run, cap, conn);
                let (end, folded_key, folded) = (start + e, (0, 0), false);
                toks.push(Tok { start: start + i, end, key, folded_key, cap, caps, conn, glued, folded });
                continue;
            }
        }
        // All ASCII letters and digits: folding is lowercasing.
        let mut plain = c.is_ascii();
        let mut e = i + if plain { 1 } else { char_at(i).map_or(1, char::len_utf8) };
        if c.is_ascii_uppercase() && b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(u8::is_ascii_uppercase) {
            plain = false;
            while e + 1 < b.len() && b[e] == b'.' && b[e + 1].is_ascii_uppercase() {
                e += 2;
            }
            let mut f = e;
            while f < b.len() && b[f].is_ascii_lowercase() {
                f += 1;
            }
            if b.get(f) == Some(&b'.') {
                e = f + 1;
            } else if b.get(e) == Some(&b'.') {
                e += 1;
            }
        } else {
            while e < b.len() {
                let d = b[e];
                if d.is_ascii() {
                    if d.is_ascii_alphanumeric() {
                        e += 1;
                    } else if matches!(d, b'-' | b'\'') && alnum_at(e + 1) {
                        plain = false;
                        e += 1;
                    } else {
                        break;
                    }
                } else {
                    let Some(dc) = char_at(e) else { break };
                    let n = dc.len_utf8();
                    if dc.is_alphanumeric() || matches!(dc, '’' | 'ʿ' | 'ʾ') && alnum_at(e + n) {
                        plain = false;
                        e += n;
                    } else {
                        break;
                    }
                }
            }
        }
        p = e;
        let word = &s[i..e];
        let (word, key, cap, caps) = if plain {
            let caps = word.bytes().any(|x| x.is_ascii_alphabetic()) && !word.bytes().any(|x| x.is_ascii_lowercase());
            (word, (start + i, start + e), c.is_ascii_uppercase(), caps)
        } else {
            let k0 = keys.folded.len();
            // "Moscow's", "Denver-based": the name without the ending.
            let word = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .or_else(|| word.strip_suffix("-based"))
                .unwrap_or(word);
            super::fold::fold_into(word, &mut keys.folded);
            let first = word.chars().next().unwrap_or(' ');
            // "as-Suwayda", "d'Ivoire", "l'Aquila": an article glued to a name.
            let article_prefixed = word.split_once(['-', '\'', '’']).is_some_and(|(a, rest)| {
                a.len() <= 3 && a.chars().all(|c| c.is_lowercase()) && rest.starts_with(char::is_uppercase)
            });
            let letters = word.chars().filter(|c| c.is_alphabetic());
            let caps = word.chars().any(char::is_alphabetic) && letters.clone().all(char::is_uppercase);
            (word, (k0, keys.folded.len()), first.is_uppercase() || article_prefixed, caps)
        };
        let folded = if plain { &lower[key.0..key.1] } else { &keys.folded[key.0..key.1] };
        let conn = folded.len() <= CONNECTOR_LEN && CONNECTOR_CODES.contains(&short_code(folded));
        (pending, in_run) = after_token(pending, in_run, cap, conn);
        let end = start + i + word.len();
        let (key, folded_key) = if plain { (&lower[key.0..key.1], (0, 0)) } else { ("", key) };
        toks.push(Tok { start: start + i, end, key, folded_key, cap, caps, conn, glued, folded: !plain });
    }
}

/// The tokenizer's count of tokens still needed, and whether a run goes
/// on, after a token: a capitalised word, or a connector in a run after
/// one, needs [`AFTER`] more.
fn after_token(pending: u32, in_run: bool, cap: bool, conn: bool) -> (u32, bool) {
    let in_run = cap || conn && in_run;
    (if in_run { AFTER } else { pending.saturating_sub(1) }, in_run)
}

/// Chooses each distinct name's place from its candidates and the others.
fn resolve<'g>(g: &'g Gazetteer, text: &str, raws: &[Raw]) -> Vec<PlaceMention<'g>> {
    let mut names: Vec<&str> = Vec::new();
    let mut of_raw: Vec<usize> = Vec::with_capacity(raws.len());
    for r in raws {
        let k = names.iter().position(|n| *n == r.key).unwrap_or_else(|| {
            names.push(&r.key);
            names.len() - 1
        });
        of_raw.push(k);
    }
    // Names written right after another and a comma.
    let mut listed_after = vec![false; raws.len()];
    for r in raws {
        if let (Some(c), false) = (r.container, r.inside) {
            listed_after[c] = true;
        }
    }
    // A state's news abbreviation ("Mass.", "N.C.", "Wichita, Kan") has its
    // dot or follows a town: "Miss America", "Wash your hands", "requiem
    // Mass" and "the Public Order Act" name no state. A word's full stop
    // that ends a sentence is no abbreviation's dot unless a town is right
    // before it ("after Mass. Police said", not "Springfield Mass. Police").
    let mut loose_short = vec![true; names.len()];
    for (i, (r, &k)) in raws.iter().zip(&of_raw).enumerate() {
        let loose = r.single && !r.acronym && r.end - r.start <= 4 && !listed_after[i];
        loose_short[k] &= loose && {
            let word = &text[r.start..r.end];
            let after = &text[r.end..];
            // (In prose: a title's words are all capitalised, "Sold To
            // Mass. Concert Promoter".)
            let prose =
                text[..r.start].trim_end().rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_lowercase));
            let sentence_end = prose
                && after.strip_prefix(". ").is_some_and(|a| a.starts_with(char::is_uppercase))
                && !(i > 0 && raws[i - 1].end <= r.start && text[raws[i - 1].end..r.start] == *" ");
            !word.contains('.') && (!after.starts_with('.') || sentence_end)
        };
    }
    // Per name: the start of its first mention with no division's word
    // after it, and whether a word for fighters follows a one-word mention
    // (one pass over the mentions).
    let mut plain_start: Vec<Option<usize>> = vec![None; names.len()];
    let mut before_fighters = vec![false; names.len()];
    for (r, &o) in raws.iter().zip(&of_raw) {
        if r.division == 0 && plain_start[o].is_none() {
            plain_start[o] = Some(r.start);
        }
        before_fighters[o] |= r.single && fighters_after(text, r.end);
    }
    let cands: Vec<Vec<Candidate>> = names
        .iter()
        .enumerate()
        .map(|(k, n)| {
            let mut c = g.candidates(n, true);
            if loose_short[k] {
                // A US state's abbreviation stripped, its other senses by
                // a variant name are as loose ("Tex Hill" is no Telluride
                // either).
                let state = c
                    .iter()
                    .any(|c| c.alt && g.place(c.id).feature_code == "ADM1" && g.place(c.id).country_code == "US");
                c.retain(|c| !(c.alt && (state || g.place(c.id).feature_code == "ADM1")));
            }
            // The exact name of a people, a country, a division, a capital,
            // a city or a large region ("Russian", "Syria", "Hama", "Sochi",
            // "Europe") is not a variant spelling of a village's.
            let major = |c: &Candidate| {
                let p = g.place(c.id);
                c.demonym
                    || matches!(p.feature_code.as_str(), "PCLI" | "ADM1" | "PPLC" | "PPLA" | "RGN")
                    || p.population >= CITY
            };
            if c.iter().any(|c| !c.skeleton && major(c)) {
                c.retain(|c| !c.skeleton);
            }
            // Seas, islands and large regions are written as they are
            // named: "Saboura" is no variant spelling of "Siberia".
            c.retain(|c| !(c.skeleton && g.place(c.id).feature_code == "RGN"));
            // "Houthi rebels", "Taliban fighters": a variant spelling or
            // another name of a town before a word for fighters is a group's
            // name (groups are named so: Hamas is also Hamm's), not the
            // town's. Fighters are named after a town by its own name ("Idlib
            // rebels"), after a people, a country or a region by any
            // ("Syrian rebels").
            if before_fighters[k] {
                c.retain(|c| {
                    let fc = g.place(c.id).feature_code.as_str();
                    !c.skeleton && (!c.alt || c.demonym || matches!(fc, "PCLI" | "ADM1"))
                });
            }
            // "the Red Sea", "the Pacific": a name written after "the" as
            // an area is listed is that area, unless a division's word
            // follows ("the Red Sea state").
            if let Some(the) = plain_start[k].and_then(|start| named_with_the(g, text, start, n))
                && c.iter().any(|c| the.contains(&c.id))
            {
                c.retain(|c| the.contains(&c.id));
            }
            // (Our own areas list their acronyms on purpose: "KRI".)
            // A region's own name is not a country's other name: "Central
            // Africa" is the region, not the Central African Republic.
            if c.iter().any(|c| !c.alt && !c.skeleton && g.place(c.id).feature_code == "RGN") {
                c.retain(|c| !(c.alt && g.place(c.id).feature_code == "PCLI"));
            }
            if raws.iter().zip(&of_raw).any(|(r, &o)| o == k && r.acronym) {
                c.retain(|c| {
                    let p = g.place(c.id);
                    matches!(p.feature_code.as_str(), "PCLI" | "ADM1") || p.geonameid >= super::index::AREA_IDS
                });
            }
            c
        })
        .collect();
    let mut division: Vec<u8> = vec![0; names.len()];
    for (r, &k) in raws.iter().zip(&of_raw) {
        division[k] |= r.division;
    }
    // The names said to contain each name, and whether with "in"/"of"
    // (else after a comma).
    // A state's or country's name before a comma whose next name is again
    // followed by a comma is a list ("Georgia, Illinois, Missouri, New
    // Jersey"), not a town of Illinois in Missouri.
    let broad_first =
        |k: usize| cands[k].first().is_some_and(|c| matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1"));
    let mut containers: Vec<Vec<(usize, bool)>> = vec![Vec::new(); names.len()];
    // Names written next to each other after a comma, either way round:
    // a name listed with states or countries is one too ("Utah, Virginia,
    // Washington"; "China, Japan, and the United Kingdom").
    // ("Egypt and Niger", "NSW or Queensland": so are two names joined by
    // "and" or "or".)
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (r, &k) in raws.iter().zip(&of_raw) {
        if let (Some(c), false) = (r.container, r.inside) {
            neighbours[k].push(of_raw[c]);
            neighbours[of_raw[c]].push(k);
        }
    }
    for (w, o) in raws.windows(2).zip(of_raw.windows(2)) {
        if w[0].end <= w[1].start && matches!(text[w[0].end..w[1].start].trim_start_matches(','), " and " | " or ") {
            neighbours[o[0]].push(o[1]);
            neighbours[o[1]].push(o[0]);
        }
    }
    // So is one that a name before it is listed with ("Georgia, Iraq,
    // Iran, and Syria" puts no Iraq in Iran).
    for (i, (r, &k)) in raws.iter().zip(&of_raw).enumerate() {
        if let Some(c) = r.container {
            let listed =
                !r.inside && (raws[c].container.is_some() && !raws[c].inside || listed_after[i]) && broad_first(k);
            if !listed {
                containers[k].push((of_raw[c], r.inside));
            }
        }
    }
    let support = cluster_support(g, &cands);
    // Names of a country's capital and of another division of that country
    // ("Washington", "Buenos Aires", "Moscow"): news means the capital
    // unless the article's other places lie in the division.
    let capital_twin: Vec<bool> = cands
        .iter()
        .map(|c| {
            c.iter().map(|x| g.place(x.id)).any(|p| {
                p.feature_code == "PPLC"
                    && c.iter()
                        .map(|y| g.place(y.id))
                        .any(|q| q.feature_code == "ADM1" && q.country_code == p.country_code && q.admin1 != p.admin1)
            })
        })
        .collect();
    let mut best: Vec<usize> = vec![0; names.len()];
    let mut scores: Vec<Vec<f32>> = cands.iter().map(|c| c.iter().map(|x| x.prior).collect()).collect();
    for _round in 0..2 {
        let chosen: Vec<Option<&Place>> =
            (0..names.len()).map(|k| cands[k].get(best[k]).map(|c| g.place(c.id))).collect();
        let mut countries: FxMap<&str, f32> = FxMap::default();
        let mut admins: FxMap<(&str, &str), f32> = FxMap::default();
        for p in chosen.iter().flatten() {
            *countries.entry(p.country_code.as_str()).or_default() += 1.0;
            if !p.admin1.is_empty() {
                *admins.entry((p.country_code.as_str(), p.admin1.as_str())).or_default() += 1.0;
            }
        }
        let total = chosen.iter().flatten().count() as f32;
        let nations = nations_named(&chosen);
        let home = home_votes(&chosen);
        for k in 0..names.len() {
            let own = chosen[k];
            let others = total - if own.is_some() { 1.0 } else { 0.0 };
            let own_home =
                own.filter(|o| votes_home(o)).map(|o| (o.country_code.as_str(), o.admin1.as_str(), home_weight(o)));
            let home_k = home.without(own_home);
            // A country, a state or a city readers know ("Boston", "Egypt")
            // keeps its name against a home-state village of that name.
            let in_home = |p: &Place| home_k.is_some_and(|(cc, a1)| cc == p.country_code && a1 == p.admin1);
            let famous_elsewhere =
                home_k.is_some() && cands[k].iter().map(|c| g.place(c.id)).any(|p| !in_home(p) && known_widely(p));
            for (ci, c) in cands[k].iter().enumerate() {
                let p = g.place(c.id);
                let mut s = c.prior;
                if others > 0.0 {
                    let mut cv = countries.get(p.country_code.as_str()).copied().unwrap_or(0.0);
                    let mut av = admins.get(&(p.country_code.as_str(), p.admin1.as_str())).copied().unwrap_or(0.0);
                    if let Some(o) = own {
                        if o.country_code == p.country_code {
                            cv -= 1.0;
                        }
                        if o.country_code == p.country_code && o.admin1 == p.admin1 {
                            av -= 1.0;
                        }
                    }
                    // (Only a likely sense is worth the distances.)
                    let near = if ci < CLUSTER_CANDIDATES { beside(&nations, k, p) } else { 0.0 };
                    s += 3.0 * (cv + near) / others;
                    if !p.admin1.is_empty() {
                        s += 2.0 * av / others;
                    }
                }
                if names.len() > 1 {
                    s += CLUSTER * support[k][ci] / (names.len() - 1) as f32;
                }
                // After a comma only a division, a country or a division's
                // capital standing for it contains ("Fargo, North Dakota",
                // "Tal Tamer, Hasakeh"): other towns there are a list
                // ("Japan, Jordan, China" puts no Jordan in a China of New York).
                for &(ck, inside) in &containers[k] {
                    let holds = |q: &Place| {
                        (inside || matches!(q.feature_code.as_str(), "PCLI" | "ADM1" | "ADM2" | "PPLA"))
                            && contains(q, p)
                    };
                    // Only a sense of the container near its likeliest one
                    // holds: "Bowling Green, Ohio" is not in Kentucky for
                    // an Ohio County there.
                    let top = cands[ck].first().map_or(0.0, |c| c.prior);
                    let plausible = |c2: &&Candidate| c2.prior >= top - CONTAINER_SLACK;
                    if cands[ck].iter().filter(plausible).any(|c2| holds(g.place(c2.id))) {
                        s += 3.0;
                    }
                }
                let level = match p.feature_code.as_str() {
                    "ADM1" => ANY_DIVISION | FIRST_DIVISION,
                    "ADM2" => ANY_DIVISION,
                    _ => 0,
                };
                if division[k] & level != 0 {
                    s += 2.0;
                }
                if in_home(p) && is_local(p) && !c.skeleton && (!famous_elsewhere || known_widely(p)) {
                    s += HOME;
                }
                if listed_alike(p, &neighbours[k], &chosen) {
                    s += LISTED_ALIKE;
                }
                if capital_twin[k] && p.feature_code == "PPLC" {
                    s += CAPITAL_TWIN;
                }
                scores[k][ci] = s;
            }
            best[k] = (0..cands[k].len()).max_by(|&a, &b| scores[k][a].total_cmp(&scores[k][b])).unwrap_or(0);
        }
    }
    let chosen: Vec<Option<&Place>> = (0..names.len()).map(|k| cands[k].get(best[k]).map(|c| g.place(c.id))).collect();
    // A variant spelling stands only where another name of the article is in
    // the same country, or the place is in a gazetteer the user added:
    // alone, "Neither" is not Nador. Else the best exact match stands.
    for k in 0..names.len() {
        let Some(c) = cands[k].get(best[k]) else { continue };
        let p = g.place(c.id);
        let corroborated =
            chosen.iter().enumerate().any(|(o, q)| o != k && q.is_some_and(|q| q.country_code == p.country_code));
        if c.skeleton && !corroborated && !g.is_added(c.id) {
            best[k] = (0..cands[k].len())
                .filter(|&i| !cands[k][i].skeleton)
                .max_by(|&a, &b| scores[k][a].total_cmp(&scores[k][b]))
                .unwrap_or(usize::MAX);
        }
    }
    // A division hardly anyone lives in ("Michael", a sheading of the Isle
    // of Man; "Jesus", a Paraguayan district) is what a bare word means only
    // when the article names other places of its country or calls it a
    // division: alone, the word is a person or a thing, or a town of some
    // size named so exactly ("Mansfield" alone is the town in Ohio, not the
    // Australian shire). Names of several words ("Guernsey County") are no
    // such accident.
    let mut several_words = vec![false; names.len()];
    for (r, &o) in raws.iter().zip(&of_raw) {
        if let Some(w) = several_words.get_mut(o) {
            *w |= !r.single;
        }
    }
    for k in 0..names.len() {
        let Some(c) = cands[k].get(best[k]) else { continue };
        let p = g.place(c.id);
        if matches!(p.feature_code.as_str(), "ADM1" | "ADM2")
            && p.population < SMALL_DIVISION
            && !several_words[k]
            && division[k] == 0
        {
            let corroborated =
                chosen.iter().enumerate().any(|(o, q)| o != k && q.is_some_and(|q| q.country_code == p.country_code));
            if !corroborated && !g.is_added(c.id) {
                best[k] = (0..cands[k].len())
                    .filter(|&i| {
                        let c = &cands[k][i];
                        let p = g.place(c.id);
                        !c.alt && !c.skeleton && p.feature_code.starts_with("PPL") && p.population >= SMALL_DIVISION
                    })
                    .max_by(|&a, &b| scores[k][a].total_cmp(&scores[k][b]))
                    .unwrap_or(usize::MAX);
            }
        }
    }
    let mut out = Vec::with_capacity(raws.len());
    for (r, &k) in raws.iter().zip(&of_raw) {
        let Some(c) = cands[k].get(best[k]) else { continue };
        let s = scores[k][best[k]];
        let second = (0..cands[k].len()).filter(|&i| i != best[k]).map(|i| scores[k][i]).fold(f32::MIN, f32::max);
        if r.single && c.alt && !c.demonym && s < 0.5 && !g.is_added(c.id) {
            continue;
        }
        let broad = matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1");
        if contradicted(raws, r, g.place(c.id), |o| cands[of_raw[o]].get(best[of_raw[o]]).map(|x| g.place(x.id))) {
            continue;
        }
        if r.common && !broad && r.container.is_none() {
            continue;
        }
        // "Union Pacific", "Virgin Atlantic": an ocean's or a region's short
        // name after another name is a firm's, whichever sense won (Pacific,
        // Missouri); "the South Pacific" is part of the ocean.
        if r.single
            && cands[k].iter().any(|x| x.alt && g.place(x.id).feature_code == "RGN")
            && name_word_before(text, r.start).is_some()
            && !before_word_is(text, r.start, NEAR_BEFORE)
            && !before_word_is(text, r.start, &["central"])
        {
            continue;
        }
        let margin = if second == f32::MIN { 2.0 } else { s - second };
        let mut score = 1.0 / (1.0 + (-2.0 * margin).exp());
        if c.skeleton {
            score *= 0.8;
        }
        let place = g.place(c.id);
        let mut precision = place.precision();
        if r.near && precision == GeoPrecision::Town {
            precision = GeoPrecision::NearTown;
        }
        out.push(PlaceMention { start: r.start, end: r.end, place, score, precision, demonym: c.demonym });
    }
    out
}

/// The article's home division: the first-level division that more of its
/// names lie in than in any other, a division named outright counting
/// twice ("Texas", "Alexandria, La."). Local news names its towns and
/// counties bare, so a bare "Arlington" or "Douglas County" in an article
/// about Texas is the one in Texas, whichever is the biggest alone.
struct Home<'a> {
    /// The three divisions with the most votes, most first, with their
    /// votes: enough to tell the most once one name's vote is taken out.
    top: [Option<((&'a str, &'a str), f32)>; 3],
}

impl<'a> Home<'a> {
    /// The home division once one name's own vote is taken out (its place
    /// must not vote for itself): none on a tie or under [`HOME_VOTES`].
    fn without(&self, own: Option<(&str, &str, f32)>) -> Option<(&'a str, &'a str)> {
        let mut best: Option<((&'a str, &'a str), f32)> = None;
        let mut tie = false;
        for ((cc, a1), v) in self.top.iter().flatten().copied() {
            let v = match own {
                Some((occ, oa1, w)) if occ == cc && oa1 == a1 => v - w,
                _ => v,
            };
            match best {
                Some((_, b)) if v < b => {}
                Some((_, b)) if v == b => tie = true,
                _ => {
                    best = Some(((cc, a1), v));
                    tie = false;
                }
            }
        }
        best.filter(|&(_, v)| !tie && v >= HOME_VOTES).map(|(key, _)| key)
    }
}

/// Whether a state or a country is listed next to a state of its country
/// or another country.
fn listed_alike(p: &Place, neighbours: &[usize], chosen: &[Option<&Place>]) -> bool {
    let alike = |q: &Place| match p.feature_code.as_str() {
        "ADM1" => q.feature_code == "ADM1" && q.country_code == p.country_code && q.admin1 != p.admin1,
        "PCLI" => q.feature_code == "PCLI" && q.country_code != p.country_code,
        _ => false,
    };
    matches!(p.feature_code.as_str(), "ADM1" | "PCLI") && neighbours.iter().any(|&j| chosen[j].is_some_and(alike))
}

/// Bonus of a state or country listed with its like: more than a capital's
/// standing ("Washington" in a list of states), less than a container's.
const LISTED_ALIKE: f32 = 1.0;

/// Votes of the chosen places for their first-level divisions.
fn home_votes<'a>(chosen: &[Option<&'a Place>]) -> Home<'a> {
    let mut votes: FxMap<(&str, &str), f32> = FxMap::default();
    for p in chosen.iter().flatten() {
        if votes_home(p) {
            *votes.entry((p.country_code.as_str(), p.admin1.as_str())).or_default() += home_weight(p);
        }
    }
    let mut top: [Option<((&str, &str), f32)>; 3] = [None; 3];
    for (key, v) in votes {
        if let Some(i) = top.iter().position(|t| t.is_none_or(|(k, w)| v > w || v == w && key < k)) {
            top[i..].rotate_right(1);
            top[i] = Some((key, v));
        }
    }
    Home { top }
}

/// Whether a place votes for the home division: all but countries and
/// places with no division.
fn votes_home(p: &Place) -> bool {
    !p.admin1.is_empty() && p.feature_code != "PCLI"
}

/// A place's vote for its division: a division named outright counts twice.
fn home_weight(p: &Place) -> f32 {
    if p.feature_code == "ADM1" { 2.0 } else { 1.0 }
}

/// Countries, first-level divisions, capitals and cities: what a bare name
/// means to readers anywhere.
fn known_widely(p: &Place) -> bool {
    matches!(p.feature_code.as_str(), "PCLI" | "ADM1" | "PPLC" | "PPLA") || p.population >= CITY
}

/// Towns and counties: what the home division lends to.
fn is_local(p: &Place) -> bool {
    p.feature_code.starts_with("PPL") || p.feature_code == "ADM2"
}

/// Votes a division needs to be the article's home: two towns, or the
/// division named.
const HOME_VOTES: f32 = 2.0;

/// Bonus of a town or county in the article's home division.
const HOME: f32 = 1.0;

/// How far under the prior of a container's likeliest sense its other
/// senses may still contain a name: a state under its country namesake
/// ("Atlanta, Georgia") but not a county named bare under its state.
const CONTAINER_SLACK: f32 = 1.5;

/// For each candidate of each name, how many other names of the article
/// could mean a town or county near it: local news names the towns around
/// its home ("Alexandria", "Pineville", "Kensington"), so the homonyms that
/// lie together are the ones meant, whichever is the biggest alone.
fn cluster_support(g: &Gazetteer, cands: &[Vec<Candidate>]) -> Vec<Vec<f32>> {
    let local = |c: &Candidate| {
        let p = g.place(c.id);
        !c.demonym && (p.feature_code.starts_with("PPL") || p.feature_code == "ADM2")
    };
    // A name whose likeliest sense is a country or a state ("Oklahoma",
    // "Ontario") neither lends nor gets support: a list of states is no
    // cluster of the small towns named after them.
    let broad: Vec<bool> = cands
        .iter()
        .map(|cs| cs.first().is_some_and(|c| matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1")))
        .collect();
    cands
        .iter()
        .enumerate()
        .map(|(k, cs)| {
            cs.iter()
                .map(|c| {
                    if cs.len() < 2 || !local(c) || broad[k] {
                        return 0.0;
                    }
                    let p = g.place(c.id);
                    let near = cands.iter().enumerate().filter(|&(j, other)| {
                        j != k
                            && !broad[j]
                            && other
                                .iter()
                                .take(CLUSTER_CANDIDATES)
                                .any(|o| local(o) && within(p, g.place(o.id), CLUSTER_KM))
                    });
                    near.count() as f32
                })
                .collect()
        })
        .collect()
}

/// The countries among the places chosen (a demonym's too: "Israeli"),
/// with the index of their name.
/// With the longitudes a place beside it may lie within: most candidates
/// are told apart without a distance.
fn nations_named<'a>(chosen: &[Option<&'a Place>]) -> Vec<(usize, &'a Place, f64)> {
    let span = |p: &Place| BESIDE_KM / (111.0 * p.latitude.to_radians().cos().max(0.05));
    chosen
        .iter()
        .enumerate()
        .filter_map(|(k, p)| p.filter(|p| p.feature_code == "PCLI").map(|p| (k, p, span(p))))
        .collect()
}

/// Half a vote of each country named (other than by name `k`) for a seat
/// or a division of another country beside it: "Israeli forces shelled
/// Gaza" is Gaza, Palestine, not Gaza province, Mozambique. (Not villages:
/// a nationality would pull people's names across the border.)
fn beside(nations: &[(usize, &Place, f64)], k: usize, p: &Place) -> f32 {
    let code = p.feature_code.as_str();
    if !(code.starts_with("PPLA") || code == "PPLC" || code.starts_with("ADM")) {
        return 0.0;
    }
    let n = nations.iter().filter(|&&(o, q, span)| {
        o != k
            && (p.longitude - q.longitude).abs() <= span
            && q.country_code != p.country_code
            && within(q, p, BESIDE_KM)
    });
    0.5 * n.count() as f32
}

/// How near a country's point a place of another country lies beside it.
const BESIDE_KM: f64 = 300.0;

/// Weight of [`cluster_support`]: a candidate every other name could lie
/// near gains as much as a national capital's standing.
const CLUSTER: f32 = 1.0;

/// Bonus of a country's capital over a division of its country named like
/// it: about what one other place of the article in the division gives.
const CAPITAL_TWIN: f32 = 0.5;

/// How near another name's candidate must lie to support a candidate.
const CLUSTER_KM: f64 = 150.0;

/// How many of another name's best candidates may support (they are sorted
/// by prior): the thousandth "Springfield" supports nothing.
const CLUSTER_CANDIDATES: usize = 10;

/// Whether a place said to lie in another ("X in the Y countryside", "X
/// neighbourhood of Y", through a chain of such) resolved outside it: then
/// the gazetteer lacks the right X, and the mention would only mislead.
fn contradicted<'a>(raws: &[Raw], r: &Raw, own: &Place, place_of: impl Fn(usize) -> Option<&'a Place>) -> bool {
    let (true, Some(mut outer)) = (r.inside, r.container) else { return false };
    for _ in 0..4 {
        match raws[outer].container {
            Some(next) if raws[outer].inside => outer = next,
            _ => break,
        }
    }
    let Some(q) = place_of(outer) else { return false };
    let checkable = matches!(q.feature_code.as_str(), "ADM1" | "ADM2" | "AREA") && !q.admin1.is_empty()
        || q.feature_code == "PCLI"
        || q.feature_code.starts_with("PPL");
    // (A sea, a lake or a region of no one country, "the Indian Ocean in
    // Mauritius", "Lake Victoria in the Mwanza region", is not checked: it
    // lies in several. Nor is a region against a town: no region lies in a
    // town, so such a link is misread, the town lying in the region or the
    // region's name standing inside a longer one, and says nothing about
    // which region is meant.)
    let region_in_town = own.feature_code == "RGN" && q.feature_code.starts_with("PPL");
    checkable
        && !matches!(own.feature_code.as_str(), "PCLI" | "ADM1")
        && !region_in_town
        && !own.country_code.trim().is_empty()
        && own.geonameid != q.geonameid
        && !contains(q, own)
}

/// Whether `outer` (a division or country) contains `inner`.
fn contains(outer: &Place, inner: &Place) -> bool {
    match outer.feature_code.as_str() {
        "PCLI" => outer.country_code == inner.country_code && inner.feature_code != "PCLI",
        "ADM1" => {
            outer.country_code == inner.country_code && outer.admin1 == inner.admin1 && inner.feature_code != "ADM1"
        }
        // A county, an area of one division ("Idlib countryside"), or a
        // town standing for its surroundings ("Aleppo countryside"): places
        // of its first-level division.
        code => {
            (code == "ADM2" || code.starts_with("PPL") || code == "AREA" && !outer.admin1.is_empty())
                && outer.country_code == inner.country_code
                && outer.admin1 == inner.admin1
                && !matches!(inner.feature_code.as_str(), "PCLI" | "ADM1" | "ADM2")
                && outer.geonameid != inner.geonameid
        }
    }
}

/// Whether two places are less than `limit` km apart: [`km`] behind a cheap
/// bound, as the distance is at least the north–south one (1 km of slack
/// for rounding).
fn within(a: &Place, b: &Place, limit: f64) -> bool {
    6371.0 * (a.latitude - b.latitude).abs().to_radians() <= limit + 1.0 && km(a, b) < limit
}

/// Great-circle distance in km.
pub fn km(a: &Place, b: &Place) -> f64 {
    let (la1, lo1, la2, lo2) =
        (a.latitude.to_radians(), a.longitude.to_radians(), b.latitude.to_radians(), b.longitude.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The article's country: the ISO code most of its place mentions resolve
/// to (demonyms count), if any.
pub fn country_hint(mentions: &[PlaceMention]) -> Option<String> {
    let mut votes: FxMap<&str, usize> = FxMap::default();
    for m in mentions.iter().filter(|m| !m.place.country_code.trim().is_empty()) {
        *votes.entry(m.place.country_code.as_str()).or_default() += 1;
    }
    votes.into_iter().max_by_key(|(cc, n)| (*n, std::cmp::Reverse(*cc))).map(|(cc, _)| cc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_at(latitude: f64, longitude: f64) -> Place {
        Place {
            geonameid: 0,
            name: String::new(),
            latitude,
            longitude,
            country_code: String::new(),
            country: String::new(),
            admin1: String::new(),
            admin2: String::new(),
            feature_code: String::new(),
            population: 0,
        }
    }

    #[test]
    fn within_agrees_with_the_distance() {
        let places: Vec<Place> = (-40..=40)
            .flat_map(|i| (-3..=3).map(move |j| place_at(35.0 + f64::from(i) * 0.05, 38.0 + f64::from(j) * 0.9)))
            .collect();
        for a in &places {
            for b in &places {
                assert_eq!(within(a, b, 150.0), km(a, b) < 150.0, "{a:?} {b:?}");
            }
        }
    }

    fn check_places(text: &str, expect: &[&str]) {
        let g = Gazetteer::builtin();
        let c = crate::clean::clean(text);
        let s = crate::segment::sentences(&c);
        let found: Vec<&str> = recognise(&g, &c, &s).iter().map(|m| &c.text[m.start..m.end]).collect();
        assert_eq!(found, expect, "{text:?}");
    }

    #[test]
    fn names_inside_outlet_names_are_not_places() {
        check_places("A shell hit Homs on Friday, the Fars News Agency reported.", &["Homs"]);
        check_places("Two guards died in Mosul, Baghdad Post said, citing Iraqi Airways staff.", &["Mosul", "Iraqi"]);
        check_places("Rebels shelled Fars province on Friday.", &["Fars"]);
        check_places("Palmyra was shelled, the Syrian Observatory for Human Rights said.", &["Palmyra", "Syrian"]);
    }

    #[test]
    fn a_surname_that_speaks_or_is_a_source_is_no_place_alone() {
        check_places(
            "Board chairman Tom Hayden spoke on Monday. \"We will vote,\" Hayden said. The plan passed, \
             according to Marlow. A resident of Bakersfield told reporters it was fair.",
            &["Bakersfield"],
        );
    }

    #[test]
    fn names_beginning_streets_are_not_places() {
        check_places("Police found the car on Clinton Street in Dayton.", &["Dayton"]);
        check_places("She lives on Denver Ave. near Boise.", &["Boise"]);
        check_places("The Springfield Road bridge reopened in Springfield.", &["Springfield"]);
    }

    #[test]
    fn abbreviated_saints_forts_and_mounts_keep_their_whole_name() {
        check_admin1(
            "Flooding closed roads in St. Petersburg and Ft. Myers on Monday.",
            &[("St. Petersburg", "Florida"), ("Ft. Myers", "Florida")],
        );
        check_places("A fire broke out in Mt. Pleasant, Michigan.", &["Mt. Pleasant", "Michigan"]);
    }

    #[test]
    fn places_inside_hyphened_words_are_places() {
        check_places(
            "Crews cleared Champaign-Urbana and a Canada-wide alert followed.",
            &["Champaign", "Urbana", "Canada"],
        );
        check_places("Egyptian-US relations cooled.", &["Egyptian", "US"]);
        check_places("Rep. Ann Moss, D-Charleston, voted no.", &["Charleston"]);
        // A legislator's seat: a state's abbreviation or a town of two words.
        check_places(
            "Sen. Jo Hale, D-N.D., and Rep. Al Moss (R-Long Prairie) agreed with Rep. Di Roe, D-Pa.",
            &["N.D.", "Long Prairie"],
        );
        // A sponsor, and a person's double name, are no places.
        check_places("Turkish-backed factions and pro-Iran militias entered Afrin.", &["Afrin"]);
        check_places("Clashes broke out on the Saraqib-Idlib international road and in Al-Joura-Al-Thawra.", &[]);
        check_places("Pro-Iranian, Russian-trained and HTS-held units.", &[]);
        check_places("Jean-Pierre Dupont spoke in Lyon.", &["Lyon"]);
    }

    fn check_resolved(text: &str, expect: &[(&str, &str)]) {
        let g = Gazetteer::builtin();
        let c = crate::clean::clean(text);
        let s = crate::segment::sentences(&c);
        let ms = recognise(&g, &c, &s);
        let found: Vec<(&str, &str)> = ms.iter().map(|m| (&c.text[m.start..m.end], m.place.country.as_str())).collect();
        assert_eq!(found, expect, "{text:?}");
    }

    #[test]
    fn peoples_countries_and_regions_are_not_variant_spellings() {
        check_resolved("Russian jets struck Homs.", &[("Russian", "Russia"), ("Homs", "Syria")]);
        // (Aleppo's romanised other name "areppo" has Europe's skeleton.)
        check_resolved(
            "Syrian families fled Aleppo for Europe last year.",
            &[("Syrian", "Syria"), ("Aleppo", "Syria"), ("Europe", "")],
        );
        check_resolved("Syria Democratic Forces entered Raqqa.", &[("Syria", "Syria"), ("Raqqa", "Syria")]);
        check_places("Neither side reported casualties.", &[]);
    }

    #[test]
    fn a_sun_letter_article_before_a_variant_spelling_is_part_of_the_name() {
        check_places("Gunmen clashed with regime forces in As-Sweida on Monday.", &["As-Sweida"]);
        check_places("Shells fell on Ar-Rastan and Al-Sweida.", &["Ar-Rastan", "Al-Sweida"]);
        check_places("As Sweida police said two men died.", &["As Sweida"]);
    }

    #[test]
    fn a_name_a_city_is_only_also_known_by_yields_to_a_person() {
        check_places("A letter from Town Clerk Jim Kowalczyk reached Fairfax.", &["Fairfax"]);
        check_places("Councillors Mitch Lewis and Ann Hall met in Fairfax.", &["Fairfax"]);
        check_places("Fighting resumed in Jimma on Monday.", &["Jimma"]);
    }

    #[test]
    fn a_city_named_exactly_is_no_variant_of_a_village() {
        check_resolved(
            "Diplomats flew from Damascus to Sochi for the talks.",
            &[("Damascus", "Syria"), ("Sochi", "Russia")],
        );
    }

    #[test]
    fn a_town_after_a_comma_is_a_list_not_a_container() {
        check_resolved(
            "Aid came from Australia, Japan, Jordan, China and Peru.",
            &[
                ("Australia", "Australia"),
                ("Japan", "Japan"),
                ("Jordan", "Jordan"),
                ("China", "China"),
                ("Peru", "Peru"),
            ],
        );
    }

    #[test]
    fn world_regions_are_places() {
        check_places(
            "Cases rose across sub-Saharan Africa, South Asia and the Caribbean, and in Sumatra.",
            &["sub-Saharan Africa", "South Asia", "Caribbean", "Sumatra"],
        );
        check_places(
            "A tanker was hit in the Red Sea after leaving the Gulf of Aden; storms lashed Mindanao and Jutland.",
            &["Red Sea", "Gulf of Aden", "Mindanao", "Jutland"],
        );
        check_admin1("Horses were moved across NSW on Friday.", &[("NSW", "New South Wales")]);
    }

    #[test]
    fn seas_lakes_unions_and_breakaway_regions_are_places() {
        check_resolved(
            "Storms on Lake Erie delayed ships bound for the Pacific from Lake Michigan.",
            &[("Lake Erie", ""), ("Pacific", ""), ("Lake Michigan", "United States")],
        );
        check_resolved(
            "South Ossetian militias and Abkhazia; the European Union sent monitors to South Ossetia.",
            &[("South Ossetian", "Georgia"), ("Abkhazia", "Georgia"), ("South Ossetia", "Georgia")],
        );
        // A town of a lake's name keeps it where its state follows.
        check_resolved(
            "She moved to Lake Geneva, Wisconsin.",
            &[("Lake Geneva", "United States"), ("Wisconsin", "United States")],
        );
    }

    #[test]
    fn ordinary_words_match_no_place_by_their_skeleton() {
        check_places("Neither side reported casualties in Idlib.", &["Idlib"]);
        check_places("Fierce clashes broke out. Rebel fighters took Saraqib.", &["Saraqib"]);
        check_places("Aside from Homs, Hours later the Elite units left.", &["Homs"]);
        // Variant spellings of names that are no English words still match.
        check_resolved("Shells fell on Deir Ezzor and Mayadeen.", &[("Deir Ezzor", "Syria"), ("Mayadeen", "Syria")]);
        // So do places named exactly like a word.
        check_resolved("Shelling hit Nador in Morocco.", &[("Nador", "Morocco"), ("Morocco", "Morocco")]);
    }

    #[test]
    fn a_common_word_inside_a_longer_name_is_no_division() {
        check_places("Boats moored in Islington Bay near Toronto.", &["Islington", "Toronto"]);
        check_places("Farmers on the Central Plateau lost crops.", &[]);
        check_resolved("Gunmen raided villages in Plateau state.", &[("Plateau", "Nigeria")]);
        check_resolved("Gunmen raided Jos, Plateau, on Monday.", &[("Jos", "Nigeria"), ("Plateau", "Nigeria")]);
        check_resolved("Floods hit the West Midlands.", &[("West Midlands", "United Kingdom")]);
        check_resolved("The Plateau governor spoke.", &[("Plateau", "Nigeria")]);
        check_resolved("Raids In Plateau Kill Ten", &[("Plateau", "Nigeria")]);
        check_resolved("Amid Turkey's shelling, Eastern China flooded.", &[("Turkey", "Turkey"), ("China", "China")]);
    }

    #[test]
    fn a_common_word_after_a_country_or_before_a_division_word_or_in_a_headline_is_a_place() {
        check_resolved(
            "Militants blew up an oil pipeline in the Niger Delta on Monday, killing two soldiers.",
            &[("Niger Delta", "Nigeria")],
        );
        check_resolved("Oil theft rose across Nigeria Delta creeks.", &[("Nigeria", "Nigeria"), ("Delta", "Nigeria")]);
        check_resolved("Bandits Attack Plateau Villages, Kill 12", &[("Plateau", "Nigeria")]);
        check_resolved("On Sunday Plateau state police said gunmen killed two people.", &[("Plateau", "Nigeria")]);
        check_resolved("Nigerian Plateau herders fled on Monday.", &[("Nigerian", "Nigeria"), ("Plateau", "Nigeria")]);
        // In prose the word before still makes it part of a longer name,
        // and so does another country's name or a name in a headline.
        check_places("Al-Shabaab attacks on the Kenyan Coast killed ten.", &["Kenyan"]);
        check_places("Rebels from the Great Lakes region attacked Goma.", &["Goma"]);
        check_places("Storm Batters Mobile Coast", &[]);
        // A headline's common word needs a settlement's word after it or
        // its country in the article to be a division.
        check_places("Investors Cheer Delta Earnings Beat", &[]);
        check_places("Hikers Reach Remote Plateau Summit", &[]);
        check_places("Tourists Flock To Sunny Coast Resorts", &[]);
        check_places("Scientists Study Melting Lakes In Greenland", &["Greenland"]);
        // A line of capitals longer than any headline is none.
        let long = format!("{} Bandits Attack Plateau Villages", "Wonderful Terrible Horrible Splendid ".repeat(10));
        check_places(&long, &[]);
        check_resolved(
            "Gunmen Raid Delta Community\nGunmen killed four people in southern Nigeria on Monday.",
            &[("Delta", "Nigeria"), ("Nigeria", "Nigeria")],
        );
        check_resolved(
            "Herders Abandon Plateau Pastures\nHerders left their land in Nigeria on Monday.",
            &[("Plateau", "Nigeria"), ("Nigeria", "Nigeria")],
        );
    }

    #[test]
    fn an_oceans_name_after_a_name_is_a_firm_even_where_a_town_has_it() {
        // "Pacific" is also Pacific, Missouri: after "Union" it is neither.
        check_places("Union Pacific trains were halted in Omaha.", &["Omaha"]);
        // A hyphened pair of regions names both, as a pair of towns does.
        check_places("Protesters gathered at the Asia-Pacific summit in Lima.", &["Asia", "Pacific", "Lima"]);
        check_feature_codes("A typhoon crossed the Pacific on Monday.", &[("Pacific", "RGN")]);
    }

    #[test]
    fn a_sea_named_with_the_is_the_sea() {
        check_feature_codes("Rebels attacked a cargo ship in the Red Sea on Monday.", &[("Red Sea", "RGN")]);
        check_feature_codes("Floods hit the Red Sea state on Monday.", &[("Red Sea", "ADM1")]);
    }

    #[test]
    fn a_country_named_supports_places_beside_it() {
        check_resolved(
            "Israeli forces shelled Gaza on Monday, killing 12 people.",
            &[("Israeli", "Israel"), ("Gaza", "Palestine")],
        );
        check_resolved(
            "Gaza province flooded, Mozambique said.",
            &[("Gaza", "Mozambique"), ("Mozambique", "Mozambique")],
        );
    }

    #[test]
    fn a_variant_spelling_before_fighters_is_a_group() {
        check_resolved(
            "Houthi rebels fired a missile at Marib, Yemeni officials said.",
            &[("Marib", "Yemen"), ("Yemeni", "Yemen")],
        );
        check_resolved("Idlib rebels shelled Hama.", &[("Idlib", "Syria"), ("Hama", "Syria")]);
        // A town's other name before fighters is a group's too.
        check_resolved("Taliban fighters overran Kunduz on Sunday.", &[("Kunduz", "Afghanistan")]);
        check_resolved("Hamas militants fired rockets at Sderot.", &[("Sderot", "Israel")]);
    }

    #[test]
    fn an_areas_acronym_names_it() {
        check_resolved("Oil from the KRI reached Turkey.", &[("KRI", "Iraq"), ("Turkey", "Turkey")]);
        // A union of states is a body, not a place: it locates nothing.
        check_places("The EU imposed sanctions on Russia.", &["Russia"]);
        check_places("EU naval forces repelled a pirate attack near Yemen on Monday.", &["Yemen"]);
    }

    #[test]
    fn a_people_after_a_place_is_no_surname() {
        check_resolved("Karabakh Armenians fled to Goris.", &[("Armenians", "Armenia"), ("Goris", "Armenia")]);
    }

    #[test]
    fn english_words_are_found_in_the_sorted_list() {
        for (word, expect) in [
            ("neither", true),
            ("aardvark", true),
            ("fierce", true),
            ("zucchinis", true),
            ("reading", false),
            ("nador", false),
            ("idlib", false),
            ("neithe", false),
            ("neitherr", false),
            ("aaaaa", false),
            ("zzzzzz", false),
            ("", false),
        ] {
            assert_eq!(english_word(word), expect, "{word:?}");
        }
        // Every listed word is found: the list is sorted as the search needs.
        for word in ENGLISH_WORDS.lines().skip(1) {
            assert!(english_word(word), "{word:?}");
        }
    }

    #[test]
    fn countries_answer_to_their_other_names() {
        let g = Gazetteer::builtin();
        for (text, country) in [
            ("Cases were reported in Macedonia.", "North Macedonia"),
            ("Aid reached DR Congo.", "Democratic Republic of Congo"),
        ] {
            let c = crate::clean::clean(text);
            let ms = recognise(&g, &c, &crate::segment::sentences(&c));
            let found: Vec<(&str, &str)> =
                ms.iter().map(|m| (m.place.name.as_str(), m.place.feature_code.as_str())).collect();
            assert_eq!(found, [(country, "PCLI")], "{text:?}");
        }
    }

    fn check_admin1(text: &str, expect: &[(&str, &str)]) {
        let g = Gazetteer::builtin();
        let c = crate::clean::clean(text);
        let s = crate::segment::sentences(&c);
        let ms = recognise(&g, &c, &s);
        let found: Vec<(&str, &str)> = ms.iter().map(|m| (&c.text[m.start..m.end], m.place.admin1.as_str())).collect();
        assert_eq!(found, expect, "{text:?}");
    }

    #[test]
    fn english_words_that_are_arabic_articles_stay_english() {
        check_places("The minister arrived at Moscow on Monday.", &["Moscow"]);
        check_places("Doctors at Wichita's main hospital said the boy was stable.", &["Wichita"]);
        check_places("Talks at Geneva ended without a deal.", &["Geneva"]);
        check_places("As Sweida police said two men died.", &["As Sweida"]);
    }

    #[test]
    fn possessives_compounds_and_glued_articles_keep_the_name() {
        check_places("A Denver-based company sued the county.", &["Denver"]);
        check_places("Cholera spread in Cote d'Ivoire and Ghana.", &["Cote d'Ivoire", "Ghana"]);
        check_places("Nairobi's hospitals were full.", &["Nairobi"]);
    }

    #[test]
    fn a_district_named_like_its_seat_is_the_town() {
        check_resolved("Talks at Geneva ended without a deal.", &[("Geneva", "Switzerland")]);
        let g = Gazetteer::builtin();
        let c = crate::clean::clean("Talks at Geneva ended without a deal.");
        let ms = recognise(&g, &c, &crate::segment::sentences(&c));
        assert_eq!(ms[0].place.feature_code, "PPLA", "{:?}", ms[0].place);
    }

    #[test]
    fn a_name_in_capitals_is_a_place_only_as_a_dateline() {
        check_places("A car bomb exploded in Homs, state news agency SANA said.", &["Homs"]);
        check_places("SANAA — A car bomb exploded in the capital.", &["SANAA"]);
        check_places("MOSUL, Iraq (Reuters) - A bomb exploded.", &["MOSUL", "Iraq"]);
        check_places("The U.S. said it would help.", &["U.S."]);
        check_places("HUDSON, Ohio -- Police said the lake was frozen.", &["HUDSON", "Ohio"]);
    }

    #[test]
    fn towns_named_together_lie_together() {
        // Paris and Clarksville of Tennessee are the bigger ones, but
        // Bogata and Honey Grove are only in Texas, near the other pair.
        check_admin1(
            "Volunteers from Paris, Clarksville, Bogata and Honey Grove fought the grass fire.",
            &[("Paris", "Texas"), ("Clarksville", "Texas"), ("Bogata", "Texas"), ("Honey Grove", "Texas")],
        );
        check_admin1(
            "Crews from Paris and Clarksville helped after the storm.",
            &[("Paris", "Tennessee"), ("Clarksville", "Tennessee")],
        );
    }

    #[test]
    fn a_state_outranks_its_namesake_towns() {
        // Division populations count: "California" and "Oregon" are the
        // states, not the towns of Missouri, Illinois or Ohio.
        check_admin1(
            "Storms closed roads in California and Oregon.",
            &[("California", "California"), ("Oregon", "Oregon")],
        );
    }

    #[test]
    fn a_bare_town_lies_in_the_state_the_article_is_about() {
        // Two Texas places make Texas home: the "Athens" and the "Lamar
        // County" of Texas, not the bigger namesakes elsewhere.
        check_admin1(
            "Deputies from Tyler and Corsicana, Texas, met on Monday. Athens officials said Lamar County will help.",
            &[
                ("Tyler", "Texas"),
                ("Corsicana", "Texas"),
                ("Texas", "Texas"),
                ("Athens", "Texas"),
                ("Lamar County", "Texas"),
            ],
        );
        // No home: the bigger one.
        check_admin1("Athens officials said the fair will open.", &[("Athens", "Attiki")]);
    }

    #[test]
    fn a_name_listed_with_states_or_countries_is_one_too() {
        check_feature_codes(
            "Cases rose in Utah, Virginia, Washington, and Oregon.",
            &[("Utah", "ADM1"), ("Virginia", "ADM1"), ("Washington", "ADM1"), ("Oregon", "ADM1")],
        );
        check_feature_codes(
            "Cases rose in Alberta, Manitoba, Ontario.",
            &[("Alberta", "ADM1"), ("Manitoba", "ADM1"), ("Ontario", "ADM1")],
        );
        check_feature_codes("Officials in Washington, D.C., agreed.", &[("Washington", "PPLC"), ("D.C.", "ADM1")]);
        check_feature_codes("Polio was wiped out in Egypt and Niger.", &[("Egypt", "PCLI"), ("Niger", "PCLI")]);
    }

    #[test]
    fn a_country_after_a_listed_country_contains_nothing() {
        check_feature_codes(
            "Pilgrims were told to avoid Azerbaijan, Georgia, Lebanon, and Yemen.",
            &[("Azerbaijan", "PCLI"), ("Georgia", "PCLI"), ("Lebanon", "PCLI"), ("Yemen", "PCLI")],
        );
        // A town before its state is still in it.
        check_admin1(
            "The plant in Springfield, Illinois, closed.",
            &[("Springfield", "Illinois"), ("Illinois", "Illinois")],
        );
        check_admin1(
            "Flights from Springfield, Illinois left.",
            &[("Springfield", "Illinois"), ("Illinois", "Illinois")],
        );
    }

    #[test]
    fn a_container_holds_in_its_likely_senses_only() {
        check_admin1(
            "Students at the university in Bowling Green, Ohio, voted.",
            &[("Bowling Green", "Ohio"), ("Ohio", "Ohio")],
        );
        check_admin1(
            "He drove from Macon, Georgia to Topeka, Kansas.",
            &[("Macon", "Georgia"), ("Georgia", "Georgia"), ("Topeka", "Kansas"), ("Kansas", "Kansas")],
        );
    }

    #[test]
    fn a_state_abbreviation_needs_its_dot_or_a_town_before_it() {
        check_admin1(
            "Western Mass. stargazers met in Wichita, Kan to see Springfield Mass. sights.",
            &[
                ("Mass", "Massachusetts"),
                ("Wichita", "Kansas"),
                ("Kan", "Kansas"),
                ("Springfield", "Massachusetts"),
                ("Mass", "Massachusetts"),
            ],
        );
        check_admin1("She was crowned Miss Teen at the fair.", &[]);
        check_admin1("Wash your hands, the Public Order Act says.", &[]);
        check_admin1("A requiem Mass was held in Boston.", &[("Boston", "Massachusetts")]);
        // Dots inside the name are its own, a comma after them or not.
        check_admin1(
            "A gunman from Fayetteville, N.C., injured 3 people.",
            &[("Fayetteville", "North Carolina"), ("N.C.", "North Carolina")],
        );
        check_admin1(
            "Three were hurt in Trenton, N.J., on Monday.",
            &[("Trenton", "New Jersey"), ("N.J.", "New Jersey")],
        );
        // A name that loses its state sense loses its other variant-name
        // senses too ("Tex" is no Telluride).
        check_admin1("Tex Hill said 2 soldiers were killed in Kandahar.", &[("Kandahar", "Kandahar")]);
        // A full stop that ends a sentence, with no town before the word.
        check_admin1("They met after Mass. Police in Boston said two died.", &[("Boston", "Massachusetts")]);
        check_admin1("Brewery Sold To Mass. Investment Group", &[("Mass", "Massachusetts")]);
        check_admin1(
            "Shots rang out in Springfield Mass. Police said two died.",
            &[("Springfield", "Massachusetts"), ("Mass", "Massachusetts")],
        );
    }

    #[test]
    fn a_state_named_exactly_is_not_its_capital_known_by_its_name() {
        check_feature_codes(
            "Cases were found in Georgia, Oklahoma, Pennsylvania and Wisconsin.",
            &[("Georgia", "ADM1"), ("Oklahoma", "ADM1"), ("Pennsylvania", "ADM1"), ("Wisconsin", "ADM1")],
        );
        check_feature_codes("Storms hit Oklahoma on Monday.", &[("Oklahoma", "ADM1")]);
        // A city named exactly like its division is still the city.
        check_feature_codes("Shelling hit Aleppo on Monday.", &[("Aleppo", "PPLA")]);
    }

    #[test]
    fn states_answer_to_their_news_abbreviations() {
        check_admin1(
            "She grew up in Wheeling, W.Va., and moved to Wichita, Kan., then Tulsa, Okla.",
            &[
                ("Wheeling", "West Virginia"),
                ("W.Va.", "West Virginia"),
                ("Wichita", "Kansas"),
                ("Kan", "Kansas"),
                ("Tulsa", "Oklahoma"),
                ("Okla", "Oklahoma"),
            ],
        );
    }

    #[test]
    fn counties_named_bare_are_counties_of_the_home_state() {
        check_feature_codes(
            "Omaha and Lincoln, Neb., grew: Gage and Cass counties added jobs.",
            &[("Omaha", "PPLA2"), ("Lincoln", "PPLA"), ("Neb", "ADM1"), ("Gage", "ADM2"), ("Cass", "ADM2")],
        );
        check_admin1(
            "Omaha and Lincoln, Neb., grew: Gage and Cass counties added jobs.",
            &[
                ("Omaha", "Nebraska"),
                ("Lincoln", "Nebraska"),
                ("Neb", "Nebraska"),
                ("Gage", "Nebraska"),
                ("Cass", "Nebraska"),
            ],
        );
        // Named exactly, a town outranks a county named bare.
        check_admin1("DeKalb police closed the road.", &[("DeKalb", "Illinois")]);
    }

    #[test]
    fn a_capital_outranks_a_division_named_like_it_without_its_towns() {
        check_admin1(
            "Officials in Washington announced new sanctions on Monday.",
            &[("Washington", "Washington, D.C.")],
        );
        check_admin1(
            "Wildfires spread near Spokane and Yakima in Washington state.",
            &[("Spokane", "Washington"), ("Yakima", "Washington"), ("Washington", "Washington")],
        );
    }

    #[test]
    fn a_division_point_is_the_middle_of_its_land_not_of_its_towns() {
        // Queensland's and Alberta's towns crowd the coast and the south.
        let g = Gazetteer::builtin();
        for (name, lat, lon) in [("Queensland", -22.0, 145.0), ("Alberta", 54.5, -114.5), ("Texas", 31.0, -99.5)] {
            let (p, _) = g.lookup(name).into_iter().find(|(p, _)| p.feature_code == "ADM1").expect(name);
            assert!(km(p, &place_at(lat, lon)) < 150.0, "{name}: {p:?}");
        }
    }

    /// The places the built-in gazetteer finds in `text`, with their feature codes.
    fn check_feature_codes(text: &str, expect: &[(&str, &str)]) {
        let g = Gazetteer::builtin();
        let c = crate::clean::clean(text);
        let ms = recognise(&g, &c, &crate::segment::sentences(&c));
        let found: Vec<(&str, &str)> =
            ms.iter().map(|m| (&c.text[m.start..m.end], m.place.feature_code.as_str())).collect();
        assert_eq!(found, expect, "{text:?}");
    }

    #[test]
    fn a_state_lends_no_support_to_its_namesake_towns() {
        // Towns named "Washington" lie near some "Lansing": the state's
        // capital is still the one meant.
        check_feature_codes(
            "Lawmakers in Lansing heard from officials in Washington.",
            &[("Lansing", "PPLA"), ("Washington", "PPLC")],
        );
    }

    #[test]
    fn a_list_of_states_is_no_chain_of_containers() {
        let states = ["Georgia", "Indiana", "Kentucky", "New Mexico", "Texas"].map(|n| (n, "ADM1"));
        check_feature_codes("Storm damage was reported in Georgia, Indiana, Kentucky, New Mexico and Texas.", &states);
    }

    #[test]
    fn a_country_code_is_no_first_name() {
        check_places("Ken Okoth told the meeting that the budget would pass.", &[]);
    }

    #[test]
    fn a_two_letter_state_abbreviation_follows_a_town_and_a_comma() {
        check_feature_codes(
            "The parade left Harrisburg, Pa., and reached Lexington, Ky. on Sunday.",
            &[("Harrisburg", "PPLA"), ("Pa", "ADM1"), ("Lexington", "PPLA2"), ("Ky", "ADM1")],
        );
        // Elsewhere the two letters are a word or a name.
        check_places("Pa said the harvest was late. Ky Nguyen agreed.", &[]);
        check_places("We met Pa. He and Ma, Pa. were tired.", &[]);
        check_places("The score was 3, La. Then it rained.", &[]);
        // Only the AP's abbreviations, and only after a town.
        check_places("Sorry, Mo. The soldier was wounded in Kabul.", &["Kabul"]);
        check_places("Goodbye, Bo. The soldier was wounded in Kabul.", &["Kabul"]);
        check_places("Thanks, Pa. The crowd went home.", &[]);
        check_feature_codes("Storms hit State College, Pa. on Friday.", &[("State College", "PPL"), ("Pa", "ADM1")]);
        check_admin1("KANSAS CITY, Mo. - Snow fell.", &[("KANSAS CITY", "Missouri"), ("Mo", "Missouri")]);
    }

    #[test]
    fn a_tiny_division_alone_is_no_place() {
        check_places("Michael told reporters the ferry would sail on time.", &[]);
        check_places("The storm cut power in Michael on the Isle of Man.", &["Michael", "Isle of Man"]);
        check_places("Floods closed the schools of Jesus district on Monday.", &["Jesus"]);
    }

    #[test]
    fn places_naming_offices_and_speaking_countries_stay_places() {
        check_places("The council met in Greer on Monday, said Greer City Administrator Ann Lee.", &["Greer", "Greer"]);
        check_places("Portugal says a third patient tested positive.", &["Portugal"]);
        check_places("Officials said Greer would vote.", &[]);
    }

    #[test]
    fn initials_and_dotted_titles_make_persons() {
        check_places("The report by Ann J. Greer was read in Fargo.", &["Fargo"]);
        check_places("Capt. Greer said the road in Fargo was shut.", &["Fargo"]);
        check_places("The deputy Russian minister met officials in Homs.", &["Russian", "Homs"]);
    }

    #[test]
    fn a_town_name_before_a_surname_is_a_first_name() {
        check_places("Elizabeth Brandt opened the shelter in Fargo. Brandt said it was full.", &["Fargo"]);
        check_places("Mrs Brandt thanked the crews. Elizabeth Brandt lives in Fargo.", &["Fargo"]);
        check_places("Elizabeth Brandt said she moved to Elizabeth in May.", &["Elizabeth"]);
        check_places("Elizabeth Brandt opened the shelter in Fargo.", &["Elizabeth", "Fargo"]);
        check_places(
            "Shells hit Aleppo Damascus road. Damascus said it was shut.",
            &["Aleppo", "Damascus", "Damascus"],
        );
        check_places("Fighters took Abu Kamal Airport. Kamal said it fell.", &["Abu Kamal"]);
    }

    #[test]
    fn names_inside_group_names_are_not_places() {
        check_places("Fighters of Hayat Tahrir al-Sham shelled Homs.", &["Homs"]);
        check_places("The Al Sham Legion attacked Hama.", &["Hama"]);
        check_places("Shells fell on Deir al-Zour.", &["Deir al-Zour"]);
        check_places("Nour al-Din al-Zinki fighters entered Homs.", &["Homs"]);
        check_places("Manbij al-Kabir fighters entered Homs.", &["Homs"]);
    }

    #[test]
    fn rural_city_is_the_division_around_it() {
        check_resolved("Shelling hit a farm in rural Damascus.", &[("rural Damascus", "Syria")]);
        let g = Gazetteer::builtin();
        let c = crate::clean::clean("Shelling hit a farm in rural Damascus.");
        let s = crate::segment::sentences(&c);
        let m = recognise(&g, &c, &s);
        assert_eq!((m[0].place.feature_code.as_str(), m[0].place.admin1.as_str()), ("ADM1", "Rural Damascus"));
    }

    #[test]
    fn a_place_outside_the_place_it_is_said_to_lie_in_is_dropped() {
        check_places("Clashes hit Manbij in the eastern countryside of Aleppo.", &["Manbij", "Aleppo"]);
        check_places("Clashes hit Manbij in the eastern countryside of Homs.", &["Homs"]);
        check_places("Clashes hit Manbij, Homs and Hama.", &["Manbij", "Homs", "Hama"]);
    }

    fn check_link(between: &str, expect: bool) {
        assert_eq!(container_link(between), expect, "{between:?}");
    }

    #[test]
    fn links_between_a_place_and_its_container() {
        check_link(", ", true);
        check_link(" village in the ", true);
        check_link(" in the south-eastern countryside of ", true);
        check_link(" area of ", true);
        check_link("' frontline in ", true);
        check_link(" ' and ", false);
        check_link(" Village IN the ", true);
        check_link(" in the south-easternmost countryside of ", false);
        check_link(" and ", false);
        check_link(" north ", false);
        check_link(" forces fought in ", false);
    }

    #[test]
    fn word_list_gates_hold() {
        assert_eq!(CONNECTORS.iter().map(|c| c.len()).max(), Some(CONNECTOR_LEN));
        assert!(
            LINK_WORDS.iter().chain(COMPASS_POINTS).all(|l| l.len() <= LINK_LEN),
            "a link word is longer than LINK_LEN"
        );
        assert!(ARABIC_ARTICLES.iter().all(|a| CONNECTORS.contains(a)), "every article is a connector");
        for w in ["al", "of", "abu", "upon", "a", "alo", "ofx", "uponx", "", "l"] {
            let listed = w.len() <= CONNECTOR_LEN && CONNECTORS.contains(&w);
            assert_eq!(w.len() <= CONNECTOR_LEN && CONNECTOR_CODES.contains(&short_code(w)), listed, "{w:?}");
        }
    }

    fn check_lowercase(text: &str, word: &str, expect: bool) {
        let mut searched = Lowercase::new(text);
        assert_eq!(searched.contains(word), expect, "{word:?} in {text:?}, searching");
        let mut gathered = Lowercase::new(text);
        gathered.asked = LOWERCASE_SEARCHES;
        assert_eq!(gathered.contains(word), expect, "{word:?} in {text:?}, gathered");
    }

    #[test]
    fn lowercase_words_are_whole_words() {
        check_lowercase("Reading is fun; reading too.", "reading", true);
        check_lowercase("Reading is fun.", "reading", false);
        check_lowercase("The rereading and readings", "reading", false);
        check_lowercase("café-reading", "reading", true);
        check_lowercase("reading2 and 2reading", "reading", false);
        check_lowercase("reading", "reading", true);
        check_lowercase("Zürich and zürich", "zürich", false);
    }

    fn check_start(text: &str, from: usize, expect: Option<&str>) {
        let at = next_start(text.as_bytes(), from);
        assert_eq!((at < text.len()).then(|| &text[at..]), expect, "{text:?} from {from}");
    }

    #[test]
    fn starts_are_capitals_after_non_letters_or_non_ascii_bytes() {
        check_start("the rebels shelled the outskirts of Homs", 0, Some("Homs"));
        check_start("the rebels shelled the outskirts of (Homs)", 0, Some("Homs)"));
        check_start("fighters of McDonald and iPhone users", 0, Some("McDonald and iPhone users"));
        check_start("fighters of mcDonald and iPhone users", 0, None);
        check_start("near as-Suwayda", 0, Some("Suwayda"));
        check_start("a naïve café", 0, Some("\u{ef}ve café"));
        check_start("Aleppo and Idlib", 1, Some("Idlib"));
        check_start("Aleppo", 0, Some("Aleppo"));
        check_start("no capital letter anywhere here at all", 0, None);
    }

    fn check_tokens(text: &str, expect: &[&str]) {
        let lower = text.to_ascii_lowercase();
        let (mut toks, mut keys) = (Vec::new(), Keys { lower: &lower, folded: String::new() });
        tokenize(text, 0, text.len(), &mut toks, &mut keys);
        let got: Vec<&str> = toks.iter().map(|t| if t.start == t.end { "|" } else { keys.of(t) }).collect();
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn words_far_from_capitals_are_one_gap() {
        check_tokens(
            "they said that the long siege of the old town ended near Homs on the day it rained hard again",
            &["town", "ended", "near", "homs", "on", "the"],
        );
        check_tokens("the fighting went on for days and then it stopped", &[]);
        check_tokens("Mr Walker said", &["mr", "walker", "said"]);
        check_tokens(
            "in the town of al Bab and the city of Manbij and after a long while the rest",
            &["town", "of", "al", "bab", "and", "the", "city", "of", "manbij", "and", "after", "a"],
        );
        check_tokens(
            "Homs was quiet for most of the week while the people of the town slept and Hama burned",
            &["homs", "was", "quiet", "|", "town", "slept", "and", "hama", "burned"],
        );
        check_tokens("a - - - - - quiet day — near Moscow's edge", &["a", "quiet", "day", "near", "moscow", "edge"]);
    }

    #[test]
    fn an_acronym_before_a_place_is_no_first_name() {
        check_resolved(
            "CNN Chile aired it. Later Chile and Peru agreed.",
            &[("Chile", "Chile"), ("Chile", "Chile"), ("Peru", "Peru")],
        );
        check_admin1("Files were sent to FBI Chicago for review.", &[("Chicago", "Illinois")]);
    }

    #[test]
    fn a_title_before_a_name_makes_it_a_persons_even_before_a_qualifier() {
        check_resolved(
            "A porter in Leeds was taken to the Queen Mary University Hospital in Cardiff.",
            &[("Leeds", "United Kingdom"), ("Cardiff", "United Kingdom")],
        );
        check_places("Pilgrims landed at King Fahd Airport.", &[]);
        // Without a title the qualifier keeps the place.
        check_places("Topeka City Commissioner Jan Ostrowski spoke.", &["Topeka"]);
    }

    #[test]
    fn a_sea_or_region_of_no_one_country_is_not_contradicted_by_its_container() {
        check_feature_codes(
            "Reefs bleached in the Indian Ocean in Mauritius.",
            &[("Indian Ocean", "RGN"), ("Mauritius", "PCLI")],
        );
        check_feature_codes(
            "Fishermen were stranded on Lake Victoria in the Mwanza region of Tanzania.",
            &[("Lake Victoria", "RGN"), ("Mwanza", "ADM1"), ("Tanzania", "PCLI")],
        );
        // A region of one country is still checked against a division (the
        // Badia is coded in Homs).
        check_feature_codes("Clashes hit the Syrian desert of Rural Damascus.", &[("Rural Damascus", "ADM1")]);
    }

    #[test]
    fn a_regions_own_name_beats_a_countrys_other_name() {
        check_feature_codes("Locust swarms could reach Central Africa by May.", &[("Central Africa", "RGN")]);
        check_feature_codes("Troops left the Central African Republic.", &[("Central African Republic", "PCLI")]);
    }

    #[test]
    fn a_possessive_inside_a_countrys_name_keeps_the_whole_name() {
        check_resolved("Officials of the People's Republic of China met.", &[("People's Republic of China", "China")]);
        check_resolved(
            "The Democratic People’s Republic of Korea fired a missile.",
            &[("Democratic People's Republic of Korea", "North Korea")],
        );
        check_resolved("The Republic of Korea protested.", &[("Republic of Korea", "South Korea")]);
        // A possessive before a place that makes no longer name.
        check_resolved("Nigeria's Plateau state was hit.", &[("Nigeria", "Nigeria"), ("Plateau", "Nigeria")]);
    }

    #[test]
    fn portuguese_connectors_join_a_name() {
        check_feature_codes(
            "Cases rose in Rio Grande do Sul and Mato Grosso do Sul.",
            &[("Rio Grande do Sul", "ADM1"), ("Mato Grosso do Sul", "ADM1")],
        );
        check_places("What do Paris and London do now?", &["Paris", "London"]);
    }

    #[test]
    fn the_state_of_a_name_is_a_division_and_a_region_no_county() {
        check_feature_codes("Apple growers in the state of Washington met.", &[("Washington", "ADM1")]);
        check_feature_codes("Officials in the state of Georgia said so.", &[("Georgia", "ADM1")]);
        check_feature_codes("He declared a state of emergency in Georgia.", &[("Georgia", "PCLI")]);
        check_feature_codes("Warm water pooled in the western Pacific region.", &[("Pacific", "RGN")]);
        // "Of" with a lower level word names a place the division is in.
        check_feature_codes("Pingtung is a county of Taiwan.", &[("Pingtung", "ADM1"), ("Taiwan", "PCLI")]);
    }

    #[test]
    fn an_oceans_short_name_after_a_name_is_a_firms() {
        check_places("Union Pacific and Virgin Atlantic shares rose.", &[]);
        check_feature_codes("Storms in the South Pacific grew.", &[("Pacific", "RGN")]);
        check_feature_codes(
            "Pacific storms grew. The boat sank in the Pacific.",
            &[("Pacific", "RGN"), ("Pacific", "RGN")],
        );
    }

    #[test]
    fn a_town_before_an_office_or_a_club_is_a_place_not_a_first_name() {
        check_places("Call the Tyler Police Department or the Chester Chamber of Commerce.", &["Tyler", "Chester"]);
        check_places("The Marion Fire Department and the Bristol Board of Finance met.", &["Marion", "Bristol"]);
        // A town's name before a surname is still a first name.
        check_places("Elizabeth Brandt opened the shelter in Fargo. Brandt said it was full.", &["Fargo"]);
    }

    #[test]
    fn w_va_is_west_virginia_and_w_alone_an_initial() {
        check_admin1(
            "Floods hit Wheeling, W. Va., on Monday.",
            &[("Wheeling", "West Virginia"), ("W. Va", "West Virginia")],
        );
        check_places("Police seek driver in W. Columbia crash.", &["Columbia"]);
        check_places("President George W. Bush spoke in Texas.", &["Texas"]);
    }

    #[test]
    fn a_tiny_division_alone_yields_to_a_town_named_so_exactly() {
        check_admin1("The council met in Mansfield on Monday.", &[("Mansfield", "Ohio")]);
        // No town of some size is named so: the word is a person or a thing.
        check_places("I love Jesus! Michael said so.", &[]);
    }

    #[test]
    fn a_disease_named_after_a_place_is_no_mention_of_it() {
        check_places("Keepers caught the Hendra virus near Toowoomba.", &["Toowoomba"]);
        check_places("The Zika virus and Lyme disease were found in Brazil.", &["Brazil"]);
        // A people's or a country's name before it stays one.
        check_places("The Spanish flu reached the United States.", &["Spanish", "United States"]);
        check_places("Officials said the virus was found in Marburg.", &["Marburg"]);
    }

    #[test]
    fn compass_words_before_a_name_are_part_of_it() {
        check_feature_codes(
            "Farmers in Devon in South West England lost crops.",
            &[("Devon", "ADM2"), ("England", "ADM1")],
        );
        check_feature_codes("Floods hit Western Kenya.", &[("Kenya", "PCLI")]);
        check_feature_codes("Gunmen burned two schools in North West Syria.", &[("Syria", "PCLI")]);
        // Before their own division's country they name the division.
        check_feature_codes(
            "Insurgents raided a market in Far North Cameroon on Friday.",
            &[("Far North", "ADM1"), ("Cameroon", "PCLI")],
        );
        check_feature_codes(
            "Separatists blocked roads in North West Cameroon.",
            &[("North West", "ADM1"), ("Cameroon", "PCLI")],
        );
        // Alone, or before a lowercase word, they still name the division.
        check_feature_codes(
            "Rebels attacked the South West region of Cameroon.",
            &[("South West", "ADM1"), ("Cameroon", "PCLI")],
        );
        check_feature_codes(
            "Central Java and North Korea were hit.",
            &[("Central Java", "ADM1"), ("North Korea", "PCLI")],
        );
    }
}
