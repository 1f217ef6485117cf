//! SubscribeToShard: opening a subscription, where it starts, and the rules that keep one subscription per
//! consumer and shard.
//!
//! A second call for the same consumer and shard within 5 seconds of a successful one is refused with
//! `ResourceInUseException`; a call 5 seconds or more later takes the subscription over, and the older one ends
//! with a `ResourceInUseException` event. Calls are limited to one per second per consumer and shard.

use super::{
    ConsumerKey, ConsumerStatus, ENDED_SUBSCRIPTIONS_KEPT, RESUBSCRIBE_GUARD_MS, SUBSCRIBE_CALL_INTERVAL_MS,
    SUBSCRIPTION_LIFETIME_MS,
};
use crate::engine::records::ChildShard;
use crate::engine::sequence::MAX_COUNTER;
use crate::engine::shard::Shard;
use crate::engine::{
    parse_shard_id, shard_id, Engine, ErrorType, KinesisError, KinesisResult, Record, SequenceNumber, ShardIteratorType,
};
use crate::time::Millis;
use std::collections::VecDeque;

/// Where a subscription starts: SubscribeToShard's `StartingPosition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartingPosition<'a> {
    pub kind: ShardIteratorType,
    /// For `AT_SEQUENCE_NUMBER` and `AFTER_SEQUENCE_NUMBER`.
    pub sequence_number: Option<&'a str>,
    /// For `AT_TIMESTAMP`.
    pub timestamp_ms: Option<Millis>,
}

/// A subscription's number, unique in the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SubscriptionId(pub u64);

/// The records part of an event: SubscribeToShardEvent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscribeToShardEvent {
    pub records: Vec<Record>,
    /// The last record pushed so far (resume with `AFTER_SEQUENCE_NUMBER`); `None` in the event at a closed
    /// shard's end.
    pub continuation_sequence_number: Option<SequenceNumber>,
    /// The age of the oldest record that has arrived and is not pushed yet (0 when caught up).
    pub millis_behind_latest: Millis,
    /// The shards that replaced this one, in the event at a closed shard's end.
    pub child_shards: Option<Vec<ChildShard>>,
}

/// What a subscription pushes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// A `SubscribeToShardEvent`.
    Records(SubscribeToShardEvent),
    /// An exception event (`ResourceInUseException`, `ResourceNotFoundException`, ...); the subscription ends.
    Exception(KinesisError),
}

/// One pushed event and when it was pushed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushedEvent {
    pub at_ms: Millis,
    pub kind: EventKind,
}

/// Why a subscription ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndReason {
    /// The 5 minutes were over: the consumer calls SubscribeToShard again (from its ContinuationSequenceNumber).
    Expired,
    /// A closed shard was pushed to its end: the consumer goes on with the child shards.
    ShardEnd,
    /// An exception event ended it.
    Exception(ErrorType),
    /// The consumer closed the connection.
    Cancelled,
}

/// When and why a subscription ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubscriptionEnd {
    pub at_ms: Millis,
    pub reason: EndReason,
}

/// What reading a subscription returns: the events pushed since the last read, and whether it has ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionPoll {
    pub events: Vec<PushedEvent>,
    pub end: Option<SubscriptionEnd>,
}

/// One pushed event, in brief, for the views' timelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSummary {
    pub at_ms: Millis,
    pub records: usize,
    /// Data plus partition keys.
    pub bytes: usize,
    pub millis_behind_latest: Millis,
    pub continuation_sequence_number: Option<SequenceNumber>,
    /// Child shards listed (at a closed shard's end).
    pub child_shards: usize,
    /// The exception, for an exception event.
    pub exception: Option<ErrorType>,
}

/// An end decided from outside the subscription, at a moment: with the exception event it pushes, or none when
/// the consumer closed the connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Interrupt {
    pub at_ms: Millis,
    pub error: Option<KinesisError>,
}

/// Most event summaries a subscription keeps (one a second for 5 minutes).
pub const EVENT_LOG_LEN: usize = 300;

/// A subscription of a consumer to a shard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub id: SubscriptionId,
    pub consumer_arn: String,
    pub consumer_name: String,
    pub stream_name: String,
    pub(crate) stream_created_ms: Millis,
    pub shard_index: u32,
    /// The starting position's type.
    pub starting_type: ShardIteratorType,
    pub started_ms: Millis,
    /// When it ends at the latest (5 minutes after it started).
    pub expires_ms: Millis,
    /// The counter of the next record to push.
    pub position: u64,
    /// The shard's tip when the subscription opened: the first event pushes the records before it.
    pub(crate) start_tip: u64,
    /// The next moment an event may be pushed.
    pub(crate) next_tick_ms: Millis,
    pub(crate) last_event_ms: Option<Millis>,
    /// An end decided from outside (takeover, deregistration, the consumer closing it).
    pub(crate) interrupt: Option<Interrupt>,
    pub end: Option<SubscriptionEnd>,
    /// Records and bytes pushed so far.
    pub records_pushed: u64,
    pub bytes_pushed: u64,
    /// The latest events, oldest first.
    pub log: VecDeque<EventSummary>,
}

impl Subscription {
    /// `shardId-000000000003`.
    pub fn shard_id(&self) -> String {
        shard_id(self.shard_index)
    }

    /// Whether it still pushes events.
    pub fn is_open(&self) -> bool {
        self.end.is_none()
    }

    /// When the subscription was closed by the consumer, taken over or interrupted, before its end is read (the
    /// next [`Engine::poll_subscription`] records it): for views, which see such a subscription as ended.
    pub fn interrupted_ms(&self) -> Option<Millis> {
        self.interrupt.as_ref().map(|i| i.at_ms)
    }
}

impl Engine {
    fn shard_not_exist_in(&self, stream: &str, index: u32) -> KinesisError {
        KinesisError::not_found(format!(
            "Shard {} in stream {stream} under account {} does not exist",
            shard_id(index),
            self.config.account_id
        ))
    }

    /// SubscribeToShard: opens a subscription of an `ACTIVE` consumer to a shard, for 5 simulated minutes. Read
    /// its events with [`Engine::poll_subscription`].
    ///
    /// # Errors
    /// `ResourceNotFoundException` for an unknown consumer or shard; `ResourceInUseException` when the consumer is
    /// not `ACTIVE` or another subscription of it to the shard started less than 5 seconds ago;
    /// `LimitExceededException` for a second call within a second; `InvalidArgumentException` for a starting
    /// position that does not fit the type or the shard.
    pub fn subscribe_to_shard(
        &mut self,
        consumer_arn: &str,
        shard_id_text: &str,
        position: &StartingPosition<'_>,
    ) -> KinesisResult<SubscriptionId> {
        let now = self.now;
        let account = self.config.account_id.clone();
        // Calls older than the rules look back are forgotten (consumers come and go).
        self.fan_out.subscribe_calls.retain(|_, t| now - *t < SUBSCRIBE_CALL_INTERVAL_MS);
        self.fan_out.subscribe_successes.retain(|_, t| now - *t < RESUBSCRIBE_GUARD_MS);
        let (stream, consumer) = self.consumer(ConsumerKey::Arn(consumer_arn))?;
        let (stream_name, stream_created_ms) = (stream.name.clone(), stream.created_ms);
        if consumer.status != ConsumerStatus::Active {
            return Err(KinesisError::in_use(self.not_active_message(&stream_name, consumer)));
        }
        let consumer_name = consumer.name.clone();
        let index = parse_shard_id(shard_id_text).ok_or_else(|| {
            KinesisError::not_found(format!(
                "Could not find shard {shard_id_text} in stream {stream_name} under account {account}."
            ))
        })?;
        let shard = stream.shard(index).ok_or_else(|| self.shard_not_exist_in(&stream_name, index))?;
        let key = (consumer_arn.to_owned(), index);
        if self.fan_out.subscribe_successes.get(&key).is_some_and(|&t| now - t < RESUBSCRIBE_GUARD_MS) {
            return Err(KinesisError::in_use(format!(
                "Another active subscription exists for this consumer: {account}:{stream_name}:{}:{consumer_name}",
                shard_id(index)
            )));
        }
        let throttled = self.fan_out.subscribe_calls.get(&key).is_some_and(|&t| now - t < SUBSCRIBE_CALL_INTERVAL_MS);
        if throttled && self.config.enforce_throughput {
            return Err(KinesisError::limit(format!(
                "Rate exceeded for consumer {consumer_name} and shard {} in stream {stream_name} under account {account}.",
                shard_id(index)
            )));
        }
        let start_tip = shard.next_counter();
        let start = self.starting_counter(shard, &stream_name, position);
        self.fan_out.subscribe_calls.insert(key.clone(), now);
        let start = start?;
        let taken_over = format!(
            "The subscription of consumer {consumer_name} to shard {} was taken over by a newer SubscribeToShard call.",
            shard_id(index)
        );
        for sub in self.fan_out.subscriptions.values_mut() {
            if sub.consumer_arn == consumer_arn && sub.shard_index == index && sub.is_open() && sub.interrupt.is_none()
            {
                sub.interrupt = Some(Interrupt { at_ms: now, error: Some(KinesisError::in_use(taken_over.clone())) });
            }
        }
        self.fan_out.subscribe_successes.insert(key, now);
        let id = SubscriptionId(self.fan_out.next_subscription);
        self.fan_out.next_subscription += 1;
        let subscription = Subscription {
            id,
            consumer_arn: consumer_arn.to_owned(),
            consumer_name,
            stream_name,
            stream_created_ms,
            shard_index: index,
            starting_type: position.kind,
            started_ms: now,
            expires_ms: now.saturating_add(SUBSCRIPTION_LIFETIME_MS),
            position: start,
            start_tip,
            next_tick_ms: now,
            last_event_ms: None,
            interrupt: None,
            end: None,
            records_pushed: 0,
            bytes_pushed: 0,
            log: VecDeque::new(),
        };
        self.fan_out.subscriptions.insert(id.0, subscription);
        self.prune_subscriptions();
        self.touch();
        Ok(id)
    }

    /// The counter a starting position resolves to in a shard.
    fn starting_counter(&self, shard: &Shard, stream: &str, p: &StartingPosition<'_>) -> KinesisResult<u64> {
        use ShardIteratorType::*;
        let account = &self.config.account_id;
        let mixing = |what: &str| {
            KinesisError::invalid(format!(
                "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and SequenceNumber or (2) TRIM_HORIZON or LATEST and no SequenceNumber. Request specified {} and {what} SequenceNumber.",
                p.kind.as_str()
            ))
        };
        match (p.kind, p.sequence_number) {
            (TrimHorizon | Latest, Some(_)) => Err(mixing("also a")),
            (AtSequenceNumber | AfterSequenceNumber, None) => Err(mixing("no")),
            (TrimHorizon, None) => Ok(shard.first_counter()),
            (Latest, None) => Ok(shard.next_counter()),
            (AtTimestamp, _) => {
                let t = p.timestamp_ms.ok_or_else(|| {
                    KinesisError::invalid(
                        "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.",
                    )
                })?;
                if t > self.now {
                    return Err(KinesisError::invalid(format!(
                        "The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: {t}, currentTimestampInMillis: {}",
                        self.now
                    )));
                }
                Ok(shard.counter_at_timestamp(t))
            }
            (AtSequenceNumber | AfterSequenceNumber, Some(text)) => {
                let canonical = shard.shard_id();
                let invalid = |why: &str| {
                    KinesisError::invalid(format!(
                        "SequenceNumber {text} used in SubscribeToShard on shard {canonical} in stream {stream} under account {account} is invalid{why}."
                    ))
                };
                let seq = SequenceNumber::parse(text).ok_or_else(|| invalid(""))?;
                if seq.shard_index != shard.index {
                    return Err(KinesisError::invalid(format!(
                        "Invalid StartingSequenceNumber. It encodes {}, while it was used in a call to a shard with {canonical}",
                        seq.shard_id()
                    )));
                }
                if seq.shard_created_secs != shard.starting_sequence_number().shard_created_secs {
                    return Err(invalid(" because it did not come from this stream"));
                }
                if p.kind == AtSequenceNumber {
                    return Ok(seq.counter);
                }
                if seq.counter == MAX_COUNTER {
                    return Err(KinesisError::invalid(
                        "Invalid SequenceNumber for ShardIteratorType AFTER_SEQUENCE_NUMBER, SequenceNumber has reached max possible value for the shard.",
                    ));
                }
                Ok(seq.counter + 1)
            }
        }
    }

    /// Ends the open subscriptions of a consumer with an exception event at the current time.
    pub(crate) fn interrupt_subscriptions(&mut self, consumer_arn: &str, error: &KinesisError) {
        let now = self.now;
        for sub in self.fan_out.subscriptions.values_mut() {
            if sub.consumer_arn == consumer_arn && sub.is_open() && sub.interrupt.is_none() {
                sub.interrupt = Some(Interrupt { at_ms: now, error: Some(error.clone()) });
            }
        }
    }

    /// The consumer closes a subscription's connection: it pushes nothing more (what it pushed before now is still
    /// read by the next [`Engine::poll_subscription`]). Another SubscribeToShard for the same consumer and shard
    /// is still refused until 5 seconds after this one started. Unknown or ended subscriptions are left alone.
    pub fn cancel_subscription(&mut self, id: SubscriptionId) {
        let now = self.now;
        if let Some(sub) = self.fan_out.subscriptions.get_mut(&id.0).filter(|s| s.is_open()) {
            if sub.interrupt.is_none() {
                sub.interrupt = Some(Interrupt { at_ms: now, error: None });
            }
            self.touch();
        }
    }

    /// A subscription (open, or ended recently), by its number.
    pub fn subscription(&self, id: SubscriptionId) -> Option<&Subscription> {
        self.fan_out.subscriptions.get(&id.0)
    }

    /// Open subscriptions and recently ended ones, oldest first.
    pub fn subscriptions(&self) -> impl Iterator<Item = &Subscription> + '_ {
        self.fan_out.subscriptions.values()
    }

    /// Keeps every open subscription and the most recent ended ones.
    fn prune_subscriptions(&mut self) {
        let ended: Vec<u64> = self.fan_out.subscriptions.values().filter(|s| !s.is_open()).map(|s| s.id.0).collect();
        let excess = ended.len().saturating_sub(ENDED_SUBSCRIPTIONS_KEPT);
        for id in ended.into_iter().take(excess) {
            self.fan_out.subscriptions.remove(&id);
        }
    }
}
