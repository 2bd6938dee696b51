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

pub mod classify;
mod village;

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::Resources;
use crate::actor::{ActorMention, ActorRef};
use crate::clean::{CleanText, clean};
use crate::count::{self, CountMention};
use crate::date::{self, DateMention};
use crate::gazetteer::{Gazetteer, Place, PlaceMention};
use crate::model::*;
use crate::read::content_hash;
use crate::segment::{Sentence, sentences_and_starts};
use classify::{Cue, Parties};

/// One article after clean, segment and recognise.
pub struct Document<'a> {
    pub article: &'a Article,
    pub resources: &'a Resources,
    /// The country most of the article's places are in (ISO alpha-2).
    pub country_code: Option<String>,
    pub clean: CleanText,
    pub sentences: Vec<Sentence>,
    pub published: Option<NaiveDate>,
    pub published_inferred: bool,
    pub places: Vec<PlaceMention<'a>>,
    /// Places named but not where an event of this article can be (see
    /// `plausible`): still toponyms, for the mentions output.
    pub elsewhere: Vec<PlaceMention<'a>>,
    /// Spans of place mentions that do not locate an event: a town outside
    /// the governorate its sentence names, or far from the town it is said
    /// to lie in (the gazetteer had only a namesake elsewhere).
    pub unplaced: Vec<(usize, usize)>,
    pub actors: Vec<ActorMention>,
    pub dates: Vec<DateMention>,
    pub counts: Vec<CountMention>,
    /// The cue and count patterns that may match in each sentence.
    pub rules: Vec<crate::RuleCandidates>,
    /// Where the cue and count patterns' prefixes start (see
    /// [`crate::RuleCandidates::starts`]).
    pub starts: crate::PrefixStarts,
    /// Byte offset in the original text of each character, when cleaning
    /// changed byte lengths (curly quotes to straight ones); else empty.
    original_starts: Vec<u32>,
}

impl<'a> Document<'a> {
    pub fn analyse(article: &'a Article, resources: &'a Resources) -> Document<'a> {
        let clean = clean(&article.text);
        let (sentences, starts) = sentences_and_starts(&clean);
        let scanned = date::Scanned::new(&clean, &sentences);
        let mut dates = scanned.resolve(article.published);
        let (published, published_inferred) = match article.published {
            Some(p) => (Some(p), false),
            None => {
                let p = date::infer_published(&clean, &sentences, &dates).or(article.read_on);
                if p.is_some() {
                    dates = scanned.resolve(p);
                }
                (p, p.is_some())
            }
        };
        let mut places = resources.gazetteer.recognise(&clean, &sentences);
        rehome(&mut places, resources, &clean.text);
        let g = &resources.gazetteer;
        let mut country_code = main_country(places.iter().filter(|m| !dateline(&clean.text, m)), &clean.text, g);
        let mut actors = resources.actors.recognise_at(&clean, &sentences, country_code.as_deref(), published);
        // A country or people named in an actor ("U.S. forces", "Russian
        // warplanes") says whose the actor is, not where the article is: the
        // other places say that, when there are any.
        let inside = |m: &PlaceMention, a: &ActorMention| a.start <= m.start && m.end <= a.end;
        let located = main_country(
            places.iter().filter(|m| {
                !backs(&clean.text, m) && !qualifies(&clean.text, m, &actors) && !actors.iter().any(|a| inside(m, a))
            }),
            &clean.text,
            g,
        )
        .or_else(|| {
            // Only actors' countries named ("regime and Russian forces"): the
            // state forces named without a country ("regime forces") are the
            // article's own.
            let unnamed: Vec<ActorMention> =
                actors.iter().filter(|a| !places.iter().any(|m| inside(m, a))).cloned().collect();
            state_country(&unnamed).filter(|_| !places.is_empty())
        });
        if located.is_some() && located != country_code {
            country_code = located;
            actors = resources.actors.recognise_at(&clean, &sentences, country_code.as_deref(), published);
        }
        // A village the gazetteer placed abroad ("Qusayr" as a town in
        // Algeria) in a note about "regime forces" where no country is named
        // (neither the places' nor the forces'): the state forces say whose
        // country it is, and its name is read there.
        if let Some(home) = state_country(&actors)
            && country_code.as_deref() != Some(home.as_str())
            && !named_country(&places, &home)
            && !country_code.as_deref().is_some_and(|c| named_country(&places, c))
        {
            relocate(&mut places, &home, resources, &clean.text);
            country_code = Some(home);
            actors = resources.actors.recognise_at(&clean, &sentences, country_code.as_deref(), published);
        }
        let countries = Countries::of(&clean.text, &places, g);
        let keep: Vec<bool> =
            places.iter().map(|m| plausible(&clean.text, m, &countries, country_code.as_deref())).collect();
        let (places, elsewhere): (Vec<_>, Vec<_>) = places.into_iter().zip(keep).partition(|(_, k)| *k);
        let mut places: Vec<PlaceMention<'a>> = places.into_iter().map(|(m, _)| m).collect();
        let elsewhere = elsewhere.into_iter().map(|(m, _)| m).collect();
        let areas = actor_areas(&clean.text, &actors);
        let outside = regovern(&mut places, &clean.text, &sentences, &areas, resources);
        let apart = far_from_container(&clean.text, &places);
        let unplaced: Vec<(usize, usize)> = places
            .iter()
            .zip(outside.iter().zip(&apart))
            .filter(|(_, (o, a))| **o || **a)
            .map(|(m, _)| (m.start, m.end))
            .collect();
        let found = village::near_misses(
            &resources.gazetteer,
            &clean.text,
            &sentences,
            &places,
            &actors,
            country_code.as_deref(),
            &areas,
        );
        if !found.is_empty() {
            places.extend(found);
            places.sort_by_key(|m| m.start);
        }
        let rules = crate::rule_candidates(&sentences);
        let counts = count::recognise_among(&clean, &sentences, &rules, &starts);
        // Normalisation only shrinks characters, so equal lengths mean equal offsets.
        let original_starts = if article.text.len() == clean.text.len() {
            Vec::new()
        } else {
            article.text.char_indices().map(|(b, _)| b as u32).chain([article.text.len() as u32]).collect()
        };
        Document {
            original_starts,
            article,
            resources,
            country_code,
            clean,
            sentences,
            published,
            published_inferred,
            places,
            elsewhere,
            unplaced,
            actors,
            dates,
            counts,
            starts,
            rules,
        }
    }

    /// Character span (into the original text) of a byte span of the clean text.
    pub fn chars(&self, start: usize, end: usize) -> (usize, usize) {
        (self.clean.char_at(start), self.clean.char_at(end))
    }

    /// The text as given for a byte span of the clean text: what
    /// `text[start:end]` in character offsets shows.
    pub fn original(&self, start: usize, end: usize) -> &'a str {
        if self.original_starts.is_empty() {
            return &self.article.text[start..end];
        }
        let (s, e) = self.chars(start, end);
        &self.article.text[self.original_starts[s] as usize..self.original_starts[e] as usize]
    }

    /// Every mention, for the mentions output, in text order (ties: places,
    /// then actors, dates, counts): its character span, its byte span in the
    /// clean text and what it is. The small sort keys are ordered first, so
    /// each line or record is made once, in its place.
    fn mention_order(&self) -> Vec<Ordered> {
        let lists = [
            self.places.iter().map(|m| (m.start, m.end)).enumerate().map(|(i, s)| (s, Of::Place(i))).collect(),
            self.elsewhere.iter().map(|m| (m.start, m.end)).enumerate().map(|(i, s)| (s, Of::Elsewhere(i))).collect(),
            self.actors.iter().map(|m| (m.start, m.end)).enumerate().map(|(i, s)| (s, Of::Actor(i))).collect(),
            self.dates.iter().map(|m| (m.start, m.end)).enumerate().map(|(i, s)| (s, Of::Date(i))).collect(),
            self.counts.iter().map(|m| (m.start, m.end)).enumerate().map(|(i, s)| (s, Of::Count(i))).collect(),
        ]
        .map(|spans: Vec<((usize, usize), Of)>| {
            spans.into_iter().map(|(bytes, of)| Ordered { chars: self.chars(bytes.0, bytes.1), bytes, of }).collect()
        });
        merge_stable(lists)
    }

    /// Appends every mention as a line of the mentions JSONL, the bytes
    /// [`write_json_lines`] writes for [`Document::into_mention_records`]
    /// (a test compares), with no record made; returns the number of lines.
    pub fn write_mention_lines(&self, out: &mut Vec<u8>) -> usize {
        let order = self.mention_order();
        // More than a line takes on average (~160 bytes; a place's ~200), so
        // the buffer seldom grows: growing copies all the lines written.
        out.reserve(order.len() * 224);
        let mut w = MentionLines::new(&self.article.id);
        for Ordered { chars: (s, e), bytes: (start, end), of } in order {
            let text = self.original(start, end);
            match of {
                Of::Place(i) => w.place(out, s, e, text, self.places[i].place),
                Of::Elsewhere(i) => w.place(out, s, e, text, self.elsewhere[i].place),
                Of::Actor(i) => {
                    let actor = &self.actors[i].actor;
                    w.actor(out, s, e, text, &actor.name, actor.inter);
                }
                Of::Date(i) => w.date(out, s, e, text, &self.dates[i].value),
                Of::Count(i) => {
                    let m = &self.counts[i];
                    w.count(out, s, e, text, u64::from(m.value), m.what.as_str());
                }
            }
        }
        w.lines
    }

    /// Every mention as a record, in the order of [`Document::write_mention_lines`].
    /// Strings borrow from the article and the gazetteer, or move out of
    /// the document, so nothing is copied.
    pub fn into_mention_records(mut self) -> Vec<MentionRecord<'a>> {
        let order = self.mention_order();
        let id: &'a str = &self.article.id;
        let mut out = Vec::with_capacity(order.len());
        for Ordered { chars: (s, e), bytes: (start, end), of } in order {
            let mut r = MentionRecord {
                article_id: Cow::Borrowed(id),
                start: s,
                end: e,
                text: Cow::Borrowed(self.original(start, end)),
                ..Default::default()
            };
            match of {
                Of::Place(i) | Of::Elsewhere(i) => {
                    let place = if matches!(of, Of::Place(_)) { self.places[i].place } else { self.elsewhere[i].place };
                    r.kind = Some(MentionKind::Place);
                    r.name = Some(Cow::Borrowed(&place.name));
                    r.geonameid = Some(place.geonameid);
                    r.latitude = Some(place.latitude);
                    r.longitude = Some(place.longitude);
                    r.country = Some(Cow::Borrowed(&place.country));
                    r.admin1 = Some(Cow::Borrowed(&place.admin1));
                    r.feature_code = Some(Cow::Borrowed(&place.feature_code));
                }
                Of::Actor(i) => {
                    let actor = &mut self.actors[i].actor;
                    r.kind = Some(MentionKind::Actor);
                    r.actor = Some(Cow::Owned(std::mem::take(&mut actor.name)));
                    r.inter = Some(actor.inter);
                }
                Of::Date(i) => {
                    r.kind = Some(MentionKind::Date);
                    r.value = Some(serde_json::Value::String(std::mem::take(&mut self.dates[i].value)));
                }
                Of::Count(i) => {
                    let m = &self.counts[i];
                    r.kind = Some(MentionKind::Count);
                    r.value = Some(m.value.into());
                    r.what = Some(Cow::Borrowed(m.what.as_str()));
                }
            }
            out.push(r);
        }
        out
    }
}

/// The lists' mentions in the order of their character spans, ties in
/// the order of the lists, then of each list: what a stable sort of the
/// lists joined gives. Each list is in text order already (a check), so
/// they are merged, with a sort only for one that is not.
fn merge_stable(mut lists: [Vec<Ordered>; 5]) -> Vec<Ordered> {
    for list in &mut lists {
        if !list.is_sorted_by_key(|o| o.chars) {
            list.sort_by_key(|o| o.chars);
        }
    }
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut heads = [0; 5];
    loop {
        // The first list whose next mention has the smallest span.
        let mut best: Option<(usize, (usize, usize))> = None;
        for (k, list) in lists.iter().enumerate() {
            if let Some(o) = list.get(heads[k])
                && best.is_none_or(|(_, chars)| o.chars < chars)
            {
                best = Some((k, o.chars));
            }
        }
        let Some((k, _)) = best else { break };
        out.push(lists[k][heads[k]]);
        heads[k] += 1;
    }
    out
}

/// A mention in the output order: its character span, its byte span in
/// the clean text, and where it is.
#[derive(Clone, Copy)]
struct Ordered {
    chars: (usize, usize),
    bytes: (usize, usize),
    of: Of,
}

/// Which mention list of a [`Document`] a mention is in, and where.
#[derive(Clone, Copy)]
enum Of {
    Place(usize),
    Elsewhere(usize),
    Actor(usize),
    Date(usize),
    Count(usize),
}

/// Whether a mention names a country backing a party ("Turkey backed
/// factions", "US-led coalition"): no place of the event.
fn backs(text: &str, m: &PlaceMention) -> bool {
    let after = text[m.end..].trim_start();
    ["backed", "-backed", "-led"].iter().any(|w| starts_with_ignoring_case(after, w))
}

/// Whether a mention names a country qualifying the actor named right after
/// it ("US Coalition airstrikes", "UK Coalition air forces"): it says whose
/// the actor is, not where anything happens.
fn qualifies(text: &str, m: &PlaceMention, actors: &[ActorMention]) -> bool {
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
fn main_country<'a, I>(places: I, text: &str, g: &Gazetteer) -> Option<String>
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
fn state_country(actors: &[ActorMention]) -> Option<String> {
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
fn named_country(places: &[PlaceMention], cc: &str) -> bool {
    places.iter().any(|m| m.place.country_code == cc && (m.demonym || m.place.feature_code.starts_with("PCL")))
}

/// Namesakes of an added gazetteer's village farther apart than this make
/// its name ambiguous.
const NAMESAKE_KM: f64 = 25.0;

/// Reads a small place the gazetteer put in a country nothing else in the
/// text is in ("Karama" as Calama, Chile, in a note about Ar Raqqa; "the
/// village of Alia" as Alía, Spain, beside "Syrian forces"; "Afrin" twice as
/// Ifrane, Morocco) as the one place of that name the added gazetteers hold
/// in a country the text does name, or in any country when the text does
/// not name the place's own: the user added those places because the
/// articles are about them. Without added gazetteers nothing changes.
fn rehome<'a>(places: &mut [PlaceMention<'a>], resources: &'a Resources, text: &str) {
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
        if let Some(first) = single(&cands).or_else(|| single(&named)) {
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
fn relocate<'a>(places: &mut [PlaceMention<'a>], home: &str, resources: &'a Resources, text: &str) {
    let named: Vec<String> = places
        .iter()
        .filter(|m| m.demonym || m.place.feature_code.starts_with("PCL"))
        .map(|m| m.place.country_code.clone())
        .collect();
    for m in places.iter_mut() {
        if m.demonym || m.place.country_code == home || named.contains(&m.place.country_code) {
            continue;
        }
        let found = resources.gazetteer.lookup(&text[m.start..m.end]).into_iter().find(|(p, _)| p.country_code == home);
        if let Some((p, _)) = found {
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
struct Countries {
    /// The country most places (not peoples: "Russian forces") are in.
    main_place: Option<String>,
    /// The countries named as countries or peoples.
    named: Vec<String>,
}

impl Countries {
    fn of(text: &str, places: &[PlaceMention], g: &Gazetteer) -> Countries {
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

/// Whether a place is a dateline ("BEIRUT —" opening a line): where the
/// reporter filed from, not where anything happened.
fn dateline(text: &str, m: &PlaceMention) -> bool {
    // Called for every place mention: the cheap tests first, and only the
    // blanks before the name are read back, never the whole line.
    let name = &text[m.start..m.end];
    let after = text[m.end..].trim_start_matches([' ', ',']);
    let before = text[..m.start].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    after.starts_with(['—', '–', '-', '(', ':'])
        && name.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
        && (before.is_empty() || before.ends_with('\n'))
}

fn plausible(text: &str, m: &PlaceMention, countries: &Countries, main: Option<&str>) -> bool {
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

/// Words after a governorate's seat that make it stand for the governorate.
const GOVERNORATE_AFTER: &[&str] =
    &["countryside", "province", "governorate", "western", "eastern", "northern", "southern"];

/// Words before a governorate's seat that make it stand for the governorate.
const GOVERNORATE_BEFORE: &[&str] = &["rural", "countryside of", "province of", "governorate of"];

/// Whether a place is named as a governorate rather than a town: "Hama
/// countryside", "Idleb province", "rural Homs", "the countryside of Aleppo".
fn said_governorate(text: &str, m: &PlaceMention) -> bool {
    let after = text[m.end..].trim_start();
    let before = text[..m.start].trim_end();
    GOVERNORATE_AFTER.iter().any(|w| starts_with_ignoring_case(after, w))
        || GOVERNORATE_BEFORE.iter().any(|w| ends_with_ignoring_case(before, w))
}

/// Whether a mention stands for a governorate rather than a place in it:
/// its seat named as the governorate ("Hama countryside", "rural Homs"), or
/// a named countryside area ("Idleb countryside").
fn governorate_said(text: &str, m: &PlaceMention) -> bool {
    let code = m.place.feature_code.as_str();
    let seat = matches!(code, "PPLA" | "PPLC") && said_governorate(text, m);
    let area = code == "AREA" && GOVERNORATE_AFTER.iter().any(|w| ends_with_ignoring_case(&text[m.start..m.end], w));
    !m.demonym && (seat || area)
}

/// Whether `s` begins with the lowercase ASCII word `w`, in any case (no
/// copy of the rest of the text, which is long).
fn starts_with_ignoring_case(s: &str, w: &str) -> bool {
    s.len() >= w.len() && s.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
}

/// Whether `s` ends with the lowercase ASCII word `w`, in any case.
fn ends_with_ignoring_case(s: &str, w: &str) -> bool {
    s.len() >= w.len() && s.as_bytes()[s.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
}

/// The governorates a sentence names, as (country, admin1): divisions, and
/// their seats as "Y countryside", "Y province", "rural Y", or as the
/// container of a town ("X in Y", "X, Y", "X desert in Y").
fn governorates(text: &str, places: &[PlaceMention], with_compass: bool) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, m) in places.iter().enumerate() {
        let contains = i > 0 && {
            let p = &places[i - 1];
            !p.demonym && p.end <= m.start && {
                let between = &text[p.end..m.start];
                crate::gazetteer::container_link(between) || held_in(between)
            }
        };
        // A seat holding the place before it, or closing the sentence's
        // places after "in" or "of" ("X village ... in Idleb"), or
        // a governorate named as such ("Hama countryside", "rural Homs", a
        // named "Idleb countryside").
        let closing =
            i > 0 && i + 1 == places.len() && m.place.feature_code == "PPLA" && bare_seat(text, m, with_compass);
        let seat = matches!(m.place.feature_code.as_str(), "PPLA" | "PPLC") && (contains || closing);
        // A named part of one governorate holding the place before it ("X
        // village in Jabal al-Akrad", "Y in Eastern Ghouta"): an area of
        // areas.tsv's geo precision 2 (AREA); one of precision 3 is a large
        // region (RGN: the Badia spans several governorates), which holds
        // nothing.
        let area = contains && m.place.feature_code == "AREA";
        if (m.place.feature_code == "ADM1" || seat || area || governorate_said(text, m)) && !m.place.admin1.is_empty() {
            let g = (m.place.country_code.clone(), m.place.admin1.clone());
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
const HELD_WORDS: &[&str] = &[
    "in",
    "the",
    "of",
    "desert",
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
    "farm",
    "farms",
    "plain",
    "mountains",
    "hills",
    "valley",
    "bridge",
    "road",
    "camp",
    "field",
    "fields",
    "dam",
    "district",
    "subdistrict",
    "northern",
    "southern",
    "eastern",
    "western",
];

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
fn regovern<'a>(
    places: &mut [PlaceMention<'a>],
    text: &str,
    sentences: &[Sentence],
    areas: &[(String, String)],
    resources: &'a Resources,
) -> Vec<bool> {
    let g = &resources.gazetteer;
    reseat(places, text, resources);
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
        let range: Vec<usize> = (first..to).collect();
        let govs = governorates(text, &places[first..to], true);
        if govs.is_empty() {
            fought_in(places, first..to, text, areas, g);
            continue;
        }
        // A seat a direction away closing the sentence ("X, west of
        // Ar-Raqqa") only chooses between namesakes: a town the gazetteer
        // knows once stays where it is.
        let closing_only = governorates(text, &places[first..=range[range.len() - 1]], false).is_empty();
        let inside = |p: &Place| govs.iter().any(|(c, a)| *c == p.country_code && *a == p.admin1);
        for i in range {
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
fn actor_areas(text: &str, actors: &[ActorMention]) -> Vec<(String, String)> {
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
fn village_like(m: &PlaceMention) -> bool {
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
fn far_from_container(text: &str, places: &[PlaceMention]) -> Vec<bool> {
    let town = |m: &PlaceMention| m.place.feature_code.starts_with("PPL") && !m.demonym;
    places
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let Some(n) = places.get(i + 1) else { return false };
            let between = &text[m.end..n.start];
            let linked = (crate::gazetteer::container_link(between) || near_link(between) || held_in(between))
                && !between.contains([',', '.', ';']);
            linked
                && town(m)
                && town(n)
                && m.place.feature_code != "PPLC"
                && crate::gazetteer::km(m.place, n.place) > IN_TOWN_KM
                && !stands_for_governorate(text, m, n)
        })
        .collect()
}

/// Words that say a place lies near another ("Y village near X town", "Y
/// east of X", "on the outskirts of X"), with [`NEAR_WORDS`] among them.
const NEAR_LINK_WORDS: &[&str] = &[
    "of",
    "the",
    "on",
    "in",
    "town",
    "village",
    "city",
    "area",
    "a",
    "few",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "bridge",
    "farm",
    "farms",
    "road",
    "camp",
    "desert",
    "badia",
    "field",
    "dam",
];

/// Words that make a link between two places one of nearness (with the
/// compass points).
const NEAR_WORDS: &[&str] = &["near", "outskirts", "vicinity"];

/// Whether the words between two places say the first lies near the
/// second: "near", "east of", "on the outskirts of", with place nouns.
fn near_link(between: &str) -> bool {
    let mut near = false;
    let mut words = 0;
    for w in between.split_whitespace() {
        let is = |l: &&str| l.eq_ignore_ascii_case(w);
        if NEAR_WORDS.iter().chain(crate::gazetteer::COMPASS_POINTS).any(is) {
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

/// Words after a name that make it a facility's or a people's name ("Fatima
/// mosque", "Tell Abiad road", "Al Mashura tribe", "Al Bakeer tribal
/// militants", "Hamsho company"): that is not the place it is named after.
const FACILITY_AFTER: &[&str] = &[
    "road",
    "street",
    "roundabout",
    "mosque",
    "school",
    "cemetery",
    "hospital",
    "prison",
    "square",
    "checkpoint",
    "junction",
    "tribe",
    "tribes",
    "tribal",
    "tribesmen",
    "clan",
    "clans",
    "bedouins",
    "company",
];

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

/// Clause breaks inside a sentence: two events in one sentence ("X declare
/// victory in A, while Y wrest control of B") each keep their own parties.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?:;|,\s+(?:while|whereas|but|leaving|as|after which|and then)\s|\s+while\s|\s+whereas\s|\s[-–—]\s)",
    )
});

/// Wording that makes a sentence background rather than news.
static BACKGROUND: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:since (?:\d{4}|the (?:start|beginning)|then)|has since|have since|for years|years ago|in recent (?:weeks|months|years)|over the (?:past|last) (?:weeks|months|years)|this year|last year|earlier this year|de facto capitals?|once held|used to|(?:has|have|had) been \w+ing\b[^.]*\bsince)\b",
    )
});

/// Nouns for armed people and civilians, for who is acted on.
static ARMED_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:soldiers?|troops|fighters?|militants?|members?|gunmen|officers?|policem[ae]n|police|guards?|commanders?|elements|personnel|forces|militiam[ae]n|militias?|rebels?|jihadists?|insurgents?|checkpoints?|positions?|patrols?|convoys?|posts?|bases?|recruits|conscripts|generals?|army|cell)\b",
    )
});
static CIVILIAN_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:civilians?|people|persons?|man|men|wom[ae]n|child(?:ren)?|boys?|girls?|residents?|villagers?|farmers?|herders?|shepherds?|fishermen|traders?|merchants?|shopkeepers?|vendors?|pilgrims?|workers?|journalists?|teachers?|students?|doctors?|nurses?|famil(?:y|ies)|displaced|refugees?|worshippers?|protesters?|demonstrators?|passengers?|drivers?|citizens?|market|school|hospital|homes?|houses?|mosque|church|camp)\b",
    )
});
/// State forces named without a dictionary entry ("the army", "regime forces").
static STATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:regime|government|pro-government|loyalist|(?:syrian|iraqi|national|state|armed) (?:army|forces|military)|the army|the military|security forces|tiger forces|police)\b",
    )
});
/// Words right before an actor that make it a helper of someone named
/// with it: "supported by", "backed by", "with the support of".
static SUPPORTING: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:supported|backed|aided|assisted|support|cover)\b(?:\s+(?:by|of|from|the|its|their|heavy|intensive))*\s*$",
    )
});
static PASSIVE_BY: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"^\s*(?:[a-z]+ ){0,3}?by\b"));

/// Who a clause's violence falls on, as (armed, civilian): the first noun
/// after the cue decides ("shot a QSD member near the bakery" hits a
/// fighter); with none after it, the last one before ("the bodies of two
/// fighters who had been shot dead").
fn target(clause: &str, cue_start: usize, cue_end: usize) -> (bool, bool) {
    let after = &clause[cue_end..];
    let first = |re: &Regex| re.find(after).map(|m| m.start());
    match (first(&ARMED_NOUN), first(&CIVILIAN_NOUN)) {
        (Some(a), Some(c)) => return (a < c, c < a),
        (Some(_), None) => return (true, false),
        (None, Some(_)) => return (false, true),
        (None, None) => {}
    }
    let before = &clause[..cue_start];
    let last = |re: &Regex| re.find_iter(before).last().map(|m| m.start());
    match (last(&ARMED_NOUN), last(&CIVILIAN_NOUN)) {
        (Some(a), Some(c)) => (a > c, c > a),
        (a, c) => (a.is_some(), c.is_some()),
    }
}

/// One clause's candidate, with what aggregation needs.
#[derive(Debug, Clone)]
struct Draft {
    cand: EventCandidate,
    sentence: usize,
    /// Byte position of the deciding cue.
    at: usize,
    /// The place is a country or first-order region, not the event's own town.
    coarse: bool,
    /// Byte range of the place's mention, for its share of a shared total.
    place_span: Option<(usize, usize)>,
    /// Counts that bear on the event: (sentence index, count index).
    counts: Vec<(usize, usize)>,
    /// Named (not fallback) actors.
    named: Vec<String>,
    /// Neither a place nor a date of its own: the clause tells more of an
    /// event named before it ("Two soldiers were killed.").
    dependent: bool,
    /// A later clause of its sentence with neither place nor date of its own.
    bare_clause: bool,
}

/// Events of a document, and the reasons candidates were dropped.
pub fn events(doc: &Document<'_>) -> (Vec<Event>, Vec<Diagnostic>) {
    let mut notes = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let lead = doc.sentences.iter().position(|s| s.end - s.start > 40).unwrap_or(0);
    let locating = locating(doc);
    for (i, s) in doc.sentences.iter().enumerate() {
        let rules = doc.rules[i];
        if rules.cues == 0 {
            continue;
        }
        let text = s.text(&doc.clean);
        let starts = rules.starts.map(|(a, b)| &doc.starts[a as usize..b as usize]);
        let mut found = classify::cues_among(text, s.start, rules, starts);
        found.retain(|f| !in_name(doc, f));
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
        for (cs, ce) in clauses(&doc.clean.text, s.start, s.end) {
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
    let drafts = aggregate(drafts);
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

/// The event's share of a `total` that its sentence or a later one of its
/// paragraph shares among several events ("fatalities coded to 9 in all,
/// split across the events"), unless a closing figure after that sentence
/// restates the event's own.
/// `counts` are the event's (sentence, count) pairs, `place` its place's mention.
fn shared(
    doc: &Document<'_>,
    sentence: usize,
    counts: &[(usize, usize)],
    place: Option<(usize, usize)>,
    total: u32,
) -> u32 {
    let paragraph = doc.sentences[sentence].paragraph;
    let place = place.map(|(s, e)| &doc.clean.text[s..e]);
    let last_summary = counts.iter().filter(|&&(_, c)| doc.counts[c].summary).map(|&(s, _)| s).max();
    (sentence..doc.sentences.len())
        .take_while(|&i| doc.sentences[i].paragraph == paragraph)
        .filter(|&i| doc.rules[i].counts & count::SHARE_BIT != 0 && last_summary.is_none_or(|s| s <= i))
        .find_map(|i| count::share(doc.sentences[i].text(&doc.clean), total, place))
        .unwrap_or(total)
}

/// Whether a cue is a word of a name, not a report: inside an actor's name
/// ("National Liberation Front", "Liberation Army of Afrin"), or a
/// capitalised noun before another capitalised word ("Liberation Brigade").
fn in_name(doc: &Document<'_>, f: &classify::Found) -> bool {
    // A crowd named by what it does ("protesters", "rioters") is the event's own word.
    if matches!(f.cue, Cue::Protest | Cue::Riot | Cue::Mob) {
        return false;
    }
    if doc.actors.iter().any(|m| m.start <= f.start && f.end <= m.end) {
        return true;
    }
    let word = &doc.clean.text[f.start..f.end];
    let next = doc.clean.text[f.end..].trim_start_matches([' ', '-']);
    !word.contains(' ')
        && word.ends_with("ion")
        && word.starts_with(|c: char| c.is_uppercase())
        && f.start > 0
        && !doc.clean.text[..f.start].trim_end().ends_with(['.', '!', '?'])
        && next.starts_with(|c: char| c.is_uppercase())
}

fn note(doc: &Document<'_>, at: usize, why: &str) -> Diagnostic {
    Diagnostic {
        article_id: doc.article.id.clone(),
        severity: Severity::Note,
        message: format!("candidate at character {} dropped: {why}", doc.clean.char_at(at)),
    }
}

fn within(s: usize, e: usize, a: usize, b: usize) -> bool {
    s >= a && e <= b
}

fn is_armed(inter: Inter) -> bool {
    matches!(
        inter,
        Inter::StateForces
            | Inter::RebelGroup
            | Inter::PoliticalMilitia
            | Inter::IdentityMilitia
            | Inter::ExternalOtherForces
    )
}

/// A year before the publication year written in the sentence ("in 2014"),
/// with no day-precise date beside it: history.
fn old_year(text: &str, published: Option<NaiveDate>) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        crate::rule_regex(r"\b(?:in|since|during|by|of|until) (?:early |late |mid-)?((?:19|20)\d\d)\b")
    });
    let Some(p) = published else { return false };
    // Every such year starts with a 1 or a 2: most sentences have neither.
    if memchr::memchr2(b'1', b'2', text.as_bytes()).is_none() {
        return false;
    }
    YEAR.captures_iter(text).any(|c| c[1].parse::<i32>().is_ok_and(|y| y < chrono::Datelike::year(&p)))
}

/// Words that make a clause tell an event apart from the one before it:
/// "in a separate attack", "elsewhere", "meanwhile", "in another raid".
static ANOTHER_EPISODE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:separate|separately|elsewhere|meanwhile|in another)\b"));

/// Compiles this module's rule regexes now, not in the first article that
/// needs them ([`crate::COMPILE_RULES`]).
pub(crate) fn compile_rules() {
    for regex in [
        &CLAUSE_BREAK,
        &BACKGROUND,
        &ARMED_NOUN,
        &CIVILIAN_NOUN,
        &STATE_WORDS,
        &SUPPORTING,
        &PASSIVE_BY,
        &ANOTHER_EPISODE,
    ] {
        LazyLock::force(regex);
    }
}

/// Whether the clause `cs..ce` names neither a place nor a date of its own.
fn bare(doc: &Document<'_>, (cs, ce): (usize, usize)) -> bool {
    !doc.places.iter().any(|m| within(m.start, m.end, cs, ce))
        && !doc.dates.iter().any(|m| within(m.start, m.end, cs, ce))
}

/// Byte ranges of the clauses of a sentence.
fn clauses(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = s;
    for m in CLAUSE_BREAK.find_iter(&text[s..e]) {
        let cut = s + m.start();
        if cut > start {
            out.push((start, cut));
        }
        start = s + m.end();
    }
    if start < e {
        out.push((start, e));
    }
    out
}

/// The candidate of one clause with cues, or `None` when they make no event.
fn draft<'d>(
    doc: &'d Document<'_>,
    locating: &[&'d PlaceMention<'d>],
    index: usize,
    (cs, ce): (usize, usize),
    found: &[classify::Found],
    lead: bool,
) -> Option<Draft> {
    let text = &doc.clean.text;
    let sentence = &doc.sentences[index];
    let cue_kinds: Vec<Cue> = found.iter().map(|f| f.cue).collect();
    // The deciding cue: a territorial one when there is one, else the first.
    let key = found
        .iter()
        .find(|f| matches!(f.cue, Cue::Capture | Cue::Regain))
        .or_else(|| found.iter().find(|f| f.cue == Cue::Protest))
        .unwrap_or(&found[0]);
    let mut actors: Vec<&ActorMention> = doc.actors.iter().filter(|m| within(m.start, m.end, cs, ce)).collect();
    if actors.is_empty() {
        actors = doc.actors.iter().filter(|m| within(m.start, m.end, sentence.start, sentence.end)).collect();
    }
    let passive = PASSIVE_BY.is_match(&text[key.end..ce.max(key.end)]);
    let by_at = if passive { text[key.end..ce].find(" by ").map(|i| key.end + i) } else { None };
    // The acting side: after "by" in a passive, else the first actor named before the cue, else the first.
    let subject = match by_at {
        Some(b) => actors.iter().find(|m| m.start > b && m.actor.inter != Inter::Civilians),
        None => {
            // "Following clashes with X, regime forces took control": after an
            // opening phrase, the actor after its comma takes the place
            // ("While IS made advances, regime forces regained the town").
            static OPENER: LazyLock<Regex> = LazyLock::new(|| {
                crate::rule_regex(r"^\W*(?i:following|after|amid|amidst|despite|during|while|under|backed|supported)\b")
            });
            let head = &text[cs..key.start];
            let territorial = matches!(key.cue, Cue::Capture | Cue::Regain);
            let comma = match head.rfind(',') {
                Some(i) if territorial && OPENER.is_match(head) => cs + i,
                _ => cs,
            };
            let acting = |m: &&&ActorMention| m.start < key.start && m.actor.inter != Inter::Civilians;
            actors.iter().filter(acting).find(|m| m.start >= comma).or_else(|| actors.iter().find(acting))
        }
    }
    .or_else(|| {
        // Who takes a place is named before the verb; after it comes the loser.
        let territorial = matches!(key.cue, Cue::Capture | Cue::Regain);
        actors.iter().find(|m| m.actor.inter != Inter::Civilians && !territorial)
    })
    .copied();
    let respecify = |m: &ActorMention, cc: Option<&str>| {
        let mut m = m.clone();
        if let Some(a) = doc.resources.actors.resolve(m.entry, cc, doc.published) {
            m.actor = a;
        }
        m
    };
    // Allies named with the subject ("regime forces and allied militias",
    // "the SDF, backed by Coalition warplanes") are not the other party.
    let mut allied = vec![false; actors.len()];
    if let Some(p) = subject.and_then(|s| actors.iter().position(|m| std::ptr::eq(*m, s))) {
        for i in p + 1..actors.len() {
            if !actors[i].joins_previous {
                break;
            }
            allied[i] = true;
        }
    }
    // The other party: named after the cue when it is ("clashed with X"), else anywhere.
    let candidate = |&(i, m): &(usize, &&ActorMention)| {
        !allied[i] && subject.is_none_or(|s| s.actor.name != m.actor.name) && m.actor.inter != Inter::Civilians
    };
    // A side's helpers are not its enemy: pro-government militias beside
    // state forces, and forces said to back someone ("supported by Russian
    // warplanes"), are the other party only when nobody else is named.
    let state_subject = subject.is_some_and(|s| s.actor.inter == Inter::StateForces);
    let helper = |m: &ActorMention| {
        let mut from = m.start.saturating_sub(40);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        (state_subject && m.actor.name.starts_with("Militia (Pro-Government)"))
            || SUPPORTING.is_match(&text[from..m.start])
    };
    let pick = |skip_helpers: bool| {
        let eligible = |c: &(usize, &&ActorMention)| candidate(c) && !(skip_helpers && helper(c.1));
        actors
            .iter()
            .enumerate()
            .filter(eligible)
            .find(|(_, m)| m.start >= key.end)
            .or_else(|| actors.iter().enumerate().find(eligible))
            .map(|(_, m)| *m)
    };
    let other = pick(true).or_else(|| pick(false));
    let civilians = actors.iter().find(|m| m.actor.inter == Inter::Civilians).copied();
    let found_place = place_of(doc, locating, index, (cs, ce), key.start);
    if subject.is_none()
        && quoted(&text[sentence.start..key.start])
        && found_place.is_none_or(|(m, _)| m.end <= sentence.start)
    {
        // A speaker's own account ("our forces managed to retake the
        // crossing") with neither who nor where of its own retells the news.
        return None;
    }
    // A place named only before the sentence ("1 soldier was killed." after
    // the clash at a village) is borrowed: the clause reports more of an
    // event told there, not one of its own.
    let borrowed = found_place.is_none_or(|(m, _)| !within(m.start, m.end, sentence.start, sentence.end));
    // A later clause of the sentence with neither place nor date of its own
    // tells more of the clause before ("jets bombed the market in X on
    // Monday; an official said 12 people were killed").
    let bare_clause = cs > sentence.start && bare(doc, (cs, ce)) && !ANOTHER_EPISODE.is_match(&text[cs..ce]);
    let place = found_place
        .map(|(m, p)| countryside_side(&doc.clean.text, m, p))
        .or_else(|| country_place(doc, sentence, &actors).map(|p| (p, GeoPrecision::Region)));
    let country_code = place.as_ref().map(|p| p.0.country_code.clone());
    let cc = country_code.as_deref().or(doc.country_code.as_deref());
    // Name the parties for the event's country ("Islamic State (Iraq)" at Al Qaim).
    let subject_r = subject.map(|m| respecify(m, cc));
    let other_r = other.map(|m| respecify(m, cc));
    let civilians_r = civilians.map(|m| respecify(m, cc));
    let subject = subject_r.as_ref();
    // Without a place of its own the event's country is the parties' own:
    // state forces fighting a group of another country there are abroad
    // ("Turkish forces captured the village from the QSD").
    let against_foreign_group = |a: &str| {
        found_place.is_none()
            && other_r.as_ref().is_some_and(|o| {
                matches!(o.actor.inter, Inter::RebelGroup | Inter::PoliticalMilitia | Inter::IdentityMilitia)
                    && o.actor.country_code.as_deref().is_some_and(|c| c != a)
            })
    };
    let home_state = |m: &ActorMention| {
        // "Regime forces", "government troops": the state where they fight,
        // wherever the gazetteer puts the village (which names them foreign there).
        (matches!(m.actor.inter, Inter::StateForces | Inter::ExternalOtherForces)
            && names_government(&text[m.start..m.end]))
            || m.actor.inter == Inter::StateForces
                && (match (&m.actor.country_code, &country_code) {
                    // Abroad where the article names the other country, or
                    // where the forces are not of the article's own country
                    // ("Turkish forces captured the village" in a note on
                    // Syria): a village the gazetteer misplaces abroad does
                    // not make the home army foreign.
                    (Some(a), Some(b)) => {
                        a == b
                            || (doc.country_code.as_ref().is_none_or(|c| c == a)
                                && !doc.places.iter().any(|p| {
                                    &p.place.country_code == b && (p.demonym || p.place.feature_code.starts_with("PCL"))
                                }))
                    }
                    _ => true,
                } && m.actor.country_code.as_deref().is_none_or(|a| !against_foreign_group(a)))
    };
    // "Clashes took place between regime forces and the factions, where the
    // factions took control of the town": who takes the place is named after
    // "where", not first in the clause.
    static RELATIVE: LazyLock<Regex> =
        LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:where|whereby|in which|during which)\s"));
    let territorial = matches!(key.cue, Cue::Capture | Cue::Regain);
    let relative = if territorial && by_at.is_none() {
        RELATIVE.find_iter(&text[cs..key.start]).last().map(|m| cs + m.end())
    } else {
        None
    };
    let subject_state = match (relative, subject) {
        (Some(r), _) => match actors.iter().find(|m| m.start >= r && m.actor.inter != Inter::Civilians) {
            Some(m) if m.start < key.start => Some(home_state(&respecify(m, cc))),
            // Nobody named there: the state's words, or a pronoun for the
            // clause's subject ("regime forces advanced on Hama, where they
            // captured the hill").
            _ => {
                let there = &text[r..key.start];
                let refers_back =
                    ["they ", "it ", "its ", "their ", "he "].iter().any(|w| starts_with_ignoring_case(there, w));
                STATE_WORDS.is_match(there).then_some(true).or_else(|| subject.filter(|_| refers_back).map(home_state))
            }
        },
        (None, Some(m)) => Some(home_state(m)),
        (None, None) => {
            let side = match by_at {
                Some(b) => &text[b..ce],
                None => &text[cs..key.start],
            };
            STATE_WORDS.is_match(side).then_some(true)
        }
    };
    let (target_armed, target_civilian) = target(&text[cs..ce], key.start - cs, key.end - cs);
    let parties = Parties {
        subject_state,
        target_armed: target_armed
            || actors.iter().any(|m| {
                m.start >= key.end
                    && m.start < key.end + 60
                    && is_armed(m.actor.inter)
                    && subject.is_none_or(|s| s.actor.name != m.actor.name)
            }),
        target_civilian: target_civilian && !target_armed,
        two_armed: subject.is_some_and(|s| is_armed(s.actor.inter))
            && other_r.as_ref().is_some_and(|o| is_armed(o.actor.inter)),
    };
    let sub = classify::decide(&cue_kinds, parties)?;
    let date = date::event_date(&doc.dates, &doc.clean, &doc.sentences, index, key.start, doc.published)?;
    // Not in the future; older than a month only when the day is given
    // ("in the July 25 attack"), else it is background ("in early September").
    if let Some(p) = doc.published {
        let days = (date.0 - p).num_days();
        if days > 1 || (days < -31 && date.1 != TimePrecision::Day) {
            return None;
        }
    }
    let country = place
        .as_ref()
        .map(|(p, ..)| p.country.clone())
        .or_else(|| doc.places.iter().find(|p| !p.demonym).map(|p| p.place.country.clone()))
        .unwrap_or_default();
    let named = |n: &str| if country.is_empty() { n.to_string() } else { format!("{n} ({country})") };
    let generic = |name: String, inter: Inter| ActorRef { name, inter, country_code: country_code.clone() };
    let (actor1, actor2) =
        roles(sub, subject_r.as_ref(), other_r.as_ref(), civilians_r.as_ref(), parties, &named, &generic);
    let assoc: Vec<String> = actors
        .iter()
        .filter(|m| m.start < key.start && is_armed(m.actor.inter))
        .map(|m| m.actor.name.clone())
        .filter(|n| Some(n) != actor1.as_ref().map(|a| &a.name) && Some(n) != actor2.as_ref().map(|a| &a.name))
        .fold(Vec::new(), |mut v, n| {
            if !v.contains(&n) {
                v.push(n);
            }
            v
        });
    let source = sentence.source.as_ref().map(|a| normalise_source(&a.source));
    let mut sources: Vec<String> = source.iter().cloned().collect();
    if let Some(o) = &doc.article.outlet
        && !sources.contains(o)
    {
        sources.push(o.clone());
    }
    let evidence_source = source.or_else(|| doc.article.outlet.clone()).unwrap_or_default();
    let place = place.map(|(p, g)| (capital(doc, p), g));
    // Without a town of its own, an event may take a town from another mention.
    let coarse = borrowed
        || place.as_ref().is_none_or(|p| p.0.feature_code.starts_with("PCL") || p.0.feature_code.starts_with("ADM"));
    let mut confidence: f64 = 0.45;
    if lead {
        confidence += 0.2;
    } else if index < 4 {
        confidence += 0.05;
    }
    if subject.is_some() {
        confidence += 0.1;
    }
    if other_r.is_some() {
        confidence += 0.05;
    }
    if !coarse {
        confidence += 0.1;
    }
    if sub.is_territorial() {
        confidence += 0.05;
    }
    if sub.event_type() == EventType::StrategicDevelopments {
        confidence -= 0.1;
    }
    let named_actors: Vec<String> =
        [subject, other_r.as_ref()].into_iter().flatten().map(|m| m.actor.name.clone()).collect();
    let counts = doc
        .counts
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            within(c.start, c.end, cs, ce) || (c.summary && within(c.start, c.end, sentence.start, sentence.end))
        })
        .map(|(k, _)| (index, k))
        .collect();
    Some(Draft {
        cand: EventCandidate {
            sub_event_type: Some(sub),
            actor1,
            assoc_actor_1: assoc,
            actor2,
            assoc_actor_2: Vec::new(),
            date: Some(date),
            place,
            fatalities: None,
            sources,
            confidence,
            evidence: vec![(sentence.start, sentence.end, evidence_source)],
        },
        sentence: index,
        at: key.start,
        coarse,
        place_span: found_place.map(|(m, _)| (m.start, m.end)),
        counts,
        named: named_actors,
        dependent: borrowed && !doc.dates.iter().any(|m| within(m.start, m.end, sentence.start, sentence.end)),
        bare_clause,
    })
}

/// Whether an actor's words name a country's government without naming
/// the country ("regime forces", "government troops"; not "Russian
/// government forces", "pro-regime militias").
fn names_government(words: &str) -> bool {
    let lower = words.to_ascii_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.starts_with("regime") || lower.starts_with("government")
}

/// Whether text ends inside a quotation: an opening mark not yet closed.
fn quoted(head: &str) -> bool {
    head.matches('“').count() > head.matches('”').count() || head.matches('"').count() % 2 == 1
}

/// Actor1 and actor2 by the codebook's conventions: the target of violence
/// against civilians is actor2; protesters and rioters are named by country.
fn roles(
    sub: SubEventType,
    subject: Option<&ActorMention>,
    other: Option<&ActorMention>,
    civilians: Option<&ActorMention>,
    parties: Parties,
    named: &dyn Fn(&str) -> String,
    generic: &dyn Fn(String, Inter) -> ActorRef,
) -> (Option<ActorRef>, Option<ActorRef>) {
    use SubEventType as T;
    let a = |m: Option<&ActorMention>| m.map(|m| m.actor.clone());
    let unidentified = || generic(named("Unidentified Armed Group"), Inter::RebelGroup);
    let civ = || a(civilians).unwrap_or_else(|| generic(named("Civilians"), Inter::Civilians));
    let protesters = || generic(named("Protesters"), Inter::Protesters);
    let rioters = || generic(named("Rioters"), Inter::Rioters);
    match sub {
        T::PeacefulProtest => (Some(protesters()), None),
        T::ProtestWithIntervention | T::ExcessiveForceAgainstProtesters => {
            (Some(a(subject).unwrap_or_else(protesters)), Some(protesters()))
        }
        T::ViolentDemonstration => (Some(rioters()), a(subject).or_else(|| a(other))),
        T::MobViolence => (Some(rioters()), Some(civ())),
        T::Attack | T::AbductionForcedDisappearance | T::SexualViolence => {
            (Some(a(subject).unwrap_or_else(unidentified)), Some(civ()))
        }
        _ if sub.event_type() == EventType::ExplosionsRemoteViolence => {
            let target = a(other).or_else(|| parties.target_civilian.then(civ));
            (Some(a(subject).unwrap_or_else(unidentified)), target)
        }
        _ => (Some(a(subject).unwrap_or_else(unidentified)), a(other)),
    }
}

/// Words a note uses to say where its coder placed the event.
const CODED_TO: &[&str] = &["coded to", "coded at", "coded in", "coded as"];

/// The article's place mentions that can locate an event, found once per
/// article rather than per draft (an article has many clauses with cues):
/// not demonyms, not a country as a possessive ("Iran's semi-official
/// agency": it qualifies a name) or before an actor's name ("US Coalition
/// airstrikes"), not a name inside an actor's ("Sharqiya
/// Army", "Rebel fighters": the word is the actor's, not a village's), not
/// a neighbourhood (ACLED codes the city: the gazetteer's namesake is a
/// village elsewhere), not a country backing a side, not one a rule left
/// unplaced.
fn locating<'d>(doc: &'d Document<'_>) -> Vec<&'d PlaceMention<'d>> {
    let text = &doc.clean.text;
    doc.places
        .iter()
        .filter(|m| {
            let possessive = m.place.feature_code.starts_with("PCL") && text[m.end..].starts_with("'s");
            let in_actor = doc.actors.iter().any(|a| a.start <= m.start && m.end <= a.end);
            let after = text[m.end..].trim_start();
            let quarter =
                ["neighbourhood", "neighborhood", "quarter"].iter().any(|w| starts_with_ignoring_case(after, w));
            !(m.demonym
                || possessive
                || qualifies(text, m, &doc.actors)
                || in_actor
                || quarter
                || backs(text, m)
                || doc.unplaced.contains(&(m.start, m.end)))
        })
        .collect()
}

/// The event's own place: a town in its clause (after the cue first), else
/// in its sentence; for a country or region, the article's most mentioned
/// town inside it; else the nearest town named before.
fn place_of<'d>(
    doc: &'d Document<'_>,
    locating: &[&'d PlaceMention<'d>],
    index: usize,
    (cs, ce): (usize, usize),
    cue: usize,
) -> Option<(&'d PlaceMention<'d>, GeoPrecision)> {
    let s = &doc.sentences[index];
    // Of the places that can locate an event, not a name inside the
    // attribution ("Fars News Agency reported").
    let attribution = s.source.as_ref().map_or((0, 0), |a| (a.start, a.end));
    let usable = |m: &&PlaceMention| !within(m.start, m.end, attribution.0, attribution.1);
    let fine = |m: &PlaceMention| m.precision != GeoPrecision::Region;
    // A facility's name ("near Al Atal roundabout in Basira town") yields to
    // the other places of its sentence.
    let facility = |m: &PlaceMention| {
        let after = doc.clean.text[m.end..].trim_start();
        FACILITY_AFTER.iter().any(|w| starts_with_ignoring_case(after, w))
    };
    let in_sentence: Vec<&PlaceMention> =
        locating.iter().copied().filter(usable).filter(|m| within(m.start, m.end, s.start, s.end)).collect();
    let named = in_sentence.iter().any(|m| !facility(m));
    let in_sentence: Vec<&PlaceMention> = in_sentence.into_iter().filter(|m| !(named && facility(m))).collect();
    // A town or division abroad, in a country the text never names ("Al
    // Rai" read as Praia, "Ark oilfield" as Arkansas), yields to the places
    // of the article's own country its sentence names.
    let home = |m: &&PlaceMention| doc.country_code.as_deref() == Some(m.place.country_code.as_str());
    let stray = |m: &&PlaceMention| {
        !home(m) && !m.place.feature_code.starts_with("PCL") && !named_country(&doc.places, &m.place.country_code)
    };
    let in_sentence: Vec<&PlaceMention> =
        if in_sentence.iter().any(|m| home(m) && !m.place.feature_code.starts_with("PCL")) {
            in_sentence.into_iter().filter(|m| !stray(m)).collect()
        } else {
            in_sentence
        };
    let in_clause: Vec<&PlaceMention> =
        in_sentence.iter().copied().filter(|m| within(m.start, m.end, cs, ce)).collect();
    let towns: Vec<&PlaceMention> =
        doc.places.iter().filter(|m| !m.demonym && fine(m) && !doc.unplaced.contains(&(m.start, m.end))).collect();
    // The article's most mentioned town inside a country, if named twice.
    let main_town = |country: &str| {
        let mut best: Option<(&PlaceMention, usize)> = None;
        for m in towns.iter().filter(|m| m.place.country_code == country) {
            let n = towns.iter().filter(|o| o.place.geonameid == m.place.geonameid).count();
            if best.is_none_or(|(_, bn)| n > bn) {
                best = Some((m, n));
            }
        }
        best.filter(|(_, n)| *n > 1).map(|(m, _)| m)
    };
    // The town or province named last before the sentence; when its
    // sentence names a town in a larger place ("in Shiheil in Deir-ez-Zor"),
    // the first town it names, as for an event of that sentence.
    let earlier = |m: &&PlaceMention| usable(m) && !m.place.feature_code.starts_with("PCL");
    let last = locating.iter().copied().rev().filter(|m| m.end <= s.start).find(earlier);
    let before = last.map(|l| {
        doc.sentences
            .iter()
            .find(|t| within(l.start, l.end, t.start, t.end))
            .and_then(|t| {
                locating.iter().copied().filter(earlier).find(|m| within(m.start, m.end, t.start, t.end) && fine(m))
            })
            .unwrap_or(l)
    });
    // The place a note says the event is coded to ("in the eastern
    // countryside (coded to Hajin)") is its place.
    let coded = in_sentence.iter().filter(|m| fine(m)).find(|m| {
        let before = doc.clean.text[..m.start].trim_end();
        CODED_TO.iter().any(|w| ends_with_ignoring_case(before, w))
    });
    if let Some(m) = coded {
        return Some((m, m.precision));
    }
    for group in [&in_clause, &in_sentence] {
        if let Some(m) = group.iter().find(|m| fine(m) && m.start >= cue).or_else(|| group.iter().find(|m| fine(m))) {
            // A governorate named as such ("in western Aleppo countryside,
            // near Atareb") yields to a town of its own the group names.
            let town = governorate_said(&doc.clean.text, m)
                .then(|| group.iter().find(|t| fine(t) && village_like(t) && t.place.admin1 == m.place.admin1))
                .flatten();
            let m = town.unwrap_or(m);
            let m = far_namesake(&doc.clean.text, &in_sentence, m).unwrap_or(m);
            return Some((m, m.precision));
        }
        if let Some(c) = group.first() {
            // A province stands for itself (ACLED codes it at precision 3);
            // a country is too coarse: the article's main town in it stands
            // in, else a province the rest of the sentence names ("Syria ...
            // in Rural Damascus"; a town there may be another event's).
            if !c.place.feature_code.starts_with("PCL") {
                return Some((c, GeoPrecision::Region));
            }
            let province = in_sentence.iter().find(|m| !fine(m) && !m.place.feature_code.starts_with("PCL"));
            return main_town(&c.place.country_code)
                .map(|m| (m, GeoPrecision::NearTown))
                .or_else(|| province.map(|m| (*m, GeoPrecision::Region)))
                .or(before.map(near))
                .or(Some((c, GeoPrecision::Region)));
        }
    }
    before.map(near).or_else(|| doc.country_code.as_deref().and_then(main_town).map(|m| (m, GeoPrecision::NearTown)))
}

/// A village farther than this from every other place of its sentence,
/// while those lie together, is a namesake far from the event.
const FAR_NAMESAKE_KM: f64 = 100.0;

/// Words that may stand between a village and the frame that places it
/// ("the X area between A and B").
const FRAME_NOUNS: &[&str] = &["area", "areas", "village", "town", "region"];

/// Words after a village that frame it by the places that follow ("X area
/// between A and B", "X near A and B", "X, between A and B").
const FRAME_WORDS: &[&str] = &["between", "near"];

/// Verbs of an area lying between places ("X area which lies between A and
/// B").
const FRAME_VERBS: &[&str] = &["lies", "stretches", "extends"];

/// Words after a place in a list of places that name what it is ("Yalda
/// town and A").
const LISTED_NOUNS: &[&str] = &["town", "village", "city", "area"];

/// Whether the words between a village and the place after it frame the
/// village by it: at most one of [`FRAME_NOUNS`], "which" and one of
/// [`FRAME_VERBS`], then one of [`FRAME_WORDS`]; or list the two ("X, A
/// and B"). Nothing else: "from", "of", "native of", "200 km south of"
/// frame nothing.
fn frames(between: &str) -> bool {
    let mut words = between.split_whitespace().map(|w| w.trim_end_matches(',')).filter(|w| !w.is_empty());
    let is = |w: Option<&str>, set: &[&str]| w.is_some_and(|w| set.iter().any(|s| w.eq_ignore_ascii_case(s)));
    let mut w = words.next();
    if is(w, FRAME_NOUNS) {
        w = words.next();
    }
    if is(w, &["which"]) {
        w = words.next().filter(|&v| is(Some(v), FRAME_VERBS)).and_then(|_| words.next());
    }
    (is(w, FRAME_WORDS) && words.next().is_none()) || listed(between)
}

/// Whether the words between two places list them ("A and B", "A, B",
/// "A/B", "A town and B").
fn listed(between: &str) -> bool {
    let mut t = between.trim();
    if let Some(n) = LISTED_NOUNS.iter().find(|n| starts_with_ignoring_case(t, n)) {
        t = t[n.len()..].trim_start();
    }
    matches!(t, "," | "/" | ", and") || t.eq_ignore_ascii_case("and")
}

/// For a village heading places after it in its sentence, framed by it
/// ("the al-Basateen area between Harasta and Duma", "X near A and B", "X,
/// between A and B") or listed with it ("in X, A and B"), two or more, that
/// lie together while the village lies farther than [`FAR_NAMESAKE_KM`]
/// from each of them and in none of their governorates (the al-Basateen
/// read as a Basatin of Tartous), the first of them: the gazetteer knew
/// only a namesake elsewhere. Places named before the village or after
/// other words (where people came from, a birthplace, "200 km south of")
/// say nothing of where it is. Peoples and countries are no such places.
fn far_namesake<'s, 'd>(
    text: &str,
    in_sentence: &'s [&'d PlaceMention<'d>],
    m: &PlaceMention,
) -> Option<&'s &'d PlaceMention<'d>> {
    if !village_like(m) {
        return None;
    }
    let mut others: Vec<&'s &'d PlaceMention<'d>> = Vec::new();
    let mut end = m.end;
    for o in in_sentence.iter().filter(|o| o.start >= m.end) {
        let between = &text[end..o.start];
        let linked = if others.is_empty() { frames(between) } else { listed(between) };
        if !linked || o.demonym || o.place.feature_code.starts_with("PCL") {
            break;
        }
        others.push(o);
        end = o.end;
    }
    let first = *others.first()?;
    let km = crate::gazetteer::km;
    let two = others.iter().any(|o| o.place.geonameid != first.place.geonameid);
    let together = others.iter().all(|a| others.iter().all(|b| km(a.place, b.place) <= FAR_NAMESAKE_KM));
    let far = others.iter().all(|o| km(o.place, m.place) > FAR_NAMESAKE_KM && o.place.admin1 != m.place.admin1);
    (two && together && far).then_some(first)
}

/// Compass words that name one side of a countryside, with the way they
/// point as (north, east) parts of a unit step; the longer words first.
const SIDES: &[(&str, &str, f64, f64)] = &[
    ("northwestern", "northwest", 0.707, -0.707),
    ("northeastern", "northeast", 0.707, 0.707),
    ("southwestern", "southwest", -0.707, -0.707),
    ("southeastern", "southeast", -0.707, 0.707),
    ("northern", "north", 1.0, 0.0),
    ("southern", "south", -1.0, 0.0),
    ("eastern", "east", 0.0, 1.0),
    ("western", "west", 0.0, -1.0),
];

/// How far from its city the point of one side of a countryside lies.
const SIDE_KM: f64 = 15.0;

/// The event's place from its mention: a seat named as one side of its
/// countryside ("western Aleppo countryside", "Hama's eastern countryside",
/// "the southern countryside of Idleb") stands for that side, a point
/// [`SIDE_KM`] from the city that way, named so ("Aleppo countryside
/// (west)") at precision 2, as ACLED codes a town of that side; else the
/// mention's own place.
fn countryside_side(text: &str, m: &PlaceMention, precision: GeoPrecision) -> (Place, GeoPrecision) {
    let side = matches!(m.place.feature_code.as_str(), "PPLA" | "PPLC")
        .then(|| {
            let before = text[..m.start].trim_end();
            let after = text[m.end..].trim_start_matches("'s").trim_start();
            let of = ends_with_ignoring_case(before, " countryside of")
                .then(|| before[..before.len() - " countryside of".len()].trim_end());
            SIDES.iter().find(|(w, ..)| {
                let countryside_after = |rest: &str| starts_with_ignoring_case(rest.trim_start(), "countryside");
                (ends_with_ignoring_case(before, w) && starts_with_ignoring_case(after, "countryside"))
                    || (starts_with_ignoring_case(after, w) && countryside_after(&after[w.len()..]))
                    || of.is_some_and(|b| ends_with_ignoring_case(b, w))
            })
        })
        .flatten();
    let Some(&(_, way, north, east)) = side else { return (m.place.clone(), precision) };
    let round = |x: f64| (x * 1e5).round() / 1e5;
    let lat = round(m.place.latitude + north * SIDE_KM / 111.2);
    let lon = round(m.place.longitude + east * SIDE_KM / (111.2 * m.place.latitude.to_radians().cos()));
    // Named as the text names the city ("Hama", not the gazetteer's
    // "Ḩamāh"), as ACLED writes it; not the city itself, so no GeoNames id
    // (0: none), which would make every side one place with the city.
    let name = format!("{} countryside ({way})", &text[m.start..m.end]);
    let place = Place { geonameid: 0, name, latitude: lat, longitude: lon, admin2: String::new(), ..m.place.clone() };
    (place, GeoPrecision::NearTown)
}

/// A place named earlier stands for the event's at lower precision.
fn near<'m, 'g>(m: &'m PlaceMention<'g>) -> (&'m PlaceMention<'g>, GeoPrecision) {
    (m, m.precision.max(GeoPrecision::NearTown))
}

/// A province as ACLED codes it when nothing finer is known: at its capital
/// (the gazetteer's seat of the same name in that province), else itself. A
/// province named as a city's countryside ("Rural Damascus") has no seat of
/// its own name: it is coded at that city, still in the province.
fn capital(doc: &Document<'_>, p: Place) -> Place {
    if !p.feature_code.starts_with("ADM") {
        return p;
    }
    let seat = |name: &str, own: bool| {
        doc.resources.gazetteer.lookup(name).into_iter().map(|(c, _)| c).find(|c| {
            c.country_code == p.country_code
                && (!own || c.admin1 == p.admin1)
                && matches!(c.feature_code.as_str(), "PPLA" | "PPLC")
        })
    };
    if let Some(c) = seat(&p.name, true) {
        return c.clone();
    }
    match countryside_of(&p.name).and_then(|city| seat(city, false)) {
        Some(c) => Place { admin1: p.admin1, admin2: String::new(), ..c.clone() },
        None => p,
    }
}

/// The city a division's name makes it the countryside of: "Rural
/// Damascus", "Damascus countryside", "Damascus province" are Damascus's.
fn countryside_of(name: &str) -> Option<&str> {
    let before = GOVERNORATE_BEFORE.iter().find_map(|w| {
        let rest = name.get(w.len()..)?;
        (starts_with_ignoring_case(name, w) && rest.starts_with(' ')).then_some(rest)
    });
    let after = || {
        GOVERNORATE_AFTER.iter().find_map(|w| {
            let rest = name.get(..name.len().checked_sub(w.len())?)?;
            (ends_with_ignoring_case(name, w) && rest.ends_with(' ')).then_some(rest)
        })
    };
    before.or_else(after).map(str::trim).filter(|c| !c.is_empty())
}

/// The country the article or its actors belong to, as a place: the last
/// resort when no place of the event is known (the gazetteer may lack a
/// village), coded like ACLED's larger regions at precision 3.
/// Narrowed to a governorate when the article's other places of that
/// country (in an actor's name: "Raqqa Military Council"; a neighbourhood;
/// a town outside the governorate named) all lie in one.
fn country_place(doc: &Document<'_>, sentence: &Sentence, actors: &[&ActorMention]) -> Option<Place> {
    let iso = doc.country_code.clone().or_else(|| actors.iter().find_map(|m| m.actor.country_code.clone()))?;
    if let Some(p) = one_governorate(doc, sentence, &iso) {
        return Some(p.clone());
    }
    let name = doc.resources.actors.country_name(&iso)?;
    doc.resources
        .gazetteer
        .lookup(name)
        .into_iter()
        .map(|(p, _)| p)
        .find(|p| p.feature_code.starts_with("PCL") && p.country_code == iso)
        .cloned()
}

/// Words before a place that make it where someone comes from ("displaced
/// from Idleb", "a native of Homs"), not where anything happens.
const ORIGIN_BEFORE: &[&str] = &[" from", "native of"];

/// Words after a place that make it the seat of a source ("the defence
/// ministry in Damascus said"), not where anything happens.
const SAYING_AFTER: &[&str] = &["said", "says", "told", "reported", "reports", "announced", "stated"];

/// The first place of country `iso` the event's sentence (else the
/// article) names, or an actor's name anywhere in the article, when all of
/// these (not peoples, not the country itself) lie in one governorate. A place someone comes
/// from ("displaced from Idleb") or where a source sits ("the ministry in
/// Damascus said") places nothing. In an actor's name only a seat or a
/// division counts ("Raqqa Military Council"): a village's name there is
/// mostly a word ("Rebel forces").
fn one_governorate<'d>(doc: &'d Document<'_>, sentence: &Sentence, iso: &str) -> Option<&'d Place> {
    let text = &doc.clean.text;
    let seat = |p: &Place| matches!(p.feature_code.as_str(), "PPLA" | "PPLA2" | "PPLC" | "ADM1" | "ADM2");
    let of_country = |m: &PlaceMention| {
        !m.demonym
            && m.place.country_code == iso
            && !m.place.admin1.is_empty()
            && !m.place.feature_code.starts_with("PCL")
    };
    // Places are sorted by start: each actor's places are found by search.
    let in_actor = |a: &ActorMention| {
        let (start, end) = (a.start, a.end);
        let from = doc.places.partition_point(|m| m.start < start);
        doc.places[from..].iter().take_while(move |m| m.start < end).filter(move |m| m.end <= end)
    };
    let in_any_actor = |m: &PlaceMention| doc.actors.iter().any(|a| a.start <= m.start && m.end <= a.end);
    let attribution = sentence.source.as_ref().map_or((0, 0), |a| (a.start, a.end));
    let said = |m: &&PlaceMention| {
        let before = text[..m.start].trim_end();
        let after = text[m.end..].trim_start();
        of_country(m)
            && !ORIGIN_BEFORE.iter().any(|w| ends_with_ignoring_case(before, w))
            && !SAYING_AFTER.iter().any(|w| starts_with_ignoring_case(after, w))
            && (seat(m.place) || !in_any_actor(m))
    };
    // The event's own sentence, else the article ("Suspected location
    // Ar-Raqqa." closing a note).
    let from = doc.places.partition_point(|m| m.start < sentence.start);
    let in_sentence: Vec<&PlaceMention> = doc.places[from..]
        .iter()
        .take_while(|m| m.start < sentence.end)
        .filter(|m| !within(m.start, m.end, attribution.0, attribution.1))
        .filter(said)
        .collect();
    let own = if in_sentence.is_empty() { doc.places.iter().filter(said).collect() } else { in_sentence };
    let in_names = doc.actors.iter().flat_map(in_actor).filter(|m| seat(m.place) && of_country(m));
    let mut there = own.into_iter().chain(in_names);
    let first = there.next()?.place;
    there.all(|m| m.place.admin1 == first.admin1).then_some(first)
}

/// Short names of well-known sources; others as written, without the article.
fn normalise_source(s: &str) -> String {
    let lower = s.to_lowercase();
    if lower.contains("observatory")
        || lower.contains("sohr")
        || lower.contains("war monitor")
        || lower.contains("monitoring group")
    {
        return "SOHR".to_string();
    }
    if lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == "sana") {
        return "SANA".to_string();
    }
    s.trim_start_matches("the ").trim_start_matches("The ").to_string()
}

/// Counts in sentences without an event of their own belong to the events
/// before them: a figure ("Two soldiers died.") to the nearest one, a
/// summary ("2 fatalities.", "Unknown fatalities coded as 10.") to every
/// one of its paragraph, as ACLED's closing line sums up the note.
fn attach_counts(doc: &Document<'_>, drafts: &mut [Draft]) {
    // The clauses of the sentence of the last figure, cut once per sentence.
    let mut cut: (usize, Vec<(usize, usize)>) = (usize::MAX, Vec::new());
    for (k, c) in doc.counts.iter().enumerate() {
        let Some(si) = doc.sentences.iter().position(|s| within(c.start, c.end, s.start, s.end)) else { continue };
        if drafts.iter().any(|d| d.sentence == si) {
            // A figure in a clause with no event of its own ("..., leaving
            // 8 people dead") is the event's of the clause before it, unless
            // the clause names its own place or date ("while in X 4 died").
            let s = &doc.sentences[si];
            if cut.0 != si {
                cut = (si, clauses(&doc.clean.text, s.start, s.end));
            }
            let own_clause = cut
                .1
                .iter()
                .find(|&&(a, b)| within(c.start, c.end, a, b))
                .is_some_and(|&(a, b)| a > s.start && !bare(doc, (a, b)));
            if !own_clause
                && !drafts.iter().any(|d| d.counts.iter().any(|&(_, j)| j == k))
                && let Some(d) = drafts.iter_mut().rev().find(|d| d.sentence == si && d.at < c.start)
            {
                d.counts.push((si, k));
            }
            continue;
        }
        if c.summary {
            let paragraph = doc.sentences[si].paragraph;
            for d in drafts.iter_mut().filter(|d| d.sentence < si && doc.sentences[d.sentence].paragraph == paragraph) {
                d.counts.push((si, k));
            }
        } else if let Some(d) = drafts.iter_mut().rev().find(|d| d.sentence < si) {
            d.counts.push((si, k));
        }
    }
}

/// Whether an event of type `b` folds into one of type `a` by the codebook:
/// battles take in remote violence and attacks on civilians around them,
/// remote violence takes in attacks, an abduction with a killing is an attack.
fn absorbs(a: SubEventType, b: SubEventType) -> bool {
    use EventType as E;
    let (ea, eb) = (a.event_type(), b.event_type());
    if ea == eb {
        return true;
    }
    matches!((ea, eb), (E::Battles, E::ExplosionsRemoteViolence) | (E::Battles, E::StrategicDevelopments))
        || (matches!(ea, E::Battles | E::ExplosionsRemoteViolence) && b == SubEventType::Attack)
}

/// Folds drafts that ACLED would code as one event: same day, same place
/// (or one without its own town), compatible actors, absorbable types.
fn aggregate(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        // A bare clause folds into the event of its sentence before it.
        let own = |o: &Draft| {
            let (Some(a), Some(b)) = (o.cand.sub_event_type, d.cand.sub_event_type) else { return false };
            d.bare_clause && o.sentence == d.sentence && (absorbs(a, b) || absorbs(b, a))
        };
        let target = out.iter().rposition(own).or_else(|| out.iter().position(|o| same_event(o, &d)));
        match target {
            Some(i) => merge(&mut out[i], d),
            None => out.push(d),
        }
    }
    out
}

fn same_event(a: &Draft, b: &Draft) -> bool {
    let (Some(ta), Some(tb)) = (a.cand.sub_event_type, b.cand.sub_event_type) else { return false };
    if !(absorbs(ta, tb) || absorbs(tb, ta)) {
        return false;
    }
    if a.cand.date.map(|d| d.0) != b.cand.date.map(|d| d.0) && !a.dependent && !b.dependent {
        return false;
    }
    let place = |d: &Draft| d.cand.place.as_ref().map(|p| (p.0.geonameid, p.0.name.clone()));
    // A country or province takes in a town inside it.
    let inside = |c: &Draft, t: &Draft| match (&c.cand.place, &t.cand.place) {
        (Some((c, _)), Some((t, _))) => {
            c.country_code == t.country_code && (c.feature_code.starts_with("PCL") || c.admin1 == t.admin1)
        }
        _ => true,
    };
    let places_ok = place(a) == place(b) || (a.coarse && inside(a, b)) || (b.coarse && inside(b, a));
    let actors_ok = a.named.is_empty()
        || b.named.is_empty()
        || a.dependent
        || b.dependent
        || a.named.iter().any(|n| b.named.contains(n));
    places_ok && actors_ok
}

fn merge(a: &mut Draft, b: Draft) {
    let (ta, tb) =
        (a.cand.sub_event_type.unwrap_or(SubEventType::Other), b.cand.sub_event_type.unwrap_or(SubEventType::Other));
    let b_wins = tb < ta && absorbs(tb, ta);
    let mut b = b;
    if b_wins || (a.coarse && !b.coarse) {
        // Keep the winning type's roles; the finer place.
        if a.coarse && !b.coarse {
            a.cand.place = b.cand.place.take();
            a.place_span = b.place_span;
            a.coarse = false;
        }
        if b_wins {
            a.cand.sub_event_type = b.cand.sub_event_type;
            if b.cand.actor1.is_some() && !b.named.is_empty() || a.named.is_empty() {
                a.cand.actor1 = b.cand.actor1.take();
                a.cand.actor2 = b.cand.actor2.take().or(a.cand.actor2.take());
            }
        }
    }
    if a.cand.actor2.is_none() {
        a.cand.actor2 = b.cand.actor2.take();
    }
    for n in b.named {
        if !a.named.contains(&n) {
            a.named.push(n);
        }
    }
    for s in b.cand.sources {
        if !a.cand.sources.contains(&s) {
            a.cand.sources.insert(a.cand.sources.len().saturating_sub(1), s);
        }
    }
    for e in b.cand.evidence {
        if !a.cand.evidence.contains(&e) {
            a.cand.evidence.push(e);
        }
    }
    a.counts.extend(b.counts);
    a.counts.sort_unstable();
    a.counts.dedup();
    a.cand.confidence = (a.cand.confidence.max(b.cand.confidence) + 0.03).min(0.99);
}

#[cfg(test)]
mod tests {
    use super::*;

    static RESOURCES: LazyLock<Resources> = LazyLock::new(Resources::builtin);

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

    /// Merging the mention lists gives what a stable sort of them joined
    /// gives: ties (equal spans, within a list or across lists) in list
    /// order, a list out of order sorted first.
    #[test]
    fn mention_lists_merge_as_a_stable_sort() {
        let check = |spans: [&[(usize, usize)]; 5]| {
            let ordered = |k: usize, list: &[(usize, usize)]| -> Vec<Ordered> {
                list.iter().enumerate().map(|(i, &c)| Ordered { chars: c, bytes: (k, i), of: Of::Count(i) }).collect()
            };
            let lists: [Vec<Ordered>; 5] = std::array::from_fn(|k| ordered(k, spans[k]));
            let mut want: Vec<Ordered> = lists.concat();
            want.sort_by_key(|o| o.chars);
            let got = merge_stable(lists);
            let key = |v: &[Ordered]| v.iter().map(|o| (o.chars, o.bytes)).collect::<Vec<_>>();
            assert_eq!(key(&got), key(&want), "{spans:?}");
        };
        check([&[(0, 4), (9, 12)], &[], &[(0, 4), (5, 7)], &[(5, 7), (20, 24)], &[(0, 3)]]);
        check([&[(9, 12), (0, 4), (9, 12)], &[(9, 12)], &[], &[(1, 2), (1, 2)], &[(30, 31), (0, 1)]]);
        check([&[], &[], &[], &[], &[]]);
    }

    /// The events of an invented article published on 4 June 2023, as
    /// (sub-event type, fatalities), most confident first.
    fn check_events(text: &str, expect: &[(SubEventType, u32)]) {
        let article = Article {
            id: "t".into(),
            text: text.into(),
            published: NaiveDate::from_ymd_opt(2023, 6, 4),
            ..Default::default()
        };
        let doc = Document::analyse(&article, &RESOURCES);
        let (mut events, _) = events(&doc);
        events.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        let got: Vec<(SubEventType, u32)> = events.iter().map(|e| (e.sub_event_type, e.fatalities)).collect();
        assert_eq!(got, expect, "in {text:?}");
    }

    #[test]
    fn an_abbreviation_spelling_a_foreign_division_places_no_event() {
        use SubEventType as T;
        check_events(
            "The army retook Mayadin in Syria on Saturday, state news agency SANA said. At least 11 soldiers were killed in the fighting, SANA said.",
            &[(T::GovernmentRegainsTerritory, 11)],
        );
    }

    #[test]
    fn a_cue_word_inside_a_name_is_no_cue() {
        use SubEventType as T;
        check_events(
            "On 3 June 2023, National Liberation Front fighters clashed with HTS near Idlib in Syria. No fatalities were reported.",
            &[(T::ArmedClash, 0)],
        );
        check_events(
            "On 3 June 2023, rebels of the Liberation Brigade clashed with HTS near Idlib in Syria. No fatalities were reported.",
            &[(T::ArmedClash, 0)],
        );
    }

    /// The most confident event of an invented note, read with `resources`.
    fn top_event(text: &str, resources: &Resources) -> Option<Event> {
        let article = Article { id: "t".into(), text: text.into(), ..Default::default() };
        let doc = Document::analyse(&article, resources);
        let (events, _) = events(&doc);
        // The first of equally confident events, as a stable sort would give.
        events.into_iter().min_by(|a, b| b.confidence.total_cmp(&a.confidence))
    }

    /// The location of the most confident event of an invented note.
    fn check_location(text: &str, expect: &str) {
        assert_eq!(top_event(text, &RESOURCES).map(|e| e.location), Some(expect.to_string()), "in {text:?}");
    }

    #[test]
    fn a_figure_in_a_clause_without_an_event_is_the_clause_befores() {
        check_events(
            "On 3 June 2023, regime forces clashed with HTS near Idlib in Syria, leaving 7 fighters dead.",
            &[(SubEventType::ArmedClash, 7)],
        );
    }

    #[test]
    fn a_clause_without_place_or_date_tells_more_of_the_clause_before() {
        check_events(
            "On 3 June 2023, regime aircraft bombed a market in Idlib in Syria; a police officer said 9 people were killed.",
            &[(SubEventType::AirDroneStrike, 9)],
        );
    }

    #[test]
    fn a_dateline_abroad_does_not_make_the_event_foreign() {
        check_location("BEIRUT — On 3 June 2023, a car bomb exploded in Homs, killing four people.", "Homs");
        check_location("CAIRO (Reuters) - On 3 June 2023, gunmen killed two policemen in Mosul.", "Mosul");
    }

    #[test]
    fn a_town_outside_the_governorate_named_is_read_inside_it_or_dropped() {
        // Tadmur (Homs) is no town of Aleppo's countryside: the governorate places the event.
        check_location(
            "On 3 June 2023, rebels clashed with regime forces in Tadmur in the Aleppo countryside.",
            "Aleppo",
        );
        check_location(
            "On 3 June 2023, rebels clashed with regime forces in Tadmur in the Homs countryside.",
            "Tadmur",
        );
    }

    /// Invented villages: a "Hama" in Aleppo (a namesake of the governorate's
    /// seat), two "Karamah" (Raqqa, Deir ez Zor), two "Tall Zaramah" (Hama,
    /// Aleppo), an "Alia" and a "Rebel" in Aleppo, three "Mazraat Hanun"
    /// (Idleb, Al Hasakeh, Dara).
    const DUMP: &str = "\
900101\tHama\tHama\t\t36.40\t37.40\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900102\tTall Zaramah\tTall Zaramah\t\t35.30\t36.60\tP\tPPL\tSY\t\t10\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900105\tKaramah\tKaramah\t\t34.90\t40.60\tP\tPPL\tSY\t\t07\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900104\tKaramah\tKaramah\t\t35.95\t39.10\tP\tPPL\tSY\t\t04\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900103\tTall Zaramah\tTall Zaramah\t\t36.45\t37.50\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900106\tAlia\tAlia\t\t36.30\t37.90\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900107\tRebel\tRebel\t\t35.70\t37.45\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900108\tMazraat Hanun\tMazraat Hanun\t\t35.80\t36.70\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900109\tMazraat Hanun\tMazraat Hanun\t\t36.60\t40.90\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
900110\tMazraat Hanun\tMazraat Hanun\t\t32.70\t35.95\tP\tPPL\tSY\t\t06\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01
";

    static WITH_DUMP: LazyLock<Resources> = LazyLock::new(|| {
        let mut r = Resources::builtin();
        r.gazetteer.add_geonames_dump(DUMP);
        r
    });

    /// The governorate (admin1) of the most confident event of an invented
    /// note, read with the invented villages added.
    fn check_admin1(text: &str, expect: &str) {
        assert_eq!(top_event(text, &WITH_DUMP).map(|e| e.admin1), Some(expect.to_string()), "in {text:?}");
    }

    #[test]
    fn a_name_said_to_be_a_governorate_is_its_seat_not_a_namesake_village() {
        check_admin1("On 3 June 2023, rebels clashed with regime forces in Hama province.", "Hama");
        check_admin1("On 3 June 2023, rebels clashed with regime forces in the countryside of Hama.", "Hama");
    }

    #[test]
    fn a_village_in_a_bare_seat_is_its_namesake_in_that_governorate() {
        check_admin1("On 3 June 2023, rebels clashed with regime forces in Tall Zaramah in Aleppo.", "Aleppo");
        check_admin1("On 3 June 2023, rebels clashed with regime forces in Tall Zaramah, Hama.", "Hama");
    }

    #[test]
    fn a_foreign_town_named_in_a_note_about_a_dump_country_is_its_village() {
        // Calama (Chile) is no village of a note about Raqqa: the added Karamah is.
        check_admin1("On 3 June 2023, gunmen killed a QSD member near Karama town in Raqqa.", "Ar Raqqa");
        // Named twice, and no other place: still the added village, as Spain is not named.
        check_admin1(
            "On 3 June 2023, QSD fighters clashed with IS cells in Alia village. Two fighters were killed in Alia.",
            "Aleppo",
        );
    }

    #[test]
    fn a_word_of_an_actors_description_is_no_village() {
        // "Rebel" is an added village, but "Rebel fighters" are the actor:
        // the note names no place of the event, only its country.
        let text =
            "On 3 June 2023, clashes took place between Rebel fighters and regime forces. No fatalities were reported.";
        assert_eq!(top_event(text, &WITH_DUMP).map(|e| e.location), Some("Syria".to_string()), "in {text:?}");
    }

    #[test]
    fn a_place_abroad_in_a_country_never_named_yields_to_a_home_place_of_its_sentence() {
        // "Ark" matches Arkansas; the sentence names Homs.
        check_location(
            "On 3 June 2023, IS attacked a regime checkpoint near the Ark oilfield in the countryside of Homs.",
            "Homs",
        );
    }

    #[test]
    fn a_note_without_a_place_of_the_event_takes_the_governorate_of_its_other_places() {
        // The group's home town is the only place named.
        check_admin1(
            "On 3 June 2023, members of the Raqqa Military Council clashed with IS cells. No fatalities were reported.",
            "Ar Raqqa",
        );
        // A neighbourhood of Damascus (our list of front lines) names the city.
        check_admin1("On 3 June 2023, regime forces shelled Jobar neighbourhood, killing two fighters.", "Damascus");
    }

    #[test]
    fn namesakes_are_chosen_where_the_articles_armed_groups_fight() {
        let at = |who: &str| format!("On 3 June 2023, {who} clashed with regime forces in Mazraat Hanun.");
        check_admin1(&at("HTS fighters"), "Idleb");
        check_admin1(&at("QSD fighters"), "Al Hasakeh");
        check_admin1(&at("Khalid ibn al Walid Army fighters"), "Dara");
        check_admin1("On 3 June 2023, QSD fighters and IS cells clashed in Mazraat Hanun.", "Al Hasakeh");
        // Groups of regions apart (even when their regions share Aleppo),
        // and groups named as background ties, place no one: the namesake
        // stays the gazetteer's likeliest, as with groups of no one region.
        let plain = top_event(&at("rebels"), &WITH_DUMP).map(|e| e.admin1);
        assert_ne!(plain.as_deref(), Some("Idleb"), "the control must differ from the groups' region");
        for text in [
            "On 3 June 2023, HTS and Jaysh al Islam fighters clashed with regime forces in Mazraat Hanun.",
            "On 3 June 2023, HTS fighters clashed with QSD fighters in Mazraat Hanun.",
            "On 3 June 2023, regime forces killed a former HTS member in Mazraat Hanun. No other fatalities were reported.",
            "On 3 June 2023, regime forces arrested 3 men in Mazraat Hanun over alleged links to HTS.",
        ] {
            assert_eq!(top_event(text, &WITH_DUMP).map(|e| e.admin1), plain, "in {text:?}");
        }
    }

    #[test]
    fn a_village_before_a_seat_closing_the_sentence_is_read_in_its_governorate() {
        // Both added Karamah lie outside Hama: the governorate places the event.
        check_admin1("On 3 June 2023, QSD raided Karamah looking for IS cells in Hama.", "Hama");
        check_admin1("On 3 June 2023, regime forces shelled the Karamah area of Hama city.", "Hama");
    }

    #[test]
    fn a_seat_a_town_lies_away_from_does_not_move_a_town_of_one_name() {
        // A direction chooses only between namesakes; a distance, the
        // outskirts or a road to the seat choose nothing.
        check_admin1("On 3 June 2023, regime forces shelled Maarat al-Numan, south of Aleppo.", "Idleb");
        check_admin1("On 3 June 2023, regime forces shelled Jisr al-Shughur, west of Hama.", "Idleb");
        check_admin1("On 3 June 2023, regime forces shelled Kafr Nabl, on the road to the outskirts of Hama.", "Idleb");
        check_admin1("On 3 June 2023, regime forces shelled Jisr al-Shughur, 40 km from the city of Hama.", "Idleb");
    }

    #[test]
    fn a_place_someone_comes_from_or_a_source_sits_in_does_not_place_the_event() {
        check_location(
            "On 3 June 2023, a landmine exploded and killed a shepherd. The shepherd had been displaced from Idleb years ago.",
            "Syria",
        );
        check_location(
            "On 3 June 2023, Syrian air defences shot down two drones over an unnamed area, the defence ministry in Damascus said.",
            "Syria",
        );
    }

    /// The location and precision of the most confident event of an invented note.
    fn check_side(text: &str, expect: (&str, GeoPrecision)) {
        let got = top_event(text, &RESOURCES).map(|e| (e.location, e.geo_precision));
        assert_eq!(got, Some((expect.0.to_string(), expect.1)), "in {text:?}");
    }

    #[test]
    fn one_side_of_a_countryside_is_a_point_that_way_from_its_city() {
        let west = ("Aleppo countryside (west)", GeoPrecision::NearTown);
        check_side("On 3 June 2023, rebels clashed with regime forces in western Aleppo countryside.", west);
        check_side("On 3 June 2023, rebels clashed with regime forces in Aleppo's western countryside.", west);
        check_side("On 3 June 2023, rebels clashed with regime forces in the western countryside of Aleppo.", west);
        check_side(
            "On 3 June 2023, rebels clashed with regime forces in the northwestern countryside of Aleppo.",
            ("Aleppo countryside (northwest)", GeoPrecision::NearTown),
        );
        let e =
            top_event("On 3 June 2023, rebels clashed with regime forces in western Aleppo countryside.", &RESOURCES);
        let city = RESOURCES.gazetteer.lookup("Aleppo")[0].0;
        let e = e.map(|e| (e.latitude.unwrap_or_default(), e.longitude.unwrap_or_default()));
        let (lat, lon) = e.unwrap_or_default();
        let km = crate::gazetteer::km(city, &Place { latitude: lat, longitude: lon, ..city.clone() });
        assert!((km - SIDE_KM).abs() < 0.5 && lon < city.longitude, "{km} km, {lon}");
        // Not the city: no GeoNames id of its own, coordinates to 5 decimals
        // like other places, the name as written ("Hama", not "Ḩamāh").
        let e =
            top_event("On 3 June 2023, rebels clashed with regime forces in Hama's northern countryside.", &RESOURCES);
        let e = e.map(|e| (e.location, e.geonameid, e.latitude.map(|l| (l * 1e5).round() / 1e5 == l)));
        assert_eq!(e, Some(("Hama countryside (north)".to_string(), None, Some(true))));
        // Without a side, the city stands for its countryside.
        check_location("On 3 June 2023, rebels clashed with regime forces in Aleppo countryside.", "Aleppo");
    }

    #[test]
    fn a_name_before_a_tribes_word_is_the_tribe_not_the_place() {
        check_location("On 3 June 2023, Karamah tribal militants clashed with QSD in Tadmur.", "Tadmur");
        check_location("On 3 June 2023, members of the Karamah and Hama tribes clashed in Tadmur.", "Tadmur");
    }

    #[test]
    fn a_village_far_from_the_town_it_is_said_to_be_near_yields_to_it() {
        // Both added Karamah are far from Tadmur (Homs).
        for text in [
            "On 3 June 2023, gunmen killed a regime soldier in Karamah village near Tadmur town.",
            "On 3 June 2023, gunmen killed a regime soldier in Karamah east of Tadmur.",
        ] {
            assert_eq!(top_event(text, &WITH_DUMP).map(|e| e.location), Some("Tadmur".to_string()), "in {text:?}");
        }
    }

    #[test]
    fn a_country_in_the_clause_yields_to_a_province_in_the_sentence() {
        // The province is coded at its city (see the test below).
        check_location(
            "On 3 June 2023, clashes took place between the Military Forces of Syria and IS in the desert of Rural Damascus amid airstrikes.",
            "Damascus",
        );
    }

    /// The location and governorate of the most confident event of an
    /// invented note, read with the built-in gazetteer.
    fn check_place(text: &str, expect: (&str, &str)) {
        let got = top_event(text, &RESOURCES).map(|e| (e.location, e.admin1));
        assert_eq!(got, Some((expect.0.to_string(), expect.1.to_string())), "in {text:?}");
    }

    #[test]
    fn a_village_far_from_the_places_around_it_yields_to_them() {
        check_location(
            "On 3 June 2023, rebels clashed with QSD in the Tadmur area between Manbij and Jarabulus. No fatalities were reported.",
            "Manbij",
        );
        // One other place says nothing of which is wrong.
        check_location(
            "On 3 June 2023, rebels clashed with QSD in Tadmur and in Manbij. No fatalities were reported.",
            "Tadmur",
        );
        // A village in a governorate the sentence names is another event's place.
        check_location(
            "On 3 June 2023, rebels clashed with IS around Tadmur in Homs and in Manbij and Jarabulus. No fatalities were reported.",
            "Tadmur",
        );
        // The places that frame the village after it: "near", ", between".
        check_location(
            "On 3 June 2023, rebels clashed with QSD in Tadmur near Manbij and Jarabulus. No fatalities were reported.",
            "Manbij",
        );
        check_location(
            "On 3 June 2023, rebels clashed with QSD in Tadmur, between Manbij and Jarabulus. No fatalities were reported.",
            "Manbij",
        );
        check_location(
            "On 3 June 2023, rebels clashed with QSD in Tadmur, Manbij and Jarabulus. No fatalities were reported.",
            "Manbij",
        );
        // Where people came from, a distance, a birthplace frame nothing.
        check_location(
            "On 3 June 2023, IS fighters who came from Manbij and Jarabulus attacked Tadmur, killing 3 soldiers.",
            "Tadmur",
        );
        check_location(
            "On 3 June 2023, regime forces shelled Tadmur, 200 km south of Manbij and Jarabulus. 2 civilians were killed.",
            "Tadmur",
        );
        check_location(
            "On 3 June 2023, a native of Manbij and Jarabulus was killed by regime shelling in Tadmur.",
            "Tadmur",
        );
    }

    #[test]
    fn a_country_qualifying_an_actor_places_nothing() {
        check_place(
            "On 3 June 2023, QSD units with US Coalition air cover fought Islamic State cells at the northern edge of Manbij city. No losses were reported.",
            ("Manbij", "Aleppo"),
        );
        // A country said to be the place still is.
        check_place(
            "On 3 June 2023, Islamic State fighters clashed with the Iraqi army in Iraq. No losses were reported.",
            ("Iraq", ""),
        );
        check_place(
            "On 3 June 2023, clashes erupted in Iraq, Islamic State fighters said. No losses were reported.",
            ("Iraq", ""),
        );
    }

    #[test]
    fn a_named_part_of_a_governorate_holds_the_town_before_it() {
        // Tadmur (Homs) is no town of Jabal al-Akrad (Lattakia): the area places the event.
        check_place(
            "On 3 June 2023, rebels clashed with regime forces in Tadmur in Jabal al-Akrad. No fatalities were reported.",
            ("Jabal al-Akrad", "Lattakia"),
        );
        check_place(
            "On 3 June 2023, rebels clashed with regime forces in Jabal al-Akrad. No fatalities were reported.",
            ("Jabal al-Akrad", "Lattakia"),
        );
        // Only "in" holds: a town near the area, or one people come from, stays.
        check_place(
            "On 3 June 2023, rebels clashed with regime forces in Tadmur, far from Jabal al-Akrad. No fatalities were reported.",
            ("Tadmur", "Homs"),
        );
        check_place(
            "On 3 June 2023, rebels displaced from Jabal al-Akrad clashed with regime forces in Tadmur. No fatalities were reported.",
            ("Tadmur", "Homs"),
        );
        // A large region spanning governorates holds nothing: not even a town
        // outside the governorate it is coded in (the Badia: Homs).
        check_place(
            "On 3 June 2023, rebels clashed with IS in Tadmur in the Badia. No fatalities were reported.",
            ("Tadmur", "Homs"),
        );
        check_place(
            "On 3 June 2023, rebels clashed with IS in Manbij in the Badia. No fatalities were reported.",
            ("Manbij", "Aleppo"),
        );
        // The Yarmouk valley is also Jordan's: only "Yarmouk Basin" names Daraa's.
        check_place(
            "On 3 June 2023, rebels clashed with regime forces in the Yarmouk Basin. No fatalities were reported.",
            ("Yarmouk basin", "Dara"),
        );
    }

    /// An invented dump with the Yarmouk camp (Damascus) known as "Yarmouk",
    /// as GeoNames' Syrian dump has it.
    static WITH_CAMP: LazyLock<Resources> = LazyLock::new(|| {
        let mut r = Resources::builtin();
        r.gazetteer.add_geonames_dump(
            "900201\tMukhayyam al Yarmuk\tMukhayyam al Yarmuk\tYarmouk,Al Yarmuk\t33.47\t36.30\tP\tPPL\tSY\t\t13\t\t\t\t0\t\t684\tAsia/Damascus\t2020-01-01\n",
        );
        r
    });

    #[test]
    fn the_yarmouk_valley_is_no_camp() {
        let check = |text: &str, expect: (&str, &str)| {
            let got = top_event(text, &WITH_CAMP).map(|e| (e.location, e.admin1));
            assert_eq!(got, Some((expect.0.to_string(), expect.1.to_string())), "in {text:?}");
        };
        // The valley is also Jordan's: only "Yarmouk Basin" names Daraa's.
        check(
            "On 3 June 2023, the Jordanian army killed 2 smugglers in the Yarmouk valley near Irbid.",
            ("Irbid", "Irbid"),
        );
        check("On 3 June 2023, regime forces shelled the Yarmouk valley, killing 2 civilians.", ("Yarmouk valley", ""));
        check("On 3 June 2023, regime forces shelled Wadi al-Yarmouk, killing 2 civilians.", ("Yarmouk valley", ""));
        // The camp is still the camp.
        check(
            "On 3 June 2023, regime forces shelled Yarmouk, killing 2 civilians.",
            ("Mukhayyam al Yarmuk", "Damascus"),
        );
    }

    #[test]
    fn a_province_named_as_a_citys_countryside_is_coded_at_the_city_inside_it() {
        check_place(
            "On 3 June 2023, regime forces clashed with IS cells in Rural Damascus. No fatalities were reported.",
            ("Damascus", "Rural Damascus"),
        );
        check_place(
            "On 3 June 2023, regime forces clashed with IS cells in Hama province. No fatalities were reported.",
            ("Ḩamāh", "Hama"),
        );
    }

    #[test]
    fn a_governorate_named_as_such_yields_to_a_town_of_it_in_the_sentence() {
        check_place(
            "On 3 June 2023, rebels clashed with regime forces in the western Aleppo countryside, near Al Atarib. No fatalities were reported.",
            ("Al Atārib", "Aleppo"),
        );
        // A town of another governorate does not take the governorate's place:
        // its western side does.
        check_place(
            "On 3 June 2023, rebels clashed with regime forces in the western Aleppo countryside, near Tadmur. No fatalities were reported.",
            ("Aleppo countryside (west)", "Aleppo"),
        );
    }

    #[test]
    fn the_place_a_note_is_coded_to_is_the_events() {
        check_place(
            "On 3 June 2023, IS gunmen attacked a QSD checkpoint in the eastern Deir ez Zor countryside (coded to Hajin), killing 1 QSD member.",
            ("Hajīn", "Deir ez Zor"),
        );
    }

    fn check_countryside(name: &str, expect: Option<&str>) {
        assert_eq!(countryside_of(name), expect, "for {name:?}");
    }

    #[test]
    fn a_division_named_after_a_city_names_the_city() {
        check_countryside("Rural Damascus", Some("Damascus"));
        check_countryside("Damascus Countryside", Some("Damascus"));
        check_countryside("Idlib province", Some("Idlib"));
        check_countryside("Ruralia", None);
        check_countryside("Rural", None);
        check_countryside("Aleppo", None);
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

    #[test]
    fn a_sentence_without_a_place_takes_the_town_of_the_sentence_before() {
        check_location(
            "On 3 June 2023, IS cells were seen in Tadmur in Homs. Later, clashes erupted between IS and regime forces, killing 2.",
            "Tadmur",
        );
    }

    #[test]
    fn a_neighbourhood_is_coded_at_its_city() {
        check_location(
            "On 3 June 2023, gunmen clashed with regime forces in Al Bab neighbourhood in Homs city.",
            "Homs",
        );
    }

    #[test]
    fn an_air_base_or_oil_field_of_our_list_places_the_event() {
        check_location(
            "On 3 June 2023, drones attacked Hmeimim airbase. No fatalities were reported.",
            "Hmeimim airbase",
        );
        check_location("On 3 June 2023, IS fighters attacked QSD guards at the Al-Omar Oil Field.", "Omar oil field");
        check_location("On 3 June 2023, rockets hit Koniko, where US forces are based.", "Conoco gas field");
        // The firm's name and the hormone's or the tram line's are no field
        // or air base.
        for text in [
            "On 3 June 2023, workers at Conoco went on strike in Houston; police arrested 12.",
            "On 3 June 2023, gunmen shot dead 2 passengers on the T4 tram line in Paris.",
        ] {
            assert_ne!(top_event(text, &WITH_DUMP).map(|e| e.country), Some("Syria".to_string()), "in {text:?}");
        }
    }

    #[test]
    fn a_town_far_from_the_town_it_is_said_to_lie_in_yields_to_it() {
        check_location("On 3 June 2023, rebels clashed with QSD in Tadmur village in rural Manbij.", "Manbij");
        check_location("On 3 June 2023, rebels clashed with QSD in Jarabulus in rural Manbij.", "Jarābulus");
    }

    #[test]
    fn a_town_far_from_the_city_it_is_said_to_lie_in_yields_to_the_city() {
        check_location("On 3 June 2023, gunmen clashed with regime forces in Tadmur in Aleppo city.", "Aleppo");
        // A bare seat is its governorate: a town of that governorate stays.
        check_location("On 3 June 2023, rebels clashed with regime forces in Manbij in Aleppo.", "Manbij");
    }

    #[test]
    fn a_facility_named_after_a_place_yields_to_the_town_it_is_in() {
        check_location(
            "On 3 June 2023, gunmen shot dead a QSD member near Tadmur roundabout in Manbij town.",
            "Manbij",
        );
        check_location("On 3 June 2023, gunmen clashed with QSD near the Manbij road.", "Manbij");
        check_location("On 3 June 2023, QSD clashed with gunmen of the Tadmur tribe in Manbij.", "Manbij");
    }

    #[test]
    fn a_country_named_in_an_actor_does_not_place_the_event() {
        check_location("On 3 June 2023, U.S. forces clashed with IS fighters in Manbij.", "Manbij");
        check_location(
            "On 3 June 2023, Russian forces and Russian-backed militias clashed with rebels in Saraqib in Idlib.",
            "Sarāqib",
        );
    }

    #[test]
    fn a_country_backing_a_party_does_not_place_the_event() {
        check_location(
            "On 3 June 2023, gunmen shot dead a Turkey backed rebel while he drove through Manbij town.",
            "Manbij",
        );
    }

    #[test]
    fn an_event_placed_only_by_foreign_actors_falls_to_the_home_forces_country() {
        check_location("On 3 June 2023, regime forces and Russian forces clashed with rebels.", "Syria");
        check_location("On 3 June 2023, U.S. forces clashed with the Taliban.", "United States");
    }

    #[test]
    fn who_takes_a_place_decides_its_territory_type() {
        use SubEventType as T;
        // Another country's forces taking a town are not its government.
        check_events(
            "On 3 June 2023, Turkish forces captured Afrin from the SDF. No fatalities were reported.",
            &[(T::NonStateActorOvertakesTerritory, 0)],
        );
        // The capture's own subject follows "where", not the clause's first actor.
        check_events(
            "On 3 June 2023, clashes took place between regime forces and rebels near Idlib, where the factions took control of Saraqib. No fatalities were reported.",
            &[(T::NonStateActorOvertakesTerritory, 0)],
        );
        // A pronoun there stands for the clause's subject.
        check_events(
            "On 3 June 2023, regime forces advanced on Idlib, where they captured Saraqib. No fatalities were reported.",
            &[(T::GovernmentRegainsTerritory, 0)],
        );
        // A country's forces with no town of their own, against a group of another country, are abroad.
        check_events(
            "On 3 June 2023, Turkish forces captured the hamlet of Tell Zarzour after clashes with the SDF. No fatalities were reported.",
            &[(T::NonStateActorOvertakesTerritory, 0)],
        );
        // "Regime forces" are the government where they fight, wherever a
        // namesake village lies.
        check_events(
            "On 3 June 2023, regime forces captured the town of Sayad from rebel forces. No fatalities were reported.",
            &[(T::GovernmentRegainsTerritory, 0)],
        );
    }

    #[test]
    fn a_sides_helpers_are_not_its_enemy() {
        let check = |text: &str, expect: &str| {
            let e = top_event(text, &RESOURCES).expect("an event");
            assert_eq!(e.actor2, expect, "in {text:?}");
        };
        check(
            "On 3 June 2023, clashes took place between regime forces and pro-regime militias and IS near Palmyra. No fatalities were reported.",
            "Islamic State (Syria)",
        );
        check(
            "On 3 June 2023, regime forces, supported by Russian warplanes, clashed with IS near Palmyra. No fatalities were reported.",
            "Islamic State (Syria)",
        );
        // Alone, the militia is the other party.
        check(
            "On 3 June 2023, regime forces clashed with pro-regime militias in Palmyra. No fatalities were reported.",
            "Militia (Pro-Government)",
        );
    }

    #[test]
    fn a_total_shared_among_places_gives_the_event_its_share() {
        use SubEventType as T;
        check_events(
            "On 3 June 2023, regime forces clashed with rebels in Saraqib in Syria, killing 12 fighters. Total fatalities coded to 12, and the figure split across the three locations.",
            &[(T::ArmedClash, 4)],
        );
        check_events(
            "On 3 June 2023, regime forces clashed with rebels in Saraqib in Syria. Unknown fatalities, assumed at 10, were split as follows: 4 Binnish, 4 Saraqib and 2 Sarmin.",
            &[(T::ArmedClash, 4)],
        );
        // News spreading raids over towns shares no total.
        check_events(
            "On 3 June 2023, regime forces clashed with rebels in Saraqib, killing 12 fighters in raids spread across three towns.",
            &[(T::ArmedClash, 12)],
        );
    }

    #[test]
    fn state_forces_read_a_village_in_their_own_country() {
        use SubEventType as T;
        // Without a country named, "Qusayr" alone may resolve abroad; the
        // regime's forces place it in Syria, so they regain it.
        check_events(
            "On 3 June 2023, regime forces retook Qusayr from the rebels.",
            &[(T::GovernmentRegainsTerritory, 0)],
        );
    }

    #[test]
    fn a_casualty_sentence_without_a_place_reports_the_event_before_it() {
        use SubEventType as T;
        check_events(
            "On 3 June 2023, unidentified gunmen attacked an army checkpoint near Palmyra in Syria. Two soldiers died at the gate and a third was hurt.",
            &[(T::ArmedClash, 2)],
        );
        check_events(
            "On 3 June 2023, HTS fighters clashed with a clan in Idlib over a well. HTS then rushed more men to the town. 2 people were killed.",
            &[(T::ArmedClash, 2)],
        );
    }

    #[test]
    fn a_clause_of_another_episode_is_not_folded() {
        use SubEventType as T;
        check_events(
            "On 3 June 2023, soldiers clashed with rebels in Aleppo, Syria, while gunmen killed 6 shepherds in a separate raid.",
            &[(T::ArmedClash, 0), (T::Attack, 6)],
        );
        check_events(
            "On 3 June 2023, soldiers clashed with rebels in Aleppo, Syria, killing 2, while in Homs 5 people died when a rocket hit a bakery.",
            &[(T::ArmedClash, 2), (T::ShellingArtilleryMissileAttack, 5)],
        );
    }

    fn check_quoted(head: &str, expect: bool) {
        assert_eq!(quoted(head), expect, "{head:?}");
    }

    #[test]
    fn text_ends_inside_a_quotation() {
        check_quoted("“Our men managed to ", true);
        check_quoted("\"They came at night and ", true);
        check_quoted("“We held the line,” the colonel said, and rebels ", false);
        check_quoted("Rebels ", false);
    }
}
