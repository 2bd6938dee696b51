//! A small pool of read-only database connections. SQLite connections are
//! synchronous, so each request borrows one on a blocking thread
//! ([`Pool::run`]) and gives it back afterwards.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use frontline_store::Store;

use crate::error::ApiError;

pub struct Pool {
    db: PathBuf,
    keep: usize,
    idle: Mutex<Vec<Store>>,
}

impl Pool {
    pub fn new(db: PathBuf, keep: usize) -> Pool {
        Pool { db, keep: keep.max(1), idle: Mutex::new(Vec::new()) }
    }

    fn take(&self) -> Result<Store, ApiError> {
        if let Some(s) = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop() {
            return Ok(s);
        }
        Store::open_read_only(&self.db)
            .map_err(|e| ApiError::internal(format!("cannot open {}: {e}", self.db.display())))
    }

    fn give_back(&self, store: Store) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < self.keep {
            idle.push(store);
        }
    }

    /// Runs `f` with a connection on a blocking thread; answers `timeout`
    /// when it takes longer than `limit`.
    pub async fn run<T: Send + 'static>(
        self: &std::sync::Arc<Self>,
        limit: Duration,
        f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let pool = std::sync::Arc::clone(self);
        let job = tokio::task::spawn_blocking(move || {
            let store = pool.take()?;
            let out = f(&store);
            pool.give_back(store);
            out
        });
        match tokio::time::timeout(limit, job).await {
            Ok(Ok(out)) => out,
            Ok(Err(e)) => Err(ApiError::internal(format!("query failed: {e}"))),
            Err(_) => Err(ApiError::timeout(format!("the query took longer than {} ms", limit.as_millis()))),
        }
    }
}
