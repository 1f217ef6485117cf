//! StopStreamEncryption: records written after the UPDATING it starts are no longer encrypted.

use super::start_stream_encryption::{ENCRYPTION_TYPE, KEY_ID};
use crate::api::common::{empty, str_of, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{req, Member};
use crate::engine::{Engine, KinesisResult};
use serde_json::Value;

pub const MEMBERS: &[Member] = &[
    STREAM_NAME_OR_ARN[0],
    req("EncryptionType", ENCRYPTION_TYPE),
    req("KeyId", KEY_ID),
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    engine.stop_stream_encryption(
        &name,
        str_of(req, "EncryptionType").unwrap_or_default(),
        str_of(req, "KeyId").unwrap_or_default(),
    )?;
    Ok(empty())
}
