//! Text for the standard Helvetica fonts: Windows-1252 encoding and the fonts' advance widths
//! (Adobe's AFM metrics, in 1/1000 em) for measuring, centring and wrapping.

use unicode_normalization::UnicodeNormalization as _;

/// Helvetica widths for ASCII 32..=126.
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584,
];

/// Helvetica-Bold widths for ASCII 32..=126.
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
    556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
    280, 389, 584,
];

/// Windows-1252 bytes 0x80..=0x9F and the characters they hold.
const CP1252_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

fn byte_of(c: char) -> Option<u8> {
    let n = u32::from(c);
    if (0x20..0x7F).contains(&n) || (0xA0..=0xFF).contains(&n) {
        return u8::try_from(n).ok();
    }
    CP1252_HIGH.iter().find(|(ch, _)| *ch == c).map(|(_, b)| *b)
}

/// `s` in Windows-1252 for a WinAnsiEncoding font: other letters lose their accents when the
/// base letter exists (`Ł` → `L`, `ő` → `o`), white space becomes a space, the rest `?`.
pub fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if c.is_whitespace() {
                return b' ';
            }
            if let Some(b) = byte_of(c) {
                return b;
            }
            let base = match c {
                'Ł' => 'L',
                'ł' => 'l',
                'Đ' => 'D',
                'đ' => 'd',
                'ı' => 'i',
                _ => c.nfd().next().unwrap_or('?'),
            };
            byte_of(base).unwrap_or(b'?')
        })
        .collect()
}

/// Advance width of `s` at `size` points.
pub fn width(s: &str, bold: bool, size: f32) -> f32 {
    let table = if bold { &BOLD } else { &REGULAR };
    let units: u32 = win_ansi(s)
        .into_iter()
        .map(|b| {
            // Accented Latin-1 letters are as wide as their base letter; other symbols ~ a digit.
            let base = if b >= 0x80 {
                char::from(b).nfd().next().map_or(b'0', |c| u8::try_from(c).unwrap_or(b'0'))
            } else {
                b
            };
            let i = usize::from(base.saturating_sub(32));
            u32::from(if (32..127).contains(&base) { table[i.min(94)] } else { 556 })
        })
        .sum();
    f32::from(u16::try_from(units.min(u32::from(u16::MAX))).unwrap_or(u16::MAX)) * size / 1000.0
}

/// Greedy word wrap of `s` into lines at most `max` points wide (a word wider than a line is
/// cut).
pub fn wrap(s: &str, bold: bool, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if width(&candidate, bold, size) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if width(&piece, bold, size) > max {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_encoded_for_win_ansi() {
        assert_eq!(win_ansi("Zoë Łukasz – “Ő” 日"), b"Zo\xEB Lukasz \x96 \x93O\x94 ?".to_vec());
        assert_eq!(win_ansi("a\nb"), b"a b".to_vec());
    }

    #[test]
    fn widths_follow_the_font_metrics() {
        assert!((width("Hello", false, 10.0) - 22.78).abs() < 0.01, "H722 e556 l222 l222 o556");
        assert!(width("Hello", true, 10.0) > width("Hello", false, 10.0));
        assert_eq!(width("é", false, 10.0), width("e", false, 10.0));
    }

    #[test]
    fn wrapping_keeps_every_line_within_the_width() {
        let s = "Reads, questions and explains data in a professional context with supervision";
        let lines = wrap(s, false, 12.0, 150.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| width(l, false, 12.0) <= 150.0));
        assert_eq!(lines.join(" "), s);
        assert!(wrap(&"x".repeat(100), false, 12.0, 50.0).iter().all(|l| width(l, false, 12.0) <= 50.0));
    }
}
