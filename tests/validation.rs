//! Request validation (spec 2.1, 2.2): every model constraint of the 16 operations answers with AWS's
//! ValidationException text, wrong JSON types with SerializationException, and bad input changes nothing.
mod common;
use common::*;
use kinesis_playground::api;
use kinesis_playground::engine::Engine;
use serde_json::{json, Value};

const S0: &str = "shardId-000000000000";
const NAME_PATTERN: &str = "[a-zA-Z0-9_.-]+";
const ARN_PATTERN: &str = "arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+";
const SEQ_PATTERN: &str = "0|([1-9]\\d{0,128})";
const HASH_PATTERN: &str = "0|([1-9]\\d{0,38})";
const ITERATOR_TYPES: &str = "[AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]";

/// One item of a ValidationException: `Value <v> at '<path>' failed to satisfy constraint: Member must <rule>`.
fn item(value: Option<&str>, path: &str, rule: &str) -> String {
    let shown = value.map_or("null".to_owned(), |v| format!("'{v}'"));
    format!("Value {shown} at '{path}' failed to satisfy constraint: Member must {rule}")
}

/// The whole message: `<N> validation error(s) detected: <e1>; <e2>`.
fn message(items: &[String]) -> String {
    let n = items.len();
    format!("{n} validation error{} detected: {}", if n == 1 { "" } else { "s" }, items.join("; "))
}

fn min_len(n: usize) -> String {
    format!("have length greater than or equal to {n}")
}
fn max_len(n: usize) -> String {
    format!("have length less than or equal to {n}")
}
fn min_val(n: i64) -> String {
    format!("have value greater than or equal to {n}")
}
fn max_val(n: i64) -> String {
    format!("have value less than or equal to {n}")
}
fn pattern(p: &str) -> String {
    format!("satisfy regular expression pattern: {p}")
}
fn one_of(set: &str) -> String {
    format!("satisfy enum value set: {set}")
}
const NOT_NULL: &str = "not be null";

/// An engine with an ACTIVE 2-shard stream "S" holding a few records and a tag.
fn fixture() -> Engine {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 2);
    for k in ["a", "b", "1", "4"] {
        put(&mut e, "S", k, "data");
    }
    ok(&mut e, "AddTagsToStream", json!({"StreamName": "S", "Tags": {"t": "v"}}));
    e
}

fn merged(base: &Value, extra: &Value) -> Value {
    let mut out = base.clone();
    if let (Some(m), Some(x)) = (out.as_object_mut(), extra.as_object()) {
        for (k, v) in x {
            if v.is_null() {
                m.remove(k);
            } else {
                m.insert(k.clone(), v.clone());
            }
        }
    }
    out
}

/// Calls `op` with `req` on the fixture and checks the error's type and exact message, and that nothing changed.
#[track_caller]
fn rejects(op: &str, req: Value, type_name: &str, expected: &str) {
    let mut e = fixture();
    let before = observable_state(&mut e);
    let revision = e.revision();
    let got = match api::call(&mut e, op, &req) {
        Ok(v) => panic!("{op} {req} should fail with {expected}, got {v}"),
        Err(err) => err,
    };
    assert_eq!(got.error_type.aws_name(), type_name, "{op} {req}: {got}");
    assert_eq!(got.message, expected, "{op} {req}");
    assert_eq!(e.revision(), revision, "{op} {req}: a rejected call changes nothing");
    assert_eq!(observable_state(&mut e), before, "{op} {req}: a rejected call changes nothing");
}

#[track_caller]
fn invalid(op: &str, req: Value, items: &[String]) {
    rejects(op, req, "ValidationException", &message(items));
}

#[track_caller]
fn accepted(op: &str, req: Value) {
    let mut e = fixture();
    if let Err(err) = api::call(&mut e, op, &req) {
        assert!(
            !matches!(err.error_type.aws_name(), "ValidationException" | "SerializationException"),
            "{op} {req} passes validation, got {err}"
        );
    }
}

/// A valid request of each stream-scoped operation, without its StreamName.
fn stream_ops() -> Vec<(&'static str, Value)> {
    vec![
        ("AddTagsToStream", json!({"Tags": {"a": "b"}})),
        ("CreateStream", json!({"ShardCount": 1})),
        ("DecreaseStreamRetentionPeriod", json!({"RetentionPeriodHours": 24})),
        ("DeleteStream", json!({})),
        ("DescribeStream", json!({})),
        ("DescribeStreamSummary", json!({})),
        ("GetShardIterator", json!({"ShardId": S0, "ShardIteratorType": "LATEST"})),
        ("IncreaseStreamRetentionPeriod", json!({"RetentionPeriodHours": 48})),
        ("ListShards", json!({})),
        ("ListTagsForStream", json!({})),
        ("PutRecord", json!({"Data": b64("x"), "PartitionKey": "k"})),
        ("PutRecords", json!({"Records": [{"Data": b64("x"), "PartitionKey": "k"}]})),
        ("RemoveTagsFromStream", json!({"TagKeys": ["t"]})),
    ]
}

#[test]
fn stream_name_on_every_operation() {
    let long = "a".repeat(129);
    for (op, base) in stream_ops() {
        invalid(
            op,
            merged(&base, &json!({"StreamName": ""})),
            &[item(Some(""), "streamName", &pattern(NAME_PATTERN)), item(Some(""), "streamName", &min_len(1))],
        );
        invalid(op, merged(&base, &json!({"StreamName": long})), &[item(Some(&long), "streamName", &max_len(128))]);
        for bad in ["my stream", "s/t", "é", "a:b"] {
            invalid(
                op,
                merged(&base, &json!({"StreamName": bad})),
                &[item(Some(bad), "streamName", &pattern(NAME_PATTERN))],
            );
        }
        accepted(op, merged(&base, &json!({"StreamName": "a".repeat(128)})));
        accepted(op, merged(&base, &json!({"StreamName": "Az09_.-"})));
        // Neither StreamName nor StreamARN (ListShards: nor a NextToken).
        if op == "ListShards" {
            rejects(op, base.clone(), "InvalidArgumentException", "Either NextToken or StreamName should be provided.");
        } else {
            invalid(op, base.clone(), &[item(None, "streamName", NOT_NULL)]);
        }
    }
}

#[test]
fn stream_arn_on_every_operation() {
    let long = format!("arn:aws:kinesis:us-east-1:123456789012:stream/{}", "a".repeat(2010));
    assert!(long.len() > 2048);
    for (op, base) in stream_ops() {
        if op == "CreateStream" {
            continue;
        }
        invalid(
            op,
            merged(&base, &json!({"StreamARN": ""})),
            &[item(Some(""), "streamARN", &pattern(ARN_PATTERN)), item(Some(""), "streamARN", &min_len(1))],
        );
        for bad in [
            "arn:aws:kinesis:us-east-1:1234:stream/S",
            "S",
            "arn:aws:kinesis:us-east-1:123456789012:stream/",
            "arn:aws:kinesis:us-east-1:123456789012:stream/a b",
        ] {
            invalid(
                op,
                merged(&base, &json!({"StreamARN": bad})),
                &[item(Some(bad), "streamARN", &pattern(ARN_PATTERN))],
            );
        }
        invalid(op, merged(&base, &json!({"StreamARN": long})), &[item(Some(&long), "streamARN", &max_len(2048))]);
    }
    invalid(
        "GetRecords",
        json!({"ShardIterator": "x", "StreamARN": "nope"}),
        &[item(Some("nope"), "streamARN", &pattern(ARN_PATTERN))],
    );
    rejects(
        "DescribeStream",
        json!({"StreamARN": "arn:aws:kinesis:us-east-1:999999999999:stream/S"}),
        "ResourceNotFoundException",
        "Stream S under account 999999999999 not found.",
    );
}

#[test]
fn integer_bounds() {
    let cases: Vec<(&str, Value, &str, &str, i64, i64)> = vec![
        // (op, base, member, path, min, max)
        ("DescribeStream", json!({"StreamName": "S"}), "Limit", "limit", 1, 10_000),
        ("ListStreams", json!({}), "Limit", "limit", 1, 10_000),
        ("ListShards", json!({"StreamName": "S"}), "MaxResults", "maxResults", 1, 10_000),
        ("ListTagsForStream", json!({"StreamName": "S"}), "Limit", "limit", 1, 50),
        ("GetRecords", json!({"ShardIterator": "x"}), "Limit", "limit", 1, 10_000),
        (
            "CreateStream",
            json!({"StreamName": "N", "ShardCount": 1}),
            "MaxRecordSizeInKiB",
            "maxRecordSizeInKiB",
            1024,
            10_240,
        ),
    ];
    for (op, base, member, path, min, max) in cases {
        for v in [min - 1, min - 1000, i64::from(i32::MIN)] {
            invalid(op, merged(&base, &json!({ member: v })), &[item(Some(&v.to_string()), path, &min_val(min))]);
        }
        for v in [max + 1, max + 1000] {
            invalid(op, merged(&base, &json!({ member: v })), &[item(Some(&v.to_string()), path, &max_val(max))]);
        }
        if op != "GetRecords" {
            accepted(op, merged(&base, &json!({ member: min })));
            accepted(op, merged(&base, &json!({ member: max })));
        }
    }
    for v in [0, -1] {
        invalid(
            "CreateStream",
            json!({"StreamName": "N", "ShardCount": v}),
            &[item(Some(&v.to_string()), "shardCount", &min_val(1))],
        );
    }
    invalid(
        "CreateStream",
        json!({"StreamName": "N", "WarmThroughputMiBps": -1}),
        &[item(Some("-1"), "warmThroughputMiBps", &min_val(0))],
    );
    for op in ["IncreaseStreamRetentionPeriod", "DecreaseStreamRetentionPeriod"] {
        invalid(op, json!({"StreamName": "S"}), &[item(None, "retentionPeriodHours", NOT_NULL)]);
    }
}

#[test]
fn enums_in_model_order() {
    invalid(
        "GetShardIterator",
        json!({"StreamName": "S", "ShardId": S0, "ShardIteratorType": "trim_horizon"}),
        &[item(Some("trim_horizon"), "shardIteratorType", &one_of(ITERATOR_TYPES))],
    );
    invalid(
        "GetShardIterator",
        json!({"StreamName": "S", "ShardId": S0}),
        &[item(None, "shardIteratorType", NOT_NULL)],
    );
    invalid(
        "CreateStream",
        json!({"StreamName": "N", "StreamModeDetails": {"StreamMode": "SERVERLESS"}}),
        &[item(Some("SERVERLESS"), "streamModeDetails.streamMode", &one_of("[PROVISIONED, ON_DEMAND]"))],
    );
    invalid(
        "CreateStream",
        json!({"StreamName": "N", "StreamModeDetails": {}}),
        &[item(None, "streamModeDetails.streamMode", NOT_NULL)],
    );
    invalid(
        "StartStreamEncryption",
        json!({"StreamName": "S", "EncryptionType": "AES", "KeyId": "alias/aws/kinesis"}),
        &[item(Some("AES"), "encryptionType", &one_of("[NONE, KMS]"))],
    );
    let metrics = "[IncomingBytes, IncomingRecords, OutgoingBytes, OutgoingRecords, WriteProvisionedThroughputExceeded, ReadProvisionedThroughputExceeded, IteratorAgeMilliseconds, ALL]";
    invalid(
        "EnableEnhancedMonitoring",
        json!({"StreamName": "S", "ShardLevelMetrics": ["IncomingBytes", "Bytes"]}),
        &[item(
            Some("[IncomingBytes, Bytes]"),
            "shardLevelMetrics",
            &format!("satisfy constraint: [Member must satisfy enum value set: {metrics}]"),
        )],
    );
    invalid(
        "DisableEnhancedMonitoring",
        json!({"StreamName": "S", "ShardLevelMetrics": []}),
        &[item(Some("[]"), "shardLevelMetrics", &min_len(1))],
    );
    invalid(
        "UpdateAccountSettings",
        json!({"MinimumThroughputBillingCommitment": {"Status": "ENABLED_UNTIL_EARLIEST_ALLOWED_END"}}),
        &[item(
            Some("ENABLED_UNTIL_EARLIEST_ALLOWED_END"),
            "minimumThroughputBillingCommitment.status",
            &one_of("[ENABLED, DISABLED]"),
        )],
    );
    invalid(
        "ListShards",
        json!({"StreamName": "S", "ShardFilter": {"Type": "ALL"}}),
        &[item(
            Some("ALL"),
            "shardFilter.type",
            &one_of("[AFTER_SHARD_ID, AT_TRIM_HORIZON, FROM_TRIM_HORIZON, AT_LATEST, AT_TIMESTAMP, FROM_TIMESTAMP]"),
        )],
    );
    invalid(
        "ListShards",
        json!({"StreamName": "S", "ShardFilter": {"ShardId": S0}}),
        &[item(None, "shardFilter.type", NOT_NULL)],
    );
}

#[test]
fn string_lengths_and_patterns() {
    let long129 = "a".repeat(129);
    // ShardId-shaped members.
    for (op, base, member, path) in [
        ("GetShardIterator", json!({"StreamName": "S", "ShardIteratorType": "LATEST"}), "ShardId", "shardId"),
        ("DescribeStream", json!({"StreamName": "S"}), "ExclusiveStartShardId", "exclusiveStartShardId"),
        ("ListShards", json!({"StreamName": "S"}), "ExclusiveStartShardId", "exclusiveStartShardId"),
        ("ListStreams", json!({}), "ExclusiveStartStreamName", "exclusiveStartStreamName"),
    ] {
        invalid(
            op,
            merged(&base, &json!({ member: "" })),
            &[item(Some(""), path, &pattern(NAME_PATTERN)), item(Some(""), path, &min_len(1))],
        );
        invalid(op, merged(&base, &json!({ member: long129 })), &[item(Some(&long129), path, &max_len(128))]);
        invalid(
            op,
            merged(&base, &json!({ member: "shard 1" })),
            &[item(Some("shard 1"), path, &pattern(NAME_PATTERN))],
        );
    }
    invalid(
        "GetShardIterator",
        json!({"StreamName": "S", "ShardIteratorType": "LATEST"}),
        &[item(None, "shardId", NOT_NULL)],
    );
    // Tag keys (no pattern in the model).
    invalid(
        "ListTagsForStream",
        json!({"StreamName": "S", "ExclusiveStartTagKey": ""}),
        &[item(Some(""), "exclusiveStartTagKey", &min_len(1))],
    );
    invalid(
        "ListTagsForStream",
        json!({"StreamName": "S", "ExclusiveStartTagKey": long129}),
        &[item(Some(&long129), "exclusiveStartTagKey", &max_len(128))],
    );
    // NextToken.
    invalid("ListStreams", json!({"NextToken": ""}), &[item(Some(""), "nextToken", &min_len(1))]);
    invalid("ListShards", json!({"NextToken": ""}), &[item(Some(""), "nextToken", &min_len(1))]);
    // ShardIterator 1..512.
    invalid("GetRecords", json!({"ShardIterator": ""}), &[item(Some(""), "shardIterator", &min_len(1))]);
    let long513 = "A".repeat(513);
    invalid("GetRecords", json!({"ShardIterator": long513}), &[item(Some(&long513), "shardIterator", &max_len(512))]);
    invalid("GetRecords", json!({}), &[item(None, "shardIterator", NOT_NULL)]);
    rejects(
        "GetRecords",
        json!({"ShardIterator": "A".repeat(512)}),
        "InvalidArgumentException",
        "Invalid ShardIterator.",
    );
    // Sequence numbers.
    let digits130 = format!("1{}", "0".repeat(129));
    for bad in ["abc", "01", "-1", "", "1.5", digits130.as_str()] {
        invalid(
            "GetShardIterator",
            json!({"StreamName": "S", "ShardId": S0, "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": bad}),
            &[item(Some(bad), "startingSequenceNumber", &pattern(SEQ_PATTERN))],
        );
        invalid(
            "PutRecord",
            json!({"StreamName": "S", "PartitionKey": "k", "Data": b64("x"), "SequenceNumberForOrdering": bad}),
            &[item(Some(bad), "sequenceNumberForOrdering", &pattern(SEQ_PATTERN))],
        );
    }
    let digits129 = format!("1{}", "0".repeat(128));
    rejects(
        "GetShardIterator",
        json!({"StreamName": "S", "ShardId": S0, "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": digits129}),
        "InvalidArgumentException",
        &format!("StartingSequenceNumber {digits129} used in GetShardIterator on shard {S0} in stream S under account 123456789012 is invalid."),
    );
    // Hash keys.
    for bad in ["", "-1", "01", "1e5", "12345678901234567890123456789012345678901"] {
        invalid(
            "PutRecord",
            json!({"StreamName": "S", "PartitionKey": "k", "Data": b64("x"), "ExplicitHashKey": bad}),
            &[item(Some(bad), "explicitHashKey", &pattern(HASH_PATTERN))],
        );
    }
}

#[test]
fn partition_keys_count_characters() {
    let put = |k: &str| json!({"StreamName": "S", "PartitionKey": k, "Data": b64("x")});
    invalid("PutRecord", put(""), &[item(Some(""), "partitionKey", &min_len(1))]);
    let long = "k".repeat(257);
    invalid("PutRecord", put(&long), &[item(Some(&long), "partitionKey", &max_len(256))]);
    let wide = "é".repeat(257);
    invalid("PutRecord", put(&wide), &[item(Some(&wide), "partitionKey", &max_len(256))]);
    let mut e = fixture();
    // 256 characters of two bytes each are fine.
    let r = ok(&mut e, "PutRecord", put(&"é".repeat(256)));
    assert!(r["SequenceNumber"].is_string());
    ok(&mut e, "PutRecord", put(&"k".repeat(256)));
    invalid("PutRecord", json!({"StreamName": "S", "Data": b64("x")}), &[item(None, "partitionKey", NOT_NULL)]);
}

fn blob_of(n: usize) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(vec![7u8; n])
}

fn heap(n: usize) -> String {
    format!("java.nio.HeapByteBuffer[pos=0 lim={n} cap={n}]")
}

#[test]
fn data_is_at_most_one_mib() {
    let put = |n: usize| json!({"StreamName": "S", "PartitionKey": "k", "Data": blob_of(n)});
    invalid("PutRecord", put(1_048_577), &[item(Some(&heap(1_048_577)), "data", &max_len(1_048_576))]);
    invalid("PutRecord", json!({"StreamName": "S", "PartitionKey": "k"}), &[item(None, "data", NOT_NULL)]);
    let mut e = fixture();
    ok(&mut e, "PutRecord", put(1_048_576));
    ok(&mut e, "PutRecord", put(0));
    invalid(
        "PutRecords",
        json!({"StreamName": "S", "Records": [
            {"PartitionKey": "k", "Data": b64("x")},
            {"PartitionKey": "k", "Data": blob_of(1_048_577)},
        ]}),
        &[item(Some(&heap(1_048_577)), "records.2.member.data", &max_len(1_048_576))],
    );
}

#[test]
fn put_records_entries_and_total_size() {
    invalid("PutRecords", json!({"StreamName": "S", "Records": []}), &[item(Some("[]"), "records", &min_len(1))]);
    invalid("PutRecords", json!({"StreamName": "S"}), &[item(None, "records", NOT_NULL)]);
    // 501 entries: the value is rendered as the Java objects' list.
    let entries: Vec<Value> = (0..501).map(|_| json!({"PartitionKey": "k", "Data": ""})).collect();
    let mut e = fixture();
    let got = err(&mut e, "PutRecords", json!({"StreamName": "S", "Records": entries}));
    assert_eq!(got.error_type.aws_name(), "ValidationException");
    assert!(
        got.message.starts_with(
            "1 validation error detected: Value '[com.amazonaws.kinesis.v20131202.PutRecordsRequestEntry@"
        ),
        "{}",
        got.message
    );
    assert!(
        got.message.ends_with(
            "]' at 'records' failed to satisfy constraint: Member must have length less than or equal to 500"
        ),
        "{}",
        got.message
    );
    assert_eq!(got.message.matches("PutRecordsRequestEntry@").count(), 501);
    let entries: Vec<Value> = (0..500).map(|i| json!({"PartitionKey": format!("k{i}"), "Data": ""})).collect();
    let r = ok(&mut e, "PutRecords", json!({"StreamName": "S", "Records": entries}));
    assert_eq!(r["Records"].as_array().map(Vec::len), Some(500));
    invalid(
        "PutRecords",
        json!({"StreamName": "S", "Records": [{"Data": ""}, {"PartitionKey": ""}]}),
        &[
            item(None, "records.1.member.partitionKey", NOT_NULL),
            item(None, "records.2.member.data", NOT_NULL),
            item(Some(""), "records.2.member.partitionKey", &min_len(1)),
        ],
    );
    invalid(
        "PutRecords",
        json!({"StreamName": "S", "Records": [{"Data": "", "PartitionKey": "k", "ExplicitHashKey": "x"}]}),
        &[item(Some("x"), "records.1.member.explicitHashKey", &pattern(HASH_PATTERN))],
    );
    // Data plus partition keys above 5 MiB: the playground's documented InvalidArgumentException (spec 6).
    let mib = 1_048_576;
    let over: Vec<Value> = (0..5).map(|_| json!({"PartitionKey": "k", "Data": blob_of(mib)})).collect();
    rejects(
        "PutRecords",
        json!({"StreamName": "S", "Records": over}),
        "InvalidArgumentException",
        "Records size exceeds 5 MB limit",
    );
    // Exactly 5 MiB in all is accepted: 4 x (1 MiB - 1 + 1-byte key) + (1 MiB - 4 + 4-byte key).
    let mut exact: Vec<Value> = (0..4).map(|_| json!({"PartitionKey": "k", "Data": blob_of(mib - 1)})).collect();
    exact.push(json!({"PartitionKey": "kkkk", "Data": blob_of(mib - 4)}));
    let r = ok(&mut e, "PutRecords", json!({"StreamName": "S", "Records": exact}));
    assert_eq!(r["FailedRecordCount"], 0);
}

#[test]
fn tag_maps_and_tag_key_lists() {
    invalid("AddTagsToStream", json!({"StreamName": "S"}), &[item(None, "tags", NOT_NULL)]);
    invalid("AddTagsToStream", json!({"StreamName": "S", "Tags": {}}), &[item(Some("{}"), "tags", &min_len(1))]);
    let many: serde_json::Map<String, Value> = (0..201).map(|i| (format!("k{i:03}"), json!("v"))).collect();
    let mut e = fixture();
    let got = err(&mut e, "AddTagsToStream", json!({"StreamName": "S", "Tags": many}));
    assert_eq!(got.error_type.aws_name(), "ValidationException");
    assert!(got.message.starts_with("1 validation error detected: Value '{k000=v, k001=v, "), "{}", got.message);
    assert!(
        got.message.ends_with(
            ", k200=v}' at 'tags' failed to satisfy constraint: Member must have length less than or equal to 200"
        ),
        "{}",
        got.message
    );
    // Keys 1..128 and values 0..256, reported once for the whole map (kinesalite's record of AWS).
    let long_key = "k".repeat(129);
    invalid(
        "AddTagsToStream",
        json!({"StreamName": "S", "Tags": {"a": "b", long_key.clone(): "v"}}),
        &[format!("Value '{{a=b, {long_key}=v}}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]")],
    );
    let long_value = "v".repeat(257);
    invalid(
        "AddTagsToStream",
        json!({"StreamName": "S", "Tags": {"a": long_value.clone()}}),
        &[format!("Value '{{a={long_value}}}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 256, Member must have length greater than or equal to 0]")],
    );
    accepted("AddTagsToStream", json!({"StreamName": "S", "Tags": {"k".repeat(128): "v".repeat(256)}}));
    accepted("AddTagsToStream", json!({"StreamName": "S", "Tags": {"a": ""}}));
    // TagKeys: 1..50 keys of 1..128 characters.
    invalid("RemoveTagsFromStream", json!({"StreamName": "S"}), &[item(None, "tagKeys", NOT_NULL)]);
    invalid(
        "RemoveTagsFromStream",
        json!({"StreamName": "S", "TagKeys": []}),
        &[item(Some("[]"), "tagKeys", &min_len(1))],
    );
    let keys51: Vec<String> = (1..=51).map(|i| i.to_string()).collect();
    invalid(
        "RemoveTagsFromStream",
        json!({"StreamName": "S", "TagKeys": keys51}),
        &[item(Some(&format!("[{}]", keys51.join(", "))), "tagKeys", &max_len(50))],
    );
    invalid(
        "RemoveTagsFromStream",
        json!({"StreamName": "S", "TagKeys": ["a", long_key.clone(), "b"]}),
        &[format!("Value '[a, {long_key}, b]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]")],
    );
    invalid(
        "RemoveTagsFromStream",
        json!({"StreamName": "S", "TagKeys": [""]}),
        &["Value '[]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]".to_owned()],
    );
    rejects(
        "RemoveTagsFromStream",
        json!({"StreamName": "S", "TagKeys": ["abc;def"]}),
        "InvalidArgumentException",
        "Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.",
    );
}

#[test]
fn items_in_declaration_order_at_most_ten_singular_and_plural() {
    invalid(
        "GetShardIterator",
        json!({"StreamName": "", "ShardId": "", "ShardIteratorType": "X"}),
        &[
            item(Some(""), "streamName", &pattern(NAME_PATTERN)),
            item(Some(""), "streamName", &min_len(1)),
            item(Some(""), "shardId", &pattern(NAME_PATTERN)),
            item(Some(""), "shardId", &min_len(1)),
            item(Some("X"), "shardIteratorType", &one_of(ITERATOR_TYPES)),
        ],
    );
    invalid("PutRecords", json!({}), &[item(None, "records", NOT_NULL), item(None, "streamName", NOT_NULL)]);
    invalid("AddTagsToStream", json!({}), &[item(None, "streamName", NOT_NULL), item(None, "tags", NOT_NULL)]);
    // Twelve entries with neither Data nor PartitionKey: 24 problems, the first ten listed.
    let entries: Vec<Value> = (0..12).map(|_| json!({})).collect();
    let first_ten: Vec<String> = (1..=5)
        .flat_map(|i| {
            [
                item(None, &format!("records.{i}.member.data"), NOT_NULL),
                item(None, &format!("records.{i}.member.partitionKey"), NOT_NULL),
            ]
        })
        .collect();
    invalid("PutRecords", json!({"StreamName": "S", "Records": entries}), &first_ten);
    assert!(message(&first_ten).starts_with("10 validation errors detected: Value null at 'records.1.member.data'"));
    assert!(message(&first_ten[..1]).starts_with("1 validation error detected: "));
}

#[test]
fn wrong_json_types_are_serialization_exceptions() {
    // (op, base, member, value, message): AWS's texts as recorded by kinesalite's suite (spec 2.2).
    let number = "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String";
    let cases: Vec<(&str, Value, &str, Value, &str)> = vec![
        ("DescribeStream", json!({}), "StreamName", json!(true), "class java.lang.Boolean can not be converted to an String"),
        ("DescribeStream", json!({}), "StreamName", json!(23), number),
        ("DescribeStream", json!({}), "StreamName", json!(34.56), number),
        ("DescribeStream", json!({}), "StreamName", json!([]), "Start of list found where not expected"),
        ("DescribeStream", json!({}), "StreamName", json!({}), "Start of structure or map found where not expected."),
        ("DescribeStream", json!({"StreamName": "S"}), "Limit", json!("23"), "class java.lang.String can not be converted to an Integer"),
        ("DescribeStream", json!({"StreamName": "S"}), "Limit", json!(true), "class java.lang.Boolean can not be converted to an Integer"),
        ("DescribeStream", json!({"StreamName": "S"}), "Limit", json!([]), "Start of list found where not expected"),
        ("DescribeStream", json!({"StreamName": "S"}), "Limit", json!({}), "Start of structure or map found where not expected."),
        ("CreateStream", json!({"StreamName": "N"}), "ShardCount", json!("1"), "class java.lang.String can not be converted to an Integer"),
        ("DeleteStream", json!({"StreamName": "S"}), "EnforceConsumerDeletion", json!("yes"), "'YES' can not be converted to an Boolean"),
        ("DeleteStream", json!({"StreamName": "S"}), "EnforceConsumerDeletion", json!(23), "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Boolean"),
        ("DeleteStream", json!({"StreamName": "S"}), "EnforceConsumerDeletion", json!([]), "Start of list found where not expected"),
        ("PutRecord", json!({"StreamName": "S", "PartitionKey": "k"}), "Data", json!(true), "class java.lang.Boolean can not be converted to a Blob"),
        ("PutRecord", json!({"StreamName": "S", "PartitionKey": "k"}), "Data", json!(23), "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to a Blob"),
        ("PutRecord", json!({"StreamName": "S", "PartitionKey": "k"}), "Data", json!({}), "Start of structure or map found where not expected."),
        ("PutRecord", json!({"StreamName": "S", "PartitionKey": "k"}), "Data", json!("23456"), "'23456' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 5"),
        ("PutRecord", json!({"StreamName": "S", "PartitionKey": "k"}), "Data", json!("=+/="), "'=+/=' can not be converted to a Blob: Invalid Base64 character: '='"),
        ("PutRecord", json!({"StreamName": "S", "PartitionKey": "k"}), "Data", json!("+/+="), "'+/+=' can not be converted to a Blob: Invalid last non-pad Base64 character dectected"),
        ("PutRecord", json!({"StreamName": "S", "Data": ""}), "PartitionKey", json!(5), number),
        ("PutRecords", json!({"StreamName": "S"}), "Records", json!("23"), "Expected list or null"),
        ("PutRecords", json!({"StreamName": "S"}), "Records", json!(23), "Expected list or null"),
        ("PutRecords", json!({"StreamName": "S"}), "Records", json!({}), "Start of structure or map found where not expected."),
        ("PutRecords", json!({"StreamName": "S"}), "Records", json!(["23"]), "Expected null"),
        ("PutRecords", json!({"StreamName": "S"}), "Records", json!([[]]), "Start of list found where not expected"),
        ("PutRecords", json!({"StreamName": "S"}), "Records", json!([{"PartitionKey": "k", "Data": true}]), "class java.lang.Boolean can not be converted to a Blob"),
        ("AddTagsToStream", json!({"StreamName": "S"}), "Tags", json!("23"), "Expected map or null"),
        ("AddTagsToStream", json!({"StreamName": "S"}), "Tags", json!([]), "Start of list found where not expected"),
        ("AddTagsToStream", json!({"StreamName": "S"}), "Tags", json!({"a": 1}), number),
        ("RemoveTagsFromStream", json!({"StreamName": "S"}), "TagKeys", json!(true), "Expected list or null"),
        ("RemoveTagsFromStream", json!({"StreamName": "S"}), "TagKeys", json!({}), "Start of structure or map found where not expected."),
        ("RemoveTagsFromStream", json!({"StreamName": "S"}), "TagKeys", json!([true]), "class java.lang.Boolean can not be converted to an String"),
        ("CreateStream", json!({"StreamName": "N"}), "StreamModeDetails", json!("23"), "Expected null"),
        ("CreateStream", json!({"StreamName": "N"}), "StreamModeDetails", json!([]), "Start of list found where not expected"),
        ("GetShardIterator", json!({"StreamName": "S", "ShardId": S0, "ShardIteratorType": "AT_TIMESTAMP"}), "Timestamp", json!("2024-01-01"), "class java.lang.String can not be converted to milliseconds since epoch"),
        ("GetShardIterator", json!({"StreamName": "S", "ShardId": S0, "ShardIteratorType": "AT_TIMESTAMP"}), "Timestamp", json!(true), "class java.lang.Boolean can not be converted to milliseconds since epoch"),
        ("GetShardIterator", json!({"StreamName": "S", "ShardId": S0, "ShardIteratorType": "AT_TIMESTAMP"}), "Timestamp", json!([]), "Start of list found where not expected"),
        ("GetRecords", json!({}), "ShardIterator", json!(1), number),
    ];
    for (op, base, member, value, expected) in cases {
        rejects(op, merged(&base, &json!({ member: value })), "SerializationException", expected);
    }
}

#[test]
fn dispatch_answers_like_the_service() {
    let mut e = fixture();
    let r = api::dispatch(&mut e, "Kinesis_20131202.DescribeStream", "{\"StreamName\": 5}");
    assert_eq!(r.status, 400);
    let body: Value = serde_json::from_str(&r.body).expect("an error body is JSON");
    assert_eq!(body["__type"], "SerializationException");
    assert!(body["Message"].is_string(), "SerializationException carries a capital-M Message: {body}");
    // A body that is not JSON, or no body at all: a bare SerializationException.
    for body in ["{not json", "", "  "] {
        let r = api::dispatch(&mut e, "DescribeStream", body);
        assert_eq!((r.status, r.body.as_str()), (400, r#"{"__type":"SerializationException"}"#), "{body:?}");
    }
    let r = api::dispatch(&mut e, "DescribeStream", "{\"StreamName\": \"\"}");
    assert_eq!(r.status, 400);
    let body: Value = serde_json::from_str(&r.body).expect("JSON");
    assert_eq!(body["__type"], "ValidationException");
    assert!(body["message"].as_str().is_some_and(|m| m.starts_with("2 validation errors detected: ")));
    for op in ["Kinesis_20131202.NoSuchOperation", "subscribetoshard", ""] {
        let r = api::dispatch(&mut e, op, "{}");
        assert_eq!((r.status, r.body.as_str()), (400, r#"{"__type":"UnknownOperationException"}"#), "{op}");
    }
    // Success: 200 with the output, or an empty body for empty outputs.
    let r =
        api::dispatch(&mut e, "Kinesis_20131202.AddTagsToStream", "{\"StreamName\": \"S\", \"Tags\": {\"x\": \"y\"}}");
    assert_eq!((r.status, r.body.as_str()), (200, ""));
    let r = api::dispatch(&mut e, "DescribeLimits", "{}");
    assert_eq!(r.status, 200);
    let body: Value = serde_json::from_str(&r.body).expect("JSON");
    assert_eq!(body["ShardLimit"], 20000);
}
