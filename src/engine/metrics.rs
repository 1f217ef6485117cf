//! Per-shard throughput, second by second, named like the CloudWatch shard-level metrics.
//!
//! Every shard keeps one [`SecondStats`] bucket per simulated second for the last [`HISTORY_SECONDS`] seconds. The
//! current second's bucket is what throttling checks against; the history is what the views draw.

use crate::time::{Millis, SECOND};
use std::collections::VecDeque;

/// How many seconds of history a shard keeps.
pub const HISTORY_SECONDS: usize = 120;

/// What happened on one shard in one simulated second.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SecondStats {
    /// Epoch second this bucket covers.
    pub second: i64,
    /// `IncomingBytes`: data plus partition keys accepted.
    pub incoming_bytes: u64,
    /// `IncomingRecords`.
    pub incoming_records: u64,
    /// `OutgoingBytes`: returned by GetRecords.
    pub outgoing_bytes: u64,
    /// `OutgoingRecords`.
    pub outgoing_records: u64,
    /// GetRecords calls that succeeded (at most 5 a second).
    pub get_records_calls: u32,
    /// GetShardIterator calls that succeeded (at most 5 a second).
    pub get_shard_iterator_calls: u32,
    /// `WriteProvisionedThroughputExceeded`: records rejected.
    pub write_throttled: u64,
    /// `ReadProvisionedThroughputExceeded`: GetRecords calls rejected.
    pub read_throttled: u64,
    /// `IteratorAgeMilliseconds`: the largest MillisBehindLatest returned this second.
    pub iterator_age_ms: i64,
}

/// A shard's recent seconds.
#[derive(Debug, Clone, Default)]
pub struct ShardMeter {
    /// The newest second with activity.
    latest: SecondStats,
    /// Earlier seconds with activity, oldest first.
    history: VecDeque<SecondStats>,
    /// No GetRecords call succeeds before this instant (after a call that returned a lot of data).
    pub read_penalty_until: Millis,
    /// The write bytes the shard can take now (10 MiB at most, refilled at 1 MiB/s).
    pub write_tank: super::tank::WriteTank,
}

impl ShardMeter {
    /// The bucket of the second holding `now`, started if needed.
    pub fn current(&mut self, now: Millis) -> &mut SecondStats {
        let second = now.div_euclid(SECOND);
        if self.latest.second != second {
            let done = std::mem::replace(&mut self.latest, SecondStats { second, ..SecondStats::default() });
            if done != SecondStats::default() {
                self.history.push_back(done);
            }
            while self.history.len() >= HISTORY_SECONDS {
                self.history.pop_front();
            }
        }
        &mut self.latest
    }

    /// The bucket of the second holding `now`, if anything happened in it.
    pub fn at(&self, now: Millis) -> Option<&SecondStats> {
        let second = now.div_euclid(SECOND);
        self.all().find(|b| b.second == second)
    }

    fn all(&self) -> impl Iterator<Item = &SecondStats> + '_ {
        self.history.iter().chain(std::iter::once(&self.latest))
    }

    /// Buckets of the last `seconds` seconds up to `now`, oldest first (seconds with no activity are absent).
    pub fn recent(&self, now: Millis, seconds: i64) -> impl Iterator<Item = &SecondStats> + '_ {
        let last = now.div_euclid(SECOND);
        self.all().filter(move |b| b.second > last - seconds && b.second <= last && *b != &SecondStats::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_follow_the_second() {
        let mut m = ShardMeter::default();
        m.current(1_500).incoming_records += 1;
        m.current(1_999).incoming_records += 1;
        m.current(2_000).incoming_records += 1;
        assert_eq!(m.at(1_000).map(|b| b.incoming_records), Some(2));
        assert_eq!(m.at(2_100).map(|b| b.incoming_records), Some(1));
        assert_eq!(m.recent(2_000, 2).count(), 2);
        assert_eq!(m.recent(2_000, 1).count(), 1);
        for s in 0..(HISTORY_SECONDS as i64 + 10) {
            m.current(s * 1000 + 10_000);
        }
        assert!(m.history.len() < HISTORY_SECONDS);
    }
}
