//! The territorial-control timeline: who holds a place from when to when.
//!
//! Pure. Observations come from territorial events (Government regains
//! territory, Non-state actor overtakes territory, Non-violent transfer of
//! territory: actor1 takes the place, actor2 held it) and from statements
//! about a state ("still held by", "last holdout", "besieged"). [`timeline`]
//! orders a place's observations and turns them into spans, each linked to
//! the events and sources behind it. The result depends on the set of
//! observations, not on their order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::merge::MergedEvent;

/// The state of control a span records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ControlState {
    Held,
    Contested,
    Besieged,
}

impl ControlState {
    pub fn as_str(self) -> &'static str {
        match self {
            ControlState::Held => "held",
            ControlState::Contested => "contested",
            ControlState::Besieged => "besieged",
        }
    }

    pub fn parse(s: &str) -> Option<ControlState> {
        match s {
            "held" => Some(ControlState::Held),
            "contested" => Some(ControlState::Contested),
            "besieged" => Some(ControlState::Besieged),
            _ => None,
        }
    }
}

/// Where a timeline is: the place as the events name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub place: String,
    pub geonameid: Option<u64>,
    pub latitude: f64,
    pub longitude: f64,
}

/// One span of a place's timeline (the control JSONL). `from` is `None` when
/// the holder is known only from the event that ended its hold; `to` is
/// `None` while the span lasts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlSpan {
    pub place: String,
    pub geonameid: Option<u64>,
    pub latitude: f64,
    pub longitude: f64,
    pub holder: String,
    pub state: ControlState,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub event_ids: Vec<String>,
    pub sources: Vec<String>,
}

impl ControlSpan {
    /// Whether the span covers `day` (a transfer day belongs to the new holder).
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day < t)
    }
}

/// One fact about who held a place on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub date: NaiveDate,
    pub holder: String,
    pub state: ControlState,
    /// Who held the place until this day, when the observation is a transfer.
    pub prior: Option<String>,
    /// The merged event behind it; `None` for a statement.
    pub event_id: Option<String>,
    pub sources: Vec<String>,
}

/// The key that groups observations of one place: the GeoNames id when
/// known, else the location name and country.
pub fn place_key(geonameid: Option<u64>, location: &str, country: &str) -> String {
    match geonameid {
        Some(g) => format!("g{g}"),
        None => format!("n{}|{}", location.to_lowercase(), country.to_lowercase()),
    }
}

/// The place and observation a territorial event gives; `None` for other
/// events and for events without a holder or coordinates.
pub fn observe(e: &MergedEvent) -> Option<(Place, Observation)> {
    if !e.sub_event_type.is_territorial() || e.actor1.is_empty() {
        return None;
    }
    let place =
        Place { place: e.location.clone(), geonameid: e.geonameid, latitude: e.latitude?, longitude: e.longitude? };
    let obs = Observation {
        date: e.event_date,
        holder: e.actor1.clone(),
        state: ControlState::Held,
        prior: Some(e.actor2.clone()).filter(|a| !a.is_empty() && !a.starts_with("Civilians")),
        event_id: Some(e.event_id.clone()),
        sources: split_sources(&e.source),
    };
    Some((place, obs))
}

fn split_sources(s: &str) -> Vec<String> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
}

/// The timeline of one place from its observations, in date order. On one
/// day, observations naming different holders make the place contested
/// (holders joined by "; "); a besieged statement marks the holder besieged.
pub fn timeline(place: &Place, observations: &[Observation]) -> Vec<ControlSpan> {
    let mut obs: Vec<&Observation> = observations.iter().collect();
    obs.sort_by(|a, b| {
        a.date.cmp(&b.date).then(a.state.cmp(&b.state)).then(a.holder.cmp(&b.holder)).then(a.event_id.cmp(&b.event_id))
    });
    let mut spans: Vec<ControlSpan> = Vec::new();
    let span = |holder: &str, state, from, day: &[&Observation]| {
        let mut event_ids: Vec<String> = day.iter().filter_map(|o| o.event_id.clone()).collect();
        event_ids.sort();
        event_ids.dedup();
        let mut sources: Vec<String> = day.iter().flat_map(|o| o.sources.iter().cloned()).collect();
        sources.sort();
        sources.dedup();
        ControlSpan {
            place: place.place.clone(),
            geonameid: place.geonameid,
            latitude: place.latitude,
            longitude: place.longitude,
            holder: holder.to_string(),
            state,
            from,
            to: None,
            event_ids,
            sources,
        }
    };
    for day in obs.chunk_by(|a, b| a.date == b.date) {
        let date = day[0].date;
        let mut holders: Vec<&str> = day.iter().map(|o| o.holder.as_str()).collect();
        holders.sort_unstable();
        holders.dedup();
        let (holder, state) = if holders.len() > 1 {
            (holders.join("; "), ControlState::Contested)
        } else {
            let state = day.iter().map(|o| o.state).max().unwrap_or(ControlState::Held);
            (holders[0].to_string(), state)
        };
        if spans.is_empty()
            && let Some(prior) = day.iter().find_map(|o| o.prior.as_deref()).filter(|p| *p != holder)
        {
            let mut before = span(prior, ControlState::Held, None, day);
            before.to = Some(date);
            spans.push(before);
        }
        match spans.last_mut() {
            Some(cur) if cur.to.is_none() && cur.holder == holder && cur.state == state => {
                let more = span(&holder, state, None, day);
                cur.event_ids.extend(more.event_ids);
                cur.event_ids.sort();
                cur.event_ids.dedup();
                cur.sources.extend(more.sources);
                cur.sources.sort();
                cur.sources.dedup();
            }
            cur => {
                if let Some(cur) = cur {
                    cur.to = Some(date);
                }
                spans.push(span(&holder, state, Some(date), day));
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn obs(date: &str, holder: &str, prior: &str, state: ControlState, id: &str) -> Observation {
        Observation {
            date: day(date),
            holder: holder.into(),
            state,
            prior: Some(prior.to_string()).filter(|p| !p.is_empty()),
            event_id: Some(id.to_string()).filter(|p| !p.is_empty()),
            sources: vec![format!("src-{date}")],
        }
    }

    fn place() -> Place {
        Place { place: "Invented Town".into(), geonameid: Some(7), latitude: 34.0, longitude: 40.0 }
    }

    /// Renders spans as "holder state from..to [events]" for compact checks.
    fn check(observations: &[Observation], expect: &[&str]) {
        let spans = timeline(&place(), observations);
        let got: Vec<String> = spans
            .iter()
            .map(|s| {
                let d = |x: Option<NaiveDate>| x.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
                format!("{} {} {}..{} {:?}", s.holder, s.state.as_str(), d(s.from), d(s.to), s.event_ids)
            })
            .collect();
        assert_eq!(got, expect);
        let mut reversed = observations.to_vec();
        reversed.reverse();
        assert_eq!(timeline(&place(), &reversed), spans, "order changed the timeline");
    }

    use ControlState::*;

    #[test]
    fn transfer_gives_prior_holder_and_new_holder() {
        check(
            &[obs("2017-11-03", "GOV", "IS", Held, "e1")],
            &["IS held ?..2017-11-03 [\"e1\"]", "GOV held 2017-11-03..? [\"e1\"]"],
        );
    }

    #[test]
    fn statement_then_recapture_then_loss() {
        check(
            &[
                obs("2017-11-03", "IS", "", Held, ""),
                obs("2017-11-19", "GOV", "IS", Held, "e2"),
                obs("2017-11-21", "GOV", "", Held, "e3"),
                obs("2018-02-01", "IS", "GOV", Held, "e4"),
            ],
            &[
                "IS held 2017-11-03..2017-11-19 []",
                "GOV held 2017-11-19..2018-02-01 [\"e2\", \"e3\"]",
                "IS held 2018-02-01..? [\"e4\"]",
            ],
        );
    }

    #[test]
    fn same_day_rival_claims_are_contested_and_siege_is_a_state() {
        check(
            &[
                obs("2020-01-01", "GOV", "", Held, "e1"),
                obs("2020-02-01", "GOV", "", Besieged, ""),
                obs("2020-03-01", "GOV", "", Held, "e2"),
                obs("2020-03-01", "IS", "", Held, "e3"),
            ],
            &[
                "GOV held 2020-01-01..2020-02-01 [\"e1\"]",
                "GOV besieged 2020-02-01..2020-03-01 []",
                "GOV; IS contested 2020-03-01..? [\"e2\", \"e3\"]",
            ],
        );
    }

    #[test]
    fn covers_gives_the_transfer_day_to_the_new_holder() {
        let spans = timeline(&place(), &[obs("2017-11-03", "GOV", "IS", Held, "e1")]);
        let on = |d: &str| spans.iter().filter(|s| s.covers(day(d))).map(|s| s.holder.as_str()).collect::<Vec<_>>();
        assert_eq!(on("2017-11-02"), ["IS"]);
        assert_eq!(on("2017-11-03"), ["GOV"]);
    }
}
