//! Resharding: SplitShard, MergeShards, UpdateShardCount, and the UpdateStreamMode switch.
//!
//! A split closes one shard and opens two children that share its hash key range; a merge closes two adjacent
//! shards and opens one child over both ranges. As in Kinesis, the call only starts the change: the stream is
//! UPDATING for the configured delay, the old shards stay open (listed, read and written as before, with no
//! children), and the shard map changes when UPDATING ends. Then the parents close (readable until retention trims
//! them, with an EndingSequenceNumber) and new writes go to the children. Readers should drain a parent (until
//! GetRecords returns no NextShardIterator) before reading its children, so that each partition key's records
//! come in order.

use super::hash_key::{even_ranges, parse_hash_key, HashKeyRange};
use super::settings::StreamUpdate;
use super::shard::Shard;
use super::stream::{PendingTransition, StreamMode, StreamStatus};
use super::{parse_shard_id, Engine, KinesisError, KinesisResult};
use crate::time::{Millis, DAY};

/// Most UpdateShardCount calls per stream in a rolling 24 hours.
pub const MAX_SCALING_OPS_PER_DAY: usize = 10;
/// Most open shards UpdateShardCount may target in one stream.
pub const MAX_SHARDS_PER_STREAM: i64 = 10_000;
/// Most capacity-mode switches per stream in a rolling 24 hours.
pub const MAX_MODE_CHANGES_PER_DAY: usize = 2;

impl Engine {
    fn provisioned_active(&mut self, name: &str, operation: &str) -> KinesisResult<()> {
        let account = self.config.account_id.clone();
        let stream = self.active_mut(name)?;
        if stream.mode == StreamMode::OnDemand {
            return Err(KinesisError::invalid(format!(
                "{operation} is not supported for stream {name} under account {account} because it is in ON_DEMAND capacity mode. On-demand streams manage their shards themselves."
            )));
        }
        Ok(())
    }

    /// An open shard of the stream for a split or merge; messages name it as the caller wrote it.
    fn open_shard(&self, name: &str, id: &str) -> KinesisResult<Shard> {
        let account = &self.config.account_id;
        let shard = parse_shard_id(id).and_then(|i| self.stream(name).and_then(|s| s.shard(i))).ok_or_else(|| {
            KinesisError::not_found(format!("Could not find shard {id} in stream {name} under account {account}."))
        })?;
        if !shard.is_open() {
            return Err(KinesisError::invalid(format!(
                "Shard {id} in stream {name} under account {account} has already been merged or split, and thus is not eligible for merging or splitting."
            )));
        }
        Ok(shard.clone())
    }

    /// The stream turns UPDATING; `update` happens when UPDATING ends.
    pub(crate) fn start_updating(&mut self, name: &str, update: Option<StreamUpdate>) {
        let at_ms = self.now + self.config.update_delay_ms;
        if let Some(s) = self.stream_mut(name) {
            s.status = StreamStatus::Updating;
            s.pending = Some(PendingTransition::BecomeActive { at_ms });
            s.update = update;
        }
        self.touch();
        if self.config.update_delay_ms <= 0 {
            self.advance(0);
        }
    }

    /// Closes the listed open shards and opens new ones over the given ranges, each with its parents.
    pub(crate) fn replace_shards(
        &mut self,
        name: &str,
        closing: &[u32],
        children: Vec<(HashKeyRange, Vec<u32>)>,
    ) -> Vec<u32> {
        let now = self.now;
        let Some(stream) = self.stream_mut(name) else { return Vec::new() };
        for s in stream.shards.iter_mut().filter(|s| closing.contains(&s.index)) {
            s.closed_ms = Some(now);
        }
        let mut created = Vec::new();
        for (range, parents) in children {
            let index = stream.next_shard_index;
            stream.next_shard_index += 1;
            let mut child = Shard::new(index, range, now);
            child.parent_index = parents.first().copied();
            child.adjacent_parent_index = parents.get(1).copied();
            child.parents = parents;
            stream.shards.push(child);
            created.push(index);
        }
        self.touch();
        created
    }

    /// Splits an open shard at the middle of its range without any check (used by on-demand scaling).
    pub(crate) fn split_at_midpoint(&mut self, name: &str, index: u32) {
        let Some(shard) = self.stream(name).and_then(|s| s.shard(index)).filter(|s| s.is_open()) else { return };
        let r = shard.hash_key_range;
        if r.span() < 2 {
            return;
        }
        let mid = r.midpoint();
        let lower = HashKeyRange { starting_hash_key: r.starting_hash_key, ending_hash_key: mid - 1 };
        let upper = HashKeyRange { starting_hash_key: mid, ending_hash_key: r.ending_hash_key };
        self.replace_shards(name, &[index], vec![(lower, vec![index]), (upper, vec![index])]);
    }

    /// SplitShard: `[lo, hi]` becomes `[lo, k - 1]` and `[k, hi]` when UPDATING ends. `new_starting_hash_key`
    /// is the decimal text of the request (any number of digits: one beyond 2^128 - 1 gets the usual message).
    ///
    /// # Errors
    /// `InvalidArgumentException` unless `lo + 1 < k < hi`, for a closed shard or an on-demand stream;
    /// `ResourceNotFoundException`; `ResourceInUseException` unless ACTIVE; `LimitExceededException` at the
    /// account's shard limit.
    pub fn split_shard(&mut self, name: &str, shard_to_split: &str, new_starting_hash_key: &str) -> KinesisResult<()> {
        self.provisioned_active(name, "SplitShard")?;
        let shard = self.open_shard(name, shard_to_split)?;
        let r = shard.hash_key_range;
        let key = parse_hash_key(new_starting_hash_key);
        let Some(k) = key.filter(|&k| k > r.starting_hash_key.saturating_add(1) && k < r.ending_hash_key) else {
            return Err(KinesisError::invalid(format!(
                "NewStartingHashKey {new_starting_hash_key} used in SplitShard() on shard {shard_to_split} in stream {name} under account {} is not both greater than one plus the shard's StartingHashKey {} and less than the shard's EndingHashKey {}.",
                self.config.account_id, r.starting_hash_key, r.ending_hash_key
            )));
        };
        self.check_shard_limit(1)?;
        let lower = HashKeyRange { starting_hash_key: r.starting_hash_key, ending_hash_key: k - 1 };
        let upper = HashKeyRange { starting_hash_key: k, ending_hash_key: r.ending_hash_key };
        let children = vec![(lower, vec![shard.index]), (upper, vec![shard.index])];
        self.start_updating(name, Some(StreamUpdate::Reshard { closing: vec![shard.index], children }));
        Ok(())
    }

    /// MergeShards: two adjacent open shards (the first's range ending just before the second's) become one when
    /// UPDATING ends.
    ///
    /// # Errors
    /// `InvalidArgumentException` when they are not an adjacent pair, are closed, or the stream is on-demand;
    /// `ResourceNotFoundException`; `ResourceInUseException` unless ACTIVE.
    pub fn merge_shards(&mut self, name: &str, shard_to_merge: &str, adjacent_shard: &str) -> KinesisResult<()> {
        self.provisioned_active(name, "MergeShards")?;
        let a = self.open_shard(name, shard_to_merge)?;
        let b = self.open_shard(name, adjacent_shard)?;
        if a.hash_key_range.ending_hash_key.checked_add(1) != Some(b.hash_key_range.starting_hash_key) {
            return Err(KinesisError::invalid(format!(
                "Shards {shard_to_merge} and {adjacent_shard} in stream {name} under account {} are not an adjacent pair of shards eligible for merging",
                self.config.account_id
            )));
        }
        let range = HashKeyRange {
            starting_hash_key: a.hash_key_range.starting_hash_key,
            ending_hash_key: b.hash_key_range.ending_hash_key,
        };
        let update =
            StreamUpdate::Reshard { closing: vec![a.index, b.index], children: vec![(range, vec![a.index, b.index])] };
        self.start_updating(name, Some(update));
        Ok(())
    }

    /// UpdateShardCount with UNIFORM_SCALING: every open shard closes and `target` shards of equal width open.
    /// Returns the open shard count before the change.
    ///
    /// # Errors
    /// `LimitExceededException` beyond double or below half the open shard count, over 10,000 shards, past the
    /// account's shard limit or after 10 scaling operations in 24 hours; `InvalidArgumentException` for on-demand
    /// streams or an unchanged count; `ResourceNotFoundException`; `ResourceInUseException` unless ACTIVE.
    pub fn update_shard_count(&mut self, name: &str, target: i64) -> KinesisResult<u32> {
        self.provisioned_active(name, "UpdateShardCount")?;
        let account = self.config.account_id.clone();
        let now = self.now;
        let stream = self.existing(name)?;
        let mut open: Vec<Shard> = stream.open_shards().cloned().collect();
        crate::lean::sort_by_key(&mut open, |s| s.hash_key_range.starting_hash_key);
        let current = open.len() as i64;
        if target > 2 * current {
            return Err(KinesisError::limit(format!(
                "UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: {current} Target shard count: {target}"
            )));
        }
        if target * 2 < current {
            return Err(KinesisError::limit(format!(
                "UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: {current} Target shard count: {target}"
            )));
        }
        if target > MAX_SHARDS_PER_STREAM {
            return Err(KinesisError::limit(format!(
                "UpdateShardCount cannot scale up to more than {MAX_SHARDS_PER_STREAM} shards in a stream. Target shard count: {target}"
            )));
        }
        let recent: Vec<Millis> = stream.scaling_ops_ms.iter().copied().filter(|t| now - t < DAY).collect();
        if recent.len() >= MAX_SCALING_OPS_PER_DAY {
            return Err(KinesisError::limit(format!(
                "Stream {name} under account {account} has already been scaled {MAX_SCALING_OPS_PER_DAY} times in the last 24 hours, the most UpdateShardCount allows."
            )));
        }
        if target == current {
            return Err(KinesisError::invalid(format!(
                "Stream {name} under account {account} already has {current} open shards; UpdateShardCount needs a different target."
            )));
        }
        if target > current {
            self.check_shard_limit((target - current) as u32)?;
        }
        let closing: Vec<u32> = open.iter().map(|s| s.index).collect();
        let children = even_ranges(target as u32)
            .into_iter()
            .map(|range| {
                let parents = open
                    .iter()
                    .filter(|s| {
                        s.hash_key_range.starting_hash_key <= range.ending_hash_key
                            && range.starting_hash_key <= s.hash_key_range.ending_hash_key
                    })
                    .map(|s| s.index)
                    .collect();
                (range, parents)
            })
            .collect();
        if let Some(s) = self.stream_mut(name) {
            s.scaling_ops_ms.retain(|t| now - t < DAY);
            s.scaling_ops_ms.push(now);
        }
        self.start_updating(name, Some(StreamUpdate::Reshard { closing, children }));
        Ok(current as u32)
    }

    /// UpdateStreamMode: switches between PROVISIONED and ON_DEMAND, keeping the shards.
    ///
    /// # Errors
    /// `LimitExceededException` after two switches in 24 hours or past the on-demand stream limit;
    /// `InvalidArgumentException` when the stream is already in that mode; `ResourceNotFoundException`;
    /// `ResourceInUseException` unless ACTIVE.
    pub fn update_stream_mode(&mut self, name: &str, mode: StreamMode) -> KinesisResult<()> {
        let account = self.config.account_id.clone();
        let now = self.now;
        let on_demand = self.streams().filter(|s| s.mode == StreamMode::OnDemand).count();
        let limit = self.config.on_demand_stream_limit as usize;
        let stream = self.active_mut(name)?;
        if stream.mode == mode {
            return Err(KinesisError::invalid(format!(
                "Stream {name} under account {account} is already in {} mode.",
                mode.as_str()
            )));
        }
        stream.mode_changes_ms.retain(|t| now - t < DAY);
        if stream.mode_changes_ms.len() >= MAX_MODE_CHANGES_PER_DAY {
            return Err(KinesisError::limit(format!(
                "Stream {name} under account {account} has already switched capacity mode {MAX_MODE_CHANGES_PER_DAY} times in the last 24 hours, the most allowed."
            )));
        }
        if mode == StreamMode::OnDemand && on_demand >= limit {
            return Err(KinesisError::limit(format!(
                "This request would exceed the on-demand stream limit for the account {account}. Limit: {limit}."
            )));
        }
        stream.mode = mode;
        stream.mode_changes_ms.push(now);
        stream.last_scaled_ms = Some(now);
        self.start_updating(name, None);
        Ok(())
    }
}
