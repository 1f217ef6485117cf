#![cfg(not(target_arch = "wasm32"))]
//! Fuzz-style: arbitrary JSON bodies (with the operations' member names mixed in) and arbitrary body text
//! through `api::dispatch`, for every operation and unknown names. Never a panic; always 200, 400 or 500; an
//! error body is JSON with `__type`.

use kinesis_playground::api::{self, OPERATIONS};
use kinesis_playground::engine::{Engine, EngineConfig};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Member names of every operation (and of nested structures), plus a few strangers.
fn member_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = OPERATIONS.iter().flat_map(|o| o.members.iter().map(|m| m.name)).collect();
    names.extend([
        "Type",
        "ShardId",
        "Timestamp",
        "StreamMode",
        "PartitionKey",
        "Data",
        "ExplicitHashKey",
        "Key",
        "Value",
        "__type",
        "",
    ]);
    names.sort_unstable();
    names.dedup();
    names
}

fn op_names() -> Vec<String> {
    let mut names: Vec<String> = OPERATIONS.iter().map(|o| o.name.to_owned()).collect();
    names.extend(OPERATIONS.iter().map(|o| format!("Kinesis_20131202.{}", o.name)));
    names.extend(["", "SplitShard", "putrecord", "Kinesis_20131202.", "Kinesis_20131202.Nope"].map(str::to_owned));
    names
}

/// Strings that mean something to the service, plus arbitrary ones.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("S".to_owned()),
        Just("shardId-000000000000".to_owned()),
        Just("TRIM_HORIZON".to_owned()),
        Just("AT_TIMESTAMP".to_owned()),
        Just("AT_SEQUENCE_NUMBER".to_owned()),
        Just("ON_DEMAND".to_owned()),
        Just("dGVzdA==".to_owned()),
        Just("AAAAAAAAAAE=".to_owned()),
        Just("340282366920938463463374607431768211456".to_owned()),
        Just("49647888802562419836923936470999665672519599508823212034".to_owned()),
        Just("arn:aws:kinesis:us-east-1:123456789012:stream/S".to_owned()),
        "[0-9]{0,60}",
        "\\PC{0,20}",
        ".{0,8}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop_oneof![Just(0i64), Just(1), Just(-1), Just(24), Just(8761), Just(10_000), Just(10_001)]
            .prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        (1.7e9f64..1.8e9).prop_map(|f| json!(f)),
        text().prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let names = member_names();
    leaf().prop_recursive(4, 48, 6, move |inner| {
        let names = names.clone();
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((proptest::sample::select(names), inner.clone()), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Map<_, _>>())),
            proptest::collection::vec(("\\PC{0,6}", inner), 0..3)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A top-level request: an object of the operation's members (and others) with arbitrary values.
fn request() -> impl Strategy<Value = Value> {
    let names = member_names();
    prop_oneof![
        4 => proptest::collection::vec((proptest::sample::select(names), value()), 0..8)
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Map<_, _>>())),
        1 => value(),
    ]
}

/// An engine with an ACTIVE stream "S" holding a record, so that requests get past "not found".
fn engine() -> Engine {
    let mut e = Engine::new(EngineConfig::default());
    api::call(&mut e, "CreateStream", &json!({"StreamName": "S", "ShardCount": 2})).expect("create S");
    e.advance(10_000);
    api::call(&mut e, "PutRecord", &json!({"StreamName": "S", "PartitionKey": "k", "Data": "dGVzdA=="})).expect("put");
    e
}

fn check_reply(op: &str, body: &str, reply: &api::HttpReply) -> Result<(), TestCaseError> {
    prop_assert!(matches!(reply.status, 200 | 400 | 500), "{op} {body}: status {}", reply.status);
    if reply.status == 200 {
        if !reply.body.is_empty() {
            let v: Value = serde_json::from_str(&reply.body)
                .map_err(|e| TestCaseError::fail(format!("{op}: success body is JSON: {e}")))?;
            prop_assert!(v.is_object(), "{op}: success body is an object");
        }
    } else {
        let v: Value = serde_json::from_str(&reply.body)
            .map_err(|e| TestCaseError::fail(format!("{op} {body}: error body is JSON: {e}: {}", reply.body)))?;
        let t = v.get("__type").and_then(Value::as_str).unwrap_or_default();
        prop_assert!(!t.is_empty(), "{op} {body}: error body has __type: {}", reply.body);
        // An unknown operation and a body that is not JSON get a bare `__type`; every other error a message.
        let bare = v.as_object().is_some_and(|o| o.len() == 1)
            && matches!(t, "UnknownOperationException" | "SerializationException");
        prop_assert!(
            bare || v.get("message").or_else(|| v.get("Message")).is_some_and(Value::is_string),
            "{op} {body}: error body has a message: {}",
            reply.body
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(op in proptest::sample::select(op_names()), req in request(), advance in 0i64..400_000) {
        let mut e = engine();
        e.advance(advance);
        let body = req.to_string();
        let reply = api::dispatch(&mut e, &op, &body);
        check_reply(&op, &body, &reply)?;
        // The engine stays usable afterwards.
        let again = api::dispatch(&mut e, "DescribeLimits", "{}");
        prop_assert_eq!(again.status, 200);
    }

    #[test]
    fn arbitrary_body_text_never_panics(op in proptest::sample::select(op_names()), body in prop_oneof![
        "\\PC{0,40}",
        proptest::collection::vec(any::<u8>(), 0..64).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        Just("{".to_owned()),
        Just("[]".to_owned()),
        Just("null".to_owned()),
        Just("{\"StreamName\": \"S\"".to_owned()),
        Just("1e999".to_owned()),
    ]) {
        let mut e = engine();
        let reply = api::dispatch(&mut e, &op, &body);
        check_reply(&op, &body, &reply)?;
    }

    #[test]
    fn iterators_from_arbitrary_requests_read_without_panicking(req in request(), limit in prop_oneof![Just(None), (0i64..20_000).prop_map(Some)]) {
        // Whatever GetShardIterator answers, feeding it to GetRecords never panics.
        let mut e = engine();
        let mut req = req;
        if let Some(m) = req.as_object_mut() {
            m.insert("StreamName".into(), json!("S"));
        }
        let reply = api::dispatch(&mut e, "GetShardIterator", &req.to_string());
        check_reply("GetShardIterator", &req.to_string(), &reply)?;
        if reply.status == 200 {
            let v: Value = serde_json::from_str(&reply.body).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut get = json!({"ShardIterator": v["ShardIterator"]});
            if let Some(l) = limit {
                get["Limit"] = json!(l);
            }
            let reply = api::dispatch(&mut e, "GetRecords", &get.to_string());
            check_reply("GetRecords", &get.to_string(), &reply)?;
        }
    }
}
