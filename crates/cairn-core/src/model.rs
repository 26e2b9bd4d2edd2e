//! The domain's entities. Plain data: rules live in constructors (`parse`) and services.

mod achievement;
mod credential;
mod eu_checklist;
mod org;
mod stats;
mod status;
mod user;
mod wallet;

pub use achievement::*;
pub use credential::*;
pub use eu_checklist::*;
pub use org::*;
pub use stats::*;
pub use status::*;
pub use user::*;
pub use wallet::*;
