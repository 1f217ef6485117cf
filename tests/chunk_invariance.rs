#![cfg(not(target_arch = "wasm32"))]
//! Advancing simulated time is chunk-invariant: letting `a + b` milliseconds pass at once leaves exactly the state
//! that letting `a` and then `b` pass leaves, for the engine alone (status transitions, retention, on-demand
//! scaling) and for the console with its producers. Saved sessions depend on it: the page's live clock advances in
//! frame-sized chunks, and a session logs their sum (`src/session/mod.rs`).
//!
//! Each case runs one random script twice, once with every advance whole and once cut into random chunks
//! (zero-length ones included), and compares every response and the whole final state ([`Digest`]).

use kinesis_playground::api;
use kinesis_playground::cli::{Console, ConsoleConfig};
use kinesis_playground::engine::{Engine, EngineConfig, DEFAULT_START_MS};
use kinesis_playground::session::Digest;
use kinesis_playground::time::{Millis, HOUR, MINUTE};
use proptest::prelude::*;
use serde_json::{json, Value};

const STREAMS: [&str; 2] = ["alpha", "beta"];

/// Cuts `ms` into chunks: the sizes in `cuts` first (the last one shortened), then whatever is left.
fn chunks(ms: Millis, cuts: &[Millis]) -> Vec<Millis> {
    let mut left = ms;
    let mut out = Vec::new();
    for &c in cuts {
        let c = c.min(left);
        out.push(c);
        left -= c;
    }
    out.push(left);
    out
}

fn advance_ms() -> impl Strategy<Value = Millis> {
    prop_oneof![
        6 => 0i64..3_000,
        1 => Just(5_000i64),
        1 => 59_000i64..61_000,
        1 => Just(16 * MINUTE),
        1 => Just(HOUR + 7),
        1 => Just(25 * HOUR),
    ]
}

fn cuts() -> impl Strategy<Value = Vec<Millis>> {
    proptest::collection::vec(prop_oneof![Just(0i64), 1i64..150, 150i64..5_000], 0..24)
}

#[derive(Debug, Clone)]
enum Op {
    Create {
        stream: usize,
        shards: u32,
        on_demand: bool,
    },
    Put {
        stream: usize,
        key: u8,
        explicit: bool,
    },
    /// PutRecords in batches of 500, enough within one second to make an on-demand stream scale.
    Burst {
        stream: usize,
        records: u32,
    },
    Iterator {
        stream: usize,
        shard: u32,
        kind: usize,
    },
    Read {
        pick: usize,
        limit: u32,
    },
    Split {
        stream: usize,
        shard: u32,
    },
    Merge {
        stream: usize,
        pick: usize,
    },
    ShardCount {
        stream: usize,
        target: u32,
    },
    Mode {
        stream: usize,
        on_demand: bool,
    },
    Retention {
        stream: usize,
        hours: i64,
    },
    Delete {
        stream: usize,
    },
    Advance {
        ms: Millis,
        cuts: Vec<Millis>,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let s = 0..STREAMS.len();
    prop_oneof![
        2 => (s.clone(), 1u32..5, any::<bool>()).prop_map(|(stream, shards, on_demand)| Op::Create { stream, shards, on_demand }),
        6 => (s.clone(), any::<u8>(), any::<bool>()).prop_map(|(stream, key, explicit)| Op::Put { stream, key, explicit }),
        3 => (s.clone(), prop_oneof![1u32..600, 2_100u32..3_200]).prop_map(|(stream, records)| Op::Burst { stream, records }),
        3 => (s.clone(), 0u32..8, 0usize..4).prop_map(|(stream, shard, kind)| Op::Iterator { stream, shard, kind }),
        3 => (any::<usize>(), 1u32..50).prop_map(|(pick, limit)| Op::Read { pick, limit }),
        1 => (s.clone(), 0u32..8).prop_map(|(stream, shard)| Op::Split { stream, shard }),
        1 => (s.clone(), any::<usize>()).prop_map(|(stream, pick)| Op::Merge { stream, pick }),
        1 => (s.clone(), 1u32..9).prop_map(|(stream, target)| Op::ShardCount { stream, target }),
        1 => (s.clone(), any::<bool>()).prop_map(|(stream, on_demand)| Op::Mode { stream, on_demand }),
        1 => (s.clone(), 24i64..30).prop_map(|(stream, hours)| Op::Retention { stream, hours }),
        1 => s.prop_map(|stream| Op::Delete { stream }),
        8 => (advance_ms(), cuts()).prop_map(|(ms, cuts)| Op::Advance { ms, cuts }),
    ]
}

fn call(e: &mut Engine, operation: &str, request: Value) -> String {
    match api::call(e, operation, &request) {
        Ok(v) => v.to_string(),
        Err(err) => format!("{}: {}", err.error_type.aws_name(), err.message),
    }
}

/// Runs `ops` on a fresh engine; every advance whole, or cut into its chunks. Returns every response and the state.
fn run_engine(ops: &[Op], chunked: bool) -> (Vec<String>, Digest) {
    let mut e = Engine::new(EngineConfig { start_time_ms: DEFAULT_START_MS + 450, ..EngineConfig::default() });
    // Every script starts with a provisioned and an on-demand stream, ACTIVE: the random steps then mostly act on
    // streams that exist (and bursts on the on-demand one make it scale).
    call(&mut e, "CreateStream", json!({"StreamName": STREAMS[0], "ShardCount": 2}));
    call(&mut e, "CreateStream", json!({"StreamName": STREAMS[1], "StreamModeDetails": {"StreamMode": "ON_DEMAND"}}));
    e.advance(5_000);
    let mut iterators: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for op in ops {
        let response = match op {
            Op::Create { stream, shards, on_demand } => {
                let mut r = json!({"StreamName": STREAMS[*stream]});
                if *on_demand {
                    r["StreamModeDetails"] = json!({"StreamMode": "ON_DEMAND"});
                } else {
                    r["ShardCount"] = json!(shards);
                }
                call(&mut e, "CreateStream", r)
            }
            Op::Put { stream, key, explicit } => {
                let mut r = json!({"StreamName": STREAMS[*stream], "PartitionKey": format!("k{key}"), "Data": "aGk="});
                if *explicit {
                    r["ExplicitHashKey"] = json!((u128::from(*key) << 120).to_string());
                }
                call(&mut e, "PutRecord", r)
            }
            Op::Burst { stream, records } => {
                let mut answers = Vec::new();
                for batch in (0..*records).collect::<Vec<_>>().chunks(500) {
                    let entries: Vec<Value> =
                        batch.iter().map(|i| json!({"PartitionKey": format!("b{i}"), "Data": "eA=="})).collect();
                    answers.push(call(
                        &mut e,
                        "PutRecords",
                        json!({"StreamName": STREAMS[*stream], "Records": entries}),
                    ));
                }
                answers.join("\n")
            }
            Op::Iterator { stream, shard, kind } => {
                let types = ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP", "TRIM_HORIZON"];
                let mut r = json!({"StreamName": STREAMS[*stream], "ShardId": format!("shardId-{shard:012}"), "ShardIteratorType": types[*kind]});
                if *kind == 2 {
                    r["Timestamp"] = json!((e.now_ms() - 3_000) as f64 / 1000.0);
                }
                let answer = call(&mut e, "GetShardIterator", r);
                if let Some(token) = serde_json::from_str::<Value>(&answer)
                    .ok()
                    .and_then(|v| v["ShardIterator"].as_str().map(str::to_owned))
                {
                    iterators.push(token);
                }
                answer
            }
            Op::Read { pick, limit } => match iterators.get(pick % iterators.len().max(1)).cloned() {
                Some(token) => {
                    let answer = call(&mut e, "GetRecords", json!({"ShardIterator": token, "Limit": limit}));
                    if let Some(next) = serde_json::from_str::<Value>(&answer)
                        .ok()
                        .and_then(|v| v["NextShardIterator"].as_str().map(str::to_owned))
                    {
                        iterators.push(next);
                    }
                    answer
                }
                None => String::new(),
            },
            Op::Split { stream, shard } => {
                let mid = e.stream(STREAMS[*stream]).and_then(|s| s.shard(*shard)).map(|s| s.hash_key_range.midpoint());
                let key = mid.unwrap_or(1 << 127).to_string();
                let id = format!("shardId-{shard:012}");
                call(
                    &mut e,
                    "SplitShard",
                    json!({"StreamName": STREAMS[*stream], "ShardToSplit": id, "NewStartingHashKey": key}),
                )
            }
            Op::Merge { stream, pick } => {
                let open = e.stream(STREAMS[*stream]).map(|s| s.open_ranges()).unwrap_or_default();
                let ids: Vec<String> = e
                    .stream(STREAMS[*stream])
                    .map(|s| {
                        let mut v: Vec<_> = s.open_shards().map(|sh| (sh.hash_key_range, sh.shard_id())).collect();
                        v.sort();
                        v.into_iter().map(|(_, id)| id).collect()
                    })
                    .unwrap_or_default();
                if ids.len() < 2 || open.len() < 2 {
                    String::new()
                } else {
                    let i = pick % (ids.len() - 1);
                    call(
                        &mut e,
                        "MergeShards",
                        json!({"StreamName": STREAMS[*stream], "ShardToMerge": ids[i], "AdjacentShardToMerge": ids[i + 1]}),
                    )
                }
            }
            Op::ShardCount { stream, target } => call(
                &mut e,
                "UpdateShardCount",
                json!({"StreamName": STREAMS[*stream], "TargetShardCount": target, "ScalingType": "UNIFORM_SCALING"}),
            ),
            Op::Mode { stream, on_demand } => {
                let arn = e.stream_arn(STREAMS[*stream]);
                let mode = if *on_demand { "ON_DEMAND" } else { "PROVISIONED" };
                call(&mut e, "UpdateStreamMode", json!({"StreamARN": arn, "StreamModeDetails": {"StreamMode": mode}}))
            }
            Op::Retention { stream, hours } => {
                let current = e.stream(STREAMS[*stream]).map_or(24, |s| i64::from(s.retention_hours));
                let operation =
                    if *hours >= current { "IncreaseStreamRetentionPeriod" } else { "DecreaseStreamRetentionPeriod" };
                call(&mut e, operation, json!({"StreamName": STREAMS[*stream], "RetentionPeriodHours": hours}))
            }
            Op::Delete { stream } => call(&mut e, "DeleteStream", json!({"StreamName": STREAMS[*stream]})),
            Op::Advance { ms, cuts } => {
                if chunked {
                    for c in chunks(*ms, cuts) {
                        e.advance(c);
                    }
                } else {
                    e.advance(*ms);
                }
                format!("now {}", e.now_ms())
            }
        };
        out.push(response);
    }
    (out, Digest::of_engine(&e))
}

/// Console lines for the producer cases: streams of both modes, producers and data generators at fractional rates
/// per step and at a rate that throttles a hot key, pauses, throttling switched, resets. (On-demand scaling under producers has its
/// own test below: the load it needs is slow to write in a debug build.)
fn line() -> impl Strategy<Value = String> {
    let lines = [
        "aws kinesis create-stream --stream-name alpha --shard-count 2",
        "aws kinesis create-stream --stream-name beta --stream-mode-details StreamMode=ON_DEMAND",
        "sim producer add --stream-name alpha --rate 7 --keys 3",
        "sim producer add --stream-name alpha --rate 234 --keys 40",
        "sim producer add --stream-name alpha --rate 1300 --hot-key celebrity --hot-share 0.9",
        "sim producer add --stream-name beta --rate 45 --keys 500",
        "sim producer add --stream-name nope --rate 30",
        "sim producer pause 1",
        "sim producer resume 1",
        "sim producer pause 2",
        "sim producer remove 2",
        "sim producer remove 1",
        "sim throttling off",
        "sim throttling on",
        "aws kinesis put-record --stream-name alpha --partition-key k --data aGk=",
        "aws kinesis delete-stream --stream-name alpha",
        "sim clock advance 1500ms",
        "sim producer list",
        "sim generator add --stream-name alpha --rate 13 --preset atm",
        "sim generator add --stream-name alpha --rate 1100 --template '{\"t\": \"{{time}}\", \"v\": {{decimal 0 9}}}' --hot-key h --hot-share 0.8",
        "sim generator add --stream-name beta --rate 70 --preset clickstream",
        "sim generator add --stream-name alpha --rate 9 --template '{{counter}}' --partition-key 'k-{{int 1 5}}'",
        "sim generator pause 1",
        "sim generator resume 1",
        "sim generator remove 2",
        "sim generator list",
        "sim consumer-app add --stream-name alpha --app-name kcl --workers 2",
        "sim consumer-app add --stream-name alpha --app-name fan --workers 1 --enhanced-fan-out",
        "sim consumer-app worker add --app-name kcl",
        "sim consumer-app worker stop --app-name kcl --worker worker-1",
        "sim consumer-app worker remove --app-name kcl",
        "sim consumer-app remove --app-name fan",
        "aws kinesis split-shard --stream-name alpha --shard-to-split shardId-000000000000 --new-starting-hash-key 85070591730234615865843651857942052864",
    ];
    prop_oneof![
        30 => (0..lines.len()).prop_map(move |i| lines[i].to_owned()),
        1 => Just("sim reset".to_owned()),
    ]
}

#[derive(Debug, Clone)]
enum Step {
    Line(String),
    Advance { ms: Millis, cuts: Vec<Millis> },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => line().prop_map(Step::Line),
        3 => (prop_oneof![8 => 0i64..1_200, 1 => 1_200i64..3_000], cuts()).prop_map(|(ms, cuts)| Step::Advance { ms, cuts }),
    ]
}

fn run_console(steps: &[Step], chunked: bool) -> (Vec<String>, Digest) {
    let mut c = Console::new(ConsoleConfig { start_time_ms: DEFAULT_START_MS + 1_234, seed: 9 });
    let mut out = Vec::new();
    for s in steps {
        match s {
            Step::Line(l) => {
                let o = c.run(l);
                out.push(format!("{}{}{}", o.stdout, o.stderr, o.exit_code));
            }
            Step::Advance { ms, cuts } => {
                let pieces = if chunked { chunks(*ms, cuts) } else { vec![*ms] };
                let (mut w, mut t, mut f) = (0, 0, 0);
                for p in pieces {
                    let r = c.advance(p);
                    (w, t, f) = (w + r.written, t + r.throttled, f + r.failed);
                }
                out.push(format!("wrote {w}, throttled {t}, failed {f}"));
            }
        }
    }
    (out, Digest::of_console(&c))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn the_engine_advances_the_same_in_one_step_or_in_chunks(ops in proptest::collection::vec(op(), 1..40)) {
        let (whole, a) = run_engine(&ops, false);
        let (chunked, b) = run_engine(&ops, true);
        prop_assert_eq!(whole, chunked);
        prop_assert!(a == b, "{}", a.first_difference(&b).unwrap_or_default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn producers_write_the_same_in_one_step_or_in_chunks(steps in proptest::collection::vec(step(), 1..24)) {
        let (whole, a) = run_console(&steps, false);
        let (chunked, b) = run_console(&steps, true);
        prop_assert_eq!(whole, chunked);
        prop_assert!(a == b, "{}", a.first_difference(&b).unwrap_or_default());
    }
}

/// The on-demand scaling path for certain: sustained load from a producer makes the stream scale up once, then
/// again after 15 minutes, at the same moments whether time passes in 4 ms frames or in one go.
#[test]
fn on_demand_scaling_happens_at_the_same_moments_in_any_chunking() {
    let script = |frame: Millis| {
        let mut c = Console::new(ConsoleConfig { start_time_ms: DEFAULT_START_MS, seed: 1 });
        let pass = |c: &mut Console, ms: Millis, frame: Millis| {
            let mut left = ms;
            while left > 0 {
                let step = frame.min(left);
                c.advance(step);
                left -= step;
            }
        };
        c.run("aws kinesis create-stream --stream-name OD --stream-mode-details StreamMode=ON_DEMAND");
        pass(&mut c, 5_000, frame);
        c.run("sim producer add --stream-name OD --rate 3000 --keys 1000");
        pass(&mut c, 1_500, frame);
        c.run("sim producer pause 1");
        let first = c.engine().stream("OD").map(|s| s.open_shard_count());
        // Idle time needs no tiny frames to be tested (and 4 ms frames over 15 minutes are slow in a debug build).
        pass(&mut c, 15 * MINUTE, frame.max(250));
        c.run("sim producer resume 1");
        c.run("sim producer add --stream-name OD --rate 3000 --keys 1000");
        pass(&mut c, 1_500, frame);
        let second = c.engine().stream("OD").map(|s| s.open_shard_count());
        (first, second, Digest::of_console(&c))
    };
    let (first, second, whole) = script(Millis::MAX);
    assert!(first.is_some_and(|n| n > 4), "scaled up under 3,000 records/s: {first:?}");
    assert!(second > first, "scaled up again after 15 minutes: {first:?} then {second:?}");
    for frame in [4, 333] {
        let (f, s, chunked) = script(frame);
        assert_eq!((f, s), (first, second));
        assert!(chunked == whole, "frames of {frame} ms: {}", chunked.first_difference(&whole).unwrap_or_default());
    }
}
