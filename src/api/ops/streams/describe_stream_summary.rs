//! DescribeStreamSummary: the stream without its shards, with the open shard count.

use crate::api::common::{enhanced_monitoring, epoch, stream_name, STREAM_NAME_OR_ARN};
use crate::api::validate::Member;
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &STREAM_NAME_OR_ARN;

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let stream = engine.existing(&name)?;
    Ok(json!({
        "StreamDescriptionSummary": {
            "StreamName": stream.name,
            "StreamARN": stream.arn,
            "StreamStatus": stream.status.as_str(),
            "StreamModeDetails": { "StreamMode": stream.mode.as_str() },
            "RetentionPeriodHours": stream.retention_hours,
            "StreamCreationTimestamp": epoch(stream.created_ms),
            "EnhancedMonitoring": enhanced_monitoring(),
            "EncryptionType": "NONE",
            "OpenShardCount": stream.open_shard_count(),
            "ConsumerCount": stream.consumers.len(),
        }
    }))
}
