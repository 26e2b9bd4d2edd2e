//! `Browser`: a cookie-keeping client over [`TestApp`] for the web interface tests. It reads
//! the anti-forgery token out of the last page, the way a browser's form would send it.

use std::collections::BTreeMap;

use crate::app::{Auth, TestApp, TestResponse};

/// A browser session against the in-process app.
pub struct Browser<'a> {
    /// The app.
    pub app: &'a TestApp,
    /// Cookies by name.
    pub cookies: BTreeMap<String, String>,
    /// Extra headers on every request (`accept-language`, `origin`…).
    pub headers: Vec<(String, String)>,
}

impl<'a> Browser<'a> {
    /// A browser with no cookies.
    pub fn new(app: &'a TestApp) -> Self {
        Self { app, cookies: BTreeMap::new(), headers: Vec::new() }
    }

    async fn send(&mut self, method: &str, path: &str, body: Option<(&str, Vec<u8>)>) -> TestResponse {
        let cookie = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        let mut headers: Vec<(&str, &str)> = self.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        if !cookie.is_empty() {
            headers.push(("cookie", cookie.as_str()));
        }
        let res = self.app.call(method, path, Auth::None, body, &headers).await;
        for v in res.headers.get_all("set-cookie") {
            let v = v.to_str().unwrap();
            let (kv, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (k, val) = kv.split_once('=').unwrap();
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_string(), val.to_string());
            }
        }
        res
    }

    /// GET a page.
    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.send("GET", path, None).await
    }

    /// POST a form (url-encoded) as given.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = fields.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect::<Vec<_>>().join("&");
        self.send("POST", path, Some(("application/x-www-form-urlencoded", body.into_bytes()))).await
    }

    #[allow(dead_code)] // used by the upload pages' tests
    /// POST a multipart form: `(name, filename (None for plain fields), content type, bytes)`.
    pub async fn post_multipart(&mut self, path: &str, parts: &[(&str, Option<&str>, &str, &[u8])]) -> TestResponse {
        let boundary = "cairn-test-boundary-7d1f";
        let mut body = Vec::new();
        for (name, filename, ct, bytes) in parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            match filename {
                Some(f) => body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: {ct}\r\n\r\n")
                        .as_bytes(),
                ),
                None => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
            }
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let ct = format!("multipart/form-data; boundary={boundary}");
        self.send("POST", path, Some((ct.as_str(), body))).await
    }

    /// GET `page`, then POST `action` with the page's anti-forgery token added to `fields`.
    pub async fn submit(&mut self, page: &str, action: &str, fields: &[(&str, &str)]) -> TestResponse {
        let html = text(&self.get(page).await);
        let csrf = csrf_of(&html);
        let mut all = fields.to_vec();
        all.push(("csrf", csrf.as_str()));
        self.post_form(action, &all).await
    }

    /// Signs up an earner account through the form.
    pub async fn sign_up(&mut self, email: &str, name: &str, password: &str) -> TestResponse {
        self.submit("/sign-up", "/sign-up", &[("email", email), ("name", name), ("password", password)]).await
    }

    /// Signs in through the form.
    pub async fn sign_in(&mut self, email: &str, password: &str) -> TestResponse {
        self.submit("/sign-in", "/sign-in", &[("email", email), ("password", password)]).await
    }
}

/// The body as text.
pub fn text(res: &TestResponse) -> String {
    String::from_utf8_lossy(&res.body).into_owned()
}

/// The first `name="csrf" value="…"` of a page.
pub fn csrf_of(html: &str) -> String {
    let i = html.find("name=\"csrf\" value=\"").unwrap_or_else(|| panic!("no csrf field in: {html}"));
    let rest = &html[i + "name=\"csrf\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// `Location` of a redirect.
pub fn location(res: &TestResponse) -> String {
    res.headers.get("location").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
