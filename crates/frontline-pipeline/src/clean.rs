//! Clean: mask page furniture ("READ MORE:", "WATCH:", related-headline
//! lists, share lines, repeated captions, "(AFP photo)", "Source: Reuters")
//! and normalise typography, without moving any character.
//!
//! **Invariant:** the cleaned text has exactly as many characters as the
//! input, each at the same character index. Furniture is replaced by spaces
//! and curly quotes by straight ones, one character for one, so a character
//! offset in the cleaned text is a character offset in the text as given.
//! Only byte offsets differ, and [`CleanText::char_at`] converts them.

use std::collections::HashMap;

/// The article text with furniture masked, plus the byte→character map.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// Same characters as the original at the same character indices.
    pub text: String,
    /// Byte ranges of the cleaned text that were furniture (now spaces).
    pub masked: Vec<(usize, usize)>,
    /// `char_starts[i]` is the byte offset of character `i`; one extra entry
    /// at the end holds `text.len()`. Empty when the text is ASCII: then a
    /// byte offset is a character offset.
    char_starts: Vec<u32>,
}

impl CleanText {
    /// Wraps text that needs no cleaning (used by tests and by callers that
    /// already hold clean text).
    pub fn verbatim(text: &str) -> CleanText {
        let mut c = CleanText { text: text.to_string(), masked: Vec::new(), char_starts: Vec::new() };
        c.index();
        c
    }

    fn index(&mut self) {
        if self.text.is_ascii() {
            self.char_starts = Vec::new();
            return;
        }
        self.char_starts = self.text.char_indices().map(|(b, _)| b as u32).collect();
        self.char_starts.push(self.text.len() as u32);
    }

    /// Character index of a byte offset (which must be on a char boundary;
    /// otherwise the character containing it).
    pub fn char_at(&self, byte: usize) -> usize {
        if self.char_starts.is_empty() {
            return byte.min(self.text.len());
        }
        match self.char_starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Number of characters.
    pub fn char_len(&self) -> usize {
        match self.char_starts.len() {
            0 => self.text.len(),
            n => n - 1,
        }
    }

    /// Whether a byte range overlaps furniture.
    pub fn is_masked(&self, start: usize, end: usize) -> bool {
        self.masked.iter().any(|&(s, e)| s < end && start < e)
    }
}

/// The text with [`normalise_char`] applied to every character; runs of
/// characters it keeps are copied whole.
fn normalise(original: &str) -> String {
    let bytes = original.as_bytes();
    let mut out = String::with_capacity(original.len());
    let mut kept = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = if bytes[i] < 0x80 {
            if !matches!(bytes[i], b'`' | b'\r') {
                i += 1;
                continue;
            }
            (char::from(bytes[i]), 1)
        } else {
            let c = original[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        let n = normalise_char(c);
        if n != c {
            out.push_str(&original[kept..i]);
            out.push(n);
            kept = i + len;
        }
        i += len;
    }
    out.push_str(&original[kept..]);
    out
}

/// Whether `s` lowercased (as `str::to_lowercase` does) starts with the
/// ASCII `prefix`, without lowercasing more than the prefix needs.
fn lower_starts_with(s: &str, prefix: &str) -> bool {
    let mut want = prefix.chars();
    for c in s.chars() {
        for l in c.to_lowercase() {
            match want.next() {
                None => return true,
                Some(w) if w == l => {}
                Some(_) => return false,
            }
        }
    }
    want.next().is_none()
}

/// Whether a trimmed line is one of [`FURNITURE_LINES`], ignoring case. A
/// character is at most three times longer than its lowercase ASCII
/// letter (the Kelvin sign), so longer lines are not lowercased at all.
fn furniture_line(trimmed: &str) -> bool {
    let longest = FURNITURE_LINES.iter().map(|l| l.len()).max().unwrap_or(0);
    trimmed.len() <= 3 * longest && FURNITURE_LINES.contains(&trimmed.to_lowercase().as_str())
}

/// Typographic characters replaced one-for-one by ASCII so that later stages
/// match one spelling. Each maps a single char to a single char.
fn normalise_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => ' ',
        '\u{200B}' | '\u{FEFF}' => ' ',
        '\r' => '\n',
        c => c,
    }
}

/// Line prefixes that introduce links to other stories or calls to action.
const FURNITURE_PREFIXES: &[&str] = &[
    "read more:",
    "read more ",
    "read also:",
    "also read:",
    "watch:",
    "watch video:",
    "video:",
    "listen:",
    "related:",
    "related article",
    "related stories",
    "related news",
    "see also:",
    "more:",
    "click here",
    "sign up",
    "subscribe",
    "get breaking",
    "get the latest",
    "follow us",
    "share this",
    "share on",
    "download our app",
    "advertisement",
    "sponsored",
    "you may also like",
    "recommended:",
    "most read",
    "trending:",
    "photo:",
    "image:",
    "file photo",
    "copyright",
];

/// Whole lines that are furniture when they stand alone.
const FURNITURE_LINES: &[&str] = &[
    "comments",
    "comment",
    "share",
    "tweet",
    "email",
    "print",
    "advertisement",
    "related",
    "more",
    "top stories",
    "latest news",
    "most popular",
    "leave a comment",
    "0 comments",
];

/// Cleans an article text. Pure; never fails.
pub fn clean(original: &str) -> CleanText {
    let mut text = normalise(original);
    let mut masked: Vec<(usize, usize)> = Vec::new();

    let lines = line_ranges(&text);
    // Count repeated lines (photo captions printed twice).
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for &(s, e) in &lines {
        let l = caption_key(&text[s..e]);
        if l.len() >= 20 {
            *seen.entry(l).or_default() += 1;
        }
    }
    let mut first_seen: HashMap<String, bool> = HashMap::new();
    let mut bullet_run: Vec<(usize, usize)> = Vec::new();
    let mut to_mask: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in &lines {
        let line = &text[s..e];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_bullets(&mut bullet_run, &mut to_mask);
            continue;
        }
        // Headline lists: runs of short "- " or "• " lines.
        if (trimmed.starts_with("- ") || trimmed.starts_with("• ") || trimmed.starts_with("* ")) && trimmed.len() < 200
        {
            bullet_run.push((s, e));
            continue;
        }
        flush_bullets(&mut bullet_run, &mut to_mask);
        if FURNITURE_PREFIXES.iter().any(|p| lower_starts_with(trimmed, p)) || furniture_line(trimmed) {
            to_mask.push((s, e));
            continue;
        }
        let key = caption_key(trimmed);
        if let Some(n) = seen.get(key)
            && *n > 1
        {
            // Keep the first copy of a repeated line, mask the others.
            if first_seen.insert(key.to_string(), true).is_some() {
                to_mask.push((s, e));
                continue;
            }
        }
        // Furniture glued to the start of the next paragraph ("CommentsBashar").
        for w in ["Comments", "Advertisement", "Share"] {
            if let Some(rest) = trimmed.strip_prefix(w)
                && rest.chars().next().is_some_and(|c| c.is_uppercase())
            {
                let off = s + (line.len() - line.trim_start().len());
                to_mask.push((off, off + w.len()));
            }
        }
        // Trailing credits: "Source: Reuters", "(AFP photo)", "(Reuters)".
        mask_credits(&text, s, e, &mut to_mask);
    }
    flush_bullets(&mut bullet_run, &mut to_mask);

    to_mask.sort_unstable();
    for (s, e) in to_mask {
        blank(&mut text, s, e);
        masked.push((s, e));
    }
    let mut c = CleanText { text, masked, char_starts: Vec::new() };
    c.index();
    c
}

/// A line without a trailing parenthesised credit, for spotting repeated captions.
fn caption_key(line: &str) -> &str {
    let t = line.trim();
    match t.strip_suffix(')').and_then(|x| x.rfind('(').map(|i| &t[..i])) {
        Some(head) if t.len() - head.len() <= 30 => head.trim_end(),
        _ => t,
    }
}

fn flush_bullets(run: &mut Vec<(usize, usize)>, to_mask: &mut Vec<(usize, usize)>) {
    if run.len() >= 2 {
        to_mask.extend(run.iter().copied());
    }
    run.clear();
}

/// Credits in parentheses or after "Source:" at a line's end.
fn mask_credits(text: &str, s: usize, e: usize, to_mask: &mut Vec<(usize, usize)>) {
    let line = &text[s..e];
    // Every credit has a parenthesis or a colon.
    if !line.contains(['(', ':']) {
        return;
    }
    let lower = line.to_lowercase();
    for pat in ["(afp photo)", "(afp)", "(reuters)", "(ap photo)", "(ap)", "(getty images)", "(photo)"] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(pat) {
            let a = s + from + i;
            to_mask.push((a, a + pat.len()));
            from += i + pat.len();
        }
    }
    if let Some(i) = lower.rfind("source:") {
        let rest = &line[i + 7..];
        if rest.trim().len() < 40 && !rest.contains('.') {
            to_mask.push((s + i, e));
        }
    }
}

/// Replaces the byte range with spaces, one space per character.
fn blank(text: &mut String, s: usize, e: usize) {
    if s >= e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return;
    }
    let n = text[s..e].chars().count();
    text.replace_range(s..e, &" ".repeat(n));
}

/// Byte ranges of lines, without the newline.
pub fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push((start, i));
        start = i + 1;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, kept: &[&str], dropped: &[&str]) {
        let c = clean(input);
        assert_eq!(c.char_len(), input.chars().count(), "character count must not change");
        for k in kept {
            assert!(c.text.contains(k), "{k:?} should be kept in {:?}", c.text);
        }
        for d in dropped {
            assert!(!c.text.contains(d), "{d:?} should be masked in {:?}", c.text);
        }
    }

    #[test]
    fn masks_read_more_and_watch_lines() {
        check(
            "Rebels shelled the town.\nREAD MORE: A story about cats\nWATCH: Ducks swim\nThe army replied.",
            &["Rebels shelled the town.", "The army replied."],
            &["cats", "Ducks"],
        );
    }

    #[test]
    fn masks_headline_lists_but_not_single_dash_lines() {
        check(
            "Main text here.\n- Senator wins vote in capital\n- Storm hits coast\n- Team loses final\n",
            &["Main text here."],
            &["Senator", "Storm", "Team"],
        );
        check("Main text.\n- one point only\n", &["one point only"], &[]);
    }

    #[test]
    fn masks_repeated_caption_once_and_glued_comments() {
        let cap = "Fighters advance towards the town on Monday, officials said.";
        let input = format!("{cap}\n{cap} (Reuters)\nCommentsThe army entered the town.");
        let c = clean(&input);
        assert_eq!(c.text.matches(cap).count(), 1);
        assert!(c.text.contains("The army entered"));
        assert!(!c.text.contains("Comments"));
        assert!(!c.text.contains("(Reuters)"));
    }

    #[test]
    fn curly_quotes_become_straight_at_same_char_index() {
        let input = "Syria\u{2019}s army";
        let c = clean(input);
        assert_eq!(c.text, "Syria's army");
        assert_eq!(c.char_at(c.text.find("army").unwrap()), 8);
    }

    #[test]
    fn normalise_matches_the_per_character_map() {
        for input in ["plain ascii", "a`b\r\nc", "\u{201C}Déir\u{201D} \u{2014} x\u{00A0}y\u{200B}", ""] {
            let expect: String = input.chars().map(normalise_char).collect();
            assert_eq!(normalise(input), expect, "{input:?}");
        }
    }

    #[test]
    fn lowercase_prefixes_as_to_lowercase_sees_them() {
        for (line, prefix) in [("READ MORE: x", "read more:"), ("\u{212A}ids", "kid"), ("Re", "read"), ("Éa", "ea")] {
            assert_eq!(lower_starts_with(line, prefix), line.to_lowercase().starts_with(prefix), "{line:?}");
        }
    }

    #[test]
    fn char_at_counts_characters_not_bytes() {
        let c = CleanText::verbatim("Déir x");
        assert_eq!(c.char_at(c.text.find('x').unwrap()), 5);
    }
}
