//! A shard: a hash key range, and the records routed to it in sequence-number order.
//!
//! Records are kept compactly: partition keys and payloads lie back to back in a few large byte chunks (no
//! allocation per record), and each record keeps a 24-byte entry: arrival time, where its bytes are, and the key's
//! length. The record counter is implicit: the record at position `i` of the deque has counter
//! `first_counter + i`, so trimming from the front (retention) is O(1) per record and no number is stored twice;
//! a chunk is freed once every record in it has been trimmed.

use super::hash_key::HashKeyRange;
use super::metrics::ShardMeter;
use super::sequence::{SequenceNumber, MAX_COUNTER};
use crate::time::Millis;
use std::collections::VecDeque;

/// One retained record: its arrival time, and where its partition key + payload lie in the shard's chunks.
#[derive(Debug, Clone, Copy)]
struct StoredRecord {
    arrival_ms: Millis,
    /// The chunk's number (counted from the shard's first chunk ever, so trimming does not renumber).
    chunk: u32,
    /// Where the key starts in the chunk.
    offset: u32,
    /// Key plus payload bytes.
    len: u32,
    key_len: u16,
}

/// The first chunk of a shard holds this many bytes; each next one twice the previous, up to [`MAX_CHUNK_BYTES`].
const MIN_CHUNK_BYTES: usize = 4 * 1024;
/// The largest chunk (a record larger than this gets a chunk of its own size).
const MAX_CHUNK_BYTES: usize = 1024 * 1024;

/// A record as readers see it, borrowed from the shard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordRef<'a> {
    pub sequence_number: SequenceNumber,
    pub arrival_ms: Millis,
    pub partition_key: &'a str,
    pub data: &'a [u8],
}

/// An owned record, as GetRecords returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub sequence_number: SequenceNumber,
    pub arrival_ms: Millis,
    pub partition_key: String,
    pub data: Vec<u8>,
}

impl From<RecordRef<'_>> for Record {
    fn from(r: RecordRef<'_>) -> Self {
        Record {
            sequence_number: r.sequence_number,
            arrival_ms: r.arrival_ms,
            partition_key: r.partition_key.to_owned(),
            data: r.data.to_vec(),
        }
    }
}

/// A shard of a stream.
#[derive(Debug, Clone)]
pub struct Shard {
    /// The shard's index: `shardId-000000000003` has index 3.
    pub index: u32,
    /// The hash keys this shard owns.
    pub hash_key_range: HashKeyRange,
    /// The shard this one was split from, or the first of the two merged into it.
    pub parent_index: Option<u32>,
    /// The second shard of a merge.
    pub adjacent_parent_index: Option<u32>,
    /// When the shard was created (its sequence numbers encode the second).
    pub created_ms: Millis,
    /// When the shard was closed by a split or merge; a closed shard takes no more writes.
    pub closed_ms: Option<Millis>,
    /// Every shard this one replaced (a split has one parent, a merge two, UpdateShardCount up to three).
    pub parents: Vec<u32>,
    /// Throughput, second by second.
    pub meter: ShardMeter,
    records: VecDeque<StoredRecord>,
    /// Partition keys and payloads, back to back; chunks are never reallocated once created.
    chunks: VecDeque<Vec<u8>>,
    /// The number of `chunks.front()`.
    first_chunk: u32,
    first_counter: u64,
    next_counter: u64,
}

impl Shard {
    /// A new, open, empty shard.
    pub fn new(index: u32, hash_key_range: HashKeyRange, created_ms: Millis) -> Self {
        Shard {
            index,
            hash_key_range,
            parent_index: None,
            adjacent_parent_index: None,
            created_ms,
            closed_ms: None,
            parents: Vec::new(),
            meter: ShardMeter::default(),
            records: VecDeque::new(),
            chunks: VecDeque::new(),
            first_chunk: 0,
            first_counter: 1,
            next_counter: 1,
        }
    }

    /// `shardId-000000000003`.
    pub fn shard_id(&self) -> String {
        super::shard_id(self.index)
    }

    /// Whether the shard still takes writes.
    pub fn is_open(&self) -> bool {
        self.closed_ms.is_none()
    }

    fn sequence(&self, counter: u64, arrival_ms: Millis) -> SequenceNumber {
        SequenceNumber {
            shard_created_secs: secs(self.created_ms),
            shard_index: self.index,
            counter,
            arrival_secs: secs(arrival_ms),
        }
    }

    /// The shard's StartingSequenceNumber (counter 0, stamped with the creation time).
    pub fn starting_sequence_number(&self) -> SequenceNumber {
        self.sequence(0, self.created_ms)
    }

    /// The EndingSequenceNumber of a closed shard (the largest counter, stamped with the closing time).
    pub fn ending_sequence_number(&self) -> Option<SequenceNumber> {
        self.closed_ms.map(|at| self.sequence(MAX_COUNTER, at))
    }

    /// The number of retained records.
    pub fn record_count(&self) -> usize {
        self.records.len()
    }

    /// The counter of the oldest retained record (equal to [`Self::next_counter`] when none is retained).
    pub fn first_counter(&self) -> u64 {
        self.first_counter
    }

    /// The counter the next record written to this shard will get: the shard's tip.
    pub fn next_counter(&self) -> u64 {
        self.next_counter
    }

    /// Appends a record; returns its sequence number.
    pub(crate) fn append(&mut self, arrival_ms: Millis, partition_key: &str, data: &[u8]) -> SequenceNumber {
        let len = partition_key.len() + data.len();
        let fits = self.chunks.back().is_some_and(|c| c.capacity() - c.len() >= len);
        if !fits {
            let last = self.chunks.back().map_or(0, Vec::capacity);
            let capacity = (last * 2).clamp(MIN_CHUNK_BYTES, MAX_CHUNK_BYTES).max(len);
            self.chunks.push_back(Vec::with_capacity(capacity));
        }
        let chunk_number = self.first_chunk + self.chunks.len() as u32 - 1;
        let chunk = self.chunks.back_mut().expect("a chunk with room was just ensured");
        let offset = chunk.len() as u32;
        chunk.extend_from_slice(partition_key.as_bytes());
        chunk.extend_from_slice(data);
        let counter = self.next_counter;
        self.records.push_back(StoredRecord {
            arrival_ms,
            chunk: chunk_number,
            offset,
            len: len as u32,
            key_len: partition_key.len() as u16,
        });
        self.next_counter += 1;
        self.sequence(counter, arrival_ms)
    }

    /// Appends a record (for tests of code built on shards).
    #[doc(hidden)]
    pub fn append_for_tests(&mut self, arrival_ms: Millis, partition_key: &str, data: &[u8]) -> SequenceNumber {
        self.append(arrival_ms, partition_key, data)
    }

    fn view(&self, offset: usize) -> Option<RecordRef<'_>> {
        let r = self.records.get(offset)?;
        let chunk = self.chunks.get((r.chunk - self.first_chunk) as usize)?;
        let bytes = chunk.get(r.offset as usize..(r.offset + r.len) as usize)?;
        let (key, data) = bytes.split_at(usize::from(r.key_len));
        Some(RecordRef {
            sequence_number: self.sequence(self.first_counter + offset as u64, r.arrival_ms),
            arrival_ms: r.arrival_ms,
            partition_key: std::str::from_utf8(key).unwrap_or_default(),
            data,
        })
    }

    /// The retained record with this counter, if any.
    pub fn record_at(&self, counter: u64) -> Option<RecordRef<'_>> {
        let offset = counter.checked_sub(self.first_counter)?;
        self.view(usize::try_from(offset).ok()?)
    }

    /// Retained records from the given counter on (clamped to the oldest retained one), oldest first.
    pub fn records_from(&self, counter: u64) -> impl Iterator<Item = RecordRef<'_>> + '_ {
        let start = counter.saturating_sub(self.first_counter) as usize;
        (start..self.records.len()).filter_map(move |i| self.view(i))
    }

    /// How many retained records from `counter` on (clamped as [`Self::records_from`]) fit in `limit` records and
    /// `max_bytes` of keys and payloads, the first one whatever its size; and their bytes.
    pub(crate) fn span(&self, counter: u64, limit: usize, max_bytes: usize) -> (usize, usize) {
        let start = counter.saturating_sub(self.first_counter) as usize;
        let (mut count, mut bytes) = (0usize, 0usize);
        for r in self.records.range(start.min(self.records.len())..) {
            let size = r.len as usize;
            if count >= limit || (count > 0 && bytes + size > max_bytes) {
                break;
            }
            count += 1;
            bytes += size;
        }
        (count, bytes)
    }

    /// All retained records, oldest first.
    pub fn records(&self) -> impl Iterator<Item = RecordRef<'_>> + '_ {
        self.records_from(0)
    }

    /// The newest retained record.
    pub fn last_record(&self) -> Option<RecordRef<'_>> {
        self.records.len().checked_sub(1).and_then(|i| self.view(i))
    }

    /// The counter of the first retained record that arrived at or after `at_ms`; the tip when none did.
    pub fn counter_at_timestamp(&self, at_ms: Millis) -> u64 {
        let offset = self.records.partition_point(|r| r.arrival_ms < at_ms);
        self.first_counter + offset as u64
    }

    /// The arrival time of the record with this counter, if it is retained.
    pub fn arrival_of(&self, counter: u64) -> Option<Millis> {
        let offset = counter.checked_sub(self.first_counter)?;
        self.records.get(usize::try_from(offset).ok()?).map(|r| r.arrival_ms)
    }

    /// Drops records that arrived before `cutoff_ms`. Returns how many were dropped.
    pub(crate) fn trim_before(&mut self, cutoff_ms: Millis) -> usize {
        let mut dropped = 0;
        while self.records.front().is_some_and(|r| r.arrival_ms < cutoff_ms) {
            self.records.pop_front();
            self.first_counter += 1;
            dropped += 1;
        }
        // Free the chunks no retained record points into (all of them once the shard is empty).
        let keep_from = self.records.front().map_or(self.first_chunk + self.chunks.len() as u32, |r| r.chunk);
        while self.first_chunk < keep_from && !self.chunks.is_empty() {
            self.chunks.pop_front();
            self.first_chunk += 1;
        }
        dropped
    }

    /// Bytes of partition keys and payloads retained.
    pub fn retained_bytes(&self) -> usize {
        self.records.iter().map(|r| r.len as usize).sum()
    }
}

/// Whole epoch seconds of an instant (negative instants clamp to 0: the layout has no sign).
pub(crate) fn secs(ms: Millis) -> u64 {
    u64::try_from(ms.div_euclid(1000)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn append_read_and_trim() {
        let mut s = Shard::new(0, HashKeyRange::FULL, 1_704_067_198_000);
        let a = s.append(1_704_067_205_000, "1", b"one");
        let b = s.append(1_704_067_206_000, "2", b"two");
        assert!(a.to_u256() < b.to_u256());
        assert!(s.starting_sequence_number().to_u256() < a.to_u256());
        assert_eq!(a.counter, 1);
        let all: Vec<_> = s.records().collect();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].partition_key, "1");
        assert_eq!(all[1].data, b"two");
        assert_eq!(s.counter_at_timestamp(1_704_067_205_500), 2);
        assert_eq!(s.counter_at_timestamp(0), 1);
        assert_eq!(s.counter_at_timestamp(i64::MAX), 3);
        assert_eq!(s.trim_before(1_704_067_206_000), 1);
        assert_eq!(s.first_counter(), 2);
        assert_eq!(s.record_at(2).map(|r| r.partition_key), Some("2"));
        assert_eq!(s.record_at(1), None);
        assert_eq!(s.records_from(0).count(), 1);
        assert_eq!(s.retained_bytes(), 4);
    }

    #[test]
    fn span_counts_what_one_read_returns() {
        let mut s = Shard::new(0, HashKeyRange::FULL, 0);
        for i in 0..10i64 {
            // Key "k" plus 9 bytes: 10 bytes a record, and a large one at counter 6.
            let data = if i == 5 { vec![1u8; 99] } else { vec![0u8; 9] };
            s.append(i, "k", &data);
        }
        assert_eq!(s.span(1, 100, 1_000), (10, 190));
        assert_eq!(s.span(1, 3, 1_000), (3, 30), "the limit");
        assert_eq!(s.span(1, 100, 55), (5, 50), "no more bytes than the cap");
        assert_eq!(s.span(6, 100, 55), (1, 100), "the first record whatever its size");
        assert_eq!(s.span(0, 2, 1_000), (2, 20), "clamped to the oldest retained record");
        assert_eq!(s.span(11, 100, 1_000), (0, 0), "at the tip");
        assert_eq!(s.span(99, 100, 1_000), (0, 0), "past the tip");
        s.trim_before(8);
        assert_eq!(s.span(1, 100, 1_000), (2, 20), "trimmed records are not counted");
    }

    #[test]
    fn chunks_hold_records_back_to_back_and_are_freed_by_trimming() {
        let mut s = Shard::new(0, HashKeyRange::FULL, 0);
        let big = vec![9u8; MAX_CHUNK_BYTES + 10];
        for i in 0..5_000i64 {
            let data = if i == 2_500 { big.clone() } else { vec![i as u8; (i % 300) as usize] };
            s.append(i, &format!("k{i}"), &data);
        }
        assert!(s.chunks.len() > 3, "several chunks: {}", s.chunks.len());
        for (i, r) in s.records().enumerate() {
            assert_eq!(r.partition_key, format!("k{i}"));
            let expected = if i == 2_500 { big.len() } else { i % 300 };
            assert_eq!(r.data.len(), expected);
            assert!(r.data.iter().all(|&b| b == if i == 2_500 { 9 } else { i as u8 }));
        }
        let chunks_before = s.chunks.len();
        assert_eq!(s.trim_before(4_000), 4_000);
        assert!(s.chunks.len() < chunks_before, "trimmed chunks are freed");
        assert_eq!(s.records().next().map(|r| r.partition_key), Some("k4000"));
        assert_eq!(s.records().count(), 1_000);
        assert_eq!(s.trim_before(i64::MAX), 1_000);
        assert!(s.chunks.is_empty());
        s.append(9_999, "again", b"x");
        assert_eq!(s.records().map(|r| (r.partition_key, r.data)).collect::<Vec<_>>(), vec![("again", &b"x"[..])]);
        assert_eq!(s.record_at(5_001).map(|r| r.partition_key), Some("again"));
    }
}
