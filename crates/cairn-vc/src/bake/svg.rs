//! SVG baking: an `<openbadges:credential>` element directly inside the root `<svg>`.
//!
//! The document is parsed with `quick-xml` only to find byte positions (root start tag,
//! existing badge elements); baking then splices text so every other byte is preserved.

use super::{check_size, ob2, ob3, BakeError, Baked, Payload};
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use std::ops::Range;

/// Namespace of the Open Badges 3.0 SVG baking element.
pub const OB3_SVG_NAMESPACE: &str = "https://purl.imsglobal.org/ob/v3p0";
/// Namespace of the Open Badges 2.0 SVG baking element.
pub const OB2_SVG_NAMESPACE: &str = "http://openbadges.org";

/// Bakes an Open Badges 3.0 credential (JSON or compact JWS) into an SVG document.
///
/// JSON goes into CDATA with every `>` inside JSON strings written as `\u003e` (the same
/// JSON value, so the same signature); a JWS goes into a `verify` attribute. Existing
/// OB 3.0 credential elements are removed, so the result holds exactly one.
pub fn bake_svg(svg: &str, credential_json_or_jws: &str) -> Result<String, BakeError> {
    let payload = Payload::parse(credential_json_or_jws)?;
    let scan = scan(svg)?;
    let root = scan.root;
    let binding = match root.openbadges_ns.as_deref() {
        None => Binding::AddToRoot,
        Some(OB3_SVG_NAMESPACE) => Binding::Present,
        // The prefix means something else here (e.g. an OB 2.0 bake): bind it locally.
        Some(_) => Binding::OnElement,
    };
    let element = credential_element(payload, binding)?;
    let attr = match binding {
        Binding::AddToRoot => format!(" xmlns:openbadges=\"{OB3_SVG_NAMESPACE}\""),
        Binding::Present | Binding::OnElement => String::new(),
    };
    let name_end = root.start + 1 + root.name.len();
    if slice(svg, root.start..name_end)?.get(1..) != Some(root.name.as_str()) {
        return Err(BakeError::Svg("cannot locate the <svg> start tag".into()));
    }
    let mut out = String::with_capacity(svg.len() + element.len() + attr.len() + 16);
    out.push_str(slice(svg, 0..name_end)?);
    out.push_str(&attr);
    if root.self_closing {
        let close = root.end.saturating_sub(2);
        if slice(svg, close..root.end)? != "/>" {
            return Err(BakeError::Svg("cannot find the end of the <svg/> tag".into()));
        }
        out.push_str(slice(svg, name_end..close)?);
        out.push('>');
        out.push_str(&element);
        out.push_str("</");
        out.push_str(&root.name);
        out.push('>');
    } else {
        out.push_str(slice(svg, name_end..root.end)?);
        out.push_str(&element);
    }
    let mut cursor = root.end;
    for found in scan.found.iter().filter(|f| f.kind == Kind::Ob3) {
        out.push_str(slice(svg, cursor..found.span.start)?);
        cursor = found.span.end;
    }
    out.push_str(slice(svg, cursor..svg.len())?);
    Ok(out)
}

/// Reads the badge from an SVG: the first OB 3.0 `credential` element (CDATA/text content,
/// else its `verify` attribute), else an OB 2.0 `assertion` element (body, else `verify`).
pub fn unbake_svg(svg: &str) -> Result<Baked, BakeError> {
    let scan = scan(svg)?;
    if let Some(found) = scan.found.iter().find(|f| f.kind == Kind::Ob3) {
        return match (found.text.trim(), found.verify.as_deref()) {
            ("", Some(jws)) => ob3(jws),
            (text, _) => ob3(text),
        };
    }
    if let Some(found) = scan.found.iter().find(|f| f.kind == Kind::Ob2) {
        return match (found.text.trim(), found.verify.as_deref()) {
            ("", Some(verify)) => ob2(verify),
            (text, _) => ob2(text),
        };
    }
    Err(BakeError::NotBaked)
}

#[derive(Debug, Clone, Copy)]
enum Binding {
    AddToRoot,
    Present,
    OnElement,
}

fn credential_element(payload: Payload<'_>, binding: Binding) -> Result<String, BakeError> {
    let xmlns = match binding {
        Binding::OnElement => format!(" xmlns:openbadges=\"{OB3_SVG_NAMESPACE}\""),
        Binding::AddToRoot | Binding::Present => String::new(),
    };
    match payload {
        Payload::Json(json) => {
            let body = escape_json_for_cdata(json);
            if body.contains("]]>") {
                return Err(BakeError::Payload("the credential would contain ']]>' inside CDATA".into()));
            }
            Ok(format!("<openbadges:credential{xmlns}><![CDATA[{body}]]></openbadges:credential>"))
        }
        // A compact JWS is base64url and dots only: nothing to escape in an attribute.
        Payload::Jws(jws) => Ok(format!("<openbadges:credential{xmlns} verify=\"{jws}\"/>")),
    }
}

/// Writes `>` (and the XML-forbidden U+FFFE, U+FFFF) inside JSON strings as `\uXXXX`.
/// The input is valid JSON, where `>` cannot occur outside strings.
fn escape_json_for_cdata(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string && !escaped {
            match c {
                '>' | '\u{fffe}' | '\u{ffff}' => {
                    out.push_str(&format!("\\u{:04x}", u32::from(c)));
                    continue;
                }
                '"' => in_string = false,
                _ => {}
            }
            escaped = c == '\\';
        } else if in_string {
            escaped = false;
        } else if c == '"' {
            in_string = true;
        }
        out.push(c);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ob3,
    Ob2,
}

/// The root start tag: `start..end` is `<svg …>` or `<svg …/>`.
#[derive(Debug, Default)]
struct Root {
    start: usize,
    end: usize,
    name: String,
    self_closing: bool,
    /// Value of an `xmlns:openbadges` attribute on the root.
    openbadges_ns: Option<String>,
}

/// A badge element found in the document.
#[derive(Debug)]
struct Found {
    kind: Kind,
    span: Range<usize>,
    /// Text and CDATA content, unescaped.
    text: String,
    verify: Option<String>,
    /// Element depth of the open element (1 = root).
    depth: usize,
}

struct Scan {
    root: Root,
    found: Vec<Found>,
}

/// Parses the whole document, recording the root tag and top-level badge elements.
fn scan(svg: &str) -> Result<Scan, BakeError> {
    check_size(svg.len())?;
    // quick-xml skips a byte-order mark without counting it in its positions.
    let body = svg.strip_prefix('\u{feff}').unwrap_or(svg);
    let base = svg.len() - body.len();
    let mut reader = NsReader::from_str(body);
    let mut root: Option<Root> = None;
    let mut found: Vec<Found> = Vec::new();
    let mut open: Option<Found> = None;
    let mut depth = 0usize;
    loop {
        let before = base + position(&reader)?;
        let (resolved, event) =
            reader.read_resolved_event().map_err(|e| BakeError::Svg(format!("XML error near byte {before}: {e}")))?;
        let kind = match &event {
            Event::Start(e) | Event::Empty(e) => badge_kind(&resolved, e),
            _ => None,
        };
        let empty = matches!(event, Event::Empty(_));
        let after = base + position(&reader)?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                if root.is_none() {
                    root = Some(root_tag(&e, before..after, empty)?);
                } else if depth == 0 {
                    return Err(BakeError::Svg("more than one root element".into()));
                }
                if !empty {
                    depth += 1;
                }
                if let (None, Some(kind)) = (&open, kind) {
                    let element =
                        Found { kind, span: before..after, text: String::new(), verify: verify_attr(&e), depth };
                    if empty {
                        found.push(element);
                    } else {
                        open = Some(element);
                    }
                }
            }
            Event::End(_) => {
                if let Some(mut element) = open.take_if(|o| o.depth == depth) {
                    element.span.end = after;
                    found.push(element);
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) if depth == 0 && !t.trim().is_empty() => {
                return Err(BakeError::Svg(format!("text outside the root element near byte {before}")));
            }
            Event::CData(_) | Event::GeneralRef(_) if depth == 0 => {
                return Err(BakeError::Svg(format!("content outside the root element near byte {before}")));
            }
            Event::Text(t) => push_text(&mut open, &t.xml10_content()),
            Event::CData(c) => push_text(&mut open, &c.xml10_content()),
            Event::GeneralRef(r) if open.is_some() => push_text(&mut open, &resolve_ref(&r)?),
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(BakeError::Svg("the document ends inside an open element".into()));
    }
    let root = root.ok_or_else(|| BakeError::Svg("no root element".into()))?;
    Ok(Scan { root, found })
}

fn position<R>(reader: &NsReader<R>) -> Result<usize, BakeError> {
    usize::try_from(reader.buffer_position()).map_err(|_| BakeError::Svg("position out of range".into()))
}

fn root_tag(e: &BytesStart<'_>, span: Range<usize>, empty: bool) -> Result<Root, BakeError> {
    let name = e.name().as_ref().to_owned();
    if e.local_name().as_ref() != "svg" {
        return Err(BakeError::Svg(format!("the root element is <{name}>, not <svg>")));
    }
    let mut openbadges_ns = None;
    for attr in e.attributes() {
        let attr = attr.map_err(|err| BakeError::Svg(format!("bad attribute on <svg>: {err}")))?;
        if attr.key.as_ref() == "xmlns:openbadges" {
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| BakeError::Svg(format!("bad xmlns:openbadges value: {err}")))?;
            openbadges_ns = Some(value.into_owned());
        }
    }
    Ok(Root { start: span.start, end: span.end, name, self_closing: empty, openbadges_ns })
}

/// Whether an element is an OB 3.0 credential or OB 2.0 assertion, by namespace, or by
/// the conventional `openbadges:` prefix when that prefix is not declared.
fn badge_kind(resolved: &ResolveResult<'_>, e: &BytesStart<'_>) -> Option<Kind> {
    let local = e.local_name();
    let (ob3, ob2) = match resolved {
        ResolveResult::Bound(ns) => {
            let ns = ns.as_ref().strip_suffix('/').unwrap_or(ns.as_ref());
            (ns == OB3_SVG_NAMESPACE, ns == OB2_SVG_NAMESPACE)
        }
        ResolveResult::Unknown(prefix) if prefix == "openbadges" => (true, true),
        _ => (false, false),
    };
    match local.as_ref() {
        "credential" if ob3 => Some(Kind::Ob3),
        "assertion" if ob2 => Some(Kind::Ob2),
        _ => None,
    }
}

fn verify_attr(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == "verify")
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

fn push_text(open: &mut Option<Found>, text: &str) {
    if let Some(element) = open {
        element.text.push_str(text);
    }
}

fn resolve_ref(r: &quick_xml::events::BytesRef<'_>) -> Result<String, BakeError> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Ok(c.to_string());
    }
    quick_xml::escape::resolve_predefined_entity(r)
        .map(str::to_owned)
        .ok_or_else(|| BakeError::Svg(format!("unknown entity &{};", &**r)))
}

fn slice(svg: &str, range: Range<usize>) -> Result<&str, BakeError> {
    svg.get(range).ok_or_else(|| BakeError::Svg("internal position is not on a character boundary".into()))
}
