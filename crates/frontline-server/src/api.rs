//! The JSON API: one handler per route of `SPEC.md` section 2 ("HTTP API"),
//! plus `/api/points` (compact map points) and `/api/control` (every control
//! span, for colouring places at a date). Handlers parse parameters, run one
//! store query on a pooled connection and answer JSON.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Path, Query, State as Extract};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

use crate::error::ApiError;
use crate::params;
use crate::pool::Pool;

pub struct State {
    pub pool: Arc<Pool>,
    pub timeout: Duration,
    /// Answers of whole-database queries (stats, actors and control without filters),
    /// kept for [`CACHE_TTL`]: the page asks for them on every load and each
    /// scans every event.
    pub cache: Mutex<HashMap<String, (Instant, String)>>,
}

/// How long a whole-database answer is reused (an ingest may add events meanwhile).
const CACHE_TTL: Duration = Duration::from_secs(30);

impl State {
    fn cached(&self, key: &str) -> Option<Response> {
        let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        let (at, body) = cache.get(key)?;
        (at.elapsed() < CACHE_TTL).then(|| json_text(body.clone()))
    }

    fn remember(&self, key: String, value: &impl serde::Serialize) -> ApiResult {
        let body = serde_json::to_string(value).map_err(|e| ApiError::internal(format!("cannot write json: {e}")))?;
        self.cache.lock().unwrap_or_else(|p| p.into_inner()).insert(key, (Instant::now(), body.clone()));
        Ok(json_text(body))
    }
}

fn json_text(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

type Shared = Arc<State>;
type Pairs = Query<Vec<(String, String)>>;
type ApiResult = Result<Response, ApiError>;

/// The OpenAPI description, kept beside the code it describes.
const OPENAPI: &str = include_str!("openapi.json");

pub fn routes(state: Shared) -> Router {
    Router::new()
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/points", get(points))
        .route("/api/control", get(control))
        .route("/api/places/{id}/control", get(place_control))
        .route("/api/actors", get(actors))
        .route("/api/articles/{id}", get(article))
        .route("/api/stats", get(stats))
        .route("/api/openapi.json", get(openapi))
        .route("/api", get(unknown))
        .route("/api/{*rest}", get(unknown))
        .method_not_allowed_fallback(read_only)
        .with_state(state)
}

fn json(value: impl serde::Serialize) -> ApiResult {
    Ok(Json(value).into_response())
}

async fn run<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&frontline_store::Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    state.pool.run(state.timeout, f).await
}

async fn events(Extract(state): Extract<Shared>, Query(pairs): Pairs) -> ApiResult {
    let q = params::event_query(&pairs, &params::EVENTS)?;
    json(run(&state, move |s| Ok(s.events_page(&q)?)).await?)
}

async fn points(Extract(state): Extract<Shared>, Query(pairs): Pairs) -> ApiResult {
    let q = params::event_query(&pairs, &params::POINTS)?;
    json(run(&state, move |s| Ok(s.map_points(&q)?)).await?)
}

async fn event(Extract(state): Extract<Shared>, Path(id): Path<String>, Query(pairs): Pairs) -> ApiResult {
    params::none(&pairs)?;
    let detail = run(&state, {
        let id = id.clone();
        move |s| Ok(s.event_detail(&id)?)
    })
    .await?;
    match detail {
        Some(d) => json(d),
        None => Err(ApiError::not_found(format!("no event {id:?}"))),
    }
}

async fn control(Extract(state): Extract<Shared>, Query(pairs): Pairs) -> ApiResult {
    let on = params::only_on(&pairs)?;
    // Every span (the page's first request) is a whole-database answer.
    if on.is_none()
        && let Some(hit) = state.cached("control")
    {
        return Ok(hit);
    }
    let spans = run(&state, move |s| Ok(s.control_spans(None, on)?)).await?;
    if on.is_none() {
        state.remember("control".to_string(), &json!({ "spans": spans }))
    } else {
        json(json!({ "spans": spans }))
    }
}

/// A place by GeoNames id, or by name when the id is not a number.
async fn place_control(Extract(state): Extract<Shared>, Path(id): Path<String>, Query(pairs): Pairs) -> ApiResult {
    let on = params::only_on(&pairs)?;
    let spans = run(&state, {
        let id = id.clone();
        move |s| Ok(s.place_control(&id, on)?)
    })
    .await?;
    let Some(first) = spans.first() else {
        return Err(ApiError::not_found(format!("no control timeline for place {id:?}")));
    };
    let (place, geonameid) = (first.place.clone(), first.geonameid);
    json(json!({ "place": place, "geonameid": geonameid, "spans": spans }))
}

async fn actors(Extract(state): Extract<Shared>, Query(pairs): Pairs) -> ApiResult {
    let limit = params::only_limit(&pairs, 10_000, 1000)?;
    let key = format!("actors?limit={limit}");
    if let Some(hit) = state.cached(&key) {
        return Ok(hit);
    }
    let actors = run(&state, move |s| Ok(s.actors(limit)?)).await?;
    state.remember(key, &json!({ "actors": actors }))
}

async fn article(Extract(state): Extract<Shared>, Path(id): Path<String>, Query(pairs): Pairs) -> ApiResult {
    params::none(&pairs)?;
    let view = run(&state, {
        let id = id.clone();
        move |s| Ok(s.article_view(&id)?)
    })
    .await?;
    match view {
        Some(a) => json(a),
        None => Err(ApiError::not_found(format!("no article {id:?}"))),
    }
}

async fn stats(Extract(state): Extract<Shared>, Query(pairs): Pairs) -> ApiResult {
    let q = params::event_query(&pairs, &params::STATS)?;
    let whole = pairs.is_empty();
    if whole && let Some(hit) = state.cached("stats") {
        return Ok(hit);
    }
    let stats = run(&state, move |s| Ok(s.stats(&q)?)).await?;
    if whole { state.remember("stats".to_string(), &stats) } else { json(stats) }
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn unknown() -> ApiError {
    ApiError::not_found("no such API route; see /api/openapi.json".to_string())
}

async fn read_only() -> ApiError {
    ApiError {
        status: StatusCode::METHOD_NOT_ALLOWED,
        code: "method_not_allowed",
        message: "the API is read-only: only GET is allowed".to_string(),
    }
}
