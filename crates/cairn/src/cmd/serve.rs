//! `cairn serve`: load the configuration, prepare the data directory, the master key and the
//! database (migrated), wire the services, print the URL (and the one-time setup link on a
//! fresh instance), serve HTTP and run the background workers until SIGINT or SIGTERM.

mod datadir;
mod http;

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use cairn_core::clock::SystemClock;
use cairn_core::mail::Mailer;
use cairn_core::service::{auth, Ctx};
use cairn_core::store::Store;
use cairn_vc::canon::Canonicalizer;
use cairn_vc::resolve::{OfflineResolver, Resolver};
use cairn_web::AppState;
use secrecy::ExposeSecret as _;
use tokio::sync::watch;

use crate::config::{self, redact_url, Loaded, SmtpConfig};
use crate::mail::{self, SmtpMailer, SmtpSettings};
use crate::opt::ServerArgs;
use crate::workers::Workers;

/// How long workers get to finish their batch after the server stops.
const WORKER_GRACE: Duration = Duration::from_secs(30);

/// Runs `cairn serve`.
pub fn serve(args: &ServerArgs) -> anyhow::Result<ExitCode> {
    let loaded = config::load(args, std::env::vars_os())?;
    crate::telemetry::init(&loaded.config.log)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let result = runtime.block_on(run(loaded));
    // A batch still signing on a blocking thread must not hold the exit forever.
    runtime.shutdown_timeout(Duration::from_secs(5));
    result.map(|()| ExitCode::SUCCESS)
}

/// Creates the data directory (mode 0700) if it does not exist.
pub fn create_data_dir(dir: &std::path::Path) -> anyhow::Result<()> {
    datadir::create(dir)
}

/// Opens (creating and migrating) the configured database.
async fn open_store(loaded: &Loaded) -> anyhow::Result<Arc<dyn Store>> {
    let url = loaded.config.database_url(&loaded.data_dir);
    cairn_store::connect(url.expose_secret())
        .await
        .with_context(|| format!("cannot open the database {}", redact_url(url.expose_secret())))
}

async fn run(loaded: Loaded) -> anyhow::Result<()> {
    if let Some(file) = &loaded.file {
        tracing::info!(path = %file.display(), "configuration file read");
    }
    let config = &loaded.config;
    datadir::create(&loaded.data_dir)?;
    let key_file = config.master_key_file(&loaded.data_dir);
    let master = datadir::master_key(&key_file)?;
    let store = open_store(&loaded).await?;
    datadir::check_against_store(store.as_ref(), &master, &key_file).await?;

    let listener = tokio::net::TcpListener::bind(config.server.bind)
        .await
        .with_context(|| format!("cannot listen on {} (server.bind)", config.server.bind))?;
    let bound = listener.local_addr()?;
    let base_url = config.base_url(bound);
    if config.server.base_url.is_none() {
        tracing::warn!(
            %base_url,
            "server.base_url is not set: credential ids will start with {base_url}; set the public URL before issuing"
        );
    }
    let resolver: Arc<dyn Resolver> = if config.verify.online {
        Arc::new(crate::http_resolver::HttpResolver::new(false))
    } else {
        Arc::new(OfflineResolver)
    };
    let ctx = Ctx {
        store,
        clock: Arc::new(SystemClock),
        master: Arc::new(master),
        canon: Arc::new(Canonicalizer::default()),
        resolver,
        base_url: base_url.clone(),
        sign_threads: config.sign_threads(),
        docs: Default::default(),
    };
    let mailer = match &config.smtp {
        Some(smtp) => Some(mailer(smtp)?),
        None => None,
    };
    let state = AppState::new(ctx.clone());
    let wake = Arc::clone(&state.jobs_notify);
    let app = http::app(state);

    let signals = install_signals()?;
    let (stop, stopped) = watch::channel(false);
    let workers = Workers::spawn(&ctx, config, wake, mailer, &stopped);

    if let Some(token) = auth::ensure_setup_token(&ctx).await.context("cannot create the setup token")? {
        say(&format!("First run: no administrator yet. One-time setup token: {token}"));
        say(&format!("Open {base_url}/setup in a browser and enter it, or create the administrator with:"));
        say(&format!(
            "  curl -X POST {base_url}/api/v1/setup -H 'Content-Type: application/json' -d \
             '{{\"setup_token\": \"{token}\", \"email\": \"admin@example.org\", \"name\": \"Admin\", \
             \"password\": \"at least 10 characters\"}}'"
        ));
    }
    tracing::info!(address = %bound, "listening");
    if config.server.base_url.is_some() {
        // The public URL may be a reverse proxy's: say where this process really listens.
        say(&format!("Listening on http://{bound}"));
    }
    say(&format!("Cairn is running at {base_url}"));

    axum::serve(listener, app).with_graceful_shutdown(signals).await.context("the HTTP server failed")?;
    let _ = stop.send(true);
    workers.join(WORKER_GRACE).await;
    tracing::info!("stopped");
    Ok(())
}

/// The SMTP mailer for `[smtp]`; a start-up connection check runs in the background and only
/// warns (the server may come up before the mail relay; failed sends are retried).
fn mailer(smtp: &SmtpConfig) -> anyhow::Result<Arc<dyn Mailer>> {
    let settings = SmtpSettings {
        host: smtp.host.clone(),
        port: smtp.port(),
        tls: match smtp.tls {
            config::SmtpTls::Starttls => mail::SmtpTls::Starttls,
            config::SmtpTls::Tls => mail::SmtpTls::Tls,
            config::SmtpTls::None => mail::SmtpTls::None,
        },
        username: smtp.username.clone(),
        password: smtp.password.clone(),
        from: smtp.from.clone(),
    };
    let mailer = Arc::new(SmtpMailer::new(&settings).context("smtp")?);
    let check = Arc::clone(&mailer);
    let (host, port) = (settings.host, settings.port);
    tokio::spawn(async move {
        match check.check().await {
            Ok(()) => tracing::info!(smtp.host = %host, smtp.port = port, "SMTP server reachable"),
            Err(e) => {
                tracing::warn!(smtp.host = %host, smtp.port = port, error = %e, "SMTP check failed; deliveries will be retried")
            }
        }
    });
    Ok(mailer)
}

/// Prints a line for the operator on standard output; a closed stdout does not stop the server.
fn say(line: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}").and_then(|()| out.flush());
}

/// Handlers for SIGINT (Ctrl-C) and SIGTERM, installed before the URL is printed so that a
/// signal sent as soon as the server announces itself already stops it gracefully.
fn install_signals() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt()).context("cannot listen for SIGINT")?;
    let mut terminate = signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
        tracing::info!("shutting down: finishing requests in progress");
    })
}
