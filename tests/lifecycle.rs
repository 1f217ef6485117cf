//! The stream status machine (spec 3.9), tags, DescribeLimits and paging of the listing operations.
mod common;
use common::*;
use kinesis_playground::engine::{Engine, EngineConfig};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const A: &str = "123456789012";
const S0: &str = "shardId-000000000000";

fn status(e: &mut Engine, name: &str) -> String {
    let d = ok(e, "DescribeStream", json!({"StreamName": name}));
    d["StreamDescription"]["StreamStatus"].as_str().expect("StreamStatus").to_owned()
}

fn put_req(name: &str) -> Value {
    json!({"StreamName": name, "PartitionKey": "k", "Data": b64("x")})
}

#[test]
fn creating_becomes_active_exactly_after_the_delay() {
    let mut e = unthrottled();
    assert_eq!(e.config().create_delay_ms, 5_000);
    ok(&mut e, "CreateStream", json!({"StreamName": "S", "ShardCount": 2}));
    assert_eq!(status(&mut e, "S"), "CREATING");
    e.advance(4_999);
    assert_eq!(status(&mut e, "S"), "CREATING");
    e.advance(1);
    assert_eq!(status(&mut e, "S"), "ACTIVE");
}

#[test]
fn while_creating() {
    let mut e = unthrottled();
    ok(&mut e, "CreateStream", json!({"StreamName": "S", "ShardCount": 3}));
    let d = ok(&mut e, "DescribeStream", json!({"StreamName": "S"}));
    assert_eq!(d["StreamDescription"]["StreamStatus"], "CREATING");
    assert_eq!(d["StreamDescription"]["Shards"], json!([]), "no shards while CREATING");
    let s = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "S"}));
    assert_eq!(s["StreamDescriptionSummary"]["StreamStatus"], "CREATING");
    let l = ok(&mut e, "ListStreams", json!({}));
    assert_eq!(l["StreamNames"], json!(["S"]));
    assert_eq!(l["StreamSummaries"][0]["StreamStatus"], "CREATING");
    ok(&mut e, "ListTagsForStream", json!({"StreamName": "S"}));

    let not_found = format!("Stream S under account {A} not found.");
    expect_err(&mut e, "PutRecord", put_req("S"), "ResourceNotFoundException", &not_found);
    expect_err(
        &mut e,
        "PutRecords",
        json!({"StreamName": "S", "Records": [{"PartitionKey": "k", "Data": b64("x")}]}),
        "ResourceNotFoundException",
        &not_found,
    );
    expect_err(
        &mut e,
        "GetShardIterator",
        json!({"StreamName": "S", "ShardId": S0, "ShardIteratorType": "TRIM_HORIZON"}),
        "ResourceNotFoundException",
        &format!("Shard {S0} in stream S under account {A} does not exist"),
    );
    let in_use = format!("Stream S under account {A} not ACTIVE, instead in state CREATING");
    for (op, req) in [
        ("IncreaseStreamRetentionPeriod", json!({"StreamName": "S", "RetentionPeriodHours": 48})),
        ("DecreaseStreamRetentionPeriod", json!({"StreamName": "S", "RetentionPeriodHours": 24})),
        ("AddTagsToStream", json!({"StreamName": "S", "Tags": {"a": "b"}})),
        ("RemoveTagsFromStream", json!({"StreamName": "S", "TagKeys": ["a"]})),
    ] {
        expect_err(&mut e, op, req, "ResourceInUseException", &in_use);
    }
    expect_err(
        &mut e,
        "CreateStream",
        json!({"StreamName": "S", "ShardCount": 1}),
        "ResourceInUseException",
        &format!("Stream S under account {A} already exists."),
    );
    // DeleteStream is allowed while CREATING.
    ok(&mut e, "DeleteStream", json!({"StreamName": "S"}));
    assert_eq!(status(&mut e, "S"), "DELETING");
}

#[test]
fn deleting_then_gone() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    put(&mut e, "S", "k", "x");
    let it = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    ok(&mut e, "DeleteStream", json!({"StreamName": "S"}));
    assert_eq!(status(&mut e, "S"), "DELETING");
    let s = ok(&mut e, "ListStreams", json!({}));
    assert_eq!(s["StreamSummaries"][0]["StreamStatus"], "DELETING");
    let in_use = format!("Stream S under account {A} not ACTIVE, instead in state DELETING");
    expect_err(
        &mut e,
        "IncreaseStreamRetentionPeriod",
        json!({"StreamName": "S", "RetentionPeriodHours": 48}),
        "ResourceInUseException",
        &in_use,
    );
    expect_err(
        &mut e,
        "AddTagsToStream",
        json!({"StreamName": "S", "Tags": {"a": "b"}}),
        "ResourceInUseException",
        &in_use,
    );
    expect_err(
        &mut e,
        "CreateStream",
        json!({"StreamName": "S", "ShardCount": 1}),
        "ResourceInUseException",
        &format!("Stream S under account {A} already exists."),
    );
    e.advance(4_999);
    assert_eq!(status(&mut e, "S"), "DELETING");
    e.advance(1);
    let not_found = format!("Stream S under account {A} not found.");
    for op in ["DescribeStream", "DescribeStreamSummary", "DeleteStream", "ListTagsForStream"] {
        expect_err(&mut e, op, json!({"StreamName": "S"}), "ResourceNotFoundException", &not_found);
    }
    expect_err(&mut e, "PutRecord", put_req("S"), "ResourceNotFoundException", &not_found);
    expect_err(
        &mut e,
        "GetRecords",
        json!({"ShardIterator": it}),
        "ResourceNotFoundException",
        &format!("Shard {S0} in stream S under account {A} does not exist"),
    );
    assert_eq!(ok(&mut e, "ListStreams", json!({}))["StreamNames"], json!([]));
    assert_eq!(e.retained_records(), 0, "the records went with the stream");
    // The name is free again.
    active_stream(&mut e, "S", 1);
    assert_eq!(status(&mut e, "S"), "ACTIVE");
    assert!(read_all(&mut e, "S", S0).is_empty(), "a re-created stream starts empty");
}

#[test]
fn on_demand_by_default_and_create_stream_argument_rules() {
    let mut e = unthrottled();
    ok(&mut e, "CreateStream", json!({"StreamName": "D"}));
    ok(&mut e, "CreateStream", json!({"StreamName": "O", "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    ok(
        &mut e,
        "CreateStream",
        json!({"StreamName": "P", "ShardCount": 2, "StreamModeDetails": {"StreamMode": "PROVISIONED"}}),
    );
    e.advance(5_000);
    for (name, mode, shards) in [("D", "ON_DEMAND", 4), ("O", "ON_DEMAND", 4), ("P", "PROVISIONED", 2)] {
        let s = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": name}));
        let s = &s["StreamDescriptionSummary"];
        assert_eq!(s["StreamModeDetails"]["StreamMode"], mode, "{name}");
        assert_eq!(s["OpenShardCount"], shards, "{name}");
        assert_eq!(s["StreamARN"], format!("arn:aws:kinesis:us-east-1:{A}:stream/{name}"));
    }
    expect_err(
        &mut e,
        "CreateStream",
        json!({"StreamName": "X", "ShardCount": 2, "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}),
        "InvalidArgumentException",
        "ShardCount is not expected when StreamMode=ON_DEMAND",
    );
}

#[test]
fn limits_on_streams_being_created() {
    let mut e = unthrottled();
    for i in 0..5 {
        ok(&mut e, "CreateStream", json!({"StreamName": format!("c{i}"), "ShardCount": 1}));
    }
    let got = err(&mut e, "CreateStream", json!({"StreamName": "c5", "ShardCount": 1}));
    assert_eq!(got.error_type.aws_name(), "LimitExceededException", "{got}");
    e.advance(5_000);
    ok(&mut e, "CreateStream", json!({"StreamName": "c5", "ShardCount": 1}));
}

#[test]
fn describe_limits_numbers() {
    let mut e = unthrottled();
    assert_eq!(
        ok(&mut e, "DescribeLimits", json!({})),
        json!({"ShardLimit": 20000, "OpenShardCount": 0, "OnDemandStreamCount": 0, "OnDemandStreamCountLimit": 50})
    );
    active_stream(&mut e, "P", 3);
    active_stream(&mut e, "Q", 2);
    ok(&mut e, "CreateStream", json!({"StreamName": "O"}));
    assert_eq!(
        ok(&mut e, "DescribeLimits", json!({})),
        json!({"ShardLimit": 20000, "OpenShardCount": 5, "OnDemandStreamCount": 1, "OnDemandStreamCountLimit": 50})
    );
    ok(&mut e, "DeleteStream", json!({"StreamName": "Q"}));
    assert_eq!(ok(&mut e, "DescribeLimits", json!({}))["OpenShardCount"], 3, "DELETING shards are not counted");
}

#[test]
fn shard_limit_message_agrees_with_describe_limits() {
    let mut e = Engine::new(EngineConfig {
        shard_limit: 10,
        on_demand_stream_limit: 2,
        enforce_throughput: false,
        ..EngineConfig::default()
    });
    ok(&mut e, "CreateStream", json!({"StreamName": "O"}));
    active_stream(&mut e, "P", 6);
    let limits = ok(&mut e, "DescribeLimits", json!({}));
    let open = limits["OpenShardCount"].as_u64().expect("OpenShardCount");
    let room = 10 - open;
    // What DescribeLimits reports as free must be creatable, and one more must not.
    expect_err(
        &mut e,
        "CreateStream",
        json!({"StreamName": "Big", "ShardCount": room + 1}),
        "LimitExceededException",
        &format!("This request would exceed the shard limit for the account {A} in us-east-1. Current shard count for the account: {open}. Limit: 10. Number of additional shards that would have resulted from this request: {}. Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.", room + 1),
    );
    ok(&mut e, "CreateStream", json!({"StreamName": "Fits", "ShardCount": room}));
    // On-demand stream limit.
    e.advance(5_000);
    ok(&mut e, "CreateStream", json!({"StreamName": "O2"}));
    let got = err(&mut e, "CreateStream", json!({"StreamName": "O3"}));
    assert_eq!(got.error_type.aws_name(), "LimitExceededException", "{got}");
}

fn tags_of(e: &mut Engine, extra: Value) -> (Vec<(String, String)>, bool) {
    let mut req = json!({"StreamName": "S"});
    if let (Some(m), Some(x)) = (req.as_object_mut(), extra.as_object()) {
        m.extend(x.clone());
    }
    let r = ok(e, "ListTagsForStream", req);
    let tags = r["Tags"]
        .as_array()
        .expect("Tags")
        .iter()
        .map(|t| (t["Key"].as_str().expect("Key").to_owned(), t["Value"].as_str().expect("Value").to_owned()))
        .collect();
    (tags, r["HasMoreTags"].as_bool().expect("HasMoreTags"))
}

#[test]
fn tags_add_list_page_remove() {
    let mut e = unthrottled();
    ok(&mut e, "CreateStream", json!({"StreamName": "S", "ShardCount": 1, "Tags": {"team": "blue"}}));
    e.advance(5_000);
    ok(&mut e, "AddTagsToStream", json!({"StreamName": "S", "Tags": {"b": "2", "a": "1", "c": ""}}));
    ok(&mut e, "AddTagsToStream", json!({"StreamName": "S", "Tags": {"a": "one"}}));
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    assert_eq!(
        tags_of(&mut e, json!({})),
        (vec![pair("a", "one"), pair("b", "2"), pair("c", ""), pair("team", "blue")], false)
    );
    assert_eq!(tags_of(&mut e, json!({"Limit": 2})), (vec![pair("a", "one"), pair("b", "2")], true));
    assert_eq!(
        tags_of(&mut e, json!({"Limit": 2, "ExclusiveStartTagKey": "b"})),
        (vec![pair("c", ""), pair("team", "blue")], false)
    );
    assert_eq!(tags_of(&mut e, json!({"ExclusiveStartTagKey": "team"})), (vec![], false));
    ok(&mut e, "RemoveTagsFromStream", json!({"StreamName": "S", "TagKeys": ["a", "nope"]}));
    assert_eq!(tags_of(&mut e, json!({})).0.len(), 3);
}

#[test]
fn at_most_50_tags_per_stream() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let fifty: BTreeMap<String, String> = (0..50).map(|i| (format!("k{i:02}"), "v".to_owned())).collect();
    ok(&mut e, "AddTagsToStream", json!({"StreamName": "S", "Tags": fifty}));
    // Overwriting existing keys does not add tags.
    ok(&mut e, "AddTagsToStream", json!({"StreamName": "S", "Tags": {"k00": "w"}}));
    let too_many = format!("Failed to add tags to stream S under account {A} because a given stream cannot have more than 50 tags associated with it.");
    let before = observable_state(&mut e);
    expect_err(
        &mut e,
        "AddTagsToStream",
        json!({"StreamName": "S", "Tags": {"k00": "x", "new": "v"}}),
        "InvalidArgumentException",
        &too_many,
    );
    assert_eq!(observable_state(&mut e), before, "a rejected AddTagsToStream adds nothing");
    let fifty_one: BTreeMap<String, String> = (0..51).map(|i| (format!("k{i:02}"), "v".to_owned())).collect();
    expect_err(
        &mut e,
        "CreateStream",
        json!({"StreamName": "T", "ShardCount": 1, "Tags": fifty_one}),
        "InvalidArgumentException",
        &format!("Failed to add tags to stream T under account {A} because a given stream cannot have more than 50 tags associated with it."),
    );
    assert!(e.stream("T").is_none());
    expect_err(
        &mut e,
        "AddTagsToStream",
        json!({"StreamName": "S", "Tags": {"bad<key": "v"}}),
        "InvalidArgumentException",
        "Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.",
    );
}

#[test]
fn list_streams_paging() {
    let mut e = unthrottled();
    for name in ["b", "a", "d", "c", "e"] {
        active_stream(&mut e, name, 1);
    }
    let r = ok(&mut e, "ListStreams", json!({"Limit": 2}));
    assert_eq!(r["StreamNames"], json!(["a", "b"]));
    assert_eq!(r["HasMoreStreams"], true);
    let names: Vec<&str> = r["StreamSummaries"]
        .as_array()
        .expect("StreamSummaries")
        .iter()
        .map(|s| s["StreamName"].as_str().expect("StreamName"))
        .collect();
    assert_eq!(names, vec!["a", "b"]);
    let token = r["NextToken"].as_str().expect("NextToken when more").to_owned();
    let r = ok(&mut e, "ListStreams", json!({"Limit": 2, "NextToken": token}));
    assert_eq!(r["StreamNames"], json!(["c", "d"]));
    let token = r["NextToken"].as_str().expect("NextToken when more").to_owned();
    let r = ok(&mut e, "ListStreams", json!({"Limit": 2, "NextToken": token}));
    assert_eq!(r["StreamNames"], json!(["e"]));
    assert_eq!(r["HasMoreStreams"], false);
    assert!(r.get("NextToken").is_none(), "no NextToken on the last page");
    let r = ok(&mut e, "ListStreams", json!({"ExclusiveStartStreamName": "b"}));
    assert_eq!(r["StreamNames"], json!(["c", "d", "e"]));
    assert_eq!(r["HasMoreStreams"], false);
    let r = ok(&mut e, "ListStreams", json!({"Limit": 5}));
    assert_eq!(r["HasMoreStreams"], false);
    let got = err(&mut e, "ListStreams", json!({"NextToken": "garbage"}));
    assert_eq!(got.error_type.aws_name(), "InvalidArgumentException", "{got}");
}

fn shard_ids(v: &Value) -> Vec<String> {
    v.as_array().expect("Shards").iter().map(|s| s["ShardId"].as_str().expect("ShardId").to_owned()).collect()
}

fn ids(range: std::ops::Range<u32>) -> Vec<String> {
    range.map(|i| format!("shardId-{i:012}")).collect()
}

#[test]
fn describe_stream_paging() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 5);
    let r = ok(&mut e, "DescribeStream", json!({"StreamName": "S", "Limit": 2}));
    assert_eq!(shard_ids(&r["StreamDescription"]["Shards"]), ids(0..2));
    assert_eq!(r["StreamDescription"]["HasMoreShards"], true);
    let r = ok(
        &mut e,
        "DescribeStream",
        json!({"StreamName": "S", "Limit": 2, "ExclusiveStartShardId": "shardId-000000000001"}),
    );
    assert_eq!(shard_ids(&r["StreamDescription"]["Shards"]), ids(2..4));
    assert_eq!(r["StreamDescription"]["HasMoreShards"], true);
    let r = ok(
        &mut e,
        "DescribeStream",
        json!({"StreamName": "S", "Limit": 2, "ExclusiveStartShardId": "shardId-000000000003"}),
    );
    assert_eq!(shard_ids(&r["StreamDescription"]["Shards"]), ids(4..5));
    assert_eq!(r["StreamDescription"]["HasMoreShards"], false);
    // 100 shards per page by default.
    active_stream(&mut e, "Big", 150);
    let r = ok(&mut e, "DescribeStream", json!({"StreamName": "Big"}));
    assert_eq!(shard_ids(&r["StreamDescription"]["Shards"]), ids(0..100));
    assert_eq!(r["StreamDescription"]["HasMoreShards"], true);
}

#[test]
fn list_shards_paging_and_next_token_rules() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 5);
    let r = ok(&mut e, "ListShards", json!({"StreamName": "S", "MaxResults": 2}));
    assert_eq!(shard_ids(&r["Shards"]), ids(0..2));
    let token = r["NextToken"].as_str().expect("NextToken when more").to_owned();
    expect_err(
        &mut e,
        "ListShards",
        json!({"StreamName": "S", "NextToken": token}),
        "InvalidArgumentException",
        "NextToken and StreamName cannot be provided together.",
    );
    let r = ok(&mut e, "ListShards", json!({"NextToken": token, "MaxResults": 2}));
    assert_eq!(shard_ids(&r["Shards"]), ids(2..4));
    let token = r["NextToken"].as_str().expect("NextToken when more").to_owned();
    // A token stays valid for 300 s exactly.
    let mut later = e.clone();
    later.advance(300_000);
    let r = ok(&mut later, "ListShards", json!({"NextToken": token, "MaxResults": 2}));
    assert_eq!(shard_ids(&r["Shards"]), ids(4..5));
    assert!(r.get("NextToken").is_none(), "no NextToken on the last page");
    e.advance(300_001);
    let got = err(&mut e, "ListShards", json!({"NextToken": token}));
    assert_eq!(got.error_type.aws_name(), "ExpiredNextTokenException", "{got}");
    let r = ok(&mut e, "ListShards", json!({"StreamName": "S", "ExclusiveStartShardId": "shardId-000000000002"}));
    assert_eq!(shard_ids(&r["Shards"]), ids(3..5));
    // MaxResults above 1000 returns at most 1000.
    active_stream(&mut e, "Big", 1200);
    let r = ok(&mut e, "ListShards", json!({"StreamName": "Big", "MaxResults": 10000}));
    assert_eq!(shard_ids(&r["Shards"]), ids(0..1000));
    let token = r["NextToken"].as_str().expect("NextToken when more").to_owned();
    let r = ok(&mut e, "ListShards", json!({"NextToken": token}));
    assert_eq!(shard_ids(&r["Shards"]), ids(1000..1200));
}

#[test]
fn stream_arn_names_the_stream_too() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let arn = format!("arn:aws:kinesis:us-east-1:{A}:stream/S");
    let r = ok(&mut e, "DescribeStreamSummary", json!({"StreamARN": arn}));
    assert_eq!(r["StreamDescriptionSummary"]["StreamName"], "S");
    let r = ok(&mut e, "PutRecord", json!({"StreamARN": arn, "PartitionKey": "k", "Data": b64("x")}));
    assert_eq!(r["ShardId"], S0);
    expect_err(
        &mut e,
        "DescribeStream",
        json!({}),
        "ValidationException",
        "1 validation error detected: Value null at 'streamName' failed to satisfy constraint: Member must not be null",
    );
}

#[test]
fn tag_characters_follow_the_services_ranges() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    ok(&mut e, "AddTagsToStream", json!({"StreamName": "S", "Tags": {"équipe": "données 1", "k/x": "a=b+c-d@e_f.g"}}));
    let pattern = "Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.";
    // `:` is not among them (TagResource's rules allow it; AddTagsToStream's do not).
    for bad in ["tab\there", "semi;colon", "emoji\u{1F600}", "k:v"] {
        expect_err(
            &mut e,
            "AddTagsToStream",
            json!({"StreamName": "S", "Tags": {bad: "v"}}),
            "InvalidArgumentException",
            pattern,
        );
        expect_err(
            &mut e,
            "RemoveTagsFromStream",
            json!({"StreamName": "S", "TagKeys": [bad]}),
            "InvalidArgumentException",
            pattern,
        );
    }
    // `%` is listed by that message, yet refused with another.
    let percent = |verb: &str| {
        format!("Failed to {verb} stream S under account {A} because some tags contained illegal characters. The allowed characters are Unicode letters, white-spaces, '_',',','/','=','+','-','@'.")
    };
    expect_err(
        &mut e,
        "AddTagsToStream",
        json!({"StreamName": "S", "Tags": {"k": "50%"}}),
        "InvalidArgumentException",
        &percent("add tags to"),
    );
    expect_err(
        &mut e,
        "RemoveTagsFromStream",
        json!({"StreamName": "S", "TagKeys": ["a%"]}),
        "InvalidArgumentException",
        &percent("remove tags from"),
    );
    // The stream is looked up first: an unknown stream is not found whatever the tags hold.
    let nope = format!("Stream Nope under account {A} not found.");
    expect_err(
        &mut e,
        "AddTagsToStream",
        json!({"StreamName": "Nope", "Tags": {"k%": ";"}}),
        "ResourceNotFoundException",
        &nope,
    );
    expect_err(
        &mut e,
        "RemoveTagsFromStream",
        json!({"StreamName": "Nope", "TagKeys": ["k%"]}),
        "ResourceNotFoundException",
        &nope,
    );
    // TagResource follows its own documentation: letters, digits, white space and _ . : / = + - @.
    let arn = "arn:aws:kinesis:us-east-1:123456789012:stream/S";
    ok(&mut e, "TagResource", json!({"ResourceARN": arn, "Tags": {"team:name": "a b_c.d/e=f+g-h@i"}}));
    expect_err(
        &mut e,
        "TagResource",
        json!({"ResourceARN": arn, "Tags": {"k": "50%"}}),
        "InvalidArgumentException",
        "Tags may only contain Unicode letters, digits, white space, or these symbols: _ . : / = + - @.",
    );
    let tags = ok(&mut e, "ListTagsForResource", json!({"ResourceARN": arn}));
    assert_eq!(tags["Tags"][1], json!({"Key": "team:name", "Value": "a b_c.d/e=f+g-h@i"}));
    ok(&mut e, "UntagResource", json!({"ResourceARN": arn, "TagKeys": ["team:name", "absent"]}));
    assert_eq!(ok(&mut e, "ListTagsForResource", json!({"ResourceARN": arn}))["Tags"].as_array().unwrap().len(), 2);
}
