//! SubscribeToShard: a subscription of a consumer to a shard, answered with an event stream rather than one JSON
//! body, so it has its own entry point.
//!
//! An HTTP layer frames it as `application/vnd.amazon.eventstream`: [`subscribe`] validates the request and opens
//! the subscription (an error here is the call's ordinary JSON error response); then an `initial-response` message
//! with [`EventStream::initial_response`] as its payload; then, as simulated time passes, the messages
//! [`EventStream::poll`] returns: `SubscribeToShardEvent` events, at most one an exception, and the end (after 5
//! simulated minutes, at a closed shard's end, or after an exception), when the response stream closes.
//!
//! ```text
//! :message-type event      :event-type initial-response        {}
//! :message-type event      :event-type SubscribeToShardEvent   {"Records": [...], "ContinuationSequenceNumber": "...", "MillisBehindLatest": 0}
//! :message-type exception  :exception-type ResourceInUseException  {"message": "..."}
//! ```

use crate::api::common::{big, epoch, str_of, timestamp};
use crate::api::validate::{self, opt, req, Member, Shape, CONSUMER_ARN, SEQUENCE_NUMBER, SHARD_ID};
use crate::api::ApiError;
use crate::engine::fan_out::{EndReason, EventKind, PushedEvent, StartingPosition, SubscriptionId};
use crate::engine::records::ChildShard;
use crate::engine::{shard_id, Engine, Record, ShardIteratorType};
use crate::time::{Millis, MAX_MILLIS, MIN_MILLIS};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Map, Value};

const STARTING_POSITION: &[Member] = &[
    req(
        "Type",
        Shape::Enum(&["AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER", "TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]),
    ),
    opt("SequenceNumber", SEQUENCE_NUMBER),
    opt("Timestamp", Shape::Timestamp),
];

pub const MEMBERS: &[Member] = &[
    req("ConsumerARN", CONSUMER_ARN),
    crate::api::common::STREAM_ID_MEMBER,
    req("ShardId", SHARD_ID),
    req("StartingPosition", Shape::Struct(STARTING_POSITION)),
];

/// An open SubscribeToShard call: a handle on the engine's subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventStream {
    id: SubscriptionId,
}

/// One message of the event stream, or its end.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamMessage {
    /// `:message-type event`, `:event-type SubscribeToShardEvent`; the payload is the event's members in wire JSON
    /// (blobs in base64, timestamps in epoch seconds).
    Event { at_ms: Millis, payload: Value },
    /// `:message-type exception`, `:exception-type <the error's name>`, payload `{"message": ...}`.
    Exception { at_ms: Millis, error: ApiError },
    /// The response stream closes.
    End { at_ms: Millis, reason: EndReason },
}

impl StreamMessage {
    /// When the message was pushed (simulated time).
    pub fn at_ms(&self) -> Millis {
        match self {
            StreamMessage::Event { at_ms, .. }
            | StreamMessage::Exception { at_ms, .. }
            | StreamMessage::End { at_ms, .. } => *at_ms,
        }
    }

    /// `SubscribeToShardEvent`, or the exception's name; `None` for the end.
    pub fn event_type(&self) -> Option<&'static str> {
        match self {
            StreamMessage::Event { .. } => Some("SubscribeToShardEvent"),
            StreamMessage::Exception { error, .. } => Some(error.error_type.aws_name()),
            StreamMessage::End { .. } => None,
        }
    }

    /// The message's payload in wire JSON; `None` for the end.
    pub fn payload(&self) -> Option<Value> {
        match self {
            StreamMessage::Event { payload, .. } => Some(payload.clone()),
            StreamMessage::Exception { error, .. } => Some(json!({ "message": error.message })),
            StreamMessage::End { .. } => None,
        }
    }

    /// The message as an SDK hands it to a program, keyed by its type:
    /// `{"SubscribeToShardEvent": {...}}` or `{"ResourceInUseException": {"message": ...}}`; `None` for the end.
    pub fn sdk_json(&self) -> Option<Value> {
        let mut m = Map::new();
        m.insert(self.event_type()?.to_owned(), self.payload()?);
        Some(Value::Object(m))
    }
}

/// A record in wire JSON, as GetRecords returns it.
fn record_json(r: &Record) -> Value {
    json!({
        "SequenceNumber": big(r.sequence_number),
        "ApproximateArrivalTimestamp": epoch(r.arrival_ms),
        "Data": STANDARD.encode(&r.data),
        "PartitionKey": r.partition_key,
    })
}

/// `ChildShards` in wire JSON, as GetRecords lists them.
fn child_shards_json(children: &[ChildShard]) -> Value {
    children
        .iter()
        .map(|c| {
            json!({
                "ShardId": shard_id(c.shard_index),
                "ParentShards": c.parent_indexes.iter().map(|&p| shard_id(p)).collect::<Vec<_>>(),
                "HashKeyRange": {
                    "StartingHashKey": big(c.hash_key_range.starting_hash_key),
                    "EndingHashKey": big(c.hash_key_range.ending_hash_key),
                },
            })
        })
        .collect()
}

fn message(event: PushedEvent) -> StreamMessage {
    match event.kind {
        EventKind::Records(e) => {
            let mut payload = json!({ "Records": e.records.iter().map(record_json).collect::<Vec<_>>() });
            if let Some(seq) = e.continuation_sequence_number {
                payload["ContinuationSequenceNumber"] = big(seq);
            }
            payload["MillisBehindLatest"] = json!(e.millis_behind_latest);
            if let Some(children) = e.child_shards {
                payload["ChildShards"] = child_shards_json(&children);
            }
            StreamMessage::Event { at_ms: event.at_ms, payload }
        }
        EventKind::Exception(error) => StreamMessage::Exception { at_ms: event.at_ms, error },
    }
}

/// SubscribeToShard: validates the request and opens the subscription.
///
/// # Errors
/// The call's error response, before any event: `ValidationException` and `SerializationException` for a
/// malformed request; `ResourceNotFoundException` (consumer, shard), `ResourceInUseException` (consumer not
/// `ACTIVE`, another subscription within 5 seconds), `LimitExceededException` (more than one call a second),
/// `InvalidArgumentException` (a starting position that does not fit).
pub fn subscribe(engine: &mut Engine, request: &Value) -> Result<EventStream, ApiError> {
    validate::validate(MEMBERS, request)?;
    let position = request.get("StartingPosition").cloned().unwrap_or(Value::Null);
    let kind = str_of(&position, "Type").and_then(ShardIteratorType::parse).unwrap_or(ShardIteratorType::Latest);
    let starting = StartingPosition {
        kind,
        sequence_number: str_of(&position, "SequenceNumber"),
        // A number too large (or small) for a date still counts as given: it is in the future (or the past).
        timestamp_ms: timestamp(&position, "Timestamp").or_else(|| {
            position.get("Timestamp").and_then(Value::as_f64).map(|f| if f > 0.0 { MAX_MILLIS } else { MIN_MILLIS })
        }),
    };
    let id = engine.subscribe_to_shard(
        str_of(request, "ConsumerARN").unwrap_or_default(),
        str_of(request, "ShardId").unwrap_or_default(),
        &starting,
    )?;
    Ok(EventStream { id })
}

impl EventStream {
    /// The engine's subscription behind it (for the views: [`Engine::subscription`]).
    pub fn id(&self) -> SubscriptionId {
        self.id
    }

    /// The payload of the `initial-response` message, sent before any event: an empty object.
    pub fn initial_response(&self) -> Value {
        json!({})
    }

    /// The messages pushed since the last poll, up to the engine's current time, in order; the last one is
    /// [`StreamMessage::End`] once the subscription has ended (and every later poll returns that end alone).
    pub fn poll(&self, engine: &mut Engine) -> Vec<StreamMessage> {
        let Some(poll) = engine.poll_subscription(self.id) else {
            let at_ms = engine.now_ms();
            return vec![StreamMessage::End { at_ms, reason: EndReason::Cancelled }];
        };
        let mut out: Vec<StreamMessage> = poll.events.into_iter().map(message).collect();
        if let Some(end) = poll.end {
            out.push(StreamMessage::End { at_ms: end.at_ms, reason: end.reason });
        }
        out
    }

    /// The consumer closes the connection: nothing more is pushed after now.
    pub fn cancel(&self, engine: &mut Engine) {
        engine.cancel_subscription(self.id);
    }
}
