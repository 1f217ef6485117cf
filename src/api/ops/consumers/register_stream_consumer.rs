//! RegisterStreamConsumer: a consumer of the stream, `CREATING` at first, that can then SubscribeToShard.

use super::consumer_json;
use crate::api::common::{str_of, stream_name_of_arn, STREAM_ID_MEMBER};
use crate::api::validate::{opt, req, Member, CONSUMER_NAME, STREAM_ARN, TAG_MAP};
use crate::engine::{Engine, KinesisResult};
use serde_json::{json, Value};
use std::collections::BTreeMap;

pub const MEMBERS: &[Member] =
    &[req("StreamARN", STREAM_ARN), req("ConsumerName", CONSUMER_NAME), STREAM_ID_MEMBER, opt("Tags", TAG_MAP)];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let stream = stream_name_of_arn(engine, str_of(req, "StreamARN").unwrap_or_default())?;
    let tags: BTreeMap<String, String> = req
        .get("Tags")
        .and_then(Value::as_object)
        .map(|m| crate::lean::btree_map(m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))))
        .unwrap_or_default();
    let consumer = engine.register_stream_consumer(&stream, str_of(req, "ConsumerName").unwrap_or_default(), tags)?;
    Ok(json!({ "Consumer": consumer_json(&consumer) }))
}
