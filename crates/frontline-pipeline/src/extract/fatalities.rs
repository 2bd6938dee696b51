//! Fatalities: the counts that belong to each event, and an event's share
//! of a total shared among several.

use super::clause::{bare, clauses};
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
                || !(d.sentence + 1..=si).any(|i| count::background(doc.sentences[i].text(&doc.clean))))
        {
            d.counts.push((si, k));
        }
    }
}
