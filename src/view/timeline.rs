//! Time axes for lanes: record counts per time bucket in O(buckets · log n), and seconds with throttling.

use crate::engine::Shard;
use crate::time::{Millis, SECOND};

/// Records per bucket over `[from_ms, to_ms)`, found by binary search on arrival time at each bucket edge, so the
/// cost does not grow with the number of records (unlike a scan).
pub fn bucket_counts(shard: &Shard, from_ms: Millis, to_ms: Millis, buckets: usize) -> Vec<u32> {
    if buckets == 0 || to_ms <= from_ms {
        return vec![0; buckets];
    }
    let width = (to_ms - from_ms) as f64 / buckets as f64;
    let edge = |i: usize| from_ms + (width * i as f64) as Millis;
    let mut prev = shard.counter_at_timestamp(edge(0));
    (1..=buckets)
        .map(|i| {
            let at = if i == buckets { to_ms } else { edge(i) };
            let c = shard.counter_at_timestamp(at);
            let n = c.saturating_sub(prev);
            prev = c;
            u32::try_from(n).unwrap_or(u32::MAX)
        })
        .collect()
}

/// Throttle events in `[from_ms, to_ms)`: (second start in ms, writes rejected, reads rejected), from the meter.
pub fn throttle_seconds(shard: &Shard, from_ms: Millis, to_ms: Millis) -> Vec<(Millis, u64, u64)> {
    let seconds = ((to_ms - from_ms) / SECOND).max(1);
    shard
        .meter
        .recent(to_ms, seconds)
        .filter(|b| b.write_throttled > 0 || b.read_throttled > 0)
        .map(|b| (b.second * SECOND, b.write_throttled, b.read_throttled))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::HashKeyRange;

    #[test]
    fn counts_by_binary_search() {
        let mut s = Shard::new(0, HashKeyRange::FULL, 0);
        for i in 0..10 {
            s.append_for_tests(i * 1000, "k", b"x");
        }
        assert_eq!(bucket_counts(&s, 0, 10_000, 5), vec![2, 2, 2, 2, 2]);
        assert_eq!(bucket_counts(&s, 5_000, 7_000, 2), vec![1, 1]);
        assert_eq!(bucket_counts(&s, 0, 0, 3), vec![0, 0, 0]);
        assert_eq!(bucket_counts(&s, -5_000, 20_000, 1), vec![10]);
        assert!(throttle_seconds(&s, 0, 10_000).is_empty());
    }
}
