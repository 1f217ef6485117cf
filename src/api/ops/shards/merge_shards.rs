//! MergeShards: two adjacent open shards become one.

use crate::api::common::{empty, str_of, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, SHARD_ID};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    req("ShardToMerge", SHARD_ID),
    req("AdjacentShardToMerge", SHARD_ID),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    engine.merge_shards(
        &name,
        str_of(req, "ShardToMerge").unwrap_or_default(),
        str_of(req, "AdjacentShardToMerge").unwrap_or_default(),
    )?;
    Ok(empty())
}
