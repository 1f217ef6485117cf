//! Helpers for the enhanced fan-out tests: consumers, subscriptions and their events through the api layer.
#![allow(dead_code)]

use kinesis_playground::api::ops::consumers::subscribe_to_shard::{subscribe, EventStream, StreamMessage};
use kinesis_playground::api::{self, ApiError};
use kinesis_playground::engine::Engine;
use serde_json::{json, Value};

/// The ARN of a stream of the default account and region.
pub fn stream_arn(name: &str) -> String {
    format!("arn:aws:kinesis:us-east-1:123456789012:stream/{name}")
}

/// Registers a consumer and returns its ARN (it is CREATING).
pub fn register(e: &mut Engine, stream: &str, consumer: &str) -> String {
    let r = api::call(e, "RegisterStreamConsumer", &json!({"StreamARN": stream_arn(stream), "ConsumerName": consumer}))
        .unwrap_or_else(|err| panic!("RegisterStreamConsumer {consumer}: {err}"));
    r["Consumer"]["ConsumerARN"].as_str().expect("ConsumerARN").to_owned()
}

/// Registers a consumer and waits until it is ACTIVE; returns its ARN.
pub fn active_consumer(e: &mut Engine, stream: &str, consumer: &str) -> String {
    let arn = register(e, stream, consumer);
    e.advance(e.config().create_delay_ms);
    arn
}

/// The status DescribeStreamConsumer reports for a consumer ARN.
pub fn consumer_status(e: &mut Engine, arn: &str) -> String {
    let d = api::call(e, "DescribeStreamConsumer", &json!({"ConsumerARN": arn})).expect("DescribeStreamConsumer");
    d["ConsumerDescription"]["ConsumerStatus"].as_str().expect("ConsumerStatus").to_owned()
}

/// SubscribeToShard with a StartingPosition given as JSON.
pub fn try_subscribe(e: &mut Engine, arn: &str, shard: &str, position: Value) -> Result<EventStream, ApiError> {
    subscribe(e, &json!({"ConsumerARN": arn, "ShardId": shard, "StartingPosition": position}))
}

/// SubscribeToShard that must succeed.
pub fn subscribe_ok(e: &mut Engine, arn: &str, shard: &str, position: Value) -> EventStream {
    try_subscribe(e, arn, shard, position).unwrap_or_else(|err| panic!("SubscribeToShard {shard}: {err}"))
}

/// The payloads of the SubscribeToShardEvent messages.
pub fn payloads(messages: &[StreamMessage]) -> Vec<Value> {
    messages.iter().filter(|m| m.event_type() == Some("SubscribeToShardEvent")).filter_map(|m| m.payload()).collect()
}

/// Partition keys of the records of an event payload.
pub fn keys_of(payload: &Value) -> Vec<String> {
    payload["Records"]
        .as_array()
        .expect("Records is a list")
        .iter()
        .map(|r| r["PartitionKey"].as_str().expect("PartitionKey").to_owned())
        .collect()
}

/// Partition keys over all events, in order.
pub fn all_keys(messages: &[StreamMessage]) -> Vec<String> {
    payloads(messages).iter().flat_map(keys_of).collect()
}

/// The end message, if the stream ended.
pub fn end_of(messages: &[StreamMessage]) -> Option<&StreamMessage> {
    messages.iter().find(|m| matches!(m, StreamMessage::End { .. }))
}
