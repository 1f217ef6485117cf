//! UpdateStreamMode: switches a stream (named by ARN) between PROVISIONED and ON_DEMAND, keeping its shards.

use crate::api::common::{empty, int, str_of, stream_name_of_arn, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{opt, req, Member, Shape};
use crate::engine::{Engine, KinesisError, KinesisResult, StreamMode};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[
    Member { required: true, ..STREAM_NAME_OR_ARN[1] },
    STREAM_ID_MEMBER,
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
    let warm = match int(req, "WarmThroughputMiBps") {
        Some(_) if mode != StreamMode::OnDemand => {
            return Err(KinesisError::invalid(
                "WarmThroughputMiBps is only valid when the stream mode is being updated to ON_DEMAND.",
            ))
        }
        Some(mibps) => Some(engine.check_warm_throughput(mibps)?),
        None => None,
    };
    engine.update_stream_mode(&name, mode)?;
    if let Some(target) = warm {
        engine.plan_warm_throughput(&name, target);
    }
    Ok(empty())
}
