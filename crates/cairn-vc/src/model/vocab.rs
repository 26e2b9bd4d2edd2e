//! Closed and extensible enumerations of the OB 3.0 / CLR 2.0 data model.

/// `achievementType` values (STANDARDS.md §2.9); other values must be `ext:` terms.
pub const ACHIEVEMENT_TYPES: &[&str] = &[
    "Achievement",
    "ApprenticeshipCertificate",
    "Assessment",
    "Assignment",
    "AssociateDegree",
    "Award",
    "Badge",
    "BachelorDegree",
    "Certificate",
    "CertificateOfCompletion",
    "Certification",
    "CommunityService",
    "Competency",
    "Course",
    "CoCurricular",
    "Degree",
    "Diploma",
    "DoctoralDegree",
    "Fieldwork",
    "GeneralEducationDevelopment",
    "JourneymanCertificate",
    "LearningProgram",
    "License",
    "Membership",
    "ProfessionalDoctorate",
    "QualityAssuranceCredential",
    "MasterCertificate",
    "MasterDegree",
    "MicroCredential",
    "ResearchDoctorate",
    "SecondarySchoolDiploma",
];

/// `identityType` / `identifierType` values (§2.4); other values must be `ext:` terms.
pub const IDENTIFIER_TYPES: &[&str] = &[
    "name",
    "sourcedId",
    "systemId",
    "productId",
    "userName",
    "accountId",
    "emailAddress",
    "nationalIdentityNumber",
    "isbn",
    "issn",
    "lisSourcedId",
    "oneRosterSourcedId",
    "sisSourcedId",
    "ltiContextId",
    "ltiDeploymentId",
    "ltiToolId",
    "ltiPlatformId",
    "ltiUserId",
    "identifier",
];

/// `resultType` values (§2.7); other values must be `ext:` terms.
pub const RESULT_TYPES: &[&str] = &[
    "GradePointAverage",
    "LetterGrade",
    "Percent",
    "PerformanceLevel",
    "PredictedScore",
    "RawScore",
    "Result",
    "RubricCriterion",
    "RubricCriterionLevel",
    "RubricScore",
    "ScaledScore",
    "Status",
];

/// `Result.status` values (closed enumeration).
pub const RESULT_STATUSES: &[&str] =
    &["Completed", "Enrolled", "Failed", "InProgress", "OnHold", "Provisional", "Withdrew"];

/// `Alignment.targetType` values (§2.6); other values must be `ext:` terms.
pub const ALIGNMENT_TARGET_TYPES: &[&str] = &[
    "ceasn:Competency",
    "ceterms:Credential",
    "CFItem",
    "CFRubric",
    "CFRubricCriterion",
    "CFRubricCriterionLevel",
    "CTDL",
];

/// CLR 2.0 `associationType` values (closed enumeration).
pub const ASSOCIATION_TYPES: &[&str] =
    &["exactMatchOf", "isChildOf", "isParentOf", "isPartOf", "isPeerOf", "isRelatedTo", "precedes", "replacedBy"];

/// True for an extension term: `ext:` followed by letters, digits, `.`, `-`, `_` or `|`
/// (the intent of the schema's `(ext:)[a-z|A-Z|0-9|.|-|_]+`, anchored).
pub fn is_ext_term(value: &str) -> bool {
    value.strip_prefix("ext:").is_some_and(|rest| {
        !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '|'))
    })
}

/// True when `value` is one of `known` or an `ext:` term.
pub fn is_known_or_ext(value: &str, known: &[&str]) -> bool {
    known.contains(&value) || is_ext_term(value)
}
