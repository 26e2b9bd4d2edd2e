//! A credential built through the Rust API with every Achievement member filled.

use cairn_vc::model::{
    check_open_badge, check_vc_data_model, AchievementResult, AchievementSubject, Address, Alignment, Context,
    CredentialSchema, CredentialStatus, Criteria, EndorsementCredential, EndorsementSubject, Evidence, GeoCoordinates,
    IdentifierEntry, IdentityObject, Image, ImageRef, IssuerRef, OneOrMany, OpenBadgeCredential, Profile, Related,
    ResultDescription, RubricCriterionLevel, SingleOrArray, TermsOfUse, VC_V2_CONTEXT,
};
use cairn_vc::model::{Achievement, OB_CONTEXT};
use serde_json::{json, Map};

use super::show;

const ISSUER: &str = "https://cairn.example/issuers/uni";
const ACHIEVEMENT: &str = "https://cairn.example/achievements/9f1c";

fn esco_alignment() -> Alignment {
    Alignment {
        type_: OneOrMany::of(&["Alignment"]),
        target_name: "manage musical staff".to_owned(),
        target_url: "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab".to_owned(),
        target_code: Some("0005c151".to_owned()),
        target_description: Some("Assign and manage staff tasks".to_owned()),
        target_framework: Some("ESCO".to_owned()),
        target_type: Some("ext:ESCOSkill".to_owned()),
        ..Alignment::default()
    }
}

fn issuer_profile() -> Profile {
    Profile {
        url: Some("https://cairn.example".to_owned()),
        email: Some("badges@cairn.example".to_owned()),
        phone: Some("+31 20 000 0000".to_owned()),
        description: Some("A university".to_owned()),
        image: Some(ImageRef::Image(Image::new("https://cairn.example/logo.png"))),
        address: Some(Address {
            type_: OneOrMany::of(&["Address"]),
            address_country: Some("Netherlands".to_owned()),
            address_country_code: Some("NL".to_owned()),
            address_region: Some("Noord-Holland".to_owned()),
            address_locality: Some("Amsterdam".to_owned()),
            street_address: Some("Dam 1".to_owned()),
            postal_code: Some("1012 JS".to_owned()),
            geo: Some(GeoCoordinates {
                type_: "GeoCoordinates".to_owned(),
                latitude: 52.373,
                longitude: 4.893,
                extra: Map::new(),
            }),
            ..Address::default()
        }),
        other_identifier: OneOrMany::one(IdentifierEntry {
            type_: "IdentifierEntry".to_owned(),
            identifier: "KVK-12345678".to_owned(),
            identifier_type: "ext:KvKNumber".to_owned(),
            extra: Map::new(),
        }),
        ..Profile::new(ISSUER, "Cairn University")
    }
}

fn endorsement() -> EndorsementCredential {
    EndorsementCredential {
        context: vec![Context::from(VC_V2_CONTEXT), Context::from(OB_CONTEXT)],
        id: "urn:uuid:2f8c2b0e-0a57-4a43-9f5e-6f3f7f4f2a10".to_owned(),
        type_: OneOrMany::of(&["VerifiableCredential", "EndorsementCredential"]),
        name: "QA agency endorsement".to_owned(),
        description: None,
        credential_subject: EndorsementSubject {
            id: ACHIEVEMENT.to_owned(),
            type_: OneOrMany::of(&["EndorsementSubject"]),
            endorsement_comment: Some("Meets the agency's standards.".to_owned()),
            extra: Map::new(),
        },
        awarded_date: None,
        issuer: IssuerRef::Profile(Box::new(Profile::new("did:web:qa.example", "QA Agency"))),
        valid_from: Some("2024-01-01T00:00:00Z".to_owned()),
        valid_until: None,
        issuance_date: None,
        expiration_date: None,
        credential_schema: OneOrMany::default(),
        credential_status: None,
        refresh_service: None,
        terms_of_use: OneOrMany::default(),
        proof: OneOrMany::default(),
        extra: Map::new(),
    }
}

fn achievement() -> Achievement {
    let level = RubricCriterionLevel {
        id: format!("{ACHIEVEMENT}/levels/proficient"),
        type_: OneOrMany::of(&["RubricCriterionLevel"]),
        alignment: OneOrMany::one(esco_alignment()),
        description: Some("Works independently".to_owned()),
        level: Some("3".to_owned()),
        name: "Proficient".to_owned(),
        points: Some("8".to_owned()),
        extra: Map::new(),
    };
    Achievement {
        alignment: OneOrMany::one(esco_alignment()),
        achievement_type: Some("MicroCredential".to_owned()),
        creator: Some(issuer_profile()),
        credits_available: Some(3.5),
        endorsement: OneOrMany::one(endorsement()),
        endorsement_jwt: OneOrMany::one("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln".to_owned()),
        field_of_study: Some("Music management".to_owned()),
        human_code: Some("MUS-301".to_owned()),
        image: Some(ImageRef::Image(Image {
            caption: Some("Badge artwork".to_owned()),
            ..Image::new("https://cairn.example/achievements/9f1c/image.png")
        })),
        in_language: Some("en-GB".to_owned()),
        other_identifier: OneOrMany::one(IdentifierEntry {
            type_: "IdentifierEntry".to_owned(),
            identifier: "MUS-301-2024".to_owned(),
            identifier_type: "sourcedId".to_owned(),
            extra: Map::new(),
        }),
        related: OneOrMany::one(Related {
            id: "https://cairn.example/achievements/9f1c-nl".to_owned(),
            type_: OneOrMany::of(&["Related"]),
            in_language: Some("nl-NL".to_owned()),
            version: Some("2".to_owned()),
            extra: Map::new(),
        }),
        result_description: OneOrMany::one(ResultDescription {
            id: format!("{ACHIEVEMENT}/results/grade"),
            type_: OneOrMany::of(&["ResultDescription"]),
            alignment: OneOrMany::one(esco_alignment()),
            allowed_value: OneOrMany::of(&["Novice", "Proficient", "Expert"]),
            name: "Final grade".to_owned(),
            required_level: Some(level.id.clone()),
            required_value: Some("Proficient".to_owned()),
            result_type: "RubricCriterionLevel".to_owned(),
            rubric_criterion_level: OneOrMany::one(level),
            value_max: Some("Expert".to_owned()),
            value_min: Some("Novice".to_owned()),
            extra: Map::new(),
        }),
        specialization: Some("Orchestras".to_owned()),
        tag: OneOrMany::of(&["music", "management"]),
        version: Some("1.0".to_owned()),
        ..Achievement::new(
            ACHIEVEMENT,
            "Managing musical staff",
            "Plan and lead the work of musicians.",
            Criteria {
                id: Some(format!("{ACHIEVEMENT}/criteria")),
                narrative: Some("Lead a rehearsal **and** a concert.".to_owned()),
                extra: Map::new(),
            },
        )
    }
}

/// An unsigned credential Cairn would emit, with every optional Achievement member set.
pub(super) fn complete_credential() -> OpenBadgeCredential {
    let mut subject = AchievementSubject::new(achievement());
    subject.id = Some("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK".to_owned());
    subject.identifier = OneOrMany::one(IdentityObject::hashed_email("a@example.com", "Kosher"));
    subject.activity_start_date = Some("2024-02-01T09:00:00+01:00".to_owned());
    subject.activity_end_date = Some("2024-05-31T17:00:00+02:00".to_owned());
    subject.credits_earned = Some(3.0);
    subject.result = OneOrMany::one(AchievementResult {
        type_: OneOrMany::of(&["Result"]),
        result_description: Some(format!("{ACHIEVEMENT}/results/grade")),
        achieved_level: Some(format!("{ACHIEVEMENT}/levels/proficient")),
        status: Some("Completed".to_owned()),
        value: Some("Proficient".to_owned()),
        ..AchievementResult::default()
    });
    let mut vc = OpenBadgeCredential::new(
        "urn:uuid:6a1f0c1e-3f1d-4c1b-9a55-9b1f2f0c7a11",
        IssuerRef::Profile(Box::new(issuer_profile())),
        "2024-06-01T00:00:00Z",
        subject,
    );
    vc.name = Some("Managing musical staff".to_owned());
    vc.awarded_date = Some("2024-06-01T00:00:00Z".to_owned());
    vc.valid_until = Some("2029-06-01T00:00:00Z".to_owned());
    vc.evidence = OneOrMany::one(Evidence {
        id: Some("https://cairn.example/evidence/1".to_owned()),
        type_: OneOrMany::of(&["Evidence"]),
        name: Some("Concert recording".to_owned()),
        ..Evidence::default()
    });
    vc.credential_schema = OneOrMany::one(CredentialSchema::ob_achievement_credential());
    vc.credential_status = Some(SingleOrArray::Single(CredentialStatus {
        id: Some("https://cairn.example/status/1#94567".to_owned()),
        type_: "BitstringStatusListEntry".to_owned(),
        extra: json!({"statusPurpose": "revocation", "statusListIndex": "94567",
                      "statusListCredential": "https://cairn.example/status/1"})
        .as_object()
        .cloned()
        .unwrap(),
    }));
    vc.terms_of_use = OneOrMany::one(TermsOfUse {
        id: Some("https://cairn.example/terms".to_owned()),
        type_: "ext:CairnTerms".to_owned(),
        extra: Map::new(),
    });
    vc
}

#[test]
fn complete_credential_passes_checks_and_round_trips() {
    let vc = complete_credential();
    let json = serde_json::to_value(&vc).unwrap();
    let findings = check_open_badge(&json);
    assert_eq!(findings, vec![], "{}", show(&findings));
    assert_eq!(check_vc_data_model(&json), vec![]);
    // Whole floats are written without a fraction, others as given.
    assert_eq!(json["credentialSubject"]["creditsEarned"], json!(3));
    assert_eq!(json["credentialSubject"]["achievement"]["creditsAvailable"], json!(3.5));
    assert_eq!(json["credentialStatus"]["type"], json!("BitstringStatusListEntry"));
    assert!(json["proof"].is_null(), "no empty arrays or nulls are written");
    let back: OpenBadgeCredential = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, vc);
    assert_eq!(serde_json::to_value(&back).unwrap(), json);
    assert!(!json.to_string().contains("null"));
}

#[test]
fn unknown_members_survive_a_round_trip() {
    let mut json = serde_json::to_value(complete_credential()).unwrap();
    json["ext:cairnEcts"] = json!(5);
    json["credentialSubject"]["achievement"]["criteria"]["type"] = json!("Criteria");
    json["issuer"]["address"]["geo"]["elevation"] = json!(2.5);
    let parsed: OpenBadgeCredential = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(parsed.extra.get("ext:cairnEcts"), Some(&json!(5)));
    assert_eq!(serde_json::to_value(&parsed).unwrap(), json);
}
