//! Classify: trigger cues in a clause and the ACLED sub-event type they make.
//!
//! Cues are a table of patterns, one line per kind of wording ("retook",
//! "air strike", "protesters"), found once per sentence. A clause's cues,
//! with who acts on whom, decide its sub-event type by the codebook's
//! priority: battles over remote violence ("clashes accompanied by
//! shelling" is a battle), air strikes over shelling, an abduction with a
//! killing is an attack, protests met with lethal force are excessive force.
//!
//! Filters drop cues that do not report an event: hedged or future wording
//! before the cue ("expected to", "preparing for", "threaten to"), negation
//! ("no clashes", "failed to capture"), and text outside political violence
//! (disasters, accidents, crime, sport, diplomacy) without an armed actor.

use std::sync::LazyLock;

use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::model::SubEventType;

/// A kind of wording that points at an event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cue {
    /// Taking a place: "captured", "took control of", "seized".
    Capture,
    /// Taking a place back: "retook", "regained control", "liberated".
    Regain,
    /// Control changing hands without a fight: "handed over", "without a fight".
    Handover,
    /// A side leaving a place: "withdrew from". Weaker than a capture.
    Withdraw,
    /// A short-lived change: "briefly", "for a few hours" (an armed clash).
    Brief,
    Clash,
    Protest,
    /// Rioting: "rioters", "torched", "hurled stones".
    Riot,
    Mob,
    /// Force used on a crowd: "tear gas", "dispersed", "water cannon".
    Intervention,
    Chemical,
    Air,
    Suicide,
    Shelling,
    Explosive,
    Grenade,
    Sexual,
    /// Killing or wounding someone: "shot dead", "killed", "attacked".
    Kill,
    Abduct,
    Agreement,
    Arrest,
    Change,
    Disrupted,
    Base,
    Looting,
}

/// The cue table: each cue with the wordings that signal it.
const CUES: &[(Cue, &str)] = &[
    (
        Cue::Regain,
        r"\b(?:re-?took|re-?taken|re-?take|re-?taking|recaptur(?:ed|e|ing)|regain(?:ed|s|ing)?|liberat(?:ed|e|ing|ion)|took back|taken back|take back|taking back|won back|reclaim(?:ed|s)?|restor(?:ed|ing) (?:its |their |full )?control)\b",
    ),
    (
        Cue::Capture,
        r"\b(?:captur(?:ed|es|e|ing)|seiz(?:ed|es|e|ing)|overr(?:an|un|unning)|(?:took|taken|take|taking|gained|gain|gains|gaining|assumed|imposed|(?:re-?)?establish(?:ed|ing)?|wrested|wrest|wresting|seized) (?:full |complete |total )?control|(?:controlled|controls) (?:the |a |an )?(?-i:[A-Z])\w*|(?:advanced|advances|advance) and (?:took |taken )?control(?:led)?|(?:took|take|taking|seized) (?:[\w-]+ ){0,2}?(?:checkpoints?|positions?|points?|hills?|villages?|towns?)\b|took over|taken over|(?:advanced|managed|able) to control|(?:controlled|controlling|control) (?:over )?(?:the |a |an |one (?:more )?|two |three |several |new )?(?:villages?|towns?|city|areas?|hills?|neighbo(?:u)?rhoods?|district|bases?|airbase|airport|crossing|region|positions?|points?|oil ?fields?|sites?|mountains?|farms?)|(?:took|taken|taking|take) (?:it|them) over|cleared (?:of|from)|gained (?:new )?(?:positions|ground)|fell (?:to|into the hands of)|stormed and (?:captured|took)|drove (?:out|them out)|driving out|driven out|expelled|ousted|declared? victory (?:in|over|at)|victory (?:in|at)|defeated (?:[\w'-]+ ){1,5}?(?:in|at))\b",
    ),
    (
        Cue::Handover,
        r"\b(?:handed (?:over|control)|hand(?:ing)? over control|handover of|without (?:a fight|resistance|fighting|clashes|a shot)|peacefully (?:entered|took))",
    ),
    (
        Cue::Withdraw,
        r"\b(?:withdr(?:ew|awn|awal) (?:from|of)|pulled out of|evacuat(?:ed|ion) (?:of|from) (?:the )?(?:town|city|village|area|base|positions?))",
    ),
    (
        Cue::Brief,
        r"\b(?:briefly|temporarily|partial control|partially|for (?:a )?few hours|for a short (?:time|period|while)|before (?:[\w-]+ ){1,4}?(?:regained|retook|recaptured|took back)|hours later|short-lived|before (?:withdrawing|retreating|being (?:pushed|driven) (?:back|out)))\b",
    ),
    (
        Cue::Clash,
        r"\b(?:clash(?:ed|es)?|fight(?:ing)?|fought|battl(?:e|es|ed|ing)|gun ?fights?|fire ?fights?|skirmish(?:es)?|exchang(?:ed|e|es|ing) (?:of |in )?(?:[\w-]+ ){0,3}?(?:fire|shelling|gunfire|targeting|bombardment|shells|rounds|attacks|strikes)|(?:shelling|fire) exchanges?|advanc(?:ed|es|ing) (?:in|into|on|towards?)|destroy(?:ed|ing) (?:[\w'-]+ ){0,3}?(?:tanks?|vehicles?|bmps?|bulldozers?|armou?red \w+|positions?|checkpoints?)|air.defen[cs]es? (?:[\w-]+ ){0,3}?(?:engaged|responded|confronted|fired)|ambush(?:ed|es)?|infiltration|repel(?:led|s)?|repuls(?:ed|e)|counter-?attack(?:ed|s)?|confrontations?|engag(?:ed|ement)s?|hostilities|combat|sniper fire|snipers?|stormed|assault(?:ed)? on (?:the )?(?:positions?|base|checkpoint|town|village)|offensive (?:on|against))\b",
    ),
    (
        Cue::Protest,
        r"\b(?:protest(?:s|ed|ers?|ing)?|demonstrat(?:ion|ions|ors?|ed|ing)|rall(?:y|ies|ied)|(?-i:march(?:ed|es)?) (?:in|to|through|against|on)|sit-ins?|picket(?:ed|s)?|strikers|went on strike|general strike|hunger strike)\b",
    ),
    (
        Cue::Riot,
        r"\b(?:riot(?:s|ed|ers|ing)?|torch(?:ed|ing)|set (?:fire|ablaze) to|set on fire|hurl(?:ed|ing) (?:stones|rocks|petrol bombs|molotov)|thr(?:ew|owing) (?:stones|rocks|petrol bombs|molotov)|pelt(?:ed|ing)|vandali[sz](?:ed|ing)|molotov)\b",
    ),
    (Cue::Mob, r"\b(?:mobs?|lynch(?:ed|ing)?|vigilantes?|angry (?:crowd|villagers|residents))\b"),
    (
        Cue::Intervention,
        r"\b(?:tear ?gas|water cannons?|rubber bullets|dispers(?:ed|e|ing)|baton(?:s|-charged)?|pellet guns|broke up|cracked down|crackdown)\b",
    ),
    (
        Cue::Chemical,
        r"\b(?:chemical (?:weapons?|attack|agents?|munitions?)|chlorine|sarin|mustard gas|nerve (?:agent|gas)|toxic gas|poison(?:ous)? gas)\b",
    ),
    (
        Cue::Air,
        r"\b(?:air ?-?strikes?|air ?raids?|warplanes?|war ?planes?|fighter jets?|jets? (?:struck|bombed|hit|targeted|pounded)|(?:military |attack )?helicopters? (?:dropped|struck|fired|bombed|targeted)|helicopter gunships?|barrel bombs?|drones? (?:strikes?|attacks?|struck|targeted|hit|bombed|fired)|(?:unmanned|armed) (?:aerial )?(?:drone|vehicle)s?|aerial (?:bombardment|bombing|attacks?|strikes?)|bombing raids?|bombed by (?:the )?(?:air|jets|planes)|air force (?:struck|bombed|targeted))\b",
    ),
    (
        Cue::Suicide,
        r"\b(?:suicide (?:bomb(?:er|ers|ing|ings|s)?|attack(?:er|ers|s)?|car bomb(?:s|ing)?|vest|belt|truck bomb)|svbieds?|blew (?:himself|herself|themselves) up|self-detonat(?:ed|ion)|detonated (?:his|her|their) (?:explosive )?(?:vest|belt))\b",
    ),
    (
        Cue::Shelling,
        r"\b(?:shell(?:ed|ing|s)|mortars?|artillery|rockets?|missiles?|bombard(?:ed|ment|ing)?|mlrs|grad|howitzers?|projectiles?|katyushas?|ballistic|heavy weapons fire|tank fire)\b",
    ),
    (
        Cue::Explosive,
        r"\b(?:ieds?|improvised explosive|roadside bombs?|land ?mines?|(?:car|motorcycle|truck|vehicle|parcel|sticky|magnetic) bombs?|vbieds?|explosive (?:device|devices)|booby-?trapped (?:car|vehicle|motorcycle|house|building)|bomb (?:blast|attack|exploded|went off)|(?:explosions?|blasts?) (?:hit|struck|rocked|killed|wounded|injured|targeted|in|at|near)|explod(?:ed|ing)|detonat(?:ed|ing|ion)|went off|(?:hit|stepped on|struck) (?:a )?(?:land ?)?mines?)\b",
    ),
    (Cue::Grenade, r"\b(?:grenades?)\b"),
    (
        Cue::Sexual,
        r"\b(?:rap(?:ed|es|ing|e)|gang-?rap\w*|sexual(?:ly)? (?:assault(?:ed)?|violence|abuse(?:d)?|harass\w*)|molest(?:ed|ing))\b",
    ),
    (
        Cue::Kill,
        r"\b(?:kill(?:ed|ing|s)?|shot(?: dead| and killed| and injured| and wounded)?|shoot(?:ing|s)?|gunned down|murder(?:ed|ing|s)?|assassinat(?:ed|ion|e)|execut(?:ed|ion|ions|ing)|behead(?:ed|ing)|stabb(?:ed|ing|ings)|massacre[ds]?|attack(?:ed|s|ing)?|opened (?:[\w-]+ ){0,3}?fire|fired (?:[\w-]+ ){0,2}?(?:at|on|upon)|raid(?:ed|s)?|beat(?:en)? (?:to death|up)|tortur(?:ed|e)|targeted|wounded|injured|injuring|wounding)\b",
    ),
    (
        Cue::Abduct,
        r"\b(?:abduct(?:ed|ion|ions|s|ing)?|kidnap(?:ped|ping|pings|s)?|taken hostage|took (?:\w+ )?hostages?|held hostage|hostage-taking|forcibly disappeared|enforced disappearance)\b",
    ),
    (
        Cue::Agreement,
        r"\b(?:ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|(?:signed|reached|struck|brokered) (?:an?|the) (?:\w+ )?(?:agreement|deal|accord)|agreement (?:was|has been) (?:reached|signed)|prisoner (?:swap|exchange)|exchange of (?:prisoners|detainees|bodies)|reconciliation (?:deal|agreement))\b",
    ),
    (
        Cue::Arrest,
        r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)|taken into custody|apprehend(?:ed)?|round(?:ed)? up|raid(?:ed)? (?:and|to) (?:arrest|detain))\b",
    ),
    (
        Cue::Change,
        r"\b(?:defect(?:ed|ion|ions|s)|merg(?:ed|er) (?:with|into)|(?:announced|declared) (?:the )?(?:formation|dissolution|creation)|disband(?:ed)?|dissolv(?:ed|e)|curfew|state of emergency|(?:sent|deployed|dispatched|brought in) (?:\w+ ){0,3}?(?:reinforcements|troops|forces|units)|reinforcements|recruit(?:ed|ing|ment))\b",
    ),
    (
        Cue::Disrupted,
        r"\b(?:defus(?:ed|ing)|dismantl(?:ed|ing) (?:an? |the )?(?:ied|bomb|explosive|device|mine)|(?:seized|found|discovered|uncovered) (?:\w+ ){0,3}?(?:weapons|arms|ammunition|explosives|ieds?|cache)|(?:weapons|arms) cache|foil(?:ed|s)|thwart(?:ed|s)|intercept(?:ed|s)|shot down|downed (?:a |an |the )?(?:drone|aircraft|plane|helicopter)|bomb disposal|safely detonated|controlled explosion)\b",
    ),
    (
        Cue::Base,
        r"\b(?:(?:established|set up|setting up|built|opened) (?:a |an |the |new )?(?:new )?(?:military )?(?:base|headquarters|outpost|checkpoint|camp|post))\b",
    ),
    (
        Cue::Looting,
        r"\b(?:loot(?:ed|ing|s)?|plunder(?:ed|ing)?|ransack(?:ed|ing)?|pillag(?:ed|ing)|burn(?:ed|t) (?:down )?(?:\w+ ){0,2}?(?:houses|homes|shops|crops|fields|property|properties|vehicles|cars)|demolish(?:ed|ing)|bulldoz(?:ed|ing)|destroy(?:ed|ing) (?:\w+ ){0,2}?(?:houses|homes|shops|property|properties))\b",
    ),
];

static CUE_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(CUES.iter().map(|(_, p)| crate::ascii_boundaries(&format!("(?i){p}"))))
        .dfa_size_limit(crate::RULE_DFA_BYTES)
        .build()
        .expect("cue patterns compile")
});
static CUE_RES: LazyLock<Vec<Regex>> =
    LazyLock::new(|| CUES.iter().map(|(_, p)| crate::rule_regex(&format!("(?i){p}"))).collect());

/// Wording before a cue that makes it hedged, future or wished for.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:will|would|could|might|(?-i:may)|shall|appear(?:s|ed)? to|seem(?:s|ed)? to|expect(?:s|ed|ing)?|plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)|threat(?:en|ens|ened|ening)?|vow(?:s|ed)?|warn(?:s|ed|ing)?|likely|possibl[ey]|aim(?:s|ed|ing)?|intend(?:s|ed)?|try|tries|trying|tried|seek(?:s|ing)?|sought|ready to|poised to|set to|about to|fear(?:s|ed)?|risk(?:s)?|urg(?:e|es|ed)|call(?:s|ed)? for|if|unless|den(?:y|ies|ied)|rumou?r(?:s|ed)?|hop(?:e|es|ed)|want(?:s|ed)?|order(?:s|ed)? to|in order to|to prevent|to avoid|would-be|potential|worr(?:y|ies|ied)|capable of|able to mount)\b",
    )
});

/// What follows "captured"/"seized" when people or equipment, not a place, are taken.
static SEIZED_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s+(?:an? |the |two |three |four |five |several |some |\d+ )?(?:[\w-]+ ){0,3}?(?:fighters?|soldiers?|troops|members?|commanders?|officers?|militants?|elements|men|people|civilians?|persons?|individuals?|prisoners?|tanks?|vehicles?|weapons?|ammunition|rifles?|guns?|cars?|trucks?|drones?)\b",
    )
});

/// Negation right before a cue.
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:no|not|never|without|neither|nor|didn't|did not|failed to|fail to|no longer|denied)\b(?:\s+\S+){0,2}\s*$",
    )
});

/// Text outside political violence and demonstrations.
static NON_POLITICAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:earthquakes?|floods?|flooding|storms?|cyclones?|hurricanes?|typhoons?|landslides?|tsunami|wildfires?|drought|plane crash(?:ed|es)?|crash(?:ed|es)? into|road accident|traffic accident|car accident|accident(?:ally)?|collision|derail(?:ed|ment)|fire broke out|gas (?:leak|explosion|cylinder)|cylinder blast|boiler|building collapse|collapsed|robber(?:y|ies|s)|robbed|thie(?:f|ves)|theft|burglar\w*|drugs?|narcotics|smuggl\w*|traffick\w*|fraud|scam|cartel|gang(?:s|ster|sters)?|tournament|championship|league|football|cricket|olympic\w*|summit|(?:held|holds|hold) talks|bilateral|diplomat\w*|ambassador|foreign minister|state visit|met with|domestic dispute|family dispute|honou?r killing|suicide note|committed suicide|took (?:his|her) own life)\b",
    )
});

/// A cue found in a sentence: its kind and byte range in the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub cue: Cue,
    pub start: usize,
    pub end: usize,
}

/// The cues of one sentence (`text` starts at byte `base` of the clean text),
/// after the hedge and negation filters, in order.
pub fn cues(text: &str, base: usize) -> Vec<Found> {
    let mut out = Vec::new();
    let hits = CUE_SET.matches(text);
    if !hits.matched_any() {
        return out;
    }
    for i in hits.iter() {
        for m in CUE_RES[i].find_iter(text) {
            // "regime-controlled", "IS-held": a qualifier, not a verb.
            if text[..m.start()].ends_with('-') {
                continue;
            }
            let before = clause_before(text, m.start());
            let window = tail(before, 50);
            let window = window.rfind(',').map_or(window, |i| &window[i + 1..]);
            if HEDGE.is_match(window) || NEGATION.is_match(before) || purpose(before) {
                continue;
            }
            if not_news(CUES[i].0, text, m.start(), m.end()) {
                continue;
            }
            let mut cue = CUES[i].0;
            // "captured a regime soldier", "seized two tanks": not territory.
            if cue == Cue::Capture && SEIZED_OBJECT.is_match(&text[m.end()..]) {
                cue = Cue::Abduct;
            }
            out.push(Found { cue, start: base + m.start(), end: base + m.end() });
        }
    }
    // Overlapping wordings: the longer one says more ("suicide car bomb",
    // "exchange of shelling", "shot down").
    out.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end), f.cue));
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for f in out {
        match kept.last() {
            Some(k) if f.start < k.end && f.end <= k.end => {}
            _ => kept.push(f),
        }
    }
    kept
}

/// Wording before a killing verb that makes it a running total ("has killed").
static PERFECT: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:has|have|had)\s+(?:[\w-]+\s+){0,2}$"));

/// Wording before a killing word that names victims or ranks an attack
/// told elsewhere ("the wounded were taken", "the deadliest attack since").
static CASUALTY_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\b(?:the|of|for|among)\s+$|\b(deadliest|bloodiest|worst|biggest|largest)\s+$")
});

/// A modal shortly after a fight named as a noun: one foreseen, not
/// fought ("the final battle for the town would involve").
static FUTURE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)^(?:\s+[\w'’-]+){0,4}?\s+(?:would|will|could|might)\b"));

/// A toll over years or of a whole war ("since it began", "hundreds of thousands").
static TOLL_SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:hundreds of thousands|tens of thousands|millions|since (?:it|they|the (?:[\w-]+ )?(?:war|conflict|fighting|insurgency|uprising|crisis|revolution)) (?:began|started|erupted|broke out)|since (?:the )?(?:start|beginning|outbreak|onset)|since (?:19|20)\d\d|over the (?:past|last) (?:[\w-]+ )?(?:years?|decades?)|(?:years|decades) of (?:war|conflict|fighting))\b",
    )
});

/// Wording before a truce that makes it an earlier or existing one
/// ("after the previous truce", "violated the ceasefire").
static EARLIER_TRUCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:previous|earlier|last|former|prior|past|old|failed|collapsed|broken|fragile|shaky|existing|defunct|(?:after|since|before|despite|during|amid|until) (?:the|its|their|this|that)|(?:violat|breach|br[eo]ak)\w* (?:of )?(?:the|a|an|its|their))\s+(?:[\w'’-]+\s+)?$",
    )
});

/// Words after a truce that make it a subject of talk, not a deal ("ceasefire talks").
static TRUCE_TALK: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^[\s-]*(?:talks|negotiations|proposals?|plans?|monitors?|violations?|breach(?:es)?|lines?|efforts|initiatives?|demands?|calls?)\b",
    )
});

/// Ongoing or habitual wording before an "-ing" cue ("are recruiting").
static ONGOING: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)\b(?:is|are|was|were|been|keeps?|kept|continues?|continued)\s+(?:to\s+)?(?:[\w-]+\s+)?$")
});

/// Whether a cue reports no new event: a war's cumulative toll ("the
/// conflict has killed hundreds of thousands since it began"), an earlier
/// or existing truce ("after the previous truce", "ceasefire talks"), or a
/// change going on as a habit ("fighters are recruiting young men").
fn not_news(cue: Cue, text: &str, start: usize, end: usize) -> bool {
    let before = tail(clause_before(text, start), 60);
    match cue {
        Cue::Kill => {
            let victims = matches!(text[start..end].to_ascii_lowercase().as_str(), "wounded" | "injured");
            (PERFECT.is_match(before) && TOLL_SCOPE.is_match(text))
                || CASUALTY_NOUN.captures(before).is_some_and(|c| victims || c.get(1).is_some())
        }
        Cue::Clash => {
            matches!(text[start..end].to_ascii_lowercase().as_str(), "battle" | "fight" | "fighting" | "confrontation")
                && FUTURE_AFTER.is_match(&text[end..])
        }
        Cue::Agreement => EARLIER_TRUCE.is_match(before) || TRUCE_TALK.is_match(&text[end..]),
        Cue::Change => text[start..end].ends_with("ing") && ONGOING.is_match(before),
        _ => false,
    }
}

/// "to fight", "aimed at capturing": a purpose, not a report; but "managed
/// to retake", "was able to regain" report what happened.
fn purpose(before: &str) -> bool {
    static TO: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)\b(\w+) to\s*$"));
    TO.captures(before).is_some_and(|c| {
        !matches!(
            c[1].to_ascii_lowercase().as_str(),
            "managed"
                | "able"
                | "succeeded"
                | "continued"
                | "began"
                | "started"
                | "proceeded"
                | "went"
                | "advanced"
                | "moved"
                | "led"
                | "returned"
        )
    })
}

/// Whether the sentence is about something other than political violence.
pub fn non_political(text: &str) -> bool {
    NON_POLITICAL.is_match(text)
}

/// The text of the clause before byte `at`: back to the last clause break.
fn clause_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let cut = head.rfind([';', ':', '"']).map_or(0, |i| i + 1);
    let cut = cut.max(head.rfind(", while ").map_or(0, |i| i + 1)).max(head.rfind(", but ").map_or(0, |i| i + 1));
    &head[cut..]
}

/// The last `n` bytes of `s`, on a character boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// What is known about the parties of a clause when deciding its type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Parties {
    /// The acting side is the state's own forces (of the place's country).
    pub subject_state: Option<bool>,
    /// Who is acted on: armed people, civilians, or unknown.
    pub target_armed: bool,
    pub target_civilian: bool,
    /// Two distinct armed actors are named in the clause.
    pub two_armed: bool,
}

/// The sub-event type of a clause with these cues and parties, by the
/// codebook's priority; `None` when the cues make no event.
pub fn decide(cues: &[Cue], p: Parties) -> Option<SubEventType> {
    use SubEventType as T;
    let has = |c: Cue| cues.contains(&c);
    if has(Cue::Protest) {
        return Some(if has(Cue::Kill) && !has(Cue::Riot) {
            T::ExcessiveForceAgainstProtesters
        } else if has(Cue::Riot) {
            T::ViolentDemonstration
        } else if has(Cue::Intervention) || has(Cue::Arrest) {
            T::ProtestWithIntervention
        } else {
            T::PeacefulProtest
        });
    }
    if has(Cue::Mob) && !has(Cue::Clash) {
        return Some(T::MobViolence);
    }
    if has(Cue::Riot) && !has(Cue::Clash) && !has(Cue::Air) && !has(Cue::Shelling) {
        return Some(if cues.iter().any(|c| matches!(c, Cue::Kill | Cue::Abduct)) && !p.target_civilian {
            T::ViolentDemonstration
        } else if has(Cue::Kill) {
            T::MobViolence
        } else {
            T::ViolentDemonstration
        });
    }
    if has(Cue::Capture) || has(Cue::Regain) {
        if has(Cue::Handover) && !has(Cue::Clash) && !has(Cue::Kill) {
            return Some(T::NonViolentTransferOfTerritory);
        }
        if has(Cue::Brief) {
            return Some(T::ArmedClash);
        }
        // Regaining is the state's (or its allies'): when who regained a
        // place is unknown, the clause is no territorial event.
        match p.subject_state {
            Some(true) => return Some(T::GovernmentRegainsTerritory),
            Some(false) => return Some(T::NonStateActorOvertakesTerritory),
            None if has(Cue::Regain) => {}
            None => return Some(T::NonStateActorOvertakesTerritory),
        }
    }
    if has(Cue::Clash) {
        return Some(T::ArmedClash);
    }
    if has(Cue::Disrupted) && !has(Cue::Kill) {
        return Some(T::DisruptedWeaponsUse);
    }
    for (c, t) in [
        (Cue::Chemical, T::ChemicalWeapon),
        (Cue::Air, T::AirDroneStrike),
        (Cue::Suicide, T::SuicideBomb),
        (Cue::Shelling, T::ShellingArtilleryMissileAttack),
        (Cue::Explosive, T::RemoteExplosiveLandmineIed),
        (Cue::Grenade, T::Grenade),
    ] {
        if has(c) {
            return Some(t);
        }
    }
    if has(Cue::Sexual) {
        return Some(T::SexualViolence);
    }
    if has(Cue::Kill) {
        let armed = (p.target_armed || p.two_armed) && !p.target_civilian;
        return Some(if armed { T::ArmedClash } else { T::Attack });
    }
    // Seizing fighters of another armed group is fighting between them.
    let armed_target = p.target_armed && !p.target_civilian;
    if (has(Cue::Abduct) || has(Cue::Arrest)) && armed_target && p.subject_state != Some(true) {
        return Some(T::ArmedClash);
    }
    if has(Cue::Abduct) {
        return Some(T::AbductionForcedDisappearance);
    }
    if has(Cue::Handover) || has(Cue::Withdraw) {
        return Some(T::NonViolentTransferOfTerritory);
    }
    if has(Cue::Arrest) {
        return Some(if p.subject_state == Some(false) { T::AbductionForcedDisappearance } else { T::Arrests });
    }
    for (c, t) in [
        (Cue::Looting, T::LootingPropertyDestruction),
        (Cue::Agreement, T::Agreement),
        (Cue::Base, T::HeadquartersOrBaseEstablished),
        (Cue::Change, T::ChangeToGroupActivity),
    ] {
        if has(c) {
            return Some(t);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, parties: Parties, expect: Option<SubEventType>) {
        let found: Vec<Cue> = cues(sentence, 0).iter().map(|f| f.cue).collect();
        assert_eq!(decide(&found, parties), expect, "{sentence:?} with cues {found:?}");
    }

    #[test]
    fn types_by_priority() {
        use SubEventType as T;
        let none = Parties::default();
        let state = Parties { subject_state: Some(true), ..Parties::default() };
        let rebels = Parties { subject_state: Some(false), ..Parties::default() };
        let armed = Parties { target_armed: true, ..Parties::default() };
        let civ = Parties { target_civilian: true, ..Parties::default() };
        check("The army retook the village after clashes.", state, Some(T::GovernmentRegainsTerritory));
        check("Rebels captured the hill from the army.", rebels, Some(T::NonStateActorOvertakesTerritory));
        check("Rebels retook the hill from the army.", rebels, Some(T::NonStateActorOvertakesTerritory));
        check("Rebels controlled Kafr Nabl after clashes.", rebels, Some(T::NonStateActorOvertakesTerritory));
        check("The hill was retaken on Sunday.", none, None);
        check("Clashes accompanied by heavy shelling hit the town.", none, Some(T::ArmedClash));
        check("Warplanes and artillery pounded the town.", none, Some(T::AirDroneStrike));
        check("A suicide bomber killed 12 people at a market.", civ, Some(T::SuicideBomb));
        check("Gunmen kidnapped two farmers and later killed them.", civ, Some(T::Attack));
        check("Gunmen kidnapped two farmers.", civ, Some(T::AbductionForcedDisappearance));
        check("Militants attacked an army checkpoint, killing two soldiers.", armed, Some(T::ArmedClash));
        check("Police fired tear gas to disperse the protesters.", none, Some(T::ProtestWithIntervention));
        check("Hundreds of people protested against the new law.", none, Some(T::PeacefulProtest));
        check("Security forces shot dead three protesters.", none, Some(T::ExcessiveForceAgainstProtesters));
        check("A roadside bomb exploded near a patrol.", none, Some(T::RemoteExplosiveLandmineIed));
        check("Engineers defused an IED on the main road.", none, Some(T::DisruptedWeaponsUse));
        check("The rebels withdrew from the town without a fight.", none, Some(T::NonViolentTransferOfTerritory));
        check("Police arrested five activists in the capital.", none, Some(T::Arrests));
        check("The two sides signed a ceasefire agreement.", none, Some(T::Agreement));
    }

    #[test]
    fn hedged_future_and_negated_cues_make_no_event() {
        let none = Parties::default();
        check("We do expect them now to try to flee and will annihilate them.", none, None);
        check("They are preparing for a final showdown to capture the town.", none, None);
        check("The offensive is aimed at capturing the town.", none, None);
        check("No clashes were reported in the area.", none, None);
    }

    #[test]
    fn tolls_earlier_truces_and_habits_make_no_event() {
        use SubEventType as T;
        let none = Parties::default();
        check("The war has killed tens of thousands of people since it began in 2015.", none, None);
        check("The insurgency has so far killed more than 40,000 people over the past decade.", none, None);
        check("Gunmen have killed 14 people in the district since Saturday.", none, Some(T::Attack));
        check("The wounded were taken to the town's hospital.", none, None);
        check("It was the deadliest attack on the town since the spring.", none, None);
        check("Gunmen wounded two guards at the gate.", none, Some(T::Attack));
        check("He said the final battle for the town would be quick.", none, None);
        check("The battle for the town lasted two days.", none, Some(T::ArmedClash));
        check("Displaced families went back home after the previous truce, then fled again.", none, None);
        check("Ceasefire talks broke down in the capital on Monday.", none, None);
        check("Militias violated the truce overnight.", none, None);
        check("The two sides signed a ceasefire agreement on Monday.", none, Some(T::Agreement));
        check("Residents say the militia is recruiting boys from the camps.", none, None);
        check("The militia recruited 200 boys from the camps last week.", none, Some(T::ChangeToGroupActivity));
    }

    #[test]
    fn non_political_text() {
        assert!(non_political("At least 10 are killed as a small plane crashes into a town."));
        assert!(non_political("A flood swept away houses in the valley."));
        assert!(!non_political("Rebels shelled the town."));
    }
}
