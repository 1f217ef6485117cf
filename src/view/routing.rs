//! Partition key -> MD5 -> 128-bit hash key -> position -> shard, step by step, for showing how routing works.

use crate::engine::hash_key::{fraction, hash_key_of, md5_hex, parse_hash_key, HashKeyRange};
use crate::engine::Stream;

/// Every step of routing one record.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutingSteps {
    /// The partition key as typed.
    pub partition_key: String,
    /// Its UTF-8 bytes in hex (what MD5 reads).
    pub utf8_hex: String,
    /// The MD5 digest in hex; `None` when an explicit hash key replaced it.
    pub md5_hex: Option<String>,
    /// The 128-bit hash key used for routing, in decimal.
    pub hash_key: String,
    /// Where that is in the space, from 0.0 to 1.0.
    pub fraction: f64,
    /// The open shard that owns it, with its range.
    pub shard: Option<(String, HashKeyRange)>,
}

/// Why routing could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoutingError {
    EmptyKey,
    KeyTooLong,
    BadExplicitHashKey,
}

impl RoutingError {
    /// A sentence for the learner.
    pub fn message(&self) -> &'static str {
        match self {
            RoutingError::EmptyKey => "A partition key needs at least one character.",
            RoutingError::KeyTooLong => "A partition key has at most 256 characters.",
            RoutingError::BadExplicitHashKey => {
                "An explicit hash key is a whole number from 0 to 2^128 - 1 (340282366920938463463374607431768211455)."
            }
        }
    }
}

/// Routes a partition key (and optional explicit hash key) through a stream's open shards.
pub fn route(
    stream: Option<&Stream>,
    partition_key: &str,
    explicit_hash_key: Option<&str>,
) -> Result<RoutingSteps, RoutingError> {
    if partition_key.is_empty() {
        return Err(RoutingError::EmptyKey);
    }
    if partition_key.chars().count() > 256 {
        return Err(RoutingError::KeyTooLong);
    }
    let explicit = match explicit_hash_key.map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => Some(parse_hash_key(text).ok_or(RoutingError::BadExplicitHashKey)?),
        None => None,
    };
    let hash = explicit.unwrap_or_else(|| hash_key_of(partition_key));
    Ok(RoutingSteps {
        partition_key: partition_key.to_owned(),
        utf8_hex: partition_key.bytes().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" "),
        md5_hex: explicit.is_none().then(|| md5_hex(partition_key)),
        hash_key: hash.to_string(),
        fraction: fraction(hash),
        shard: stream.and_then(|s| s.shard_for_hash_key(hash)).map(|s| (s.shard_id(), s.hash_key_range)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_step_by_step() {
        let r = route(None, "1", None).unwrap();
        assert_eq!(r.utf8_hex, "31");
        assert_eq!(r.md5_hex.as_deref(), Some("c4ca4238a0b923820dcc509a6f75849b"));
        assert_eq!(r.hash_key, "261578874264819908609102035485573088411");
        assert!((r.fraction - 0.7687).abs() < 0.001);
        assert_eq!(r.shard, None);
        let e = route(None, "1", Some("0")).unwrap();
        assert_eq!(e.md5_hex, None);
        assert_eq!(e.hash_key, "0");
        assert_eq!(route(None, "", None), Err(RoutingError::EmptyKey));
        assert_eq!(route(None, "k", Some("-1")), Err(RoutingError::BadExplicitHashKey));
        assert_eq!(route(None, &"x".repeat(257), None), Err(RoutingError::KeyTooLong));
    }
}
