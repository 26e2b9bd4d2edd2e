//! The web interface's accounts: sign-up, sign-in, sign-out, anti-forgery, the sign-in
//! limit, first-run setup and languages; and the catalogues' completeness.

use std::collections::BTreeSet;

use crate::app::{TestApp, ADMIN_EMAIL, ADMIN_PASSWORD};
use crate::ui_support::{csrf_of, location, text, Browser};

#[tokio::test]
async fn sign_up_sign_out_and_sign_in_again() {
    let app = TestApp::with_admin().await;
    let mut b = Browser::new(&app);
    let res = b.sign_up("Earner@Example.test", "Erin Earner", "a long enough password").await;
    assert_eq!(res.status.as_u16(), 303, "{}", text(&res));
    assert_eq!(location(&res), "/wallet");
    let session = b.cookies.get("cairn_session").cloned().expect("session cookie");
    let home = text(&b.get("/").await);
    assert!(home.contains("Sign out (Erin Earner)"), "{home}");

    let res = b.submit("/", "/sign-out", &[]).await;
    assert_eq!(res.status.as_u16(), 303);
    assert!(!b.cookies.contains_key("cairn_session"));
    // The old cookie no longer works: the session is gone from the store.
    b.cookies.insert("cairn_session".into(), session);
    assert!(!text(&b.get("/").await).contains("Erin Earner"));

    let res = b.sign_in("earner@example.test", "a long enough password").await;
    assert_eq!(location(&res), "/wallet");
    let res = b
        .submit(
            "/sign-in?next=/wallet/x",
            "/sign-in",
            &[("email", ADMIN_EMAIL), ("password", ADMIN_PASSWORD), ("next", "//evil.example/")],
        )
        .await;
    assert_eq!(location(&res), "/console", "an off-site next is ignored; administrators land in the console");
}

#[tokio::test]
async fn a_taken_email_is_named_in_the_form() {
    let app = TestApp::with_admin().await;
    let mut b = Browser::new(&app);
    let res = b.sign_up(ADMIN_EMAIL, "Someone", "a long enough password").await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(text(&res).contains("Email address: an account with this email address exists"), "{}", text(&res));
    let res = b.sign_up("new@example.test", "Someone", "short").await;
    assert!(text(&res).contains("Password: must be at least 10 characters"));
}

#[tokio::test]
async fn forms_without_the_token_or_from_another_site_are_refused() {
    let app = TestApp::with_admin().await;
    let mut b = Browser::new(&app);
    b.get("/sign-in").await;
    let res = b.post_form("/sign-in", &[("email", ADMIN_EMAIL), ("password", ADMIN_PASSWORD), ("csrf", "guess")]).await;
    assert_eq!(res.status.as_u16(), 403);
    assert!(!b.cookies.contains_key("cairn_session"));

    let mut b = Browser::new(&app);
    b.headers.push(("origin".into(), "https://evil.example".into()));
    let res = b.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(res.status.as_u16(), 403);
    assert!(text(&res).contains("cross-site"));

    let mut b = Browser::new(&app);
    b.headers.push(("origin".into(), crate::app::BASE.into()));
    assert_eq!(b.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await.status.as_u16(), 303);
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let app = TestApp::with_admin().await;
    let mut b = Browser::new(&app);
    for _ in 0..5 {
        let res = b.sign_in(ADMIN_EMAIL, "wrong password!").await;
        assert_eq!(res.status.as_u16(), 401);
        assert!(text(&res).contains("The email address or the password is wrong."));
    }
    let res = b.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(res.status.as_u16(), 429, "the right password is refused while locked");
    assert!(!b.cookies.contains_key("cairn_session"));
    app.clock.advance(time::Duration::minutes(15));
    assert_eq!(b.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await.status.as_u16(), 303);
}

#[tokio::test]
async fn first_run_setup_through_the_page() {
    let app = TestApp::new().await;
    let mut b = Browser::new(&app);
    assert!(text(&b.get("/").await).contains("/setup"));
    let fields = [
        ("token", "cairn_wrong"),
        ("email", "root@example.test"),
        ("name", "Root"),
        ("password", "a long enough password"),
    ];
    let res = b.submit("/setup", "/setup", &fields).await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(text(&res).contains("not the one the server printed"));
    let token = app.setup_token.clone();
    let fields = [
        ("token", token.as_str()),
        ("email", "root@example.test"),
        ("name", "Root"),
        ("password", "a long enough password"),
    ];
    let res = b.submit("/setup", "/setup", &fields).await;
    assert_eq!(location(&res), "/console");
    assert!(app.ctx.store.get_user_by_email("root@example.test").await.unwrap().is_admin);
    assert!(text(&b.get("/setup").await).contains("already set up"));
}

#[tokio::test]
async fn pages_follow_the_chosen_language() {
    let app = TestApp::with_admin().await;
    let mut b = Browser::new(&app);
    b.headers.push(("accept-language".into(), "de-DE, fr;q=0.8, en;q=0.5".into()));
    let page = text(&b.get("/sign-in").await);
    assert!(page.contains("<html lang=\"fr\">") && page.contains("Se connecter"), "{page}");
    let res = b.get("/lang/en?next=/sign-in").await;
    assert_eq!(location(&res), "/sign-in");
    let page = text(&b.get("/sign-in").await);
    assert!(page.contains("<html lang=\"en\">") && page.contains("Sign in"));
    assert!(!csrf_of(&page).is_empty());
}

fn ftl_keys(src: &str) -> BTreeSet<String> {
    src.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
        .collect()
}

/// Every catalogue has exactly the English keys, and every key a template uses exists.
#[test]
fn catalogues_are_complete_and_cover_the_templates() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let en = ftl_keys(&std::fs::read_to_string(root.join("i18n/en.ftl")).unwrap());
    assert!(en.len() > 30);
    for entry in std::fs::read_dir(root.join("i18n")).unwrap() {
        let path = entry.unwrap().path();
        let src = std::fs::read_to_string(&path).unwrap();
        // A syntax error would make a message silently fall back to its key.
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(src.clone()) {
            panic!("{}: Fluent syntax errors: {errors:?}", path.display());
        }
        let keys = ftl_keys(&src);
        let missing: Vec<_> = en.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&en).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, extra {extra:?}", path.display());
    }
    let mut used = BTreeSet::new();
    let mut stack = vec![root.join("templates")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            for call in [".t(\"", ".n(\"", ".args(\""] {
                for piece in src.split(call).skip(1) {
                    used.insert(piece[..piece.find('"').unwrap()].to_string());
                }
            }
        }
    }
    let unknown: Vec<_> = used.iter().filter(|k| !en.contains(*k)).collect();
    assert!(unknown.is_empty(), "templates use keys missing from en.ftl: {unknown:?}");
}

#[tokio::test]
async fn the_console_lists_only_the_users_organisations() {
    let app = TestApp::with_admin().await;
    app.create_org("alpha").await;
    app.create_org("beta").await;
    let mut admin = Browser::new(&app);
    admin.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let page = text(&admin.get("/console").await);
    assert!(page.contains("alpha University") && page.contains("beta University"), "{page}");

    let mut erin = Browser::new(&app);
    erin.sign_up("erin@example.test", "Erin", "a long enough password").await;
    assert_eq!(erin.get("/console").await.status.as_u16(), 403, "an earner belongs to no organisation");
    let body = serde_json::json!({"email": "erin@example.test", "role": "issuer"});
    let owner = app.token("beta", "owner").await;
    app.put("/api/v1/orgs/beta/members", crate::app::Auth::Bearer(&owner), body).await.expect(200);
    let page = text(&erin.get("/console").await);
    assert!(page.contains("beta University") && !page.contains("alpha University"), "{page}");
    let anon = Browser::new(&app).get("/console").await;
    assert_eq!(location(&anon), "/sign-in?next=/console");
}

#[tokio::test]
async fn an_administrator_creates_an_organisation_in_the_console() {
    let app = TestApp::with_admin().await;
    let mut admin = Browser::new(&app);
    admin.sign_in(ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert!(text(&admin.get("/console").await).contains("href=\"/console/new\""));
    let fields = |slug: &'static str, cc: &'static str| {
        [
            ("name", "Gamma College"),
            ("slug", slug),
            ("url", "https://gamma.example.test"),
            ("locality", "Lyon"),
            ("country_code", cc),
        ]
    };
    let res = admin.submit("/console/new", "/console/new", &fields("gamma", "fr")).await;
    assert_eq!(location(&res), "/console/gamma", "{}", text(&res));
    let org = app.ctx.store.get_org_by_slug("gamma").await.unwrap();
    assert_eq!((org.name.as_str(), org.address.country_code.as_deref()), ("Gamma College", Some("FR")));
    assert_eq!(app.ctx.store.list_signing_keys(org.id).await.unwrap().len(), 1, "created with a signing key");

    let res = admin.submit("/console/new", "/console/new", &fields("gamma", "FR")).await;
    assert_eq!(res.status.as_u16(), 400);
    assert!(text(&res).contains("Short name in addresses: conflict"), "{}", text(&res));
    let res = admin.submit("/console/new", "/console/new", &fields("delta", "France")).await;
    assert_eq!(res.status.as_u16(), 400);
    let page = text(&res);
    assert!(
        page.contains("Country code: must be an ISO 3166-1 alpha-2 code") && page.contains("value=\"Gamma College\""),
        "{page}"
    );

    let mut erin = Browser::new(&app);
    erin.sign_up("erin@example.test", "Erin", "a long enough password").await;
    assert_eq!(erin.get("/console/new").await.status.as_u16(), 403);
}

#[tokio::test]
async fn pages_carry_security_headers_and_documents_do_not() {
    let app = TestApp::with_admin().await;
    let page = Browser::new(&app).get("/sign-in").await;
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(page.headers["x-frame-options"], "DENY");
    assert_eq!(page.headers["referrer-policy"], "same-origin");
    let doc = app.get("/api/v1/openapi.json", crate::app::Auth::None).await;
    assert!(!doc.headers.contains_key("content-security-policy"));
}
