//! The Kinesis JSON protocol (`application/x-amz-json-1.1`, target prefix `Kinesis_20131202`).
//!
//! One file per operation, each with its request validation beside it. Two entry points:
//! - [`call`]: operation name + request JSON value -> response JSON value or [`ApiError`]. The CLI uses this.
//! - [`dispatch`]: operation name + request body text -> HTTP status + body text, exactly what an HTTP handler
//!   would return (errors as `{"__type": ..., "message": ...}`).
//!
//! SubscribeToShard answers with an event stream, not one body: [`ops::consumers::subscribe_to_shard::subscribe`]
//! opens it and returns an [`ops::consumers::subscribe_to_shard::EventStream`] to poll as simulated time passes.
//!
//! Wire conventions: member names in PascalCase as in the service model; big numbers (hash keys, sequence numbers)
//! as decimal strings; blobs as base64 strings; timestamps as epoch seconds (JSON numbers with a fraction).

pub mod common;
pub mod ops;
pub mod validate;

use crate::engine::{Engine, ErrorType, KinesisError, KinesisResult};
use serde_json::Value;
use validate::Member;

/// An operation's handler.
type Handler = fn(&mut Engine, &Value) -> KinesisResult<Value>;

/// One operation of the API: its name, request members (the validation table) and handler.
pub struct Operation {
    pub name: &'static str,
    pub members: &'static [Member],
    handler: Handler,
}

macro_rules! operations {
    ($($name:literal => $group:ident::$module:ident),* $(,)?) => {
        /// Every operation the playground serves, in alphabetical order.
        pub const OPERATIONS: &[Operation] = &[
            $(Operation { name: $name, members: ops::$group::$module::MEMBERS, handler: ops::$group::$module::handle },)*
        ];
    };
}

operations! {
    "AddTagsToStream" => tags::add_tags_to_stream,
    "CreateStream" => streams::create_stream,
    "DecreaseStreamRetentionPeriod" => config::decrease_stream_retention_period,
    "DeleteResourcePolicy" => policies::delete_resource_policy,
    "DeleteStream" => streams::delete_stream,
    "DeregisterStreamConsumer" => consumers::deregister_stream_consumer,
    "DescribeAccountSettings" => account::describe_account_settings,
    "DescribeLimits" => account::describe_limits,
    "DescribeStream" => streams::describe_stream,
    "DescribeStreamConsumer" => consumers::describe_stream_consumer,
    "DescribeStreamSummary" => streams::describe_stream_summary,
    "DisableEnhancedMonitoring" => config::disable_enhanced_monitoring,
    "EnableEnhancedMonitoring" => config::enable_enhanced_monitoring,
    "GetRecords" => records::get_records,
    "GetResourcePolicy" => policies::get_resource_policy,
    "GetShardIterator" => records::get_shard_iterator,
    "IncreaseStreamRetentionPeriod" => config::increase_stream_retention_period,
    "ListShards" => shards::list_shards,
    "ListStreamConsumers" => consumers::list_stream_consumers,
    "ListStreams" => streams::list_streams,
    "ListTagsForResource" => tags::list_tags_for_resource,
    "ListTagsForStream" => tags::list_tags_for_stream,
    "MergeShards" => shards::merge_shards,
    "PutRecord" => records::put_record,
    "PutRecords" => records::put_records,
    "PutResourcePolicy" => policies::put_resource_policy,
    "RegisterStreamConsumer" => consumers::register_stream_consumer,
    "RemoveTagsFromStream" => tags::remove_tags_from_stream,
    "SplitShard" => shards::split_shard,
    "StartStreamEncryption" => config::start_stream_encryption,
    "StopStreamEncryption" => config::stop_stream_encryption,
    "TagResource" => tags::tag_resource,
    "UntagResource" => tags::untag_resource,
    "UpdateAccountSettings" => account::update_account_settings,
    "UpdateMaxRecordSize" => config::update_max_record_size,
    "UpdateShardCount" => shards::update_shard_count,
    "UpdateStreamMode" => config::update_stream_mode,
    "UpdateStreamWarmThroughput" => config::update_stream_warm_throughput,
}

/// The operation served by [`ops::consumers::subscribe_to_shard::subscribe`] instead of [`call`].
pub const SUBSCRIBE_TO_SHARD: &str = "SubscribeToShard";

/// The operation with this name.
pub fn operation(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|o| o.name == name)
}

/// An error answer: its type, message and HTTP status.
pub type ApiError = KinesisError;

/// Calls one operation with a parsed JSON request. Returns the response JSON (an empty object for operations whose
/// output is empty).
///
/// # Errors
/// Every error type the operation can answer with, with AWS's message text: `ValidationException` and
/// `SerializationException` for malformed requests, `UnknownOperationException` for an unknown operation name, and
/// the operation's own errors (`ResourceNotFoundException`, `InvalidArgumentException`, ...).
pub fn call(engine: &mut Engine, operation: &str, request: &Value) -> Result<Value, ApiError> {
    if operation == SUBSCRIBE_TO_SHARD {
        return Err(KinesisError::invalid(
            "SubscribeToShard answers with an event stream (application/vnd.amazon.eventstream over HTTP/2), not with one JSON body.",
        ));
    }
    let op = self::operation(operation).ok_or_else(|| KinesisError::new(ErrorType::UnknownOperation, ""))?;
    validate::validate(op.members, request)?;
    (op.handler)(engine, request)
}

/// The HTTP answer of [`dispatch`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpReply {
    pub status: u16,
    pub body: String,
}

/// The `X-Amz-Target` prefix of every Kinesis operation.
pub const TARGET_PREFIX: &str = "Kinesis_20131202.";

/// Handles one request as the service would: `operation` is the operation name, or the whole `X-Amz-Target`
/// value (`Kinesis_20131202.PutRecord`); `body` is the request body text (JSON; clients send `{}` for an empty
/// request). An unknown operation answers `{"__type": "UnknownOperationException"}`, and an empty body or one that
/// is not JSON `{"__type": "SerializationException"}`, with no message member.
pub fn dispatch(engine: &mut Engine, operation: &str, body: &str) -> HttpReply {
    let name = operation.strip_prefix(TARGET_PREFIX).unwrap_or(operation);
    if self::operation(name).is_none() && name != SUBSCRIBE_TO_SHARD {
        return bare_error_reply(ErrorType::UnknownOperation);
    }
    match parse_body(body) {
        Ok(request) => dispatch_request(engine, operation, &request),
        Err(reply) => reply,
    }
}

/// Reads a request body as [`dispatch`] does (clients send `{}` for an empty request).
///
/// # Errors
/// The bare `{"__type": "SerializationException"}` answer for an empty body or one that is not JSON.
pub fn parse_body(body: &str) -> Result<Value, HttpReply> {
    serde_json::from_str(body).map_err(|_| bare_error_reply(ErrorType::Serialization))
}

/// [`dispatch`] for a request already parsed (by [`parse_body`], or from another encoding such as CBOR).
pub fn dispatch_request(engine: &mut Engine, operation: &str, request: &Value) -> HttpReply {
    let operation = operation.strip_prefix(TARGET_PREFIX).unwrap_or(operation);
    // An unknown operation gets only a `__type`, as the service answers.
    if self::operation(operation).is_none() && operation != SUBSCRIBE_TO_SHARD {
        return bare_error_reply(ErrorType::UnknownOperation);
    }
    match call(engine, operation, request) {
        Ok(Value::Object(m)) if m.is_empty() => HttpReply { status: 200, body: String::new() },
        Ok(v) => HttpReply { status: 200, body: v.to_string() },
        Err(e) => error_reply(&e),
    }
}

fn bare_error_reply(t: ErrorType) -> HttpReply {
    HttpReply { status: t.http_status(), body: serde_json::json!({ "__type": t.aws_name() }).to_string() }
}

/// An error's HTTP answer: its status and `{"__type": ..., "message": ...}` (`Message` for a SerializationException,
/// as the service spells it).
pub fn error_reply(e: &KinesisError) -> HttpReply {
    let key = if e.error_type == ErrorType::Serialization { "Message" } else { "message" };
    let mut m = serde_json::Map::new();
    m.insert("__type".into(), Value::String(e.error_type.aws_name().into()));
    m.insert(key.into(), Value::String(e.message.clone()));
    HttpReply { status: e.error_type.http_status(), body: Value::Object(m).to_string() }
}
