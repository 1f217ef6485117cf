//! PutResourcePolicy: attaches a policy document (JSON) to a stream, replacing any earlier one.

use super::document::check_policy;
use crate::api::common::{empty, str_of, STREAM_ID_MEMBER};
use crate::api::validate::{req, Member, Shape, RESOURCE_ARN};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[
    req("ResourceARN", RESOURCE_ARN),
    STREAM_ID_MEMBER,
    req("Policy", Shape::Str { min: 0, max: usize::MAX, pattern: None }),
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let arn = str_of(req, "ResourceARN").unwrap_or_default();
    let policy = str_of(req, "Policy").unwrap_or_default();
    engine.resource(arn)?;
    check_policy(policy)?;
    engine.set_resource_policy(arn, Some(policy.to_owned()))?;
    Ok(empty())
}
