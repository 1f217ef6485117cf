//! DeleteStream: the stream turns DELETING, then disappears with its records (and, with EnforceConsumerDeletion,
//! its registered consumers; without it, a stream with consumers is not deleted).

use crate::api::common::{bool_of, empty, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{opt, Member, Shape};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] =
    &[STREAM_NAME_OR_ARN[0], opt("EnforceConsumerDeletion", Shape::Bool), STREAM_NAME_OR_ARN[1], STREAM_ID_MEMBER];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    engine.delete_stream_with(&name, bool_of(req, "EnforceConsumerDeletion").unwrap_or(false))?;
    Ok(empty())
}
