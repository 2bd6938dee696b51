//! Extract: events in the ACLED taxonomy from the recognised mentions.
//!
//! A [`Document`] holds one article after clean, segment and recognise.
//! [`events`] finds trigger cues per clause ([`classify`]), decides each
//! clause's sub-event type with its parties, gives it roles, place, date
//! and fatalities, aggregates candidates that ACLED would code as one event
//! (same day, same place, compatible actors, the higher-priority type
//! wins), and turns them into [`Event`]s through [`Event::from_candidate`],
//! the one place where an event's preconditions are checked. Rejected
//! candidates become diagnostics with the reason.

mod aggregate;
pub(crate) mod attribution;
pub mod classify;
mod clause;
mod country;
mod document;
mod draft;
mod fatalities;
mod governorate;
mod place;
mod roles;
mod village;

use chrono::NaiveDate;

use crate::actor::ActorRef;
use crate::count;
use crate::gazetteer::Place;
use crate::model::*;
use crate::read::content_hash;
use crate::text::{ends_with_ignoring_case, starts_with_ignoring_case};
use aggregate::aggregate;
use classify::Cue;
use clause::{BACKGROUND, clauses, held_since, in_name, old_year};
use draft::{Draft, draft};
use fatalities::{attach_counts, shared};
use place::locating;
use roles::is_armed;

pub use document::{Document, ForEvents};

/// An event before its preconditions are checked: every field optional.
#[derive(Debug, Clone, Default)]
pub struct EventCandidate {
    pub sub_event_type: Option<SubEventType>,
    pub actor1: Option<ActorRef>,
    pub assoc_actor_1: Vec<String>,
    pub actor2: Option<ActorRef>,
    pub assoc_actor_2: Vec<String>,
    pub date: Option<(NaiveDate, TimePrecision)>,
    pub place: Option<(Place, GeoPrecision)>,
    pub fatalities: Option<u32>,
    pub sources: Vec<String>,
    pub confidence: f64,
    /// Byte ranges of the clean text, with the source of each.
    pub evidence: Vec<(usize, usize, String)>,
}

/// Why a candidate did not become an event.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("no event type")]
    NoType,
    #[error("no date within a month")]
    NoDate,
    #[error("no location")]
    NoLocation,
    #[error("no actor")]
    NoActor,
}

impl Event {
    /// Checks a candidate's preconditions and fills the derived fields.
    /// `ordinal` tells apart events of one article that share type, day and place.
    pub fn from_candidate(doc: &Document<'_>, c: EventCandidate, ordinal: usize) -> Result<Event, Rejection> {
        let sub = c.sub_event_type.ok_or(Rejection::NoType)?;
        let (event_date, time_precision) = c.date.ok_or(Rejection::NoDate)?;
        let (place, geo_precision) = c.place.ok_or(Rejection::NoLocation)?;
        let actor1 = c.actor1.ok_or(Rejection::NoActor)?;
        let inter1 = Some(actor1.inter);
        let inter2 = c.actor2.as_ref().map(|a| a.inter);
        let fatalities = c.fatalities.unwrap_or(0);
        let evidence: Vec<Evidence> = c
            .evidence
            .iter()
            .map(|(s, e, src)| {
                let (cs, ce) = doc.chars(*s, *e);
                Evidence {
                    article_id: doc.article.id.clone(),
                    start: cs,
                    end: ce,
                    text: doc.original(*s, *e).to_string(),
                    source: src.clone(),
                }
            })
            .collect();
        let notes = evidence.first().map(|e| e.text.clone()).unwrap_or_default();
        let key = format!("{}|{}|{}|{}|{}", doc.article.id, sub.as_str(), event_date, place.geonameid, ordinal);
        let civilian_targeting =
            if sub.event_type() == EventType::ViolenceAgainstCivilians || inter2 == Some(Inter::Civilians) {
                "Civilians targeted".to_string()
            } else {
                String::new()
            };
        Ok(Event {
            event_id: format!("FL{}", &content_hash(&key)[..12]),
            article_id: doc.article.id.clone(),
            event_date,
            time_precision,
            disorder_type: sub.disorder_type(),
            event_type: sub.event_type(),
            sub_event_type: sub,
            actor1: actor1.name,
            assoc_actor_1: c.assoc_actor_1.join("; "),
            inter1,
            actor2: c.actor2.map(|a| a.name).unwrap_or_default(),
            assoc_actor_2: c.assoc_actor_2.join("; "),
            inter2,
            interaction: interaction(inter1, inter2),
            civilian_targeting,
            country: place.country.clone(),
            iso: None,
            admin1: place.admin1.clone(),
            admin2: place.admin2.clone(),
            admin3: String::new(),
            location: place.name.clone(),
            latitude: Some(place.latitude),
            longitude: Some(place.longitude),
            geo_precision,
            geonameid: Some(place.geonameid).filter(|&g| g != 0),
            fatalities,
            fatalities_low: fatalities,
            fatalities_best: fatalities,
            fatalities_high: fatalities,
            source: c.sources.join("; "),
            notes,
            confidence: c.confidence,
            evidence,
        })
    }
}

/// Events of a document, and the reasons candidates were dropped.
pub fn events(doc: &Document<'_>) -> (Vec<Event>, Vec<Diagnostic>) {
    let mut notes = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let lead = doc.sentences.iter().position(|s| s.end - s.start > 40).unwrap_or(0);
    let locating = locating(doc);
    for (i, s) in doc.sentences.iter().enumerate() {
        if doc.cues[i].is_empty() {
            continue;
        }
        let rules = doc.rules[i];
        let text = s.text(&doc.clean);
        let found: Vec<_> =
            doc.cues[i].iter().filter(|f| !in_name(doc, f) && !held_since(doc, f, s.start, s.end)).copied().collect();
        if found.is_empty() {
            continue;
        }
        let armed_named = doc.actors.iter().any(|m| within(m.start, m.end, s.start, s.end) && is_armed(m.actor.inter));
        let protest = found.iter().any(|f| f.cue == Cue::Protest);
        if !armed_named && !protest && classify::non_political_among(text, rules) {
            notes.push(note(doc, s.start, "not political violence"));
            continue;
        }
        let undated_background = BACKGROUND.is_match(text)
            && !doc.dates.iter().any(|m| within(m.start, m.end, s.start, s.end) && m.acled_date().is_some());
        if undated_background || old_year(text, doc.published) {
            notes.push(note(doc, s.start, "background, not news"));
            continue;
        }
        for (cs, ce) in clauses(doc, s.start, s.end) {
            let cues: Vec<_> = found.iter().filter(|f| f.start >= cs && f.start < ce).copied().collect();
            if cues.is_empty() {
                continue;
            }
            if let Some(d) = draft(doc, &locating, i, (cs, ce), &cues, i == lead) {
                drafts.push(d);
            } else {
                notes.push(note(doc, cs, "no event type or no date within a month"));
            }
        }
    }
    attach_counts(doc, &mut drafts);
    let mut drafts = aggregate(drafts);
    attribution::attribute(doc, &mut drafts);
    let mut events: Vec<Event> = Vec::new();
    for d in drafts {
        let mut cand = d.cand;
        cand.fatalities = count::fatalities(d.counts.iter().map(|&(s, c)| (s, &doc.counts[c])));
        if let Some(total) = cand.fatalities {
            cand.fatalities = Some(shared(doc, d.sentence, &d.counts, d.place_span, total));
        }
        let ordinal = events.len();
        match Event::from_candidate(doc, cand, ordinal) {
            Ok(e) => events.push(e),
            Err(r) => notes.push(note(doc, d.at, &r.to_string())),
        }
    }
    (events, notes)
}

fn note(doc: &Document<'_>, at: usize, why: &str) -> Diagnostic {
    Diagnostic {
        article_id: doc.article.id.clone(),
        severity: Severity::Note,
        message: format!("candidate at character {} dropped: {why}", doc.clean.char_at(at)),
    }
}

/// Compiles this stage's regexes now, each module's own list, not in the
/// first article that needs them ([`crate::COMPILE_RULES`]).
pub(crate) fn compile_rules() {
    attribution::compile_rules();
    classify::compile_rules();
    clause::compile_rules();
    fatalities::compile_rules();
    roles::compile_rules();
    draft::compile_rules();
}

fn within(s: usize, e: usize, a: usize, b: usize) -> bool {
    s >= a && e <= b
}

#[cfg(test)]
mod tests;
