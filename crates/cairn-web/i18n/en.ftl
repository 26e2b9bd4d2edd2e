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

## Issuing (dashboard, award, bulk jobs, issued credentials)
issue-choose = Choose…
issue-field-achievement = Achievement
issue-field-recipient = Recipient
issue-field-name = Recipient's name
issue-field-issued-on = Issue date
issue-field-valid-until = Expiry date
issue-field-evidence = Evidence
issue-field-evidence-url = Evidence URL
issue-field-evidence-narrative = Evidence narrative
issue-field-result = Result
issue-field-csv = CSV file
issue-field-reason = Reason
issue-state-active = Active
issue-state-suspended = Suspended
issue-state-revoked = Revoked
issue-dash-title = Dashboard
issue-dash-totals = Since the beginning
issue-dash-issued = Issued
issue-dash-claimed = Claimed
issue-dash-viewed = Page views
issue-dash-verified = Verifications
issue-dash-award = Award a credential
issue-dash-list = See issued credentials
issue-dash-days = Last 30 days, per day
issue-dash-days-desc = Over the last 30 days:
issue-dash-weeks = Last 26 weeks, per week
issue-dash-weeks-desc = Over the last 26 weeks:
issue-dash-table = Show the numbers as a table
issue-dash-period = Period starting
issue-award-title = Award
issue-award-no-achievements = This organisation has no achievement yet. Create one first:
issue-award-one = Award one person
issue-award-recipient-hint = An email address (they receive a link to claim it) or a DID.
issue-award-name-hint = Optional; used in the email, not put in the credential.
issue-award-dates = Dates
issue-award-issued-on-hint = Optional; today if empty.
issue-award-valid-until-hint = Optional; from the achievement's validity period if empty.
issue-award-result-hint = Optional, for example a grade.
issue-award-one-action = Award the credential
issue-awarded-title = Credential issued
issue-awarded-text = The “{ $achievement }” credential has been issued.
issue-awarded-repeat = This form had already been sent: here is the credential it issued, nothing was issued twice.
issue-awarded-public = Open the public credential page
issue-awarded-json = Download the credential (JSON)
issue-awarded-another = Award another credential
issue-csv-heading = Award many people from a CSV file
issue-csv-intro = Upload a CSV file with one row per person. You will see a report of every row before anything is issued.
issue-csv-template = Download the template CSV
issue-csv-columns = Columns (only recipient is required):
issue-csv-check = Check the file
issue-report-title = Check the CSV file
issue-report-rows = Rows read
issue-report-valid = Rows that can be issued
issue-report-all-valid = Every row can be issued.
issue-report-problems = { $count ->
    [one] One problem was found.
   *[other] { $count } problems were found.
}
issue-report-problems-heading = Problems
issue-report-row = Row
issue-report-column = Column
issue-report-problem = Problem
issue-report-skip = Rows with a problem will be skipped; fix them in a new file to issue them later.
issue-report-confirm = { $count ->
    [one] Issue 1 credential
   *[other] Issue { $count } credentials
}
issue-report-cancel = Cancel
issue-report-none = No row can be issued. Fix the file and upload it again.
issue-report-again = Upload another file
issue-job-title = Bulk issuing
issue-job-started = Started on
issue-job-progress = Progress
issue-job-running = Issuing…
issue-job-done = Finished.
issue-job-cancelled = Cancelled.
issue-job-counts = { $issued } issued, { $failed } failed, out of { $total }.
issue-job-failures = Rows that failed
issue-job-credentials = See the credentials of this job
issue-list-title = Issued credentials
issue-list-search = Recipient (email address or DID, or part of it)
issue-list-any = Any
issue-list-state = State
issue-list-job-only = Showing the credentials of one bulk job.
issue-list-show-all = Show all
issue-list-filter = Search
issue-list-empty = No credential matches.
issue-list-issued = Issued on
issue-list-links = Links
issue-list-actions = Actions
issue-list-public = Public page
issue-list-reason-hint = Optional; kept with the credential, not published.
issue-list-revoke = Revoke
issue-list-revoke-confirm = Revoke this credential? Revocation is permanent.
issue-list-suspend = Suspend
issue-list-suspend-confirm = Suspend this credential? It will not verify until it is reinstated.
issue-list-reinstate = Reinstate
issue-list-notice-revoked = The credential has been revoked.
issue-list-notice-suspended = The credential has been suspended.
issue-list-notice-reinstated = The credential has been reinstated.
issue-list-pages = Pages
issue-list-prev = Previous page
issue-list-next = Next page
issue-list-page = Page { $page }
