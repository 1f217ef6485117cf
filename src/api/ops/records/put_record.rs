//! PutRecord: one record, routed by the MD5 of its partition key (or an ExplicitHashKey) to an open shard.

use crate::api::common::{big, mark_encrypted, str_of, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{decode_blob, opt, req, Member, Shape, HASH_KEY, SEQUENCE_NUMBER};
use crate::engine::hash_key::parse_hash_key;
use crate::engine::records::PutRecordInput;
use crate::engine::{shard_id, Engine, KinesisError, KinesisResult};
use serde_json::{json, Value};

/// Largest payload of one record in the model: 10 MiB (a stream takes 1 MiB unless its MaxRecordSizeInKiB is
/// raised; [`check_record_sizes`] holds each record to its stream's limit).
pub const MAX_DATA_BYTES: usize = 10_485_760;

pub const DATA: Shape = Shape::Blob { max: MAX_DATA_BYTES };
pub const PARTITION_KEY: Shape = Shape::Str { min: 1, max: 256, pattern: None };

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    req("Data", DATA),
    req("PartitionKey", PARTITION_KEY),
    opt("ExplicitHashKey", HASH_KEY),
    opt("SequenceNumberForOrdering", SEQUENCE_NUMBER),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
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

/// Holds records to their stream's MaxRecordSizeInKiB (1 MiB unless raised), in the ValidationException format
/// the model's own length check uses: `(path, data length)` per record.
///
/// # Errors
/// `ValidationException` listing (at most ten of) the records whose data is longer than the stream takes.
pub fn check_record_sizes(engine: &Engine, name: &str, records: &[(String, usize)]) -> KinesisResult<()> {
    let Some(stream) = engine.stream(name) else { return Ok(()) };
    let max = stream.settings.max_record_bytes();
    let items: Vec<String> = records
        .iter()
        .filter(|(_, n)| *n > max)
        .take(10)
        .map(|(path, n)| {
            format!("Value 'java.nio.HeapByteBuffer[pos=0 lim={n} cap={n}]' at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}")
        })
        .collect();
    if items.is_empty() {
        return Ok(());
    }
    let s = if items.len() == 1 { "" } else { "s" };
    Err(KinesisError::validation(format!("{} validation error{s} detected: {}", items.len(), items.join("; "))))
}

/// Whether records the stream takes now are stored encrypted.
pub fn encrypting(engine: &Engine, name: &str) -> bool {
    engine.stream(name).is_some_and(|s| s.settings.encrypted_at(engine.now_ms()))
}

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let data = decode_blob(str_of(req, "Data").unwrap_or_default())?;
    check_record_sizes(engine, &name, &[("data".to_owned(), data.len())])?;
    let input = PutRecordInput {
        partition_key: str_of(req, "PartitionKey").unwrap_or_default(),
        data: &data,
        explicit_hash_key: explicit_hash_key(req)?,
    };
    let r = engine.put_record(&name, &input, str_of(req, "SequenceNumberForOrdering"))?;
    let mut out = json!({
        "ShardId": shard_id(r.shard_index),
        "SequenceNumber": big(r.sequence_number),
    });
    mark_encrypted(&mut out, encrypting(engine, &name));
    Ok(out)
}
