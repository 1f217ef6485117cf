//! SubscribeToShard through the api layer: starting positions, the events pushed on the simulated clock, the
//! 5-minute lifetime and renewals, one subscription per consumer and shard, each consumer's own 2 MiB/s, the end of
//! a closed shard, and the errors.
mod common;
mod fan_out_support;
use common::*;
use fan_out_support::*;
use kinesis_playground::api;
use kinesis_playground::api::ops::consumers::subscribe_to_shard::StreamMessage;
use kinesis_playground::engine::fan_out::EndReason;
use kinesis_playground::engine::{Engine, EngineConfig};
use serde_json::{json, Value};

const ACCOUNT: &str = "123456789012";
const SHARD0: &str = "shardId-000000000000";

/// A one-shard stream S with an ACTIVE consumer `app`; returns the consumer's ARN.
fn setup(e: &mut Engine) -> String {
    active_stream(e, "S", 1);
    active_consumer(e, "S", "app")
}

#[test]
fn trim_horizon_pushes_what_is_there_at_once_and_new_records_each_second() {
    let mut e = engine();
    let arn = setup(&mut e);
    let (_, first) = put(&mut e, "S", "a", "one");
    let (_, second) = put(&mut e, "S", "b", "two");
    let es = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "TRIM_HORIZON"}));
    assert_eq!(es.initial_response(), json!({}));
    let now = e.now_ms();
    let m = es.poll(&mut e);
    assert_eq!(m.len(), 1, "one event at the moment the subscription opens: {m:?}");
    assert_eq!(m[0].at_ms(), now);
    assert_eq!(m[0].event_type(), Some("SubscribeToShardEvent"));
    let p = m[0].payload().unwrap();
    let keys: Vec<&String> = p.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["Records", "ContinuationSequenceNumber", "MillisBehindLatest"]);
    assert_eq!(keys_of(&p), ["a", "b"]);
    assert_eq!(p["Records"][0]["SequenceNumber"], first);
    assert_eq!(p["Records"][0]["Data"], b64("one"));
    assert_eq!(p["Records"][0]["ApproximateArrivalTimestamp"], json!(now as f64 / 1000.0));
    assert_eq!(p["ContinuationSequenceNumber"], second);
    assert_eq!(p["MillisBehindLatest"], 0);
    assert_eq!(m[0].sdk_json().unwrap()["SubscribeToShardEvent"], p);

    // A record written now is pushed at the next second of the subscription, not before.
    e.advance(300);
    let (_, third) = put(&mut e, "S", "c", "three");
    assert!(es.poll(&mut e).is_empty());
    e.advance(700);
    let m = es.poll(&mut e);
    assert_eq!(payloads(&m).len(), 1);
    assert_eq!(keys_of(&payloads(&m)[0]), ["c"]);
    assert_eq!(payloads(&m)[0]["ContinuationSequenceNumber"], third);
    assert_eq!(m[0].at_ms(), now + 1_000);
}

#[test]
fn every_starting_position() {
    let mut e = engine();
    let arn = setup(&mut e);
    let (_, s1) = put(&mut e, "S", "k1", "1");
    e.advance(2_000);
    let t2 = e.now_ms();
    let (_, s2) = put(&mut e, "S", "k2", "2");
    e.advance(2_000);
    put(&mut e, "S", "k3", "3");
    let cases = [
        (json!({"Type": "TRIM_HORIZON"}), vec!["k1", "k2", "k3"]),
        (json!({"Type": "LATEST"}), vec![]),
        (json!({"Type": "AT_SEQUENCE_NUMBER", "SequenceNumber": s2}), vec!["k2", "k3"]),
        (json!({"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": s1}), vec!["k2", "k3"]),
        (json!({"Type": "AT_TIMESTAMP", "Timestamp": t2 as f64 / 1000.0}), vec!["k2", "k3"]),
        (json!({"Type": "AT_TIMESTAMP", "Timestamp": 0}), vec!["k1", "k2", "k3"]),
    ];
    for (position, expected) in cases {
        let es = subscribe_ok(&mut e, &arn, SHARD0, position.clone());
        assert_eq!(all_keys(&es.poll(&mut e)), expected, "{position}");
        es.cancel(&mut e);
        // One subscription per consumer and shard: the next one may start 5 seconds later.
        e.advance(5_000);
    }
    // LATEST pushes what is written afterwards.
    let es = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "LATEST"}));
    es.poll(&mut e);
    put(&mut e, "S", "k4", "4");
    e.advance(1_000);
    assert_eq!(all_keys(&es.poll(&mut e)), ["k4"]);
}

#[test]
fn starting_positions_that_do_not_fit_are_refused() {
    let mut e = engine();
    let arn = setup(&mut e);
    active_stream(&mut e, "T", 2);
    let (_, s) = put(&mut e, "S", "k", "x");
    let (other_shard, other) = put(&mut e, "T", "1", "x");
    assert_eq!(other_shard, "shardId-000000000001");
    let mixing = |t: &str, what: &str| {
        format!("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and SequenceNumber or (2) TRIM_HORIZON or LATEST and no SequenceNumber. Request specified {t} and {what} SequenceNumber.")
    };
    let now = e.now_ms();
    let t_other_shard0 = e.stream("T").unwrap().shard(0).unwrap().starting_sequence_number().to_string();
    let cases: Vec<(Value, &str, String)> = vec![
        (
            json!({"Type": "AT_TIMESTAMP", "Timestamp": (now + 1_000) as f64 / 1000.0}),
            "InvalidArgumentException",
            format!("The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: {}, currentTimestampInMillis: {now}", now + 1_000),
        ),
        (json!({"Type": "AT_SEQUENCE_NUMBER"}), "InvalidArgumentException", mixing("AT_SEQUENCE_NUMBER", "no")),
        (json!({"Type": "AFTER_SEQUENCE_NUMBER"}), "InvalidArgumentException", mixing("AFTER_SEQUENCE_NUMBER", "no")),
        (json!({"Type": "LATEST", "SequenceNumber": s}), "InvalidArgumentException", mixing("LATEST", "also a")),
        (
            json!({"Type": "AT_TIMESTAMP"}),
            "InvalidArgumentException",
            "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.".into(),
        ),
        (
            json!({"Type": "AT_SEQUENCE_NUMBER", "SequenceNumber": other}),
            "InvalidArgumentException",
            format!("Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was used in a call to a shard with {SHARD0}"),
        ),
        (
            json!({"Type": "AT_SEQUENCE_NUMBER", "SequenceNumber": "12345"}),
            "InvalidArgumentException",
            format!("SequenceNumber 12345 used in SubscribeToShard on shard {SHARD0} in stream S under account {ACCOUNT} is invalid."),
        ),
        (
            json!({"Type": "AT_SEQUENCE_NUMBER", "SequenceNumber": t_other_shard0}),
            "InvalidArgumentException",
            format!("SequenceNumber {t_other_shard0} used in SubscribeToShard on shard {SHARD0} in stream S under account {ACCOUNT} is invalid because it did not come from this stream."),
        ),
    ];
    for (position, kind, message) in cases {
        let got = try_subscribe(&mut e, &arn, SHARD0, position.clone()).expect_err("refused");
        assert_error(&got, kind, &message);
        // One call per second per consumer and shard, failed ones included.
        e.advance(1_000);
    }
    // The shard's starting sequence number is a valid position (kinesis-mock#95).
    let start = e.stream("S").unwrap().shard(0).unwrap().starting_sequence_number().to_string();
    let es = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "AT_SEQUENCE_NUMBER", "SequenceNumber": start}));
    assert_eq!(all_keys(&es.poll(&mut e)), ["k"]);
}

#[test]
fn the_consumer_and_the_shard_must_exist_and_the_consumer_be_active() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    let at = e.now_ms() / 1000;
    let arn = register(&mut e, "S", "app");
    expect_subscribe_err(
        &mut e,
        &arn,
        SHARD0,
        "ResourceInUseException",
        &format!(
            "Consumer app with creation timestamp {at} under stream: S , account {ACCOUNT} is not in ACTIVE status."
        ),
    );
    e.advance(e.config().create_delay_ms);
    expect_subscribe_err(
        &mut e,
        &arn,
        "shardId-000000000009",
        "ResourceNotFoundException",
        &format!("Shard shardId-000000000009 in stream S under account {ACCOUNT} does not exist"),
    );
    expect_subscribe_err(
        &mut e,
        &arn,
        "nope",
        "ResourceNotFoundException",
        &format!("Could not find shard nope in stream S under account {ACCOUNT}."),
    );
    let unknown = format!("{}/consumer/other:{at}", stream_arn("S"));
    expect_subscribe_err(
        &mut e,
        &unknown,
        SHARD0,
        "ResourceNotFoundException",
        &format!("Consumer other with creation timestamp {at} under stream S and account {ACCOUNT} not found."),
    );
    // Lenient shard IDs, as elsewhere.
    subscribe_ok(&mut e, &arn, "shardId-0", json!({"Type": "LATEST"}));
}

fn expect_subscribe_err(e: &mut Engine, arn: &str, shard: &str, kind: &str, message: &str) {
    let got = try_subscribe(e, arn, shard, json!({"Type": "LATEST"})).expect_err("refused");
    assert_error(&got, kind, message);
}

#[test]
fn requests_are_validated_as_the_model_says() {
    let mut e = engine();
    let arn = setup(&mut e);
    let got = try_subscribe(&mut e, &arn, SHARD0, json!({"Type": "FIRST"})).expect_err("refused");
    assert_error(
        &got,
        "ValidationException",
        "1 validation error detected: Value 'FIRST' at 'startingPosition.type' failed to satisfy constraint: Member must satisfy enum value set: [AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]",
    );
    let got =
        api::ops::consumers::subscribe_to_shard::subscribe(&mut e, &json!({"ConsumerARN": arn})).expect_err("refused");
    assert_error(
        &got,
        "ValidationException",
        "2 validation errors detected: Value null at 'shardId' failed to satisfy constraint: Member must not be null; Value null at 'startingPosition' failed to satisfy constraint: Member must not be null",
    );
    // SubscribeToShard is not an ordinary request/response operation.
    let req = json!({"ConsumerARN": arn, "ShardId": SHARD0, "StartingPosition": {"Type": "LATEST"}});
    let got = api::call(&mut e, "SubscribeToShard", &req).expect_err("not through call");
    assert_eq!(got.error_type.aws_name(), "InvalidArgumentException");
    let reply = api::dispatch(&mut e, "Kinesis_20131202.SubscribeToShard", &req.to_string());
    assert_eq!(reply.status, 400);
    assert!(reply.body.contains("event stream"), "{}", reply.body);
    assert!(e.subscriptions().next().is_none(), "nothing was opened");
}

#[test]
fn a_quiet_shard_gets_an_empty_event_every_five_seconds_and_the_subscription_ends_after_five_minutes() {
    let mut e = engine();
    let arn = setup(&mut e);
    let start = e.now_ms();
    let es = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "LATEST"}));
    e.advance(12_000);
    let m = es.poll(&mut e);
    let times: Vec<i64> = m.iter().map(|x| x.at_ms() - start).collect();
    assert_eq!(times, [0, 5_000, 10_000]);
    let starting = e.stream("S").unwrap().shard(0).unwrap().starting_sequence_number().to_string();
    for p in payloads(&m) {
        assert_eq!(p["Records"], json!([]));
        assert_eq!(p["ContinuationSequenceNumber"], starting, "nothing pushed yet: the shard's start");
    }
    e.advance(300_000);
    let m = es.poll(&mut e);
    assert_eq!(payloads(&m).len(), 57, "every 5 s from 15 s to 295 s");
    match m.last() {
        Some(StreamMessage::End { at_ms, reason: EndReason::Expired }) => assert_eq!(*at_ms, start + 300_000),
        other => panic!("expected the end after 5 minutes, got {other:?}"),
    }
    let again = es.poll(&mut e);
    assert!(matches!(again.as_slice(), [StreamMessage::End { reason: EndReason::Expired, .. }]), "{again:?}");
}

#[test]
fn renewals_resume_from_the_continuation_sequence_number() {
    let mut e = engine();
    let arn = setup(&mut e);
    let mut es = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "TRIM_HORIZON"}));
    let mut got = Vec::new();
    let mut renewals = 0;
    let mut continuation = String::new();
    for i in 0..700 {
        if i % 3 == 0 {
            put(&mut e, "S", &format!("k{i}"), "x");
        }
        e.advance(1_000);
        let m = es.poll(&mut e);
        for p in payloads(&m) {
            got.extend(keys_of(&p));
            continuation = p["ContinuationSequenceNumber"].as_str().unwrap().to_owned();
        }
        if let Some(StreamMessage::End { reason, .. }) = end_of(&m) {
            assert_eq!(*reason, EndReason::Expired);
            renewals += 1;
            es = subscribe_ok(
                &mut e,
                &arn,
                SHARD0,
                json!({"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": continuation}),
            );
        }
    }
    e.advance(1_000);
    got.extend(all_keys(&es.poll(&mut e)));
    assert_eq!(renewals, 2);
    let expected: Vec<String> = (0..700).filter(|i| i % 3 == 0).map(|i| format!("k{i}")).collect();
    assert_eq!(got, expected, "every record once, in order, across renewals");
}

#[test]
fn a_second_subscription_within_five_seconds_is_refused_and_later_takes_over() {
    let mut e = engine();
    let arn = setup(&mut e);
    let first = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "LATEST"}));
    e.advance(4_999);
    let got = try_subscribe(&mut e, &arn, SHARD0, json!({"Type": "LATEST"})).expect_err("refused");
    assert_error(
        &got,
        "ResourceInUseException",
        &format!("Another active subscription exists for this consumer: {ACCOUNT}:S:{SHARD0}:app"),
    );
    e.advance(1);
    put(&mut e, "S", "before", "x");
    let second = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "TRIM_HORIZON"}));
    let m = first.poll(&mut e);
    match &m[..] {
        [.., StreamMessage::Exception { error, .. }, StreamMessage::End { reason, .. }] => {
            assert_eq!(error.error_type.aws_name(), "ResourceInUseException");
            assert_eq!(
                error.message,
                format!("The subscription of consumer app to shard {SHARD0} was taken over by a newer SubscribeToShard call.")
            );
            assert_eq!(*reason, EndReason::Exception(kinesis_playground::engine::ErrorType::ResourceInUse));
        }
        other => panic!("the older subscription ends with ResourceInUseException: {other:?}"),
    }
    assert_eq!(
        m.iter().find(|x| x.event_type() == Some("ResourceInUseException")).unwrap().sdk_json().unwrap(),
        json!({"ResourceInUseException": {"message": format!("The subscription of consumer app to shard {SHARD0} was taken over by a newer SubscribeToShard call.")}})
    );
    assert_eq!(all_keys(&second.poll(&mut e)), ["before"]);
    // Another consumer has its own subscription to the same shard.
    let other = active_consumer(&mut e, "S", "other");
    subscribe_ok(&mut e, &other, SHARD0, json!({"Type": "LATEST"}));
}

#[test]
fn one_call_a_second_per_consumer_and_shard() {
    let mut e = engine();
    let arn = setup(&mut e);
    try_subscribe(&mut e, &arn, SHARD0, json!({"Type": "AT_SEQUENCE_NUMBER"})).expect_err("no sequence number");
    e.advance(999);
    let got = try_subscribe(&mut e, &arn, SHARD0, json!({"Type": "LATEST"})).expect_err("too soon");
    assert_error(
        &got,
        "LimitExceededException",
        &format!("Rate exceeded for consumer app and shard {SHARD0} in stream S under account {ACCOUNT}."),
    );
    e.advance(1);
    subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "LATEST"}));
    // Without throttling (`sim throttling off`) only the 5-second rule stays.
    let mut e = Engine::new(EngineConfig { enforce_throughput: false, ..EngineConfig::default() });
    let arn = setup(&mut e);
    try_subscribe(&mut e, &arn, SHARD0, json!({"Type": "AT_SEQUENCE_NUMBER"})).expect_err("no sequence number");
    subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "LATEST"}));
}

#[test]
fn deregistering_the_consumer_or_deleting_the_stream_ends_its_subscriptions() {
    let mut e = engine();
    let arn = setup(&mut e);
    let es = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "TRIM_HORIZON"}));
    e.advance(1_500);
    put(&mut e, "S", "pushed", "x");
    e.advance(500);
    let at = e.now_ms();
    ok(&mut e, "DeregisterStreamConsumer", json!({"ConsumerARN": arn}));
    put(&mut e, "S", "never", "x");
    e.advance(30_000);
    let m = es.poll(&mut e);
    assert_eq!(all_keys(&m), ["pushed"], "pushed until the moment of deregistration, read late");
    let exception = m.iter().find(|x| matches!(x, StreamMessage::Exception { .. })).expect("an exception event");
    assert_eq!(exception.at_ms(), at);
    assert_eq!(exception.event_type(), Some("ResourceInUseException"));
    assert!(matches!(m.last(), Some(StreamMessage::End { .. })));

    let arn = active_consumer(&mut e, "S", "app2");
    let es = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "LATEST"}));
    ok(&mut e, "DeleteStream", json!({"StreamName": "S", "EnforceConsumerDeletion": true}));
    e.advance(60_000);
    let m = es.poll(&mut e);
    assert_eq!(m.iter().filter(|x| x.event_type() == Some("ResourceInUseException")).count(), 1, "{m:?}");
    assert!(matches!(m.last(), Some(StreamMessage::End { .. })));
}

#[test]
fn a_closed_shard_ends_with_its_child_shards() {
    let mut e = engine();
    let arn = setup(&mut e);
    put(&mut e, "S", "a", "x");
    let es = subscribe_ok(&mut e, &arn, SHARD0, json!({"Type": "TRIM_HORIZON"}));
    assert_eq!(all_keys(&es.poll(&mut e)), ["a"]);
    e.advance(500);
    put(&mut e, "S", "b", "x");
    ok(
        &mut e,
        "SplitShard",
        json!({"StreamName": "S", "ShardToSplit": SHARD0, "NewStartingHashKey": "170141183460469231731687303715884105728"}),
    );
    e.advance(e.config().update_delay_ms);
    let closed_at = e.stream("S").unwrap().shard(0).unwrap().closed_ms.expect("closed");
    put(&mut e, "S", "to-a-child", "x");
    e.advance(10_000);
    let m = es.poll(&mut e);
    assert_eq!(all_keys(&m), ["b"]);
    let last = payloads(&m).pop().expect("an event");
    assert_eq!(last["Records"], json!([]));
    assert!(last.get("ContinuationSequenceNumber").is_none(), "no continuation at the shard's end: {last}");
    let keys: Vec<&String> = last.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["Records", "MillisBehindLatest", "ChildShards"]);
    assert_eq!(
        last["ChildShards"],
        json!([
            {"ShardId": "shardId-000000000001", "ParentShards": [SHARD0],
             "HashKeyRange": {"StartingHashKey": "0", "EndingHashKey": "170141183460469231731687303715884105727"}},
            {"ShardId": "shardId-000000000002", "ParentShards": [SHARD0],
             "HashKeyRange": {"StartingHashKey": "170141183460469231731687303715884105728", "EndingHashKey": "340282366920938463463374607431768211455"}},
        ])
    );
    match m.last() {
        Some(StreamMessage::End { at_ms, reason: EndReason::ShardEnd }) => assert!(*at_ms >= closed_at),
        other => panic!("expected the shard's end, got {other:?}"),
    }
}

#[test]
fn each_consumer_gets_its_own_two_mib_per_second_apart_from_get_records() {
    let mut e = Engine::new(EngineConfig { enforce_throughput: false, ..EngineConfig::default() });
    let one = setup(&mut e);
    let two = active_consumer(&mut e, "S", "two");
    // 1 MiB of data and a 2-byte key: two of them pass 2 MiB.
    let mib = "x".repeat(1024 * 1024);
    for i in 0..5 {
        put(&mut e, "S", &format!("k{i}"), &mib);
    }
    e.set_enforce_throughput(true);
    e.advance(1_000);
    let a = subscribe_ok(&mut e, &one, SHARD0, json!({"Type": "TRIM_HORIZON"}));
    let b = subscribe_ok(&mut e, &two, SHARD0, json!({"Type": "TRIM_HORIZON"}));
    let first_a = payloads(&a.poll(&mut e));
    let first_b = payloads(&b.poll(&mut e));
    assert_eq!(keys_of(&first_a[0]), ["k0"], "the second 1 MiB record would pass 2 MiB in this second");
    assert_eq!(keys_of(&first_b[0]), ["k0"], "the other consumer has its own 2 MiB");
    assert!(first_a[0]["MillisBehindLatest"].as_i64().unwrap() >= 1_000, "behind the tip: {}", first_a[0]);
    // The shared GetRecords limits are untouched by enhanced fan-out.
    let it = iterator(&mut e, "S", SHARD0, "TRIM_HORIZON", json!({}));
    let r = get_records(&mut e, &it, Some(1));
    assert_eq!(keys(&r), ["k0"]);
    for _ in 0..4 {
        e.advance(1_000);
        a.poll(&mut e);
    }
    let got: usize = e.subscription(a.id()).unwrap().records_pushed as usize;
    assert_eq!(got, 5, "caught up at one 1 MiB record a second");
    e.advance(1_000);
    assert_eq!(payloads(&b.poll(&mut e)).iter().map(keys_of).collect::<Vec<_>>().concat(), ["k1", "k2", "k3", "k4"]);
}

#[test]
fn reading_late_gives_the_same_events_as_reading_every_second() {
    let mut writer = engine();
    let arn = setup(&mut writer);
    let mut eager = writer.clone();
    let mut lazy = writer.clone();
    let es_eager = subscribe_ok(&mut eager, &arn, SHARD0, json!({"Type": "TRIM_HORIZON"}));
    let es_lazy = subscribe_ok(&mut lazy, &arn, SHARD0, json!({"Type": "TRIM_HORIZON"}));
    let mut eager_messages = Vec::new();
    for i in 0..40 {
        for e in [&mut eager, &mut lazy] {
            if i % 7 != 3 {
                put(e, "S", &format!("k{i}"), "x");
            }
            e.advance(700);
        }
        eager_messages.extend(es_eager.poll(&mut eager));
    }
    assert_eq!(es_lazy.poll(&mut lazy), eager_messages);
    assert!(payloads(&eager_messages).len() > 20);
}
