//! DescribeAccountSettings: the account's minimum throughput billing commitment.

use crate::api::common::epoch;
use crate::api::validate::Member;
use crate::engine::account::Commitment;
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Map, Value};

pub const MEMBERS: &[Member] = &[];

/// `MinimumThroughputBillingCommitment`: Status, StartedAt, EndedAt, EarliestAllowedEndAt (those that apply).
pub fn commitment_json(c: &Commitment, now: i64) -> Value {
    let mut m = Map::new();
    m.insert("Status".into(), json!(c.status(now)));
    if let Some(t) = c.started_ms {
        m.insert("StartedAt".into(), epoch(t));
    }
    if let Some(t) = c.ended_ms {
        m.insert("EndedAt".into(), epoch(t));
    }
    if let (Some(t), None) = (c.earliest_end_ms(), c.ended_ms) {
        m.insert("EarliestAllowedEndAt".into(), epoch(t));
    }
    Value::Object(m)
}

pub fn handle(engine: &mut Engine, _req: &Value) -> KinesisResult<Value> {
    let c = engine.account_commitment();
    Ok(json!({ "MinimumThroughputBillingCommitment": commitment_json(&c, engine.now_ms()) }))
}
