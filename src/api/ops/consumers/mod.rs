//! Enhanced fan-out: RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers,
//! DeregisterStreamConsumer, and SubscribeToShard (which answers with an event stream, so it has its own entry
//! point, [`subscribe_to_shard::subscribe`], beside [`crate::api::call`]).
//!
//! Shared here: the `Consumer` wire shape and how Describe and Deregister name a consumer (its ARN, or the stream's
//! ARN and the consumer's name, or all three as long as they agree).

pub mod deregister_stream_consumer;
pub mod describe_stream_consumer;
pub mod list_stream_consumers;
pub mod register_stream_consumer;
pub mod subscribe_to_shard;

use crate::api::common::{epoch, str_of, stream_name_of_arn, STREAM_ID_MEMBER};
use crate::api::validate::{opt, Member, CONSUMER_ARN, CONSUMER_NAME, STREAM_ARN};
use crate::engine::fan_out::consumer::parse_consumer_arn;
use crate::engine::fan_out::{Consumer, ConsumerKey};
use crate::engine::{Engine, KinesisError, KinesisResult};
use serde_json::{json, Value};

/// The members of DescribeStreamConsumer and DeregisterStreamConsumer, in the model's order.
pub const CONSUMER_SELECTOR: &[Member] = &[
    opt("StreamARN", STREAM_ARN),
    opt("ConsumerName", CONSUMER_NAME),
    opt("ConsumerARN", CONSUMER_ARN),
    STREAM_ID_MEMBER,
];

/// The `Consumer` structure: ConsumerName, ConsumerARN, ConsumerStatus, ConsumerCreationTimestamp.
pub fn consumer_json(c: &Consumer) -> Value {
    json!({
        "ConsumerName": c.name,
        "ConsumerARN": c.arn,
        "ConsumerStatus": c.status.as_str(),
        "ConsumerCreationTimestamp": epoch(c.created_ms),
    })
}

/// A consumer named by a request, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedConsumer {
    Arn(String),
    Name { stream: String, consumer: String },
}

impl NamedConsumer {
    /// The engine's key for it.
    pub fn key(&self) -> ConsumerKey<'_> {
        match self {
            NamedConsumer::Arn(arn) => ConsumerKey::Arn(arn),
            NamedConsumer::Name { stream, consumer } => ConsumerKey::Name { stream, consumer },
        }
    }
}

/// The consumer a DescribeStreamConsumer or DeregisterStreamConsumer request names.
///
/// # Errors
/// `InvalidArgumentException` when neither `ConsumerARN` nor both `StreamARN` and `ConsumerName` are given, or
/// when all are given and disagree; `ResourceNotFoundException` for a `StreamARN` of another account or region.
pub fn named_consumer(engine: &Engine, req: &Value) -> KinesisResult<NamedConsumer> {
    let (arn, stream_arn, name) = (str_of(req, "ConsumerARN"), str_of(req, "StreamARN"), str_of(req, "ConsumerName"));
    let stream = stream_arn.map(|a| stream_name_of_arn(engine, a)).transpose()?;
    match (arn, stream, name) {
        (Some(arn), stream, name) => {
            let parts = parse_consumer_arn(arn);
            let stream_differs = stream.as_deref().is_some_and(|s| parts.is_none_or(|p| p.stream != s));
            let name_differs = name.is_some_and(|n| parts.is_none_or(|p| p.consumer != n));
            if stream_differs || name_differs {
                return Err(KinesisError::invalid(format!(
                    "ConsumerARN {arn} does not refer to the consumer named by StreamARN {} and ConsumerName {}.",
                    stream_arn.unwrap_or("(none)"),
                    name.unwrap_or("(none)")
                )));
            }
            Ok(NamedConsumer::Arn(arn.to_owned()))
        }
        (None, Some(stream), Some(name)) => Ok(NamedConsumer::Name { stream, consumer: name.to_owned() }),
        _ => {
            Err(KinesisError::invalid("ConsumerArn or both ConsumerName and StreamARN are required for this request."))
        }
    }
}
