//! # frontline-server
//!
//! The HTTP JSON API and the embedded web map (`SPEC.md` section 2, "HTTP
//! API"). The only crate that knows HTTP.
//!
//! ```no_run
//! # fn main() -> Result<(), frontline_server::ServeError> {
//! let config = frontline_server::Config::new("frontline.db".into());
//! frontline_server::serve(&config, |addr| println!("http://{addr}/"))?;
//! # Ok(()) }
//! ```
//!
//! **Boundary:** the API is read-only. The server opens the database read-only
//! (a small pool of connections, used from blocking threads), so an `ingest`
//! may write beside it.
//!
//! **Invariant:** every response under `/api/` is JSON, errors included:
//! `{"error": {"code": "...", "message": "..."}}` with a 4xx/5xx status and a
//! stable `code`.

mod api;
mod assets;
mod error;
mod params;
mod pool;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use error::ServeError;
use pool::Pool;

/// How to serve.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub bind: SocketAddr,
    /// When the port of `bind` is taken, try the next ones (up to 20).
    pub next_free_port: bool,
    /// Longest a request may run before it answers 503 `timeout`.
    pub timeout: Duration,
    /// Read-only database connections kept open.
    pub readers: usize,
}

impl Config {
    /// Serves `db` on 127.0.0.1:8080 with the default limits.
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            next_free_port: false,
            timeout: Duration::from_secs(10),
            readers: 4,
        }
    }
}

/// Largest request body accepted; the API is read-only, so bodies are empty.
const MAX_BODY: usize = 16 * 1024;

/// The whole application: API routes, the page and its assets, and the
/// limits and headers every response gets.
pub fn router(db: PathBuf, config: &Config) -> Router {
    let state = Arc::new(api::State {
        pool: Arc::new(Pool::new(db, config.readers)),
        timeout: config.timeout,
        cache: Default::default(),
    });
    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(HeaderName::from_static(name), HeaderValue::from_static(value))
    };
    api::routes(state)
        .merge(assets::routes())
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("x-frame-options", "DENY"))
        .layer(header("referrer-policy", "no-referrer"))
        .layer(header(
            "content-security-policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; \
             connect-src 'self'; frame-ancestors 'none'",
        ))
}

/// Binds, calls `ready` with the address actually bound, and serves until
/// Ctrl-C. Checks first that the database opens.
pub fn serve(config: &Config, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    frontline_store::Store::open_read_only(&config.db)
        .map_err(|e| ServeError::Database { path: config.db.clone(), source: e })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(config.readers.max(1) * 2)
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(async {
        let listener = bind(config).await?;
        let addr = listener.local_addr().map_err(ServeError::Runtime)?;
        ready(addr);
        let app = router(config.db.clone(), config);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // Without a Ctrl-C handler the server simply runs until killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await
            .map_err(ServeError::Runtime)
    })
}

async fn bind(config: &Config) -> Result<tokio::net::TcpListener, ServeError> {
    let tries = if config.next_free_port { 20 } else { 1 };
    let mut addr = config.bind;
    let mut last = None;
    for _ in 0..tries {
        match tokio::net::TcpListener::bind(addr).await {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
        addr.set_port(addr.port().wrapping_add(1));
    }
    Err(ServeError::Bind { addr: config.bind, source: last.expect("at least one try") })
}
