//! Background work: the bulk-issuance worker and the email-delivery worker.
//!
//! The bulk worker polls `Store::running_jobs` and runs up to `workers.bulk_concurrency`
//! tasks, shared round robin between the running jobs, each working one leased batch at a
//! time until `service::bulk::work_on_job` reports nothing left. Jobs survive restarts: a job is just rows in the database, and rows leased
//! by a process that died become available again when their lease expires. Several servers
//! may run this worker on one database; leases keep every row issued exactly once.
//!
//! Signing is CPU work done synchronously by the service (on `ctx.sign_threads` scoped
//! threads), so each batch runs on a blocking-pool thread and the HTTP runtime stays
//! responsive.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use cairn_core::ids::JobId;
use cairn_core::mail::Mailer;
use cairn_core::model::JobState;
use cairn_core::service::{bulk, Ctx};
use tokio::sync::{watch, Notify};
use tokio::task::JoinSet;

use crate::config::Config;

/// How often the bulk worker looks for running jobs when nobody wakes it.
const POLL: Duration = Duration::from_millis(500);
/// The pause after a failed batch before the job is tried again.
const RETRY: Duration = Duration::from_secs(5);

/// The running workers.
pub struct Workers {
    tasks: JoinSet<()>,
}

impl Workers {
    /// Starts the workers `config` enables. `wake` is notified when a job is created, so
    /// work starts without waiting for the next poll; `shutdown` turning `true` stops them
    /// after the batch in progress. Without a `mailer` (no `[smtp]`), deliveries stay pending.
    pub fn spawn(
        ctx: &Ctx,
        config: &Config,
        wake: Arc<Notify>,
        mailer: Option<Arc<dyn Mailer>>,
        shutdown: &watch::Receiver<bool>,
    ) -> Self {
        let mut tasks = JoinSet::new();
        if !config.workers.enabled {
            tracing::info!(
                "workers are disabled (workers.enabled = false): bulk jobs and emails wait for another server"
            );
            return Self { tasks };
        }
        tasks.spawn(bulk_worker(ctx.clone(), config.workers.bulk_concurrency, wake, shutdown.clone()));
        match mailer {
            Some(mailer) => {
                tasks.spawn(crate::mail::run_delivery_worker(ctx.clone(), mailer, shutdown.clone()));
            }
            None => tracing::warn!("smtp is not configured: email deliveries stay pending until it is"),
        }
        Self { tasks }
    }

    /// Waits for every worker to stop (after `shutdown` was sent), at most `limit`.
    pub async fn join(mut self, limit: Duration) {
        let all = async { while self.tasks.join_next().await.is_some() {} };
        if tokio::time::timeout(limit, all).await.is_err() {
            tracing::warn!(limit_s = limit.as_secs(), "workers did not stop in time; leased rows will be retried");
        }
    }
}

/// Finds running jobs and works on up to `concurrency` of them at a time.
async fn bulk_worker(ctx: Ctx, concurrency: usize, wake: Arc<Notify>, mut shutdown: watch::Receiver<bool>) {
    let mut running: JoinSet<()> = JoinSet::new();
    let mut active: HashMap<tokio::task::Id, JobId> = HashMap::new();
    let mut tick = tokio::time::interval(POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            changed = shutdown.changed() => {
                if changed.is_err() {
                    break; // the server is gone
                }
            }
            Some(done) = running.join_next_with_id(), if !running.is_empty() => {
                let id = match &done {
                    Ok((id, ())) => *id,
                    Err(e) => {
                        tracing::error!(error = %e, "a bulk job task failed");
                        e.id()
                    }
                };
                active.remove(&id);
                // A job that ran dry (its rows leased elsewhere) is looked at again on the
                // next tick, not at once.
                continue;
            }
            () = wake.notified() => {}
            _ = tick.tick() => {}
        }
        if *shutdown.borrow() {
            break;
        }
        if active.len() >= concurrency {
            continue;
        }
        match ctx.store.running_jobs().await {
            Ok(jobs) => {
                // Round robin: every job gets a task before any job gets a second one; spare
                // tasks share one job (while one stores its batch, another signs).
                for round in 0..concurrency {
                    for job in &jobs {
                        if active.len() < concurrency && active.values().filter(|id| **id == job.id).count() == round {
                            let handle = running.spawn(work_job(ctx.clone(), job.id, shutdown.clone()));
                            active.insert(handle.id(), job.id);
                        }
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "cannot list running bulk jobs"),
        }
    }
    // Let the batches in progress finish: their rows are then stored, not left leased.
    while running.join_next().await.is_some() {}
}

/// Works on one job until nothing is left to lease (or shutdown).
async fn work_job(ctx: Ctx, job_id: JobId, mut shutdown: watch::Receiver<bool>) {
    tracing::debug!(job.id = %job_id, "working on bulk job");
    loop {
        if *shutdown.borrow() {
            return;
        }
        let batch_ctx = ctx.clone();
        let handle = tokio::runtime::Handle::current();
        let batch = tokio::task::spawn_blocking(move || handle.block_on(bulk::work_on_job(&batch_ctx, job_id))).await;
        match batch {
            Ok(Ok(0)) => break,
            Ok(Ok(rows)) => tracing::debug!(job.id = %job_id, rows, "bulk batch issued"),
            Ok(Err(e)) => {
                tracing::error!(job.id = %job_id, error = %e, "bulk batch failed; retrying in {}s", RETRY.as_secs());
                tokio::select! {
                    _ = shutdown.changed() => return,
                    () = tokio::time::sleep(RETRY) => {}
                }
            }
            Err(e) => {
                tracing::error!(job.id = %job_id, error = %e, "bulk batch panicked");
                return;
            }
        }
    }
    match ctx.store.get_job(job_id).await {
        Ok(job) if job.state == JobState::Done => {
            tracing::info!(job.id = %job_id, issued = job.issued, failed = job.failed, "bulk job finished");
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(job.id = %job_id, error = %e, "cannot read bulk job"),
    }
}
