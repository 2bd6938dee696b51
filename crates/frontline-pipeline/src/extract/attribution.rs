//! Who did it, told after the event: "Residents blamed the M23.", "The
//! raid was staged by gangs of the X alliance.", "X claimed
//! responsibility." The group named is the actor of the unidentified event
//! told just before.

use std::sync::LazyLock;

use regex::Regex;

use super::Document;
use super::draft::Draft;
use crate::model::Inter;
use crate::text::starts_with_word;

/// Words before the group blamed: "blamed", "accused", "carried out by",
/// "attributed the attack to".
static BLAME_BEFORE_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|attribut(?:ed|es|ing) (?:[\w'-]+ ){0,3}?to|(?:carried out|claimed|staged|perpetrated|committed|conducted|launched) by)\s",
    )
});

/// A charge after the group blamed, or after "claimed responsibility":
/// `for`/`of` within two words, and what follows it.
static CHARGE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"^(?:\s+[a-z][\w-]*){0,2}?\s+(?:of|for)\s+([^.;:]*)"));

/// A charge that points back to an act already told ("for the bombing",
/// "of staging this attack", "for Sunday's raid", "for the Bokkos
/// killings"), not to another fault ("of negligence") nor to another,
/// indefinite act ("for a raid", "for bombings in the capital").
static CHARGE_OF_ACT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(&format!(
        r"(?i)^(?:(?:carrying out|staging|launching|committing|perpetrating|conducting|planting|detonating|orchestrating|masterminding|being behind)\s+)?(?:the|this|that|these|those|(?:mon|tues|wednes|thurs|fri|satur|sun)day's)\s+(?:[\w-]+\s+){{0,2}}?{ACT_NOUN}\b",
    ))
});

/// A noun that names a violent act already told ("the raid", "this
/// bombing"): what a charge or a re-telling points back to.
const ACT_NOUN: &str = r"(?:attacks?|bombings?|raids?|assaults?|strikes?|ambush(?:es)?|killings?|massacres?|murders?|abductions?|kidnappings?|blasts?|explosions?|shelling)";

/// Between the blame wording and the group blamed: a few lowercase words
/// ("the", "armed", "gangs belonging to the"), no punctuation, no other
/// clause.
static NEXT_TO: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"^\s*(?:[a-z][\w'-]*\s+){0,4}$"));

/// Between the group and "claimed responsibility" or "was behind": at most
/// one adverb or auxiliary ("has claimed", "later claimed").
static RIGHT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"^\s*(?:(?:has|have|had|later|also|swiftly|quickly)\s+)?$"));

/// Habit, past or other deeds: the blame is not for this event ("frequently
/// claims", "many such attacks", "last month", "previously").
static HABIT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:frequently|often|usually|routinely|regularly|repeatedly|many such|similar|previously|in the past|last (?:month|week|year)|earlier this (?:month|year))\b",
    )
});

/// An accusation: it counts only with a charge of the act ([`CHARGE_OF_ACT`]).
static ACCUSATION: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)^accus"));

/// Words after the group that claims or is said to be behind it: "claimed
/// responsibility", "was behind", "were responsible for".
static BLAME_AFTER_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:claim(?:ed|s)? (?:responsibility|credit)|took responsibility|(?:was|were|is|are) (?:behind|responsible for))\b",
    )
});

/// A denial, an open question or an unconfirmed claim: "no group has
/// claimed", "did not say who was behind", "denied", "unconfirmed reports
/// said".
static DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:no|nobody|not|never|den(?:ied|ies|y)|without|unclear|unknown|who|whether|unconfirmed|unverified|rumou?rs?)\b",
    )
});

/// The sentence retells the event before it ("The raid was staged by
/// …"): not a new event.
static RETOLD: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(&format!(
        r"(?i)^\W*(?:the|this|that) (?:[\w-]+ )?{ACT_NOUN} (?:was|were|had been|has been) (?:carried out|staged|perpetrated|committed|conducted|launched) by\b",
    ))
});

/// The sentence retells where the event before it was ("The raid took
/// place near X.", "This bombing happened in Y."): the place is that
/// event's ([`super::place`]), and the sentence is no new event.
static RETOLD_AT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(&format!(
        r"(?i)^\W*(?:the|this|that) (?:[\w-]+ )?(?P<noun>{ACT_NOUN}) (?:happened|took place|occurred|(?:was|were) carried out) (?:near|in|at|outside|close to)\b",
    ))
});

/// Act nouns that fit any violent event ("the attack", "the raid"); the
/// others name a kind of act ("the bombing", "the kidnapping") and retell
/// only an event of that kind.
static ANY_ACT: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)^(?:attack|raid|assault|ambush|killing|massacre|murder)"));

/// Whether `text`, a sentence, retells where the event before it was
/// ([`RETOLD_AT`]), naming it by a noun that fits any event (`Some(true)`)
/// or one kind of event (`Some(false)`).
pub(super) fn retold_at(text: &str) -> Option<bool> {
    RETOLD_AT.captures(text).map(|c| ANY_ACT.is_match(&c["noun"]))
}

/// How many paragraphs back the blamed event may be told (a wire story's
/// lead, its toll, then who did it).
const REACH: usize = 2;

/// Words every match of [`BLAME_BEFORE_GROUP`] or [`BLAME_AFTER_GROUP`]
/// holds, in any case: the rule prefilter's one pass over the article
/// marks the sentences that hold one ([`crate::RuleCandidates::blame`]),
/// and most sentences hold none, so neither regex runs there.
const BLAME_WORDS: [&str; 14] = [
    "blam",
    "accus",
    "attribut",
    "carried out by",
    "claimed by",
    "staged by",
    "perpetrated by",
    "committed by",
    "conducted by",
    "launched by",
    "responsibility",
    "credit",
    "behind",
    "responsible for",
];

/// [`BLAME_WORDS`] as one pattern for the rule prefilter: its literals
/// are the words, at both ends, so its bit says whether a sentence holds
/// one of them.
pub(crate) fn blame_pattern() -> String {
    BLAME_WORDS.map(regex_syntax::escape).join("|")
}

/// Gives the group a later sentence blames to the unidentified actor1 of
/// the event told last in the [`REACH`] paragraphs before it, and drops the
/// sentence's own event when it retells that one or where it was.
pub(super) fn attribute(doc: &Document<'_>, drafts: &mut Vec<Draft>) {
    drop_retold_at(doc, drafts);
    for (i, s) in doc.sentences.iter().enumerate() {
        if !s.rules.blame {
            continue;
        }
        let text = s.text(&doc.clean);
        let named = |m: &&crate::actor::ActorMention| {
            m.start >= s.start
                && m.end <= s.end
                && !m.actor.name.starts_with("Unidentified")
                && matches!(
                    m.actor.inter,
                    Inter::RebelGroup | Inter::PoliticalMilitia | Inter::IdentityMilitia | Inter::StateForces
                )
        };
        let Some((group, charge_from)) = blamed(doc, s, text, named) else { continue };
        // What the charge says after the group or the wording, to the end of
        // its clause: habit, past deeds or a denial anywhere before make no
        // actor, and a place it names picks the event told there.
        let charge = &text[charge_from..];
        let clause_end = charge_from + charge.find([',', ';']).unwrap_or(charge.len());
        if HABIT.is_match(&text[..clause_end]) || DENIAL.is_match(text) {
            continue;
        }
        // Where each event was last told before the sentence: its own
        // sentence, or a later one folded into it.
        let last_told =
            |d: &Draft| {
                d.cand.evidence.iter().map(|e| e.0).filter(|&e| e < s.start).max().and_then(|e| {
                    doc.sentences.iter().position(|t| t.start <= e && e < t.end).filter(|_| d.sentence != i)
                })
            };
        let told: Vec<(usize, usize)> = drafts
            .iter()
            .enumerate()
            .filter_map(|(k, d)| last_told(d).map(|t| (k, t)))
            .filter(|&(_, t)| doc.sentences[t].paragraph + REACH >= s.paragraph)
            .collect();
        let named_place = |k: &usize| {
            drafts[*k].cand.place.as_ref().is_some_and(|p| names_word(&text[charge_from..clause_end], &p.0.name))
        };
        let at_place: Vec<(usize, usize)> = told.iter().copied().filter(|(k, _)| named_place(k)).collect();
        let pool = if at_place.is_empty() { &told } else { &at_place };
        let Some(&(before, _)) = pool.iter().max_by_key(|&&(_, t)| t) else { continue };
        let d = &mut drafts[before];
        if d.cand.actor1.as_ref().is_some_and(|a| a.name.starts_with("Unidentified")) {
            let cc = d.cand.place.as_ref().map(|p| p.0.country_code.as_str());
            if let Some(a) = doc.resources.actors.resolve(group.entry, cc, doc.published) {
                d.cand.actor1 = Some(a);
            }
        }
        if RETOLD.is_match(text) {
            drafts.retain(|d| d.sentence != i);
        }
    }
}

/// Drops the event of a sentence that only retells where the event told
/// before it in its paragraph was ([`RETOLD_AT`]), by a noun that fits
/// that event.
fn drop_retold_at(doc: &Document<'_>, drafts: &mut Vec<Draft>) {
    let retelling = |r: &Draft| {
        let s = &doc.sentences[r.sentence];
        retold_at(s.text(&doc.clean)).is_some_and(|any| {
            drafts.iter().any(|d| {
                d.sentence < r.sentence
                    && doc.sentences[d.sentence].paragraph == s.paragraph
                    && (any || d.cand.sub_event_type == r.cand.sub_event_type)
            })
        })
    };
    let dropped: Vec<usize> = drafts.iter().filter(|r| retelling(r)).map(|r| r.sentence).collect();
    drafts.retain(|d| !dropped.contains(&d.sentence));
}

/// The group a blaming sentence names, and where its charge starts: the
/// object right after the blame verb ("blamed the M23", "staged by gangs
/// of the G9"), whose charge, if any, is the act already told; or the
/// subject right before "claimed responsibility" or "was behind", whose
/// complement, if any, is that act.
fn blamed<'d>(
    doc: &'d Document<'_>,
    s: &crate::segment::Sentence,
    text: &str,
    named: impl Fn(&&crate::actor::ActorMention) -> bool,
) -> Option<(&'d crate::actor::ActorMention, usize)> {
    if let Some(w) = BLAME_BEFORE_GROUP.find(text) {
        let from = s.start + w.end();
        let m = doc.actors.iter().filter(&named).find(|m| m.start >= from)?;
        if !NEXT_TO.is_match(&doc.clean.text[from..m.start]) {
            return None;
        }
        let after = &doc.clean.text[m.end..s.end];
        match CHARGE.captures(after) {
            Some(c) if CHARGE_OF_ACT.is_match(&c[1]) => Some((m, m.end - s.start + c.get(1)?.start())),
            Some(_) => None,
            None if ACCUSATION.is_match(w.as_str()) => None,
            None => Some((m, m.end - s.start)),
        }
    } else if let Some(w) = BLAME_AFTER_GROUP.find(text) {
        let to = s.start + w.start();
        let m = doc.actors.iter().take_while(|m| m.end <= to).filter(|m| m.start >= s.start).last()?;
        if !named(&m) || !RIGHT_BEFORE.is_match(&doc.clean.text[m.end..to]) {
            return None;
        }
        let rest = text[w.end()..].trim_start();
        let wording = w.as_str();
        let ok = if wording.ends_with("for") || wording.ends_with("behind") {
            CHARGE_OF_ACT.is_match(rest) || starts_with_word(rest, "it")
        } else {
            match rest.strip_prefix("for ") {
                Some(act) => CHARGE_OF_ACT.is_match(act.trim_start()),
                None => true,
            }
        };
        ok.then_some((m, text.len() - rest.len()))
    } else {
        None
    }
}

/// Whether `name` stands in `text` as a whole word.
fn names_word(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(k, _)| {
        !text[..k].ends_with(|c: char| c.is_alphanumeric())
            && !text[k + name.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Compiles this module's regexes now, not in the first article that needs
/// them ([`crate::COMPILE_RULES`]).
pub(super) fn compile_rules() {
    for regex in [
        &BLAME_BEFORE_GROUP,
        &CHARGE,
        &CHARGE_OF_ACT,
        &NEXT_TO,
        &RIGHT_BEFORE,
        &HABIT,
        &ACCUSATION,
        &BLAME_AFTER_GROUP,
        &DENIAL,
        &RETOLD,
        &RETOLD_AT,
        &ANY_ACT,
    ] {
        LazyLock::force(regex);
    }
}
