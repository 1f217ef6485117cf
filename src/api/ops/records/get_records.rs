//! GetRecords: records from a shard iterator's position, and the iterator to use next.

use crate::api::common::{big, epoch, int, mark_encrypted, str_of, STREAM_ID_MEMBER};
use crate::api::validate::{opt, req, Member, Shape, STREAM_ARN};
use crate::engine::{shard_id, Engine, KinesisResult};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[
    req("ShardIterator", Shape::Str { min: 1, max: 512, pattern: None }),
    opt("Limit", Shape::Int { min: 1, max: Some(10_000) }),
    opt("StreamARN", STREAM_ARN),
    STREAM_ID_MEMBER,
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let token = str_of(req, "ShardIterator").unwrap_or_default();
    // Kinesis accepts an iterator still wrapped in the JSON quotes a shell variable kept from `--query
    // 'ShardIterator'` (as the AWS tutorial does), and strips them.
    let token = token.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(token);
    let out = engine.get_records(token, int(req, "Limit").map(|n| n as usize))?;
    // The stream the iterator reads, for each record's encryption (by its arrival time).
    let settings = &out.stream.settings;
    let records: Vec<Value> = out
        .records
        .iter()
        .map(|r| {
            let mut rec = json!({
                "SequenceNumber": big(r.sequence_number),
                "ApproximateArrivalTimestamp": epoch(r.arrival_ms),
                "Data": STANDARD.encode(r.data),
                "PartitionKey": r.partition_key,
            });
            mark_encrypted(&mut rec, settings.encrypted_at(r.arrival_ms));
            rec
        })
        .collect();
    let mut body = json!({ "Records": records });
    if let Some(next) = out.next_shard_iterator {
        body["NextShardIterator"] = Value::String(next);
    }
    body["MillisBehindLatest"] = json!(out.millis_behind_latest);
    if let Some(children) = out.child_shards {
        body["ChildShards"] = children
            .iter()
            .map(|c| {
                json!({
                    "ShardId": shard_id(c.shard_index),
                    "ParentShards": c.parent_indexes.iter().map(|&p| shard_id(p)).collect::<Vec<_>>(),
                    "HashKeyRange": {
                        "StartingHashKey": big(c.hash_key_range.starting_hash_key),
                        "EndingHashKey": big(c.hash_key_range.ending_hash_key),
                    },
                })
            })
            .collect();
    }
    Ok(body)
}
