//! Control-plane operations: create and delete streams, retention, account limits (tags: [`super::tags`]).

use super::hash_key::even_ranges;
use super::settings::{StreamSettings, StreamUpdate};
use super::shard::Shard;
use super::stream::{PendingTransition, Stream, StreamMode, StreamStatus};
use super::{Engine, KinesisError, KinesisResult};
use crate::time::SECOND;
use std::collections::BTreeMap;

/// The shards an on-demand stream starts with (4 MiB/s and 4,000 records/s of write capacity).
pub const ON_DEMAND_INITIAL_SHARDS: u32 = 4;
/// Retention bounds, in hours.
pub const MIN_RETENTION_HOURS: u32 = 24;
pub const MAX_RETENTION_HOURS: u32 = 8760;
/// Tags a stream may carry.
pub const MAX_TAGS_PER_STREAM: usize = 50;

/// How a new stream gets its capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capacity {
    /// A fixed number of shards.
    Provisioned { shard_count: u32 },
    /// Shards managed by the service, starting at [`ON_DEMAND_INITIAL_SHARDS`].
    OnDemand,
}

/// DescribeLimits' answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountLimits {
    pub shard_limit: u32,
    pub open_shard_count: u32,
    pub on_demand_stream_count: u32,
    pub on_demand_stream_count_limit: u32,
}

impl Engine {
    /// CreateStream: the stream starts CREATING and becomes ACTIVE after the configured delay.
    ///
    /// # Errors
    /// `ResourceInUseException` when the name is taken; `LimitExceededException` when the account's shard limit,
    /// on-demand stream limit or the number of streams CREATING at once would be exceeded.
    pub fn create_stream(
        &mut self,
        name: &str,
        capacity: Capacity,
        tags: BTreeMap<String, String>,
    ) -> KinesisResult<()> {
        self.create_stream_with(name, capacity, tags, StreamSettings::default())
    }

    /// CreateStream with settings beside the shards (a maximum record size, a warm throughput).
    ///
    /// # Errors
    /// As [`Engine::create_stream`].
    pub fn create_stream_with(
        &mut self,
        name: &str,
        capacity: Capacity,
        tags: BTreeMap<String, String>,
        settings: StreamSettings,
    ) -> KinesisResult<()> {
        let account = self.config.account_id.clone();
        if self.streams.contains_key(name) {
            return Err(KinesisError::in_use(format!("Stream {name} under account {account} already exists.")));
        }
        let (mode, shard_count) = match capacity {
            Capacity::Provisioned { shard_count } => (StreamMode::Provisioned, shard_count),
            Capacity::OnDemand => (StreamMode::OnDemand, ON_DEMAND_INITIAL_SHARDS),
        };
        if shard_count == 0 {
            return Err(KinesisError::invalid("ShardCount must be at least 1."));
        }
        let creating = self.streams.values().filter(|s| s.status == StreamStatus::Creating).count();
        if creating >= self.config.max_creating_streams as usize {
            return Err(KinesisError::limit(format!(
                "This request would exceed the limit of {} streams in the CREATING state for the account {account}.",
                self.config.max_creating_streams
            )));
        }
        if mode == StreamMode::OnDemand {
            let on_demand = self.streams.values().filter(|s| s.mode == StreamMode::OnDemand).count();
            if on_demand >= self.config.on_demand_stream_limit as usize {
                return Err(KinesisError::limit(format!(
                    "This request would exceed the on-demand stream limit for the account {account} in {}. Current on-demand stream count for the account: {on_demand}. Limit: {}.",
                    self.config.region, self.config.on_demand_stream_limit
                )));
            }
        } else {
            self.check_shard_limit(shard_count)?;
        }
        if tags.len() > MAX_TAGS_PER_STREAM {
            return Err(too_many_tags(name, &account));
        }
        let now = self.now;
        // Shards are stamped a little before the stream, as real sequence numbers show.
        let shard_created = now - 2 * SECOND;
        let shards = even_ranges(shard_count)
            .into_iter()
            .zip(0u32..)
            .map(|(range, i)| Shard::new(i, range, shard_created))
            .collect();
        let stream = Stream {
            name: name.to_owned(),
            arn: self.stream_arn(name),
            status: StreamStatus::Creating,
            pending: Some(PendingTransition::BecomeActive { at_ms: now + self.config.create_delay_ms }),
            last_scaled_ms: None,
            scaling_ops_ms: Vec::new(),
            mode_changes_ms: Vec::new(),
            consumers: Vec::new(),
            // A warm throughput asked for at creation is reached when CREATING ends.
            update: settings.warm_throughput_mibps.map(StreamUpdate::WarmThroughput),
            settings,
            mode,
            created_ms: now,
            retention_hours: MIN_RETENTION_HOURS,
            tags,
            shards,
            next_shard_index: shard_count,
        };
        self.insert_stream(stream);
        if self.config.create_delay_ms <= 0 {
            self.advance(0);
        }
        Ok(())
    }

    /// LimitExceededException when `additional` more open provisioned shards would pass the account's limit.
    /// Counted as DescribeLimits counts `OpenShardCount`: open shards of provisioned streams not being deleted
    /// (the shard quota is a provisioned-mode quota; on-demand streams have their own stream-count limit).
    pub(crate) fn check_shard_limit(&self, additional: u32) -> KinesisResult<()> {
        let open = self.describe_limits().open_shard_count;
        let limit = self.config.shard_limit;
        if u64::from(open) + u64::from(additional) > u64::from(limit) {
            return Err(KinesisError::limit(format!(
                "This request would exceed the shard limit for the account {} in {}. Current shard count for the account: {open}. Limit: {limit}. Number of additional shards that would have resulted from this request: {additional}. Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.",
                self.config.account_id, self.config.region
            )));
        }
        Ok(())
    }

    /// Open shards over all streams that are not being deleted.
    pub fn open_shard_count(&self) -> u32 {
        self.streams.values().filter(|s| s.status != StreamStatus::Deleting).map(|s| s.open_shard_count() as u32).sum()
    }

    /// DeleteStream without `EnforceConsumerDeletion`: see [`Engine::delete_stream_with`].
    ///
    /// # Errors
    /// As [`Engine::delete_stream_with`].
    pub fn delete_stream(&mut self, name: &str) -> KinesisResult<()> {
        self.delete_stream_with(name, false)
    }

    /// DeleteStream: the stream turns DELETING and vanishes after the configured delay. A stream with registered
    /// consumers is deleted only with `enforce_consumer_deletion`, and its consumers turn DELETING with it.
    ///
    /// # Errors
    /// `ResourceNotFoundException` when there is no such stream; `ResourceInUseException` when it is already
    /// being deleted, or has consumers and `enforce_consumer_deletion` is false.
    pub fn delete_stream_with(&mut self, name: &str, enforce_consumer_deletion: bool) -> KinesisResult<()> {
        let account = self.config.account_id.clone();
        let at_ms = self.now + self.config.delete_delay_ms;
        if self.existing(name)?.status == StreamStatus::Deleting {
            return Err(KinesisError::in_use(format!(
                "Stream {name} under account {account} not ACTIVE, instead in state DELETING"
            )));
        }
        self.release_consumers_for_delete(name, enforce_consumer_deletion)?;
        let not_found = self.stream_not_found(name);
        let stream = self.streams.get_mut(name).ok_or(not_found)?;
        // A stream deleted before it became ACTIVE never had shards to show.
        if stream.status == StreamStatus::Creating {
            stream.shards.clear();
        }
        stream.status = StreamStatus::Deleting;
        stream.pending = Some(PendingTransition::Vanish { at_ms });
        stream.update = None;
        self.touch();
        if self.config.delete_delay_ms <= 0 {
            self.advance(0);
        }
        Ok(())
    }

    /// IncreaseStreamRetentionPeriod.
    ///
    /// # Errors
    /// `InvalidArgumentException` outside 24..=8760 hours or below the current period; `ResourceNotFoundException`;
    /// `ResourceInUseException` unless the stream is ACTIVE.
    pub fn increase_retention(&mut self, name: &str, hours: i64) -> KinesisResult<()> {
        check_retention_bounds(hours)?;
        let stream = self.active_mut(name)?;
        if hours < i64::from(stream.retention_hours) {
            return Err(KinesisError::invalid(format!(
                "Requested retention period ({hours} hours) for stream {name} can not be shorter than existing retention period ({} hours). Use DecreaseRetentionPeriod API.",
                stream.retention_hours
            )));
        }
        stream.retention_hours = hours as u32;
        self.touch();
        Ok(())
    }

    /// DecreaseStreamRetentionPeriod: records older than the new period become unreadable at once.
    ///
    /// # Errors
    /// As [`Engine::increase_retention`], with "longer than existing" when the value is above the current period.
    pub fn decrease_retention(&mut self, name: &str, hours: i64) -> KinesisResult<()> {
        check_retention_bounds(hours)?;
        let stream = self.active_mut(name)?;
        if hours > i64::from(stream.retention_hours) {
            return Err(KinesisError::invalid(format!(
                "Requested retention period ({hours} hours) for stream {name} can not be longer than existing retention period ({} hours). Use IncreaseRetentionPeriod API.",
                stream.retention_hours
            )));
        }
        stream.retention_hours = hours as u32;
        self.apply_retention();
        self.touch();
        Ok(())
    }

    /// DescribeLimits.
    pub fn describe_limits(&self) -> AccountLimits {
        AccountLimits {
            shard_limit: self.config.shard_limit,
            open_shard_count: self
                .streams
                .values()
                .filter(|s| s.mode == StreamMode::Provisioned && s.status != StreamStatus::Deleting)
                .map(|s| s.open_shard_count() as u32)
                .sum(),
            on_demand_stream_count: self.streams.values().filter(|s| s.mode == StreamMode::OnDemand).count() as u32,
            on_demand_stream_count_limit: self.config.on_demand_stream_limit,
        }
    }
}

fn check_retention_bounds(hours: i64) -> KinesisResult<()> {
    if hours < i64::from(MIN_RETENTION_HOURS) {
        return Err(KinesisError::invalid(format!(
            "Minimum allowed retention period is {MIN_RETENTION_HOURS} hours. Requested retention period ({hours} hours) is too short."
        )));
    }
    if hours > i64::from(MAX_RETENTION_HOURS) {
        return Err(KinesisError::invalid(format!(
            "Maximum allowed retention period is {MAX_RETENTION_HOURS} hours. Requested retention period ({hours} hours) is too long."
        )));
    }
    Ok(())
}

pub(crate) fn too_many_tags(name: &str, account: &str) -> KinesisError {
    KinesisError::invalid(format!(
        "Failed to add tags to stream {name} under account {account} because a given stream cannot have more than {MAX_TAGS_PER_STREAM} tags associated with it."
    ))
}
