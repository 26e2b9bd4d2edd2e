//! Runs the parsed command line. Each subcommand has its own file.

mod bake;
mod bench;
mod config;
mod keys;
mod migrate;
mod serve;
mod sign;
mod verify;

use std::process::ExitCode;

use crate::opt::{Cli, Command};

/// Runs one command; `Ok` carries the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Keygen(args) => keys::keygen(&args),
        Command::Sign(args) => sign::sign(&args),
        Command::Verify(args) => verify::verify(&args),
        Command::Bake(args) => bake::bake(&args),
        Command::Unbake(args) => bake::unbake(&args),
        Command::Bench(args) => bench::bench(&args),
        Command::Serve(args) => serve::serve(&args),
        Command::Migrate(args) => migrate::migrate(&args),
        Command::Config(command) => config::config(&command),
    }
}

/// Writes `bytes` to `path`, or to standard output when `path` is `None`.
fn write_out(path: Option<&std::path::Path>, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write as _;
    match path {
        Some(p) => std::fs::write(p, bytes).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Reads a file, naming it in the error.
fn read(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))
}
