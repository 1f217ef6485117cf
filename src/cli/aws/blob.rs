//! Blob parameters under `--cli-binary-format`.
//!
//! - `base64` (CLI v2's default): the argument is base64-decoded like Python's `base64.b64decode(s)` (non-strict
//!   `binascii.a2b_base64`): characters outside the alphabet are silently dropped, decoding stops at a completing
//!   `=` pad, and a leftover partial quad is an error. So `{"a": 1}`-looking text may fail, or may silently become
//!   other bytes.
//! - `raw-in-base64-out`: the argument's UTF-8 bytes are the data.

use base64::Engine as _;

/// How blob arguments are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryFormat {
    /// Decode the argument as base64 (the v2 default).
    Base64,
    /// Use the argument's bytes as they are.
    RawInBase64Out,
}

/// Why a base64 argument could not be decoded (Python's `binascii.Error` text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base64Error(pub String);

/// Decodes like Python's `base64.b64decode(text)` (validate=False).
///
/// # Errors
/// `Incorrect padding`, or the "1 more than a multiple of 4" message, as binascii words them.
pub fn lenient_b64decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut quad_pos = 0u8;
    let mut left: u32 = 0;
    let mut pads = 0u32;
    let mut data_chars = 0usize;
    for b in text.bytes() {
        if b == b'=' {
            if quad_pos >= 2 {
                pads += 1;
                if u32::from(quad_pos) + pads >= 4 {
                    return Ok(out);
                }
            }
            continue;
        }
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        } as u32;
        data_chars += 1;
        match quad_pos {
            0 => {
                left = v;
                quad_pos = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
                quad_pos = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
                quad_pos = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
                quad_pos = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(Base64Error(format!(
            "Invalid base64-encoded string: number of data characters ({data_chars}) cannot be 1 more than a multiple of 4"
        ))),
        _ => Err(Base64Error("Incorrect padding".into())),
    }
}

/// Standard base64 with padding, as the wire carries blobs.
pub fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// True when `text` is exactly canonical base64 (what a careful user would have meant to pass).
pub fn is_canonical_base64(text: &str) -> bool {
    base64::engine::general_purpose::STANDARD.decode(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_like_python() {
        assert_eq!(lenient_b64decode("dGVzdGRhdGE=").unwrap(), b"testdata");
        assert_eq!(lenient_b64decode("dGVz dGRh\ndGE=").unwrap(), b"testdata");
        assert_eq!(lenient_b64decode("").unwrap(), b"");
        assert_eq!(lenient_b64decode("dGVzdA==junk").unwrap(), b"test");
        // JSON-looking text: only the alphabet characters count.
        assert_eq!(
            lenient_b64decode("{\"abcd\": 1}").unwrap_err().0,
            "Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4"
        );
        assert_eq!(lenient_b64decode("{abc}").unwrap_err().0, "Incorrect padding");
        assert_eq!(lenient_b64decode("{\"ab\": \"cd\"}").unwrap(), vec![0x69, 0xb7, 0x1d]);
    }
}
