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
