//! Shard iterators: where a reader stands in a shard, as an opaque token.
//!
//! A position is a record counter: "the next record to return is the first retained one whose counter is at least
//! this". The five iterator types resolve to a counter when the iterator is made:
//!
//! | type | position |
//! |---|---|
//! | `TRIM_HORIZON` | the oldest retained record (the shard's tip when it holds none) |
//! | `LATEST` | the tip: only records written after the call are returned |
//! | `AT_SEQUENCE_NUMBER n` | the record numbered `n` (or the first after it) |
//! | `AFTER_SEQUENCE_NUMBER n` | the first record after `n` |
//! | `AT_TIMESTAMP t` | the first record that arrived at or after `t` (the tip if none did yet) |
//!
//! Tokens look like real ones: base64 of 8 bytes `00 .. 01` followed by 16-byte-aligned scrambled bytes, 152 bytes
//! or more depending on the stream name's length (at most 280 bytes, so at most 376 characters). The same state and
//! time always give the same token. A token is valid for 300 seconds of simulated time after it was issued.

use super::hash_key::md5_digest;
use crate::time::Millis;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// How long a shard iterator stays valid, in milliseconds.
pub const ITERATOR_TTL_MS: Millis = 300_000;

const PREFIX: [u8; 8] = [0, 0, 0, 0, 0, 0, 0, 1];
const VERSION: u8 = 1;

/// The five shard iterator types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ShardIteratorType {
    AtSequenceNumber,
    AfterSequenceNumber,
    TrimHorizon,
    Latest,
    AtTimestamp,
}

impl ShardIteratorType {
    /// In the service model's order.
    pub const ALL: [ShardIteratorType; 5] = [
        ShardIteratorType::AtSequenceNumber,
        ShardIteratorType::AfterSequenceNumber,
        ShardIteratorType::TrimHorizon,
        ShardIteratorType::Latest,
        ShardIteratorType::AtTimestamp,
    ];

    /// The wire name, e.g. `TRIM_HORIZON`.
    pub fn as_str(self) -> &'static str {
        match self {
            ShardIteratorType::AtSequenceNumber => "AT_SEQUENCE_NUMBER",
            ShardIteratorType::AfterSequenceNumber => "AFTER_SEQUENCE_NUMBER",
            ShardIteratorType::TrimHorizon => "TRIM_HORIZON",
            ShardIteratorType::Latest => "LATEST",
            ShardIteratorType::AtTimestamp => "AT_TIMESTAMP",
        }
    }

    /// Parses a wire name.
    pub fn parse(text: &str) -> Option<ShardIteratorType> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

/// What a shard iterator token carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IteratorToken {
    /// The stream's name.
    pub stream_name: String,
    /// When the stream was created: a token of a deleted and re-created stream must not work.
    pub stream_created_ms: Millis,
    /// The shard's index.
    pub shard_index: u32,
    /// The counter of the next record to return.
    pub position: u64,
    /// When the token was issued (it expires [`ITERATOR_TTL_MS`] later).
    pub issued_ms: Millis,
}

fn keystream(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 16);
    let mut block: u32 = 0;
    while out.len() < len {
        let seed = format!("kinesis-playground/shard-iterator/{block}");
        out.extend_from_slice(&md5_digest(&seed));
        block += 1;
    }
    out.truncate(len);
    out
}

impl IteratorToken {
    /// The opaque token text.
    pub fn encode(&self) -> String {
        let name = self.stream_name.as_bytes();
        let name_len = name.len().min(255);
        let mut plain = Vec::with_capacity(64 + name_len);
        plain.push(VERSION);
        plain.extend_from_slice(&self.issued_ms.to_be_bytes());
        plain.extend_from_slice(&self.stream_created_ms.to_be_bytes());
        plain.extend_from_slice(&self.shard_index.to_be_bytes());
        plain.extend_from_slice(&self.position.to_be_bytes());
        plain.push(name_len as u8);
        plain.extend_from_slice(&name[..name_len]);
        let total = 152 + (name_len + 2) / 16 * 16;
        let body_len = (total - PREFIX.len()).max(plain.len() + 4).div_ceil(16) * 16;
        plain.resize(body_len - 4, 0);
        // A tag byte below 0x40 (so the text starts `AAAAAAAAAAE`, as real tokens do), a 3-byte check, then the
        // scrambled fields.
        let check = md5_digest_bytes(&plain);
        let mut body = vec![check[0] & 0x3f];
        body.extend_from_slice(&check[1..4]);
        body.extend_from_slice(&plain);
        for (b, k) in body[1..].iter_mut().zip(keystream(body_len)) {
            *b ^= k;
        }
        let mut bytes = PREFIX.to_vec();
        bytes.extend_from_slice(&body);
        STANDARD.encode(bytes)
    }

    /// Reads a token; `None` for anything that is not a token this playground issued.
    pub fn decode(text: &str) -> Option<IteratorToken> {
        let bytes = STANDARD.decode(text).ok()?;
        if bytes.len() < 152 || bytes.len() > 400 || bytes[..8] != PREFIX || (bytes.len() - 8) % 16 != 0 {
            return None;
        }
        let mut body = bytes[8..].to_vec();
        let key = keystream(body.len());
        for (b, k) in body[1..].iter_mut().zip(key) {
            *b ^= k;
        }
        let (check, plain) = body.split_at(4);
        let expected = md5_digest_bytes(plain);
        if check[0] != expected[0] & 0x3f || check[1..] != expected[1..4] || plain[0] != VERSION {
            return None;
        }
        let i64_at = |at: usize| -> Option<i64> { Some(i64::from_be_bytes(plain.get(at..at + 8)?.try_into().ok()?)) };
        let issued_ms = i64_at(1)?;
        let stream_created_ms = i64_at(9)?;
        let shard_index = u32::from_be_bytes(plain.get(17..21)?.try_into().ok()?);
        let position = u64::from_be_bytes(plain.get(21..29)?.try_into().ok()?);
        let name_len = usize::from(*plain.get(29)?);
        let name = plain.get(30..30 + name_len)?;
        Some(IteratorToken {
            stream_name: String::from_utf8(name.to_vec()).ok()?,
            stream_created_ms,
            shard_index,
            position,
            issued_ms,
        })
    }
}

fn md5_digest_bytes(bytes: &[u8]) -> [u8; 16] {
    super::hash_key::md5(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(name: &str) -> IteratorToken {
        IteratorToken {
            stream_name: name.into(),
            stream_created_ms: 1_704_067_200_000,
            shard_index: 3,
            position: 42,
            issued_ms: 1_704_067_260_123,
        }
    }

    #[test]
    fn round_trips_and_looks_like_a_real_token() {
        for name in ["a", "DemoStream", &"x".repeat(128)] {
            let t = token(name);
            let text = t.encode();
            assert!(text.starts_with("AAAAAAAAAAE"), "{text}");
            assert!(text.len() <= 512);
            let raw = STANDARD.decode(&text).unwrap();
            assert_eq!(raw.len(), 152 + (name.len() + 2) / 16 * 16);
            assert_eq!(IteratorToken::decode(&text), Some(t.clone()));
            assert_eq!(t.encode(), text, "deterministic");
        }
    }

    #[test]
    fn rejects_tampering_and_garbage() {
        let text = token("DemoStream").encode();
        let mut raw = STANDARD.decode(&text).unwrap();
        raw[40] ^= 1;
        assert_eq!(IteratorToken::decode(&STANDARD.encode(&raw)), None);
        for bad in ["", "AAAAAAAAAAE", "not base64!", &"A".repeat(300)] {
            assert_eq!(IteratorToken::decode(bad), None);
        }
    }

    #[test]
    fn iterator_type_names() {
        for t in ShardIteratorType::ALL {
            assert_eq!(ShardIteratorType::parse(t.as_str()), Some(t));
        }
        assert_eq!(ShardIteratorType::parse("trim_horizon"), None);
    }
}
