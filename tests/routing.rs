//! Partition key -> MD5 -> hash key -> shard (spec 3.1), through the api layer.
mod common;
use common::*;
use kinesis_playground::engine::hash_key::{hash_key_of, md5_hex};
use serde_json::{json, Value};

const MAX: u128 = u128::MAX;

/// The (StartingHashKey, EndingHashKey) pairs DescribeStream reports, in shard order.
fn ranges(e: &mut kinesis_playground::engine::Engine, name: &str) -> Vec<(u128, u128)> {
    let d = ok(e, "DescribeStream", json!({"StreamName": name}));
    d["StreamDescription"]["Shards"]
        .as_array()
        .expect("Shards is a list")
        .iter()
        .map(|s| {
            let r = &s["HashKeyRange"];
            let lo = r["StartingHashKey"].as_str().expect("a decimal string");
            let hi = r["EndingHashKey"].as_str().expect("a decimal string");
            (lo.parse().expect("StartingHashKey is a u128"), hi.parse().expect("EndingHashKey is a u128"))
        })
        .collect()
}

#[test]
fn md5_vectors_of_the_spec() {
    assert_eq!(md5_hex("1"), "c4ca4238a0b923820dcc509a6f75849b");
    assert_eq!(hash_key_of("1"), 261578874264819908609102035485573088411);
    assert_eq!(hash_key_of("a"), 16955237001963240173058271559858726497);
    assert_eq!(hash_key_of("b"), 195289424170611159128911017612795795343);
    assert_eq!(hash_key_of("123"), 42767516990368493138776584305024125808);
    assert_eq!(hash_key_of("4"), 223974724102701384270894320508706361900);
    // UTF-8 bytes, not UTF-16 units: MD5("é") = MD5(c3 a9).
    assert_eq!(md5_hex("\u{e9}"), "66ddcd97cfdeabb2f6fb8a999b4bc76f");
}

#[test]
fn create_stream_ranges_match_the_spec_table() {
    let table: [&[(&str, &str)]; 4] = [
        &[("0", "340282366920938463463374607431768211455")],
        &[
            ("0", "170141183460469231731687303715884105727"),
            ("170141183460469231731687303715884105728", "340282366920938463463374607431768211455"),
        ],
        &[
            ("0", "113427455640312821154458202477256070484"),
            ("113427455640312821154458202477256070485", "226854911280625642308916404954512140969"),
            ("226854911280625642308916404954512140970", "340282366920938463463374607431768211455"),
        ],
        &[
            ("0", "85070591730234615865843651857942052863"),
            ("85070591730234615865843651857942052864", "170141183460469231731687303715884105727"),
            ("170141183460469231731687303715884105728", "255211775190703847597530955573826158591"),
            ("255211775190703847597530955573826158592", "340282366920938463463374607431768211455"),
        ],
    ];
    let mut e = unthrottled();
    for (i, expected) in table.iter().enumerate() {
        let name = format!("s{}", i + 1);
        active_stream(&mut e, &name, i as u32 + 1);
        let d = ok(&mut e, "DescribeStream", json!({"StreamName": name}));
        let shards = d["StreamDescription"]["Shards"].as_array().expect("list");
        assert_eq!(shards.len(), expected.len());
        for (j, (s, (lo, hi))) in shards.iter().zip(expected.iter()).enumerate() {
            assert_eq!(s["ShardId"], format!("shardId-{j:012}"));
            assert_eq!(s["HashKeyRange"]["StartingHashKey"], *lo, "N={} shard {j}", i + 1);
            assert_eq!(s["HashKeyRange"]["EndingHashKey"], *hi, "N={} shard {j}", i + 1);
        }
    }
}

#[test]
fn ranges_for_larger_counts_have_floor_width_and_the_last_absorbs_the_remainder() {
    let mut e = unthrottled();
    for n in [5u32, 6, 7, 10, 16, 33, 100] {
        let name = format!("n{n}");
        active_stream(&mut e, &name, n);
        let r = ranges(&mut e, &name);
        assert_eq!(r.len(), n as usize);
        // floor(2^128 / n) = floor((2^128 - 1) / n) unless n divides 2^128.
        let width = if n.is_power_of_two() { (MAX / u128::from(n)) + 1 } else { MAX / u128::from(n) };
        for (i, (lo, hi)) in r.iter().enumerate() {
            assert_eq!(*lo, i as u128 * width, "n={n} shard {i} start");
            if i + 1 < r.len() {
                assert_eq!(*hi, (i as u128 + 1) * width - 1, "n={n} shard {i} end");
            } else {
                assert_eq!(*hi, MAX, "n={n}: the last shard ends at 2^128-1");
            }
        }
    }
}

#[test]
fn spec_examples_land_in_the_documented_shards() {
    // (key, shard index for N = 2, 3, 4)
    let cases = [("1", [1, 2, 3]), ("a", [0, 0, 0]), ("b", [1, 1, 2]), ("123", [0, 0, 0]), ("4", [1, 1, 2])];
    let mut e = unthrottled();
    for n in 2..=4u32 {
        let name = format!("k{n}");
        active_stream(&mut e, &name, n);
        for (key, expected) in cases {
            let (shard, _) = put(&mut e, &name, key, "x");
            assert_eq!(shard, format!("shardId-{:012}", expected[n as usize - 2]), "key {key} N={n}");
        }
    }
}

#[test]
fn every_record_lands_in_the_open_shard_whose_range_holds_its_hash() {
    let mut e = unthrottled();
    for n in [1u32, 3, 7] {
        let name = format!("r{n}");
        active_stream(&mut e, &name, n);
        let r = ranges(&mut e, &name);
        for i in 0..300 {
            let key = format!("key-{i}-{}", i * 7919);
            let h = hash_key_of(&key);
            let (shard, _) = put(&mut e, &name, &key, "payload");
            let idx = r.iter().position(|(lo, hi)| *lo <= h && h <= *hi).expect("ranges cover the space");
            assert_eq!(shard, format!("shardId-{idx:012}"), "key {key}");
        }
        // And the records read back from each shard are exactly the ones routed there.
        for (idx, (lo, hi)) in r.iter().enumerate() {
            for (key, _) in read_all(&mut e, &name, &format!("shardId-{idx:012}")) {
                let h = hash_key_of(&key);
                assert!(*lo <= h && h <= *hi, "{key} read from shard {idx}");
            }
        }
    }
}

fn put_explicit(e: &mut kinesis_playground::engine::Engine, name: &str, key: &str, ehk: &str) -> Value {
    ok(e, "PutRecord", json!({"StreamName": name, "PartitionKey": key, "Data": b64("x"), "ExplicitHashKey": ehk}))
}

#[test]
fn explicit_hash_key_routes_and_the_partition_key_is_kept() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 4);
    // "a" hashes to shard 0; the explicit key overrides routing only.
    let cases = [
        ("0", 0),
        ("85070591730234615865843651857942052863", 0),
        ("85070591730234615865843651857942052864", 1),
        ("170141183460469231731687303715884105728", 2),
        ("340282366920938463463374607431768211455", 3),
    ];
    for (ehk, shard) in cases {
        let r = put_explicit(&mut e, "S", "a", ehk);
        assert_eq!(r["ShardId"], format!("shardId-{shard:012}"), "{ehk}");
    }
    let it = iterator(&mut e, "S", "shardId-000000000003", "TRIM_HORIZON", json!({}));
    let r = get_records(&mut e, &it, None);
    assert_eq!(keys(&r), vec!["a"]);
    // PutRecords too.
    let r = ok(
        &mut e,
        "PutRecords",
        json!({"StreamName": "S", "Records": [
            {"PartitionKey": "a", "Data": b64("1"), "ExplicitHashKey": "340282366920938463463374607431768211455"},
            {"PartitionKey": "a", "Data": b64("2")},
        ]}),
    );
    assert_eq!(r["Records"][0]["ShardId"], "shardId-000000000003");
    assert_eq!(r["Records"][1]["ShardId"], "shardId-000000000000");
}

#[test]
fn explicit_hash_key_out_of_range_is_an_invalid_argument() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 2);
    let before = observable_state(&mut e);
    for v in ["340282366920938463463374607431768211456", "999999999999999999999999999999999999999"] {
        expect_err(
            &mut e,
            "PutRecord",
            json!({"StreamName": "S", "PartitionKey": "a", "Data": b64("x"), "ExplicitHashKey": v}),
            "InvalidArgumentException",
            &format!(
                "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {v}"
            ),
        );
        expect_err(
            &mut e,
            "PutRecords",
            json!({"StreamName": "S", "Records": [
                {"PartitionKey": "a", "Data": b64("x")},
                {"PartitionKey": "a", "Data": b64("x"), "ExplicitHashKey": v},
            ]}),
            "InvalidArgumentException",
            &format!(
                "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {v}"
            ),
        );
    }
    // 40 digits breaks the model's pattern instead.
    let forty = "1".repeat(40);
    expect_err(
        &mut e,
        "PutRecord",
        json!({"StreamName": "S", "PartitionKey": "a", "Data": b64("x"), "ExplicitHashKey": forty}),
        "ValidationException",
        &format!("1 validation error detected: Value '{forty}' at 'explicitHashKey' failed to satisfy constraint: Member must satisfy regular expression pattern: 0|([1-9]\\d{{0,38}})"),
    );
    assert_eq!(observable_state(&mut e), before, "a rejected put changes nothing");
}
