//! Villages the text names in a spelling no gazetteer has: "clashes in
//! Jalma in northern Hama countryside" is Jalamah, a village of Hama.
//!
//! A capitalised name that recognition left unresolved is looked up among
//! the near misses of the added gazetteers (one letter from a known
//! spelling, see `gazetteer::fuzzy`), but only where the words around it say
//! a place is meant ("in X", "X village", "the town of X", "X frontline"),
//! never inside an actor's name, and only among the places of the
//! governorate (or the surroundings of the town) the same sentence names.
//! With no such container the spelling must match exactly or stand for a
//! single place, so English words and people's names stay out.

use crate::actor::ActorMention;
use crate::gazetteer::fold::fold;
use crate::gazetteer::{Gazetteer, Place, PlaceMention, km};
use crate::model::GeoPrecision;
use crate::segment::Sentence;
use crate::vocabulary::{NEAR, PLACE_KINDS, PLACE_PREPOSITIONS, ROUTES, SETTLEMENTS, concat};

/// Words after which a capitalised name is a place: [`PLACE_PREPOSITIONS`],
/// "at" and "around", and verbs of taking or striking a place.
const BEFORE: &[&str] = &concat::<22>(&[
    PLACE_PREPOSITIONS,
    &["at", "around"],
    &[
        "captured",
        "seized",
        "stormed",
        "recaptured",
        "re-captured",
        "retook",
        "re-took",
        "regained",
        "shelled",
        "bombed",
        "entered",
        "besieged",
        "control",
        "controlled",
    ],
]);

/// Words that place a name after "of" or "over" following them: "took
/// control of X", "control over X", "took over X".
const TAKEN_OVER: &[&str] = &["control", "takeover", "took", "take", "taking", "takes"];

/// Words before a name that say "near", not "at": the event is coded at
/// precision 2. [`NEAR`], and "around", "outside" and "towards", which
/// place an event beside a name as well.
const CODED_NEAR: &[&str] = &concat::<7>(&[NEAR, &["around", "outside", "towards", "toward"]]);

/// Nouns that make the name before them a place ("Zmar area"), or with
/// "of" the name after them ("the village of Zmar"): [`PLACE_KINDS`] and
/// the other nouns a village is named with.
const PLACE_NOUNS: &[&str] = &concat::<16>(&[
    PLACE_KINDS,
    &[
        "villages",
        "towns",
        "frontline",
        "front",
        "axis",
        "countryside",
        "hill",
        "farms",
        "district",
        "subdistrict",
        "outskirts",
        "vicinity",
    ],
]);

/// Nouns that make the name before them part of a town or open country,
/// which a populated-place gazetteer does not hold ("Bahar neighbourhood",
/// "Al Santer roundabout", "Quriyeh badia"): no village is looked up.
const NOT_VILLAGE: &[&str] = &[
    "neighbourhood",
    "neighborhood",
    "quarter",
    "street",
    "road",
    "roundabout",
    "square",
    "checkpoint",
    "hospital",
    "school",
    "mosque",
    "building",
    "market",
    "highway",
    "junction",
    "prison",
    "badia",
    "desert",
    "plain",
    "mountain",
    "mountains",
    "station",
    "field",
    "fields",
    "dam",
    "bridge",
    "airport",
    "base",
    "farms",
    "camp",
];

/// Lowercase words that may stand inside a name ("Tall al Sham", "Umm al-Kayf").
const CONNECTORS: &[&str] =
    &["al", "el", "as", "ash", "ad", "ar", "az", "at", "an", "ez", "es", "ed", "er", "en", "wa"];

/// English size and position words that stand for Arabic ones in a name:
/// "Big Khwein" is Khuwayn al Kabir, "Western Zmar" is Zmar al Gharbiyah.
const QUALIFIERS: &[(&str, &str)] = &[
    ("big", "kabir"),
    ("great", "kabir"),
    ("small", "saghir"),
    ("little", "saghir"),
    ("upper", "fawqani"),
    ("lower", "tahtani"),
    ("eastern", "sharqiyah"),
    ("western", "gharbiyah"),
    ("northern", "shamaliyah"),
    ("southern", "janubiyah"),
];

/// Arabic size and position words after a name ("Mawalih Sughir", "Rasm
/// Elkibir"), and English ones before it ("Lower Amiqa"): a note may name a
/// part of a village the gazetteer has only whole, so without them the name
/// is looked up again, in a container only.
const PARTS: &[&str] = &[
    "kabir",
    "kabira",
    "kebir",
    "kbir",
    "saghir",
    "saghira",
    "sughir",
    "sagheer",
    "zghir",
    "gharbi",
    "gharbiyah",
    "sharqi",
    "sharqiyah",
    "shamali",
    "janubi",
    "fawqani",
    "tahtani",
    "big",
    "great",
    "small",
    "little",
    "upper",
    "lower",
    "old",
    "new",
    "east",
    "west",
    "north",
    "south",
    "eastern",
    "western",
    "northern",
    "southern",
];

/// Containers farther than this from a village do not hold it.
const CONTAINER_KM: f64 = 40.0;

/// Near-miss candidates farther apart than this make a lone name ambiguous.
const SAME_PLACE_KM: f64 = 25.0;

/// A lone name spelled within this many letters of one place's name...
const CLOSE_SPELLING: usize = 1;

/// ...and at least this many letters closer than any other place's stands
/// for that place, though other places share its key.
const SPELLING_MARGIN: usize = 2;

#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// A run of capitalised words that may name a place.
struct Span {
    /// First word and one past the last word, in the sentence's words.
    i: usize,
    j: usize,
    /// The name's bytes, without a capitalised noun ending it.
    start: usize,
    end: usize,
    /// The words around it say a place is meant.
    placed: bool,
    /// They say "near", not "at".
    near: bool,
    /// They call it a town or village ("the town of X"): an English word
    /// so named is the settlement's name.
    settled: bool,
    /// The noun after it is no part of a town or open country.
    village: bool,
    /// One hyphenated word before a road or front ("Harqil-Suwayda road").
    route: bool,
}

/// Names listed with a place ("between Zmar and Ghoz villages", "captured
/// Zmar, Ghoz and Tall Sham") are places too: a name joined by "and" or "or"
/// to a place, or by a comma inside a list that goes on, takes its context.
/// A place is a name the words around it place or a town recognition found
/// (among `here`, the sentence's places).
fn link_lists(text: &str, ws: &[Word], spans: &mut [Span], here: &[&PlaceMention]) {
    let town = |sp: &Span| {
        sp.placed
            || here.iter().any(|m| m.start < sp.end && sp.start < m.end && m.place.feature_code.starts_with("PPL"))
    };
    let word = |k: usize| ws.get(k).map_or("", |w| &text[w.start..w.end]);
    // The link between span `a` and the span `b` after it.
    let joined = |a: &Span, b: &Span| {
        let gap = &text[ws[a.j - 1].end..ws[b.i].start];
        let and = b.i == a.j + 1 && matches!(gap, " and " | " or ");
        let comma = b.i == a.j && gap == ", ";
        // A comma joins only inside a list that goes on after `b`.
        let goes_on = matches!(word(b.j), "and" | "or") || text[ws[b.j - 1].end..].starts_with(", ");
        and || comma && goes_on
    };
    for k in 1..spans.len() {
        if !spans[k].placed && joined(&spans[k - 1], &spans[k]) && town(&spans[k - 1]) {
            spans[k].placed = true;
            spans[k].near = spans[k - 1].near;
        }
    }
    for k in (0..spans.len().saturating_sub(1)).rev() {
        if !spans[k].placed && joined(&spans[k], &spans[k + 1]) && town(&spans[k + 1]) {
            spans[k].placed = true;
        }
    }
}

/// The words of a sentence: letters, digits, apostrophes and inner hyphens.
fn words(text: &str, start: usize, end: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur: Option<usize> = None;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        let part = c.is_alphanumeric() || (cur.is_some() && matches!(c, '\'' | '’' | '-'));
        match (part, cur) {
            (true, None) => cur = Some(at),
            (false, Some(s)) => {
                out.push(Word { start: s, end: at });
                cur = None;
            }
            _ => {}
        }
    }
    if let Some(s) = cur {
        out.push(Word { start: s, end });
    }
    for w in &mut out {
        let t = text[w.start..w.end].trim_end_matches(['\'', '’', '-']);
        w.end = w.start + t.len();
    }
    out
}

/// A word that may begin or continue a name: capitalised, or an article
/// glued to a capitalised word ("al-Hasakeh").
fn namelike(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        || word.split_once('-').is_some_and(|(a, b)| CONNECTORS.contains(&a) && b.starts_with(char::is_uppercase))
}

/// New place mentions for names in `sentences` that `places` and `actors`
/// leave unexplained, in country `country` when one is known, and in the
/// governorates of `areas` when namesakes lie apart (see `choose`).
pub fn near_misses<'g>(
    g: &'g Gazetteer,
    text: &str,
    sentences: &[Sentence],
    places: &[PlaceMention],
    actors: &[ActorMention],
    country: Option<&str>,
    areas: &[(String, String)],
) -> Vec<PlaceMention<'g>> {
    let mut out = Vec::new();
    if !g.has_near_misses() {
        return out;
    }
    let taken = |s: usize, e: usize| {
        places.iter().any(|m| m.start < e && s < m.end) || actors.iter().any(|m| m.start < e && s < m.end)
    };
    for s in sentences {
        let ws = words(text, s.start, s.end);
        let lower = |k: usize| text[ws[k].start..ws[k].end].to_lowercase();
        let glued = |k: usize| text[ws[k - 1].end..ws[k].start] == *" ";
        let containers: Vec<&PlaceMention> = places
            .iter()
            .filter(|m| m.start >= s.start && m.end <= s.end && !m.demonym)
            .filter(|m| !m.place.feature_code.starts_with("PCL"))
            // A village's name inside an armed group's ("Asayish members")
            // is mostly a word and places nothing; a seat's ("Raqqa
            // Military Council") says where the group fights.
            .filter(|m| {
                let seat = matches!(m.place.feature_code.as_str(), "PPLA" | "PPLA2" | "PPLC" | "ADM1" | "ADM2");
                seat || !actors.iter().any(|a| a.start <= m.start && m.end <= a.end)
            })
            .collect();
        let mut spans: Vec<Span> = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            if !namelike(&text[ws[i].start..ws[i].end]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < ws.len() && j - i < 4 && glued(j) {
                let w = &text[ws[j].start..ws[j].end];
                // A connector inside the name only: "Tall al Sham", not the
                // English "as" or "at" after it ("in Zmar as the rebels").
                let connector = CONNECTORS.contains(&w)
                    && j + 1 < ws.len()
                    && glued(j + 1)
                    && namelike(&text[ws[j + 1].start..ws[j + 1].end]);
                if !(namelike(w) || connector) {
                    break;
                }
                j += 1;
            }
            // A capitalised noun ending the name ("Zmar Village", "Ghoz
            // Silos") says what it is, and is no part of the village's name.
            let last = lower(j - 1);
            // A capitalised "Front" names a group ("Levant Front").
            let noun = j - i > 1
                && last != "front"
                && (PLACE_NOUNS.contains(&last.as_str()) || NOT_VILLAGE.contains(&last.as_str()));
            let next = if noun {
                last.clone()
            } else if j < ws.len() {
                lower(j)
            } else {
                String::new()
            };
            let prev = if i > 0 { lower(i - 1) } else { String::new() };
            let prev2 = if i > 1 { lower(i - 2) } else { String::new() };
            let placed = BEFORE.contains(&prev.as_str())
                || PLACE_NOUNS.contains(&next.as_str())
                || prev == "of" && PLACE_NOUNS.contains(&prev2.as_str())
                || prev == "of" && crate::gazetteer::COMPASS_POINTS.contains(&prev2.as_str())
                || matches!(prev.as_str(), "of" | "over") && TAKEN_OVER.contains(&prev2.as_str())
                || prev == "the" && BEFORE.contains(&prev2.as_str()) && PLACE_NOUNS.contains(&next.as_str());
            // "east of X" places the event beside X.
            let near = CODED_NEAR.contains(&prev.as_str())
                || CODED_NEAR.contains(&prev2.as_str())
                || prev == "of" && crate::gazetteer::COMPASS_POINTS.contains(&prev2.as_str());
            let settled = prev == "of" && SETTLEMENTS.contains(&prev2.as_str());
            let end = if noun { ws[j - 2].end } else { ws[j - 1].end };
            let village = !NOT_VILLAGE.contains(&next.as_str());
            // A road's ends may be names of several words, joined by a
            // hyphen inside one word ("the Kafr X-Y Z road"); ACLED codes an
            // event on a route at the place named first.
            let route = ROUTES.contains(&next.as_str()) && text[ws[i].start..end].contains('-');
            spans.push(Span { i, j, start: ws[i].start, end, placed, near, settled, village, route });
            i = j;
        }
        link_lists(text, &ws, &mut spans, &containers);
        let found = out.len();
        let mut roads = Vec::new();
        for sp in &spans {
            let (start, end) = (sp.start, sp.end);
            let name = text[start..end].trim_end_matches("'s").trim_end_matches("’s");
            let ordinary = name.split([' ', '-']).any(|w| {
                let f = fold(w);
                !CONNECTORS.contains(&f.as_str()) && !QUALIFIERS.iter().any(|(q, _)| *q == f) && g.is_ordinary(&f)
            });
            if sp.route && !taken(start, end) {
                // A place and whether the gazetteer spells it so.
                let resolve = |part: &str| {
                    if g.is_ordinary(&fold(part)) {
                        return None;
                    }
                    let p = choose(g, part, end, &containers, country, areas).or_else(|| {
                        let mut found = g.lookup(part).into_iter().map(|(p, _)| p);
                        found.find(|p| country.is_none_or(|c| p.country_code == c))
                    })?;
                    Some((p, g.spelled(part).iter().any(|q| q.geonameid == p.geonameid)))
                };
                if let Some((a, b, p)) = road_end(name, resolve) {
                    let (start, end) = (start + a, start + b);
                    let precision = GeoPrecision::NearTown;
                    roads.push(PlaceMention { start, end, place: p, score: 0.5, precision, demonym: false });
                    continue;
                }
            }
            if sp.placed && sp.village && (!ordinary || sp.settled) && !taken(start, end) {
                // The name itself elsewhere in the sentence, resolved to a
                // namesake, is no container of it.
                let folded = fold(name);
                let others: Vec<&PlaceMention> =
                    containers.iter().copied().filter(|c| fold(&text[c.start..c.end]) != folded).collect();
                if let Some(p) = choose(g, name, end, &others, country, areas) {
                    let precision = if sp.near { GeoPrecision::NearTown } else { p.precision() };
                    out.push(PlaceMention { start, end, place: p, score: 0.5, precision, demonym: false });
                }
            }
        }
        // A road's end places the event only where the sentence names no
        // town of its own ("on the Damascus-Homs highway near Harasta" is
        // at Harasta).
        let town = |m: &PlaceMention| {
            m.place.feature_code.starts_with("PPL") && !matches!(m.place.feature_code.as_str(), "PPLA" | "PPLC")
        };
        if out.len() == found && !containers.iter().any(|m| town(m)) {
            out.extend(roads);
        }
    }
    out
}

/// Reads a village named with a capitalised English size or position word
/// before it ("Western Zmar", "Big Ghoz") as the part of the village that
/// an added gazetteer names with the Arabic word ("Zmar al Gharbiyah"),
/// when it has one spelled so, or a letter off, in the town's country (and
/// all such parts lie together): recognition read the bare name, which is
/// the whole village's or a namesake's elsewhere. The mention then covers
/// the qualifier too.
pub(super) fn qualified_parts<'g>(g: &'g Gazetteer, text: &str, places: &mut [PlaceMention<'g>]) {
    if !g.has_near_misses() {
        return;
    }
    for m in places.iter_mut() {
        // A seat after a compass word is a side of its area ("Eastern Homs").
        let code = m.place.feature_code.as_str();
        if m.demonym || !code.starts_with("PPL") || matches!(code, "PPLA" | "PPLA2" | "PPLC") {
            continue;
        }
        let Some(before) = text[..m.start].strip_suffix(' ') else { continue };
        let start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |k| k + 1);
        let word = &before[start..];
        if !word.starts_with(char::is_uppercase) {
            continue;
        }
        let lower = word.to_lowercase();
        let Some((_, arabic)) = QUALIFIERS.iter().find(|(q, _)| *q == lower) else { continue };
        let name = &text[m.start..m.end];
        let cands: Vec<(&Place, usize, usize)> = g
            .near_misses_spelled(&format!("{name} {arabic}"))
            .into_iter()
            .filter(|c| c.0.country_code == m.place.country_code && c.1 <= 1)
            .collect();
        let Some(&(first, ..)) = cands.first() else { continue };
        if cands.iter().all(|c| km(c.0, first) <= SAME_PLACE_KM) {
            m.place = first;
            m.start = start;
        }
    }
}

/// The ends of the names that may open a hyphenated name, longest first:
/// the whole name, then each part before a hyphen that does not end on an
/// article ("Deir-ez-Zor-Tadmor": itself, "Deir-ez-Zor", "Deir"; "Tall
/// al-Sham": itself only).
fn openings(word: &str) -> impl Iterator<Item = usize> + '_ {
    let cuts = word.match_indices('-').map(|(k, _)| k).rev();
    std::iter::once(word.len()).chain(cuts.filter(move |&k| {
        let last = word[..k].rsplit(['-', ' ']).next().unwrap_or("");
        !CONNECTORS.contains(&last.to_lowercase().as_str()) && word[k + 1..].starts_with(char::is_uppercase)
    }))
}

/// The end of a road or front a hyphenated word names by its two first
/// places ("Harqil-Suwayda", "Al-Nabk-Deir-ez-Zor"), as ACLED codes it:
/// the first, unless it is a governorate's seat and the second is not (the
/// "Homs-Tadmor road" is coded at Tadmor, the finer place). A road joins
/// neighbours: when `resolve` only near-misses an end, the ends lie within
/// `ROAD_KM` of each other, or the word names no road (a foreign city's
/// name is a letter from a village far off). Its bytes in the word and its
/// place.
fn road_end<'g>(word: &str, resolve: impl Fn(&str) -> Option<(&'g Place, bool)>) -> Option<(usize, usize, &'g Place)> {
    // Two places, each of at most three parts ("Deir-ez-Zor"): a longer
    // word is no road's name, and its cuts would cost a square of its parts.
    if word.len() > ROAD_BYTES || word.matches('-').count() > 4 {
        return None;
    }
    let seat = |p: &Place| matches!(p.feature_code.as_str(), "PPLA" | "PPLC") || p.feature_code.starts_with("ADM");
    openings(word).skip(1).find_map(|k| {
        let (first, exact1) = resolve(&word[..k])?;
        let rest = &word[k + 1..];
        let (r, (second, exact2)) = openings(rest).find_map(|r| resolve(&rest[..r]).map(|p| (r, p)))?;
        if !(exact1 && exact2) && km(first, second) > ROAD_KM {
            return None;
        }
        Some(if seat(first) && !seat(second) { (k + 1, k + 1 + r, second) } else { (0, k, first) })
    })
}

/// The longest hyphenated word read as a road's two ends, in bytes.
const ROAD_BYTES: usize = 48;

/// The farthest apart a road's ends lie when one is a near miss, in km.
const ROAD_KM: f64 = 150.0;

/// The place a name stands for among its near misses: in a container the
/// sentence names when it names one, else the only place so spelled (among
/// those in `areas`, the governorates the article's armed groups fight in,
/// when some are). The name ends at byte `after`.
fn choose<'g>(
    g: &'g Gazetteer,
    name: &str,
    after: usize,
    containers: &[&PlaceMention],
    country: Option<&str>,
    areas: &[(String, String)],
) -> Option<&'g Place> {
    let mut cands = g.near_misses_spelled(name);
    let folded = fold(name);
    if let Some((head, rest)) = folded.split_once(' ')
        && let Some((_, arabic)) = QUALIFIERS.iter().find(|(q, _)| *q == head)
    {
        cands.extend(g.near_misses_spelled(&format!("{rest} {arabic}")));
    }
    if cands.is_empty() && !containers.is_empty() {
        let words: Vec<&str> = folded.split(' ').collect();
        let part = |w: &str| PARTS.contains(&w);
        if words.len() > 1 && part(words[words.len() - 1]) {
            cands = g.near_misses_spelled(&words[..words.len() - 1].join(" "));
        } else if words.len() > 1 && part(words[0]) {
            cands = g.near_misses_spelled(&words[1..].join(" "));
        }
    }
    cands.retain(|(p, _, _)| country.is_none_or(|c| p.country_code == c));
    // A place in a country none of the candidates is in ("Fargo" for a
    // group's initials) holds none of them.
    let containers: Vec<&PlaceMention> = containers
        .iter()
        .copied()
        .filter(|c| cands.iter().any(|(p, _, _)| p.country_code == c.place.country_code))
        .collect();
    if containers.is_empty() {
        // A lone name of one district's or sub-district's seat, spelled
        // no less like it than like any namesake village, is the seat: the
        // news names the town far more often than its namesake hamlets
        // ("fighting in Al-Dana"). Where the article's armed groups fight
        // decides first, and there the seat may be spelled a letter less
        // like the name than a hamlet that has it among its other names.
        let inside = |p: &Place| areas.iter().any(|(c, a)| *c == p.country_code && *a == p.admin1);
        let exact = || cands.iter().filter(|c| c.1 == 0);
        let seats: Vec<&(&Place, usize, usize)> =
            exact().filter(|c| matches!(c.0.feature_code.as_str(), "PPLA2" | "PPLA3")).collect();
        let slack = usize::from(seats.first().is_some_and(|s| inside(s.0)));
        if let [&(seat, _, spelled)] = seats[..]
            && exact().all(|c| c.2 + slack >= spelled)
            && (inside(seat) || !exact().any(|c| inside(c.0)))
        {
            return Some(seat);
        }
        if g.is_short_name(name) {
            return None;
        }
        let exact = cands.iter().any(|c| c.1 == 0);
        let mut pool: Vec<(&Place, usize)> = cands.iter().filter(|c| !exact || c.1 == 0).map(|c| (c.0, c.2)).collect();
        pool.sort_by_key(|c| c.1);
        // Namesakes apart, some where the article's armed groups fight:
        // those are the ones meant.
        if pool.iter().any(|(p, _)| inside(p)) {
            pool.retain(|(p, _)| inside(p));
        }
        let &(first, spelled) = pool.first()?;
        // Namesakes apart but all in one governorate: the event is at least there.
        let one_governorate = !first.admin1.is_empty()
            && pool.iter().all(|(p, _)| p.country_code == first.country_code && p.admin1 == first.admin1);
        // Or spelled nearly as one of them and clearly unlike those
        // elsewhere, of its key or not.
        let elsewhere =
            || cands.iter().filter(|(p, _, _)| p.admin1 != first.admin1 && km(p, first) > SAME_PLACE_KM).map(|c| c.2);
        let closest = spelled <= CLOSE_SPELLING && elsewhere().all(|e| e >= spelled + SPELLING_MARGIN);
        let one_place = pool.iter().all(|(p, _)| km(p, first) <= SAME_PLACE_KM);
        // None of those spelled more like the name than the ones of its key
        // ("Al Bothah" has Batha's key, Aleppo, and is a letter from Al
        // Buthah, Hasakeh, two from Batha).
        let better_elsewhere = elsewhere().any(|e| e < spelled);
        return (!better_elsewhere && (one_governorate || one_place) || closest).then_some(first);
    }
    // A mention of the candidate itself (the name spelled another way,
    // resolved outside the governorate named) is no container of it.
    let wide = |c: &PlaceMention| matches!(c.place.feature_code.as_str(), "ADM1" | "ADM2" | "RGN" | "PPLA" | "PPLC");
    // `lenient`: a capital's governorate is often the city alone
    // (Damascus), so a village near it ("south of the capital") lies in the
    // governorate around it, when no namesake lies in the capital's own.
    let fit = |p: &Place, lenient: bool| {
        let others = || containers.iter().filter(|c| c.place.geonameid != p.geonameid);
        // A town named after the village ("the countryside of Ras al Ain in
        // Hasakeh") holds it more narrowly than its governorate does; one
        // named before may be part of a group's name ("Menbij Military Council").
        let town = others().any(|c| !wide(c) && c.start >= after);
        // The governorate named after them still bounds the village ("X
        // village near Tell Y in Raqqa" is in Raqqa): a namesake near the
        // town across the border is not it.
        let bound = || {
            others().filter(|c| {
                c.start >= after
                    && matches!(c.place.feature_code.as_str(), "ADM1" | "PPLA")
                    && c.place.country_code == p.country_code
            })
        };
        if town && bound().next().is_some() && !bound().any(|c| c.place.admin1 == p.admin1) {
            return None;
        }
        others()
            .filter(|c| !(town && wide(c)))
            .filter_map(|c| {
                let same = c.place.country_code == p.country_code && c.place.admin1 == p.admin1;
                let d = km(c.place, p);
                if matches!(c.place.feature_code.as_str(), "ADM1" | "ADM2" | "RGN") {
                    same.then_some((0.0, true))
                } else if matches!(c.place.feature_code.as_str(), "PPLA" | "PPLC") {
                    // A governorate's seat stands for the governorate ("Idleb countryside").
                    let capital = lenient && c.place.feature_code == "PPLC" && d <= CONTAINER_KM;
                    (same || capital).then_some((d, !capital))
                } else if d <= CONTAINER_KM {
                    Some((d, false))
                } else {
                    None
                }
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
    };
    // Among the places of one gap in their governorates, the one spelled
    // most like the name is meant: nearness to the governorate's seat only
    // breaks a tie (a village near a town named is near it).
    let pick = |lenient: bool| {
        cands
            .iter()
            .filter_map(|&(p, d, spelled)| fit(p, lenient).map(|(f, governorate)| (p, d, governorate, spelled, f)))
            .min_by(|a, b| {
                let spelling = if a.2 && b.2 { a.3.cmp(&b.3) } else { std::cmp::Ordering::Equal };
                a.1.cmp(&b.1).then(spelling).then(a.4.total_cmp(&b.4))
            })
            .map(|(p, ..)| p)
    };
    pick(false).or_else(|| pick(true))
}

#[cfg(test)]
mod tests {
    use crate::Resources;
    use crate::model::Article;
    use std::sync::LazyLock;

    /// Invented villages: two "Tall Zaramah" far apart (Hama, Aleppo), a
    /// "Kafr Dunbulah" in Idleb, a "Khuwaylid al Kabir" in Idleb, an "Al Ghuz"
    /// and a "Muwaylih" in Aleppo, two "Kafr Tabbah" far apart in Idleb, and
    /// a "Zabid" (Idleb) and a "Zubayd" (Homs) of one key, a "Batha" (Aleppo)
    /// and an "Al Buthah" (Hasakeh), a sub-district seat "Zaydun" (Idleb) and
    /// a village "Zaydun" (Hasakeh), a seat "Qarmid" (Hama) and a village
    /// "Qarmidah" (Aleppo), a seat "Al Qusayrah" (Deir ez-Zor, also
    /// "Qassira") and a hamlet "Khirbat Nur" (Aleppo, also "Al Qasira"), a
    /// "Duwaylat" of Rural Damascus beside Damascus, a "Marjalun" of Aleppo
    /// beside Tell Abiad (Raqqa), a village "Asayish" of Hama beside Tall
    /// Zaramah, an "Akbriya" far east of Hama city and a "Tall al Kubara"
    /// beside it, both a letter from "Ukbariyah", a "Kharbuqah" of Homs and a
    /// "Kharbuqah al Gharbiyah" of Hama, a "Busaytin" of Aleppo, also called
    /// "Orchard", and a "Zughayfah as Saghirah" of Aleppo.
    const DUMP: &str = "\
900001\tTall Zaramah\tTall Zaramah\tTell Zaramah\t35.30\t36.60\tP\tPPL\tSY\t\t10\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900002\tZaramah\tZaramah\t\t36.40\t37.40\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900003\tKafr Dunbulah\tKafr Dunbulah\t\t35.70\t36.50\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900004\tKhuwaylid al Kabir\tKhuwaylid al Kabir\t\t35.60\t36.70\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900005\tAl Ghuz\tAl Ghuz\t\t36.40\t37.30\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900007\tKafr Tabbah\tKafr Tabbah\t\t35.80\t36.40\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900008\tKafr Tabbah\tKafr Tabbah\t\t36.10\t36.90\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900006\tMuwaylih\tMuwaylih\t\t36.30\t37.60\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900009\tZabid\tZabid\t\t35.90\t36.60\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900010\tZubayd\tZubayd\t\t34.60\t36.90\tP\tPPL\tSY\t\t11\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900011\tBatha\tBatha\t\t35.80\t37.20\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900012\tAl Buthah\tAl Buthah\t\t36.80\t41.90\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900013\tZaydun\tZaydun\t\t35.90\t36.70\tP\tPPLA3\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900014\tZaydun\tZaydun\t\t36.70\t40.90\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900015\tQarmid\tQarmid\t\t35.20\t36.60\tP\tPPLA3\tSY\t\t10\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900016\tQarmidah\tQarmidah\t\t36.50\t37.60\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900017\tAl Qusayrah\tAl Qusayrah\tQassira\t35.10\t40.40\tP\tPPLA3\tSY\t\t07\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900018\tKhirbat Nur\tKhirbat Nur\tAl Qasira\t36.20\t37.90\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900019\tDuwaylat\tDuwaylat\t\t33.45\t36.31\tP\tPPL\tSY\t\t08\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900020\tMarjalun\tMarjalun\t\t36.65\t38.85\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900021\tAsayish\tAsayish\t\t35.35\t36.65\tP\tPPL\tSY\t\t10\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900022\tAkbriya\tAkbriya\t\t35.40\t37.70\tP\tPPL\tSY\t\t10\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900023\tTall al Kubara\tTall al Kubara\t\t35.10\t36.80\tP\tPPL\tSY\t\t10\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900024\tKharbuqah\tKharbuqah\t\t34.70\t36.90\tP\tPPL\tSY\t\t11\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900025\tKharbuqah al Gharbiyah\tKharbuqah al Gharbiyah\t\t35.20\t36.40\tP\tPPL\tSY\t\t10\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900026\tBusaytin\tBusaytin\tOrchard\t36.30\t37.10\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900027\tZughayfah as Saghirah\tZughayfah as Saghirah\t\t36.55\t37.05\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
";

    static RESOURCES: LazyLock<Resources> = LazyLock::new(|| {
        let mut r = Resources::builtin();
        r.gazetteer.add_geonames_dump(DUMP);
        r
    });

    /// The ids of the places found as near misses in an invented note.
    fn check(text: &str, expect: &[u64]) {
        let article = Article { id: "t".into(), text: text.into(), ..Default::default() };
        let doc = super::super::Document::analyse(&article, &RESOURCES);
        let got: Vec<u64> = doc
            .places
            .iter()
            .filter(|m| (900_000..1_000_000).contains(&m.place.geonameid))
            .map(|m| m.place.geonameid)
            .collect();
        assert_eq!(got, expect, "in {text:?}");
    }

    #[test]
    fn a_village_spelled_a_vowel_apart_is_found_in_its_governorate() {
        check("Rebels clashed with regime forces in Zarma in northern Hama countryside.", &[900001]);
        check("Rebels clashed with regime forces in Zarma village in Aleppo countryside.", &[900002]);
        check("Regime forces shelled the Kafr Dunbuleh frontline in Idleb countryside.", &[900003]);
    }

    #[test]
    fn in_a_governorate_named_the_village_spelled_most_alike_beats_one_nearer_the_seat() {
        check("IS cells attacked regime troops near Ukbariyah in eastern Hama countryside.", &[900022]);
    }

    #[test]
    fn namesakes_apart_are_chosen_where_the_articles_armed_groups_fight() {
        // Zaramah of Aleppo and Tall Zaramah of Hama: only the first lies
        // where the SDF fight; both where HTS fight, and neither where the
        // Yarmouk basin's group does.
        check("QSD fighters clashed with IS cells in Zarma.", &[900002]);
        check("HTS fighters clashed with regime forces in Zarma.", &[]);
        check("Khalid ibn al Walid Army fighters clashed with rebels in Zarma.", &[]);
        check("Rebels clashed with regime forces in Zarma.", &[]);
    }

    #[test]
    fn english_size_words_stand_for_arabic_ones() {
        check("Clashes took place near Big Khuwaylid in the countryside of Idleb.", &[900004]);
        check("Clashes took place near Little Zughayfah in the countryside of Aleppo.", &[900027]);
    }

    #[test]
    fn a_compass_word_before_a_town_names_the_part_of_the_village() {
        check("Regime forces shelled Western Kharbuqah town.", &[900025]);
        check("Regime forces shelled Kharbuqah town.", &[900024]);
    }

    #[test]
    fn an_english_word_called_a_town_is_the_towns_name() {
        check("YPG and rebel units fought in the town of Orchard.", &[900026]);
        check("YPG and rebel units fought in Orchard.", &[]);
    }

    #[test]
    fn a_short_name_is_found_only_in_the_governorate_named() {
        check("Rebels clashed with regime forces on Ghoz axis in Aleppo countryside.", &[900005]);
        check("Rebels clashed with regime forces on Ghoz axis.", &[]);
        check("Rebels clashed with regime forces on Ghoz axis in Idleb countryside.", &[]);
    }

    #[test]
    fn a_part_of_a_village_is_found_at_the_village() {
        check("Regime troops seized Mawalih Sughir village in the eastern countryside of Aleppo.", &[900006]);
        check("Regime forces captured Lower Mawalih in Aleppo countryside.", &[900006]);
        // Without a container the part's name must match by itself.
        check("Regime forces captured Mawalih Sughir village.", &[]);
    }

    #[test]
    fn namesakes_apart_in_one_governorate_place_the_event_in_it() {
        let text = "Rebels captured the village of Kafr Tabbeh.";
        let article = Article { id: "t".into(), text: text.into(), ..Default::default() };
        let doc = super::super::Document::analyse(&article, &RESOURCES);
        let found: Vec<&str> = doc
            .places
            .iter()
            .filter(|m| matches!(m.place.geonameid, 900007 | 900008))
            .map(|m| m.place.admin1.as_str())
            .collect();
        assert_eq!(found, ["Idleb"], "in {text:?}");
    }

    #[test]
    fn a_candidate_named_outside_the_governorate_is_no_container_of_itself() {
        // The exact "Kafr Dunbulah" (Idleb) lies outside the Hama countryside
        // named: it does not draw "Kafr Dunbuleh" to itself.
        check("Regime forces shelled the Kafr Dunbuleh frontline in Hama countryside and Kafr Dunbulah.", &[900003]);
    }

    #[test]
    fn names_listed_with_a_place_are_places() {
        // The noun after the last name places the first.
        check("Clashes took place between Zarma and Mawalih villages in Aleppo countryside.", &[900002, 900006]);
        // A list after a verb of capture, joined by commas and "and".
        check("Regime forces captured Zarma, Mawalih and Ghoz in Aleppo countryside.", &[900002, 900006, 900005]);
        // A comma that ends no list joins nothing.
        check("Regime forces captured Zarma, Mawalih told reporters in Aleppo countryside.", &[900002]);
        // Nothing in the list is a place.
        check("Zarma and Mawalih said the clashes went on in Aleppo countryside.", &[]);
    }

    #[test]
    fn a_recapture_places_the_name_after_it() {
        check("Regime forces re-captured Mawalih in Aleppo countryside.", &[900006]);
        check("Regime forces took control of Mawalih in Aleppo countryside.", &[900006]);
        check("Rebels took over Zarma in Aleppo countryside.", &[900002]);
        check("Rebels managed to control Zarma in Aleppo countryside.", &[900002]);
    }

    #[test]
    fn a_capitalised_noun_ending_the_name_says_what_it_is() {
        check("Clashes took place on the Mawalih Axis in Aleppo countryside.", &[900006]);
        check("Clashes took place in Zarma Village in Aleppo countryside.", &[900002]);
        // A capitalised "Front" names a group, and nothing is listed with it.
        check("Clashes took place between Zarma Front and Mawalih Brigade in Aleppo countryside.", &[]);
        // Part of a town, not a village.
        check("Gunmen attacked the Mawalih Checkpoint in Aleppo countryside.", &[]);
    }

    #[test]
    fn a_town_named_holds_the_village_more_narrowly_than_its_governorate() {
        // Tall Zaramah (Hama) is far from Salamiyah, though in its governorate.
        check("Rebels captured Zarma in the countryside of Salamiyah in Hama governorate.", &[]);
        check("Rebels captured Zarma in Hama governorate.", &[900001]);
        // A town named before the village does not narrow it down.
        check("Salamiyah rebels captured Zarma in Hama governorate.", &[900001]);
    }

    #[test]
    fn a_lone_name_spelled_as_one_place_and_unlike_the_others_is_that_place() {
        // "Zbid" is a letter from Zabid, three from Zubayd; "Zbayd" the reverse.
        check("Rebels captured the village of Zbid.", &[900009]);
        check("Regime forces shelled Zbid village.", &[900009]);
        check("Rebels captured the village of Zbayd.", &[900010]);
        // "Zbaid" is two letters from each: no guess.
        check("Rebels captured the village of Zbaid.", &[]);
        // Not in a place's context, or a group's name.
        check("Commander Zbid said the rebels withdrew.", &[]);
        check("The Zbid Brigade said the rebels withdrew.", &[]);
        check("Rebels captured the Zbid Brigade headquarters.", &[]);
    }

    #[test]
    fn a_lone_name_of_a_seat_and_of_villages_elsewhere_is_the_seat() {
        check("Rebels clashed with regime forces in Zaydoun.", &[900013]);
        check("Rebels clashed with regime forces in Qarmeed.", &[900015]);
        // Spelled as the village, not as the seat.
        check("Rebels captured the village of Qarmeedah.", &[900016]);
        // The village lies where the article's armed group fights, the seat not.
        check("QSD fighters clashed with IS cells in Zaydoun.", &[900014]);
    }

    #[test]
    fn where_the_groups_fight_a_seat_spelled_a_letter_off_beats_a_hamlets_other_name() {
        // "Al Qasira" is Khirbat Nur's other name, a letter from the seat's "Qassira".
        check("QSD fighters clashed with IS cells in Qasira.", &[900017]);
        // Nothing says where: no guess between the seat and the hamlet.
        check("Rebels clashed with regime forces in Qasira.", &[]);
    }

    #[test]
    fn a_village_near_the_capital_lies_in_the_governorate_around_it() {
        check("Regime forces clashed with rebels in Duwaylat south of Damascus.", &[900019]);
        check("Regime forces clashed with rebels in Duwaylat in Damascus.", &[900019]);
        // Far from the capital, the capital holds no village of another governorate.
        check("Regime forces clashed with rebels in Zarma in Damascus.", &[]);
    }

    /// The ids of the places of an invented note that can place an event.
    fn check_placed(text: &str, expect: &[u64]) {
        let article = Article { id: "t".into(), text: text.into(), ..Default::default() };
        let doc = super::super::Document::analyse(&article, &RESOURCES);
        let got: Vec<u64> = doc
            .places
            .iter()
            .filter(|m| !doc.unplaced.contains(&(m.start, m.end)))
            .filter(|m| (900_000..1_000_000).contains(&m.place.geonameid))
            .map(|m| m.place.geonameid)
            .collect();
        assert_eq!(got, expect, "in {text:?}");
    }

    #[test]
    fn the_governorate_named_bounds_a_village_near_a_town() {
        check_placed("Gunmen raided Majraloun village near Tell Abiad.", &[900020]);
        check_placed("Gunmen raided Majraloun village near Tell Abiad in Aleppo.", &[900020]);
        // Across the border of the governorate named: not this village.
        check_placed("Gunmen raided Majraloun village near Tell Abiad in Ar-Raqqa.", &[]);
    }

    #[test]
    fn a_village_named_inside_a_groups_name_is_no_container() {
        // "Asayish" here is the group, no place (the actor dictionary's
        // name): it does not draw Zarma to Hama's Tall Zaramah, beside the
        // village of that name.
        check("Asayish members clashed with locals in Zarma.", &[900002]);
    }

    #[test]
    fn a_road_between_two_places_is_coded_at_the_first() {
        check("Gunmen shot at a checkpoint on the Zaydun-Muwaylih road.", &[900013]);
        check("Rebels shelled the Muwaylih-Al-Ghuz axis.", &[900006]);
        // A seat at one end: the finer place at the other.
        check("Gunmen shot at a checkpoint on the Aleppo-Muwaylih road.", &[900006]);
        // A town the sentence names is the event's place, not the road's end.
        check("Rebels shelled the Zaydun-Muwaylih road near Kafr Dunbulah.", &[900003]);
        // The second half names no place: no road between two places.
        check("Gunmen shot at a checkpoint on the Zaydun-Qwertyx road.", &[]);
    }

    #[test]
    fn a_road_between_places_of_several_words_is_coded_at_the_first() {
        check("Gunmen shot at a checkpoint on the Kafr Dunbulah-Zaydun road.", &[900003]);
        check("Gunmen shot at a checkpoint on the Zaydun-Kafr Dunbulah road.", &[900013]);
        // A hyphen after an article joins it to its name: no road's end.
        let cuts = |name: &str| super::openings(name).collect::<Vec<usize>>();
        assert_eq!(cuts("Tall al-Kubara"), [14]);
        assert_eq!(cuts("Kafr Dunbulah-Tall al-Kubara"), [28, 13]);
    }

    #[test]
    fn a_road_end_only_near_missed_counts_beside_the_other_end() {
        // Marjalun lies some 200 km from either Zaydun: "Marjalon" is no end
        // of a road from there.
        check("Gunmen shot at a checkpoint on the Zaydun-Marjalon road.", &[]);
        // Beside Aleppo, "Muwailih" is Muwaylih, the finer end.
        check("Gunmen shot at a checkpoint on the Aleppo-Muwailih road.", &[900006]);
    }

    #[test]
    fn a_word_of_many_parts_names_no_road() {
        let word = ["Zaydun", "Muwaylih"].repeat(5).join("-");
        check(&format!("Gunmen shot at a checkpoint on the {word} road."), &[]);
    }

    #[test]
    fn a_compass_point_places_the_name_after_it() {
        check("Regime forces clashed with rebels east of Zbid.", &[900009]);
        check("Regime forces clashed with rebels 5 km south-west of Zbid.", &[900009]);
    }

    #[test]
    fn an_english_word_after_the_name_is_no_part_of_it() {
        // "as" and "at" spell Arabic's article only inside a name.
        check("Fighters entered the town of Zbid as snow fell.", &[900009]);
        check("Fighters entered the town of Zbid at night.", &[900009]);
    }

    #[test]
    fn a_tie_of_countries_goes_to_the_added_gazetteers() {
        // Jos (Nigeria) and Muwaylih (the added dump's Syria) once each.
        let text = "Fighting went on in Jos and in Muwaylih.";
        let article = Article { id: "t".into(), text: text.into(), ..Default::default() };
        let doc = super::super::Document::analyse(&article, &RESOURCES);
        assert_eq!(doc.country_code.as_deref(), Some("SY"), "in {text:?}");
    }

    #[test]
    fn a_lone_name_a_letter_from_a_namesake_of_another_key_is_no_guess() {
        // "Al Bothah" has Batha's key, and is a letter from Al Buthah far away.
        check("Clashes broke out near Al Bothah on Monday, killing two fighters.", &[]);
        check("Clashes broke out near Al Bothah in Hasakeh countryside.", &[900012]);
    }

    #[test]
    fn a_place_in_another_country_is_no_container() {
        check("A Syrian commander trained in Berlin was killed near Zbid in Syria.", &[900009]);
        check("A Syrian commander trained in Berlin was killed near Zarma in Syria.", &[]);
    }

    #[test]
    fn a_name_without_a_place_context_or_container_is_left_alone() {
        // Two far-apart villages and no governorate named: no guess.
        check("Rebels clashed with regime forces in Zarma.", &[]);
        // Not in a place's context.
        check("Commander Zarama said the rebels withdrew from Hama.", &[]);
        // A neighbourhood of a city is no village.
        check("Gunmen shot a man in Zarma neighbourhood in Hama city.", &[]);
        // Outside the governorate named.
        check("Rebels clashed with regime forces in Kafr Dunbuleh in Hama countryside.", &[]);
    }
}
