//! The domain's entities. Plain data: rules live in constructors (`parse`) and services.

mod achievement;
mod credential;
mod org;
mod stats;
mod status;
mod user;

pub use achievement::*;
pub use credential::*;
pub use org::*;
pub use stats::*;
pub use status::*;
pub use user::*;
