//! Errors: [`ApiError`], what one request answers when it fails (JSON with a
//! stable code), and [`ServeError`], why the server could not start.

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Why `serve` stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot open database {path}: {source}")]
    Database { path: PathBuf, source: frontline_store::StoreError },
    #[error("cannot bind {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error("server failed: {0}")]
    Runtime(std::io::Error),
}

/// A failed request: status, stable code, human message.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn bad_parameter(message: String) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, code: "bad_parameter", message }
    }

    pub fn not_found(message: String) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, code: "not_found", message }
    }

    pub fn internal(message: String) -> ApiError {
        ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, code: "internal", message }
    }

    pub fn timeout(message: String) -> ApiError {
        ApiError { status: StatusCode::SERVICE_UNAVAILABLE, code: "timeout", message }
    }
}

impl From<frontline_store::StoreError> for ApiError {
    fn from(e: frontline_store::StoreError) -> ApiError {
        ApiError::internal(format!("database: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({ "error": { "code": self.code, "message": self.message } });
        (self.status, Json(body)).into_response()
    }
}
