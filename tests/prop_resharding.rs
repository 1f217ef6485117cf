//! Property tests: after any sequence of splits, merges and shard-count updates, the open shards partition the
//! hash key space, no record is lost, and reading parents before children returns each key's records in order.
#![cfg(not(target_arch = "wasm32"))]

use kinesis_playground::api;
use kinesis_playground::engine::{Engine, EngineConfig};
use proptest::prelude::*;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
enum Step {
    Put { key: u8, count: u8 },
    Split { pick: usize, at: f64 },
    Merge { pick: usize },
    UpdateCount { factor: f64 },
    Wait { ms: i64 },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (any::<u8>(), 1u8..5).prop_map(|(key, count)| Step::Put { key: key % 24, count }),
        2 => (any::<usize>(), 0.0f64..1.0).prop_map(|(pick, at)| Step::Split { pick, at }),
        2 => any::<usize>().prop_map(|pick| Step::Merge { pick }),
        1 => (0.5f64..2.0).prop_map(|factor| Step::UpdateCount { factor }),
        2 => (0i64..20_000).prop_map(|ms| Step::Wait { ms }),
    ]
}

fn b64(s: &str) -> String {
    base64::Engine::encode(&base64::engine::general_purpose::STANDARD, s)
}

/// Reads every shard to its end, parents before children; returns each key's payloads in reading order.
fn read_in_lineage_order(e: &mut Engine) -> BTreeMap<String, Vec<u64>> {
    let stream = e.stream("S").expect("stream").clone();
    let mut done: BTreeSet<u32> = BTreeSet::new();
    let mut out: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    while done.len() < stream.shards.len() {
        let ready: Vec<u32> = stream
            .shards
            .iter()
            .filter(|s| {
                !done.contains(&s.index) && s.parents.iter().all(|p| done.contains(p) || stream.shard(*p).is_none())
            })
            .map(|s| s.index)
            .collect();
        assert!(!ready.is_empty(), "lineage has a cycle");
        for index in ready {
            let req = json!({"StreamName": "S", "ShardId": format!("shardId-{index:012}"), "ShardIteratorType": "TRIM_HORIZON"});
            let mut it =
                api::call(e, "GetShardIterator", &req).expect("iterator")["ShardIterator"].as_str().map(str::to_owned);
            while let Some(token) = it {
                let r = api::call(e, "GetRecords", &json!({"ShardIterator": token, "Limit": 7})).expect("records");
                let records = r["Records"].as_array().expect("records array");
                for rec in records {
                    let data = base64::Engine::decode(
                        &base64::engine::general_purpose::STANDARD,
                        rec["Data"].as_str().unwrap(),
                    )
                    .unwrap();
                    let n: u64 = String::from_utf8(data).unwrap().parse().unwrap();
                    out.entry(rec["PartitionKey"].as_str().unwrap().to_owned()).or_default().push(n);
                }
                it = r["NextShardIterator"].as_str().map(str::to_owned);
                if records.is_empty() && it.is_some() && stream.shard(index).is_some_and(|s| s.is_open()) {
                    break; // caught up with an open shard
                }
            }
            done.insert(index);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn resharding_keeps_the_space_partitioned_and_records_in_order(shards in 1u32..5, steps in prop::collection::vec(step(), 1..40)) {
        let mut e = Engine::new(EngineConfig { enforce_throughput: false, update_delay_ms: 1_000, ..EngineConfig::default() });
        api::call(&mut e, "CreateStream", &json!({"StreamName": "S", "ShardCount": shards})).unwrap();
        e.advance(5_000);
        let mut written: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        let mut counter = 0u64;
        for s in steps {
            let open: Vec<_> = e.stream("S").unwrap().open_shards().map(|s| (s.index, s.hash_key_range)).collect();
            match s {
                Step::Put { key, count } => {
                    for _ in 0..count {
                        counter += 1;
                        let k = format!("key-{key}");
                        api::call(&mut e, "PutRecord", &json!({"StreamName": "S", "PartitionKey": k, "Data": b64(&counter.to_string())})).unwrap();
                        written.entry(k).or_default().push(counter);
                    }
                }
                Step::Split { pick, at } => {
                    let (index, r) = open[pick % open.len()];
                    let key = r.starting_hash_key + ((r.span() as f64) * at) as u128;
                    let _ = api::call(&mut e, "SplitShard", &json!({"StreamName": "S", "ShardToSplit": format!("shardId-{index:012}"), "NewStartingHashKey": key.to_string()}));
                }
                Step::Merge { pick } => {
                    let mut sorted = open.clone();
                    sorted.sort_by_key(|(_, r)| r.starting_hash_key);
                    if sorted.len() >= 2 {
                        let i = pick % (sorted.len() - 1);
                        let _ = api::call(&mut e, "MergeShards", &json!({"StreamName": "S", "ShardToMerge": format!("shardId-{:012}", sorted[i].0), "AdjacentShardToMerge": format!("shardId-{:012}", sorted[i + 1].0)}));
                    }
                }
                Step::UpdateCount { factor } => {
                    let target = ((open.len() as f64 * factor).round() as i64).max(1);
                    let _ = api::call(&mut e, "UpdateShardCount", &json!({"StreamName": "S", "TargetShardCount": target, "ScalingType": "UNIFORM_SCALING"}));
                }
                Step::Wait { ms } => e.advance(ms),
            }
            let ranges = e.stream("S").unwrap().open_ranges();
            prop_assert_eq!(ranges[0].starting_hash_key, 0);
            prop_assert_eq!(ranges.last().unwrap().ending_hash_key, u128::MAX);
            for w in ranges.windows(2) {
                prop_assert_eq!(w[0].ending_hash_key.checked_add(1), Some(w[1].starting_hash_key));
            }
        }
        let read = read_in_lineage_order(&mut e);
        prop_assert_eq!(read, written);
    }
}
