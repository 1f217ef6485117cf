//! RemoveTagsFromStream: removes tags by key.

use crate::api::common::{empty, stream_name, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, Shape};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    req("TagKeys", Shape::StrList { min: 1, max: 50, item_min: 1, item_max: 128 }),
    STREAM_NAME_OR_ARN[1],
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let keys: Vec<String> = req
        .get("TagKeys")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    engine.remove_tags(&name, &keys)?;
    Ok(empty())
}
