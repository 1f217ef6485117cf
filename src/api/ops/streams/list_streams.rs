//! ListStreams: stream names in alphabetical order, a page at a time, with summaries.

use crate::api::common::{epoch, int, str_of};
use crate::api::validate::{opt, Member, Shape, NEXT_TOKEN, STREAM_NAME};
use crate::engine::{Engine, KinesisError, KinesisResult};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[
    opt("Limit", Shape::Int { min: 1, max: Some(10_000) }),
    opt("ExclusiveStartStreamName", STREAM_NAME),
    opt("NextToken", NEXT_TOKEN),
];

const DEFAULT_LIMIT: usize = 100;

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let limit = int(req, "Limit").map_or(DEFAULT_LIMIT, |n| n as usize);
    let after = match str_of(req, "NextToken") {
        Some(token) => Some(
            STANDARD
                .decode(token)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .and_then(|s| s.strip_prefix("after:").map(str::to_owned))
                .ok_or_else(|| KinesisError::invalid(format!("Invalid NextToken: {token}")))?,
        ),
        None => str_of(req, "ExclusiveStartStreamName").map(str::to_owned),
    };
    let streams: Vec<_> = engine.streams().filter(|s| after.as_deref().is_none_or(|a| s.name.as_str() > a)).collect();
    let page = &streams[..streams.len().min(limit)];
    let has_more = streams.len() > page.len();
    let mut out = json!({
        "StreamNames": page.iter().map(|s| s.name.clone()).collect::<Vec<_>>(),
        "HasMoreStreams": has_more,
    });
    if has_more {
        if let Some(last) = page.last() {
            out["NextToken"] = Value::String(STANDARD.encode(format!("after:{}", last.name)));
        }
    }
    out["StreamSummaries"] = page
        .iter()
        .map(|s| {
            json!({
                "StreamName": s.name,
                "StreamARN": s.arn,
                "StreamStatus": s.status.as_str(),
                "StreamModeDetails": { "StreamMode": s.mode.as_str() },
                "StreamCreationTimestamp": epoch(s.created_ms),
            })
        })
        .collect();
    Ok(out)
}
