//! Clean: mask page furniture ("READ MORE:", "WATCH:", related-headline
//! lists, share lines, repeated captions, "(AFP photo)", "Source: Reuters")
//! and normalise typography, without moving any character.
//!
//! **Invariant:** the cleaned text has exactly as many characters as the
//! input, each at the same character index. Furniture is replaced by spaces
//! and curly quotes by straight ones, one character for one, so a character
//! offset in the cleaned text is a character offset in the text as given.
//! Only byte offsets differ, and [`CleanText::char_at`] converts them.

use crate::swar;

/// The article text with furniture masked, plus the byte→character map.
#[derive(Debug, Clone)]
pub struct CleanText {
    /// Same characters as the original at the same character indices.
    pub text: String,
    /// Byte ranges of the cleaned text that were furniture (now spaces).
    pub masked: Vec<(usize, usize)>,
    /// The characters longer than one byte: `(start, shift)`, where `shift`
    /// is how many bytes more than characters the text has up to and
    /// including that character. Empty when the text is ASCII: then a byte
    /// offset is a character offset.
    wide: Vec<(u32, u32)>,
    /// The text ASCII-lowercased, made on first use ([`CleanText::lower`]).
    lower: std::sync::OnceLock<String>,
}

impl CleanText {
    /// The text ASCII-lowercased (same byte offsets), made once for the
    /// stages that read it (places' keys, the date scanner).
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_ascii_lowercase())
    }

    /// Wraps text that needs no cleaning (used by tests and by callers that
    /// already hold clean text).
    pub fn verbatim(text: &str) -> CleanText {
        let mut c =
            CleanText { text: text.to_string(), masked: Vec::new(), wide: Vec::new(), lower: Default::default() };
        c.index();
        c
    }

    fn index(&mut self) {
        let bytes = self.text.as_bytes();
        let mut wide = Vec::new();
        let mut shift = 0u32;
        let mut i = 0;
        while i < bytes.len() {
            // Skip ASCII a word at a time.
            if i + 8 <= bytes.len() && ascii_chunk(&bytes[i..i + 8]) {
                i += 8;
                continue;
            }
            let len = utf8_len(bytes[i]);
            if len > 1 {
                shift += len as u32 - 1;
                wide.push((i as u32, shift));
            }
            i += len;
        }
        self.wide = wide;
    }

    /// Character index of a byte offset (which must be on a char boundary;
    /// otherwise the character containing it).
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        // The wide characters starting before `byte`; the last may hold it.
        let k = self.wide.partition_point(|&(s, _)| (s as usize) < byte);
        let Some(&(start, shift)) = k.checked_sub(1).map(|j| &self.wide[j]) else { return byte };
        let (start, shift) = (start as usize, shift as usize);
        let len = utf8_len(self.text.as_bytes()[start]);
        if byte < start + len {
            // Inside that character: its own index.
            start - (shift - (len - 1))
        } else {
            byte - shift
        }
    }

    /// Number of characters.
    pub fn char_len(&self) -> usize {
        self.text.len() - self.wide.last().map_or(0, |&(_, shift)| shift as usize)
    }

    /// Whether a byte range overlaps furniture.
    pub fn is_masked(&self, start: usize, end: usize) -> bool {
        self.masked.iter().any(|&(s, e)| s < end && start < e)
    }
}

/// The text with [`normalise_char`] applied to every character (runs of
/// characters it keeps are copied whole), and the [`CleanText::wide`]
/// index of the result, made in the same pass.
fn normalise(original: &str) -> (String, Vec<(u32, u32)>) {
    let bytes = original.as_bytes();
    let mut out = String::with_capacity(original.len());
    let mut wide = Vec::new();
    // Bytes of the input dropped so far (a three-byte quote becomes one
    // byte), and bytes more than characters in the output so far.
    let (mut dropped, mut shift) = (0usize, 0u32);
    let mut kept = 0;
    let mut i = 0;
    while i < bytes.len() {
        if i + 8 <= bytes.len() && plain_chunk(&bytes[i..i + 8]) {
            i += 8;
            continue;
        }
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
            dropped += len - n.len_utf8();
        } else {
            shift += len as u32 - 1;
            wide.push(((i - dropped) as u32, shift));
        }
        i += len;
    }
    out.push_str(&original[kept..]);
    (out, wide)
}

/// The length in bytes of the UTF-8 character a lead byte starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// Whether eight bytes are all ASCII.
fn ascii_chunk(chunk: &[u8]) -> bool {
    swar::all_ascii(swar::word(chunk))
}

/// Whether eight bytes are ASCII with no byte [`normalise_char`] changes
/// (a backtick or a carriage return), tested a word at a time.
fn plain_chunk(chunk: &[u8]) -> bool {
    let x = swar::word(chunk);
    swar::all_ascii(x) && !swar::has_byte(x, b'`') && !swar::has_byte(x, b'\r')
}

/// Whether a trimmed line is one of [`FURNITURE_LINES`], ignoring case. A
/// character is at most three times longer than its lowercase ASCII
/// letter (the Kelvin sign), so longer lines are not lowercased at all;
/// an ASCII line is compared in place.
fn furniture_line(trimmed: &str) -> bool {
    let longest = FURNITURE_LINES.iter().map(|l| l.len()).max().unwrap_or(0);
    if trimmed.len() > 3 * longest {
        return false;
    }
    if trimmed.is_ascii() {
        return FURNITURE_LINES.iter().any(|l| l.eq_ignore_ascii_case(trimmed));
    }
    FURNITURE_LINES.contains(&trimmed.to_lowercase().as_str())
}

/// Whether a trimmed line starts with one of [`FURNITURE_PREFIXES`] once
/// lowercased as `str::to_lowercase` does. When the line's head (as long
/// as the longest prefix) is ASCII, that is the prefix ignoring ASCII
/// case, and only the prefixes with the line's first letter are compared;
/// otherwise the head is lowercased into `lower`.
fn furniture_start(trimmed: &str, lower: &mut String) -> bool {
    let want = FURNITURE_PREFIXES.iter().map(|p| p.len()).max().unwrap_or(0);
    let bytes = trimmed.as_bytes();
    if bytes[..bytes.len().min(want)].is_ascii() {
        let Some(first) = bytes.first().map(u8::to_ascii_lowercase) else { return false };
        return FURNITURE_PREFIXES.iter().any(|p| {
            p.as_bytes()[0] == first && bytes.len() >= p.len() && bytes[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        });
    }
    lower_head(trimmed, lower);
    let first = lower.as_bytes().first().copied();
    FURNITURE_PREFIXES.iter().any(|p| p.as_bytes().first().copied() == first && lower.starts_with(p))
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

/// Labels alone on a line over a list of other stories' headlines.
const LIST_LABELS: &[&str] = &[
    "related",
    "related stories",
    "related articles",
    "related news",
    "related content",
    "related coverage",
    "more on this",
    "more on this story",
    "more on this topic",
    "more stories",
    "more news",
    "more from us",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "latest",
    "latest news",
    "latest stories",
    "top stories",
    "read more",
    "read next",
    "read also",
    "also read",
    "see also",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended stories",
    "trending",
    "trending now",
    "editor's picks",
    "in other news",
];

/// Whether a trimmed line is one of [`LIST_LABELS`], ignoring ASCII case and
/// a closing colon.
fn list_label(trimmed: &str) -> bool {
    let label = trimmed.strip_suffix(':').unwrap_or(trimmed).trim_end();
    label.len() <= 20 && LIST_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label))
}

/// Whether a line reads as a headline, not as a sentence of prose: short,
/// without the final punctuation a sentence ends with, not a live report
/// ("09:40 Missiles hit the port") and not attributed in the past tense as
/// prose is ("…, police said"; headlines write "say").
fn headline_shaped(trimmed: &str) -> bool {
    let b = trimmed.as_bytes();
    let colon = b.iter().take(3).position(|&c| c == b':');
    let timed = colon.is_some_and(|i| {
        i > 0 && b[..i].iter().all(u8::is_ascii_digit) && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    });
    let attributed = trimmed.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w == "said" || w == "told");
    trimmed.len() <= 160
        && !trimmed.ends_with(['.', '!', '?', ';', ':', ',', '"', '\'', ')', '\u{2026}'])
        && !timed
        && !attributed
}

/// Most headlines a list under a label holds; a longer run is prose.
const LIST_LINES: usize = 10;

/// Cleans an article text. Pure; never fails.
pub fn clean(original: &str) -> CleanText {
    let (mut text, wide) = normalise(original);
    let mut masked: Vec<(usize, usize)> = Vec::new();

    let lines = line_ranges(&text);
    // Repeated lines (photo captions printed twice): each line's group of
    // equal keys, when it has more than one member.
    let keys: Vec<&str> = lines.iter().map(|&(s, e)| caption_key(&text[s..e])).collect();
    let repeated = repeated_groups(&keys);
    let mut kept_group = vec![false; lines.len()];
    let mut bullet_run: Vec<(usize, usize)> = Vec::new();
    let mut to_mask: Vec<(usize, usize)> = Vec::new();
    let mut lower = String::new();
    // Under a list label ("Related", "Most read"): the lines of the list.
    let mut in_list = false;
    let mut list_lines = 0;
    for (n, &(s, e)) in lines.iter().enumerate() {
        let line = &text[s..e];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_bullets(&mut bullet_run, &mut to_mask);
            continue;
        }
        if in_list {
            if headline_shaped(trimmed) && list_lines < LIST_LINES {
                to_mask.push((s, e));
                list_lines += 1;
                continue;
            }
            in_list = false;
        }
        // Headline lists: runs of short "- " or "• " lines.
        if (trimmed.starts_with("- ") || trimmed.starts_with("• ") || trimmed.starts_with("* ")) && trimmed.len() < 200
        {
            bullet_run.push((s, e));
            continue;
        }
        flush_bullets(&mut bullet_run, &mut to_mask);
        let label = list_label(trimmed);
        if label || furniture_start(trimmed, &mut lower) || furniture_line(trimmed) {
            to_mask.push((s, e));
            in_list = label;
            list_lines = 0;
            continue;
        }
        if let Some(g) = repeated[n] {
            // Keep the first copy of a repeated line, mask the others.
            if std::mem::replace(&mut kept_group[g], true) {
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
    // Blanking a character longer than a byte moves the bytes after it:
    // then the index of the wide characters is made again.
    let mut moved = false;
    for (s, e) in to_mask {
        moved |= blank(&mut text, s, e);
        masked.push((s, e));
    }
    let mut c = CleanText { text, masked, wide, lower: Default::default() };
    if moved {
        c.index();
    }
    c
}

/// For each key of at least 20 bytes that occurs more than once, the
/// index of its first occurrence (a name for its group); `None` for the
/// others. Keys are compared only with keys of the same length.
fn repeated_groups(keys: &[&str]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..keys.len()).filter(|&i| keys[i].len() >= 20).collect();
    order.sort_by(|&a, &b| keys[a].len().cmp(&keys[b].len()).then_with(|| keys[a].cmp(keys[b])).then(a.cmp(&b)));
    let mut out = vec![None; keys.len()];
    for run in order.chunk_by(|&a, &b| keys[a] == keys[b]) {
        if run.len() > 1 {
            for &i in run {
                out[i] = Some(run[0]);
            }
        }
    }
    out
}

/// Fills `out` with the start of `s` lowercased character by character, as
/// `str::to_lowercase` would begin it, at least as long as the longest of
/// [`FURNITURE_PREFIXES`] (or all of `s`), so a prefix test is `starts_with`.
fn lower_head(s: &str, out: &mut String) {
    out.clear();
    let want = FURNITURE_PREFIXES.iter().map(|p| p.len()).max().unwrap_or(0);
    for c in s.chars() {
        if out.len() >= want {
            break;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
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

/// Parenthesised credits, masked wherever they stand in a line.
const CREDITS: &[&str] = &["(afp photo)", "(afp)", "(reuters)", "(ap photo)", "(ap)", "(getty images)", "(photo)"];

/// Credits in parentheses or after "Source:" at a line's end. Matching is
/// on the line lowercased as `str::to_lowercase` does, with its byte
/// offsets taken as the line's.
fn mask_credits(text: &str, s: usize, e: usize, to_mask: &mut Vec<(usize, usize)>) {
    let line = &text[s..e];
    // Every credit has a parenthesis or a colon.
    if memchr::memchr2(b'(', b':', line.as_bytes()).is_none() {
        return;
    }
    if !same_length_lowercase(line) {
        return mask_credits_lowered(line, s, e, to_mask);
    }
    // The lowercase line has the same bytes as the line, ASCII letters
    // lowercased: the ASCII credits match where they match ignoring case.
    let bytes = line.as_bytes();
    for i in memchr::memchr_iter(b'(', bytes) {
        for pat in CREDITS {
            if bytes.len() - i >= pat.len() && bytes[i..i + pat.len()].eq_ignore_ascii_case(pat.as_bytes()) {
                to_mask.push((s + i, s + i + pat.len()));
            }
        }
    }
    let last_source = memchr::memrchr_iter(b':', bytes)
        .find(|&c| c >= 6 && bytes[c - 6..c].eq_ignore_ascii_case(b"source"))
        .map(|c| c - 6);
    if let Some(i) = last_source {
        source_credit(line, i, s, e, to_mask);
    }
}

/// Whether lowercasing keeps every character's UTF-8 length (true of all
/// but a few letters, such as the Kelvin sign and dotted capital I).
fn same_length_lowercase(line: &str) -> bool {
    line.is_ascii()
        || line.chars().all(|c| c.is_ascii() || c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8())
}

/// [`mask_credits`] on a line whose lowercase form has other byte lengths.
fn mask_credits_lowered(line: &str, s: usize, e: usize, to_mask: &mut Vec<(usize, usize)>) {
    let lower = line.to_lowercase();
    for pat in CREDITS {
        let mut from = 0;
        while let Some(i) = lower[from..].find(pat) {
            let a = s + from + i;
            to_mask.push((a, a + pat.len()));
            from += i + pat.len();
        }
    }
    if let Some(i) = lower.rfind("source:") {
        source_credit(line, i, s, e, to_mask);
    }
}

/// "Source: Reuters" at byte `i` of the line: masked to the line's end when
/// what follows is short and has no full stop.
fn source_credit(line: &str, i: usize, s: usize, e: usize, to_mask: &mut Vec<(usize, usize)>) {
    let Some(rest) = line.get(i + 7..) else { return };
    if rest.trim().len() < 40 && !rest.contains('.') {
        to_mask.push((s + i, e));
    }
}

/// Replaces the byte range with spaces, one space per character; whether
/// that made the text shorter.
fn blank(text: &mut String, s: usize, e: usize) -> bool {
    if s >= e || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return false;
    }
    let n = text[s..e].chars().count();
    text.replace_range(s..e, &" ".repeat(n));
    n < e - s
}

/// Byte ranges of lines, without the newline.
pub fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    // Counted first (a fast search), so that the vector is made once.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
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
    fn masks_headlines_under_a_list_label_up_to_the_first_sentence() {
        check(
            "Troops shelled the port on Friday.\n\nRelated\n\nFloods cut the coast road for a week\n\n\
             40 dead as storms sweep the north\n\nMost Read:\nMinister quits over budget row",
            &["Troops shelled the port on Friday."],
            &["Floods", "40 dead", "Minister"],
        );
        check(
            "Latest\nVillagers fled the valley after the raid.\nThe army sent reinforcements",
            &["Villagers fled the valley after the raid.", "The army sent reinforcements"],
            &["Latest"],
        );
        check(
            "Related matters were discussed.\nTalks resume in the capital",
            &["Related matters", "Talks resume"],
            &[],
        );
        // Prose under a label: a report attributed in the past tense, a live
        // blog's timed entries.
        check(
            "Latest\n\nRaiders burned 30 huts near the river on Monday, elders said\n\nMore on this",
            &["Raiders burned 30 huts near the river on Monday, elders said"],
            &["Latest"],
        );
        check(
            "Latest:\n09:40 Drones struck the depot at dawn\n10:15 Sirens sounded across the city",
            &["09:40 Drones struck the depot", "10:15 Sirens"],
            &["Latest"],
        );
        let many: String = (0..12).map(|i| format!("Line {i} of a poem without stops\n")).collect();
        let c = clean(&format!("Related\n{many}"));
        assert!(c.text.contains("Line 11 of a poem") && !c.text.contains("Line 9 of a poem"), "{:?}", c.text);
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
        let long = "plain words first, then \u{2018}D\u{e9}ir\u{2019} and \u{65e5}\u{672c} \u{2014} more\r\n".repeat(3);
        for input in ["plain ascii", "a`b\r\nc", "\u{201C}Déir\u{201D} \u{2014} x\u{00A0}y\u{200B}", "", &long] {
            let expect: String = input.chars().map(normalise_char).collect();
            let (text, wide) = normalise(input);
            assert_eq!(text, expect, "{input:?}");
            assert_eq!(wide, CleanText::verbatim(&text).wide, "{input:?}");
        }
    }

    #[test]
    fn lowercase_prefixes_as_to_lowercase_sees_them() {
        let mut head = String::new();
        for (line, prefix) in [("READ MORE: x", "read more:"), ("\u{212A}ids", "kid"), ("Re", "read"), ("Éa", "ea")] {
            lower_head(line, &mut head);
            assert_eq!(head.starts_with(prefix), line.to_lowercase().starts_with(prefix), "{line:?}");
        }
    }

    /// The index made while normalising, or again after blanking, is the
    /// index of the cleaned text.
    #[test]
    fn wide_index_is_the_cleaned_texts() {
        for input in [
            "Rebels shelled D\u{e9}ir.\nREAD MORE: D\u{e9}j\u{e0} vu \u{2014} cats\nThe army replied \u{2019}here\u{2019}.",
            "Caption for the photo of D\u{e9}ir (AFP photo)\nText \u{65e5}.\nComments",
            "\u{201C}Quoted\u{201D} line with no furniture at all, \u{e9}t\u{e9}.",
        ] {
            let c = clean(input);
            assert_eq!(c.wide, CleanText::verbatim(&c.text).wide, "{input:?}");
            assert_eq!(c.char_len(), input.chars().count(), "{input:?}");
        }
    }

    #[test]
    fn furniture_starts_and_lines_as_the_lowercase_line_sees_them() {
        let mut lower = String::new();
        for line in [
            "READ MORE: x",
            "Read more about it",
            "Readers wrote in",
            "\u{212A}eep reading",
            "Sign Up for the newsletter \u{e9}t\u{e9}",
            "Copyright \u{a9} 2020",
            "COMMENTS",
            "\u{212A}",
            "Top Stories",
            "Top stories today",
            "Leave a comment",
            "\u{c9}mail",
            "",
        ] {
            let lowered = line.to_lowercase();
            assert_eq!(
                furniture_start(line, &mut lower),
                FURNITURE_PREFIXES.iter().any(|p| lowered.starts_with(p)),
                "{line:?}"
            );
            assert_eq!(furniture_line(line), FURNITURE_LINES.contains(&lowered.as_str()), "{line:?}");
        }
    }

    #[test]
    fn char_at_counts_characters_not_bytes() {
        let c = CleanText::verbatim("Déir x");
        assert_eq!(c.char_at(c.text.find('x').unwrap()), 5);
    }

    #[test]
    fn char_at_matches_char_indices_at_every_byte() {
        for text in ["", "ascii only, long enough for a word", "Déir — “x” \u{1F600} ends", "\u{2014}\u{2014}ab\u{e9}"]
        {
            let c = CleanText::verbatim(text);
            let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
            for byte in 0..=text.len() + 2 {
                let want = match starts.binary_search(&byte) {
                    Ok(i) => i,
                    Err(i) => i - 1,
                };
                assert_eq!(c.char_at(byte), want, "{text:?} at {byte}");
            }
            assert_eq!(c.char_len(), text.chars().count());
        }
    }

    #[test]
    fn repeated_groups_name_the_first_copy() {
        let long = "a caption long enough to count";
        let other = "another line long enough to count";
        assert_eq!(repeated_groups(&[long, "short", other, long, long]), vec![Some(0), None, None, Some(0), Some(0)]);
    }

    #[test]
    fn credits_found_in_place_as_on_the_lowercase_line() {
        // The Kelvin sign lowercases to one byte: that line takes the lowercase path.
        for line in ["Fighters advance (AFP Photo) and more", "\u{212A}ilis Source: SANA", "x (Reuters) y (AP)"] {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            mask_credits(line, 0, line.len(), &mut fast);
            mask_credits_lowered(line, 0, line.len(), &mut slow);
            fast.sort_unstable();
            slow.sort_unstable();
            assert_eq!(fast, slow, "{line:?}");
        }
    }
}
