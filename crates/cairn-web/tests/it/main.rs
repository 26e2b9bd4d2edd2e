//! cairn-web integration tests: one binary, one module per area.
// Test code may unwrap and panic: a failure is the report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod api_achievements;
mod api_auth;
mod api_bulk;
mod api_credentials;
mod api_deliveries;
mod api_openapi;
mod api_orgs;
mod api_tokens;
mod app;
mod pub_app;
mod public_credentials;
mod public_documents;
mod public_interop;
mod public_status;
mod ui_account;
mod ui_credential;
mod ui_design;
mod ui_issue;
mod ui_public_pages;
mod ui_support;
mod ui_tokens;
mod ui_verify;
mod ui_wallet;
mod ui_wallet_import;
mod ui_wallet_takeaway;
mod vcapi_verify;
mod vcapi_w3c;
