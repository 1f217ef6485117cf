#![cfg(not(target_arch = "wasm32"))]
//! Saved sessions (`src/session`): a recorded session replays to exactly the same state; undo is the session
//! without its last command; damaged, foreign, newer or too costly documents are refused with a plain sentence and
//! never panic; the operations the recorder leaves out of the log change nothing.

use kinesis_playground::cli::{Console, ConsoleConfig};
use kinesis_playground::engine::{EngineConfig, DEFAULT_START_MS};
use kinesis_playground::session::{Digest, Entry, Limits, Recorder, SavedSession, SessionError, NO_EFFECT_OPERATIONS};
use kinesis_playground::time::Millis;
use proptest::prelude::*;
use serde_json::{json, Value};

fn recorder() -> Recorder {
    Recorder::new(EngineConfig { start_time_ms: DEFAULT_START_MS + 70, ..EngineConfig::default() }, 5)
}

/// Console input a learner might type: shell variables and substitutions, iterators and reads, producers, jumps,
/// resharding, errors, a command continued over two inputs, a reset.
const LINES: &[&str] = &[
    "aws kinesis create-stream --stream-name DemoStream --shard-count 2",
    "aws kinesis wait stream-exists --stream-name DemoStream",
    "aws kinesis put-record --stream-name DemoStream --partition-key 1 --cli-binary-format raw-in-base64-out --data '{\"trans_id\": 1}'",
    "aws kinesis put-record --stream-name DemoStream --partition-key \"$RANDOM_KEY\" --data aGk=",
    "RANDOM_KEY=k$?",
    "IT=$(aws kinesis get-shard-iterator --stream-name DemoStream --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)",
    "aws kinesis get-records --shard-iterator $IT --limit 3",
    "aws kinesis split-shard --stream-name DemoStream --shard-to-split shardId-000000000001 --new-starting-hash-key 255211775190703847597530955573826158592",
    "sim producer add --stream-name DemoStream --rate 120 --keys 5",
    "sim producer add --stream-name DemoStream --rate 1100 --hot-key hot --hot-share 1",
    "sim producer pause 1",
    "sim producer resume 1",
    "sim clock advance 2s",
    "sim throttling off",
    "aws kinesis decrease-stream-retention-period --stream-name DemoStream --retention-period-hours 24",
    "aws kinesis describe-stream-summary --stream-name DemoStream",
    "aws kinesis delete-stream --stream-name Nope",
    "aws kinesis put-record --stream-name DemoStream \\",
    "--partition-key continued --data aGk=",
    "echo 'an open quote",
    "aws kinesis register-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:123456789012:stream/DemoStream --consumer-name app",
    "aws kinesis describe-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:123456789012:stream/DemoStream --consumer-name app",
    "aws kinesis deregister-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:123456789012:stream/DemoStream --consumer-name app",
    "sim reset",
];

#[derive(Debug, Clone)]
enum Step {
    Line(usize),
    /// Live time in frames of the given size.
    Live {
        ms: Millis,
        frame: Millis,
    },
    /// A server's real clock moving to now, then a request.
    Request {
        ahead_ms: Millis,
        body: usize,
    },
    Call {
        key: u8,
    },
    /// SubscribeToShard for the consumer `app`, if it exists.
    Subscribe,
}

const BODIES: &[&str] = &[
    r#"{"StreamName": "DemoStream", "PartitionKey": "wire", "Data": "d2lyZQ=="}"#,
    r#"{"StreamName": "DemoStream", "ShardId": "shardId-000000000000", "ShardIteratorType": "LATEST"}"#,
    r#"{"StreamName": "DemoStream""#,
    "",
];
const TARGETS: &[&str] =
    &["Kinesis_20131202.PutRecord", "Kinesis_20131202.GetShardIterator", "Kinesis_20131202.PutRecord", "ListStreams"];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..LINES.len()).prop_map(Step::Line),
        3 => (0i64..2_500, prop_oneof![Just(16i64), 1i64..400]).prop_map(|(ms, frame)| Step::Live { ms, frame }),
        2 => (0i64..900, 0..BODIES.len()).prop_map(|(ahead_ms, body)| Step::Request { ahead_ms, body }),
        1 => any::<u8>().prop_map(|key| Step::Call { key }),
        1 => Just(Step::Subscribe),
    ]
}

fn apply(r: &mut Recorder, s: &Step) {
    match s {
        Step::Line(i) => {
            r.run(LINES[*i]);
        }
        Step::Live { ms, frame } => {
            let mut left = *ms;
            while left > 0 {
                r.advance((*frame).min(left));
                left -= (*frame).min(left);
            }
        }
        Step::Request { ahead_ms, body } => {
            r.advance_to(r.engine().now_ms() + ahead_ms);
            r.dispatch(TARGETS[*body], BODIES[*body]);
        }
        Step::Call { key } => {
            let _ = r.call(
                "PutRecord",
                &json!({"StreamName": "DemoStream", "PartitionKey": format!("c{key}"), "Data": "Yw=="}),
            );
        }
        Step::Subscribe => {
            if let Some(arn) = consumer_arn(r) {
                let _ = r.subscribe(&json!({"ConsumerARN": arn, "ShardId": "shardId-000000000000", "StartingPosition": {"Type": "TRIM_HORIZON"}}));
            }
        }
    }
}

fn consumer_arn(r: &mut Recorder) -> Option<String> {
    let stream = r.engine().stream_arn("DemoStream");
    let d = r.call("DescribeStreamConsumer", &json!({"StreamARN": stream, "ConsumerName": "app"})).ok()?;
    d["ConsumerDescription"]["ConsumerARN"].as_str().map(str::to_owned)
}

fn digest(r: &Recorder) -> Digest {
    Digest::of_console(r.console())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn a_recorded_session_replays_to_the_same_state(steps in proptest::collection::vec(step(), 1..30)) {
        let mut live = recorder();
        for s in &steps {
            apply(&mut live, s);
        }
        // A pending half-command is not part of the state a session keeps.
        live.cancel_pending();
        let text = live.to_json();
        let replayed = Recorder::open(&text, &Limits::FILE).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (a, b) = (digest(&live), digest(&replayed));
        prop_assert!(a == b, "{}", a.first_difference(&b).unwrap_or_default());
        prop_assert_eq!(replayed.to_json(), text, "a replay logs the same entries again");
    }

    #[test]
    fn undo_is_the_session_without_its_last_command(
        steps in proptest::collection::vec(step(), 0..16),
        last in prop_oneof![(0..LINES.len()).prop_map(Step::Line), any::<u8>().prop_map(|key| Step::Call { key })],
        after in proptest::collection::vec((0i64..1_500, 1i64..300).prop_map(|(ms, frame)| Step::Live { ms, frame }), 0..3),
    ) {
        let (mut with, mut without) = (recorder(), recorder());
        for s in &steps {
            apply(&mut with, s);
            apply(&mut without, s);
        }
        with.cancel_pending();
        without.cancel_pending();
        let commands = with.saved().command_count();
        apply(&mut with, &last);
        with.cancel_pending();
        let added = with.saved().command_count() > commands;
        for s in &after {
            apply(&mut with, s);
            apply(&mut without, s);
        }
        let removed = with.undo(&Limits::FILE).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if added {
            prop_assert!(removed.as_ref().is_some_and(Entry::is_command));
            let (a, b) = (digest(&with), digest(&without));
            prop_assert!(a == b, "{}", a.first_difference(&b).unwrap_or_default());
        }
    }
}

/// Polling a subscription is connection state, left out of the log: a replay has the same streams, consumers and
/// records, and answers every later request the same.
#[test]
fn subscriptions_replay_from_their_call_and_polls_change_nothing_else() {
    let mut live = recorder();
    for i in [0, 1, 2, 3, 20, 1] {
        live.run(LINES[i]);
    }
    live.advance(6_000);
    let arn = consumer_arn(&mut live).expect("the consumer is ACTIVE");
    let stream = live
        .subscribe(&json!({"ConsumerARN": arn, "ShardId": "shardId-000000000000", "StartingPosition": {"Type": "TRIM_HORIZON"}}))
        .unwrap();
    let mut pushed = 0;
    for _ in 0..5 {
        live.run(LINES[2]);
        live.advance(1_000);
        pushed += live.poll(&stream).len();
    }
    assert!(pushed > 0, "events were pushed");
    live.cancel(&stream);
    let mut replayed = Recorder::open(&live.to_json(), &Limits::FILE).unwrap();
    assert_eq!(digest(&replayed).streams, digest(&live).streams);
    assert_eq!(replayed.engine().subscriptions().count(), live.engine().subscriptions().count());
    for r in [&mut live, &mut replayed] {
        r.advance(6_000);
    }
    let again = json!({"ConsumerARN": arn, "ShardId": "shardId-000000000000", "StartingPosition": {"Type": "LATEST"}});
    assert_eq!(live.subscribe(&again).map(|s| s.id()), replayed.subscribe(&again).map(|s| s.id()));
    for line in [LINES[2], LINES[6], LINES[21]] {
        assert_eq!(live.run(line), replayed.run(line), "{line}");
    }
}

#[test]
fn the_documented_example_replays() {
    let text = r#"{"kind": "kinesis-playground-session", "version": 1,
 "start_time": "2024-01-01T00:00:00Z", "seed": 0,
 "settings": {"create_delay_ms": 500},
 "entries": [
  {"line": "aws kinesis create-stream --stream-name DemoStream --shard-count 1"},
  {"advance_ms": 1000},
  {"at_ms": 1704067205123, "call": "PutRecord", "request": {"StreamName": "DemoStream", "PartitionKey": "1", "Data": "aGk="}}
 ]}"#;
    let r = Recorder::open(text, &Limits::FILE).unwrap();
    let e = r.engine();
    assert_eq!(e.now_ms(), 1_704_067_205_123);
    assert_eq!(e.config().create_delay_ms, 500);
    let records: Vec<_> = e.stream("DemoStream").unwrap().shards[0]
        .records()
        .map(|r| (r.partition_key.to_owned(), r.data.to_vec(), r.arrival_ms))
        .collect();
    assert_eq!(records, vec![("1".to_owned(), b"hi".to_vec(), 1_704_067_205_123)]);
}

#[test]
fn a_server_log_stays_compact_and_replays() {
    let mut server = Recorder::new(EngineConfig { create_delay_ms: 0, ..EngineConfig::default() }, 0);
    server.dispatch("Kinesis_20131202.CreateStream", r#"{"StreamName": "S", "ShardCount": 2}"#);
    server.run("sim producer add --stream-name S --rate 50");
    for i in 0..300 {
        // The real clock moves a few milliseconds between requests; polling reads are not logged.
        server.advance_to(server.engine().now_ms() + 7);
        server.dispatch("Kinesis_20131202.DescribeStreamSummary", r#"{"StreamName": "S"}"#);
        let reply = server.dispatch(
            "Kinesis_20131202.PutRecord",
            &format!(r#"{{"StreamName": "S", "PartitionKey": "p{i}", "Data": "eA=="}}"#),
        );
        assert_eq!(reply.status, 200, "{}", reply.body);
    }
    server.advance(60_000);
    let saved = server.saved();
    assert_eq!(
        saved.entries.len(),
        1 + 1 + 300 + 1,
        "one entry per call that changes state, and one for the last minute"
    );
    assert!(matches!(saved.entries.last(), Some(Entry::Advance(60_000))));
    let replayed = Recorder::open(&server.to_json(), &Limits::FILE).unwrap();
    assert_eq!(digest(&replayed), digest(&server));
    assert!(server.engine().retained_records() > 300 + 50 * 2, "producers wrote on the way");
}

#[test]
fn operations_left_out_of_the_log_change_nothing() {
    let mut r = recorder();
    for line in [
        "aws kinesis create-stream --stream-name S --shard-count 2",
        "aws kinesis wait stream-exists --stream-name S",
        "aws kinesis add-tags-to-stream --stream-name S --tags team=data",
        "aws kinesis put-record --stream-name S --partition-key a --data aGk=",
        "aws kinesis split-shard --stream-name S --shard-to-split shardId-000000000000 --new-starting-hash-key 85070591730234615865843651857942052864",
    ] {
        assert_eq!(r.run(line).exit_code, 0, "{line}");
    }
    let before = digest(&r);
    let entries = r.saved().entries.len();
    let arn = r.engine().stream_arn("S");
    let requests = [
        json!({}),
        json!({"StreamName": "S"}),
        json!({"StreamARN": arn}),
        json!({"StreamName": "S", "Limit": 1}),
        json!({"StreamName": "Nope"}),
        json!({"StreamName": 5}),
    ];
    for op in NO_EFFECT_OPERATIONS {
        assert!(kinesis_playground::api::operation(op).is_some(), "{op} is an operation");
        for req in &requests {
            for _ in 0..12 {
                let _ = r.call(op, req);
            }
        }
    }
    assert_eq!(digest(&r), before);
    assert_eq!(r.saved().entries.len(), entries, "none of them was logged");
}

fn base_session() -> String {
    let mut r = recorder();
    r.run("aws kinesis create-stream --stream-name S --shard-count 1");
    r.advance(6_000);
    r.run("aws kinesis put-record --stream-name S --partition-key k --data aGk=");
    r.call("PutRecord", &json!({"StreamName": "S", "PartitionKey": "c", "Data": "Yw=="})).unwrap();
    r.run("sim producer add --stream-name S --rate 20");
    r.advance(1_000);
    r.to_json()
}

#[test]
fn replay_refusals_name_the_entry() {
    let patch = |entries: Value| {
        let mut v: Value = serde_json::from_str(&base_session()).unwrap();
        v["entries"] = entries;
        v.to_string()
    };
    let refuse =
        |text: &str, limits: &Limits| Recorder::open(text, limits).err().map(|e| e.to_string()).unwrap_or_default();
    let open_quote = patch(json!([{"line": "echo hi"}, {"line": "echo 'unfinished"}]));
    assert_eq!(
        refuse(&open_quote, &Limits::FILE),
        "This session does not replay: entry 2 is not a complete command (`echo 'unfinished` ends inside quotes or `$(`, or after a `\\`)."
    );
    let backwards = patch(json!([{"advance_ms": 10_000}, {"at_ms": DEFAULT_START_MS, "call": "ListStreams"}]));
    assert!(refuse(&backwards, &Limits::FILE).starts_with("This session does not replay: entry 2 is a call made at 2024-01-01T00:00:00.000Z, but the replay had already reached 2024-01-01T00:00:10.070Z"));
    let costly = patch(json!([
        {"line": "aws kinesis create-stream --stream-name S --shard-count 1"},
        {"line": "sim producer add --stream-name S --rate 100000"},
        {"advance_ms": 86_400_000}
    ]));
    let small = Limits { max_producer_records: 20_000, ..Limits::FILE };
    assert_eq!(
        refuse(&costly, &small),
        "This session does not replay: entry 3 has the producers write more than 20000 records in all, more than a replay may do."
    );
    // A jump line is bounded the same way, and so is a reset in between.
    let jumps = patch(json!([
        {"line": "sim producer add --stream-name S --rate 100000"},
        {"line": "sim reset"},
        {"line": "sim producer add --stream-name S --rate 100000"},
        {"line": "sim clock advance 1m"}
    ]));
    assert!(refuse(&jumps, &small).contains("entry 4 has the producers write more than 20000 records"));
    let many = Limits { max_entries: 3, ..Limits::FILE };
    assert!(matches!(SavedSession::parse(&base_session(), &many), Err(SessionError::TooManyEntries { .. })));
}

#[test]
fn a_failed_undo_leaves_the_session_as_it_was() {
    let mut r = recorder();
    r.run("aws kinesis create-stream --stream-name S --shard-count 1");
    r.run("aws kinesis wait stream-exists --stream-name S");
    r.run("sim producer add --stream-name S --rate 500");
    r.advance(2_000);
    r.run("echo last");
    let (before, log) = (digest(&r), r.to_json());
    let tight = Limits { max_producer_records: 10, ..Limits::FILE };
    assert!(r.undo(&tight).unwrap_err().to_string().contains("more than 10 records"));
    assert_eq!(digest(&r), before);
    assert_eq!(r.to_json(), log);
    assert_eq!(r.undo(&Limits::FILE).unwrap(), Some(Entry::Line("echo last".into())));
    let mut empty = recorder();
    assert_eq!(empty.undo(&Limits::FILE).unwrap(), None);
    r.reset();
    assert_eq!(digest(&r), digest(&recorder()));
    assert!(r.saved().entries.is_empty());
}

#[test]
fn a_console_and_a_replayed_recorder_agree_with_the_console_alone() {
    // The recorder adds nothing to what a plain console does.
    let mut plain = Console::new(ConsoleConfig { start_time_ms: DEFAULT_START_MS + 70, seed: 5 });
    let mut r = recorder();
    for line in LINES {
        assert_eq!(r.run(line), plain.run(line), "{line}");
        assert_eq!(r.advance(750), plain.advance(750));
    }
    assert_eq!(digest(&r), Digest::of_console(&plain));
}

fn mutated() -> impl Strategy<Value = String> {
    let base = base_session();
    let len = base.len();
    prop_oneof![
        (0..len).prop_map({
            let b = base.clone();
            move |cut| b.get(..cut).unwrap_or_default().to_owned()
        }),
        (0..len, proptest::char::range(' ', '~')).prop_map({
            let b = base.clone();
            move |(at, c)| {
                let mut bytes = b.clone().into_bytes();
                bytes[at] = c as u8;
                String::from_utf8(bytes).unwrap_or_default()
            }
        }),
        (0..len, "[0-9\\-\"{}\\[\\],:a-z]{1,4}").prop_map({
            let b = base.clone();
            move |(at, s)| {
                let mut t = b.clone();
                if t.is_char_boundary(at) {
                    t.insert_str(at, &s);
                }
                t
            }
        }),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Whatever the bytes, reading and replaying answers (a state or a sentence) and never panics.
    #[test]
    fn damaged_documents_are_refused_without_panicking(text in mutated()) {
        let limits = Limits { max_producer_records: 5_000, ..Limits::FILE };
        match Recorder::open(&text, &limits) {
            Ok(r) => {
                let again = Recorder::open(&r.to_json(), &limits).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(digest(&again), digest(&r));
            }
            Err(e) => {
                let msg = e.to_string();
                prop_assert!(msg.starts_with("This ") && msg.ends_with('.'), "{}", msg);
            }
        }
    }
}
