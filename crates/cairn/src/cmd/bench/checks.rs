//! What `cairn bench bulk` checks after the job, so that its number is honest: the job is
//! done with every row issued; the database holds one credential per row (each row once)
//! with distinct status indexes in lists that count them; and stored credentials verify on
//! the real path (`service::verify`: proof, issuer document and status list read from the
//! database), a spread-out sample or all of them.

use std::collections::{HashMap, HashSet};

use anyhow::{ensure, Context as _};
use cairn_core::model::{Achievement, BulkJob, JobState};
use cairn_core::service::{verify, Ctx};
use cairn_core::store::CredentialQuery;

/// What the checks saw.
pub struct Checked {
    /// Credentials whose verification passed.
    pub verified: u64,
    /// Status lists the job's credentials use.
    pub lists: usize,
}

/// Page size of the listing the checks read.
const PAGE: u32 = 500;

pub async fn check_job(
    ctx: &Ctx,
    job: &BulkJob,
    achievement: &Achievement,
    rows: u32,
    sample: u32,
    all: bool,
) -> anyhow::Result<Checked> {
    ensure!(
        job.state == JobState::Done && job.issued == rows && job.failed == 0 && job.total == rows,
        "the job did not issue every row: {job:?}"
    );
    let stored = ctx.store.count_awards(achievement.id, achievement.version).await?;
    ensure!(stored == u64::from(rows), "the database holds {stored} credentials of the achievement, not {rows}");

    let every = if all { 1 } else { (rows / sample.max(1)).max(1) };
    let mut seen_rows = HashSet::with_capacity(rows as usize);
    let mut per_list: HashMap<_, HashSet<u32>> = HashMap::new();
    let mut verified = 0u64;
    let mut position = 0u32;
    let mut before = None;
    loop {
        // Keyset paging over the organisation's credentials (it issued nothing else).
        let query = CredentialQuery { limit: PAGE, before, ..CredentialQuery::default() };
        let page = ctx.store.list_credentials(job.org_id, &query).await?;
        let Some(last) = page.last() else { break };
        before = Some(last.id);
        for c in &page {
            let (job_id, row) = c.job.with_context(|| format!("credential {} has no bulk row", c.id))?;
            ensure!(job_id == job.id && (1..=rows).contains(&row), "credential {} has row {row}", c.id);
            ensure!(seen_rows.insert(row), "row {row} was issued twice");
            let fresh = per_list.entry(c.revocation.list_id).or_default().insert(c.revocation.index);
            ensure!(fresh, "revocation index {} of list {} is used twice", c.revocation.index, c.revocation.list_id);
            ensure!(
                c.json.contains(&format!("\"statusListIndex\":\"{}\"", c.revocation.index)),
                "credential {} does not carry its status index",
                c.id
            );
            if position.is_multiple_of(every) {
                let doc = verify::parse_credential(c.json.as_bytes())?;
                let report = verify::verify_credential(ctx, &doc).await?;
                ensure!(report.verified, "credential {} (row {row}) does not verify: {:?}", c.id, report.checks);
                verified += 1;
            }
            position += 1;
        }
    }
    ensure!(seen_rows.len() == rows as usize, "{} of {rows} rows have a credential", seen_rows.len());
    for (list, indexes) in &per_list {
        let stored = ctx.store.get_status_list(*list).await?;
        ensure!(
            stored.allocated as usize >= indexes.len(),
            "status list {list} counts {} allocations for {} credentials",
            stored.allocated,
            indexes.len()
        );
    }
    Ok(Checked { verified, lists: per_list.len() })
}
