#![cfg(not(target_arch = "wasm32"))]
//! Consumer applications over random scripts with writes, splits, merges, and workers joining, leaving and
//! hanging: once the writes stop and the application has caught up, it has processed every record of the stream
//! exactly once, in per-shard order, never a record of a child before its parents were finished, and its leases
//! have converged (each open shard owned by one running worker, owner counts differing by at most one). Polling and
//! enhanced fan-out alike. And the data generator: its rate and its hot key's share over a seeded run.

use kinesis_playground::api;
use kinesis_playground::engine::fan_out::{ConsumerKey, ConsumerStatus};
use kinesis_playground::engine::{Engine, EngineConfig};
use kinesis_playground::sim::consumer_app::{Checkpoint, ConsumerApp, InitialPosition, Processed};
use kinesis_playground::sim::generator::{KeyStrategy, Template};
use kinesis_playground::sim::{GeneratorSpec, Simulation};
use proptest::prelude::*;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
enum Op {
    Put(u16),
    Split(usize),
    Merge(usize),
    AddWorker,
    RemoveWorker(usize),
    StopWorker(usize),
    Advance(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (1u16..200).prop_map(Op::Put),
        1 => any::<usize>().prop_map(Op::Split),
        1 => any::<usize>().prop_map(Op::Merge),
        1 => Just(Op::AddWorker),
        1 => any::<usize>().prop_map(Op::RemoveWorker),
        1 => any::<usize>().prop_map(Op::StopWorker),
        4 => (100i64..8_000).prop_map(Op::Advance),
    ]
}

fn check(ops: &[Op], efo: bool) -> Result<(), TestCaseError> {
    let mut e = Engine::new(EngineConfig::default());
    api::call(&mut e, "CreateStream", &json!({"StreamName": "S", "ShardCount": 2})).unwrap();
    e.advance(5_000);
    let mut sim = Simulation::new(1);
    let mut app = ConsumerApp::new("app", "S", 2, efo, InitialPosition::TrimHorizon);
    app.keep_log(true);
    sim.add_app(&mut e, app).unwrap();
    let mut log = Vec::new();
    let mut n = 0u32;
    for op in ops {
        let app = sim.app_mut("app").unwrap();
        match op {
            Op::Put(count) => {
                for _ in 0..*count {
                    n += 1;
                    let _ = api::call(
                        &mut e,
                        "PutRecord",
                        &json!({"StreamName": "S", "PartitionKey": format!("k{}", n % 97), "Data": "eA=="}),
                    );
                }
            }
            Op::Split(pick) => {
                let open: Vec<(String, String)> = e
                    .stream("S")
                    .unwrap()
                    .open_shards()
                    .map(|s| (s.shard_id(), s.hash_key_range.midpoint().to_string()))
                    .collect();
                if open.len() < 6 {
                    let (id, mid) = &open[pick % open.len()];
                    let _ = api::call(
                        &mut e,
                        "SplitShard",
                        &json!({"StreamName": "S", "ShardToSplit": id, "NewStartingHashKey": mid}),
                    );
                }
            }
            Op::Merge(pick) => {
                let mut open: Vec<_> =
                    e.stream("S").unwrap().open_shards().map(|s| (s.hash_key_range, s.shard_id())).collect();
                open.sort();
                if open.len() >= 2 {
                    let i = pick % (open.len() - 1);
                    let _ = api::call(
                        &mut e,
                        "MergeShards",
                        &json!({"StreamName": "S", "ShardToMerge": open[i].1, "AdjacentShardToMerge": open[i + 1].1}),
                    );
                }
            }
            Op::AddWorker => {
                if app.workers.len() < 5 {
                    app.add_worker();
                }
            }
            Op::RemoveWorker(pick) => {
                if app.workers.len() > 1 {
                    let id = app.workers[pick % app.workers.len()].id.clone();
                    app.remove_worker(&mut e, &id);
                }
            }
            Op::StopWorker(pick) => {
                if app.workers.iter().filter(|w| !w.stopped).count() > 1 {
                    let id = app.workers[pick % app.workers.len()].id.clone();
                    app.stop_worker(&id);
                }
            }
            Op::Advance(ms) => {
                sim.run(&mut e, *ms);
            }
        }
        log.extend(sim.app_mut("app").unwrap().take_log());
    }
    // Writes stop (and a worker is started if none runs); a minute and a half lets failovers, reshards and (with
    // fan-out) registration settle.
    let app = sim.app_mut("app").unwrap();
    if app.workers.iter().all(|w| w.stopped) {
        app.add_worker();
    }
    sim.run(&mut e, 90_000);
    let app = sim.app_mut("app").unwrap();
    log.extend(app.take_log());
    let stream = e.stream("S").unwrap();
    // Exactly once, in per-shard order.
    let mut seen: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let mut ended: BTreeSet<u32> = BTreeSet::new();
    for p in &log {
        match p {
            Processed::Record { shard_index, sequence_number } => {
                let shard = stream.shard(*shard_index).unwrap();
                for parent in &shard.parents {
                    prop_assert!(
                        ended.contains(parent),
                        "read shard {shard_index} before its parent {parent} was finished"
                    );
                }
                seen.entry(*shard_index).or_default().push(sequence_number.clone());
            }
            Processed::ShardEnd { shard_index } => {
                prop_assert!(ended.insert(*shard_index), "shard {shard_index} finished twice");
            }
        }
    }
    for shard in &stream.shards {
        let expected: Vec<String> = shard.records().map(|r| r.sequence_number.to_string()).collect();
        let got = seen.remove(&shard.index).unwrap_or_default();
        prop_assert_eq!(&got, &expected, "shard {} processed exactly its records, once, in order", shard.index);
        if !shard.is_open() {
            prop_assert!(ended.contains(&shard.index), "closed shard {} finished", shard.index);
        }
    }
    // Converged leases.
    let running: Vec<&str> = app.workers.iter().filter(|w| !w.stopped).map(|w| w.id.as_str()).collect();
    let mut counts: BTreeMap<&str, usize> = running.iter().map(|w| (*w, 0)).collect();
    for l in &app.leases {
        let open = stream.shard(l.shard_index).is_some_and(|s| s.is_open());
        if open {
            let owner = l.lease_owner.as_deref();
            prop_assert!(
                owner.is_some_and(|o| running.contains(&o)),
                "open shard {} owned by a running worker: {:?}",
                l.lease_key,
                owner
            );
            *counts.get_mut(owner.unwrap()).unwrap() += 1;
        } else {
            prop_assert_eq!(&l.checkpoint, &Checkpoint::ShardEnd);
        }
    }
    let (min, max) = (counts.values().min().copied().unwrap_or(0), counts.values().max().copied().unwrap_or(0));
    prop_assert!(max - min <= 1, "owner counts differ by at most one: {counts:?}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn a_polling_application_processes_every_record_once_and_converges(ops in proptest::collection::vec(op(), 1..30)) {
        check(&ops, false)?;
    }

    #[test]
    fn a_fan_out_application_processes_every_record_once_and_converges(ops in proptest::collection::vec(op(), 1..30)) {
        check(&ops, true)?;
    }
}

/// Four shards over three workers once balanced as 2/2/0: the idle worker waited for a worker above the target of
/// two, which never came. The KCL's lease taker steals from a worker at the target when it is two or more short.
#[test]
fn four_shards_over_three_workers_leave_no_worker_idle() {
    use Op::*;
    let ops = [
        Split(0),
        RemoveWorker(42062917138395071),
        Advance(6631),
        Split(11523676410154646824),
        Advance(3916),
        AddWorker,
        AddWorker,
    ];
    for efo in [false, true] {
        if let Err(e) = check(&ops, efo) {
            panic!("enhanced fan-out {efo}: {e}");
        }
    }
}

#[test]
fn a_generator_keeps_its_rate_and_its_hot_keys_share() {
    let mut e = Engine::new(EngineConfig::default());
    api::call(&mut e, "CreateStream", &json!({"StreamName": "G", "ShardCount": 4})).unwrap();
    e.advance(5_000);
    e.set_enforce_throughput(false);
    let mut sim = Simulation::new(7);
    sim.add_generator(GeneratorSpec {
        stream: "G".into(),
        records_per_second: 333,
        template_text: String::new(),
        template: Template::parse("{{int 1 9}}").unwrap(),
        key: KeyStrategy::HotKey { hot_key: "hot".into(), share: 0.3, keys: 10 },
    });
    let report = sim.run(&mut e, 60_000);
    assert_eq!(report.written, 333 * 60, "the rate, exactly, over a minute on the grid");
    let keys: Vec<String> = e
        .stream("G")
        .unwrap()
        .shards
        .iter()
        .flat_map(|s| s.records().map(|r| r.partition_key.to_string()).collect::<Vec<_>>())
        .collect();
    let hot = keys.iter().filter(|k| *k == "hot").count() as f64 / keys.len() as f64;
    assert!((0.28..0.32).contains(&hot), "hot share {hot}");
    let others: BTreeSet<&String> = keys.iter().filter(|k| *k != "hot").collect();
    assert_eq!(others.len(), 10, "the rest over 10 keys");
    for k in &others {
        let share = keys.iter().filter(|x| x == k).count() as f64 / keys.len() as f64;
        assert!((0.055..0.085).contains(&share), "{k}: {share}");
    }
}

/// The KCL waits for the consumer it registered to be ACTIVE before any worker subscribes: while it is CREATING, a
/// fan-out application opens no subscription (SubscribeToShard would refuse it with ResourceInUseException, which
/// the application would then show as its last error); once it is ACTIVE, it reads from the trim horizon.
#[test]
fn a_fan_out_application_subscribes_once_its_consumer_is_active() {
    let mut e = Engine::new(EngineConfig::default());
    api::call(&mut e, "CreateStream", &json!({"StreamName": "S", "ShardCount": 1})).unwrap();
    e.advance(5_000);
    for n in 0..10 {
        api::call(&mut e, "PutRecord", &json!({"StreamName": "S", "PartitionKey": format!("k{n}"), "Data": "eA=="}))
            .unwrap();
    }
    let mut sim = Simulation::new(1);
    sim.add_app(&mut e, ConsumerApp::new("app", "S", 1, true, InitialPosition::TrimHorizon)).unwrap();
    let arn = sim.apps()[0].consumer_arn.clone().expect("registered");
    let active = |e: &Engine| e.consumer(ConsumerKey::Arn(&arn)).is_ok_and(|(_, c)| c.status == ConsumerStatus::Active);
    let mut waited = 0;
    while !active(&e) {
        assert_eq!(e.subscriptions().count(), 0, "no subscription while the consumer is CREATING ({waited} ms)");
        sim.run(&mut e, 500);
        waited += 500;
        assert!(waited <= 60_000, "the consumer became ACTIVE");
    }
    assert!(waited > 0, "the consumer starts CREATING");
    sim.run(&mut e, 5_000);
    let app = &sim.apps()[0];
    assert_eq!(app.last_error, None);
    assert_eq!(app.workers.iter().map(|w| w.processed).sum::<u64>(), 10, "every record, once");
    assert!(e.subscriptions().count() >= 1);
}
