//! `process_writing_mentions` writes each mention line straight from the
//! analysed article: the lines must be the bytes `write_json_lines` writes
//! for the records `process` returns, and the events must not change,
//! with the mentions written or skipped.

use frontline_pipeline::{Article, Resources, process, process_writing_mentions, write_json_lines};

/// The two paths agree on `text` (with article id `id`); returns the
/// number of mention lines.
fn check(resources: &Resources, id: &str, text: &str) -> usize {
    let article = Article {
        id: id.into(),
        text: text.into(),
        published: chrono::NaiveDate::from_ymd_opt(2024, 3, 9),
        ..Default::default()
    };
    let x = process(&article, resources);
    let mut want = Vec::new();
    write_json_lines(&x.mentions, &mut want).unwrap();
    let mut got = Vec::new();
    let (y, n) = process_writing_mentions(&article, resources, Some(&mut got));
    assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap(), "mention lines of {id}");
    assert_eq!(n, x.mentions.len(), "line count of {id}");
    assert!(y.mentions.is_empty(), "no records for {id}");
    assert_eq!(y.events, x.events, "events of {id} with mention lines");
    let (z, none) = process_writing_mentions(&article, resources, None);
    assert_eq!((none, z.events), (0, x.events), "events of {id} without mentions");
    n
}

#[test]
fn mention_lines_are_the_records_lines() {
    let resources = Resources::builtin();
    let texts = [
        // Places named twice (the fields copied), actors, dates, counts.
        (
            "plain",
            "ALEPPO, Syria — On 3 March, Syrian army shelling killed 4 civilians in Aleppo and Idlib, the \
             Syrian Observatory for Human Rights said. Two days later Hayat Tahrir al-Sham fighters attacked \
             a checkpoint near Idlib, wounding 7 soldiers.",
        ),
        // Curly quotes and dashes: the clean text's bytes differ from the text as given.
        (
            "curly\"id\\",
            "\u{201C}We were shelled,\u{201D} a resident of Homs told reporters on Tuesday. Government \
             forces\u{2019} artillery killed 12 people in Rastan \u{2014} activists said.",
        ),
        // Wide characters before the mentions, and an article with none.
        ("wide", "Ça a été terrible à Gaza: 5 morts. Israeli airstrikes killed 5 people in Khan Younis on Monday."),
        ("none", "Nothing happened here."),
    ];
    let mut lines = 0;
    for (id, text) in texts {
        lines += check(&resources, id, text);
    }
    assert!(lines > 10, "the texts name places, actors, dates and counts ({lines} lines)");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/snippets.tsv");
    let table = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    for row in table.lines().skip(1) {
        let mut fields = row.split('\t');
        let (Some(id), Some(text)) = (fields.next(), fields.next()) else { panic!("bad row {row:?} in {path}") };
        check(&resources, id, text);
    }
}
