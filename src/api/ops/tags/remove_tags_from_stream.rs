//! RemoveTagsFromStream: removes tags by key.

use crate::api::common::{empty, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, Shape};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

/// `TagKeyList`: 1 to 50 keys of 1 to 128 characters.
pub const TAG_KEY_LIST: Shape = Shape::StrList { min: 1, max: 50, item_min: 1, item_max: 128 };

pub const MEMBERS: &[Member] =
    &[STREAM_NAME_OR_ARN[0], req("TagKeys", TAG_KEY_LIST), STREAM_NAME_OR_ARN[1], STREAM_ID_MEMBER];

/// The `TagKeys` member.
pub fn tag_keys(req: &Value) -> Vec<String> {
    req.get("TagKeys")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    engine.remove_tags(&name, &tag_keys(req))?;
    Ok(empty())
}
