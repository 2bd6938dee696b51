//! Input: paths, directories and stdin turned into a stream of articles.
//! Files are read here; their bytes are parsed by `frontline_pipeline::read`.
//!
//! **Invariant:** every input record yields exactly one item, an article or
//! a `ReadError` naming it, so nothing is lost silently.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use frontline_pipeline::read::{self, ReadError};
use frontline_pipeline::{Article, MAX_ARTICLE_BYTES};

pub type Item = Result<Article, ReadError>;

/// What kind of input a file is, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Jsonl,
    Text,
    Html,
}

fn kind_of(path: &Path) -> Option<Kind> {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("jsonl" | "ndjson") => Some(Kind::Jsonl),
        Some("txt" | "text") => Some(Kind::Text),
        Some("html" | "htm" | "xhtml") => Some(Kind::Html),
        _ => None,
    }
}

/// Expands the command-line paths into input files (directories walked in
/// sorted order, sidecar `.json` files skipped) and `-` for stdin.
pub fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push(PathBuf::from("-"));
    }
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
        } else if p.is_dir() {
            walk(p, &mut out)?;
        } else if p.exists() {
            out.push(p.clone());
        } else {
            anyhow::bail!("input {} does not exist", p.display());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot read directory {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if kind_of(&p).is_some() {
            out.push(p);
        }
    }
    Ok(())
}

/// The day an undated article is read (UTC), taken as its publication date.
#[expect(
    clippy::disallowed_methods,
    reason = "an article with no date of its own is dated the day it is read; the pipeline never reads the clock"
)]
fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Reads every input, calling `sink` once per record, in input order.
/// `published` is the publication date for articles without one. Every
/// article is marked as read today (UTC): an article that neither carries
/// nor states its date counts as published the day it is read, so an
/// undated report still dates its events ("on Sunday" is last Sunday).
pub fn for_each(
    files: &[PathBuf],
    published: Option<NaiveDate>,
    mut sink: impl FnMut(Item) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let read_on = Some(today());
    let mut emit = |mut item: Item| {
        if let Ok(a) = &mut item {
            if a.published.is_none() {
                a.published = published;
            }
            a.read_on = read_on;
        }
        sink(item)
    };
    for f in files {
        if f.as_os_str() == "-" {
            read_jsonl(BufReader::new(std::io::stdin().lock()), "stdin", &mut emit)?;
            continue;
        }
        let name = f.display().to_string();
        match kind_of(f) {
            Some(Kind::Jsonl) => {
                let file = fs::File::open(f).map_err(|e| anyhow::anyhow!("cannot open {name}: {e}"))?;
                read_jsonl(BufReader::new(file), &name, &mut emit)?;
            }
            kind => {
                let item = read_single(f, &name, kind);
                emit(item)?;
            }
        }
    }
    Ok(())
}

fn read_single(f: &Path, name: &str, kind: Option<Kind>) -> Item {
    let id = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| name.to_string());
    let meta =
        fs::metadata(f).map_err(|e| ReadError { article_id: id.clone(), reason: format!("cannot read: {e}") })?;
    if meta.len() as usize > MAX_ARTICLE_BYTES * 4 {
        return Err(ReadError { article_id: id, reason: format!("file is {} bytes, too large", meta.len()) });
    }
    let bytes = fs::read(f).map_err(|e| ReadError { article_id: id.clone(), reason: format!("cannot read: {e}") })?;
    let sidecar = fs::read(f.with_extension("json")).ok();
    match kind {
        Some(Kind::Html) => read::from_html(&bytes, &id, sidecar.as_deref()),
        Some(Kind::Text) => read::from_text(&bytes, &id, sidecar.as_deref()),
        _ if bytes.trim_ascii_start().starts_with(b"<") => read::from_html(&bytes, &id, sidecar.as_deref()),
        _ => read::from_text(&bytes, &id, sidecar.as_deref()),
    }
}

/// Reads JSON Lines, one record per line; a line over the size limit is an
/// error for that record only.
fn read_jsonl(
    mut reader: impl BufRead,
    name: &str,
    emit: &mut impl FnMut(Item) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut line = Vec::new();
    let mut n = 0usize;
    loop {
        line.clear();
        let limit = (MAX_ARTICLE_BYTES * 2) as u64;
        let read = (&mut reader)
            .take(limit)
            .read_until(b'\n', &mut line)
            .map_err(|e| anyhow::anyhow!("cannot read {name}: {e}"))?;
        if read == 0 {
            return Ok(());
        }
        n += 1;
        let place = format!("{name}:{n}");
        if !line.ends_with(b"\n") && read as u64 == limit {
            // Skip the rest of the oversized line.
            let mut rest = Vec::new();
            reader.read_until(b'\n', &mut rest).map_err(|e| anyhow::anyhow!("cannot read {name}: {e}"))?;
            emit(Err(ReadError { article_id: place, reason: format!("record is over {limit} bytes") }))?;
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        emit(read::from_json_line(&line, &place))?;
    }
}
