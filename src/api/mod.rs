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
    ($($name:literal => $group:ident::$module:ident as $konst:ident),* $(,)?) => {
        $(
            #[doc = concat!("`", $name, "`, for [`call_known`].")]
            pub const $konst: Operation =
                Operation { name: $name, members: ops::$group::$module::MEMBERS, handler: ops::$group::$module::handle };
        )*
        /// Every operation the playground serves, in alphabetical order.
        pub const OPERATIONS: &[Operation] = &[$($konst,)*];
        /// Their names, in the same order (for code that only asks whether one is served, see [`serves`]).
        const OPERATION_NAMES: &[&str] = &[$($name,)*];
    };
}

operations! {
    "AddTagsToStream" => tags::add_tags_to_stream as ADD_TAGS_TO_STREAM,
    "CreateStream" => streams::create_stream as CREATE_STREAM,
    "DecreaseStreamRetentionPeriod" => config::decrease_stream_retention_period as DECREASE_STREAM_RETENTION_PERIOD,
    "DeleteResourcePolicy" => policies::delete_resource_policy as DELETE_RESOURCE_POLICY,
    "DeleteStream" => streams::delete_stream as DELETE_STREAM,
    "DeregisterStreamConsumer" => consumers::deregister_stream_consumer as DEREGISTER_STREAM_CONSUMER,
    "DescribeAccountSettings" => account::describe_account_settings as DESCRIBE_ACCOUNT_SETTINGS,
    "DescribeLimits" => account::describe_limits as DESCRIBE_LIMITS,
    "DescribeStream" => streams::describe_stream as DESCRIBE_STREAM,
    "DescribeStreamConsumer" => consumers::describe_stream_consumer as DESCRIBE_STREAM_CONSUMER,
    "DescribeStreamSummary" => streams::describe_stream_summary as DESCRIBE_STREAM_SUMMARY,
    "DisableEnhancedMonitoring" => config::disable_enhanced_monitoring as DISABLE_ENHANCED_MONITORING,
    "EnableEnhancedMonitoring" => config::enable_enhanced_monitoring as ENABLE_ENHANCED_MONITORING,
    "GetRecords" => records::get_records as GET_RECORDS,
    "GetResourcePolicy" => policies::get_resource_policy as GET_RESOURCE_POLICY,
    "GetShardIterator" => records::get_shard_iterator as GET_SHARD_ITERATOR,
    "IncreaseStreamRetentionPeriod" => config::increase_stream_retention_period as INCREASE_STREAM_RETENTION_PERIOD,
    "ListShards" => shards::list_shards as LIST_SHARDS,
    "ListStreamConsumers" => consumers::list_stream_consumers as LIST_STREAM_CONSUMERS,
    "ListStreams" => streams::list_streams as LIST_STREAMS,
    "ListTagsForResource" => tags::list_tags_for_resource as LIST_TAGS_FOR_RESOURCE,
    "ListTagsForStream" => tags::list_tags_for_stream as LIST_TAGS_FOR_STREAM,
    "MergeShards" => shards::merge_shards as MERGE_SHARDS,
    "PutRecord" => records::put_record as PUT_RECORD,
    "PutRecords" => records::put_records as PUT_RECORDS,
    "PutResourcePolicy" => policies::put_resource_policy as PUT_RESOURCE_POLICY,
    "RegisterStreamConsumer" => consumers::register_stream_consumer as REGISTER_STREAM_CONSUMER,
    "RemoveTagsFromStream" => tags::remove_tags_from_stream as REMOVE_TAGS_FROM_STREAM,
    "SplitShard" => shards::split_shard as SPLIT_SHARD,
    "StartStreamEncryption" => config::start_stream_encryption as START_STREAM_ENCRYPTION,
    "StopStreamEncryption" => config::stop_stream_encryption as STOP_STREAM_ENCRYPTION,
    "TagResource" => tags::tag_resource as TAG_RESOURCE,
    "UntagResource" => tags::untag_resource as UNTAG_RESOURCE,
    "UpdateAccountSettings" => account::update_account_settings as UPDATE_ACCOUNT_SETTINGS,
    "UpdateMaxRecordSize" => config::update_max_record_size as UPDATE_MAX_RECORD_SIZE,
    "UpdateShardCount" => shards::update_shard_count as UPDATE_SHARD_COUNT,
    "UpdateStreamMode" => config::update_stream_mode as UPDATE_STREAM_MODE,
    "UpdateStreamWarmThroughput" => config::update_stream_warm_throughput as UPDATE_STREAM_WARM_THROUGHPUT,
}

/// The operation served by [`ops::consumers::subscribe_to_shard::subscribe`] instead of [`call`].
pub const SUBSCRIBE_TO_SHARD: &str = "SubscribeToShard";

/// The operation with this name.
pub fn operation(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|o| o.name == name)
}

/// Whether the playground serves the operation with this name ([`operation`] is `Some`). It reads the names only, so
/// code that asks does not reach every operation's handler (see [`call_known`]).
pub fn serves(name: &str) -> bool {
    OPERATION_NAMES.contains(&name)
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
    call_known(engine, op, request)
}

/// [`call`] for an operation named in the code ([`PUT_RECORDS`], ...): its validation, then its handler. Code that
/// only ever calls a few operations calls them this way, so that it does not reach the others through
/// [`OPERATIONS`] (the page's main module carries just the operations its clock drives: the rest come with the
/// command interpreter, [`crate::parts`]).
///
/// # Errors
/// As [`call`].
pub fn call_known(engine: &mut Engine, op: &Operation, request: &Value) -> Result<Value, ApiError> {
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
