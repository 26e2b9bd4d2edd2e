//! Files an earner takes away: a QR code that leads to verification, a PDF certificate that
//! carries it, and a zip of everything. Pure functions of their inputs, so they are tested
//! byte for byte where that is meaningful and by parsing the output elsewhere.

pub mod export;
pub mod pdf;
pub mod qr;
