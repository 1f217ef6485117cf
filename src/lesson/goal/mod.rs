//! Goals: declarative checks of the engine's state and of the commands run, never of printed text.
//!
//! One goal per line in a step's `### Goals` list, words separated by spaces (`"..."` quotes a word with spaces), an
//! optional `| label` giving the text the learner sees (otherwise [`Goal::describe`] writes one):
//!
//! | goal | met when |
//! |---|---|
//! | `stream NAME exists` / `stream NAME absent` | the stream is listed / is not |
//! | `stream NAME status ACTIVE` | its status is that (`CREATING`, `ACTIVE`, `UPDATING`, `DELETING`) |
//! | `stream NAME mode ON_DEMAND` | its capacity mode is that (`PROVISIONED`, `ON_DEMAND`) |
//! | `stream NAME open-shards N` | exactly N shards are open |
//! | `stream NAME retention H` | its retention period is H hours |
//! | `stream NAME records at-least K [key P] [shard S]` | at least K records are retained (with partition key P, in shard S) |
//! | `stream NAME records at-most K [key P] [shard S]` | at most K are (after trimming, say) |
//! | `stream NAME split` / `stream NAME merged` | one of its shards came from a split / a merge |
//! | `command OP succeeded [with --option VALUE ...]` | an `aws kinesis OP` succeeded this step (with those arguments; `*`: any value) |
//! | `command OP failed [ERROR]` | one failed this step (with that error type, e.g. `ExpiredIteratorException`) |
//! | `reader TYPE records [shard S]` | a get-records through a `TYPE` iterator (`any`: any type; in shard S) returned records, this step |
//! | `reader TYPE tip` / `empty` / `end` `[shard S]` | ... answered `MillisBehindLatest` 0 / returned no records / had no `NextShardIterator` (the end of a closed shard) |
//! | `put throttled [stream NAME]` | a put-record was refused, or a put-records entry failed, with ProvisionedThroughputExceededException, this step |
//! | `put retried [stream NAME]` | after a throttled put (in this lesson), a put got every record in, this step |
//! | `clock after TIME` | the simulated clock is at or past TIME (`2024-01-02T00:00:00Z`, or `+25h` from the lesson's start) |
//! | `ran WORDS...` | a console command beginning with these words (`ran sim consumer-app leases`) succeeded this step |
//!
//! The consumer side (`consumer ...`, `subscription ...`, `app ...`) is in [`consumer`].
//!
//! State goals (`stream ...`, `consumer ...`, `app ...`, `clock ...`) are checked against the state as it is now;
//! the others against the commands run during the step, and stay met once met.
//!
//! | file | concern |
//! |---|---|
//! | `mod.rs` | [`Goal`], [`ReaderOutcome`], [`GoalKind`]: what a goal is and what it looks at |
//! | `parse.rs` | [`Goal::parse`]: the goal syntax above, [`words`], with a plain sentence for what is wrong |
//! | `describe.rs` | [`Goal::describe`]: the sentence the learner sees when the lesson gives no label |
//! | `check.rs` | [`Goal::met_by_state`], [`Goal::met_by_command`], [`Goal::met_by_call`]: the evaluation |
//! | [`consumer`] | the consumer-side goals: parsed, described and checked there, dispatched from here |

pub mod consumer;

mod check;
mod describe;
mod parse;

pub use consumer::{AppCheck, SubscriptionOutcome};
pub(super) use parse::shard_number;
pub use parse::{known_error_types, words};

use crate::engine::fan_out::ConsumerStatus;
use crate::engine::{ShardIteratorType, StreamMode, StreamStatus};

/// One check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal {
    /// The stream exists (`true`) or does not (`false`).
    StreamExists { stream: String, exists: bool },
    /// The stream has this status.
    StreamStatus { stream: String, status: StreamStatus },
    /// The stream has this capacity mode.
    StreamMode { stream: String, mode: StreamMode },
    /// Exactly this many open shards.
    OpenShards { stream: String, count: usize },
    /// This retention period, in hours.
    Retention { stream: String, hours: u32 },
    /// At least (or at most) `count` retained records, optionally with a partition key, optionally in one shard.
    Records { stream: String, at_least: bool, count: usize, key: Option<String>, shard: Option<u32> },
    /// A shard of the stream came from a split.
    Split { stream: String },
    /// A shard of the stream came from a merge.
    Merged { stream: String },
    /// A command of this operation (PascalCase; a waiter's name when `waiter`) succeeded, with these request
    /// members (member name as the option was written, value) when given.
    Succeeded { operation: String, waiter: bool, args: Vec<(String, String)> },
    /// A command of this operation failed, with this error type when given.
    Failed { operation: String, waiter: bool, error: Option<String> },
    /// A get-records through an iterator of this type (any type when `None`) gave this result.
    Reader { iterator_type: Option<ShardIteratorType>, outcome: ReaderOutcome, shard: Option<u32> },
    /// A put was throttled.
    Throttled { stream: Option<String> },
    /// After a throttled put, a put got every record in.
    Retried { stream: Option<String> },
    /// The clock is at or past this time (epoch ms); `relative` keeps how it was written.
    ClockAfter { at_ms: i64, written: String },
    /// A console command beginning with these words succeeded.
    Ran { words: Vec<String> },
    /// An enhanced fan-out consumer of this name is registered (`true`) or not, in `stream` when given.
    ConsumerExists { consumer: String, stream: Option<String>, exists: bool },
    /// The consumer has this status.
    ConsumerStatus { consumer: String, stream: Option<String>, status: ConsumerStatus },
    /// A `sim subscribe-to-shard` from this starting position (any when `None`) pushed this.
    Subscription { position: Option<ShardIteratorType>, outcome: SubscriptionOutcome, shard: Option<u32> },
    /// A consumer application's leases, workers or checkpoints.
    App { app: String, check: AppCheck },
}

/// What a reader goal asks of a get-records answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReaderOutcome {
    /// At least one record.
    Records,
    /// `MillisBehindLatest` 0.
    Tip,
    /// No records.
    Empty,
    /// No `NextShardIterator`: a closed shard read to its end.
    End,
}

/// What a goal looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalKind {
    /// The state as it is now (re-checked every time).
    State,
    /// The commands run during the step (met once, stays met).
    Commands,
}

impl Goal {
    /// Whether the goal looks at the state now or at the commands of the step.
    pub fn kind(&self) -> GoalKind {
        match self {
            Goal::StreamExists { .. }
            | Goal::StreamStatus { .. }
            | Goal::StreamMode { .. }
            | Goal::OpenShards { .. }
            | Goal::Retention { .. }
            | Goal::Records { .. }
            | Goal::Split { .. }
            | Goal::Merged { .. }
            | Goal::ClockAfter { .. }
            | Goal::ConsumerExists { .. }
            | Goal::ConsumerStatus { .. }
            | Goal::App { .. } => GoalKind::State,
            Goal::Succeeded { .. }
            | Goal::Failed { .. }
            | Goal::Reader { .. }
            | Goal::Throttled { .. }
            | Goal::Retried { .. }
            | Goal::Ran { .. }
            | Goal::Subscription { .. } => GoalKind::Commands,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_parse_and_describe() {
        let g = |t: &str| Goal::parse(t, 0).map(|g| g.describe());
        assert_eq!(g("stream DemoStream status ACTIVE").unwrap(), "Stream DemoStream is ACTIVE");
        assert_eq!(
            g("stream S records at-least 4 key \"a b\" shard shardId-000000000001").unwrap(),
            "At least 4 records in S with partition key a b in shardId-000000000001"
        );
        assert_eq!(
            g("command get-records failed ExpiredIteratorException").unwrap(),
            "`get-records` failed with ExpiredIteratorException"
        );
        assert_eq!(g("command wait stream-exists succeeded").unwrap(), "`wait stream-exists` succeeded");
        assert_eq!(
            g("reader TRIM_HORIZON records").unwrap(),
            "A get-records through a TRIM_HORIZON iterator returned records"
        );
        assert!(g("clock after +1h").unwrap().starts_with("The clock has passed 1970-01-01T01:00:00"));
        assert!(g("stream S explodes").unwrap_err().contains("explodes"));
        assert!(g("command put-recordz succeeded").unwrap_err().contains("put-recordz"));
        assert!(g("command put-record failed Boom").unwrap_err().contains("Boom"));
        assert!(g("teleport").unwrap_err().contains("not a kind of goal"));
        assert!(g("stream \"S").unwrap_err().contains("quote"));
    }
}
