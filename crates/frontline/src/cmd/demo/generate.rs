//! Synthetic events for load tests of the API (`frontline demo --generate N`).
//!
//! N events at real towns of Syria and Iraq (looked up by name in the
//! built-in gazetteer, so they carry GeoNames ids, provinces and
//! coordinates), dated 2014–2019, with ACLED-like shares of sub-event types,
//! actors of the right kind for each type, heavy-tailed fatalities and
//! named sources. Each event is the sentence of a synthetic article that
//! reports it (the evidence span), and about a quarter are reported again,
//! in other words and with another toll, by a second outlet, so the detail
//! panel shows several claims. Two planned events at one town on one day in
//! one merge family always have incompatible actors (neither side list holds
//! the other), so exactly N merged events come out. Deterministic: the
//! same N gives the same database. Everything goes through
//! `Store::bulk_load`, streamed article by article.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};
use frontline_pipeline::gazetteer::{Gazetteer, great_circle_km};
use frontline_pipeline::merge;
use frontline_pipeline::model::{Evidence, Extraction, GeoPrecision, Inter, SubEventType, TimePrecision, interaction};
use frontline_pipeline::{Article, Event};

/// A small deterministic generator (xorshift), so a load test is repeatable.
pub struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn with probability proportional to `weights`.
    fn weighted(&mut self, weights: &[f64], total: f64) -> usize {
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

type Side = (&'static str, Inter);

/// Who fights where: the actors of one country, by role.
struct Country {
    name: &'static str,
    code: &'static str,
    iso: u16,
    state: &'static [Side],
    air: &'static [Side],
    armed: &'static [Side],
    civilians: Side,
    protesters: Side,
    rioters: Side,
    unidentified: Side,
    outlets: &'static [&'static str],
    towns: &'static [&'static str],
}

const COUNTRIES: [Country; 2] = [
    Country {
        name: "Syria",
        code: "SY",
        iso: 760,
        state: &[("Military Forces of Syria (2000-)", Inter::StateForces)],
        air: &[
            ("Military Forces of Syria (2000-)", Inter::StateForces),
            ("Military Forces of Russia (2000-)", Inter::ExternalOtherForces),
            ("Military Forces of the United States (2017-)", Inter::ExternalOtherForces),
        ],
        armed: &[
            ("Islamic State (Syria)", Inter::RebelGroup),
            ("HTS: Hayat Tahrir al Sham", Inter::RebelGroup),
            ("Free Syrian Army", Inter::RebelGroup),
            ("SDF: Syrian Democratic Forces", Inter::IdentityMilitia),
        ],
        civilians: ("Civilians (Syria)", Inter::Civilians),
        protesters: ("Protesters (Syria)", Inter::Protesters),
        rioters: ("Rioters (Syria)", Inter::Rioters),
        unidentified: ("Unidentified Armed Group (Syria)", Inter::PoliticalMilitia),
        outlets: &["SOHR", "SANA", "Enab Baladi", "Deir Ezzor 24", "Step News Agency", "Reuters", "AFP"],
        towns: &[
            "Aleppo",
            "Damascus",
            "Homs",
            "Hama",
            "Idlib",
            "Raqqa",
            "Deir ez-Zor",
            "Abu Kamal",
            "Mayadin",
            "Al-Hasakah",
            "Qamishli",
            "Manbij",
            "Kobani",
            "Afrin",
            "Azaz",
            "Al-Bab",
            "Jarabulus",
            "Palmyra",
            "Al-Sukhnah",
            "Daraa",
            "Bosra",
            "Quneitra",
            "As-Suwayda",
            "Douma",
            "Zabadani",
            "Latakia",
            "Tartus",
            "Jisr al-Shughur",
            "Maarrat al-Numan",
            "Saraqib",
            "Khan Shaykhun",
            "Al-Atarib",
            "Salamiyah",
            "Tell Abyad",
            "Ras al-Ayn",
            "Al-Shaddadi",
            "Hajin",
            "Al-Qusayr",
            "Rastan",
            "Nawa",
        ],
    },
    Country {
        name: "Iraq",
        code: "IQ",
        iso: 368,
        state: &[
            ("Military Forces of Iraq (2014-)", Inter::StateForces),
            ("Police Forces of Iraq (2014-)", Inter::StateForces),
        ],
        air: &[
            ("Military Forces of Iraq (2014-)", Inter::StateForces),
            ("Military Forces of the United States (2017-)", Inter::ExternalOtherForces),
            ("Military Forces of Turkey (2016-)", Inter::ExternalOtherForces),
        ],
        armed: &[
            ("Islamic State (Iraq)", Inter::RebelGroup),
            ("PMF: Popular Mobilization Forces", Inter::PoliticalMilitia),
            ("PKK: Kurdistan Workers Party", Inter::RebelGroup),
        ],
        civilians: ("Civilians (Iraq)", Inter::Civilians),
        protesters: ("Protesters (Iraq)", Inter::Protesters),
        rioters: ("Rioters (Iraq)", Inter::Rioters),
        unidentified: ("Unidentified Armed Group (Iraq)", Inter::PoliticalMilitia),
        outlets: &["Shafaq News", "Rudaw", "Kurdistan 24", "Iraqi News Agency", "Reuters", "AP"],
        towns: &[
            "Baghdad",
            "Mosul",
            "Kirkuk",
            "Tikrit",
            "Samarra",
            "Ramadi",
            "Fallujah",
            "Hit",
            "Haditha",
            "Rawa",
            "Anah",
            "Al-Qaim",
            "Rutba",
            "Baiji",
            "Tal Afar",
            "Sinjar",
            "Hawija",
            "Tuz Khurmatu",
            "Baqubah",
            "Muqdadiyah",
            "Jalawla",
            "Karbala",
            "Najaf",
            "Hillah",
            "Basra",
            "Nasiriyah",
            "Amarah",
            "Kut",
            "Diwaniyah",
            "Erbil",
            "Sulaymaniyah",
            "Dohuk",
            "Qayyarah",
            "Shirqat",
            "Makhmur",
        ],
    },
];

/// Sub-event types with their rough share of events in the Syrian and
/// Iraqi wars (shelling and clashes dominate; strategic developments are rare).
const SHARES: &[(SubEventType, f64)] = &[
    (SubEventType::ShellingArtilleryMissileAttack, 25.0),
    (SubEventType::ArmedClash, 22.0),
    (SubEventType::AirDroneStrike, 15.0),
    (SubEventType::RemoteExplosiveLandmineIed, 8.0),
    (SubEventType::Attack, 7.0),
    (SubEventType::PeacefulProtest, 5.0),
    (SubEventType::AbductionForcedDisappearance, 2.0),
    (SubEventType::Arrests, 2.0),
    (SubEventType::DisruptedWeaponsUse, 2.0),
    (SubEventType::GovernmentRegainsTerritory, 1.5),
    (SubEventType::NonStateActorOvertakesTerritory, 1.5),
    (SubEventType::LootingPropertyDestruction, 1.5),
    (SubEventType::SuicideBomb, 1.0),
    (SubEventType::ProtestWithIntervention, 1.0),
    (SubEventType::ChangeToGroupActivity, 1.0),
    (SubEventType::Grenade, 0.5),
    (SubEventType::ViolentDemonstration, 0.5),
    (SubEventType::MobViolence, 0.5),
    (SubEventType::Agreement, 0.5),
    (SubEventType::ExcessiveForceAgainstProtesters, 0.3),
    (SubEventType::NonViolentTransferOfTerritory, 0.3),
    (SubEventType::HeadquartersOrBaseEstablished, 0.3),
    (SubEventType::Other, 0.3),
    (SubEventType::ChemicalWeapon, 0.1),
    (SubEventType::SexualViolence, 0.1),
];

/// Dates run over these many days from [`FIRST_DAY`] (2014–2019).
const DAYS: i64 = 2191;
const FIRST_DAY: (i32, u32, u32) = (2014, 1, 1);

/// A town events happen at.
struct Town {
    country: usize,
    name: String,
    geonameid: u64,
    latitude: f64,
    longitude: f64,
    admin1: String,
    admin2: String,
}

/// One planned event, before it is written into articles.
#[derive(Clone, Copy)]
struct Planned {
    town: usize,
    day: NaiveDate,
    sub: SubEventType,
    actor1: Side,
    actor2: Option<Side>,
    fatalities: u32,
}

/// The synthetic articles, made one at a time.
pub struct Articles {
    rng: Rng,
    towns: Vec<Town>,
    /// Per country: town indices and their activity weights.
    weights: Vec<(Vec<usize>, Vec<f64>, f64)>,
    shares: Vec<f64>,
    shares_total: f64,
    /// The named sides of the events planned at each (town, day, merge family).
    used: HashMap<(usize, NaiveDate, &'static str), Vec<Vec<&'static str>>>,
    first_day: NaiveDate,
    left: usize,
    made: usize,
    /// A second report waiting to be written as its own article.
    second: Option<(Planned, String)>,
}

/// Towns closer than this to an earlier town of the list are dropped, so no
/// two towns fall within one merge radius.
const MIN_TOWN_KM: f64 = 12.0;

impl Articles {
    /// Articles holding `n` events in all; fails when the gazetteer knows too few of the towns.
    pub fn new(gazetteer: &Gazetteer, n: usize) -> anyhow::Result<Articles> {
        let mut towns: Vec<Town> = Vec::new();
        let mut weights = Vec::new();
        for (ci, c) in COUNTRIES.iter().enumerate() {
            let (mut idx, mut w) = (Vec::new(), Vec::new());
            for name in c.towns {
                let found = gazetteer.lookup(name).into_iter().map(|(p, _)| p).find(|p| p.country_code == c.code);
                let Some(p) = found else { continue };
                let near = towns
                    .iter()
                    .any(|t| great_circle_km(t.latitude, t.longitude, p.latitude, p.longitude) < MIN_TOWN_KM);
                if near {
                    continue;
                }
                idx.push(towns.len());
                // Bigger towns see more events, but not in proportion to their size.
                w.push((p.population.max(5_000) as f64).powf(0.4));
                towns.push(Town {
                    country: ci,
                    name: p.name.clone(),
                    geonameid: p.geonameid,
                    latitude: p.latitude,
                    longitude: p.longitude,
                    admin1: p.admin1.clone(),
                    admin2: p.admin2.clone(),
                });
            }
            let total = w.iter().sum();
            weights.push((idx, w, total));
        }
        if towns.len() < 20 {
            anyhow::bail!("the gazetteer knows only {} of the generator's towns", towns.len());
        }
        let shares: Vec<f64> = SHARES.iter().map(|(_, w)| *w).collect();
        let (y, m, d) = FIRST_DAY;
        Ok(Articles {
            rng: Rng(0x9e37_79b9_7f4a_7c15),
            towns,
            weights,
            shares_total: shares.iter().sum(),
            shares,
            used: HashMap::with_capacity(n),
            first_day: NaiveDate::from_ymd_opt(y, m, d).expect("a valid date"),
            left: n,
            made: 0,
            second: None,
        })
    }

    /// A new event in `country` around `day` that no other planned event
    /// would merge with; `None` when fifty tries all collide.
    fn plan(&mut self, country: usize, day: NaiveDate) -> Option<Planned> {
        for _ in 0..50 {
            let sub = SHARES[self.rng.weighted(&self.shares, self.shares_total)].0;
            let (idx, w, total) = &self.weights[country];
            let town = idx[self.rng.weighted(w, *total)];
            let day = day - Duration::days(self.rng.below(3) as i64);
            let (actor1, actor2) = sides(&mut self.rng, &COUNTRIES[country], sub);
            let mine = named(actor1, actor2);
            let others = self.used.entry((town, day, merge::family(sub))).or_default();
            let nested = |a: &[&str], b: &[&str]| a.iter().all(|x| b.contains(x));
            if others.iter().all(|o| !nested(o, &mine) && !nested(&mine, o)) {
                others.push(mine);
                return Some(Planned { town, day, sub, actor1, actor2, fatalities: fatalities(&mut self.rng, sub) });
            }
        }
        None
    }

    fn article(
        &mut self,
        id: String,
        outlet: &str,
        published: NaiveDate,
        events: &[(Planned, String)],
    ) -> (Article, Extraction<'static>) {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(events.len());
        for (_, sentence) in events {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.chars().count();
            text.push_str(sentence);
            spans.push((start, text.chars().count()));
        }
        let first = &events[0].0;
        let title = format!("{}: {}", self.towns[first.town].name, first.sub.as_str().to_lowercase());
        let article = Article {
            id,
            text: text.clone(),
            title: Some(title),
            published: Some(published),
            outlet: Some(outlet.to_string()),
            url: None,
            language: Some("en".to_string()),
            read_on: None,
        };
        let mut out = Vec::with_capacity(events.len());
        for (i, (planned, span)) in events.iter().zip(spans).enumerate() {
            out.push(self.event(&article, i, planned, span, outlet));
        }
        let extraction = Extraction { events: out, published: Some(published), ..Extraction::default() };
        (article, extraction)
    }

    fn event(
        &mut self,
        a: &Article,
        i: usize,
        planned: &(Planned, String),
        span: (usize, usize),
        outlet: &str,
    ) -> Event {
        let (p, sentence) = planned;
        let (start, end) = span;
        let town = &self.towns[p.town];
        let c = &COUNTRIES[town.country];
        let (inter1, inter2) = (Some(p.actor1.1), p.actor2.map(|s| s.1));
        Event {
            event_id: format!("{}-{i}", a.id),
            article_id: a.id.clone(),
            event_date: p.day,
            time_precision: TimePrecision::Day,
            disorder_type: p.sub.disorder_type(),
            event_type: p.sub.event_type(),
            sub_event_type: p.sub,
            actor1: p.actor1.0.to_string(),
            assoc_actor_1: String::new(),
            inter1,
            actor2: p.actor2.map(|s| s.0.to_string()).unwrap_or_default(),
            assoc_actor_2: String::new(),
            inter2,
            interaction: interaction(inter1, inter2),
            civilian_targeting: if p.actor2.is_some_and(|s| s.1 == Inter::Civilians) {
                "Civilian targeting".to_string()
            } else {
                String::new()
            },
            country: c.name.to_string(),
            iso: Some(c.iso),
            admin1: town.admin1.clone(),
            admin2: town.admin2.clone(),
            admin3: String::new(),
            location: town.name.clone(),
            latitude: Some(town.latitude),
            longitude: Some(town.longitude),
            geo_precision: GeoPrecision::Town,
            geonameid: Some(town.geonameid),
            fatalities: p.fatalities,
            fatalities_low: p.fatalities,
            fatalities_best: p.fatalities,
            fatalities_high: p.fatalities,
            source: outlet.to_string(),
            notes: sentence.to_string(),
            confidence: 0.6 + 0.3 * self.rng.unit(),
            evidence: vec![Evidence {
                article_id: a.id.clone(),
                start,
                end,
                text: sentence.to_string(),
                source: outlet.to_string(),
            }],
        }
    }
}

impl Iterator for Articles {
    type Item = (Article, Extraction<'static>);

    fn next(&mut self) -> Option<Self::Item> {
        self.made += 1;
        let id = format!("synthetic-{:07}", self.made);
        if let Some((p, other_outlet)) = self.second.take() {
            // The same event as another outlet tells it: other words, another toll.
            let revised =
                Planned { fatalities: p.fatalities + self.rng.below(p.fatalities as usize / 2 + 3) as u32, ..p };
            let sentence = sentence(&mut self.rng, &self.towns[revised.town].name, &revised, &other_outlet);
            let published = revised.day + Duration::days(1 + self.rng.below(2) as i64);
            return Some(self.article(id, &other_outlet, published, &[(revised, sentence)]));
        }
        if self.left == 0 {
            return None;
        }
        let country = usize::from(self.rng.chance(0.45));
        let day = self.first_day + Duration::days(2 + self.rng.below(DAYS as usize - 2) as i64);
        let outlet = self.rng.pick(COUNTRIES[country].outlets).to_string();
        let k = (1 + self.rng.below(4)).min(self.left);
        let mut events = Vec::with_capacity(k);
        for _ in 0..k {
            // A crowded day: the article reports fewer events, the next ones take other days.
            let Some(p) = self.plan(country, day) else { break };
            let s = sentence(&mut self.rng, &self.towns[p.town].name, &p, &outlet);
            events.push((p, s));
        }
        if events.is_empty() {
            self.made -= 1;
            return self.next();
        }
        self.left -= events.len();
        if self.rng.chance(0.25) {
            let (p, _) = &events[self.rng.below(events.len())];
            let mut other = self.rng.pick(COUNTRIES[country].outlets).to_string();
            if other == outlet {
                other = COUNTRIES[country].outlets[0].to_string();
            }
            if other != outlet {
                self.second = Some((*p, other));
            }
        }
        let published = day + Duration::days(self.rng.below(2) as i64);
        Some(self.article(id, &outlet, published, &events))
    }
}

/// The sides that tell events apart when merging (`merge::compatible`):
/// named actors, not civilians nor unidentified groups.
fn named(a: Side, b: Option<Side>) -> Vec<&'static str> {
    [Some(a), b]
        .into_iter()
        .flatten()
        .map(|s| s.0)
        .filter(|n| !n.starts_with("Civilians") && !n.starts_with("Unidentified"))
        .collect()
}

/// The two sides of an event of type `sub` in country `c`.
fn sides(rng: &mut Rng, c: &Country, sub: SubEventType) -> (Side, Option<Side>) {
    use SubEventType::*;
    let armed = |rng: &mut Rng| if rng.chance(0.5) { *rng.pick(c.state) } else { *rng.pick(c.armed) };
    match sub {
        ArmedClash => {
            let a = armed(rng);
            let mut b = *rng.pick(c.armed);
            if b.0 == a.0 {
                b = *rng.pick(c.state);
            }
            (a, Some(b))
        }
        GovernmentRegainsTerritory => (*rng.pick(c.state), Some(*rng.pick(c.armed))),
        NonStateActorOvertakesTerritory => (*rng.pick(c.armed), Some(*rng.pick(c.state))),
        NonViolentTransferOfTerritory | Agreement => (*rng.pick(c.state), Some(*rng.pick(c.armed))),
        AirDroneStrike => (*rng.pick(c.air), Some(if rng.chance(0.3) { c.civilians } else { *rng.pick(c.armed) })),
        ShellingArtilleryMissileAttack => {
            let a = armed(rng);
            (a, if rng.chance(0.4) { Some(c.civilians) } else { None })
        }
        RemoteExplosiveLandmineIed | SuicideBomb | Grenade => {
            let a = if rng.chance(0.5) { c.unidentified } else { *rng.pick(c.armed) };
            (a, Some(if rng.chance(0.6) { c.civilians } else { *rng.pick(c.state) }))
        }
        ChemicalWeapon => (*rng.pick(c.state), Some(c.civilians)),
        Attack | AbductionForcedDisappearance | SexualViolence => {
            let a = if rng.chance(0.4) { c.unidentified } else { armed(rng) };
            (a, Some(c.civilians))
        }
        PeacefulProtest => (c.protesters, None),
        ProtestWithIntervention | ExcessiveForceAgainstProtesters => (c.protesters, Some(*rng.pick(c.state))),
        ViolentDemonstration => (c.rioters, None),
        MobViolence => (c.rioters, Some(c.civilians)),
        Arrests => (*rng.pick(c.state), Some(c.civilians)),
        LootingPropertyDestruction => (armed(rng), Some(c.civilians)),
        ChangeToGroupActivity | DisruptedWeaponsUse | HeadquartersOrBaseEstablished | Other => (armed(rng), None),
    }
}

/// Deaths: none for most protests and strategic developments, a heavy
/// tail (many small tolls, a few dozens) for fighting and bombing.
fn fatalities(rng: &mut Rng, sub: SubEventType) -> u32 {
    use frontline_pipeline::model::EventType::*;
    let tail = |rng: &mut Rng, top: f64| (rng.unit().powi(4) * top) as u32;
    match sub.event_type() {
        Battles => tail(rng, 80.0),
        ExplosionsRemoteViolence if sub == SubEventType::SuicideBomb => 1 + tail(rng, 60.0),
        ExplosionsRemoteViolence => tail(rng, 30.0),
        ViolenceAgainstCivilians if sub == SubEventType::Attack => 1 + tail(rng, 10.0),
        ViolenceAgainstCivilians => 0,
        Protests | Riots => u32::from(rng.chance(0.03)),
        StrategicDevelopments => 0,
    }
}

fn day_words(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), d.format("%B"), d.year())
}

/// The sentence an outlet writes about a planned event.
fn sentence(rng: &mut Rng, town: &str, p: &Planned, outlet: &str) -> String {
    use SubEventType::*;
    let a1 = p.actor1.0;
    let a2 = p.actor2.map(|s| s.0).unwrap_or("unknown assailants");
    let on = day_words(p.day);
    let toll = match p.fatalities {
        0 => "no deaths were reported".to_string(),
        1 => "one person was killed".to_string(),
        n => format!("{n} people were killed"),
    };
    let said = if rng.chance(0.5) { format!("{outlet} reported") } else { format!("according to {outlet}") };
    match p.sub {
        ArmedClash => format!("{a1} and {a2} clashed in {town} on {on}; {toll}, {said}."),
        GovernmentRegainsTerritory => format!("{a1} regained control of {town} from {a2} on {on}, {said}; {toll}."),
        NonStateActorOvertakesTerritory => format!("{a1} seized {town} from {a2} on {on}; {toll}, {said}."),
        AirDroneStrike => format!("Aircraft of {a1} struck {town} on {on}, hitting {a2}; {toll}, {said}."),
        ShellingArtilleryMissileAttack => format!("{a1} shelled {town} on {on}; {toll}, {said}."),
        PeacefulProtest => format!("{a1} rallied peacefully in {town} on {on}, {said}."),
        _ => format!("{} in {town} on {on} involving {a1} and {a2}: {toll}, {said}.", p.sub.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn n_planned_events_are_n_stored_events_with_their_sentences_as_evidence() {
        let gazetteer = Gazetteer::builtin();
        let items: Vec<(Article, Extraction)> = Articles::new(&gazetteer, 3000).expect("towns found").collect();
        let mut countries = std::collections::BTreeSet::new();
        for (a, x) in &items {
            for e in &x.events {
                let ev = &e.evidence[0];
                let span: String = a.text.chars().skip(ev.start).take(ev.end - ev.start).collect();
                assert_eq!(span, ev.text, "article {}", a.id);
                assert!(e.geonameid.is_some() && !e.admin1.is_empty(), "{e:?}");
                countries.insert(e.country.clone());
            }
        }
        assert_eq!(countries.len(), 2);
        let dir = tempfile::Builder::new().prefix("frontline-generate-test-").tempdir().unwrap();
        let mut store = frontline_store::Store::open(&dir.path().join("g.db")).unwrap();
        let outcome = store.bulk_load(items).unwrap();
        assert_eq!(outcome.events, 3000, "{outcome:?}");
        assert!(outcome.claims > 3200, "second reports merge: {outcome:?}");
    }
}
