//! `extract` without `--mentions` runs the events-only analysis
//! (`Document::for_events`: no recognition for an article without a cue,
//! dates scanned only in the sentences events read); it must give exactly
//! the events, diagnostics and publication date of the full analysis.
//! Checked on every article of ours (the world articles, every snippet
//! set, the HTML fixtures' texts), each with its publication date and
//! without one, and on the seed articles when `../shared` is present. A
//! rule that makes events read a mention outside those sentences fails
//! here until `read_for_events` learns of it.

use std::path::{Path, PathBuf};

use frontline_pipeline::{Article, Resources, process, process_writing_mentions, read::parse_published};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The articles' texts: world articles, snippets (one article each), HTML
/// pages read as the reader reads them.
fn texts() -> Vec<(String, String)> {
    let dir = fixtures();
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir.join("world")).expect("world fixtures").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for f in files.iter().filter(|f| f.extension().is_some_and(|x| x == "txt")) {
        out.push((name(f), std::fs::read_to_string(f).expect("world article readable")));
    }
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&dir).expect("fixtures").map(|e| e.expect("entry").path()).collect();
    sets.sort();
    for f in sets.iter().filter(|f| f.extension().is_some_and(|x| x == "tsv")) {
        let tsv = std::fs::read_to_string(f).expect("snippets readable");
        for (i, line) in tsv.lines().skip(1).enumerate() {
            if let Some(snippet) = line.split('\t').nth(1) {
                out.push((format!("{}:{i}", name(f)), snippet.to_string()));
            }
        }
    }
    let mut pages: Vec<PathBuf> =
        std::fs::read_dir(dir.join("html")).expect("html fixtures").map(|e| e.expect("entry").path()).collect();
    pages.sort();
    for f in pages.iter().filter(|f| f.extension().is_some_and(|x| x == "html")) {
        let page = std::fs::read(f).expect("page readable");
        let article = frontline_pipeline::read::from_html(&page, &name(f), None).expect("page reads");
        out.push((name(f), article.text));
    }
    out
}

fn name(f: &Path) -> String {
    f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The differences between the two analyses of one article, if any.
fn differs(article: &Article, resources: &Resources) -> Option<String> {
    let full = process(article, resources);
    let (events_only, _) = process_writing_mentions(article, resources, None);
    let same = events_only.events == full.events
        && events_only.diagnostics == full.diagnostics
        && events_only.published == full.published
        && events_only.published_inferred == full.published_inferred;
    (!same).then(|| {
        format!(
            "{} (published {:?}): {} events in full, {} events only; published {:?} vs {:?}",
            article.id,
            article.published,
            full.events.len(),
            events_only.events.len(),
            full.published,
            events_only.published
        )
    })
}

#[test]
fn events_only_analysis_gives_the_full_analysis_events() {
    let resources = Resources::builtin();
    let published = parse_published("2024-06-30");
    let mut bad = Vec::new();
    let texts = texts();
    assert!(texts.len() > 1000, "fixtures not found: {} texts", texts.len());
    for (id, text) in texts {
        for published in [published, None] {
            let article = Article { id: id.clone(), text: text.clone(), published, ..Default::default() };
            bad.extend(differs(&article, &resources));
        }
    }
    assert!(bad.is_empty(), "{} articles differ:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn seed_articles_give_the_same_events_either_way() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no seed articles at {} (the shared data is absent)", dir.display());
        return;
    };
    let resources = Resources::builtin();
    let mut bad = Vec::new();
    for f in entries.map(|e| e.expect("entry").path()).filter(|f| f.extension().is_some_and(|x| x == "txt")) {
        let text = std::fs::read_to_string(&f).expect("seed readable");
        for published in [parse_published("2017-11-20"), None] {
            let article = Article { id: name(&f), text: text.clone(), published, ..Default::default() };
            bad.extend(differs(&article, &resources));
        }
    }
    assert!(bad.is_empty(), "{} seed articles differ:\n{}", bad.len(), bad.join("\n"));
}
