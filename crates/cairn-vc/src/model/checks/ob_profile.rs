//! OB 3.0 Profile, Address, GeoCoordinates, Image, IdentifierEntry, EndorsementCredential.

use serde_json::Value;

use super::format::{is_compact_jws, is_country_code, is_date, is_email, is_uri};
use super::ob::{context, credential_members, strings};
use super::obj::{Obj, Optional, Required};
use super::vcdm::{version, Version};
use super::Report;
use crate::model::vocab::IDENTIFIER_TYPES;

/// `issuer`: a URL/DID string or an embedded Profile.
pub(super) fn profile_ref(r: &mut Report, v: &Value, p: &str) {
    match v {
        Value::String(s) if is_uri(s) => {}
        Value::String(s) => r.error(p, format!("must be an absolute URI, got {s:?}")),
        _ => profile(r, v, p),
    }
}

pub(super) fn profile(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.uri(r, "id", Required);
    o.types(r, &[&["Profile"]]);
    strings(
        r,
        &o,
        &[
            "name",
            "phone",
            "description",
            "official",
            "familyName",
            "givenName",
            "additionalName",
            "patronymicName",
            "honorificPrefix",
            "honorificSuffix",
            "familyNamePrefix",
        ],
        Optional,
    );
    o.uri(r, "url", Optional);
    o.array(r, "endorsement", Optional, endorsement_credential);
    o.string_array(r, "endorsementJwt", is_compact_jws, "a compact JWS");
    image(r, &o, "image");
    o.formatted(r, "email", Optional, is_email, "an e-mail address");
    o.object(r, "address", Optional, address);
    o.array(r, "otherIdentifier", Optional, identifier_entry);
    o.object(r, "parentOrg", Optional, profile);
    o.formatted(r, "dateOfBirth", Optional, is_date, "a date (YYYY-MM-DD)");
}

fn address(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.types(r, &[&["Address"]]);
    strings(
        r,
        &o,
        &["addressCountry", "addressRegion", "addressLocality", "streetAddress", "postOfficeBoxNumber", "postalCode"],
        Optional,
    );
    o.formatted(r, "addressCountryCode", Optional, is_country_code, "an ISO 3166-1 alpha-2 code");
    o.object(r, "geo", Optional, |r, v, p| {
        if let Some(g) = Obj::new(r, v, p) {
            g.one_of(r, "type", Required, &["GeoCoordinates"]);
            g.number(r, "latitude", Required);
            g.number(r, "longitude", Required);
        }
    });
}

/// An `image` member: an `Image` object; a bare URI is a compacted reference (warning).
pub(super) fn image(r: &mut Report, o: &Obj, key: &str) {
    let path = o.at(key);
    match o.map.get(key) {
        None => {}
        Some(Value::String(s)) => {
            r.warn(&path, "a bare image URI is a compacted reference; the strict schema wants {id, type: \"Image\"}");
            if !is_uri(s) {
                r.error(&path, format!("must be an absolute URI, got {s:?}"));
            }
        }
        Some(value) => {
            let Some(i) = Obj::new(r, value, &path) else {
                return;
            };
            i.only(r, &["id", "type", "caption"]);
            i.uri(r, "id", Required);
            i.one_of(r, "type", Required, &["Image"]);
            i.string(r, "caption", Optional);
        }
    }
}

pub(super) fn identifier_entry(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    o.only(r, &["type", "identifier", "identifierType"]);
    o.one_of(r, "type", Required, &["IdentifierEntry"]);
    o.string(r, "identifier", Required);
    o.extensible(r, "identifierType", Required, IDENTIFIER_TYPES);
}

/// An embedded EndorsementCredential (its proof is verified elsewhere, §6 step 10).
pub(super) fn endorsement_credential(r: &mut Report, v: &Value, p: &str) {
    let Some(o) = Obj::new(r, v, p) else {
        return;
    };
    let v1 = version(v) == Some(Version::V1);
    context(r, &o, v1, "https://purl.imsglobal.org/spec/ob/v3p0/context", '3');
    o.types(r, &[&["VerifiableCredential"], &["EndorsementCredential"]]);
    o.uri(r, "id", Required);
    o.string(r, "name", Required);
    o.string(r, "description", Optional);
    o.date_time(r, "awardedDate", Optional);
    o.object(r, "credentialSubject", Required, |r, v, p| {
        if let Some(s) = Obj::new(r, v, p) {
            s.uri(r, "id", Required);
            s.types(r, &[&["EndorsementSubject"]]);
            s.string(r, "endorsementComment", Optional);
        }
    });
    credential_members(r, &o, v1);
}
