//! Roles: who a clause's violence falls on, and actor1 and actor2 by the
//! codebook's conventions.

use std::sync::LazyLock;

use regex::Regex;

use super::classify::Parties;
use crate::actor::{ActorMention, ActorRef};
use crate::model::*;

/// Nouns for armed people and civilians, for who is acted on.
pub(super) static ARMED_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:soldiers?|troops|fighters?|militants?|members?|gunmen|officers?|policem[ae]n|police|guards?|commanders?|elements|personnel|forces|militiam[ae]n|militias?|rebels?|jihadists?|islamists?|insurgents?|terrorists|extremists|bandits|kidnappers|robbers|gangsters|gangs|separatists|guerrillas|tanks?|observation points?|brigades?|battalions?|regiments?|checkpoints?|positions?|patrols?|convoys?|posts?|bases?|recruits|conscripts|generals?|army|cell)\b",
    )
});

static CIVILIAN_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:(?:staff|crew|family|community|congregation|church) members?|members? of (?:the |a |an |another |his |her |their )?(?:[\w-]+ ){0,2}?(?:community|communities|family|families|ethnic group|tribe|clan|congregation|staff|crew|parliament|public)|civilians?|people|persons?|man|men|wom[ae]n|child(?:ren)?|boys?|girls?|residents?|villagers?|farmers?|herders?|shepherds?|fisherm[ae]n|miners?|village (?:chiefs?|heads?)|traditional (?:chiefs?|rulers?)|traders?|councillors?|mayors?|activists?|priests?|pastors?|imams?|lawyers?|candidates?|politicians?|bloggers?|elders?|monks?|nuns?|pupils?|merchants?|shopkeepers?|vendors?|pilgrims?|workers?|journalists?|teachers?|students?|doctors?|nurses?|famil(?:y|ies)|sons?|daughters?|fathers?|mothers?|brothers?|sisters?|husbands?|wives|wife|parents|grand(?:parents?|fathers?|mothers?|sons?|daughters?|children)|cousins?|uncles?|aunts?|nephews?|nieces?|relatives?|bab(?:y|ies)|infants?|toddlers?|teenagers?|owners?|(?:store|inn|house|book)keepers?|grocers?|butchers?|tailors?|bakers?|mechanics?|labou?rers?|lecturers?|professors?|business(?:m[ae]n|wom[ae]n)|tourists?|missionar(?:y|ies)|paramedics?|rescuers?|patients?|displaced|refugees?|worshippers?|protesters?|demonstrators?|passengers?|drivers?|citizens?|market|school|hospital|homes?|houses?|mosque|church|camp)\b",
    )
});

/// Civilians named by their role: civilian only when no armed side
/// qualifies them ("militia elders", "rebel mayors" are the armed side's).
static ROLE_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^(?:miners?|village (?:chiefs?|heads?)|traditional (?:chiefs?|rulers?)|councillors?|mayors?|activists?|priests?|pastors?|imams?|lawyers?|candidates?|politicians?|bloggers?|elders?|monks?|nuns?|pupils?)$",
    )
});

/// An armed qualifier right before a role noun: "military", "militia".
static ARMED_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:military|army|security|police|intelligence|militia|militias|militant|rebel|rebels'?|insurgent|jihadist|armed group'?s?|paramilitary)\s+$",
    )
});

/// The civilian nouns of `clause[from..to]` (spans in `clause`), skipping a
/// role noun that an armed qualifier or an armed actor (`armed_ends`,
/// offsets in `clause`) stands right before.
fn civilian_nouns(clause: &str, from: usize, to: usize, armed_ends: &[usize]) -> Vec<std::ops::Range<usize>> {
    CIVILIAN_NOUN
        .find_iter(&clause[from..to])
        .filter(|m| {
            let lead = &clause[..from + m.start()];
            let gap = lead.trim_end().len();
            !(ROLE_NOUN.is_match(m.as_str()) && (ARMED_QUALIFIER.is_match(lead) || armed_ends.contains(&gap)))
        })
        .map(|m| from + m.start()..from + m.end())
        .collect()
}

/// State forces named without a dictionary entry ("the army", "regime forces").
pub(super) static STATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:regime|government|pro-government|loyalist|(?:syrian|iraqi|national|state|armed) (?:army|forces|military)|the army|the military|security forces|tiger forces|police)\b",
    )
});

/// Non-state armed sides named without a dictionary entry ("the factions",
/// "insurgents"), for who took a place when no actor is named.
pub(super) static NON_STATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\b(?:rebels?|factions|insurgents?|militants|jihadists|opposition fighters)\b")
});

/// What may stand between an unnamed side and its capture when it is the
/// capture's subject ("insurgents have retaken", "the factions were able to
/// regain"): auxiliaries and adverbs only, no other clause.
static SUBJECT_GAP: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^(?:\s+(?:have|has|had|were|was|are|is|will|then|later|also|finally|eventually|reportedly|again|soon|quickly|able|to|managed|succeeded|in|been))*\s*$",
    )
});

/// Whether a non-state word ([`NON_STATE_WORDS`]) in `side`, the words
/// before a capture (or its "by …" phrase when `by`), names who took the
/// place: the capture's subject right before it, or the first words after
/// "by" — never a side that fled or was driven out, nor one whose capture
/// an "after …" clause tells as what came before.
pub(super) fn unnamed_taker(side: &str, by: bool) -> bool {
    if by {
        NON_STATE_WORDS.find(side).is_some_and(|m| side[..m.start()].split_whitespace().count() <= 4)
    } else {
        NON_STATE_WORDS.find_iter(side).any(|m| {
            let gap = &side[m.end()..];
            let has = |words: &[&str], text: &str| {
                text.split(|c: char| !c.is_alphanumeric()).any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
            };
            SUBJECT_GAP.is_match(gap)
                // "insurgents were driven out": the capture is done to them.
                && !gap.split_whitespace().last().is_some_and(|w| has(&["was", "were", "is", "are", "been", "be"], w))
                // "after insurgents overran it, …": what came before the event.
                && !has(&["after", "before", "since", "until", "once"], &side[..m.start()])
        })
    }
}

/// Words right before an actor that make it a helper of someone named
/// with it: "supported by", "backed by", "with the support of".
pub(super) static SUPPORTING: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:supported|backed|aided|assisted|support|cover)\b(?:\s+(?:by|of|from|the|its|their|heavy|intensive))*\s*$",
    )
});

/// The start of a noun phrase right after a verb: its object (a pronoun
/// refers back to a noun before the verb, so it is not one).
static OBJECT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s*(?:an?|the|his|her|their|its|several|dozens of|scores of|(?:at least |more than |about )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)) ([\w'’-]+)",
    )
});

/// A passive right before a verb ("were shot", "had been quickly killed"):
/// the noun before it is who the act fell on.
pub(super) static PASSIVE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:was|were|been|being|got|get|gets)\s+(?:\w+ly\s+)?$"));

pub(super) static PASSIVE_BY: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"^\s*(?:[a-z]+ ){0,3}?by\b"));

/// Who a clause's violence falls on, as (armed, civilian): the first noun
/// after the cue decides ("shot a QSD member near the bakery" hits a
/// fighter); with none after it, the last one before ("the bodies of two
/// fighters who had been shot dead"), which also comes first when the
/// doer's "by …" phrase follows the cue ("a nun was abducted by gunmen").
/// A civilian noun holding an armed one ("staff members", "members of the
/// community") is civilian. `armed_ends` are where armed actors named in
/// the clause end.
pub(super) fn target(clause: &str, cue_start: usize, cue_end: usize, armed_ends: &[usize]) -> (bool, bool) {
    let armed = |from: usize, to: usize, civ: &[std::ops::Range<usize>]| {
        ARMED_NOUN
            .find_iter(&clause[from..to])
            .map(|m| from + m.start())
            .filter(|a| !civ.iter().any(|c| c.contains(a)))
            .collect::<Vec<_>>()
    };
    let civ = civilian_nouns(clause, cue_end, clause.len(), armed_ends);
    let after_noun = match (armed(cue_end, clause.len(), &civ).first(), civ.first().map(|c| c.start)) {
        (Some(&a), Some(c)) => Some((a < c, c < a)),
        (Some(_), None) => Some((true, false)),
        (None, Some(_)) => Some((false, true)),
        (None, None) => None,
    };
    let civ = civilian_nouns(clause, 0, cue_start, armed_ends);
    let before_noun = match (armed(0, cue_start, &civ).last().copied(), civ.last().map(|c| c.start)) {
        (Some(a), Some(c)) => Some((a > c, c > a)),
        (None, None) => None,
        (a, c) => Some((a.is_some(), c.is_some())),
    };
    let after = &clause[cue_end..];
    if after.trim_start().starts_with("by ") {
        return before_noun.or(after_noun).unwrap_or((false, false));
    }
    // An active verb with an object we have no noun for ("gunmen shot dead
    // a grocer", "agents detained 12 Palestinians"): the noun before it is
    // the doer, not who it fell on, and the target is unknown.
    let object = OBJECT_AFTER.captures(after).is_some_and(|c| {
        !["in", "at", "on", "near", "of", "and", "or", "others"].iter().any(|f| c[1].eq_ignore_ascii_case(f))
    });
    if after_noun.is_none() && object && !PASSIVE_BEFORE.is_match(&clause[..cue_start]) {
        return (false, false);
    }
    after_noun.or(before_noun).unwrap_or((false, false))
}

pub(super) fn is_armed(inter: Inter) -> bool {
    matches!(
        inter,
        Inter::StateForces
            | Inter::RebelGroup
            | Inter::PoliticalMilitia
            | Inter::IdentityMilitia
            | Inter::ExternalOtherForces
    )
}

/// Whether an actor's words name a country's government without naming
/// the country ("regime forces", "government troops"; not "Russian
/// government forces", "pro-regime militias").
pub(super) fn names_government(words: &str) -> bool {
    let lower = words.to_ascii_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower.starts_with("regime") || lower.starts_with("government")
}

/// Whether text ends inside a quotation: an opening mark not yet closed.
pub(super) fn quoted(head: &str) -> bool {
    head.matches('“').count() > head.matches('”').count() || head.matches('"').count() % 2 == 1
}

/// Actor1 and actor2 by the codebook's conventions: the target of violence
/// against civilians is actor2; protesters and rioters are named by country.
pub(super) fn roles(
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

/// Compiles this module's regexes now, not in the first article that needs
/// them ([`crate::COMPILE_RULES`]).
pub(super) fn compile_rules() {
    for regex in [
        &ARMED_NOUN,
        &CIVILIAN_NOUN,
        &ROLE_NOUN,
        &ARMED_QUALIFIER,
        &STATE_WORDS,
        &NON_STATE_WORDS,
        &SUBJECT_GAP,
        &SUPPORTING,
        &OBJECT_AFTER,
        &PASSIVE_BEFORE,
        &PASSIVE_BY,
    ] {
        LazyLock::force(regex);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn check_target(clause: &str, cue: &str, armed_actor: Option<&str>, expect: (bool, bool)) {
        let at = clause.find(cue).unwrap();
        let ends: Vec<usize> = armed_actor.map(|a| clause.find(a).unwrap() + a.len()).into_iter().collect();
        assert_eq!(target(clause, at, at + cue.len(), &ends), expect, "{clause:?}");
    }

    #[test]
    fn role_nouns_qualified_by_an_armed_side_are_not_civilians() {
        check_target("Raiders killed two mayors at the river gate.", "killed", None, (false, true));
        check_target("Raiders killed two military lawyers at the river gate.", "killed", None, (false, false));
        check_target(
            "Snipers shot three Heron Front elders near the ford.",
            "shot",
            Some("Heron Front"),
            (false, false),
        );
        check_target("Snipers shot three Heron Front elders near the ford.", "shot", None, (false, true));
        check_target("Two rebel pastors were shot near the ford.", "shot", None, (true, false));
        check_target("A drone struck engineers repairing the bridge.", "struck", None, (false, false));
    }

    #[test]
    fn an_active_verbs_doer_is_not_its_target() {
        check_target("Raiders shot dead a tinsmith near the ford.", "shot dead", None, (false, false));
        check_target("Raiders shot dead two guards near the ford.", "shot dead", None, (true, false));
        check_target("Two guards were shot dead near the ford.", "shot dead", None, (true, false));
        check_target("Raiders killed two in the square.", "killed", None, (false, false));
        check_target("Raiders shot dead his uncle near the ford.", "shot dead", None, (false, true));
    }

    #[test]
    fn the_other_side_in_state_press_wording_is_armed() {
        for clause in [
            "Troops killed 14 terrorists near the old quarry.",
            "The army neutralised five bandits on the ridge road.",
            "Gendarmes eliminated nine extremists at a hideout.",
            "Police shot dead three robbers at the toll gate.",
            "Marines killed four kidnappers in the forest.",
            "The brigade killed six separatists near the ford.",
            "Soldiers killed a dozen guerrillas in the hills.",
            "Officers killed two gangsters in the alley.",
        ] {
            let cue =
                ["killed", "neutralised", "eliminated", "shot dead"].into_iter().find(|c| clause.contains(c)).unwrap();
            check_target(clause, cue, None, (true, false));
        }
        check_target("Troops killed a cobbler near the old quarry.", "killed", None, (false, false));
        check_target("Troops killed two farmers near the old quarry.", "killed", None, (false, true));
        check_target("A terrorist attack killed four people near the ford.", "killed", None, (false, true));
    }
}
