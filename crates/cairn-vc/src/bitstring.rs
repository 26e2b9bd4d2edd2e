//! W3C Bitstring Status List encoding: the `encodedList` of a `BitstringStatusList`.
//!
//! Bit 0 is the most significant bit of byte 0; an entry of `status_size` bits for
//! `statusListIndex` i starts at bit `i × status_size`. The wire form is GZIP (RFC 1952),
//! then base64url without padding, then the multibase prefix `u`.

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::{Read as _, Write as _};

/// Minimum number of entries in a status list (herd privacy), whatever the status size.
pub const MIN_STATUS_LIST_BITS: usize = 131_072;

/// Largest status size (bits per entry) that [`Bitstring::get_value`] can return.
pub const MAX_STATUS_SIZE: usize = 64;

/// base64url that accepts input with or without `=` padding.
const URL_SAFE_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A status-list failure, named after the W3C Bitstring Status List error codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatusListError {
    /// `RANGE_ERROR`: the entry lies outside the list.
    #[error("RANGE_ERROR: entry {index} (status size {status_size}) lies outside the {len_bits}-bit status list")]
    Range {
        /// The requested index.
        index: usize,
        /// Bits per entry.
        status_size: usize,
        /// Length of the list in bits.
        len_bits: usize,
    },
    /// `STATUS_LIST_LENGTH_ERROR`: fewer entries than [`MIN_STATUS_LIST_BITS`].
    #[error("STATUS_LIST_LENGTH_ERROR: the status list has {entries} entries, fewer than the required {MIN_STATUS_LIST_BITS}")]
    TooShort {
        /// Entries in the list (`bits / status_size`).
        entries: usize,
    },
    /// `MALFORMED_VALUE_ERROR`: bad encoding, bad gzip, too large, or a bad status size.
    #[error("MALFORMED_VALUE_ERROR: {0}")]
    Malformed(String),
}

impl StatusListError {
    /// The W3C error code: `RANGE_ERROR`, `STATUS_LIST_LENGTH_ERROR` or `MALFORMED_VALUE_ERROR`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Range { .. } => "RANGE_ERROR",
            Self::TooShort { .. } => "STATUS_LIST_LENGTH_ERROR",
            Self::Malformed(_) => "MALFORMED_VALUE_ERROR",
        }
    }
}

/// A status list's bits, most significant bit first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitstring {
    bytes: Vec<u8>,
    bits: usize,
}

impl Bitstring {
    /// An all-zero bitstring of `bits` bits (rounded up to whole bytes in the encoding).
    pub fn new(bits: usize) -> Self {
        Self { bytes: vec![0; bits.div_ceil(8)], bits }
    }

    /// A bitstring over stored bytes (`len_bits` = 8 × their number).
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        let bits = bytes.len() * 8;
        Self { bytes, bits }
    }

    /// Length in bits (a decoded list is always a whole number of bytes).
    pub fn len_bits(&self) -> usize {
        self.bits
    }

    /// The raw bytes, bit 0 being the most significant bit of the first byte.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bit at `index`.
    pub fn get(&self, index: usize) -> Result<bool, StatusListError> {
        let (byte, mask) = self.locate(index, 1, index)?;
        Ok(byte & mask != 0)
    }

    /// Sets or clears the bit at `index`.
    pub fn set(&mut self, index: usize, on: bool) -> Result<(), StatusListError> {
        let mask = 0x80 >> (index % 8);
        let byte = self
            .bytes
            .get_mut(index / 8)
            .filter(|_| index < self.bits)
            .ok_or_else(|| self_range(index, 1, self.bits))?;
        if on {
            *byte |= mask;
        } else {
            *byte &= !mask;
        }
        Ok(())
    }

    /// The `status_size`-bit value of entry `index` (bits `index × status_size ..`), read
    /// most significant bit first.
    pub fn get_value(&self, index: usize, status_size: usize) -> Result<u64, StatusListError> {
        let start = self.entry_start(index, status_size)?;
        let mut value = 0u64;
        for bit in start..start + status_size {
            let (byte, mask) = self.locate(bit, status_size, index)?;
            value = (value << 1) | u64::from(byte & mask != 0);
        }
        Ok(value)
    }

    /// Writes the `status_size`-bit `value` of entry `index`; `value` must fit in the size.
    pub fn set_value(&mut self, index: usize, status_size: usize, value: u64) -> Result<(), StatusListError> {
        let start = self.entry_start(index, status_size)?;
        if status_size < 64 && value >> status_size != 0 {
            return Err(StatusListError::Malformed(format!("value {value} does not fit in {status_size} bit(s)")));
        }
        for (i, bit) in (start..start + status_size).enumerate() {
            let shift = status_size - 1 - i;
            self.set(bit, (value >> shift) & 1 == 1)?;
        }
        Ok(())
    }

    /// Raises `STATUS_LIST_LENGTH_ERROR` when the list has fewer than
    /// [`MIN_STATUS_LIST_BITS`] entries of `status_size` bits.
    pub fn check_min_length(&self, status_size: usize) -> Result<(), StatusListError> {
        check_status_size(status_size)?;
        let entries = self.bits / status_size;
        if entries < MIN_STATUS_LIST_BITS {
            return Err(StatusListError::TooShort { entries });
        }
        Ok(())
    }

    /// GZIP-compresses the bytes and returns `u` + base64url without padding.
    pub fn encode(&self) -> Result<String, StatusListError> {
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&self.bytes)
            .and_then(|()| gz.finish())
            .map(|compressed| format!("u{}", URL_SAFE_NO_PAD.encode(compressed)))
            .map_err(|e| StatusListError::Malformed(format!("gzip compression failed: {e}")))
    }

    /// Decodes an `encodedList`: multibase `u` + base64url (plain base64url without the
    /// prefix, as older lists use, is accepted too; padding optional), then GZIP.
    /// Refuses lists that decompress to more than `max_decompressed` bytes.
    pub fn decode(encoded: &str, max_decompressed: usize) -> Result<Self, StatusListError> {
        let text = encoded.trim();
        // A gzip stream in base64 starts with "H4sI", so a leading 'u' is always the prefix.
        let body = text.strip_prefix('u').unwrap_or(text);
        let compressed = URL_SAFE_LENIENT
            .decode(body)
            .map_err(|e| StatusListError::Malformed(format!("encodedList is not base64url: {e}")))?;
        if !compressed.starts_with(&[0x1f, 0x8b]) {
            return Err(StatusListError::Malformed("encodedList is not GZIP data (no 1f 8b header)".into()));
        }
        let limit = u64::try_from(max_decompressed).unwrap_or(u64::MAX).saturating_add(1);
        let mut bytes = Vec::new();
        GzDecoder::new(compressed.as_slice())
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| StatusListError::Malformed(format!("encodedList is not valid GZIP: {e}")))?;
        if bytes.len() > max_decompressed {
            return Err(StatusListError::Malformed(format!(
                "encodedList decompresses to more than {max_decompressed} bytes"
            )));
        }
        if bytes.is_empty() {
            return Err(StatusListError::Malformed("encodedList decompresses to an empty list".into()));
        }
        let bits = bytes
            .len()
            .checked_mul(8)
            .ok_or_else(|| StatusListError::Malformed("encodedList is too large to address".into()))?;
        Ok(Self { bytes, bits })
    }

    /// First bit of entry `index`, checking the status size and that the entry fits.
    fn entry_start(&self, index: usize, status_size: usize) -> Result<usize, StatusListError> {
        check_status_size(status_size)?;
        index
            .checked_mul(status_size)
            .filter(|start| start.checked_add(status_size).is_some_and(|end| end <= self.bits))
            .ok_or_else(|| self_range(index, status_size, self.bits))
    }

    /// The byte holding `bit` and the mask selecting it; out of range reports `entry`.
    fn locate(&self, bit: usize, status_size: usize, entry: usize) -> Result<(u8, u8), StatusListError> {
        let byte = self
            .bytes
            .get(bit / 8)
            .filter(|_| bit < self.bits)
            .ok_or_else(|| self_range(entry, status_size, self.bits))?;
        Ok((*byte, 0x80 >> (bit % 8)))
    }
}

fn self_range(index: usize, status_size: usize, len_bits: usize) -> StatusListError {
    StatusListError::Range { index, status_size, len_bits }
}

fn check_status_size(status_size: usize) -> Result<(), StatusListError> {
    if status_size == 0 || status_size > MAX_STATUS_SIZE {
        return Err(StatusListError::Malformed(format!(
            "statusSize {status_size} is not between 1 and {MAX_STATUS_SIZE}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_bit_values_round_trip_msb_first() {
        let mut list = Bitstring::new(16);
        list.set_value(1, 4, 0b1010).unwrap();
        assert_eq!(list.as_bytes(), &[0b0000_1010, 0]);
        assert_eq!(list.get_value(1, 4).unwrap(), 0b1010);
        assert_eq!(list.get_value(3, 4).unwrap(), 0);
        assert_eq!(list.get_value(4, 4).unwrap_err().code(), "RANGE_ERROR");
        assert!(list.set_value(0, 2, 4).is_err());
        assert_eq!(list.get_value(0, 0).unwrap_err().code(), "MALFORMED_VALUE_ERROR");
    }

    #[test]
    fn huge_index_is_a_range_error_not_an_overflow() {
        let list = Bitstring::new(8);
        assert_eq!(list.get_value(usize::MAX, 8).unwrap_err().code(), "RANGE_ERROR");
        assert_eq!(list.get(usize::MAX).unwrap_err().code(), "RANGE_ERROR");
    }
}
