//! cairn integration tests: one binary, one module per area.
// Test code may unwrap and panic: a failure is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod bench;
mod browser;
mod cli;
mod config;
mod crash;
mod e2e;
mod interop;
mod mail;
mod serve;
mod support;
