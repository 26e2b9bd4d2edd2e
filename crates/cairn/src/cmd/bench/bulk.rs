//! `cairn bench bulk`: bulk issuance end to end on a scratch database. An organisation with
//! its key, an achievement, a job from an in-memory CSV of `--rows` rows (`service::bulk::start_job`,
//! as the API's upload), run to completion by the server's own bulk worker (`Workers`, as
//! `cairn serve` runs it), then checked so that the number is honest: the job is done with
//! every row issued, the database holds one credential per row with distinct status
//! indexes, and a sample (or all) of the stored credentials verify on the real path.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context as _};
use cairn_core::clock::SystemClock;
use cairn_core::crypto::MasterKey;
use cairn_core::model::{Actor, JobState};
use cairn_core::service::{achievements, auth, bulk, orgs, Ctx};
use cairn_core::store::Store;
use cairn_store::{PgScratch, PgStore, SqliteStore};
use cairn_vc::canon::Canonicalizer;
use cairn_vc::resolve::OfflineResolver;
use serde_json::{json, Value};
use tokio::sync::{watch, Notify};

use super::checks::check_job;
use crate::config::{redact_url, Config};
use crate::opt::BulkBenchArgs;
use crate::workers::Workers;

const BASE_URL: &str = "https://bench.cairn.example";
/// How long the job may take before the benchmark gives up (not a target).
const GIVE_UP: Duration = Duration::from_secs(1800);

pub fn bulk(args: &BulkBenchArgs) -> anyhow::Result<ExitCode> {
    ensure!(args.rows > 0 && args.concurrency != Some(0), "--rows and --concurrency must be at least 1");
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let db = Db::open(args.database_url.as_deref()).await?;
        let outcome = measure(args, &db).await;
        db.clean_up().await?;
        let out = outcome?;
        if args.json {
            println!("{out}");
        } else {
            print_table(&out);
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// The scratch database, removed afterwards.
enum Db {
    Sqlite { dir: PathBuf, store: SqliteStore },
    Postgres { scratch: PgScratch, store: PgStore, url: String },
}

impl Db {
    async fn open(url: Option<&str>) -> anyhow::Result<Self> {
        match url {
            None => {
                let dir = std::env::temp_dir().join(format!("cairn-bench-{}", unique_suffix()));
                std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
                let url = format!("sqlite://{}", dir.join("cairn.db").display());
                match SqliteStore::connect(&url).await {
                    Ok(store) => Ok(Db::Sqlite { dir, store }),
                    Err(e) => {
                        let _ = std::fs::remove_dir_all(&dir);
                        Err(e).context("cannot open the scratch SQLite database")
                    }
                }
            }
            Some(url) if url.starts_with("postgres:") || url.starts_with("postgresql:") => {
                let (scratch, store) = PgScratch::create(url, "cairn_bench")
                    .await
                    .with_context(|| format!("cannot create a scratch schema in {}", redact_url(url)))?;
                Ok(Db::Postgres { scratch, store, url: redact_url(url) })
            }
            Some(url) => {
                bail!("--database-url must be a postgres:// URL (SQLite is the default), not {}", redact_url(url))
            }
        }
    }

    fn store(&self) -> Arc<dyn Store> {
        match self {
            Db::Sqlite { store, .. } => Arc::new(store.clone()),
            Db::Postgres { store, .. } => Arc::new(store.clone()),
        }
    }

    fn describe(&self) -> String {
        match self {
            Db::Sqlite { .. } => "sqlite (WAL, synchronous=NORMAL, temp directory)".into(),
            Db::Postgres { scratch, url, .. } => format!("postgres {url} (schema {})", scratch.schema()),
        }
    }

    async fn clean_up(self) -> anyhow::Result<()> {
        match self {
            Db::Sqlite { dir, store } => {
                store.close().await;
                std::fs::remove_dir_all(&dir).with_context(|| format!("cannot remove {}", dir.display()))
            }
            Db::Postgres { scratch, store, .. } => {
                store.close().await;
                Ok(scratch.drop_schema().await?)
            }
        }
    }
}

fn unique_suffix() -> String {
    format!("{}-{:08x}", std::process::id(), rand::random::<u32>())
}

async fn measure(args: &BulkBenchArgs, db: &Db) -> anyhow::Result<Value> {
    let threads = args.sign_threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from));
    let ctx = Ctx {
        store: db.store(),
        clock: Arc::new(SystemClock),
        master: Arc::new(MasterKey::from_bytes(&rand::random())),
        canon: Arc::new(Canonicalizer::default()),
        resolver: Arc::new(OfflineResolver),
        base_url: BASE_URL.into(),
        sign_threads: threads,
        docs: Default::default(),
    };
    let user = auth::create_user(&ctx, "bench@example.org", "Bench", "bench password", false).await?;
    let actor = Actor { user_id: user.id, is_admin: false };
    let org = json!({"slug": "bench", "name": "Bench University", "url": "https://www.bench.example",
        "email": "badges@bench.example", "address": {"country_code": "NL", "locality": "Delft"}});
    let org = orgs::create_org(&ctx, user.id, serde_json::from_value(org)?).await?;
    let definition = json!({"name": "Bridge Design", "kind": "completion",
        "description": "Analysed truss bridges by the method of joints and of sections and defended a design.",
        "criteria_narrative": "Pass the exam and the design project with at least 5.5 each."});
    let achievement = achievements::create_achievement(&ctx, org.id, serde_json::from_value(definition)?).await?;
    let csv = csv(args.rows);
    let load_before = load_average();

    let started = Instant::now();
    let (job, _) = bulk::start_job(&ctx, &actor, org.id, achievement.id, csv.as_bytes()).await?;
    let created = started.elapsed();
    let mut config = Config::default();
    config.workers.bulk_concurrency = args.concurrency.unwrap_or(config.workers.bulk_concurrency);
    let concurrency = config.workers.bulk_concurrency;
    let (stop, stopped) = watch::channel(false);
    let wake = Arc::new(Notify::new());
    let workers = Workers::spawn(&ctx, &config, Arc::clone(&wake), None, &stopped);
    wake.notify_one();
    let issuing = Instant::now();
    let done = loop {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let j = ctx.store.get_job(job.id).await?;
        if j.state != JobState::Running {
            break j;
        }
        ensure!(issuing.elapsed() < GIVE_UP, "the job is not done after {GIVE_UP:?}: {}/{}", j.issued, j.total);
    };
    let issued_in = issuing.elapsed();
    let total = started.elapsed();
    let load_after = load_average();
    let _ = stop.send(true);
    workers.join(Duration::from_secs(30)).await;

    let checking = Instant::now();
    let checked = check_job(&ctx, &done, &achievement, args.rows, args.check_sample, args.check_all).await?;
    let secs = |d: Duration| (d.as_secs_f64() * 1000.0).round() / 1000.0;
    Ok(json!({
        "benchmark": "bulk issuance", "database": db.describe(), "rows": args.rows,
        "sign_threads": threads, "concurrency": concurrency,
        "create_job_s": secs(created), "issue_s": secs(issued_in), "total_s": secs(total),
        "credentials_per_s": (f64::from(args.rows) / total.as_secs_f64()).round(),
        "check_s": secs(checking.elapsed()), "verified": checked.verified, "status_lists": checked.lists,
        "load_before": load_before, "load_after": load_after,
    }))
}

fn csv(rows: u32) -> String {
    let mut csv = String::with_capacity(rows as usize * 48 + 32);
    csv.push_str("recipient,name,result\n");
    for i in 1..=rows {
        csv.push_str(&format!("learner{i:06}@example.org,Learner {i},pass\n"));
    }
    csv
}

/// The 1-minute load average (`/proc/loadavg`), to judge how noisy a run was.
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg").ok()?.split_whitespace().next()?.parse().ok()
}

fn print_table(out: &Value) {
    let g = |k: &str| out.get(k).cloned().unwrap_or(Value::Null);
    println!("bulk issuance: {} rows on {}", g("rows"), g("database").as_str().unwrap_or_default());
    println!("  sign threads {}, concurrency {}", g("sign_threads"), g("concurrency"));
    println!("  upload (CSV parse + job rows stored)  {:>8} s", g("create_job_s"));
    println!("  issuance (sign + store + status)      {:>8} s", g("issue_s"));
    println!(
        "  total                                 {:>8} s  = {} credentials/s",
        g("total_s"),
        g("credentials_per_s")
    );
    println!(
        "  checked in {} s: every row issued once, distinct status indexes, {} verified",
        g("check_s"),
        g("verified")
    );
    println!("  load average (1 min) before {} after {}", g("load_before"), g("load_after"));
}
