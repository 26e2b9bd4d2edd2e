//! `cairn`: the one binary. Command-line types live in `opt.rs`, the code that runs them in `cmd/`.

mod cmd;
mod config;
mod http_resolver;
mod mail;
mod opt;
mod telemetry;
mod workers;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: signing and storing credentials allocate many
/// short-lived strings on several threads at once, where glibc's malloc spent about a fifth
/// of bulk issuance (`cairn bench bulk`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = opt::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
