//! EnableEnhancedMonitoring: shard-level CloudWatch metrics (`ALL` for every one), from the end of the UPDATING
//! it starts. Answers the metrics before and after.

use crate::api::common::{stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, Shape};
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

/// `MetricsNameList`: 1 to 7 metric names, or `ALL`.
pub const METRICS: Shape = Shape::EnumList {
    min: 1,
    max: 7,
    values: &[
        "IncomingBytes",
        "IncomingRecords",
        "OutgoingBytes",
        "OutgoingRecords",
        "WriteProvisionedThroughputExceeded",
        "ReadProvisionedThroughputExceeded",
        "IteratorAgeMilliseconds",
        "ALL",
    ],
};

pub const MEMBERS: &[Member] =
    &[STREAM_NAME_OR_ARN[0], req("ShardLevelMetrics", METRICS), STREAM_NAME_OR_ARN[1], STREAM_ID_MEMBER];

/// Enable (or, with `enable` false, disable) and answer as both operations do.
pub fn change(engine: &mut Engine, req: &Value, enable: bool) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let metrics: Vec<&str> = req
        .get("ShardLevelMetrics")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let change = engine.change_enhanced_monitoring(&name, &metrics, enable)?;
    Ok(json!({
        "StreamName": name,
        "CurrentShardLevelMetrics": change.current,
        "DesiredShardLevelMetrics": change.desired,
        "StreamARN": engine.stream_arn(&name),
    }))
}

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    change(engine, req, true)
}
