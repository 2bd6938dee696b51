//! The word right before or after a name, as the rules about a name ask
//! for it: a capitalised word a name may continue, a listed word, a word
//! for fighters, "the".

use crate::date::CALENDAR_WORDS;
use crate::gazetteer::Gazetteer;

/// The word right before `start`, folded, when it is capitalised and no
/// function word or calendar name: a word a name may continue.
pub(super) fn name_word_before(text: &str, start: usize) -> Option<String> {
    let before = text[..start].strip_suffix(' ')?;
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let word = crate::gazetteer::fold::fold(word);
    (!FUNCTION_WORDS.contains(&word.as_str()) && !CALENDAR_WORDS.contains(&word.as_str())).then_some(word)
}

/// Whether the word after a name is one for fighters ("Houthi rebels").
pub(super) fn fighters_after(text: &str, end: usize) -> bool {
    let Some(after) = text[end..].strip_prefix(' ') else { return false };
    // The word's ASCII letters, read as bytes; a letter of another script
    // going on with them makes it none of the words.
    let b = after.as_bytes();
    let n = b.iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(b.len());
    if b.get(n).is_some_and(|&c| c >= 0x80) && after[n..].starts_with(char::is_alphabetic) {
        return false;
    }
    FIGHTERS.iter().any(|f| after[..n].eq_ignore_ascii_case(f))
}

/// Words for fighters after a group's name.
const FIGHTERS: &[&str] =
    &["rebels", "fighters", "militants", "militiamen", "militias", "insurgents", "gunmen", "supporters"];

/// The places a name written right after "the" is known by with it ("the
/// Red Sea", "the Pacific": seas and regions are listed so on purpose), if
/// it is written so and any place is.
pub(super) fn named_with_the(g: &Gazetteer, text: &str, start: usize, key: &str) -> Option<Vec<u32>> {
    let before = text[..start].strip_suffix(' ')?;
    let the = before.strip_suffix("the").or_else(|| before.strip_suffix("The"))?;
    if the.ends_with(char::is_alphanumeric) {
        return None;
    }
    let ids: Vec<u32> = g.candidates(&format!("the {key}"), false).iter().map(|c| c.id).collect();
    (!ids.is_empty()).then_some(ids)
}

/// Whether the word right before `start` is one of `words` (lowercase), in
/// any case.
pub(super) fn before_word_is(text: &str, start: usize, words: &[&str]) -> bool {
    let before = text[..start].trim_end();
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    words.iter().any(|w| word.len() == w.len() && word.eq_ignore_ascii_case(w))
}

/// Words that start a sentence or a headline's word before a name without
/// being part of it. (Not all the stopwords: "Central Plateau", "West
/// Lakes".)
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "at", "on", "of", "to", "from", "into", "and", "or", "but", "for", "by", "with", "near",
    "across", "as", "if", "when", "while", "after", "before", "since", "says", "said", "both", "all", "this", "that",
    "amid", "against", "over", "under", "between", "via", "toward", "towards", "around", "through", "outside",
    "inside", "within", "is", "was", "are", "were", "not", "no",
];
