//! Fatalities: the counts that belong to each event, and an event's share
//! of a total shared among several.

use std::sync::LazyLock;

use regex::Regex;

use super::clause::{SPAN_DAYS, bare, clauses};
use super::draft::Draft;
use super::{Document, within};
use crate::count;

/// The event's share of a `total` that its sentence or a later one of its
/// paragraph shares among several events ("fatalities coded to 9 in all,
/// split across the events"), unless a closing figure after that sentence
/// restates the event's own.
/// `counts` are the event's (sentence, count) pairs, `place` its place's mention.
pub(super) fn shared(
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

/// Counts in sentences without an event of their own belong to the events
/// before them: a figure ("Two soldiers died.") to the nearest one when it
/// follows in its paragraph or opens the next (a wire story's one-sentence
/// paragraphs), or further on (a quote between the lead and its toll) when
/// no sentence from the event's to the figure's tells background ("The
/// war has killed 4,000 since then.", [`count::background`]); a summary ("2 fatalities.", "Unknown fatalities
/// coded as 10.") to every one of its paragraph, as ACLED's closing line
/// sums up the note.
pub(super) fn attach_counts(doc: &Document<'_>, drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        d.counts.retain(|&(_, k)| !since_long_ago(doc, k));
    }
    // The clauses of the sentence of the last figure, cut once per sentence.
    let mut cut: (usize, Vec<(usize, usize)>) = (usize::MAX, Vec::new());
    // Whether each sentence tells background, asked once per sentence: the
    // figures after an event ask about the same sentences again and again.
    let mut told = Told::new(doc);
    for (k, c) in doc.counts.iter().enumerate() {
        let Some(si) = doc.sentences.iter().position(|s| within(c.start, c.end, s.start, s.end)) else { continue };
        if since_long_ago(doc, k) {
            continue;
        }
        if drafts.iter().any(|d| d.sentence == si) {
            // A figure in a clause with no event of its own ("..., leaving
            // 8 people dead") is the event's of the clause before it, unless
            // the clause names its own place or date ("while in X 4 died").
            let s = &doc.sentences[si];
            if cut.0 != si {
                cut = (si, clauses(doc, s.start, s.end));
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
        } else if let Some(d) = drafts.iter_mut().rev().find(|d| d.sentence < si)
            && (doc.sentences[si - 1].paragraph == doc.sentences[d.sentence].paragraph
                || !(d.sentence + 1..=si).any(|i| told.background(i)))
        {
            d.counts.push((si, k));
        }
    }
}

/// [`count::background`] of each sentence of a document, found when first
/// asked.
struct Told<'d> {
    doc: &'d Document<'d>,
    background: Vec<Option<bool>>,
}

impl<'d> Told<'d> {
    fn new(doc: &'d Document<'d>) -> Told<'d> {
        Told { doc, background: vec![None; doc.sentences.len()] }
    }

    fn background(&mut self, i: usize) -> bool {
        let doc = self.doc;
        *self.background[i].get_or_insert_with(|| count::background(doc.sentences[i].text(&doc.clean)))
    }
}

/// Whether the count `k` is a toll since a date more than [`SPAN_DAYS`]
/// before the report, in its clause ("100 people have been killed since
/// October 8" in a report of March): a toll over the span, not of one event.
/// A recent start ("since April 13" in a report of April 18) begins an
/// operation whose dead ACLED codes together, and a superlative measures
/// the event's own dead against the span ("the deadliest raid since
/// January killed 12").
fn since_long_ago(doc: &Document<'_>, k: usize) -> bool {
    let Some(published) = doc.published else { return false };
    let c = &doc.counts[k];
    let text = &doc.clean.text;
    let Some(s) = doc.sentences.iter().find(|s| within(c.start, c.end, s.start, s.end)) else { return false };
    doc.dates.iter().filter(|m| within(m.start, m.end, s.start, s.end)).any(|m| {
        let before = text[s.start..m.start].trim_end();
        before.to_ascii_lowercase().ends_with(" since")
            && !SUPERLATIVE_SINCE.is_match(before)
            && (c.start > m.end || TOLL.is_match(&text[s.start..s.end]))
            && (published - m.last).num_days() > SPAN_DAYS
            && count::same_clause(&text[s.start..s.end], c.start - s.start, m.start - s.start)
    })
}

/// A superlative or a first right before "since": "the deadliest attack
/// since", "the first raid on the town since".
static SUPERLATIVE_SINCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:first|worst|deadliest|bloodiest|biggest|largest|heaviest|highest|greatest|fiercest|most\s+\w+)(?:\s+[\w'-]+){0,4}?\s+since$",
    )
});

/// Wording of a toll over a span: a present perfect of dying or killing,
/// or a total ("have been killed", "bringing the toll to", "so far").
static TOLL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:(?:has|have|had)\s+(?:now\s+|so far\s+|already\s+)?(?:been\s+)?(?:killed|died|lost|claimed|perished|left)|death tolls?|tolls?|tally|total|bringing|brings|brought|so far|in all|altogether|overall|cumulative)\b",
    )
});

/// Compiles this module's regexes now, not in the first article that needs
/// them ([`crate::COMPILE_RULES`]).
pub(super) fn compile_rules() {
    for regex in [&SUPERLATIVE_SINCE, &TOLL] {
        LazyLock::force(regex);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Resources};

    #[test]
    fn background_is_asked_once_per_sentence_and_answers_as_the_count_module() {
        let article = Article {
            id: "t".into(),
            text: "Shelling hit a market in Kandor on Monday. The siege has lasted since 2019. Four traders died."
                .into(),
            ..Default::default()
        };
        let resources = Resources::builtin();
        let doc = Document::analyse(&article, &resources);
        let mut told = Told::new(&doc);
        for (i, s) in doc.sentences.iter().enumerate() {
            assert_eq!(told.background[i], None);
            assert_eq!(told.background(i), count::background(s.text(&doc.clean)));
            assert_eq!(told.background[i], Some(count::background(s.text(&doc.clean))));
        }
        assert!(told.background(1), "a span of years is background");
        assert!(!told.background(2));
    }
}
