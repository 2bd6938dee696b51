//! Extract: events in the ACLED taxonomy from the recognised mentions.
//!
//! A [`Document`] holds one article after clean, segment and recognise.
//! [`events`] turns it into [`EventCandidate`]s (optional fields) and then
//! into [`Event`]s through [`Event::from_candidate`], the one place where
//! an event's preconditions are checked.
//!
//! (Skeleton: keyword classification per sentence. The codebook's priority
//! and aggregation rules, roles, background/hedge filtering are issue 2.)

use chrono::NaiveDate;

use crate::Resources;
use crate::actor::ActorMention;
use crate::clean::{CleanText, clean};
use crate::count::{self, CountMention};
use crate::date::{self, DateMention};
use crate::gazetteer::PlaceMention;
use crate::model::*;
use crate::read::content_hash;
use crate::segment::{Sentence, sentences};

/// One article after clean, segment and recognise.
pub struct Document<'a> {
    pub article: &'a Article,
    pub clean: CleanText,
    pub sentences: Vec<Sentence>,
    pub published: Option<NaiveDate>,
    pub published_inferred: bool,
    pub places: Vec<PlaceMention>,
    pub actors: Vec<ActorMention>,
    pub dates: Vec<DateMention>,
    pub counts: Vec<CountMention>,
}

impl<'a> Document<'a> {
    pub fn analyse(article: &'a Article, resources: &Resources) -> Document<'a> {
        let clean = clean(&article.text);
        let sentences = sentences(&clean);
        let mut dates = date::recognise(&clean, &sentences, article.published);
        let (published, published_inferred) = match article.published {
            Some(p) => (Some(p), false),
            None => {
                let p = date::infer_published(&clean, &sentences, &dates);
                if p.is_some() {
                    dates = date::recognise(&clean, &sentences, p);
                }
                (p, p.is_some())
            }
        };
        let places = resources.gazetteer.recognise(&clean, &sentences);
        let country = places.first().map(|p| p.place.country_code.clone());
        let actors = resources.actors.recognise(&clean, &sentences, country.as_deref());
        let counts = count::recognise(&clean, &sentences);
        Document { article, clean, sentences, published, published_inferred, places, actors, dates, counts }
    }

    /// Character span (into the original text) of a byte span of the clean text.
    pub fn chars(&self, start: usize, end: usize) -> (usize, usize) {
        (self.clean.char_at(start), self.clean.char_at(end))
    }

    fn record(&self, kind: MentionKind, start: usize, end: usize) -> MentionRecord {
        let (s, e) = self.chars(start, end);
        MentionRecord {
            article_id: self.article.id.clone(),
            kind: Some(kind),
            start: s,
            end: e,
            text: self.clean.text[start..end].to_string(),
            ..Default::default()
        }
    }

    /// Every mention, for the mentions output.
    pub fn mention_records(&self) -> Vec<MentionRecord> {
        let mut out = Vec::new();
        for m in &self.places {
            let mut r = self.record(MentionKind::Place, m.start, m.end);
            r.name = Some(m.place.name.clone());
            r.geonameid = Some(m.place.geonameid);
            r.latitude = Some(m.place.latitude);
            r.longitude = Some(m.place.longitude);
            r.country = Some(m.place.country.clone());
            r.admin1 = Some(m.place.admin1.clone());
            r.feature_code = Some(m.place.feature_code.clone());
            out.push(r);
        }
        for m in &self.actors {
            let mut r = self.record(MentionKind::Actor, m.start, m.end);
            r.actor = Some(m.actor.name.clone());
            r.inter = Some(m.actor.inter);
            out.push(r);
        }
        for m in &self.dates {
            let mut r = self.record(MentionKind::Date, m.start, m.end);
            r.value = Some(serde_json::Value::String(m.value.clone()));
            out.push(r);
        }
        for m in &self.counts {
            let mut r = self.record(MentionKind::Count, m.start, m.end);
            r.value = Some(m.value.into());
            r.what = Some(m.what.as_str().to_string());
            out.push(r);
        }
        out.sort_by_key(|r| (r.start, r.end));
        out
    }
}

/// An event before its preconditions are checked: every field optional.
#[derive(Debug, Clone, Default)]
pub struct EventCandidate {
    pub sub_event_type: Option<SubEventType>,
    pub actor1: Option<crate::actor::ActorRef>,
    pub assoc_actor_1: Vec<String>,
    pub actor2: Option<crate::actor::ActorRef>,
    pub assoc_actor_2: Vec<String>,
    pub date: Option<(NaiveDate, TimePrecision)>,
    pub place: Option<(crate::gazetteer::Place, GeoPrecision)>,
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
    pub fn from_candidate(doc: &Document<'_>, c: EventCandidate) -> Result<Event, Rejection> {
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
                    text: doc.clean.text[*s..*e].to_string(),
                    source: src.clone(),
                }
            })
            .collect();
        let notes = evidence.first().map(|e| e.text.clone()).unwrap_or_default();
        let key = format!("{}|{}|{}|{}", doc.article.id, sub.as_str(), event_date, place.geonameid);
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
            geonameid: Some(place.geonameid),
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

/// Keywords per sub-event type, most specific first.
const KEYWORDS: &[(SubEventType, &[&str])] = &[
    (SubEventType::GovernmentRegainsTerritory, &["retook", "recaptured", "regained control", "took back control"]),
    (SubEventType::AirDroneStrike, &["air strike", "airstrike", "drone strike"]),
    (SubEventType::ShellingArtilleryMissileAttack, &["shelled", "shelling", "mortar", "artillery"]),
    (SubEventType::ArmedClash, &["clash", "clashes", "fighting", "attacked"]),
];

/// Events of a document, and the reasons candidates were dropped.
pub fn events(doc: &Document<'_>) -> (Vec<Event>, Vec<Diagnostic>) {
    let mut events = Vec::new();
    let mut notes = Vec::new();
    for s in &doc.sentences {
        let text = s.text(&doc.clean).to_lowercase();
        let Some(sub) = KEYWORDS.iter().find(|(_, kws)| kws.iter().any(|k| text.contains(k))).map(|(t, _)| *t) else {
            continue;
        };
        let within = |a: usize, b: usize| a >= s.start && b <= s.end;
        let actors: Vec<&ActorMention> = doc.actors.iter().filter(|m| within(m.start, m.end)).collect();
        let date = doc
            .dates
            .iter()
            .find(|m| within(m.start, m.end))
            .and_then(|m| m.acled_date())
            .or_else(|| doc.published.map(|p| (p, TimePrecision::Day)));
        let place = doc.places.iter().find(|m| within(m.start, m.end)).map(|m| (m.place.clone(), GeoPrecision::Town));
        let fatalities = doc.counts.iter().filter(|m| within(m.start, m.end)).map(|m| m.value).min();
        let source =
            s.source.as_ref().map(|a| a.source.clone()).or_else(|| doc.article.outlet.clone()).unwrap_or_default();
        let cand = EventCandidate {
            sub_event_type: Some(sub),
            actor1: actors.first().map(|m| m.actor.clone()),
            actor2: actors.iter().find(|m| Some(&m.actor) != actors.first().map(|f| &f.actor)).map(|m| m.actor.clone()),
            date,
            place,
            fatalities,
            sources: if source.is_empty() { vec![] } else { vec![source.clone()] },
            confidence: 0.5,
            evidence: vec![(s.start, s.end, source)],
            ..Default::default()
        };
        match Event::from_candidate(doc, cand) {
            Ok(e) => events.push(e),
            Err(r) => notes.push(Diagnostic {
                article_id: doc.article.id.clone(),
                severity: Severity::Note,
                message: format!("sentence at {} dropped: {r}", doc.clean.char_at(s.start)),
            }),
        }
    }
    (events, notes)
}
