//! Property: any string goes through `process` without panicking, and every
//! span it returns (evidence and mentions) lies inside the text and shows
//! the span's text: `start <= end <= chars`, `text[start:end] == span.text`;
//! and `extract` without `--mentions` (the events-only analysis) gives the
//! events, diagnostics and publication date that the full analysis gives.

use frontline_pipeline::{Article, Extraction, Resources, process, process_writing_mentions};
use proptest::prelude::*;

fn check_spans(text: &str, out: &Extraction) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    for ev in &out.events {
        prop_assert!((0.0..=1.0).contains(&ev.confidence), "confidence {} out of range", ev.confidence);
        for sp in &ev.evidence {
            prop_assert!(
                sp.start <= sp.end && sp.end <= chars.len(),
                "evidence {}..{} outside {}",
                sp.start,
                sp.end,
                chars.len()
            );
            prop_assert_eq!(slice(sp.start, sp.end), sp.text.clone());
        }
    }
    for m in &out.mentions {
        prop_assert!(
            m.start <= m.end && m.end <= chars.len(),
            "mention {}..{} outside {}",
            m.start,
            m.end,
            chars.len()
        );
        prop_assert_eq!(slice(m.start, m.end), m.text.clone());
    }
    Ok(())
}

fn run(text: String) -> Result<(), TestCaseError> {
    static RESOURCES: std::sync::LazyLock<Resources> = std::sync::LazyLock::new(Resources::builtin);
    let article = Article {
        id: "p".into(),
        text: text.clone(),
        published: chrono::NaiveDate::from_ymd_opt(2020, 5, 17),
        ..Default::default()
    };
    let out = process(&article, &RESOURCES);
    check_spans(&text, &out)?;
    let undated = Article { published: None, ..article.clone() };
    for a in [&article, &undated] {
        let (full, events_only) = (process(a, &RESOURCES), process_writing_mentions(a, &RESOURCES, None).0);
        prop_assert_eq!(&events_only.events, &full.events);
        prop_assert_eq!(&events_only.diagnostics, &full.diagnostics);
        prop_assert_eq!(events_only.published, full.published);
    }
    Ok(())
}

/// Pieces of conflict-news wording, so generated texts reach the extractor.
const WORDS: &[&str] = &[
    "On 3 June 2023, ",
    "regime forces ",
    "Islamic State ",
    "clashed with ",
    "captured ",
    "the village of ",
    "Palmyra",
    "Deir ez-Zor",
    " near ",
    "“the militants”",
    " — ",
    "killing ",
    "two ",
    "several ",
    "soldiers",
    ". ",
    "\n",
    "READ MORE: ",
    "(AFP photo)",
    "Brig. Gen. ",
    "said.",
    "according to SOHR",
    "é",
    "\u{2019}",
    "\u{feff}",
    "\r\n",
    "5 fatalities.",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        run(text)?;
    }

    #[test]
    fn news_like_strings_are_safe(parts in proptest::collection::vec(0..WORDS.len(), 0..60)) {
        run(parts.iter().map(|&i| WORDS[i]).collect())?;
    }
}

#[test]
fn curly_quotes_keep_offsets_in_the_text_as_given() {
    let text = "On 3 June 2023, \u{201c}regime forces\u{201d} clashed with Islamic State fighters near Palmyra, killing two soldiers.";
    let article = Article {
        id: "q".into(),
        text: text.into(),
        published: chrono::NaiveDate::from_ymd_opt(2023, 6, 4),
        ..Default::default()
    };
    let resources = Resources::builtin();
    let out = process(&article, &resources);
    assert!(!out.events.is_empty(), "no event from {text:?}");
    check_spans(text, &out).unwrap();
}
