//! Words that rules in several stages ask about, one list for each meaning.
//! A rule that wants more words than a meaning holds joins its own to the
//! list with [`concat`], and says why in its own list's comment.

/// Prepositions that make the name after them a place and no outlet's or
/// person's ("in X", "towards X"); "at", "from" and "to" are not among
/// them: an outlet is worked at, quoted from and spoken to.
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "into", "outside", "toward", "towards"];

/// Words that put a place near another, not in it ("near X", "on the
/// outskirts of X", "in the vicinity of X").
pub(crate) const NEAR: &[&str] = &["near", "outskirts", "vicinity"];

/// Nouns of a populated place ("X town", "the village of X").
pub(crate) const SETTLEMENTS: &[&str] = &["town", "village", "city"];

/// Nouns that say what kind of place a name is ("X town", "the Y area").
pub(crate) const PLACE_KINDS: &[&str] = &concat::<4>(&[SETTLEMENTS, &["area"]]);

/// Words that make a town stand for the land around it ("rural Y", "the
/// countryside of Y").
pub(crate) const COUNTRYSIDE: &[&str] = &["countryside", "rural"];

/// Nouns of a site in open country named after a place ("X bridge", "the
/// X farms", "X desert"), which a link between two places may hold.
pub(crate) const SITES: &[&str] = &["bridge", "farm", "farms", "road", "camp", "desert", "field"];

/// Nouns after two places joined by a hyphen that make a road or a front
/// between them ("the A-B road", "the A-B axis").
pub(crate) const ROUTES: &[&str] = &["road", "highway", "route", "axis", "front", "frontline", "line"];

/// The eight points of the compass, as words that place one place from
/// another ("north of X", "southeast of X").
pub(crate) const COMPASS: &[&str] =
    &["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"];

/// The four sides of a place by the compass ("eastern Y", "the Y western
/// countryside").
pub(crate) const COMPASS_SIDES: &[&str] = &["western", "eastern", "northern", "southern"];

/// Generic words that head the names of Arabic villages and that notes
/// often leave out ("Tall Abu Rasin" written "Abu Rasin").
pub(crate) const GENERIC_HEADS: &[&str] = &["tall", "tal", "tell", "khirbat", "khirbet", "jabal"];

/// The words of `lists` one after another, as one list of `N` words; a
/// constant whose `N` is not their number does not compile.
pub(crate) const fn concat<const N: usize>(lists: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut n = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            assert!(n < N, "more words than N");
            out[n] = lists[l][i];
            n += 1;
            i += 1;
        }
        l += 1;
    }
    assert!(n == N, "fewer words than N");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concat_keeps_every_word_in_order() {
        const JOINED: [&str; 5] = concat(&[&["a", "b"], &[], &["c"], &["d", "e"]]);
        assert_eq!(JOINED, ["a", "b", "c", "d", "e"]);
    }
}
