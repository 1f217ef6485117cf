//! Pieces shared by the operations: reading members, naming the stream, and the wire shapes of shards.

use super::validate::{int_of, opt, Member, STREAM_ARN, STREAM_ID, STREAM_NAME};
use crate::engine::{Engine, KinesisError, KinesisResult, Shard, Stream, StreamStatus};
use crate::time::{from_epoch_seconds_f64, Millis};
use serde_json::{json, Map, Value};

/// `StreamName` and `StreamARN`, optional in the model: the service needs one of them.
pub const STREAM_NAME_OR_ARN: [Member; 2] = [opt("StreamName", STREAM_NAME), opt("StreamARN", STREAM_ARN)];
/// `StreamId`, the last member of every stream-scoped request ("Not Implemented. Reserved for future use."):
/// checked against its pattern, then ignored.
pub const STREAM_ID_MEMBER: Member = opt("StreamId", STREAM_ID);

/// A string member.
pub fn str_of<'a>(req: &'a Value, name: &str) -> Option<&'a str> {
    req.get(name).and_then(Value::as_str)
}

/// An integer member.
pub fn int(req: &Value, name: &str) -> Option<i64> {
    req.get(name).and_then(int_of)
}

/// A boolean member.
pub fn bool_of(req: &Value, name: &str) -> Option<bool> {
    req.get(name).and_then(Value::as_bool)
}

/// A timestamp member (epoch seconds on the wire) in milliseconds.
pub fn timestamp(req: &Value, name: &str) -> Option<Millis> {
    req.get(name).and_then(Value::as_f64).and_then(from_epoch_seconds_f64)
}

/// The stream a request names, by `StreamName` or `StreamARN`.
///
/// # Errors
/// `ValidationException` when neither is given (as when `StreamName` was required), `ResourceNotFoundException`
/// for an ARN of another account or region, `InvalidArgumentException` when both are given and disagree.
pub fn stream_name(engine: &Engine, req: &Value) -> KinesisResult<String> {
    let by_name = str_of(req, "StreamName");
    let by_arn = str_of(req, "StreamARN");
    match (by_name, by_arn) {
        (None, None) => Err(KinesisError::validation(
            "1 validation error detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null",
        )),
        (Some(n), None) => Ok(n.to_owned()),
        (name, Some(arn)) => {
            let from_arn = stream_name_of_arn(engine, arn)?;
            match name {
                Some(n) if n != from_arn => Err(KinesisError::invalid(format!(
                    "StreamName {n} and StreamARN {arn} do not refer to the same stream."
                ))),
                _ => Ok(from_arn),
            }
        }
    }
}

/// The stream an ARN names.
///
/// # Errors
/// `ResourceNotFoundException` for an ARN of another account or region (no stream of this account is there).
pub fn stream_name_of_arn(engine: &Engine, arn: &str) -> KinesisResult<String> {
    engine.stream_name_from_arn(arn).ok_or_else(|| {
        KinesisError::not_found(format!(
            "Stream {} under account {} not found.",
            arn.rsplit('/').next().unwrap_or(arn),
            arn.split(':').nth(4).unwrap_or("")
        ))
    })
}

/// A hash key or sequence number on the wire: a decimal string.
pub fn big(n: impl ToString) -> Value {
    Value::String(n.to_string())
}

/// A timestamp on the wire: epoch seconds, with a millisecond fraction.
pub fn epoch(ms: Millis) -> Value {
    json!(crate::time::to_epoch_seconds_f64(ms))
}

/// The `Shard` structure: ShardId, ParentShardId, AdjacentParentShardId, HashKeyRange, SequenceNumberRange.
pub fn shard_json(shard: &Shard) -> Value {
    let mut m = Map::new();
    m.insert("ShardId".into(), Value::String(shard.shard_id()));
    if let Some(p) = shard.parent_index {
        m.insert("ParentShardId".into(), Value::String(crate::engine::shard_id(p)));
    }
    if let Some(p) = shard.adjacent_parent_index {
        m.insert("AdjacentParentShardId".into(), Value::String(crate::engine::shard_id(p)));
    }
    m.insert(
        "HashKeyRange".into(),
        json!({
            "StartingHashKey": big(shard.hash_key_range.starting_hash_key),
            "EndingHashKey": big(shard.hash_key_range.ending_hash_key),
        }),
    );
    let mut range = Map::new();
    range.insert("StartingSequenceNumber".into(), big(shard.starting_sequence_number()));
    if let Some(end) = shard.ending_sequence_number() {
        range.insert("EndingSequenceNumber".into(), big(end));
    }
    m.insert("SequenceNumberRange".into(), Value::Object(range));
    Value::Object(m)
}

/// The shards a description lists: none while the stream is CREATING.
pub fn visible_shards<'a>(engine: &'a Engine, name: &str) -> Vec<&'a Shard> {
    match engine.stream(name) {
        Some(s) if s.status != StreamStatus::Creating => s.shards.iter().collect(),
        _ => Vec::new(),
    }
}

/// `EnhancedMonitoring`: the stream's enabled shard-level metrics.
pub fn enhanced_monitoring(stream: &Stream) -> Value {
    json!([{ "ShardLevelMetrics": stream.settings.shard_level_metrics }])
}

/// `EncryptionType`, and `KeyId` when the stream is encrypted, into a description.
pub fn encryption_members(stream: &Stream, out: &mut Map<String, Value>) {
    out.insert("EncryptionType".into(), Value::String(stream.settings.encryption_type().into()));
    if let Some(e) = &stream.settings.encryption {
        out.insert("KeyId".into(), Value::String(e.key_id.clone()));
    }
}

/// `"EncryptionType": "KMS"` in a PutRecord, PutRecords or GetRecords answer when the record was encrypted
/// (the member is left out for unencrypted streams, as on AWS).
pub fn mark_encrypted(out: &mut Value, encrypted: bool) {
    if encrypted {
        out["EncryptionType"] = Value::String("KMS".into());
    }
}

/// An empty response.
pub fn empty() -> Value {
    Value::Object(Map::new())
}
