//! PutRecord: one record, routed by the MD5 of its partition key (or an ExplicitHashKey) to an open shard.

use crate::api::common::{big, str_of, stream_name, STREAM_NAME_OR_ARN};
use crate::api::validate::{decode_blob, opt, req, Member, Shape, HASH_KEY, SEQUENCE_NUMBER};
use crate::engine::hash_key::parse_hash_key;
use crate::engine::records::PutRecordInput;
use crate::engine::{shard_id, Engine, KinesisError, KinesisResult};
use serde_json::{json, Value};

/// Largest payload of one record: 1 MiB (the classic limit).
pub const MAX_DATA_BYTES: usize = 1_048_576;

pub const DATA: Shape = Shape::Blob { max: MAX_DATA_BYTES };
pub const PARTITION_KEY: Shape = Shape::Str { min: 1, max: 256, pattern: None };

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    req("Data", DATA),
    req("PartitionKey", PARTITION_KEY),
    opt("ExplicitHashKey", HASH_KEY),
    opt("SequenceNumberForOrdering", SEQUENCE_NUMBER),
    STREAM_NAME_OR_ARN[1],
];

/// Reads an ExplicitHashKey member.
///
/// # Errors
/// `InvalidArgumentException` when it is 2^128 or more.
pub fn explicit_hash_key(entry: &Value) -> KinesisResult<Option<u128>> {
    match str_of(entry, "ExplicitHashKey") {
        None => Ok(None),
        Some(text) => parse_hash_key(text).map(Some).ok_or_else(|| {
            KinesisError::invalid(format!(
                "Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was {text}"
            ))
        }),
    }
}

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let data = decode_blob(str_of(req, "Data").unwrap_or_default())?;
    let input = PutRecordInput {
        partition_key: str_of(req, "PartitionKey").unwrap_or_default(),
        data: &data,
        explicit_hash_key: explicit_hash_key(req)?,
    };
    let r = engine.put_record(&name, &input, str_of(req, "SequenceNumberForOrdering"))?;
    Ok(json!({
        "ShardId": shard_id(r.shard_index),
        "SequenceNumber": big(r.sequence_number),
    }))
}
