//! View helpers shared by the public pages (`crate::ui::credential`, `issuer`, `achievement`):
//! reading OB JSON for people, and link-preview fields.

use serde_json::Value;

/// Open Graph / Twitter card fields.
pub struct Meta {
    /// Title.
    pub title: String,
    /// Description (at most 200 characters).
    pub description: String,
    /// Absolute image URL (empty: no image to preview).
    pub image: String,
    /// Canonical page URL.
    pub url: String,
}

/// A string member of an object.
pub fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

/// http(s) URLs only: nothing else becomes a link.
pub fn is_web_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// The image of an OB object (`image` as an object with `id`, or a string), when it is a web
/// URL or an image `data:` URI.
pub fn image_of(obj: &Value) -> Option<String> {
    let src = match obj.get("image") {
        Some(Value::String(s)) => s.clone(),
        Some(img) => text(img, "id")?,
        None => return None,
    };
    let data_image = ["data:image/png", "data:image/svg+xml", "data:image/jpeg", "data:image/gif", "data:image/webp"]
        .iter()
        .any(|p| src.starts_with(p));
    (is_web_url(&src) || data_image).then_some(src)
}
