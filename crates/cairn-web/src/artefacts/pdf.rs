//! The PDF certificate: one A4 landscape page with the badge artwork, the recipient, the
//! achievement, the issuer, the dates, the credential id and a QR code (also a clickable link)
//! that leads to the live verification. PDF 1.7 with the standard Helvetica fonts in
//! WinAnsiEncoding, so nothing is embedded but the artwork; characters outside Windows-1252
//! lose their accents (`Ł` → `L`) or become `?` (see [`win_ansi`]).

use cairn_core::Error;
use pdf_writer::types::{ActionType, AnnotationType, BorderType};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::qr;

mod text;
pub use text::{width, win_ansi, wrap};

/// What the certificate says; labels come translated from the caller.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// `Certificate of achievement` (translated).
    pub heading: String,
    /// `This certifies that` (translated).
    pub certifies: String,
    /// The earner's name, or a translated "The holder of this credential".
    pub recipient: String,
    /// `has earned` (translated).
    pub has_earned: String,
    /// Achievement name.
    pub achievement: String,
    /// Achievement description.
    pub description: String,
    /// Issuer name.
    pub issuer: String,
    /// `(label, value)` lines at the bottom left: issued, expires, credential id.
    pub facts: Vec<(String, String)>,
    /// Where the QR code leads (the live verification).
    pub verify_url: String,
    /// `Scan to verify` (translated).
    pub scan_label: String,
    /// Badge artwork as PNG bytes (drawn when it decodes).
    pub artwork_png: Option<Vec<u8>>,
}

const W: f32 = 842.0;
const H: f32 = 595.0;
const INK: (f32, f32, f32) = (0.106, 0.122, 0.141);
const MUTED: (f32, f32, f32) = (0.29, 0.32, 0.36);

/// Renders the certificate.
pub fn certificate(c: &Certificate) -> Result<Vec<u8>, Error> {
    let (catalog, pages, page, regular, bold, contents, link, info, image, mask) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
        Ref::new(7),
        Ref::new(8),
        Ref::new(9),
        Ref::new(10),
    );
    let art = c.artwork_png.as_deref().and_then(|png| decode_png(png).ok());
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(pages);
    pdf.pages(pages).kids([page]).count(1);
    let qr_box = Rect::new(W - 60.0 - 110.0, 52.0, W - 60.0, 162.0);
    {
        let mut p = pdf.page(page);
        p.media_box(Rect::new(0.0, 0.0, W, H)).parent(pages).contents(contents).annotations([link]);
        let mut res = p.resources();
        res.fonts().pair(Name(b"F1"), regular).pair(Name(b"F2"), bold);
        if art.is_some() {
            res.x_objects().pair(Name(b"Im1"), image);
        }
    }
    let mut a = pdf.annotation(link);
    a.subtype(AnnotationType::Link).rect(qr_box).contents(TextStr(&c.scan_label));
    a.action().action_type(ActionType::Uri).uri(Str(c.verify_url.as_bytes()));
    a.border_style().width(0.0).style(BorderType::Solid);
    a.finish();
    for (id, name) in [(regular, &b"Helvetica"[..]), (bold, &b"Helvetica-Bold"[..])] {
        pdf.type1_font(id).base_font(Name(name)).encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    if let Some(img) = &art {
        let mut x = pdf.image_xobject(image, &img.rgb);
        x.filter(Filter::FlateDecode);
        x.width(img.width).height(img.height).bits_per_component(8);
        x.color_space().device_rgb();
        if img.alpha.is_some() {
            x.s_mask(mask);
        }
        x.finish();
        if let Some(alpha) = &img.alpha {
            let mut m = pdf.image_xobject(mask, alpha);
            m.filter(Filter::FlateDecode);
            m.width(img.width).height(img.height).bits_per_component(8);
            m.color_space().device_gray();
            m.finish();
        }
    }
    let mut info_dict = pdf.document_info(info);
    info_dict.title(TextStr(&format!("{} — {}", c.achievement, c.recipient)));
    info_dict.author(TextStr(&c.issuer)).subject(TextStr(&c.heading)).creator(TextStr("Cairn"));
    info_dict.finish();
    let content = draw(c, art.is_some(), qr_box)?;
    pdf.stream(contents, &content);
    Ok(pdf.finish())
}

fn draw(c: &Certificate, has_art: bool, qr_box: Rect) -> Result<Vec<u8>, Error> {
    let mut k = Content::new();
    // Frame.
    k.set_stroke_rgb(0.114, 0.306, 0.847).set_line_width(2.5).rect(24.0, 24.0, W - 48.0, H - 48.0).stroke();
    k.set_stroke_rgb(MUTED.0, MUTED.1, MUTED.2).set_line_width(0.6).rect(32.0, 32.0, W - 64.0, H - 64.0).stroke();
    if has_art {
        k.save_state()
            .transform([88.0, 0.0, 0.0, 88.0, (W - 88.0) / 2.0, 462.0])
            .x_object(Name(b"Im1"))
            .restore_state();
    }
    let mut y = 440.0;
    centred(&mut k, &c.issuer, false, 13.0, MUTED, &mut y, 30.0);
    centred(&mut k, &c.heading, true, 26.0, INK, &mut y, 30.0);
    centred(&mut k, &c.certifies, false, 12.0, MUTED, &mut y, 30.0);
    centred(&mut k, &c.recipient, true, 22.0, INK, &mut y, 26.0);
    centred(&mut k, &c.has_earned, false, 12.0, MUTED, &mut y, 30.0);
    for line in wrap(&c.achievement, true, 20.0, 640.0).into_iter().take(2) {
        centred(&mut k, &line, true, 20.0, INK, &mut y, 24.0);
    }
    y -= 4.0;
    let desc = wrap(&c.description, false, 10.5, 600.0);
    let more = desc.len() > 3;
    for (i, line) in desc.into_iter().take(3).enumerate() {
        let line = if more && i == 2 { format!("{line} …") } else { line };
        centred(&mut k, &line, false, 10.5, MUTED, &mut y, 14.0);
    }
    // Facts, bottom left.
    let mut fy = 150.0;
    for (label, value) in &c.facts {
        text_at(&mut k, label, true, 9.0, MUTED, 60.0, fy);
        for line in wrap(value, false, 9.0, 420.0).into_iter().take(2) {
            text_at(&mut k, &line, false, 9.0, INK, 150.0, fy);
            fy -= 12.0;
        }
        fy -= 4.0;
    }
    // QR code, bottom right, with its caption.
    let m = qr::encode(&c.verify_url)?;
    let size = qr_box.x2 - qr_box.x1;
    let module = size / usize_f32(m.width + 2 * qr::QUIET);
    k.set_fill_rgb(0.0, 0.0, 0.0);
    for yy in 0..m.width {
        for xx in 0..m.width {
            if m.is_dark(xx, yy) {
                let x = qr_box.x1 + usize_f32(xx + qr::QUIET) * module;
                let top = qr_box.y2 - usize_f32(yy + qr::QUIET) * module;
                k.rect(x, top - module, module, module);
            }
        }
    }
    k.fill_nonzero();
    let cap = &c.scan_label;
    text_at(&mut k, cap, false, 9.0, MUTED, qr_box.x1 + (size - width(cap, false, 9.0)) / 2.0, qr_box.y1 - 6.0);
    Ok(k.finish())
}

fn usize_f32(n: usize) -> f32 {
    u16::try_from(n).map(f32::from).unwrap_or(f32::MAX)
}

fn centred(k: &mut Content, s: &str, bold: bool, size: f32, rgb: (f32, f32, f32), y: &mut f32, advance: f32) {
    if !s.is_empty() {
        text_at(k, s, bold, size, rgb, (W - width(s, bold, size)) / 2.0, *y);
    }
    *y -= advance;
}

fn text_at(k: &mut Content, s: &str, bold: bool, size: f32, rgb: (f32, f32, f32), x: f32, y: f32) {
    let font = if bold { Name(b"F2") } else { Name(b"F1") };
    k.set_fill_rgb(rgb.0, rgb.1, rgb.2);
    k.begin_text().set_font(font, size).next_line(x, y).show(Str(&win_ansi(s))).end_text();
}

/// A decoded PNG: RGB samples and optional alpha, each zlib-compressed for `FlateDecode`.
struct Decoded {
    width: i32,
    height: i32,
    rgb: Vec<u8>,
    alpha: Option<Vec<u8>>,
}

fn decode_png(png: &[u8]) -> Result<Decoded, Error> {
    let bad = |e: &dyn std::fmt::Display| Error::invalid("image", format!("is not a usable PNG: {e}"));
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| bad(&e))?;
    if reader.info().width > 4096 || reader.info().height > 4096 {
        return Err(Error::invalid("image", "is larger than 4096 × 4096 pixels"));
    }
    let mut buf = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut buf).map_err(|e| bad(&e))?;
    let px = &buf[..frame.buffer_size()];
    let (mut rgb, mut alpha) = (Vec::new(), Vec::new());
    match frame.color_type {
        png::ColorType::Rgba => px.chunks_exact(4).for_each(|p| {
            rgb.extend_from_slice(&p[..3]);
            alpha.push(p[3]);
        }),
        png::ColorType::Rgb => rgb.extend_from_slice(px),
        png::ColorType::GrayscaleAlpha => px.chunks_exact(2).for_each(|p| {
            rgb.extend_from_slice(&[p[0], p[0], p[0]]);
            alpha.push(p[1]);
        }),
        png::ColorType::Grayscale => px.iter().for_each(|g| rgb.extend_from_slice(&[*g, *g, *g])),
        png::ColorType::Indexed => return Err(bad(&"palette not expanded")),
    }
    let w = i32::try_from(frame.width).map_err(|e| bad(&e))?;
    let h = i32::try_from(frame.height).map_err(|e| bad(&e))?;
    Ok(Decoded {
        width: w,
        height: h,
        rgb: deflate(&rgb)?,
        alpha: (!alpha.is_empty()).then(|| deflate(&alpha)).transpose()?,
    })
}

fn deflate(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    use std::io::Write as _;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).map_err(|e| Error::Internal(format!("compressing an image: {e}")))?;
    z.finish().map_err(|e| Error::Internal(format!("compressing an image: {e}")))
}

#[cfg(test)]
mod tests;
