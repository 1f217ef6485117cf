//! DecreaseStreamRetentionPeriod: how long records stay readable, from 24 to 8760 hours.
//! Records older than the new period become unreadable at once.

use crate::api::common::{empty, int, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, Shape};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    req("RetentionPeriodHours", Shape::Int { min: i64::MIN, max: None }),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    engine.decrease_retention(&name, int(req, "RetentionPeriodHours").unwrap_or_default())?;
    Ok(empty())
}
