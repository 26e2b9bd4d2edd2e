//! The verifier's JSON input: arbitrary bytes (malformed, huge, deeply nested JSON) give a
//! report, never a panic. Seeds are real credentials, so mutations reach the JSON-LD
//! processor, RDFC, the proof and status checks.
#![no_main]

use std::sync::OnceLock;

use cairn_vc::canon::Canonicalizer;
use cairn_vc::resolve::OfflineResolver;
use cairn_vc::verify::{Verifier, VerifyOptions};
use libfuzzer_sys::fuzz_target;

fn canon() -> &'static Canonicalizer {
    static CANON: OnceLock<Canonicalizer> = OnceLock::new();
    CANON.get_or_init(Canonicalizer::default)
}

fuzz_target!(|data: &[u8]| {
    let verifier = Verifier {
        canon: canon(),
        resolver: &OfflineResolver,
        now: time::OffsetDateTime::UNIX_EPOCH,
        options: VerifyOptions::default(),
    };
    let report = verifier.verify_bytes(data);
    // A report always says something, and `verified` agrees with its checks.
    assert!(!report.checks.is_empty());
    assert_eq!(report.verified, report.errors().next().is_none());
});
