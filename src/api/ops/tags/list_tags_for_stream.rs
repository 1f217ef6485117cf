//! ListTagsForStream: a stream's tags in key order, a page at a time.

use crate::api::common::{int, str_of, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{opt, Member, Shape};
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    opt("ExclusiveStartTagKey", Shape::Str { min: 1, max: 128, pattern: None }),
    opt("Limit", Shape::Int { min: 1, max: Some(50) }),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
];

const DEFAULT_LIMIT: usize = 50;

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let stream = engine.existing(&name)?;
    let after = str_of(req, "ExclusiveStartTagKey");
    let limit = int(req, "Limit").map_or(DEFAULT_LIMIT, |n| n as usize);
    let tags: Vec<_> = stream.tags.iter().filter(|(k, _)| after.is_none_or(|a| k.as_str() > a)).collect();
    let page = &tags[..tags.len().min(limit)];
    Ok(json!({
        "Tags": page.iter().map(|(k, v)| json!({ "Key": k, "Value": v })).collect::<Vec<_>>(),
        "HasMoreTags": tags.len() > page.len(),
    }))
}
