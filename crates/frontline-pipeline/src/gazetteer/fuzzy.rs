//! Near misses: the villages of an added gazetteer under spellings one
//! letter away from any of theirs.
//!
//! Conflict notes transliterate village names their own way ("Jalma" for
//! Jalamah, "Kafr Nabudeh" for Kafr Nabūdah, "Tal Rifaat" for Tall Rif‘at),
//! and the skeleton key of [`super::fold`] misses those one inserted, dropped
//! or changed letter away. Each added name's skeleton is stored under its
//! one-letter deletions (the symmetric-deletion scheme): two skeletons at
//! edit distance one share a deletion. Generic leading words of village
//! names ("Tall", "Khirbat") are also dropped, as notes often leave them
//! out. Only the places of added dumps are keyed: they are the villages the
//! user cares about, and a near miss is only ever taken in a place's context
//! (see `extract::village`), never on its own.

use super::fold::{fold, skeleton};
use super::index::{FxMap, key_hash};
use super::{Gazetteer, Place};

/// Deletion keys of the added places' skeletons.
#[derive(Default)]
pub struct Near {
    /// Hash of a skeleton or one of its one-letter deletions → places
    /// (indices into the added index).
    keys: FxMap<u64, Vec<u32>>,
    /// Place → its folded names, to measure the distance of a hit.
    names: FxMap<u32, Vec<String>>,
}

/// Leading words of village names that notes often leave out ("Tall Abu
/// Rasin" written "Abu Rasin").
const GENERIC_HEADS: &[&str] = &["tall", "tal", "tell", "khirbat", "khirbet", "kherbet", "qaryat", "mazraat", "jabal"];

/// Skeletons shorter than this get no deletions: too many short names are a
/// letter apart.
const MIN_FUZZY: usize = 5;

/// The skeletons a folded name is known by: its own, and its own without a
/// generic leading word.
fn skeletons(folded: &str) -> Vec<String> {
    let mut out = vec![short_skeleton(folded)];
    if let Some((head, rest)) = folded.split_once(' ')
        && GENERIC_HEADS.contains(&head)
    {
        out.push(short_skeleton(rest));
    }
    out.retain(|s| !s.is_empty() && s.is_ascii());
    out
}

/// [`skeleton`], also for names too short for it ("Ghoz", "Hit"): their key
/// is computed with a marker consonant appended, then dropped, so a
/// three-letter name matches its own spellings exactly (never a letter off,
/// see [`MIN_FUZZY`]).
fn short_skeleton(folded: &str) -> String {
    let sk = skeleton(folded);
    if !sk.is_empty() {
        return sk;
    }
    let mut sk = skeleton(&format!("{folded}x"));
    sk.pop();
    sk
}

/// Whether a name is too short for a key of its own.
fn is_short(name: &str) -> bool {
    skeleton(&fold(name)).is_empty()
}

/// A skeleton and its one-letter deletions, each once.
fn deletions(sk: &str) -> Vec<String> {
    let mut out = vec![sk.to_string()];
    if sk.len() >= MIN_FUZZY {
        for i in 0..sk.len() {
            let d = format!("{}{}", &sk[..i], &sk[i + 1..]);
            if !out.contains(&d) {
                out.push(d);
            }
        }
    }
    out
}

impl Near {
    /// Keys place `id`'s names (any spelling; non-Latin ones fold to nothing useful).
    pub fn add(&mut self, id: u32, names: &[&str]) {
        let mut seen: Vec<u64> = Vec::new();
        let folded: Vec<String> = names.iter().map(|n| fold(n)).filter(|n| !n.is_empty()).collect();
        for name in &folded {
            for sk in skeletons(name) {
                for d in deletions(&sk) {
                    let h = key_hash(&d);
                    if !seen.contains(&h) {
                        seen.push(h);
                        self.keys.entry(h).or_default().push(id);
                    }
                }
            }
        }
        self.names.insert(id, folded);
    }
}

/// Whether two skeletons are close enough to be one name: equal, or one
/// edit apart where the edit is a vowel (all vowels are 'a' in a skeleton:
/// "Jalma" and "Jalamah"), or in a long name that keeps its first letter.
pub fn close(a: &str, b: &str) -> bool {
    match distance(a, b) {
        0 => true,
        1 => {
            let consonants = |s: &str| s.bytes().filter(|&c| c != b'a').collect::<Vec<u8>>();
            consonants(a) == consonants(b) || a.len().min(b.len()) >= 7 && a.as_bytes()[0] == b.as_bytes()[0]
        }
        _ => false,
    }
}

/// Edit distance of two skeletons, capped at 2 (substitution, insertion,
/// deletion, and a swap of neighbours each count one).
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > 1 {
        return 2;
    }
    let mut prev2: Vec<usize> = Vec::new();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()].min(2)
}

impl Gazetteer {
    /// Added places with a name whose skeleton is at most one letter from
    /// `name`'s, each with that distance (0 or 1), closest first.
    pub fn near_misses(&self, name: &str) -> Vec<(&Place, usize)> {
        let mut out: Vec<(&Place, usize)> = Vec::new();
        for sk in skeletons(&fold(name)) {
            let mut ids: Vec<u32> = Vec::new();
            for d in deletions(&sk) {
                if let Some(v) = self.extra.near.keys.get(&key_hash(&d)) {
                    ids.extend(v);
                }
            }
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                let p = &self.extra.places[id as usize];
                let best = self.extra.near.names[&id]
                    .iter()
                    .flat_map(|n| skeletons(n))
                    .filter(|s| close(s, &sk))
                    .map(|s| distance(&s, &sk))
                    .min()
                    .unwrap_or(2);
                if best <= 1 && !out.iter().any(|(q, _)| q.geonameid == p.geonameid) {
                    out.push((p, best));
                }
            }
        }
        out.sort_by_key(|&(_, d)| d);
        out
    }

    /// Whether a name is too short to stand for a village on its own: only
    /// a container the sentence names can make it one (see `extract::village`).
    pub fn is_short_name(&self, name: &str) -> bool {
        is_short(name)
    }

    /// Whether any added place can be a near miss (else there is nothing to look for).
    pub fn has_near_misses(&self) -> bool {
        !self.extra.near.keys.is_empty()
    }

    /// Whether a folded word is a stop-word or a common English word.
    pub fn is_ordinary(&self, folded: &str) -> bool {
        self.builtin.tables.stopwords.contains_key(folded) || self.builtin.tables.common.contains_key(folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_distance(a: &str, b: &str, expect: usize) {
        assert_eq!(distance(&skeleton(&fold(a)), &skeleton(&fold(b))), expect, "{a} / {b}");
    }

    fn check_close(a: &str, b: &str, expect: bool) {
        assert_eq!(close(&skeleton(&fold(a)), &skeleton(&fold(b))), expect, "{a} / {b}");
    }

    #[test]
    fn transliterations_one_letter_apart() {
        check_distance("Jalma", "Jalamah", 1);
        check_distance("Kafr Nabudeh", "Kafr Nabudah", 0);
        check_distance("Tal Rifaat", "Tall Rif'at", 0);
        check_distance("Sharkrak", "Sharakrak", 1);
        check_distance("Maarat", "Marrat", 0);
        check_distance("Hama", "Homs", 1);
        check_close("Hama", "Homs", false);
        check_close("Jalma", "Jalamah", true);
        check_close("Burayj", "Buwayrat", false);
        check_close("Turnabah", "Arnabah", false);
        check_close("Safawia", "Safra", false);
        check_close("Maarrat Numan", "Maarrat Nuuman", true);
        check_distance("Ariha", "Aleppo", 2);
    }

    #[test]
    fn short_names_match_their_own_spellings_only() {
        assert_eq!(short_skeleton(&fold("Ghoz")), short_skeleton(&fold("Al Ghuz")));
        assert_eq!(short_skeleton(&fold("Mare'")), short_skeleton(&fold("Mari`")));
        assert_ne!(short_skeleton(&fold("Hit")), short_skeleton(&fold("Hama")));
        assert_eq!(short_skeleton(&fold("al")), "");
        assert!(is_short("Ghoz"));
        assert!(!is_short("Jalamah"));
    }

    #[test]
    fn generic_heads_are_optional() {
        assert!(skeletons(&fold("Tall Abu Rasin")).contains(&skeleton(&fold("Abu Rasin"))));
        assert_eq!(skeletons(&fold("Abu Rasin")).len(), 1);
    }
}
