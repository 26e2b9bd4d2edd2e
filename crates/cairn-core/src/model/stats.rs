use serde::{Deserialize, Serialize};
use time::Date;

/// An event counted per organisation and day (issuing and claiming are read from the
/// credentials themselves).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Someone opened a credential's public page (HTML).
    Viewed,
    /// Someone verified a credential (the verify API, the VC-API, a page's live check).
    Verified,
}

impl EventKind {
    /// Every kind.
    pub const ALL: [EventKind; 2] = [EventKind::Viewed, EventKind::Verified];

    /// Name as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Viewed => "viewed",
            EventKind::Verified => "verified",
        }
    }

    /// A stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What happened to an organisation's credentials on one day (UTC), or in total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Activity {
    /// Credentials issued (by `issued_at`).
    pub issued: u64,
    /// Credentials claimed by their earner.
    pub claimed: u64,
    /// Public page views.
    pub viewed: u64,
    /// Verifications.
    pub verified: u64,
}

impl Activity {
    /// Adds another day's counts.
    pub fn add(&mut self, other: &Activity) {
        self.issued += other.issued;
        self.claimed += other.claimed;
        self.viewed += other.viewed;
        self.verified += other.verified;
    }

    /// The largest of the four counts.
    pub fn max(&self) -> u64 {
        self.issued.max(self.claimed).max(self.viewed).max(self.verified)
    }
}

/// One day's activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayActivity {
    /// The day (UTC).
    pub day: Date,
    /// The counts.
    pub counts: Activity,
}
