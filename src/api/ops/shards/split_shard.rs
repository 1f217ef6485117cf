//! SplitShard: one open shard becomes two, split at NewStartingHashKey.

use crate::api::common::{empty, str_of, stream_name, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, HASH_KEY, SHARD_ID};
use crate::engine::hash_key::parse_hash_key;
use crate::engine::{Engine, KinesisError, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] =
    &[STREAM_NAME_OR_ARN[0], req("ShardToSplit", SHARD_ID), req("NewStartingHashKey", HASH_KEY), STREAM_NAME_OR_ARN[1]];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let key_text = str_of(req, "NewStartingHashKey").unwrap_or_default();
    let key = parse_hash_key(key_text).ok_or_else(|| {
        KinesisError::invalid(format!(
            "NewStartingHashKey {key_text} used in SplitShard() is not a valid hash key: it must be in the range [0, 2^128-1]."
        ))
    })?;
    engine.split_shard(&name, str_of(req, "ShardToSplit").unwrap_or_default(), key)?;
    Ok(empty())
}
