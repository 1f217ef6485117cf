//! DescribeLimits: the account's shard limit and on-demand stream limit, and how much of them is used.

use crate::api::validate::Member;
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[];

pub fn handle(engine: &mut Engine, _req: &Value) -> KinesisResult<Value> {
    let l = engine.describe_limits();
    Ok(json!({
        "ShardLimit": l.shard_limit,
        "OpenShardCount": l.open_shard_count,
        "OnDemandStreamCount": l.on_demand_stream_count,
        "OnDemandStreamCountLimit": l.on_demand_stream_count_limit,
    }))
}
