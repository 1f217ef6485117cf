#![cfg(not(target_arch = "wasm32"))]
//! Property tests over random command sequences (style.md habit 5): the engine's invariants hold after every
//! step, checked against a small model of what must be retained.
//!
//! - open shards' hash key ranges partition [0, 2^128) with no gap or overlap;
//! - every record lands in the open shard whose range holds its hash key;
//! - sequence numbers strictly increase within a shard;
//! - a TRIM_HORIZON scan returns every retained record exactly once, in order;
//! - nothing younger than the retention period is ever trimmed, and everything older is;
//! - every iterator type starts where spec 3.5 says;
//! - splits and merges (closed parents keep their records until retention trims them) lose no record;
//! - the engine never panics.

use kinesis_playground::api;
use kinesis_playground::engine::control::Capacity;
use kinesis_playground::engine::hash_key::hash_key_of;
use kinesis_playground::engine::records::PutRecordInput;
use kinesis_playground::engine::{Engine, EngineConfig, SequenceNumber, ShardIteratorType, StreamStatus};
use kinesis_playground::time::{Millis, HOUR};
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;

const NAMES: [&str; 3] = ["alpha", "beta", "gamma"];

#[derive(Debug, Clone)]
enum Cmd {
    Create {
        stream: usize,
        shards: u32,
    },
    Put {
        stream: usize,
        key: String,
        explicit: Option<u128>,
        len: usize,
    },
    PutBatch {
        stream: usize,
        keys: Vec<String>,
    },
    Advance {
        ms: Millis,
    },
    Retention {
        stream: usize,
        hours: i64,
    },
    Read {
        stream: usize,
        shard: u32,
        kind: usize,
        pick: usize,
        limit: usize,
    },
    Delete {
        stream: usize,
    },
    Split {
        stream: usize,
        pick: usize,
        at: u128,
    },
    Merge {
        stream: usize,
        pick: usize,
    },
    /// A settings call through the api (encryption, monitoring, record size, warm throughput, account, policy,
    /// tags by ARN): none may lose a record or break the shard map.
    Configure {
        stream: usize,
        which: usize,
        n: i64,
    },
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z0-9]{1,6}",
        1 => "\\PC{1,4}",
        1 => Just("a".repeat(256)),
    ]
}

fn cmd() -> impl Strategy<Value = Cmd> {
    let stream = 0..NAMES.len();
    prop_oneof![
        2 => (stream.clone(), 1u32..6).prop_map(|(stream, shards)| Cmd::Create { stream, shards }),
        8 => (stream.clone(), key(), proptest::option::weighted(0.3, any::<u128>()), 0usize..40)
            .prop_map(|(stream, key, explicit, len)| Cmd::Put { stream, key, explicit, len }),
        2 => (stream.clone(), proptest::collection::vec(key(), 1..20))
            .prop_map(|(stream, keys)| Cmd::PutBatch { stream, keys }),
        4 => prop_oneof![
            0i64..3_000,
            Just(5_000i64),
            Just(300_001i64),
            Just(HOUR),
            Just(23 * HOUR),
            Just(25 * HOUR),
        ]
        .prop_map(|ms| Cmd::Advance { ms }),
        2 => (stream.clone(), prop_oneof![20i64..30, 24i64..72, Just(8760i64), Just(8761i64)])
            .prop_map(|(stream, hours)| Cmd::Retention { stream, hours }),
        4 => (stream.clone(), 0u32..6, 0usize..5, any::<usize>(), 1usize..5)
            .prop_map(|(stream, shard, kind, pick, limit)| Cmd::Read { stream, shard, kind, pick, limit }),
        1 => stream.clone().prop_map(|stream| Cmd::Delete { stream }),
        2 => (stream.clone(), any::<usize>(), any::<u128>()).prop_map(|(stream, pick, at)| Cmd::Split { stream, pick, at }),
        2 => (stream.clone(), any::<usize>()).prop_map(|(stream, pick)| Cmd::Merge { stream, pick }),
        3 => (stream, 0usize..10, prop_oneof![Just(0i64), Just(1024), Just(10_240), 1i64..12, any::<i64>()])
            .prop_map(|(stream, which, n)| Cmd::Configure { stream, which, n }),
    ]
}

/// One record as the model remembers it.
#[derive(Debug, Clone, PartialEq)]
struct Rec {
    seq: SequenceNumber,
    arrival_ms: Millis,
    key: String,
    data: Vec<u8>,
}

#[derive(Debug, Default)]
struct ModelStream {
    created_ms: Millis,
    retention_ms: Millis,
    shards: BTreeMap<u32, Vec<Rec>>,
    last_seq: BTreeMap<u32, SequenceNumber>,
}

#[derive(Debug, Default)]
struct Model {
    streams: BTreeMap<String, ModelStream>,
}

impl Model {
    /// Forgets streams the engine no longer has (deleted, or deleted and re-created).
    fn sync(&mut self, e: &Engine) {
        self.streams.retain(|name, m| e.stream(name).is_some_and(|s| s.created_ms == m.created_ms));
    }

    fn trim(&mut self, now: Millis) {
        for m in self.streams.values_mut() {
            let cutoff = now - m.retention_ms;
            for recs in m.shards.values_mut() {
                recs.retain(|r| r.arrival_ms >= cutoff);
            }
        }
    }

    fn record_put(&mut self, name: &str, shard: u32, rec: Rec) -> Result<(), TestCaseError> {
        let m = self.streams.get_mut(name).ok_or_else(|| TestCaseError::fail("put to an unknown stream"))?;
        if let Some(prev) = m.last_seq.get(&shard) {
            prop_assert!(
                prev.to_u256() < rec.seq.to_u256(),
                "sequence numbers strictly increase within {name}/{shard}: {prev} then {}",
                rec.seq
            );
        }
        prop_assert_eq!(rec.seq.shard_index, shard);
        m.last_seq.insert(shard, rec.seq);
        m.shards.entry(shard).or_default().push(rec);
        Ok(())
    }
}

fn data(len: usize, salt: usize) -> Vec<u8> {
    (0..len).map(|i| (i.wrapping_mul(31) ^ salt) as u8).collect()
}

/// Reads a whole shard from `token` on, `limit` records per call, until a read returns nothing.
fn scan(e: &mut Engine, mut token: String, limit: usize) -> Result<Vec<Rec>, TestCaseError> {
    let mut out = Vec::new();
    for _ in 0..10_000 {
        let r = e.get_records(&token, Some(limit)).map_err(|err| TestCaseError::fail(format!("GetRecords: {err}")))?;
        if r.records.is_empty() {
            return Ok(out);
        }
        out.extend(r.records.into_iter().map(|x| Rec {
            seq: x.sequence_number,
            arrival_ms: x.arrival_ms,
            key: x.partition_key.to_owned(),
            data: x.data.to_vec(),
        }));
        token = match r.next_shard_iterator {
            Some(t) => t,
            None => return Ok(out),
        };
    }
    Err(TestCaseError::fail("a scan that never ends"))
}

fn check_invariants(e: &mut Engine, model: &Model) -> Result<(), TestCaseError> {
    let now = e.now_ms();
    let mut total = 0usize;
    let mut to_scan = Vec::new();
    for s in e.streams() {
        // A stream deleted while CREATING has no shards to show.
        if s.status == StreamStatus::Deleting && s.shards.is_empty() {
            continue;
        }
        // Open shards' ranges partition [0, 2^128).
        let ranges = s.open_ranges();
        prop_assert!(!ranges.is_empty(), "{} has open shards", s.name);
        prop_assert_eq!(ranges[0].starting_hash_key, 0);
        prop_assert_eq!(ranges[ranges.len() - 1].ending_hash_key, u128::MAX);
        for w in ranges.windows(2) {
            prop_assert_eq!(w[0].ending_hash_key.checked_add(1), Some(w[1].starting_hash_key), "no gap, no overlap");
        }
        total += s.record_count();
        if s.status == StreamStatus::Creating {
            continue;
        }
        let m = model.streams.get(&s.name).ok_or_else(|| TestCaseError::fail("the model knows every stream"))?;
        prop_assert_eq!(Millis::from(s.retention_hours) * HOUR, m.retention_ms);
        for shard in &s.shards {
            to_scan.push((s.name.clone(), shard.index, shard.shard_id()));
        }
    }
    for (name, index, sid) in to_scan {
        let m = model.streams.get(&name).ok_or_else(|| TestCaseError::fail("the model knows every stream"))?;
        let token = e
            .get_shard_iterator(&name, &sid, ShardIteratorType::TrimHorizon, None, None)
            .map_err(|err| TestCaseError::fail(format!("TRIM_HORIZON: {err}")))?;
        let got = scan(e, token, 7)?;
        let expected = m.shards.get(&index).cloned().unwrap_or_default();
        // Every retained record exactly once, in order; nothing younger than retention trimmed.
        prop_assert_eq!(&got, &expected, "TRIM_HORIZON scan of {}/{}", name, index);
        for r in &got {
            prop_assert!(r.arrival_ms >= now - m.retention_ms, "nothing older than retention is readable");
        }
    }
    prop_assert_eq!(e.retained_records(), total);
    let modelled: usize = model
        .streams
        .iter()
        .filter(|(n, _)| e.stream(n).is_some_and(|s| s.status != StreamStatus::Creating))
        .map(|(_, m)| m.shards.values().map(Vec::len).sum::<usize>())
        .sum();
    prop_assert_eq!(modelled, total);
    Ok(())
}

/// Checks one iterator of `kind` against the model: the first record it returns is the one spec 3.5 names.
fn check_read(e: &mut Engine, model: &Model, cmd: &Cmd) -> Result<(), TestCaseError> {
    let Cmd::Read { stream, shard, kind, pick, limit } = *cmd else {
        return Ok(());
    };
    let name = NAMES[stream];
    let Some(m) = model.streams.get(name) else {
        return Ok(());
    };
    if e.stream(name).is_none_or(|s| s.status == StreamStatus::Creating || s.shard(shard).is_none()) {
        return Ok(());
    }
    let recs = m.shards.get(&shard).cloned().unwrap_or_default();
    let kind = ShardIteratorType::ALL[kind];
    let picked = (!recs.is_empty()).then(|| recs[pick % recs.len()].clone());
    let sid = format!("shardId-{shard:012}");
    let (seq_text, ts, expected): (Option<String>, Option<Millis>, Vec<Rec>) = match kind {
        ShardIteratorType::TrimHorizon => (None, None, recs.clone()),
        ShardIteratorType::Latest => (None, None, Vec::new()),
        ShardIteratorType::AtSequenceNumber | ShardIteratorType::AfterSequenceNumber => {
            let Some(p) = picked else { return Ok(()) };
            let from = recs.iter().position(|r| r.seq == p.seq).unwrap_or(0)
                + usize::from(kind == ShardIteratorType::AfterSequenceNumber);
            (Some(p.seq.to_string()), None, recs[from..].to_vec())
        }
        ShardIteratorType::AtTimestamp => {
            let t = picked.map_or(e.now_ms(), |p| p.arrival_ms + (pick % 3) as Millis - 1).min(e.now_ms());
            (None, Some(t), recs.iter().filter(|r| r.arrival_ms >= t).cloned().collect())
        }
    };
    let token = e
        .get_shard_iterator(name, &sid, kind, seq_text.as_deref(), ts)
        .map_err(|err| TestCaseError::fail(format!("{kind:?}: {err}")))?;
    let got = scan(e, token, limit)?;
    prop_assert_eq!(got, expected, "{:?} on {}/{}", kind, name, shard);
    Ok(())
}

/// A record lands in the open shard whose range holds its hash key.
fn check_routing(e: &Engine, name: &str, shard: u32, hash_key: u128) -> Result<(), TestCaseError> {
    let s = e.stream(name).and_then(|s| s.shard(shard)).ok_or_else(|| TestCaseError::fail("the shard exists"))?;
    prop_assert!(s.is_open(), "{name}/{shard} is open");
    prop_assert!(s.hash_key_range.contains(hash_key), "{name}/{shard} owns {hash_key}");
    Ok(())
}

fn run(cmds: &[Cmd]) -> Result<(), TestCaseError> {
    let mut e =
        Engine::new(EngineConfig { max_retained_records: 400, enforce_throughput: false, ..EngineConfig::default() });
    let mut model = Model::default();
    for (i, cmd) in cmds.iter().enumerate() {
        match cmd {
            Cmd::Create { stream, shards } => {
                let name = NAMES[*stream];
                if e.create_stream(name, Capacity::Provisioned { shard_count: *shards }, BTreeMap::new()).is_ok() {
                    let created_ms = e.stream(name).map(|s| s.created_ms).unwrap_or_default();
                    model.streams.insert(
                        name.to_owned(),
                        ModelStream { created_ms, retention_ms: 24 * HOUR, ..ModelStream::default() },
                    );
                }
            }
            Cmd::Put { stream, key, explicit, len } => {
                let name = NAMES[*stream];
                let payload = data(*len, i);
                let input = PutRecordInput { partition_key: key, data: &payload, explicit_hash_key: *explicit };
                if let Ok(r) = e.put_record(name, &input, None) {
                    check_routing(&e, name, r.shard_index, explicit.unwrap_or_else(|| hash_key_of(key)))?;
                    let rec = Rec { seq: r.sequence_number, arrival_ms: e.now_ms(), key: key.clone(), data: payload };
                    model.record_put(name, r.shard_index, rec)?;
                }
            }
            Cmd::PutBatch { stream, keys } => {
                let name = NAMES[*stream];
                let payloads: Vec<Vec<u8>> = keys.iter().enumerate().map(|(j, _)| data(j % 5, i + j)).collect();
                let inputs: Vec<PutRecordInput<'_>> = keys
                    .iter()
                    .zip(&payloads)
                    .map(|(k, d)| PutRecordInput { partition_key: k, data: d, explicit_hash_key: None })
                    .collect();
                if let Ok(results) = e.put_records(name, &inputs) {
                    prop_assert_eq!(results.len(), keys.len());
                    for ((r, k), d) in results.into_iter().zip(keys).zip(&payloads) {
                        if let Ok(r) = r {
                            check_routing(&e, name, r.shard_index, hash_key_of(k))?;
                            let rec =
                                Rec { seq: r.sequence_number, arrival_ms: e.now_ms(), key: k.clone(), data: d.clone() };
                            model.record_put(name, r.shard_index, rec)?;
                        }
                    }
                }
            }
            Cmd::Advance { ms } => {
                e.advance(*ms);
                model.sync(&e);
                model.trim(e.now_ms());
            }
            Cmd::Retention { stream, hours } => {
                let name = NAMES[*stream];
                let current = e.stream(name).map(|s| i64::from(s.retention_hours));
                let result = match current {
                    Some(c) if *hours < c => e.decrease_retention(name, *hours),
                    _ => e.increase_retention(name, *hours),
                };
                let in_range = (24..=8760).contains(hours);
                if result.is_ok() {
                    prop_assert!(in_range, "{hours} hours accepted");
                    if let Some(m) = model.streams.get_mut(name) {
                        m.retention_ms = hours * HOUR;
                    }
                    model.trim(e.now_ms());
                } else if current.is_some() && !in_range {
                    let err = result.err().map(|x| x.error_type.aws_name()).unwrap_or_default();
                    prop_assert_eq!(err, "InvalidArgumentException");
                }
            }
            Cmd::Read { .. } => check_read(&mut e, &model, cmd)?,
            Cmd::Delete { stream } => {
                let _ = e.delete_stream(NAMES[*stream]);
            }
            Cmd::Split { stream, pick, at } => {
                let name = NAMES[*stream];
                let open: Vec<_> = e.stream(name).map(|s| s.open_shards().cloned().collect()).unwrap_or_default();
                if let Some(shard) = (!open.is_empty()).then(|| &open[pick % open.len()]) {
                    let r = shard.hash_key_range;
                    let k = r.starting_hash_key.saturating_add(2).saturating_add(at % r.span().max(1));
                    let _ = e.split_shard(name, &shard.shard_id(), &k.to_string());
                }
            }
            Cmd::Merge { stream, pick } => {
                let name = NAMES[*stream];
                let mut open: Vec<_> = e.stream(name).map(|s| s.open_shards().cloned().collect()).unwrap_or_default();
                open.sort_by_key(|s| s.hash_key_range);
                if open.len() >= 2 {
                    let i = pick % (open.len() - 1);
                    let _ = e.merge_shards(name, &open[i].shard_id(), &open[i + 1].shard_id());
                }
            }
            Cmd::Configure { stream, which, n } => {
                let name = NAMES[*stream];
                let arn = e.stream_arn(name);
                let key = if n % 2 == 0 { "alias/aws/kinesis" } else { "alias/other" };
                let (op, req) = match which {
                    0 => ("StartStreamEncryption", json!({"StreamName": name, "EncryptionType": "KMS", "KeyId": key})),
                    1 => ("StopStreamEncryption", json!({"StreamName": name, "EncryptionType": "KMS", "KeyId": key})),
                    2 => ("EnableEnhancedMonitoring", json!({"StreamName": name, "ShardLevelMetrics": ["ALL"]})),
                    3 => (
                        "DisableEnhancedMonitoring",
                        json!({"StreamName": name, "ShardLevelMetrics": ["IncomingBytes"]}),
                    ),
                    4 => ("UpdateMaxRecordSize", json!({"StreamARN": arn, "MaxRecordSizeInKiB": n})),
                    5 => ("UpdateStreamWarmThroughput", json!({"StreamName": name, "WarmThroughputMiBps": n})),
                    6 => {
                        let status = if n % 2 == 0 { "ENABLED" } else { "DISABLED" };
                        ("UpdateAccountSettings", json!({"MinimumThroughputBillingCommitment": {"Status": status}}))
                    }
                    7 => ("TagResource", json!({"ResourceARN": arn, "Tags": {format!("k{}", n % 60): "v"}})),
                    8 => ("PutResourcePolicy", json!({"ResourceARN": arn, "Policy": "{\"Statement\": []}"})),
                    _ => (
                        "UpdateStreamMode",
                        json!({"StreamARN": arn, "StreamModeDetails": {"StreamMode": if n % 2 == 0 { "ON_DEMAND" } else { "PROVISIONED" }}, "WarmThroughputMiBps": n % 8}),
                    ),
                };
                let _ = api::call(&mut e, op, &req);
            }
        }
        model.sync(&e);
        check_invariants(&mut e, &model)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_over_random_command_sequences(cmds in proptest::collection::vec(cmd(), 1..60)) {
        run(&cmds)?;
    }
}
