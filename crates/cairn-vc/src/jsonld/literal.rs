//! Lexical forms: JSON numbers as `xsd:integer` / `xsd:double`, and JSON literals in JSON
//! Canonicalization Scheme (RFC 8785) form.

use std::fmt::Write as _;

use serde_json::{Number, Value};

use crate::rdf::{XSD_DOUBLE, XSD_INTEGER};

/// The lexical form and default datatype of a JSON number, per Object to RDF Conversion:
/// an integral value below 1e21 is an integer lexical form (even when written `3.0`) unless
/// the datatype is `xsd:double`; anything else is a canonical `xsd:double`.
pub(crate) fn number_lexical(n: &Number, datatype: Option<&str>) -> (String, &'static str) {
    let as_double = datatype == Some(XSD_DOUBLE);
    if let Some(i) = n.as_i64() {
        return if as_double {
            #[allow(clippy::cast_precision_loss)]
            let f = i as f64;
            (double_lexical(f), XSD_DOUBLE)
        } else {
            (i.to_string(), XSD_INTEGER)
        };
    }
    if let Some(u) = n.as_u64() {
        return if as_double {
            #[allow(clippy::cast_precision_loss)]
            let f = u as f64;
            (double_lexical(f), XSD_DOUBLE)
        } else {
            (u.to_string(), XSD_INTEGER)
        };
    }
    let f = n.as_f64().unwrap_or(0.0);
    if as_double || f.fract() != 0.0 || f.abs() >= 1e21 {
        (double_lexical(f), XSD_DOUBLE)
    } else if f == 0.0 {
        ("0".to_owned(), XSD_INTEGER)
    } else {
        (format!("{f:.0}"), XSD_INTEGER)
    }
}

/// Canonical `xsd:double` lexical form as jsonld.js writes it: 16 significant digits with
/// trailing zeros removed (keeping one), `E`, the exponent: `3.5E0`, `1.0E21`, `-1.2E-7`.
pub(crate) fn double_lexical(f: f64) -> String {
    let s = format!("{f:.15e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut m = mantissa.trim_end_matches('0').to_owned();
    if m.ends_with('.') {
        m.push('0');
    }
    format!("{m}E{exp}")
}

/// The JCS (RFC 8785) serialization of `v`.
pub(crate) fn canonical_json(v: &Value) -> String {
    let mut out = String::new();
    write_jcs(v, &mut out);
    out
}

fn write_jcs(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&es_number(n)),
        Value::String(s) => write_jcs_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_jcs(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
            out.push('{');
            for (i, (k, val)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_jcs_string(k, out);
                out.push(':');
                write_jcs(val, out);
            }
            out.push('}');
        }
    }
}

fn write_jcs_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// ECMAScript `Number.prototype.toString` of a JSON number (as JCS requires).
fn es_number(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        if i.unsigned_abs() < (1u64 << 53) {
            return i.to_string();
        }
    }
    if let Some(u) = n.as_u64() {
        if u < (1u64 << 53) {
            return u.to_string();
        }
    }
    es_double(n.as_f64().unwrap_or(0.0))
}

fn es_double(f: f64) -> String {
    if f == 0.0 {
        return "0".to_owned();
    }
    let sign = if f < 0.0 { "-" } else { "" };
    // Shortest round-trip digits and exponent, e.g. "1.2345e-7".
    let e = format!("{:e}", f.abs());
    let (mantissa, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = i64::try_from(digits.len()).unwrap_or(1);
    let n = exp.parse::<i64>().unwrap_or(0) + 1;
    let body = if k <= n && n <= 21 {
        let zeros = usize::try_from(n - k).unwrap_or(0);
        format!("{digits}{}", "0".repeat(zeros))
    } else if 0 < n && n <= 21 {
        let split = usize::try_from(n).unwrap_or(0);
        let (int, frac) = digits.split_at_checked(split).unwrap_or((&digits, ""));
        format!("{int}.{frac}")
    } else if -6 < n && n <= 0 {
        let zeros = usize::try_from(-n).unwrap_or(0);
        format!("0.{}{digits}", "0".repeat(zeros))
    } else {
        let e = n - 1;
        let esign = if e >= 0 { "+" } else { "-" };
        let (first, rest) = digits.split_at_checked(1).unwrap_or((&digits, ""));
        if rest.is_empty() {
            format!("{first}e{esign}{}", e.abs())
        } else {
            format!("{first}.{rest}e{esign}{}", e.abs())
        }
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn doubles() {
        assert_eq!(double_lexical(3.5), "3.5E0");
        assert_eq!(double_lexical(1e21), "1.0E21");
        assert_eq!(double_lexical(123.45), "1.2345E2");
        assert_eq!(double_lexical(-0.0000001), "-1.0E-7");
        let three: Number = serde_json::from_str("3.0").unwrap();
        assert_eq!(number_lexical(&three, None), ("3".to_owned(), XSD_INTEGER));
        let float = "https://www.w3.org/2001/XMLSchema#float";
        assert_eq!(number_lexical(&three, Some(float)).0, "3");
        assert_eq!(number_lexical(&three, Some(XSD_DOUBLE)).0, "3.0E0");
    }

    #[test]
    fn jcs_numbers() {
        let v =
            json!([333333333.3333333, 1e30, 4.50, 2e-3, 0.000000000000000000000000001, 56, -0.0, 1e21, 1e-7, 123e18]);
        assert_eq!(
            canonical_json(&v),
            "[333333333.3333333,1e+30,4.5,0.002,1e-27,56,0,1e+21,1e-7,123000000000000000000]"
        );
    }
}
