//! The command-line interface (clap types only).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Cairn: Open Badges 3.0 credentials, signed, verified and baked.
#[derive(Debug, Parser)]
#[command(name = "cairn", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate an Ed25519 signing key (Multikey form) and print it as JSON.
    Keygen(KeygenArgs),
    /// Sign a credential with eddsa-rdfc-2022 (or eddsa-jcs-2022).
    Sign(SignArgs),
    /// Verify a credential: a JSON file, a baked PNG or SVG, or an https URL.
    Verify(VerifyArgs),
    /// Bake a credential into a PNG or SVG badge image.
    Bake(BakeArgs),
    /// Extract the credential baked into a PNG or SVG badge image.
    Unbake(UnbakeArgs),
    /// Measure signing and verification speed and print the numbers.
    Bench(BenchArgs),
    /// Run the Cairn server (creates its data directory, database and master key on first run).
    Serve(ServerArgs),
    /// Apply the database migrations and exit.
    Migrate(ServerArgs),
    /// Configuration: print the commented default file, or the effective configuration.
    #[command(subcommand)]
    Config(ConfigCommand),
}

/// Where the server's configuration comes from: these flags override the `CAIRN_*`
/// environment variables, which override the TOML file, which overrides the defaults.
#[derive(Debug, Clone, Default, Parser)]
pub struct ServerArgs {
    /// TOML configuration file [env: CAIRN_CONFIG] (default: `<data-dir>/cairn.toml` if present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Data directory: SQLite database, master key [env: CAIRN_DATA_DIR] [default: ./cairn-data].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Address to listen on (`server.bind`); port 0 picks a free port.
    #[arg(long, value_name = "ADDR:PORT")]
    pub bind: Option<std::net::SocketAddr>,
    /// Public URL of this instance (`server.base_url`), used in every credential id.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Database URL (`database.url`): `sqlite://…` or `postgres://…`.
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
}

/// `cairn config …`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the default configuration file: every key, commented, with its default.
    Default,
    /// Print the effective configuration (defaults, file, environment, flags), secrets redacted.
    Show(ServerArgs),
}

/// `cairn keygen`.
#[derive(Debug, Parser)]
pub struct KeygenArgs {
    /// Write the key to this file (mode 0600) instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// Signature suites that can be chosen when signing.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SuiteArg {
    /// eddsa-rdfc-2022 (default; what 1EdTech conformance expects).
    Rdfc,
    /// eddsa-jcs-2022 (not accepted by 1EdTech conformance).
    Jcs,
}

/// `cairn sign`.
#[derive(Debug, Parser)]
pub struct SignArgs {
    /// The unsigned credential (JSON).
    pub credential: PathBuf,
    /// Key file written by `cairn keygen` (or a file holding a secretKeyMultibase).
    #[arg(long)]
    pub key: PathBuf,
    /// Verification method id; defaults to the key's did:key (`did:key:z6Mk…#z6Mk…`).
    #[arg(long)]
    pub verification_method: Option<String>,
    /// `created` for the proof (XSD dateTime); defaults to now, in whole UTC seconds.
    #[arg(long)]
    pub created: Option<String>,
    /// Signature suite.
    #[arg(long, value_enum, default_value_t = SuiteArg::Rdfc)]
    pub suite: SuiteArg,
    /// Write the signed credential here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// `cairn verify`.
#[derive(Debug, Parser)]
pub struct VerifyArgs {
    /// A credential: JSON file, baked PNG/SVG, or an https URL (with --online).
    pub input: String,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Retrieve did:web documents, controller documents, status lists and URLs over HTTPS.
    #[arg(long)]
    pub online: bool,
    /// Serve a URL prefix from a local file or folder: `--map https://example.org/lists/=./lists/`.
    #[arg(long, value_name = "URL=PATH")]
    pub map: Vec<String>,
    /// Do not check credentialStatus.
    #[arg(long)]
    pub no_status: bool,
    /// Verify as of this time instead of now (XSD dateTime).
    #[arg(long)]
    pub at: Option<String>,
}

/// `cairn bake`.
#[derive(Debug, Parser)]
pub struct BakeArgs {
    /// The badge image (PNG or SVG).
    pub image: PathBuf,
    /// The signed credential (JSON) or compact JWS.
    pub credential: PathBuf,
    /// Where to write the baked image.
    #[arg(long, short)]
    pub out: PathBuf,
}

/// `cairn unbake`.
#[derive(Debug, Parser)]
pub struct UnbakeArgs {
    /// The baked image (PNG or SVG).
    pub image: PathBuf,
    /// Write the credential here instead of standard output.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
}

/// `cairn bench`.
#[derive(Debug, Parser)]
pub struct BenchArgs {
    /// A system benchmark instead of the signing/verification one.
    #[command(subcommand)]
    pub what: Option<BenchCommand>,
    /// Iterations per measurement.
    #[arg(long, short, default_value_t = 2000)]
    pub n: usize,
    /// Also run the JavaScript Digital Bazaar stack side by side (needs `npm ci --prefix interop`).
    #[arg(long)]
    pub js: bool,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The system benchmarks of `cairn bench`.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Bulk issuance end to end: a CSV job run by the server's worker code on a scratch
    /// database (SQLite in a temp directory, or a fresh PostgreSQL schema), then checked.
    Bulk(BulkBenchArgs),
}

/// `cairn bench bulk`.
#[derive(Debug, Clone, Parser)]
pub struct BulkBenchArgs {
    /// Rows in the CSV (credentials to issue).
    #[arg(long, default_value_t = 100_000)]
    pub rows: u32,
    /// A `postgres://` URL to measure PostgreSQL (a fresh schema is created and dropped);
    /// without it, SQLite in a temporary directory.
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
    /// Signing threads (`server.sign_threads`); default: the number of CPUs.
    #[arg(long)]
    pub sign_threads: Option<usize>,
    /// Batches worked on at the same time (`workers.bulk_concurrency`; default: its default).
    #[arg(long)]
    pub concurrency: Option<usize>,
    /// Credentials whose signature and status are verified afterwards (spread over the job).
    #[arg(long, default_value_t = 200)]
    pub check_sample: u32,
    /// Verify every credential afterwards, not a sample.
    #[arg(long)]
    pub check_all: bool,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    #[test]
    fn verify_cli() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
