//! Candidates: the places a name may mean, each with its prior (what the
//! place is worth before context), best first.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::gazetteer::index::{ALT, DEMONYM, Fx};
use crate::gazetteer::{Gazetteer, Place};

/// A place a name may mean.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub id: u32,
    pub alt: bool,
    pub demonym: bool,
    pub skeleton: bool,
    /// A skeleton match that differs from a name of the place, a region of
    /// a transliterating country, in its vowels only ("Qalamoon").
    pub vowels: bool,
    pub prior: f32,
}

impl Candidate {
    pub fn new(g: &Gazetteer, id: u32, flags: u32, skeleton: bool) -> Candidate {
        let (alt, demonym) = (flags & ALT != 0, flags & DEMONYM != 0);
        let known = (f32::from(g.name_count(id)) + 1.0).ln() * 0.08;
        // A gazetteer the user added (`--gazetteer`) names the places they
        // care about: its villages outrank same-named places elsewhere.
        let added = if g.is_added(id) && g.place(id).feature_code.starts_with("PPL") { ADDED_BONUS } else { 0.0 };
        Candidate {
            id,
            alt,
            demonym,
            skeleton,
            vowels: false,
            prior: prior(g.place(id), alt, skeleton) + known + added,
        }
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
        // A city named exactly is as much what its name means as a county
        // seat: a county seat of 170,000 is no likelier than a city of
        // 600,000 ("Vancouver").
        code if !alt && !skeleton && code.starts_with("PPL") && p.population >= CITY => 0.2,
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
pub(super) const CITY: u64 = 100_000;

/// Population (the sum of its towns') under which a division is too small
/// to be what its bare name means.
pub(super) const SMALL_DIVISION: u64 = 20_000;

/// Best first, one per geonameid, at most [`KEPT`]. A division named like its
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
    cands.truncate(KEPT);
}

/// How many candidates a name keeps: enough that a container or a list can
/// still find the village it names among a common name's namesakes ("San
/// Juan, Cajamarca" is the 31st San Juan by size).
const KEPT: usize = 50;

/// Up to this many candidates, [`dedup`] compares them pairwise.
const DEDUP_SCAN: usize = 16;
