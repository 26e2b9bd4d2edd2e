//! Request body extractors whose failures are `ApiError`s naming the field at fault:
//! [`AppJson`] (JSON, required), [`OptionalJson`] (JSON or an empty body) and [`CsvBody`].

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::HeaderMap;
use cairn_core::Error;
use serde::de::DeserializeOwned;

use crate::ApiError;

/// A JSON body (`application/json` or any `+json` type), deserialized with the path of the
/// offending field in errors (`eu.eqf_level`, `evidence[0].url`).
#[derive(Debug)]
pub struct AppJson<T>(pub T);

/// Like [`AppJson`], but an empty body gives `T::default()`.
#[derive(Debug)]
pub struct OptionalJson<T>(pub T);

/// A `text/csv` body, as bytes.
#[derive(Debug)]
pub struct CsvBody(pub Bytes);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for AppJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = json_bytes(req, state).await?;
        parse_json(&bytes).map(Self)
    }
}

impl<T: DeserializeOwned + Default, S: Send + Sync> FromRequest<S> for OptionalJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = json_bytes(req, state).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self(T::default()));
        }
        parse_json(&bytes).map(Self)
    }
}

impl<S: Send + Sync> FromRequest<S> for CsvBody {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if media_type(req.headers()).is_none_or(|m| m != "text/csv") {
            return Err(Error::invalid("Content-Type", "must be text/csv").into());
        }
        read(req, state).await.map(Self)
    }
}

/// The body, after checking that a declared media type is JSON.
async fn json_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, ApiError> {
    if let Some(m) = media_type(req.headers()) {
        if m != "application/json" && !m.ends_with("+json") {
            return Err(Error::invalid("Content-Type", "must be application/json").into());
        }
    }
    read(req, state).await
}

async fn read<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, ApiError> {
    Bytes::from_request(req, state).await.map_err(|e| Error::invalid("body", e.body_text()).into())
}

/// The lower-cased media type of `Content-Type`, without parameters.
fn media_type(headers: &HeaderMap) -> Option<String> {
    let v = headers.get(CONTENT_TYPE)?.to_str().ok()?;
    Some(v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
}

/// Deserializes JSON; errors name the field (JSON path) and say what is wrong with it.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.to_string();
        // serde_json appends the position; the field name says more.
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m).to_string();
        let field = match inner.classify() {
            serde_json::error::Category::Data => data_error_field(&path, &message),
            _ => "body".to_string(),
        };
        ApiError(Error::Invalid { field, message })
    })
}

/// The field a data error is about: `missing field `x`` and `unknown field `x`` are reported
/// at the enclosing object, so the named key is appended to its path.
fn data_error_field(path: &str, message: &str) -> String {
    let named = ["missing field `", "unknown field `"]
        .iter()
        .find_map(|p| message.strip_prefix(p))
        .and_then(|rest| rest.split('`').next());
    match (path, named) {
        (".", Some(key)) => key.to_string(),
        (".", None) => "body".to_string(),
        (p, Some(key)) if !p.ends_with(key) => format!("{p}.{key}"),
        (p, _) => p.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        level: u8,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        #[serde(default)]
        items: Vec<Inner>,
    }

    fn field_of(json: &str) -> String {
        match parse_json::<Outer>(json.as_bytes()) {
            Err(ApiError(Error::Invalid { field, .. })) => field,
            other => panic!("expected an invalid-field error, got {other:?}"),
        }
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(field_of(r#"{}"#), "name");
        assert_eq!(field_of(r#"{"name": 3}"#), "name");
        assert_eq!(field_of(r#"{"name": "x", "colour": 1}"#), "colour");
        assert_eq!(field_of(r#"{"name": "x", "items": [{"level": 1}, {"level": "high"}]}"#), "items[1].level");
        assert_eq!(field_of(r#"{"name": "x", "items": [{}]}"#), "items[0].level");
        assert_eq!(field_of(r#"{"name": "x""#), "body");
    }
}
