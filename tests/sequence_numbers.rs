//! Sequence numbers (spec 3.2): 56 digits, strictly increasing per shard, a structure a learner can take apart.
mod common;
use common::*;
use ethnum::U256;
use kinesis_playground::engine::{Engine, EngineConfig, SequenceNumber};
use serde_json::json;

fn decode(text: &str) -> SequenceNumber {
    SequenceNumber::parse(text).unwrap_or_else(|| panic!("{text} is not a sequence number"))
}

fn big(text: &str) -> U256 {
    U256::from_str_radix(text, 10).unwrap_or_else(|_| panic!("{text} is a decimal number"))
}

fn starting_sequence_numbers(e: &mut Engine, name: &str) -> Vec<String> {
    let d = ok(e, "DescribeStream", json!({"StreamName": name}));
    d["StreamDescription"]["Shards"]
        .as_array()
        .expect("Shards")
        .iter()
        .map(|s| {
            s["SequenceNumberRange"]["StartingSequenceNumber"]
                .as_str()
                .expect("StartingSequenceNumber is a string")
                .to_owned()
        })
        .collect()
}

#[test]
fn numbers_have_56_digits_and_strictly_increase_within_a_shard() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 3);
    let mut last: [Option<String>; 3] = Default::default();
    for i in 0..200 {
        if i % 10 == 0 {
            e.advance(if i % 20 == 0 { 1 } else { 1_500 });
        }
        let (shard, seq) = put(&mut e, "S", &format!("k{i}"), "v");
        assert_eq!(seq.len(), 56, "{seq}");
        assert!(seq.bytes().all(|b| b.is_ascii_digit()));
        let idx: usize = shard["shardId-".len()..].parse().expect("shard index");
        if let Some(prev) = &last[idx] {
            assert!(big(prev) < big(&seq), "{prev} then {seq} on {shard}");
        }
        last[idx] = Some(seq);
    }
}

#[test]
fn decoding_gives_shard_index_counter_and_arrival_second() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 4);
    let created = e.stream("S").expect("stream").created_ms;
    e.advance(12_345);
    let t1 = e.now_ms();
    // "1" lands in shard 3 of 4.
    let (_, s1) = put(&mut e, "S", "1", "a");
    let (_, s2) = put(&mut e, "S", "1", "b");
    e.advance(61_000);
    let (_, s3) = put(&mut e, "S", "1", "c");
    let (d1, d2, d3) = (decode(&s1), decode(&s2), decode(&s3));
    for d in [d1, d2, d3] {
        assert_eq!(d.shard_index, 3);
        assert_eq!(d.shard_id(), "shardId-000000000003");
        // Shards are stamped 2 s before the stream.
        assert_eq!(d.shard_created_secs, (created / 1000 - 2) as u64);
    }
    assert_eq!((d1.counter, d2.counter, d3.counter), (1, 2, 3));
    assert_eq!(d1.arrival_secs, (t1 / 1000) as u64);
    assert_eq!(d2.arrival_secs, (t1 / 1000) as u64);
    assert_eq!(d3.arrival_secs, (t1 / 1000 + 61) as u64);
    // The number read back is the number handed out, and carries its record's arrival time.
    let it = iterator(&mut e, "S", "shardId-000000000003", "TRIM_HORIZON", json!({}));
    let r = get_records(&mut e, &it, None);
    assert_eq!(seqs(&r), vec![s1, s2, s3.clone()]);
    let arrival = r["Records"][2]["ApproximateArrivalTimestamp"].as_f64().expect("epoch seconds");
    assert_eq!((arrival * 1000.0).round() as i64, e.now_ms());
    assert_eq!(d3.arrival_secs, (e.now_ms() / 1000) as u64);
}

#[test]
fn starting_sequence_number_layout() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 3);
    let created = e.stream("S").expect("stream").created_ms;
    let starts = starting_sequence_numbers(&mut e, "S");
    assert_eq!(starts.len(), 3);
    for (i, s) in starts.iter().enumerate() {
        assert_eq!(s.len(), 56);
        let d = decode(s);
        assert_eq!(d.shard_index, i as u32);
        assert_eq!(d.counter, 0);
        assert_eq!(d.shard_created_secs, (created / 1000 - 2) as u64);
        assert_eq!(d.arrival_secs, d.shard_created_secs);
    }
    // The default start (2024-01-01T00:00:00Z) stamps shards at 23:59:58 the day before: spec 3.2 numbers with
    // a creation second 2 s earlier. Consecutive shards' starting numbers differ by 16^36 + 16.
    let a = big(&starts[0]);
    let b = big(&starts[1]);
    let c = big(&starts[2]);
    let step = big("22300745198530623141535718272648361505980432");
    assert_eq!(b - a, step);
    assert_eq!(c - b, step);
    // Every record's number is above its shard's starting number.
    let (shard, seq) = put(&mut e, "S", "a", "x");
    assert_eq!(shard, "shardId-000000000000");
    assert!(big(&starts[0]) < big(&seq));
}

#[test]
fn spec_example_values_for_a_shard_created_at_the_default_start() {
    // Spec 3.2's example values are for a shard created at 2024-01-01T00:00:00Z; the engine stamps shards 2 s
    // before the stream, so create the stream at 00:00:02 (ACTIVE one second later).
    let mut e =
        Engine::new(EngineConfig { create_delay_ms: 1_000, enforce_throughput: false, ..EngineConfig::default() });
    e.advance(2_000);
    active_stream(&mut e, "S", 2);
    let starts = starting_sequence_numbers(&mut e, "S");
    assert_eq!(starts[0], "49647888802562419836923936470999665672519599508823212034");
    assert_eq!(starts[1], "49647888802584720582122467094141201390792247870329192466");
    // The first record at +5 s after 00:00:00 on shard 0 ("a" routes to shard 0 of 2).
    e.advance_to(1_704_067_205_000);
    assert_eq!(e.now_ms(), 1_704_067_205_000);
    let (_, s1) = put(&mut e, "S", "a", "x");
    assert_eq!(s1, "49647888802562419836923936471000874598339214481595301890");
    let (_, s2) = put(&mut e, "S", "a", "y");
    assert!(s2.ends_with("71002083524158829110770008066"), "{s2}");
}

#[test]
fn gaps_grow_with_time_between_writes() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let (_, a) = put(&mut e, "S", "k", "x");
    let (_, b) = put(&mut e, "S", "k", "x");
    e.advance(10_000);
    let (_, c) = put(&mut e, "S", "k", "x");
    let same_second = big(&b) - big(&a);
    let ten_seconds_later = big(&c) - big(&b);
    // One counter step is 2^80; each second adds 2^36 on top.
    assert_eq!(same_second, U256::ONE << 80);
    assert_eq!(ten_seconds_later, (U256::ONE << 80) + (U256::from(10u8) << 36));
    assert!(ten_seconds_later > same_second);
}

#[test]
fn numbers_are_unique_across_the_stream_and_put_records_keeps_request_order() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 2);
    let records: Vec<_> = (0..50).map(|i| json!({"PartitionKey": format!("p{i}"), "Data": b64("d")})).collect();
    let r = ok(&mut e, "PutRecords", json!({"StreamName": "S", "Records": records}));
    assert_eq!(r["FailedRecordCount"], 0);
    let out = r["Records"].as_array().expect("Records");
    assert_eq!(out.len(), 50);
    let mut seen = std::collections::BTreeSet::new();
    let mut last_per_shard = std::collections::BTreeMap::new();
    for rec in out {
        let seq = rec["SequenceNumber"].as_str().expect("seq").to_owned();
        let shard = rec["ShardId"].as_str().expect("shard").to_owned();
        assert!(seen.insert(seq.clone()), "duplicate {seq}");
        if let Some(prev) = last_per_shard.insert(shard.clone(), seq.clone()) {
            assert!(big(&prev) < big(&seq), "request order within {shard}");
        }
    }
    // The shard's reading order equals the request order of the entries routed to it.
    for shard in ["shardId-000000000000", "shardId-000000000001"] {
        let read: Vec<String> = read_all(&mut e, "S", shard).into_iter().map(|(k, _)| k).collect();
        let sent: Vec<String> =
            out.iter().zip(0..).filter(|(rec, _)| rec["ShardId"] == shard).map(|(_, i)| format!("p{i}")).collect();
        assert_eq!(read, sent);
    }
}

#[test]
fn sequence_number_for_ordering() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let (_, a) = put(&mut e, "S", "k", "x");
    let r = ok(
        &mut e,
        "PutRecord",
        json!({"StreamName": "S", "PartitionKey": "k", "Data": b64("y"), "SequenceNumberForOrdering": a}),
    );
    let b = r["SequenceNumber"].as_str().expect("seq").to_owned();
    assert!(big(&a) < big(&b));
    // Not a sequence number of this layout -> IA with the spec's text.
    expect_err(
        &mut e,
        "PutRecord",
        json!({"StreamName": "S", "PartitionKey": "k", "Data": b64("y"), "SequenceNumberForOrdering": "12345"}),
        "InvalidArgumentException",
        "ExclusiveMinimumSequenceNumber 12345 used in PutRecord on stream S under account 123456789012 is invalid.",
    );
}
