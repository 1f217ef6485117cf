//! UpdateShardCount: replaces the open shards with TargetShardCount shards of equal width (UNIFORM_SCALING).

use crate::api::common::{int, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, Shape};
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    req("TargetShardCount", Shape::Int { min: 1, max: None }),
    req("ScalingType", Shape::Enum(&["UNIFORM_SCALING"])),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let target = int(req, "TargetShardCount").unwrap_or_default();
    let current = engine.update_shard_count(&name, target)?;
    Ok(json!({
        "StreamName": name,
        "CurrentShardCount": current,
        "TargetShardCount": target,
        "StreamARN": engine.stream_arn(&name),
    }))
}
