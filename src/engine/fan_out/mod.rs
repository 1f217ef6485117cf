//! Enhanced fan-out: consumers registered with a stream, and the SubscribeToShard subscriptions that push a shard's
//! records to them, each consumer with its own 2 MiB per second per shard.
//!
//! | file | what |
//! |---|---|
//! | [`consumer`] | RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers, DeregisterStreamConsumer; consumer ARNs; statuses; DeleteStream's consumer check |
//! | [`subscription`] | SubscribeToShard: starting positions, one subscription per consumer and shard, takeover, the 5-minute lifetime |
//! | [`delivery`] | which events a subscription pushes at each simulated second |
//!
//! **Consumers.** A consumer belongs to one stream and is named by an ARN that ends with its registration time in
//! epoch seconds: `arn:aws:kinesis:us-east-1:123456789012:stream/S/consumer/C:1704067205`. It is `CREATING` for the
//! engine's create delay, then `ACTIVE`; deregistering makes it `DELETING` for the delete delay, then it is gone.
//! Limits (the service model's documentation): 20 consumers per stream, 5 consumers `CREATING` at once per account,
//! RegisterStreamConsumer 5 calls per second per account, DescribeStreamConsumer 20 and DeregisterStreamConsumer 5
//! per second per stream (the call rates are lifted with the per-shard limits, by `enforce_throughput`).
//!
//! **Subscriptions.** SubscribeToShard opens a subscription of an `ACTIVE` consumer to one shard for 5 simulated
//! minutes. Kinesis pushes the shard's records as they arrive; the playground pushes at most one event per
//! simulated second of the subscription (the first at the moment it opens), each with the records that had arrived
//! by then, up to the consumer's own 2 MiB for that second: this budget is the consumer's, apart from the 5 calls
//! and 2 MiB per second that every GetRecords reader of the shard shares. A quiet shard still gets an empty event
//! every 5 seconds, so the ContinuationSequenceNumber (the last record pushed: resume with `AFTER_SEQUENCE_NUMBER`)
//! keeps moving. Once a closed shard has been pushed to its end, a last event carries no records, no
//! ContinuationSequenceNumber and the `ChildShards`, and the subscription ends. Events are computed from the
//! records' arrival times, so the same calls give the same events whether a subscription is read every second or
//! once at the end.
//!
//! **Messages.** Recorded from the real service: `Another active subscription exists for this consumer: <account>:
//! <stream>:<shard>:<consumer>` (a second SubscribeToShard within 5 seconds), `Consumer <name> with creation timestamp
//! <secs> under stream: <stream> , account <account> is not in ACTIVE status.` (SubscribeToShard for a consumer not
//! `ACTIVE`) and DeleteStream's `DeleteStream can't delete <arn> because there are consumers associated with this
//! data stream. ...`. Where no record of AWS's text exists (a consumer not found or already registered, the
//! consumer limits), the playground words the message after those.

pub mod consumer;
pub mod delivery;
pub mod subscription;

pub use consumer::{Consumer, ConsumerKey, ConsumerStatus};
pub use subscription::{
    EndReason, EventKind, PushedEvent, StartingPosition, SubscribeToShardEvent, Subscription, SubscriptionEnd,
    SubscriptionId, SubscriptionPoll,
};

use crate::time::{Millis, MINUTE, SECOND};
use std::collections::BTreeMap;

/// Most consumers a stream may have registered (On-demand Advantage streams may have 50; the playground's streams
/// are Standard on-demand or provisioned ones).
pub const MAX_CONSUMERS_PER_STREAM: usize = 20;
/// Most consumers `CREATING` at once in the account.
pub const MAX_CREATING_CONSUMERS: usize = 5;
/// RegisterStreamConsumer calls per second in the account.
pub const REGISTER_CALLS_PER_SEC: u32 = 5;
/// DescribeStreamConsumer calls per second per stream.
pub const DESCRIBE_CALLS_PER_SEC: u32 = 20;
/// DeregisterStreamConsumer calls per second per stream.
pub const DEREGISTER_CALLS_PER_SEC: u32 = 5;
/// Tags a consumer may carry.
pub const MAX_TAGS_PER_CONSUMER: usize = 50;
/// How long a subscription lives.
pub const SUBSCRIPTION_LIFETIME_MS: Millis = 5 * MINUTE;
/// A second SubscribeToShard for the same consumer and shard within this time of a successful one is refused;
/// later, it takes the subscription over.
pub const RESUBSCRIBE_GUARD_MS: Millis = 5 * SECOND;
/// SubscribeToShard calls per consumer and shard: one per second.
pub const SUBSCRIBE_CALL_INTERVAL_MS: Millis = SECOND;
/// What each consumer may receive per shard per second.
pub const FAN_OUT_BYTES_PER_SEC: usize = 2 * 1024 * 1024;
/// A quiet subscription gets an empty event this often.
pub const HEARTBEAT_MS: Millis = 5 * SECOND;
/// Ended subscriptions kept for the views, most recent first.
pub const ENDED_SUBSCRIPTIONS_KEPT: usize = 64;

/// Calls counted in the current simulated second.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct CallCounter {
    second: i64,
    calls: u32,
}

impl CallCounter {
    /// Counts a call at `now` if it fits `limit` calls in its second; `false` when it does not (the call is refused
    /// and not counted).
    fn admit(&mut self, now: Millis, limit: u32, enforce: bool) -> bool {
        let second = now.div_euclid(SECOND);
        if self.second != second {
            *self = CallCounter { second, calls: 0 };
        }
        if enforce && self.calls >= limit {
            return false;
        }
        self.calls += 1;
        true
    }
}

/// Per-stream call counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct StreamCalls {
    describe: CallCounter,
    deregister: CallCounter,
}

/// The enhanced fan-out state the engine keeps beside its streams (the consumers themselves live on their stream).
#[derive(Debug, Clone, Default)]
pub struct FanOut {
    register_calls: CallCounter,
    stream_calls: BTreeMap<String, StreamCalls>,
    /// The last admitted SubscribeToShard call per consumer ARN and shard index.
    subscribe_calls: BTreeMap<(String, u32), Millis>,
    /// The last successful SubscribeToShard per consumer ARN and shard index.
    subscribe_successes: BTreeMap<(String, u32), Millis>,
    subscriptions: BTreeMap<u64, Subscription>,
    next_subscription: u64,
}
