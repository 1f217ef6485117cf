//! The identifiers every answer carries: `x-amzn-RequestId` (a UUID, as Kinesis sends) and `x-amz-id-2` (an opaque
//! base64 token of 72 bytes, as Kinesis sends beside it).
//!
//! They are derived from the server's seed and a request counter (MD5, no OS randomness), so a run with the same
//! seed and the same requests hands out the same identifiers; they are unique within one server.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use md5::{Digest, Md5};
use std::sync::atomic::{AtomicU64, Ordering};

/// Hands out request identifiers, one pair per answer. Shared by every connection.
#[derive(Debug)]
pub struct RequestIds {
    seed: u64,
    next: AtomicU64,
}

/// The identifiers of one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId {
    /// `x-amzn-RequestId`: a version-4-shaped UUID, `c6f0f0a2-41d8-4a3e-9d1c-0f6b1c2d3e4f`.
    pub request_id: String,
    /// `x-amz-id-2`: 72 bytes, base64.
    pub id_2: String,
}

impl RequestIds {
    /// Identifiers derived from `seed`.
    pub fn new(seed: u64) -> Self {
        RequestIds { seed, next: AtomicU64::new(0) }
    }

    /// The next pair.
    pub fn next(&self) -> RequestId {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let block = |part: u8| -> [u8; 16] {
            let mut h = Md5::new();
            h.update(self.seed.to_be_bytes());
            h.update(n.to_be_bytes());
            h.update([part]);
            h.finalize().into()
        };
        let mut u = block(0);
        u[6] = (u[6] & 0x0f) | 0x40; // version 4
        u[8] = (u[8] & 0x3f) | 0x80; // RFC 4122 variant
        let hex: String = u.iter().map(|b| format!("{b:02x}")).collect();
        let request_id = format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32]);
        let raw: Vec<u8> = (1..=5).flat_map(block).take(72).collect();
        RequestId { request_id, id_2: STANDARD.encode(raw) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn request_ids_are_uuids_and_unique() {
        let ids = RequestIds::new(7);
        let mut seen = HashSet::new();
        for _ in 0..1000 {
            let id = ids.next();
            let parts: Vec<&str> = id.request_id.split('-').collect();
            assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [8, 4, 4, 4, 12]);
            assert!(parts[2].starts_with('4'));
            assert!(matches!(parts[3].as_bytes()[0], b'8' | b'9' | b'a' | b'b'));
            assert_eq!(STANDARD.decode(&id.id_2).map(|b| b.len()).ok(), Some(72));
            assert!(seen.insert(id.request_id));
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_identifiers_and_another_seed_others() {
        let (a, b, c) = (RequestIds::new(1), RequestIds::new(1), RequestIds::new(2));
        let (x, y, z) = (a.next(), b.next(), c.next());
        assert_eq!(x, y);
        assert_ne!(x.request_id, z.request_id);
    }
}
