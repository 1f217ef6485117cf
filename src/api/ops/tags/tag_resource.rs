//! TagResource: adds or overwrites tags on a resource named by ARN (a stream; a consumer once consumers are
//! simulated). Its character rules are its own documentation's: letters, digits, white space, `_ . : / = + - @`.

use crate::api::common::{empty, str_of, STREAM_ID_MEMBER};
use crate::api::ops::streams::create_stream::tags_of;
use crate::api::validate::{req, Member, RESOURCE_ARN, TAG_MAP};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[req("Tags", TAG_MAP), req("ResourceARN", RESOURCE_ARN), STREAM_ID_MEMBER];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    engine.tag_resource(str_of(req, "ResourceARN").unwrap_or_default(), &tags_of(req, "Tags"))?;
    Ok(empty())
}
