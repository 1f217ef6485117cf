//! PutRecords: up to 500 records (5 MiB in all) in one call. Each entry succeeds or fails on its own; the response
//! lists them in request order, and FailedRecordCount counts the failures.

use super::put_record::{check_record_sizes, encrypting, explicit_hash_key, DATA, PARTITION_KEY};
use crate::api::common::{big, mark_encrypted, str_of, stream_name, STREAM_ID_MEMBER, STREAM_NAME_OR_ARN};
use crate::api::validate::{decode_blob, opt, req, Member, Shape, HASH_KEY};
use crate::engine::records::PutRecordInput;
use crate::engine::{shard_id, Engine, KinesisError, KinesisResult};
use serde_json::{json, Value};

/// Largest total of data and partition keys in one request: 5 MiB, the classic limit (spec section 6) ...
pub const MAX_REQUEST_BYTES: usize = 5 * 1024 * 1024;
/// ... and 10 MiB, as the model's documentation says, to a stream whose MaxRecordSizeInKiB was raised.
pub const MAX_LARGE_REQUEST_BYTES: usize = 10 * 1024 * 1024;
/// A stream's default record size limit: 1 MiB.
const MAX_DATA_BYTES_CLASSIC: usize = 1024 * 1024;

const ENTRY: &[Member] = &[req("Data", DATA), opt("ExplicitHashKey", HASH_KEY), req("PartitionKey", PARTITION_KEY)];

pub const MEMBERS: &[Member] = &[
    req(
        "Records",
        Shape::StructList {
            min: 1,
            max: 500,
            java_class: "com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry",
            members: ENTRY,
        },
    ),
    STREAM_NAME_OR_ARN[0],
    STREAM_NAME_OR_ARN[1],
    STREAM_ID_MEMBER,
];

pub fn handle(engine: &mut Engine, req: &Value) -> KinesisResult<Value> {
    let name = stream_name(engine, req)?;
    let entries = req.get("Records").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut decoded = Vec::with_capacity(entries.len());
    let mut total = 0usize;
    for e in &entries {
        let data = decode_blob(str_of(e, "Data").unwrap_or_default())?;
        let key = str_of(e, "PartitionKey").unwrap_or_default();
        total += data.len() + key.len();
        decoded.push((data, key, explicit_hash_key(e)?));
    }
    let sizes: Vec<(String, usize)> =
        decoded.iter().enumerate().map(|(i, (d, _, _))| (format!("records.{}.member.data", i + 1), d.len())).collect();
    check_record_sizes(engine, &name, &sizes)?;
    let large = engine.stream(&name).is_some_and(|s| s.settings.max_record_bytes() > MAX_DATA_BYTES_CLASSIC);
    let (limit, mb) = if large { (MAX_LARGE_REQUEST_BYTES, 10) } else { (MAX_REQUEST_BYTES, 5) };
    if total > limit {
        return Err(KinesisError::invalid(format!("Records size exceeds {mb} MB limit")));
    }
    let inputs: Vec<PutRecordInput<'_>> = decoded
        .iter()
        .map(|(data, key, ehk)| PutRecordInput { partition_key: key, data, explicit_hash_key: *ehk })
        .collect();
    let results = engine.put_records(&name, &inputs)?;
    let failed = results.iter().filter(|r| r.is_err()).count();
    let records: Vec<Value> = results
        .into_iter()
        .map(|r| match r {
            Ok(ok) => json!({ "SequenceNumber": big(ok.sequence_number), "ShardId": shard_id(ok.shard_index) }),
            Err(e) => json!({ "ErrorCode": e.error_type.aws_name(), "ErrorMessage": e.message }),
        })
        .collect();
    let mut out = json!({ "FailedRecordCount": failed, "Records": records });
    mark_encrypted(&mut out, encrypting(engine, &name));
    Ok(out)
}
