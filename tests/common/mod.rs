//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use kinesis_playground::api;
use kinesis_playground::engine::{Engine, EngineConfig, KinesisError};
use serde_json::{json, Value};

/// A fresh engine at the default start time.
pub fn engine() -> Engine {
    Engine::new(EngineConfig::default())
}

/// A fresh engine that does not enforce the per-shard throughput limits, for conformance tests that read and
/// write many times within one simulated second (throttling is tested on its own in `capacity.rs`).
pub fn unthrottled() -> Engine {
    Engine::new(EngineConfig { enforce_throughput: false, ..EngineConfig::default() })
}

/// Calls an operation; panics with the error so tests read straight.
pub fn ok(e: &mut Engine, op: &str, req: Value) -> Value {
    api::call(e, op, &req).unwrap_or_else(|err| panic!("{op} failed: {err}"))
}

/// Calls an operation that must fail.
pub fn err(e: &mut Engine, op: &str, req: Value) -> KinesisError {
    match api::call(e, op, &req) {
        Ok(v) => panic!("{op} should have failed, got {v}"),
        Err(err) => err,
    }
}

/// An ACTIVE provisioned stream with `shards` shards.
pub fn active_stream(e: &mut Engine, name: &str, shards: u32) {
    ok(e, "CreateStream", json!({"StreamName": name, "ShardCount": shards}));
    e.advance(e.config().create_delay_ms);
}

/// Base64 of text.
pub fn b64(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// Puts one record and returns (shard id, sequence number).
pub fn put(e: &mut Engine, stream: &str, key: &str, data: &str) -> (String, String) {
    let r = ok(e, "PutRecord", json!({"StreamName": stream, "PartitionKey": key, "Data": b64(data)}));
    (r["ShardId"].as_str().unwrap().to_owned(), r["SequenceNumber"].as_str().unwrap().to_owned())
}

/// An iterator of the given type on a shard.
pub fn iterator(e: &mut Engine, stream: &str, shard: &str, kind: &str, extra: Value) -> String {
    let mut req = json!({"StreamName": stream, "ShardId": shard, "ShardIteratorType": kind});
    if let (Some(m), Some(x)) = (req.as_object_mut(), extra.as_object()) {
        m.extend(x.clone());
    }
    ok(e, "GetShardIterator", req)["ShardIterator"].as_str().unwrap().to_owned()
}

/// Partition keys of the records a GetRecords response returned.
pub fn keys(resp: &Value) -> Vec<String> {
    resp["Records"].as_array().unwrap().iter().map(|r| r["PartitionKey"].as_str().unwrap().to_owned()).collect()
}

/// GetRecords with an optional limit.
pub fn get_records(e: &mut Engine, it: &str, limit: Option<u32>) -> Value {
    let mut req = json!({"ShardIterator": it});
    if let Some(l) = limit {
        req["Limit"] = json!(l);
    }
    ok(e, "GetRecords", req)
}

/// The `NextShardIterator` of a GetRecords response.
pub fn next_it(resp: &Value) -> String {
    resp["NextShardIterator"].as_str().expect("an open shard always hands out a NextShardIterator").to_owned()
}

/// Sequence numbers of the records a GetRecords response returned.
pub fn seqs(resp: &Value) -> Vec<String> {
    resp["Records"]
        .as_array()
        .expect("Records is a list")
        .iter()
        .map(|r| r["SequenceNumber"].as_str().expect("SequenceNumber is a string").to_owned())
        .collect()
}

/// Every retained record of a shard, read from TRIM_HORIZON until caught up: (partition key, sequence number).
pub fn read_all(e: &mut Engine, stream: &str, shard: &str) -> Vec<(String, String)> {
    let mut it = iterator(e, stream, shard, "TRIM_HORIZON", json!({}));
    let mut out = Vec::new();
    loop {
        let r = get_records(e, &it, None);
        let got: Vec<(String, String)> = keys(&r).into_iter().zip(seqs(&r)).collect();
        let done = got.is_empty();
        out.extend(got);
        match r["NextShardIterator"].as_str() {
            Some(n) if !done => it = n.to_owned(),
            _ => return out,
        }
    }
}

/// Asserts an error's type and exact message.
#[track_caller]
pub fn assert_error(err: &KinesisError, type_name: &str, message: &str) {
    assert_eq!(err.error_type.aws_name(), type_name, "type of {err}");
    assert_eq!(err.message, message, "message of {err}");
}

/// Calls an operation that must fail, and checks the error's type and exact message.
#[track_caller]
pub fn expect_err(e: &mut Engine, op: &str, req: Value, type_name: &str, message: &str) {
    let got = err(e, op, req);
    assert_error(&got, type_name, message);
}

/// A view of everything observable about the engine's streams through the API (descriptions, tags, every
/// retained record), to check that a failed call changed nothing.
pub fn observable_state(e: &mut Engine) -> Value {
    let names: Vec<String> = e.streams().map(|s| s.name.clone()).collect();
    let mut streams = Vec::new();
    for name in names {
        let d = ok(e, "DescribeStream", json!({"StreamName": name}));
        let tags = ok(e, "ListTagsForStream", json!({"StreamName": name}));
        let mut records = Vec::new();
        if d["StreamDescription"]["StreamStatus"] != "CREATING" {
            let shards: Vec<String> = d["StreamDescription"]["Shards"]
                .as_array()
                .expect("Shards is a list")
                .iter()
                .map(|s| s["ShardId"].as_str().expect("ShardId").to_owned())
                .collect();
            for shard in shards {
                records.push(json!(read_all(e, &name, &shard)));
            }
        }
        streams.push(json!({"describe": d, "tags": tags, "records": records}));
    }
    json!({
        "now": e.now_ms(),
        "retained": e.retained_records(),
        "list": ok(e, "ListStreams", json!({})),
        "limits": ok(e, "DescribeLimits", json!({})),
        "streams": streams,
    })
}
