//! Identifier newtypes: a `CredentialId` can never be passed where an `OrgId` is expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh random (v4) identifier.
            pub fn new_random() -> Self {
                Self(Uuid::new_v4())
            }

            /// A random identifier that sorts by creation time (UUID v7 at `at`, from the
            /// injected clock), for records whose age matters.
            pub fn new_time_ordered(at: time::OffsetDateTime) -> Self {
                let secs = u64::try_from(at.unix_timestamp()).unwrap_or(0);
                Self(Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, secs, at.nanosecond())))
            }

            /// When a [`Self::new_time_ordered`] identifier was made (`None` for other versions).
            pub fn created_at(&self) -> Option<time::OffsetDateTime> {
                let (secs, nanos) = self.0.get_timestamp()?.to_unix();
                let t = time::OffsetDateTime::from_unix_timestamp(i64::try_from(secs).ok()?).ok()?;
                Some(t + time::Duration::nanoseconds(i64::from(nanos)))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self).map_err(|_| crate::Error::invalid(stringify!($name), format!("`{s}` is not a UUID")))
            }
        }
    };
}

id_type!(
    /// An issuing organisation.
    OrgId
);
id_type!(
    /// A user account.
    UserId
);
id_type!(
    /// An achievement (stable across its versions).
    AchievementId
);
id_type!(
    /// An issued credential.
    CredentialId
);
id_type!(
    /// A status list.
    StatusListId
);
id_type!(
    /// A signing key.
    KeyId
);
id_type!(
    /// A bulk issuance job.
    JobId
);
id_type!(
    /// An API token.
    TokenId
);
id_type!(
    /// An email delivery.
    DeliveryId
);
id_type!(
    /// A credential in an earner's wallet.
    WalletItemId
);
id_type!(
    /// A collection of wallet items.
    CollectionId
);
