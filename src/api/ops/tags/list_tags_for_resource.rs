//! ListTagsForResource: every tag of a resource named by ARN, in key order.

use crate::api::common::{str_of, STREAM_ID_MEMBER};
use crate::api::validate::{req, Member, RESOURCE_ARN};
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[req("ResourceARN", RESOURCE_ARN), STREAM_ID_MEMBER];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let tags = engine.resource_tags(str_of(req, "ResourceARN").unwrap_or_default())?;
    Ok(json!({ "Tags": tags.iter().map(|(k, v)| json!({ "Key": k, "Value": v })).collect::<Vec<_>>() }))
}
