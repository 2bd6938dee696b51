//! HTML main content without a DOM library: one forward scan over the
//! page's bytes (memchr for `<`) reads tags, attributes, text and entities
//! into a flat, preorder list of block elements and their text runs; the
//! article is then chosen the way Readability does it (paragraph length and
//! commas scored into their containers, link density, class/id words,
//! semantic containers favoured, the best container's qualifying siblings
//! kept). A DOM tree and a Readability port cost ~400 instructions per HTML
//! byte; this costs a few dozen.
//!
//! Because the element list is preorder, every element's descendants are
//! one contiguous range of it, and its text one contiguous range of runs.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// What the page yields: main text and the page's own metadata.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub site_name: Option<String>,
}

/// Block elements: each one opens a node and breaks the running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Root,
    Div,
    Section,
    Article,
    Main,
    P,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Ul,
    Ol,
    Li,
    Dl,
    Dd,
    Dt,
    Table,
    TableSection,
    Tr,
    Td,
    Th,
    Blockquote,
    Pre,
    Address,
    Figure,
    Figcaption,
    Form,
    Fieldset,
    Header,
    Footer,
    Nav,
    Aside,
    Details,
    Summary,
    Center,
    Caption,
    Dialog,
    Menu,
}

impl Tag {
    fn of(name: &[u8]) -> Option<Tag> {
        Some(match name {
            b"div" => Tag::Div,
            b"section" => Tag::Section,
            b"article" => Tag::Article,
            b"main" => Tag::Main,
            b"p" => Tag::P,
            b"h1" => Tag::H1,
            b"h2" => Tag::H2,
            b"h3" => Tag::H3,
            b"h4" => Tag::H4,
            b"h5" => Tag::H5,
            b"h6" => Tag::H6,
            b"ul" => Tag::Ul,
            b"ol" => Tag::Ol,
            b"li" => Tag::Li,
            b"dl" => Tag::Dl,
            b"dd" => Tag::Dd,
            b"dt" => Tag::Dt,
            b"table" => Tag::Table,
            b"tbody" | b"thead" | b"tfoot" => Tag::TableSection,
            b"tr" => Tag::Tr,
            b"td" => Tag::Td,
            b"th" => Tag::Th,
            b"blockquote" => Tag::Blockquote,
            b"pre" => Tag::Pre,
            b"address" => Tag::Address,
            b"figure" => Tag::Figure,
            b"figcaption" => Tag::Figcaption,
            b"form" => Tag::Form,
            b"fieldset" => Tag::Fieldset,
            b"header" => Tag::Header,
            b"footer" => Tag::Footer,
            b"nav" => Tag::Nav,
            b"aside" => Tag::Aside,
            b"details" => Tag::Details,
            b"summary" => Tag::Summary,
            b"center" | b"hgroup" | b"search" => Tag::Center,
            b"caption" => Tag::Caption,
            b"dialog" => Tag::Dialog,
            b"menu" => Tag::Menu,
            _ => return None,
        })
    }

    fn heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }

    /// Elements that hold a paragraph's text themselves (their score goes to
    /// their parent), as opposed to containers.
    fn paragraph_like(self) -> bool {
        self.heading() || matches!(self, Tag::P | Tag::Pre | Tag::Td | Tag::Th | Tag::Li | Tag::Dd | Tag::Dt)
    }

    /// Page furniture by its very tag: never part of the story.
    fn furniture(self) -> bool {
        matches!(
            self,
            Tag::Nav
                | Tag::Aside
                | Tag::Footer
                | Tag::Header
                | Tag::Form
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Dialog
                | Tag::Menu
        )
    }

    /// Readability's starting score for a candidate container.
    fn base_score(self) -> f32 {
        match self {
            Tag::Div => 5.0,
            Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
            Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => -3.0,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Th => -5.0,
            _ => 0.0,
        }
    }

    /// Containers that may be pruned from the chosen content when their
    /// links, size or class say they are furniture.
    fn prunable(self) -> bool {
        matches!(self, Tag::Div | Tag::Section | Tag::Ul | Tag::Ol | Tag::Dl | Tag::Table | Tag::Fieldset)
    }
}

/// Class and id words, by what they say about an element.
const WORDS: &[(&str, u8)] = &[
    // Furniture outright (a wrapper's positive word does not save it).
    ("comment", STRONG | NEGATIVE),
    ("cookie", STRONG),
    ("consent", STRONG),
    ("gdpr", STRONG | NEGATIVE),
    ("newsletter", STRONG),
    ("subscribe", STRONG),
    ("signup", STRONG),
    ("sign-up", STRONG),
    ("related", STRONG | NEGATIVE),
    ("share", STRONG | NEGATIVE),
    ("social", STRONG),
    ("promo", STRONG | NEGATIVE),
    ("advert", STRONG),
    ("-ad-", STRONG | NEGATIVE),
    ("ad-slot", STRONG),
    ("sponsor", STRONG | NEGATIVE),
    ("outbrain", STRONG | NEGATIVE),
    ("taboola", STRONG),
    ("breadcrumb", STRONG),
    ("sidebar", STRONG | NEGATIVE),
    ("footer", STRONG | NEGATIVE),
    ("navbar", STRONG),
    ("navigation", STRONG),
    ("most-read", STRONG),
    ("mostread", STRONG),
    ("trending", STRONG),
    ("recommended", STRONG),
    ("paywall", STRONG),
    ("disqus", STRONG),
    ("skyscraper", STRONG | NEGATIVE),
    ("shoutbox", STRONG | NEGATIVE),
    // Probably furniture unless a content word says otherwise.
    ("banner", WEAK | NEGATIVE),
    ("combx", WEAK | NEGATIVE),
    ("community", WEAK),
    ("cover-wrap", WEAK),
    ("extra", WEAK),
    ("header", WEAK),
    ("legends", WEAK),
    ("menu", WEAK),
    ("remark", WEAK),
    ("replies", WEAK),
    ("rss", WEAK),
    ("supplemental", WEAK),
    ("ad-break", WEAK),
    ("agegate", WEAK),
    ("pagination", WEAK | POSITIVE),
    ("pager", WEAK),
    ("popup", WEAK),
    ("modal", WEAK),
    ("masthead", WEAK | NEGATIVE),
    ("widget", NEGATIVE),
    ("contact", NEGATIVE),
    ("media", NEGATIVE),
    ("meta", NEGATIVE),
    ("scroll", NEGATIVE),
    ("shopping", NEGATIVE),
    ("tags", NEGATIVE),
    ("hidden", NEGATIVE),
    ("caption", NEGATIVE),
    // Content.
    ("article", MAYBE | POSITIVE),
    ("body", MAYBE | POSITIVE),
    ("content", MAYBE | POSITIVE),
    ("main", MAYBE | POSITIVE),
    ("column", MAYBE),
    ("story", MAYBE | POSITIVE),
    ("entry", MAYBE | POSITIVE),
    ("post", POSITIVE),
    ("text", POSITIVE),
    ("blog", POSITIVE),
    ("page", POSITIVE),
    // Bylines and datelines: dropped when short.
    ("byline", BYLINE),
    ("author", BYLINE),
    ("dateline", BYLINE),
    ("writtenby", BYLINE),
];
const STRONG: u8 = 1;
const WEAK: u8 = 2;
const MAYBE: u8 = 4;
const NEGATIVE: u8 = 8;
const POSITIVE: u8 = 16;
const BYLINE: u8 = 32;

static CLASS_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(WORDS.iter().map(|(w, _)| w))
        .expect("class words compile")
});

/// The union of the flags of the words in a class or id value.
fn class_flags(value: &str) -> u8 {
    if value.is_empty() {
        return 0;
    }
    CLASS_WORDS.find_overlapping_iter(value).fold(0, |f, m| f | WORDS[m.pattern().as_usize()].1)
}

/// Readability's class weight: ±25 for each of class and id.
fn class_weight(flags: u8) -> i32 {
    let mut w = 0;
    if flags & NEGATIVE != 0 {
        w -= 25;
    }
    if flags & POSITIVE != 0 {
        w += 25;
    }
    w
}

/// One block element.
#[derive(Debug)]
struct Node<'a> {
    tag: Tag,
    parent: u32,
    /// One past its last descendant in the node list.
    end: u32,
    /// Its text runs (its own and its descendants'): `runs[first_run..end_run]`.
    first_run: u32,
    end_run: u32,
    class: &'a str,
    /// The weight of its class and id words, and whether it is an
    /// `article`, `main` or `itemprop=articleBody` (+25 in every pass).
    class_weight: i32,
    semantic: bool,
    /// Furniture by role or `hidden` (in every pass), by tag, or by class
    /// words; whether those words also say "content" (`article-body
    /// has-comments`), which the retry trusts.
    hard_drop: bool,
    tag_drop: bool,
    class_drop: bool,
    content_word: bool,
    /// A table with header cells or a caption: data, never pruned as a
    /// list of links (Readability's data-table test, simplified).
    data_table: bool,
    /// This pass's weight and drop flag; `byline` when short.
    weight: i32,
    drop: bool,
    byline: bool,
    /// Element children, for Readability's "only child" rule.
    children: u32,
    /// Link depth when it opened, restored when it closes.
    link_depth: u32,
    /// Text totals of the subtree: all text, then the kept text only.
    all_chars: u32,
    chars: u32,
    links: u32,
    commas: u32,
    paragraphs: u32,
    items: u32,
    /// Readability's content score, and the part of it its paragraphs gave.
    score: f32,
    given: f32,
    scored: bool,
}

/// One run of text between block boundaries, in the text buffer.
#[derive(Debug, Clone, Copy)]
struct Run {
    node: u32,
    start: u32,
    end: u32,
    chars: u32,
    links: u32,
    commas: u32,
}

/// Byte classes of the text scanner: plain, an ASCII space, or anything
/// else (tab, line feed, vertical tab, form feed, carriage return, `&`, the
/// bytes of non-ASCII characters).
const PLAIN: u8 = 0;
static TEXT_BYTE: [u8; 256] = {
    let mut t = [2u8; 256];
    let mut c = 0;
    while c < 0x80 {
        if c < 0x09 || c > 0x0d {
            t[c] = PLAIN;
        }
        c += 1;
    }
    t[b'&' as usize] = 2;
    t[b' ' as usize] = 1;
    t
};

/// Raw-text elements whose content is skipped; `true` when a missing end
/// tag means the rest of the page is their content (as browsers do).
fn skipped(name: &[u8]) -> Option<bool> {
    Some(match name {
        b"script" | b"style" | b"noscript" | b"iframe" | b"textarea" | b"xmp" | b"noembed" | b"noframes" => true,
        b"template" | b"svg" | b"math" | b"object" | b"select" | b"button" | b"video" | b"audio" | b"canvas" => false,
        _ => return None,
    })
}

/// The attributes the extractor reads.
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    role: &'a str,
    itemprop: &'a str,
    property: &'a str,
    name: &'a str,
    content: &'a str,
    datetime: &'a str,
    lang: &'a str,
    kind: &'a str,
    rel: &'a str,
    hidden: bool,
}

struct Scan<'a> {
    html: &'a str,
    nodes: Vec<Node<'a>>,
    runs: Vec<Run>,
    stack: Vec<u32>,
    buf: String,
    run_start: usize,
    run_chars: u32,
    run_links: u32,
    run_commas: u32,
    pending_space: bool,
    link_depth: u32,
    in_body: bool,
    title_tag: Option<String>,
    meta_title: Option<(u8, String)>,
    meta_date: Option<(u8, String)>,
    ld_title: Option<String>,
    ld_date: Option<String>,
    ld_site: Option<String>,
    og_site: Option<String>,
    time_date: Option<String>,
    lang: Option<String>,
}

/// Extracts the main text and metadata of a page. Never panics; malformed
/// markup still gives whatever text it holds.
pub(crate) fn extract(html: &str) -> Page {
    let mut s = Scan {
        html,
        nodes: Vec::with_capacity(html.len() / 200 + 8),
        runs: Vec::with_capacity(html.len() / 300 + 8),
        stack: Vec::with_capacity(32),
        buf: String::with_capacity(html.len() / 2),
        run_start: 0,
        run_chars: 0,
        run_links: 0,
        run_commas: 0,
        pending_space: false,
        link_depth: 0,
        in_body: false,
        title_tag: None,
        meta_title: None,
        meta_date: None,
        ld_title: None,
        ld_date: None,
        ld_site: None,
        og_site: None,
        time_date: None,
        lang: None,
    };
    s.push_node(Tag::Root, &Attrs::default());
    s.scan();
    s.flush_run();
    while s.stack.len() > 1 {
        s.pop();
    }
    s.pop();
    let title = s
        .ld_title
        .take()
        .or_else(|| s.meta_title.take().map(|(_, t)| t))
        .or_else(|| s.title_tag.as_deref().map(clean_title))
        .filter(|t| !t.is_empty());
    let text = s.choose(title.as_deref());
    Page {
        text,
        title,
        published: s.ld_date.take().or_else(|| s.meta_date.take().map(|(_, d)| d)).or_else(|| s.time_date.take()),
        lang: s.lang.take(),
        site_name: s.ld_site.take().or_else(|| s.og_site.take()),
    }
}

impl<'a> Scan<'a> {
    fn scan(&mut self) {
        let html = self.html;
        let b = html.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let Some(lt) = memchr::memchr(b'<', &b[i..]).map(|k| i + k) else {
                self.text(&html[i..]);
                return;
            };
            if lt > i {
                self.text(&html[i..lt]);
            }
            i = match b.get(lt + 1) {
                Some(b'!') if b[lt + 2..].starts_with(b"--") => {
                    memchr::memmem::find(&b[lt + 4..], b"-->").map_or(b.len(), |k| lt + 4 + k + 3)
                }
                Some(b'!' | b'?') => tag_end(b, lt + 2),
                Some(b'/') if b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                    let (name, after) = tag_name(b, lt + 2);
                    self.end_tag(&name[..name_len(&name)]);
                    tag_end(b, after)
                }
                Some(c) if c.is_ascii_alphabetic() => self.start_tag(lt + 1),
                _ => {
                    self.text("<");
                    lt + 1
                }
            };
        }
    }

    /// Reads a start tag at `at` (just after `<`); returns where scanning
    /// resumes.
    fn start_tag(&mut self, at: usize) -> usize {
        let html = self.html;
        let b = html.as_bytes();
        let (name_buf, mut i) = tag_name(b, at);
        let name = &name_buf[..name_len(&name_buf)];
        let mut a = Attrs::default();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            let key_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
                i += 1;
            }
            let key = &b[key_start..i];
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |k| i + 1 + k);
                        value = &html[i + 1..end];
                        i = (end + 1).min(b.len());
                    }
                    Some(_) => {
                        let start = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value = &html[start..i];
                    }
                    None => {}
                }
            }
            a.set(key, value);
        }
        if let Some(eats_rest) = skipped(name) {
            return self.skip_raw(name, i, eats_rest, &a);
        }
        match name {
            b"title" => return self.read_title(i),
            b"a" => self.link_depth += 1,
            b"br" => self.line_break(),
            b"hr" => self.flush_run(),
            b"meta" => self.meta(&a),
            b"html" => {
                if !a.lang.is_empty() && self.lang.is_none() {
                    self.lang = Some(a.lang.trim().to_string());
                }
            }
            b"body" => self.in_body = true,
            b"time" => {
                // A story's own `<time>`: marked as the publication date, or
                // the first one inside an `article` or `main` (not a list of
                // other stories' times).
                let date = a.datetime.trim();
                if a.itemprop.eq_ignore_ascii_case("datePublished") && !date.is_empty() {
                    self.meta_date = Some((0, date.to_string()));
                } else if self.time_date.is_none() && !date.is_empty() && self.in_story() {
                    self.time_date = Some(date.to_string());
                }
            }
            _ => {
                if let Some(tag) = Tag::of(name) {
                    self.open(tag, &a);
                } else if a.itemprop.eq_ignore_ascii_case("datePublished") {
                    let d = if a.content.is_empty() { a.datetime } else { a.content };
                    if !d.is_empty() {
                        self.meta_date = Some((0, d.trim().to_string()));
                    }
                }
            }
        }
        i
    }

    /// Whether the scan is inside an `article` or `main` and outside page
    /// furniture.
    fn in_story(&self) -> bool {
        let nodes = self.stack.iter().map(|&n| &self.nodes[n as usize]);
        nodes.clone().any(|n| matches!(n.tag, Tag::Article | Tag::Main)) && !nodes.clone().any(|n| n.drop)
    }

    /// Whether the scan is inside an `article`, `main` or articleBody.
    fn in_story_container(&self) -> bool {
        self.stack.iter().any(|&n| self.nodes[n as usize].semantic)
    }

    fn open(&mut self, tag: Tag, a: &Attrs<'a>) {
        self.flush_run();
        let top = self.nodes[*self.stack.last().unwrap_or(&0) as usize].tag;
        // Implied end tags (the HTML parsing rules, simplified).
        let closes_p = !matches!(tag, Tag::Td | Tag::Th | Tag::Tr | Tag::TableSection | Tag::Caption | Tag::Summary);
        if top == Tag::P && closes_p {
            self.pop();
        }
        let top = self.nodes[*self.stack.last().unwrap_or(&0) as usize].tag;
        let close_same = match tag {
            Tag::Li => top == Tag::Li,
            Tag::Dd | Tag::Dt => matches!(top, Tag::Dd | Tag::Dt),
            Tag::Td | Tag::Th => matches!(top, Tag::Td | Tag::Th),
            Tag::Tr => matches!(top, Tag::Td | Tag::Th | Tag::Tr),
            t if t.heading() => top.heading(),
            _ => false,
        };
        if close_same {
            self.pop();
            if tag == Tag::Tr && self.nodes[*self.stack.last().unwrap_or(&0) as usize].tag == Tag::Tr {
                self.pop();
            }
        }
        self.push_node(tag, a);
    }

    fn push_node(&mut self, tag: Tag, a: &Attrs<'a>) {
        let (class, id) = (class_flags(a.class), class_flags(a.id));
        let flags = class | id;
        let role = a.role.trim();
        let furniture_role = !role.is_empty()
            && [
                "navigation",
                "menu",
                "menubar",
                "complementary",
                "banner",
                "contentinfo",
                "alert",
                "alertdialog",
                "dialog",
                "search",
            ]
            .iter()
            .any(|r| role.eq_ignore_ascii_case(r));
        let article_body = a.itemprop.eq_ignore_ascii_case("articleBody");
        let semantic = matches!(tag, Tag::Article | Tag::Main) || article_body;
        // A `<header>` inside the story holds its headline and standfirst;
        // only the page's own header is furniture (Readability drops
        // headers by class or role, not by tag).
        let tag_drop = tag.furniture() && !(tag == Tag::Header && self.in_story_container());
        let class_drop = !semantic && (flags & STRONG != 0 || (flags & WEAK != 0 && flags & MAYBE == 0));
        let hard_drop = furniture_role || a.hidden;
        let class_weight = class_weight(class) + class_weight(id);
        let weight = class_weight + if semantic { 25 } else { 0 };
        let drop = hard_drop || tag_drop || class_drop;
        let byline = flags & BYLINE != 0 || a.rel.eq_ignore_ascii_case("author") || a.itemprop.contains("author");
        if matches!(tag, Tag::Th | Tag::Caption)
            && let Some(&t) = self.stack.iter().rev().find(|&&n| self.nodes[n as usize].tag == Tag::Table)
        {
            self.nodes[t as usize].data_table = true;
        }
        let parent = self.stack.last().copied().unwrap_or(0);
        let index = self.nodes.len() as u32;
        if let Some(p) = self.nodes.get_mut(parent as usize)
            && index > 0
        {
            p.children += 1;
        }
        self.nodes.push(Node {
            tag,
            parent,
            end: index + 1,
            first_run: self.runs.len() as u32,
            end_run: self.runs.len() as u32,
            class: a.class,
            class_weight,
            semantic,
            hard_drop,
            tag_drop,
            class_drop,
            content_word: flags & (MAYBE | POSITIVE) != 0,
            data_table: false,
            weight,
            drop,
            byline,
            children: 0,
            link_depth: self.link_depth,
            all_chars: 0,
            chars: 0,
            links: 0,
            commas: 0,
            paragraphs: 0,
            items: 0,
            score: 0.0,
            given: 0.0,
            scored: false,
        });
        self.stack.push(index);
    }

    fn pop(&mut self) {
        self.flush_run();
        let Some(index) = self.stack.pop() else { return };
        let end = self.nodes.len() as u32;
        let end_run = self.runs.len() as u32;
        let n = &mut self.nodes[index as usize];
        n.end = end;
        n.end_run = end_run;
        self.link_depth = n.link_depth;
    }

    fn end_tag(&mut self, name: &[u8]) {
        match name {
            b"a" => self.link_depth = self.link_depth.saturating_sub(1),
            b"br" => self.line_break(),
            b"p" | b"li" | b"dd" | b"dt" | b"td" | b"th" | b"tr" => {
                // Only within the innermost container: `</p>` never closes a `div`.
                if let Some(tag) = Tag::of(name)
                    && let Some(k) = self.stack.iter().rposition(|&n| self.nodes[n as usize].tag == tag)
                    && self.stack[k + 1..].iter().all(|&n| self.nodes[n as usize].tag.paragraph_like())
                {
                    while self.stack.len() > k {
                        self.pop();
                    }
                }
            }
            _ => {
                let Some(tag) = Tag::of(name) else { return };
                let tag_matches = |t: Tag| t == tag || (tag.heading() && t.heading());
                if let Some(k) = self.stack.iter().rposition(|&n| tag_matches(self.nodes[n as usize].tag))
                    && k > 0
                {
                    while self.stack.len() > k {
                        self.pop();
                    }
                }
            }
        }
    }

    /// Skips a raw-text element's content up to its end tag.
    fn skip_raw(&mut self, name: &[u8], from: usize, eats_rest: bool, a: &Attrs<'_>) -> usize {
        let b = self.html.as_bytes();
        let mut i = from;
        while let Some(k) = memchr::memchr(b'<', &b[i..]) {
            let lt = i + k;
            if b.get(lt + 1) == Some(&b'/') {
                let (close, after) = tag_name(b, lt + 2);
                if &close[..name_len(&close)] == name {
                    if name == b"script" && a.kind.trim().eq_ignore_ascii_case("application/ld+json") {
                        let html = self.html;
                        self.json_ld(&html[from..lt]);
                    }
                    return tag_end(b, after);
                }
            }
            i = lt + 1;
        }
        if eats_rest { b.len() } else { from }
    }

    fn read_title(&mut self, from: usize) -> usize {
        let b = self.html.as_bytes();
        let mut i = from;
        while let Some(k) = memchr::memchr(b'<', &b[i..]) {
            let lt = i + k;
            if b.get(lt + 1) == Some(&b'/') {
                let (close, after) = tag_name(b, lt + 2);
                if &close[..name_len(&close)] == b"title" {
                    if self.title_tag.is_none() && !self.in_body {
                        self.title_tag = Some(collapse(&decode(&self.html[from..lt])));
                    }
                    return tag_end(b, after);
                }
            }
            i = lt + 1;
        }
        from
    }

    fn meta(&mut self, a: &Attrs<'_>) {
        let content = a.content.trim();
        if content.is_empty() {
            return;
        }
        let key = if a.property.is_empty() { a.name } else { a.property };
        let key = key.trim();
        let is = |k: &str| key.eq_ignore_ascii_case(k);
        let title_rank = ["dc:title", "dcterms:title", "og:title", "twitter:title", "title", "parsely-title"]
            .iter()
            .position(|k| is(k));
        if let Some(rank) = title_rank
            && self.meta_title.as_ref().is_none_or(|(r, _)| rank < usize::from(*r))
        {
            self.meta_title = Some((rank as u8, collapse(&decode(content))));
        }
        let date_rank = [
            "article:published_time",
            "dcterms.available",
            "dcterms.created",
            "dcterms.issued",
            "parsely-pub-date",
            "datepublished",
            "date",
            "pubdate",
        ]
        .iter()
        .position(|k| is(k))
        .or_else(|| a.itemprop.eq_ignore_ascii_case("datePublished").then_some(5));
        if let Some(rank) = date_rank
            && self.meta_date.as_ref().is_none_or(|(r, _)| rank < usize::from(*r))
        {
            self.meta_date = Some((rank as u8, decode(content)));
        }
        if is("og:site_name") && self.og_site.is_none() {
            self.og_site = Some(decode(content));
        }
    }

    /// Reads headline, publication date and publisher from a JSON-LD block:
    /// the first object whose type is an article or a blog post.
    fn json_ld(&mut self, body: &str) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(body.trim()) else { return };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                serde_json::Value::Object(o) => {
                    if let Some(serde_json::Value::Array(g)) = o.get("@graph") {
                        stack.extend(g.iter().rev());
                    }
                    let types = match o.get("@type") {
                        Some(serde_json::Value::String(t)) => vec![t.as_str()],
                        Some(serde_json::Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str()).collect(),
                        _ => Vec::new(),
                    };
                    if !types.iter().any(|t| t.ends_with("Article") || t.ends_with("Posting") || *t == "Report") {
                        continue;
                    }
                    let get = |k: &str| o.get(k).and_then(|x| x.as_str()).map(|s| s.trim().to_string());
                    if self.ld_title.is_none() {
                        self.ld_title = get("headline").or_else(|| get("name")).filter(|t| !t.is_empty());
                    }
                    if self.ld_date.is_none() {
                        self.ld_date = get("datePublished").filter(|t| !t.is_empty());
                    }
                    if self.ld_site.is_none() {
                        self.ld_site = o
                            .get("publisher")
                            .and_then(|p| p.get("name"))
                            .and_then(|n| n.as_str())
                            .map(|s| s.trim().to_string());
                    }
                    return;
                }
                _ => {}
            }
        }
    }

    /// Text between tags: whitespace collapsed, entities decoded. Spans of
    /// plain text with single spaces inside (most of a page's text) are
    /// copied whole.
    fn text(&mut self, s: &str) {
        let b = s.as_bytes();
        let n = b.len();
        let mut i = 0;
        while i < n {
            let start = i;
            // UTF-8 continuation bytes in the span, so that it counts chars.
            let mut continuation = 0;
            loop {
                while i < n && TEXT_BYTE[usize::from(b[i])] == PLAIN {
                    i += 1;
                }
                let Some(&c) = b.get(i) else { break };
                if c == b' ' && i > start && b.get(i + 1).is_some_and(|&d| TEXT_BYTE[usize::from(d)] == PLAIN) {
                    i += 1;
                } else if c >= 0x80 {
                    let ch = s[i..].chars().next().unwrap_or(' ');
                    if ch.is_whitespace() {
                        break;
                    }
                    continuation += ch.len_utf8() - 1;
                    i += ch.len_utf8();
                } else {
                    break;
                }
            }
            if i > start {
                self.word(&s[start..i], (i - start - continuation) as u32);
            }
            let Some(&c) = b.get(i) else { break };
            if c == b'&' {
                let (decoded, len) = entity(&b[i..]);
                i += len;
                if decoded.is_whitespace() {
                    self.pending_space = true;
                } else {
                    let mut tmp = [0u8; 4];
                    self.word(decoded.encode_utf8(&mut tmp), 1);
                }
            } else {
                // ASCII or Unicode whitespace.
                self.pending_space = true;
                i += s[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }

    fn word(&mut self, w: &str, chars: u32) {
        if self.pending_space {
            self.pending_space = false;
            if self.buf.len() > self.run_start && !self.buf.ends_with(['\n', ' ']) {
                self.buf.push(' ');
                self.run_chars += 1;
                if self.link_depth > 0 {
                    self.run_links += 1;
                }
            }
        }
        self.buf.push_str(w);
        self.run_chars += chars;
        if self.link_depth > 0 {
            self.run_links += chars;
        }
        self.run_commas += memchr::memchr_iter(b',', w.as_bytes()).count() as u32;
    }

    /// `<br>`: a line break; two in a row end the paragraph.
    fn line_break(&mut self) {
        self.pending_space = false;
        if self.buf.len() == self.run_start {
            return;
        }
        if self.buf.ends_with('\n') {
            self.buf.pop();
            self.flush_run();
        } else {
            self.buf.push('\n');
        }
    }

    /// Ends the current run of text at a block boundary.
    fn flush_run(&mut self) {
        self.pending_space = false;
        let trimmed = self.buf[self.run_start..].trim_end_matches([' ', '\n']).len() + self.run_start;
        self.buf.truncate(trimmed);
        if self.buf.len() > self.run_start {
            let node = self.stack.last().copied().unwrap_or(0);
            self.runs.push(Run {
                node,
                start: self.run_start as u32,
                end: self.buf.len() as u32,
                chars: self.run_chars,
                links: self.run_links.min(self.run_chars),
                commas: self.run_commas,
            });
        }
        self.run_start = self.buf.len();
        self.run_chars = 0;
        self.run_links = 0;
        self.run_commas = 0;
    }

    /// Picks the main content and writes it out. When the choice holds
    /// less than half of the page's prose outside furniture tags
    /// (paragraphs of 25 characters or more with few links), the story was
    /// probably inside a block whose class looked like furniture: the
    /// choice is made again without class weights, trusting class words
    /// that also say "content" (`article-body has-comments`); if that still
    /// gives under 250 characters (Readability's threshold is 500 for a
    /// whole article; a brief can be shorter) and under half of all the
    /// page's prose, once more keeping furniture tags (Readability's
    /// retries with its flags turned off). The longest text wins.
    fn choose(&mut self, title: Option<&str>) -> String {
        let n = self.nodes.len();
        // Own text of each node, then subtree totals of all text.
        for r in &self.runs {
            self.nodes[r.node as usize].all_chars += r.chars;
        }
        for i in (1..n).rev() {
            let (c, p) = (self.nodes[i].all_chars, self.nodes[i].parent as usize);
            self.nodes[p].all_chars += c;
        }
        let mut best = self.select(0, title);
        let chars = |text: &str| text.chars().count() as u32;
        let (prose, all_prose) = self.prose();
        if chars(&best) * 2 >= prose {
            return best;
        }
        let text = self.select(1, title);
        if text.len() > best.len() {
            best = text;
        }
        // Furniture tags are trusted only when nothing else gave a story:
        // a short brief's page may well hold more prose in its footer.
        if chars(&best) < 250 && chars(&best) * 2 < all_prose {
            let text = self.select(2, title);
            if text.len() > best.len() {
                best = text;
            }
        }
        best
    }

    /// Characters of the page's prose (runs of 25 characters or more with
    /// a link density under a quarter) outside furniture tags, and outside
    /// hidden or role-marked furniture only (which no pass keeps).
    fn prose(&self) -> (u32, u32) {
        let mut out = vec![(false, false); self.nodes.len()];
        for i in 1..self.nodes.len() {
            let node = &self.nodes[i];
            let (tagged, hidden) = out[node.parent as usize];
            out[i] = (tagged || node.tag_drop || node.hard_drop, hidden || node.hard_drop);
        }
        let (mut prose, mut all) = (0, 0);
        for r in &self.runs {
            if r.chars >= 25 && link_density(r.links, r.chars) < 0.25 {
                let (tagged, hidden) = out[r.node as usize];
                prose += if tagged { 0 } else { r.chars };
                all += if hidden { 0 } else { r.chars };
            }
        }
        (prose, all)
    }

    /// One choice of the content: pass 0 with every rule, pass 1 without
    /// class weights and trusting class words that also say "content",
    /// pass 2 also keeping furniture tags.
    fn select(&mut self, pass: u8, title: Option<&str>) -> String {
        let n = self.nodes.len();
        for node in &mut self.nodes {
            node.drop =
                node.hard_drop || (node.tag_drop && pass < 2) || (node.class_drop && (pass == 0 || !node.content_word));
            node.weight = if pass == 0 { node.class_weight } else { 0 } + if node.semantic { 25 } else { 0 };
            node.chars = 0;
            node.links = 0;
            node.commas = 0;
            node.paragraphs = 0;
            node.items = 0;
            node.score = 0.0;
            node.given = 0.0;
            node.scored = false;
        }
        // Furniture is dropped with its subtree, unless it wraps most of the
        // page (a form or a "header-and-content" wrapper around everything);
        // an `aside`, `nav` or `footer` wraps no story even when long.
        let page_chars = self.nodes[0].all_chars;
        let mut title_heading_seen = false;
        for i in 1..n {
            let parent_drop = self.nodes[self.nodes[i].parent as usize].drop;
            let node = &self.nodes[i];
            let own = (node.drop
                && (node.all_chars * 2 <= page_chars || matches!(node.tag, Tag::Aside | Tag::Nav | Tag::Footer)))
                || (node.byline && node.all_chars < 100)
                || (matches!(node.tag, Tag::H1 | Tag::H2) && node.weight < 0);
            let mut drop = parent_drop || own;
            if !drop
                && !title_heading_seen
                && matches!(node.tag, Tag::H1 | Tag::H2)
                && let Some(t) = title
            {
                let text = self.text_of(i);
                if similarity(t, &text) > 0.75 {
                    title_heading_seen = true;
                    drop = true;
                }
            }
            self.nodes[i].drop = drop;
        }
        self.nodes[0].drop = false;
        // Kept totals.
        for r in &self.runs {
            let node = &mut self.nodes[r.node as usize];
            if !node.drop {
                node.chars += r.chars;
                node.links += r.links;
                node.commas += r.commas;
            }
        }
        for i in (1..n).rev() {
            let node = &self.nodes[i];
            if node.drop {
                continue;
            }
            let (c, l, k, p) = (node.chars, node.links, node.commas, node.parent as usize);
            let paragraphs = node.paragraphs + u32::from(node.tag == Tag::P);
            let items = node.items + u32::from(node.tag == Tag::Li);
            let parent = &mut self.nodes[p];
            parent.chars += c;
            parent.links += l;
            parent.commas += k;
            parent.paragraphs += paragraphs;
            parent.items += items;
        }
        // Score paragraphs into their containers.
        for r in 0..self.runs.len() {
            let run = self.runs[r];
            let node = &self.nodes[run.node as usize];
            if node.drop || run.chars < 25 || matches!(node.tag, Tag::H1 | Tag::Li | Tag::Dd | Tag::Dt | Tag::Th) {
                continue;
            }
            let score = 1.0 + run.commas as f32 + (run.chars / 100).min(3) as f32;
            let leaf = node.end == run.node + 1;
            let mut at = if node.tag.paragraph_like() || (leaf && run.node != 0) { node.parent } else { run.node };
            for level in 0..5u32 {
                let a = &mut self.nodes[at as usize];
                if !a.scored {
                    a.scored = true;
                    a.score = a.tag.base_score() + a.weight as f32;
                }
                let given = score
                    / match level {
                        0 => 1.0,
                        1 => 2.0,
                        l => (l * 3) as f32,
                    };
                a.score += given;
                a.given += given;
                if at == 0 {
                    break;
                }
                at = a.parent;
            }
        }
        let mut top = 0usize;
        let mut best = f32::MIN;
        for (i, node) in self.nodes.iter_mut().enumerate() {
            if node.scored && !node.drop {
                node.score *= 1.0 - link_density(node.links, node.chars);
                if node.score > best {
                    best = node.score;
                    top = i;
                }
            }
        }
        let top = self.climb(top);
        self.write(top)
    }

    /// Readability's moves up from the best candidate: to a parent that
    /// scores higher, and past wrappers with a single child. A parent must
    /// owe a third of the candidate's paragraph score to its paragraphs (not
    /// only to its tag's starting score), or a page-wide `div` wrapper with
    /// a few stray lines would win.
    fn climb(&self, mut top: usize) -> usize {
        if top == 0 {
            return 0;
        }
        let mut last = self.nodes[top].score;
        let threshold = last / 3.0;
        let given = self.nodes[top].given / 3.0;
        let mut p = self.nodes[top].parent as usize;
        while p != 0 {
            let parent = &self.nodes[p];
            if parent.scored {
                if parent.score < threshold || parent.given < given {
                    break;
                }
                if parent.score > last {
                    top = p;
                    break;
                }
                last = parent.score;
            }
            p = parent.parent as usize;
        }
        while top != 0 && self.nodes[self.nodes[top].parent as usize].children == 1 && self.nodes[top].parent != 0 {
            top = self.nodes[top].parent as usize;
        }
        top
    }

    /// Writes the chosen container and its qualifying siblings.
    fn write(&self, top: usize) -> String {
        let n = self.nodes.len();
        let mut keep = vec![false; n];
        let mut loose_runs = Vec::new();
        if top == 0 {
            keep[0] = true;
        } else {
            let parent = self.nodes[top].parent as usize;
            let top_score = self.nodes[top].score;
            let threshold = (top_score * 0.2).max(10.0);
            let top_class = self.nodes[top].class.trim();
            let mut j = parent + 1;
            while j < self.nodes[parent].end as usize {
                let sib = &self.nodes[j];
                let next = sib.end as usize;
                if j == top {
                    keep[j] = true;
                } else if !sib.drop && sib.parent as usize == parent {
                    let bonus =
                        if !top_class.is_empty() && sib.class.trim() == top_class { top_score * 0.2 } else { 0.0 };
                    let score = if sib.scored { sib.score } else { 0.0 };
                    keep[j] = score + bonus >= threshold
                        || ((sib.tag == Tag::P || (sib.tag == Tag::Div && sib.children == 0))
                            && loose_paragraph(sib.chars, sib.links, &self.buf, self.runs_of(j)));
                }
                j = next;
            }
            // Text directly in the parent, between its children: like a sibling paragraph.
            let p = &self.nodes[parent];
            for (r, run) in self.runs[p.first_run as usize..p.end_run as usize].iter().enumerate() {
                if run.node as usize == parent
                    && loose_paragraph(run.chars, run.links, &self.buf, std::slice::from_ref(run))
                {
                    loose_runs.push(p.first_run as usize + r);
                }
            }
        }
        // Keep flags flow down, pruning furniture the scoring let through.
        let (first, last) = if top == 0 {
            (0, n)
        } else {
            (self.nodes[top].parent as usize + 1, self.nodes[self.nodes[top].parent as usize].end as usize)
        };
        for i in first..last {
            let node = &self.nodes[i];
            if node.drop {
                keep[i] = false;
                continue;
            }
            if !keep[i] {
                keep[i] = i > 0 && keep[node.parent as usize] && !self.prune(i);
            }
        }
        let runs = if top == 0 {
            &self.runs[..]
        } else {
            let p = &self.nodes[self.nodes[top].parent as usize];
            &self.runs[p.first_run as usize..p.end_run as usize]
        };
        let base = if top == 0 { 0 } else { self.nodes[self.nodes[top].parent as usize].first_run as usize };
        let mut out = String::with_capacity(self.buf.len());
        let mut prev: Option<u32> = None;
        let mut loose = loose_runs.iter().peekable();
        for (r, run) in runs.iter().enumerate() {
            let take_loose = loose.peek().is_some_and(|&&l| l == base + r);
            if take_loose {
                loose.next();
            }
            if !(keep[run.node as usize] || take_loose) {
                continue;
            }
            if let Some(p) = prev {
                out.push_str(self.joiner(p, run.node));
            }
            out.push_str(&self.buf[run.start as usize..run.end as usize]);
            prev = Some(run.node);
        }
        out
    }

    /// How two kept runs are joined: items of one list by a line break,
    /// cells of one row by a space, anything else by a blank line.
    fn joiner(&self, a: u32, b: u32) -> &'static str {
        let (x, y) = (&self.nodes[a as usize], &self.nodes[b as usize]);
        if a != b && x.parent == y.parent {
            if x.tag == Tag::Li && y.tag == Tag::Li {
                return "\n";
            }
            if matches!(x.tag, Tag::Td | Tag::Th) && matches!(y.tag, Tag::Td | Tag::Th) {
                return " ";
            }
        }
        "\n\n"
    }

    /// Readability's conditional cleaning of a container inside the
    /// content: negative class words, lists of links, link-heavy or nearly
    /// empty blocks.
    fn prune(&self, i: usize) -> bool {
        let node = &self.nodes[i];
        if matches!(node.tag, Tag::Td | Tag::Th) {
            // A layout table's menu cell beside the story's cell; a data
            // table's short cells stay.
            let mut table = node.parent as usize;
            while table != 0 && self.nodes[table].tag != Tag::Table {
                table = self.nodes[table].parent as usize;
            }
            return !self.nodes[table].data_table && link_density(node.links, node.chars) > 0.5;
        }
        if !node.tag.prunable() || node.data_table {
            return false;
        }
        let score = if node.scored { node.score } else { 0.0 };
        if node.weight as f32 + score < 0.0 {
            return true;
        }
        if node.commas >= 10 {
            return false;
        }
        let list = matches!(node.tag, Tag::Ul | Tag::Ol);
        let density = link_density(node.links, node.chars);
        (!list && node.items > node.paragraphs && node.items > 0)
            || (!list && node.chars < 25 && node.chars > 0 && node.children == 0 && node.paragraphs == 0)
            || (!list && node.weight < 25 && density > 0.2)
            || (node.weight >= 25 && density > 0.5)
            || (list && density > 0.5)
    }

    fn runs_of(&self, i: usize) -> &[Run] {
        let node = &self.nodes[i];
        &self.runs[node.first_run as usize..node.end_run as usize]
    }

    /// The text of a node's subtree, runs joined by spaces.
    fn text_of(&self, i: usize) -> String {
        let mut t = String::new();
        for r in self.runs_of(i) {
            if !t.is_empty() {
                t.push(' ');
            }
            t.push_str(&self.buf[r.start as usize..r.end as usize]);
        }
        t
    }
}

/// Readability's test for a short sibling paragraph: long with few links,
/// or short, link-free and sentence-like.
fn loose_paragraph(chars: u32, links: u32, buf: &str, runs: &[Run]) -> bool {
    let density = link_density(links, chars);
    if chars > 80 {
        return density < 0.25;
    }
    chars > 0
        && links == 0
        && runs.iter().any(|r| {
            let t = &buf[r.start as usize..r.end as usize];
            t.ends_with('.') || t.contains(". ")
        })
}

fn link_density(links: u32, chars: u32) -> f32 {
    if chars == 0 { 0.0 } else { links as f32 / chars as f32 }
}

impl<'a> Attrs<'a> {
    fn set(&mut self, key: &[u8], value: &'a str) {
        let slot = match key.len() {
            2 if key.eq_ignore_ascii_case(b"id") => &mut self.id,
            3 if key.eq_ignore_ascii_case(b"rel") => &mut self.rel,
            4 if key.eq_ignore_ascii_case(b"role") => &mut self.role,
            4 if key.eq_ignore_ascii_case(b"name") => &mut self.name,
            4 if key.eq_ignore_ascii_case(b"lang") => &mut self.lang,
            4 if key.eq_ignore_ascii_case(b"type") => &mut self.kind,
            5 if key.eq_ignore_ascii_case(b"class") => &mut self.class,
            6 if key.eq_ignore_ascii_case(b"hidden") => {
                self.hidden = true;
                return;
            }
            7 if key.eq_ignore_ascii_case(b"content") => &mut self.content,
            8 if key.eq_ignore_ascii_case(b"itemprop") => &mut self.itemprop,
            8 if key.eq_ignore_ascii_case(b"property") => &mut self.property,
            8 if key.eq_ignore_ascii_case(b"datetime") => &mut self.datetime,
            11 if key.eq_ignore_ascii_case(b"aria-hidden") => {
                self.hidden |= value.trim().eq_ignore_ascii_case("true");
                return;
            }
            _ => return,
        };
        if slot.is_empty() {
            *slot = value;
        }
    }
}

/// A tag name, lowercased, at `at`: up to 16 bytes (longer names are no
/// tag we know) and the index after it.
fn tag_name(b: &[u8], at: usize) -> ([u8; 16], usize) {
    let mut name = [0u8; 16];
    let mut i = at;
    while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'>' | b'/') {
        if i - at < 16 {
            name[i - at] = b[i].to_ascii_lowercase();
        } else {
            name[0] = 0;
        }
        i += 1;
    }
    (name, i)
}

fn name_len(name: &[u8; 16]) -> usize {
    if name[0] == 0 { 0 } else { name.iter().position(|&c| c == 0).unwrap_or(16) }
}

/// The index just after the `>` that ends a tag or declaration.
fn tag_end(b: &[u8], from: usize) -> usize {
    let from = from.min(b.len());
    memchr::memchr(b'>', &b[from..]).map_or(b.len(), |k| from + k + 1)
}

/// Decodes an entity at the start of `b` (which begins with `&`): the
/// character and the bytes it took. What is no entity stays a literal `&`.
fn entity(b: &[u8]) -> (char, usize) {
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let mut i = start;
        let mut v: u32 = 0;
        while i < b.len() && i - start < 8 {
            let d = match (hex, b[i]) {
                (_, c @ b'0'..=b'9') => u32::from(c - b'0'),
                (true, c @ b'a'..=b'f') => u32::from(c - b'a' + 10),
                (true, c @ b'A'..=b'F') => u32::from(c - b'A' + 10),
                _ => break,
            };
            v = v * if hex { 16 } else { 10 } + d;
            i += 1;
        }
        if i == start {
            return ('&', 1);
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        return (numeric_char(v), i);
    }
    let mut i = 1;
    while i < b.len() && i < 10 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    let name = &b[1..i];
    let semi = b.get(i) == Some(&b';');
    match named(name) {
        Some(c) if semi => (c, i + 1),
        _ => {
            // The legacy names also stand without `;`, even before letters.
            let legacy = [&b"amp"[..], b"lt", b"gt", b"quot", b"nbsp", b"copy", b"reg"];
            legacy
                .iter()
                .find(|l| name.starts_with(l))
                .and_then(|l| named(l).map(|c| (c, 1 + l.len())))
                .unwrap_or(('&', 1))
        }
    }
}

/// A numeric reference's character, with the Windows-1252 reading of
/// 128–159 that browsers apply.
fn numeric_char(v: u32) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match v {
        0 => '\u{fffd}',
        0x80..=0x9f => CP1252[(v - 0x80) as usize],
        _ => char::from_u32(v).unwrap_or('\u{fffd}'),
    }
}

/// The named entities news pages use.
fn named(name: &[u8]) -> Option<char> {
    Some(match name {
        b"amp" | b"AMP" => '&',
        b"lt" | b"LT" => '<',
        b"gt" | b"GT" => '>',
        b"quot" | b"QUOT" => '"',
        b"apos" => '\'',
        b"nbsp" => '\u{a0}',
        b"ensp" => '\u{2002}',
        b"emsp" => '\u{2003}',
        b"thinsp" => '\u{2009}',
        b"zwnj" => '\u{200c}',
        b"zwj" => '\u{200d}',
        b"shy" => '\u{ad}',
        b"ndash" => '–',
        b"mdash" => '—',
        b"minus" => '−',
        b"hellip" => '…',
        b"lsquo" => '‘',
        b"rsquo" => '’',
        b"sbquo" => '‚',
        b"ldquo" => '“',
        b"rdquo" => '”',
        b"bdquo" => '„',
        b"laquo" => '«',
        b"raquo" => '»',
        b"lsaquo" => '‹',
        b"rsaquo" => '›',
        b"prime" => '′',
        b"Prime" => '″',
        b"bull" => '•',
        b"middot" => '·',
        b"copy" => '©',
        b"reg" => '®',
        b"trade" => '™',
        b"deg" => '°',
        b"plusmn" => '±',
        b"times" => '×',
        b"divide" => '÷',
        b"frac12" => '½',
        b"frac14" => '¼',
        b"frac34" => '¾',
        b"sup2" => '²',
        b"sup3" => '³',
        b"micro" => 'µ',
        b"para" => '¶',
        b"sect" => '§',
        b"dagger" => '†',
        b"euro" => '€',
        b"pound" => '£',
        b"yen" => '¥',
        b"cent" => '¢',
        b"iexcl" => '¡',
        b"iquest" => '¿',
        b"aacute" => 'á',
        b"Aacute" => 'Á',
        b"agrave" => 'à',
        b"Agrave" => 'À',
        b"acirc" => 'â',
        b"Acirc" => 'Â',
        b"atilde" => 'ã',
        b"Atilde" => 'Ã',
        b"auml" => 'ä',
        b"Auml" => 'Ä',
        b"aring" => 'å',
        b"Aring" => 'Å',
        b"aelig" => 'æ',
        b"AElig" => 'Æ',
        b"ccedil" => 'ç',
        b"Ccedil" => 'Ç',
        b"eacute" => 'é',
        b"Eacute" => 'É',
        b"egrave" => 'è',
        b"Egrave" => 'È',
        b"ecirc" => 'ê',
        b"Ecirc" => 'Ê',
        b"euml" => 'ë',
        b"Euml" => 'Ë',
        b"iacute" => 'í',
        b"Iacute" => 'Í',
        b"igrave" => 'ì',
        b"Igrave" => 'Ì',
        b"icirc" => 'î',
        b"Icirc" => 'Î',
        b"iuml" => 'ï',
        b"Iuml" => 'Ï',
        b"ntilde" => 'ñ',
        b"Ntilde" => 'Ñ',
        b"oacute" => 'ó',
        b"Oacute" => 'Ó',
        b"ograve" => 'ò',
        b"Ograve" => 'Ò',
        b"ocirc" => 'ô',
        b"Ocirc" => 'Ô',
        b"otilde" => 'õ',
        b"Otilde" => 'Õ',
        b"ouml" => 'ö',
        b"Ouml" => 'Ö',
        b"oslash" => 'ø',
        b"Oslash" => 'Ø',
        b"uacute" => 'ú',
        b"Uacute" => 'Ú',
        b"ugrave" => 'ù',
        b"Ugrave" => 'Ù',
        b"ucirc" => 'û',
        b"Ucirc" => 'Û',
        b"uuml" => 'ü',
        b"Uuml" => 'Ü',
        b"yacute" => 'ý',
        b"yuml" => 'ÿ',
        b"szlig" => 'ß',
        b"scaron" => 'š',
        b"Scaron" => 'Š',
        b"zcaron" => 'ž',
        b"Zcaron" => 'Ž',
        b"oelig" => 'œ',
        b"OElig" => 'Œ',
        b"larr" => '←',
        b"rarr" => '→',
        b"uarr" => '↑',
        b"darr" => '↓',
        _ => return None,
    })
}

/// An attribute or title value with its entities decoded.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.trim().to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'&', &b[i..]) {
        out.push_str(&s[i..i + k]);
        let (c, len) = entity(&b[i + k..]);
        out.push(c);
        i += k + len;
    }
    out.push_str(&s[i..]);
    out.trim().to_string()
}

/// Whitespace runs as single spaces.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `<title>` without its site name: the part before the last " | ",
/// " - ", " – ", " — " or " » " when that part has three words or more.
fn clean_title(t: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " » ", " :: "] {
        if let Some(k) = t.rfind(sep) {
            let head = t[..k].trim();
            if head.split_whitespace().count() >= 3 {
                return head.to_string();
            }
        }
    }
    t.trim().to_string()
}

/// Readability's text similarity: the share of `b`'s words (by length)
/// that `a` also has.
fn similarity(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let (wa, wb) = (words(a), words(b));
    let total: usize = wb.iter().map(String::len).sum::<usize>() + wb.len().saturating_sub(1);
    if total == 0 {
        return 0.0;
    }
    let uniq: Vec<&String> = wb.iter().filter(|w| !wa.contains(w)).collect();
    let uniq_len: usize = uniq.iter().map(|w| w.len()).sum::<usize>() + uniq.len().saturating_sub(1);
    1.0 - uniq_len as f32 / total as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's text holds every `keep` phrase and none of the `drop` ones.
    fn check(name: &str, page: &str, keep: &[&str], drop: &[&str]) {
        let text = extract(page).text;
        for k in keep {
            assert!(text.contains(k), "{name}: {k:?} missing from\n{text}");
        }
        for d in drop {
            assert!(!text.contains(d), "{name}: {d:?} kept in\n{text}");
        }
    }

    #[test]
    fn story_in_furniture() {
        check(
            "cms",
            include_str!("../../tests/fixtures/html/cms.html"),
            &[
                "Russian artillery shelled the Saltivka district",
                "the city\u{2019}s mayor, Ihor Terekhov",
                "shot down 17 of 22 drones launched overnight at the Kharkiv, Sumy and Poltava regions.",
            ],
            &[
                "cookies",
                "Opinion",
                "News",
                "Olena Marchenko",
                "Share on",
                "Firefighters",
                "morning briefing",
                "Drone strike damages",
                "Comments",
                "cousin",
                "air defence",
                "Most read",
                "rights reserved",
                "ads.length",
                "display:flex",
                "Shelling kills four",
            ],
        );
        check(
            "bare divs",
            include_str!("../../tests/fixtures/html/bare-divs.html"),
            &["Suspected Boko Haram fighters attacked", "Gajiram lies about 90 kilometres north of Maiduguri"],
            &["Home", "Governor visits", "Advertise", "poll", "Copyright"],
        );
        check(
            "live blog",
            include_str!("../../tests/fixtures/html/liveblog.html"),
            &[
                "a shell struck the paediatric ward",
                "Médecins Sans Frontières",
                "shelled the Abu Shouk displacement camp",
                "At least six people were killed",
                "Talks in Jeddah",
            ],
            &["Copy link", "Share", "inbox", "newsletter", "Home", "2024\n"],
        );
        check(
            "long furniture",
            include_str!("../../tests/fixtures/html/long-furniture.html"),
            &["Gunmen abducted at least 20 passengers from two buses on the Gusau–Funtua highway", "forest camps."],
            &["cookie", "consent", "independent journalism", "naira"],
        );
        check(
            "br paragraphs",
            include_str!("../../tests/fixtures/html/br-paragraphs.html"),
            &[
                "killed at least 12 people, including two children, the health ministry said on Saturday.\n\nThe clashes",
                "\"deeply alarmed\" by the use of heavy weapons in residential areas.\nFlights at Mitiga airport",
            ],
            &["Front page", "Archive", "Libya Monitor", "Contact"],
        );
    }

    /// Pages whose story markup looks like furniture, or is short: the
    /// retry and the story's own `<header>` keep it.
    #[test]
    fn story_that_looks_like_furniture() {
        check(
            "story in a div whose class has a furniture word",
            include_str!("../../tests/fixtures/html/classed-story.html"),
            &[
                "Fighters of the CODECO militia ambushed an army convoy",
                "near the village of Largu",
                "without giving a toll.",
            ],
            &["Great Lakes Wire", "News", "independent news service", "Contact the newsroom"],
        );
        check(
            "story in a section whose id has a furniture word",
            include_str!("../../tests/fixtures/html/sidebar-layout.html"),
            &["Armed groups clashed overnight in the Tajoura suburb", "relatives in the city centre."],
            &["Most popular", "central bank", "Home", "all rights reserved"],
        );
        check(
            "short brief",
            include_str!("../../tests/fixtures/html/brief.html"),
            &[
                "A roadside bomb exploded at Bakara market in Mogadishu on Friday, killing two traders.\n\nPolice blamed al-Shabaab.",
            ],
            &["cookies", "monthly donation", "Horn Bulletin"],
        );
        check(
            "table layout",
            include_str!("../../tests/fixtures/html/table-layout.html"),
            &["Gunmen on motorbikes raided the village of Tiloa", "the army sent reinforcements on Monday."],
            &["Archive", "Burkina Faso", "Sahel Courier 2024"],
        );
        check(
            "data table inside the story",
            "<html><body><nav><a href=\"/\">Home</a></nav><article>\
             <p>Shelling and air strikes killed civilians in three provinces last week, the monitoring group said in its weekly report.</p>\
             <table><tr><th>Province</th><th>Killed</th></tr><tr><td>Idlib</td><td>12</td></tr>\
             <tr><td><a href=\"/aleppo\">Aleppo</a></td><td>5</td></tr></table>\
             <p>Most of the dead were in villages near the front line, it said, where strikes hit two markets and a school.</p>\
             </article></body></html>",
            &["Idlib 12", "Killed", "Aleppo 5", "hit two markets"],
            &["Home"],
        );
        check(
            "standfirst in the article's header",
            include_str!("../../tests/fixtures/html/article-header.html"),
            &[
                "Drones hit a fuel depot near Port Sudan airport on Sunday",
                "The army said the drones",
                "according to the civil aviation authority.",
            ],
            &["Red Sea Times", "World", "rights reserved"],
        );
    }

    #[test]
    fn entities_non_ascii_and_unclosed_tags() {
        let page = extract(include_str!("../../tests/fixtures/html/entities.html"));
        for k in [
            "région — Daouda Maïga.\n\n« C\u{2019}est une attaque lâche », a déclaré",
            "nigérienne & que",
            "l\u{2019}attaque à l\u{2019}État islamique",
            "2022 — un constat partagé par l'ONU.",
            "a dit 5 < 7 blessés graves &unknown; et & coupures d'électricité, \u{fffd} & des tirs",
        ] {
            assert!(page.text.contains(k), "{k:?} missing from\n{}", page.text);
        }
        assert!(!page.text.contains("Accueil") && !page.text.contains("Partager"), "{}", page.text);
        assert_eq!(page.title.as_deref(), Some("Attaque à Ménaka : 7 morts & des dizaines de blessés"));
        assert_eq!(page.lang.as_deref(), Some("fr"));
    }

    #[test]
    fn page_metadata() {
        let cms = extract(include_str!("../../tests/fixtures/html/cms.html"));
        assert_eq!(cms.title.as_deref(), Some("Shelling kills four in Kharkiv suburb"));
        assert_eq!(cms.published.as_deref(), Some("2024-03-18T06:40:00+02:00"));
        assert_eq!(cms.site_name.as_deref(), Some("Eastern Courier"));
        assert_eq!(cms.lang.as_deref(), Some("en-GB"));
        for (page, title, date) in [
            (
                "<html><head><title>Town retaken after siege - The Herald</title></head><body><p>Text.</p></body></html>",
                Some("Town retaken after siege"),
                None,
            ),
            (r#"<meta name="pubdate" content="2023-09-04"><p>Text.</p>"#, None, Some("2023-09-04")),
            (
                r#"<body><nav><time datetime="2020-01-01">old</time></nav><article><time datetime="2021-05-06T10:00Z">6 May</time><p>Text.</p></article>"#,
                None,
                Some("2021-05-06T10:00Z"),
            ),
            (r#"<div class="latest"><time datetime="2020-01-01">old</time></div><p>Text.</p>"#, None, None),
            (
                r#"<div class="latest"><time datetime="2020-01-01">x</time></div><span><time itemprop="datePublished" datetime="2021-07-08">8 July</time></span><p>Text.</p>"#,
                None,
                Some("2021-07-08"),
            ),
            (
                r#"<script type="application/ld+json">[{"@type":"NewsArticle","headline":"A &amp; B","datePublished":"2022-02-02"}]</script>
                <meta property="article:published_time" content="2019-01-01"><p>Text.</p>"#,
                Some("A &amp; B"),
                Some("2022-02-02"),
            ),
        ] {
            let p = extract(page);
            assert_eq!(p.title.as_deref(), title, "{page}");
            assert_eq!(p.published.as_deref(), date, "{page}");
        }
    }

    #[test]
    fn entity_decoding() {
        for (input, expect) in [
            ("&amp;", ('&', 5)),
            ("&amp", ('&', 4)),
            ("&ampx", ('&', 4)),
            ("&eacute;", ('é', 8)),
            ("&eacute", ('&', 1)),
            ("&#8212;", ('—', 7)),
            ("&#x2014;", ('—', 8)),
            ("&#X2014", ('—', 7)),
            ("&#150;", ('–', 6)),
            ("&#0;", ('\u{fffd}', 4)),
            ("&#xD800;", ('\u{fffd}', 8)),
            ("&#99999999999;", ('\u{fffd}', 10)),
            ("&#;", ('&', 1)),
            ("&", ('&', 1)),
            ("&nosuch;", ('&', 1)),
        ] {
            assert_eq!(entity(input.as_bytes()), expect, "{input}");
        }
    }

    #[test]
    fn malformed_markup_still_gives_text() {
        for (page, expect) in [
            ("plain words, no tags at all", "plain words, no tags at all"),
            ("<p>unclosed paragraph<p>second", "unclosed paragraph\n\nsecond"),
            ("<p>a < b and c <3 d</p>", "a < b and c <3 d"),
            ("<p>open comment <!-- never closed", "open comment"),
            ("<p>tag never closed <a href=\"x", "tag never closed"),
            ("<p>quote never closed <span class='x>y</span> z", "quote never closed"),
            ("<div><p>deep</div></div></div></p></td>", "deep"),
            ("<p>before <svg><text>drawn</text></svg>after", "before after"),
            ("<p>ok <button>Accept", "ok Accept"),
            ("<p>before</p><script>if (a < b) { x = '</p>'; }", "before"),
            ("</p></div><p>stray end tags", "stray end tags"),
            ("<p>line<br>break<br/><br />para</p>", "line\nbreak\n\npara"),
            ("<ul><li>one<li>two</ul>", "one\ntwo"),
            ("<p>x\u{a0}&nbsp; y&#9;z</p>", "x y z"),
            ("<p>caf\u{e9} \u{202f}na\u{ef}ve</p>", "caf\u{e9} na\u{ef}ve"),
            ("<p>a\u{b}b \u{1}c\r\n  d\u{85}e</p>", "a b \u{1}c d e"),
        ] {
            assert_eq!(extract(page).text, expect, "{page}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_mix_of_markup_is_read_without_panic(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "<", ">", "</", "<p>", "</p>", "<div class=\"comment\">", "</div>", "<a href='", "'>", "</a>",
                "<br>", "&", "&amp;", "&#x", "&#", ";", "<!--", "-->", "<script>", "</script>", "<li>", "<ul>",
                "<svg>", "é", "\u{a0}", " ", "\n", "word", "Aleppo, Syria.", "<td>", "<table>", "<title>", "\"",
            ]),
            0..60,
        )) {
            let page: String = parts.concat();
            let p = extract(&page);
            proptest::prop_assert!(!p.text.starts_with(char::is_whitespace) && !p.text.ends_with(char::is_whitespace));
        }
    }
}
