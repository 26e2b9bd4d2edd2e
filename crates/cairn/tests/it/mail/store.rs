//! The store the delivery tests run on: a fresh SQLite file per test (the SQL is shared
//! with PostgreSQL, whose delivery queries `cairn-store`'s own story test covers).

use std::sync::Arc;

use cairn_core::store::Store;

use crate::support::Scratch;

pub async fn open(db: &Scratch) -> Arc<dyn Store> {
    let url = format!("sqlite://{}", db.path("cairn.db").display());
    cairn_store::connect(&url).await.unwrap()
}
