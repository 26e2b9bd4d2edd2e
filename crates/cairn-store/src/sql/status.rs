//! Status lists: storing them, allocating unique indexes, and status changes that flip a bit
//! and store the re-signed list in the same transaction.

use std::collections::HashSet;

use cairn_core::ids::{OrgId, StatusListId};
use cairn_core::model::{StatusListRecord, StatusPurpose};
use cairn_core::store::{ResignFn, StatusChange};
use cairn_core::Error;
use uuid::Uuid;

use super::{corrupt, to_u32};
use crate::backend::{rows_per_statement, values, Backend, Exec, Ts, Tx, Q};

const COLUMNS: &str = "id, org_id, purpose, bits, allocated, version, signed_json, updated_at";

#[derive(sqlx::FromRow)]
pub(crate) struct StatusListRow {
    id: Uuid,
    org_id: Uuid,
    purpose: String,
    bits: Vec<u8>,
    allocated: i64,
    version: i64,
    signed_json: String,
    updated_at: Ts,
}

impl StatusListRow {
    fn into_record(self) -> Result<StatusListRecord, Error> {
        Ok(StatusListRecord {
            id: StatusListId(self.id),
            org_id: OrgId(self.org_id),
            purpose: parse_purpose(&self.purpose)?,
            bits: self.bits,
            allocated: to_u32(self.allocated, "status list allocation count")?,
            version: self.version,
            signed_json: self.signed_json,
            updated_at: self.updated_at.0,
        })
    }
}

fn parse_purpose(s: &str) -> Result<StatusPurpose, Error> {
    match s {
        "revocation" => Ok(StatusPurpose::Revocation),
        "suspension" => Ok(StatusPurpose::Suspension),
        _ => Err(corrupt("status list purpose")),
    }
}

pub(crate) async fn insert_status_list<B: Backend>(db: &B, l: &StatusListRecord) -> Result<(), Error> {
    let q = Q::new(format!("INSERT INTO status_lists ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"))
        .bind(l.id.0)
        .bind(l.org_id.0)
        .bind(l.purpose.as_str())
        .bind(l.bits.as_slice())
        .bind(l.allocated)
        .bind(l.version)
        .bind(l.signed_json.as_str())
        .bind(l.updated_at);
    db.auto().execute(q).await.map(drop)
}

pub(crate) async fn current_status_list<B: Backend>(
    db: &B,
    org: OrgId,
    purpose: StatusPurpose,
) -> Result<Option<StatusListRecord>, Error> {
    let q = Q::new(format!(
        "SELECT {COLUMNS} FROM status_lists WHERE org_id = $1 AND purpose = $2 ORDER BY seq DESC LIMIT 1"
    ))
    .bind(org.0)
    .bind(purpose.as_str());
    let row: Option<StatusListRow> = db.auto().fetch_optional(q).await?;
    row.map(StatusListRow::into_record).transpose()
}

pub(crate) async fn get_status_list<B: Backend>(db: &B, id: StatusListId) -> Result<StatusListRecord, Error> {
    let q = Q::new(format!("SELECT {COLUMNS} FROM status_lists WHERE id = $1")).bind(id.0);
    let row: Option<StatusListRow> = db.auto().fetch_optional(q).await?;
    row.ok_or(Error::NotFound { what: "status list" })?.into_record()
}

/// Inserts the candidates with `ON CONFLICT DO NOTHING`; the rows that went in are the
/// indexes this call owns. The list row is locked first, so allocations to one list queue
/// (and candidates go in ascending order) and never deadlock.
pub(crate) async fn allocate_status_indexes<B: Backend>(
    db: &B,
    list: StatusListId,
    candidates: &[u32],
) -> Result<Vec<u32>, Error> {
    let mut sorted = candidates.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut tx = db.begin().await?;
    let lock = Q::new(format!("SELECT allocated FROM status_lists WHERE id = $1{}", B::FOR_UPDATE)).bind(list.0);
    let found: Option<(i64,)> = tx.fetch_optional(lock).await?;
    found.ok_or(Error::NotFound { what: "status list" })?;
    let mut won = HashSet::with_capacity(sorted.len());
    for chunk in sorted.chunks(rows_per_statement::<B>(2)) {
        let sql = format!(
            "INSERT INTO status_allocations (list_id, idx) VALUES {} ON CONFLICT DO NOTHING RETURNING idx",
            values::<B>(chunk.len(), 2, 1)
        );
        let mut q = Q::new(sql);
        for &i in chunk {
            q.push(list.0);
            q.push(i);
        }
        let rows: Vec<(i64,)> = tx.fetch_all(q).await?;
        for (i,) in rows {
            won.insert(to_u32(i, "status index")?);
        }
    }
    let bump = Q::new("UPDATE status_lists SET allocated = allocated + $2 WHERE id = $1")
        .bind(list.0)
        .bind(u32::try_from(won.len()).unwrap_or(u32::MAX));
    tx.execute(bump).await?;
    tx.commit().await?;
    // In the caller's order, each index once.
    let mut seen = HashSet::with_capacity(won.len());
    Ok(candidates.iter().copied().filter(|i| won.contains(i) && seen.insert(*i)).collect())
}

#[derive(sqlx::FromRow)]
struct StatusRefsRow {
    revocation_list_id: Uuid,
    revocation_index: i64,
    suspension_list_id: Option<Uuid>,
    suspension_index: Option<i64>,
}

pub(crate) async fn change_status<B: Backend>(
    db: &B,
    change: &StatusChange,
    resign: &ResignFn<'_>,
) -> Result<StatusListRecord, Error> {
    let mut tx = db.begin().await?;
    let q = Q::new(
        "SELECT revocation_list_id, revocation_index, suspension_list_id, suspension_index FROM credentials WHERE id = $1",
    )
    .bind(change.credential_id.0);
    let refs: StatusRefsRow = tx.fetch_optional(q).await?.ok_or(Error::NotFound { what: "credential" })?;
    let (list_id, index) = match change.purpose {
        StatusPurpose::Revocation => (refs.revocation_list_id, refs.revocation_index),
        StatusPurpose::Suspension => refs
            .suspension_list_id
            .zip(refs.suspension_index)
            .ok_or_else(|| Error::Conflict("this credential was issued without a suspension entry".into()))?,
    };
    let q = Q::new(format!("SELECT {COLUMNS} FROM status_lists WHERE id = $1{}", B::FOR_UPDATE)).bind(list_id);
    let row: StatusListRow = tx.fetch_optional(q).await?.ok_or(Error::NotFound { what: "status list" })?;
    let mut list = row.into_record()?;
    set_bit(&mut list.bits, to_u32(index, "status index")?, change.set)?;
    list.version += 1;
    list.updated_at = change.at;
    tx.execute(credential_update(change)).await?;
    list.signed_json = match resign(&list) {
        Ok(json) => json,
        Err(e) => {
            tx.rollback().await?;
            return Err(e);
        }
    };
    let q = Q::new("UPDATE status_lists SET bits = $2, version = $3, signed_json = $4, updated_at = $5 WHERE id = $1")
        .bind(list_id)
        .bind(list.bits.as_slice())
        .bind(list.version)
        .bind(list.signed_json.as_str())
        .bind(list.updated_at);
    tx.execute(q).await?;
    tx.commit().await?;
    Ok(list)
}

/// The credential's side of a status change: revocation time and reason, or the
/// suspended flag.
fn credential_update(change: &StatusChange) -> Q<'_> {
    let id = change.credential_id.0;
    match change.purpose {
        StatusPurpose::Revocation => {
            let (at, reason) = if change.set { (Some(change.at), change.reason.as_deref()) } else { (None, None) };
            Q::new("UPDATE credentials SET revoked_at = $2, revocation_reason = $3 WHERE id = $1")
                .bind(id)
                .bind(at)
                .bind(reason)
        }
        StatusPurpose::Suspension => {
            Q::new("UPDATE credentials SET suspended = $2 WHERE id = $1").bind(id).bind(change.set)
        }
    }
}

/// Sets or clears bit `index`; index 0 is the most significant bit of byte 0 (Bitstring
/// Status List, as `cairn_vc::bitstring` reads it).
pub(crate) fn set_bit(bits: &mut [u8], index: u32, on: bool) -> Result<(), Error> {
    let byte = bits
        .get_mut((index / 8) as usize)
        .ok_or_else(|| Error::Internal(format!("status index {index} is outside its list")))?;
    let mask = 0x80u8 >> (index % 8);
    if on {
        *byte |= mask;
    } else {
        *byte &= !mask;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::set_bit;
    use cairn_vc::bitstring::Bitstring;

    #[test]
    fn bits_are_numbered_as_the_status_list_spec_reads_them() {
        let mut bits = vec![0u8; 16];
        for i in [0u32, 7, 8, 9, 100, 127] {
            set_bit(&mut bits, i, true).unwrap();
        }
        assert_eq!(bits[0], 0b1000_0001);
        assert_eq!(bits[1], 0b1100_0000);
        let read = Bitstring::from_bytes(bits.clone());
        for i in 0..128usize {
            assert_eq!(read.get(i).unwrap(), [0, 7, 8, 9, 100, 127].contains(&i), "bit {i}");
        }
        set_bit(&mut bits, 7, false).unwrap();
        assert_eq!(bits[0], 0b1000_0000);
        assert!(set_bit(&mut bits, 128, true).is_err());
    }
}
