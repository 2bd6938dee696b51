//! Whether a capitalised word is an ordinary word rather than a place: the
//! stop-list, the word written in lowercase elsewhere in the article, a
//! common English word, a common word inside a longer name or a headline.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::Tok;
use super::adjacent::name_word_before;
use super::words::GENERIC;
use crate::gazetteer::Gazetteer;
use crate::gazetteer::index::{Fx, FxMap, key_hash};

/// Whether a one-word name can be a place here: not an ordinary word.
pub(super) fn plausible_single(g: &Gazetteer, text: &str, t: &Tok, folded: &str, lowercase: &mut Lowercase) -> bool {
    if t.caps && t.end - t.start >= 2 && t.end - t.start <= 4 {
        return !g.is_stopword(folded) || folded == "us" || folded == "uk";
    }
    if state_abbreviation(g, text, t, folded) {
        return true;
    }
    if folded.len() < 3 || GENERIC.contains(&folded) {
        return false;
    }
    if written_as_name(text, t.start, t.end) {
        return true;
    }
    if g.is_stopword(folded) {
        return false;
    }
    let word = &text[t.start..t.end];
    // (The endings first: a search for two kinds of apostrophe decodes the word.)
    if ["re", "ll", "ve", "nt", "d", "m"].iter().any(|x| word.ends_with(x)) && word.contains(['\'', '’']) {
        return false;
    }
    if g.builtin.tables.common.contains_key(folded)
        && after_name_word(g, text, t, folded)
        && !g.candidates(folded, false).iter().any(|c| g.place(c.id).feature_code == "PCLI")
    {
        return false;
    }
    !lowercase.contains(folded)
}

/// Whether a word comes right after a capitalised word other than a
/// function word: then a common word ("Islington Bay", "Central Plateau",
/// "West Lakes") is the generic part of a longer name the gazetteer lacks,
/// not the division named by the word alone (Bay in Somalia, Plateau in
/// Nigeria); a country stays one ("Eastern China"). After a comma, a function word (capitalised at a sentence's
/// start or in a headline: a weekday's or a month's name is one, "On Sunday
/// Plateau state police") or a possessive it stands alone ("Jos, Plateau",
/// "The Plateau governor", "Attack In Plateau", "Nigeria's Plateau state").
/// So it does after its own country's name ("Nigerian Plateau"; the
/// "Kenyan Coast" is no Tanzanian region), before a division's word
/// ("Plateau state"). In a headline, where every word is capitalised, the
/// word before says nothing, so a common word there is a division only when
/// something backs it: a settlement's word after it ("Bandits Attack
/// Plateau Villages") or the division's country named in the article; a
/// firm, a landform or a shore is named so far more often ("Investors Cheer
/// Delta Earnings", "Tourists Flock To Sunny Coast Resorts"). After a place's
/// name it is part of a longer one there too ("Storm Batters Mobile Coast").
fn after_name_word(g: &Gazetteer, text: &str, t: &Tok, folded: &str) -> bool {
    let Some(word) = name_word_before(text, t.start) else { return false };
    let next = text[t.end..].strip_prefix(' ').map(|a| a.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    if next.is_some_and(|w| DIVISION_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d))) {
        return false;
    }
    let own = g.candidates(folded, false);
    let its_country = g.candidates(&word, false).iter().any(|c| {
        let p = g.place(c.id);
        p.feature_code == "PCLI" && own.iter().any(|o| g.place(o.id).country_code == p.country_code)
    });
    if its_country {
        return false;
    }
    if !in_headline(text, t) || g.has_exact(&word) {
        return true;
    }
    let settled = next.is_some_and(|w| SETTLEMENT_WORDS.iter().any(|d| w.eq_ignore_ascii_case(d)));
    let country_named = own.iter().any(|c| {
        let p = g.place(c.id);
        matches!(p.feature_code.as_str(), "ADM1" | "ADM2")
            && !p.country_code.trim().is_empty()
            && text.contains(g.builtin.tables.country(&p.country_code).as_str())
    });
    !settled && !country_named
}

/// Words for settlements after a division's name in a headline ("Plateau
/// Villages").
const SETTLEMENT_WORDS: &[&str] =
    &["village", "villages", "town", "towns", "community", "communities", "settlement", "settlements"];

/// Whether the text writes the word at `start..end` as a place's name
/// whatever English word it spells: named as a settlement ("the town of
/// Sake", "the village of Has", [`SETTLEMENT_WORDS`] or "city" and "of"
/// before it), or closed by an ayn mark, which only a transliterated name
/// ends with ("on the Mare' front", "outskirts of Mare'"): an apostrophe
/// right after it and no letter after the apostrophe, not after an "s" (a
/// plural's possessive, "the Rebels' base") nor closing a quotation opened
/// before it in its sentence ("the 'Liberty' operation", "a song called
/// 'Roses of the Forest'").
pub(super) fn written_as_name(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let settlement = before.strip_suffix("of").or_else(|| before.strip_suffix("Of")).is_some_and(|b| {
        let b = b.trim_end();
        let word = b.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        b.len() < before.len() - 2
            && (word.eq_ignore_ascii_case("city")
                || SETTLEMENT_WORDS.iter().any(|w| word.len() == w.len() && word.eq_ignore_ascii_case(w)))
    });
    if settlement {
        return true;
    }
    let after = &text[end..];
    let ayn = after.strip_prefix(['\'', '’']).is_some_and(|a| !a.starts_with(char::is_alphanumeric));
    ayn && !text[..end].ends_with(['s', 'S']) && !before.ends_with(['"', '“']) && !in_single_quotes(text, start)
}

/// Whether a single quotation mark opened before byte `start` in its
/// sentence is still open there: an opening mark has no letter or digit
/// before it and a letter after it, a closing one a letter or digit before
/// it and none after it; one between letters is an apostrophe or an ayn
/// mark inside a word ("Ma'arrat") and neither.
fn in_single_quotes(text: &str, start: usize) -> bool {
    let from = text[..start].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let mut open = false;
    for (i, c) in text[from..start].char_indices().filter(|&(_, c)| matches!(c, '\'' | '‘' | '’')) {
        let word_before = text[..from + i].chars().next_back().is_some_and(char::is_alphanumeric);
        let word_after = text[from + i + c.len_utf8()..].chars().next().is_some_and(char::is_alphabetic);
        match (word_before, word_after) {
            (false, true) => open = true,
            (true, false) => open = false,
            _ => {}
        }
    }
    open
}

/// Words after a name that say it is a division's ("Plateau state"); not
/// "region", which also ends informal areas' names ("Great Lakes region").
const DIVISION_WORDS: &[&str] = &["state", "province", "governorate", "county", "district"];

/// Whether a word stands in a headline: no word of four letters or more
/// on its line is written in small letters, and two more words are there.
/// Read outwards from the word only as far as the first such word, which
/// prose has within a few words, and no further than [`HEADLINE_CHARS`]
/// either way: a longer line is no headline, and a long line of capitals
/// (a list of names) costs no scan of it all per word.
fn in_headline(text: &str, t: &Tok) -> bool {
    match (capitalised_line(text[..t.start].chars().rev(), true), capitalised_line(text[t.end..].chars(), false)) {
        (Some(a), Some(b)) => a + b >= 2,
        _ => false,
    }
}

/// The number of words up to the line's end, or `None` at a word of four
/// letters or more that begins with a small letter (`backwards`: the
/// characters come last first).
fn capitalised_line(chars: impl Iterator<Item = char>, backwards: bool) -> Option<usize> {
    let (mut words, mut len, mut small) = (0, 0, false);
    for (n, c) in chars.chain(['\n']).enumerate() {
        if n > HEADLINE_CHARS {
            return None;
        }
        if c.is_alphabetic() {
            if len == 0 || backwards {
                small = c.is_lowercase();
            }
            len += 1;
            continue;
        }
        if len > 0 {
            if len >= 4 && small {
                return None;
            }
            words += 1;
            len = 0;
        }
        if c == '\n' {
            break;
        }
    }
    Some(words)
}

/// How far a headline reaches either way from one of its words, in
/// characters: beyond any headline's length.
const HEADLINE_CHARS: usize = 300;

/// Common English words of five letters or more that no place is named
/// (generated by scripts/gen-gazetteer), one a line, sorted by bytes.
const ENGLISH_WORDS: &str = include_str!("../../../../../data/gazetteer/english-words.txt");

/// Whether a folded word is a common English word no place is named: then
/// it names no place through a skeleton either ("Neither" at a sentence's
/// start is not Nador). A place named so exactly ("Reading") is matched
/// before the skeleton is asked. A binary search of the sorted list: no
/// table to build at start-up, and it is asked only of skeleton hits.
pub(super) fn english_word(word: &str) -> bool {
    let (list, word) = (ENGLISH_WORDS.as_bytes(), word.as_bytes());
    let (mut lo, mut hi) = (0, list.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = memchr::memrchr(b'\n', &list[lo..mid]).map_or(lo, |p| lo + p + 1);
        let end = memchr::memchr(b'\n', &list[start..hi]).map_or(hi, |p| start + p);
        match list[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Whether a two-letter word the gazetteer knows is written as a US state's
/// abbreviation is one: one of the AP's ([`AP_TWO_LETTER_STATES`]), a capital
/// and a small letter with its full stop, after a town the gazetteer knows
/// and a comma ("Louisville, Ky.", "State College, Pa."). Elsewhere "Pa" and
/// "La" are words ("Ma, Pa."), and "Sorry, Mo." or "Goodbye, Bo." follow no
/// town.
fn state_abbreviation(g: &Gazetteer, text: &str, t: &Tok, folded: &str) -> bool {
    let b = text.as_bytes();
    let word = &b[t.start..t.end];
    if !(word.len() == 2
        && word[0].is_ascii_uppercase()
        && word[1].is_ascii_lowercase()
        && b.get(t.end) == Some(&b'.')
        && AP_TWO_LETTER_STATES.contains(&folded)
        && b[..t.start].ends_with(b", "))
    {
        return false;
    }
    // The last one to three words before the comma, on the same line: one
    // of their endings, capitalised, must be a name the gazetteer has.
    let before = &text[..t.start - 2];
    let from = before
        .rfind(|c: char| !(c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.')))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let words = &before[from..];
    let mut end = words.len();
    for _ in 0..3 {
        let start = words[..end].rfind(' ').map_or(0, |i| i + 1);
        let town = &words[start..];
        if town.starts_with(char::is_uppercase) {
            let key = crate::gazetteer::fold::fold(town);
            if key.len() >= 3 && !g.is_stopword(&key) && g.has_exact(&key) {
                return true;
            }
        }
        if start == 0 {
            return false;
        }
        end = start - 1;
    }
    false
}

/// The AP's two-letter abbreviations of US states, folded ("Ky.", "Mo.").
const AP_TWO_LETTER_STATES: [&str; 8] = ["ga", "ky", "la", "md", "mo", "pa", "va", "vt"];

/// Answers whether a word (folded) occurs in the article as a lowercase
/// word: then the capitalised one is an ordinary word too ("Reading" and
/// "reading"). Answers are kept, as names repeat; the first few distinct
/// words are searched for in the text; after that the article's lowercase
/// words are gathered once, so a long article costs one pass instead of one
/// per capitalised word.
pub(super) struct Lowercase<'a> {
    text: &'a str,
    /// Searches made.
    asked: u32,
    /// Answers by the word's [`key_hash`] (as the index's keys are): no
    /// copy of the word kept.
    answers: FxMap<u64, bool>,
    words: Option<HashSet<&'a [u8], BuildHasherDefault<Fx>>>,
}

/// Searches before the article's words are gathered: a search costs about a
/// hundredth of gathering.
const LOWERCASE_SEARCHES: u32 = 48;

impl<'a> Lowercase<'a> {
    pub(super) fn new(text: &'a str) -> Lowercase<'a> {
        Lowercase { text, asked: 0, answers: FxMap::default(), words: None }
    }

    pub(super) fn contains(&mut self, word: &str) -> bool {
        if !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
        let h = key_hash(word);
        if let Some(&answer) = self.answers.get(&h) {
            return answer;
        }
        let answer = self.find(word);
        self.answers.insert(h, answer);
        answer
    }

    fn find(&mut self, word: &str) -> bool {
        let b = self.text.as_bytes();
        if self.words.is_none() && self.asked < LOWERCASE_SEARCHES {
            self.asked += 1;
            return memchr::memmem::find_iter(b, word.as_bytes()).any(|at| {
                let end = at + word.len();
                (at == 0 || !b[at - 1].is_ascii_alphanumeric()) && (end == b.len() || !b[end].is_ascii_alphanumeric())
            });
        }
        // A match bounded by non-alphanumerics is a whole run of ASCII
        // letters and digits, so the runs in lowercase are the words.
        let words = self.words.get_or_insert_with(|| {
            // (About one distinct lowercase word in 16 bytes of news.)
            let mut words = HashSet::with_capacity_and_hasher(b.len() / 16, Default::default());
            let mut i = 0;
            while i < b.len() {
                if !b[i].is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                let (start, mut lower) = (i, true);
                while i < b.len() && b[i].is_ascii_alphanumeric() {
                    lower &= b[i].is_ascii_lowercase();
                    i += 1;
                }
                if lower {
                    words.insert(&b[start..i]);
                }
            }
            words
        });
        words.contains(word.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_are_found_in_the_sorted_list() {
        for (word, expect) in [
            ("neither", true),
            ("aardvark", true),
            ("fierce", true),
            ("zucchinis", true),
            ("reading", false),
            ("nador", false),
            ("idlib", false),
            ("neithe", false),
            ("neitherr", false),
            ("aaaaa", false),
            ("zzzzzz", false),
            ("", false),
        ] {
            assert_eq!(english_word(word), expect, "{word:?}");
        }
        // Every listed word is found: the list is sorted as the search needs.
        for word in ENGLISH_WORDS.lines().skip(1) {
            assert!(english_word(word), "{word:?}");
        }
    }

    #[test]
    fn a_word_named_as_a_settlement_or_closed_by_an_ayn_mark_is_written_as_a_name() {
        let at = |text: &str, word: &str| {
            let start = text.find(word).expect("the word is in the text");
            written_as_name(text, start, start + word.len())
        };
        assert!(at("Mortars hit the village of Bell on Friday.", "Bell"));
        assert!(at("Troops entered the City of Hope.", "Hope"));
        assert!(at("Rebels shelled the towns of  Gate and Lamb.", "Gate"));
        assert!(at("Clashes broke out on the Sabe' front.", "Sabe"));
        assert!(at("Clashes broke out near Sabe'-Bell road.", "Sabe"));
        assert!(at("Clashes broke out near Sabe\u{2019}.", "Sabe"));
        // A plural's possessive, a quotation's close, a word's own
        // apostrophe, a friend "of" someone: no name is said.
        assert!(!at("Shells hit the Rebels' base.", "Rebels"));
        assert!(!at("The so-called 'Hope' convoy left.", "Hope"));
        assert!(!at("A band played 'Roses of the Bell' as the coffin passed.", "Bell"));
        assert!(!at("\u{2018}The Lonely Gate' opened a cafe.", "Gate"));
        // A quotation closed before the word leaves the ayn mark its own.
        assert!(at("The 'Dawn' brigade held the Sabe' front.", "Sabe"));
        assert!(at("It's quiet on the Sabe' front.", "Sabe"));
        assert!(!at("The Bell's tower fell.", "Bell"));
        assert!(!at("A friend of Bell said so.", "Bell"));
        assert!(!at("Fighting near Gate.", "Gate"));
    }

    fn check_lowercase(text: &str, word: &str, expect: bool) {
        let mut searched = Lowercase::new(text);
        assert_eq!(searched.contains(word), expect, "{word:?} in {text:?}, searching");
        let mut gathered = Lowercase::new(text);
        gathered.asked = LOWERCASE_SEARCHES;
        assert_eq!(gathered.contains(word), expect, "{word:?} in {text:?}, gathered");
    }

    #[test]
    fn lowercase_words_are_whole_words() {
        check_lowercase("Reading is fun; reading too.", "reading", true);
        check_lowercase("Reading is fun.", "reading", false);
        check_lowercase("The rereading and readings", "reading", false);
        check_lowercase("café-reading", "reading", true);
        check_lowercase("reading2 and 2reading", "reading", false);
        check_lowercase("reading", "reading", true);
        check_lowercase("Zürich and zürich", "zürich", false);
    }
}
