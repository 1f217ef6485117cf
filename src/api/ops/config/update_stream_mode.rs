//! UpdateStreamMode: switches a stream (named by ARN) between PROVISIONED and ON_DEMAND, keeping its shards.

use crate::api::common::{empty, str_of, stream_name_of_arn, STREAM_NAME_OR_ARN};
use crate::api::validate::{opt, req, Member, Shape};
use crate::engine::{Engine, KinesisResult, StreamMode};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[
    Member { required: true, ..STREAM_NAME_OR_ARN[1] },
    req("StreamModeDetails", Shape::Struct(&[req("StreamMode", Shape::Enum(&["PROVISIONED", "ON_DEMAND"]))])),
    opt("WarmThroughputMiBps", Shape::Int { min: 0, max: None }),
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let arn = str_of(req, "StreamARN").unwrap_or_default();
    let name = stream_name_of_arn(engine, arn)?;
    let mode = req
        .pointer("/StreamModeDetails/StreamMode")
        .and_then(Value::as_str)
        .and_then(StreamMode::parse)
        .unwrap_or(StreamMode::Provisioned);
    engine.update_stream_mode(&name, mode)?;
    Ok(empty())
}
