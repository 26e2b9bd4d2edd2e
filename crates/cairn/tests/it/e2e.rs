//! End to end, as an issuing organisation and a verifier use it: the real `cairn serve` on a
//! temporary directory, driven over HTTP only. Set up the administrator, an organisation, an
//! API token and an achievement; bulk-issue from a CSV (validated first); fetch a credential
//! publicly (byte-exact with the API's copy, and baked into a PNG); verify it with Cairn's
//! `POST /api/v1/verify` and with the DCC wallet's `@digitalcredentials/verifier-core`, which
//! fetches the issuer document and the status list from the running server; revoke it; and see
//! both verifiers report the revocation at once.

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};

use crate::serve::Server;
use crate::support::{interop_dir, node, Scratch};

/// The longest one HTTP request may take (a bound, not an assertion on speed).
const REQUEST_BOUND: Duration = Duration::from_secs(120);

/// An HTTP answer.
pub struct Reply {
    pub status: u16,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    /// A header's value (names are case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The body as JSON (panics, naming the body, when it is not).
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The body as text, for failure messages.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one request; any status is an answer, only a transport failure panics.
pub fn http(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Reply {
    let agent = ureq::AgentBuilder::new().timeout(REQUEST_BOUND).redirects(0).build();
    let mut req = agent.request(method, url);
    for (name, value) in headers {
        req = req.set(name, value);
    }
    let res = match body {
        Some(b) => req.send_bytes(b),
        None => req.call(),
    };
    let res = match res {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{method} {url}: {e}"),
    };
    let status = res.status();
    let headers =
        res.headers_names().into_iter().filter_map(|n| res.header(&n).map(|v| (n.clone(), v.to_string()))).collect();
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut res.into_reader(), &mut body).unwrap();
    Reply { status, headers, body }
}

/// An organisation set up through the API on a running server, and an issuer's token.
pub struct Issuer {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    /// `Bearer cairn_…`.
    pub bearer: String,
    /// The organisation's slug.
    pub slug: String,
}

impl Issuer {
    /// Creates the first administrator with the setup token the server printed, the
    /// organisation `slug` (HTTP Basic as that administrator) and an owner token for it.
    pub fn set_up(server: &Server, slug: &str) -> Issuer {
        let url = server.url.clone();
        let token = server.setup_token().expect("a fresh instance prints a setup token");
        let admin = json!({"setup_token": token, "email": "admin@example.org", "name": "Ada Admin",
            "password": "correct horse battery staple"});
        let r = post_json(&format!("{url}/api/v1/setup"), "", &admin);
        assert_eq!(r.status, 201, "setup: {}", r.text());
        assert_eq!(r.json()["is_admin"], true, "{}", r.text());
        let basic = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode("admin@example.org:correct horse battery staple")
        );
        let org = json!({"slug": slug, "name": "Alpha University", "url": "https://alpha.example.org",
            "email": "badges@alpha.example.org",
            "address": {"country_code": "NL", "locality": "Utrecht"}});
        let r = post_json(&format!("{url}/api/v1/orgs"), &basic, &org);
        assert_eq!(r.status, 201, "create organisation: {}", r.text());
        let r =
            post_json(&format!("{url}/api/v1/tokens"), &basic, &json!({"org": slug, "name": "e2e", "role": "owner"}));
        assert_eq!(r.status, 201, "create token: {}", r.text());
        let token = r.json()["token"].as_str().unwrap().to_string();
        assert!(token.starts_with("cairn_"), "{token}");
        Issuer { url, bearer: format!("Bearer {token}"), slug: slug.to_string() }
    }

    /// `{url}/api/v1/orgs/{slug}{path}`.
    pub fn api(&self, path: &str) -> String {
        format!("{}/api/v1/orgs/{}{path}", self.url, self.slug)
    }

    pub fn get(&self, path: &str) -> Reply {
        http("GET", &self.api(path), &[("Authorization", &self.bearer)], None)
    }

    pub fn post(&self, path: &str, body: &Value) -> Reply {
        post_json(&self.api(path), &self.bearer, body)
    }

    pub fn post_csv(&self, path: &str, csv: &str) -> Reply {
        let headers = [("Authorization", self.bearer.as_str()), ("Content-Type", "text/csv")];
        http("POST", &self.api(path), &headers, Some(csv.as_bytes()))
    }

    /// Creates an achievement; returns its id.
    pub fn achievement(&self, definition: &Value) -> String {
        let r = self.post("/achievements", definition);
        assert_eq!(r.status, 201, "create achievement: {}", r.text());
        r.json()["id"].as_str().unwrap().to_string()
    }

    /// Starts a bulk job (202 and its `Location`); returns the job's path under the organisation.
    pub fn start_job(&self, achievement: &str, csv: &str) -> String {
        let r = self.post_csv(&format!("/achievements/{achievement}/bulk"), csv);
        assert_eq!(r.status, 202, "start bulk job: {}", r.text());
        let job = r.json();
        assert_eq!((job["state"].as_str(), job["issued"].as_u64()), (Some("running"), Some(0)), "{job}");
        let location = r.header("location").expect("a bulk job answers with its Location").to_string();
        let path = format!("/jobs/{}", job["id"].as_str().unwrap());
        assert_eq!(location, format!("/api/v1/orgs/{}{path}", self.slug));
        path
    }

    /// Polls the job (bounded) until `done(job)`; panics with the last state after `bound`.
    pub fn poll_job(&self, job: &str, bound: Duration, done: impl Fn(&Value) -> bool) -> Value {
        let start = Instant::now();
        loop {
            let r = self.get(job);
            assert_eq!(r.status, 200, "{}", r.text());
            let state = r.json();
            if done(&state) {
                return state;
            }
            assert!(start.elapsed() < bound, "the job did not get there within {bound:?}: {state}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Every credential of a job, paging through the list (500 a page); list items, newest first.
    pub fn job_credentials(&self, job_id: &str) -> Vec<Value> {
        let mut all = Vec::new();
        let mut offset = 0u64;
        loop {
            let r = self.get(&format!("/credentials?job={job_id}&limit=500&offset={offset}"));
            assert_eq!(r.status, 200, "{}", r.text());
            let page = r.json();
            all.extend(page["items"].as_array().unwrap().iter().cloned());
            match page["next_offset"].as_u64() {
                Some(next) => offset = next,
                None => return all,
            }
        }
    }
}

pub fn post_json(url: &str, auth: &str, body: &Value) -> Reply {
    let mut headers = vec![("Content-Type", "application/json")];
    if !auth.is_empty() {
        headers.push(("Authorization", auth));
    }
    http("POST", url, &headers, Some(body.to_string().as_bytes()))
}

/// The achievement of the story: OB fields and an alignment; no EU extension (its context
/// lives at w3id.org, which the offline verifier-core run cannot fetch).
fn data_literacy() -> Value {
    json!({
        "name": "Data Literacy",
        "description": "Reads, questions and explains data in everyday work.",
        "criteria_narrative": "Passed the assessment: three data stories explained to a panel.",
        "kind": "skill",
        "achievement_type": "Competency",
        "alignments": [{"target_name": "Data literacy", "target_url": "https://esco.ec.europa.eu/en/skill/data-literacy",
            "target_code": "S5.6.1", "target_framework": "ESCO"}],
        "tags": ["data", "literacy"],
        "human_code": "DL-101",
        "field_of_study": "Information science",
        "validity_days": 1095
    })
}

/// A CSV of `rows` awards with every column Cairn reads.
fn story_csv(rows: usize) -> String {
    let mut csv = String::from("recipient,name,issued_on,valid_until,evidence_url,evidence_narrative,result\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "learner{i}@example.org,Learner {i},2025-03-{:02},2099-01-01,https://portfolio.example.org/{i},\"Story {i}, explained\",{}\n",
            i % 28 + 1,
            60 + i % 40
        ));
    }
    csv
}

/// Cairn's verification report for a JSON body or a baked image.
fn cairn_verify(url: &str, content_type: &str, body: &[u8]) -> Value {
    let r = http("POST", &format!("{url}/api/v1/verify"), &[("Content-Type", content_type)], Some(body));
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

/// The outcome of one check of a Cairn report (the first with that id).
fn outcome<'a>(report: &'a Value, check: &str) -> &'a str {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == check)
        .and_then(|c| c["outcome"].as_str())
        .unwrap_or_else(|| panic!("no `{check}` check: {report:#}"))
}

/// `node interop/verify.mjs <file>`: verifier-core's summary line.
fn verifier_core(interop: &Path, file: &Path) -> Value {
    let run = node(interop, "verify.mjs", &[file], crate::support::fixtures_dir().as_deref());
    assert!(matches!(run.code, Some(0 | 1)), "verify.mjs failed to run: {run:?}");
    let line = run.stdout.lines().next().unwrap_or_else(|| panic!("no output: {run:?}"));
    serde_json::from_str(line).unwrap()
}

/// [`verifier_core`] with `CAIRN_URL_MAP` (URL prefix → local file) for documents the
/// offline run cannot fetch.
fn verifier_core_mapped(interop: &Path, file: &Path, url_map: &Value) -> Value {
    let mut cmd = std::process::Command::new("node");
    cmd.arg(interop.join("verify.mjs")).arg(file).env("CAIRN_URL_MAP", url_map.to_string());
    if let Some(fx) = crate::support::fixtures_dir() {
        cmd.env("CAIRN_FIXTURES", fx);
    }
    let out = cmd.output().expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(matches!(out.status.code(), Some(0 | 1)), "verify.mjs failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(stdout.lines().next().expect("one line")).unwrap()
}

/// Validates the CSV (and a copy with a bad row, which is refused), runs the job to the end
/// and returns the job's credentials (list items).
fn bulk_issue(issuer: &Issuer, achievement: &str, csv: &str) -> Vec<Value> {
    let validate = format!("/achievements/{achievement}/bulk/validate");
    let r = issuer.post_csv(&validate, csv);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json(), json!({"rows": 20, "valid": 20, "problems": []}));
    // A bad row is named, and blocks the job: nothing is issued.
    let bad = csv.replacen("learner3@example.org", "not-an-address", 1);
    let report = issuer.post_csv(&validate, &bad).json();
    assert_eq!((report["rows"].as_u64(), report["valid"].as_u64()), (Some(20), Some(19)), "{report}");
    let problem = &report["problems"][0];
    assert_eq!((problem["row"].as_u64(), problem["column"].as_str()), (Some(4), Some("recipient")), "{report}");
    let r = issuer.post_csv(&format!("/achievements/{achievement}/bulk"), &bad);
    assert_eq!((r.status, r.json()["error"]["field"].as_str()), (400, Some("row 4 recipient")), "{}", r.text());
    let none = issuer.get(&format!("/credentials?achievement={achievement}")).json();
    assert!(none["items"].as_array().unwrap().is_empty(), "{none}");

    let job_path = issuer.start_job(achievement, csv);
    let job = issuer.poll_job(&job_path, Duration::from_secs(120), |j| j["state"] != "running");
    assert_eq!(
        (job["state"].as_str(), job["total"].as_u64(), job["issued"].as_u64(), job["failed"].as_u64()),
        (Some("done"), Some(20), Some(20), Some(0)),
        "{job}"
    );
    let listed = issuer.job_credentials(job["id"].as_str().unwrap());
    assert_eq!(listed.len(), 20);
    let recipients: HashSet<&str> = listed.iter().map(|c| c["recipient_email"].as_str().unwrap()).collect();
    assert_eq!(recipients.len(), 20);
    listed
}

/// What the public surface serves for one credential.
struct Published {
    url: String,
    json: Vec<u8>,
    png: Vec<u8>,
    list_url: String,
    etag: String,
}

/// Fetches the credential publicly and checks it against the API's copy and the CSV row
/// (learner 7); checks the status list's caching headers.
fn fetch_publicly(issuer: &Issuer, id: &str) -> Published {
    let r = issuer.get(&format!("/credentials/{id}"));
    assert_eq!(r.status, 200, "{}", r.text());
    let record = r.json();
    let url = format!("{}/credentials/{id}", issuer.url);
    assert_eq!(record["url"], url.as_str());
    let public = http("GET", &url, &[("Accept", "application/vc+ld+json")], None);
    assert_eq!(public.status, 200, "{}", public.text());
    assert_eq!(public.header("content-type"), Some("application/vc+ld+json"));
    let from_api = serde_json::to_string(&record["credential"]).unwrap();
    assert_eq!(public.text(), from_api, "the public credential is byte for byte the API's");
    assert_eq!(http("GET", &format!("{url}.json"), &[], None).body, public.body);

    let vc = public.json();
    assert_eq!(vc["id"], url.as_str());
    assert_eq!(vc["issuer"]["id"], format!("{}/issuers/alpha", issuer.url).as_str());
    assert_eq!(
        (vc["validFrom"].as_str(), vc["validUntil"].as_str()),
        (Some("2025-03-08T00:00:00Z"), Some("2099-01-01T00:00:00Z"))
    );
    assert_eq!(vc["credentialSubject"]["result"][0]["value"], "67");
    assert_eq!(vc["evidence"][0]["id"], "https://portfolio.example.org/7");
    assert_eq!(vc["evidence"][0]["narrative"], "Story 7, explained");
    let identity = &vc["credentialSubject"]["identifier"][0];
    assert_eq!((identity["identityType"].as_str(), identity["hashed"].as_bool()), (Some("emailAddress"), Some(true)));
    assert!(!public.text().contains("learner7@example.org"), "only the salted hash is published");
    let status = &vc["credentialStatus"];
    assert_eq!(status["statusPurpose"], "revocation");
    let list_url = status["statusListCredential"].as_str().unwrap().to_string();
    assert_eq!(list_url, record["revocation_entry"]["list_url"].as_str().unwrap());
    assert_eq!(status["statusListIndex"], record["revocation_entry"]["index"].as_u64().unwrap().to_string().as_str());

    let list = http("GET", &list_url, &[], None);
    assert_eq!(list.status, 200, "{}", list.text());
    let etag = list.header("etag").expect("the status list has an ETag").to_string();
    let cache = list.header("cache-control").expect("the status list has Cache-Control");
    assert!(cache.contains("max-age="), "{cache}");
    assert_eq!(http("GET", &list_url, &[("If-None-Match", &etag)], None).status, 304);

    let png = http("GET", &format!("{url}.png"), &[], None);
    assert_eq!((png.status, png.header("content-type")), (200, Some("image/png")));
    assert!(png.body.starts_with(b"\x89PNG\r\n\x1a\n"));
    Published { url, json: public.body, png: png.body, list_url, etag }
}

/// Cairn's verifier on the JSON and the baked PNG, then verifier-core on the JSON (when
/// available): both valid, or both reporting the revocation (and only that).
fn verify_both(issuer: &Issuer, p: &Published, vc_file: &Path, interop: Option<&Path>, revoked: bool) {
    for (what, ctype, body) in [("json", "application/vc+ld+json", &p.json), ("png", "image/png", &p.png)] {
        let report = cairn_verify(&issuer.url, ctype, body);
        assert_eq!(report["verified"], !revoked, "{what}: {report:#}");
        assert_eq!(outcome(&report, "proof"), "passed", "{what}: {report:#}");
        assert_eq!(outcome(&report, "status"), if revoked { "failed" } else { "passed" }, "{what}: {report:#}");
        let codes: Vec<&str> = report["checks"].as_array().unwrap().iter().filter_map(|c| c["code"].as_str()).collect();
        assert_eq!(codes, if revoked { vec!["REVOCATION"] } else { vec![] }, "{what}: {report:#}");
    }
    let Some(interop) = interop else { return };
    let result = verifier_core(interop, vc_file);
    eprintln!("verifier-core (revoked: {revoked}): checks={} errors={}", result["checks"], result["errors"]);
    assert_eq!(result["verified"], !revoked, "{result:#}");
    for check in ["valid_signature", "expiration"] {
        assert_eq!(result["checks"][check], true, "{check}: {result:#}");
    }
    assert_eq!(result["checks"]["revocation_status"], !revoked, "{result:#}");
    let fetched: Vec<&str> = result["fetches"].as_array().unwrap().iter().filter_map(|f| f["url"].as_str()).collect();
    assert!(fetched.iter().any(|u| u.starts_with(&format!("{}/issuers/alpha", issuer.url))), "{fetched:?}");
    assert!(fetched.contains(&p.list_url.as_str()), "the list is fetched from the server: {fetched:?}");
}

#[test]
fn issue_in_bulk_verify_publicly_and_in_verifier_core_then_revoke() {
    let started = Instant::now();
    let dir = Scratch::new("e2e");
    let server = Server::start(&dir.path("data"), &[]);
    let issuer = Issuer::set_up(&server, "alpha");
    let achievement = issuer.achievement(&data_literacy());
    let public_achievement = http("GET", &format!("{}/achievements/{achievement}", issuer.url), &[], None);
    assert_eq!(public_achievement.status, 200, "{}", public_achievement.text());

    let listed = bulk_issue(&issuer, &achievement, &story_csv(20));
    let issued_in = started.elapsed();
    let item = listed.iter().find(|c| c["recipient_email"] == "learner7@example.org").unwrap();
    assert_eq!((item["status"].as_str(), item["recipient_name"].as_str()), (Some("active"), Some("Learner 7")));
    let id = item["id"].as_str().unwrap();
    let published = fetch_publicly(&issuer, id);

    let interop = interop_dir("e2e: the verifier-core half (Cairn's verifier still runs)");
    let vc_file = dir.path("credential.json");
    std::fs::write(&vc_file, &published.json).unwrap();
    verify_both(&issuer, &published, &vc_file, interop.as_deref(), false);

    // Revoke: the list changes at once, the credential never does.
    let r = issuer.post(&format!("/credentials/{id}/revoke"), &json!({"reason": "issued in error"}));
    assert_eq!(r.status, 200, "{}", r.text());
    let revoked = r.json();
    assert_eq!(
        (revoked["status"].as_str(), revoked["revocation_reason"].as_str()),
        (Some("revoked"), Some("issued in error"))
    );
    assert_eq!(issuer.post(&format!("/credentials/{id}/revoke"), &json!({})).status, 409, "revoked once");
    let list = http("GET", &published.list_url, &[("If-None-Match", &published.etag)], None);
    assert_eq!(list.status, 200, "the old ETag no longer matches");
    assert_ne!(list.header("etag"), Some(published.etag.as_str()));
    let again = http("GET", &published.url, &[("Accept", "application/vc+ld+json")], None);
    assert_eq!(again.body, published.json, "the credential itself never changes");
    verify_both(&issuer, &published, &vc_file, interop.as_deref(), true);

    // Another credential of the job is untouched.
    let other = listed.iter().find(|c| c["id"] != id).unwrap();
    let other = http("GET", &format!("{}/credentials/{}", issuer.url, other["id"].as_str().unwrap()), &[], None);
    assert_eq!(cairn_verify(&issuer.url, "application/json", &other.body)["verified"], true);

    let (status, stderr) = server.terminate();
    assert_eq!(status.code(), Some(0), "{stderr}");
    eprintln!("e2e: 20 credentials issued {issued_in:?} after start; the whole story took {:?}", started.elapsed());
}

/// A micro-credential with the EU elements (Cairn's extension context) issued one at a time
/// (idempotently) verifies in both verifiers. The context's URL is on w3id.org, out of reach of
/// the offline verifier-core run: it is mapped to the copy the server itself serves.
#[test]
fn an_eu_micro_credential_issued_once_verifies_in_both_verifiers() {
    let dir = Scratch::new("e2e-eu");
    let server = Server::start(&dir.path("data"), &[]);
    let issuer = Issuer::set_up(&server, "alpha");
    let achievement = issuer.achievement(&json!({
        "name": "Applied Statistics", "description": "Designs and reads statistical studies.",
        "criteria_narrative": "Passed the written exam.", "kind": "micro_credential",
        "eu": {"workload_ects": 5.0, "eqf_level": 6, "assessment_type": "written exam",
            "participation_form": "online", "quality_assurance": "Accredited by the NVAO",
            "prerequisites": "None", "supervision": "supervised, identity checked"}
    }));
    let award = json!({"recipient": "ines@example.org", "name": "Ines", "valid_until": "2099-01-01"});
    let path = format!("/achievements/{achievement}/credentials");
    let send = || {
        let headers = [
            ("Authorization", issuer.bearer.as_str()),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", "enrolment-42"),
        ];
        http("POST", &issuer.api(&path), &headers, Some(award.to_string().as_bytes()))
    };
    let first = send();
    assert_eq!(first.status, 201, "{}", first.text());
    let retry = send();
    assert_eq!(retry.status, 200, "a retry with the same key answers with the first credential: {}", retry.text());
    assert_eq!(retry.json()["id"], first.json()["id"]);
    let listed = issuer.get(&format!("/credentials?achievement={achievement}")).json();
    assert_eq!(listed["items"].as_array().unwrap().len(), 1, "issued once: {listed}");

    let url = first.json()["url"].as_str().unwrap().to_string();
    let public = http("GET", &url, &[("Accept", "application/vc+ld+json")], None);
    let vc = public.json();
    let eu_context = "https://w3id.org/cairn/contexts/eu-microcredential/v1";
    assert!(vc["@context"].as_array().unwrap().iter().any(|c| c == eu_context), "{vc:#}");
    assert_eq!(cairn_verify(&issuer.url, "application/json", &public.body)["verified"], true);

    let Some(interop) = interop_dir("e2e: EU micro-credential in verifier-core") else { return };
    let context = http("GET", &format!("{}/contexts/eu-microcredential/v1", issuer.url), &[], None);
    assert_eq!(context.status, 200, "{}", context.text());
    let context_file = dir.path("eu-context.jsonld");
    std::fs::write(&context_file, &context.body).unwrap();
    let vc_file = dir.path("eu.json");
    std::fs::write(&vc_file, &public.body).unwrap();
    let result = verifier_core_mapped(&interop, &vc_file, &json!({eu_context: context_file}));
    eprintln!("verifier-core (EU micro-credential): checks={} errors={}", result["checks"], result["errors"]);
    let fetches = result["fetches"].as_array().unwrap();
    assert!(fetches.iter().any(|f| f["url"] == eu_context && f["outcome"] == "mapped 200"), "{fetches:?}");
    assert_eq!(result["verified"], true, "{result:#}");
    for check in ["valid_signature", "revocation_status", "expiration"] {
        assert_eq!(result["checks"][check], true, "{check}: {result:#}");
    }
    let (status, stderr) = server.terminate();
    assert_eq!(status.code(), Some(0), "{stderr}");
}
