//! Merge across articles: when two extracted events are reports of the same
//! real event, and what the merged event says.
//!
//! Pure and order-free. Reports are linked when [`compatible`] (same
//! sub-event family, same place or within a few km, same day within the time
//! precision, compatible actors); an event is a connected component of that
//! relation, so it is a function of the *set* of reports, not of the order
//! they arrived in. [`merge`] computes the merged event from its reports, and
//! its id from the lowest report's canonical key, so the same set of articles
//! gives the same events and ids whatever the ingest order.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::gazetteer::great_circle_km;
use crate::model::*;
use crate::read::content_hash;

/// One report of an event: the event as one article's extraction coded it.
/// `seq` is its index in that extraction, so (`article_id`, `seq`) names it.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    pub seq: u32,
    pub event: &'a Event,
}

/// One source's claim about a merged event, as kept in the store and shown
/// in exports: who said it, in which article, and the figures they gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub article_id: String,
    pub source: String,
    pub event_date: NaiveDate,
    pub fatalities: u32,
    pub fatalities_low: u32,
    pub fatalities_high: u32,
}

/// One event merged over every article that reported it. Field names are
/// those of the events JSONL, with `article_ids` for all mentioning articles
/// and `claims` per source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    pub event_id: String,
    pub article_ids: Vec<String>,
    pub event_date: NaiveDate,
    pub time_precision: TimePrecision,
    pub disorder_type: DisorderType,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub actor1: String,
    pub assoc_actor_1: String,
    pub inter1: Option<Inter>,
    pub actor2: String,
    pub assoc_actor_2: String,
    pub inter2: Option<Inter>,
    pub interaction: Option<u8>,
    pub civilian_targeting: String,
    pub country: String,
    pub iso: Option<u16>,
    pub admin1: String,
    pub admin2: String,
    pub admin3: String,
    pub location: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: GeoPrecision,
    #[serde(default)]
    pub geonameid: Option<u64>,
    pub fatalities: u32,
    pub fatalities_low: u32,
    pub fatalities_best: u32,
    pub fatalities_high: u32,
    pub source: String,
    pub notes: String,
    pub confidence: f64,
    pub claims: Vec<Claim>,
    pub evidence: Vec<Evidence>,
}

/// Groups of sub-event types that different outlets may code differently for
/// the same real event. Territorial changes and clashes form one family (ACLED
/// codes one battle per actors, place and day); protests and riots another;
/// each other event type is its own; strategic developments stay apart by
/// sub-type (an arrest and an agreement are never the same event).
pub fn family(sub: SubEventType) -> &'static str {
    if sub.is_territorial() {
        return "battle";
    }
    match sub.event_type() {
        EventType::Battles => "battle",
        EventType::Protests | EventType::Riots => "demonstration",
        EventType::ExplosionsRemoteViolence => "remote",
        EventType::ViolenceAgainstCivilians => "civilians",
        EventType::StrategicDevelopments => sub.as_str(),
    }
}

/// How far apart (km) two reports of one event may put it, by the coarser
/// geo precision of the two: a town, near a town, a region.
pub fn radius_km(p: GeoPrecision) -> f64 {
    match p {
        GeoPrecision::Town => 5.0,
        GeoPrecision::NearTown => 15.0,
        GeoPrecision::Region => 50.0,
    }
}

/// The largest radius any report can be linked over, for blocking queries.
pub const MAX_RADIUS_KM: f64 = 50.0;

/// The days a report's date stands for: the day itself (precision 1), the
/// week around it (2, ACLED codes the middle of the week), its month (3).
pub fn date_window(date: NaiveDate, p: TimePrecision) -> (NaiveDate, NaiveDate) {
    match p {
        TimePrecision::Day => (date, date),
        TimePrecision::Week => (date - chrono::Days::new(3), date + chrono::Days::new(3)),
        TimePrecision::Month => {
            let first = date.with_day(1).unwrap_or(date);
            let next = first.checked_add_months(chrono::Months::new(1)).unwrap_or(date);
            (first, next.pred_opt().unwrap_or(date))
        }
    }
}

/// The dates a report can be linked over, for blocking queries: no report
/// dated outside this range is [`compatible`] with `e`.
pub fn link_range(e: &Event) -> (NaiveDate, NaiveDate) {
    let (from, to) = date_window(e.event_date, e.time_precision);
    // The other report's window is at most a month wide.
    (from - chrono::Days::new(31), to + chrono::Days::new(31))
}

/// What [`compatible`] reads of a report, borrowed: the store keeps these
/// fields as columns, so it checks candidate reports without decoding them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link<'a> {
    pub family: &'a str,
    /// The report's [`date_window`].
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub geonameid: Option<u64>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: GeoPrecision,
    pub country: &'a str,
    pub location: &'a str,
    pub actor1: &'a str,
    pub actor2: &'a str,
}

impl<'a> Link<'a> {
    pub fn of(e: &'a Event) -> Link<'a> {
        let (from, to) = date_window(e.event_date, e.time_precision);
        Link {
            family: family(e.sub_event_type),
            from,
            to,
            geonameid: e.geonameid,
            latitude: e.latitude,
            longitude: e.longitude,
            geo_precision: e.geo_precision,
            country: &e.country,
            location: &e.location,
            actor1: &e.actor1,
            actor2: &e.actor2,
        }
    }

    fn same_place(&self, b: &Link) -> bool {
        if let (Some(x), Some(y)) = (self.geonameid, b.geonameid)
            && x == y
        {
            return true;
        }
        match (self.latitude, self.longitude, b.latitude, b.longitude) {
            (Some(la), Some(oa), Some(lb), Some(ob)) => {
                great_circle_km(la, oa, lb, ob) <= radius_km(self.geo_precision.max(b.geo_precision))
            }
            _ => {
                self.country == b.country && !self.location.is_empty() && self.location.eq_ignore_ascii_case(b.location)
            }
        }
    }

    /// Dates overlap: two day-precise reports must share the day, a week or
    /// a month stands for every day in it.
    fn same_time(&self, b: &Link) -> bool {
        self.from <= b.to && b.from <= self.to
    }

    /// Actors that identify who took part: named actors, not the generic
    /// "Civilians (X)" or "Unidentified Armed Group (X)" nor empty fields.
    fn identified(&self) -> Vec<&'a str> {
        let mut v: Vec<&str> = [self.actor1, self.actor2]
            .into_iter()
            .filter(|a| !a.is_empty() && !a.starts_with("Civilians") && !a.starts_with("Unidentified"))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Actors are compatible when the identified actors of one report are all
    /// among those of the other (a report may name fewer sides, never others).
    fn same_actors(&self, b: &Link) -> bool {
        let (x, y) = (self.identified(), b.identified());
        let (small, large) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        small.iter().all(|s| large.contains(s))
    }

    /// Whether the two reports describe the same real event.
    pub fn links(&self, b: &Link) -> bool {
        self.family == b.family && self.same_time(b) && self.same_place(b) && self.same_actors(b)
    }
}

/// Whether two reports describe the same real event.
pub fn compatible(a: &Event, b: &Event) -> bool {
    Link::of(a).links(&Link::of(b))
}

/// The connected components of [`compatible`] over `events`, as index lists:
/// each sorted, and the list sorted by first index.
pub fn components(events: &[&Event]) -> Vec<Vec<usize>> {
    let mut sets = DisjointSets::new(events.len());
    for i in 0..events.len() {
        for j in i + 1..events.len() {
            if compatible(events[i], events[j]) {
                sets.join(i, j);
            }
        }
    }
    sets.groups()
}

/// Union-find over `0..n`: the one way reports become components, shared by
/// the pairwise merge here and the store's sweep-line bulk loader.
pub struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub fn new(n: usize) -> DisjointSets {
        DisjointSets { parent: (0..n).collect() }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Puts `i` and `j` in one set (its root is the smaller root).
    pub fn join(&mut self, i: usize, j: usize) {
        let (ri, rj) = (self.root(i), self.root(j));
        self.parent[ri.max(rj)] = ri.min(rj);
    }

    /// The sets as index lists, each sorted, the list sorted by first index.
    pub fn groups(mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut slot: Vec<Option<usize>> = vec![None; n];
        for i in 0..n {
            let r = self.root(i);
            match slot[r] {
                Some(g) => groups[g].push(i),
                None => {
                    slot[r] = Some(groups.len());
                    groups.push(vec![i]);
                }
            }
        }
        groups
    }
}

/// The canonical key of a report: what the event is, independent of which
/// article said it. The merged event's id hashes the lowest key of its reports.
pub fn canonical_key(e: &Event) -> String {
    let place = match (e.geonameid, e.latitude, e.longitude) {
        (Some(g), _, _) => format!("g{g}"),
        (None, Some(la), Some(lo)) => format!("{la:.2},{lo:.2}"),
        _ => format!("{}/{}", e.country, e.location.to_lowercase()),
    };
    format!(
        "{}|{}|{}|{}|{}|{}",
        e.event_date,
        family(e.sub_event_type),
        place,
        e.actor1,
        e.actor2,
        e.sub_event_type.as_str()
    )
}

/// The id of the event whose reports have these canonical keys.
pub fn event_id<'k>(keys: impl IntoIterator<Item = &'k str>) -> String {
    let lowest = keys.into_iter().min().unwrap_or_default();
    format!("FL{}", content_hash(lowest))
}

/// Which report speaks for the merged event's coded fields: the most
/// confident, then the finest time and geo precision, then the lowest key.
fn representative<'a>(reports: &[Report<'a>]) -> Option<&'a Event> {
    reports.iter().map(|r| r.event).min_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then(a.time_precision.cmp(&b.time_precision))
            .then(a.geo_precision.cmp(&b.geo_precision))
            .then_with(|| canonical_key(a).cmp(&canonical_key(b)))
            .then_with(|| a.article_id.cmp(&b.article_id))
    })
}

fn split_sources(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

/// The merged event of a set of reports (one connected component). `None`
/// for an empty set. The result does not depend on the order of `reports`.
pub fn merge(reports: &[Report<'_>]) -> Option<MergedEvent> {
    let rep = representative(reports)?;
    let mut sorted: Vec<&Report> = reports.iter().collect();
    sorted.sort_by(|a, b| a.event.article_id.cmp(&b.event.article_id).then(a.seq.cmp(&b.seq)));

    let mut article_ids: Vec<String> = sorted.iter().map(|r| r.event.article_id.clone()).collect();
    article_ids.dedup();
    let mut sources: Vec<&str> = sorted.iter().flat_map(|r| split_sources(&r.event.source)).collect();
    sources.sort_unstable();
    sources.dedup();
    let claims: Vec<Claim> = sorted
        .iter()
        .map(|r| Claim {
            article_id: r.event.article_id.clone(),
            source: r.event.source.clone(),
            event_date: r.event.event_date,
            fatalities: r.event.fatalities,
            fatalities_low: r.event.fatalities_low,
            fatalities_high: r.event.fatalities_high,
        })
        .collect();
    let (low, best, high) = fatality_range(&sorted);
    let mut evidence: Vec<Evidence> = sorted.iter().flat_map(|r| r.event.evidence.iter().cloned()).collect();
    evidence.sort_by(|a, b| a.article_id.cmp(&b.article_id).then(a.start.cmp(&b.start)).then(a.end.cmp(&b.end)));
    evidence.dedup();
    // Independent reports raise confidence: 1 - prod(1 - c), in a fixed order.
    let doubt: f64 = sorted.iter().map(|r| 1.0 - r.event.confidence.clamp(0.0, 1.0)).product();
    let confidence = ((1.0 - doubt) * 1000.0).round() / 1000.0;
    let keys: Vec<String> = sorted.iter().map(|r| canonical_key(r.event)).collect();

    Some(MergedEvent {
        event_id: event_id(keys.iter().map(String::as_str)),
        article_ids,
        event_date: rep.event_date,
        time_precision: rep.time_precision,
        disorder_type: rep.disorder_type,
        event_type: rep.event_type,
        sub_event_type: rep.sub_event_type,
        actor1: rep.actor1.clone(),
        assoc_actor_1: rep.assoc_actor_1.clone(),
        inter1: rep.inter1,
        actor2: rep.actor2.clone(),
        assoc_actor_2: rep.assoc_actor_2.clone(),
        inter2: rep.inter2,
        interaction: rep.interaction,
        civilian_targeting: rep.civilian_targeting.clone(),
        country: rep.country.clone(),
        iso: rep.iso,
        admin1: rep.admin1.clone(),
        admin2: rep.admin2.clone(),
        admin3: rep.admin3.clone(),
        location: rep.location.clone(),
        latitude: rep.latitude,
        longitude: rep.longitude,
        geo_precision: rep.geo_precision,
        geonameid: rep.geonameid,
        fatalities: low,
        fatalities_low: low,
        fatalities_best: best,
        fatalities_high: high,
        source: sources.join("; "),
        notes: rep.notes.clone(),
        confidence,
        claims,
        evidence,
    })
}

/// ACLED's lowest figure and UCDP's low/best/high over the reports that give
/// a figure (a report that mentions no deaths is silence, not a claim of
/// zero): low = lowest low, high = highest high, best = the lower median of
/// the best estimates.
fn fatality_range(reports: &[&Report]) -> (u32, u32, u32) {
    let giving: Vec<&Event> = reports.iter().map(|r| r.event).filter(|e| e.fatalities_high > 0).collect();
    if giving.is_empty() {
        return (0, 0, 0);
    }
    let low = giving.iter().map(|e| e.fatalities_low.min(e.fatalities)).min().unwrap_or(0);
    let high = giving.iter().map(|e| e.fatalities_high).max().unwrap_or(0);
    let mut bests: Vec<u32> = giving.iter().map(|e| e.fatalities_best).collect();
    bests.sort_unstable();
    let best = bests[(bests.len() - 1) / 2].clamp(low, high);
    (low, best, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// An invented report: (article, sub-event, date, place id, lat, lon, actor1, actor2, deaths, source).
    #[allow(clippy::too_many_arguments)]
    fn ev(
        article: &str,
        sub: SubEventType,
        date: &str,
        gid: u64,
        lat: f64,
        lon: f64,
        a1: &str,
        a2: &str,
        deaths: u32,
        source: &str,
    ) -> Event {
        Event {
            event_id: String::new(),
            article_id: article.into(),
            event_date: day(date),
            time_precision: TimePrecision::Day,
            disorder_type: sub.disorder_type(),
            event_type: sub.event_type(),
            sub_event_type: sub,
            actor1: a1.into(),
            assoc_actor_1: String::new(),
            inter1: None,
            actor2: a2.into(),
            assoc_actor_2: String::new(),
            inter2: None,
            interaction: None,
            civilian_targeting: String::new(),
            country: "Syria".into(),
            iso: Some(760),
            admin1: String::new(),
            admin2: String::new(),
            admin3: String::new(),
            location: format!("place {gid}"),
            latitude: Some(lat),
            longitude: Some(lon),
            geo_precision: GeoPrecision::Town,
            geonameid: Some(gid),
            fatalities: deaths,
            fatalities_low: deaths,
            fatalities_best: deaths,
            fatalities_high: deaths,
            source: source.into(),
            notes: format!("note from {article}"),
            confidence: 0.6,
            evidence: vec![Evidence {
                article_id: article.into(),
                start: 0,
                end: 5,
                text: "text.".into(),
                source: source.into(),
            }],
        }
    }

    const GOV: &str = "Military Forces of Syria (2000-)";
    const IS: &str = "Islamic State (Syria)";
    use SubEventType::*;

    #[test]
    fn compatibility_rules() {
        let base = ev("a", ArmedClash, "2020-03-04", 1, 35.0, 40.0, GOV, IS, 3, "SANA");
        let check = |other: Event, expect: bool| assert_eq!(compatible(&base, &other), expect, "{other:?}");
        check(ev("b", GovernmentRegainsTerritory, "2020-03-04", 1, 35.0, 40.0, GOV, IS, 9, "SOHR"), true);
        check(ev("b", ArmedClash, "2020-03-04", 2, 35.02, 40.0, IS, GOV, 9, "SOHR"), true);
        check(ev("b", ArmedClash, "2020-03-04", 2, 35.0, 40.0, GOV, "", 9, "SOHR"), true);
        check(ev("b", ArmedClash, "2020-03-05", 1, 35.0, 40.0, GOV, IS, 3, "SOHR"), false);
        check(ev("b", ArmedClash, "2020-03-04", 3, 35.3, 40.0, GOV, IS, 3, "SOHR"), false);
        check(ev("b", ArmedClash, "2020-03-04", 1, 35.0, 40.0, GOV, "Syrian Democratic Forces", 3, "x"), false);
        check(ev("b", AirDroneStrike, "2020-03-04", 1, 35.0, 40.0, GOV, IS, 3, "SOHR"), false);
        let mut weekly = ev("b", ArmedClash, "2020-03-06", 1, 35.0, 40.0, GOV, IS, 3, "SOHR");
        weekly.time_precision = TimePrecision::Week;
        check(weekly.clone(), true);
        weekly.event_date = day("2020-03-09");
        check(weekly, false);
    }

    #[test]
    fn civilians_alone_do_not_link_different_perpetrators() {
        let a = ev("a", Attack, "2020-03-04", 1, 35.0, 40.0, IS, "Civilians (Syria)", 2, "x");
        let b = ev("b", Attack, "2020-03-04", 1, 35.0, 40.0, "Hayat Tahrir al-Sham", "Civilians (Syria)", 2, "y");
        assert!(!compatible(&a, &b));
    }

    #[test]
    fn merge_keeps_every_claim_and_is_order_free() {
        let a = ev("art-a", ArmedClash, "2020-03-04", 1, 35.0, 40.0, GOV, IS, 12, "SANA");
        let b = ev("art-b", GovernmentRegainsTerritory, "2020-03-04", 1, 35.0, 40.0, GOV, IS, 30, "SOHR; AFP");
        let mut c = ev("art-c", ArmedClash, "2020-03-04", 1, 35.0, 40.0, GOV, IS, 0, "Reuters");
        c.fatalities_high = 0;
        let m1 =
            merge(&[Report { seq: 0, event: &a }, Report { seq: 0, event: &b }, Report { seq: 2, event: &c }]).unwrap();
        let m2 =
            merge(&[Report { seq: 2, event: &c }, Report { seq: 0, event: &b }, Report { seq: 0, event: &a }]).unwrap();
        assert_eq!(m1, m2);
        assert_eq!(m1.article_ids, ["art-a", "art-b", "art-c"]);
        assert_eq!(m1.source, "AFP; Reuters; SANA; SOHR");
        assert_eq!((m1.fatalities, m1.fatalities_low, m1.fatalities_best, m1.fatalities_high), (12, 12, 12, 30));
        assert_eq!(m1.claims.iter().map(|c| c.fatalities).collect::<Vec<_>>(), [12, 30, 0]);
        assert_eq!(m1.evidence.len(), 3);
        assert!(m1.confidence > 0.9);
    }

    #[test]
    fn components_link_transitively_and_ignore_order() {
        let a = ev("a", ArmedClash, "2020-03-04", 1, 35.0, 40.0, GOV, IS, 1, "x");
        let b = ev("b", ArmedClash, "2020-03-04", 2, 35.04, 40.0, GOV, IS, 1, "x");
        let c = ev("c", ArmedClash, "2020-03-04", 3, 35.08, 40.0, GOV, IS, 1, "x");
        let d = ev("d", ArmedClash, "2020-03-19", 1, 35.0, 40.0, GOV, IS, 1, "x");
        assert_eq!(components(&[&a, &b, &c, &d]), vec![vec![0, 1, 2], vec![3]]);
        assert_eq!(components(&[&d, &c, &a, &b]), vec![vec![0], vec![1, 2, 3]]);
    }

    #[test]
    fn id_is_the_lowest_key_whoever_reports_it() {
        let a = ev("a", ArmedClash, "2020-03-04", 1, 35.0, 40.0, GOV, IS, 1, "x");
        let b = ev("b", ArmedClash, "2020-03-04", 1, 35.0, 40.0, GOV, IS, 5, "y");
        let only_a = merge(&[Report { seq: 0, event: &a }]).unwrap();
        let both = merge(&[Report { seq: 4, event: &b }, Report { seq: 0, event: &a }]).unwrap();
        assert_eq!(only_a.event_id, both.event_id);
        assert!(only_a.event_id.starts_with("FL") && only_a.event_id.len() == 18);
    }

    #[test]
    fn date_windows() {
        let check =
            |d: &str, p, expect: (&str, &str)| assert_eq!(date_window(day(d), p), (day(expect.0), day(expect.1)));
        check("2020-03-04", TimePrecision::Day, ("2020-03-04", "2020-03-04"));
        check("2020-03-04", TimePrecision::Week, ("2020-03-01", "2020-03-07"));
        check("2020-02-15", TimePrecision::Month, ("2020-02-01", "2020-02-29"));
    }
}
