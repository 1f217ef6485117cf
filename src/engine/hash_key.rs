//! Partition key -> MD5 -> 128-bit hash key -> shard.
//!
//! Kinesis hashes the UTF-8 bytes of a partition key with MD5 and reads the 16-byte digest as a big-endian unsigned
//! 128-bit integer: the *hash key*. Every open shard owns an inclusive range `[StartingHashKey, EndingHashKey]` of the
//! space `[0, 2^128 - 1]`, and a record goes to the open shard whose range holds its hash key. An `ExplicitHashKey`
//! (a decimal string) replaces the MD5 value for routing only.

/// The largest hash key, 2^128 - 1.
pub const MAX_HASH_KEY: u128 = u128::MAX;

/// An inclusive range of hash keys owned by one shard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HashKeyRange {
    pub starting_hash_key: u128,
    pub ending_hash_key: u128,
}

impl HashKeyRange {
    /// The whole hash key space.
    pub const FULL: HashKeyRange = HashKeyRange { starting_hash_key: 0, ending_hash_key: MAX_HASH_KEY };

    /// Whether `hash_key` falls inside the range (both ends included).
    pub fn contains(&self, hash_key: u128) -> bool {
        self.starting_hash_key <= hash_key && hash_key <= self.ending_hash_key
    }

    /// The number of hash keys in the range minus one (the width would overflow for the full space).
    pub fn span(&self) -> u128 {
        self.ending_hash_key - self.starting_hash_key
    }

    /// The key that splits the range into two halves of equal size (the second half starts here).
    pub fn midpoint(&self) -> u128 {
        self.starting_hash_key + self.span() / 2 + 1
    }

    /// Where the range starts, as a fraction of the whole space (0.0 to 1.0), for drawing.
    pub fn start_fraction(&self) -> f64 {
        fraction(self.starting_hash_key)
    }

    /// Where the range ends, as a fraction of the whole space (0.0 to 1.0), for drawing.
    pub fn end_fraction(&self) -> f64 {
        (self.ending_hash_key as f64 + 1.0) / 2f64.powi(128)
    }
}

/// A hash key's position in the space as a fraction from 0.0 to 1.0, for drawing.
pub fn fraction(hash_key: u128) -> f64 {
    hash_key as f64 / 2f64.powi(128)
}

/// The MD5 digest of a partition key's UTF-8 bytes.
pub fn md5_digest(partition_key: &str) -> [u8; 16] {
    md5(partition_key.as_bytes())
}

/// The MD5 digest of `bytes`, through md-5's block function directly: the padding is done here, on the stack, so
/// the generic `Digest` machinery (buffering, an extra copy per block) stays out of the hot path of every PutRecord
/// and out of the page's wasm, and the block function is built at opt-level 3 (Cargo.toml's
/// `[profile.release.package.md-5]`) while the rest of the page is built for size.
pub fn md5(bytes: &[u8]) -> [u8; 16] {
    let mut state = [0x6745_2301u32, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    let mut blocks = bytes.chunks_exact(64);
    for block in &mut blocks {
        let mut b = [0u8; 64];
        b.copy_from_slice(block);
        md5::block_api::compress(&mut state, &[b]);
    }
    // The tail, the 0x80 marker and the bit length (little-endian) fill one block, or two when the tail is longer
    // than 55 bytes.
    let tail = blocks.remainder();
    let mut last = [[0u8; 64]; 2];
    let used = if tail.len() < 56 { 1 } else { 2 };
    {
        let flat = last.as_flattened_mut();
        flat[..tail.len()].copy_from_slice(tail);
        flat[tail.len()] = 0x80;
        let bits = (bytes.len() as u64).wrapping_mul(8);
        flat[used * 64 - 8..used * 64].copy_from_slice(&bits.to_le_bytes());
    }
    md5::block_api::compress(&mut state, &last[..used]);
    let mut out = [0u8; 16];
    for (chunk, word) in out.chunks_exact_mut(4).zip(state) {
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    out
}

/// The 128-bit hash key of a partition key: its MD5 digest read as a big-endian unsigned integer.
pub fn hash_key_of(partition_key: &str) -> u128 {
    u128::from_be_bytes(md5_digest(partition_key))
}

/// The MD5 digest as 32 lowercase hex digits, for showing the routing step by step.
pub fn md5_hex(partition_key: &str) -> String {
    format!("{:032x}", hash_key_of(partition_key))
}

/// Parses a decimal hash key (`ExplicitHashKey`, `NewStartingHashKey`); `None` when it is not a decimal number in
/// `[0, 2^128 - 1]`.
pub fn parse_hash_key(text: &str) -> Option<u128> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u128>().ok()
}

/// The ranges CreateStream gives `n` shards: width `floor(2^128 / n)`, the last shard absorbing the remainder.
/// Returns an empty list for `n == 0`.
pub fn even_ranges(n: u32) -> Vec<HashKeyRange> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![HashKeyRange::FULL];
    }
    // floor(2^128 / n) computed without overflow: (2^128 - 1) / n, plus one if n divides 2^128 exactly.
    let n128 = u128::from(n);
    let width = MAX_HASH_KEY / n128 + u128::from(MAX_HASH_KEY % n128 == n128 - 1);
    (0..n128)
        .map(|i| HashKeyRange {
            starting_hash_key: i * width,
            ending_hash_key: if i + 1 == n128 { MAX_HASH_KEY } else { (i + 1) * width - 1 },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_agrees_with_the_digest_api_at_every_length_around_the_block_edges() {
        use md5::{Digest, Md5};
        let bytes: Vec<u8> = (0..300u32).map(|i| (i.wrapping_mul(131) % 251) as u8).collect();
        for len in 0..bytes.len() {
            let expected: [u8; 16] = Md5::digest(&bytes[..len]).into();
            assert_eq!(md5(&bytes[..len]), expected, "length {len}");
        }
    }

    #[test]
    fn md5_examples_from_the_spec() {
        assert_eq!(md5_hex("1"), "c4ca4238a0b923820dcc509a6f75849b");
        assert_eq!(hash_key_of("1"), 261578874264819908609102035485573088411);
        assert_eq!(hash_key_of("a"), 16955237001963240173058271559858726497);
        assert_eq!(hash_key_of("b"), 195289424170611159128911017612795795343);
        assert_eq!(hash_key_of("123"), 42767516990368493138776584305024125808);
        assert_eq!(hash_key_of("4"), 223974724102701384270894320508706361900);
    }

    #[test]
    fn create_stream_ranges_match_the_spec_table() {
        let r3 = even_ranges(3);
        assert_eq!(r3[0].ending_hash_key, 113427455640312821154458202477256070484);
        assert_eq!(r3[1].starting_hash_key, 113427455640312821154458202477256070485);
        assert_eq!(r3[1].ending_hash_key, 226854911280625642308916404954512140969);
        assert_eq!(r3[2].starting_hash_key, 226854911280625642308916404954512140970);
        assert_eq!(r3[2].ending_hash_key, MAX_HASH_KEY);
        let r2 = even_ranges(2);
        assert_eq!(r2[0].ending_hash_key, 170141183460469231731687303715884105727);
        let r4 = even_ranges(4);
        assert_eq!(r4[1].starting_hash_key, 85070591730234615865843651857942052864);
        assert_eq!(r4[3].starting_hash_key, 255211775190703847597530955573826158592);
        assert_eq!(even_ranges(1), vec![HashKeyRange::FULL]);
        assert!(even_ranges(0).is_empty());
    }

    #[test]
    fn ranges_partition_the_space_for_many_counts() {
        for n in [1u32, 2, 3, 5, 7, 16, 100, 1000, 9999] {
            let r = even_ranges(n);
            assert_eq!(r.len(), n as usize);
            assert_eq!(r[0].starting_hash_key, 0);
            assert_eq!(r.last().unwrap().ending_hash_key, MAX_HASH_KEY);
            for w in r.windows(2) {
                assert_eq!(w[0].ending_hash_key + 1, w[1].starting_hash_key);
            }
        }
    }

    #[test]
    fn parse_and_midpoint() {
        assert_eq!(parse_hash_key("0"), Some(0));
        assert_eq!(parse_hash_key("340282366920938463463374607431768211455"), Some(MAX_HASH_KEY));
        assert_eq!(parse_hash_key("340282366920938463463374607431768211456"), None);
        assert_eq!(parse_hash_key("-1"), None);
        assert_eq!(parse_hash_key(""), None);
        assert_eq!(HashKeyRange::FULL.midpoint(), 170141183460469231731687303715884105728);
    }
}
