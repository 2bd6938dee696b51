//! Who did it, told after the event: "Residents blamed the M23.", "The
//! raid was staged by gangs of the X alliance.", "X claimed
//! responsibility." The group named is the actor of the unidentified event
//! told just before.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::Document;
use super::draft::Draft;
use crate::model::Inter;

/// Words before the group blamed: "blamed", "accused", "carried out by",
/// "attributed the attack to".
static BLAME_BEFORE_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|attribut(?:ed|es|ing) (?:[\w'-]+ ){0,3}?to|(?:carried out|claimed|staged|perpetrated|committed|conducted|launched) by)\s",
    )
});

/// A charge that names the act after the group accused or blamed ("accused
/// the militia of carrying out the attack", "blamed X for the bombing"),
/// not another fault ("of negligence", "for failing to protect them").
static CHARGE_OF_ACT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^[^.;:]{0,60}?\b(?:of|for)\s+(?:(?:carrying out|staging|launching|committing|perpetrating|conducting|planting|detonating|orchestrating|masterminding|being behind|killing|attacking|abducting|kidnapping|bombing|shelling|murdering|massacring|ambushing|torching|burning)\b|(?:(?:the|this|that|these|those|its|their|an?|[\w-]+'s)\s+)?(?:(?:deadly|suicide|bomb|car|drone|rocket|mortar|missile|air|armed|recent|latest|twin|double|market|night|cross-border|\w+ed|(?-i:[A-Z])[\w-]*)\s+)?(?:attacks?|bombings?|raids?|assaults?|strikes?|ambush(?:es)?|killings?|massacres?|murders?|abductions?|kidnappings?|blasts?|explosions?|shelling)\b)",
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
    crate::rule_regex(
        r"(?i)^\W*(?:the|this|that) (?:[\w-]+ )?(?:attacks?|bombings?|raids?|assaults?|strikes?|ambush(?:es)?|killings?|massacres?|abductions?|kidnappings?|blasts?|explosions?|shelling) (?:was|were|had been|has been) (?:carried out|staged|perpetrated|committed|conducted|launched) by\b",
    )
});

/// How many paragraphs back the blamed event may be told (a wire story's
/// lead, its toll, then who did it).
const REACH: usize = 2;

/// Words every match of [`BLAME_BEFORE_GROUP`] or [`BLAME_AFTER_GROUP`]
/// holds, ASCII-lowercased, with the two characters `(?i)` folds to an
/// ASCII letter (long s, Kelvin sign): one pass over the lowercased
/// sentence tells whether either regex can match there, and most
/// sentences hold none of them.
static BLAME_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new([
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
        "\u{17F}",
        "\u{212A}",
    ])
    .expect("the blame words build an automaton")
});

/// Gives the group a later sentence blames to the unidentified actor1 of
/// the event told last in the [`REACH`] paragraphs before it, and drops the
/// sentence's own event when it retells that one.
pub(super) fn attribute(doc: &Document<'_>, drafts: &mut Vec<Draft>) {
    let lower = doc.clean.lower();
    for (i, s) in doc.sentences.iter().enumerate() {
        if !BLAME_WORDS.is_match(&lower[s.start..s.end]) {
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
        let (group, wording_end) = if let Some(w) = BLAME_BEFORE_GROUP.find(text) {
            let from = s.start + w.end();
            // "accused X of …", "blamed X for …": the charge must be the act.
            let charged = |m: &&crate::actor::ActorMention| {
                let after = &doc.clean.text[m.end..s.end];
                if CHARGE_OF_ACT.is_match(after) {
                    return true;
                }
                let rest = after.trim_start();
                !(ACCUSATION.is_match(w.as_str()) || starts_with_word(rest, "of") || starts_with_word(rest, "for"))
            };
            (doc.actors.iter().filter(named).find(|m| m.start >= from).filter(charged), w.end())
        } else if let Some(w) = BLAME_AFTER_GROUP.find(text) {
            let to = s.start + w.start();
            (doc.actors.iter().filter(named).take_while(|m| m.end <= to).last(), w.end())
        } else {
            continue;
        };
        let Some(group) = group else { continue };
        if DENIAL.is_match(&text[..wording_end]) {
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
        let Some((before, at)) =
            drafts.iter().enumerate().filter_map(|(k, d)| last_told(d).map(|t| (k, t))).max_by_key(|&(_, t)| t)
        else {
            continue;
        };
        if doc.sentences[at].paragraph + REACH < s.paragraph {
            continue;
        }
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

/// Whether `text` starts with the whole word `word`, in any case.
fn starts_with_word(text: &str, word: &str) -> bool {
    text.get(..word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word))
        && !text[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Compiles this module's regexes now, not in the first article that needs
/// them ([`crate::COMPILE_RULES`]).
pub(super) fn compile_rules() {
    LazyLock::force(&BLAME_WORDS);
    for regex in [&BLAME_BEFORE_GROUP, &CHARGE_OF_ACT, &ACCUSATION, &BLAME_AFTER_GROUP, &DENIAL, &RETOLD] {
        LazyLock::force(regex);
    }
}
