//! `application/vnd.amazon.eventstream`: the binary framing of SubscribeToShard's answer.
//!
//! ```text
//! total length (u32) | headers length (u32) | prelude CRC32 (of the 8 bytes before)
//! headers: name length (u8) | name | type 7 = string (u8) | value length (u16) | value   ... repeated
//! payload | message CRC32 (of everything before it)
//! ```
//! All integers big-endian; CRC32 is the IEEE polynomial (zlib's). The headers of an event are `:event-type`,
//! `:content-type` and `:message-type` (`event`); of an exception `:exception-type`, `:content-type` and
//! `:message-type` (`exception`).

/// A header value of type string.
const STRING_TYPE: u8 = 7;

/// One message: its headers (name, string value) and payload.
pub fn encode(headers: &[(&str, &str)], payload: &[u8]) -> Vec<u8> {
    let mut head = Vec::new();
    for (name, value) in headers {
        let name = &name.as_bytes()[..name.len().min(255)];
        let value = &value.as_bytes()[..value.len().min(u16::MAX as usize)];
        head.push(name.len() as u8);
        head.extend_from_slice(name);
        head.push(STRING_TYPE);
        head.extend_from_slice(&(value.len() as u16).to_be_bytes());
        head.extend_from_slice(value);
    }
    let total = 12 + head.len() + payload.len() + 4;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&(total as u32).to_be_bytes());
    out.extend_from_slice(&(head.len() as u32).to_be_bytes());
    let prelude_crc = crc32fast::hash(&out);
    out.extend_from_slice(&prelude_crc.to_be_bytes());
    out.extend_from_slice(&head);
    out.extend_from_slice(payload);
    let message_crc = crc32fast::hash(&out);
    out.extend_from_slice(&message_crc.to_be_bytes());
    out
}

/// An event message: `:event-type`, `:content-type`, `:message-type event`.
pub fn event(event_type: &str, content_type: &str, payload: &[u8]) -> Vec<u8> {
    encode(&[(":event-type", event_type), (":content-type", content_type), (":message-type", "event")], payload)
}

/// An exception message: `:exception-type`, `:content-type`, `:message-type exception`.
pub fn exception(exception_type: &str, content_type: &str, payload: &[u8]) -> Vec<u8> {
    encode(
        &[(":exception-type", exception_type), (":content-type", content_type), (":message-type", "exception")],
        payload,
    )
}

/// A decoded message (for tests and tools): its headers and payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub headers: Vec<(String, String)>,
    pub payload: Vec<u8>,
}

impl Message {
    /// The value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Why bytes are not an event-stream message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Fewer bytes than the message needs (read more, then try again).
    Incomplete,
    /// A length, a CRC or a header that does not fit.
    Malformed(&'static str),
}

/// Reads the first message of `bytes`; the message and how many bytes it took.
///
/// # Errors
/// [`DecodeError::Incomplete`] when `bytes` ends before the message; [`DecodeError::Malformed`] for a bad CRC, a
/// length that does not fit, or a header type other than string.
pub fn decode(bytes: &[u8]) -> Result<(Message, usize), DecodeError> {
    if bytes.len() < 12 {
        return Err(DecodeError::Incomplete);
    }
    let u32_at = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let total = u32_at(0) as usize;
    let head_len = u32_at(4) as usize;
    if crc32fast::hash(&bytes[..8]) != u32_at(8) {
        return Err(DecodeError::Malformed("prelude CRC"));
    }
    if total < 16 || head_len > total - 16 {
        return Err(DecodeError::Malformed("lengths"));
    }
    if bytes.len() < total {
        return Err(DecodeError::Incomplete);
    }
    if crc32fast::hash(&bytes[..total - 4]) != u32_at(total - 4) {
        return Err(DecodeError::Malformed("message CRC"));
    }
    let mut head = &bytes[12..12 + head_len];
    let mut headers = Vec::new();
    while !head.is_empty() {
        let name_len = head[0] as usize;
        if head.len() < 1 + name_len + 3 {
            return Err(DecodeError::Malformed("header"));
        }
        let name = String::from_utf8_lossy(&head[1..1 + name_len]).into_owned();
        if head[1 + name_len] != STRING_TYPE {
            return Err(DecodeError::Malformed("header type"));
        }
        let value_len = u16::from_be_bytes([head[2 + name_len], head[3 + name_len]]) as usize;
        let start = 4 + name_len;
        if head.len() < start + value_len {
            return Err(DecodeError::Malformed("header value"));
        }
        headers.push((name, String::from_utf8_lossy(&head[start..start + value_len]).into_owned()));
        head = &head[start + value_len..];
    }
    let payload = bytes[12 + head_len..total - 4].to_vec();
    Ok((Message { headers, payload }, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_round_trips_with_its_crcs() {
        let bytes = event("SubscribeToShardEvent", "application/x-amz-json-1.1", b"{\"Records\":[]}");
        let (message, used) = decode(&bytes).expect("decodes");
        assert_eq!(used, bytes.len());
        assert_eq!(message.header(":event-type"), Some("SubscribeToShardEvent"));
        assert_eq!(message.header(":message-type"), Some("event"));
        assert_eq!(message.payload, b"{\"Records\":[]}");
        assert_eq!(decode(&bytes[..bytes.len() - 1]), Err(DecodeError::Incomplete));
        let mut flipped = bytes.clone();
        let last = flipped.len() - 5;
        flipped[last] ^= 1;
        assert_eq!(decode(&flipped), Err(DecodeError::Malformed("message CRC")));
    }

    #[test]
    fn the_framing_matches_a_known_message() {
        // The event-stream specification's smallest example: no headers, no payload: 16 bytes, prelude CRC
        // 0x05c248eb, message CRC 0x7d98c8ff.
        let bytes = encode(&[], b"");
        assert_eq!(bytes, [0, 0, 0, 16, 0, 0, 0, 0, 0x05, 0xc2, 0x48, 0xeb, 0x7d, 0x98, 0xc8, 0xff]);
    }
}
