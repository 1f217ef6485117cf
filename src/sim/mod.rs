//! Producers driven by a seeded random generator, on top of the [`crate::api`] layer.
//!
//! A [`Simulation`] owns the producers and a [`Rng`]. [`Simulation::run`] moves simulated time forward in steps of
//! at most [`STEP_MS`]: in each step every producer writes the records that fall due (through `PutRecords`, in
//! batches of at most 500, exactly as a client would), then the engine's clock advances. The same seed and the
//! same calls always give the same records, keys and sequence numbers.

pub mod producer;
pub mod rng;
pub mod scenario;

pub use producer::{KeyDistribution, Producer, ProducerSpec};
pub use rng::Rng;
pub use scenario::Scenario;

use crate::api;
use crate::engine::{Engine, ErrorType};
use crate::time::Millis;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};

/// The longest step of simulated time between two rounds of writes.
pub const STEP_MS: Millis = 100;
/// Producers write during at most this much of one [`Simulation::run`]; the rest of a longer jump passes without
/// their traffic (a day of 1,000 records a second would be more records than a browser tab can hold).
pub const MAX_PRODUCING_MS: Millis = 60_000;

/// What one [`Simulation::run`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunReport {
    pub written: u64,
    pub throttled: u64,
    pub failed: u64,
    /// Simulated time that passed without producer traffic (the part of a long jump beyond [`MAX_PRODUCING_MS`]).
    pub skipped_ms: Millis,
}

/// Producers and the seeded generator that drives them.
#[derive(Debug, Clone)]
pub struct Simulation {
    seed: u64,
    rng: Rng,
    producers: Vec<Producer>,
    next_id: u32,
}

impl Simulation {
    /// A simulation with no producers.
    pub fn new(seed: u64) -> Self {
        Simulation { seed, rng: Rng::new(seed), producers: Vec::new(), next_id: 1 }
    }

    /// The seed this simulation started from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Adds a producer; returns its id.
    pub fn add_producer(&mut self, spec: ProducerSpec) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        self.producers.push(Producer::new(id, spec));
        id
    }

    /// Removes a producer; `false` when there was none with that id.
    pub fn remove_producer(&mut self, id: u32) -> bool {
        let before = self.producers.len();
        self.producers.retain(|p| p.id != id);
        self.producers.len() != before
    }

    /// Pauses or resumes a producer; `false` when there is none with that id.
    pub fn set_paused(&mut self, id: u32, paused: bool) -> bool {
        self.producers.iter_mut().find(|p| p.id == id).map(|p| p.paused = paused).is_some()
    }

    /// The producers, in the order they were added.
    pub fn producers(&self) -> &[Producer] {
        &self.producers
    }

    /// Moves simulated time forward by `ms`, with every producer writing at its rate on the way (for at most
    /// [`MAX_PRODUCING_MS`]; the rest of a longer jump passes in one step).
    pub fn run(&mut self, engine: &mut Engine, ms: Millis) -> RunReport {
        let mut report = RunReport::default();
        let ms = ms.max(0);
        let producing = self.producers.iter().any(|p| !p.paused);
        let mut left = if producing { ms.min(MAX_PRODUCING_MS) } else { 0 };
        let rest = ms - left;
        if rest > 0 {
            report.skipped_ms = if producing { rest } else { 0 };
        }
        while left > 0 {
            let step = left.min(STEP_MS);
            for i in 0..self.producers.len() {
                let r = self.write_due(engine, i, step);
                report.written += r.written;
                report.throttled += r.throttled;
                report.failed += r.failed;
            }
            engine.advance(step);
            left -= step;
        }
        if rest > 0 {
            engine.advance(rest);
        }
        report
    }

    fn write_due(&mut self, engine: &mut Engine, i: usize, step: Millis) -> RunReport {
        let mut report = RunReport::default();
        let now = engine.now_ms();
        let Some(p) = self.producers.get_mut(i) else { return report };
        let mut due = p.due(step);
        while due > 0 {
            let batch = due.min(500);
            due -= batch;
            let records: Vec<Value> = (0..batch)
                .map(|_| {
                    let key = p.next_key(&mut self.rng);
                    let data = p.payload(p.sent + p.throttled + p.failed + 1, &key, now);
                    json!({ "PartitionKey": key, "Data": STANDARD.encode(data) })
                })
                .collect();
            let request = json!({ "StreamName": p.spec.stream, "Records": records });
            match api::call(engine, "PutRecords", &request) {
                Ok(out) => {
                    for r in out["Records"].as_array().into_iter().flatten() {
                        match r.get("ErrorCode").and_then(Value::as_str) {
                            None => report.written += 1,
                            Some(code) if code == ErrorType::ProvisionedThroughputExceeded.aws_name() => {
                                report.throttled += 1
                            }
                            Some(_) => report.failed += 1,
                        }
                        if let Some(m) = r.get("ErrorMessage").and_then(Value::as_str) {
                            p.last_error = Some(m.to_owned());
                        }
                    }
                }
                Err(e) => {
                    report.failed += batch;
                    p.last_error = Some(format!("{}: {}", e.error_type.aws_name(), e.message));
                }
            }
        }
        p.sent += report.written;
        p.throttled += report.throttled;
        p.failed += report.failed;
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::EngineConfig;

    fn setup(shards: u32) -> Engine {
        let mut e = Engine::new(EngineConfig::default());
        api::call(&mut e, "CreateStream", &json!({"StreamName": "S", "ShardCount": shards})).unwrap();
        e.advance(5_000);
        e
    }

    #[test]
    fn writes_at_the_rate_and_replays_identically() {
        let run = |seed| {
            let mut e = setup(4);
            let mut sim = Simulation::new(seed);
            sim.add_producer(ProducerSpec::uniform("S", 250, 16));
            let r = sim.run(&mut e, 2_000);
            let seqs: Vec<String> = e
                .stream("S")
                .unwrap()
                .shards
                .iter()
                .flat_map(|s| {
                    s.records().map(|r| format!("{}{}", r.partition_key, r.sequence_number)).collect::<Vec<_>>()
                })
                .collect();
            (r, seqs)
        };
        let (r, a) = run(7);
        assert_eq!(r, RunReport { written: 500, throttled: 0, failed: 0, skipped_ms: 0 });
        assert_eq!(a.len(), 500);
        assert_eq!(run(7).1, a, "same seed, same records");
        assert_ne!(run(8).1, a, "another seed, other keys");
    }

    #[test]
    fn a_hot_key_is_throttled_at_one_shards_limit() {
        let mut e = setup(4);
        let mut sim = Simulation::new(1);
        let id = sim.add_producer(ProducerSpec {
            keys: KeyDistribution::HotKey { hot_key: "hot".into(), share: 1.0, keys: 1 },
            ..ProducerSpec::uniform("S", 1500, 1)
        });
        let r = sim.run(&mut e, 1_000);
        assert_eq!(r.written, 1000);
        assert_eq!(r.throttled, 500);
        assert!(sim.producers()[0].last_error.as_deref().unwrap_or("").starts_with("Rate exceeded for shard"));
        assert!(sim.set_paused(id, true));
        assert_eq!(sim.run(&mut e, 1_000), RunReport::default());
        assert!(sim.remove_producer(id));
        assert!(!sim.remove_producer(id));
    }

    #[test]
    fn long_jumps_skip_producer_traffic_beyond_a_minute() {
        let mut e = setup(1);
        let mut sim = Simulation::new(1);
        sim.add_producer(ProducerSpec::uniform("S", 10, 4));
        let start = e.now_ms();
        let r = sim.run(&mut e, 86_400_000);
        assert_eq!(e.now_ms(), start + 86_400_000);
        assert_eq!(r.written, 600);
        assert_eq!(r.skipped_ms, 86_400_000 - MAX_PRODUCING_MS);
        let mut idle = Simulation::new(1);
        assert_eq!(idle.run(&mut e, 1_000_000), RunReport::default());
    }

    #[test]
    fn a_missing_stream_is_reported_not_fatal() {
        let mut e = Engine::new(EngineConfig::default());
        let mut sim = Simulation::new(1);
        sim.add_producer(ProducerSpec::uniform("Nope", 10, 2));
        let r = sim.run(&mut e, 1_000);
        assert_eq!(r.failed, 10);
        assert!(sim.producers()[0].last_error.as_deref().unwrap_or("").contains("ResourceNotFoundException"));
    }
}
