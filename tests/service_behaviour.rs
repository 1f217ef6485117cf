//! Service behaviours that are easy to get wrong: the order of checks, the names echoed in messages, streams
//! deleted while CREATING, and how sequence numbers are validated.
mod common;
use common::*;
use serde_json::json;

const A: &str = "123456789012";

#[test]
fn the_stream_is_looked_up_before_the_shard_id() {
    let mut e = engine();
    active_stream(&mut e, "S", 2);
    for shard in ["shardId-000000000000", "not-a-shard", "shardId-99999999999999"] {
        expect_err(
            &mut e,
            "GetShardIterator",
            json!({"StreamName": "Nope", "ShardId": shard, "ShardIteratorType": "LATEST"}),
            "ResourceNotFoundException",
            &format!("Shard {shard} in stream Nope under account {A} does not exist"),
        );
    }
    // Shard ids are echoed as written.
    expect_err(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "S", "ShardId": "shardId-5", "ShardIteratorType": "LATEST"}),
        "ResourceNotFoundException",
        &format!("Shard shardId-5 in stream S under account {A} does not exist"),
    );
    expect_err(
        &mut e,
        "MergeShards",
        json!({"StreamName": "S", "ShardToMerge": "shardId-1", "AdjacentShardToMerge": "shardId-0"}),
        "InvalidArgumentException",
        &format!("Shards shardId-1 and shardId-0 in stream S under account {A} are not an adjacent pair of shards eligible for merging"),
    );
    expect_err(
        &mut e,
        "MergeShards",
        json!({"StreamName": "Nope", "ShardToMerge": "x", "AdjacentShardToMerge": "y"}),
        "ResourceNotFoundException",
        &format!("Stream Nope under account {A} not found."),
    );
}

#[test]
fn list_shards_needs_a_stream_or_a_token() {
    let mut e = engine();
    expect_err(
        &mut e,
        "ListShards",
        json!({}),
        "InvalidArgumentException",
        "Either NextToken or StreamName should be provided.",
    );
    expect_err(
        &mut e,
        "ListShards",
        json!({"MaxResults": 5}),
        "InvalidArgumentException",
        "Either NextToken or StreamName should be provided.",
    );
}

#[test]
fn a_stream_deleted_while_creating_describes_with_no_shards() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "S", "ShardCount": 3}));
    ok(&mut e, "DeleteStream", json!({"StreamName": "S"}));
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "S"}));
    assert_eq!(d["StreamDescription"]["StreamStatus"], "DELETING");
    assert_eq!(d["StreamDescription"]["Shards"], json!([]));
    let s = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "S"}));
    assert_eq!(s["StreamDescriptionSummary"]["OpenShardCount"], 0);
    e.advance(10_000);
    assert!(e.stream("S").is_none());
}

#[test]
fn sequence_numbers_are_validated_as_the_service_does() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 2);
    // "a" lands in shard 0, "1" in shard 1.
    let (shard0, seq0) = put(&mut e, "S", "a", "x");
    let (shard1, seq1) = put(&mut e, "S", "1", "y");
    assert_eq!((shard0.as_str(), shard1.as_str()), ("shardId-000000000000", "shardId-000000000001"));
    let gsi = |shard: &str, seq: &str| json!({"StreamName": "S", "ShardId": shard, "ShardIteratorType": "AT_SEQUENCE_NUMBER", "StartingSequenceNumber": seq});
    expect_err(
        &mut e,
        "GetShardIterator",
        gsi("shardId-000000000000", &seq1),
        "InvalidArgumentException",
        "Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was used in a call to a shard with shardId-000000000000",
    );
    expect_err(
        &mut e,
        "GetShardIterator",
        gsi("shardId-000000000001", "12345"),
        "InvalidArgumentException",
        &format!("StartingSequenceNumber 12345 used in GetShardIterator on shard shardId-000000000001 in stream S under account {A} is invalid."),
    );
    ok(&mut e, "GetShardIterator", gsi("shardId-000000000000", &seq0));
    // A sequence number of another stream's shard 0 did not come from this stream.
    e.advance(3_000);
    active_stream(&mut e, "T", 1);
    let (_, other) = put(&mut e, "T", "a", "z");
    expect_err(
        &mut e,
        "GetShardIterator",
        gsi("shardId-000000000000", &other),
        "InvalidArgumentException",
        &format!("StartingSequenceNumber {other} used in GetShardIterator on shard shardId-000000000000 in stream S under account {A} is invalid because it did not come from this stream."),
    );
    // SequenceNumberForOrdering: a sequence number, not from the future.
    let put_req = |ordering: &str| json!({"StreamName": "S", "PartitionKey": "a", "Data": b64("z"), "SequenceNumberForOrdering": ordering});
    let r = ok(&mut e, "PutRecord", put_req(&seq0));
    assert!(r["SequenceNumber"].as_str().unwrap().len() == 56);
    expect_err(
        &mut e,
        "PutRecord",
        put_req("7"),
        "InvalidArgumentException",
        &format!("ExclusiveMinimumSequenceNumber 7 used in PutRecord on stream S under account {A} is invalid."),
    );
}

#[test]
fn dispatch_on_the_wire() {
    let mut e = engine();
    for (op, body, reply) in [
        ("PutRecord", "", r#"{"__type":"SerializationException"}"#),
        ("PutRecord", "[1,", r#"{"__type":"SerializationException"}"#),
        ("Kinesis_20131202.Nope", "{}", r#"{"__type":"UnknownOperationException"}"#),
    ] {
        let r = kinesis_playground::api::dispatch(&mut e, op, body);
        assert_eq!((r.status, r.body.as_str()), (400, reply), "{op} {body:?}");
    }
}
