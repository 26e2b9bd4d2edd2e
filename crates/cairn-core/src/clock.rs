//! The `Clock` port: domain code never reads the system time directly.

use std::sync::Mutex;

use time::OffsetDateTime;

/// Where "now" comes from.
pub trait Clock: Send + Sync + 'static {
    /// The current time.
    fn now(&self) -> OffsetDateTime;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)] // the one place that reads the system time
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock tests set and advance.
#[derive(Debug)]
pub struct FakeClock(Mutex<OffsetDateTime>);

impl FakeClock {
    /// A clock stopped at `t`.
    pub fn new(t: OffsetDateTime) -> Self {
        Self(Mutex::new(t))
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: time::Duration) {
        if let Ok(mut t) = self.0.lock() {
            *t += by;
        }
    }
}

impl Clock for FakeClock {
    fn now(&self) -> OffsetDateTime {
        self.0.lock().map(|t| *t).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }
}
