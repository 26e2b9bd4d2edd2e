# Cairn's interface strings, English (the reference catalogue). Every key here must exist in
# every other catalogue; a test checks it, and that every key used in a template exists.
# Keys are grouped by page; `field-*` name form fields (also used in error messages).

## Layout
skip-to-content = Skip to content
nav-label = Main
nav-verify = Verify
nav-wallet = Wallet
nav-console = Console
nav-sign-in = Sign in
nav-sign-out = Sign out ({ $name })
footer = Cairn — Open Badges 3.0 credentials you can check.

## Errors
error-title = Something went wrong
error-home = Back to the home page
error-internal = An internal error happened. It has been logged; please try again later.
error-not-found = This page does not exist, or you may not see it.
error-unauthorized = Please sign in to continue.
error-rate-limited = Too many failed attempts for this account. Wait 15 minutes and try again.

## Fields
field-email = Email address
field-password = Password
field-name = Your name
password-hint = At least 10 characters.

## Home
home-title = Recognise skills with verifiable credentials
home-intro = Cairn issues Open Badges 3.0 credentials that anyone can check, keeps them in a wallet, and verifies credentials from any issuer.
home-needs-setup = This Cairn has no administrator yet.
home-setup-link = Create the first administrator
home-verify-title = Verify a credential
home-verify-text = Check a badge file, image or link from any issuer. No account needed.
home-verify-action = Verify a credential
home-wallet-title = Your wallet
home-wallet-text = Claim, keep and share the credentials you have earned.
home-wallet-action = Open your wallet
home-console-title = Issuer console
home-console-text = Design achievements, award them and manage what you have issued.
home-console-action = Open the console

## Sign in, sign up, set up
sign-in-title = Sign in
sign-in-action = Sign in
sign-in-wrong = The email address or the password is wrong.
sign-in-no-account = No account yet?
sign-up-title = Create an account
sign-up-intro = An account keeps the credentials you earn in one wallet.
sign-up-action = Create the account
sign-up-have-account = Already have an account?
setup-title = Set up Cairn
setup-intro = Create the first administrator with the setup token that “cairn serve” printed when it first started.
setup-token = Setup token
setup-token-hint = Printed once in the server's output; it works once.
setup-action = Create the administrator
setup-done = This Cairn is already set up.
setup-wrong-token = This setup token is not the one the server printed.

## Console
console-title = Issuer console
console-tabs-label = Organisation
console-tab-dashboard = Dashboard
console-tab-achievements = Achievements
console-tab-award = Award
console-tab-credentials = Issued credentials
console-tab-settings = Settings
console-no-orgs = There is no organisation yet.
console-your-role = Your role:

## Credential page and verification results (credential, verify)
date-months = January, February, March, April, May, June, July, August, September, October, November, December
date-long = { $day } { $month } { $year }
cred-unnamed = Unnamed badge
cred-unnamed-issuer = an unnamed issuer
cred-issued-by = Issued by
cred-issuer = Issuer
cred-recipient = Awarded to
cred-recipient-holder = the holder of { $id }
cred-recipient-hashed = a person identified by a hashed email address (only they can prove it is theirs)
cred-recipient-inside = a recipient identified inside the credential
cred-valid-from = Issued on
cred-valid-until = Valid until
cred-criteria = How it was earned
cred-criteria-link = Criteria
cred-skills = Skills and frameworks
cred-tags = Tags:
cred-details = Details
cred-evidence = Evidence
cred-files = The credential
cred-files-intro = The signed credential is the proof. Keep a copy: each file below verifies anywhere, with any Open Badges 3.0 verifier.
cred-file-json = Signed credential (JSON-LD, machine-readable)
cred-file-png = Badge image with the credential inside (PNG)
cred-file-svg = Badge image with the credential inside (SVG)
cred-claim-congrats = Congratulations, { $name }!
cred-claim-intro = This badge was awarded to you. Keep a copy: the files below carry the signed credential and verify anywhere.
cred-fact-type = Type
cred-fact-field = Field of study
cred-fact-code = Code
cred-fact-credits = Credits
cred-fact-ects = Workload (ECTS credits)
cred-fact-hours = Workload (hours)
cred-fact-eqf = EQF level
cred-fact-assessment = Assessment
cred-fact-participation = Form of participation
cred-fact-supervision = Supervision and identity check
cred-fact-quality = Quality assurance
cred-fact-prerequisites = Prerequisites
cred-fact-level = Proficiency level
cred-fact-category = Category
verdict-title-ok = Verified
verdict-title-bad = Not valid
verdict-how = How this was checked
verdict-valid = This badge is valid: { $issuer } issued it, it has not been changed since, and it has not been revoked.
verdict-valid-no-status = This badge is valid: { $issuer } issued it and it has not been changed since. It has no revocation list, so it cannot be revoked.
verdict-valid-status-unknown = The signature is valid: { $issuer } issued this badge and it has not been changed. Whether it was revoked could not be checked right now.
verdict-revoked = This badge has been revoked by { $issuer }. It is no longer valid.
verdict-suspended = This badge is suspended by { $issuer } for now. It is not valid while suspended.
verdict-expired = This badge has expired.
verdict-not-yet-valid = This badge is not valid yet.
verdict-tampered = This badge cannot be trusted: its signature does not match its content, so it was changed after it was issued or was not issued by { $issuer }.
verdict-malformed = This is not a well-formed Open Badges credential, so it cannot be trusted.
verdict-failed = This badge could not be verified. The checks below say what went wrong.
outcome-passed = Passed
outcome-failed = Failed
outcome-warning = Warning
outcome-skipped = Not checked
check-parse = Reading the file
check-parse-passed = The file is a credential Cairn can read.
check-parse-failed = The file could not be read as a credential.
check-context = Vocabulary
check-context-passed = It uses the standard vocabularies of Verifiable Credentials and Open Badges.
check-context-failed = It uses a vocabulary Cairn does not know, so its meaning cannot be checked.
check-data-model = Structure
check-data-model-passed = It has every part an Open Badges credential must have.
check-data-model-failed = A required part is missing or malformed.
check-data-model-warning = A detail does not follow the standard exactly; it does not make the credential invalid.
check-expansion = Meaning of every field
check-expansion-passed = Every field has a defined meaning, so nothing can be hidden from the signature.
check-expansion-failed = Some fields have no defined meaning; the signature cannot cover them.
check-proof = Signature
check-proof-passed = The digital signature matches the content: nothing was changed after signing.
check-proof-failed = The digital signature does not match: the content was changed, or it was signed with another key.
check-issuer = Issuer's key
check-issuer-passed = The key that signed it belongs to the issuer named in the credential.
check-issuer-failed = The key that signed it does not belong to the issuer named in the credential.
check-validity = Validity dates
check-validity-passed = Today is within the dates the credential is valid.
check-validity-failed = Today is outside the dates the credential is valid (expired, or not valid yet).
check-status = Revocation
check-status-passed = The issuer's revocation list says it has not been revoked or suspended.
check-status-failed = The issuer's revocation list says it has been revoked or suspended.
check-status-warning = The revocation list could not be read right now, so whether it was revoked is unknown.
check-status-skipped = The credential has no revocation list, so it cannot be revoked.
check-schema = Schema
check-schema-passed = It matches the schema it declares.
check-schema-failed = It does not match the schema it declares.
check-related-resource = Linked files
check-related-resource-passed = The linked files it fixes by their digest are unchanged.
check-related-resource-failed = A linked file it fixes by its digest has changed.
check-endorsement = Endorsements
check-endorsement-passed = The endorsements it carries are valid.
check-endorsement-failed = An endorsement it carries is not valid.
check-other-passed = This check passed.
check-other-failed = This check failed.
check-other-warning = This could not be fully checked; the detail says why.
check-other-skipped = This was not checked; the detail says why.
verify-title = Verify a credential
verify-intro = Check an Open Badges 3.0 credential from any issuer: choose its file (the JSON, or the badge image with the credential inside), paste its JSON, or give the address where it is published. No account needed.
verify-file = Credential file
verify-file-hint = JSON, or a baked PNG or SVG badge image. You can also drop the file here.
verify-json = Or paste the credential's JSON
verify-json-hint = The whole JSON document, starting with {"{"}.
verify-url = Or its web address
verify-url-hint = The address of the credential's JSON.
verify-order = If you give more than one, the file is used first, then the pasted JSON, then the address.
verify-action = Verify
verify-result = Result
verify-privacy = Nothing you check here is stored.
verify-problem-title = Nothing could be verified
verify-problem-empty = Choose a file, paste a credential or give its address.
verify-problem-not-baked = This image holds no credential, or it could not be read: { $reason }
verify-problem-ob2 = This image holds an Open Badges 2.0 badge. Cairn verifies Open Badges 3.0 credentials only.
verify-problem-jwt = This image holds a credential signed as a JSON Web Token. Cairn verifies Data Integrity signatures only.
verify-problem-not-credential = This is not a credential: { $reason }
verify-problem-bad-url = The address must start with https:// or http://.
verify-problem-offline = This server does not retrieve documents from other sites (online retrieval is turned off by its operator). Download the credential and choose the file, or paste its JSON, instead.
verify-problem-fetch = The credential could not be retrieved: { $reason }

## Achievement designer and organisation settings (console)
design-list-title = Achievements
design-list-empty = No achievements yet.
design-new-title = New achievement
design-edit-title = Edit achievement
design-edit = Edit
design-public-page = Public page
design-saved = The achievement is saved.
design-col-name = Name
design-col-version = Version
design-col-kind = Kind
design-col-awards = Awarded
design-col-links = Links
design-edit-current = This is version { $version }.
design-edit-next = Saving creates version { $next }.
design-edit-keep = { $count ->
    [one] The credential already issued keeps the current version.
   *[other] The { $count } credentials already issued keep the current version.
}
design-errors = { $count ->
    [one] One field needs attention; it is marked below.
   *[other] { $count } fields need attention; they are marked below.
}
design-error-number = must be a number such as 5 or 2.5
design-error-whole = must be a whole number
design-error-choose = choose one of the options
design-basics = Basics
design-criteria = Criteria
design-criteria-hint = What an earner did to receive this badge: a narrative, a web page, or both.
design-image = Image
design-image-hint = PNG, SVG or JPEG, at most 512 KB.
design-image-too-big = This image is larger than 512 KB; choose a smaller one.
design-skills = Skills and learning outcomes
design-skills-hint = Align the achievement with entries of a skills framework (ESCO, O*NET, CASE…). Rows left empty are ignored.
design-align-row = Skill { $n }
design-align-add = Add another skill
design-results = Results
design-results-hint = Results an award may record, such as a grade or a status. Rows without a name are ignored.
design-result-row = Result { $n }
design-eu-hint = The elements of the EU Council Recommendation on micro-credentials that Open Badges has no field for.
design-taxonomy = Taxonomy
design-achievement-type-hint = Leave it to follow the kind.
design-from-kind = From the kind
design-validity = Validity
design-suspendable-hint = Credentials of this achievement can be suspended and reinstated.
design-suspendable-off = Suspension is off for this organisation; an owner can turn it on in the settings.
design-not-set = Not set
design-eqf-level = EQF level { $level }
design-participation-online = Online
design-participation-onsite = On site
design-participation-blended = Blended
design-save = Save the achievement
design-cancel = Cancel
design-preview = Preview
design-preview-empty = No image yet.
design-kind-skill = Skill
design-kind-completion = Completion
design-kind-assessment = Assessment
design-kind-micro-credential = EU micro-credential
design-eu-title = EU micro-credential elements
design-eu-present = Present
design-eu-missing = Missing
design-eu-at-award = Set when awarded
design-eu-optional = optional
design-eu-complete = Every mandatory element is present.
design-eu-complete-short = Complete
design-eu-summary-one = One mandatory element is missing.
design-eu-summary = { $count ->
    [one] One mandatory element is missing.
   *[other] { $count } mandatory elements are missing.
}
design-eu-missing-count = { $count ->
    [one] 1 missing
   *[other] { $count } missing
}
design-eu-note = An EU micro-credential kind needs every mandatory element before it can be saved. The country comes from the organisation's address in the settings.
design-eu-el-learner = Identification of the learner
design-eu-el-title = Title
design-eu-el-country = Country or region of the issuer
design-eu-el-awarding-body = Awarding body
design-eu-el-date = Date of issue
design-eu-el-outcomes = Learning outcomes
design-eu-el-workload = Notional workload (ECTS or hours)
design-eu-el-level = Level (EQF)
design-eu-el-assessment = Type of assessment
design-eu-el-participation = Form of participation
design-eu-el-quality = Type of quality assurance
design-eu-el-prerequisites = Prerequisites
design-eu-el-supervision = Supervision and identity verification
design-field-name = Name
design-field-description = Description
design-field-human-code = Code (humanCode)
design-field-field-of-study = Field of study
design-field-specialization = Specialisation
design-field-credits-available = Credits available
design-field-in-language = Language (such as en or fr)
design-field-tags = Tags, separated by commas
design-field-criteria-narrative = Criteria narrative
design-field-criteria-url = Criteria page URL
design-field-image = Upload an image
design-field-image-url = Or the image's URL
design-field-image-caption = Image caption
design-field-image-remove = Remove the current image
design-field-align-name = Skill or outcome name
design-field-align-url = Its URL in the framework
design-field-align-code = Code
design-field-align-framework = Framework
design-field-align-type = Target type (such as ceasn:Competency)
design-field-align-description = Description of the skill
design-field-rd-name = Result name
design-field-rd-type = Result type
design-field-eu = EU micro-credential elements
design-field-eu-workload-ects = Workload in ECTS credits
design-field-eu-workload-hours = Workload in hours
design-field-eu-eqf-level = EQF level
design-field-eu-assessment-type = Type of assessment
design-field-eu-participation-form = Form of participation
design-field-eu-quality-assurance = Type of quality assurance
design-field-eu-prerequisites = Prerequisites
design-field-eu-supervision = Supervision and identity verification
design-field-kind = Kind of badge
design-field-achievement-type = Open Badges achievement type
design-field-category = Category
design-field-proficiency-level = Proficiency level
design-field-validity-days = Valid for (days; empty: no expiry)
design-field-suspendable = Credentials can be suspended
design-settings-title = Organisation settings
design-done-profile = The profile is saved. Credentials issued from now on carry it.
design-done-rotated = A new signing key is active. The old key stays published.
design-done-member = The member is saved.
design-profile = Issuer profile
design-address = Address
design-country-hint = The two-letter ISO 3166-1 code, such as NL or FR; it is the EU “country of the issuer”.
design-logo-alt = Logo of { $name }
design-logo-upload = Upload a logo
design-profile-save = Save the profile
design-suspension = Suspension
design-suspension-what = Suspension lets you set a credential aside for a while and reinstate it later; revocation is final.
design-suspension-tradeoff = With suspension on (and allowed by an achievement), credentials carry two status entries, revocation and suspension, instead of one. That is valid Verifiable Credentials 2.0, and the 1EdTech validator and the Digital Credentials Consortium and Digital Bazaar verifiers read it, but it is outside the strict Open Badges 3.0 schema, which allows a single status entry. Leave it off if your credentials must pass that schema.
design-field-suspension-enabled = Offer suspension for credentials issued from now on
design-addresses = Public addresses
design-addresses-hint = Verifiers and wallets find your organisation at these addresses.
design-addr-issuer = Issuer profile URL (issuer id)
design-addr-did = did:web identifier
design-addr-did-json = DID document (did.json)
design-copy = Copy
design-copied = Copied to the clipboard.
design-keys = Signing keys
design-key-public = Public key (multibase)
design-key-created = Created
design-key-retired = Retired
design-key-status = Status
design-key-active = Active
design-key-retired-pill = Retired
design-rotate-explain = Rotating creates a new key that signs from now on. Old keys stay published in the issuer documents, so every credential they signed still verifies.
design-rotate-confirm-question = Create a new signing key now?
design-field-rotate-confirm = I understand: a new key signs from now on
design-rotate = Rotate the key
design-members = Members
design-member-name = Name
design-member-explain = Add a member or change a member's role. The person needs a Cairn account with this email address.
design-field-member-email = Email address
design-field-member-role = Role
design-member-save = Save the member
design-role-viewer = Viewer
design-role-reviewer = Reviewer
design-role-issuer = Issuer
design-role-owner = Owner
design-field-org-name = Name
design-field-org-url = Website
design-field-org-email = Contact email
design-field-org-description = Description
design-field-street = Street address
design-field-postal-code = Postal code
design-field-locality = City
design-field-region = Region
design-field-country = Country
design-field-country-code = Country code
design-field-logo = Logo
design-field-logo-remove = Remove the logo
design-field-logo-url = Or the logo's URL
design-field-action = Form
## Issuer page
issuer-meta-description = Badges issued by { $name }
issuer-logo-alt = Logo of { $name }
issuer-kind = Issuer of Open Badges
issuer-website = Website
issuer-email = Email
issuer-address = Address
issuer-achievements = Badges
issuer-no-achievements = No badges are published yet.
issuer-verifiers = For verifiers
issuer-verifiers-intro = Credentials from this issuer name it by the addresses below. Verifiers read its public keys there to check each signature.
issuer-id = Issuer id
issuer-profile = Issuer profile (JSON-LD)
issuer-did = DID
issuer-did-document = DID document
issuer-keys = Public keys
issuer-keys-intro = Credentials from { $name } are signed with these Ed25519 keys. Retired keys stay listed so that what they signed still verifies.
issuer-key-active = signs new badges
issuer-key-retired = retired

## Achievement page
achievement-offered-by = Awarded by
achievement-version = version { $version }
achievement-criteria = How to earn it
achievement-criteria-link = Criteria in full
achievement-skills = Skills and frameworks
achievement-tags = Tags:
achievement-details = Details
achievement-eu = European micro-credential
achievement-eu-intro = The elements the European Union asks every micro-credential to state.
achievement-results = Results recorded
achievement-results-intro = Each award of this badge may record these results.
achievement-machine = For verifiers
achievement-machine-intro = Software asking for JSON-LD at this address gets the Open Badges 3.0 achievement:
achievement-type = Type
achievement-kind = Kind of badge
achievement-category = Category
achievement-level = Proficiency level
achievement-field = Field of study
achievement-specialization = Specialization
achievement-code = Code
achievement-credits = Credits
achievement-credits-value =
    { $n ->
        [one] { $n } credit
       *[other] { $n } credits
    }
achievement-language = Language
achievement-ects-value =
    { $n ->
        [one] { $n } ECTS credit
       *[other] { $n } ECTS credits
    }
achievement-hours-value =
    { $n ->
        [one] { $n } hour of learning
       *[other] { $n } hours of learning
    }
achievement-eu-workload = Workload
achievement-eu-eqf = Level (European Qualifications Framework)
achievement-eqf-value = EQF level { $level } of 8
achievement-eu-assessment = Type of assessment
achievement-eu-participation = Form of participation
achievement-eu-quality = Quality assurance
achievement-eu-prerequisites = Prerequisites
achievement-eu-supervision = Supervision and identity check
achievement-result-allowed = Possible values: { $values }
achievement-result-required = Required to earn the badge: { $value }
achievement-result-range = From { $min } to { $max }
achievement-result-min = At least { $min }
achievement-result-max = At most { $max }
achievement-result-levels = Levels: { $levels }
achievement-kind-skill = Skill
achievement-kind-completion = Course completion
achievement-kind-assessment = Passed assessment
achievement-kind-micro-credential = EU micro-credential
achievement-type-competency = Competency
achievement-type-completion = Certificate of completion
achievement-type-assessment = Assessment
achievement-type-micro-credential = Micro-credential
achievement-type-badge = Badge
achievement-type-course = Course
achievement-type-certificate = Certificate
achievement-participation-online = Online
achievement-participation-onsite = On site
achievement-participation-blended = Blended (online and on site)
achievement-result-type-gpa = grade point average
achievement-result-type-letter = letter grade
achievement-result-type-percent = percentage
achievement-result-type-performance = performance level
achievement-result-type-score = score
achievement-result-type-rubric = rubric
achievement-result-type-status = status
