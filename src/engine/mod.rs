//! The pure, deterministic Kinesis Data Streams state machine.
//!
//! [`Engine`] holds every stream of one simulated account and region, and a simulated clock. Nothing here reads
//! the wall clock or OS randomness: the caller moves time with [`Engine::advance`], and the same calls at the same
//! simulated times always give the same results. Operations validate what the *service* checks beyond the API
//! model (stream state, ranges, positions) and answer with AWS's error types and messages; the model's own
//! constraints (lengths, patterns, enums) are checked by [`crate::api`] first.
//!
//! Modules: [`hash_key`] (MD5 routing, ranges), [`sequence`] (the 56-digit layout), [`shard`] (record storage),
//! [`stream`] (status, retention), [`settings`] (encryption, metrics, record size, warm throughput, the change
//! UPDATING makes when it ends), [`iterator`] (iterator tokens), [`control`] (create, delete, retention,
//! limits), [`tags`] (tags by stream name), [`records`] (PutRecord(s), GetShardIterator, GetRecords), [`metrics`]
//! (per-shard seconds), [`capacity`] (throughput limits, on-demand scaling), [`tank`] (a shard's write bytes),
//! [`reshard`] (split, merge, shard count, mode), [`fan_out`] (enhanced fan-out: registered consumers and their
//! SubscribeToShard subscriptions),
//! [`configure`] (encryption, enhanced monitoring, record size, what UPDATING does when it ends), [`account`]
//! (account settings, warm throughput), [`resources`] (resources by ARN: tags, policies).

pub mod account;
pub mod capacity;
pub mod configure;
pub mod control;
pub mod error;
pub mod fan_out;
pub mod hash_key;
pub mod iterator;
pub mod metrics;
pub mod records;
pub mod reshard;
pub mod resources;
pub mod sequence;
pub mod settings;
pub mod shard;
pub mod stream;
pub mod tags;
pub mod tank;

pub use error::{ErrorType, KinesisError, KinesisResult};
pub use hash_key::HashKeyRange;
pub use iterator::ShardIteratorType;
pub use sequence::SequenceNumber;
pub use shard::{Record, RecordRef, Shard};
pub use stream::{PendingTransition, Stream, StreamMode, StreamStatus};

use crate::time::{Millis, SECOND};
use std::collections::BTreeMap;

/// The canonical shard ID of a shard index: `shardId-000000000007`.
pub fn shard_id(index: u32) -> String {
    format!("shardId-{index:012}")
}

/// Reads a shard ID as the service does: the digits after the first `-` (`shardId-0`, `shard-0` and `0` all mean
/// shard 0). `None` when that is not a number from 0 to 2147483647.
pub fn parse_shard_id(text: &str) -> Option<u32> {
    let digits = match text.split_once('-') {
        Some((_, rest)) => rest.split('-').next().unwrap_or(""),
        None => text,
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u32>().ok().filter(|&i| i <= i32::MAX as u32)
}

/// Engine settings: the account, the limits, and how long status transitions take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineConfig {
    /// The simulated time the engine starts at.
    pub start_time_ms: Millis,
    pub account_id: String,
    pub region: String,
    /// How long CREATING lasts.
    pub create_delay_ms: Millis,
    /// How long UPDATING lasts (resharding, mode changes).
    pub update_delay_ms: Millis,
    /// How long DELETING lasts.
    pub delete_delay_ms: Millis,
    /// Provisioned shards the account may have open (DescribeLimits `ShardLimit`).
    pub shard_limit: u32,
    /// On-demand streams the account may have (DescribeLimits `OnDemandStreamCountLimit`).
    pub on_demand_stream_limit: u32,
    /// Streams that may be CREATING at once.
    pub max_creating_streams: u32,
    /// A limit of the playground, not of Kinesis: records kept in memory over all streams.
    pub max_retained_records: usize,
    /// Whether the per-shard throughput limits are enforced (they are in Kinesis; turning them off lets a
    /// lesson or a benchmark write without pacing).
    pub enforce_throughput: bool,
}

/// 2024-01-01T00:00:00Z, the default start of simulated time.
pub const DEFAULT_START_MS: Millis = 1_704_067_200_000;

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            start_time_ms: DEFAULT_START_MS,
            account_id: "123456789012".into(),
            region: "us-east-1".into(),
            create_delay_ms: 5 * SECOND,
            update_delay_ms: 5 * SECOND,
            delete_delay_ms: 5 * SECOND,
            shard_limit: 20_000,
            on_demand_stream_limit: 50,
            max_creating_streams: 5,
            max_retained_records: 1_000_000,
            enforce_throughput: true,
        }
    }
}

/// The simulated Kinesis service of one account in one region.
#[derive(Debug, Clone)]
pub struct Engine {
    config: EngineConfig,
    now: Millis,
    streams: BTreeMap<String, Stream>,
    retained_records: usize,
    revision: u64,
    fan_out: fan_out::FanOut,
    /// The account's minimum throughput billing commitment (UpdateAccountSettings).
    commitment: account::Commitment,
}

impl Engine {
    /// An engine with no streams, its clock at `config.start_time_ms`.
    pub fn new(config: EngineConfig) -> Self {
        Engine {
            now: config.start_time_ms,
            config,
            streams: BTreeMap::new(),
            retained_records: 0,
            revision: 0,
            fan_out: fan_out::FanOut::default(),
            commitment: account::Commitment::default(),
        }
    }

    /// The settings.
    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// Turns the per-shard throughput limits on (as in Kinesis) or off.
    pub fn set_enforce_throughput(&mut self, on: bool) {
        self.config.enforce_throughput = on;
        self.touch();
    }

    /// The simulated time, in epoch milliseconds.
    pub fn now_ms(&self) -> Millis {
        self.now
    }

    /// A counter that grows with every change of state, so views can tell when to redraw.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub(crate) fn touch(&mut self) {
        self.revision += 1;
    }

    /// Moves the simulated clock forward by `ms` (negative values are ignored): status transitions that fall due
    /// happen at their moment (consumers' at the end of the move: their outcome does not depend on when), on-demand
    /// streams are checked for scaling on every whole simulated second on the way (see [`capacity`]), and records
    /// older than their stream's retention period are trimmed.
    ///
    /// Advancing is **chunk-invariant**: `advance(a)` then `advance(b)` leaves exactly the state `advance(a + b)`
    /// leaves, because everything that happens on the way happens at a moment fixed by absolute time (a
    /// transition's `at_ms`, a second boundary), never at the end of a call. Saved sessions rely on this to replay
    /// the page's live clock, which advances in frame-sized chunks, as one entry (`tests/chunk_invariance.rs`).
    pub fn advance(&mut self, ms: Millis) {
        let target = self.now.saturating_add(ms.max(0)).min(crate::time::MAX_MILLIS);
        // The instant up to which scaling checks have run: checks at second boundaries in (checked, target].
        let mut checked = self.now;
        loop {
            let transition = self.next_transition(target);
            let check = self.next_scaling_check(checked, target);
            match (transition, check) {
                // At the same instant, the transition comes first (a stream becoming ACTIVE is checked at once).
                (Some((name, at)), c) if c.is_none_or(|c| at <= c) => {
                    self.now = self.now.max(at);
                    self.apply_transition(&name);
                }
                (_, Some(at)) => {
                    self.now = self.now.max(at);
                    checked = at;
                    self.scale_on_demand();
                }
                _ => break,
            }
        }
        self.now = self.now.max(target);
        self.apply_consumer_transitions();
        self.apply_retention();
        self.touch();
    }

    /// Moves the clock to `at_ms` if that is later than now.
    pub fn advance_to(&mut self, at_ms: Millis) {
        self.advance(at_ms.saturating_sub(self.now));
    }

    fn next_transition(&self, until: Millis) -> Option<(String, Millis)> {
        self.streams
            .values()
            .filter_map(|s| s.pending.map(|p| (s.name.clone(), p.at_ms())))
            .filter(|(_, at)| *at <= until)
            .min_by_key(|(_, at)| *at)
    }

    fn apply_transition(&mut self, name: &str) {
        let Some(stream) = self.streams.get_mut(name) else {
            return;
        };
        match stream.pending.take() {
            Some(PendingTransition::BecomeActive { .. }) => {
                stream.status = StreamStatus::Active;
                if let Some(update) = stream.update.take() {
                    self.apply_update(name, update);
                }
            }
            Some(PendingTransition::Vanish { .. }) => {
                let gone = stream.record_count();
                self.streams.remove(name);
                self.retained_records -= gone;
            }
            None => {}
        }
    }

    pub(crate) fn apply_retention(&mut self) {
        let now = self.now;
        let dropped: usize = self.streams.values_mut().map(|s| s.apply_retention(now)).sum();
        self.retained_records -= dropped;
    }

    /// Every stream (any status), by name.
    pub fn streams(&self) -> impl Iterator<Item = &Stream> + '_ {
        self.streams.values()
    }

    /// A stream by name, whatever its status.
    pub fn stream(&self, name: &str) -> Option<&Stream> {
        self.streams.get(name)
    }

    pub(crate) fn stream_mut(&mut self, name: &str) -> Option<&mut Stream> {
        self.streams.get_mut(name)
    }

    /// Records retained over all streams.
    pub fn retained_records(&self) -> usize {
        self.retained_records
    }

    /// The ARN of a stream name in this account and region.
    pub fn stream_arn(&self, name: &str) -> String {
        format!("arn:aws:kinesis:{}:{}:stream/{}", self.config.region, self.config.account_id, name)
    }

    /// The stream name an ARN of this account and region points at; `None` for any other ARN.
    pub fn stream_name_from_arn(&self, arn: &str) -> Option<String> {
        let prefix = format!("arn:aws:kinesis:{}:{}:stream/", self.config.region, self.config.account_id);
        arn.strip_prefix(&prefix).filter(|n| !n.is_empty() && !n.contains('/')).map(str::to_owned)
    }

    /// `Stream X under account Y not found.`
    pub(crate) fn stream_not_found(&self, name: &str) -> KinesisError {
        KinesisError::not_found(format!("Stream {name} under account {} not found.", self.config.account_id))
    }

    /// A stream that exists (any status), or ResourceNotFoundException.
    pub(crate) fn existing(&self, name: &str) -> KinesisResult<&Stream> {
        self.streams.get(name).ok_or_else(|| self.stream_not_found(name))
    }

    /// A stream that exists and is ACTIVE: ResourceNotFoundException or ResourceInUseException otherwise.
    pub(crate) fn active_mut(&mut self, name: &str) -> KinesisResult<&mut Stream> {
        let account = self.config.account_id.clone();
        let not_found = self.stream_not_found(name);
        let stream = self.streams.get_mut(name).ok_or(not_found)?;
        if stream.status != StreamStatus::Active {
            return Err(KinesisError::in_use(format!(
                "Stream {name} under account {account} not ACTIVE, instead in state {}",
                stream.status.as_str()
            )));
        }
        Ok(stream)
    }

    pub(crate) fn insert_stream(&mut self, stream: Stream) {
        self.streams.insert(stream.name.clone(), stream);
        self.touch();
    }

    pub(crate) fn add_retained(&mut self, n: usize) {
        self.retained_records += n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_ids_are_read_leniently() {
        assert_eq!(shard_id(7), "shardId-000000000007");
        assert_eq!(parse_shard_id("shardId-000000000007"), Some(7));
        assert_eq!(parse_shard_id("shardId-0"), Some(0));
        assert_eq!(parse_shard_id("shard-0"), Some(0));
        assert_eq!(parse_shard_id("foo-12"), Some(12));
        assert_eq!(parse_shard_id("3"), Some(3));
        assert_eq!(parse_shard_id("shardId-"), None);
        assert_eq!(parse_shard_id("shardId-abc"), None);
        assert_eq!(parse_shard_id("shardId-2147483648"), None);
        assert_eq!(parse_shard_id("shardId-99999999999999999999"), None);
    }

    #[test]
    fn arns_round_trip() {
        let e = Engine::new(EngineConfig::default());
        let arn = e.stream_arn("DemoStream");
        assert_eq!(arn, "arn:aws:kinesis:us-east-1:123456789012:stream/DemoStream");
        assert_eq!(e.stream_name_from_arn(&arn).as_deref(), Some("DemoStream"));
        assert_eq!(e.stream_name_from_arn("arn:aws:kinesis:eu-west-1:123456789012:stream/DemoStream"), None);
    }
}
