//! The stream settings beside shards: server-side encryption, enhanced monitoring, the maximum record size, warm
//! throughput and account settings, resource policies and tags by ARN.
mod common;
use common::*;
use kinesis_playground::engine::{ErrorType, StreamStatus};
use serde_json::{json, Value};

const A: &str = "123456789012";
const ARN: &str = "arn:aws:kinesis:us-east-1:123456789012:stream/S";
const KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012";

fn summary(e: &mut kinesis_playground::engine::Engine) -> Value {
    ok(e, "DescribeStreamSummary", json!({"StreamName": "S"}))["StreamDescriptionSummary"].clone()
}

fn encryption(kind: &str, key: &str) -> Value {
    json!({"StreamName": "S", "EncryptionType": kind, "KeyId": key})
}

#[test]
fn encryption_starts_when_updating_ends_and_marks_the_records() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let plain = ok(&mut e, "PutRecord", json!({"StreamName": "S", "PartitionKey": "a", "Data": b64("before")}));
    assert!(plain.get("EncryptionType").is_none(), "unencrypted streams omit EncryptionType");
    ok(&mut e, "StartStreamEncryption", encryption("KMS", KEY));
    let s = summary(&mut e);
    assert_eq!((s["StreamStatus"].as_str(), s["EncryptionType"].as_str()), (Some("UPDATING"), Some("NONE")));
    // Writes go on while UPDATING, still unencrypted.
    let during = ok(&mut e, "PutRecord", json!({"StreamName": "S", "PartitionKey": "a", "Data": b64("during")}));
    assert!(during.get("EncryptionType").is_none());
    e.advance(5_000);
    let s = summary(&mut e);
    assert_eq!((s["EncryptionType"].as_str(), s["KeyId"].as_str()), (Some("KMS"), Some(KEY)));
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "S"}))["StreamDescription"].clone();
    assert_eq!((d["EncryptionType"].as_str(), d["KeyId"].as_str()), (Some("KMS"), Some(KEY)));
    let after = ok(&mut e, "PutRecord", json!({"StreamName": "S", "PartitionKey": "a", "Data": b64("after")}));
    assert_eq!(after["EncryptionType"], "KMS");
    let many =
        ok(&mut e, "PutRecords", json!({"StreamName": "S", "Records": [{"PartitionKey": "a", "Data": b64("x")}]}));
    assert_eq!(many["EncryptionType"], "KMS");
    let it = iterator(&mut e, "S", "shardId-000000000000", "TRIM_HORIZON", json!({}));
    let r = get_records(&mut e, &it, None);
    let kinds: Vec<Option<&str>> =
        r["Records"].as_array().unwrap().iter().map(|x| x["EncryptionType"].as_str()).collect();
    assert_eq!(kinds, vec![None, None, Some("KMS"), Some("KMS")]);
    // Stop: the key must be the stream's.
    expect_err(
        &mut e,
        "StopStreamEncryption",
        encryption("KMS", "alias/aws/kinesis"),
        "InvalidArgumentException",
        &format!("KeyId alias/aws/kinesis is not the key stream S under account {A} is encrypted with ({KEY})."),
    );
    ok(&mut e, "StopStreamEncryption", encryption("KMS", KEY));
    e.advance(5_000);
    assert_eq!(summary(&mut e)["EncryptionType"], "NONE");
    assert!(summary(&mut e).get("KeyId").is_none());
    let plain = ok(&mut e, "PutRecord", json!({"StreamName": "S", "PartitionKey": "a", "Data": b64("plain")}));
    assert!(plain.get("EncryptionType").is_none());
}

#[test]
fn encryption_rules() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    expect_err(
        &mut e,
        "StartStreamEncryption",
        json!({"StreamName": "Nope", "EncryptionType": "NONE", "KeyId": "bad key"}),
        "ResourceNotFoundException",
        &format!("Stream Nope under account {A} not found."),
    );
    expect_err(
        &mut e,
        "StartStreamEncryption",
        encryption("NONE", "alias/aws/kinesis"),
        "InvalidArgumentException",
        "EncryptionType NONE is not valid here: KMS is the only encryption type Kinesis offers.",
    );
    let bad = err(&mut e, "StartStreamEncryption", encryption("KMS", "my-key"));
    assert_eq!(bad.error_type, ErrorType::InvalidArgument);
    assert!(bad.message.starts_with("KeyId my-key does not name a KMS key."), "{}", bad.message);
    expect_err(
        &mut e,
        "StopStreamEncryption",
        encryption("KMS", "alias/aws/kinesis"),
        "InvalidArgumentException",
        &format!("Stream S under account {A} is not encrypted: there is no encryption to stop."),
    );
    for key in ["alias/aws/kinesis", "alias/orders", "12345678-1234-1234-1234-123456789012", KEY] {
        ok(&mut e, "StartStreamEncryption", encryption("KMS", key));
        let busy = err(&mut e, "StartStreamEncryption", encryption("KMS", key));
        assert_eq!(busy.error_type, ErrorType::ResourceInUse);
        e.advance(5_000);
        assert_eq!(summary(&mut e)["KeyId"], key);
    }
    // 25 starts in a rolling day.
    for _ in 4..25 {
        ok(&mut e, "StartStreamEncryption", encryption("KMS", "alias/aws/kinesis"));
        e.advance(5_000);
    }
    assert_eq!(err(&mut e, "StartStreamEncryption", encryption("KMS", KEY)).error_type, ErrorType::LimitExceeded);
    e.advance(24 * 3_600_000);
    ok(&mut e, "StartStreamEncryption", encryption("KMS", KEY));
}

#[test]
fn enhanced_monitoring_answers_before_and_after() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let r = ok(
        &mut e,
        "EnableEnhancedMonitoring",
        json!({"StreamName": "S", "ShardLevelMetrics": ["OutgoingBytes", "IncomingBytes"]}),
    );
    assert_eq!(
        r,
        json!({"StreamName": "S", "CurrentShardLevelMetrics": [], "DesiredShardLevelMetrics": ["IncomingBytes", "OutgoingBytes"], "StreamARN": ARN})
    );
    assert_eq!(summary(&mut e)["EnhancedMonitoring"], json!([{"ShardLevelMetrics": []}]));
    e.advance(5_000);
    assert_eq!(
        summary(&mut e)["EnhancedMonitoring"],
        json!([{"ShardLevelMetrics": ["IncomingBytes", "OutgoingBytes"]}])
    );
    let r = ok(&mut e, "EnableEnhancedMonitoring", json!({"StreamARN": ARN, "ShardLevelMetrics": ["ALL"]}));
    assert_eq!(r["DesiredShardLevelMetrics"].as_array().unwrap().len(), 7);
    e.advance(5_000);
    let r = ok(
        &mut e,
        "DisableEnhancedMonitoring",
        json!({"StreamName": "S", "ShardLevelMetrics": ["IncomingBytes", "IteratorAgeMilliseconds"]}),
    );
    assert_eq!(r["CurrentShardLevelMetrics"].as_array().unwrap().len(), 7);
    assert_eq!(
        r["DesiredShardLevelMetrics"],
        json!([
            "IncomingRecords",
            "OutgoingBytes",
            "OutgoingRecords",
            "WriteProvisionedThroughputExceeded",
            "ReadProvisionedThroughputExceeded"
        ])
    );
    assert_eq!(
        err(&mut e, "DisableEnhancedMonitoring", json!({"StreamName": "S", "ShardLevelMetrics": ["ALL"]})).error_type,
        ErrorType::ResourceInUse
    );
    e.advance(5_000);
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "S"}));
    assert_eq!(d["StreamDescription"]["EnhancedMonitoring"][0]["ShardLevelMetrics"].as_array().unwrap().len(), 5);
    ok(&mut e, "DisableEnhancedMonitoring", json!({"StreamName": "S", "ShardLevelMetrics": ["ALL"]}));
    e.advance(5_000);
    assert_eq!(summary(&mut e)["EnhancedMonitoring"], json!([{"ShardLevelMetrics": []}]));
}

fn blob(n: usize) -> String {
    base64::Engine::encode(&base64::engine::general_purpose::STANDARD, vec![b'r'; n])
}

#[test]
fn records_up_to_the_streams_maximum_record_size() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    assert_eq!(summary(&mut e)["MaxRecordSizeInKiB"], 1024);
    let mib = 1024 * 1024;
    let over = |n: usize, path: &str, max: usize| {
        format!("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim={n} cap={n}]' at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}")
    };
    expect_err(
        &mut e,
        "PutRecord",
        json!({"StreamName": "S", "PartitionKey": "k", "Data": blob(mib + 1)}),
        "ValidationException",
        &over(mib + 1, "data", mib),
    );
    // 10 MiB at most in the model, whatever the stream.
    expect_err(
        &mut e,
        "PutRecord",
        json!({"StreamName": "S", "PartitionKey": "k", "Data": blob(10 * mib + 1)}),
        "ValidationException",
        &over(10 * mib + 1, "data", 10 * mib),
    );
    ok(&mut e, "UpdateMaxRecordSize", json!({"StreamARN": ARN, "MaxRecordSizeInKiB": 10240}));
    assert_eq!(summary(&mut e)["MaxRecordSizeInKiB"], 10240);
    // A maximum-size record (10 MiB of data and a 1-byte key) on an idle shard is accepted...
    ok(&mut e, "PutRecord", json!({"StreamName": "S", "PartitionKey": "k", "Data": blob(10 * mib)}));
    // ...and empties the shard's tank: the next byte waits for the refill.
    let t = err(&mut e, "PutRecord", json!({"StreamName": "S", "PartitionKey": "k", "Data": ""}));
    assert_eq!(t.error_type, ErrorType::ProvisionedThroughputExceeded);
    // PutRecords to a stream of large records may carry 10 MiB in all.
    e.advance(10_000);
    let r =
        ok(&mut e, "PutRecords", json!({"StreamName": "S", "Records": [{"PartitionKey": "k", "Data": blob(6 * mib)}]}));
    assert_eq!(r["FailedRecordCount"], 0);
    let eleven: Vec<Value> = (0..2).map(|_| json!({"PartitionKey": "k", "Data": blob(5 * mib + 512 * 1024)})).collect();
    expect_err(
        &mut e,
        "PutRecords",
        json!({"StreamName": "S", "Records": eleven}),
        "InvalidArgumentException",
        "Records size exceeds 10 MB limit",
    );
    // At creation.
    ok(&mut e, "CreateStream", json!({"StreamName": "Big", "ShardCount": 1, "MaxRecordSizeInKiB": 2048}));
    assert_eq!(
        ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "Big"}))["StreamDescriptionSummary"]
            ["MaxRecordSizeInKiB"],
        2048
    );
    // UpdateMaxRecordSize names the stream by ARN, and the stream must be ACTIVE.
    expect_err(
        &mut e,
        "UpdateMaxRecordSize",
        json!({"MaxRecordSizeInKiB": 2048}),
        "ValidationException",
        "1 validation error detected: Value null at 'streamARN' failed to satisfy constraint: Member must not be null",
    );
    let big = "arn:aws:kinesis:us-east-1:123456789012:stream/Big";
    assert_eq!(
        err(&mut e, "UpdateMaxRecordSize", json!({"StreamARN": big, "MaxRecordSizeInKiB": 4096})).error_type,
        ErrorType::ResourceInUse
    );
}

#[test]
fn warm_throughput_needs_an_on_demand_stream_and_the_commitment() {
    let mut e = unthrottled();
    ok(&mut e, "CreateStream", json!({"StreamName": "S", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    active_stream(&mut e, "P", 1);
    e.advance(5_000);
    assert!(summary(&mut e).get("WarmThroughput").is_none(), "no commitment, no WarmThroughput");
    let warm = |name: &str, n: i64| json!({"StreamName": name, "WarmThroughputMiBps": n});
    let no = err(&mut e, "UpdateStreamWarmThroughput", warm("S", 8));
    assert!(no.message.starts_with("Warm throughput is only available to on-demand streams in accounts with the minimum throughput billing commitment enabled"), "{}", no.message);
    let r = ok(&mut e, "UpdateAccountSettings", json!({"MinimumThroughputBillingCommitment": {"Status": "ENABLED"}}));
    assert_eq!(r["MinimumThroughputBillingCommitment"]["Status"], "ENABLED");
    assert_eq!(summary(&mut e)["WarmThroughput"], json!({"TargetMiBps": 0, "CurrentMiBps": 4}));
    expect_err(
        &mut e,
        "UpdateStreamWarmThroughput",
        warm("P", 8),
        "InvalidArgumentException",
        &format!("Stream P under account {A} is in PROVISIONED mode: warm throughput is for on-demand streams."),
    );
    assert_eq!(err(&mut e, "UpdateStreamWarmThroughput", warm("S", 10_241)).error_type, ErrorType::InvalidArgument);
    assert_eq!(err(&mut e, "UpdateStreamWarmThroughput", warm("S", 257)).error_type, ErrorType::LimitExceeded);
    let r = ok(&mut e, "UpdateStreamWarmThroughput", warm("S", 10));
    assert_eq!(
        r,
        json!({"StreamARN": ARN, "StreamName": "S", "WarmThroughput": {"TargetMiBps": 10, "CurrentMiBps": 4}})
    );
    assert_eq!(e.stream("S").unwrap().status, StreamStatus::Updating);
    e.advance(5_000);
    assert_eq!(e.stream("S").unwrap().open_shard_count(), 10);
    assert_eq!(summary(&mut e)["WarmThroughput"], json!({"TargetMiBps": 10, "CurrentMiBps": 10}));
    let ranges = e.stream("S").unwrap().open_ranges();
    assert_eq!((ranges[0].starting_hash_key, ranges.last().unwrap().ending_hash_key), (0, u128::MAX));
    // At creation, reached when CREATING ends; only for on-demand streams.
    ok(
        &mut e,
        "CreateStream",
        json!({"StreamName": "W", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}, "WarmThroughputMiBps": 6}),
    );
    e.advance(5_000);
    assert_eq!(e.stream("W").unwrap().open_shard_count(), 6);
    expect_err(
        &mut e,
        "CreateStream",
        json!({"StreamName": "X", "ShardCount": 1, "WarmThroughputMiBps": 6}),
        "InvalidArgumentException",
        "WarmThroughputMiBps is only valid for streams in ON_DEMAND capacity mode.",
    );
    // Switching a provisioned stream to on-demand, warmed.
    ok(
        &mut e,
        "UpdateStreamMode",
        json!({"StreamARN": "arn:aws:kinesis:us-east-1:123456789012:stream/P", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}, "WarmThroughputMiBps": 3}),
    );
    e.advance(5_000);
    assert_eq!(e.stream("P").unwrap().open_shard_count(), 3);
}

#[test]
fn the_commitment_lasts_a_day_once_enabled() {
    let mut e = engine();
    let set = |s: &str| json!({"MinimumThroughputBillingCommitment": {"Status": s}});
    assert_eq!(
        ok(&mut e, "DescribeAccountSettings", json!({})),
        json!({"MinimumThroughputBillingCommitment": {"Status": "DISABLED"}})
    );
    let on = ok(&mut e, "UpdateAccountSettings", set("ENABLED"));
    assert_eq!(
        on,
        json!({"MinimumThroughputBillingCommitment": {"Status": "ENABLED", "StartedAt": 1_704_067_200.0, "EarliestAllowedEndAt": 1_704_153_600.0}})
    );
    e.advance(60_000);
    let early = ok(&mut e, "UpdateAccountSettings", set("DISABLED"));
    assert_eq!(early["MinimumThroughputBillingCommitment"]["Status"], "ENABLED_UNTIL_EARLIEST_ALLOWED_END");
    e.advance(24 * 3_600_000);
    assert_eq!(
        ok(&mut e, "DescribeAccountSettings", json!({})),
        json!({"MinimumThroughputBillingCommitment": {"Status": "DISABLED", "StartedAt": 1_704_067_200.0, "EndedAt": 1_704_153_600.0}})
    );
}

#[test]
fn resource_policies_are_kept_and_checked() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kinesis:GetRecords","Resource":"arn:aws:kinesis:us-east-1:123456789012:stream/S"}]}"#;
    assert_eq!(ok(&mut e, "GetResourcePolicy", json!({"ResourceARN": ARN})), json!({"Policy": "{}"}));
    ok(&mut e, "PutResourcePolicy", json!({"ResourceARN": ARN, "Policy": policy}));
    assert_eq!(ok(&mut e, "GetResourcePolicy", json!({"ResourceARN": ARN})), json!({"Policy": policy}));
    let bad = err(&mut e, "PutResourcePolicy", json!({"ResourceARN": ARN, "Policy": "{\"Statement\": "}));
    assert_eq!(bad.error_type, ErrorType::InvalidArgument);
    assert!(bad.message.starts_with("Invalid policy document: it is not JSON"), "{}", bad.message);
    assert_eq!(
        ok(&mut e, "GetResourcePolicy", json!({"ResourceARN": ARN})),
        json!({"Policy": policy}),
        "a refused policy changes nothing"
    );
    ok(&mut e, "DeleteResourcePolicy", json!({"ResourceARN": ARN}));
    expect_err(
        &mut e,
        "DeleteResourcePolicy",
        json!({"ResourceARN": ARN}),
        "ResourceNotFoundException",
        &format!("No resource policy found for resource {ARN} under account {A}."),
    );
    // Unknown streams and consumers are not found; the stream first, whatever the policy.
    let nope = "arn:aws:kinesis:us-east-1:123456789012:stream/Nope";
    expect_err(
        &mut e,
        "PutResourcePolicy",
        json!({"ResourceARN": nope, "Policy": "not json"}),
        "ResourceNotFoundException",
        &format!("Stream Nope under account {A} not found."),
    );
    let consumer = format!("{ARN}/consumer/app:1704067200");
    expect_err(
        &mut e,
        "GetResourcePolicy",
        json!({"ResourceARN": consumer}),
        "ResourceNotFoundException",
        &format!("Consumer app with creation timestamp 1704067200 under stream S and account {A} not found."),
    );
    let other = "arn:aws:kinesis:eu-west-1:123456789012:stream/S";
    assert_eq!(
        err(&mut e, "ListTagsForResource", json!({"ResourceARN": other})).error_type,
        ErrorType::ResourceNotFound
    );
}

#[test]
fn tags_by_arn_are_the_streams_tags() {
    let mut e = unthrottled();
    ok(&mut e, "CreateStream", json!({"StreamName": "S", "ShardCount": 1, "Tags": {"env": "dev"}}));
    assert_eq!(
        err(&mut e, "TagResource", json!({"ResourceARN": ARN, "Tags": {"a": "b"}})).error_type,
        ErrorType::ResourceInUse
    );
    e.advance(5_000);
    ok(&mut e, "TagResource", json!({"ResourceARN": ARN, "Tags": {"team": "data"}}));
    let by_name = ok(&mut e, "ListTagsForStream", json!({"StreamName": "S"}));
    assert_eq!(by_name["Tags"], json!([{"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "data"}]));
    assert_eq!(ok(&mut e, "ListTagsForResource", json!({"ResourceARN": ARN}))["Tags"], by_name["Tags"]);
    let many: serde_json::Map<String, Value> = (0..49).map(|i| (format!("k{i}"), json!("v"))).collect();
    expect_err(
        &mut e,
        "TagResource",
        json!({"ResourceARN": ARN, "Tags": many}),
        "InvalidArgumentException",
        &format!("Failed to tag resource {ARN} because a resource cannot have more than 50 tags associated with it."),
    );
}

#[test]
fn a_consumers_tags_and_policy_by_its_arn() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let r =
        ok(&mut e, "RegisterStreamConsumer", json!({"StreamARN": ARN, "ConsumerName": "app", "Tags": {"team": "a"}}));
    let consumer = r["Consumer"]["ConsumerARN"].as_str().unwrap().to_owned();
    e.advance(5_000);
    ok(&mut e, "TagResource", json!({"ResourceARN": consumer, "Tags": {"env:stage": "dev"}}));
    assert_eq!(
        ok(&mut e, "ListTagsForResource", json!({"ResourceARN": consumer}))["Tags"],
        json!([{"Key": "env:stage", "Value": "dev"}, {"Key": "team", "Value": "a"}])
    );
    ok(&mut e, "UntagResource", json!({"ResourceARN": consumer, "TagKeys": ["team"]}));
    assert_eq!(
        ok(&mut e, "ListTagsForResource", json!({"ResourceARN": consumer}))["Tags"].as_array().unwrap().len(),
        1
    );
    // The stream's tags are its own.
    assert_eq!(ok(&mut e, "ListTagsForResource", json!({"ResourceARN": ARN}))["Tags"], json!([]));
    let policy = r#"{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "kinesis:SubscribeToShard", "Resource": "*"}}"#;
    ok(&mut e, "PutResourcePolicy", json!({"ResourceARN": consumer, "Policy": policy}));
    assert_eq!(ok(&mut e, "GetResourcePolicy", json!({"ResourceARN": consumer}))["Policy"], policy);
    assert_eq!(ok(&mut e, "GetResourcePolicy", json!({"ResourceARN": ARN}))["Policy"], "{}");
    ok(&mut e, "DeleteResourcePolicy", json!({"ResourceARN": consumer}));
    assert_eq!(
        err(&mut e, "DeleteResourcePolicy", json!({"ResourceARN": consumer})).error_type,
        ErrorType::ResourceNotFound
    );
    // Deregistered, the consumer is not found by its ARN any more.
    ok(&mut e, "PutResourcePolicy", json!({"ResourceARN": consumer, "Policy": policy}));
    ok(&mut e, "DeregisterStreamConsumer", json!({"ConsumerARN": consumer}));
    e.advance(10_000);
    assert_eq!(
        err(&mut e, "GetResourcePolicy", json!({"ResourceARN": consumer})).error_type,
        ErrorType::ResourceNotFound
    );
    assert_eq!(
        err(&mut e, "TagResource", json!({"ResourceARN": consumer, "Tags": {"a": "b"}})).error_type,
        ErrorType::ResourceNotFound
    );
}
