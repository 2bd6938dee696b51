//! `frontline bench`: how fast is extract, and is its answer still right?
//!
//! Generates a corpus from our own templates (see [`corpus`]) or reads
//! JSON Lines files, then runs what `extract` runs per record (read the
//! JSON/HTML, `process`, serialise events and mentions) in process over a
//! rayon pool of one thread and of all threads, with the mentions output
//! (`extract --mentions`) and without it (`extract`'s default, events
//! only), and prints MB/s, articles/s,
//! events/s, the time split between reading, processing and serialising,
//! peak memory and start-up time. With `--db` it also times `frontline
//! ingest` on the same corpus; with the corpus on disk (`--write` or
//! `--input`) it times the real `frontline extract` end to end.
//!
//! It checks its answer: some events must come out, every run and thread
//! count must give the same count, no record may fail, and `--expect-events`
//! pins the count recorded in BENCHMARKS.md. A failed check is an error
//! (exit 2), so a regression that drops every event cannot pass silently.
//!
//! Sizes are in decimal megabytes (10^6 bytes) of input records as given.

mod corpus;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::Context;
use frontline_pipeline::{Resources, Severity, SubEventType, process_writing_mentions, read};
use rayon::prelude::*;

use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// Size of the generated corpus in MB (10^6 bytes of JSON Lines records).
    #[arg(long, default_value_t = 50.0, conflicts_with_all = ["articles", "input"])]
    pub mb: f64,
    /// Generate this many articles instead of `--mb`.
    #[arg(long, conflicts_with = "input")]
    pub articles: Option<u64>,
    /// Seed of the generated corpus (same seed, same articles).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Percentage of generated articles that are whole HTML pages.
    #[arg(long, default_value_t = 25, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub html: u8,
    /// Benchmark these JSON Lines files instead of a generated corpus (repeatable).
    #[arg(long)]
    pub input: Vec<PathBuf>,
    /// Also write the generated corpus here (JSON Lines), e.g. for `scripts/peer-spacy`.
    #[arg(long, conflicts_with = "input")]
    pub write: Option<PathBuf>,
    /// Threads for the parallel figure (default: all cores); one thread is always measured.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Timed runs per thread count; the best is reported.
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    /// Fail unless exactly this many events come out (the count recorded in BENCHMARKS.md).
    #[arg(long)]
    pub expect_events: Option<u64>,
    /// Extra GeoNames-layout gazetteer dump, as for extract (repeatable).
    #[arg(long = "gazetteer")]
    pub gazetteers: Vec<PathBuf>,
    /// Also time `frontline ingest` of the corpus into this (new) SQLite database.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Print the figures as one JSON object on the last line.
    #[arg(long)]
    pub json: bool,
}

/// The corpus in memory: one JSON Lines record per entry.
struct Corpus {
    lines: Vec<Vec<u8>>,
    bytes: u64,
    html: usize,
    planted: [u64; SUB_TYPES],
    /// Where the corpus is on disk, when it is.
    files: Vec<PathBuf>,
}

const SUB_TYPES: usize = SubEventType::ALL.len();

/// Articles processed once before the timed runs.
const WARM_UP: usize = 16;

/// What one pass over the corpus produced, summed over articles.
#[derive(Default, Clone)]
struct Tally {
    articles: u64,
    events: u64,
    mentions: u64,
    failed: u64,
    output_bytes: u64,
    read: Duration,
    process: Duration,
    serialise: Duration,
    by_type: [u64; SUB_TYPES],
}

impl Tally {
    fn add(mut self, o: Tally) -> Tally {
        self.articles += o.articles;
        self.events += o.events;
        self.mentions += o.mentions;
        self.failed += o.failed;
        self.output_bytes += o.output_bytes;
        self.read += o.read;
        self.process += o.process;
        self.serialise += o.serialise;
        for (a, b) in self.by_type.iter_mut().zip(o.by_type) {
            *a += b;
        }
        self
    }
}

/// The figures of one thread count: the best of `repeat` runs.
struct Figures {
    threads: usize,
    /// Whether the mention lines were written too (`extract --mentions`).
    mentions: bool,
    walls: Vec<Duration>,
    /// CPU time (user + system, all threads) of each run: robust to a
    /// loaded machine, where wall time is not.
    cpus: Vec<Duration>,
    tally: Tally,
}

impl Figures {
    fn best(&self) -> Duration {
        self.walls.iter().min().copied().unwrap_or_default()
    }

    fn best_cpu(&self) -> Duration {
        self.cpus.iter().min().copied().unwrap_or_default()
    }
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let load = loadavg();
    let t = Instant::now();
    let resources = super::resources(&args.gazetteers)?;
    let resources_time = t.elapsed();
    let rss_resources = vm_kb("VmRSS");
    let startup = binary_startup(&args.gazetteers, args.repeat.clamp(1, 3))?;

    let t = Instant::now();
    let corpus = if args.input.is_empty() { generate(&args)? } else { load_inputs(&args.input)? };
    let corpus_time = t.elapsed();
    if corpus.lines.is_empty() {
        anyhow::bail!("the benchmark corpus is empty");
    }

    // The rule regexes are compiled with the resources; the lazy DFAs'
    // caches and a few regexes local to functions are still built on first
    // use: pay that once, untimed by the runs, and report it with the
    // start-up figures.
    let t = Instant::now();
    for line in corpus.lines.iter().take(WARM_UP) {
        one(line, &resources, true);
    }
    let warm_up = t.elapsed();

    let all = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let mut counts = vec![1];
    if all > 1 {
        counts.push(all);
    }
    let mut figures = Vec::new();
    for mentions in [true, false] {
        for &threads in &counts {
            figures.push(measure(&corpus, &resources, threads, args.repeat.max(1), mentions)?);
        }
    }
    let peak_kb = vm_kb("VmHWM");
    let end_to_end = match corpus.files.is_empty() {
        true => None,
        false => Some(extract_end_to_end(&corpus.files, &args.gazetteers)?),
    };
    let ingest = match &args.db {
        Some(db) => Some(ingest_end_to_end(&corpus, db, &args.gazetteers)?),
        None => None,
    };

    let report = Report {
        args: &args,
        load,
        resources_time,
        rss_resources,
        startup,
        warm_up,
        corpus: &corpus,
        corpus_time,
        figures: &figures,
        peak_kb,
        end_to_end,
        ingest,
    };
    report.print();
    let verdict = check(&figures, corpus.lines.len(), args.expect_events);
    if let Ok(events) = &verdict {
        println!("checks: ok ({events} events on every run and thread count, no failed records)");
    }
    if args.json {
        println!("{}", report.json());
    }
    verdict?;
    Ok(Outcome::Ok)
}

/// Generates the corpus of `args` (and writes it with `--write`).
fn generate(args: &Args) -> anyhow::Result<Corpus> {
    let spec = corpus::Spec { seed: args.seed, html_percent: usize::from(args.html) };
    let limit_bytes = (args.mb * 1e6) as u64;
    let mut c = Corpus { lines: Vec::new(), bytes: 0, html: 0, planted: [0; SUB_TYPES], files: Vec::new() };
    let mut index = 0u64;
    // Generate in parallel chunks; article i depends on (seed, i) only.
    const CHUNK: u64 = 1024;
    loop {
        let done = match args.articles {
            Some(n) => index >= n,
            None => c.bytes >= limit_bytes,
        };
        if done {
            break;
        }
        let end = args.articles.map_or(index + CHUNK, |n| n.min(index + CHUNK));
        let chunk: Vec<corpus::Generated> = (index..end).into_par_iter().map(|i| corpus::article(spec, i)).collect();
        for g in chunk {
            if args.articles.is_none() && c.bytes >= limit_bytes {
                break;
            }
            c.bytes += g.line.len() as u64;
            c.html += usize::from(g.html);
            for t in &g.planted {
                c.planted[*t as usize] += 1;
            }
            c.lines.push(g.line);
        }
        index = end;
    }
    if let Some(path) = &args.write {
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        for line in &c.lines {
            out.write_all(line).with_context(|| format!("cannot write {}", path.display()))?;
        }
        out.flush().with_context(|| format!("cannot write {}", path.display()))?;
        c.files.push(path.clone());
    }
    Ok(c)
}

/// Reads JSON Lines files as the corpus (records kept as bytes, so reading
/// them is timed as part of extract).
fn load_inputs(paths: &[PathBuf]) -> anyhow::Result<Corpus> {
    let mut c = Corpus { lines: Vec::new(), bytes: 0, html: 0, planted: [0; SUB_TYPES], files: paths.to_vec() };
    for path in paths {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
        if !matches!(ext.as_str(), "jsonl" | "ndjson") {
            anyhow::bail!("bench input {} is not a JSON Lines file (.jsonl)", path.display());
        }
        let data = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        for line in data.split(|&b| b == b'\n') {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            c.bytes += line.len() as u64 + 1;
            c.html += usize::from(has_html_body(line));
            c.lines.push(line.to_vec());
        }
    }
    Ok(c)
}

/// Whether a record carries an `"html"` body (for the corpus description only).
fn has_html_body(line: &[u8]) -> bool {
    line.windows(7).any(|w| w == b"\"html\":")
}

/// Runs the corpus `repeat` times on a pool of `threads` threads.
fn measure(
    corpus: &Corpus,
    resources: &Resources,
    threads: usize,
    repeat: usize,
    mentions: bool,
) -> anyhow::Result<Figures> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .with_context(|| format!("cannot start {threads} threads"))?;
    let mut walls = Vec::with_capacity(repeat);
    let mut cpus = Vec::with_capacity(repeat);
    let mut first: Option<Tally> = None;
    for _ in 0..repeat {
        let cpu = cpu_time();
        let t = Instant::now();
        let tally = pool.install(|| {
            corpus
                .lines
                .par_iter()
                .with_min_len(4)
                .fold(Tally::default, |t, line| t.add(one(line, resources, mentions)))
                .reduce(Tally::default, Tally::add)
        });
        walls.push(t.elapsed());
        cpus.push(cpu_time().saturating_sub(cpu));
        match &first {
            None => first = Some(tally),
            Some(f) if f.events != tally.events || f.mentions != tally.mentions => anyhow::bail!(
                "check failed: {threads} thread(s) gave {} events and {} mentions on one run, {} and {} on another",
                f.events,
                f.mentions,
                tally.events,
                tally.mentions
            ),
            Some(_) => {}
        }
    }
    Ok(Figures { threads, mentions, walls, cpus, tally: first.unwrap_or_default() })
}

/// What `extract` does with one record, timed by stage: with `mentions`,
/// what `extract --mentions` does.
fn one(line: &[u8], resources: &Resources, mentions: bool) -> Tally {
    let mut t = Tally { articles: 1, ..Default::default() };
    let t0 = Instant::now();
    let article = read::from_json_line(line, "bench");
    let t1 = Instant::now();
    t.read = t1 - t0;
    let Ok(article) = article else {
        t.failed = 1;
        return t;
    };
    // Mention lines as `extract` writes them (each ends its line), made
    // during processing: their time counts as processing.
    let mut lines = Vec::new();
    let (x, n) = process_writing_mentions(&article, resources, mentions.then_some(&mut lines));
    let t2 = Instant::now();
    t.process = t2 - t1;
    let mut out = Vec::new();
    for ev in &x.events {
        t.by_type[ev.sub_event_type as usize] += 1;
        ev.write_json_line(&mut out);
    }
    t.serialise = t2.elapsed();
    t.events = x.events.len() as u64;
    t.mentions = n as u64;
    t.output_bytes = out.len() as u64 + lines.len() as u64;
    if x.diagnostics.iter().any(|d| d.severity == Severity::Error) {
        t.failed = 1;
    }
    t
}

/// Start-up of the real binary: `frontline extract` on empty input, best of `runs`.
fn binary_startup(gazetteers: &[PathBuf], runs: usize) -> anyhow::Result<Duration> {
    let exe = std::env::current_exe().context("cannot find the frontline executable")?;
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let out = Command::new(&exe)
            .arg("extract")
            .args(gazetteer_flags(gazetteers))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .with_context(|| format!("cannot run {}", exe.display()))?;
        let elapsed = t.elapsed();
        if !out.status.success() {
            anyhow::bail!("`frontline extract` on empty input failed: {}", String::from_utf8_lossy(&out.stderr).trim());
        }
        best = best.min(elapsed);
    }
    Ok(best)
}

fn gazetteer_flags(gazetteers: &[PathBuf]) -> Vec<std::ffi::OsString> {
    gazetteers.iter().flat_map(|g| ["--gazetteer".into(), g.clone().into_os_string()]).collect()
}

/// Wall time of the real `frontline extract` over the corpus files, all
/// threads, events and mentions written to /dev/null.
fn extract_end_to_end(files: &[PathBuf], gazetteers: &[PathBuf]) -> anyhow::Result<Duration> {
    let exe = std::env::current_exe().context("cannot find the frontline executable")?;
    let t = Instant::now();
    let out = Command::new(&exe)
        .arg("extract")
        .args(files)
        .args(["-o", "/dev/null", "--mentions", "/dev/null"])
        .args(gazetteer_flags(gazetteers))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    let elapsed = t.elapsed();
    if !out.status.success() {
        anyhow::bail!("`frontline extract` on the corpus failed: {}", first_lines(&out.stderr));
    }
    Ok(elapsed)
}

/// What `frontline ingest` of the corpus took.
struct Ingest {
    wall: Duration,
    /// CPU time of the ingest process, all threads: unlike wall time, not
    /// inflated by other work on a shared machine.
    cpu: Duration,
    /// CPU time of its store writer thread (SQL only), from its summary line.
    store_cpu: Option<Duration>,
}

/// The store writer's CPU seconds in `frontline ingest`'s summary line
/// ("... the store busy 7.39 s, 1.02 s CPU) ...").
fn store_cpu(summary: &str) -> Option<Duration> {
    let before = &summary[..summary.find(" s CPU)")?];
    let secs: f64 = before.rsplit(' ').next()?.parse().ok()?;
    Some(Duration::from_secs_f64(secs))
}

/// `frontline ingest` of the corpus into a new database at `db`: the
/// ingest figure. The corpus is written next to the database when it is
/// not on disk already.
fn ingest_end_to_end(corpus: &Corpus, db: &Path, gazetteers: &[PathBuf]) -> anyhow::Result<Ingest> {
    if db.exists() {
        anyhow::bail!("--db {} exists; the ingest benchmark needs a new database", db.display());
    }
    let mut files = corpus.files.clone();
    if files.is_empty() {
        let path = db.with_extension("corpus.jsonl");
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        for line in &corpus.lines {
            out.write_all(line).with_context(|| format!("cannot write {}", path.display()))?;
        }
        out.flush().with_context(|| format!("cannot write {}", path.display()))?;
        files.push(path);
    }
    let exe = std::env::current_exe().context("cannot find the frontline executable")?;
    let cpu = children_cpu_time();
    let t = Instant::now();
    let out = Command::new(&exe)
        .arg("ingest")
        .args(&files)
        .arg("--db")
        .arg(db)
        .args(gazetteer_flags(gazetteers))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("cannot run {}", exe.display()))?;
    let wall = t.elapsed();
    if !out.status.success() {
        anyhow::bail!("`frontline ingest` of the corpus failed: {}", first_lines(&out.stderr));
    }
    let cpu = children_cpu_time().saturating_sub(cpu);
    Ok(Ingest { wall, cpu, store_cpu: store_cpu(&String::from_utf8_lossy(&out.stderr)) })
}

fn first_lines(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr).lines().take(5).collect::<Vec<_>>().join("; ")
}

/// A field of `/proc/self/status` in kB (0 where there is no /proc).
fn vm_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// CPU time of this process so far, all threads (user + system, from
/// `/proc/self/stat`, in the kernel's 100 Hz ticks; zero without /proc).
fn cpu_time() -> Duration {
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    proc_stat_ticks(11)
}

/// CPU time of the finished child processes this process waited for.
fn children_cpu_time() -> Duration {
    // cutime and cstime are the 16th and 17th fields.
    proc_stat_ticks(13)
}

/// Two adjacent tick counts of `/proc/self/stat`, `skip` fields after the
/// command name, summed, as time.
fn proc_stat_ticks(skip: usize) -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: u64 = rest.split_whitespace().skip(skip).take(2).filter_map(|v| v.parse::<u64>().ok()).sum();
    Duration::from_millis(ticks * 10)
}

/// The 1, 5 and 15 minute load averages, as `uptime` shows them.
fn loadavg() -> String {
    let s = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    s.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

struct Report<'a> {
    args: &'a Args,
    load: String,
    resources_time: Duration,
    rss_resources: u64,
    startup: Duration,
    warm_up: Duration,
    corpus: &'a Corpus,
    corpus_time: Duration,
    figures: &'a [Figures],
    peak_kb: u64,
    end_to_end: Option<Duration>,
    ingest: Option<Ingest>,
}

fn mb_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
}

fn per_s(n: u64, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

impl Report<'_> {
    fn print(&self) {
        let c = self.corpus;
        let n = c.lines.len() as u64;
        let source = if self.args.input.is_empty() {
            format!(
                "generated (seed {}, {}% HTML) in {:.2} s",
                self.args.seed,
                self.args.html,
                self.corpus_time.as_secs_f64()
            )
        } else {
            format!("read from {} file(s)", self.args.input.len())
        };
        println!(
            "corpus: {:.1} MB, {n} articles ({} text, {} HTML), {source}",
            c.bytes as f64 / 1e6,
            n - c.html as u64,
            c.html
        );
        println!("machine: {} threads available, load average {} at start", available(), self.load);
        println!(
            "start-up: resources built in {:.3} s ({} MB resident); `frontline extract` on empty input {:.3} s; \
             first {} articles (first-use builds, untimed below) {:.3} s",
            self.resources_time.as_secs_f64(),
            self.rss_resources / 1024,
            self.startup.as_secs_f64(),
            WARM_UP.min(c.lines.len()),
            self.warm_up.as_secs_f64()
        );
        println!(
            "output             threads       MB/s  MB/s/core  articles/s   events/s  best wall (of {})  MB per CPU-s",
            self.args.repeat.max(1)
        );
        for f in self.figures {
            let best = f.best();
            let rate = mb_s(c.bytes, best);
            println!(
                "{:<17} {:>8} {:>10.1} {:>10.1} {:>11.0} {:>10.0}  {:>13.3} s  {:>12.1}",
                if f.mentions { "events+mentions" } else { "events only" },
                f.threads,
                rate,
                rate / f.threads as f64,
                per_s(n, best),
                per_s(f.tally.events, best),
                best.as_secs_f64(),
                mb_s(c.bytes, f.best_cpu())
            );
        }
        let with_mentions: Vec<&Figures> = self.figures.iter().filter(|f| f.mentions).collect();
        if let [one, .., many] = with_mentions.as_slice() {
            let speedup = one.best().as_secs_f64() / many.best().as_secs_f64().max(1e-9);
            let cpu_efficiency = one.best_cpu().as_secs_f64() / many.best_cpu().as_secs_f64().max(1e-9);
            println!(
                "scaling: {speedup:.2}x on {} threads ({:.0}% of linear) by wall time; work per CPU-second {:.0}% of \
                 one thread's (100% = no parallel overhead; wall scaling needs idle cores)",
                many.threads,
                100.0 * speedup / many.threads as f64,
                100.0 * cpu_efficiency
            );
        }
        if let Some(f) = self.figures.first() {
            let t = &f.tally;
            let total = (t.read + t.process + t.serialise).as_secs_f64().max(1e-9);
            println!(
                "time split (1 thread, events+mentions): read {:.0}%, process {:.0}% (mention lines included), \
                 serialise events {:.0}%",
                100.0 * t.read.as_secs_f64() / total,
                100.0 * t.process.as_secs_f64() / total,
                100.0 * t.serialise.as_secs_f64() / total
            );
            println!(
                "answer: {} events, {} mentions, {:.1} MB of JSON out, {} failed records",
                t.events,
                t.mentions,
                t.output_bytes as f64 / 1e6,
                t.failed
            );
            if c.planted.iter().any(|&p| p > 0) {
                println!("  sub-event type                         planted   found");
                for (i, sub) in SubEventType::ALL.iter().enumerate() {
                    println!("  {:<38} {:>7} {:>7}", sub.as_str(), c.planted[i], t.by_type[i]);
                }
            }
        }
        println!(
            "peak memory (VmHWM): {} MB, including the corpus held in memory ({:.0} MB)",
            self.peak_kb / 1024,
            c.bytes as f64 / 1e6
        );
        if let Some(d) = self.end_to_end {
            println!(
                "end to end: `frontline extract` (all threads, output to /dev/null) {:.1} MB/s, {:.3} s",
                mb_s(c.bytes, d),
                d.as_secs_f64()
            );
        }
        if let Some(i) = &self.ingest {
            println!(
                "ingest: `frontline ingest` into a new database {:.1} MB/s, {:.3} s; CPU {:.2} s ({:.1} MB per CPU-second), of which the store writer {}",
                mb_s(c.bytes, i.wall),
                i.wall.as_secs_f64(),
                i.cpu.as_secs_f64(),
                mb_s(c.bytes, i.cpu),
                i.store_cpu.map_or("?".to_string(), |d| format!("{:.2} s", d.as_secs_f64()))
            );
        }
    }

    fn json(&self) -> serde_json::Value {
        let c = self.corpus;
        let runs: Vec<_> = self
            .figures
            .iter()
            .map(|f| {
                serde_json::json!({
                    "threads": f.threads,
                    "mentions_output": f.mentions,
                    "best_s": f.best().as_secs_f64(),
                    "walls_s": f.walls.iter().map(Duration::as_secs_f64).collect::<Vec<_>>(),
                    "cpus_s": f.cpus.iter().map(Duration::as_secs_f64).collect::<Vec<_>>(),
                    "mb_per_cpu_s": mb_s(c.bytes, f.best_cpu()),
                    "mb_per_s": mb_s(c.bytes, f.best()),
                    "articles_per_s": per_s(c.lines.len() as u64, f.best()),
                    "events_per_s": per_s(f.tally.events, f.best()),
                    "events": f.tally.events,
                    "mentions": f.tally.mentions,
                    "failed": f.tally.failed,
                })
            })
            .collect();
        serde_json::json!({
            "corpus_mb": c.bytes as f64 / 1e6,
            "articles": c.lines.len(),
            "html_articles": c.html,
            "seed": self.args.input.is_empty().then_some(self.args.seed),
            "load": self.load,
            "resources_s": self.resources_time.as_secs_f64(),
            "startup_s": self.startup.as_secs_f64(),
            "warm_up_s": self.warm_up.as_secs_f64(),
            "peak_mb": self.peak_kb / 1024,
            "runs": runs,
            "end_to_end_s": self.end_to_end.map(|d| d.as_secs_f64()),
            "ingest_s": self.ingest.as_ref().map(|i| i.wall.as_secs_f64()),
            "ingest_cpu_s": self.ingest.as_ref().map(|i| i.cpu.as_secs_f64()),
            "ingest_store_cpu_s": self.ingest.as_ref().and_then(|i| i.store_cpu).map(|d| d.as_secs_f64()),
        })
    }
}

/// The answer checks (the per-run equality is checked while measuring):
/// events came out, no record failed, every thread count agrees, and the
/// count is the expected one when one is given. Returns the event count.
fn check(figures: &[Figures], articles: usize, expected: Option<u64>) -> anyhow::Result<u64> {
    let Some(first) = figures.first() else { anyhow::bail!("check failed: nothing was measured") };
    let events = first.tally.events;
    if events == 0 {
        anyhow::bail!("check failed: no events from {articles} articles");
    }
    if first.tally.failed > 0 {
        anyhow::bail!("check failed: {} records failed to read or process", first.tally.failed);
    }
    for f in figures {
        if f.tally.events != events {
            anyhow::bail!("check failed: 1 thread gave {events} events, {} threads gave {}", f.threads, f.tally.events);
        }
    }
    if let Some(expected) = expected
        && expected != events
    {
        anyhow::bail!("check failed: {events} events, expected {expected} (--expect-events)");
    }
    Ok(events)
}

fn available() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(threads, events, failed)` per measured thread count.
    fn check_figures(runs: &[(usize, u64, u64)], expected: Option<u64>, expect: Result<u64, &str>) {
        let figures: Vec<Figures> = runs
            .iter()
            .map(|&(threads, events, failed)| Figures {
                threads,
                mentions: true,
                walls: vec![Duration::from_millis(10)],
                cpus: vec![Duration::from_millis(10)],
                tally: Tally { articles: 10, events, failed, ..Default::default() },
            })
            .collect();
        match (check(&figures, 10, expected), expect) {
            (Ok(n), Ok(m)) => assert_eq!(n, m),
            (Err(e), Err(part)) => assert!(e.to_string().contains(part), "{e} does not mention {part:?}"),
            (got, want) => panic!("check gave {got:?}, expected {want:?}"),
        }
    }

    #[test]
    fn checks() {
        check_figures(&[(1, 40, 0), (2, 40, 0)], None, Ok(40));
        check_figures(&[(1, 40, 0), (2, 40, 0)], Some(40), Ok(40));
        check_figures(&[(1, 0, 0), (2, 0, 0)], None, Err("no events from 10 articles"));
        check_figures(&[(1, 40, 0), (2, 39, 0)], None, Err("2 threads gave 39"));
        check_figures(&[(1, 40, 2)], None, Err("2 records failed"));
        check_figures(&[(1, 40, 0)], Some(41), Err("expected 41"));
        check_figures(&[], None, Err("nothing was measured"));
    }

    #[test]
    fn cpu_time_advances() {
        let before = cpu_time();
        let mut x = 0u64;
        let t = Instant::now();
        while t.elapsed() < Duration::from_millis(60) {
            x = x.wrapping_mul(31).wrapping_add(std::hint::black_box(7));
        }
        std::hint::black_box(x);
        assert!(cpu_time() > before, "no CPU time counted in /proc/self/stat");
    }

    #[test]
    fn store_cpu_parses_from_the_ingest_summary() {
        let check = |line: &str, expect: Option<f64>| {
            assert_eq!(store_cpu(line).map(|d| d.as_secs_f64()), expect, "{line}");
        };
        check(
            "frontline ingest: 3 articles (0 unchanged, 0 updated), events 2 new, 0 merged, 0 errors; 0.0 MB in 0.01 s (0.1 MB/s, 300 articles/s; the store busy 0.01 s, 1.25 s CPU) into a.db",
            Some(1.25),
        );
        check("frontline ingest: nothing", None);
        check("the store busy 0.01 s, x s CPU)", None);
    }

    #[test]
    fn vm_fields_parse() {
        assert!(vm_kb("VmHWM") > 0, "no VmHWM in /proc/self/status");
        assert_eq!(vm_kb("NoSuchField"), 0);
    }
}
