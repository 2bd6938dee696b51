//! # frontline-server
//!
//! The HTTP API and web map (issue 6). The only crate that knows HTTP.
