//! The Open Badges 3.0 and CLR 2.0 data model (STANDARDS.md §2, §9) as serde types, and the
//! model checks Cairn runs instead of shipping the 1EdTech JSON Schemas (§2.10).
//!
//! Every object keeps members it does not know in a flattened `extra` map, so a credential
//! parsed and written again keeps every property. Output follows OB `serialization.md`:
//! nulls and empty arrays are omitted and multi-valued properties are written as arrays
//! ([`OneOrMany`]); input may use single values.
//!
//! Parsing is lenient about `type` (absent reads as empty and is not written) and strict about
//! the other required members. Either way the types do not prove conformance: run
//! [`check_open_badge`] (and [`check_vc_data_model`]) on the JSON before trusting or signing it.

mod achievement;
pub mod checks;
mod clr;
mod credential;
mod identity;
mod one_or_many;
mod profile;
mod subject;
mod vc;
mod vocab;

pub use achievement::{Achievement, Alignment, Criteria, Related, ResultDescription, RubricCriterionLevel};
pub use checks::{check_clr, check_endorsement, check_open_badge, check_vc_data_model, Finding, Severity};
pub use clr::{Association, ClrCredential, ClrSubject};
pub use credential::{AchievementCredential, EndorsementCredential, EndorsementSubject, OpenBadgeCredential};
pub use identity::{new_salt, normalize_email, sha256_identity_hash, IdentityObject, EMAIL_ADDRESS};
pub use one_or_many::{float, OneOrMany, SingleOrArray};
pub use profile::{Address, GeoCoordinates, IdentifierEntry, Image, ImageRef, IssuerRef, Profile};
pub use subject::{AchievementResult, AchievementSubject};
pub use vc::{
    Context, CredentialSchema, CredentialStatus, Evidence, Proof, RefreshService, TermsOfUse, CLR_CONTEXT,
    CLR_CREDENTIAL_SCHEMA, JSON_SCHEMA_VALIDATOR_2019, OB_ACHIEVEMENT_CREDENTIAL_SCHEMA, OB_CONTEXT,
    OB_ENDORSEMENT_CREDENTIAL_SCHEMA, VC_V1_CONTEXT, VC_V2_CONTEXT,
};
pub use vocab::{
    is_ext_term, is_known_or_ext, ACHIEVEMENT_TYPES, ALIGNMENT_TARGET_TYPES, ASSOCIATION_TYPES, IDENTIFIER_TYPES,
    RESULT_STATUSES, RESULT_TYPES,
};
