//! The actor tables: our own curated data files (`data/actors/*.tsv`),
//! parsed once into countries, entries and aliases.
//!
//! The files are embedded with `include_str!`; a malformed line is a bug in
//! our data, so [`Tables::parse`] reports it with its file and line and the
//! built-in dictionary is checked by a test.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::Inter;

pub(super) const COUNTRIES_TSV: &str = include_str!("../../../../data/actors/countries.tsv");
pub(super) const ACTORS_TSV: &str = include_str!("../../../../data/actors/actors.tsv");

/// A country as ACLED names it, with its regime periods.
#[derive(Debug, Clone)]
pub(super) struct Country {
    pub iso: String,
    /// "Syria", "United States".
    pub name: String,
    /// After "Forces of": "Syria", "the United States".
    pub force_name: String,
    pub adjectives: Vec<String>,
    /// Start dates and labels ("2000-"), in date order.
    pub periods: Vec<(NaiveDate, String)>,
    /// Well-known places: hints at the article's country.
    pub places: Vec<String>,
}

impl Country {
    /// The regime label at a date: the period that started last on or
    /// before it; the first period before any; the latest when undated.
    pub fn period(&self, date: Option<NaiveDate>) -> Option<&str> {
        let last = self.periods.last()?;
        let Some(date) = date else { return Some(&last.1) };
        let i = self.periods.partition_point(|(from, _)| *from <= date);
        Some(&self.periods[i.saturating_sub(1)].1)
    }
}

/// Whose country an entry belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Owner {
    /// A fixed country (ISO alpha-2).
    Country(String),
    /// The country of the article ("civilians", "the army").
    Context,
    /// No country ("Global Coalition Against Daesh").
    Nobody,
}

/// One actor of the dictionary (a name template with its validity).
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// Template: may contain `{military}`, `{police}`, `{country}`.
    pub name: String,
    pub inter: Inter,
    pub owner: Owner,
    /// Article countries where the entry's aliases apply; `None` = any.
    pub scope: Option<Vec<String>>,
    pub from: Option<NaiveDate>,
    /// Exclusive.
    pub to: Option<NaiveDate>,
    /// "the militants": resolves to the last non-state armed actor.
    pub anaphor: bool,
}

impl Entry {
    /// Days between a date and the validity interval (0 inside it).
    pub fn distance(&self, date: NaiveDate) -> i64 {
        match (self.from, self.to) {
            (Some(f), _) if date < f => (f - date).num_days(),
            (_, Some(t)) if date >= t => (date - t).num_days() + 1,
            _ => 0,
        }
    }

    pub fn in_scope(&self, country: Option<&str>) -> bool {
        match (&self.scope, country) {
            (None, _) => true,
            (Some(list), Some(c)) => list.iter().any(|s| s == c),
            (Some(_), None) => false,
        }
    }

    /// State forces: their inter code depends on the article's country.
    pub fn is_state(&self) -> bool {
        self.name.starts_with("{military}") || self.name.starts_with("{police}")
    }
}

/// What a matched alias stands for.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Target {
    /// One of these entries (chosen by scope and date).
    Entries(Vec<u32>),
    /// A bare country name or a well-known place: no mention, a vote for
    /// the article's country.
    CountryHint(usize),
    /// A country adjective: a vote like a hint, and an actor of the country
    /// with the noun after it ("Turkish forces", "Iraqi civilians") or when
    /// it heads a list of forces ("Turkish and pro-Turkish faction fighters").
    Adjective(usize),
}

/// One pattern of the automata.
#[derive(Debug, Clone)]
pub(super) struct Alias {
    /// Normalised pattern (hyphens as spaces).
    pub pattern: String,
    pub case_sensitive: bool,
    pub target: Target,
    /// A common-noun description ("civilians", "regime forces"), not a name.
    pub descriptive: bool,
}

/// The parsed tables.
#[derive(Debug, Default)]
pub(super) struct Tables {
    pub countries: Vec<Country>,
    pub entries: Vec<Entry>,
    pub aliases: Vec<Alias>,
    /// Per country: its state forces, police, civilians and protesters.
    pub country_entries: Vec<[u32; 4]>,
    /// Nouns after a country adjective, by first byte (lowercased) and
    /// then longest first, with their group (index into `country_entries`)
    /// and whether the mention takes them in (not so the nouns of acts).
    pub nouns: Vec<(String, usize, bool)>,
    /// The range of `nouns` starting with each byte (lowercased).
    pub nouns_by_byte: Vec<(u16, u16)>,
}

/// A malformed line of an actor table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} line {line}: {reason}")]
pub struct TableError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

/// Nouns that make a country adjective an actor: "Turkish forces" (|-separated).
const FORCE_NOUNS: &str = "forces|force|army|troops|soldiers|soldier|military|warplanes|warplane|jets|jet|fighter jets|aircraft|drones|drone|air force|airstrikes|airstrike|air strikes|air strike|artillery|special forces|navy|naval forces|helicopters|helicopter|military forces|armed forces|government forces|security forces|patrol|patrols|convoy|tanks|border guards|marines|paratroopers|commandos|ground forces|government troops|regime|base|bases|military base|positions|military positions|posts|outpost|observation post|observation posts|military point|military points|checkpoint|checkpoints|officers|officer|vehicles|gendarmerie|gendarmes|intelligence|federal forces|federal troops|occupation forces";
/// Nouns after a country adjective that name what its state forces did
/// ("a Russian missile strike", "Israeli shelling", "a Russian ballistic
/// missile"): the adjective alone is
/// the mention, so the noun still tells the event's type.
const ACT_NOUNS: &str = "missile|missiles|missile strike|missile strikes|missile attack|missile attacks|strike|strikes|shelling|bombardment|artillery fire|ballistic missile|ballistic missiles|cruise missile|cruise missiles";
/// Nouns after a country's name in the possessive ("Russia's forces") that
/// name its state forces.
const POSSESSED_FORCES: &str = "army|armed forces|forces|troops|military|soldiers|air force|navy|warplanes|jets|drones";
const POLICE_NOUNS: &str = "police|policemen|police officers|police forces|riot police";
const CIVILIAN_NOUNS: &str = "civilians|civilian|residents|villagers|children|women|nationals";
const PROTESTER_NOUNS: &str = "protesters|protestors|demonstrators";

fn normalise(s: &str) -> String {
    s.replace('-', " ")
}

/// A word with two or more capitals is an acronym ("IS", "LaQ", "U.S.").
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

/// An alias whose first word is an acronym matches case-sensitively
/// ("IS", "IS militants", "US forces"): "is" and "us" are English words.
fn is_case_sensitive(alias: &str) -> bool {
    alias.split([' ', '-', '/']).next().is_some_and(is_acronym)
}

fn date(s: &str, file: &'static str, line: usize) -> Result<Option<NaiveDate>, TableError> {
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map(Some).map_err(|e| TableError {
        file,
        line,
        reason: format!("bad date {s:?}: {e}"),
    })
}

/// Collects aliases, merging the targets of equal patterns.
#[derive(Default)]
struct AliasSet {
    aliases: Vec<Alias>,
    index: HashMap<(String, bool), usize>,
}

impl AliasSet {
    fn add(&mut self, raw: &str, target: Target) {
        let raw = raw.trim();
        if raw.is_empty() {
            return;
        }
        let case_sensitive = is_case_sensitive(raw);
        let pattern = normalise(raw);
        let key = (if case_sensitive { pattern.clone() } else { pattern.to_ascii_lowercase() }, case_sensitive);
        let descriptive = raw.starts_with(|c: char| c.is_ascii_lowercase());
        match self.index.get(&key) {
            Some(&i) => {
                let alias = &mut self.aliases[i];
                match (&mut alias.target, target) {
                    (Target::Entries(have), Target::Entries(add)) => {
                        for e in add {
                            if !have.contains(&e) {
                                have.push(e);
                            }
                        }
                    }
                    // A name of an actor outranks a hint.
                    (t @ (Target::CountryHint(_) | Target::Adjective(_)), add @ Target::Entries(_)) => *t = add,
                    _ => {}
                }
            }
            None => {
                self.index.insert(key, self.aliases.len());
                self.aliases.push(Alias { pattern, case_sensitive, target, descriptive });
            }
        }
    }
}

impl Tables {
    /// Parses the two tables.
    pub fn parse(countries_tsv: &str, actors_tsv: &str) -> Result<Tables, TableError> {
        let mut tables = Tables::default();
        let mut set = AliasSet::default();
        tables.parse_countries(countries_tsv)?;
        tables.parse_actors(actors_tsv, &mut set)?;
        tables.generate(&mut set);
        tables.aliases = set.aliases;
        Ok(tables)
    }

    fn parse_countries(&mut self, tsv: &str) -> Result<(), TableError> {
        const FILE: &str = "countries.tsv";
        for (i, line) in tsv.lines().enumerate() {
            let n = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |reason: String| TableError { file: FILE, line: n, reason };
            let [iso, name, force_name, adjectives, periods, places] = cols[..] else {
                return Err(err(format!("expected 6 columns, found {}", cols.len())));
            };
            if iso.len() != 2 {
                return Err(err(format!("bad country code {iso:?}")));
            }
            let mut ps = Vec::new();
            for p in periods.split(';').filter(|p| *p != "-" && !p.is_empty()) {
                let Some((from, label)) = p.split_once('=') else {
                    return Err(err(format!("bad regime period {p:?}")));
                };
                let from = date(from, FILE, n)?.ok_or_else(|| err(format!("regime period {p:?} has no date")))?;
                ps.push((from, label.to_string()));
            }
            ps.sort();
            self.countries.push(Country {
                iso: iso.to_string(),
                name: name.to_string(),
                force_name: force_name.to_string(),
                adjectives: list(adjectives),
                periods: ps,
                places: list(places),
            });
        }
        Ok(())
    }

    fn parse_actors(&mut self, tsv: &str, set: &mut AliasSet) -> Result<(), TableError> {
        const FILE: &str = "actors.tsv";
        for (i, line) in tsv.lines().enumerate() {
            let n = i + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |reason: String| TableError { file: FILE, line: n, reason };
            let [name, inter, owner, scope, from, to, aliases] = cols[..] else {
                return Err(err(format!("expected 7 columns, found {}", cols.len())));
            };
            let inter = inter
                .parse::<u8>()
                .ok()
                .and_then(Inter::from_code)
                .ok_or_else(|| err(format!("bad inter code {inter:?}")))?;
            let owner = match owner {
                "*" => Owner::Context,
                "-" => Owner::Nobody,
                c if c.len() == 2 && self.countries.iter().any(|k| k.iso == c) => Owner::Country(c.to_string()),
                c => return Err(err(format!("unknown owner country {c:?}"))),
            };
            let scope = match scope {
                "*" => None,
                list => Some(list.split(',').map(|s| s.trim().to_string()).collect()),
            };
            let entry = Entry {
                name: name.to_string(),
                inter,
                owner,
                scope,
                from: date(from, FILE, n)?,
                to: date(to, FILE, n)?,
                anaphor: name == "@armed",
            };
            let id = self.entries.len() as u32;
            self.entries.push(entry);
            let target = || Target::Entries(vec![id]);
            for alias in aliases.split('|') {
                set.add(alias, target());
            }
            if !name.contains('{') && !name.starts_with('@') {
                for alias in name_aliases(name) {
                    set.add(&alias, target());
                }
            }
        }
        Ok(())
    }

    /// Entries and aliases made from the country table: each country's
    /// state forces, police, civilians and protesters (named through its
    /// adjectives and the nouns after them), names and places as hints.
    fn generate(&mut self, set: &mut AliasSet) {
        let groups = [
            ("{military}", Inter::StateForces, FORCE_NOUNS),
            ("{police}", Inter::StateForces, POLICE_NOUNS),
            ("Civilians ({country})", Inter::Civilians, CIVILIAN_NOUNS),
            ("Protesters ({country})", Inter::Protesters, PROTESTER_NOUNS),
        ];
        for (g, (_, _, nouns)) in groups.iter().enumerate() {
            self.nouns.extend(nouns.split('|').map(|n| (n.to_string(), g, true)));
        }
        self.nouns.extend(ACT_NOUNS.split('|').map(|n| (n.to_string(), 0, false)));
        let first = |n: &str| n.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        self.nouns.sort_by_key(|(n, ..)| (first(n), std::cmp::Reverse(n.len())));
        self.nouns_by_byte = vec![(0, 0); 256];
        for (i, (n, ..)) in self.nouns.iter().enumerate() {
            let range = &mut self.nouns_by_byte[first(n) as usize];
            if range.1 == 0 {
                range.0 = i as u16;
            }
            range.1 = i as u16 + 1;
        }
        for (ci, c) in self.countries.iter().enumerate() {
            let ids = groups.map(|(name, inter, _)| {
                self.entries.push(Entry {
                    name: name.to_string(),
                    inter,
                    owner: Owner::Country(c.iso.clone()),
                    scope: None,
                    from: None,
                    to: None,
                    anaphor: false,
                });
                self.entries.len() as u32 - 1
            });
            self.country_entries.push(ids);
            for adjective in &c.adjectives {
                set.add(adjective, Target::Adjective(ci));
            }
            set.add(&c.name, Target::CountryHint(ci));
            for noun in POSSESSED_FORCES.split('|') {
                set.add(&format!("{}'s {noun}", c.name), Target::Entries(vec![ids[0]]));
            }
            set.add(&format!("{}'s police", c.name), Target::Entries(vec![ids[1]]));
            for place in &c.places {
                set.add(place, Target::CountryHint(ci));
            }
        }
    }
}

/// The name itself, and for "QSD: Syrian Democratic Forces" the acronym and
/// the rest; for "Asayish (Syria)" the name without the country.
fn name_aliases(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    let mut base = name;
    if let Some((acronym, rest)) = name.split_once(": ")
        && acronym.len() <= 5
        && !acronym.contains(' ')
    {
        out.push(acronym.to_string());
        out.push(rest.to_string());
        base = rest;
    }
    if let Some(i) = base.rfind(" (")
        && base.ends_with(')')
    {
        out.push(base[..i].to_string());
    }
    out
}

/// A |-separated list, "-" for none.
fn list(s: &str) -> Vec<String> {
    s.split('|').filter(|a| *a != "-" && !a.is_empty()).map(String::from).collect()
}
