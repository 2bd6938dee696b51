//! Resolution: each distinct name's place chosen from its candidates by
//! the votes of the article's other names (their countries and divisions,
//! the home division, clusters, containers, lists), then the mentions'
//! scores and precision.

use super::Raw;
use super::adjacent::{before_word_is, fighters_after, name_word_before, named_with_the};
use super::candidate::{CITY, Candidate, SMALL_DIVISION};
use super::distance::within;
use super::ordinary::written_as_name;
use super::words::{ANY_DIVISION, FIRST_DIVISION, IN_PEOPLES, LISTS, NEAR_BEFORE};
use crate::gazetteer::fold::fold;
use crate::gazetteer::index::FxMap;
use crate::gazetteer::{Gazetteer, Place, PlaceMention};
use crate::model::GeoPrecision;

/// How near another of the article's places a town named only by a common
/// word before "police" must lie: a local force in local news.
const POLICED_KM: f64 = 100.0;

/// Chooses each distinct name's place from its candidates and the others.
pub(super) fn resolve<'g>(g: &'g Gazetteer, text: &str, raws: &[Raw]) -> Vec<PlaceMention<'g>> {
    let mut names: Vec<&str> = Vec::with_capacity(raws.len());
    let mut of_raw: Vec<usize> = Vec::with_capacity(raws.len());
    // (Looked up by hash: an article may have hundreds of mentions. Sized
    // up front: growing a map from empty rehashes it at every doubling.)
    let mut name_index: FxMap<&str, usize> = FxMap::with_capacity_and_hasher(raws.len(), Default::default());
    for r in raws {
        let k = *name_index.entry(r.key.as_str()).or_insert_with(|| {
            names.push(&r.key);
            names.len() - 1
        });
        of_raw.push(k);
    }
    // Names written right after another and a comma.
    let mut listed_after = vec![false; raws.len()];
    for r in raws {
        if let (Some(c), false) = (r.container, r.inside) {
            listed_after[c] = true;
        }
    }
    // A state's news abbreviation ("Mass.", "N.C.", "Wichita, Kan") has its
    // dot or follows a town: "Miss America", "Wash your hands", "requiem
    // Mass" and "the Public Order Act" name no state. A word's full stop
    // that ends a sentence is no abbreviation's dot unless a town is right
    // before it ("after Mass. Police said", not "Springfield Mass. Police").
    let mut loose_short = vec![true; names.len()];
    for (i, (r, &k)) in raws.iter().zip(&of_raw).enumerate() {
        let loose = r.single && !r.acronym && r.end - r.start <= 4 && !listed_after[i];
        loose_short[k] &= loose && {
            let word = &text[r.start..r.end];
            let after = &text[r.end..];
            // (In prose: a title's words are all capitalised, "Sold To
            // Mass. Concert Promoter".)
            let prose =
                text[..r.start].trim_end().rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_lowercase));
            let sentence_end = prose
                && after.strip_prefix(". ").is_some_and(|a| a.starts_with(char::is_uppercase))
                && !(i > 0 && raws[i - 1].end <= r.start && text[raws[i - 1].end..r.start] == *" ");
            !word.contains('.') && (!after.starts_with('.') || sentence_end)
        };
    }
    // Per name: the start of its first mention with no division's word
    // after it, and whether a word for fighters follows a one-word mention
    // (one pass over the mentions), and whether any mention is an acronym.
    let mut plain_start: Vec<Option<usize>> = vec![None; names.len()];
    let mut before_fighters = vec![false; names.len()];
    let mut acronym = vec![false; names.len()];
    // Whether a mention of a name stands where only a place would: after a
    // locative word and before the place that holds it ("from Buffalo, New
    // York"). Then its other mentions are the place too, also where the
    // name is a common word ("the Buffalo schools").
    let mut placed = vec![false; names.len()];
    for (r, &o) in raws.iter().zip(&of_raw) {
        placed[o] |= r.locative && r.container.is_some();
        if r.division == 0 && plain_start[o].is_none() {
            plain_start[o] = Some(r.start);
        }
        before_fighters[o] |= r.single && fighters_after(text, r.end);
        acronym[o] |= r.acronym;
    }
    let cands: Vec<Vec<Candidate>> = names
        .iter()
        .enumerate()
        .map(|(k, n)| {
            let mut c = g.candidates(n, true);
            // "Arab voters", "the English teacher": a people's or a
            // language's name is no town unless written as one; a
            // country's demonym or a region it names still is.
            // Written as a place's name: before the place that holds it
            // ("Arab, Alabama"), with a division's word ("English County")
            // or as `written_as_name` says ("the town of Jewish").
            let written_as_place = || {
                raws.iter().zip(&of_raw).any(|(r, &o)| {
                    o == k && (r.container.is_some() || r.division != 0 || written_as_name(text, r.start, r.end))
                })
            };
            if LISTS.bits(n) & IN_PEOPLES != 0 && !written_as_place() {
                c.retain(|c| c.demonym || matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "CONT" | "RGN"));
            }
            if loose_short[k] {
                // A US state's abbreviation stripped, its other senses by
                // a variant name are as loose ("Tex Hill" is no Telluride
                // either).
                let state = c
                    .iter()
                    .any(|c| c.alt && g.place(c.id).feature_code == "ADM1" && g.place(c.id).country_code == "US");
                c.retain(|c| !(c.alt && (state || g.place(c.id).feature_code == "ADM1")));
            }
            // The exact name of a people, a country, a division, a capital,
            // a city or a large region ("Russian", "Syria", "Hama", "Sochi",
            // "Europe") is not a variant spelling of a village's.
            let major = |c: &Candidate| {
                let p = g.place(c.id);
                c.demonym
                    || matches!(p.feature_code.as_str(), "PCLI" | "ADM1" | "PPLC" | "PPLA" | "RGN")
                    || p.population >= CITY
            };
            if c.iter().any(|c| !c.skeleton && major(c)) {
                c.retain(|c| !c.skeleton);
            }
            // Nor is it a small town's other name: "Pittsburgh" is the city,
            // not a town of California once spelt so, whatever the article's
            // state. A country's exact name is no other town's name at all
            // ("Iraq" is not Arak, Iran), but its capital's may be ("Kuwait").
            // A town whose own name begins with the words is called so for
            // short, not once: "Kingston" is also Kingston upon Thames.
            let renowned = |p: &Place| known_widely(p) && !(p.feature_code == "ADM1" && p.population < SMALL_DIVISION);
            let exact = |f: &dyn Fn(&Place) -> bool| c.iter().any(|c| !c.alt && !c.skeleton && f(g.place(c.id)));
            let country = exact(&|p: &Place| p.feature_code == "PCLI");
            if country || exact(&renowned) {
                c.retain(|c| {
                    let p = g.place(c.id);
                    let small = if country {
                        p.feature_code != "PPLC"
                    } else {
                        !known_widely(p) && !fold(&p.name).strip_prefix(n).is_some_and(|rest| rest.starts_with(' '))
                    };
                    !(c.alt && !c.demonym && p.feature_code.starts_with("PPL") && small && !g.is_added(c.id))
                });
            }
            // Seas, islands and large regions are written as they are
            // named: "Saboura" is no variant spelling of "Siberia". (A
            // transliterated region's vowels vary: "Qalamoon" is Qalamoun.)
            c.retain(|c| !(c.skeleton && !c.vowels && g.place(c.id).feature_code == "RGN"));
            // "Houthi rebels", "Taliban fighters": a variant spelling or
            // another name of a town before a word for fighters is a group's
            // name (groups are named so: Hamas is also Hamm's), not the
            // town's. Fighters are named after a town by its own name ("Idlib
            // rebels"), after a people, a country or a region by any
            // ("Syrian rebels").
            if before_fighters[k] {
                c.retain(|c| {
                    let fc = g.place(c.id).feature_code.as_str();
                    !c.skeleton && (!c.alt || c.demonym || matches!(fc, "PCLI" | "ADM1"))
                });
            }
            // "the Red Sea", "the Pacific": a name written after "the" as
            // an area is listed is that area, unless a division's word
            // follows ("the Red Sea state").
            if let Some(the) = plain_start[k].and_then(|start| named_with_the(g, text, start, n))
                && c.iter().any(|c| the.contains(&c.id))
            {
                c.retain(|c| the.contains(&c.id));
            }
            // (Our own areas list their acronyms on purpose: "KRI".)
            // A region's own name is not a country's other name: "Central
            // Africa" is the region, not the Central African Republic.
            if c.iter().any(|c| !c.alt && !c.skeleton && g.place(c.id).feature_code == "RGN") {
                c.retain(|c| !(c.alt && g.place(c.id).feature_code == "PCLI"));
            }
            if acronym[k] {
                c.retain(|c| {
                    let p = g.place(c.id);
                    matches!(p.feature_code.as_str(), "PCLI" | "ADM1")
                        || p.geonameid >= crate::gazetteer::index::AREA_IDS
                });
            }
            c
        })
        .collect();
    let mut division: Vec<u8> = vec![0; names.len()];
    for (r, &k) in raws.iter().zip(&of_raw) {
        division[k] |= r.division;
    }
    // "Kano, Kaduna and Lagos states": a plural division word after a
    // list makes each name of the list a first-level division. (Not after
    // one name: "the Gulf states" are no province.)
    let mut run = 0;
    for i in 0..raws.len() {
        let after = &text[raws[i].end..];
        if i > run && [" states", " provinces", " regions"].iter().any(|w| after.starts_with(w)) {
            for &k in &of_raw[run..=i] {
                division[k] |= FIRST_DIVISION;
            }
        }
        let listed = raws.get(i + 1).is_some_and(|next| {
            raws[i].end <= next.start
                && matches!(&text[raws[i].end..next.start], ", " | " and " | " or " | ", and " | ", or ")
        });
        if !listed {
            run = i + 1;
        }
    }
    // A division plainly one: no seat or city of its country shares its
    // name ("Zamfara", "Manitoba"), or a division's word goes with it.
    // Only such a division makes the states listed with it states: "Kano,
    // Kaduna and Lagos" are three cities, whichever a first guess reads as
    // the state of that name.
    let plain: Vec<bool> = (0..names.len())
        .map(|k| {
            let named = |c: &Candidate| !c.skeleton && !c.demonym;
            let seat = |p: &Place| {
                matches!(p.feature_code.as_str(), "PPLA" | "PPLC")
                    || p.feature_code.starts_with("PPL") && p.population >= CITY
            };
            division[k] != 0
                || !cands[k].iter().filter(|c| named(c)).map(|c| g.place(c.id)).any(|p| {
                    seat(p)
                        && cands[k].iter().filter(|c| named(c)).any(|d| {
                            let q = g.place(d.id);
                            q.feature_code == "ADM1" && q.country_code == p.country_code
                        })
                })
        })
        .collect();
    // The names said to contain each name, and whether with "in"/"of"
    // (else after a comma).
    // A state's or country's name before a comma whose next name is again
    // followed by a comma is a list ("Georgia, Illinois, Missouri, New
    // Jersey"), not a town of Illinois in Missouri.
    let broad_first =
        |k: usize| cands[k].first().is_some_and(|c| matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1"));
    let mut containers: Vec<Vec<(usize, bool)>> = vec![Vec::new(); names.len()];
    // Names written next to each other after a comma, either way round:
    // a name listed with states or countries is one too ("Utah, Virginia,
    // Washington"; "China, Japan, and the United Kingdom").
    // ("Egypt and Niger", "NSW or Queensland": so are two names joined by
    // "and" or "or".)
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (r, &k) in raws.iter().zip(&of_raw) {
        if let (Some(c), false) = (r.container, r.inside) {
            neighbours[k].push(of_raw[c]);
            neighbours[of_raw[c]].push(k);
        }
    }
    for (w, o) in raws.windows(2).zip(of_raw.windows(2)) {
        if w[0].end <= w[1].start && matches!(text[w[0].end..w[1].start].trim_start_matches(','), " and " | " or ") {
            neighbours[o[0]].push(o[1]);
            neighbours[o[1]].push(o[0]);
        }
    }
    // So is one that a name before it is listed with ("Georgia, Iraq,
    // Iran, and Syria" puts no Iraq in Iran), or one before a state or
    // country that another follows with "and" ("Washington, Pennsylvania
    // and California").
    let and_broad = |c: usize| {
        raws.get(c + 1).is_some_and(|next| {
            // (", and " is the longest gap: most are told by their length.)
            raws[c].end <= next.start
                && next.start - raws[c].end <= ", and ".len()
                && matches!(text[raws[c].end..next.start].trim_start_matches(','), " and " | " or ")
                && broad_first(of_raw[c + 1])
        })
    };
    let exact_broad_first = |k: usize| {
        cands[k]
            .iter()
            .find(|c| !c.skeleton)
            .is_some_and(|c| matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1"))
    };
    let town_first = |k: usize| cands[k].first().is_some_and(|c| g.place(c.id).feature_code.starts_with("PPL"));
    for (i, (r, &k)) in raws.iter().zip(&of_raw).enumerate() {
        if let Some(c) = r.container {
            let listed = !r.inside
                && (raws[c].container.is_some() && !raws[c].inside || listed_after[i] || and_broad(c))
                && broad_first(k);
            // "the University of Arizona in Tucson": a state or a country
            // said to lie in a town is a name inside another's, and the
            // town tells nothing of which it is.
            let misread = r.inside && exact_broad_first(k) && town_first(of_raw[c]);
            if !listed && !misread {
                containers[k].push((of_raw[c], r.inside));
            }
        }
    }
    // ("Mexico" listed with its states is still the country, "Beirut"
    // listed with a governorate still the capital.)
    let country_named: Vec<bool> = cands
        .iter()
        .map(|c| {
            c.iter().any(|c| !c.alt && !c.skeleton && matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "PPLC"))
        })
        .collect();
    let support = cluster_support(g, &cands);
    let county_held = county_support(g, &cands);
    // The names listed with each name (joined by "and"/"or", or in a run of
    // commas: "San Juan, Choropampa and Magdalena") whose likeliest sense is
    // no state or country: "Bowling Green, Ohio" is no list of towns,
    // whichever Ohio County a first guess may give.
    let joined = |c: usize| {
        raws.get(c + 1).is_some_and(|next| {
            // (", and " is the longest gap: most are told by their length.)
            raws[c].end <= next.start
                && next.start - raws[c].end <= ", and ".len()
                && matches!(text[raws[c].end..next.start].trim_start_matches(','), " and " | " or ")
        })
    };
    let mut villages: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (i, (r, &k)) in raws.iter().zip(&of_raw).enumerate() {
        let next = match r.container {
            Some(c)
                if !r.inside
                    && (raws[c].container.is_some_and(|_| !raws[c].inside) || joined(c) || listed_after[i]) =>
            {
                c
            }
            _ if joined(i) => i + 1,
            _ => continue,
        };
        let j = of_raw[next];
        if !broad_first(j) {
            villages[k].push(j);
        }
        if !broad_first(k) {
            villages[j].push(k);
        }
    }
    // Names of a country's capital and of another division of that country
    // ("Washington", "Buenos Aires", "Moscow"): news means the capital
    // unless the article's other places lie in the division.
    let capital_twin: Vec<bool> = cands
        .iter()
        .map(|c| {
            c.iter().map(|x| g.place(x.id)).any(|p| {
                p.feature_code == "PPLC"
                    && c.iter()
                        .map(|y| g.place(y.id))
                        .any(|q| q.feature_code == "ADM1" && q.country_code == p.country_code && q.admin1 != p.admin1)
            })
        })
        .collect();
    let mut best: Vec<usize> = vec![0; names.len()];
    let mut scores: Vec<Vec<f32>> = cands.iter().map(|c| c.iter().map(|x| x.prior).collect()).collect();
    for _round in 0..2 {
        let chosen: Vec<Option<&Place>> =
            (0..names.len()).map(|k| cands[k].get(best[k]).map(|c| g.place(c.id))).collect();
        let mut countries: FxMap<&str, f32> = FxMap::with_capacity_and_hasher(names.len(), Default::default());
        let mut admins: FxMap<(&str, &str), f32> = FxMap::with_capacity_and_hasher(names.len(), Default::default());
        for p in chosen.iter().flatten() {
            *countries.entry(p.country_code.as_str()).or_default() += 1.0;
            if !p.admin1.is_empty() {
                *admins.entry((p.country_code.as_str(), p.admin1.as_str())).or_default() += 1.0;
            }
        }
        let total = chosen.iter().flatten().count() as f32;
        let nations = nations_named(&chosen);
        let home = home_votes(&chosen);
        for k in 0..names.len() {
            let own = chosen[k];
            let others = total - if own.is_some() { 1.0 } else { 0.0 };
            let own_home =
                own.filter(|o| votes_home(o)).map(|o| (o.country_code.as_str(), o.admin1.as_str(), home_weight(o)));
            let home_k = home.without(own_home);
            // A country, a state or a city readers know ("Boston", "Egypt")
            // keeps its name against a home-state village of that name.
            let in_home = |p: &Place| home_k.is_some_and(|(cc, a1)| cc == p.country_code && a1 == p.admin1);
            let famous_elsewhere =
                home_k.is_some() && cands[k].iter().map(|c| g.place(c.id)).any(|p| !in_home(p) && known_widely(p));
            for (ci, c) in cands[k].iter().enumerate() {
                let p = g.place(c.id);
                let mut s = c.prior;
                if others > 0.0 {
                    let mut cv = countries.get(p.country_code.as_str()).copied().unwrap_or(0.0);
                    let mut av = admins.get(&(p.country_code.as_str(), p.admin1.as_str())).copied().unwrap_or(0.0);
                    if let Some(o) = own {
                        if o.country_code == p.country_code {
                            cv -= 1.0;
                        }
                        if o.country_code == p.country_code && o.admin1 == p.admin1 {
                            av -= 1.0;
                        }
                    }
                    // (Only a likely sense is worth the distances.)
                    let near = if ci < CLUSTER_CANDIDATES { beside(&nations, k, p) } else { 0.0 };
                    s += 3.0 * (cv + near) / others;
                    if !p.admin1.is_empty() {
                        s += 2.0 * av / others;
                    }
                }
                if names.len() > 1 {
                    s += CLUSTER * support[k][ci] / (names.len() - 1) as f32;
                }
                if county_held.get(k).is_some_and(|h| h.get(ci) == Some(&true)) {
                    s += COUNTY;
                }
                // After a comma only a division, a country or a division's
                // capital standing for it contains ("Fargo, North Dakota",
                // "Tal Tamer, Hasakeh"): other towns there are a list
                // ("Japan, Jordan, China" puts no Jordan in a China of New York).
                for &(ck, inside) in &containers[k] {
                    let holds = |q: &Place| {
                        (inside || matches!(q.feature_code.as_str(), "PCLI" | "ADM1" | "ADM2" | "PPLA"))
                            && contains(q, p)
                    };
                    // Only a sense of the container near its likeliest one
                    // holds: "Bowling Green, Ohio" is not in Kentucky for
                    // an Ohio County there.
                    let top = cands[ck].first().map_or(0.0, |c| c.prior);
                    let plausible = |c2: &&Candidate| c2.prior >= top - CONTAINER_SLACK;
                    if cands[ck].iter().filter(plausible).any(|c2| holds(g.place(c2.id))) {
                        s += 3.0;
                    }
                }
                let level = match p.feature_code.as_str() {
                    "ADM1" => ANY_DIVISION | FIRST_DIVISION,
                    "ADM2" => ANY_DIVISION,
                    _ => 0,
                };
                if division[k] & level != 0 {
                    s += 2.0;
                }
                if in_home(p) && is_local(p) && !c.skeleton && (!famous_elsewhere || known_widely(p)) {
                    s += HOME;
                }
                if listed_alike(p, !c.alt && !c.skeleton && !broad_first(k), &neighbours[k], &chosen) {
                    let by_plain = |j: &usize| plain[*j] && chosen[*j].is_some_and(|q| q.feature_code == "ADM1");
                    s += if p.feature_code == "ADM1" && !country_named[k] && neighbours[k].iter().any(by_plain) {
                        LISTED_DIVISION
                    } else {
                        LISTED_ALIKE
                    };
                } else if listed_with_village(p, &villages[k], &chosen) {
                    s += LISTED_ALIKE;
                }
                if capital_twin[k] && p.feature_code == "PPLC" {
                    s += CAPITAL_TWIN;
                }
                scores[k][ci] = s;
            }
            best[k] = (0..cands[k].len()).max_by(|&a, &b| scores[k][a].total_cmp(&scores[k][b])).unwrap_or(0);
        }
    }
    let chosen: Vec<Option<&Place>> = (0..names.len()).map(|k| cands[k].get(best[k]).map(|c| g.place(c.id))).collect();
    // A variant spelling stands only where another name of the article is in
    // the same country, or the place is in a gazetteer the user added:
    // alone, "Neither" is not Nador. Else the best exact match stands. (A
    // region named with other vowels, the article's only name, stands in
    // the country of a gazetteer the user added.)
    for k in 0..names.len() {
        let Some(c) = cands[k].get(best[k]) else { continue };
        let p = g.place(c.id);
        let corroborated =
            chosen.iter().enumerate().any(|(o, q)| o != k && q.is_some_and(|q| q.country_code == p.country_code));
        let alone = chosen.iter().enumerate().all(|(o, q)| o == k || q.is_none());
        let added_region = c.vowels && alone && g.is_added_country(&p.country_code);
        if c.skeleton && !corroborated && !g.is_added(c.id) && !added_region {
            best[k] = (0..cands[k].len())
                .filter(|&i| !cands[k][i].skeleton)
                .max_by(|&a, &b| scores[k][a].total_cmp(&scores[k][b]))
                .unwrap_or(usize::MAX);
        }
    }
    // "Congo" after "the Republic of Congo": a short name that is another
    // name of several countries is the one the article names in full, by a
    // name ending with it.
    for k in 0..names.len() {
        let pcli_alt = |c: &&Candidate| c.alt && g.place(c.id).feature_code == "PCLI";
        if cands[k].iter().filter(pcli_alt).nth(1).is_none() {
            continue;
        }
        let full = (0..names.len())
            .filter(|&o| names[o].strip_suffix(names[k]).is_some_and(|head| head.ends_with(' ')))
            .filter_map(|o| chosen[o])
            .find(|q| q.feature_code == "PCLI");
        if let Some(i) = full.and_then(|q| cands[k].iter().position(|c| g.place(c.id).geonameid == q.geonameid)) {
            best[k] = i;
        }
    }
    // "Zaire" in an article that names the Democratic Republic of Congo:
    // a country's other name (a former one, a short one, its people's) is
    // that country once the article names it by its own name, not a
    // province or a town of that name that the other places' votes would
    // give ("Canadian" beside Canada is no town of Texas).
    for k in 0..names.len() {
        if cands[k].get(best[k]).is_none_or(|c| g.place(c.id).feature_code == "PCLI") {
            continue;
        }
        let named = |c: &Candidate| {
            c.alt
                && !c.skeleton
                && g.place(c.id).feature_code == "PCLI"
                && chosen.iter().enumerate().any(|(o, q)| {
                    o != k
                        && q.is_some_and(|q| q.geonameid == g.place(c.id).geonameid)
                        && cands[o].get(best[o]).is_some_and(|x| !x.alt)
                })
        };
        if let Some(i) = cands[k].iter().position(named) {
            best[k] = i;
        }
    }
    // A division hardly anyone lives in ("Michael", a sheading of the Isle
    // of Man; "Jesus", a Paraguayan district) is what a bare word means only
    // when the article names other places of its country or calls it a
    // division: alone, the word is a person or a thing, or a town of some
    // size named so exactly ("Mansfield" alone is the town in England, not the
    // Australian shire). Names of several words ("Guernsey County") are no
    // such accident.
    let mut several_words = vec![false; names.len()];
    for (r, &o) in raws.iter().zip(&of_raw) {
        if let Some(w) = several_words.get_mut(o) {
            *w |= !r.single;
        }
    }
    for k in 0..names.len() {
        let Some(c) = cands[k].get(best[k]) else { continue };
        let p = g.place(c.id);
        if matches!(p.feature_code.as_str(), "ADM1" | "ADM2")
            && p.population < SMALL_DIVISION
            && !several_words[k]
            && division[k] == 0
        {
            let corroborated =
                chosen.iter().enumerate().any(|(o, q)| o != k && q.is_some_and(|q| q.country_code == p.country_code));
            if !corroborated && !g.is_added(c.id) {
                best[k] = (0..cands[k].len())
                    .filter(|&i| {
                        let c = &cands[k][i];
                        let p = g.place(c.id);
                        !c.alt && !c.skeleton && p.feature_code.starts_with("PPL") && p.population >= SMALL_DIVISION
                    })
                    .max_by(|&a, &b| scores[k][a].total_cmp(&scores[k][b]))
                    .unwrap_or(usize::MAX);
            }
        }
    }
    let mut out = Vec::with_capacity(raws.len());
    for (r, &k) in raws.iter().zip(&of_raw) {
        let Some(c) = cands[k].get(best[k]) else { continue };
        let s = scores[k][best[k]];
        let second = (0..cands[k].len()).filter(|&i| i != best[k]).map(|i| scores[k][i]).fold(f32::MIN, f32::max);
        if r.single && c.alt && !c.demonym && s < 0.5 && !g.is_added(c.id) {
            continue;
        }
        let broad = matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1");
        if contradicted(raws, r, g.place(c.id), |o| cands[of_raw[o]].get(best[of_raw[o]]).map(|x| g.place(x.id))) {
            continue;
        }
        // "Liberty police said": a common word before "police" names the
        // town whose force it is, where another of the article's places
        // lies within [`POLICED_KM`] of it ("Metro police" in Las Vegas
        // name no Indonesian town, "Harbor Police" in San Diego no town
        // in Oregon).
        let policed = || {
            let p = g.place(c.id);
            (text[r.end..].starts_with(" police") || text[r.end..].starts_with(" Police"))
                && chosen.iter().enumerate().any(|(o, q)| o != k && q.is_some_and(|q| within(p, q, POLICED_KM)))
        };
        if r.common && !placed[k] && !broad && r.container.is_none() && !policed() {
            continue;
        }
        // "Union Pacific", "Virgin Atlantic": an ocean's or a region's short
        // name after another name is a firm's, whichever sense won (Pacific,
        // Missouri); "the South Pacific" is part of the ocean.
        if r.single
            && cands[k].iter().any(|x| x.alt && g.place(x.id).feature_code == "RGN")
            && name_word_before(text, r.start).is_some()
            && !before_word_is(text, r.start, NEAR_BEFORE)
            && !before_word_is(text, r.start, &["central"])
        {
            continue;
        }
        let margin = if second == f32::MIN { 2.0 } else { s - second };
        let mut score = 1.0 / (1.0 + (-2.0 * margin).exp());
        if c.skeleton {
            score *= 0.8;
        }
        let place = g.place(c.id);
        let mut precision = place.precision();
        if r.near && precision == GeoPrecision::Town {
            precision = GeoPrecision::NearTown;
        }
        out.push(PlaceMention { start: r.start, end: r.end, place, score, precision, demonym: c.demonym });
    }
    out
}

/// The article's home division: the first-level division that more of its
/// names lie in than in any other, a division named outright counting
/// twice ("Texas", "Alexandria, La."). Local news names its towns and
/// counties bare, so a bare "Arlington" or "Douglas County" in an article
/// about Texas is the one in Texas, whichever is the biggest alone.
struct Home<'a> {
    /// The three divisions with the most votes, most first, with their
    /// votes: enough to tell the most once one name's vote is taken out.
    top: [Option<((&'a str, &'a str), f32)>; 3],
}

impl<'a> Home<'a> {
    /// The home division once one name's own vote is taken out (its place
    /// must not vote for itself): none on a tie or under [`HOME_VOTES`].
    fn without(&self, own: Option<(&str, &str, f32)>) -> Option<(&'a str, &'a str)> {
        let mut best: Option<((&'a str, &'a str), f32)> = None;
        let mut tie = false;
        for ((cc, a1), v) in self.top.iter().flatten().copied() {
            let v = match own {
                Some((occ, oa1, w)) if occ == cc && oa1 == a1 => v - w,
                _ => v,
            };
            match best {
                Some((_, b)) if v < b => {}
                Some((_, b)) if v == b => tie = true,
                _ => {
                    best = Some(((cc, a1), v));
                    tie = false;
                }
            }
        }
        best.filter(|&(_, v)| !tie && v >= HOME_VOTES).map(|(key, _)| key)
    }
}

/// Whether a state or a country is listed next to a state of its country
/// or another country, or a city of the world next to a city of another
/// country ("London, Paris and Rome" are the capitals, whatever towns of
/// Kentucky and Georgia share their names) if `city_named`: named by its
/// own name (a village's spelling is no Moroccan city's), and a name whose
/// likeliest sense is no state or country ("Toronto, Ontario" names no
/// town of California).
fn listed_alike(p: &Place, city_named: bool, neighbours: &[usize], chosen: &[Option<&Place>]) -> bool {
    let city = |q: &Place| q.feature_code.starts_with("PPL") && q.population >= CITY;
    let alike = |q: &Place| match p.feature_code.as_str() {
        "ADM1" => q.feature_code == "ADM1" && q.country_code == p.country_code && q.admin1 != p.admin1,
        "PCLI" => q.feature_code == "PCLI" && q.country_code != p.country_code,
        _ => city(q) && q.country_code != p.country_code,
    };
    !neighbours.is_empty()
        && (matches!(p.feature_code.as_str(), "ADM1" | "PCLI") || city_named && city(p))
        && neighbours.iter().any(|&j| chosen[j].is_some_and(alike))
}

/// Whether a town or county is listed next to a village of its own
/// division ("the villages of San Pedro, Tolca and Ayra"): a list with a
/// village in it names neighbours, so a name there is the namesake beside
/// that village rather than the biggest one elsewhere.
fn listed_with_village(p: &Place, neighbours: &[usize], chosen: &[Option<&Place>]) -> bool {
    let village = |q: &Place| {
        is_local(q)
            && !known_widely(q)
            && !q.admin1.is_empty()
            && q.country_code == p.country_code
            && q.admin1 == p.admin1
            && q.geonameid != p.geonameid
    };
    !neighbours.is_empty() && is_local(p) && neighbours.iter().any(|&j| chosen[j].is_some_and(village))
}

/// Bonus of a state, a country or a city listed with its like, or of a
/// town listed with a village of its division: more than a capital's
/// standing ("Washington" in a list of states), less than a container's.
const LISTED_ALIKE: f32 = 1.0;

/// Bonus of a state or province listed with a plain division of its
/// country (one no city shares its name with, or named with a division's
/// word): more than the standing its capital takes from it when named
/// alike ("Ontario, Quebec and Manitoba" are three provinces, not two and a
/// city; see [`super::dedup`]), less than a container's.
const LISTED_DIVISION: f32 = 2.5;

/// Votes of the chosen places for their first-level divisions.
fn home_votes<'a>(chosen: &[Option<&'a Place>]) -> Home<'a> {
    let mut votes: FxMap<(&str, &str), f32> = FxMap::with_capacity_and_hasher(chosen.len(), Default::default());
    for p in chosen.iter().flatten() {
        if votes_home(p) {
            *votes.entry((p.country_code.as_str(), p.admin1.as_str())).or_default() += home_weight(p);
        }
    }
    let mut top: [Option<((&str, &str), f32)>; 3] = [None; 3];
    for (key, v) in votes {
        if let Some(i) = top.iter().position(|t| t.is_none_or(|(k, w)| v > w || v == w && key < k)) {
            top[i..].rotate_right(1);
            top[i] = Some((key, v));
        }
    }
    Home { top }
}

/// Whether a place votes for the home division: all but countries and
/// places with no division.
fn votes_home(p: &Place) -> bool {
    !p.admin1.is_empty() && p.feature_code != "PCLI"
}

/// A place's vote for its division: a division named outright counts twice.
fn home_weight(p: &Place) -> f32 {
    if p.feature_code == "ADM1" { 2.0 } else { 1.0 }
}

/// Countries, first-level divisions, capitals and cities: what a bare name
/// means to readers anywhere.
fn known_widely(p: &Place) -> bool {
    matches!(p.feature_code.as_str(), "PCLI" | "ADM1" | "PPLC" | "PPLA") || p.population >= CITY
}

/// Towns and counties: what the home division lends to.
fn is_local(p: &Place) -> bool {
    p.feature_code.starts_with("PPL") || p.feature_code == "ADM2"
}

/// Votes a division needs to be the article's home: two towns, or the
/// division named.
const HOME_VOTES: f32 = 2.0;

/// Bonus of a town or county in the article's home division.
const HOME: f32 = 1.0;

/// How far under the prior of a container's likeliest sense its other
/// senses may still contain a name: a state under its country namesake
/// ("Atlanta, Georgia") but not a county named bare under its state.
const CONTAINER_SLACK: f32 = 1.5;

/// For each candidate of each name, how many other names of the article
/// could mean a town or county near it: local news names the towns around
/// its home ("Alexandria", "Pineville", "Kensington"), so the homonyms that
/// lie together are the ones meant, whichever is the biggest alone.
fn cluster_support(g: &Gazetteer, cands: &[Vec<Candidate>]) -> Vec<Vec<f32>> {
    let local = |c: &Candidate| {
        let p = g.place(c.id);
        !c.demonym && (p.feature_code.starts_with("PPL") || p.feature_code == "ADM2")
    };
    // A name whose likeliest sense is a country or a state ("Oklahoma",
    // "Ontario") neither lends nor gets support: a list of states is no
    // cluster of the small towns named after them.
    let broad: Vec<bool> = cands
        .iter()
        .map(|cs| cs.first().is_some_and(|c| matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1")))
        .collect();
    // The latitudes between which each name's supporting senses lie: a
    // candidate farther north or south of them all than [`within`]'s first
    // bound allows is near none of them, and that name is passed over
    // unmeasured (the same answer: the bound only grows away from them).
    let span: Vec<Option<(f64, f64)>> = cands
        .iter()
        .map(|cs| {
            cs.iter()
                .take(CLUSTER_CANDIDATES)
                .filter(|o| local(o))
                .map(|o| g.place(o.id).latitude)
                .fold(None, |s, lat| Some(s.map_or((lat, lat), |(lo, hi): (f64, f64)| (lo.min(lat), hi.max(lat)))))
        })
        .collect();
    let reaches = |lat: f64, (lo, hi): (f64, f64)| {
        let gap = if lat < lo {
            lo - lat
        } else if lat > hi {
            lat - hi
        } else {
            return true;
        };
        6371.0 * gap.to_radians() <= CLUSTER_KM + 1.0
    };
    cands
        .iter()
        .enumerate()
        .map(|(k, cs)| {
            cs.iter()
                .map(|c| {
                    if cs.len() < 2 || !local(c) || broad[k] {
                        return 0.0;
                    }
                    let p = g.place(c.id);
                    let near = cands.iter().enumerate().filter(|&(j, other)| {
                        j != k
                            && !broad[j]
                            && span[j].is_some_and(|s| reaches(p.latitude, s))
                            && other
                                .iter()
                                .take(CLUSTER_CANDIDATES)
                                .any(|o| local(o) && within(p, g.place(o.id), CLUSTER_KM))
                    });
                    near.count() as f32
                })
                .collect()
        })
        .collect()
}

/// For each candidate of each name, whether another name of the article is
/// a county that holds it, or, for a county, names a town it holds: local
/// news names a town with its county ("Huntsville" and "Walker County"), so
/// the namesakes that lie one in the other are the ones meant, whichever
/// is the biggest alone. Only a county named by its own name ("Walker
/// County", not a bare "Walker") and a name's likelier senses count. Empty
/// when no name may be a county.
fn county_support(g: &Gazetteer, cands: &[Vec<Candidate>]) -> Vec<Vec<bool>> {
    type Key<'a> = (&'a str, &'a str, &'a str);
    let county = |c: &Candidate| !c.alt && !c.skeleton && g.place(c.id).feature_code == "ADM2";
    let town = |c: &Candidate| !c.alt && !c.skeleton && g.place(c.id).feature_code.starts_with("PPL");
    let key_of = |c: &Candidate| -> Option<Key<'_>> {
        let p = g.place(c.id);
        (!p.admin2.is_empty()).then_some((p.country_code.as_str(), p.admin1.as_str(), p.admin2.as_str()))
    };
    // (Name index and place name of each sense.)
    let mut counties: FxMap<Key, Vec<(usize, &str)>> = FxMap::default();
    for (k, cs) in cands.iter().enumerate() {
        for c in cs.iter().take(CLUSTER_CANDIDATES).filter(|c| county(c)) {
            if let Some(key) = key_of(c) {
                counties.entry(key).or_default().push((k, g.place(c.id).name.as_str()));
            }
        }
    }
    if counties.is_empty() {
        return Vec::new();
    }
    let mut towns: FxMap<Key, Vec<(usize, &str)>> = FxMap::default();
    for (k, cs) in cands.iter().enumerate() {
        for c in cs.iter().take(CLUSTER_CANDIDATES).filter(|c| town(c)) {
            if let Some(key) = key_of(c).filter(|key| counties.contains_key(key)) {
                towns.entry(key).or_default().push((k, g.place(c.id).name.as_str()));
            }
        }
    }
    // A town named like its county ("Madison" in Madison County) is no
    // evidence for it: the bare name may be the county's own, short.
    let apart = |county: &str, town: &str| !county.strip_prefix(town).is_some_and(|rest| rest.starts_with(' '));
    cands
        .iter()
        .enumerate()
        .map(|(k, cs)| {
            cs.iter()
                .enumerate()
                .map(|(ci, c)| {
                    let Some(key) = key_of(c).filter(|_| ci < CLUSTER_CANDIDATES) else { return false };
                    let name = g.place(c.id).name.as_str();
                    if town(c) {
                        counties.get(&key).is_some_and(|v| v.iter().any(|&(j, n)| j != k && apart(n, name)))
                    } else {
                        // (A division named like a likelier town of it,
                        // "Brisbane", is the town, whatever towns of it
                        // are named.)
                        let seat = cs.iter().any(|o| town(o) && o.prior > c.prior && key_of(o) == Some(key));
                        county(c)
                            && !seat
                            && towns.get(&key).is_some_and(|v| v.iter().any(|&(j, n)| j != k && apart(name, n)))
                    }
                })
                .collect()
        })
        .collect()
}

/// The countries among the places chosen (a demonym's too: "Israeli"),
/// with the index of their name.
/// With the longitudes a place beside it may lie within: most candidates
/// are told apart without a distance.
fn nations_named<'a>(chosen: &[Option<&'a Place>]) -> Vec<(usize, &'a Place, f64)> {
    let span = |p: &Place| BESIDE_KM / (111.0 * p.latitude.to_radians().cos().max(0.05));
    chosen
        .iter()
        .enumerate()
        .filter_map(|(k, p)| p.filter(|p| p.feature_code == "PCLI").map(|p| (k, p, span(p))))
        .collect()
}

/// Half a vote of each country named (other than by name `k`) for a seat,
/// a division or a town of some size of another country beside it:
/// "Israeli forces shelled Gaza" is Gaza, Palestine, not Gaza province,
/// Mozambique; "the Israeli army raided a town" near a West Bank town is
/// that town, not its namesake village abroad. (Not villages: a
/// nationality would pull people's names across the border.)
fn beside(nations: &[(usize, &Place, f64)], k: usize, p: &Place) -> f32 {
    let code = p.feature_code.as_str();
    if !(code.starts_with("PPLA") || code == "PPLC" || code.starts_with("ADM") || p.population >= BESIDE_TOWN) {
        return 0.0;
    }
    let n = nations.iter().filter(|&&(o, q, span)| {
        o != k
            && (p.longitude - q.longitude).abs() <= span
            && q.country_code != p.country_code
            && within(q, p, BESIDE_KM)
    });
    0.5 * n.count() as f32
}

/// How near a country's point a place of another country lies beside it.
const BESIDE_KM: f64 = 300.0;

/// Population from which a town that is no seat may lie beside a country
/// named: a town, not a village a person may be named after.
const BESIDE_TOWN: u64 = 20_000;

/// Weight of [`cluster_support`]: a candidate every other name could lie
/// near gains as much as a national capital's standing.
const CLUSTER: f32 = 1.0;

/// Bonus of a country's capital over a division of its country named like
/// it: about what one other place of the article in the division gives.
const CAPITAL_TWIN: f32 = 0.5;

/// Bonus of a town named with a county that holds it, and of the county:
/// more than one other name's vote for their state (2), so that two names
/// that each fit the other's likeliest state elsewhere settle together.
const COUNTY: f32 = 2.5;

/// How near another name's candidate must lie to support a candidate.
const CLUSTER_KM: f64 = 150.0;

/// How many of another name's best candidates may support (they are sorted
/// by prior): the thousandth "Springfield" supports nothing.
const CLUSTER_CANDIDATES: usize = 10;

/// Whether a place said to lie in another ("X in the Y countryside", "X
/// neighbourhood of Y", through a chain of such) resolved outside it: then
/// the gazetteer lacks the right X, and the mention would only mislead.
fn contradicted<'a>(raws: &[Raw], r: &Raw, own: &Place, place_of: impl Fn(usize) -> Option<&'a Place>) -> bool {
    let (true, Some(mut outer)) = (r.inside, r.container) else { return false };
    for _ in 0..4 {
        match raws[outer].container {
            Some(next) if raws[outer].inside => outer = next,
            _ => break,
        }
    }
    let Some(q) = place_of(outer) else { return false };
    let checkable = matches!(q.feature_code.as_str(), "ADM1" | "ADM2" | "AREA") && !q.admin1.is_empty()
        || q.feature_code == "PCLI"
        || q.feature_code.starts_with("PPL");
    // (A sea, a lake or a region of no one country, "the Indian Ocean in
    // Mauritius", "Lake Victoria in the Mwanza region", is not checked: it
    // lies in several. Nor is a region against a town: no region lies in a
    // town, so such a link is misread, the town lying in the region or the
    // region's name standing inside a longer one, and says nothing about
    // which region is meant.)
    let region_in_town = own.feature_code == "RGN" && q.feature_code.starts_with("PPL");
    checkable
        && !matches!(own.feature_code.as_str(), "PCLI" | "ADM1")
        && !region_in_town
        && !own.country_code.trim().is_empty()
        && own.geonameid != q.geonameid
        && !contains(q, own)
}

/// Whether `outer` (a division or country) contains `inner`.
fn contains(outer: &Place, inner: &Place) -> bool {
    match outer.feature_code.as_str() {
        "PCLI" => outer.country_code == inner.country_code && inner.feature_code != "PCLI",
        "ADM1" => {
            outer.country_code == inner.country_code && outer.admin1 == inner.admin1 && inner.feature_code != "ADM1"
        }
        // A county, an area of one division ("Idlib countryside"), or a
        // town standing for its surroundings ("Aleppo countryside"): places
        // of its first-level division.
        code => {
            (code == "ADM2" || code.starts_with("PPL") || code == "AREA" && !outer.admin1.is_empty())
                && outer.country_code == inner.country_code
                && outer.admin1 == inner.admin1
                && !matches!(inner.feature_code.as_str(), "PCLI" | "ADM1" | "ADM2")
                && outer.geonameid != inner.geonameid
        }
    }
}

/// The article's country: the ISO code most of its place mentions resolve
/// to (demonyms count), if any.
pub fn country_hint(mentions: &[PlaceMention]) -> Option<String> {
    most_named_country(mentions.iter()).map(str::to_string)
}

/// The ISO code most of `mentions` resolve to, if any (ties: the first in
/// code order).
fn most_named_country<'m>(mentions: impl Iterator<Item = &'m PlaceMention<'m>>) -> Option<&'m str> {
    let mut votes: FxMap<&str, usize> = FxMap::default();
    for m in mentions.filter(|m| !m.place.country_code.trim().is_empty()) {
        *votes.entry(m.place.country_code.as_str()).or_default() += 1;
    }
    votes.into_iter().max_by_key(|(cc, n)| (*n, std::cmp::Reverse(*cc))).map(|(cc, _)| cc)
}

/// Drops a numbered site of our own list ("Regiment 46 base", "T4
/// airbase") where the article's other places are mostly in another
/// country: every army numbers its units, so "the 46th Regiment" near a
/// town of another country is that army's unit, not the base our list
/// places. (Named alone, the site stays: a short report may name nothing
/// else.)
pub(super) fn home_units_only(mentions: &mut Vec<PlaceMention>) {
    let unit = |m: &PlaceMention| {
        m.place.geonameid >= crate::gazetteer::index::AREA_IDS && m.place.name.bytes().any(|b| b.is_ascii_digit())
    };
    if !mentions.iter().any(unit) {
        return;
    }
    let home = most_named_country(mentions.iter().filter(|m| !unit(m))).map(str::to_string);
    mentions.retain(|m| !unit(m) || home.as_deref().is_none_or(|cc| cc == m.place.country_code));
}
