//! UpdateAccountSettings: enables or disables the minimum throughput billing commitment (at least 24 hours once
//! enabled; warm throughput needs it). Answers the settings after the change.

use super::describe_account_settings::commitment_json;
use crate::api::validate::{req, Member, Shape};
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};

pub const MEMBERS: &[Member] = &[req(
    "MinimumThroughputBillingCommitment",
    Shape::Struct(&[req("Status", Shape::Enum(&["ENABLED", "DISABLED"]))]),
)];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let enable = req.pointer("/MinimumThroughputBillingCommitment/Status").and_then(Value::as_str) == Some("ENABLED");
    let c = engine.update_account_settings(enable);
    Ok(json!({ "MinimumThroughputBillingCommitment": commitment_json(&c, engine.now_ms()) }))
}
