//! DisableEnhancedMonitoring: turns shard-level metrics off (`ALL` for every one) when the UPDATING it starts ends.

use super::enable_enhanced_monitoring::{change, METRICS};
use crate::api::common::{STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] =
    &[STREAM_NAME_OR_ARN[0], req("ShardLevelMetrics", METRICS), STREAM_NAME_OR_ARN[1], STREAM_ID_MEMBER];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    change(engine, req, false)
}
