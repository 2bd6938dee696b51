//! Gazetteer: place names to places, and place mentions in text.
//!
//! (Skeleton: exact-name lookup over GeoNames-layout dumps. The built-in
//! data, transliteration-tolerant matching and disambiguation are issue 3.)

use std::collections::HashMap;

use crate::clean::CleanText;
use crate::segment::Sentence;

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonameid: u64,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    /// ISO 3166 alpha-2 code ("SY").
    pub country_code: String,
    /// Country name as ACLED writes it ("Syria").
    pub country: String,
    pub admin1: String,
    pub admin2: String,
    /// GeoNames feature code ("PPL", "PPLA", "ADM1", "PCLI", "AREA").
    pub feature_code: String,
    pub population: u64,
}

/// A place recognised in the cleaned text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Byte range in `CleanText::text`.
    pub start: usize,
    pub end: usize,
    pub place: Place,
    /// Confidence of the resolution, 0..1.
    pub score: f32,
}

/// A malformed line of a GeoNames dump.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct DumpError {
    pub line: usize,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_name: HashMap<String, Vec<usize>>,
}

impl Gazetteer {
    pub fn builtin() -> Gazetteer {
        Gazetteer::default()
    }

    /// Adds the rows of a GeoNames-layout dump (19 tab-separated columns).
    /// Returns how many places were added and the malformed lines skipped.
    pub fn add_geonames_dump(&mut self, text: &str) -> (usize, Vec<DumpError>) {
        let mut added = 0;
        let mut errors = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 19 {
                errors.push(DumpError { line: i + 1, reason: format!("{} columns, expected 19", cols.len()) });
                continue;
            }
            let (Ok(id), Ok(lat), Ok(lon)) = (cols[0].parse(), cols[4].parse(), cols[5].parse()) else {
                errors.push(DumpError { line: i + 1, reason: "bad id or coordinates".into() });
                continue;
            };
            let idx = self.places.len();
            self.places.push(Place {
                geonameid: id,
                name: cols[1].to_string(),
                latitude: lat,
                longitude: lon,
                country_code: cols[8].to_string(),
                country: cols[8].to_string(),
                admin1: cols[10].to_string(),
                admin2: cols[11].to_string(),
                feature_code: cols[7].to_string(),
                population: cols[14].parse().unwrap_or(0),
            });
            for n in std::iter::once(cols[1]).chain(std::iter::once(cols[2])).chain(cols[3].split(',')) {
                if !n.is_empty() {
                    self.by_name.entry(n.to_lowercase()).or_default().push(idx);
                }
            }
            added += 1;
        }
        (added, errors)
    }

    /// Candidate places for a name, best first, with scores.
    pub fn lookup(&self, name: &str) -> Vec<(&Place, f32)> {
        let mut v: Vec<(&Place, f32)> = self
            .by_name
            .get(&name.to_lowercase())
            .map(|ix| ix.iter().map(|&i| (&self.places[i], 1.0)).collect())
            .unwrap_or_default();
        v.sort_by_key(|p| std::cmp::Reverse(p.0.population));
        v
    }

    /// Place mentions in the text: capitalised word n-grams found in the index.
    pub fn recognise(&self, clean: &CleanText, sentences: &[Sentence]) -> Vec<PlaceMention> {
        let mut out = Vec::new();
        for s in sentences {
            let text = &clean.text[s.start..s.end];
            let words: Vec<(usize, usize)> = word_spans(text);
            let mut i = 0;
            while i < words.len() {
                let mut found = None;
                for n in (1..=4).rev() {
                    if i + n > words.len() {
                        continue;
                    }
                    let (a, b) = (words[i].0, words[i + n - 1].1);
                    let cand = &text[a..b];
                    if !cand.starts_with(|c: char| c.is_uppercase()) {
                        continue;
                    }
                    if let Some((p, sc)) = self.lookup(cand).first() {
                        found = Some((
                            n,
                            PlaceMention { start: s.start + a, end: s.start + b, place: (*p).clone(), score: *sc },
                        ));
                        break;
                    }
                }
                match found {
                    Some((n, m)) => {
                        out.push(m);
                        i += n;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }
}

fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric() || c == '-' || c == '\'';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}
