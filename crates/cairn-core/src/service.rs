//! Services: the verbs of Cairn. Handlers call exactly one of these; each takes the
//! [`Ctx`] (ports and settings) and returns domain types or [`crate::Error`].

pub mod achievements;
pub mod auth;
pub mod bulk;
pub mod credential;
pub mod delivery;
pub mod doc_cache;
pub mod images;
pub mod inspect;
pub mod issue;
pub mod orgs;
pub mod public;
pub mod session;
pub mod sign;
pub mod stats;
pub mod status;
pub mod upload;
pub mod verify;
pub mod wallet;

use std::sync::Arc;

use cairn_vc::canon::Canonicalizer;
use cairn_vc::resolve::Resolver;

use crate::clock::Clock;
use crate::crypto::MasterKey;
use crate::store::Store;

/// Everything a service needs, injected: storage, time, the master key, the JSON-LD
/// canonicalizer (shared, so its context cache stays warm), the resolver used when
/// verifying others' credentials, and the public base URL.
#[derive(Clone)]
pub struct Ctx {
    /// Storage.
    pub store: Arc<dyn Store>,
    /// Time.
    pub clock: Arc<dyn Clock>,
    /// Seals and opens signing keys.
    pub master: Arc<MasterKey>,
    /// Safe-mode JSON-LD + RDFC.
    pub canon: Arc<Canonicalizer>,
    /// Retrieval for verification of other issuers' credentials.
    pub resolver: Arc<dyn Resolver>,
    /// Public base URL, without a trailing slash (`https://badges.example.edu`).
    pub base_url: String,
    /// Signing threads for bulk issuance.
    pub sign_threads: usize,
    /// This server's public documents as verification last read them (half a second at most).
    pub docs: Arc<doc_cache::DocCache>,
}

impl Ctx {
    /// `<base>/issuers/<slug>`: the issuer id and controller document URL.
    pub fn issuer_id(&self, slug: &str) -> String {
        format!("{}/issuers/{slug}", self.base_url)
    }

    /// `<base>/achievements/<id>`.
    pub fn achievement_url(&self, id: crate::ids::AchievementId) -> String {
        format!("{}/achievements/{id}", self.base_url)
    }

    /// `<base>/credentials/<id>`.
    pub fn credential_url(&self, id: crate::ids::CredentialId) -> String {
        format!("{}/credentials/{id}", self.base_url)
    }

    /// `<base>/status/<id>`.
    pub fn status_list_url(&self, id: crate::ids::StatusListId) -> String {
        format!("{}/status/{id}", self.base_url)
    }

    /// `<base>/claim/<token>`: the link emailed to a recipient.
    pub fn claim_url(&self, token: &str) -> String {
        format!("{}/claim/{token}", self.base_url)
    }
}
