//! Sign-in attempts per account: after [`MAX_FAILURES`] failures within [`WINDOW`], the account
//! refuses passwords until the window ends (a success clears the count). The count is kept per
//! server process: with several servers an attacker gets that many attempts per server, which
//! still turns an online guessing attack from millions of tries into a handful per window.

use std::collections::HashMap;
use std::sync::Mutex;

use time::{Duration, OffsetDateTime};

/// Failures allowed per window.
pub const MAX_FAILURES: u32 = 5;
/// The window.
pub const WINDOW: Duration = Duration::minutes(15);
/// Accounts tracked at once (oldest windows are dropped beyond this).
const CAPACITY: usize = 100_000;

/// Failed sign-ins per lower-cased email.
#[derive(Debug, Default)]
pub struct LoginLimiter {
    failures: Mutex<HashMap<String, (u32, OffsetDateTime)>>,
}

impl LoginLimiter {
    /// Whether `email` may try a password at `now`.
    pub fn allowed(&self, email: &str, now: OffsetDateTime) -> bool {
        let Ok(map) = self.failures.lock() else { return true };
        match map.get(&key(email)) {
            Some((n, start)) => *n < MAX_FAILURES || now - *start >= WINDOW,
            None => true,
        }
    }

    /// Records a failure.
    pub fn failed(&self, email: &str, now: OffsetDateTime) {
        let Ok(mut map) = self.failures.lock() else { return };
        if map.len() >= CAPACITY {
            map.retain(|_, (_, start)| now - *start < WINDOW);
        }
        let entry = map.entry(key(email)).or_insert((0, now));
        if now - entry.1 >= WINDOW {
            *entry = (0, now);
        }
        entry.0 += 1;
    }

    /// Clears the count after a success.
    pub fn succeeded(&self, email: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&key(email));
        }
    }
}

fn key(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_max_failures_and_reopens_after_the_window() {
        let l = LoginLimiter::default();
        let t0 = OffsetDateTime::UNIX_EPOCH;
        for _ in 0..MAX_FAILURES {
            assert!(l.allowed("A@x.org", t0));
            l.failed("a@x.org ", t0);
        }
        assert!(!l.allowed("a@x.org", t0 + Duration::minutes(14)));
        assert!(l.allowed("b@x.org", t0));
        assert!(l.allowed("a@x.org", t0 + WINDOW));
        l.succeeded("a@x.org");
        assert!(l.allowed("a@x.org", t0));
    }
}
