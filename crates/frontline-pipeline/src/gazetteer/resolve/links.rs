//! The words between a place and the larger one it lies in ("X, Y", "X in
//! the Y countryside").

use std::sync::LazyLock;

use crate::gazetteer::index::FxMap;
use crate::vocabulary::{COMPASS, COMPASS_SIDES, PLACE_KINDS, concat};

/// The eight points of the compass and the hyphenated four, as words
/// that place one place from another ("north of X", "X, south-east of Y").
pub(crate) const COMPASS_POINTS: &[&str] =
    &concat::<12>(&[COMPASS, &["north-east", "north-west", "south-east", "south-west"]]);

/// Words that may stand between a place and the larger one it lies in
/// ("Jubb Ali village in the Raqqa countryside", "Tell Hamra in the
/// eastern countryside of Homs city", "the Ihsem area of ...").
const LINK_WORDS: &[&str] = &concat::<37>(&[
    &["in", "of", "the"],
    PLACE_KINDS,
    &[
        "neighbourhood",
        "neighborhood",
        "district",
        "quarter",
        "countryside",
        "province",
        "governorate",
        "region",
        "county",
        "rural",
        "central",
    ],
    COMPASS_SIDES,
    &[
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "outskirts",
        "suburbs",
        "part",
        "vicinity",
        "axis",
        "front",
        "frontline",
    ],
]);

/// Whether the text between two place names says the second contains the
/// first: a comma ("Fargo, North Dakota"), or "in"/"of" with only
/// [`LINK_WORDS`] or [`COMPASS_POINTS`] around it.
pub fn container_link(between: &str) -> bool {
    if let Some(answer) = ascii_link(between.as_bytes()) {
        return answer;
    }
    // A name's closing ayn mark ("Mare' frontline in Aleppo") is not a word between.
    let between = between.trim().trim_start_matches(['\'', '’']).trim_start();
    if between == "," {
        return true;
    }
    let mut words = 0;
    let mut linked = false;
    let mut lower = [0u8; LINK_LEN];
    for w in between.split_whitespace() {
        let link = if w.is_ascii() && w.len() > LINK_LEN {
            None
        } else if w.is_ascii() {
            let lower = &mut lower[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            LINKS.get(&*lower).copied()
        } else {
            let w = w.to_lowercase();
            LINK_WORDS.iter().chain(COMPASS_POINTS).find(|l| **l == w).map(|l| matches!(*l, "in" | "of"))
        };
        let Some(in_of) = link else { return false };
        linked |= in_of;
        words += 1;
    }
    linked && words <= 6
}

/// [`container_link`] read as bytes, as long as the bytes it reads are
/// ASCII (`None` at the first other byte: a curly apostrophe, a space of
/// another kind, a word in another script, which the general reading
/// takes). Most text between two names is ASCII and fails at its first
/// word, so this is a short walk instead of Unicode trimming and splitting.
fn ascii_link(b: &[u8]) -> Option<bool> {
    // (The ASCII bytes that `char::is_whitespace` takes: tab to carriage return, space.)
    let space = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
    /// Past the ASCII bytes from `i` that `f` takes; `None` at another byte.
    fn skip(b: &[u8], i: &mut usize, f: impl Fn(u8) -> bool) -> Option<()> {
        while let Some(&c) = b.get(*i) {
            if c >= 0x80 {
                return None;
            }
            if !f(c) {
                break;
            }
            *i += 1;
        }
        Some(())
    }
    let mut i = 0;
    skip(b, &mut i, space)?;
    skip(b, &mut i, |c| c == b'\'')?;
    skip(b, &mut i, space)?;
    if b.get(i) == Some(&b',') {
        let mut end = i + 1;
        skip(b, &mut end, space)?;
        if end == b.len() {
            return Some(true);
        }
    }
    let (mut words, mut linked) = (0, false);
    let mut lower = [0u8; LINK_LEN];
    loop {
        skip(b, &mut i, space)?;
        if i == b.len() {
            return Some(linked && words <= 6);
        }
        let start = i;
        skip(b, &mut i, |c| !space(c))?;
        let w = &b[start..i];
        if w.len() > LINK_LEN {
            return Some(false);
        }
        let lower = &mut lower[..w.len()];
        lower.copy_from_slice(w);
        lower.make_ascii_lowercase();
        let Some(&in_of) = LINKS.get(&*lower) else { return Some(false) };
        linked |= in_of;
        words += 1;
    }
}

/// At least the length of the longest of the [`LINK_WORDS`]: a longer
/// ASCII word is none of them.
const LINK_LEN: usize = 16;

/// The [`LINK_WORDS`] and [`COMPASS_POINTS`], each with whether it is "in" or "of".
static LINKS: LazyLock<FxMap<&'static [u8], bool>> = LazyLock::new(|| {
    LINK_WORDS.iter().chain(COMPASS_POINTS).map(|l| (l.as_bytes(), matches!(*l, "in" | "of"))).collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    fn check_link(between: &str, expect: bool) {
        assert_eq!(container_link(between), expect, "{between:?}");
    }

    #[test]
    fn ascii_reading_agrees_with_the_general_one() {
        // The general reading alone: `container_link` without its fast path.
        let general = |between: &str| {
            let mut padded = String::from("\u{a0}");
            padded.push_str(between);
            container_link(&padded)
        };
        for between in [
            "",
            " ",
            ",",
            " , ",
            ",\t",
            ", and ",
            "' frontline in ",
            "'' in the ",
            " village in the ",
            " in the south-eastern countryside of ",
            " in in in in in in in ",
            " in in in in in in ",
            " north ",
            " of",
            "\x0bin\x0b",
            " forces fought in ",
            " an extraordinarily-long-word in ",
        ] {
            assert_eq!(ascii_link(between.as_bytes()), Some(general(between)), "{between:?}");
        }
        for between in ["’ frontline in ", " in\u{a0}the ", ",\u{a0}", " in Ḩalab "] {
            assert_eq!(ascii_link(between.as_bytes()), None, "{between:?}");
        }
    }

    #[test]
    fn links_between_a_place_and_its_container() {
        check_link(", ", true);
        check_link(" village in the ", true);
        check_link(" in the south-eastern countryside of ", true);
        check_link(" area of ", true);
        check_link("' frontline in ", true);
        check_link(" ' and ", false);
        check_link(" Village IN the ", true);
        check_link(" in the south-easternmost countryside of ", false);
        check_link(" and ", false);
        check_link(" north ", false);
        check_link(" forces fought in ", false);
    }

    #[test]
    fn link_words_fit_in_link_len() {
        assert!(
            LINK_WORDS.iter().chain(COMPASS_POINTS).all(|l| l.len() <= LINK_LEN),
            "a link word is longer than LINK_LEN"
        );
    }
}
