//! DeregisterStreamConsumer: the consumer turns `DELETING`, its subscriptions end, and it is gone a little later.

use super::{named_consumer, CONSUMER_SELECTOR};
use crate::api::common::empty;
use crate::api::validate::Member;
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = CONSUMER_SELECTOR;

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let named = named_consumer(engine, req)?;
    engine.deregister_stream_consumer(named.key())?;
    Ok(empty())
}
