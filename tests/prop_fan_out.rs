#![cfg(not(target_arch = "wasm32"))]
//! Properties of enhanced fan-out over random sequences of writes, time, splits, merges and consumer restarts:
//! every record reaches each registered consumer exactly once and in per-shard order, across subscriptions renewed
//! from their ContinuationSequenceNumber every 5 minutes (and after restarts), with each partition key's records in
//! the order they were written when a consumer finishes parents before children, as the ChildShards tell it.
mod common;
mod fan_out_support;
use common::*;
use fan_out_support::*;
use kinesis_playground::api::ops::consumers::subscribe_to_shard::{EventStream, StreamMessage};
use kinesis_playground::engine::fan_out::EndReason;
use kinesis_playground::engine::{parse_shard_id, shard_id, Engine};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
enum Op {
    Put {
        key: u8,
    },
    Advance {
        ms: u32,
    },
    Split {
        pick: u8,
    },
    Merge {
        pick: u8,
    },
    /// A consumer closes all its connections (and subscribes again from its continuation later).
    Restart {
        consumer: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => any::<u8>().prop_map(|key| Op::Put { key }),
        4 => (0u32..20_000).prop_map(|ms| Op::Advance { ms }),
        1 => any::<u8>().prop_map(|pick| Op::Split { pick }),
        1 => any::<u8>().prop_map(|pick| Op::Merge { pick }),
        1 => any::<u8>().prop_map(|consumer| Op::Restart { consumer }),
    ]
}

/// A consumer that follows the SubscribeToShard protocol: a shard's subscription is renewed from the last
/// ContinuationSequenceNumber; a child shard is read (from TRIM_HORIZON) only once all its parents have ended.
struct Client {
    arn: String,
    /// Shards it knows of (the stream's first shards, then the ChildShards it was told about), with their parents.
    known: BTreeMap<u32, Vec<u32>>,
    open: BTreeMap<u32, EventStream>,
    continuation: BTreeMap<u32, String>,
    finished: BTreeSet<u32>,
    /// (shard, sequence number, partition key) in the order received.
    got: Vec<(u32, String, String)>,
    renewals: usize,
}

impl Client {
    fn new(arn: String, shards: &[u32]) -> Self {
        Client {
            arn,
            known: shards.iter().map(|&s| (s, Vec::new())).collect(),
            open: BTreeMap::new(),
            continuation: BTreeMap::new(),
            finished: BTreeSet::new(),
            got: Vec::new(),
            renewals: 0,
        }
    }

    /// Reads every open subscription, then subscribes where it may.
    fn step(&mut self, e: &mut Engine) {
        let shards: Vec<u32> = self.open.keys().copied().collect();
        for shard in shards {
            let messages = self.open[&shard].poll(e);
            self.take(shard, &messages);
        }
        let ready: Vec<u32> = self
            .known
            .iter()
            .filter(|(s, parents)| {
                !self.finished.contains(s)
                    && !self.open.contains_key(s)
                    && parents.iter().all(|p| self.finished.contains(p))
            })
            .map(|(s, _)| *s)
            .collect();
        for shard in ready {
            let position = match self.continuation.get(&shard) {
                Some(seq) => json!({"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": seq}),
                None => json!({"Type": "TRIM_HORIZON"}),
            };
            match try_subscribe(e, &self.arn, &shard_id(shard), position) {
                Ok(es) => {
                    if self.continuation.contains_key(&shard) {
                        self.renewals += 1;
                    }
                    self.open.insert(shard, es);
                }
                // Too soon after the last call (5-second rule, one call a second): try again later.
                Err(err) => assert!(
                    matches!(err.error_type.aws_name(), "ResourceInUseException" | "LimitExceededException"),
                    "{err}"
                ),
            }
        }
    }

    fn take(&mut self, shard: u32, messages: &[StreamMessage]) {
        for m in messages {
            match m {
                StreamMessage::Event { payload, .. } => {
                    for r in payload["Records"].as_array().expect("Records") {
                        let seq = r["SequenceNumber"].as_str().expect("seq").to_owned();
                        self.got.push((shard, seq, r["PartitionKey"].as_str().expect("key").to_owned()));
                    }
                    if let Some(c) = payload["ContinuationSequenceNumber"].as_str() {
                        self.continuation.insert(shard, c.to_owned());
                    }
                    if let Some(children) = payload.get("ChildShards").and_then(Value::as_array) {
                        assert!(payload.get("ContinuationSequenceNumber").is_none());
                        for c in children {
                            let id = parse_shard_id(c["ShardId"].as_str().expect("ShardId")).expect("shard id");
                            let parents = c["ParentShards"]
                                .as_array()
                                .expect("ParentShards")
                                .iter()
                                .map(|p| parse_shard_id(p.as_str().expect("parent")).expect("parent id"))
                                .collect();
                            self.known.insert(id, parents);
                        }
                    }
                }
                StreamMessage::Exception { error, .. } => panic!("unexpected exception event: {error}"),
                StreamMessage::End { reason, .. } => {
                    self.open.remove(&shard);
                    match reason {
                        EndReason::ShardEnd => {
                            self.finished.insert(shard);
                        }
                        EndReason::Expired | EndReason::Cancelled => {}
                        EndReason::Exception(t) => panic!("ended by {t}"),
                    }
                }
            }
        }
    }

    fn restart(&mut self, e: &mut Engine) {
        for es in self.open.values() {
            es.cancel(e);
        }
        // What was pushed before the close is still read.
        let shards: Vec<u32> = self.open.keys().copied().collect();
        for shard in shards {
            let messages = self.open[&shard].poll(e);
            // It ends: closed now, or by its own end (a closed shard's) at the same moment.
            assert!(matches!(messages.last(), Some(StreamMessage::End { .. })), "{messages:?}");
            self.take(shard, &messages);
        }
    }
}

fn open_shards_by_range(e: &Engine) -> Vec<(u32, u128)> {
    let mut open: Vec<(u32, u128)> = e
        .stream("S")
        .expect("the stream")
        .open_shards()
        .map(|s| (s.index, s.hash_key_range.starting_hash_key))
        .collect();
    open.sort_by_key(|&(_, start)| start);
    open
}

/// Runs the scenario and checks the properties; returns (the fewest renewals a consumer made, shards created).
fn run(shards: u32, ops: &[Op]) -> Result<(usize, u32), TestCaseError> {
    let mut e = engine();
    active_stream(&mut e, "S", shards);
    let arns = [register(&mut e, "S", "one"), register(&mut e, "S", "two")];
    e.advance(e.config().create_delay_ms);
    let first: Vec<u32> = (0..shards).collect();
    let mut clients: Vec<Client> = arns.iter().map(|a| Client::new(a.clone(), &first)).collect();
    // Every record written: (partition key, shard, sequence number), in write order.
    let mut written: Vec<(String, u32, String)> = Vec::new();
    let mut n = 0u32;
    for op in ops {
        match op {
            Op::Put { key } => {
                let key = format!("k{}", key % 8);
                n += 1;
                let (shard, seq) = put(&mut e, "S", &key, &format!("r{n}"));
                written.push((key, parse_shard_id(&shard).expect("shard"), seq));
            }
            Op::Advance { ms } => e.advance(i64::from(*ms)),
            Op::Split { pick } => {
                let open = open_shards_by_range(&e);
                if open.len() < 6 {
                    let (index, _) = open[usize::from(*pick) % open.len()];
                    let shard = e.stream("S").unwrap().shard(index).unwrap().hash_key_range;
                    let _ = kinesis_playground::api::call(
                        &mut e,
                        "SplitShard",
                        &json!({"StreamName": "S", "ShardToSplit": shard_id(index), "NewStartingHashKey": shard.midpoint().to_string()}),
                    );
                }
            }
            Op::Merge { pick } => {
                let open = open_shards_by_range(&e);
                if open.len() > 1 {
                    let i = usize::from(*pick) % (open.len() - 1);
                    let _ = kinesis_playground::api::call(
                        &mut e,
                        "MergeShards",
                        &json!({"StreamName": "S", "ShardToMerge": shard_id(open[i].0), "AdjacentShardToMerge": shard_id(open[i + 1].0)}),
                    );
                }
            }
            Op::Restart { consumer } => clients[usize::from(*consumer) % 2].restart(&mut e),
        }
        for c in &mut clients {
            c.step(&mut e);
        }
    }
    // Drain: time passes with no writes until every consumer has everything (or long after it should have).
    for _ in 0..400 {
        if clients.iter().all(|c| c.got.len() >= written.len()) {
            break;
        }
        e.advance(2_000);
        for c in &mut clients {
            c.step(&mut e);
        }
    }
    let mut by_key: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (key, _, seq) in &written {
        by_key.entry(key).or_default().push(seq);
    }
    let mut expected: Vec<(u32, &str)> = written.iter().map(|(_, s, q)| (*s, q.as_str())).collect();
    expected.sort();
    for c in &clients {
        let mut got: Vec<(u32, &str)> = c.got.iter().map(|(s, q, _)| (*s, q.as_str())).collect();
        got.sort();
        prop_assert_eq!(&got, &expected, "exactly once: every record, no duplicates");
        let mut per_shard: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        for (shard, seq, _) in &c.got {
            per_shard.entry(*shard).or_default().push(seq.clone());
        }
        for (shard, seqs) in per_shard {
            let mut sorted = seqs.clone();
            sorted.sort_by_key(|s| (s.len(), s.clone()));
            prop_assert_eq!(seqs, sorted, "in sequence-number order within shard {}", shard);
        }
        let mut got_by_key: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (_, seq, key) in &c.got {
            got_by_key.entry(key).or_default().push(seq);
        }
        prop_assert_eq!(&got_by_key, &by_key, "each key's records in write order, across splits and merges");
    }
    let renewals = clients.iter().map(|c| c.renewals).min().unwrap_or(0);
    Ok((renewals, e.stream("S").expect("the stream").next_shard_index))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_record_reaches_every_consumer_once_and_in_order(shards in 1u32..4, ops in prop::collection::vec(op(), 1..90)) {
        run(shards, &ops)?;
    }
}

#[test]
fn a_long_run_renews_subscriptions_and_crosses_reshards() {
    // A fixed scenario that is sure to renew (more than 5 minutes pass) and to split and merge.
    let mut ops = Vec::new();
    for i in 0..120u8 {
        ops.push(Op::Put { key: i });
        ops.push(Op::Advance { ms: 9_000 });
        match i {
            20 => ops.push(Op::Split { pick: 0 }),
            50 => ops.push(Op::Split { pick: 1 }),
            70 => ops.push(Op::Restart { consumer: 0 }),
            90 => ops.push(Op::Merge { pick: 0 }),
            _ => {}
        }
    }
    let (renewals, shards) = run(1, &ops).expect("the properties hold");
    assert!(renewals >= 3, "renewed after 5 minutes and after the restart: {renewals}");
    assert_eq!(shards, 6, "two splits and a merge");
}
