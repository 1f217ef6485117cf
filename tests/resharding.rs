//! SplitShard, MergeShards, UpdateShardCount, UpdateStreamMode: rules, messages and what readers see.
mod common;
use common::*;
use kinesis_playground::engine::{ErrorType, StreamStatus};
use serde_json::json;

const MID: &str = "170141183460469231731687303715884105728";

#[test]
fn split_closes_the_parent_and_children_take_new_writes() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    put(&mut e, "S", "a", "before");
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "S", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": MID}),
    );
    assert_eq!(e.stream("S").unwrap().status, StreamStatus::Updating);
    // While UPDATING the shard map is unchanged: the parent is open, there are no children, and writes and reads
    // go on as before.
    let during = ok(&mut e, "ListShards", json!({"StreamName": "S"}))["Shards"].clone();
    assert_eq!(during.as_array().unwrap().len(), 1, "{during}");
    assert!(during[0]["SequenceNumberRange"].get("EndingSequenceNumber").is_none());
    let summary = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "S"}));
    assert_eq!(summary["StreamDescriptionSummary"]["OpenShardCount"], 1);
    assert_eq!(put(&mut e, "S", "b", "during").0, "shardId-000000000000");
    let it = iterator(&mut e, "S", "shardId-000000000000", "TRIM_HORIZON", json!({}));
    assert_eq!(keys(&ok(&mut e, "GetRecords", json!({"ShardIterator": it}))), vec!["a", "b"]);
    e.advance(4_999);
    assert_eq!(ok(&mut e, "ListShards", json!({"StreamName": "S"}))["Shards"].as_array().unwrap().len(), 1);
    // When UPDATING ends, the parent closes and the children open.
    e.advance(1);
    assert_eq!(e.stream("S").unwrap().status, StreamStatus::Active);
    let shards = ok(&mut e, "ListShards", json!({"StreamName": "S"}))["Shards"].clone();
    assert_eq!(shards.as_array().unwrap().len(), 3);
    assert!(shards[0]["SequenceNumberRange"]["EndingSequenceNumber"].is_string());
    assert_eq!(shards[1]["ShardId"], "shardId-000000000001");
    assert_eq!(shards[1]["ParentShardId"], "shardId-000000000000");
    assert_eq!(shards[1]["HashKeyRange"]["EndingHashKey"], "170141183460469231731687303715884105727");
    assert_eq!(shards[2]["HashKeyRange"]["StartingHashKey"], MID);
    // New writes go to the children: "a" hashes low, "b" high.
    assert_eq!(put(&mut e, "S", "a", "after").0, "shardId-000000000001");
    assert_eq!(put(&mut e, "S", "b", "after").0, "shardId-000000000002");
    // The parent still reads its records, then ends with ChildShards and no NextShardIterator.
    let it = iterator(&mut e, "S", "shardId-000000000000", "TRIM_HORIZON", json!({}));
    let r = ok(&mut e, "GetRecords", json!({"ShardIterator": it}));
    assert_eq!(keys(&r), vec!["a", "b"]);
    assert!(r.get("NextShardIterator").is_none());
    let children = r["ChildShards"].as_array().unwrap();
    assert_eq!(children.len(), 2);
    assert_eq!(children[0]["ParentShards"], json!(["shardId-000000000000"]));
    // AFTER_SEQUENCE_NUMBER of the parent's EndingSequenceNumber is refused.
    let end = shards[0]["SequenceNumberRange"]["EndingSequenceNumber"].as_str().unwrap().to_owned();
    let req = json!({"StreamName": "S", "ShardId": "shardId-000000000000", "ShardIteratorType": "AFTER_SEQUENCE_NUMBER", "StartingSequenceNumber": end});
    assert_eq!(err(&mut e, "GetShardIterator", req).message, "Invalid SequenceNumber for ShardIteratorType AFTER_SEQUENCE_NUMBER, SequenceNumber has reached max possible value for the shard.");
}

#[test]
fn split_rules_and_messages() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    let req = |k: &str| json!({"StreamName": "S", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": k});
    let m = err(&mut e, "SplitShard", req("1")).message;
    assert_eq!(m, "NewStartingHashKey 1 used in SplitShard() on shard shardId-000000000000 in stream S under account 123456789012 is not both greater than one plus the shard's StartingHashKey 0 and less than the shard's EndingHashKey 340282366920938463463374607431768211455.");
    err(&mut e, "SplitShard", req("340282366920938463463374607431768211455"));
    ok(&mut e, "SplitShard", req(MID));
    let busy = err(&mut e, "SplitShard", req(MID));
    assert_eq!(busy.error_type, ErrorType::ResourceInUse);
    assert_eq!(busy.message, "Stream S under account 123456789012 not ACTIVE, instead in state UPDATING");
    e.advance(5_000);
    let closed = err(&mut e, "SplitShard", req(MID));
    assert_eq!(closed.message, "Shard shardId-000000000000 in stream S under account 123456789012 has already been merged or split, and thus is not eligible for merging or splitting.");
    let missing = err(
        &mut e,
        "SplitShard",
        json!({"StreamName": "S", "ShardToSplit": "shardId-000000000009", "NewStartingHashKey": MID}),
    );
    assert_eq!(missing.error_type, ErrorType::ResourceNotFound);
    // Shard ids are echoed as the caller wrote them.
    let short =
        err(&mut e, "SplitShard", json!({"StreamName": "S", "ShardToSplit": "shardId-0", "NewStartingHashKey": MID}));
    assert_eq!(short.message, "Shard shardId-0 in stream S under account 123456789012 has already been merged or split, and thus is not eligible for merging or splitting.");
    // An unknown stream is not found, whatever else is wrong.
    let nope = err(&mut e, "SplitShard", json!({"StreamName": "Nope", "ShardToSplit": "x", "NewStartingHashKey": "1"}));
    assert_eq!(nope.message, "Stream Nope under account 123456789012 not found.");
}

#[test]
fn split_with_a_hash_key_beyond_the_space_gets_the_usual_message() {
    let mut e = engine();
    active_stream(&mut e, "S", 2);
    let beyond = "340282366920938463463374607431768211456";
    let r = err(
        &mut e,
        "SplitShard",
        json!({"StreamName": "S", "ShardToSplit": "shardId-1", "NewStartingHashKey": beyond}),
    );
    assert_eq!(r.error_type, ErrorType::InvalidArgument);
    assert_eq!(r.message, format!("NewStartingHashKey {beyond} used in SplitShard() on shard shardId-1 in stream S under account 123456789012 is not both greater than one plus the shard's StartingHashKey 170141183460469231731687303715884105728 and less than the shard's EndingHashKey 340282366920938463463374607431768211455."));
    let huge = "9".repeat(39);
    assert!(err(
        &mut e,
        "SplitShard",
        json!({"StreamName": "S", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": huge})
    )
    .message
    .starts_with(&format!("NewStartingHashKey {huge} used in SplitShard() on shard shardId-000000000000")));
}

#[test]
fn merge_needs_an_adjacent_pair_in_order() {
    let mut e = engine();
    active_stream(&mut e, "S", 3);
    let bad = err(
        &mut e,
        "MergeShards",
        json!({"StreamName": "S", "ShardToMerge": "shardId-000000000000", "AdjacentShardToMerge": "shardId-000000000002"}),
    );
    assert_eq!(bad.message, "Shards shardId-000000000000 and shardId-000000000002 in stream S under account 123456789012 are not an adjacent pair of shards eligible for merging");
    err(
        &mut e,
        "MergeShards",
        json!({"StreamName": "S", "ShardToMerge": "shardId-000000000001", "AdjacentShardToMerge": "shardId-000000000000"}),
    );
    ok(
        &mut e,
        "MergeShards",
        json!({"StreamName": "S", "ShardToMerge": "shardId-000000000000", "AdjacentShardToMerge": "shardId-000000000001"}),
    );
    assert_eq!(ok(&mut e, "ListShards", json!({"StreamName": "S"}))["Shards"].as_array().unwrap().len(), 3);
    e.advance(5_000);
    let shards = ok(&mut e, "ListShards", json!({"StreamName": "S"}))["Shards"].clone();
    let child = &shards[3];
    assert_eq!(child["ShardId"], "shardId-000000000003");
    assert_eq!(child["ParentShardId"], "shardId-000000000000");
    assert_eq!(child["AdjacentParentShardId"], "shardId-000000000001");
    assert_eq!(child["HashKeyRange"]["StartingHashKey"], "0");
    assert_eq!(child["HashKeyRange"]["EndingHashKey"], "226854911280625642308916404954512140969");
}

#[test]
fn update_shard_count_limits_and_result() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    let req = |n: i64| json!({"StreamName": "S", "TargetShardCount": n, "ScalingType": "UNIFORM_SCALING"});
    let up = err(&mut e, "UpdateShardCount", req(4));
    assert_eq!(up.error_type, ErrorType::LimitExceeded);
    assert_eq!(up.message, "UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: 1 Target shard count: 4");
    let r = ok(&mut e, "UpdateShardCount", req(2));
    assert_eq!(
        r,
        json!({"StreamName": "S", "CurrentShardCount": 1, "TargetShardCount": 2, "StreamARN": "arn:aws:kinesis:us-east-1:123456789012:stream/S"})
    );
    e.advance(5_000);
    assert_eq!(e.stream("S").unwrap().open_ranges(), kinesis_playground::engine::hash_key::even_ranges(2));
    ok(&mut e, "UpdateShardCount", req(4));
    e.advance(5_000);
    let down = err(&mut e, "UpdateShardCount", req(1));
    assert_eq!(down.message, "UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: 4 Target shard count: 1");
    let ten =
        err(&mut e, "UpdateShardCount", json!({"StreamName": "S", "TargetShardCount": 3, "ScalingType": "OTHER"}));
    assert_eq!(ten.error_type, ErrorType::Validation);
}

#[test]
fn stream_mode_switches_twice_a_day_and_keeps_shards() {
    let mut e = engine();
    active_stream(&mut e, "S", 3);
    let arn = "arn:aws:kinesis:us-east-1:123456789012:stream/S";
    let to = |m: &str| json!({"StreamARN": arn, "StreamModeDetails": {"StreamMode": m}});
    ok(&mut e, "UpdateStreamMode", to("ON_DEMAND"));
    e.advance(5_000);
    assert_eq!(e.stream("S").unwrap().open_shard_count(), 3);
    let split = err(
        &mut e,
        "SplitShard",
        json!({"StreamName": "S", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": "5"}),
    );
    assert_eq!(split.error_type, ErrorType::InvalidArgument);
    ok(&mut e, "UpdateStreamMode", to("PROVISIONED"));
    e.advance(5_000);
    assert_eq!(err(&mut e, "UpdateStreamMode", to("ON_DEMAND")).error_type, ErrorType::LimitExceeded);
    e.advance(24 * 3_600_000);
    ok(&mut e, "UpdateStreamMode", to("ON_DEMAND"));
}

#[test]
fn closed_shards_expire_once_their_data_is_past_retention() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    put(&mut e, "S", "a", "x");
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "S", "ShardToSplit": "shardId-000000000000", "NewStartingHashKey": MID}),
    );
    // The parent closes when UPDATING ends (5 s later), and is listed until its data and its closing are older
    // than the retention period.
    e.advance(5_000 + 24 * 3_600_000);
    assert_eq!(ok(&mut e, "ListShards", json!({"StreamName": "S"}))["Shards"].as_array().unwrap().len(), 3);
    e.advance(1);
    let shards = ok(&mut e, "ListShards", json!({"StreamName": "S"}))["Shards"].clone();
    assert_eq!(shards.as_array().unwrap().len(), 2, "{shards}");
}
