//! Helpers for the enhanced fan-out tests: consumers through the api layer.
#![allow(dead_code)]

use kinesis_playground::api;
use kinesis_playground::engine::Engine;
use serde_json::json;

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
