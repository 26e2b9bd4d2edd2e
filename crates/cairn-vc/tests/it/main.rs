//! cairn-vc integration tests: one binary, one module per area.
// Test code may unwrap and panic: a failure is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod baking;
mod dcc;
mod fixtures;
mod json_ld_to_rdf;
mod model;
mod oracle;
mod presentation;
mod rdf_canon;
mod status_list;
mod support;
mod vectors;
