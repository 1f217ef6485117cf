//! GetShardIterator: a token for a position in one shard, valid for 300 seconds.

use crate::api::common::{str_of, stream_name, timestamp, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{opt, req, Member, Shape, SEQUENCE_NUMBER, SHARD_ID};
use crate::engine::{Engine, KinesisResult, ShardIteratorType};
use crate::time::{MAX_MILLIS, MIN_MILLIS};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    req("ShardId", SHARD_ID),
    req(
        "ShardIteratorType",
        Shape::Enum(&["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]),
    ),
    opt("StartingSequenceNumber", SEQUENCE_NUMBER),
    opt("Timestamp", Shape::Timestamp),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let kind = str_of(req, "ShardIteratorType").and_then(ShardIteratorType::parse).unwrap_or(ShardIteratorType::Latest);
    let token = engine.get_shard_iterator(
        &name,
        str_of(req, "ShardId").unwrap_or_default(),
        kind,
        str_of(req, "StartingSequenceNumber"),
        // A number too large (or small) for a date still counts as given: it is simply in the future (or past).
        timestamp(req, "Timestamp").or_else(|| {
            req.get("Timestamp").and_then(Value::as_f64).map(|f| if f > 0.0 { MAX_MILLIS } else { MIN_MILLIS })
        }),
    )?;
    Ok(json!({ "ShardIterator": token }))
}
