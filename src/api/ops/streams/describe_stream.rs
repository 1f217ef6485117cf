//! DescribeStream: the stream and a page of its shards (100 by default).

use crate::api::common::{
    enhanced_monitoring, epoch, int, shard_json, str_of, stream_name, visible_shards, STREAM_NAME_OR_ARN,
};
use crate::api::validate::{opt, Member, Shape, SHARD_ID};
use crate::engine::{parse_shard_id, Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    opt("Limit", Shape::Int { min: 1, max: Some(10_000) }),
    opt("ExclusiveStartShardId", SHARD_ID),
    STREAM_NAME_OR_ARN[1],
];

const DEFAULT_LIMIT: usize = 100;

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let stream = engine.existing(&name)?;
    let limit = int(req, "Limit").map_or(DEFAULT_LIMIT, |n| n as usize);
    let after = str_of(req, "ExclusiveStartShardId").and_then(parse_shard_id);
    let shards: Vec<_> =
        visible_shards(engine, &name).into_iter().filter(|s| after.is_none_or(|a| s.index > a)).collect();
    let page = &shards[..shards.len().min(limit)];
    Ok(json!({
        "StreamDescription": {
            "StreamName": stream.name,
            "StreamARN": stream.arn,
            "StreamStatus": stream.status.as_str(),
            "StreamModeDetails": { "StreamMode": stream.mode.as_str() },
            "Shards": page.iter().map(|s| shard_json(s)).collect::<Vec<_>>(),
            "HasMoreShards": shards.len() > page.len(),
            "RetentionPeriodHours": stream.retention_hours,
            "StreamCreationTimestamp": epoch(stream.created_ms),
            "EnhancedMonitoring": enhanced_monitoring(),
            "EncryptionType": "NONE",
        }
    }))
}
