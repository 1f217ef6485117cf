//! The seed tutorial through the api layer: create, put four records, read them back.
mod common;
use common::*;
use serde_json::json;

#[test]
fn seed_tutorial_round_trip() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "DemoStream", "ShardCount": 1}));
    let d = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "DemoStream"}));
    assert_eq!(d["StreamDescriptionSummary"]["StreamStatus"], "CREATING");
    let nf = err(&mut e, "PutRecord", json!({"StreamName": "DemoStream", "PartitionKey": "1", "Data": b64("x")}));
    assert_eq!(nf.message, "Stream DemoStream under account 123456789012 not found.");
    e.advance(5_000);
    for i in 1..=4 {
        e.advance(1_000);
        let (shard, seq) = put(&mut e, "DemoStream", "1", &format!("{{trans_id: {i}}}"));
        assert_eq!(shard, "shardId-000000000000");
        assert_eq!(seq.len(), 56);
    }
    let it = iterator(&mut e, "DemoStream", "shardId-000000000000", "TRIM_HORIZON", json!({}));
    assert!(it.starts_with("AAAAAAAAAAE"));
    let r = ok(&mut e, "GetRecords", json!({"ShardIterator": it}));
    assert_eq!(r["Records"].as_array().unwrap().len(), 4);
    assert_eq!(r["Records"][0]["Data"], b64("{trans_id: 1}"));
    assert_eq!(r["MillisBehindLatest"], 0);
    assert!(r["NextShardIterator"].as_str().unwrap().starts_with("AAAAAAAAAAE"));
}
