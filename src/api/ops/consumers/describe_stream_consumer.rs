//! DescribeStreamConsumer: one consumer, by its ARN or by its stream's ARN and its name.

use super::{consumer_json, named_consumer, CONSUMER_SELECTOR};
use crate::api::validate::Member;
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = CONSUMER_SELECTOR;

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let named = named_consumer(engine, req)?;
    let (consumer, stream_arn) = engine.describe_stream_consumer(named.key())?;
    let mut description = consumer_json(&consumer);
    description["StreamARN"] = Value::String(stream_arn);
    Ok(json!({ "ConsumerDescription": description }))
}
