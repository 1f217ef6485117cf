//! Shard iterators (spec 3.4, 3.5, 3.6): the five types at their exact positions, the parameter-mixing messages,
//! expiry after 300 s, NextShardIterator, Limit.
mod common;
use common::*;
use kinesis_playground::engine::Engine;
use kinesis_playground::time::format_java_date;
use serde_json::{json, Value};

const S0: &str = "shardId-000000000000";
const S1: &str = "shardId-000000000001";
const ACCOUNT: &str = "123456789012";

/// A 1-shard stream "S" with records "r1".."rN", one per simulated second; returns their sequence numbers.
fn stream_with_records(e: &mut Engine, n: usize) -> Vec<String> {
    active_stream(e, "S", 1);
    (1..=n)
        .map(|i| {
            e.advance(1_000);
            put(e, "S", &format!("r{i}"), "x").1
        })
        .collect()
}

fn at_seq(e: &mut Engine, kind: &str, seq: &str) -> String {
    iterator(e, "S", S0, kind, json!({ "StartingSequenceNumber": seq }))
}

fn at_ts(e: &mut Engine, ms: i64) -> String {
    iterator(e, "S", S0, "AT_TIMESTAMP", json!({ "Timestamp": ms as f64 / 1000.0 }))
}

fn read(e: &mut Engine, it: &str) -> (Vec<String>, String) {
    let r = get_records(e, it, None);
    (keys(&r), next_it(&r))
}

fn gsi_err(e: &mut Engine, extra: Value, type_name: &str, message: &str) {
    let mut req = json!({"StreamName": "S", "ShardId": S0});
    if let (Some(m), Some(x)) = (req.as_object_mut(), extra.as_object()) {
        m.extend(x.clone());
    }
    expect_err(e, "GetShardIterator", req, type_name, message);
}

#[test]
fn trim_horizon_reads_from_the_oldest_record_and_on_an_empty_shard_from_its_start() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let empty = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    let (got, next) = read(&mut e, &empty);
    assert!(got.is_empty());
    put(&mut e, "S", "a", "1");
    put(&mut e, "S", "b", "2");
    // Both the old iterator and the NextShardIterator of the empty read see the records written since.
    assert_eq!(read(&mut e, &empty).0, vec!["a", "b"]);
    assert_eq!(read(&mut e, &next).0, vec!["a", "b"]);
    let th = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    assert_eq!(read(&mut e, &th).0, vec!["a", "b"]);
}

#[test]
fn latest_returns_only_records_written_after_the_call() {
    let mut e = unthrottled();
    stream_with_records(&mut e, 3);
    let latest = iterator(&mut e, "S", S0, "LATEST", json!({}));
    let (got, next) = read(&mut e, &latest);
    assert!(got.is_empty(), "the first read of LATEST is empty");
    e.advance(1_000);
    put(&mut e, "S", "later", "x");
    assert_eq!(read(&mut e, &latest).0, vec!["later"]);
    let (got, next2) = read(&mut e, &next);
    assert_eq!(got, vec!["later"]);
    // The next iterator after "later" does not return it again (kinesis-mock#1186).
    assert!(read(&mut e, &next2).0.is_empty());
}

#[test]
fn at_and_after_sequence_number_positions() {
    let mut e = unthrottled();
    let s = stream_with_records(&mut e, 5);
    let it = at_seq(&mut e, "AT_SEQUENCE_NUMBER", &s[2]);
    assert_eq!(read(&mut e, &it).0, vec!["r3", "r4", "r5"]);
    let it = at_seq(&mut e, "AFTER_SEQUENCE_NUMBER", &s[2]);
    assert_eq!(read(&mut e, &it).0, vec!["r4", "r5"]);
    let it = at_seq(&mut e, "AT_SEQUENCE_NUMBER", &s[0]);
    assert_eq!(read(&mut e, &it).0, vec!["r1", "r2", "r3", "r4", "r5"]);
    let it = at_seq(&mut e, "AT_SEQUENCE_NUMBER", &s[4]);
    assert_eq!(read(&mut e, &it).0, vec!["r5"]);
}

#[test]
fn after_sequence_number_of_the_last_record_returns_nothing_then_later_records() {
    let mut e = unthrottled();
    let s = stream_with_records(&mut e, 3);
    let it = at_seq(&mut e, "AFTER_SEQUENCE_NUMBER", &s[2]);
    let (got, next) = read(&mut e, &it);
    assert!(got.is_empty(), "kinesis-mock#1187: nothing yet, but not an error");
    put(&mut e, "S", "r4", "x");
    put(&mut e, "S", "r5", "x");
    assert_eq!(read(&mut e, &next).0, vec!["r4", "r5"]);
    assert_eq!(read(&mut e, &it).0, vec!["r4", "r5"]);
}

#[test]
fn at_sequence_number_at_the_shards_starting_sequence_number() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "S"}));
    let start = d["StreamDescription"]["Shards"][0]["SequenceNumberRange"]["StartingSequenceNumber"]
        .as_str()
        .expect("StartingSequenceNumber")
        .to_owned();
    // Valid even though no record has that number (kinesis-mock PR #95), on an empty shard too.
    let at_empty = at_seq(&mut e, "AT_SEQUENCE_NUMBER", &start);
    assert!(read(&mut e, &at_empty).0.is_empty());
    put(&mut e, "S", "a", "1");
    put(&mut e, "S", "b", "2");
    assert_eq!(read(&mut e, &at_empty).0, vec!["a", "b"]);
    let at = at_seq(&mut e, "AT_SEQUENCE_NUMBER", &start);
    assert_eq!(read(&mut e, &at).0, vec!["a", "b"]);
    let after = at_seq(&mut e, "AFTER_SEQUENCE_NUMBER", &start);
    assert_eq!(read(&mut e, &after).0, vec!["a", "b"]);
}

#[test]
fn at_timestamp_positions() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let t0 = e.now_ms();
    e.advance(10_000);
    put(&mut e, "S", "a", "x"); // t0 + 10 s
    e.advance(10_000);
    put(&mut e, "S", "b", "x"); // t0 + 20 s
    put(&mut e, "S", "c", "x"); // t0 + 20 s
    e.advance(10_000);
    put(&mut e, "S", "d", "x"); // t0 + 30 s
    e.advance(5_000);

    // Before the oldest retained record (and before the stream existed): as TRIM_HORIZON.
    for t in [0, t0 - 3_600_000, t0, t0 + 9_999] {
        let it = at_ts(&mut e, t);
        assert_eq!(read(&mut e, &it).0, vec!["a", "b", "c", "d"], "t = {t}");
    }
    // Exactly at an arrival time: that record is included.
    let it = at_ts(&mut e, t0 + 10_000);
    assert_eq!(read(&mut e, &it).0, vec!["a", "b", "c", "d"]);
    // Between records: the first one that arrived at or after t.
    let it = at_ts(&mut e, t0 + 10_001);
    assert_eq!(read(&mut e, &it).0, vec!["b", "c", "d"]);
    let it = at_ts(&mut e, t0 + 20_000);
    assert_eq!(read(&mut e, &it).0, vec!["b", "c", "d"]);
    let it = at_ts(&mut e, t0 + 25_500);
    assert_eq!(read(&mut e, &it).0, vec!["d"]);
    // After the newest record but not after now: at the tip; later records are returned.
    let it = at_ts(&mut e, t0 + 30_001);
    let (got, next) = read(&mut e, &it);
    assert!(got.is_empty());
    let now = e.now_ms();
    let now_it = at_ts(&mut e, now);
    assert!(read(&mut e, &now_it).0.is_empty());
    e.advance(1_000);
    put(&mut e, "S", "e", "x");
    assert_eq!(read(&mut e, &it).0, vec!["e"]);
    assert_eq!(read(&mut e, &next).0, vec!["e"]);
    assert_eq!(read(&mut e, &now_it).0, vec!["e"]);
}

#[test]
fn at_timestamp_in_the_future_is_an_invalid_argument() {
    let mut e = unthrottled();
    stream_with_records(&mut e, 1);
    let now = e.now_ms();
    gsi_err(
        &mut e,
        json!({"ShardIteratorType": "AT_TIMESTAMP", "Timestamp": (now + 1) as f64 / 1000.0}),
        "InvalidArgumentException",
        &format!("The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: {}, currentTimestampInMillis: {now}", now + 1),
    );
    // Concretely, at the default start: created at 2024-01-01T00:00:00Z, ACTIVE at +5 s, one put at +6 s.
    assert_eq!(now, 1_704_067_206_000);
    gsi_err(
        &mut e,
        json!({"ShardIteratorType": "AT_TIMESTAMP", "Timestamp": 1_704_067_300.5}),
        "InvalidArgumentException",
        "The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: 1704067300500, currentTimestampInMillis: 1704067206000",
    );
}

#[test]
fn parameter_mixing_messages() {
    let mut e = unthrottled();
    let s = stream_with_records(&mut e, 1);
    let both = |t: &str| {
        format!("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified {t} and also a StartingSequenceNumber.")
    };
    let none = |t: &str| {
        format!("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified {t} and no StartingSequenceNumber.")
    };
    for t in ["TRIM_HORIZON", "LATEST"] {
        gsi_err(
            &mut e,
            json!({"ShardIteratorType": t, "StartingSequenceNumber": s[0]}),
            "InvalidArgumentException",
            &both(t),
        );
    }
    for t in ["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"] {
        gsi_err(&mut e, json!({"ShardIteratorType": t}), "InvalidArgumentException", &none(t));
    }
    gsi_err(
        &mut e,
        json!({"ShardIteratorType": "AT_TIMESTAMP"}),
        "InvalidArgumentException",
        "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.",
    );
}

#[test]
fn sequence_numbers_of_another_shard_or_stream_and_unparseable_ones() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 2);
    // "1" lands in shard 1 of 2, "a" in shard 0.
    let (shard, on_1) = put(&mut e, "S", "1", "x");
    assert_eq!(shard, S1);
    gsi_err(
        &mut e,
        json!({"ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": on_1}),
        "InvalidArgumentException",
        "Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was used in a call to a shard with shardId-000000000000",
    );
    for bad in ["0", "12345", "49647888802562419836923936470999665672519599508823212035"] {
        gsi_err(
            &mut e,
            json!({"ShardIteratorType": "AFTER_SEQUENCE_NUMBER", "StartingSequenceNumber": bad}),
            "InvalidArgumentException",
            &format!("StartingSequenceNumber {bad} used in GetShardIterator on shard {S0} in stream S under account {ACCOUNT} is invalid."),
        );
    }
    // A number of shard 0 of a stream created at another time.
    e.advance(60_000);
    active_stream(&mut e, "T", 1);
    let (_, foreign) = put(&mut e, "T", "a", "x");
    gsi_err(
        &mut e,
        json!({"ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": foreign}),
        "InvalidArgumentException",
        &format!("StartingSequenceNumber {foreign} used in GetShardIterator on shard {S0} in stream S under account {ACCOUNT} is invalid because it did not come from this stream."),
    );
}

#[test]
fn unknown_shards_and_lenient_shard_ids() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 2);
    put(&mut e, "S", "1", "on shard 1");
    for given in ["shardId-000000000001", "shardId-1", "shard-1", "foo-1"] {
        let it = iterator(&mut e, "S", given, "TRIM_HORIZON", json!({}));
        assert_eq!(read(&mut e, &it).0, vec!["1"], "{given}");
    }
    expect_err(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "S", "ShardId": "shardId-000000000007", "ShardIteratorType": "LATEST"}),
        "ResourceNotFoundException",
        &format!("Shard shardId-000000000007 in stream S under account {ACCOUNT} does not exist"),
    );
    expect_err(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "S", "ShardId": "shardId-abc", "ShardIteratorType": "LATEST"}),
        "ResourceNotFoundException",
        &format!("Could not find shard shardId-abc in stream S under account {ACCOUNT}."),
    );
    expect_err(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "Nope", "ShardId": S0, "ShardIteratorType": "LATEST"}),
        "ResourceNotFoundException",
        &format!("Shard {S0} in stream Nope under account {ACCOUNT} does not exist"),
    );
}

#[test]
fn expiry_after_exactly_300_seconds() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    put(&mut e, "S", "a", "x");
    // Issued at 2024-01-01T00:00:05Z.
    assert_eq!(e.now_ms(), 1_704_067_205_000);
    let it = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    let mut at_limit = e.clone();
    at_limit.advance(300_000);
    assert_eq!(read(&mut at_limit, &it).0, vec!["a"], "300000 ms after issue is still valid");
    e.advance(300_001);
    let got = err(&mut e, "GetRecords", json!({"ShardIterator": it}));
    assert_error(
        &got,
        "ExpiredIteratorException",
        "Iterator expired. The iterator was created at time Mon Jan 01 00:00:05 UTC 2024 while right now it is Mon Jan 01 00:05:05 UTC 2024 which is further in the future than the tolerated delay of 300000 milliseconds.",
    );
    // Much later, the message carries both instants.
    e.advance(86_400_000);
    let got = err(&mut e, "GetRecords", json!({"ShardIterator": it}));
    assert_error(
        &got,
        "ExpiredIteratorException",
        &format!(
            "Iterator expired. The iterator was created at time {} while right now it is {} which is further in the future than the tolerated delay of 300000 milliseconds.",
            format_java_date(1_704_067_205_000),
            format_java_date(e.now_ms())
        ),
    );
    assert_eq!(format_java_date(e.now_ms()), "Tue Jan 02 00:05:05 UTC 2024");
}

#[test]
fn next_shard_iterator_is_always_fresh() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let mut it = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    let mut seen = Vec::new();
    // Twelve reads 299 s apart: an hour after the first iterator was issued, the chain still works.
    for i in 0..12 {
        put(&mut e, "S", &format!("k{i}"), "x");
        e.advance(299_000);
        let (got, next) = read(&mut e, &it);
        assert_ne!(next, it, "a new token after time moved");
        seen.extend(got);
        it = next;
    }
    let expected: Vec<String> = (0..12).map(|i| format!("k{i}")).collect();
    assert_eq!(seen, expected, "every record once, in order");
    // The NextShardIterator of a read with no records is fresh too.
    e.advance(299_000);
    let (got, next) = read(&mut e, &it);
    assert!(got.is_empty());
    e.advance(299_000);
    assert!(read(&mut e, &next).0.is_empty());
}

#[test]
fn limit_pages_through_the_records() {
    let mut e = unthrottled();
    stream_with_records(&mut e, 7);
    let mut it = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    let mut pages = Vec::new();
    for _ in 0..4 {
        let r = get_records(&mut e, &it, Some(3));
        pages.push(keys(&r));
        it = next_it(&r);
    }
    assert_eq!(pages, vec![vec!["r1", "r2", "r3"], vec!["r4", "r5", "r6"], vec!["r7"], vec![]]);
    let it = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    assert_eq!(keys(&get_records(&mut e, &it, Some(1))), vec!["r1"]);
    assert_eq!(keys(&get_records(&mut e, &it, Some(10_000))).len(), 7);
}

#[test]
fn iterators_are_identical_for_identical_state_and_time() {
    let build = || {
        let mut e = unthrottled();
        stream_with_records(&mut e, 3);
        e
    };
    let (mut a, mut b) = (build(), build());
    for kind in ["TRIM_HORIZON", "LATEST"] {
        let x = iterator(&mut a, "S", S0, kind, json!({}));
        let y = iterator(&mut b, "S", S0, kind, json!({}));
        assert_eq!(x, y);
        assert_eq!(x, iterator(&mut a, "S", S0, kind, json!({})), "same engine, same call");
        assert!(x.starts_with("AAAAAAAAAAE") && x.len() <= 512, "{x}");
    }
    let x = iterator(&mut a, "S", S0, "TRIM_HORIZON", json!({}));
    a.advance(1);
    assert_ne!(x, iterator(&mut a, "S", S0, "TRIM_HORIZON", json!({})), "issue time is inside");
    assert_ne!(
        iterator(&mut b, "S", S0, "TRIM_HORIZON", json!({})),
        iterator(&mut b, "S", S0, "LATEST", json!({})),
        "position is inside"
    );
}

#[test]
fn malformed_and_stale_iterators() {
    let mut e = unthrottled();
    stream_with_records(&mut e, 2);
    let it = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    for bad in ["x", "AAAAAAAAAAE", "not base64!", &"A".repeat(300), &it[..it.len() - 4]] {
        expect_err(
            &mut e,
            "GetRecords",
            json!({"ShardIterator": bad}),
            "InvalidArgumentException",
            "Invalid ShardIterator.",
        );
    }
    // A token of a deleted stream, and of a deleted and re-created one.
    ok(&mut e, "DeleteStream", json!({"StreamName": "S"}));
    e.advance(e.config().delete_delay_ms);
    let gone = format!("Shard {S0} in stream S under account {ACCOUNT} does not exist");
    expect_err(&mut e, "GetRecords", json!({"ShardIterator": it}), "ResourceNotFoundException", &gone);
    active_stream(&mut e, "S", 1);
    expect_err(&mut e, "GetRecords", json!({"ShardIterator": it}), "ResourceNotFoundException", &gone);
}

#[test]
fn millis_behind_latest() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    put(&mut e, "S", "a", "x");
    e.advance(10_000);
    put(&mut e, "S", "b", "x");
    e.advance(5_000);
    let it = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    // After reading "a", the oldest unread record ("b") is 5 s old.
    let r = get_records(&mut e, &it, Some(1));
    assert_eq!(keys(&r), vec!["a"]);
    assert_eq!(r["MillisBehindLatest"], 5_000);
    let r = get_records(&mut e, &next_it(&r), None);
    assert_eq!(keys(&r), vec!["b"]);
    assert_eq!(r["MillisBehindLatest"], 0, "caught up");
}

#[test]
fn an_at_timestamp_number_beyond_any_date_is_in_the_future_not_missing() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let req = json!({"StreamName": "S", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": 1e300});
    let m = err(&mut e, "GetShardIterator", req).message;
    assert!(
        m.starts_with("The timestampInMillis parameter cannot be greater than the currentTimestampInMillis."),
        "{m}"
    );
    let past = json!({"StreamName": "S", "ShardId": "shardId-000000000000", "ShardIteratorType": "AT_TIMESTAMP", "Timestamp": -1e300});
    ok(&mut e, "GetShardIterator", past);
}
