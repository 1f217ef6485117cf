//! DescribeStreamSummary: the stream without its shards: open shard count, consumers, encryption, shard-level
//! metrics, the maximum record size and (on-demand streams of accounts with a throughput commitment) the warm
//! throughput.

use crate::api::common::{
    encryption_members, enhanced_monitoring, epoch, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN,
};
use crate::api::validate::Member;
use crate::engine::{Engine, KinesisResult, StreamMode};
use serde_json::{json, Map, Value};

pub const MEMBERS: &[Member] = &[STREAM_NAME_OR_ARN[0], STREAM_NAME_OR_ARN[1], STREAM_ID_MEMBER];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let warm = engine.account_commitment().is_enabled(engine.now_ms());
    let stream = engine.existing(&name)?;
    let mut d = Map::new();
    d.insert("StreamName".into(), json!(stream.name));
    d.insert("StreamARN".into(), json!(stream.arn));
    d.insert("StreamStatus".into(), json!(stream.status.as_str()));
    d.insert("StreamModeDetails".into(), json!({ "StreamMode": stream.mode.as_str() }));
    d.insert("RetentionPeriodHours".into(), json!(stream.retention_hours));
    d.insert("StreamCreationTimestamp".into(), epoch(stream.created_ms));
    d.insert("EnhancedMonitoring".into(), enhanced_monitoring(stream));
    encryption_members(stream, &mut d);
    d.insert("OpenShardCount".into(), json!(stream.open_shard_count()));
    d.insert("ConsumerCount".into(), json!(stream.consumers.len()));
    if warm && stream.mode == StreamMode::OnDemand {
        d.insert(
            "WarmThroughput".into(),
            json!({
                "TargetMiBps": stream.settings.warm_throughput_mibps.unwrap_or(0),
                "CurrentMiBps": stream.open_shard_count(),
            }),
        );
    }
    d.insert("MaxRecordSizeInKiB".into(), json!(stream.settings.max_record_size_kib));
    Ok(json!({ "StreamDescriptionSummary": d }))
}
