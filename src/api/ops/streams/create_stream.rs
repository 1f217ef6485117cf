//! CreateStream: a new stream, CREATING until it becomes ACTIVE.
//!
//! With `--shard-count` alone the stream is PROVISIONED; with `StreamMode=ON_DEMAND` it is on-demand (4 shards to
//! start); with neither, the playground creates an ON_DEMAND stream (the console's default, spec section 6).
//! `MaxRecordSizeInKiB` sets the largest record (1 MiB by default); `WarmThroughputMiBps` (on-demand, in an account
//! with the minimum throughput commitment) is reached when CREATING ends.

use crate::api::common::{empty, int, str_of};
use crate::api::validate::{opt, req, Member, Shape, STREAM_NAME, TAG_MAP};
use crate::engine::control::Capacity;
use crate::engine::settings::{StreamSettings, DEFAULT_MAX_RECORD_SIZE_KIB};
use crate::engine::{Engine, KinesisError, KinesisResult};
use serde_json::Value;
use std::collections::BTreeMap;

const STREAM_MODE: Shape = Shape::Enum(&["PROVISIONED", "ON_DEMAND"]);

pub const MEMBERS: &[Member] = &[
    req("StreamName", STREAM_NAME),
    opt("ShardCount", Shape::Int { min: 1, max: None }),
    opt("StreamModeDetails", Shape::Struct(&[req("StreamMode", STREAM_MODE)])),
    opt("Tags", TAG_MAP),
    opt("WarmThroughputMiBps", Shape::Int { min: 0, max: None }),
    opt("MaxRecordSizeInKiB", Shape::Int { min: 1024, max: Some(10240) }),
];

/// Tags of a `TagMap` member.
pub fn tags_of(req: &Value, name: &str) -> BTreeMap<String, String> {
    req.get(name)
        .and_then(Value::as_object)
        .map(|m| crate::lean::btree_map(m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))))
        .unwrap_or_default()
}

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = str_of(req, "StreamName").unwrap_or_default();
    let mode = req.pointer("/StreamModeDetails/StreamMode").and_then(Value::as_str);
    let count = int(req, "ShardCount");
    let capacity = match (mode, count) {
        (Some("ON_DEMAND"), Some(_)) => {
            return Err(KinesisError::invalid("ShardCount is not expected when StreamMode=ON_DEMAND"))
        }
        (Some("ON_DEMAND"), None) | (None, None) => Capacity::OnDemand,
        (_, Some(n)) => Capacity::Provisioned {
            shard_count: u32::try_from(n).map_err(|_| KinesisError::invalid("ShardCount is too large."))?,
        },
        (_, None) => return Err(KinesisError::invalid("ShardCount is required when StreamMode=PROVISIONED")),
    };
    let mut settings = StreamSettings::default();
    if let Some(kib) = int(req, "MaxRecordSizeInKiB") {
        settings.max_record_size_kib = u32::try_from(kib).unwrap_or(DEFAULT_MAX_RECORD_SIZE_KIB);
    }
    if let Some(mibps) = int(req, "WarmThroughputMiBps") {
        if capacity != Capacity::OnDemand {
            return Err(KinesisError::invalid(
                "WarmThroughputMiBps is only valid for streams in ON_DEMAND capacity mode.",
            ));
        }
        settings.warm_throughput_mibps = Some(engine.check_warm_throughput(mibps)?);
    }
    engine.create_stream_with(name, capacity, tags_of(req, "Tags"), settings)?;
    Ok(empty())
}
