//! The Kinesis JSON protocol (`application/x-amz-json-1.1`, target prefix `Kinesis_20131202`).
//!
//! One file per operation, each with its request validation beside it. Two entry points:
//! - [`call`]: operation name + request JSON value -> response JSON value or [`ApiError`]. The CLI uses this.
//! - [`dispatch`]: operation name + request body text -> HTTP status + body text, exactly what an HTTP handler
//!   would return (errors as `{"__type": ..., "message": ...}`).
//!
//! Wire conventions: member names in PascalCase as in the service model; big numbers (hash keys, sequence numbers)
//! as decimal strings; blobs as base64 strings; timestamps as epoch seconds (JSON numbers with a fraction).

use crate::engine::{Engine, ErrorType, KinesisError};
use serde_json::Value;

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
    let _ = (engine, request);
    Err(KinesisError::new(
        ErrorType::UnknownOperation,
        format!("Operation {operation} is not implemented yet."),
    ))
}

/// The HTTP answer of [`dispatch`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpReply {
    pub status: u16,
    pub body: String,
}

/// Handles one request as the service would: `operation` is the part of `X-Amz-Target` after
/// `Kinesis_20131202.`, `body` the request body text.
pub fn dispatch(engine: &mut Engine, operation: &str, body: &str) -> HttpReply {
    let request: Value = if body.trim().is_empty() {
        Value::Object(Default::default())
    } else {
        match serde_json::from_str(body) {
            Ok(v) => v,
            Err(_) => {
                return error_reply(&KinesisError::serialization(
                    "Start of structure or map found where not expected.",
                ))
            }
        }
    };
    match call(engine, operation, &request) {
        Ok(Value::Object(m)) if m.is_empty() => HttpReply {
            status: 200,
            body: String::new(),
        },
        Ok(v) => HttpReply {
            status: 200,
            body: v.to_string(),
        },
        Err(e) => error_reply(&e),
    }
}

fn error_reply(e: &KinesisError) -> HttpReply {
    let key = if e.error_type == ErrorType::Serialization {
        "Message"
    } else {
        "message"
    };
    let mut m = serde_json::Map::new();
    m.insert(
        "__type".into(),
        Value::String(e.error_type.aws_name().into()),
    );
    m.insert(key.into(), Value::String(e.message.clone()));
    HttpReply {
        status: e.error_type.http_status(),
        body: Value::Object(m).to_string(),
    }
}
