//! The issuer documents work for the DCC wallet's verifier: a Cairn server on loopback issues
//! a credential, `@digitalcredentials/verifier-core` (pinned in `interop/`) dereferences the
//! verification method at the issuer id and the status list, and reports the credential
//! valid — then revoked once Cairn revokes it. Skips loudly without Node or `interop/node_modules`.

use std::future::IntoFuture;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::pub_app::PubApp;

fn interop_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../interop");
    let node = std::process::Command::new("node").arg("--version").output();
    if node.map_or(true, |o| !o.status.success()) {
        eprintln!("SKIPPED: `node` not found (Node 20+ is needed): verifier-core interop");
        return None;
    }
    if !dir.join("node_modules").is_dir() {
        eprintln!(
            "SKIPPED: run npm ci --prefix interop ({} has no node_modules): verifier-core interop",
            dir.display()
        );
        return None;
    }
    Some(dir)
}

async fn verifier_core(interop: &Path, credential: &str) -> Value {
    let scratch = tempfile::tempdir().unwrap();
    let file = scratch.path().join("credential.json");
    std::fs::write(&file, credential).unwrap();
    let out = tokio::process::Command::new("node")
        .arg(interop.join("verify.mjs"))
        .arg(&file)
        .env_remove("CAIRN_URL_MAP")
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line =
        stdout.lines().next().unwrap_or_else(|| panic!("no output; stderr: {}", String::from_utf8_lossy(&out.stderr)));
    serde_json::from_str(line).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verifier_core_verifies_then_sees_the_revocation() {
    let Some(interop) = interop_dir() else { return };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let app = PubApp::with_base(&base).await;
    let server = tokio::spawn(axum::serve(listener, app.router.clone()).into_future());

    let record = app.issue(&app.achievement(crate::pub_app::definition("Interop", None)).await).await;
    let result = verifier_core(&interop, &record.json).await;
    let fetched: Vec<&str> = result["fetches"].as_array().unwrap().iter().filter_map(|f| f["url"].as_str()).collect();
    assert!(fetched.iter().any(|u| u.starts_with(&format!("{base}/issuers/acme"))), "{fetched:?}");
    assert!(fetched.iter().any(|u| u.starts_with(&format!("{base}/status/"))), "{fetched:?}");
    assert_eq!(result["checks"]["valid_signature"], true, "{:#}", result["errors"]);
    assert_eq!(result["checks"]["revocation_status"], true, "{:#}", result["errors"]);
    assert_eq!(result["verified"], true, "{:#}", result["errors"]);

    app.revoke(&record).await;
    let result = verifier_core(&interop, &record.json).await;
    assert_eq!(result["checks"]["valid_signature"], true);
    assert_eq!(result["checks"]["revocation_status"], false, "{:#}", result["errors"]);
    assert_eq!(result["verified"], false);
    server.abort();
}
