//! The governorate check of a sentence's towns: a town outside the
//! governorate its sentence names, or far from the town it is said to lie
//! in, is read as its namesake there or left unplaced; and a village named
//! without a governorate is read inside the region the article's
//! region-bound armed groups fight in ([`ACTOR_AREAS`]).

use super::country::NAMESAKE_KM;
use super::{ends_with_ignoring_case, starts_with_ignoring_case};
use crate::Resources;
use crate::actor::ActorMention;
use crate::gazetteer::{Place, PlaceMention};
use crate::segment::Sentence;
use crate::text::starts_with_word;
use crate::vocabulary::{COMPASS_SIDES, NEAR, PLACE_KINDS, SITES, concat};

/// Words after a governorate's seat that make it stand for the governorate.
pub(super) const GOVERNORATE_AFTER: &[&str] =
    &concat::<7>(&[&["countryside", "province", "governorate"], COMPASS_SIDES]);

/// Words before a governorate's seat that make it stand for the governorate.
pub(super) const GOVERNORATE_BEFORE: &[&str] = &["rural", "countryside of", "province of", "governorate of"];

/// Compass adjectives before a governorate's seat that make it stand for a
/// side of the governorate: "in eastern Deir-ez-Zor", "southern Idleb".
const SIDE_BEFORE: &[&str] = &[" eastern", " western", " northern", " southern"];

/// Whether a place is named as a governorate rather than a town: "Hama
/// countryside", "Idleb province", "rural Homs", "the countryside of Aleppo",
/// "in southern Idleb".
fn said_governorate(text: &str, m: &PlaceMention) -> bool {
    let after = text[m.end..].trim_start();
    let before = text[..m.start].trim_end();
    GOVERNORATE_AFTER.iter().any(|w| starts_with_ignoring_case(after, w))
        || GOVERNORATE_BEFORE.iter().any(|w| ends_with_ignoring_case(before, w))
        || SIDE_BEFORE.iter().any(|w| ends_with_ignoring_case(before, w))
}

/// Whether a mention stands for a governorate rather than a place in it:
/// its seat named as the governorate ("Hama countryside", "rural Homs"), or
/// a named countryside area ("Idleb countryside").
pub(super) fn governorate_said(text: &str, m: &PlaceMention) -> bool {
    let code = m.place.feature_code.as_str();
    let seat = matches!(code, "PPLA" | "PPLC") && said_governorate(text, m);
    let area = code == "AREA" && GOVERNORATE_AFTER.iter().any(|w| ends_with_ignoring_case(&text[m.start..m.end], w));
    !m.demonym && (seat || area)
}

/// The governorates a sentence names, as (country, admin1): divisions, and
/// their seats as "Y countryside", "Y province", "rural Y", or as the
/// container of a town ("X in Y", "X, Y", "X desert in Y").
/// (Borrowed from the gazetteer's places: nothing is copied.)
fn governorates<'g>(text: &str, places: &[PlaceMention<'g>], with_compass: bool) -> Vec<(&'g str, &'g str)> {
    let mut out: Vec<(&'g str, &'g str)> = Vec::new();
    for (i, m) in places.iter().enumerate() {
        // Read only for a seat or an area: the words between are looked up.
        let contains = || {
            i > 0 && {
                let p = &places[i - 1];
                !p.demonym && p.end <= m.start && {
                    let between = &text[p.end..m.start];
                    crate::gazetteer::container_link(between) || held_in(between)
                }
            }
        };
        // A seat holding the place before it, or closing the sentence's
        // places after "in" or "of" ("X village ... in Idleb"), or
        // a governorate named as such ("Hama countryside", "rural Homs", a
        // named "Idleb countryside").
        let closing =
            i > 0 && i + 1 == places.len() && m.place.feature_code == "PPLA" && bare_seat(text, m, with_compass);
        let seat = matches!(m.place.feature_code.as_str(), "PPLA" | "PPLC") && (closing || contains());
        // A named part of one governorate holding the place before it ("X
        // village in Jabal al-Akrad", "Y in Eastern Ghouta"): an area of
        // areas.tsv's geo precision 2 (AREA); one of precision 3 is a large
        // region (RGN: the Badia spans several governorates), which holds
        // nothing.
        let area = m.place.feature_code == "AREA" && contains();
        if (m.place.feature_code == "ADM1" || seat || area || governorate_said(text, m)) && !m.place.admin1.is_empty() {
            let g = (m.place.country_code.as_str(), m.place.admin1.as_str());
            if !out.contains(&g) {
                out.push(g);
            }
        }
    }
    out
}

/// Words for a part of a town that "of" joins to the town holding it
/// ("Amin neighborhood of Ar-Raqqa"); "of" after any other word is a
/// direction, a distance or a way there ("south of Aleppo", "40 km from the
/// city of Hama", "the outskirts of Hama"), which holds nothing.
const PART_OF: &[&str] = &[
    "neighbourhood",
    "neighborhood",
    "neighbourhoods",
    "neighborhoods",
    "district",
    "districts",
    "area",
    "areas",
    "quarter",
    "quarters",
    "village",
    "villages",
    "town",
    "towns",
];

/// Whether a seat is named after "in" ("in al-Hasakeh.", "in Deir-ez-Zor
/// city", "in the city of Hama") or as the town a part of it lies in
/// ("Amin neighborhood of Ar-Raqqa city"): closing the places of its
/// sentence, it holds those before it. Not a capital: the suburbs of
/// Damascus lie in the governorate around it.
fn bare_seat(text: &str, m: &PlaceMention, with_compass: bool) -> bool {
    let before = text[..m.start].trim_end();
    if before.len() > 3
        && (ends_with_ignoring_case(before, " in") || ends_with_ignoring_case(before, " in the city of"))
    {
        return true;
    }
    let Some(rest) = before.len().checked_sub(3).filter(|_| ends_with_ignoring_case(before, " of")) else {
        return false;
    };
    let word = before[..rest].trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    PART_OF.iter().any(|w| word.eq_ignore_ascii_case(w))
        // "Resafa, west of Ar-Raqqa": the seat names the governorate, ACLED's
        // coding, but only chooses between the namesakes of the towns before
        // it (see [`regovern`]).
        || (with_compass && crate::gazetteer::COMPASS_POINTS.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

/// Words of a place held in a seat that a town's link does not use.
const HELD_WORDS: &[&str] = &concat::<32>(&[
    &["in", "the", "of"],
    SITES,
    &[
        "badia",
        "front",
        "frontline",
        "axis",
        "area",
        "areas",
        "village",
        "villages",
        "town",
        "towns",
        "plain",
        "mountains",
        "hills",
        "valley",
        "fields",
        "dam",
        "district",
        "subdistrict",
    ],
    COMPASS_SIDES,
]);

/// Whether the words between two places say the first is held in the
/// second: "X desert in Y", "X bridge in Y", "X, villages in northern Y".
/// At most five such words, "in" among them.
fn held_in(between: &str) -> bool {
    let words = between.trim().trim_start_matches(',');
    let mut n = 0;
    let mut linked = false;
    for w in words.split_whitespace() {
        if !HELD_WORDS.iter().any(|h| h.eq_ignore_ascii_case(w)) {
            return false;
        }
        linked |= w.eq_ignore_ascii_case("in");
        n += 1;
    }
    linked && n <= 5
}

/// Reads a name said to be a governorate ("Suwayda province", "Idleb
/// countryside", "rural Hama") that resolved to a village as the
/// governorate's seat of that name, when the gazetteer has one in the same
/// country.
fn reseat<'a>(places: &mut [PlaceMention<'a>], text: &str, resources: &'a Resources) {
    for m in places.iter_mut() {
        let code = m.place.feature_code.as_str();
        if m.demonym || !code.starts_with("PPL") || matches!(code, "PPLA" | "PPLC") {
            continue;
        }
        if !said_governorate(text, m) {
            continue;
        }
        let seat = resources
            .gazetteer
            .lookup(&text[m.start..m.end])
            .into_iter()
            .map(|(p, _)| p)
            .find(|p| p.country_code == m.place.country_code && matches!(p.feature_code.as_str(), "PPLA" | "PPLC"));
        if let Some(p) = seat {
            if m.precision == m.place.precision() {
                m.precision = p.precision();
            }
            m.place = p;
        }
    }
}

/// Reads each town a sentence names outside the governorates that sentence
/// names ("Jobar in Damascus" resolved to a Jobar of Homs) as its namesake
/// inside them, exact or a letter away; marks it when there is none, so the
/// governorate places the event.
pub(super) fn regovern<'a>(
    places: &mut [PlaceMention<'a>],
    text: &str,
    sentences: &[Sentence],
    areas: &[(String, String)],
    resources: &'a Resources,
) -> Vec<bool> {
    let g = &resources.gazetteer;
    reseat(places, text, resources);
    super::village::qualified_parts(g, text, places);
    let mut drop = vec![false; places.len()];
    // Each sentence's places, as a range of `places` (sorted by start).
    let ranges: Vec<(usize, usize)> = sentences
        .iter()
        .map(|s| {
            let from = places.partition_point(|m| m.start < s.start);
            let to = from + places[from..].iter().take_while(|m| m.end <= s.end).count();
            (from, to)
        })
        .filter(|(from, to)| from < to)
        .collect();
    for &(first, to) in &ranges {
        let govs = governorates(text, &places[first..to], true);
        if govs.is_empty() {
            fought_in(places, first..to, text, areas, g);
            continue;
        }
        // A seat a direction away closing the sentence ("X, west of
        // Ar-Raqqa") only chooses between namesakes: a town the gazetteer
        // knows once stays where it is.
        let closing_only = governorates(text, &places[first..to], false).is_empty();
        let inside = |p: &Place| govs.iter().any(|(c, a)| *c == p.country_code && *a == p.admin1);
        for i in first..to {
            let m = &places[i];
            let seat = matches!(m.place.feature_code.as_str(), "PPLA" | "PPLC");
            if m.demonym || seat || !m.place.feature_code.starts_with("PPL") || inside(m.place) {
                continue;
            }
            let name = &text[m.start..m.end];
            let unique = || {
                g.lookup(name)
                    .into_iter()
                    .all(|(p, _)| !p.feature_code.starts_with("PPL") || crate::gazetteer::km(p, m.place) <= NAMESAKE_KM)
            };
            if closing_only && unique() {
                continue;
            }
            let exact =
                g.lookup(name).into_iter().map(|(p, _)| p).find(|p| p.feature_code.starts_with("PPL") && inside(p));
            let found = exact.or_else(|| g.near_misses(name).into_iter().map(|(p, _)| p).find(|p| inside(p)));
            match found {
                Some(p) => {
                    let m = &mut places[i];
                    if m.precision == m.place.precision() {
                        m.precision = p.precision();
                    }
                    m.place = p;
                }
                None => drop[i] = true,
            }
        }
    }
    drop
}

/// Armed groups that fight in one region of their country only, with the
/// country and the governorates of that region: Kurdish-led forces in the
/// north-east (and Aleppo's Kurdish north), the Turkish-backed operations in
/// their strips of the border, the jihadist and rebel groups of the
/// north-western pocket, the Ghouta's groups around Damascus, the Yarmouk
/// basin's group in Daraa.
const ACTOR_AREAS: &[(&str, &str, &[&str])] = &[
    ("QSD: Syrian Democratic Forces", "SY", NORTH_EAST),
    ("YPG: Peoples Protection Units", "SY", NORTH_EAST),
    ("Asayish (Syria)", "SY", NORTH_EAST),
    ("Operation Peace Spring", "SY", &["Al Hasakeh", "Ar Raqqa"]),
    ("Operation Olive Branch", "SY", &["Aleppo"]),
    ("Operation Euphrates Shield", "SY", &["Aleppo"]),
    ("HTS: Hayat Tahrir al Sham", "SY", NORTH_WEST),
    ("JTW: National Liberation Front", "SY", NORTH_WEST),
    ("Al Fath Al Mubeen Operation Room", "SY", NORTH_WEST),
    ("Hurras al Deen", "SY", NORTH_WEST),
    ("TIP: Turkistan Islamic Party", "SY", NORTH_WEST),
    ("HNDZ: Nour al Din al Zinki Movement", "SY", &["Aleppo", "Idleb"]),
    ("JaS: Levant Front", "SY", &["Aleppo", "Idleb"]),
    ("FaR: Al Rahman Corps", "SY", &["Rural Damascus", "Damascus"]),
    ("Jaysh al Islam", "SY", &["Rural Damascus", "Damascus"]),
    ("Khalid ibn al Walid Army", "SY", &["Dara", "Quneitra"]),
];

/// The governorates of Syria's north-east and Aleppo's north.
const NORTH_EAST: &[&str] = &["Al Hasakeh", "Ar Raqqa", "Deir ez Zor", "Aleppo"];

/// The governorates of Syria's north-western pocket.
const NORTH_WEST: &[&str] = &["Idleb", "Hama", "Aleppo", "Lattakia"];

/// The governorates, as (country, admin1), that every actor of
/// [`ACTOR_AREAS`] the article names as a party fights in: none when it
/// names none, or groups of regions apart (HTS and the SDF share only
/// Aleppo, which says nothing). A group named as a background tie ("a
/// former HTS member", "links to the SDF") places no one.
pub(super) fn actor_areas(text: &str, actors: &[ActorMention]) -> Vec<(String, String)> {
    let mut out: Option<Vec<(String, String)>> = None;
    for a in actors {
        let Some((_, cc, areas)) = ACTOR_AREAS.iter().find(|(name, ..)| a.actor.name == *name) else { continue };
        if tie_before(&text[..a.start]) || tie_after(&text[a.end..]) {
            continue;
        }
        let own: Vec<(String, String)> = areas.iter().map(|g| (cc.to_string(), g.to_string())).collect();
        out = Some(match out {
            None => own,
            Some(prev) if prev.iter().all(|g| own.contains(g)) => prev,
            Some(prev) if own.iter().all(|g| prev.contains(g)) => own,
            Some(_) => return Vec::new(),
        });
    }
    out.unwrap_or_default()
}

/// Whether the words before a group's name make it a background tie, not a
/// party: "former", "ex-", "links/ties to", "affiliated with", "belonging
/// to", "accused of", "defected from", "membership in/of", "being a member
/// of" (a bare "a member of" is often a party: "gunmen shot a member of").
fn tie_before(before: &str) -> bool {
    const TIES: &[&str] = &[
        "former ",
        "ex-",
        "links to ",
        "linked to ",
        "ties to ",
        "tied to ",
        "affiliated with ",
        "affiliation with ",
        "belonging to ",
        "accused of ",
        "defected from ",
        "membership in ",
        "membership of ",
        "being a member of ",
        "being members of ",
    ];
    let before = before.strip_suffix("the ").unwrap_or(before);
    TIES.iter().any(|t| ends_with_ignoring_case(before, t))
}

/// Whether the words after a group's name make it a background tie:
/// "-affiliated", "-linked" ("an HTS-affiliated trader").
fn tie_after(after: &str) -> bool {
    ["-affiliated", "-linked"].iter().any(|t| after.get(..t.len()).is_some_and(|a| a.eq_ignore_ascii_case(t)))
}

/// Reads each town of a sentence that names no governorate, resolved
/// outside every governorate of `areas` (those the article's armed groups
/// fight in: "HTS fighters clashed in Majdal" read as a Majdal of Hasakeh),
/// as the likeliest of its namesakes inside them: the groups only choose
/// among places of that name. A town with no namesake there stays where it
/// is (the event may lie elsewhere), and none is dropped. The resolver
/// already weighs the other places of the article: a governorate named
/// elsewhere in it has chosen among the namesakes before.
fn fought_in<'a>(
    places: &mut [PlaceMention<'a>],
    range: std::ops::Range<usize>,
    text: &str,
    areas: &[(String, String)],
    g: &'a crate::gazetteer::Gazetteer,
) {
    if areas.is_empty() {
        return;
    }
    let inside = |p: &Place| areas.iter().any(|(c, a)| *c == p.country_code && *a == p.admin1);
    for m in &mut places[range] {
        let code = m.place.feature_code.as_str();
        // A town of another country (an Iraqi town in a note naming the
        // SDF) is no namesake of theirs.
        let theirs = areas.iter().any(|(c, _)| *c == m.place.country_code);
        if m.demonym || !theirs || !code.starts_with("PPL") || matches!(code, "PPLA" | "PPLC") || inside(m.place) {
            continue;
        }
        let there: Vec<&Place> = g
            .lookup(&text[m.start..m.end])
            .into_iter()
            .map(|(p, _)| p)
            .filter(|p| p.feature_code.starts_with("PPL") && inside(p))
            .collect();
        if let Some(&p) = there.first() {
            if m.precision == m.place.precision() {
                m.precision = p.precision();
            }
            m.place = p;
        }
    }
}

/// Whether a mention is a town or village: not a governorate's seat (read
/// as the governorate as often as the city).
pub(super) fn village_like(m: &PlaceMention) -> bool {
    let code = m.place.feature_code.as_str();
    !m.demonym && code.starts_with("PPL") && !matches!(code, "PPLA" | "PPLC")
}

/// Towns farther than this from the town they are said to lie in were
/// resolved to a namesake elsewhere.
const IN_TOWN_KM: f64 = 40.0;

/// For each mention, whether it names a town said to lie in or near another
/// town ("Al Gharb village in rural Shadadah", "X town in the countryside of
/// Y", "X village near Y town", "X east of Y", "X bridge in Y city") that
/// it is far from: the gazetteer had only a namesake elsewhere, and
/// the containing town is the event's best place (ACLED codes it so).
pub(super) fn far_from_container(text: &str, places: &[PlaceMention]) -> Vec<bool> {
    let town = |m: &PlaceMention| m.place.feature_code.starts_with("PPL") && !m.demonym;
    places
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let Some(n) = places.get(i + 1) else { return false };
            // A comma may set off a link that opens on its preposition or a
            // hedge ("the village of X, in Y", "X, likely near Y"); one
            // opening on a compass word lists places ("northern X, eastern Y").
            let between = text[m.end..n.start].trim_start();
            let between = match between.strip_prefix(',') {
                Some(rest) if COMMA_LINKS.iter().any(|w| starts_with_word(rest.trim_start(), w)) => rest,
                _ => between,
            };
            // The cheap tests first: the link tests look words up.
            town(m)
                && town(n)
                && m.place.feature_code != "PPLC"
                && memchr::memchr3(b',', b'.', b';', between.as_bytes()).is_none()
                && (crate::gazetteer::container_link(between) || near_link(between) || held_in(between))
                && crate::gazetteer::km(m.place, n.place) > IN_TOWN_KM
                && !stands_for_governorate(text, m, n)
        })
        .collect()
}

/// Words that open a link set off by a comma.
const COMMA_LINKS: &[&str] = &["in", "near", "on", "likely", "probably", "possibly"];

/// Words that say a place lies near another ("Y village near X town", "Y
/// east of X", "on the outskirts of X"), with [`NEAR`] among them.
const NEAR_LINK_WORDS: &[&str] = &concat::<26>(&[
    &["of", "the", "on", "in"],
    PLACE_KINDS,
    &["a", "few", "km", "kilometres", "kilometers", "miles"],
    SITES,
    &["badia", "dam"],
    // A hedge on where the place lies ("X, likely near Y").
    &["likely", "probably", "possibly"],
]);

/// Whether the words between two places say the first lies near the
/// second: "near", "east of", "on the outskirts of", with place nouns.
fn near_link(between: &str) -> bool {
    let mut near = false;
    let mut words = 0;
    for w in between.split_whitespace() {
        let is = |l: &&str| l.eq_ignore_ascii_case(w);
        if NEAR.iter().chain(crate::gazetteer::COMPASS_POINTS).any(is) {
            near = true;
        } else if !NEAR_LINK_WORDS.iter().any(is) && !w.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        words += 1;
    }
    near && words <= 6
}

/// Words after a city's name that say the city itself is meant.
const CITY_AFTER: &[&str] = &["city", "town"];

/// Whether town `n`, said to contain `m`, stands for its governorate: a seat
/// read as the governorate ("Y countryside", "rural Y"), or a bare seat ("in
/// Aleppo") with `m` inside that governorate. A seat named as a city ("Dar'a
/// city", "the capital Damascus") is the city, and a town far from it is a
/// namesake elsewhere.
fn stands_for_governorate(text: &str, m: &PlaceMention, n: &PlaceMention) -> bool {
    if !matches!(n.place.feature_code.as_str(), "PPLA" | "PPLC") {
        return false;
    }
    let after = text[n.end..].trim_start();
    let before = text[m.end.min(n.start)..n.start].trim_end();
    let city = CITY_AFTER.iter().any(|w| starts_with_ignoring_case(after, w))
        || ["city of", "capital"].iter().any(|w| ends_with_ignoring_case(before, w));
    let governorate = said_governorate(text, n);
    governorate || (!city && m.place.country_code == n.place.country_code && m.place.admin1 == n.place.admin1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_groups_background_tie_is_read_around_its_name() {
        assert!(tie_before("Police held a trader over membership of the "));
        assert!(tie_before("A court jailed him for being a member of "));
        assert!(tie_before("They denied links to "));
        assert!(!tie_before("Gunmen shot a member of "));
        assert!(!tie_before("Fighters of "));
        assert!(tie_after("-affiliated trader was fined."));
        assert!(tie_after("-Linked cell was broken up."));
        assert!(!tie_after(" fighters raided a farm."));
    }

    fn check_held_in(between: &str, expect: bool) {
        assert_eq!(held_in(between), expect, "for {between:?}");
    }

    #[test]
    fn words_saying_a_place_is_held_in_a_seat() {
        check_held_in(" desert in ", true);
        check_held_in(", villages in northern ", true);
        check_held_in(" front in the ", true);
        check_held_in(" bridge in ", true);
        check_held_in(" and ", false);
        check_held_in(", killing two men in ", false);
        check_held_in(". Fighting continued for days in ", false);
    }

    fn check_near_link(between: &str, expect: bool) {
        assert_eq!(near_link(between), expect, "for {between:?}");
    }

    #[test]
    fn words_saying_near_link_two_places() {
        check_near_link(" village near ", true);
        check_near_link(" east of ", true);
        check_near_link(" 5 km south-east of ", true);
        check_near_link(" town on the outskirts of ", true);
        check_near_link(" bridge near ", true);
        check_near_link(" and ", false);
        check_near_link(" of ", false);
        check_near_link(" fighters from the east of ", false);
    }
}
