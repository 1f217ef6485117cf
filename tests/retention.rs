//! Retention (spec 3.7): 24..8760 hours with AWS's four messages, trimming exactly by simulated time.
mod common;
use common::*;
use kinesis_playground::engine::Engine;
use kinesis_playground::time::HOUR;
use serde_json::json;

const S0: &str = "shardId-000000000000";

fn set(e: &mut Engine, op: &str, hours: i64) {
    ok(e, op, json!({"StreamName": "S", "RetentionPeriodHours": hours}));
}

fn retention_of(e: &mut Engine) -> i64 {
    let d = ok(e, "DescribeStreamSummary", json!({"StreamName": "S"}));
    d["StreamDescriptionSummary"]["RetentionPeriodHours"].as_i64().expect("RetentionPeriodHours is a number")
}

fn retained_keys(e: &mut Engine) -> Vec<String> {
    read_all(e, "S", S0).into_iter().map(|(k, _)| k).collect()
}

#[test]
fn bounds_and_direction_messages() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    assert_eq!(retention_of(&mut e), 24, "default 24 hours");
    let inc = "IncreaseStreamRetentionPeriod";
    let dec = "DecreaseStreamRetentionPeriod";
    for op in [inc, dec] {
        for h in [23i64, 0, -5] {
            expect_err(
                &mut e,
                op,
                json!({"StreamName": "S", "RetentionPeriodHours": h}),
                "InvalidArgumentException",
                &format!("Minimum allowed retention period is 24 hours. Requested retention period ({h} hours) is too short."),
            );
        }
        for h in [8761i64, 100_000, 1 << 40] {
            expect_err(
                &mut e,
                op,
                json!({"StreamName": "S", "RetentionPeriodHours": h}),
                "InvalidArgumentException",
                &format!("Maximum allowed retention period is 8760 hours. Requested retention period ({h} hours) is too long."),
            );
        }
    }
    assert_eq!(retention_of(&mut e), 24, "rejected changes change nothing");
    set(&mut e, inc, 24); // equal is accepted
    set(&mut e, inc, 48);
    assert_eq!(retention_of(&mut e), 48);
    expect_err(
        &mut e,
        inc,
        json!({"StreamName": "S", "RetentionPeriodHours": 30}),
        "InvalidArgumentException",
        "Requested retention period (30 hours) for stream S can not be shorter than existing retention period (48 hours). Use DecreaseRetentionPeriod API.",
    );
    expect_err(
        &mut e,
        dec,
        json!({"StreamName": "S", "RetentionPeriodHours": 100}),
        "InvalidArgumentException",
        "Requested retention period (100 hours) for stream S can not be longer than existing retention period (48 hours). Use IncreaseRetentionPeriod API.",
    );
    set(&mut e, dec, 48); // equal is accepted
    set(&mut e, inc, 8760);
    assert_eq!(retention_of(&mut e), 8760);
    set(&mut e, dec, 24);
    assert_eq!(retention_of(&mut e), 24);
    expect_err(
        &mut e,
        inc,
        json!({"StreamName": "Nope", "RetentionPeriodHours": 48}),
        "ResourceNotFoundException",
        "Stream Nope under account 123456789012 not found.",
    );
}

#[test]
fn a_record_is_trimmed_exactly_when_it_is_older_than_the_retention_period() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    put(&mut e, "S", "old", "x");
    e.advance(1);
    put(&mut e, "S", "young", "x");
    // At exactly 24 h of age, "old" is still readable.
    e.advance(24 * HOUR - 1);
    assert_eq!(retained_keys(&mut e), vec!["old", "young"]);
    assert_eq!(e.retained_records(), 2);
    e.advance(1);
    assert_eq!(retained_keys(&mut e), vec!["young"]);
    assert_eq!(e.retained_records(), 1);
    let it = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    assert_eq!(keys(&get_records(&mut e, &it, None)), vec!["young"]);
    e.advance(1);
    assert!(retained_keys(&mut e).is_empty());
    assert_eq!(e.retained_records(), 0);
}

#[test]
fn nothing_younger_than_the_retention_period_is_ever_trimmed() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let mut written: Vec<(String, i64)> = Vec::new();
    for i in 0..80 {
        let key = format!("k{i}");
        put(&mut e, "S", &key, "x");
        written.push((key, e.now_ms()));
        e.advance(HOUR / 2 + 7 * 60_000);
        let cutoff = e.now_ms() - 24 * HOUR;
        let expected: Vec<String> = written.iter().filter(|(_, at)| *at >= cutoff).map(|(k, _)| k.clone()).collect();
        assert_eq!(retained_keys(&mut e), expected, "after step {i}");
    }
}

#[test]
fn decreasing_trims_at_once_and_increasing_never_resurrects() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    set(&mut e, "IncreaseStreamRetentionPeriod", 48);
    put(&mut e, "S", "a", "x"); // will be 40 h old
    e.advance(10 * HOUR);
    put(&mut e, "S", "b", "x"); // 30 h old
    e.advance(20 * HOUR);
    put(&mut e, "S", "c", "x"); // 10 h old
    e.advance(10 * HOUR);
    assert_eq!(retained_keys(&mut e), vec!["a", "b", "c"]);
    let before = e.now_ms();
    set(&mut e, "DecreaseStreamRetentionPeriod", 24);
    assert_eq!(e.now_ms(), before, "no clock movement needed");
    assert_eq!(retained_keys(&mut e), vec!["c"]);
    assert_eq!(e.retained_records(), 1);
    set(&mut e, "IncreaseStreamRetentionPeriod", 8760);
    assert_eq!(retained_keys(&mut e), vec!["c"], "trimmed data stays gone");
    // With the longer period, "c" outlives the old 24 h horizon.
    e.advance(100 * HOUR);
    assert_eq!(retained_keys(&mut e), vec!["c"]);
}

#[test]
fn positions_before_the_trim_horizon_start_at_the_oldest_retained_record() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    let t0 = e.now_ms();
    let (_, first) = put(&mut e, "S", "a", "x");
    e.advance(HOUR);
    put(&mut e, "S", "b", "x");
    // An iterator issued while "a" is retained, used after it is trimmed (within 300 s).
    e.advance(23 * HOUR - 100);
    assert_eq!(retained_keys(&mut e), vec!["a", "b"]);
    let early = iterator(&mut e, "S", S0, "TRIM_HORIZON", json!({}));
    e.advance(200);
    assert_eq!(keys(&get_records(&mut e, &early, None)), vec!["b"]);
    let at = iterator(&mut e, "S", S0, "AT_SEQUENCE_NUMBER", json!({ "StartingSequenceNumber": first }));
    assert_eq!(keys(&get_records(&mut e, &at, None)), vec!["b"]);
    let ts = iterator(&mut e, "S", S0, "AT_TIMESTAMP", json!({ "Timestamp": t0 as f64 / 1000.0 }));
    assert_eq!(keys(&get_records(&mut e, &ts, None)), vec!["b"]);
}

#[test]
fn retention_is_per_stream() {
    let mut e = unthrottled();
    active_stream(&mut e, "S", 1);
    active_stream(&mut e, "L", 1);
    ok(&mut e, "IncreaseStreamRetentionPeriod", json!({"StreamName": "L", "RetentionPeriodHours": 72}));
    put(&mut e, "S", "s", "x");
    put(&mut e, "L", "l", "x");
    e.advance(48 * HOUR);
    assert!(read_all(&mut e, "S", S0).is_empty());
    assert_eq!(read_all(&mut e, "L", S0).len(), 1);
    assert_eq!(e.retained_records(), 1);
}
