//! Producers driven by a seeded random generator, on top of the [`crate::api`] layer.
//!
//! A [`Simulation`] owns the producers and a [`Rng`]. Simulated time passing is [`Simulation::run`]: producers
//! write on a fixed grid of absolute time, every [`STEP_MS`] of epoch time (…00.000, …00.100, …): at each grid
//! instant every running producer sends the records of the step that starts there (through `PutRecords`, in
//! batches of at most 500, exactly as a client would). A producer's `n`-th step sends
//! `⌊rate × n / 10⌋ − ⌊rate × (n − 1) / 10⌋` records, whole numbers counted from its first step, never from the
//! length of a call; a run from `t` to `u` covers the grid instants in `[t, u)`.
//!
//! So running is **chunk-invariant**: `run(a)` then `run(b)` writes the same records, with the same keys, payloads,
//! arrival times and sequence numbers, as `run(a + b)`. The page's live clock advances in frame-sized chunks and a
//! saved session replays them as one entry ([`crate::session`]); `tests/chunk_invariance.rs` checks it.
//!
//! A *jump* ([`Simulation::jump`], what `sim clock advance` does) is different on purpose: producers run for at
//! most [`MAX_PRODUCING_MS`] of it and the rest passes without their traffic (a day of 1,000 records a second would
//! be more records than a browser tab can hold). A jump is one console line, so it replays as that line.

pub mod consumer_app;
pub mod generator;
pub mod producer;
pub mod rng;
pub mod scenario;
pub mod writes;

pub use consumer_app::ConsumerApp;
pub use generator::{Generator, GeneratorSpec, KeyStrategy};
pub use producer::{KeyDistribution, Producer, ProducerSpec};
pub use rng::Rng;
pub use scenario::Scenario;
pub use writes::WriteStats;

use crate::api;
use crate::engine::{Engine, ErrorType};
use crate::time::{Millis, MAX_MILLIS};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};

/// The grid producers write on: every multiple of this many milliseconds of epoch time.
pub const STEP_MS: Millis = 100;
/// Producers write during at most this much of one [`Simulation::jump`]; the rest of a longer jump passes without
/// their traffic.
pub const MAX_PRODUCING_MS: Millis = 60_000;

/// What one [`Simulation::run`] or [`Simulation::jump`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunReport {
    pub written: u64,
    pub throttled: u64,
    pub failed: u64,
    /// Simulated time that passed without producer traffic (the part of a long jump beyond [`MAX_PRODUCING_MS`]).
    pub skipped_ms: Millis,
}

impl RunReport {
    fn add(&mut self, r: RunReport) {
        self.written += r.written;
        self.throttled += r.throttled;
        self.failed += r.failed;
    }
}

/// Producers and the seeded generator that drives them.
#[derive(Debug, Clone)]
pub struct Simulation {
    seed: u64,
    rng: Rng,
    producers: Vec<Producer>,
    next_id: u32,
    generators: Vec<Generator>,
    next_generator_id: u32,
    apps: Vec<ConsumerApp>,
    /// At most this many more records may be attempted (see [`Simulation::limit_work`]); `None`: no limit.
    work_left: Option<u64>,
    work_exhausted: bool,
}

impl Simulation {
    /// A simulation with no producers.
    pub fn new(seed: u64) -> Self {
        Simulation {
            seed,
            rng: Rng::new(seed),
            producers: Vec::new(),
            next_id: 1,
            generators: Vec::new(),
            next_generator_id: 1,
            apps: Vec::new(),
            work_left: None,
            work_exhausted: false,
        }
    }

    /// The seed this simulation started from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Back to the state of [`Simulation::new`] with the same seed (what `sim reset` does); a work limit stays.
    pub fn reset(&mut self) {
        let (work_left, work_exhausted) = (self.work_left, self.work_exhausted);
        *self = Simulation { work_left, work_exhausted, ..Simulation::new(self.seed) };
    }

    /// Caps the records producers may still attempt (written, throttled or failed) at `records`, or lifts the cap
    /// with `None`. Once the cap is reached producers stop writing and [`Simulation::work_exhausted`] turns true: a
    /// replay of an untrusted saved session uses this to give up in bounded time, and then throws the state away.
    pub fn limit_work(&mut self, records: Option<u64>) {
        self.work_left = records;
        self.work_exhausted = false;
    }

    /// True when producers stopped because the cap of [`Simulation::limit_work`] was reached.
    pub fn work_exhausted(&self) -> bool {
        self.work_exhausted
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

    /// True when some producer or generator is running (not paused).
    pub fn producing(&self) -> bool {
        self.producers.iter().any(|p| !p.paused) || self.generators.iter().any(|g| !g.paused)
    }

    /// The id the next generator will get (so "test template" can show its first records).
    pub fn next_generator_id(&self) -> u32 {
        self.next_generator_id
    }

    /// Adds a data generator; returns its id.
    pub fn add_generator(&mut self, spec: GeneratorSpec) -> u32 {
        let id = self.next_generator_id;
        self.next_generator_id += 1;
        self.generators.push(Generator::new(id, spec, self.seed));
        id
    }

    /// Removes a generator; `false` when there was none with that id.
    pub fn remove_generator(&mut self, id: u32) -> bool {
        let before = self.generators.len();
        self.generators.retain(|g| g.id != id);
        self.generators.len() != before
    }

    /// Pauses or resumes a generator; `false` when there is none with that id.
    pub fn set_generator_paused(&mut self, id: u32, paused: bool) -> bool {
        self.generators.iter_mut().find(|g| g.id == id).map(|g| g.paused = paused).is_some()
    }

    /// The generators, in the order they were added.
    pub fn generators(&self) -> &[Generator] {
        &self.generators
    }

    /// Starts a consumer application (registering its enhanced fan-out consumer).
    ///
    /// # Errors
    /// An application of that name exists, or RegisterStreamConsumer failed.
    pub fn add_app(&mut self, engine: &mut Engine, mut app: ConsumerApp) -> Result<(), String> {
        if self.apps.iter().any(|a| a.name == app.name) {
            return Err(format!("there is already an application named {}", app.name));
        }
        app.start(engine)?;
        self.apps.push(app);
        Ok(())
    }

    /// Stops and removes a consumer application; `false` when there is none of that name.
    pub fn remove_app(&mut self, engine: &mut Engine, name: &str) -> bool {
        let Some(i) = self.apps.iter().position(|a| a.name == name) else { return false };
        let mut app = self.apps.remove(i);
        app.stop(engine);
        true
    }

    /// The consumer applications, in the order they were added.
    pub fn apps(&self) -> &[ConsumerApp] {
        &self.apps
    }

    /// A consumer application by name.
    pub fn app_mut(&mut self, name: &str) -> Option<&mut ConsumerApp> {
        self.apps.iter_mut().find(|a| a.name == name)
    }

    /// True when something acts as time passes: a running producer or generator, or a consumer application.
    pub fn active(&self) -> bool {
        self.producing() || !self.apps.is_empty()
    }

    /// Moves simulated time forward by `ms` (negative values are ignored) with every running producer writing at
    /// its rate on the way, on the grid of [`STEP_MS`] (see the module docs: chunk-invariant). With no producer
    /// running this is one [`Engine::advance`]. The work is proportional to the records written: callers that let
    /// a learner pass a long time at once use [`Simulation::jump`].
    pub fn run(&mut self, engine: &mut Engine, ms: Millis) -> RunReport {
        let mut report = RunReport::default();
        let target = engine.now_ms().saturating_add(ms.max(0)).min(MAX_MILLIS);
        // The first grid instant at or after now. It cannot have been written at yet: a run writes only at
        // instants before its end, and every run starts where the clock is.
        let mut tick = ceil_to_grid(engine.now_ms());
        while ((self.producing() && !self.work_exhausted) || !self.apps.is_empty()) && tick < target {
            engine.advance_to(tick);
            for i in 0..self.producers.len() {
                let r = self.write_due(engine, i);
                report.add(r);
            }
            for i in 0..self.generators.len() {
                let r = self.generate_due(engine, i);
                report.add(r);
            }
            for app in &mut self.apps {
                app.tick(engine);
            }
            tick = tick.saturating_add(STEP_MS);
        }
        engine.advance_to(target);
        report
    }

    /// A jump of `ms` (what `sim clock advance` does): producers run for the first [`MAX_PRODUCING_MS`] of it, as
    /// in [`Simulation::run`], and the rest passes without their traffic (reported in `skipped_ms`).
    pub fn jump(&mut self, engine: &mut Engine, ms: Millis) -> RunReport {
        let ms = ms.max(0);
        if !self.active() {
            return self.run(engine, ms);
        }
        let producing = ms.min(MAX_PRODUCING_MS);
        let mut report = self.run(engine, producing);
        let before = engine.now_ms();
        engine.advance(ms - producing);
        report.skipped_ms = engine.now_ms() - before;
        report
    }

    /// Takes `due` records off the work limit: as many as it still allows.
    fn take_work(&mut self, due: u64) -> u64 {
        match self.work_left.as_mut() {
            None => due,
            Some(left) => {
                let due = if due > *left {
                    self.work_exhausted = true;
                    *left
                } else {
                    due
                };
                *left -= due;
                due
            }
        }
    }

    fn write_due(&mut self, engine: &mut Engine, i: usize) -> RunReport {
        let mut report = RunReport::default();
        let now = engine.now_ms();
        let Some(due) = self.producers.get_mut(i).filter(|p| !p.paused).map(Producer::step) else { return report };
        let mut due = self.take_work(due);
        let p = &mut self.producers[i];
        // `{n}` numbers every record this producer has tried to write, the ones of this step included.
        let mut n = p.writes.attempted();
        while due > 0 {
            let batch = due.min(500);
            due -= batch;
            let records: Vec<Value> = (0..batch)
                .map(|_| {
                    let key = p.next_key(&mut self.rng);
                    n += 1;
                    let data = p.payload(n, &key, now);
                    json!({ "PartitionKey": key, "Data": STANDARD.encode(data) })
                })
                .collect();
            let r = put_records(engine, &p.spec.stream, records, &mut p.writes.last_error);
            report.add(r);
        }
        p.writes.count(&report);
        report
    }

    fn generate_due(&mut self, engine: &mut Engine, i: usize) -> RunReport {
        let mut report = RunReport::default();
        let now = engine.now_ms();
        let Some(due) = self.generators.get_mut(i).filter(|g| !g.paused).map(Generator::step) else { return report };
        let mut due = self.take_work(due);
        let g = &mut self.generators[i];
        while due > 0 {
            let batch = due.min(500);
            due -= batch;
            let mut records = Vec::with_capacity(batch as usize);
            for _ in 0..batch {
                match g.make(now) {
                    Ok((data, key)) => records.push(json!({ "PartitionKey": key, "Data": STANDARD.encode(data) })),
                    Err(e) => {
                        report.failed += 1;
                        g.writes.last_error = Some(error_at(now, &e));
                    }
                }
            }
            if !records.is_empty() {
                let r = put_records(engine, &g.spec.stream, records, &mut g.writes.last_error);
                report.add(r);
            }
        }
        g.writes.count(&report);
        report
    }
}

/// One PutRecords call of `records` to `stream`: what was written, throttled or refused.
fn put_records(engine: &mut Engine, stream: &str, records: Vec<Value>, last_error: &mut Option<String>) -> RunReport {
    let mut report = RunReport::default();
    let now = engine.now_ms();
    let batch = records.len() as u64;
    let request = json!({ "StreamName": stream, "Records": records });
    match api::call_known(engine, &api::PUT_RECORDS, &request) {
        Ok(out) => {
            let mut message = None;
            for r in out["Records"].as_array().into_iter().flatten() {
                match r.get("ErrorCode").and_then(Value::as_str) {
                    None => report.written += 1,
                    Some(code) if code == ErrorType::ProvisionedThroughputExceeded.aws_name() => report.throttled += 1,
                    Some(_) => report.failed += 1,
                }
                message = r.get("ErrorMessage").and_then(Value::as_str).or(message);
            }
            // The batch's last error, written once (a throttled batch has one message per refused record).
            if let Some(m) = message {
                *last_error = Some(error_at(now, m));
            }
        }
        Err(e) => {
            report.failed += batch;
            *last_error = Some(error_at(now, &format!("{}: {}", e.error_type.aws_name(), e.message)));
        }
    }
    report
}

/// A writer's or reader's last error as it is kept and shown: the message and when it happened, so a learner tells
/// an error of long ago (the writer has recovered since) from one that is happening now.
pub(crate) fn error_at(now: Millis, message: &str) -> String {
    format!("{message} (at {})", crate::time::format_short(now))
}

/// The first multiple of [`STEP_MS`] at or after `t`.
fn ceil_to_grid(t: Millis) -> Millis {
    let down = t.div_euclid(STEP_MS).saturating_mul(STEP_MS);
    if down == t {
        t
    } else {
        down.saturating_add(STEP_MS)
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
    fn every_record_of_a_step_gets_its_own_number() {
        let mut e = setup(1);
        let mut sim = Simulation::new(3);
        // 500 records a second: a step of the producer's grid writes several records at once.
        sim.add_producer(ProducerSpec::uniform("S", 500, 4));
        sim.run(&mut e, 2_000);
        let mut numbers: Vec<u64> = e.stream("S").unwrap().shards[0]
            .records()
            .map(|r| {
                let v: Value = serde_json::from_slice(r.data).unwrap();
                v["n"].as_u64().unwrap()
            })
            .collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=1_000).collect::<Vec<u64>>(), "{{n}} counts the producer's records one by one");
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
        assert!(sim.producers()[0].writes.last_error.as_deref().unwrap_or("").starts_with("Rate exceeded for shard"));
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
        let r = sim.jump(&mut e, 86_400_000);
        assert_eq!(e.now_ms(), start + 86_400_000);
        assert_eq!(r.written, 600);
        assert_eq!(r.skipped_ms, 86_400_000 - MAX_PRODUCING_MS);
        let mut idle = Simulation::new(1);
        assert_eq!(idle.jump(&mut e, 1_000_000), RunReport::default());
        assert_eq!(e.now_ms(), start + 86_400_000 + 1_000_000);
    }

    #[test]
    fn writes_on_the_grid_of_absolute_time_whatever_the_chunks() {
        let records = |chunks: &[Millis]| {
            let mut e = setup(2);
            let mut sim = Simulation::new(3);
            // Start off the grid, at a rate whose due counts are fractional per step.
            e.advance(37);
            sim.add_producer(ProducerSpec::uniform("S", 7, 4));
            sim.add_producer(ProducerSpec::uniform("S", 1234, 50));
            let total: u64 = chunks.iter().map(|&c| sim.run(&mut e, c).written).sum();
            let all: Vec<(String, String, Millis)> = e
                .stream("S")
                .unwrap()
                .shards
                .iter()
                .flat_map(|s| {
                    s.records().map(|r| (r.sequence_number.to_string(), r.partition_key.to_owned(), r.arrival_ms))
                })
                .collect();
            (total, all, e.now_ms())
        };
        let one = records(&[2_500]);
        // 25 grid instants in [5.037 s, 7.537 s): 5.100 to 7.500.
        assert_eq!(one.0, 7 * 25 / 10 + 1234 * 25 / 10);
        assert!(one.1.iter().all(|r| r.2 % STEP_MS == 0), "every record arrives on the grid");
        assert_eq!(records(&[1, 99, 0, 1_000, 1_400]), one);
        assert_eq!(records(&[63, 100, 100, 2_237]), one);
        assert_eq!(records(&vec![10; 250]), one);
    }

    #[test]
    fn a_work_limit_stops_producers_and_says_so() {
        let mut e = setup(1);
        let mut sim = Simulation::new(1);
        sim.add_producer(ProducerSpec::uniform("S", 500, 4));
        sim.limit_work(Some(120));
        let r = sim.run(&mut e, 1_000);
        assert_eq!(r.written, 120);
        assert!(sim.work_exhausted());
        sim.reset();
        assert!(sim.work_exhausted(), "a reset keeps the limit");
        sim.limit_work(None);
        assert!(!sim.work_exhausted());
    }

    #[test]
    fn a_missing_stream_is_reported_not_fatal() {
        let mut e = Engine::new(EngineConfig::default());
        let mut sim = Simulation::new(1);
        sim.add_producer(ProducerSpec::uniform("Nope", 10, 2));
        let r = sim.run(&mut e, 1_000);
        assert_eq!(r.failed, 10);
        assert!(sim.producers()[0].writes.last_error.as_deref().unwrap_or("").contains("ResourceNotFoundException"));
    }
}
