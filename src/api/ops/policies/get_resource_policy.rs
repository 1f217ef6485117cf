//! GetResourcePolicy: the policy document of a stream, as it was put (`{}` when it has none).

use crate::api::common::{str_of, STREAM_ID_MEMBER};
use crate::api::validate::{req, Member, RESOURCE_ARN};
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[req("ResourceARN", RESOURCE_ARN), STREAM_ID_MEMBER];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let policy = engine.resource_policy(str_of(req, "ResourceARN").unwrap_or_default())?;
    Ok(json!({ "Policy": policy }))
}
