//! ListStreamConsumers: the stream's consumers by name, a page at a time (MaxResults, default and at most 100).
//!
//! A NextToken stands for "the same stream's consumers, after this name" and is valid for 300 seconds; it is sent
//! with the same StreamARN (which the model requires) and without StreamCreationTimestamp.

use super::consumer_json;
use crate::api::common::{int, str_of, stream_name_of_arn, timestamp, STREAM_ID_MEMBER};
use crate::api::validate::{opt, req, Member, Shape, NEXT_TOKEN, STREAM_ARN};
use crate::engine::{Engine, ErrorType, KinesisError, KinesisResult};
use crate::time::Millis;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[
    req("StreamARN", STREAM_ARN),
    opt("NextToken", NEXT_TOKEN),
    opt("MaxResults", Shape::Int { min: 1, max: Some(10_000) }),
    opt("StreamCreationTimestamp", Shape::Timestamp),
    STREAM_ID_MEMBER,
];

/// Consumers per page when MaxResults is absent, and the most a page holds.
pub const DEFAULT_MAX_RESULTS: usize = 100;
const TOKEN_TTL_MS: Millis = 300_000;

struct Token {
    issued_ms: Millis,
    stream: String,
    after: String,
}

fn encode(t: &Token) -> String {
    STANDARD.encode(format!("consumers|{}|{}|{}", t.issued_ms, t.stream, t.after))
}

fn decode(text: &str) -> Option<Token> {
    let raw = String::from_utf8(STANDARD.decode(text).ok()?).ok()?;
    let mut parts = raw.strip_prefix("consumers|")?.splitn(3, '|');
    Some(Token {
        issued_ms: parts.next()?.parse().ok()?,
        stream: parts.next()?.to_owned(),
        after: parts.next()?.to_owned(),
    })
}

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let now = engine.now_ms();
    let name = stream_name_of_arn(engine, str_of(req, "StreamARN").unwrap_or_default())?;
    let after = match str_of(req, "NextToken") {
        Some(text) => {
            if req.get("StreamCreationTimestamp").is_some_and(|v| !v.is_null()) {
                return Err(KinesisError::invalid(
                    "NextToken and StreamCreationTimestamp cannot be provided together.",
                ));
            }
            let t = decode(text)
                .filter(|t| t.stream == name)
                .ok_or_else(|| KinesisError::invalid(format!("Invalid NextToken: {text}")))?;
            if now - t.issued_ms > TOKEN_TTL_MS {
                return Err(KinesisError::new(
                    ErrorType::ExpiredNextToken,
                    format!("The timestamp of the NextToken ({}) has expired.", t.issued_ms),
                ));
            }
            Some(t.after)
        }
        None => None,
    };
    if let Some(ts) = timestamp(req, "StreamCreationTimestamp") {
        if engine.stream(&name).is_some_and(|s| s.created_ms.div_euclid(1000) != ts.div_euclid(1000)) {
            return Err(KinesisError::not_found(format!(
                "Stream {name} under account {} not found.",
                engine.config().account_id
            )));
        }
    }
    let max = int(req, "MaxResults").map_or(DEFAULT_MAX_RESULTS, |n| (n as usize).min(DEFAULT_MAX_RESULTS));
    let consumers = engine.list_stream_consumers(&name)?;
    let rest: Vec<_> = consumers.into_iter().filter(|c| after.as_deref().is_none_or(|a| c.name.as_str() > a)).collect();
    let page = &rest[..rest.len().min(max)];
    let mut out = json!({ "Consumers": page.iter().map(|c| consumer_json(c)).collect::<Vec<_>>() });
    if rest.len() > page.len() {
        if let Some(last) = page.last() {
            out["NextToken"] = Value::String(encode(&Token { issued_ms: now, stream: name, after: last.name.clone() }));
        }
    }
    Ok(out)
}
