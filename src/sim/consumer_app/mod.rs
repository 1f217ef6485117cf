//! Consumer applications in the spirit of the Kinesis Client Library: an application (a name, a stream) runs
//! workers that share the stream's shards through a lease table, read through the api (GetRecords polling, or
//! enhanced fan-out with SubscribeToShard) and checkpoint after each processed batch.
//!
//! Everything happens on the grid of absolute time that producers write on ([`crate::sim::STEP_MS`]), so running
//! is chunk-invariant:
//!
//! - every whole second: new shards get leases (a child lists its parents in `parent_shard_ids`); every
//!   [`RENEW_MS`] each running worker renews its leases (`leaseCounter` + 1); a lease whose owner has not renewed
//!   it for [`FAILOVER_MS`] is expired; then each running worker takes at most one lease: a free one (expired,
//!   released, never owned) when it holds fewer than its share (the open leases divided by the running workers,
//!   rounded up), else one from the worker holding the most when that one holds more than its share. A lease is
//!   only taken once its parents are finished (checkpoint `SHARD_END`, or no lease for them): parents before
//!   children.
//! - every [`POLL_MS`] (polling): each worker calls GetRecords for each of its leases, at most its processing rate
//!   allows (records per second per worker, shared among its leases), through the api, so it shares the shard's
//!   5 calls and 2 MiB per second with every other reader: two applications use 4 of the 5 calls, a third one sees
//!   `ReadProvisionedThroughputExceededException`. It checkpoints the last record of each batch; at a closed
//!   shard's end, `SHARD_END`, and the lease is released.
//! - enhanced fan-out: the application registers a consumer named after it and, once it is `ACTIVE`, each worker
//!   subscribes to each of its shards (from its checkpoint, `AFTER_SEQUENCE_NUMBER`), processes every pushed event
//!   and checkpoints its last record; it subscribes again when the 5 minutes are over, and a new owner takes a
//!   shard's subscription over.

use crate::api;
use crate::api::ops::consumers::subscribe_to_shard::{subscribe, EventStream, StreamMessage};
use crate::engine::fan_out::{ConsumerKey, ConsumerStatus};
use crate::engine::{parse_shard_id, shard_id, Engine};
use crate::time::Millis;
use serde_json::{json, Value};

/// How often a polling worker reads each of its shards.
pub const POLL_MS: Millis = 500;
/// How often workers renew their leases.
pub const RENEW_MS: Millis = 3_000;
/// A lease not renewed for this long is expired and taken over (the KCL's `failoverTimeMillis` default).
pub const FAILOVER_MS: Millis = 10_000;
/// Records per second a worker processes unless told otherwise.
pub const DEFAULT_PROCESS_RATE: u32 = 1_000;
/// Most workers in one application.
pub const MAX_WORKERS: usize = 64;

/// Where a lease's processing stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checkpoint {
    TrimHorizon,
    Latest,
    /// The last record processed.
    Sequence(String),
    /// The shard is closed and every record was processed.
    ShardEnd,
}

impl Checkpoint {
    /// As the KCL's lease table shows it.
    pub fn as_text(&self) -> &str {
        match self {
            Checkpoint::TrimHorizon => "TRIM_HORIZON",
            Checkpoint::Latest => "LATEST",
            Checkpoint::Sequence(s) => s,
            Checkpoint::ShardEnd => "SHARD_END",
        }
    }
}

/// One row of the lease table.
#[derive(Debug, Clone, PartialEq)]
pub struct Lease {
    /// The shard id.
    pub lease_key: String,
    pub shard_index: u32,
    pub lease_owner: Option<String>,
    pub checkpoint: Checkpoint,
    pub lease_counter: u64,
    pub parent_shard_ids: Vec<String>,
    /// When the owner last took or renewed it.
    pub renewed_ms: Millis,
    /// The iterator age of the last read (`MillisBehindLatest`).
    pub millis_behind_latest: Option<Millis>,
    iterator: Option<String>,
    subscription: Option<EventStream>,
}

impl Lease {
    /// Leaves the lease without an owner: its iterator is dropped and its subscription cancelled.
    fn release(&mut self, engine: &mut Engine) {
        self.lease_owner = None;
        self.iterator = None;
        if let Some(s) = self.subscription.take() {
            s.cancel(engine);
        }
    }
}

/// A worker of an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worker {
    pub id: String,
    /// A stopped worker no longer renews its leases (as if its process hung); others take them over.
    pub stopped: bool,
    pub processed: u64,
    /// Records processed in the last whole second.
    pub processed_last_second: u64,
    second: (i64, u64),
}

/// What a test can follow: every record processed, and every shard finished, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Processed {
    Record { shard_index: u32, sequence_number: String },
    ShardEnd { shard_index: u32 },
}

/// How an application starts reading a shard it has never checkpointed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitialPosition {
    TrimHorizon,
    Latest,
}

/// A consumer application.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerApp {
    pub name: String,
    pub stream: String,
    pub enhanced_fan_out: bool,
    pub consumer_arn: Option<String>,
    pub initial_position: InitialPosition,
    /// Records per second each worker processes (polling).
    pub process_rate: u32,
    pub workers: Vec<Worker>,
    pub leases: Vec<Lease>,
    /// GetRecords calls refused with ReadProvisionedThroughputExceededException.
    pub throttled: u64,
    pub last_error: Option<String>,
    next_worker: u32,
    log: Option<Vec<Processed>>,
}

impl ConsumerApp {
    /// An application with `workers` workers (it registers its consumer, with enhanced fan-out, when
    /// [`ConsumerApp::start`] is called).
    pub fn new(name: &str, stream: &str, workers: usize, enhanced_fan_out: bool, initial: InitialPosition) -> Self {
        let mut app = ConsumerApp {
            name: name.to_owned(),
            stream: stream.to_owned(),
            enhanced_fan_out,
            consumer_arn: None,
            initial_position: initial,
            process_rate: DEFAULT_PROCESS_RATE,
            workers: Vec::new(),
            leases: Vec::new(),
            throttled: 0,
            last_error: None,
            next_worker: 1,
            log: None,
        };
        for _ in 0..workers.min(MAX_WORKERS) {
            app.add_worker();
        }
        app
    }

    /// Registers the enhanced fan-out consumer (named after the application).
    ///
    /// # Errors
    /// RegisterStreamConsumer's error, as `Type: message`.
    pub fn start(&mut self, engine: &mut Engine) -> Result<(), String> {
        if !self.enhanced_fan_out {
            return Ok(());
        }
        let arn = engine.stream_arn(&self.stream);
        let out = api::call_known(
            engine,
            &api::REGISTER_STREAM_CONSUMER,
            &json!({"StreamARN": arn, "ConsumerName": self.name}),
        )
        .map_err(|e| format!("{}: {}", e.error_type.aws_name(), e.message))?;
        self.consumer_arn = out["Consumer"]["ConsumerARN"].as_str().map(str::to_owned);
        Ok(())
    }

    /// Stops the application: cancels its subscriptions and deregisters its consumer.
    pub fn stop(&mut self, engine: &mut Engine) {
        for l in &mut self.leases {
            if let Some(s) = l.subscription.take() {
                s.cancel(engine);
            }
        }
        if let Some(arn) = self.consumer_arn.take() {
            let _ = api::call_known(engine, &api::DEREGISTER_STREAM_CONSUMER, &json!({"ConsumerARN": arn}));
        }
    }

    /// Keeps a log of every record processed and shard finished (for tests), or stops keeping one.
    pub fn keep_log(&mut self, keep: bool) {
        self.log = keep.then(Vec::new);
    }

    /// The log since the last call (empty when none is kept).
    pub fn take_log(&mut self) -> Vec<Processed> {
        self.log.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Adds a worker; returns its id.
    pub fn add_worker(&mut self) -> Option<String> {
        if self.workers.len() >= MAX_WORKERS {
            return None;
        }
        let id = format!("worker-{}", self.next_worker);
        self.next_worker += 1;
        self.workers.push(Worker {
            id: id.clone(),
            stopped: false,
            processed: 0,
            processed_last_second: 0,
            second: (0, 0),
        });
        Some(id)
    }

    /// Shuts a worker down cleanly: it releases its leases (others take them at the next pass).
    pub fn remove_worker(&mut self, engine: &mut Engine, id: &str) -> bool {
        let before = self.workers.len();
        self.workers.retain(|w| w.id != id);
        for l in self.leases.iter_mut().filter(|l| l.lease_owner.as_deref() == Some(id)) {
            l.release(engine);
        }
        self.workers.len() != before
    }

    /// Stops a worker without releasing its leases (it stops renewing them): they expire after [`FAILOVER_MS`].
    pub fn stop_worker(&mut self, id: &str) -> bool {
        self.workers.iter_mut().find(|w| w.id == id).map(|w| w.stopped = true).is_some()
    }

    fn running(&self, id: &str) -> bool {
        self.workers.iter().any(|w| w.id == id && !w.stopped)
    }

    /// One grid instant `now` (a multiple of [`crate::sim::STEP_MS`]).
    pub(crate) fn tick(&mut self, engine: &mut Engine) {
        let now = engine.now_ms();
        if now.rem_euclid(1_000) == 0 {
            self.sync_leases(engine, now);
            if now.rem_euclid(RENEW_MS) == 0 {
                self.renew(now);
            }
            self.expire(engine, now);
            self.take_leases(engine, now);
        }
        if self.enhanced_fan_out {
            self.push(engine, now);
        } else if now.rem_euclid(POLL_MS) == 0 {
            self.poll(engine, now);
        }
    }

    fn sync_leases(&mut self, engine: &Engine, now: Millis) {
        let Some(stream) = engine.stream(&self.stream) else { return };
        for shard in &stream.shards {
            let key = shard.shard_id();
            if self.leases.iter().any(|l| l.lease_key == key) {
                continue;
            }
            let parents: Vec<String> = shard.parents.iter().copied().map(shard_id).collect();
            // A shard present when the application starts begins at its initial position; a child born later
            // always from its start (as the KCL does), so nothing written to it is missed.
            let checkpoint = if self.leases.is_empty() && self.initial_position == InitialPosition::Latest {
                if shard.is_open() {
                    Checkpoint::Latest
                } else {
                    Checkpoint::ShardEnd
                }
            } else {
                Checkpoint::TrimHorizon
            };
            self.leases.push(Lease {
                lease_key: key,
                shard_index: shard.index,
                lease_owner: None,
                checkpoint,
                lease_counter: 0,
                parent_shard_ids: parents,
                renewed_ms: now,
                millis_behind_latest: None,
                iterator: None,
                subscription: None,
            });
        }
        // The first sync of a LATEST application sees every shard at once; later ones add children from the start.
        if self.initial_position == InitialPosition::Latest {
            self.initial_position = InitialPosition::TrimHorizon;
        }
        // Shards gone from the stream (past retention, stream deleted) leave the table.
        self.leases.retain(|l| stream.shard(l.shard_index).is_some());
    }

    fn renew(&mut self, now: Millis) {
        let running: Vec<String> = self.workers.iter().filter(|w| !w.stopped).map(|w| w.id.clone()).collect();
        for l in &mut self.leases {
            if l.lease_owner.as_ref().is_some_and(|o| running.contains(o)) {
                l.lease_counter += 1;
                l.renewed_ms = now;
            }
        }
    }

    fn expire(&mut self, engine: &mut Engine, now: Millis) {
        for l in &mut self.leases {
            if l.lease_owner.is_some() && now - l.renewed_ms >= FAILOVER_MS {
                l.release(engine);
            }
        }
    }

    /// True when the lease may be worked on: not finished, and its parents are.
    fn available(&self, i: usize) -> bool {
        let l = &self.leases[i];
        l.checkpoint != Checkpoint::ShardEnd
            && l.parent_shard_ids.iter().all(|p| {
                self.leases.iter().find(|x| &x.lease_key == p).is_none_or(|x| x.checkpoint == Checkpoint::ShardEnd)
            })
    }

    fn take_leases(&mut self, engine: &mut Engine, now: Millis) {
        let running: Vec<String> = self.workers.iter().filter(|w| !w.stopped).map(|w| w.id.clone()).collect();
        if running.is_empty() {
            return;
        }
        let available: Vec<usize> = (0..self.leases.len()).filter(|&i| self.available(i)).collect();
        let target = available.len().div_ceil(running.len());
        for w in &running {
            let count = |app: &ConsumerApp, id: &str| {
                available.iter().filter(|&&i| app.leases[i].lease_owner.as_deref() == Some(id)).count()
            };
            let held = count(self, w);
            if held >= target {
                continue;
            }
            let free = available.iter().copied().find(|&i| self.leases[i].lease_owner.is_none());
            // As the KCL's lease taker: steal one lease from the busiest worker when it holds more than the target,
            // or exactly the target while this worker is two or more short (4 shards over 3 workers is 2/2/0 with
            // a target of 2: stealing gives 2/1/1, where waiting for a busier worker would leave one idle).
            let needed = target - held;
            let pick = free.or_else(|| {
                let (busiest, most) = running.iter().map(|o| (o, count(self, o))).max_by_key(|(_, c)| *c)?;
                (most > target || (most == target && needed > 1)).then(|| {
                    available.iter().copied().find(|&i| self.leases[i].lease_owner.as_deref() == Some(busiest.as_str()))
                })?
            });
            if let Some(i) = pick {
                let l = &mut self.leases[i];
                l.release(engine);
                l.lease_owner = Some(w.clone());
                l.lease_counter += 1;
                l.renewed_ms = now;
            }
        }
    }

    fn note(&mut self, worker: &str, now: Millis, records: u64) {
        if let Some(w) = self.workers.iter_mut().find(|w| w.id == worker) {
            let second = now.div_euclid(1_000);
            if w.second.0 != second {
                w.processed_last_second = if w.second.0 == second - 1 { w.second.1 } else { 0 };
                w.second = (second, 0);
            }
            w.second.1 += records;
            w.processed += records;
        }
    }

    fn log(&mut self, p: Processed) {
        if let Some(log) = self.log.as_mut() {
            log.push(p);
        }
    }

    fn starting(&self, l: &Lease) -> Value {
        match &l.checkpoint {
            Checkpoint::Sequence(s) => json!({"Type": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": s}),
            Checkpoint::Latest => json!({"Type": "LATEST"}),
            _ => json!({"Type": "TRIM_HORIZON"}),
        }
    }

    /// The owner of lease `i` when it works on it now: the owner is running and the shard is not finished.
    fn worker_on(&self, i: usize) -> Option<String> {
        let l = &self.leases[i];
        let owner = l.lease_owner.as_ref()?;
        (self.running(owner) && l.checkpoint != Checkpoint::ShardEnd).then(|| owner.clone())
    }

    /// Counts `records` as processed from lease `i` by `owner` (GetRecords or a SubscribeToShard event) and
    /// checkpoints after the last of them.
    fn processed(&mut self, i: usize, owner: &str, now: Millis, records: &[Value], millis_behind_latest: Option<i64>) {
        let index = self.leases[i].shard_index;
        for r in records {
            let seq = r["SequenceNumber"].as_str().unwrap_or_default().to_owned();
            self.log(Processed::Record { shard_index: index, sequence_number: seq });
        }
        self.note(owner, now, records.len() as u64);
        let l = &mut self.leases[i];
        if let Some(last) = records.last().and_then(|r| r["SequenceNumber"].as_str()) {
            l.checkpoint = Checkpoint::Sequence(last.to_owned());
        }
        l.millis_behind_latest = millis_behind_latest;
    }

    fn poll(&mut self, engine: &mut Engine, now: Millis) {
        for i in 0..self.leases.len() {
            let Some(owner) = self.worker_on(i) else { continue };
            let owned = self.leases.iter().filter(|l| l.lease_owner.as_deref() == Some(owner.as_str())).count().max(1);
            let limit = (u64::from(self.process_rate) * POLL_MS as u64 / 1000 / owned as u64).clamp(1, 10_000);
            if self.leases[i].iterator.is_none() {
                let pos = self.starting(&self.leases[i]);
                let mut req = json!({"StreamName": self.stream, "ShardId": self.leases[i].lease_key});
                req["ShardIteratorType"] = pos["Type"].clone();
                if let Some(s) = pos.get("SequenceNumber") {
                    req["StartingSequenceNumber"] = s.clone();
                }
                match api::call_known(engine, &api::GET_SHARD_ITERATOR, &req) {
                    Ok(out) => self.leases[i].iterator = out["ShardIterator"].as_str().map(str::to_owned),
                    Err(e) => {
                        self.last_error =
                            Some(super::error_at(now, &format!("{}: {}", e.error_type.aws_name(), e.message)));
                        continue;
                    }
                }
            }
            let Some(it) = self.leases[i].iterator.clone() else { continue };
            match api::call_known(engine, &api::GET_RECORDS, &json!({"ShardIterator": it, "Limit": limit})) {
                Ok(out) => {
                    let records = out["Records"].as_array().map(Vec::as_slice).unwrap_or_default();
                    self.processed(i, &owner, now, records, out["MillisBehindLatest"].as_i64());
                    match out["NextShardIterator"].as_str() {
                        Some(next) => self.leases[i].iterator = Some(next.to_owned()),
                        None => self.finish(i),
                    }
                }
                Err(e) => {
                    if e.error_type.aws_name() == "ProvisionedThroughputExceededException" {
                        self.throttled += 1;
                    } else {
                        self.leases[i].iterator = None;
                    }
                    self.last_error =
                        Some(super::error_at(now, &format!("{}: {}", e.error_type.aws_name(), e.message)));
                }
            }
        }
    }

    fn finish(&mut self, i: usize) {
        let l = &mut self.leases[i];
        l.checkpoint = Checkpoint::ShardEnd;
        l.lease_owner = None;
        l.iterator = None;
        l.subscription = None;
        l.millis_behind_latest = Some(0);
        let index = l.shard_index;
        self.log(Processed::ShardEnd { shard_index: index });
    }

    fn push(&mut self, engine: &mut Engine, now: Millis) {
        let Some(arn) = self.consumer_arn.clone() else { return };
        // The KCL waits for the consumer it registered to be ACTIVE (it polls DescribeStreamConsumer) before any
        // worker subscribes: SubscribeToShard would refuse a CREATING one (ResourceInUseException).
        if !engine.consumer(ConsumerKey::Arn(&arn)).is_ok_and(|(_, c)| c.status == ConsumerStatus::Active) {
            return;
        }
        for i in 0..self.leases.len() {
            let Some(owner) = self.worker_on(i) else { continue };
            if self.leases[i].subscription.is_none() {
                if now.rem_euclid(1_000) != 0 {
                    continue;
                }
                let req = json!({"ConsumerARN": arn, "ShardId": self.leases[i].lease_key, "StartingPosition": self.starting(&self.leases[i])});
                match subscribe(engine, &req) {
                    Ok(s) => self.leases[i].subscription = Some(s),
                    Err(e) => {
                        self.last_error =
                            Some(super::error_at(now, &format!("{}: {}", e.error_type.aws_name(), e.message)));
                        continue;
                    }
                }
            }
            let Some(sub) = self.leases[i].subscription else { continue };
            for m in sub.poll(engine) {
                match m {
                    StreamMessage::Event { payload, .. } => {
                        let records = payload["Records"].as_array().map(Vec::as_slice).unwrap_or_default();
                        self.processed(i, &owner, now, records, payload["MillisBehindLatest"].as_i64());
                        if payload.get("ChildShards").is_some() && payload.get("ContinuationSequenceNumber").is_none() {
                            self.finish(i);
                            break;
                        }
                    }
                    StreamMessage::Exception { error, .. } => {
                        self.last_error =
                            Some(super::error_at(now, &format!("{}: {}", error.error_type.aws_name(), error.message)));
                    }
                    StreamMessage::End { .. } => self.leases[i].subscription = None,
                }
            }
        }
    }

    /// The shard's tip: its last record's sequence number, if any (for views: checkpoint against tip).
    pub fn tip(engine: &Engine, stream: &str, lease_key: &str) -> Option<String> {
        let s = engine.stream(stream)?.shard(parse_shard_id(lease_key)?)?;
        s.records().last().map(|r| r.sequence_number.to_string())
    }
}
