//! One clause's candidate event: its parties, type, date, place, sources
//! and the counts that bear on it.

use std::sync::LazyLock;

use regex::Regex;

use super::classify::{self, Cue, Parties};
use super::clause::{ANOTHER_EPISODE, bare};
use super::place::{capital, country_place, countryside_side, place_of};
use super::roles::{
    ARMED_NOUN, PASSIVE_BEFORE, PASSIVE_BY, STATE_WORDS, SUPPORTING, is_armed, names_government, quoted, roles, target,
    unnamed_taker,
};
use super::{Document, EventCandidate, ends_with_ignoring_case, starts_with_ignoring_case, within};
use crate::actor::{ActorMention, ActorRef};
use crate::date;
use crate::gazetteer::PlaceMention;
use crate::model::*;

/// One clause's candidate, with what aggregation needs.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub(super) cand: EventCandidate,
    pub(super) sentence: usize,
    /// Byte position of the deciding cue.
    pub(super) at: usize,
    /// The place is a country or first-order region, not the event's own town.
    pub(super) coarse: bool,
    /// Byte range of the place's mention, for its share of a shared total.
    pub(super) place_span: Option<(usize, usize)>,
    /// Counts that bear on the event: (sentence index, count index).
    pub(super) counts: Vec<(usize, usize)>,
    /// Named (not fallback) actors.
    pub(super) named: Vec<String>,
    /// Neither a place nor a date of its own: the clause tells more of an
    /// event named before it ("Two soldiers were killed.").
    pub(super) dependent: bool,
    /// A later clause of its sentence with neither place nor date of its own.
    pub(super) bare_clause: bool,
    /// An armed clash told only by harm to armed people, naming no fight,
    /// no territory and no one who did it ("three soldiers were killed"):
    /// the type of an event it tells more of stands.
    pub(super) inferred: bool,
    /// An armed clash told only by a one-sided assault ("gunmen stormed
    /// the compound"): part of a suicide bombing told with it.
    pub(super) assault: bool,
    /// A place taken back ("retook", "regained control", "re-established
    /// control"): the last change of hands told of it.
    pub(super) retaken: bool,
}

/// A reporting verb right after a name, or after a reporting noun after it,
/// or "said" or "told" after a person's name: "police said", "a police
/// official told Reuters", "army sources reported", "police officer Ali
/// Omar said" (not "claimed" or "announced": a group's claim or statement is
/// its act).
const SAYING: &str = r"^\s*(?:(?:officials?|spokes(?:man|woman|person)|sources?|statement|media|officers?|commanders?)\s+)?(?:said|says|reported|stated|added|told (?:reporters|journalists|(?-i:[A-Z]))|(?:(?-i:[A-Z])[\w'.-]*\s+){1,3}(?:said|says|told (?:reporters|journalists|(?-i:[A-Z]))))\b";

/// A source's words.
static SOURCE_SAID: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(&format!("(?i){SAYING}")));

/// A short adverbial between a reporting verb and what was said: "on
/// Monday", "late on Tuesday", "in a statement", "in a statement on Monday",
/// "on its official website", "in a statement posted on Telegram",
/// "yesterday". One word after the preposition (and a time of day or a kind
/// of outlet), so "said in Kano that gunmen …" is no adverbial before "their".
const REPORT_ADVERBIAL: &str = r"(?:,?\s+(?:(?:(?:late|early)\s+)?(?:on|in|at|via|during)(?:\s+(?:a|an|the|its|their))?(?:\s+(?:brief|short|official|written|joint|separate|televised|video))?\s+[\w'-]+(?:\s+(?:night|morning|evening|afternoon|\d+|account|channel|page|website|feed))?|(?:posted|published|issued|released|shared|broadcast|carried)(?:\s+(?:on|by|via|in|to))?(?:\s+(?:a|an|the|its|their))?\s+[\w'-]+(?:\s+(?:account|channel|page|website|feed|TV|television|radio|agency))?|yesterday|today|overnight|earlier|later|(?:last|this)\s+\w+),?){0,3}";

/// A source's words that say it acted: "said it", "said they", "said its
/// forces", "told reporters on Monday that they", "said in a statement that
/// their fighters".
static SOURCE_ACTED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(&format!(r"(?i){SAYING}{REPORT_ADVERBIAL}\s+(?:that\s+)?(?:it|they|its|their|we|our)\b"))
});

/// A bare noun for a force's own members, naming the source again in what it
/// reports ("police said two officers were killed"); a noun that is itself an
/// actor's alias ("soldiers") names that actor instead.
static OWN_MEMBERS: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:officers?|personnel|servicem[ae]n|troopers?)\b"));

/// The candidate of one clause with cues, or `None` when they make no event.
pub(super) fn draft<'d>(
    doc: &'d Document<'_>,
    locating: &[&'d PlaceMention<'d>],
    index: usize,
    (cs, ce): (usize, usize),
    found: &[classify::Found],
    lead: bool,
) -> Option<Draft> {
    let text = &doc.clean.text;
    let sentence = &doc.sentences[index];
    // People taken away by the state are detained, not abducted ("police
    // led away 20 protesters"); by rescuers, brought to safety.
    let taken_away = |f: &classify::Found| f.cue == Cue::Abduct && TAKEN_AWAY.is_match(&text[f.start..f.end]);
    let rescued = |f: &classify::Found| {
        let from = text[..f.start].rfind(['.', ';', ',']).map_or(sentence.start, |i| i + 1).max(sentence.start);
        taken_away(f) && RESCUERS.is_match(&text[from..f.start])
    };
    let found: Vec<classify::Found> = found.iter().filter(|f| !rescued(f)).copied().collect();
    if found.is_empty() {
        return None;
    }
    let found = &found[..];
    let mut cue_kinds: Vec<Cue> = found.iter().map(|f| f.cue).collect();
    // The deciding cue: a territorial one when there is one, else the first.
    let key = found
        .iter()
        .find(|f| matches!(f.cue, Cue::Capture | Cue::Regain))
        .or_else(|| found.iter().find(|f| f.cue == Cue::Protest))
        .unwrap_or(&found[0]);
    // A source is no party ("a police official said gunmen killed …") when
    // someone else is named in the clause: an actor named in the
    // attribution, or as who says it, acts only when the report says so of
    // it ("the army said it retook …"). A group's claim or announcement is
    // its act ("IS claimed to have killed …").
    // A source the report names again is a party too: by a pronoun ("said
    // on Monday they …"), by its own actor ("police said police officers
    // …"), or by a bare noun for its members ("police said two officers were
    // killed", the source being also the victim).
    let is_source = |m: &&ActorMention| {
        let attributed = sentence.source.as_ref().filter(|a| within(m.start, m.end, a.start, a.end));
        let from = attributed.map_or(m.end, |a| a.end);
        let rest = &text[from..sentence.end];
        let claim = ["claim", "announc", "confirm"].iter().any(|w| starts_with_ignoring_case(rest.trim_start(), w));
        let said = match attributed {
            Some(_) if !claim => Some(0),
            _ => SOURCE_SAID.find(rest).map(|s| s.end()),
        };
        let Some(said) = said else { return false };
        let reported = from + said;
        let named_again = SOURCE_ACTED.is_match(rest)
            || doc.actors.iter().any(|o| o.start >= reported && o.end <= sentence.end && o.actor.name == m.actor.name)
            || OWN_MEMBERS.find_iter(&text[reported..sentence.end]).any(|w| {
                let (ws, we) = (reported + w.start(), reported + w.end());
                !doc.actors.iter().any(|o| o.start < we && ws < o.end)
            });
        !named_again
    };
    let parties = |list: Vec<&'d ActorMention>| {
        let acting = |m: &&ActorMention| !is_source(m) && m.actor.inter != Inter::Civilians;
        if list.iter().any(acting) { list.into_iter().filter(|m| !is_source(m)).collect() } else { list }
    };
    let mut actors: Vec<&ActorMention> =
        parties(doc.actors.iter().filter(|m| within(m.start, m.end, cs, ce)).collect());
    if actors.is_empty() {
        actors = parties(doc.actors.iter().filter(|m| within(m.start, m.end, sentence.start, sentence.end)).collect());
    }
    let passive = PASSIVE_BY.is_match(&text[key.end..ce.max(key.end)]);
    let by_at = if passive { text[key.end..ce].find(" by ").map(|i| key.end + i) } else { None };
    // The acting side: after "by" in a passive, else the first actor named
    // before the cue, else the first. One that owns a place is hit, not
    // acting, when the cue is a passive ("a police station was attacked")
    // or comes before it ("gunmen attacked an FSB building"); a manned
    // place doing the act ("an army checkpoint fired on a car") acts.
    let head = &text[cs..key.start];
    let hit = PASSIVE_BEFORE.is_match(head);
    let subject = match by_at {
        Some(b) => actors.iter().find(|m| m.start > b && m.actor.inter != Inter::Civilians),
        None => {
            // "Following clashes with X, regime forces took control": after an
            // opening phrase, the actor after its comma takes the place
            // ("While IS made advances, regime forces regained the town").
            let territorial = matches!(key.cue, Cue::Capture | Cue::Regain);
            let comma = match head.rfind(',') {
                Some(i) if territorial && OPENER.is_match(head) => cs + i,
                _ => cs,
            };
            let acting =
                |m: &&&ActorMention| m.start < key.start && m.actor.inter != Inter::Civilians && !(m.owns_place && hit);
            actors.iter().filter(acting).find(|m| m.start >= comma).or_else(|| actors.iter().find(acting))
        }
    }
    .or_else(|| {
        // Who takes a place is named before the verb; after it comes the loser.
        let territorial = matches!(key.cue, Cue::Capture | Cue::Regain);
        actors.iter().find(|m| m.actor.inter != Inter::Civilians && !m.owns_place && !territorial)
    })
    .copied();
    // "Clashes took place between IS and regime forces, where the latter
    // regained the hill": the side a back reference names takes the place.
    let referred = (matches!(key.cue, Cue::Capture | Cue::Regain) && by_at.is_none())
        .then(|| referred_side(doc, sentence.start, sentence.end, key.start))
        .flatten();
    let subject = referred.or(subject);
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
    let mut subject = subject;
    if let Some(p) = subject.and_then(|s| actors.iter().position(|m| std::ptr::eq(*m, s))) {
        for i in p + 1..actors.len() {
            if !actors[i].joins_previous {
                break;
            }
            allied[i] = true;
        }
        // State forces detaining with a militia ("VDP volunteers and soldiers
        // detained …") make an arrest: the state is actor1, the militia its
        // associate.
        let state_ally = (key.cue == Cue::Arrest && actors[p].actor.inter != Inter::StateForces)
            .then(|| (p + 1..actors.len()).find(|&i| allied[i] && actors[i].actor.inter == Inter::StateForces))
            .flatten();
        if let Some(i) = state_ally {
            allied[i] = false;
            allied[p] = true;
            subject = Some(actors[i]);
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
    // Where an agreement is negotiated or who mediates it abroad ("agreed in
    // Doha", "talks hosted by Kenya", "signed a truce in Jeddah" by Sudan's
    // parties) is neither where it applies nor the parties' country; a place
    // of the parties' own country is where it applies ("agreed in Kidal").
    let parties: Vec<&str> =
        [subject, other].into_iter().flatten().filter_map(|m| m.actor.country_code.as_deref()).collect();
    let home: Vec<&str> = if parties.is_empty() { doc.country_code.as_deref().into_iter().collect() } else { parties };
    let worded = |m: &&PlaceMention| {
        let iso = m.place.country_code.as_str();
        key.cue == Cue::Agreement
            && within(m.start, m.end, cs, ce)
            && !home.contains(&iso)
            && venue(&text[cs..m.start], doc.country_code.as_deref().is_some_and(|c| c != iso))
    };
    // The host's own towns are the venue too ("signed in Nairobi, in talks
    // mediated by Kenya").
    let hosts: Vec<&str> = locating.iter().filter(|m| worded(m)).map(|v| v.place.country_code.as_str()).collect();
    let venues: Vec<&PlaceMention> = locating
        .iter()
        .copied()
        .filter(|m| {
            worded(m)
                || (within(m.start, m.end, cs, ce)
                    && hosts.contains(&m.place.country_code.as_str())
                    && AT_PLACE.is_match(&text[cs..m.start]))
        })
        .collect();
    let venue_country = |iso: &str| venues.iter().any(|v| v.place.country_code == iso);
    let not_venue: Vec<&PlaceMention>;
    let locating = if venues.is_empty() {
        locating
    } else {
        not_venue = locating.iter().copied().filter(|m| !venues.iter().any(|v| std::ptr::eq(*v, *m))).collect();
        &not_venue
    };
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
    let place = found_place.map(|(m, p)| countryside_side(&doc.clean.text, m, p)).or_else(|| {
        if venues.is_empty() {
            return country_place(doc, sentence, &actors).map(|p| (p, GeoPrecision::Region));
        }
        // Beside a venue abroad, the parties' own country, else the venue:
        // an agreement is never lost for want of a place.
        let own = actors
            .iter()
            .filter_map(|m| m.actor.country_code.as_deref())
            .chain(doc.country_code.as_deref())
            .find(|c| !venue_country(c))
            .and_then(|iso| {
                let name = doc.resources.actors.country_name(iso)?;
                let mut country = doc.resources.gazetteer.lookup(name).into_iter().map(|(p, _)| p);
                country
                    .find(|p| p.feature_code.starts_with("PCL") && p.country_code == iso)
                    .map(|p| (p.clone(), GeoPrecision::Region))
            });
        own.or_else(|| place_of(doc, &venues, index, (cs, ce), key.start).map(|(m, p)| countryside_side(text, m, p)))
    });
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
    let territorial = matches!(key.cue, Cue::Capture | Cue::Regain);
    let (relative, absolute) = if territorial && by_at.is_none() {
        match RELATIVE.find_iter(&text[cs..key.start]).last() {
            Some(m) => (Some(cs + m.end()), None),
            None => {
                let with = absolute_with(text, &actors, cs, (key.start, key.end));
                (with, with)
            }
        }
    } else {
        (None, None)
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
                STATE_WORDS
                    .is_match(there)
                    .then_some(true)
                    .or_else(|| unnamed_taker(there, false).then_some(false))
                    .or_else(|| subject.filter(|_| refers_back || referred.is_some()).map(home_state))
            }
        },
        (None, Some(m)) => Some(home_state(m)),
        (None, None) => {
            let side = match by_at {
                Some(b) => &text[b..ce],
                None => &text[cs..key.start],
            };
            STATE_WORDS
                .is_match(side)
                .then_some(true)
                .or_else(|| (territorial && unnamed_taker(side, by_at.is_some())).then_some(false))
        }
    };
    // The source's own words name no one the violence falls on ("…, the
    // army said"; "The army said on its website that …"), but the words
    // after them still may ("…, and residents said 10 villagers were
    // killed"): the source is blanked, offsets kept.
    let clause = &text[cs..ce];
    let blanked: String;
    let read = match &sentence.source {
        Some(a) if a.start < ce && a.end > cs && (a.start >= key.end || a.end <= key.start) => {
            let (s, e) = (a.start.max(cs) - cs, a.end.min(ce) - cs);
            blanked = [&clause[..s], &" ".repeat(e - s), &clause[e..]].concat();
            &blanked
        }
        _ => clause,
    };
    let armed_ends: Vec<usize> =
        actors.iter().filter(|m| is_armed(m.actor.inter) && m.end > cs && m.end <= ce).map(|m| m.end - cs).collect();
    // Who is taken or killed may stand inside the cue's words ("took a judge
    // hostage", "hacked two farmers to death"): the nouns after its verb.
    let words = &text[key.start..key.end];
    let object_end = match words.split_once(' ') {
        Some((verb, _))
            if (key.cue == Cue::Abduct && OBJECT_INSIDE.iter().any(|v| verb.eq_ignore_ascii_case(v)))
                || (key.cue == Cue::Kill && KILLED_INSIDE.iter().any(|v| verb.eq_ignore_ascii_case(v))) =>
        {
            key.start + verb.len()
        }
        _ => key.end,
    };
    let (target_armed, target_civilian) = target(read, key.start - cs, object_end - cs, &armed_ends);
    let one_sided = found.iter().filter(|f| f.cue == Cue::Clash).all(|f| {
        let w = &text[f.start..f.end];
        ["storm", "ambush", "assault", "offensive"].iter().any(|a| starts_with_ignoring_case(w, a))
    });
    let armed_before = actors.iter().any(|m| m.start >= cs && m.start < key.start && is_armed(m.actor.inter));
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
        one_sided,
        crowd: !armed_before && crowd_acts(&text[cs..key.start], &text[key.end..ce.max(key.end)]),
        // Forces abroad hold people as arrests too, unless nobody sees them again.
        subject_forces: subject
            .is_some_and(|s| matches!(s.actor.inter, Inter::StateForces | Inter::ExternalOtherForces))
            && !DISAPPEARED.is_match(&text[sentence.start..sentence.end]),
    };
    let whole = &text[sentence.start..sentence.end];
    if parties.subject_state == Some(true) && found.iter().any(taken_away) && !DISAPPEARED.is_match(whole) {
        for c in cue_kinds.iter_mut().filter(|c| **c == Cue::Abduct) {
            *c = Cue::Arrest;
        }
        // Protesters taken away are a protest met with arrests.
        if found.iter().any(|f| taken_away(f) && TAKEN_PROTESTERS.is_match(&text[f.start..ce.max(f.start)])) {
            cue_kinds.push(Cue::Protest);
        }
    }
    let sub = classify::decide(&cue_kinds, parties)?;
    // A change to a group or another development with no one named and no
    // armed people in its sentence ("the two banks announced their merger",
    // "truckers blockaded the crossing") is ordinary news, not an armed
    // group's act; so is property that works crews pull down for a stated
    // purpose ("engineers blew up an old bridge to make way for a new
    // one"; bulldozers that demolish homes, no purpose said, stay an event).
    let unarmed =
        || subject.is_none() && other_r.is_none() && !ARMED_NOUN.is_match(whole) && !ARMED_DOER.is_match(whole);
    let works = || {
        sub == SubEventType::LootingPropertyDestruction
            && WORKS_DOER.is_match(&text[cs..key.start])
            && WORKS_PURPOSE.is_match(whole)
    };
    if matches!(sub, SubEventType::Other | SubEventType::ChangeToGroupActivity) && unarmed() || works() && unarmed() {
        return None;
    }
    let doer = by_at.is_some() || (armed_before && !PASSIVE_END.is_match(&text[cs..key.start]));
    let inferred = sub == SubEventType::ArmedClash
        && !doer
        && !cue_kinds.iter().any(|c| matches!(c, Cue::Clash | Cue::Post | Cue::Capture | Cue::Regain | Cue::Brief));
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
        .or_else(|| {
            doc.places
                .iter()
                .find(|p| !p.demonym && !venue_country(&p.place.country_code))
                .map(|p| p.place.country.clone())
        })
        .unwrap_or_default();
    let named = |n: &str| if country.is_empty() { n.to_string() } else { format!("{n} ({country})") };
    let generic = |name: String, inter: Inter| ActorRef { name, inter, country_code: country_code.clone() };
    // Civil authorities who impose a measure where there was armed violence
    // ("the governor declared a curfew after clashes") are the state
    // acting: the state is its actor.
    let civil = subject.is_none()
        && CIVIL_DOER.is_match(&text[cs..key.start])
        && !ARMED_NOUN.is_match(&text[cs..key.start])
        && !ARMED_DOER.is_match(&text[cs..key.start]);
    let (mut actor1, mut actor2) =
        roles(sub, subject_r.as_ref(), other_r.as_ref(), civilians_r.as_ref(), parties, &named, &generic);
    // "X clashed with Y, with Y capturing the town": the sides after "with"
    // took it, against the clause's subject.
    if let Some(w) = absolute
        && sub.is_territorial()
        && let Some(taker) = actors.iter().find(|m| m.start >= w && m.end <= key.start)
        && actor2.as_ref().is_some_and(|a| a.name.starts_with(&taker.actor.name))
    {
        std::mem::swap(&mut actor1, &mut actor2);
    }
    if civil
        && sub.event_type() == EventType::StrategicDevelopments
        && actor1.as_ref().is_none_or(|a| a.name.starts_with("Unidentified"))
    {
        let government = country_code.as_deref().and_then(|c| doc.resources.actors.government(c, Some(date.0)));
        actor1 = government.or(actor1);
    }
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
    // A source left as a party for want of another ("a police official said
    // 12 people were killed") names no one who acted.
    let named_actors: Vec<String> = [subject, other_r.as_ref()]
        .into_iter()
        .flatten()
        .filter(|m| !is_source(m))
        .map(|m| m.actor.name.clone())
        .collect();
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
        inferred,
        assault: sub == SubEventType::ArmedClash && one_sided && cue_kinds.contains(&Cue::Clash),
        retaken: sub.is_territorial()
            && (key.cue == Cue::Regain
                || ["re-establish", "reestablish"]
                    .iter()
                    .any(|w| starts_with_ignoring_case(&text[key.start..key.end], w)))
            && !SOME_OF.is_match(&text[key.end..]),
    })
}

/// Words before an agreement's mediator or host ("mediated by", "hosted by
/// the"), or right before its venue ("talks in", "agreed on 2 May in"), up
/// to a list of names ("brokered by Saudi Arabia and the United States").
static VENUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)(?:\b(?:hosted|mediated|brokered|sponsored|facilitated|convened|overseen|organi[sz]ed)\s+by|\b(?:talks|negotiations|summit|conference|meetings?|met|agreed|signed|reached|announced)(?:\s+(?:on|late|early)(?:\s+\w+){1,3}?)?\s+(?:in|at))\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)*,?\s+(?:and\s+)?(?:the\s+)?)*$",
    )
});

/// Right before a place: "in", "at".
static AT_PLACE: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:in|at)\s+(?:the\s+)?$"));

/// Whether the words `before` a place abroad of an agreement's clause (from
/// the clause's start) make it where the agreement was negotiated or who
/// mediated it: a venue's or a mediator's words, or a bare "in" when the
/// place is of another country than the article's too (`foreign`: "signed
/// a truce in Jeddah" in an article on Sudan; "forces in Karabakh agreed"
/// is where they are).
fn venue(before: &str, foreign: bool) -> bool {
    VENUE_BEFORE.is_match(before) || (foreign && AT_PLACE.is_match(before))
}

/// A passive right before a cue: who is named before it suffered it.
static PASSIVE_END: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:was|were|been|being)\s+(?:[a-z]+\s+)?$"));

/// A finite passive: "were buried", "was found".
static FINITE_PASSIVE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:was|were)\s+(?:\w+ly\s+)?\w+(?:ed|en|ied|wn|nt|ught)\b"));

/// What opens a clause of its own after a cue.
static NEW_CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:who|whom|which|that|and|but|because|after|before|when|while|as)\b"));

/// The "taking away" wordings of an abduction ("led away", "snatched",
/// "forced … into a van"), which a state's agents use to detain.
static TAKEN_AWAY: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^(?:led|marched|herded|frog-?marched|dragg|took|taken|spirited|whisked|carried|carted|snatch|forc|bundl)",
    )
});

/// People who take others away to save them.
static RESCUERS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:fire-?fighters?|firem[ae]n|rescuers?|rescue (?:workers|teams?|crews?)|medics|paramedics|aid workers|volunteers|ambulance|emergency (?:workers|services|crews?|teams?)|lifeguards|coast ?guards?|neighbou?rs)\b",
    )
});

/// Civil authorities as the doer of a measure: "authorities", "the
/// government", "the governor", "the ministry", "the junta"; not a side
/// for or against them ("pro-government militiamen").
static CIVIL_DOER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)(?:^|[^\w-])(?:authorities|government|governors?|ministry|ministries|junta)\b")
});

/// The people a state takes away are protesters: "led away 20
/// protesters", "dragged demonstrators".
static TAKEN_PROTESTERS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"(?i)^(?:[\w-]+\s+){1,5}?(?:protesters?|protestors?|demonstrators?|marchers)\b")
});

/// Armed doers that [`ARMED_NOUN`] does not name ("bandits", "unknown
/// assailants", "the group"), and traces of their violence (graves,
/// bodies, people held, clashes, attacks).
static ARMED_DOER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:armed|bandits?|assailants?|attackers?|kidnappers?|abductors?|captors?|factions?|terrorists?|extremists?|guerrill?as?|separatists?|raiders?|unknown|unidentified|masked|groups?|paramilitar(?:y|ies)|clash(?:es)?|fighting|attacks?|violence|mercenar(?:y|ies)|vigilantes?|coup|junta|breakaway|splinter\w*|defect\w*|graves?|bod(?:y|ies)|corpses|hostages?|captives|abductees|detainees|prisoners)\b",
    )
});

/// Who pulls down buildings and bridges as public works.
static WORKS_DOER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:engineers?|demolition|construction|crews?|contractors?|workers|workmen|bulldozers?|excavators?|councils?|municipal\w*|developers?|compan(?:y|ies)|firms?)\b",
    )
});

/// What makes people taken away by the state disappeared rather than
/// arrested: nobody has seen them since, or their bodies were found.
static DISAPPEARED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:not (?:been )?(?:seen|heard from)|whereabouts|disappear\w*|(?:remains?|remained|still|went) missing|bod(?:y|ies) (?:was|were) (?:found|recovered|discovered))\b",
    )
});

/// The purpose of public works: a new build, or a building unfit to stand.
static WORKS_PURPOSE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:to make (?:way|room)|redevelop\w*|renovat\w*|(?:road|street)[ -]widening|widen(?:ed|ing)? the|illegal(?:ly)?|unlicen[sc]ed|unauthori[sz]ed|unsafe|dilapidated|condemned|derelict|disused|old|replac\w*|upgrad\w*)\b",
    )
});

/// A crowd, not an armed group: who acts in a mob's violence.
static CROWD: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:mobs?|crowds?|villagers|residents|locals|youths)\b"));

/// Words after a crowd that make it no doer of what follows: a source
/// ("residents said"), a passive ("villagers were killed"), a clause of
/// its own ("villagers who fled when").
static CROWD_NOT_ACTING: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\b(?:said|say|says|told|reported|according|was|were|been|being|is|are|who|whose|whom|when|after|as|while|by|fled)\b",
    )
});

/// A finite passive after a crowd's cue with no clause of its own between
/// them ("villagers shot dead in the raid were buried"): the cue is a
/// reduced relative and the crowd its victims.
fn reduced_passive(after: &str) -> bool {
    FINITE_PASSIVE.find(after).is_some_and(|m| !NEW_CLAUSE.is_match(&after[..m.start()]))
}

/// Whether the clause's words `head` before its cue name a crowd as who
/// acts, with no armed people among them, and the cue is not a passive
/// whose "by" names someone else (`after` the cue), nor a reduced relative.
fn crowd_acts(head: &str, after: &str) -> bool {
    !PASSIVE_BY.is_match(after)
        && !reduced_passive(after)
        && !ARMED_NOUN.is_match(head)
        && CROWD.find(head).is_some_and(|m| !CROWD_NOT_ACTING.is_match(&head[m.end()..]))
}

/// Verbs of a killing or maiming wording whose object comes after them
/// inside it ("beat a farmer to death", "burned two men alive", "left
/// three guards hospitalised").
const KILLED_INSIDE: &[&str] =
    &["beat", "beaten", "hacked", "clubbed", "stoned", "bludgeoned", "burned", "burnt", "left", "leaving"];

/// Verbs of an abduction wording whose object comes after them inside it
/// ("took … hostage", "carried off …", "snatched …", "forced … into a car").
const OBJECT_INSIDE: &[&str] = &[
    "took",
    "taken",
    "carried",
    "carted",
    "spirited",
    "whisked",
    "led",
    "marched",
    "herded",
    "frog-marched",
    "dragged",
    "dragging",
    "snatch",
    "snatched",
    "snatches",
    "snatching",
    "forced",
    "forcing",
    "bundled",
    "bundling",
];

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

/// An opening phrase before the clause's comma: "Following clashes with X,",
/// "While IS made advances,".
static OPENER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(r"^\W*(?i:following|after|amid|amidst|despite|during|while|under|backed|supported)\b")
});

/// A back reference to a side named before, used as a pronoun: "the
/// latter", "the former" before a verb or punctuation, not the adjective
/// ("the former army base").
static BACK_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)\bthe (?:latter|former)(?:\s*$|\s*[,.;:)]|\s+(?:was|were|is|are|had|has|have|then|also|later|quickly|soon|eventually|managed|succeeded|took|captured|seized|regained|retook|recaptured|gained|controlled|overran|stormed|advanced|entered|declared|announced|established)\b)",
    )
});

/// The side a back reference names as the subject of the capture at `key`
/// in the sentence `start..end`, when no side is named between it and the
/// capture: "the former" is the sentence's first side; "the latter" the
/// first one after the last word turning to the other side ("IS against
/// regime forces and Hezbollah, where the latter …": the regime's forces;
/// "between the army and the rebels, where the latter …": the rebels).
fn referred_side<'d>(doc: &'d Document<'_>, start: usize, end: usize, key: usize) -> Option<&'d ActorMention> {
    let text = &doc.clean.text;
    let r = BACK_REFERENCE.find_iter(&text[start..key]).last()?;
    let (rs, re) = (start + r.start(), start + r.end());
    let sides: Vec<&ActorMention> =
        doc.actors.iter().filter(|m| within(m.start, m.end, start, end) && m.actor.inter != Inter::Civilians).collect();
    if sides.iter().any(|m| m.start >= re && m.start < key) {
        return None;
    }
    let before = &sides[..sides.iter().take_while(|m| m.end <= rs).count()];
    let first = *before.first()?;
    if r.as_str().to_ascii_lowercase().contains("former") {
        return Some(first);
    }
    // The other side begins after "against" or "with", or after the "and"
    // of "between A and B".
    let gap = &text[first.end..rs];
    let turn = OTHER_SIDE.find_iter(gap).last().or_else(|| SECOND_SIDE.find(gap)).map(|m| first.end + m.end());
    Some(turn.and_then(|t| before.iter().find(|m| m.start >= t).copied()).unwrap_or(before[before.len() - 1]))
}

/// A word turning to the other side of a fight: "against", "with", "versus".
static OTHER_SIDE: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:against|with|versus|vs\.?)\s"));

/// Without one, the "and" right after the first side ("between A and B").
static SECOND_SIDE: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)^[^,]*?\band\s"));

/// A relative clause that names who took a place: "..., where the factions
/// took control".
static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| crate::rule_regex(r"(?i)\b(?:where|whereby|in which|during which)\s"));

/// An absolute phrase that names who took a place: "clashed with the
/// factions, with HTS and its allies capturing the town". The capture is a
/// participle right after the sides named after the last "with" of the
/// clause (no comma between), so "clashed with HTS, capturing the town"
/// (the clause's subject takes it) is none. Where those sides start.
fn absolute_with(text: &str, actors: &[&ActorMention], cs: usize, (ks, ke): (usize, usize)) -> Option<usize> {
    let verb = text[ks..ke].split(' ').next()?;
    if !ends_with_ignoring_case(verb, "ing") {
        return None;
    }
    let head = &text[cs..ks];
    let with = cs + ABSOLUTE_WITH.find_iter(head).last()?.end();
    let last = actors.iter().rfind(|m| m.start >= with && m.end <= ks)?;
    let gap = &text[last.end..ks];
    (!gap.contains(',') && gap.split_whitespace().count() <= 2).then_some(with)
}

/// A part or a share of what a regain takes back ("regained control of
/// some parts of the area", "took back 2 of these villages"): not the
/// whole change of hands undone.
static SOME_OF: LazyLock<Regex> = LazyLock::new(|| {
    crate::rule_regex(
        r"(?i)^\s+(?:(?:full |complete )?control\s+)?(?:(?:of|over)\s+)?(?:the\s+)?(?:some|parts?|most|several|\d+|two|three|four|five)\b",
    )
});

/// The "with" that opens an absolute phrase.
static ABSOLUTE_WITH: LazyLock<Regex> = LazyLock::new(|| crate::rule_regex(r"(?i)\bwith\s"));

/// Compiles this module's regexes now, not in the first article that needs
/// them ([`crate::COMPILE_RULES`]).
pub(super) fn compile_rules() {
    for regex in [
        &SOURCE_SAID,
        &SOURCE_ACTED,
        &OWN_MEMBERS,
        &OPENER,
        &RELATIVE,
        &ABSOLUTE_WITH,
        &SOME_OF,
        &BACK_REFERENCE,
        &OTHER_SIDE,
        &SECOND_SIDE,
        &VENUE_BEFORE,
        &AT_PLACE,
        &PASSIVE_END,
        &CROWD,
        &CROWD_NOT_ACTING,
        &FINITE_PASSIVE,
        &NEW_CLAUSE,
        &TAKEN_AWAY,
        &CIVIL_DOER,
        &TAKEN_PROTESTERS,
        &RESCUERS,
        &ARMED_DOER,
        &WORKS_DOER,
        &WORKS_PURPOSE,
        &DISAPPEARED,
    ] {
        LazyLock::force(regex);
    }
}
