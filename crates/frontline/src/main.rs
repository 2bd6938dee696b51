//! The `frontline` binary: arguments, files, exit codes. Everything else
//! lives in the library crates.
//!
//! Exit codes follow ripgrep: 0 success, 1 some articles failed (each
//! reported on stderr with its id and the reason), 2 a fatal error.

mod cmd;
mod input;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc instead of the system allocator: extraction allocates many small
/// short-lived strings and vectors, and glibc's malloc and free cost about a
/// tenth of its instructions (docs/benchmarks-history.md, session 18).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "frontline",
    version,
    about = "News about armed conflict in; ACLED-grade events, sources and territorial control out."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events from articles (stateless, streaming; no database).
    Extract(cmd::extract::Args),
    /// Extract, merge across articles and store in the database.
    Ingest(cmd::ingest::Args),
    /// Export merged events from the database.
    Export(cmd::export::Args),
    /// Show the territorial control timeline.
    Control(cmd::control::Args),
    /// Serve the HTTP API and the web map.
    Serve(cmd::serve::Args),
    /// Manage and query the gazetteer.
    #[command(subcommand)]
    Gazetteer(cmd::gazetteer::Command),
    /// Ingest the built-in sample articles into a fresh database and serve the map.
    Demo(cmd::demo::Args),
    /// Measure extract and ingest speed on a generated corpus.
    Bench(cmd::bench::Args),
}

/// How a command ended when it did not fail outright.
pub enum Outcome {
    Ok,
    /// Some inputs failed (already reported); the rest were processed.
    Partial,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Control(a) => cmd::control::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::Gazetteer(c) => cmd::gazetteer::run(c),
        Command::Demo(a) => cmd::demo::run(a),
        Command::Bench(a) => cmd::bench::run(a),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("frontline: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// The data directory: `$FRONTLINE_HOME`, else `$XDG_DATA_HOME/frontline`,
/// else `~/.local/share/frontline`.
pub fn data_dir() -> PathBuf {
    if let Some(h) = std::env::var_os("FRONTLINE_HOME") {
        return PathBuf::from(h);
    }
    if let Some(x) = std::env::var_os("XDG_DATA_HOME") {
        return PathBuf::from(x).join("frontline");
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));
    home.join(".local/share/frontline")
}
