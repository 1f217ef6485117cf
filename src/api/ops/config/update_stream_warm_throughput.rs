//! UpdateStreamWarmThroughput: write capacity ready in advance for an on-demand stream (in an account with the
//! minimum throughput billing commitment), reached when the UPDATING it starts ends.

use crate::api::common::{int, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, Shape};
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[1],
    STREAM_NAME_OR_ARN[0],
    STREAM_ID_MEMBER,
    req("WarmThroughputMiBps", Shape::Int { min: 0, max: None }),
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let (target, current) =
        engine.update_stream_warm_throughput(&name, int(req, "WarmThroughputMiBps").unwrap_or_default())?;
    Ok(json!({
        "StreamARN": engine.stream_arn(&name),
        "StreamName": name,
        "WarmThroughput": { "TargetMiBps": target, "CurrentMiBps": current },
    }))
}
