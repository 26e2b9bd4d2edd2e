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
