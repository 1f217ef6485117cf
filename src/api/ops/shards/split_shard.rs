//! SplitShard: one open shard becomes two, split at NewStartingHashKey, when UPDATING ends.

use crate::api::common::{empty, str_of, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, HASH_KEY, SHARD_ID};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    req("ShardToSplit", SHARD_ID),
    req("NewStartingHashKey", HASH_KEY),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    engine.split_shard(
        &name,
        str_of(req, "ShardToSplit").unwrap_or_default(),
        str_of(req, "NewStartingHashKey").unwrap_or_default(),
    )?;
    Ok(empty())
}
