//! XSD `dateTime` / `dateTimeStamp` parsing and Cairn's emitted form (`YYYY-MM-DDTHH:MM:SSZ`).

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// Parses an XSD `dateTime`. A value without a time zone is read as UTC; `has_zone`
/// tells whether one was given (`dateTimeStamp` requires it).
pub fn parse(s: &str) -> Option<(OffsetDateTime, bool)> {
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Some((t, true));
    }
    // RFC 3339 requires seconds and a zone; XSD also allows lower-case separators only via
    // RFC 3339, so only the zone-less form is left to handle here.
    let fmt =
        format_description!(version = 2, "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]");
    PrimitiveDateTime::parse(s, fmt).ok().map(|t| (t.assume_offset(UtcOffset::UTC), false))
}

/// Parses an XSD `dateTimeStamp` (time zone required).
pub fn parse_stamp(s: &str) -> Option<OffsetDateTime> {
    parse(s).and_then(|(t, zoned)| zoned.then_some(t))
}

/// Cairn's form for dates it emits: UTC, whole seconds, `Z`.
pub fn format_utc_seconds(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_zoned_and_unzoned_forms() {
        assert!(parse_stamp("2010-01-01T19:23:24Z").is_some());
        assert!(parse_stamp("2010-01-01T19:23:24.123+02:00").is_some());
        assert_eq!(parse("2010-01-01T19:23:24").map(|(_, z)| z), Some(false));
        assert!(parse_stamp("2010-01-01T19:23:24").is_none());
        assert!(parse("2010-13-01T19:23:24Z").is_none());
        assert!(parse("yesterday").is_none());
    }

    #[test]
    fn formats_whole_seconds_utc() {
        let (t, _) = parse("2010-01-01T20:23:24.9+01:00").unwrap();
        assert_eq!(format_utc_seconds(t), "2010-01-01T19:23:24Z");
    }
}
