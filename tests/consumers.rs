//! Enhanced fan-out consumers through the api layer: RegisterStreamConsumer, DescribeStreamConsumer,
//! ListStreamConsumers, DeregisterStreamConsumer, their statuses, limits, errors, and DeleteStream with consumers.
mod common;
mod fan_out_support;
use common::*;
use fan_out_support::*;
use kinesis_playground::engine::{Engine, EngineConfig};
use serde_json::json;

const ACCOUNT: &str = "123456789012";

#[test]
fn a_consumer_is_creating_then_active_then_deleting_then_gone() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    let at = e.now_ms();
    let r = ok(&mut e, "RegisterStreamConsumer", json!({"StreamARN": stream_arn("S"), "ConsumerName": "app"}));
    let arn = format!("{}/consumer/app:{}", stream_arn("S"), at / 1000);
    assert_eq!(
        r,
        json!({"Consumer": {
            "ConsumerName": "app",
            "ConsumerARN": arn,
            "ConsumerStatus": "CREATING",
            "ConsumerCreationTimestamp": at as f64 / 1000.0,
        }})
    );
    let keys: Vec<&String> = r["Consumer"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["ConsumerName", "ConsumerARN", "ConsumerStatus", "ConsumerCreationTimestamp"], "model order");

    let by_arn = ok(&mut e, "DescribeStreamConsumer", json!({"ConsumerARN": arn}));
    let by_name = ok(&mut e, "DescribeStreamConsumer", json!({"StreamARN": stream_arn("S"), "ConsumerName": "app"}));
    let all_three = ok(
        &mut e,
        "DescribeStreamConsumer",
        json!({"StreamARN": stream_arn("S"), "ConsumerName": "app", "ConsumerARN": arn}),
    );
    assert_eq!(by_arn, by_name);
    assert_eq!(by_arn, all_three);
    assert_eq!(by_arn["ConsumerDescription"]["StreamARN"], stream_arn("S"));
    assert_eq!(by_arn["ConsumerDescription"]["ConsumerStatus"], "CREATING");
    let summary = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "S"}));
    assert_eq!(summary["StreamDescriptionSummary"]["ConsumerCount"], 1);

    e.advance(e.config().create_delay_ms - 1);
    assert_eq!(consumer_status(&mut e, &arn), "CREATING", "still creating a millisecond before the delay ends");
    e.advance(1);
    assert_eq!(consumer_status(&mut e, &arn), "ACTIVE");
    let list = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("S")}));
    assert_eq!(list["Consumers"].as_array().unwrap().len(), 1);
    assert_eq!(list["Consumers"][0]["ConsumerStatus"], "ACTIVE");
    assert!(list.get("NextToken").is_none());

    assert_eq!(ok(&mut e, "DeregisterStreamConsumer", json!({"ConsumerARN": arn})), json!({}));
    assert_eq!(consumer_status(&mut e, &arn), "DELETING");
    // Deregistering a consumer that is already DELETING changes nothing.
    ok(&mut e, "DeregisterStreamConsumer", json!({"StreamARN": stream_arn("S"), "ConsumerName": "app"}));
    e.advance(e.config().delete_delay_ms);
    expect_err(
        &mut e,
        "DescribeStreamConsumer",
        json!({"ConsumerARN": arn}),
        "ResourceNotFoundException",
        &format!("Consumer app with creation timestamp {} under stream S and account {ACCOUNT} not found.", at / 1000),
    );
    let list = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("S")}));
    assert_eq!(list, json!({"Consumers": []}));
    let summary = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "S"}));
    assert_eq!(summary["StreamDescriptionSummary"]["ConsumerCount"], 0);
}

#[test]
fn a_new_registration_of_the_same_name_has_a_new_arn() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    let first = active_consumer(&mut e, "S", "app");
    ok(&mut e, "DeregisterStreamConsumer", json!({"ConsumerARN": first}));
    e.advance(e.config().delete_delay_ms);
    let second = register(&mut e, "S", "app");
    assert_ne!(first, second, "the ARN ends with the registration second");
    let err = err(&mut e, "DescribeStreamConsumer", json!({"ConsumerARN": first}));
    assert_eq!(err.error_type.aws_name(), "ResourceNotFoundException");
    assert_eq!(consumer_status(&mut e, &second), "CREATING");
}

#[test]
fn zero_delays_make_consumers_active_and_gone_at_once() {
    let mut e = Engine::new(EngineConfig { create_delay_ms: 0, delete_delay_ms: 0, ..EngineConfig::default() });
    ok(&mut e, "CreateStream", json!({"StreamName": "S", "ShardCount": 1}));
    let arn = register(&mut e, "S", "app");
    assert_eq!(consumer_status(&mut e, &arn), "ACTIVE");
    ok(&mut e, "DeregisterStreamConsumer", json!({"ConsumerARN": arn}));
    assert_eq!(
        err(&mut e, "DescribeStreamConsumer", json!({"ConsumerARN": arn})).error_type.aws_name(),
        "ResourceNotFoundException"
    );
}

#[test]
fn registration_errors_change_nothing() {
    let mut e = engine();
    ok(&mut e, "CreateStream", json!({"StreamName": "New", "ShardCount": 1}));
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("New"), "ConsumerName": "app"}),
        "ResourceInUseException",
        &format!("Stream New under account {ACCOUNT} not ACTIVE, instead in state CREATING"),
    );
    expect_err(
        &mut e,
        "ListStreamConsumers",
        json!({"StreamARN": stream_arn("New")}),
        "ResourceInUseException",
        &format!("Stream New under account {ACCOUNT} not ACTIVE, instead in state CREATING"),
    );
    e.advance(e.config().create_delay_ms);
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("Nope"), "ConsumerName": "app"}),
        "ResourceNotFoundException",
        &format!("Stream Nope under account {ACCOUNT} not found."),
    );
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": "arn:aws:kinesis:us-east-1:999999999999:stream/New", "ConsumerName": "app"}),
        "ResourceNotFoundException",
        "Stream New under account 999999999999 not found.",
    );
    register(&mut e, "New", "app");
    let before = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("New")}));
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("New"), "ConsumerName": "app"}),
        "ResourceInUseException",
        &format!("Consumer app under stream New and account {ACCOUNT} already exists."),
    );
    let tags: serde_json::Map<String, serde_json::Value> = (0..51).map(|i| (format!("k{i}"), json!("v"))).collect();
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("New"), "ConsumerName": "tagged", "Tags": tags}),
        "InvalidArgumentException",
        &format!("Failed to register consumer tagged under account {ACCOUNT} because a given consumer cannot have more than 50 tags associated with it."),
    );
    assert_eq!(ok(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("New")})), before);
}

#[test]
fn tags_given_at_registration_are_kept_on_the_consumer() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    let r = ok(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("S"), "ConsumerName": "app", "Tags": {"team": "data", "env": "lab"}}),
    );
    let arn = r["Consumer"]["ConsumerARN"].as_str().unwrap().to_owned();
    let consumer = e.consumer_mut(&arn).expect("found by ARN");
    assert_eq!(consumer.tags.get("team").map(String::as_str), Some("data"));
    consumer.tags.insert("owner".into(), "me".into());
    let (stream, consumer) =
        e.consumer(kinesis_playground::engine::fan_out::ConsumerKey::Arn(&arn)).expect("found by ARN");
    assert_eq!(stream.name, "S");
    assert_eq!(consumer.tags.len(), 3);
}

#[test]
fn at_most_five_consumers_are_creating_in_the_account() {
    let mut e = engine();
    active_stream(&mut e, "A", 1);
    active_stream(&mut e, "B", 1);
    for i in 0..3 {
        register(&mut e, "A", &format!("a{i}"));
    }
    e.advance(1_000);
    for i in 0..2 {
        register(&mut e, "B", &format!("b{i}"));
    }
    e.advance(1_000);
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("B"), "ConsumerName": "b2"}),
        "LimitExceededException",
        &format!("This request would exceed the limit of 5 consumers in the CREATING state for the account {ACCOUNT}."),
    );
    // Once the first three are ACTIVE, there is room again.
    e.advance(e.config().create_delay_ms - 2_000);
    register(&mut e, "B", "b2");
}

#[test]
fn at_most_twenty_consumers_per_stream() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    active_stream(&mut e, "T", 1);
    for batch in 0..4 {
        for i in 0..5 {
            register(&mut e, "S", &format!("c{batch}-{i}"));
        }
        e.advance(e.config().create_delay_ms);
    }
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("S"), "ConsumerName": "one-more"}),
        "LimitExceededException",
        &format!(
            "This request would exceed the limit of 20 consumers registered with stream S under account {ACCOUNT}."
        ),
    );
    register(&mut e, "T", "one-more");
    let list = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("S")}));
    assert_eq!(list["Consumers"].as_array().unwrap().len(), 20);
}

#[test]
fn call_rates_are_limited_per_second() {
    let mut e = Engine::new(EngineConfig { create_delay_ms: 0, ..EngineConfig::default() });
    for s in ["S", "T"] {
        ok(&mut e, "CreateStream", json!({"StreamName": s, "ShardCount": 1}));
    }
    e.advance(1_000);
    for i in 0..5 {
        register(&mut e, "S", &format!("c{i}"));
    }
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("T"), "ConsumerName": "c5"}),
        "LimitExceededException",
        &format!("Rate exceeded for RegisterStreamConsumer under account {ACCOUNT}."),
    );
    e.advance(1_000);
    register(&mut e, "S", "c5");
    for _ in 0..20 {
        ok(&mut e, "DescribeStreamConsumer", json!({"StreamARN": stream_arn("S"), "ConsumerName": "c0"}));
    }
    let arn = register(&mut e, "T", "t0");
    expect_err(
        &mut e,
        "DescribeStreamConsumer",
        json!({"StreamARN": stream_arn("S"), "ConsumerName": "c1"}),
        "LimitExceededException",
        &format!("Rate exceeded for stream S under account {ACCOUNT}."),
    );
    // The limit is per stream.
    ok(&mut e, "DescribeStreamConsumer", json!({"ConsumerARN": arn}));
    for i in 0..5 {
        ok(&mut e, "DeregisterStreamConsumer", json!({"StreamARN": stream_arn("S"), "ConsumerName": format!("c{i}")}));
    }
    expect_err(
        &mut e,
        "DeregisterStreamConsumer",
        json!({"StreamARN": stream_arn("S"), "ConsumerName": "c5"}),
        "LimitExceededException",
        &format!("Rate exceeded for stream S under account {ACCOUNT}."),
    );
    e.advance(1_000);
    ok(&mut e, "DeregisterStreamConsumer", json!({"StreamARN": stream_arn("S"), "ConsumerName": "c5"}));

    // `sim throttling off` lifts the call rates with the per-shard limits.
    e.set_enforce_throughput(false);
    for i in 0..8 {
        register(&mut e, "T", &format!("u{i}"));
    }
}

#[test]
fn naming_a_consumer_takes_its_arn_or_the_stream_and_its_name() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    active_stream(&mut e, "T", 1);
    let arn = active_consumer(&mut e, "S", "app");
    let need = "ConsumerArn or both ConsumerName and StreamARN are required for this request.";
    for op in ["DescribeStreamConsumer", "DeregisterStreamConsumer"] {
        expect_err(&mut e, op, json!({}), "InvalidArgumentException", need);
        expect_err(&mut e, op, json!({"ConsumerName": "app"}), "InvalidArgumentException", need);
        expect_err(&mut e, op, json!({"StreamARN": stream_arn("S")}), "InvalidArgumentException", need);
        expect_err(
            &mut e,
            op,
            json!({"ConsumerARN": arn, "StreamARN": stream_arn("T")}),
            "InvalidArgumentException",
            &format!(
                "ConsumerARN {arn} does not refer to the consumer named by StreamARN {} and ConsumerName (none).",
                stream_arn("T")
            ),
        );
        expect_err(
            &mut e,
            op,
            json!({"ConsumerARN": arn, "ConsumerName": "other"}),
            "InvalidArgumentException",
            &format!(
                "ConsumerARN {arn} does not refer to the consumer named by StreamARN (none) and ConsumerName other."
            ),
        );
        expect_err(
            &mut e,
            op,
            json!({"StreamARN": stream_arn("T"), "ConsumerName": "app"}),
            "ResourceNotFoundException",
            &format!("Consumer app under stream T and account {ACCOUNT} not found."),
        );
        expect_err(
            &mut e,
            op,
            json!({"StreamARN": stream_arn("Gone"), "ConsumerName": "app"}),
            "ResourceNotFoundException",
            &format!("Stream Gone under account {ACCOUNT} not found."),
        );
        let foreign = arn.replace(ACCOUNT, "999999999999");
        let secs = arn.rsplit(':').next().unwrap();
        expect_err(
            &mut e,
            op,
            json!({"ConsumerARN": foreign}),
            "ResourceNotFoundException",
            &format!("Consumer app with creation timestamp {secs} under stream S and account 999999999999 not found."),
        );
    }
    assert_eq!(consumer_status(&mut e, &arn), "ACTIVE", "no failed call changed anything");
}

#[test]
fn requests_are_validated_as_the_model_says() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    let pattern = "^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+";
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({}),
        "ValidationException",
        "2 validation errors detected: Value null at 'streamARN' failed to satisfy constraint: Member must not be null; Value null at 'consumerName' failed to satisfy constraint: Member must not be null",
    );
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("S"), "ConsumerName": "my app"}),
        "ValidationException",
        "1 validation error detected: Value 'my app' at 'consumerName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
    let long = "c".repeat(129);
    expect_err(
        &mut e,
        "RegisterStreamConsumer",
        json!({"StreamARN": stream_arn("S"), "ConsumerName": long}),
        "ValidationException",
        &format!("1 validation error detected: Value '{long}' at 'consumerName' failed to satisfy constraint: Member must have length less than or equal to 128"),
    );
    expect_err(
        &mut e,
        "DescribeStreamConsumer",
        json!({"ConsumerARN": stream_arn("S")}),
        "ValidationException",
        &format!("1 validation error detected: Value '{}' at 'consumerARN' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}", stream_arn("S")),
    );
    expect_err(
        &mut e,
        "ListStreamConsumers",
        json!({"StreamARN": stream_arn("S"), "MaxResults": 0}),
        "ValidationException",
        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    expect_err(
        &mut e,
        "ListStreamConsumers",
        json!({"StreamARN": stream_arn("S"), "MaxResults": 10_001}),
        "ValidationException",
        "1 validation error detected: Value '10001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
    expect_err(
        &mut e,
        "ListStreamConsumers",
        json!({}),
        "ValidationException",
        "1 validation error detected: Value null at 'streamARN' failed to satisfy constraint: Member must not be null",
    );
    expect_err(
        &mut e,
        "DeregisterStreamConsumer",
        json!({"ConsumerName": 5}),
        "SerializationException",
        "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String",
    );
}

#[test]
fn listing_pages_through_consumers_by_name() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    let names = ["g", "c", "a", "f", "b", "e", "d"];
    for chunk in names.chunks(5) {
        for n in chunk {
            register(&mut e, "S", n);
        }
        e.advance(e.config().create_delay_ms);
    }
    let all = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("S")}));
    let listed: Vec<&str> =
        all["Consumers"].as_array().unwrap().iter().map(|c| c["ConsumerName"].as_str().unwrap()).collect();
    assert_eq!(listed, ["a", "b", "c", "d", "e", "f", "g"]);

    let mut token: Option<String> = None;
    let mut pages = Vec::new();
    loop {
        let mut req = json!({"StreamARN": stream_arn("S"), "MaxResults": 3});
        if let Some(t) = &token {
            req["NextToken"] = json!(t);
        }
        let page = ok(&mut e, "ListStreamConsumers", req);
        let got: Vec<String> = page["Consumers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["ConsumerName"].as_str().unwrap().to_owned())
            .collect();
        pages.push(got);
        match page["NextToken"].as_str() {
            Some(t) => token = Some(t.to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, [vec!["a", "b", "c"], vec!["d", "e", "f"], vec!["g"]]);

    let first = ok(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("S"), "MaxResults": 2}));
    let token = first["NextToken"].as_str().unwrap().to_owned();
    expect_err(
        &mut e,
        "ListStreamConsumers",
        json!({"StreamARN": stream_arn("S"), "NextToken": token, "StreamCreationTimestamp": 1_704_067_200}),
        "InvalidArgumentException",
        "NextToken and StreamCreationTimestamp cannot be provided together.",
    );
    expect_err(
        &mut e,
        "ListStreamConsumers",
        json!({"StreamARN": stream_arn("S"), "NextToken": "bm9wZQ=="}),
        "InvalidArgumentException",
        "Invalid NextToken: bm9wZQ==",
    );
    e.advance(300_001);
    let expired = err(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("S"), "NextToken": token}));
    assert_eq!(expired.error_type.aws_name(), "ExpiredNextTokenException");

    let created = e.stream("S").unwrap().created_ms as f64 / 1000.0;
    let by_time =
        ok(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("S"), "StreamCreationTimestamp": created}));
    assert_eq!(by_time["Consumers"].as_array().unwrap().len(), 7);
    expect_err(
        &mut e,
        "ListStreamConsumers",
        json!({"StreamARN": stream_arn("S"), "StreamCreationTimestamp": created - 60.0}),
        "ResourceNotFoundException",
        &format!("Stream S under account {ACCOUNT} not found."),
    );
}

#[test]
fn delete_stream_needs_enforce_consumer_deletion_when_consumers_are_registered() {
    let mut e = engine();
    active_stream(&mut e, "S", 1);
    let arn = active_consumer(&mut e, "S", "app");
    let refusal = format!(
        "DeleteStream can't delete {} because there are consumers associated with this data stream. To delete S anyway, set the EnforceConsumerDeletion parameter to true to force the deletion of all the consumers that are associated with it.",
        stream_arn("S")
    );
    expect_err(&mut e, "DeleteStream", json!({"StreamName": "S"}), "ResourceInUseException", &refusal);
    expect_err(
        &mut e,
        "DeleteStream",
        json!({"StreamName": "S", "EnforceConsumerDeletion": false}),
        "ResourceInUseException",
        &refusal,
    );
    let d = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "S"}));
    assert_eq!(d["StreamDescriptionSummary"]["StreamStatus"], "ACTIVE", "refused: nothing changed");
    assert_eq!(consumer_status(&mut e, &arn), "ACTIVE");

    ok(&mut e, "DeleteStream", json!({"StreamARN": stream_arn("S"), "EnforceConsumerDeletion": true}));
    let d = ok(&mut e, "DescribeStreamSummary", json!({"StreamName": "S"}));
    assert_eq!(d["StreamDescriptionSummary"]["StreamStatus"], "DELETING");
    assert_eq!(consumer_status(&mut e, &arn), "DELETING");
    e.advance(e.config().delete_delay_ms);
    assert_eq!(
        err(&mut e, "DescribeStreamConsumer", json!({"ConsumerARN": arn})).error_type.aws_name(),
        "ResourceNotFoundException"
    );
    // A new stream of the same name starts without consumers, and the old ARN does not name anything in it.
    active_stream(&mut e, "S", 1);
    assert_eq!(ok(&mut e, "ListStreamConsumers", json!({"StreamARN": stream_arn("S")})), json!({"Consumers": []}));
    assert_eq!(
        err(&mut e, "DescribeStreamConsumer", json!({"ConsumerARN": arn})).error_type.aws_name(),
        "ResourceNotFoundException"
    );
    ok(&mut e, "DeleteStream", json!({"StreamName": "S"}));
}
