//! cairn-store integration tests: one binary; the story and the concurrency checks run on
//! SQLite always and on PostgreSQL when `CAIRN_TEST_DATABASE_URL` is set.
// Test code may unwrap and panic: a failure is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod bench;
mod concurrency;
mod sessions;
mod settings;
mod stats;
mod story;
mod support;
mod tokens;
mod wallet;
