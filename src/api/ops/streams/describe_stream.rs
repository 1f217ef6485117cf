//! DescribeStream: the stream and a page of its shards (100 by default).

use crate::api::common::{
    encryption_members, enhanced_monitoring, epoch, int, shard_json, str_of, stream_name, visible_shards,
    STREAM_ID_MEMBER, STREAM_NAME_OR_ARN,
};
use crate::api::validate::{opt, Member, Shape, SHARD_ID};
use crate::engine::{parse_shard_id, Engine, KinesisResult};
use serde_json::{json, Map, Value};

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    opt("Limit", Shape::Int { min: 1, max: Some(10_000) }),
    opt("ExclusiveStartShardId", SHARD_ID),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
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
    let mut d = Map::new();
    d.insert("StreamName".into(), json!(stream.name));
    d.insert("StreamARN".into(), json!(stream.arn));
    d.insert("StreamStatus".into(), json!(stream.status.as_str()));
    d.insert("StreamModeDetails".into(), json!({ "StreamMode": stream.mode.as_str() }));
    d.insert("Shards".into(), page.iter().map(|s| shard_json(s)).collect());
    d.insert("HasMoreShards".into(), json!(shards.len() > page.len()));
    d.insert("RetentionPeriodHours".into(), json!(stream.retention_hours));
    d.insert("StreamCreationTimestamp".into(), epoch(stream.created_ms));
    d.insert("EnhancedMonitoring".into(), enhanced_monitoring(stream));
    encryption_members(stream, &mut d);
    Ok(json!({ "StreamDescription": d }))
}
