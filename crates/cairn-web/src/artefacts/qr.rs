//! QR codes (ISO/IEC 18004, error correction M, 4-module quiet zone) as module matrices, SVG
//! for pages, and PDF drawing operators for the certificate.

use cairn_core::Error;
use qrcode::{Color, EcLevel, QrCode};

/// Modules of quiet zone around the symbol.
pub const QUIET: usize = 4;

/// A QR symbol: `width × width` modules, `true` = dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// Modules per side (without the quiet zone).
    pub width: usize,
    /// Row-major modules.
    pub dark: Vec<bool>,
}

impl Matrix {
    /// Whether the module at (x, y) is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

/// Encodes `data` (a URL) at error-correction level M.
pub fn encode(data: &str) -> Result<Matrix, Error> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)
        .map_err(|e| Error::invalid("url", format!("cannot be put in a QR code: {e}")))?;
    let dark = code.to_colors().into_iter().map(|c| c == Color::Dark).collect();
    Ok(Matrix { width: code.width(), dark })
}

/// An SVG image of the QR code for `data`, one path of unit squares, labelled for screen
/// readers with `label` (escaped here).
pub fn svg(data: &str, label: &str) -> Result<String, Error> {
    let m = encode(data)?;
    let size = m.width + 2 * QUIET;
    let mut path = String::new();
    for y in 0..m.width {
        for x in 0..m.width {
            if m.is_dark(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + QUIET, y + QUIET));
            }
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\" \
         shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>",
        escape_attr(label)
    ))
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_gives_a_square_symbol_with_finder_patterns() {
        let m = encode("https://badges.example.edu/credentials/0191f6c8-7d2a-7c3e-9a51-6f2b8e0c4d11").unwrap();
        assert_eq!(m.dark.len(), m.width * m.width);
        assert_eq!((m.width - 17) % 4, 0, "a QR version's width is 17 + 4v");
        // The three finder patterns: dark 7×7 outer rings at three corners.
        for (ox, oy) in [(0, 0), (m.width - 7, 0), (0, m.width - 7)] {
            assert!(m.is_dark(ox, oy) && m.is_dark(ox + 6, oy + 6) && !m.is_dark(ox + 1, oy + 1));
            assert!(m.is_dark(ox + 3, oy + 3), "centre of a finder is dark");
        }
        let svg = svg("https://x.example/", "Scan <me> & \"verify\"").unwrap();
        assert!(svg.contains("aria-label=\"Scan &lt;me&gt; &amp; &quot;verify&quot;\""));
        assert!(
            svg.starts_with("<svg") && svg.contains("M4 4h1v1h-1z"),
            "top-left finder module at the quiet-zone offset"
        );
    }
}
