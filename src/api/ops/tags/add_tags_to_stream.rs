//! AddTagsToStream: adds or overwrites up to 50 tags on a stream.

use crate::api::common::{empty, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::ops::streams::create_stream::tags_of;
use crate::api::validate::{req, Member, TAG_MAP};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[STREAM_NAME_OR_ARN[0], req("Tags", TAG_MAP), STREAM_NAME_OR_ARN[1], STREAM_ID_MEMBER];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    engine.add_tags(&name, &tags_of(req, "Tags"))?;
    Ok(empty())
}
