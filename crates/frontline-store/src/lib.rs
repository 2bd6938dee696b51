//! # frontline-store
//!
//! The embedded SQLite store (issue 5). The only crate that knows SQL.
