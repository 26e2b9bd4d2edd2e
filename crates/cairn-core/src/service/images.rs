//! Uploaded artwork (badge images, organisation logos): checked by content, not by the
//! name or type the browser sent, and kept as a `data:` URI in the definition or profile
//! (OB 3.0 allows `image.id` to be one), so a credential carries its artwork with it.

use base64::Engine as _;

use crate::Error;

/// The largest image accepted, in bytes.
pub const MAX_IMAGE_BYTES: usize = 512 * 1024;

/// The media type of PNG, JPEG or SVG content, by its first bytes.
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("image/jpeg");
    }
    let head = std::str::from_utf8(bytes.get(..bytes.len().min(1024))?).ok()?;
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let svg =
        head.starts_with("<svg") || ((head.starts_with("<?xml") || head.starts_with("<!--")) && head.contains("<svg"));
    svg.then_some("image/svg+xml")
}

/// An uploaded image as a `data:` URI; `field` names the form field in errors.
pub fn image_data_uri(field: &str, bytes: &[u8]) -> Result<String, Error> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(Error::invalid(field, format!("must be at most {} KB", MAX_IMAGE_BYTES / 1024)));
    }
    let media = sniff_image(bytes).ok_or_else(|| Error::invalid(field, "must be a PNG, JPEG or SVG image"))?;
    Ok(format!("data:{media};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes)))
}

/// Checks a `data:` URI of an image again (a form may send back the one it was given).
pub fn check_data_uri(field: &str, uri: &str) -> Result<String, Error> {
    let payload = uri
        .strip_prefix("data:")
        .and_then(|rest| rest.split_once(";base64,"))
        .map(|(_, b64)| b64)
        .ok_or_else(|| Error::invalid(field, "must be a PNG, JPEG or SVG image"))?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .map_err(|_| Error::invalid(field, "must be a PNG, JPEG or SVG image"))?;
    image_data_uri(field, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_recognised_by_content_and_size() {
        assert_eq!(sniff_image(b"\x89PNG\r\n\x1a\nrest"), Some("image/png"));
        assert_eq!(sniff_image(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff_image(b"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<svg xmlns=\"x\"/>"), Some("image/svg+xml"));
        assert_eq!(sniff_image(b"<html><svg/></html>"), None);
        assert_eq!(sniff_image(b"GIF89a"), None);
        assert_eq!(image_data_uri("image", b"<svg/>").unwrap(), "data:image/svg+xml;base64,PHN2Zy8+");
        let big = [b"\x89PNG\r\n\x1a\n".as_slice(), &vec![0u8; MAX_IMAGE_BYTES]].concat();
        assert!(matches!(image_data_uri("image", &big), Err(Error::Invalid { field, .. }) if field == "image"));
        assert!(matches!(image_data_uri("logo", b"text"), Err(Error::Invalid { field, .. }) if field == "logo"));
        assert_eq!(
            check_data_uri("image", "data:image/svg+xml;base64,PHN2Zy8+").unwrap(),
            "data:image/svg+xml;base64,PHN2Zy8+"
        );
        assert!(
            check_data_uri("image", "data:image/png;base64,PHNjcmlwdD4=").is_err(),
            "content decides, not the label"
        );
        assert!(check_data_uri("image", "javascript:alert(1)").is_err());
    }
}
