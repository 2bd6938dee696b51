//! # frontline-store
//!
//! The embedded SQLite store: articles (with full-text search), mentions,
//! per-source claims, merged events and control spans, in one WAL file. The
//! only crate that knows SQL. The rules of what merges with what and how a
//! place's control timeline reads are pure functions in
//! `frontline_pipeline::{merge, control}`; this crate keeps their results.
//!
//! **Invariant:** the database is a function of the set of ingested articles
//! (and their extractions), not of the order they came in nor of how often:
//! re-ingesting the same content changes nothing, and every merged event is
//! recomputed from all its claims whenever one of them changes.
//!
//! **Invariant:** every write is one transaction; a killed ingest loses at
//! most the uncommitted batch, which a re-run ingests again.

mod bulk;
mod ingest;
pub mod query;
mod read;
pub mod schema;

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};

pub use bulk::BulkOutcome;
pub use frontline_pipeline::control::{ControlSpan, ControlState};
pub use frontline_pipeline::merge::{Claim, MergedEvent};
pub use ingest::{IngestOutcome, Prepared, Writer};
pub use read::EventFilter;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("sqlite: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("cannot open database {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("database schema version {found} is newer than this program's {supported}; upgrade frontline")]
    TooNew { found: u32, supported: u32 },
    #[error("database {path} has schema version {found}, needs migrating to {current}: open it read-write once")]
    NeedsMigration { path: String, found: u32, current: u32 },
    #[error("migration to schema version {to} failed: {source}")]
    Migration { to: u32, source: rusqlite::Error },
    #[error("stored record {what} is corrupt: {reason}")]
    Corrupt { what: String, reason: String },
    #[error("bulk loading needs an empty database, and this one holds {articles} articles")]
    NotEmpty { articles: i64 },
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

/// A connection to one database file.
pub struct Store {
    conn: Connection,
}

/// Page size of a new database, in bytes. An article's text and its
/// mentions' JSON (about 8 and 24 KB) span a quarter of the overflow pages
/// SQLite's default 4 KiB would need, and a commit writes and checkpoints
/// a quarter of the WAL frames: the store writer's CPU is about a fifth
/// lower, for a file about 5 % larger. A database made with other pages
/// keeps them (WAL mode cannot change them); the content is the same.
pub const PAGE_SIZE: i64 = 16384;

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

impl Store {
    /// Opens (creating if needed) and migrates the database, read-write, WAL.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { path: path.display().to_string(), source };
        let mut conn = Connection::open(path).map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Takes effect only while the file is new (before the schema is written).
        conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 64 MiB of page cache: merge lookups re-read the same claim pages within a batch.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// Opens an existing database read-only: for export and serve while an
    /// ingest writes (WAL readers see the last committed state).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open { path: path.display().to_string(), source };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let found: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > schema::VERSION {
            return Err(StoreError::TooNew { found, supported: schema::VERSION });
        }
        if found < schema::VERSION {
            return Err(StoreError::NeedsMigration {
                path: path.display().to_string(),
                found,
                current: schema::VERSION,
            });
        }
        Ok(Store { conn })
    }

    /// The underlying connection, for the read-side queries in `query.rs`.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The control spans of places whose name matches `place` (any case; all
    /// places when `None`), covering day `on` when given, by place then date.
    pub fn control_spans(&self, place: Option<&str>, on: Option<NaiveDate>) -> Result<Vec<ControlSpan>, StoreError> {
        read::control_spans(&self.conn, place, on)
    }
}
