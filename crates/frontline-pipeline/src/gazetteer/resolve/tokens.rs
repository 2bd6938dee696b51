//! The tokenizer: words with their folded keys, only those near a
//! capitalised word; connectors.

use super::{Keys, Tok};

/// Words joining the parts of a multi-word name.
const CONNECTORS: &[&str] = &[
    "al", "el", "ad", "as", "ar", "az", "at", "an", "ash", "ez", "es", "ed", "de", "del", "di", "da", "la", "le",
    "les", "du", "des", "do", "dos", "das", "of", "upon", "bin", "ibn", "bani", "bou", "abu", "the", "and",
];

/// The longest connector: longer tokens skip the list.
const CONNECTOR_LEN: usize = 4;

/// [`CONNECTORS`] as [`short_code`]s: a token is checked with a few integer
/// comparisons instead of string ones.
const CONNECTOR_CODES: [u32; CONNECTORS.len()] = {
    let mut codes = [0; CONNECTORS.len()];
    let mut i = 0;
    while i < codes.len() {
        codes[i] = short_code(CONNECTORS[i]);
        i += 1;
    }
    codes
};

/// The bytes of a word of at most four bytes as one number (distinct for
/// distinct words without NUL bytes; longer words share their first four's).
const fn short_code(w: &str) -> u32 {
    match *w.as_bytes() {
        [] => 0,
        [a] => a as u32,
        [a, b] => a as u32 | (b as u32) << 8,
        [a, b, c] => a as u32 | (b as u32) << 8 | (c as u32) << 16,
        [a, b, c, d, ..] => u32::from_le_bytes([a, b, c, d]),
    }
}

/// Sentence punctuation between two tokens splits a name.
#[inline(always)]
pub(super) fn has_break(text: &str, a: usize, b: usize) -> bool {
    // Nearly every gap is one space.
    text.as_bytes()[a..b] != *b" " && gap_breaks(&text[a..b])
}

/// [`has_break`] of a gap other than one space.
fn gap_breaks(gap: &str) -> bool {
    gap.chars().any(|c| !c.is_whitespace() || c == '\n')
}

/// Byte classes of the tokenizer's fast path: ASCII digits, capitals and
/// small letters (0 for every other byte).
const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// Tokens the candidate loop reads around a capitalised word: two before
/// the start of a name, which may be a connector before the word (so
/// [`CONTEXT`] before the word), and [`AFTER`] after the last capitalised
/// word or connector of a run (the word after the name and one more).
const CONTEXT: u32 = 3;
const AFTER: u32 = 2;

/// The first place at or after `from` where a capitalised word may start:
/// an ASCII capital not after an ASCII letter, or any non-ASCII byte
/// (`b.len()` if none). Eight bytes at a time.
fn next_start(b: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while at + 8 <= b.len() {
        let x = crate::swar::word(&b[at..at + 8]);
        let high = x & HIGH;
        let y = x & !HIGH;
        // Bytes from 'A' and bytes past 'Z' (no carry: y ≤ 0x7f).
        let from_a = y.wrapping_add(u64::from(0x80 - b'A') * ONES) & HIGH;
        let past_z = y.wrapping_add(u64::from(0x80 - b'Z' - 1) * ONES) & HIGH;
        let mut mask = high | (from_a & !past_z & !high);
        while mask != 0 {
            let k = at + (mask.trailing_zeros() / 8) as usize;
            if b[k] >= 0x80 || k == 0 || !b[k - 1].is_ascii_alphabetic() {
                return k;
            }
            mask &= mask - 1;
        }
        at += 8;
    }
    (at..b.len())
        .find(|&k| b[k] >= 0x80 || b[k].is_ascii_uppercase() && (k == 0 || !b[k - 1].is_ascii_alphabetic()))
        .unwrap_or(b.len())
}

/// Where tokenizing resumes for a start at `q` when the words from `p` on
/// are not needed: the beginning of the whitespace-separated chunk
/// [`CONTEXT`] chunks holding ASCII letters or digits (so at least one
/// token each) before `q`'s, or `p` if that lies before it. Tokens never
/// span ASCII whitespace, so tokenizing from there gives the same tokens.
fn resync(b: &[u8], p: usize, q: usize) -> usize {
    let mut r = q;
    while r > p && !b[r - 1].is_ascii_whitespace() {
        r -= 1;
    }
    let mut chunks = 0;
    while chunks < CONTEXT {
        while r > p && b[r - 1].is_ascii_whitespace() {
            r -= 1;
        }
        let end = r;
        while r > p && !b[r - 1].is_ascii_whitespace() {
            r -= 1;
        }
        if r == p {
            return p;
        }
        chunks += u32::from(b[r..end].iter().any(u8::is_ascii_alphanumeric));
    }
    r
}

/// Tokens of `text[start..end]`: words with inner hyphens and apostrophes,
/// "U.S."-style initials as one token, a possessive "'s" left out. Only
/// the tokens the candidate loop can read are made: bytes far from any
/// capitalised word ([`next_start`], [`resync`]) are skipped, a stretch
/// left out standing as one gap token (neither capitalised nor a
/// connector). Keys (folded words) are in `keys`: an ASCII word (nearly
/// all) is folded by lowercasing, its key its span of `keys.lower`.
pub(super) fn tokenize<'a>(text: &str, start: usize, end: usize, toks: &mut Vec<Tok<'a>>, keys: &mut Keys<'a>) {
    toks.clear();
    keys.folded.clear();
    let lower = keys.lower;
    let s = &text[start..end];
    let b = s.as_bytes();
    // Tokens still needed after the last capitalised word or connector of
    // a run; the start searched for last; whether the last token was in a run.
    let (mut pending, mut next_q, mut in_run) = (0u32, 0usize, false);
    let char_at = |at: usize| s[at..].chars().next();
    let alnum_at = |at: usize| match b.get(at) {
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => char_at(at).is_some_and(char::is_alphanumeric),
        None => false,
    };
    let mut p = 0;
    while p < b.len() {
        if pending == 0 && p >= next_q {
            next_q = next_start(b, p);
            if next_q == b.len() {
                break;
            }
            let r = resync(b, p, next_q);
            if r > p {
                if !toks.is_empty() {
                    toks.push(Tok { start: start + p, end: start + p, ..Tok::default() });
                }
                (p, in_run) = (r, false);
            }
        }
        let c = b[p];
        let class = CLASS[c as usize];
        if class == 0 {
            if c.is_ascii() {
                p += 1;
                continue;
            }
            let ch = char_at(p).unwrap_or(' ');
            if !ch.is_alphanumeric() {
                p += ch.len_utf8();
                continue;
            }
        }
        let i = p;
        let glued = toks.last().is_some_and(|prev| !has_break(text, prev.end, start + i));
        // The fast path: a run of ASCII letters and digits ended by a byte
        // that cannot go on with the word (not initials such as "U.S.").
        if class != 0
            && !(class == UPPER && b.get(i + 1) == Some(&b'.') && b.get(i + 2).is_some_and(u8::is_ascii_uppercase))
        {
            let e = crate::swar::alnum_end(b, i + 1);
            let goes_on = match b.get(e) {
                Some(b'-' | b'\'') => alnum_at(e + 1),
                Some(d) => !d.is_ascii(),
                None => false,
            };
            if !goes_on {
                p = e;
                // (A word that begins in a small letter is none: most
                // words are told by their first byte or two.)
                let caps = class != LOWER && {
                    let word = &b[i..e];
                    !word.iter().any(u8::is_ascii_lowercase) && word.iter().any(u8::is_ascii_alphabetic)
                };
                let key = &lower[start + i..start + e];
                let conn = e - i <= CONNECTOR_LEN && CONNECTOR_CODES.contains(&short_code(key));
                let cap = class == UPPER;
                (pending, in_run) = after_token(pending, in_run, cap, conn);
                let (end, folded_key, folded) = (start + e, (0, 0), false);
                toks.push(Tok { start: start + i, end, key, folded_key, cap, caps, conn, glued, folded });
                continue;
            }
        }
        // All ASCII letters and digits: folding is lowercasing.
        let mut plain = c.is_ascii();
        let mut e = i + if plain { 1 } else { char_at(i).map_or(1, char::len_utf8) };
        if c.is_ascii_uppercase() && b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(u8::is_ascii_uppercase) {
            plain = false;
            while e + 1 < b.len() && b[e] == b'.' && b[e + 1].is_ascii_uppercase() {
                e += 2;
            }
            let mut f = e;
            while f < b.len() && b[f].is_ascii_lowercase() {
                f += 1;
            }
            if b.get(f) == Some(&b'.') {
                e = f + 1;
            } else if b.get(e) == Some(&b'.') {
                e += 1;
            }
        } else {
            while e < b.len() {
                let d = b[e];
                if d.is_ascii() {
                    if d.is_ascii_alphanumeric() {
                        e += 1;
                    } else if matches!(d, b'-' | b'\'') && alnum_at(e + 1) {
                        plain = false;
                        e += 1;
                    } else {
                        break;
                    }
                } else {
                    let Some(dc) = char_at(e) else { break };
                    let n = dc.len_utf8();
                    if dc.is_alphanumeric() || matches!(dc, '’' | 'ʿ' | 'ʾ') && alnum_at(e + n) {
                        plain = false;
                        e += n;
                    } else {
                        break;
                    }
                }
            }
        }
        p = e;
        let word = &s[i..e];
        let (word, key, cap, caps) = if plain {
            let caps = word.bytes().any(|x| x.is_ascii_alphabetic()) && !word.bytes().any(|x| x.is_ascii_lowercase());
            (word, (start + i, start + e), c.is_ascii_uppercase(), caps)
        } else {
            let k0 = keys.folded.len();
            // "Moscow's", "Denver-based": the name without the ending.
            let word = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .or_else(|| word.strip_suffix("-based"))
                .unwrap_or(word);
            crate::gazetteer::fold::fold_into(word, &mut keys.folded);
            let first = word.chars().next().unwrap_or(' ');
            // "as-Suwayda", "d'Ivoire", "l'Aquila": an article glued to a name.
            let article_prefixed = word.split_once(['-', '\'', '’']).is_some_and(|(a, rest)| {
                a.len() <= 3 && a.chars().all(|c| c.is_lowercase()) && rest.starts_with(char::is_uppercase)
            });
            let letters = word.chars().filter(|c| c.is_alphabetic());
            let caps = word.chars().any(char::is_alphabetic) && letters.clone().all(char::is_uppercase);
            (word, (k0, keys.folded.len()), first.is_uppercase() || article_prefixed, caps)
        };
        let folded = if plain { &lower[key.0..key.1] } else { &keys.folded[key.0..key.1] };
        let conn = folded.len() <= CONNECTOR_LEN && CONNECTOR_CODES.contains(&short_code(folded));
        (pending, in_run) = after_token(pending, in_run, cap, conn);
        let end = start + i + word.len();
        let (key, folded_key) = if plain { (&lower[key.0..key.1], (0, 0)) } else { ("", key) };
        toks.push(Tok { start: start + i, end, key, folded_key, cap, caps, conn, glued, folded: !plain });
    }
}

/// The tokenizer's count of tokens still needed, and whether a run goes
/// on, after a token: a capitalised word, or a connector in a run after
/// one, needs [`AFTER`] more.
fn after_token(pending: u32, in_run: bool, cap: bool, conn: bool) -> (u32, bool) {
    let in_run = cap || conn && in_run;
    (if in_run { AFTER } else { pending.saturating_sub(1) }, in_run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::resolve::words::ARABIC_ARTICLES;

    #[test]
    fn word_list_gates_hold() {
        assert_eq!(CONNECTORS.iter().map(|c| c.len()).max(), Some(CONNECTOR_LEN));
        assert!(ARABIC_ARTICLES.iter().all(|a| CONNECTORS.contains(a)), "every article is a connector");
        for w in ["al", "of", "abu", "upon", "a", "alo", "ofx", "uponx", "", "l"] {
            let listed = w.len() <= CONNECTOR_LEN && CONNECTORS.contains(&w);
            assert_eq!(w.len() <= CONNECTOR_LEN && CONNECTOR_CODES.contains(&short_code(w)), listed, "{w:?}");
        }
    }

    fn check_start(text: &str, from: usize, expect: Option<&str>) {
        let at = next_start(text.as_bytes(), from);
        assert_eq!((at < text.len()).then(|| &text[at..]), expect, "{text:?} from {from}");
    }

    #[test]
    fn starts_are_capitals_after_non_letters_or_non_ascii_bytes() {
        check_start("the rebels shelled the outskirts of Homs", 0, Some("Homs"));
        check_start("the rebels shelled the outskirts of (Homs)", 0, Some("Homs)"));
        check_start("fighters of McDonald and iPhone users", 0, Some("McDonald and iPhone users"));
        check_start("fighters of mcDonald and iPhone users", 0, None);
        check_start("near as-Suwayda", 0, Some("Suwayda"));
        check_start("a naïve café", 0, Some("\u{ef}ve café"));
        check_start("Aleppo and Idlib", 1, Some("Idlib"));
        check_start("Aleppo", 0, Some("Aleppo"));
        check_start("no capital letter anywhere here at all", 0, None);
    }

    fn check_tokens(text: &str, expect: &[&str]) {
        let lower = text.to_ascii_lowercase();
        let (mut toks, mut keys) = (Vec::new(), Keys { lower: &lower, folded: String::new() });
        tokenize(text, 0, text.len(), &mut toks, &mut keys);
        let got: Vec<&str> = toks.iter().map(|t| if t.start == t.end { "|" } else { keys.of(t) }).collect();
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn words_far_from_capitals_are_one_gap() {
        check_tokens(
            "they said that the long siege of the old town ended near Homs on the day it rained hard again",
            &["town", "ended", "near", "homs", "on", "the"],
        );
        check_tokens("the fighting went on for days and then it stopped", &[]);
        check_tokens("Mr Walker said", &["mr", "walker", "said"]);
        check_tokens(
            "in the town of al Bab and the city of Manbij and after a long while the rest",
            &["town", "of", "al", "bab", "and", "the", "city", "of", "manbij", "and", "after", "a"],
        );
        check_tokens(
            "Homs was quiet for most of the week while the people of the town slept and Hama burned",
            &["homs", "was", "quiet", "|", "town", "slept", "and", "hama", "burned"],
        );
        check_tokens("a - - - - - quiet day — near Moscow's edge", &["a", "quiet", "day", "near", "moscow", "edge"]);
    }
}
