//! The article analysed: its text cleaned and cut into sentences, its
//! places, actors, dates and counts recognised, its countries and
//! governorates checked; and its mentions in text order for the output.

use std::borrow::Cow;

use super::classify::{self, Found};
use super::country::{
    Countries, backs, dateline, main_country, named_country, plausible, qualifies, rehome, relocate, state_country,
};
use super::governorate::{actor_areas, far_from_container, regovern};
use super::village;
use crate::Resources;
use crate::actor::{ActorMention, covers};
use crate::clean::{CleanText, clean};
use crate::count::{self, CountMention};
use crate::date::{self, DateMention};
use crate::gazetteer::PlaceMention;
use crate::model::*;
use crate::segment::{self, Sentence};
use chrono::NaiveDate;

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
    /// The event cues of each sentence ([`classify::cues_among`]).
    pub cues: Vec<Vec<Found>>,
    /// Byte offset in the original text of each character, when cleaning
    /// changed byte lengths (curly quotes to straight ones); else empty.
    original_starts: Vec<u32>,
}

/// An article cleaned and cut into sentences, with the event cues of each
/// sentence: what tells, before any mention is recognised, whether and
/// where the article can hold an event.
struct Segmented {
    clean: CleanText,
    sentences: Vec<Sentence>,
    starts: crate::PrefixStarts,
    rules: Vec<crate::RuleCandidates>,
    cues: Vec<Vec<Found>>,
}

impl Segmented {
    fn new(article: &Article) -> Segmented {
        let clean = clean(&article.text);
        let (mut sentences, starts, reporting) = segment::unattributed(&clean);
        let rules = crate::rule_candidates(&sentences);
        let cues = sentences
            .iter()
            .zip(&rules)
            .map(|(s, &r)| {
                if r.cues == 0 {
                    return Vec::new();
                }
                let run = r.starts.map(|(a, b)| &starts[a as usize..b as usize]);
                classify::cues_among(s.text(&clean), s.start, r, run)
            })
            .collect::<Vec<_>>();
        // An event reads the attribution of its own sentence only, which
        // holds its cue; no mention is attributed.
        segment::attribute(&clean, &mut sentences, &reporting, |k| !cues[k].is_empty());
        Segmented { clean, sentences, starts, rules, cues }
    }
}

/// The date mentions of the sentences `needed` marks (of all of them when
/// it is `None`, or when the article has no publication date: it is
/// inferred from them all), and the publication date with whether it was
/// inferred. A date resolves by itself unless it is an anaphor ("the next
/// day"), which counts from the dates before it: then every sentence up to
/// the last one needed is scanned.
fn dated(
    article: &Article,
    clean: &CleanText,
    sentences: &[Sentence],
    needed: Option<&[bool]>,
) -> (Vec<DateMention>, Option<NaiveDate>, bool) {
    let scanned = match needed {
        Some(needed) if article.published.is_some() => {
            let some = date::Scanned::among(clean, sentences, |k| needed[k]);
            if some.anaphoric() {
                let upto = needed.iter().rposition(|&n| n).map_or(0, |k| k + 1);
                date::Scanned::among(clean, sentences, |k| k < upto)
            } else {
                some
            }
        }
        _ => date::Scanned::new(clean, sentences),
    };
    let mut dates = scanned.resolve(article.published);
    let (published, published_inferred) = match article.published {
        Some(p) => (Some(p), false),
        None => {
            let p = date::infer_published(clean, sentences, &dates).or(article.read_on);
            if p.is_some() {
                dates = scanned.resolve(p);
            }
            (p, p.is_some())
        }
    };
    (dates, published, published_inferred)
}

/// The sentences whose dates the events of an article read: those with a
/// cue (its event's date, the background and "held since" tests), the one
/// before each (an event carried on from it takes its date) and those with
/// a figure (a toll "since" an old date is no event's, `attach_counts`).
fn read_for_events(sentences: &[Sentence], cues: &[Vec<Found>], counts: &[CountMention]) -> Vec<bool> {
    let mut needed: Vec<bool> = cues.iter().map(|c| !c.is_empty()).collect();
    for k in 1..needed.len() {
        if !cues[k].is_empty() {
            needed[k - 1] = true;
        }
    }
    for c in counts {
        needed[sentences.partition_point(|s| s.start <= c.start).saturating_sub(1)] = true;
    }
    needed
}

/// What [`Document::for_events`] gives.
pub enum ForEvents<'a> {
    /// The article analysed as far as its events read it.
    Analysed(Box<Document<'a>>),
    /// No sentence holds an event cue, so the article has no event and no
    /// diagnostic ([`super::events`] starts from the cues); its
    /// publication date and whether it was inferred.
    NoCue(Option<NaiveDate>, bool),
}

impl<'a> Document<'a> {
    /// The article analysed for its events and its mentions.
    pub fn analyse(article: &'a Article, resources: &'a Resources) -> Document<'a> {
        Document::recognise(article, resources, Segmented::new(article), false)
    }

    /// The article analysed for its events only, with [`Document::analyse`]'s
    /// events and diagnostics: nothing is recognised in an article without
    /// an event cue, and only the dates of the sentences events read
    /// ([`read_for_events`]) are scanned.
    pub fn for_events(article: &'a Article, resources: &'a Resources) -> ForEvents<'a> {
        let seg = Segmented::new(article);
        if seg.cues.iter().all(Vec::is_empty) {
            let (_, published, inferred) =
                dated(article, &seg.clean, &seg.sentences, Some(&vec![false; seg.sentences.len()]));
            return ForEvents::NoCue(published, inferred);
        }
        ForEvents::Analysed(Box::new(Document::recognise(article, resources, seg, true)))
    }

    /// Recognises the mentions of a segmented article: with `events_only`,
    /// the dates only of the sentences events read.
    fn recognise(article: &'a Article, resources: &'a Resources, seg: Segmented, events_only: bool) -> Document<'a> {
        let Segmented { clean, sentences, starts, rules, cues } = seg;
        let counts = count::recognise_among(&clean, &sentences, &rules, &starts);
        let needed = events_only.then(|| read_for_events(&sentences, &cues, &counts));
        let (dates, published, published_inferred) = dated(article, &clean, &sentences, needed.as_deref());
        let mut places = resources.gazetteer.recognise(&clean, &sentences);
        rehome(&mut places, resources, &clean.text, &[]);
        let g = &resources.gazetteer;
        let mut country_code = main_country(places.iter().filter(|m| !dateline(&clean.text, m)), &clean.text, g);
        let mut actors = resources.actors.recognise_at(&clean, &sentences, country_code.as_deref(), published);
        // A country or people named in an actor ("U.S. forces", "Russian
        // warplanes") says whose the actor is, not where the article is: the
        // other places say that, when there are any.
        let inside = |m: &PlaceMention, a: &ActorMention| a.start <= m.start && m.end <= a.end;
        let located = main_country(
            places.iter().filter(|m| {
                !backs(&clean.text, m) && !qualifies(&clean.text, m, &actors) && !covers(&actors, m.start, m.end)
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
        if !areas.is_empty() {
            rehome(&mut places, resources, &clean.text, &areas);
        }
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
            cues,
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
        self.original_in(self.chars(start, end), (start, end))
    }

    /// [`Document::original`] of a byte span whose character span
    /// ([`Document::chars`]) is known already.
    fn original_in(&self, (s, e): (usize, usize), (start, end): (usize, usize)) -> &'a str {
        if self.original_starts.is_empty() {
            return &self.article.text[start..end];
        }
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
            self.dates
                .iter()
                .enumerate()
                .filter(|(_, m)| !m.time_of_day)
                .map(|(i, m)| ((m.start, m.end), Of::Date(i)))
                .collect(),
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
            let text = self.original_in((s, e), (start, end));
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
                text: Cow::Borrowed(self.original_in((s, e), (start, end))),
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

#[cfg(test)]
mod tests {
    use super::*;

    static RESOURCES: std::sync::LazyLock<Resources> = std::sync::LazyLock::new(Resources::builtin);

    fn article(text: &str, published: Option<NaiveDate>) -> Article {
        Article { id: "t".into(), text: text.into(), published, ..Default::default() }
    }

    /// The events and diagnostics of a document, as text to compare.
    fn events_of(doc: &Document<'_>) -> String {
        format!("{:?}", super::super::events(doc))
    }

    /// An article with no event cue is not recognised at all for its
    /// events: it has none and no diagnostic, and its publication date is
    /// the one `analyse` gives, given or inferred.
    #[test]
    fn an_article_without_an_event_cue_is_not_recognised_for_events() {
        let text = "The council of Marrowby met on 12 May 2021 to plan the harvest fair. \
                    Stalls will line the square, the mayor said on 14 May 2021.";
        for published in [NaiveDate::from_ymd_opt(2021, 5, 15), None] {
            let a = article(text, published);
            let full = Document::analyse(&a, &RESOURCES);
            assert_eq!(events_of(&full), "([], [])");
            match Document::for_events(&a, &RESOURCES) {
                ForEvents::NoCue(p, inferred) => {
                    assert_eq!((p, inferred), (full.published, full.published_inferred));
                    assert_eq!(p, published.or(NaiveDate::from_ymd_opt(2021, 5, 14)));
                }
                ForEvents::Analysed(_) => panic!("analysed an article without a cue"),
            }
        }
    }

    /// For its events, only the dates of the sentences events read are
    /// scanned (all of them without a publication date, which is inferred
    /// from them; all up to the last one read when an anaphor counts from
    /// the dates before it), and the events are those of the whole
    /// article's dates.
    #[test]
    fn only_the_dates_events_read_are_scanned_for_events() {
        fn analysed(a: &Article) -> Document<'_> {
            match Document::for_events(a, &RESOURCES) {
                ForEvents::Analysed(doc) => *doc,
                ForEvents::NoCue(..) => panic!("no cue in {:?}", a.text),
            }
        }
        let spans = |dates: &[DateMention]| dates.iter().map(|d| (d.start, d.value.clone())).collect::<Vec<_>>();
        let early = NaiveDate::from_ymd_opt(2023, 4, 5);
        let cases = [
            (
                "Gunmen killed four farmers in Kafr Lusin on 3 April 2023. The town hosted a trade fair on \
                 2 February 2022. Its museum reopened on 9 March 2022.",
                early,
                vec!["2023-04-03"],
            ),
            (
                "Gunmen killed four farmers in Kafr Lusin on 3 April 2023. The town hosted a trade fair on \
                 2 February 2022. Its museum reopened on 9 March 2022.",
                None,
                vec!["2023-04-03", "2022-02-02", "2022-03-09"],
            ),
            (
                "The museum of Kafr Lusin reopened on 30 March 2023. The mayor thanked the volunteers. \
                 Gunmen killed four farmers in the town the following day.",
                early,
                vec!["2023-03-30", "2023-03-31"],
            ),
        ];
        for (text, published, values) in cases {
            let a = article(text, published);
            let full = Document::analyse(&a, &RESOURCES);
            let doc = analysed(&a);
            let got: Vec<String> = doc.dates.iter().map(|d| d.value.clone()).collect();
            assert_eq!(got, values, "{text}");
            let needed = read_for_events(&full.sentences, &full.cues, &full.counts);
            let read: Vec<DateMention> = full
                .dates
                .iter()
                .filter(|d| needed[full.sentences.partition_point(|s| s.start <= d.start) - 1])
                .cloned()
                .collect();
            let doc_read: Vec<DateMention> = doc
                .dates
                .iter()
                .filter(|d| needed[full.sentences.partition_point(|s| s.start <= d.start) - 1])
                .cloned()
                .collect();
            assert_eq!(spans(&doc_read), spans(&read), "{text}");
            assert_eq!((doc.published, doc.published_inferred), (full.published, full.published_inferred));
            assert_eq!(events_of(&doc), events_of(&full), "{text}");
            assert_ne!(events_of(&doc), "([], [])", "{text}");
        }
    }

    /// Only the sentences with a cue are attributed, as the whole
    /// segmentation attributes them; one whose words a cue pattern may
    /// match, but that holds no cue, is not.
    #[test]
    fn only_sentences_with_a_cue_are_attributed() {
        let text = "Gunmen killed four farmers in Kafr Lusin on 3 April 2023, the monitoring group said. \
                    The fighters of the old fort were a tale for tourists, local officials said. \
                    The harvest fair will open in May, local officials said.";
        let a = article(text, NaiveDate::from_ymd_opt(2023, 4, 5));
        let doc = Document::analyse(&a, &RESOURCES);
        let all = crate::segment::sentences(&doc.clean);
        let source = |s: &Sentence| s.source.as_ref().map(|a| a.source.clone());
        assert_eq!(doc.sentences.len(), 3);
        assert!(!doc.cues[0].is_empty());
        assert_eq!(source(&doc.sentences[0]).as_deref(), Some("the monitoring group"));
        assert_eq!(source(&all[0]), source(&doc.sentences[0]));
        assert!(doc.cues[1].is_empty() && doc.cues[2].is_empty());
        assert_ne!(doc.sentences[1].rules.cues, 0, "no cue pattern is a candidate in {:?}", all[1]);
        for k in [1, 2] {
            assert_eq!(source(&all[k]).as_deref(), Some("local officials"));
            assert_eq!(source(&doc.sentences[k]), None);
        }
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
}
