//! Cairn's standards layer: the Open Badges 3.0 / Verifiable Credentials engine.
//!
//! Offline JSON-LD expansion against embedded, allow-listed contexts, RDFC-1.0
//! canonicalization, Data Integrity proofs (`eddsa-rdfc-2022`, `eddsa-jcs-2022`,
//! legacy `Ed25519Signature2020`), Multikey / `did:key` / `did:web`, Bitstring Status
//! Lists and PNG/SVG baking. No network access: resolution goes through [`resolve::Resolver`].
#![warn(missing_docs)]

pub mod bake;
pub mod bitstring;
pub mod canon;
pub mod contexts;
pub mod datetime;
pub mod did;
pub mod error;
pub mod jcs;
pub mod jsonld;
pub mod keys;
pub mod model;
pub mod nquads;
pub mod proof;
pub mod rdf;
pub mod rdfc;
pub mod report;
pub mod resolve;
pub mod status;
pub mod verify;
pub mod vm;
