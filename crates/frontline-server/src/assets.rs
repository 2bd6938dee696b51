//! The web page and its assets, embedded in the binary: our own `index.html`,
//! `app.js` and `app.css` from `web/`, and the npm assets that `build.rs`
//! copied into `OUT_DIR` (Leaflet, the marker cluster plugin,
//! topojson-client, Natural Earth countries).

use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

macro_rules! npm_asset {
    ($name:literal) => {
        ($name, include_bytes!(concat!(env!("OUT_DIR"), "/assets/", $name)).as_slice())
    };
}

const INDEX: &str = include_str!("../web/index.html");

/// Every file served under `/assets/`.
const ASSETS: &[(&str, &[u8])] = &[
    ("app.js", include_bytes!("../web/app.js")),
    ("app.css", include_bytes!("../web/app.css")),
    npm_asset!("leaflet.js"),
    npm_asset!("leaflet.css"),
    npm_asset!("leaflet.markercluster.js"),
    npm_asset!("MarkerCluster.css"),
    npm_asset!("MarkerCluster.Default.css"),
    npm_asset!("topojson-client.min.js"),
    npm_asset!("countries-50m.json"),
];

pub fn routes() -> Router {
    Router::new()
        .route("/", get(index))
        .route("/assets/{name}", get(asset))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
}

async fn index() -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], INDEX).into_response()
}

async fn asset(Path(name): Path<String>) -> Response {
    let Some((_, bytes)) = ASSETS.iter().find(|(n, _)| *n == name) else {
        return (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "not found")
            .into_response();
    };
    let mime = match name.rsplit('.').next() {
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    };
    ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "max-age=3600")], *bytes).into_response()
}
