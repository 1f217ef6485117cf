//! Throughput limits at their exact boundaries, and the on-demand scaling model.
mod common;
use common::*;
use kinesis_playground::engine::records::PutRecordInput;
use kinesis_playground::engine::{Engine, ErrorType};
use serde_json::json;

const SHARD0: &str = "shardId-000000000000";

#[test]
fn the_1000th_record_in_a_second_passes_the_1001st_fails_and_the_next_second_refills() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    for i in 0..1000 {
        put(&mut e, "S", &format!("k{i}"), "x");
    }
    let err = err(&mut e, "PutRecord", json!({"StreamName": "S", "PartitionKey": "k", "Data": b64("x")}));
    assert_eq!(err.error_type, ErrorType::ProvisionedThroughputExceeded);
    assert_eq!(err.message, "Rate exceeded for shard shardId-000000000000 in stream S under account 123456789012.");
    let before = e.stream("S").unwrap().record_count();
    assert_eq!(before, 1000, "a throttled write stores nothing");
    e.advance(1_000);
    put(&mut e, "S", "k", "x");
}

const MIB: usize = 1024 * 1024;

/// Writes one record straight to the engine (no base64 round trip): `Ok` or the error type.
fn write(e: &mut Engine, key: &str, data_len: usize) -> Result<(), ErrorType> {
    let data = vec![b'a'; data_len];
    let input = PutRecordInput { partition_key: key, data: &data, explicit_hash_key: None };
    e.put_record("S", &input, None).map(|_| ()).map_err(|err| err.error_type)
}

#[test]
fn a_maximum_size_record_on_an_idle_shard_is_accepted() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    // 1 MiB of data and a 1-byte key: 1 byte over 1 MiB, which a per-second 1 MiB limit always refused.
    let data = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, vec![b'a'; MIB]);
    ok(&mut e, "PutRecord", json!({"StreamName": "S", "PartitionKey": "k", "Data": data}));
    let level = e.stream("S").unwrap().shards[0].meter.write_tank.level_bytes(e.now_ms());
    assert_eq!(level, 10 * MIB as u64 - MIB as u64 - 1, "the tank gave the record's data and key bytes");
}

#[test]
fn the_tank_bursts_ten_mebibytes_then_refills_one_mebibyte_a_second() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    // Ten records of exactly 1 MiB (data + 1-byte key) at one instant empty the 10 MiB tank...
    for _ in 0..10 {
        write(&mut e, "k", MIB - 1).unwrap();
    }
    // ...and then not even one more byte fits.
    assert_eq!(write(&mut e, "k", 0), Err(ErrorType::ProvisionedThroughputExceeded));
    let err = err(&mut e, "PutRecord", json!({"StreamName": "S", "PartitionKey": "k", "Data": ""}));
    assert_eq!(err.message, "Rate exceeded for shard shardId-000000000000 in stream S under account 123456789012.");
    // 999 ms later the tank holds 999/1000 MiB: a 1 MiB record is refused, exactly at 1,000 ms it passes.
    e.advance(999);
    assert_eq!(write(&mut e, "k", MIB - 1), Err(ErrorType::ProvisionedThroughputExceeded));
    e.advance(1);
    write(&mut e, "k", MIB - 1).unwrap();
    assert_eq!(write(&mut e, "k", 0), Err(ErrorType::ProvisionedThroughputExceeded));
    // Refused writes took nothing: 11 records stored.
    assert_eq!(e.stream("S").unwrap().record_count(), 11);
}

#[test]
fn sustained_writes_average_one_mebibyte_a_second() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    // Offer 256 KiB records every 50 ms (5 MiB/s) for 60 simulated seconds.
    let record = 256 * 1024;
    let mut accepted = 0u64;
    for _ in 0..1200 {
        if write(&mut e, "k", record - 1).is_ok() {
            accepted += record as u64;
        }
        e.advance(50);
    }
    // The first 10 MiB burst, then 1 MiB a second until the last offer at 59.95 s: at most that, and less than
    // one record short of it.
    let most = 10 * MIB as u64 + 59_950 * MIB as u64 / 1000;
    assert!(accepted <= most && accepted + record as u64 > most, "accepted {accepted} bytes");
    // Idle for 10 s, the tank is full again.
    e.advance(10_000);
    assert!(e.stream("S").unwrap().shards[0].meter.write_tank.is_full(e.now_ms()));
}

#[test]
fn a_thousand_records_a_second_still_holds_with_a_full_tank() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    e.advance(500);
    for _ in 0..1000 {
        write(&mut e, "k", 10).unwrap();
    }
    assert_eq!(write(&mut e, "k", 10), Err(ErrorType::ProvisionedThroughputExceeded));
    // The count is per whole second: the next second starts at the next full second of the clock.
    e.advance(499);
    assert_eq!(write(&mut e, "k", 10), Err(ErrorType::ProvisionedThroughputExceeded));
    e.advance(1);
    write(&mut e, "k", 10).unwrap();
}

#[test]
fn put_records_fails_entry_by_entry() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    for i in 0..990 {
        put(&mut e, "S", &format!("k{i}"), "x");
    }
    let entries: Vec<_> = (0..20).map(|i| json!({"PartitionKey": format!("p{i}"), "Data": b64("y")})).collect();
    let r = ok(&mut e, "PutRecords", json!({"StreamName": "S", "Records": entries}));
    assert_eq!(r["FailedRecordCount"], 10);
    let recs = r["Records"].as_array().unwrap();
    assert!(recs[..10].iter().all(|x| x.get("SequenceNumber").is_some()));
    assert!(recs[10..].iter().all(|x| x["ErrorCode"] == "ProvisionedThroughputExceededException"));
    assert_eq!(
        recs[19]["ErrorMessage"],
        "Rate exceeded for shard shardId-000000000000 in stream S under account 123456789012."
    );
}

#[test]
fn five_reads_per_second_per_shard() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    put(&mut e, "S", "k", "x");
    let mut it = iterator(&mut e, "S", SHARD0, "TRIM_HORIZON", json!({}));
    for _ in 0..5 {
        let r = ok(&mut e, "GetRecords", json!({"ShardIterator": it}));
        it = r["NextShardIterator"].as_str().unwrap().to_owned();
    }
    let err = err(&mut e, "GetRecords", json!({"ShardIterator": it.clone()}));
    assert_eq!(err.error_type, ErrorType::ProvisionedThroughputExceeded);
    e.advance(1_000);
    ok(&mut e, "GetRecords", json!({"ShardIterator": it}));
}

#[test]
fn five_shard_iterators_per_second_per_shard() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    for _ in 0..5 {
        iterator(&mut e, "S", SHARD0, "LATEST", json!({}));
    }
    let req = json!({"StreamName": "S", "ShardId": SHARD0, "ShardIteratorType": "LATEST"});
    assert_eq!(err(&mut e, "GetShardIterator", req).error_type, ErrorType::ProvisionedThroughputExceeded);
}

#[test]
fn a_large_read_is_followed_by_a_penalty() {
    let mut e = engine();
    active_stream(&mut e, "S", 3);
    let payload = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, vec![b'z'; 900_000]);
    // Fill one shard with ~9 MB across several seconds (1 MiB/s write limit), using an explicit hash key.
    for _ in 0..10 {
        ok(
            &mut e,
            "PutRecord",
            json!({"StreamName": "S", "PartitionKey": "k", "ExplicitHashKey": "0", "Data": payload}),
        );
        e.advance(1_000);
    }
    let it = iterator(&mut e, "S", SHARD0, "TRIM_HORIZON", json!({}));
    let r = ok(&mut e, "GetRecords", json!({"ShardIterator": it}));
    assert_eq!(r["Records"].as_array().unwrap().len(), 10);
    let next = r["NextShardIterator"].as_str().unwrap().to_owned();
    e.advance(2_000);
    assert_eq!(
        err(&mut e, "GetRecords", json!({"ShardIterator": next.clone()})).error_type,
        ErrorType::ProvisionedThroughputExceeded
    );
    e.advance(3_000);
    ok(&mut e, "GetRecords", json!({"ShardIterator": next}));
}

#[test]
fn on_demand_scales_up_under_sustained_load_but_a_hot_key_stays_capped() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "OD", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    e.advance(5_000);
    assert_eq!(e.stream("OD").unwrap().open_shard_count(), 4);
    // One hot key: one shard takes 1,000 records a second, the rest are throttled.
    let mut throttled = 0;
    for i in 0..1500 {
        let r = kinesis_playground::api::call(
            &mut e,
            "PutRecord",
            &json!({"StreamName": "OD", "PartitionKey": "hot", "Data": b64(&i.to_string())}),
        );
        throttled += usize::from(r.is_err());
    }
    assert_eq!(throttled, 500);
    // Spread load at 3,000 records/s (75% of 4 shards) for a few seconds: the stream scales up.
    for _ in 0..3 {
        e.advance(1_000);
        for i in 0..3000 {
            let _ = kinesis_playground::api::call(
                &mut e,
                "PutRecord",
                &json!({"StreamName": "OD", "PartitionKey": format!("k{i}"), "Data": b64("v")}),
            );
        }
    }
    e.advance(1_000);
    let open = e.stream("OD").unwrap().open_shard_count();
    assert!(open > 4 && open <= 8, "scaled to {open}");
    let ranges = e.stream("OD").unwrap().open_ranges();
    assert_eq!(ranges[0].starting_hash_key, 0);
    assert_eq!(ranges.last().unwrap().ending_hash_key, u128::MAX);
    // Not again within 15 minutes.
    for _ in 0..3 {
        e.advance(1_000);
        for i in 0..6000 {
            let _ = kinesis_playground::api::call(
                &mut e,
                "PutRecord",
                &json!({"StreamName": "OD", "PartitionKey": format!("k{i}"), "Data": b64("v")}),
            );
        }
    }
    e.advance(1_000);
    assert_eq!(e.stream("OD").unwrap().open_shard_count(), open);
}
