//! The engine workload timed by both benchmarks: `benches/engine.rs` (natively) and `examples/bench_wasm.rs`
//! (natively and in the browser, side by side: `scripts/bench-wasm.sh`). MD5 only, PutRecord, PutRecords (batches
//! of 500) and a GetRecords scan of one large shard (Limit 10000, following NextShardIterator).
//!
//! The caller brings the clock (`Instant` natively, `performance.now()` in the page), in seconds: nothing here reads
//! a wall clock itself, so the same code compiles for both targets.

use kinesis_playground::engine::control::Capacity;
use kinesis_playground::engine::hash_key::hash_key_of;
use kinesis_playground::engine::records::PutRecordInput;
use kinesis_playground::engine::{Engine, EngineConfig, ShardIteratorType};
use std::hint::black_box;

pub const KEY_LEN: usize = 16;
pub const PAYLOAD_LEN: usize = 100;
pub const PUT_N: usize = 1_000_000;
pub const SHARDS: u32 = 4;
pub const SCAN_N: usize = 1_000_000;
pub const SCAN_PASSES: usize = 5;

/// A clock in seconds (any origin).
pub type Clock<'a> = &'a dyn Fn() -> f64;

/// 16-byte partition keys: 16 hex digits.
pub fn keys(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{:016x}", (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))).collect()
}

pub fn payload() -> Vec<u8> {
    vec![b'x'; PAYLOAD_LEN]
}

pub fn engine() -> Engine {
    // Measure the engine, not the per-shard limits (1,000 records/s per shard would pace the writes).
    Engine::new(EngineConfig {
        create_delay_ms: 0,
        max_retained_records: 50_000_000,
        enforce_throughput: false,
        ..EngineConfig::default()
    })
}

pub fn stream(e: &mut Engine, name: &str, shards: u32) {
    e.create_stream(name, Capacity::Provisioned { shard_count: shards }, Default::default())
        .expect("create the bench stream");
    e.advance(1);
}

/// MD5 of every key, as PutRecord routes it: keys per second.
pub fn md5_only(keys: &[String], now: Clock) -> f64 {
    let t = now();
    let mut acc = 0u128;
    for k in keys {
        acc ^= hash_key_of(black_box(k));
    }
    black_box(acc);
    keys.len() as f64 / (now() - t)
}

/// PutRecord of every key into a fresh 4-shard stream: records per second.
pub fn put_record(keys: &[String], payload: &[u8], now: Clock) -> f64 {
    let mut e = engine();
    stream(&mut e, "bench", SHARDS);
    let t = now();
    for (i, k) in keys.iter().enumerate() {
        let input = PutRecordInput { partition_key: k, data: payload, explicit_hash_key: None };
        black_box(e.put_record("bench", &input, None).expect("put"));
        if i % 100_000 == 99_999 {
            // Time moves on now and then, as it would while a producer runs.
            e.advance(1_000);
        }
    }
    keys.len() as f64 / (now() - t)
}

/// The requests of the PutRecords measurement: built once, outside the timed rounds, so that both put
/// measurements find the allocator in the same state.
pub fn batches<'a>(keys: &'a [String], payload: &'a [u8]) -> Vec<Vec<PutRecordInput<'a>>> {
    keys.chunks(500)
        .map(|c| {
            c.iter().map(|k| PutRecordInput { partition_key: k, data: payload, explicit_hash_key: None }).collect()
        })
        .collect()
}

/// PutRecords of every batch into a fresh 4-shard stream: records per second.
pub fn put_records(batches: &[Vec<PutRecordInput<'_>>], now: Clock) -> f64 {
    let mut e = engine();
    stream(&mut e, "bench", SHARDS);
    let t = now();
    for b in batches {
        black_box(e.put_records("bench", b).expect("put records"));
    }
    batches.iter().map(Vec::len).sum::<usize>() as f64 / (now() - t)
}

/// Reads one shard holding every key from TRIM_HORIZON to its tip, 10,000 records a call, `passes` times: the best
/// pass, in records per second. Filling the shard is not timed.
pub fn get_records_scan(keys: &[String], payload: &[u8], passes: usize, now: Clock) -> f64 {
    let mut e = engine();
    stream(&mut e, "scan", 1);
    for k in keys {
        let input = PutRecordInput { partition_key: k, data: payload, explicit_hash_key: None };
        e.put_record("scan", &input, None).expect("put");
    }
    let mut best = f64::MAX;
    for _ in 0..passes {
        let mut it = e
            .get_shard_iterator("scan", "shardId-000000000000", ShardIteratorType::TrimHorizon, None, None)
            .expect("iterator");
        let t = now();
        let mut seen = 0usize;
        loop {
            let out = e.get_records(&it, Some(10_000)).expect("get records");
            if out.records.is_empty() {
                break;
            }
            seen += out.records.len();
            black_box(&out.records);
            it = out.next_shard_iterator.expect("open shard");
        }
        best = best.min(now() - t);
        assert_eq!(seen, keys.len(), "the scan returns every record once");
    }
    keys.len() as f64 / best
}
