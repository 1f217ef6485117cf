//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use kinesis_playground::api;
use kinesis_playground::engine::{Engine, EngineConfig, KinesisError};
use serde_json::{json, Value};

/// A fresh engine at the default start time.
pub fn engine() -> Engine {
    Engine::new(EngineConfig::default())
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
