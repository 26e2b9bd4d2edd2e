//! `cairn migrate`: apply the database migrations (the same ones `cairn serve` applies on
//! start) and exit.

use std::process::ExitCode;

use anyhow::Context as _;
use secrecy::ExposeSecret as _;

use crate::config::{self, redact_url};
use crate::opt::ServerArgs;

/// Runs `cairn migrate`.
pub fn migrate(args: &ServerArgs) -> anyhow::Result<ExitCode> {
    let loaded = config::load(args, std::env::vars_os())?;
    crate::telemetry::init(&loaded.config.log)?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let url = loaded.config.database_url(&loaded.data_dir);
    super::serve::create_data_dir(&loaded.data_dir)?;
    runtime
        .block_on(cairn_store::migrate(url.expose_secret()))
        .with_context(|| format!("cannot migrate the database {}", redact_url(url.expose_secret())))?;
    println!("Migrations applied: {}", redact_url(url.expose_secret()));
    Ok(ExitCode::SUCCESS)
}
