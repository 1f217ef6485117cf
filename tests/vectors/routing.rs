// Routing and sequence-number vectors, shared by the native test (tests/shared_vectors.rs) and the browser test
// (tests/web.rs) through `#[path]`, so both targets check exactly the same numbers. Values from spec/kinesis.md
// and the engine's unit tests. u128 and 256-bit arithmetic are where wasm32 and x86_64 could differ.

use kinesis_playground::engine::hash_key::{even_ranges, hash_key_of, md5_hex};
use kinesis_playground::engine::sequence::SequenceNumber;

/// Partition key -> MD5 as 32 hex digits.
pub const MD5_HEX: &[(&str, &str)] = &[
    ("1", "c4ca4238a0b923820dcc509a6f75849b"),
    ("", "d41d8cd98f00b204e9800998ecf8427e"),
    ("hello", "5d41402abc4b2a76b9719d911017c592"),
];

/// Partition key -> 128-bit hash key.
pub const HASH_KEYS: &[(&str, u128)] = &[
    ("1", 261578874264819908609102035485573088411),
    ("a", 16955237001963240173058271559858726497),
    ("b", 195289424170611159128911017612795795343),
    ("123", 42767516990368493138776584305024125808),
    ("4", 223974724102701384270894320508706361900),
];

/// (shard count, shard index, StartingHashKey, EndingHashKey) as CreateStream lays them out.
pub const EVEN_RANGES: &[(u32, usize, u128, u128)] = &[
    (1, 0, 0, u128::MAX),
    (2, 0, 0, 170141183460469231731687303715884105727),
    (3, 1, 113427455640312821154458202477256070485, 226854911280625642308916404954512140969),
    (3, 2, 226854911280625642308916404954512140970, u128::MAX),
    (4, 3, 255211775190703847597530955573826158592, u128::MAX),
];

const CREATED: u64 = 1_704_067_200; // 2024-01-01T00:00:00Z

/// Decoded fields -> the 56-digit decimal Kinesis prints.
pub const SEQUENCE_NUMBERS: &[(SequenceNumber, &str)] = &[
    (
        SequenceNumber { shard_created_secs: CREATED, shard_index: 0, counter: 0, arrival_secs: CREATED },
        "49647888802562419836923936470999665672519599508823212034",
    ),
    (
        SequenceNumber { shard_created_secs: CREATED, shard_index: 0, counter: 1, arrival_secs: CREATED + 5 },
        "49647888802562419836923936471000874598339214481595301890",
    ),
];

/// Checks every vector above; panics (failing the calling test) with the mismatch.
pub fn check_all() {
    for &(key, hex) in MD5_HEX {
        assert_eq!(md5_hex(key), hex, "md5_hex({key:?})");
    }
    for &(key, hash_key) in HASH_KEYS {
        assert_eq!(hash_key_of(key), hash_key, "hash_key_of({key:?})");
    }
    for &(count, index, start, end) in EVEN_RANGES {
        let ranges = even_ranges(count);
        assert_eq!(ranges.len(), count as usize, "even_ranges({count}).len()");
        assert_eq!(ranges[index].starting_hash_key, start, "even_ranges({count})[{index}] start");
        assert_eq!(ranges[index].ending_hash_key, end, "even_ranges({count})[{index}] end");
    }
    for (fields, text) in SEQUENCE_NUMBERS {
        assert_eq!(fields.to_string(), *text, "{fields:?}.to_string()");
        assert_eq!(SequenceNumber::parse(text), Some(*fields), "SequenceNumber::parse({text:?})");
    }
}
