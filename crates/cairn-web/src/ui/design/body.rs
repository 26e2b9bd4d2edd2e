//! A submitted form, url-encoded or multipart (with files), read the same way: the designer
//! and the profile form upload images, and work as plain forms without JavaScript.

use axum::extract::{FromRequest, Multipart, Request};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::Form;

use crate::AppState;

/// The fields (in order) and the non-empty files of a form.
pub struct FormData {
    fields: Vec<(String, String)>,
    files: Vec<(String, Vec<u8>)>,
}

impl FormData {
    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    /// The trimmed value of `name` when it is not blank.
    pub fn opt(&self, name: &str) -> Option<String> {
        let v = self.get(name).trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    /// Whether a checkbox `name` was ticked.
    pub fn checked(&self, name: &str) -> bool {
        self.fields.iter().any(|(k, _)| k == name)
    }

    /// The bytes of the file sent as `name`, when one was chosen.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files.iter().find(|(k, _)| k == name).map(|(_, b)| b.as_slice())
    }

    /// The row numbers `n` of fields named `<prefix><n>`, in increasing order.
    pub fn rows(&self, prefix: &str) -> Vec<usize> {
        let mut rows: Vec<usize> =
            self.fields.iter().filter_map(|(k, _)| k.strip_prefix(prefix)?.parse().ok()).collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }
}

impl FromRequest<AppState> for FormData {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let multipart = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if !multipart {
            let Form(fields) =
                Form::<Vec<(String, String)>>::from_request(req, state).await.map_err(IntoResponse::into_response)?;
            return Ok(FormData { fields, files: Vec::new() });
        }
        let mut parts = Multipart::from_request(req, state).await.map_err(IntoResponse::into_response)?;
        let (mut fields, mut files) = (Vec::new(), Vec::new());
        while let Some(field) = parts.next_field().await.map_err(IntoResponse::into_response)? {
            let name = field.name().unwrap_or_default().to_string();
            if field.file_name().is_some() {
                let bytes = field.bytes().await.map_err(IntoResponse::into_response)?;
                if !bytes.is_empty() {
                    files.push((name, bytes.to_vec()));
                }
            } else {
                fields.push((name, field.text().await.map_err(IntoResponse::into_response)?));
            }
        }
        Ok(FormData { fields, files })
    }
}
