//! JSON Canonicalization Scheme (RFC 8785), used by `eddsa-jcs-2022` and `@json` literals.

use serde_json::{Map, Value};

/// The JCS form of a JSON value: sorted keys (by UTF-16 code units), ECMAScript number
/// formatting, minimal string escaping, no whitespace.
pub fn canonicalize(value: &Value) -> String {
    let mut out = String::with_capacity(256);
    write_value(value, &mut out);
    out
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(n, out),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => write_object(map, out),
    }
}

fn write_object(map: &Map<String, Value>, out: &mut String) {
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    entries.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    out.push('{');
    for (i, (k, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(k, out);
        out.push(':');
        write_value(v, out);
    }
    out.push('}');
}

/// ECMAScript `Number.prototype.toString` of a JSON number.
pub fn format_number(n: &serde_json::Number) -> String {
    let mut s = String::new();
    write_number(n, &mut s);
    s
}

fn write_number(n: &serde_json::Number, out: &mut String) {
    const MAX_SAFE: u64 = 1 << 53;
    if let Some(u) = n.as_u64().filter(|u| *u <= MAX_SAFE) {
        out.push_str(&u.to_string());
    } else if let Some(i) = n.as_i64().filter(|i| i.unsigned_abs() <= MAX_SAFE) {
        out.push_str(&i.to_string());
    } else {
        let f = n.as_f64().unwrap_or(f64::NAN);
        if f == 0.0 {
            out.push('0'); // -0 prints as 0
        } else {
            let mut buf = ryu_js::Buffer::new();
            out.push_str(buf.format(f));
        }
    }
}

/// Writes a JSON string the way ECMAScript `JSON.stringify` does.
pub fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn rfc8785_example_numbers_and_order() {
        let v: Value = serde_json::from_str(
            r#"{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false]}"#,
        )
        .unwrap();
        assert_eq!(
            canonicalize(&v),
            r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
    }

    #[test]
    fn keys_sort_by_utf16_code_units() {
        let v = json!({"\u{20ac}": 1, "\u{1f600}": 2, "a": 3});
        // U+20AC sorts before U+1F600, whose UTF-16 form starts with the surrogate 0xD83D.
        assert_eq!(canonicalize(&v), "{\"a\":3,\"\u{20ac}\":1,\"\u{1f600}\":2}");
    }
}
