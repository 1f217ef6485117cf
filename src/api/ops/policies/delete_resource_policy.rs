//! DeleteResourcePolicy: removes a stream's policy document.

use crate::api::common::{empty, str_of, STREAM_ID_MEMBER};
use crate::api::validate::{req, Member, RESOURCE_ARN};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[req("ResourceARN", RESOURCE_ARN), STREAM_ID_MEMBER];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    engine.set_resource_policy(str_of(req, "ResourceARN").unwrap_or_default(), None)?;
    Ok(empty())
}
