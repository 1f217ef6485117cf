//! Which events a subscription pushes, second by second.
//!
//! A subscription has a tick at the moment it opens and every simulated second after. At each tick it pushes the
//! records that arrived before it (the first tick: those there when the call was made), from its position on, up to the consumer's own 2 MiB for the second (at least
//! one record, at most 10,000). A tick with nothing to push sends an empty event only if 5 seconds have passed
//! since the last one (or if it is the first). When a closed shard has been pushed to its end, the next tick sends
//! the last event: no records, no ContinuationSequenceNumber, the child shards. The 5-minute lifetime ends the
//! subscription at its 300th tick; an interruption (takeover, deregistration) pushes its exception event at its
//! own moment. Everything is computed from arrival times, so reading late changes nothing.

use super::subscription::{EventSummary, Interrupt, EVENT_LOG_LEN};
use super::{
    ConsumerStatus, EndReason, EventKind, PushedEvent, SubscribeToShardEvent, Subscription, SubscriptionEnd,
    SubscriptionId, SubscriptionPoll, FAN_OUT_BYTES_PER_SEC, HEARTBEAT_MS,
};
use crate::engine::records::{ChildShard, MAX_GET_RECORDS_BYTES, MAX_GET_RECORDS_LIMIT};
use crate::engine::stream::Stream;
use crate::engine::{Engine, KinesisError, Record, SequenceNumber};
use crate::time::{Millis, SECOND};

/// What one tick does.
enum Tick {
    /// Nothing to push.
    Quiet,
    Push(SubscribeToShardEvent),
    /// The last event of a closed shard.
    ShardEnd(SubscribeToShardEvent),
    /// The stream or the consumer is gone.
    Gone(KinesisError),
}

impl Engine {
    /// The events a subscription has pushed since it was last read, up to the current simulated time, and its end
    /// if it has ended. `None` for a subscription the engine does not know (or no longer keeps).
    pub fn poll_subscription(&mut self, id: SubscriptionId) -> Option<SubscriptionPoll> {
        let mut sub = self.fan_out.subscriptions.remove(&id.0)?;
        let before = (sub.log.len(), sub.end);
        let poll = self.catch_up(&mut sub);
        if (sub.log.len(), sub.end) != before || !poll.events.is_empty() {
            self.touch();
        }
        self.fan_out.subscriptions.insert(id.0, sub);
        Some(poll)
    }

    fn catch_up(&self, sub: &mut Subscription) -> SubscriptionPoll {
        let now = self.now;
        let mut events = Vec::new();
        while sub.end.is_none() {
            let t = sub.next_tick_ms;
            // An interruption at the moment of a tick comes after it: a read at that moment, before the call that
            // interrupted, would have seen the tick.
            if let Some(interrupt) = sub.interrupt.clone().filter(|i| i.at_ms < t && i.at_ms <= now) {
                end_by(sub, &mut events, interrupt);
                break;
            }
            if t > now {
                break;
            }
            if t >= sub.expires_ms {
                sub.end = Some(SubscriptionEnd { at_ms: sub.expires_ms, reason: EndReason::Expired });
                break;
            }
            match self.tick(sub, t) {
                Tick::Quiet => {}
                Tick::Push(e) => push(sub, &mut events, t, EventKind::Records(e)),
                Tick::ShardEnd(e) => {
                    push(sub, &mut events, t, EventKind::Records(e));
                    sub.end = Some(SubscriptionEnd { at_ms: t, reason: EndReason::ShardEnd });
                }
                // Gone after an interruption (a stream deleted with its consumers): the interruption says why.
                Tick::Gone(_) if sub.interrupt.is_some() => {
                    if let Some(interrupt) = sub.interrupt.clone() {
                        end_by(sub, &mut events, interrupt);
                    }
                }
                Tick::Gone(e) => {
                    let reason = EndReason::Exception(e.error_type);
                    push(sub, &mut events, t, EventKind::Exception(e));
                    sub.end = Some(SubscriptionEnd { at_ms: t, reason });
                }
            }
            sub.next_tick_ms = t.saturating_add(SECOND);
        }
        SubscriptionPoll { events, end: sub.end }
    }

    fn tick(&self, sub: &mut Subscription, t: Millis) -> Tick {
        let Some(stream) = self.stream(&sub.stream_name).filter(|s| s.created_ms == sub.stream_created_ms) else {
            return Tick::Gone(self.shard_gone(&sub.stream_name, sub.shard_index));
        };
        // An interrupted subscription still pushes until the moment of its interruption, whatever the consumer's
        // status is by now.
        if sub.interrupt.is_none() {
            match stream.consumers.iter().find(|c| c.arn == sub.consumer_arn) {
                Some(c) if c.status == ConsumerStatus::Active => {}
                Some(c) => return Tick::Gone(KinesisError::in_use(self.not_active_message(&stream.name, c))),
                None => return Tick::Gone(self.shard_gone(&sub.stream_name, sub.shard_index)),
            }
        }
        let budget = if self.config.enforce_throughput { FAN_OUT_BYTES_PER_SEC } else { MAX_GET_RECORDS_BYTES };
        let Some(shard) = stream.shard(sub.shard_index) else {
            // A closed shard whose records have all expired: its end is reached.
            return Tick::ShardEnd(end_event(stream, sub.shard_index));
        };
        // A tick pushes the records that arrived before it; the first one also those written before the call at
        // the same millisecond. (A record written at the very moment of a tick waits for the next one, so reading
        // at that moment or later gives the same events.)
        let first_tick = sub.last_event_ms.is_none() && t == sub.started_ms;
        let arrived = |counter: u64, arrival: Millis| arrival < t || (first_tick && counter < sub.start_tip);
        let start = sub.position.max(shard.first_counter());
        let (mut records, mut bytes, mut next) = (Vec::new(), 0usize, start);
        for r in shard.records_from(start) {
            let size = r.data.len() + r.partition_key.len();
            let full = records.len() >= MAX_GET_RECORDS_LIMIT || (!records.is_empty() && bytes + size > budget);
            if !arrived(r.sequence_number.counter, r.arrival_ms) || full {
                break;
            }
            bytes += size;
            next = r.sequence_number.counter + 1;
            records.push(Record::from(r));
        }
        sub.position = next;
        let closed_by_now = shard.closed_ms.is_some_and(|c| c < t);
        if records.is_empty() && closed_by_now && next >= shard.next_counter() {
            return Tick::ShardEnd(end_event(stream, sub.shard_index));
        }
        let heartbeat_due = sub.last_event_ms.is_none_or(|last| t - last >= HEARTBEAT_MS);
        if records.is_empty() && !heartbeat_due {
            return Tick::Quiet;
        }
        let continuation = match next.checked_sub(1).and_then(|c| shard.record_at(c)) {
            Some(r) => r.sequence_number,
            None => SequenceNumber { counter: next.saturating_sub(1), ..shard.starting_sequence_number() },
        };
        let millis_behind_latest = shard.arrival_of(next).filter(|&a| arrived(next, a)).map_or(0, |a| t - a);
        Tick::Push(SubscribeToShardEvent {
            records,
            continuation_sequence_number: Some(continuation),
            millis_behind_latest,
            child_shards: None,
        })
    }

    fn shard_gone(&self, stream: &str, index: u32) -> KinesisError {
        KinesisError::not_found(format!(
            "Shard {} in stream {stream} under account {} does not exist",
            crate::engine::shard_id(index),
            self.config.account_id
        ))
    }
}

/// The last event of a closed shard: no records, no ContinuationSequenceNumber, the child shards.
fn end_event(stream: &Stream, index: u32) -> SubscribeToShardEvent {
    let children = stream
        .children_of(index)
        .map(|c| ChildShard {
            shard_index: c.index,
            parent_indexes: [c.parent_index, c.adjacent_parent_index].into_iter().flatten().collect(),
            hash_key_range: c.hash_key_range,
        })
        .collect();
    SubscribeToShardEvent {
        records: Vec::new(),
        continuation_sequence_number: None,
        millis_behind_latest: 0,
        child_shards: Some(children),
    }
}

/// Ends a subscription as an interruption says: with its exception event, or quietly when the consumer closed it.
fn end_by(sub: &mut Subscription, events: &mut Vec<PushedEvent>, interrupt: Interrupt) {
    let at_ms = interrupt.at_ms;
    let reason = match interrupt.error {
        Some(e) => {
            let reason = EndReason::Exception(e.error_type);
            push(sub, events, at_ms, EventKind::Exception(e));
            reason
        }
        None => EndReason::Cancelled,
    };
    sub.end = Some(SubscriptionEnd { at_ms, reason });
}

fn push(sub: &mut Subscription, events: &mut Vec<PushedEvent>, at_ms: Millis, kind: EventKind) {
    let summary = match &kind {
        EventKind::Records(e) => {
            let bytes: usize = e.records.iter().map(|r| r.data.len() + r.partition_key.len()).sum();
            sub.records_pushed += e.records.len() as u64;
            sub.bytes_pushed += bytes as u64;
            EventSummary {
                at_ms,
                records: e.records.len(),
                bytes,
                millis_behind_latest: e.millis_behind_latest,
                continuation_sequence_number: e.continuation_sequence_number,
                child_shards: e.child_shards.as_ref().map_or(0, Vec::len),
                exception: None,
            }
        }
        EventKind::Exception(err) => EventSummary {
            at_ms,
            records: 0,
            bytes: 0,
            millis_behind_latest: 0,
            continuation_sequence_number: None,
            child_shards: 0,
            exception: Some(err.error_type),
        },
    };
    if sub.log.len() >= EVENT_LOG_LEN {
        sub.log.pop_front();
    }
    sub.log.push_back(summary);
    sub.last_event_ms = Some(at_ms);
    events.push(PushedEvent { at_ms, kind });
}
