#![cfg(not(target_arch = "wasm32"))]
//! Fuzz-style: random sequences of consumer calls, subscriptions, polls, deletions and time never panic, answer
//! only with modelled errors, and keep the limits (20 consumers a stream, 5 CREATING, one open subscription per
//! consumer and shard); arbitrary SubscribeToShard request bodies are refused cleanly.
mod common;
mod fan_out_support;
use common::*;
use fan_out_support::*;
use kinesis_playground::api::ops::consumers::subscribe_to_shard::{subscribe, EventStream};
use kinesis_playground::api::{self, ApiError};
use kinesis_playground::engine::fan_out::ConsumerStatus;
use kinesis_playground::engine::{Engine, ErrorType};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

const STREAMS: [&str; 2] = ["A", "B"];

#[derive(Debug, Clone)]
enum Call {
    Create { stream: u8, shards: u8 },
    Delete { stream: u8, enforce: bool },
    Register { stream: u8, name: u8 },
    Deregister { stream: u8, name: u8 },
    Describe { stream: u8, name: u8 },
    List { stream: u8, max: u8 },
    Subscribe { stream: u8, name: u8, shard: u8, kind: u8 },
    Poll,
    Cancel { pick: u8 },
    Put { stream: u8, key: u8 },
    Split { stream: u8 },
    Advance { ms: u32 },
}

fn call() -> impl Strategy<Value = Call> {
    prop_oneof![
        1 => (any::<u8>(), 1u8..4).prop_map(|(stream, shards)| Call::Create { stream, shards }),
        1 => (any::<u8>(), any::<bool>()).prop_map(|(stream, enforce)| Call::Delete { stream, enforce }),
        4 => (any::<u8>(), any::<u8>()).prop_map(|(stream, name)| Call::Register { stream, name }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(stream, name)| Call::Deregister { stream, name }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(stream, name)| Call::Describe { stream, name }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(stream, max)| Call::List { stream, max }),
        4 => (any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>())
            .prop_map(|(stream, name, shard, kind)| Call::Subscribe { stream, name, shard, kind }),
        3 => Just(Call::Poll),
        1 => any::<u8>().prop_map(|pick| Call::Cancel { pick }),
        3 => (any::<u8>(), any::<u8>()).prop_map(|(stream, key)| Call::Put { stream, key }),
        1 => any::<u8>().prop_map(|stream| Call::Split { stream }),
        3 => (0u32..400_000).prop_map(|ms| Call::Advance { ms }),
    ]
}

const MODELLED: [ErrorType; 6] = [
    ErrorType::ResourceNotFound,
    ErrorType::ResourceInUse,
    ErrorType::InvalidArgument,
    ErrorType::LimitExceeded,
    ErrorType::ExpiredNextToken,
    ErrorType::ProvisionedThroughputExceeded,
];

fn modelled(r: Result<Value, ApiError>) -> Result<(), TestCaseError> {
    if let Err(e) = r {
        prop_assert!(MODELLED.contains(&e.error_type), "unexpected {e}");
    }
    Ok(())
}

fn stream(i: u8) -> &'static str {
    STREAMS[usize::from(i) % STREAMS.len()]
}

fn name(i: u8) -> String {
    format!("c{}", i % 6)
}

fn check_limits(e: &mut Engine, open: &mut Vec<EventStream>) -> Result<(), TestCaseError> {
    let mut creating = 0;
    for s in e.streams() {
        prop_assert!(s.consumers.len() <= 20);
        let mut names: Vec<&str> = s.consumers.iter().map(|c| c.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        prop_assert_eq!(names.len(), s.consumers.len(), "names are unique in a stream");
        creating += s.consumers.iter().filter(|c| c.status == ConsumerStatus::Creating).count();
    }
    prop_assert!(creating <= 5);
    for es in open.iter() {
        es.poll(e);
    }
    open.retain(|es| e.subscription(es.id()).is_some_and(|s| s.is_open()));
    let mut per_key: BTreeMap<(String, u32), usize> = BTreeMap::new();
    for s in e.subscriptions().filter(|s| s.is_open()) {
        *per_key.entry((s.consumer_arn.clone(), s.shard_index)).or_default() += 1;
    }
    prop_assert!(per_key.values().all(|&n| n <= 1), "one open subscription per consumer and shard: {per_key:?}");
    Ok(())
}

fn run(calls: &[Call]) -> Result<(), TestCaseError> {
    let mut e = engine();
    // Start from streams with consumers, so that many random calls meet something that exists.
    active_stream(&mut e, "A", 2);
    active_stream(&mut e, "B", 1);
    for c in ["c0", "c1", "c2"] {
        register(&mut e, "A", c);
    }
    register(&mut e, "B", "c0");
    e.advance(e.config().create_delay_ms);
    let mut open: Vec<EventStream> = Vec::new();
    for c in calls {
        match c {
            Call::Create { stream: s, shards } => {
                modelled(api::call(&mut e, "CreateStream", &json!({"StreamName": stream(*s), "ShardCount": shards})))?
            }
            Call::Delete { stream: s, enforce } => modelled(api::call(
                &mut e,
                "DeleteStream",
                &json!({"StreamName": stream(*s), "EnforceConsumerDeletion": enforce}),
            ))?,
            Call::Register { stream: s, name: n } => modelled(api::call(
                &mut e,
                "RegisterStreamConsumer",
                &json!({"StreamARN": stream_arn(stream(*s)), "ConsumerName": name(*n)}),
            ))?,
            Call::Deregister { stream: s, name: n } => modelled(api::call(
                &mut e,
                "DeregisterStreamConsumer",
                &json!({"StreamARN": stream_arn(stream(*s)), "ConsumerName": name(*n)}),
            ))?,
            Call::Describe { stream: s, name: n } => modelled(api::call(
                &mut e,
                "DescribeStreamConsumer",
                &json!({"StreamARN": stream_arn(stream(*s)), "ConsumerName": name(*n)}),
            ))?,
            Call::List { stream: s, max } => modelled(api::call(
                &mut e,
                "ListStreamConsumers",
                &json!({"StreamARN": stream_arn(stream(*s)), "MaxResults": 1 + u32::from(*max) % 30}),
            ))?,
            Call::Subscribe { stream: s, name: n, shard, kind } => {
                let arn = e
                    .stream(stream(*s))
                    .and_then(|st| st.consumers.iter().find(|c| c.name == name(*n)))
                    .map(|c| c.arn.clone())
                    .unwrap_or_else(|| format!("{}/consumer/{}:1704067200", stream_arn(stream(*s)), name(*n)));
                let position = match kind % 4 {
                    0 => json!({"Type": "TRIM_HORIZON"}),
                    1 => json!({"Type": "LATEST"}),
                    2 => json!({"Type": "AT_TIMESTAMP", "Timestamp": 1_704_067_200}),
                    _ => json!({"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": "1"}),
                };
                match try_subscribe(&mut e, &arn, &format!("shardId-{}", shard % 4), position) {
                    Ok(es) => open.push(es),
                    Err(err) => prop_assert!(MODELLED.contains(&err.error_type), "unexpected {err}"),
                }
            }
            Call::Poll => {
                for es in &open {
                    es.poll(&mut e);
                }
            }
            Call::Cancel { pick } => {
                if !open.is_empty() {
                    let es = open[usize::from(*pick) % open.len()];
                    es.cancel(&mut e);
                }
            }
            Call::Put { stream: s, key } => modelled(api::call(
                &mut e,
                "PutRecord",
                &json!({"StreamName": stream(*s), "PartitionKey": format!("k{key}"), "Data": b64("x")}),
            ))?,
            Call::Split { stream: s } => {
                let shard =
                    e.stream(stream(*s)).and_then(|st| st.open_shards().next().map(|sh| (sh.index, sh.hash_key_range)));
                if let Some((index, range)) = shard {
                    let _ = api::call(
                        &mut e,
                        "SplitShard",
                        &json!({"StreamName": stream(*s), "ShardToSplit": format!("shardId-{index}"), "NewStartingHashKey": range.midpoint().to_string()}),
                    );
                }
            }
            Call::Advance { ms } => e.advance(i64::from(*ms)),
        }
        check_limits(&mut e, &mut open)?;
    }
    Ok(())
}

/// Member names SubscribeToShard knows, and strangers.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ConsumerARN".to_owned()),
        Just("ShardId".to_owned()),
        Just("StartingPosition".to_owned()),
        Just("Type".to_owned()),
        Just("SequenceNumber".to_owned()),
        Just("Timestamp".to_owned()),
        "\\PC{0,6}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        Just(json!("arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/app:1704067205")),
        Just(json!("shardId-000000000000")),
        Just(json!("AT_TIMESTAMP")),
        Just(json!("AFTER_SEQUENCE_NUMBER")),
        "\\PC{0,12}".prop_map(Value::String),
    ]
}

fn body() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_consumer_calls_keep_the_limits(calls in prop::collection::vec(call(), 1..80)) {
        run(&calls)?;
    }

    #[test]
    fn arbitrary_subscribe_requests_are_refused_cleanly(req in body(), advance in 0u32..400_000) {
        let mut e = engine();
        active_stream(&mut e, "S", 1);
        let arn = active_consumer(&mut e, "S", "app");
        let mut req = req;
        // Half the time, a request that names the real consumer.
        if advance % 2 == 0 {
            if let Value::Object(m) = &mut req {
                m.insert("ConsumerARN".into(), json!(arn));
            }
        }
        match subscribe(&mut e, &req) {
            Ok(es) => {
                e.advance(i64::from(advance));
                let messages = es.poll(&mut e);
                prop_assert!(!messages.is_empty());
            }
            Err(err) => prop_assert!(
                matches!(err.error_type, ErrorType::Validation | ErrorType::Serialization) || MODELLED.contains(&err.error_type),
                "unexpected {err}"
            ),
        }
    }
}
