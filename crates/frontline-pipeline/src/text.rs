//! Whole-word and case-blind tests on the text around a match, which rules
//! in several stages ask ("X, in Y", "… likely in the X area"). They compare
//! ASCII case only and copy nothing: the text is long and the words short.

/// Whether `s` begins with the lowercase ASCII word `w`, in any case (no
/// copy of the rest of the text, which is long).
pub(crate) fn starts_with_ignoring_case(s: &str, w: &str) -> bool {
    s.len() >= w.len() && s.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
}

/// Whether `s` ends with the lowercase ASCII word `w`, in any case.
pub(crate) fn ends_with_ignoring_case(s: &str, w: &str) -> bool {
    s.len() >= w.len() && s.as_bytes()[s.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
}

/// `s` without its ending `w` (lowercase ASCII, matched in any case), when
/// it ends so.
pub(crate) fn strip_suffix_ignoring_case<'s>(s: &'s str, w: &str) -> Option<&'s str> {
    ends_with_ignoring_case(s, w).then(|| &s[..s.len() - w.len()])
}

/// Whether `s` starts with the whole word `w`, in any case: no letter or
/// digit follows it ("in," and "in Y" do, "inside" does not).
pub(crate) fn starts_with_word(s: &str, w: &str) -> bool {
    starts_with_ignoring_case(s, w) && !s[w.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Whether `s` ends with the whole word `w`, in any case: no letter or digit
/// comes before it.
pub(crate) fn ends_with_word(s: &str, w: &str) -> bool {
    ends_with_ignoring_case(s, w)
        && s.is_char_boundary(s.len() - w.len())
        && s[..s.len() - w.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_in_any_case() {
        assert!(starts_with_word("Near the dam", "near"));
        assert!(starts_with_word("in, as reported", "in"));
        assert!(starts_with_word("in", "in"));
        assert!(!starts_with_word("inside the town", "in"));
        assert!(!starts_with_word("i", "in"));
        assert!(ends_with_word("fighting BETWEEN", "between"));
        assert!(ends_with_word("between", "between"));
        assert!(!ends_with_word("inbetween", "between"));
        assert!(!ends_with_word("2between", "between"));
    }

    #[test]
    fn multibyte_text_before_the_word_is_no_panic() {
        assert!(!ends_with_word("é", "in"));
        assert!(ends_with_word("café in", "in"));
        assert!(!starts_with_ignoring_case("é", "ab"));
        assert_eq!(strip_suffix_ignoring_case("stationed IN", " in"), Some("stationed"));
        assert_eq!(strip_suffix_ignoring_case("café", " in"), None);
    }
}
