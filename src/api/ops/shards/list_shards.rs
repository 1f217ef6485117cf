//! ListShards: the stream's shards, filtered (ShardFilter) and paged (MaxResults, NextToken).
//!
//! A NextToken stands for "the same listing, after this shard" and is valid for 300 seconds; it must be sent
//! without StreamName.

use crate::api::common::{
    int, shard_json, str_of, stream_name, timestamp, visible_shards, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN,
};
use crate::api::validate::{opt, req, Member, Shape, NEXT_TOKEN, SHARD_ID};
use crate::engine::{parse_shard_id, Engine, ErrorType, KinesisError, KinesisResult, Shard};
use crate::time::Millis;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};

const FILTER_TYPES: &[&str] =
    &["AFTER_SHARD_ID", "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON", "AT_LATEST", "AT_TIMESTAMP", "FROM_TIMESTAMP"];

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    opt("NextToken", NEXT_TOKEN),
    opt("ExclusiveStartShardId", SHARD_ID),
    opt("MaxResults", Shape::Int { min: 1, max: Some(10_000) }),
    opt("StreamCreationTimestamp", Shape::Timestamp),
    opt(
        "ShardFilter",
        Shape::Struct(&[
            req("Type", Shape::Enum(FILTER_TYPES)),
            opt("ShardId", SHARD_ID),
            opt("Timestamp", Shape::Timestamp),
        ]),
    ),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
];

const DEFAULT_MAX: usize = 1000;
const TOKEN_TTL_MS: Millis = 300_000;

struct Token {
    stream: String,
    after: u32,
    issued_ms: Millis,
}

fn encode(t: &Token) -> String {
    STANDARD.encode(format!("{}|{}|{}", t.issued_ms, t.after, t.stream))
}

fn decode(text: &str) -> Option<Token> {
    let raw = String::from_utf8(STANDARD.decode(text).ok()?).ok()?;
    let mut parts = raw.splitn(3, '|');
    Some(Token {
        issued_ms: parts.next()?.parse().ok()?,
        after: parts.next()?.parse().ok()?,
        stream: parts.next()?.to_owned(),
    })
}

fn passes(filter: &Value, shard: &Shard, all: &[&Shard], now: Millis) -> KinesisResult<bool> {
    let kind = filter.get("Type").and_then(Value::as_str).unwrap_or("FROM_TRIM_HORIZON");
    let at = filter.get("Timestamp").and_then(Value::as_f64).and_then(crate::time::from_epoch_seconds_f64);
    let open_at = |t: Millis| shard.created_ms <= t && shard.closed_ms.is_none_or(|c| c > t);
    Ok(match kind {
        "AFTER_SHARD_ID" => {
            let id = filter.get("ShardId").and_then(Value::as_str).ok_or_else(|| {
                KinesisError::invalid("ShardId must be specified when the ShardFilter type is AFTER_SHARD_ID.")
            })?;
            parse_shard_id(id).is_some_and(|a| shard.index > a)
        }
        "AT_TRIM_HORIZON" => {
            shard.parent_index.into_iter().chain(shard.adjacent_parent_index).all(|p| !all.iter().any(|s| s.index == p))
        }
        "AT_LATEST" => shard.is_open(),
        "AT_TIMESTAMP" | "FROM_TIMESTAMP" => {
            let t = at.ok_or_else(|| {
                KinesisError::invalid(format!("Timestamp must be specified when the ShardFilter type is {kind}."))
            })?;
            let t = t.min(now);
            if kind == "AT_TIMESTAMP" {
                open_at(t) || (t < shard.created_ms && shard.parent_index.is_none())
            } else {
                shard.closed_ms.is_none_or(|c| c > t)
            }
        }
        _ => true,
    })
}

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let now = engine.now_ms();
    let (name, mut after) = match str_of(req, "NextToken") {
        Some(text) => {
            if req.get("StreamName").is_some() {
                return Err(KinesisError::invalid("NextToken and StreamName cannot be provided together."));
            }
            let t =
                decode(text).ok_or_else(|| KinesisError::invalid(format!("Invalid ShardId in NextToken: {text}")))?;
            if now - t.issued_ms > TOKEN_TTL_MS {
                return Err(KinesisError::new(
                    ErrorType::ExpiredNextToken,
                    format!("The timestamp of the NextToken ({}) has expired.", t.issued_ms),
                ));
            }
            (t.stream, Some(t.after))
        }
        None if str_of(req, "StreamName").is_none() && str_of(req, "StreamARN").is_none() => {
            return Err(KinesisError::invalid("Either NextToken or StreamName should be provided."))
        }
        None => (stream_name(engine, req)?, None),
    };
    engine.existing(&name)?;
    if let Some(a) = str_of(req, "ExclusiveStartShardId") {
        after = after.max(parse_shard_id(a));
    }
    if let Some(ts) = timestamp(req, "StreamCreationTimestamp") {
        if engine.stream(&name).is_some_and(|s| s.created_ms / 1000 != ts / 1000) {
            return Err(KinesisError::not_found(format!(
                "Stream {name} under account {} not found.",
                engine.config().account_id
            )));
        }
    }
    let max = int(req, "MaxResults").map_or(DEFAULT_MAX, |n| (n as usize).min(DEFAULT_MAX));
    let all = visible_shards(engine, &name);
    let filter = req.get("ShardFilter").cloned().unwrap_or(Value::Null);
    let mut shards = Vec::new();
    for s in all.iter().filter(|s| after.is_none_or(|a| s.index > a)) {
        if filter.is_null() || passes(&filter, s, &all, now)? {
            shards.push(*s);
        }
    }
    let page = &shards[..shards.len().min(max)];
    let mut out = json!({ "Shards": page.iter().map(|s| shard_json(s)).collect::<Vec<_>>() });
    if shards.len() > page.len() {
        if let Some(last) = page.last() {
            out["NextToken"] = Value::String(encode(&Token { stream: name, after: last.index, issued_ms: now }));
        }
    }
    Ok(out)
}
