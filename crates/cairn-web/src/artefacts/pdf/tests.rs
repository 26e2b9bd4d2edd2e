//! The certificate read back: bytes, Poppler's text, and the QR code through zbar.
use super::*;

pub(crate) fn sample(art: Option<Vec<u8>>) -> Certificate {
    Certificate {
        heading: "Certificate of achievement".into(),
        certifies: "This certifies that".into(),
        recipient: "Zoë Łukasz (Data)".into(),
        has_earned: "has earned".into(),
        achievement: "Data Literacy: reading, questioning and explaining data".into(),
        description: "Reads, questions and explains data. ".repeat(8),
        issuer: "Example University".into(),
        facts: vec![
            ("Issued".into(), "1 March 2025".into()),
            ("Credential".into(), "https://badges.example.edu/credentials/0191f6c8-7d2a".into()),
        ],
        verify_url: "https://badges.example.edu/credentials/0191f6c8-7d2a".into(),
        scan_label: "Scan to verify".into(),
        artwork_png: art,
    }
}

fn one_pixel_png() -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, 2, 2);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(&[255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 9, 9, 9, 255]).unwrap();
    drop(w);
    out
}

#[test]
fn the_certificate_carries_the_text_the_link_and_the_artwork() {
    let pdf = certificate(&sample(Some(one_pixel_png()))).unwrap();
    let s = String::from_utf8_lossy(&pdf);
    assert!(pdf.starts_with(b"%PDF-1.7") && s.trim_end().ends_with("%%EOF"));
    let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
    // Strings with bytes above 0x7F are written in hex: "Zo\xEB Lukasz (Data)" in WinAnsi.
    assert!(has(b"<5A6FEB204C756B61737A20284461746129> Tj"), "recipient in WinAnsi");
    assert!(has(b"/URI (https://badges.example.edu/credentials/0191f6c8-7d2a)"));
    assert!(has(b"/Subtype /Image") && has(b"/SMask"), "artwork with its alpha channel");
    assert!(has(b"/BaseFont /Helvetica-Bold"));
    // Without artwork (or with bytes that are not a PNG) the page is drawn without an image.
    let plain = certificate(&sample(Some(b"not a png".to_vec()))).unwrap();
    assert!(!plain.windows(16).any(|w| w == b"/Subtype /Image "));
}

/// Poppler, when installed, must read the page back (skipped loudly otherwise).
#[test]
fn poppler_reads_the_certificate() {
    let Ok(out) = std::process::Command::new("pdftotext").arg("-v").output() else {
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed");
        return;
    };
    assert!(out.status.success() || !out.stderr.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.pdf");
    std::fs::write(&path, certificate(&sample(Some(one_pixel_png()))).unwrap()).unwrap();
    let text = std::process::Command::new("pdftotext").arg(&path).arg("-").output().unwrap();
    assert!(text.status.success(), "{}", String::from_utf8_lossy(&text.stderr));
    let text = String::from_utf8_lossy(&text.stdout);
    for needle in [
        "Certificate of achievement",
        "Zoë Lukasz (Data)",
        "Data Literacy",
        "Example University",
        "Scan to verify",
        "1 March 2025",
    ] {
        assert!(text.contains(needle), "{needle} missing from: {text}");
    }
    // A QR reader (zbar), when installed, reads the verification URL off the rendered page.
    let rendered = dir.path().join("page");
    let ppm = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "150", "-singlefile"])
        .arg(&path)
        .arg(&rendered)
        .output()
        .unwrap();
    assert!(ppm.status.success());
    match std::process::Command::new("zbarimg").args(["-q", "--raw"]).arg(dir.path().join("page.png")).output() {
        Ok(out) => assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), sample(None).verify_url),
        Err(_) => eprintln!("SKIPPED: zbarimg (zbar-tools) is not installed; the QR code was not read back"),
    }
}
