//! A stream: its name and ARN, status, capacity mode, retention, tags, its shards (open and closed) and its
//! registered consumers.

use super::fan_out::Consumer;
use super::hash_key::HashKeyRange;
use super::settings::{StreamSettings, StreamUpdate};
use super::shard::Shard;
use crate::time::{Millis, HOUR};
use std::collections::BTreeMap;

/// The stream status machine: `CREATING -> ACTIVE <-> UPDATING`, and any of them `-> DELETING -> (gone)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StreamStatus {
    Creating,
    Deleting,
    Active,
    Updating,
}

impl StreamStatus {
    /// The wire name, e.g. `ACTIVE`.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamStatus::Creating => "CREATING",
            StreamStatus::Deleting => "DELETING",
            StreamStatus::Active => "ACTIVE",
            StreamStatus::Updating => "UPDATING",
        }
    }
}

/// Capacity mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StreamMode {
    Provisioned,
    OnDemand,
}

impl StreamMode {
    /// The wire name, e.g. `ON_DEMAND`.
    pub fn as_str(self) -> &'static str {
        match self {
            StreamMode::Provisioned => "PROVISIONED",
            StreamMode::OnDemand => "ON_DEMAND",
        }
    }

    /// Parses a wire name.
    pub fn parse(text: &str) -> Option<StreamMode> {
        match text {
            "PROVISIONED" => Some(StreamMode::Provisioned),
            "ON_DEMAND" => Some(StreamMode::OnDemand),
            _ => None,
        }
    }
}

/// A status change scheduled for a moment of simulated time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PendingTransition {
    /// CREATING or UPDATING becomes ACTIVE.
    BecomeActive { at_ms: Millis },
    /// DELETING ends: the stream is gone.
    Vanish { at_ms: Millis },
}

impl PendingTransition {
    /// When the transition happens.
    pub fn at_ms(&self) -> Millis {
        match *self {
            PendingTransition::BecomeActive { at_ms } | PendingTransition::Vanish { at_ms } => at_ms,
        }
    }
}

/// One stream.
#[derive(Debug, Clone)]
pub struct Stream {
    pub name: String,
    pub arn: String,
    pub status: StreamStatus,
    pub pending: Option<PendingTransition>,
    pub mode: StreamMode,
    pub created_ms: Millis,
    pub retention_hours: u32,
    pub tags: BTreeMap<String, String>,
    /// Every shard not yet expired, by index (open ones and closed ones still holding data).
    pub shards: Vec<Shard>,
    /// The index the next new shard gets.
    pub next_shard_index: u32,
    /// When on-demand scaling (or a mode switch) last changed the shards.
    pub last_scaled_ms: Option<Millis>,
    /// When UpdateShardCount ran, over the last day.
    pub scaling_ops_ms: Vec<Millis>,
    /// When UpdateStreamMode ran, over the last day.
    pub mode_changes_ms: Vec<Millis>,
    /// Enhanced fan-out consumers registered with the stream, in registration order.
    pub consumers: Vec<Consumer>,
    /// Encryption, shard-level metrics, maximum record size, warm throughput, resource policy.
    pub settings: StreamSettings,
    /// What changes when the current UPDATING ends.
    pub update: Option<StreamUpdate>,
}

impl Stream {
    /// The retention period in milliseconds.
    pub fn retention_ms(&self) -> Millis {
        Millis::from(self.retention_hours) * HOUR
    }

    /// The shard with this index, if it exists and has not expired.
    pub fn shard(&self, index: u32) -> Option<&Shard> {
        self.shards.binary_search_by_key(&index, |s| s.index).ok().map(|i| &self.shards[i])
    }

    pub(crate) fn shard_mut(&mut self, index: u32) -> Option<&mut Shard> {
        self.shards.binary_search_by_key(&index, |s| s.index).ok().map(move |i| &mut self.shards[i])
    }

    /// Open shards, in index order.
    pub fn open_shards(&self) -> impl Iterator<Item = &Shard> + '_ {
        self.shards.iter().filter(|s| s.is_open())
    }

    /// How many shards are open.
    pub fn open_shard_count(&self) -> usize {
        self.open_shards().count()
    }

    /// The open shard that owns a hash key. Open shards' ranges partition the space, so there is exactly one.
    pub fn shard_for_hash_key(&self, hash_key: u128) -> Option<&Shard> {
        self.open_shards().find(|s| s.hash_key_range.contains(hash_key))
    }

    pub(crate) fn shard_index_for_hash_key(&self, hash_key: u128) -> Option<usize> {
        self.shards.iter().position(|s| s.is_open() && s.hash_key_range.contains(hash_key))
    }

    /// Shards created from this one by a split or merge.
    pub fn children_of(&self, index: u32) -> impl Iterator<Item = &Shard> + '_ {
        self.shards.iter().filter(move |s| s.parent_index == Some(index) || s.adjacent_parent_index == Some(index))
    }

    /// The open shards' ranges, sorted by starting hash key.
    pub fn open_ranges(&self) -> Vec<HashKeyRange> {
        let mut r: Vec<HashKeyRange> = self.open_shards().map(|s| s.hash_key_range).collect();
        crate::lean::sort(&mut r);
        r
    }

    /// The number of retained records over all shards.
    pub fn record_count(&self) -> usize {
        self.shards.iter().map(Shard::record_count).sum()
    }

    /// Drops records older than the retention period, and closed shards whose data has all expired.
    /// Returns how many records were dropped.
    pub(crate) fn apply_retention(&mut self, now_ms: Millis) -> usize {
        let cutoff = now_ms.saturating_sub(self.retention_ms());
        let dropped = self.shards.iter_mut().map(|s| s.trim_before(cutoff)).sum();
        self.settings.forget_encryption_before(cutoff);
        self.shards.retain(|s| s.is_open() || s.record_count() > 0 || s.closed_ms.is_some_and(|c| c >= cutoff));
        dropped
    }
}
