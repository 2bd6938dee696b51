//! Shared by the binary's end-to-end tests: the store tests' scratch
//! directory guard (one copy of it), for a test's inputs, databases and
//! exports.

#[path = "../../../frontline-store/tests/common/mod.rs"]
mod scratch;

pub use scratch::Scratch;
