//! `frontline serve`: the HTTP API and the web map over a database, read-only.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// Database to serve. Default: frontline.db in the data directory.
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Address to listen on. Only loopback by default: the API has no authentication.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let db = args.db.unwrap_or_else(|| crate::data_dir().join("frontline.db"));
    if !db.exists() {
        anyhow::bail!("database {} does not exist; create it with `frontline ingest --db {0}`", db.display());
    }
    let config = frontline_server::Config { bind: args.bind, ..frontline_server::Config::new(db) };
    frontline_server::serve(&config, |addr| println!("frontline: serving http://{addr}/ (Ctrl-C to stop)"))?;
    Ok(Outcome::Ok)
}
