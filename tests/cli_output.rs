//! Output shaping: model order, ISO timestamps, pagination merge, text output, --query.

use kinesis_playground::cli::model::model;
use kinesis_playground::cli::output::text::format_text;
use kinesis_playground::cli::output::{normalize, to_json};
use kinesis_playground::cli::query::search;
use serde_json::json;

#[test]
fn responses_follow_model_member_order_and_print_iso_timestamps() {
    let wire = json!({"Records": [{"PartitionKey": "1", "Data": "aGk=", "ApproximateArrivalTimestamp": 1704067205.123,
        "SequenceNumber": "1", "Unknown": 1}], "MillisBehindLatest": 0, "NextShardIterator": null});
    let v = normalize(model(), "GetRecordsOutput", &wire);
    assert_eq!(
        to_json(&v),
        "{\n    \"Records\": [\n        {\n            \"SequenceNumber\": \"1\",\n            \"ApproximateArrivalTimestamp\": \"2024-01-01T00:00:05.123000+00:00\",\n            \"Data\": \"aGk=\",\n            \"PartitionKey\": \"1\"\n        }\n    ],\n    \"MillisBehindLatest\": 0\n}\n"
    );
}

#[test]
fn text_output_like_the_cli() {
    let v = json!({"Shards": [{"ShardId": "s0", "HashKeyRange": {"StartingHashKey": "0", "EndingHashKey": "9"}}], "Flag": false});
    assert_eq!(format_text(&v), "False\nSHARDS\ts0\nHASHKEYRANGE\t9\t0\n");
    assert_eq!(format_text(&json!(["a", "b"])), "a\tb\n");
    assert_eq!(format_text(&json!("x")), "x\n");
}

#[test]
fn jmespath_subset() {
    let v = json!({"a": {"b": [{"c": 1, "d": "x"}, {"c": 2, "d": "y"}, {"c": 3}]}, "s": ["q", "r"]});
    let q = |e: &str| search(e, &v).unwrap();
    assert_eq!(q("a.b[0].c"), json!(1));
    assert_eq!(q("a.b[-1].c"), json!(3));
    assert_eq!(q("a.b[*].d"), json!(["x", "y"]));
    assert_eq!(q("a.b[].c"), json!([1, 2, 3]));
    assert_eq!(q("a.b[?c > `1`].c"), json!([2, 3]));
    assert_eq!(q("a.b[?d == 'x'] | [0].c"), json!(1));
    assert_eq!(q("a.b[0].[c, d]"), json!([1, "x"]));
    assert_eq!(q("a.b[0].{C: c, D: d}"), json!({"C": 1, "D": "x"}));
    assert_eq!(q("length(a.b)"), json!(3));
    assert_eq!(q("s[1:]"), json!(["r"]));
    assert_eq!(q("sort_by(a.b, &c)[-1].c"), json!(3));
    assert_eq!(q("join(', ', s)"), json!("q, r"));
    assert_eq!(q("missing.x"), json!(null));
    assert_eq!(q("*.b | [0][0].c"), json!(1));
    assert!(search("a.[", &v).is_err());
}
