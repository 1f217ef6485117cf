//! Shard lanes: windows of records for lists, and per-time-bucket counts for zoomed-out drawings.

use crate::engine::{RecordRef, Shard};
use crate::time::Millis;

/// One record row of a lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRow {
    pub sequence_number: String,
    pub counter: u64,
    pub partition_key: String,
    pub arrival_ms: Millis,
    pub size: usize,
    /// The payload's first characters, as text (never markup).
    pub preview: String,
}

impl From<RecordRef<'_>> for RecordRow {
    fn from(r: RecordRef<'_>) -> Self {
        let text = String::from_utf8_lossy(r.data);
        let preview: String = text.chars().take(48).collect();
        RecordRow {
            sequence_number: r.sequence_number.to_string(),
            counter: r.sequence_number.counter,
            partition_key: r.partition_key.to_owned(),
            arrival_ms: r.arrival_ms,
            size: r.data.len(),
            preview,
        }
    }
}

/// The newest `count` records of a shard, skipping the newest `skip` (a window that scrolls back in time),
/// newest first. Costs O(count), however many records the shard holds.
pub fn newest_window(shard: &Shard, skip: usize, count: usize) -> Vec<RecordRow> {
    let total = shard.record_count();
    let end = total.saturating_sub(skip);
    let start = end.saturating_sub(count);
    let first = shard.first_counter() + start as u64;
    let mut rows: Vec<RecordRow> = shard.records_from(first).take(end - start).map(RecordRow::from).collect();
    rows.reverse();
    rows
}

/// Counts of records per time bucket over `[from_ms, to_ms)`, `buckets` buckets: for drawing a dense lane as a
/// histogram instead of one element per record.
pub fn arrival_histogram(shard: &Shard, from_ms: Millis, to_ms: Millis, buckets: usize) -> Vec<u32> {
    let mut out = vec![0u32; buckets];
    if buckets == 0 || to_ms <= from_ms {
        return out;
    }
    let width = (to_ms - from_ms) as f64 / buckets as f64;
    let start = shard.counter_at_timestamp(from_ms);
    for r in shard.records_from(start) {
        if r.arrival_ms >= to_ms {
            break;
        }
        let i = (((r.arrival_ms - from_ms) as f64) / width) as usize;
        if let Some(b) = out.get_mut(i.min(buckets - 1)) {
            *b += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::HashKeyRange;

    #[test]
    fn windows_and_histograms() {
        let mut s = Shard::new(0, HashKeyRange::FULL, 0);
        for i in 0..10 {
            s.append_for_tests(i * 1000, &format!("k{i}"), b"<script>");
        }
        let w = newest_window(&s, 0, 3);
        assert_eq!(w.iter().map(|r| r.partition_key.as_str()).collect::<Vec<_>>(), ["k9", "k8", "k7"]);
        assert_eq!(w[0].preview, "<script>");
        let w = newest_window(&s, 8, 5);
        assert_eq!(w.iter().map(|r| r.partition_key.as_str()).collect::<Vec<_>>(), ["k1", "k0"]);
        assert!(newest_window(&s, 20, 5).is_empty());
        assert_eq!(arrival_histogram(&s, 0, 10_000, 5), vec![2, 2, 2, 2, 2]);
        assert_eq!(arrival_histogram(&s, 5_000, 7_000, 2), vec![1, 1]);
        assert_eq!(arrival_histogram(&s, 0, 0, 3), vec![0, 0, 0]);
    }
}
