//! Recognition: capitalised token n-grams looked up in the index, and the
//! rules that make a name a person's, a group's, an outlet's or a street's
//! rather than a place's; the raw mentions go to [`resolve`].

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::adjacent::named_with_the;
use super::candidate::{CITY, Candidate};
use super::context::resolve;
use super::links::container_link;
use super::ordinary::{Lowercase, english_word, plausible_single, written_as_name};
use super::tokens::{has_break, tokenize};
use super::words::{
    ABBREVIATIONS, ARABIC_ARTICLES, AREA_WORDS, BEFORE_GIVEN_NAME, COMPASS_WORDS, ENGLISH_ARTICLES, FIRST_DIVISION,
    GENERIC, HONORIFICS, IN_GIVEN_NAMES, IN_LOCATIVE, IN_NEAR_AFTER, IN_NEAR_BEFORE, IN_PART_BEFORE, IN_QUALIFIERS,
    IN_TITLES, LINES_BETWEEN, LISTS, LOCATIVE, ORGANISATION, OUTLET, OUTLET_CUES, OUTLET_NAMES, PLACED_AFTER,
    PLACED_BEFORE, SPEECH, SPONSORED, STREETS, division_word,
};
use super::{Keys, Raw, Tok};
use crate::clean::CleanText;
use crate::gazetteer::index::{Fx, FxMap};
use crate::gazetteer::{Gazetteer, PlaceMention};
use crate::segment::Sentence;

/// Whether `x` goes on a name after the abbreviation `prev` and its dot.
fn abbreviated(text: &str, prev: &Tok, prev_key: &str, x: &Tok) -> bool {
    // ("W." is an initial but in "W. Va.": "George W. Bush" is no place.)
    let w_va = prev_key != "w" || text[x.start..x.end].eq_ignore_ascii_case("va");
    prev.cap && ABBREVIATIONS.contains(&prev_key) && w_va && text.as_bytes()[prev.end..x.start] == *b". "
}

/// The places inside a hyphened word the gazetteer does not know whole
/// ("Egyptian-US relations", "Fargo-Moorhead", "D-Charleston", "an
/// Australia-wide ban"), as (start, end, folded key) within the word: each
/// capitalised part of three letters or more, or an acronym ("US"), that
/// is a name, unless the
/// word is a sponsor's ("Russian-backed"), an Arabic name with its
/// articles ("Al-Joura-Al-Thawra") or, with a capitalised word
/// next to it, part of a person's or a firm's name ("Jean-Pierre Dupont").
fn hyphen_parts(g: &Gazetteer, word: &str, in_longer_name: bool) -> Vec<(usize, usize, String)> {
    let parts: Vec<(usize, &str)> = word
        .split('-')
        .scan(0, |at, p| {
            let start = *at;
            *at += p.len() + 1;
            Some((start, p))
        })
        .collect();
    // ("Al-Joura-Al-Thawra": an Arabic name in pieces, not several names.)
    if parts.iter().any(|&(_, p)| SPONSORED.iter().chain(ARABIC_ARTICLES).any(|w| p.eq_ignore_ascii_case(w))) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &(start, part) in &parts {
        // "US" in "Egyptian-US" is a country; "DFL" in "DFL-Cook" a party.
        let acronym = part.len() <= 4 && part.chars().all(|c| c.is_ascii_uppercase());
        if !part.starts_with(char::is_uppercase) || part.len() < 3 && !acronym {
            continue;
        }
        let key = crate::gazetteer::fold::fold(part);
        if g.is_stopword(&key) && !(acronym && (key == "us" || key == "uk")) || !g.has_exact(&key) {
            continue;
        }
        let people = is_a_people(g, &g.candidates(&key, false));
        if (in_longer_name || acronym) && !people {
            continue;
        }
        out.push((start, start + part.len(), key));
    }
    out
}

/// The last part of a hyphened word with the capitalised words after it,
/// when together they are a name the gazetteer has ("Sullivan County" in
/// "Kingsport-Sullivan County"): the part's offset in the word, how many words
/// after it the name takes (the longest such name), and its key.
fn hyphen_tail<'k>(
    g: &Gazetteer,
    word: &str,
    after: &[Tok<'k>],
    kstr: impl Fn(&Tok<'k>) -> &'k str,
) -> Option<(usize, usize, String)> {
    let at = word.rfind('-')? + 1;
    let part = &word[at..];
    let foreign = |p: &str| SPONSORED.iter().chain(ARABIC_ARTICLES).any(|w| p.eq_ignore_ascii_case(w));
    if !part.starts_with(char::is_uppercase) || word.split('-').any(foreign) {
        return None;
    }
    let mut key = crate::gazetteer::fold::fold(part);
    let mut found = None;
    for (n, x) in after.iter().take(3).enumerate() {
        if !x.glued || !(x.cap || x.conn) {
            break;
        }
        key.push(' ');
        key.push_str(kstr(x));
        if x.cap && !x.conn && g.has_exact(&key) {
            found = Some((at, n + 1, key.clone()));
        }
    }
    found
}

/// How many tokens from `i` name a news outlet named like a place
/// ([`OUTLET_NAMES`]: "Al Jazeera", "Sky News Arabia") rather than the
/// place, if they do: the outlet unless a locative word before it or a
/// place noun after it says the place ("in Al Jazeera region"); a name a
/// town has too only with an outlet's word next to it ("Al Mayadeen
/// reported", "told Al Hadath", "according to Al Manar").
fn outlet<'k>(toks: &[Tok<'k>], i: usize, kstr: impl Fn(&Tok<'k>) -> &'k str) -> Option<usize> {
    // (Most words begin no outlet's name: nothing is built for them, and
    // the first byte turns most away before a string is compared.)
    let first = kstr(&toks[i]);
    let lead = first.as_bytes().first()?;
    if !OUTLET_NAMES.iter().any(|(n, _)| n.as_bytes().first() == Some(lead) && n.starts_with(first)) {
        return None;
    }
    let mut name = String::new();
    let (mut len, mut town) = (0, false);
    for (m, x) in toks[i..].iter().take(4).enumerate() {
        if m > 0 && !x.glued {
            break;
        }
        if m > 0 {
            name.push(' ');
        }
        name.push_str(kstr(x));
        let prefix = |n: &str| n.strip_prefix(name.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(' '));
        match OUTLET_NAMES.iter().find(|(n, _)| *n == name) {
            Some(&(_, t)) => (len, town) = (m + 1, t),
            None if !OUTLET_NAMES.iter().any(|(n, _)| prefix(n)) => break,
            None => {}
        }
    }
    if len == 0 {
        return None;
    }
    let before = |k: usize| (k <= i).then(|| kstr(&toks[i - k]));
    let after = toks.get(i + len).filter(|x| x.glued).map(&kstr);
    let placed = before(1).is_some_and(|w| PLACED_BEFORE.contains(&w) && toks[i].glued)
        || after.is_some_and(|w| PLACED_AFTER.contains(&w));
    let cued = after.is_some_and(|w| SPEECH.contains(&w) || OUTLET.contains(&w) || OUTLET_CUES.contains(&w))
        || before(1) == Some("told")
        || before(1) == Some("to") && before(2) == Some("according");
    (!placed && (!town || cued)).then_some(len)
}

/// Words a number goes on after in a site's name ("Regiment 46", "Base
/// 111"): asked only there, as a number after any capitalised word ("June
/// 2023", "On 13") would make the probes of every date longer.
const NUMBERED: &[&str] = &["regiment", "brigade", "division", "battalion", "base", "camp"];

/// Whether a key is a number of a site's name: one to four digits ("46",
/// "137"), or with an ordinal's ending when `ordinal` ("137th", "2nd").
fn numeral(key: &str, ordinal: bool) -> bool {
    let digits = key.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &key[digits..];
    (1..=4).contains(&digits) && if ordinal { matches!(rest, "st" | "nd" | "rd" | "th") } else { rest.is_empty() }
}

/// Whether a word names a disease after the place before it ("Marburg
/// virus", "Reston ebolavirus", "Lassa fever").
fn is_disease(word: &str) -> bool {
    word.ends_with("virus") || matches!(word, "fever" | "disease" | "flu" | "influenza")
}

/// Whether a name's candidates include a demonym or a country: the name
/// stands for a people or a state ("US", "Egyptian"), not only a town.
fn is_a_people(g: &Gazetteer, cands: &[Candidate]) -> bool {
    cands.iter().any(|c| c.demonym || g.place(c.id).feature_code == "PCLI")
}

pub fn recognise<'g>(g: &'g Gazetteer, clean: &CleanText, sentences: &[Sentence]) -> Vec<PlaceMention<'g>> {
    let text = clean.text.as_str();
    let mut raws: Vec<Raw> = Vec::new();
    let mut keys = Keys { lower: clean.lower(), folded: String::new() };
    let mut toks: Vec<Tok> = Vec::new();
    let mut key = String::new();
    let (mut joined_buf, mut skeleton_buf) = (String::new(), String::new());
    // Answers of the skeleton index by the probe's key hash: names repeat.
    let mut skeletons: FxMap<u64, bool> = FxMap::default();
    // The top exact candidate of each one-word name met so far, and whether
    // any names a people or a country.
    let mut tops: FxMap<String, (Option<u32>, bool)> = FxMap::default();
    let mut persons: HashSet<String, BuildHasherDefault<Fx>> = HashSet::default();
    // Surnames: words that speak ("Walker said") or follow an honorific
    // ("Mrs Walker") anywhere in the article; and the raw mentions whose
    // next word is one of them, with that word ("Mary Walker").
    let mut surnames: HashSet<String, BuildHasherDefault<Fx>> = HashSet::default();
    let mut first_names: Vec<(usize, String)> = Vec::new();
    let mut lowercase = Lowercase::new(text);
    let lists = &*LISTS;
    let bits = |w: &str| lists.bits(w);
    for s in sentences {
        tokenize(text, s.start, s.end, &mut toks, &mut keys);
        let kstr = keys.getter();
        for (n, x) in toks.iter().enumerate() {
            if !x.cap || x.caps || x.conn {
                continue;
            }
            // ("a resident of Bakersfield told": the place says who speaks.)
            let placed = || n > 0 && (kstr(&toks[n - 1]) == "of" || bits(kstr(&toks[n - 1])) & IN_LOCATIVE != 0);
            let speaks = toks.get(n + 1).is_some_and(|y| y.glued && SPEECH.contains(&kstr(y))) && !placed();
            // "according to Hayden.": a one-word source, nothing after it.
            let source = n > 1
                && x.glued
                && kstr(&toks[n - 1]) == "to"
                && kstr(&toks[n - 2]) == "according"
                && toks.get(n + 1).is_none_or(|y| !y.glued);
            // (Copied only the first time: a surname repeats.)
            if (speaks || source || n > 0 && HONORIFICS.contains(&kstr(&toks[n - 1]))) && !surnames.contains(kstr(x)) {
                surnames.insert(kstr(x).to_string());
            }
        }
        let mut i = 0;
        let mut prev_raw_end: Option<(usize, usize)> = None;
        while i < toks.len() {
            let t = toks[i];
            // "the 137th Brigade": an ordinal starts a site's name.
            // (Its first byte tells most words are none.)
            let ordinal = !t.cap && !t.conn && text.as_bytes()[t.start].is_ascii_digit() && numeral(kstr(&t), true);
            if !t.cap && !t.conn && !ordinal {
                i += 1;
                continue;
            }
            if t.cap
                && let Some((a, b)) = party_seat(text, t.start)
            {
                let key = crate::gazetteer::fold::fold(&text[a..b]);
                if key.len() >= 2 && g.has_exact(&key) {
                    let idx = raws.len();
                    raws.push(Raw {
                        start: a,
                        end: b,
                        single: !key.contains(' '),
                        key,
                        acronym: false,
                        common: false,
                        locative: false,
                        near: false,
                        division: 0,
                        container: None,
                        inside: false,
                    });
                    prev_raw_end = Some((idx, b));
                    while i < toks.len() && toks[i].start < b {
                        i += 1;
                    }
                    continue;
                }
            }
            // A connector ("of", "the") starts a name only as an Arabic
            // article before a capitalised word: the list is asked only then.
            let next_cap = toks.get(i + 1).is_some_and(|n| n.cap);
            if !t.cap && !next_cap {
                i += 1;
                continue;
            }
            let arabic_article = t.conn && ARABIC_ARTICLES.contains(&kstr(&t));
            if !(t.cap || (arabic_article || ordinal) && next_cap) {
                i += 1;
                continue;
            }
            // An English word spelt like an article before an Arabic
            // article is the English word ("An Al Jazeera reporter", "As
            // Al-Nusra fighters advanced"): no Arabic name has two.
            if ENGLISH_ARTICLES.contains(&kstr(&t))
                && toks.get(i + 1).is_some_and(|n| n.glued && ARABIC_ARTICLES.contains(&kstr(n)))
            {
                i += 1;
                continue;
            }
            if let Some(len) = outlet(&toks, i, kstr) {
                i += len;
                continue;
            }
            // The n-grams from here: capitalised words and connectors with
            // no sentence punctuation between them, up to five; their keys
            // are prefixes of the longest one's. A number after a unit's
            // word goes on with the name of a numbered site ("Regiment 46").
            let mut run = 1;
            while run < 5
                && toks.get(i + run).is_some_and(|x| {
                    let prev = &toks[i + run - 1];
                    (x.cap || x.conn || prev.cap && NUMBERED.contains(&kstr(prev)) && numeral(kstr(x), false))
                        && (x.glued || abbreviated(text, prev, kstr(prev), x))
                })
            {
                run += 1;
            }
            // (A one-word run, the commonest, probes its token's own key.)
            key.clear();
            let mut ends = [0; 5];
            if run > 1 {
                for (k, x) in toks[i..i + run].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(kstr(x));
                    ends[k] = key.len();
                }
            }
            let mut found = None;
            for n in (1..=run).rev() {
                let last = toks[i + n - 1];
                let numbered = run > 1 && (ordinal || toks[i + 1..i + n].iter().any(|x| !x.cap && !x.conn));
                if !(last.cap || numbered && n > 1) || last.conn && n > 1 {
                    continue;
                }
                if n == 1 && t.conn {
                    break;
                }
                let probe = if run == 1 { kstr(&t) } else { &key[..ends[n - 1]] };
                // One hash for the exact probe and the skeleton answers' key.
                let h = crate::gazetteer::index::key_hash(probe);
                // (A numbered name is matched exactly only.)
                let hit = g.has_exact_hashed(h)
                    || n == 1 && g.has_assimilated(probe)
                    || !numbered
                        && (!t.conn || arabic_article && (t.cap || !ENGLISH_ARTICLES.contains(&kstr(&t))))
                        && (n > 1 || probe.len() >= 5)
                        && n <= 3
                        // (An initial is no part of a name spelt loosely: "George W.")
                        && toks[i..i + n].iter().all(|x| x.conn || !g.is_stopword(kstr(x)) && x.end - x.start > 1)
                        && *skeletons.entry(h).or_insert_with(|| {
                            g.has_skeleton(probe, &mut joined_buf, &mut skeleton_buf)
                                && !(n == 1 && english_word(probe))
                        });
                // "The City Council", "The Town Board": an article and a
                // town's word are another name of a place (the City of
                // London) only alone; before a capitalised word they name a
                // town's institution, and no place.
                let institution = || {
                    n == 2
                        && kstr(&t) == "the"
                        && matches!(kstr(&last), "city" | "town")
                        && toks.get(i + n).is_some_and(|x| x.cap && x.glued)
                };
                if hit && institution() {
                    continue;
                }
                if hit {
                    // A one-word name must not be an ordinary word (asked
                    // only of names the gazetteer has: the answer is cached).
                    if n > 1 || plausible_single(g, text, &t, kstr(&t), &mut lowercase) {
                        found = Some((n, probe.to_string()));
                    }
                    break;
                }
            }
            // "T4 airbase": a facility the gazetteer knows only with its
            // area word, the name alone no place ("The crossing" is none).
            if found.is_none()
                && !t.conn
                && let Some(x) = toks[i + run..].iter().take(2).position(|x| AREA_WORDS.contains(&kstr(x)))
                && toks[i + run..=i + run + x].iter().all(|x| x.glued)
            {
                let name = if run == 1 { kstr(&t) } else { &key[..ends[run - 1]] };
                let words = toks[i + run..=i + run + x].iter().map(kstr).collect::<Vec<_>>().join(" ");
                if g.has_exact(&format!("{name} {words}")) {
                    found = Some((run, name.to_string()));
                }
            }
            let Some((n, mut k)) = found else {
                let word = &text[t.start..t.end];
                // ("the Damascus-Homs international highway": a road's ends
                // are not where it runs. A border's countries are named
                // though: "the Iran-Iraq border".)
                let next = || toks[i + 1..].iter().take(2).take_while(|x| x.glued);
                // (Asked only of a hyphened word: most words are none.)
                let hyphened = !t.conn && word.as_bytes().contains(&b'-');
                let route = hyphened && next().any(|x| LINES_BETWEEN.contains(&kstr(x)));
                let border = route && next().any(|x| kstr(x) == "border");
                if hyphened && (!route || border) {
                    let locative = i > 0 && LOCATIVE.contains(&kstr(&toks[i - 1]));
                    // "the Kingsport-Sullivan County board", "Dallas-Fort Worth
                    // airport": the last part goes on with the words after it
                    // to a name the gazetteer has, so the word joins two
                    // places, not the parts of a person's double name.
                    // (Not before a route's word: "the Homs-Tal Kalakh highway".)
                    let tail = hyphen_tail(g, word, &toks[i + 1..], kstr).filter(|&(_, words, _)| {
                        !toks.get(i + words + 1).is_some_and(|x| x.glued && LINES_BETWEEN.contains(&kstr(x)) && !border)
                    });
                    // A capitalised word before it makes its parts a longer
                    // name's ("The Miller-Grant family"), unless it is a
                    // compass word (a place's name starts so, a person's
                    // not) or the tail found two places: then a capitalised
                    // function word there ("The") only starts the sentence.
                    // (A capital letter alone may be an initial.)
                    let before_cap = i > 0
                        && toks[i - 1].cap
                        && t.glued
                        && !COMPASS_WORDS.contains(&kstr(&toks[i - 1]))
                        && !(tail.is_some()
                            && (toks[i - 1].conn || g.is_stopword(kstr(&toks[i - 1])) && kstr(&toks[i - 1]).len() > 1));
                    let (head, after_cap) = match &tail {
                        Some((at, _, _)) => (&word[..at - 1], false),
                        None => (word, toks.get(i + 1).is_some_and(|x| x.cap && x.glued)),
                    };
                    for (start, end, key) in hyphen_parts(g, head, before_cap || after_cap) {
                        let country = || {
                            g.candidates(&key, false).iter().any(|c| !c.demonym && g.place(c.id).feature_code == "PCLI")
                        };
                        // ("us" in lowercase is the pronoun, not the US.)
                        let acronym = word[start..end].bytes().all(|b| b.is_ascii_uppercase());
                        if (acronym || !lowercase.contains(&key)) && (!border || country()) {
                            let common = g.builtin.tables.common.contains_key(key.as_str());
                            raws.push(Raw {
                                start: t.start + start,
                                end: t.start + end,
                                key,
                                single: true,
                                acronym: false,
                                common: common && !locative,
                                locative,
                                near: false,
                                division: 0,
                                container: None,
                                inside: false,
                            });
                        }
                    }
                    if let Some((at, words, key)) = tail {
                        raws.push(Raw {
                            start: t.start + at,
                            end: toks[i + words].end,
                            key,
                            single: false,
                            acronym: false,
                            common: false,
                            locative,
                            near: false,
                            division: 0,
                            container: None,
                            inside: false,
                        });
                        i += words;
                    }
                }
                i += 1;
                continue;
            };
            let mut j = i + n;
            let mut first = i;
            // "People's Republic of China", "Democratic People's Republic of
            // Korea": a possessive splits a name, and the part after it
            // ("Republic of China") would be another place; the words before
            // it, with their "'s", are tried with it.
            if i > 0 && toks[i - 1].cap && matches!(&text[toks[i - 1].end..t.start], "'s " | "’s ") {
                let longer = format!("{}s {k}", kstr(&toks[i - 1]));
                let before = i > 1 && toks[i - 2].cap && !has_break(text, toks[i - 2].end, toks[i - 1].start);
                if g.has_exact(&longer) {
                    (k, first) = (longer, i - 1);
                } else if before && g.has_exact(&format!("{} {longer}", kstr(&toks[i - 2]))) {
                    (k, first) = (format!("{} {longer}", kstr(&toks[i - 2])), i - 2);
                }
            }
            for extra in 1..=2 {
                if let Some(x) = toks.get(i + n + extra - 1)
                    && AREA_WORDS.contains(&kstr(x))
                    && toks[i + n..i + n + extra].iter().all(|x| x.glued)
                {
                    let longer =
                        format!("{k} {}", toks[i + n..i + n + extra].iter().map(kstr).collect::<Vec<_>>().join(" "));
                    if g.has_exact(&longer) {
                        (k, j) = (longer, i + n + extra);
                        break;
                    }
                }
            }
            // "rural Damascus": the division around a city, where one is named so.
            if i > 0 && toks[i].glued && kstr(&toks[i - 1]) == "rural" {
                let longer = format!("rural {k}");
                if !g.candidates(&longer, false).is_empty() {
                    (k, first) = (longer, i - 1);
                }
            }
            if i > 0 && toks[i].glued && ["operation", "operations"].contains(&kstr(&toks[i - 1])) {
                i = j;
                continue;
            }
            // "South West England", "Western Kenya": compass words before a
            // name the gazetteer lacks whole are part of it, not the division
            // named by them alone (Cameroon's South-West, Uganda's Western),
            // unless that name is the division's own country ("Far North
            // Cameroon", as "Plateau, Nigeria").
            if toks.get(j).is_some_and(|x| x.cap && !x.conn && !has_break(text, toks[j - 1].end, x.start))
                && toks[i..j].iter().all(|x| COMPASS_WORDS.contains(&kstr(x)))
                && !division_of_country(g, &k, kstr(&toks[j]))
            {
                i = j;
                continue;
            }
            // "Marburg virus", "Reston ebolavirus", "Minamata disease": a
            // disease named after a place is no mention of it (a country's or
            // a people's name stays one: "the Spanish flu", "US flu cases").
            if toks.get(j).is_some_and(|x| !has_break(text, toks[j - 1].end, x.start) && is_disease(kstr(x)))
                && !is_a_people(g, &g.candidates(&k, false))
            {
                i = j;
                continue;
            }
            // "Fars News Agency", "Aleppo Today TV": a name inside an outlet's or company's.
            // A country or demonym there ("Syrian Observatory") still says which country the
            // article is about, so it stays.
            if toks.get(j).is_some_and(|x| x.cap && x.glued && OUTLET.contains(&kstr(x)))
                && !g.candidates(&k, false).iter().any(|c| c.demonym || g.place(c.id).feature_code == "PCLI")
            {
                i = j;
                continue;
            }
            // "Clinton Street": a place name that begins a street's name is
            // not that place.
            if toks.get(j).is_some_and(|x| x.cap && x.glued && STREETS.contains(&kstr(x))) {
                i = j;
                continue;
            }
            // "Tahrir al-Sham", "Ahrar Al Sham": a name inside a longer one
            // that is no place (a generic word before it, "Deir al-Zour", is
            // part of a place's name).
            let prefixed = text[t.start..t.end].starts_with(char::is_lowercase);
            if (arabic_article || prefixed && j - i == 1)
                && i > 0
                && toks[i].glued
                && toks[i - 1].cap
                && !toks[i - 1].conn
                && !g.is_stopword(kstr(&toks[i - 1]))
                && !GENERIC.contains(&kstr(&toks[i - 1]))
            {
                i = j;
                continue;
            }
            // "Hamza Division", "Al Sham Legion": a group named after a place
            // (a country's name there is still the country's: "Iraq Army").
            let group = |k: &str| {
                toks.get(j).is_some_and(|x| {
                    x.glued
                        && ORGANISATION.contains(&kstr(x))
                        && !g.candidates(k, false).iter().any(|c| c.demonym || g.place(c.id).feature_code == "PCLI")
                })
            };
            if j - i > 1 && group(&k) {
                i = j;
                continue;
            }
            // "Nour al-Din al-Zinki", "Hurras al Deen": the name goes on with
            // an article and a capitalised word, and the whole is no place;
            // only a major place keeps its name there ("Aleppo al-Jadida").
            let continues = toks.get(j).is_some_and(|x| {
                x.glued
                    && (x.conn
                        && ARABIC_ARTICLES.contains(&kstr(x))
                        && toks.get(j + 1).is_some_and(|y| y.cap && y.glued)
                        || x.cap && text[x.start..x.end].starts_with(char::is_lowercase))
            });
            if continues
                && !g.candidates(&k, false).iter().any(|c| {
                    c.demonym
                        || matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1" | "PPLC" | "PPLA" | "RGN")
                })
            {
                i = j;
                continue;
            }
            let mut first_name = false;
            if j - i == 1 {
                // Token `b` follows the one before it with no sentence
                // punctuation between (its `glued`, already worked out).
                let joined = |b: usize| toks[b].glued;
                // Only a town's own name makes a name a big town's: a name a
                // capital or a city is also known by ("Lewis" for Saint
                // George's, "Jim" for Jimma) is as weak as a village's. (A
                // country's or a division's other names, "U.S.", stay strong.)
                let (top, people) = match tops.get(k.as_str()) {
                    Some(&top) => top,
                    None => {
                        let strong = |c: &Candidate| {
                            !c.alt || c.demonym || matches!(g.place(c.id).feature_code.as_str(), "PCLI" | "ADM1")
                        };
                        let cands = g.candidates(&k, false);
                        let people = is_a_people(g, &cands);
                        let own = cands.into_iter().find(strong).map(|c| c.id);
                        *tops.entry(k.clone()).or_insert((own, people))
                    }
                };
                let top = top.map(|id| g.place(id));
                let small = top.is_none_or(|p| {
                    p.population < CITY && !matches!(p.feature_code.as_str(), "PCLI" | "ADM1" | "PPLC")
                });
                let namelike = |n: usize| {
                    let x = &toks[n];
                    x.cap
                        && !x.conn
                        && !x.caps
                        && !g.is_stopword(kstr(x))
                        && bits(kstr(x)) & (IN_NEAR_BEFORE | IN_PART_BEFORE | IN_QUALIFIERS | IN_TITLES) == 0
                };
                // "Fargo City Commissioner", "Mansfield Police": a place
                // naming an office is no person's name, whatever comes before.
                // ("said Brackton police Sgt. Olsen": police are a place's, lowercase too.)
                let qualified = toks
                    .get(j)
                    .is_some_and(|x| joined(j) && (x.cap && bits(kstr(x)) & IN_QUALIFIERS != 0 || kstr(x) == "police"));
                // "Lt. Paul Henderson", "Marsha J. Moore", "George V. Voinovich":
                // a title or an initial next to the name makes it a person's.
                let dotted = |a: usize, b: usize| text[toks[a].end..toks[b].start].trim() == ".";
                let initial = |x: usize| toks[x].end - toks[x].start == 1 && toks[x].caps;
                let title_before = i > 0
                    && (joined(i) || dotted(i - 1, i))
                    && (bits(kstr(&toks[i - 1])) & IN_TITLES != 0 || small && kstr(&toks[i - 1]) == "said");
                // ("W. Columbia" is a direction)
                let compass = |x: usize| ["n", "s", "e", "w"].contains(&kstr(&toks[x]));
                let initials = i > 0 && initial(i - 1) && !compass(i - 1) && dotted(i - 1, i)
                    || j + 1 < toks.len() && joined(j) && initial(j) && text[toks[j].end..].starts_with('.');
                let first_name_before = i > 0 && joined(i) && small && namelike(i - 1);
                // A common given name before it makes even a city's or a
                // division's name a surname ("Paul Henderson"); only here:
                // the city named alone elsewhere in the article is still the
                // city. A given name that ends a place's or a storm's name is
                // no person's: "St. Joseph Tulsa" is a school or a parish
                // there, "Lake Charles Louisiana" and "Hurricane Ian
                // Florida" name the state, as does "San Antonio Texas" (a
                // place just found ends with the given name).
                let named_before =
                    i > 1 && toks[i - 2].cap && joined(i - 1) && BEFORE_GIVEN_NAME.contains(&kstr(&toks[i - 2]));
                let ends_place =
                    || raws.last().is_some_and(|r: &Raw| r.end == toks[i - 1].end && r.start < toks[i - 1].start);
                let given_name = i > 0
                    && joined(i)
                    && toks[i - 1].cap
                    && bits(kstr(&toks[i - 1])) & IN_GIVEN_NAMES != 0
                    && !named_before
                    && !ends_place();
                // "Spain says": a country or a big city speaking is still a place.
                let speaker = small && toks.get(j).is_some_and(|x| joined(j) && SPEECH.contains(&kstr(x)));
                // (An acronym is nobody's first name: "CNN Chile", "FBI
                // Chicago" name an outlet's or an agency's branch.)
                let surname_after = small && !t.caps && j < toks.len() && joined(j) && namelike(j);
                if surname_after {
                    // "Karabakh Armenians": a people's name is no surname,
                    // and stays a place where it stands.
                    if !persons.contains(kstr(&toks[j])) && !is_a_people(g, &g.candidates(kstr(&toks[j]), false)) {
                        persons.insert(kstr(&toks[j]).to_string());
                    }
                    i = j;
                    continue;
                }
                // A bigger town's name before a surname is a first name too
                // ("Mary Walker", "Elizabeth Hurley"), unless the word after
                // is itself a place ("Aleppo Damascus road") or the name a
                // country's or a division's. The word must be a surname
                // elsewhere in the article: taking any capitalised word would
                // drop 52 right LGL places and 2 GeoVirus ones ("Alexandria
                // Zoo", "Nashville Film Festival"; measured in session 5).
                first_name = !people
                    && top.is_none_or(|p| p.feature_code != "ADM1")
                    && toks.get(j).is_some_and(|x| joined(j) && namelike(j) && !g.has_exact(kstr(x)));
                // A title before the name makes it a person's even with a
                // qualifier after it ("Queen Mary University Hospital",
                // "King Fahd Airport"), unless it names a division.
                let titled = i > 0
                    && (joined(i) || dotted(i - 1, i))
                    && bits(kstr(&toks[i - 1])) & IN_TITLES != 0
                    && top.is_none_or(|p| p.feature_code != "ADM1");
                if (!qualified || titled)
                    && !people
                    && (title_before || initials || first_name_before || speaker || small && group(&k))
                {
                    persons.insert(k.clone());
                    i = j;
                    continue;
                }
                if !qualified && !people && given_name {
                    i = j;
                    continue;
                }
            }
            // A dateline in capitals ("HUDSON —", "MOSUL, Iraq", "CAIRO (Reuters)")
            // names its place; else a name spelled in capitals with a word
            // after it is an agency's acronym ("news agency SANA said"; "U.S."
            // is an abbreviation).
            let dateline = j - i == 1
                && t.caps
                && text[t.end..].trim_start().starts_with(['—', '–', '-', ',', '(', ':', '\u{97}']);
            let word = &text[t.start..t.end];
            if j - i == 1 && t.caps && !dateline && word.len() >= 4 && word.chars().all(char::is_alphabetic) {
                i = j;
                continue;
            }
            let before = &toks[i.saturating_sub(2)..i];
            let after = toks.get(j).map(kstr).unwrap_or("");
            let last_bits = before.last().map_or(0, |w| bits(kstr(w)));
            let first_bits = if before.len() == 2 { bits(kstr(&before[0])) } else { 0 };
            let after_bits = bits(after);
            let near = (first_bits | last_bits) & IN_NEAR_BEFORE != 0 || after_bits & IN_NEAR_AFTER != 0;
            let locative = last_bits & (IN_LOCATIVE | IN_NEAR_BEFORE | IN_PART_BEFORE) != 0;
            let common = j - i == 1
                && !t.caps
                && g.builtin.tables.common.contains_key(k.as_str())
                && named_with_the(g, text, toks[first].start, &k).is_none()
                && !written_as_name(text, toks[first].start, toks[j - 1].end);
            let linked = prev_raw_end.filter(|&(_, e)| container_link(&text[e..toks[i].start]));
            let after_place = linked.is_some();
            // ("a county of Taiwan" is in Taiwan: only "the state of
            // Washington", "the region of Tigray" name the division.)
            let of_before = match before {
                [w, of] if kstr(of) == "of" => division_word(bits(kstr(w))) & FIRST_DIVISION,
                _ => 0,
            };
            let division = division_word(after_bits) | of_before;
            let idx = raws.len();
            if let Some((prev_idx, prev_end)) = linked {
                raws[prev_idx].container = Some(idx);
                raws[prev_idx].inside = text[prev_end..toks[i].start].trim() != ",";
            }
            raws.push(Raw {
                start: toks[first].start,
                end: toks[j - 1].end,
                key: k,
                single: j - i == 1,
                acronym: j - i == 1 && t.caps && !dateline,
                common: common && !locative && !after_place,
                locative,
                near,
                division,
                container: None,
                inside: false,
            });
            if first_name {
                first_names.push((idx, kstr(&toks[j]).to_string()));
            }
            prev_raw_end = Some((idx, toks[j - 1].end));
            i = j;
        }
    }
    // A surname of the article (a word that speaks, follows an honorific or
    // is a source: "Hayden said", "according to Hayden") is that person
    // wherever it stands alone, unless it names a country, a division, a
    // capital or a city, or a people. (A county is no speaker: a populous
    // second-level division may share a surname, yet no news has it say
    // anything.)
    let surname = |r: &Raw| {
        surnames.contains(&r.key)
            && (!r.locative || after_according_to(text, r.start))
            && tops.get(r.key.as_str()).is_some_and(|&(top, people)| {
                !people
                    && top.map(|id| g.place(id)).is_none_or(|p| {
                        (p.population < CITY || p.feature_code == "ADM2")
                            && !matches!(p.feature_code.as_str(), "PCLI" | "ADM1" | "PPLC")
                    })
            })
    };
    // "Wagner fighters", "HTS said", "al-Qaeda in the Sahel": a name
    // written as an armed group or an organisation of the actor dictionary
    // is the group, not its namesake town, unless a locative word or its
    // state after a comma says it is a place.
    let mut name = String::new();
    let mut group = |r: &Raw| {
        !r.locative && (r.container.is_none() || r.inside) && g.is_group_name(&text[r.start..r.end], &mut name)
    };
    let mut keep: Vec<bool> = raws
        .iter()
        .map(|r| !(r.single && (!r.locative && persons.contains(&r.key) || surname(r)) || group(r)))
        .collect();
    for (idx, surname) in &first_names {
        if !raws[*idx].locative && surnames.contains(surname) {
            keep[*idx] = false;
        }
    }
    let mut renumber = Vec::with_capacity(raws.len());
    let mut n = 0;
    for &k in &keep {
        renumber.push(n);
        n += usize::from(k);
    }
    let mut raws: Vec<Raw> = raws.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(r, _)| r).collect();
    for r in &mut raws {
        r.container = r.container.filter(|&c| keep[c]).map(|c| renumber[c]);
    }
    let mut mentions = resolve(g, text, &raws);
    super::context::home_units_only(&mut mentions);
    mentions
}

/// A US legislator's party before the state or town they represent.
const PARTIES: &[&str] = &["D-", "R-", "I-", "DFL-"];

/// The seat in "Sen. Jo Hale, D-N.D., said" or "Rep. Al Moss
/// (R-Long Prairie)": the words after a party's letter that follows a comma
/// or a bracket, up to the comma or bracket that closes them.
fn party_seat(text: &str, start: usize) -> Option<(usize, usize)> {
    // (The hyphen is the second or fourth byte: most words end here.)
    let b = text.as_bytes();
    if b.get(start + 1) != Some(&b'-') && b.get(start + 3) != Some(&b'-') {
        return None;
    }
    let rest = &text[start..];
    let party = PARTIES.iter().find(|p| rest.starts_with(**p))?;
    let before = text[..start].trim_end_matches(' ');
    if !before.ends_with([',', '(']) {
        return None;
    }
    let from = start + party.len();
    let seat = &text[from..];
    let len = seat.find([',', ')', ';', '\n'])?;
    let name = seat[..len].trim_end();
    (!name.is_empty() && name.len() <= 24 && name.starts_with(char::is_uppercase)).then(|| (from, from + name.len()))
}

/// Whether "according to" ends the text before `start` (its "to" makes
/// the name after it look locative).
fn after_according_to(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let n = "according to".len();
    before.len() >= n
        && before.is_char_boundary(before.len() - n)
        && before[before.len() - n..].eq_ignore_ascii_case("according to")
}

/// Whether `name` names a first-level division of the country `country`
/// names.
fn division_of_country(g: &Gazetteer, name: &str, country: &str) -> bool {
    let countries: Vec<&str> = g
        .candidates(country, false)
        .iter()
        .map(|c| g.place(c.id))
        .filter(|p| p.feature_code == "PCLI")
        .map(|p| p.country_code.as_str())
        .collect();
    !countries.is_empty()
        && g.candidates(name, false).iter().any(|c| {
            let p = g.place(c.id);
            p.feature_code == "ADM1" && countries.contains(&p.country_code.as_str())
        })
}
