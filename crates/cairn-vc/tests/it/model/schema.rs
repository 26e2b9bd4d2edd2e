//! Cross-check with the 1EdTech strict AchievementCredential JSON Schema (tests only: the
//! schema's licence keeps it out of the product).

use cairn_vc::model::{check_open_badge, OpenBadgeCredential, Severity, VC_V2_CONTEXT};
use serde_json::{json, Value};

use super::build::complete_credential;
use super::roundtrip::dcc_ob_credentials;
use super::{errors, fixture_json, show, vector};

fn validator() -> Option<jsonschema::Validator> {
    let schema = fixture_json("ob3-schemas/achievementcredential.json")?;
    Some(jsonschema::draft201909::options().should_validate_formats(true).build(&schema).unwrap())
}

fn schema_errors(validator: &jsonschema::Validator, doc: &Value) -> String {
    validator.iter_errors(doc).map(|e| format!("{}: {e}", e.instance_path())).collect::<Vec<_>>().join("\n")
}

#[test]
fn cairn_output_validates_against_the_strict_schema() {
    let (Some(validator), Some((signed, unsigned))) = (validator(), vector("ob3-vector")) else {
        return;
    };
    // The vector's credential as Cairn writes it: proof as an array of one.
    let mut as_emitted = unsigned;
    as_emitted["proof"] = json!([signed["proof"].clone()]);
    let complete = serde_json::to_value(complete_credential()).unwrap();
    for (name, doc) in [("ob3 vector", &as_emitted), ("complete", &complete)] {
        assert!(validator.is_valid(doc), "{name}: {}", schema_errors(&validator, doc));
        assert_eq!(check_open_badge(doc), vec![], "{name}");
    }
    // The vector as published (single proof object) fails the strict schema, and Cairn
    // reports exactly that as a warning.
    assert!(!validator.is_valid(&signed));
    let findings = check_open_badge(&signed);
    assert!(errors(&findings).is_empty());
    assert_eq!(findings.len(), 1);
}

/// Edits that break the strict schema: (what, JSON pointer, new value or `None` to remove).
fn broken_variants() -> Vec<(&'static str, String, Option<Value>)> {
    let ach = |rest: &str| format!("/credentialSubject/achievement{rest}");
    vec![
        ("no validFrom", "/validFrom".to_owned(), None),
        ("validFrom without zone", "/validFrom".to_owned(), Some(json!("2024-06-01T00:00:00"))),
        ("bad achievementType", ach("/achievementType"), Some(json!("Nanodegree"))),
        ("no criteria", ach("/criteria"), None),
        ("alignment without targetUrl", ach("/alignment/0/targetUrl"), None),
        ("bad identityType", "/credentialSubject/identifier/0/identityType".to_owned(), Some(json!("nickname"))),
        ("bad result status", "/credentialSubject/result/0/status".to_owned(), Some(json!("Done"))),
        ("OB context missing", "/@context/1".to_owned(), Some(json!("https://example.com/ctx.json"))),
        ("no OpenBadgeCredential type", "/type".to_owned(), Some(json!(["VerifiableCredential"]))),
        ("image type", ach("/image/type"), Some(json!("Picture"))),
        ("issuer without type", "/issuer/type".to_owned(), None),
        ("status without id", "/credentialStatus/id".to_owned(), None),
        ("bad inLanguage", ach("/inLanguage"), Some(json!("english"))),
        ("geo without latitude", "/issuer/address/geo/latitude".to_owned(), None),
        ("bad endorsementJwt", ach("/endorsementJwt/0"), Some(json!("no jws"))),
        ("endorsement without name", ach("/endorsement/0/name"), None),
        ("IdentityObject extra member", "/credentialSubject/identifier/0/note".to_owned(), Some(json!("x"))),
    ]
}

/// `doc` with `pointer` set to `value`, or removed when `value` is `None`.
fn edited(doc: &Value, pointer: &str, value: Option<Value>) -> Value {
    let mut doc = doc.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = doc.pointer_mut(parent).unwrap();
    match (parent, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(key.to_owned(), v);
        }
        (Value::Object(map), None) => {
            assert!(map.remove(key).is_some(), "{pointer} missing");
        }
        (Value::Array(items), Some(v)) => items[key.parse::<usize>().unwrap()] = v,
        (_, _) => panic!("cannot edit {pointer}"),
    }
    doc
}

#[test]
fn checks_and_schema_agree_on_broken_variants() {
    let Some(validator) = validator() else {
        return;
    };
    let base = serde_json::to_value(complete_credential()).unwrap();
    for (name, pointer, value) in broken_variants() {
        let doc = edited(&base, &pointer, value);
        assert!(!validator.is_valid(&doc), "{name}: the schema accepts it");
        let findings = check_open_badge(&doc);
        // Unknown terms of extensible vocabularies are warnings in Cairn (see checks/obj.rs).
        let extensible = matches!(name, "bad achievementType" | "bad identityType");
        let at_pointer: Vec<_> = if extensible { findings.iter().collect() } else { errors(&findings) };
        assert!(
            at_pointer.iter().any(|f| f.path == pointer),
            "{name}: no error at {pointer}: {}; schema says {}",
            show(&findings),
            schema_errors(&validator, &doc)
        );
    }
}

#[test]
fn compaction_fails_the_schema_but_is_only_a_warning() {
    let Some(validator) = validator() else {
        return;
    };
    let base = serde_json::to_value(complete_credential()).unwrap();
    let compacted = [
        ("/credentialSubject/type", json!("AchievementSubject")),
        ("/credentialSchema", base["credentialSchema"][0].clone()),
        ("/evidence", base["evidence"][0].clone()),
        ("/credentialSubject/achievement/alignment", base["credentialSubject"]["achievement"]["alignment"][0].clone()),
        ("/credentialSubject/identifier", base["credentialSubject"]["identifier"][0].clone()),
    ];
    for (pointer, value) in compacted {
        let mut doc = base.clone();
        *doc.pointer_mut(pointer).unwrap() = value;
        assert!(!validator.is_valid(&doc), "{pointer}: the schema accepts it");
        let findings = check_open_badge(&doc);
        assert!(errors(&findings).is_empty(), "{pointer}: {}", show(&findings));
        assert!(
            findings.iter().any(|f| f.path == pointer && f.severity == Severity::Warning),
            "{pointer}: {}",
            show(&findings)
        );
    }
}

/// Over real credentials in Cairn's written form (parsed and re-serialized), the strict
/// schema accepts a credential exactly when Cairn has no finding, apart from the subject
/// `id`/`identifier` rule the schema leaves out. VCDM 1.1 credentials are skipped: the strict
/// schema is for VCDM 2.0.
#[test]
fn checks_and_schema_agree_on_dcc_credentials() {
    let (Some(validator), Some(credentials)) = (validator(), dcc_ob_credentials()) else {
        return;
    };
    let mut compared = (0, 0);
    for (name, doc) in credentials {
        if doc["@context"][0] != VC_V2_CONTEXT {
            continue;
        }
        let parsed: OpenBadgeCredential = serde_json::from_value(doc).unwrap();
        let written = serde_json::to_value(parsed).unwrap();
        let schema_ok = validator.is_valid(&written);
        let findings = check_open_badge(&written);
        let cairn_ok = findings.iter().all(|f| f.path == "/credentialSubject/id");
        assert_eq!(
            schema_ok,
            cairn_ok,
            "{name}\nschema: {}\ncairn: {}",
            schema_errors(&validator, &written),
            show(&findings)
        );
        compared.0 += 1;
        compared.1 += usize::from(schema_ok);
    }
    assert_eq!(compared, (38, 33), "(credentials compared, schema-valid)");
}
