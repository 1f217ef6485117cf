//! UntagResource: removes tags by key from a resource named by ARN.

use crate::api::common::{empty, str_of, STREAM_ID_MEMBER};
use crate::api::ops::tags::remove_tags_from_stream::{tag_keys, TAG_KEY_LIST};
use crate::api::validate::{req, Member, RESOURCE_ARN};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[req("TagKeys", TAG_KEY_LIST), req("ResourceARN", RESOURCE_ARN), STREAM_ID_MEMBER];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    engine.untag_resource(str_of(req, "ResourceARN").unwrap_or_default(), &tag_keys(req))?;
    Ok(empty())
}
