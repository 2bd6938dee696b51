//! The name index: places and the folded keys that find them, built from the
//! embedded data (`data/gazetteer/`) and from GeoNames-layout dumps.
//!
//! Built once per process ([`builtin`] is shared); a dump adds a second,
//! smaller index on top. Keys are [`fold`]ed names; places in countries
//! that write Arabic names (and every dump place) are also keyed by their
//! [`skeleton`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, LazyLock};

use super::fold::{fold, plain, skeleton_into, vowel_key};
use super::{DumpError, Place};

const PLACES: &str = include_str!("../../../../data/gazetteer/places.tsv");
const COUNTRIES: &str = include_str!("../../../../data/gazetteer/countries.tsv");
const ADMIN1: &str = include_str!("../../../../data/gazetteer/admin1-acled.tsv");
const AREAS: &str = include_str!("../../../../data/gazetteer/areas.tsv");
const STOPWORDS: &str = include_str!("../../../../data/gazetteer/stopwords.txt");
const COMMON_WORDS: &str = include_str!("../../../../data/gazetteer/common-words.txt");

/// Countries whose place names reach English news through Arabic (or
/// Persian) transliteration: their places are also indexed by skeleton.
const TRANSLITERATED: &[&str] = &[
    "SY", "IQ", "LB", "JO", "PS", "SA", "YE", "EG", "LY", "TN", "DZ", "MA", "SD", "SO", "KW", "AE", "OM", "QA", "BH",
    "MR", "IR", "AF",
];

/// A fast hasher for short keys (FxHash's multiply-rotate).
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Fx {
    #[inline]
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    /// Eight bytes at a time, little-endian, the last few zero-padded. Whole
    /// words are loaded as such and the rest put together from at most three
    /// loads: a copy into a padded buffer called `memcpy` for every word.
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.mix(u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]));
        }
        let rest = words.remainder();
        if rest.is_empty() {
            return;
        }
        let (mut word, mut at) = (0u64, 0);
        if rest.len() >= 4 {
            word = u64::from(u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]));
            at = 4;
        }
        if rest.len() - at >= 2 {
            word |= u64::from(u16::from_le_bytes([rest[at], rest[at + 1]])) << (8 * at);
            at += 2;
        }
        if let Some(&last) = rest.get(at) {
            word |= u64::from(last) << (8 * at);
        }
        self.mix(word);
    }
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// How a key names its place.
pub const ALT: u32 = 1;
pub const DEMONYM: u32 = 2;

/// Places and their keys. Keys are stored as 64-bit hashes of the folded
/// name, sorted, each with an entry `place index << 2 | ALT | DEMONYM`: no
/// strings, two allocations, and a build that is a sort.
#[derive(Default)]
pub struct Index {
    pub places: Vec<Place>,
    /// How many distinct names each place has: how well known it is.
    pub names: Vec<u16>,
    exact: Keys,
    skeleton: Keys,
    /// The [`vowel_key`]s of the names of the regions of transliterating
    /// countries, sorted (a few hundred: no bucket table).
    vowels: Vec<(u64, u32)>,
    /// Near-miss keys of the places of added dumps.
    pub near: super::fuzzy::Near,
}

/// Sorted (hash, entry) pairs with a table of where each top-bits bucket
/// starts, so a lookup touches one or two cache lines.
#[derive(Default)]
struct Keys {
    pairs: Vec<(u64, u32)>,
    starts: Vec<u32>,
}

const BUCKET_BITS: u32 = 20;

impl Keys {
    fn seal(&mut self) {
        // A stable sort finds runs already sorted (the built-in index's
        // threads sort their own) and merges them.
        self.pairs.sort();
        self.pairs.dedup_by_key(|e| (e.0, e.1 >> 2));
        self.starts.clear();
        self.starts.reserve((1 << BUCKET_BITS) + 1);
        let mut i = 0;
        for b in 0..=(1u64 << BUCKET_BITS) {
            while i < self.pairs.len() && (self.pairs[i].0 >> (64 - BUCKET_BITS)) < b {
                i += 1;
            }
            self.starts.push(i as u32);
        }
    }

    fn get(&self, h: u64) -> &[(u64, u32)] {
        let bucket = self.bucket(h);
        let lo = bucket.partition_point(|e| e.0 < h);
        let hi = lo + bucket[lo..].partition_point(|e| e.0 == h);
        &bucket[lo..hi]
    }

    /// Whether any entry is under `h`: recognition's question, asked of
    /// every probe, needs no range (a bucket holds a few pairs).
    fn has(&self, h: u64) -> bool {
        self.bucket(h).iter().any(|e| e.0 == h)
    }

    /// The pairs whose hashes share `h`'s top bits.
    #[inline]
    fn bucket(&self, h: u64) -> &[(u64, u32)] {
        let Some(&a) = self.starts.get((h >> (64 - BUCKET_BITS)) as usize) else { return &[] };
        let b = self.starts.get((h >> (64 - BUCKET_BITS)) as usize + 1).copied().unwrap_or(a);
        &self.pairs[a as usize..b as usize]
    }
}

/// Buffers reused from one place to the next while loading.
#[derive(Default)]
struct Scratch {
    key: String,
    seen: Vec<u64>,
    joined: String,
    skeleton: String,
}

/// The hash a folded key is stored under.
#[inline]
pub fn key_hash(key: &str) -> u64 {
    let mut h = Fx::default();
    h.write(key.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

impl Index {
    /// Adds a place with its names; an area (`area`) of a country whose
    /// names are transliterated is also keyed by its names' [`vowel_key`]s.
    fn add(&mut self, place: Place, names: &[(&str, u32)], by_skeleton: bool, area: bool) {
        if area && TRANSLITERATED.contains(&place.country_code.as_str()) {
            let idx = self.places.len() as u32;
            for &(name, flags) in names {
                let key = vowel_key(&fold(name));
                if !key.is_empty() {
                    self.vowels.push((key_hash(&key), idx << 2 | flags));
                }
            }
        }
        self.add_with(place, names, by_skeleton, &mut Scratch::default());
    }

    /// [`Index::add`] reusing `scratch`'s buffers, for bulk loads.
    fn add_with(&mut self, place: Place, names: &[(&str, u32)], by_skeleton: bool, scratch: &mut Scratch) {
        let idx = self.places.len() as u32;
        self.places.push(place);
        self.names.push(names.len().min(u16::MAX as usize) as u16);
        let Scratch { key, seen, joined, skeleton: sk } = scratch;
        seen.clear();
        for &(name, flags) in names {
            key.clear();
            super::fold::fold_into(name, key);
            let h = key_hash(key);
            if key.len() < 2 || seen.contains(&h) {
                continue;
            }
            seen.push(h);
            let entry = idx << 2 | flags;
            self.exact.pairs.push((h, entry));
            if by_skeleton {
                skeleton_into(key, joined, sk);
                if !sk.is_empty() {
                    self.skeleton.pairs.push((key_hash(sk), entry));
                }
            }
        }
    }

    /// Moves `other`'s places and keys to the end of this index.
    fn append(&mut self, other: Index) {
        let base = (self.places.len() as u32) << 2;
        self.exact.pairs.extend(other.exact.pairs.iter().map(|&(h, e)| (h, e + base)));
        self.skeleton.pairs.extend(other.skeleton.pairs.iter().map(|&(h, e)| (h, e + base)));
        self.vowels.extend(other.vowels.iter().map(|&(h, e)| (h, e + base)));
        self.places.extend(other.places);
        self.names.extend(other.names);
    }

    /// Sorts the keys for lookup; one entry per key and place.
    fn seal(&mut self) {
        self.vowels.sort_unstable();
        self.vowels.dedup_by_key(|e| (e.0, e.1 >> 2));
        let (exact, skeleton) = (&mut self.exact, &mut self.skeleton);
        std::thread::scope(|s| {
            s.spawn(|| exact.seal());
            skeleton.seal();
        });
    }

    /// Entries under an exact folded key.
    pub fn exact(&self, key: &str) -> &[(u64, u32)] {
        self.exact.get(key_hash(key))
    }

    /// Entries under a skeleton key.
    pub fn skeleton(&self, key: &str) -> &[(u64, u32)] {
        self.skeleton.get(key_hash(key))
    }

    /// Entries under a [`vowel_key`].
    pub fn vowels(&self, key: &str) -> &[(u64, u32)] {
        let h = key_hash(key);
        let lo = self.vowels.partition_point(|e| e.0 < h);
        let hi = lo + self.vowels[lo..].partition_point(|e| e.0 == h);
        &self.vowels[lo..hi]
    }

    /// Whether entries are under an exact folded key's [`key_hash`].
    pub fn has_exact_hashed(&self, h: u64) -> bool {
        self.exact.has(h)
    }

    /// Whether entries are under a skeleton key's [`key_hash`].
    pub fn has_skeleton_hashed(&self, h: u64) -> bool {
        self.skeleton.has(h)
    }
}

/// A country's ACLED name, centre override and other names.
pub type Country = (String, Option<(f64, f64)>, Vec<String>);

/// Our own tables: country names as ACLED writes them, ACLED admin1 names,
/// and the stop-list.
pub struct Tables {
    /// ISO code → (ACLED name, centre override, other names).
    pub countries: FxMap<String, Country>,
    /// "SY.05" → "As Sweida" (ours), or GeoNames' name in plain letters.
    pub admin1: FxMap<String, String>,
    pub admin1_aliases: FxMap<String, Vec<String>>,
    pub stopwords: FxMap<Box<str>, ()>,
    /// One-word place names that are common English words ("reading").
    pub common: FxMap<Box<str>, ()>,
}

impl Tables {
    fn load() -> Tables {
        let mut t = Tables {
            countries: FxMap::default(),
            admin1: FxMap::default(),
            admin1_aliases: FxMap::default(),
            stopwords: FxMap::default(),
            common: FxMap::default(),
        };
        for c in rows(COUNTRIES) {
            let centre = match (c.get(2).and_then(|s| s.parse().ok()), c.get(3).and_then(|s| s.parse().ok())) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            };
            let aliases = c.get(4).map(|s| split_names(s)).unwrap_or_default();
            t.countries.insert(c[0].to_string(), (c.get(1).unwrap_or(&c[0]).to_string(), centre, aliases));
        }
        for c in rows(ADMIN1) {
            if let Some(name) = c.get(1) {
                t.admin1.insert(c[0].to_string(), name.to_string());
                t.admin1_aliases.insert(c[0].to_string(), c.get(2).map(|s| split_names(s)).unwrap_or_default());
            }
        }
        for w in STOPWORDS.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            t.stopwords.insert(fold(w).into(), ());
        }
        for w in COMMON_WORDS.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            t.common.insert(fold(w).into(), ());
        }
        t
    }

    /// The country name ACLED writes for an ISO code.
    pub fn country(&self, cc: &str) -> String {
        self.countries.get(cc).map_or_else(|| cc.to_string(), |c| c.0.clone())
    }

    pub fn admin1(&self, cc: &str, code: &str) -> String {
        if code.is_empty() {
            return String::new();
        }
        self.admin1.get(&format!("{cc}.{code}")).cloned().unwrap_or_default()
    }
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

fn split_names(s: &str) -> Vec<String> {
    s.split('|').map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect()
}

/// The built-in index and tables, built on first use and shared.
pub struct Builtin {
    pub index: Index,
    pub tables: Tables,
}

static BUILTIN: LazyLock<Arc<Builtin>> = LazyLock::new(|| Arc::new(load_builtin()));

pub fn builtin() -> Arc<Builtin> {
    Arc::clone(&BUILTIN)
}

fn load_builtin() -> Builtin {
    let mut tables = Tables::load();
    let lines: Vec<&str> = PLACES.lines().filter(|l| !l.starts_with('#')).collect();
    let mut admin2: FxMap<String, String> = FxMap::default();
    for l in lines.iter().filter(|l| l.starts_with("A\t") || l.starts_with("B\t")) {
        let c: Vec<&str> = l.split('\t').collect();
        if c.len() >= 10 && c[0] == "A" {
            let key = format!("{}.{}", c[6], c[7]);
            tables.admin1.entry(key).or_insert_with(|| plain(c[2]));
        }
        if c.len() >= 11 && c[0] == "B" {
            let name = plain(c[2]);
            let name = name.strip_suffix(" District").unwrap_or(&name).to_string();
            admin2.insert(format!("{}.{}.{}", c[6], c[7], c[10]), name);
        }
    }
    // The rows are independent: each thread indexes a run of them, and the
    // runs are joined in order, so the index is the same as a serial load.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let run = lines.len().div_ceil(threads).max(1);
    let parts: Vec<Index> = std::thread::scope(|s| {
        let handles: Vec<_> = lines.chunks(run).map(|part| s.spawn(|| place_rows(part, &tables, &admin2))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    let mut index = Index::default();
    index.exact.pairs.reserve(parts.iter().map(|p| p.exact.pairs.len()).sum());
    index.skeleton.pairs.reserve(parts.iter().map(|p| p.skeleton.pairs.len()).sum());
    for part in parts {
        index.append(part);
    }
    for c in rows(AREAS) {
        if c.len() < 8 {
            continue;
        }
        let (Ok(id), Ok(lat), Ok(lon)) = (c[0].parse::<i64>(), c[3].parse(), c[4].parse()) else { continue };
        let cc = c[5].trim();
        let place = Place {
            geonameid: AREA_IDS + id.unsigned_abs(),
            name: c[1].to_string(),
            latitude: lat,
            longitude: lon,
            country_code: cc.to_string(),
            country: if cc.is_empty() { String::new() } else { tables.country(cc) },
            admin1: tables.admin1(cc, c[6]),
            admin2: String::new(),
            feature_code: match c[7] {
                "1" => "PSTB",
                "2" => "AREA",
                _ => "RGN",
            }
            .to_string(),
            population: 0,
        };
        let mut names = vec![(c[1], 0)];
        names.extend(c[2].split('|').filter(|n| !n.is_empty()).map(|n| (n, ALT)));
        index.add(place, &names, true, true);
    }
    index.seal();
    Builtin { index, tables }
}

/// Indexes rows of `places.tsv` (places numbered from 0).
fn place_rows(lines: &[&str], tables: &Tables, admin2: &FxMap<String, String>) -> Index {
    let mut index = Index::default();
    let mut scratch = Scratch::default();
    let mut names: Vec<(&str, u32)> = Vec::new();
    let mut buf = String::new();
    // Rows come grouped by country: the last country's name, looked up once.
    let mut country: (&str, String) = ("", String::new());
    for l in lines {
        let mut c = [""; 11];
        let mut n = 0;
        for (slot, col) in c.iter_mut().zip(l.split('\t')) {
            *slot = col;
            n += 1;
        }
        if n < 10 {
            continue;
        }
        let (Ok(id), Some(mut lat), Some(mut lon)) = (c[1].parse(), decimal(c[3]), decimal(c[4])) else { continue };
        let cc = c[6];
        names.clear();
        names.push((c[2], 0));
        names.extend(c[9].split('|').filter(|n| !n.is_empty()).map(|n| (n, ALT)));
        buf.clear();
        buf.push_str(cc);
        buf.push('.');
        buf.push_str(c[7]);
        let admin1 = if c[7].is_empty() { String::new() } else { tables.admin1.get(&buf).cloned().unwrap_or_default() };
        let admin2 = if n > 10 {
            buf.push('.');
            buf.push_str(c[10]);
            admin2.get(&buf).cloned().unwrap_or_default()
        } else {
            String::new()
        };
        if country.0 != cc {
            country = (cc, tables.country(cc));
        }
        let mut place = Place {
            geonameid: id,
            name: c[2].to_string(),
            latitude: lat,
            longitude: lon,
            country_code: cc.to_string(),
            country: country.1.clone(),
            admin1,
            admin2,
            feature_code: c[5].to_string(),
            population: c[8].parse().unwrap_or(0),
        };
        match c[0] {
            "A" => {
                place.name = place.admin1.clone();
                names.push((&tables.admin1[&format!("{cc}.{}", c[7])], ALT));
                if let Some(a) = tables.admin1_aliases.get(&format!("{cc}.{}", c[7])) {
                    names.extend(a.iter().map(|n| (n.as_str(), ALT)));
                }
            }
            "C" => {
                if let Some((name, centre, aliases)) = tables.countries.get(cc) {
                    if let Some((a, b)) = centre {
                        (lat, lon) = (*a, *b);
                    }
                    place.name = name.clone();
                    names.push((name, ALT));
                    names.extend(aliases.iter().map(|n| (n.as_str(), ALT | demonym_flag(n))));
                }
                place.latitude = lat;
                place.longitude = lon;
            }
            _ => {}
        }
        let by_skeleton = c[0] == "P" && TRANSLITERATED.contains(&cc);
        index.add_with(place, &names, by_skeleton, &mut scratch);
    }
    index.exact.pairs.sort_unstable();
    index.skeleton.pairs.sort_unstable();
    index
}

/// A coordinate such as "42.57688". Short decimals are parsed as an integer
/// over a power of ten: both are exact doubles, so the quotient is the
/// correctly rounded value, the same as `str::parse` gives; other forms go to
/// `str::parse`.
fn decimal(s: &str) -> Option<f64> {
    const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || int.len() + frac.len() > 15 || !all_digits(int) || !all_digits(frac) {
        return s.parse().ok();
    }
    let m = int.bytes().chain(frac.bytes()).fold(0u64, |m, b| m * 10 + u64::from(b - b'0'));
    let v = m as f64 / POW10[frac.len()];
    Some(if negative { -v } else { v })
}

/// Ids of our own areas: above GeoNames' range, so they never collide.
pub const AREA_IDS: u64 = 9_000_000_000;

/// Demonyms ("Syrian", "Iraqis") name a country's people, not the country.
fn demonym_flag(name: &str) -> u32 {
    let l = name.to_ascii_lowercase();
    let people = ["an", "ans", "ese", "i", "is", "ish", "ic", "ch", "ian", "ians", "ers", "er", "ot", "ots"];
    let is_alias = l.contains(' ') || l.len() <= 3 || name.chars().filter(|c| c.is_uppercase()).count() > 1;
    if !is_alias && people.iter().any(|s| l.ends_with(s)) && !l.ends_with("stan") && !l.ends_with("land") {
        DEMONYM
    } else {
        0
    }
}

/// A GeoNames-layout dump read apart from the built-in data (see
/// [`parse_dump`]): its well-formed rows with their names' near-miss keys,
/// its malformed lines, and the built-in names of the rows that are
/// built-in places.
pub struct ParsedDump<'t> {
    rows: Vec<DumpRow<'t>>,
    errors: Vec<DumpError>,
    copies: FxMap<u64, (&'static str, &'static str)>,
}

/// A well-formed row of a dump: its columns and its point.
struct DumpRow<'t> {
    cols: Vec<&'t str>,
    id: u64,
    lat: f64,
    lon: f64,
    /// The near-miss keys of the row's own names.
    keyed: super::fuzzy::Keyed,
}

/// Reads a dump's rows and keys their names: the part of [`add_dump`]
/// that needs no built-in data, so that it can run while that loads.
pub fn parse_dump(text: &str) -> ParsedDump<'_> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let line_no = i + 1;
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 19 {
            errors.push(DumpError { line: line_no, reason: format!("{} columns, expected 19", cols.len()) });
            continue;
        }
        let Ok(id) = cols[0].parse::<u64>() else {
            errors.push(DumpError { line: line_no, reason: format!("bad geonameid {:?}", cols[0]) });
            continue;
        };
        let (Ok(lat), Ok(lon)) = (cols[4].parse::<f64>(), cols[5].parse::<f64>()) else {
            errors.push(DumpError { line: line_no, reason: format!("bad coordinates {:?} {:?}", cols[4], cols[5]) });
            continue;
        };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) || cols[1].trim().is_empty() {
            errors
                .push(DumpError { line: line_no, reason: format!("coordinates {lat} {lon} out of range or no name") });
            continue;
        }
        let keyed = super::fuzzy::Keyed::of(&own_names(&cols).map(|(n, _)| n).collect::<Vec<_>>());
        rows.push(DumpRow { cols, id, lat, lon, keyed });
    }
    let ids = rows.iter().map(|r| (r.id, ())).collect();
    ParsedDump { rows, errors, copies: builtin_rows(&ids) }
}

/// A row's own names: its name, ASCII name and Latin alternate names.
fn own_names<'t>(cols: &[&'t str]) -> impl Iterator<Item = (&'t str, u32)> {
    [(cols[1], 0), (cols[2], ALT)]
        .into_iter()
        .chain(cols[3].split(',').filter(|n| n.chars().all(is_latin)).map(|n| (n, ALT)))
}

/// Adds the rows of a GeoNames-layout dump to `index`.
/// A row naming a built-in place keeps the built-in admin1, population and
/// feature code where its own are blank.
pub fn add_dump(index: &mut Index, base: &Builtin, text: &str) -> (usize, Vec<DumpError>) {
    add_parsed(index, base, parse_dump(text))
}

/// [`add_dump`] of a dump already read by [`parse_dump`].
pub fn add_parsed(index: &mut Index, base: &Builtin, dump: ParsedDump<'_>) -> (usize, Vec<DumpError>) {
    let tables = &base.tables;
    // Only the built-in places the dump's rows name (about 300 for SY.txt).
    let ids: FxMap<u64, ()> = dump.rows.iter().map(|r| (r.id, ())).collect();
    let known: FxMap<u64, u32> = base
        .index
        .places
        .iter()
        .enumerate()
        .filter(|(_, p)| ids.contains_key(&p.geonameid))
        .map(|(i, p)| (p.geonameid, i as u32))
        .collect();
    let mut added = 0;
    let mut names: Vec<(&str, u32)> = Vec::new();
    let first = index.places.len();
    for DumpRow { cols, id, lat, lon, keyed } in dump.rows {
        let cc = cols[8];
        // A country's own row in a dump of places adds only its names in
        // every language, which would read villages ("Suray'a") as the country.
        if known.get(&id).is_some_and(|&b| base.index.places[b as usize].feature_code.starts_with("PCL")) {
            continue;
        }
        names.clear();
        names.extend(own_names(&cols));
        // A row of a built-in place keeps the built-in row's names, else
        // the copy hides the spellings only they have (GeoNames' country
        // dumps and cities500 list different other names: "Tabqa" is only
        // in the latter); a partial copy (a row without a feature code)
        // also takes its name.
        let builtin_names = dump.copies.get(&id).filter(|_| known.contains_key(&id));
        if let Some(&(name, alts)) = builtin_names {
            names.push((name, ALT));
            names.extend(alts.split('|').filter(|n| !n.is_empty()).map(|n| (n, ALT)));
        }
        let own = builtin_names.filter(|_| cols[7].trim().is_empty());
        let place = Place {
            geonameid: id,
            name: own.map_or(cols[1], |&(name, _)| name).to_string(),
            latitude: lat,
            longitude: lon,
            country_code: cc.to_string(),
            country: tables.country(cc),
            admin1: tables.admin1(cc, cols[10]),
            admin2: String::new(),
            feature_code: cols[7].to_string(),
            population: cols[14].parse().unwrap_or(0),
        };
        let mut place = place;
        if let Some(&b) = known.get(&id) {
            let b = &base.index.places[b as usize];
            if place.admin1.is_empty() {
                place.admin1.clone_from(&b.admin1);
            }
            if place.population == 0 {
                place.population = b.population;
            }
            if place.feature_code.is_empty() {
                place.feature_code.clone_from(&b.feature_code);
            }
            place.admin2.clone_from(&b.admin2);
        }
        // A copy's keys take the built-in names too.
        let keyed = if builtin_names.is_some() {
            super::fuzzy::Keyed::of(&names.iter().map(|&(n, _)| n).collect::<Vec<_>>())
        } else {
            keyed
        };
        index.near.add(index.places.len() as u32, keyed);
        // (Feature classes L and T: areas, mountains, valleys, plains.)
        index.add(place, &names, true, matches!(cols[6], "L" | "T"));
        added += 1;
    }
    inherit_admin1(&mut index.places[first..]);
    index.seal();
    (added, dump.errors)
}

/// The name and alternate names (`|`-separated) of the built-in rows of
/// `ids`, read from `places.tsv` (one pass).
fn builtin_rows(ids: &FxMap<u64, ()>) -> FxMap<u64, (&'static str, &'static str)> {
    let mut out = FxMap::default();
    if ids.is_empty() {
        return out;
    }
    for l in PLACES.lines() {
        let mut c = l.splitn(11, '\t');
        let (Some(kind), Some(id)) = (c.next(), c.next()) else { continue };
        if kind != "P" {
            continue;
        }
        let Ok(id) = id.parse::<u64>() else { continue };
        if ids.contains_key(&id)
            && let (Some(name), Some(alts)) = (c.next(), c.nth(6))
        {
            out.insert(id, (name, alts));
        }
    }
    out
}

/// Rows without an admin1 code take the first-level division of the
/// nearest row of the same country that has one, if within 30 km: a village
/// lies in the governorate of its neighbours.
fn inherit_admin1(places: &mut [Place]) {
    let orphans: Vec<usize> = (0..places.len()).filter(|&i| places[i].admin1.is_empty()).collect();
    for i in orphans {
        let p = &places[i];
        // Rows more than 0.3 degrees of latitude away are more than 33 km
        // away (a great-circle distance is at least the latitudes' gap):
        // never within 30 km, never nearer than one that is.
        let nearest = places
            .iter()
            .filter(|q| {
                (q.latitude - p.latitude).abs() <= 0.3 && !q.admin1.is_empty() && q.country_code == p.country_code
            })
            .map(|q| (super::resolve::km(p, q), q))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((d, q)) = nearest
            && d <= 30.0
        {
            let admin1 = q.admin1.clone();
            places[i].admin1 = admin1;
        }
    }
}

fn is_latin(c: char) -> bool {
    (c as u32) < 0x250 || (0x1E00..0x1F00).contains(&(c as u32)) || "’ʿʾ‘".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fx_hashes_eight_bytes_at_a_time_the_last_zero_padded() {
        let text = b"Deir ez-Zor, Abu Kamal and al-Mayadin";
        for len in 0..=text.len() {
            let bytes = &text[..len];
            let mut expect = Fx::default();
            for chunk in bytes.chunks(8) {
                let mut w = [0u8; 8];
                w[..chunk.len()].copy_from_slice(chunk);
                expect.mix(u64::from_le_bytes(w));
            }
            let mut got = Fx::default();
            got.write(bytes);
            assert_eq!(got.finish(), expect.finish(), "{len} bytes");
        }
    }

    /// An invented dump row: id, name, latitude, longitude, feature code, admin1 code.
    fn row(id: u64, name: &str, lat: f64, lon: f64, code: &str, admin1: &str) -> String {
        format!(
            "{id}\t{name}\t{name}\t\t{lat}\t{lon}\tP\t{code}\tSY\t\t{admin1}\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01\n"
        )
    }

    #[test]
    fn a_row_without_admin1_takes_its_neighbours_and_a_country_row_is_skipped() {
        let base = builtin();
        let mut index = Index::default();
        let dump = [
            row(900101, "Kafr Sulaym", 35.50, 36.60, "PPL", "12"),
            row(900102, "Tall Sulaym", 35.52, 36.62, "", ""),
            row(900103, "Ard Nabi", 33.00, 40.90, "PPL", ""),
            // Syria's own geonameid, as some dumps of places carry it.
            row(163843, "Syria", 35.0, 38.0, "", ""),
        ]
        .concat();
        let (added, errors) = add_dump(&mut index, &base, &dump);
        assert_eq!((added, errors.len()), (3, 0));
        let admin1: Vec<&str> = index.places.iter().map(|p| p.admin1.as_str()).collect();
        // The lone row far from any other keeps no admin1.
        assert_eq!(admin1, vec!["Idleb", "Idleb", ""]);
    }

    #[test]
    fn a_copy_of_a_built_in_place_keeps_its_names() {
        let base = builtin();
        let mut index = Index::default();
        // A built-in city's geonameid with no feature code and an Arabic-script name only.
        let dump = row(173811, "\u{627}\u{644}\u{62d}\u{633}\u{643}\u{629}", 36.50237, 40.74772, "", "");
        assert_eq!(add_dump(&mut index, &base, &dump).0, 1);
        assert_eq!(
            (index.places[0].name.as_str(), index.places[0].feature_code.as_str()),
            ("Al \u{1e28}asakah", "PPLA")
        );
        assert!(!index.exact(&fold("Al-Hasakeh")).is_empty());
        // A full row keeps its own name, and the built-in spellings its
        // own other names lack.
        let mut index = Index::default();
        add_dump(&mut index, &base, &row(173811, "Hasakah Town", 36.50237, 40.74772, "PPLA", "01"));
        assert_eq!(index.places[0].name, "Hasakah Town");
        assert!(!index.exact(&fold("Al-Hasakeh")).is_empty());
    }

    fn check_decimal(input: &str) {
        assert_eq!(decimal(input).map(f64::to_bits), input.parse::<f64>().ok().map(f64::to_bits), "{input:?}");
    }

    #[test]
    fn decimals_parse_as_str_parse_does() {
        for input in ["42.57688", "-0.0", "-12.5", "1.", "0.1", "0.3", "180", "-179.99999", "123456789012345.6"] {
            check_decimal(input);
        }
        for input in [".5", "+1.5", "1e3", "", "-", "1.2.3", "x", "1234567890.1234567"] {
            check_decimal(input);
        }
        for row in PLACES.lines().filter(|l| !l.starts_with('#')) {
            let c: Vec<&str> = row.split('\t').collect();
            check_decimal(c[3]);
            check_decimal(c[4]);
        }
    }
}
