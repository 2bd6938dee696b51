//! Aggregation: candidates that ACLED would code as one event fold into
//! one, the higher-priority type winning.

use super::draft::Draft;
use crate::actor::ActorRef;
use crate::model::*;

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
pub(super) fn aggregate(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        // A bare clause folds into the event of its sentence before it,
        // unless it tells of violence against civilians by someone that
        // event does not name ("..., while gunmen shot dead 5 farmers"):
        // civilians killed in a battle count in the battle, by others not.
        let own = |o: &Draft| {
            let (Some(a), Some(b)) = (o.cand.sub_event_type, d.cand.sub_event_type) else { return false };
            let others = b.event_type() == EventType::ViolenceAgainstCivilians
                && !d.named.is_empty()
                && !o.named.is_empty()
                && !d.named.iter().any(|n| o.named.contains(n));
            d.bare_clause && o.sentence == d.sentence && (absorbs(a, b) || absorbs(b, a)) && !others
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
    let places_ok = place(a) == place(b)
        || (a.coarse && inside(a, b))
        || (b.coarse && inside(b, a))
        || ((fought_for(a, b) || fought_for(b, a)) && same_sides(a, b));
    let actors_ok = a.named.is_empty()
        || b.named.is_empty()
        || a.dependent
        || b.dependent
        || a.named.iter().any(|n| b.named.contains(n));
    places_ok && actors_ok
}

/// Whether `clash` is the fight for the place `taken` changed hands at: an
/// armed clash placed only near a town or in a region ("fighting raged
/// in the countryside west of the city") and a place taken in the same
/// province ("after it, the army held three villages there").
fn fought_for(clash: &Draft, taken: &Draft) -> bool {
    let (Some(c), Some(t)) = (clash.cand.sub_event_type, taken.cand.sub_event_type) else { return false };
    match (&clash.cand.place, &taken.cand.place) {
        (Some((cp, cg)), Some((tp, tg))) => {
            c == SubEventType::ArmedClash
                && matches!(t, SubEventType::GovernmentRegainsTerritory | SubEventType::NonStateActorOvertakesTerritory)
                && cg > tg
                && cp.country_code == tp.country_code
                && cp.admin1 == tp.admin1
        }
        _ => false,
    }
}

/// Whether two drafts name the same two sides, in either order: a clash
/// elsewhere in the province between other sides is another fight.
fn same_sides(a: &Draft, b: &Draft) -> bool {
    let name = |d: &Draft, first: bool| {
        if first { d.cand.actor1.as_ref() } else { d.cand.actor2.as_ref() }.map(|r| r.name.clone())
    };
    let (Some(a1), Some(a2), Some(b1), Some(b2)) = (name(a, true), name(a, false), name(b, true), name(b, false))
    else {
        return false;
    };
    a1 != a2 && ((a1 == b1 && a2 == b2) || (a1 == b2 && a2 == b1))
}

/// Whether `d` is a change of hands by force.
fn taken_by_force(d: &Draft) -> bool {
    matches!(
        d.cand.sub_event_type,
        Some(SubEventType::GovernmentRegainsTerritory | SubEventType::NonStateActorOvertakesTerritory)
    )
}

fn merge(a: &mut Draft, b: Draft) {
    let (ta, tb) =
        (a.cand.sub_event_type.unwrap_or(SubEventType::Other), b.cand.sub_event_type.unwrap_or(SubEventType::Other));
    // A clash told only by soldiers killed, with neither place nor date of
    // its own, is the toll of the event it tells more of ("an IED hit a
    // patrol. Three soldiers were killed."): that event's type stands. A
    // blast told in a later clause of an explosion's sentence is the
    // weapon's named before it ("a grenade …; it exploded on the road");
    // other weapons keep the codebook's order (air strikes over shelling).
    let toll = |d: &Draft| d.inferred && d.dependent;
    let same_blast = b.bare_clause
        && a.sentence == b.sentence
        && ta.event_type() == EventType::ExplosionsRemoteViolence
        && tb == SubEventType::RemoteExplosiveLandmineIed;
    // Gunmen storming a place after suicide bombers struck it: the
    // suicide bombing, as within one clause.
    // Of two sides taking one place, the one that takes it back holds it
    // last ("the army took the hill; the rebels later retook it").
    let retake = taken_by_force(a) && taken_by_force(&b) && ta != tb;
    let b_wins = if retake {
        b.retaken
    } else if a.assault && tb == SubEventType::SuicideBomb {
        true
    } else if b.assault && ta == SubEventType::SuicideBomb {
        false
    } else if toll(a) != toll(&b) {
        toll(a) && absorbs(ta, tb)
    } else {
        tb < ta && absorbs(tb, ta) && !same_blast
    };
    let mut b = b;
    let sides: Vec<ActorRef> =
        [&a.cand.actor1, &a.cand.actor2, &b.cand.actor1, &b.cand.actor2].into_iter().flatten().cloned().collect();
    // A place taken where the fight was only placed near it is the event's place.
    let finer = a.coarse && !b.coarse || b_wins && fought_for(a, &b);
    if b_wins || finer {
        // Keep the winning type's roles; the finer place.
        if finer {
            a.cand.place = b.cand.place.take();
            a.place_span = b.place_span;
            a.coarse = false;
        }
        if b_wins {
            a.cand.sub_event_type = b.cand.sub_event_type;
            a.inferred = b.inferred;
            a.assault = b.assault;
            a.retaken = b.retaken;
            if retake && b.cand.actor1.is_some() {
                // The side that takes it back against the side that lost it.
                let lost = a.cand.actor1.take().or(b.cand.actor2.take());
                a.cand.actor1 = b.cand.actor1.take();
                a.cand.actor2 = lost;
            } else if b.cand.actor1.is_some() && !b.named.is_empty() || a.named.is_empty() {
                a.cand.actor1 = b.cand.actor1.take();
                a.cand.actor2 = b.cand.actor2.take().or(a.cand.actor2.take());
            }
        }
    }
    if a.cand.actor2.is_none() {
        a.cand.actor2 = b.cand.actor2.take();
    }
    // Two drafts of different sides never make one side fight itself: the
    // other side named by either stands against it.
    if a.cand.actor1.is_some() && a.cand.actor2 == a.cand.actor1 {
        a.cand.actor2 = sides.into_iter().find(|s| Some(s) != a.cand.actor1.as_ref());
    }
    // A draft with neither place nor date of its own (a headline) tells of
    // the dated one it folds with: the event takes that one's date.
    if a.dependent && !b.dependent {
        a.cand.date = b.cand.date;
        a.dependent = false;
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
