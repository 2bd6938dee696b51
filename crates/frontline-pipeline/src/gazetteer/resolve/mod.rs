//! Recognition and resolution: place mentions in sentences, and the place
//! each one means.
//!
//! Recognition looks up capitalised token n-grams (1..=5 tokens, longest
//! first, with connectors such as "al", "de", "of" inside) in the hash
//! index of folded names; single words that are ordinary English (the
//! stop-list, or written in lowercase elsewhere in the article) are not
//! places. Resolution is per distinct name in the article ("one sense per
//! discourse"): each candidate's prior (population, feature type, how the
//! name matched) plus support from the other names — their countries and
//! first-level divisions, proximity, a county named with a town of it, and
//! "X, Y" containment.
//!
//! - [`tokens`]: the tokenizer.
//! - [`scan`]: recognition, with [`words`] (the word lists its rules ask
//!   about), [`ordinary`] (ordinary words that are no places) and
//!   [`adjacent`] (the words next to a name).
//! - [`candidate`]: the places a name may mean, and their priors.
//! - [`context`]: resolution by the article's other names, with [`links`]
//!   (containment between names) and [`distance`].

mod adjacent;
mod candidate;
mod context;
mod distance;
mod links;
mod ordinary;
mod scan;
mod tokens;
mod words;

#[cfg(test)]
mod tests;

pub(super) use candidate::{Candidate, dedup};
pub use context::country_hint;
pub use distance::{great_circle_km, km};
pub(crate) use links::COMPASS_POINTS;
pub use links::container_link;
pub(super) use scan::recognise;

#[derive(Debug, Clone, Copy, Default)]
struct Tok<'a> {
    start: usize,
    end: usize,
    /// The key of an ASCII word: its span of the article lowercased once
    /// ([`Keys::lower`]), sliced once here rather than at every look.
    key: &'a str,
    /// The key's span in [`Keys::folded`] when `folded`.
    folded_key: (usize, usize),
    cap: bool,
    caps: bool,
    conn: bool,
    /// No sentence punctuation between the previous token and this one.
    glued: bool,
    /// The key is in [`Keys::folded`], not a span of the lowercased article.
    folded: bool,
}

/// The tokens' keys (folded words): an ASCII word's is its own span of the
/// article lowercased once (nearly every word: no copy per token), the
/// others' are folded into `folded` ([`super::fold::fold_into`]).
struct Keys<'a> {
    lower: &'a str,
    folded: String,
}

impl<'k> Keys<'k> {
    #[inline]
    fn of(&'k self, t: &Tok<'k>) -> &'k str {
        if t.folded { &self.folded[t.folded_key.0..t.folded_key.1] } else { t.key }
    }

    /// [`Keys::of`] as a function of the token alone.
    fn getter(&'k self) -> impl Fn(&Tok<'k>) -> &'k str + Copy + 'k {
        move |t| self.of(t)
    }
}

struct Raw {
    start: usize,
    end: usize,
    key: String,
    single: bool,
    /// An all-capitals word ("UN", "FDA"): only a country or division.
    acronym: bool,
    /// A common English word ("Reading") with no locative word before it.
    common: bool,
    /// After a locative word ("in", "near"): a place even if the same name
    /// is a person's elsewhere in the article.
    locative: bool,
    near: bool,
    /// [`ANY_DIVISION`](words::ANY_DIVISION) and [`FIRST_DIVISION`](words::FIRST_DIVISION) bits.
    division: u8,
    /// Index of the raw mention written right after ", ".
    container: Option<usize>,
    /// The container is named with "in"/"of" ("X in Y countryside"), not
    /// after a comma, which may also join a list ("Homs, Hama").
    inside: bool,
}
