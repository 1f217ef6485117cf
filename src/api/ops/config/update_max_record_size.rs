//! UpdateMaxRecordSize: the largest record a stream (named by ARN) takes, from 1024 to 10240 KiB.

use crate::api::common::{empty, int, str_of, stream_name_of_arn, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member, Shape};
use crate::engine::{Engine, KinesisError, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] =
    &[STREAM_NAME_OR_ARN[1], STREAM_ID_MEMBER, req("MaxRecordSizeInKiB", Shape::Int { min: 1024, max: Some(10_240) })];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    // StreamARN is optional in the model, but the stream must be named.
    let arn = str_of(req, "StreamARN").ok_or_else(|| {
        KinesisError::validation(
            "1 validation error detected: Value null at 'streamARN' failed to satisfy constraint: Member must not be null",
        )
    })?;
    let name = stream_name_of_arn(engine, arn)?;
    engine.update_max_record_size(&name, int(req, "MaxRecordSizeInKiB").unwrap_or_default())?;
    Ok(empty())
}
