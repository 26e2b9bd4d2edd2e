//! IRI helpers: keywords, absolute / well-formed checks and RFC 3986 §5.2 reference resolution.

/// Whether `s` is a JSON-LD 1.1 keyword.
pub(crate) fn is_keyword(s: &str) -> bool {
    matches!(
        s,
        "@base"
            | "@container"
            | "@context"
            | "@direction"
            | "@graph"
            | "@id"
            | "@import"
            | "@included"
            | "@index"
            | "@json"
            | "@language"
            | "@list"
            | "@nest"
            | "@none"
            | "@prefix"
            | "@propagate"
            | "@protected"
            | "@reverse"
            | "@set"
            | "@type"
            | "@value"
            | "@version"
            | "@vocab"
    )
}

/// Whether `s` has the form of a keyword: `"@" 1*ALPHA`.
pub(crate) fn has_keyword_form(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next() == Some('@') && s.len() > 1 && chars.all(|c| c.is_ascii_alphabetic())
}

/// Whether `s` starts with a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`).
pub(crate) fn has_scheme(s: &str) -> bool {
    scheme_len(s).is_some()
}

/// Length of the scheme (without the colon), if `s` starts with one.
fn scheme_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let first = bytes.first()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    for (i, b) in bytes.iter().enumerate().skip(1) {
        match b {
            b':' => return Some(i),
            b if b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.') => {}
            _ => return None,
        }
    }
    None
}

/// Whether `s` is a blank node identifier (`_:` prefix).
pub(crate) fn is_blank(s: &str) -> bool {
    s.starts_with("_:")
}

/// An absolute IRI (has a scheme) or a blank node identifier, as jsonld.js's `isAbsolute`.
pub(crate) fn is_absolute_or_blank(s: &str) -> bool {
    is_blank(s) || has_scheme(s)
}

/// Whether `s` is a well-formed absolute IRI for RDF output: a scheme and none of the
/// characters RFC 3987 forbids in IRIs (space, controls, `<>"{}|^\``, backslash).
pub(crate) fn is_well_formed_iri(s: &str) -> bool {
    let mut hashes = 0;
    has_scheme(s)
        && !s.bytes().any(|b| {
            hashes += usize::from(b == b'#');
            b <= b' ' || hashes > 1 || matches!(b, b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\' | 0x7f)
        })
}

/// Whether `s` is a well-formed BCP 47 language tag (the loose form jsonld.js checks).
pub(crate) fn is_well_formed_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    (1..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether `s` ends with an RFC 3986 gen-delim character.
pub(crate) fn ends_with_gen_delim(s: &str) -> bool {
    matches!(s.as_bytes().last(), Some(b':' | b'/' | b'?' | b'#' | b'[' | b']' | b'@'))
}

/// The components of a URI reference.
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(s: &str) -> Parts<'_> {
    let (rest, fragment) = match s.find('#') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (rest, query) = match rest.find('?') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (scheme, rest) = match scheme_len(rest) {
        Some(n) => (Some(&rest[..n]), &rest[n + 1..]),
        None => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts { scheme, authority, path, query, fragment }
}

/// RFC 3986 §5.2.4 remove_dot_segments.
fn remove_dot_segments(path: &str) -> String {
    let mut input = path;
    let mut out: Vec<&str> = Vec::new();
    // Each output element is a segment including its leading "/" (the first may lack it).
    while !input.is_empty() {
        if let Some(rest) = input.strip_prefix("../") {
            input = rest;
        } else if let Some(rest) = input.strip_prefix("./") {
            input = rest;
        } else if input.starts_with("/./") {
            input = &input[2..];
        } else if input == "/." {
            input = "/";
        } else if input.starts_with("/../") {
            input = &input[3..];
            out.pop();
        } else if input == "/.." {
            input = "/";
            out.pop();
        } else if input == "." || input == ".." {
            input = "";
        } else {
            let start = usize::from(input.starts_with('/'));
            let end = input[start..].find('/').map_or(input.len(), |i| i + start);
            out.push(&input[..end]);
            input = &input[end..];
        }
    }
    out.concat()
}

/// Resolves `reference` against `base` (RFC 3986 §5.2, no normalization). Without a base the
/// reference is returned unchanged.
pub(crate) fn resolve(base: Option<&str>, reference: &str) -> String {
    let Some(base) = base else {
        return reference.to_owned();
    };
    let r = split(reference);
    if r.scheme.is_some() {
        return recompose(r.scheme, r.authority, &remove_dot_segments(r.path), r.query, r.fragment);
    }
    let b = split(base);
    if r.authority.is_some() {
        return recompose(b.scheme, r.authority, &remove_dot_segments(r.path), r.query, r.fragment);
    }
    if r.path.is_empty() {
        let query = r.query.or(b.query);
        return recompose(b.scheme, b.authority, b.path, query, r.fragment);
    }
    let path = if r.path.starts_with('/') {
        remove_dot_segments(r.path)
    } else {
        let merged = if b.authority.is_some() && b.path.is_empty() {
            format!("/{}", r.path)
        } else {
            match b.path.rfind('/') {
                Some(i) => format!("{}{}", &b.path[..=i], r.path),
                None => r.path.to_owned(),
            }
        };
        remove_dot_segments(&merged)
    };
    recompose(b.scheme, b.authority, &path, r.query, r.fragment)
}

fn recompose(
    scheme: Option<&str>,
    authority: Option<&str>,
    path: &str,
    query: Option<&str>,
    fragment: Option<&str>,
) -> String {
    let mut s = String::with_capacity(path.len() + 32);
    if let Some(scheme) = scheme {
        s.push_str(scheme);
        s.push(':');
    }
    if let Some(a) = authority {
        s.push_str("//");
        s.push_str(a);
    }
    s.push_str(path);
    if let Some(q) = query {
        s.push('?');
        s.push_str(q);
    }
    if let Some(f) = fragment {
        s.push('#');
        s.push_str(f);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3986_examples() {
        let base = Some("http://a/b/c/d;p?q");
        for (r, want) in [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/../y", "http://a/b/c/y"),
        ] {
            assert_eq!(resolve(base, r), want, "{r}");
        }
        assert_eq!(resolve(Some("http://example.com"), "foo"), "http://example.com/foo");
    }

    #[test]
    fn keyword_form() {
        assert!(has_keyword_form("@ignoreMe"));
        assert!(!has_keyword_form("@"));
        assert!(!has_keyword_form("@foo.bar"));
        assert!(is_well_formed_language("en-US"));
        assert!(!is_well_formed_language("e n"));
    }
}
