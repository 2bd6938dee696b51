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

/// One input record, read but not yet parsed: parsing (JSON, HTML) is
/// most of the cost of reading, so [`Record::parse`] runs on the worker
/// threads while the caller's thread only splits the input into records.
pub struct Record {
    body: Body,
    published: Option<NaiveDate>,
    read_on: Option<NaiveDate>,
}

enum Body {
    /// One JSON Lines record and its place (`file:line`).
    Json { line: Vec<u8>, place: String },
    /// A whole file: a text or HTML article.
    File { path: PathBuf, name: String, kind: Option<Kind> },
    /// A record that failed before parsing (over the size limit).
    Failed(ReadError),
}

impl Record {
    /// Where the record was read (`file:line`, or the file), to name it
    /// when it cannot name itself.
    pub fn origin(&self) -> String {
        match &self.body {
            Body::Json { place, .. } => place.clone(),
            Body::File { path, .. } => path.display().to_string(),
            Body::Failed(e) => e.article_id.clone(),
        }
    }

    /// Its size in bytes as read (the JSON line, the file), before parsing;
    /// zero for a file that cannot be read (reading it will say why).
    pub fn size(&self) -> usize {
        match &self.body {
            Body::Json { line, .. } => line.len(),
            Body::File { path, .. } => fs::metadata(path).map_or(0, |m| m.len() as usize),
            Body::Failed(_) => 0,
        }
    }

    /// The article (or why there is none), with the default publication
    /// date and the read day applied.
    pub fn parse(self) -> Item {
        let mut item = match self.body {
            Body::Json { line, place } => read::from_json_line(&line, &place),
            Body::File { path, name, kind } => read_single(&path, &name, kind),
            Body::Failed(e) => Err(e),
        };
        if let Ok(a) = &mut item {
            if a.published.is_none() {
                a.published = self.published;
            }
            a.read_on = self.read_on;
        }
        item
    }
}

/// Reads every input, handing over each record unparsed, in input order,
/// for the caller to [`Record::parse`] where it likes (on a worker thread).
/// `published` is the publication date for articles without one. Every
/// article is marked as read today (UTC): an article that neither carries
/// nor states its date counts as published the day it is read, so an
/// undated report still dates its events ("on Sunday" is last Sunday).
pub fn for_each_record(
    files: &[PathBuf],
    published: Option<NaiveDate>,
    mut sink: impl FnMut(Record) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let read_on = Some(today());
    let mut emit = |body: Body| sink(Record { body, published, read_on });
    for f in files {
        if f.as_os_str() == "-" {
            read_jsonl(BufReader::new(std::io::stdin().lock()), "stdin", &mut emit)?;
            continue;
        }
        let name = f.display().to_string();
        match kind_of(f) {
            Some(Kind::Jsonl) => {
                let file = fs::File::open(f).map_err(|e| anyhow::anyhow!("cannot open {name}: {e}"))?;
                read_jsonl(BufReader::with_capacity(1 << 16, file), &name, &mut emit)?;
            }
            kind => emit(Body::File { path: f.clone(), name, kind })?,
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
    emit: &mut impl FnMut(Body) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut n = 0usize;
    // Each record keeps its buffer; sized like the last one, most lines
    // are read without growing it.
    let mut capacity = 1 << 12;
    loop {
        let mut line = Vec::with_capacity(capacity);
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
            emit(Body::Failed(ReadError { article_id: place, reason: format!("record is over {limit} bytes") }))?;
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        capacity = line.len().max(1 << 12);
        emit(Body::Json { line, place })?;
    }
}
