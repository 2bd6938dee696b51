//! The countries an article is about: its main country, places the
//! gazetteer put abroad read at home, and which place mentions can locate
//! an event at all.

use super::starts_with_ignoring_case;
use crate::Resources;
use crate::actor::ActorMention;
use crate::gazetteer::{Gazetteer, Place, PlaceMention};
use crate::model::*;

/// Whether a mention names a country backing a party ("Turkey backed
/// factions", "US-led coalition"): no place of the event.
pub(super) fn backs(text: &str, m: &PlaceMention) -> bool {
    let after = text[m.end..].trim_start();
    ["backed", "-backed", "-led"].iter().any(|w| starts_with_ignoring_case(after, w))
}

/// Whether a mention names a country qualifying the actor named right after
/// it ("US Coalition airstrikes", "UK Coalition air forces"): it says whose
/// the actor is, not where anything happens.
pub(super) fn qualifies(text: &str, m: &PlaceMention, actors: &[ActorMention]) -> bool {
    if !m.place.feature_code.starts_with("PCL") {
        return false;
    }
    let rest = &text[m.end..];
    let next = m.end + rest.len() - rest.trim_start().len();
    actors.iter().any(|a| a.start == next)
}

/// The country most place mentions (demonyms included) are in. On a tie,
/// the first named of those with a place whose name the added gazetteers
/// hold there (a village of the added dump whose name is also another
/// name of a town abroad, one mention each): the user added those places because the articles
/// are about them. Without added gazetteers, the first named.
pub(super) fn main_country<'a, I>(places: I, text: &str, g: &Gazetteer) -> Option<String>
where
    I: IntoIterator<Item = &'a PlaceMention<'a>> + Clone,
{
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in places.clone() {
        let c = m.place.country_code.as_str();
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    let mut tied = counts.iter().filter(|(_, n)| *n == best).map(|(c, _)| *c);
    let first = tied.next()?;
    if !g.has_near_misses() || counts.iter().filter(|(_, n)| *n == best).nth(1).is_none() {
        return Some(first.to_string());
    }
    let added = |c: &str| {
        places.clone().into_iter().any(|m| {
            !m.demonym
                && m.place.country_code == c
                && g.near_misses(&text[m.start..m.end]).iter().any(|(p, d)| *d == 0 && p.country_code == c)
        })
    };
    let chosen = std::iter::once(first).chain(tied).find(|c| added(c)).unwrap_or(first);
    Some(chosen.to_string())
}

/// The country of the state forces the article names most, if any (state
/// forces read as foreign when the places are placed abroad).
pub(super) fn state_country(actors: &[ActorMention]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in actors.iter().filter(|m| matches!(m.actor.inter, Inter::StateForces | Inter::ExternalOtherForces)) {
        let Some(c) = m.actor.country_code.as_deref() else { continue };
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.iter().find(|(_, n)| *n == best).map(|(c, _)| c.to_string())
}

/// Whether the text names country `cc` itself: the country or its people.
pub(super) fn named_country(places: &[PlaceMention], cc: &str) -> bool {
    places.iter().any(|m| m.place.country_code == cc && (m.demonym || m.place.feature_code.starts_with("PCL")))
}

/// Namesakes of an added gazetteer's village farther apart than this make
/// its name ambiguous.
pub(super) const NAMESAKE_KM: f64 = 25.0;

/// Reads a small place the gazetteer put in a country nothing else in the
/// text is in ("Karama" as Calama, Chile, in a note about Ar Raqqa; "the
/// village of Alia" as Alía, Spain, beside "Syrian forces"; "Afrin" twice as
/// Ifrane, Morocco) as the one place of that name the added gazetteers hold
/// in a country the text does name, or in any country when the text does
/// not name the place's own: the user added those places because the
/// articles are about them. Namesakes far apart: the one in a governorate
/// the text names, else the one in `areas` (the governorates the article's
/// armed groups fight in, once its actors are known). Without added
/// gazetteers nothing changes.
pub(super) fn rehome<'a>(
    places: &mut [PlaceMention<'a>],
    resources: &'a Resources,
    text: &str,
    areas: &[(String, String)],
) {
    let g = &resources.gazetteer;
    if !g.has_near_misses() {
        return;
    }
    let countries: Vec<String> = places.iter().map(|m| m.place.country_code.clone()).collect();
    let ids: Vec<u64> = places.iter().map(|m| m.place.geonameid).collect();
    let named: Vec<String> = places
        .iter()
        .filter(|m| m.demonym || m.place.feature_code.starts_with("PCL"))
        .map(|m| m.place.country_code.clone())
        .collect();
    let divisions: Vec<(String, String)> = places
        .iter()
        .filter(|m| !m.demonym && !m.place.admin1.is_empty())
        .map(|m| (m.place.country_code.clone(), m.place.admin1.clone()))
        .collect();
    for (i, m) in places.iter_mut().enumerate() {
        let code = m.place.feature_code.as_str();
        let name = &text[m.start..m.end];
        let caps = name.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
        let cc = &countries[i];
        // Alone in its country: its own name repeated does not count.
        let alone = !countries.iter().enumerate().any(|(j, c)| c == cc && ids[j] != m.place.geonameid);
        if m.demonym || caps || !alone || code.starts_with("PCL") || matches!(code, "ADM1" | "PPLC") {
            continue;
        }
        let cands: Vec<&Place> = g
            .near_misses(name)
            .into_iter()
            .filter(|(p, d)| {
                *d == 0 && p.country_code != *cc && (countries.contains(&p.country_code) || !named.contains(cc))
            })
            .map(|(p, _)| p)
            .collect();
        // Namesakes far apart: the one in a governorate the text names.
        let named: Vec<&Place> = cands
            .iter()
            .copied()
            .filter(|p| divisions.iter().any(|(c, a)| *c == p.country_code && *a == p.admin1))
            .collect();
        let fought: Vec<&Place> = cands
            .iter()
            .copied()
            .filter(|p| areas.iter().any(|(c, a)| *c == p.country_code && *a == p.admin1))
            .collect();
        if let Some(first) = single(&cands).or_else(|| single(&named)).or_else(|| single(&fought)) {
            if m.precision == m.place.precision() {
                m.precision = first.precision();
            }
            m.place = first;
        }
    }
}

/// The place all of `places` stand for, when they lie together.
fn single<'p>(places: &[&'p Place]) -> Option<&'p Place> {
    let first = *places.first()?;
    places.iter().all(|p| crate::gazetteer::km(p, first) <= NAMESAKE_KM).then_some(first)
}

/// Reads the names of places outside `home`, and of no country the text
/// names, as the best place of that name in `home` when there is one.
pub(super) fn relocate<'a>(places: &mut [PlaceMention<'a>], home: &str, resources: &'a Resources, text: &str) {
    let named: Vec<String> = places
        .iter()
        .filter(|m| m.demonym || m.place.feature_code.starts_with("PCL"))
        .map(|m| m.place.country_code.clone())
        .collect();
    // A town or region of the home country the article names itself.
    let home_place =
        places.iter().any(|m| !m.demonym && m.place.country_code == home && !m.place.feature_code.starts_with("PCL"));
    for m in places.iter_mut() {
        if m.demonym || m.place.country_code == home || named.contains(&m.place.country_code) {
            continue;
        }
        let found = resources.gazetteer.lookup(&text[m.start..m.end]).into_iter().find(|(p, _)| p.country_code == home);
        // A name that is the home country's own ("Georgia" read as the US
        // state) was read as another place against that country with the
        // whole article in view; forces named after the word ("Georgia
        // police") are no evidence against that reading, but a place of
        // that country the article names is.
        if let Some((p, _)) = found.filter(|(p, _)| home_place || !p.feature_code.starts_with("PCL")) {
            if m.precision == m.place.precision() {
                m.precision = p.precision();
            }
            m.place = p;
        }
    }
}

/// Whether a place mention can locate an event: not a dateline ("BEIRUT —",
/// where the story was filed), and in a country the article is about (named
/// itself, or its main country) unless it is a country, division or
/// capital, so a stray name
/// matching a small foreign town ("Brig." as in Brig, Switzerland) does not
/// move an event abroad.
/// What the article's place mentions say about countries, computed once for
/// all of them.
pub(super) struct Countries {
    /// The country most places (not peoples: "Russian forces") are in.
    main_place: Option<String>,
    /// The countries named as countries or peoples.
    named: Vec<String>,
}

impl Countries {
    pub(super) fn of(text: &str, places: &[PlaceMention], g: &Gazetteer) -> Countries {
        let places: Vec<&PlaceMention> = places.iter().filter(|m| !dateline(text, m)).collect();
        let mut named: Vec<String> = Vec::new();
        for o in places.iter().filter(|o| o.demonym || o.place.feature_code.starts_with("PCL")) {
            if !named.contains(&o.place.country_code) {
                named.push(o.place.country_code.clone());
            }
        }
        Countries { main_place: main_country(places.iter().copied().filter(|o| !o.demonym), text, g), named }
    }
}

/// Whether a place is a dateline ("BEIRUT —" opening a line, or with the
/// wire's country, day and agency before the dash: "GOMA, Congo, Feb 9
/// (Agency) —"): where the reporter filed from, not where anything
/// happened.
pub(super) fn dateline(text: &str, m: &PlaceMention) -> bool {
    // Called for every place mention: the cheap tests first, and only the
    // blanks before the name are read back, never the whole line.
    let name = &text[m.start..m.end];
    let after = text[m.end..].trim_start_matches([' ', ',']);
    let before = text[..m.start].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    let dash_soon = || {
        let mut reach = DATELINE_REACH.min(after.len());
        while !after.is_char_boundary(reach) {
            reach -= 1;
        }
        let head = &after[..reach];
        head.split('\n').next().is_some_and(|line| line.contains(['—', '–']) || line.contains(" - "))
    };
    (after.starts_with(['—', '–', '-', '(', ':']) || (text[m.end..].starts_with(',') && dash_soon()))
        && name.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
        && (before.is_empty() || before.ends_with('\n'))
}

/// How far after a dateline's place its dash may come, in bytes: room for
/// a country, a day and an agency.
const DATELINE_REACH: usize = 90;

pub(super) fn plausible(text: &str, m: &PlaceMention, countries: &Countries, main: Option<&str>) -> bool {
    if dateline(text, m) {
        return false;
    }
    let name = &text[m.start..m.end];
    let cc = m.place.country_code.as_str();
    // Continents and seas have no country; a foreign country, division or
    // capital is what its name means, unless written in capitals in running
    // text, where it is an abbreviation ("SANA", the news agency, is not
    // Yemen's Sana governorate).
    let caps = name.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
    let major = cc.trim().is_empty()
        || m.place.feature_code == "PCLI"
        || (!caps && matches!(m.place.feature_code.as_str(), "ADM1" | "PPLC"));
    major || main == Some(cc) || countries.main_place.as_deref() == Some(cc) || countries.named.iter().any(|n| n == cc)
}
