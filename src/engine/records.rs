//! Data-plane operations: PutRecord, PutRecords, GetShardIterator, GetRecords.

use super::capacity::rate_exceeded;
use super::hash_key::{hash_key_of, HashKeyRange};
use super::iterator::{IteratorToken, ShardIteratorType, ITERATOR_TTL_MS};
use super::sequence::{SequenceNumber, MAX_COUNTER};
use super::shard::{secs, RecordRef, Shard};
use super::stream::{Stream, StreamStatus};
use super::{parse_shard_id, shard_id, Engine, ErrorType, KinesisError, KinesisResult};
use crate::time::{format_java_date, Millis};

/// Most records one GetRecords call returns.
pub const MAX_GET_RECORDS_LIMIT: usize = 10_000;
/// Most bytes one GetRecords call returns (10 MiB).
pub const MAX_GET_RECORDS_BYTES: usize = 10 * 1024 * 1024;

/// One record to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PutRecordInput<'a> {
    pub partition_key: &'a str,
    pub data: &'a [u8],
    /// Overrides the MD5 of the partition key for routing.
    pub explicit_hash_key: Option<u128>,
}

/// Where a record landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PutResult {
    pub shard_index: u32,
    pub sequence_number: SequenceNumber,
}

/// A child shard, as listed at the end of a closed shard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildShard {
    pub shard_index: u32,
    pub parent_indexes: Vec<u32>,
    pub hash_key_range: HashKeyRange,
}

/// GetRecords' answer. Its records are borrowed from the shard's chunks (no copy and no allocation per record);
/// an owned copy of one is `Record::from(r)`.
#[derive(Debug, Clone)]
pub struct GetRecordsOutput<'a> {
    pub records: Vec<RecordRef<'a>>,
    /// The stream read (its settings say whether each record was encrypted when it arrived).
    pub stream: &'a Stream,
    /// `None` once a closed shard has been read to its end.
    pub next_shard_iterator: Option<String>,
    /// How far behind the tip the reader is: the age of the oldest record not yet returned (0 when caught up).
    pub millis_behind_latest: Millis,
    /// The shards that replaced this one, in the response that reaches a closed shard's end.
    pub child_shards: Option<Vec<ChildShard>>,
    /// Where the new iterator points (the counter of the next record), for the views.
    pub next_position: u64,
    pub shard_index: u32,
}

/// The records one GetRecords returns: `count` of them from counter `start`, `bytes` of keys and payloads.
struct ReadSpan {
    start: u64,
    count: usize,
    bytes: usize,
    millis_behind_latest: Millis,
}

/// LimitExceededException at the playground's cap on retained records.
fn record_cap_reached(cap: usize) -> KinesisError {
    KinesisError::limit(format!(
        "The playground keeps at most {cap} records in memory, and this write would pass that. This is a limit of the simulator, not of Kinesis: lower a stream's retention period, advance the clock past the retention period, or delete a stream to make room."
    ))
}

impl Engine {
    /// A stream that can take writes: it exists and is not CREATING.
    fn writable(&self, name: &str) -> KinesisResult<&Stream> {
        let stream = self.existing(name)?;
        if stream.status == StreamStatus::Creating || stream.shards.is_empty() {
            return Err(self.stream_not_found(name));
        }
        Ok(stream)
    }

    fn check_capacity(&self, additional: usize) -> KinesisResult<()> {
        let cap = self.config.max_retained_records;
        if self.retained_records.saturating_add(additional) > cap {
            return Err(record_cap_reached(cap));
        }
        Ok(())
    }

    /// PutRecord: routes the record by the MD5 of its partition key (or its explicit hash key) to an open shard.
    ///
    /// # Errors
    /// `ResourceNotFoundException` when the stream does not exist or is still CREATING;
    /// `InvalidArgumentException` for an invalid `SequenceNumberForOrdering`; `LimitExceededException` at the
    /// playground's record cap.
    pub fn put_record(
        &mut self,
        name: &str,
        input: &PutRecordInput<'_>,
        sequence_number_for_ordering: Option<&str>,
    ) -> KinesisResult<PutResult> {
        let (now, enforce) = (self.now, self.config.enforce_throughput);
        // One lookup of the stream per record: fields are borrowed one by one, so the error paths can still read
        // the account and the limits.
        // A stream still CREATING, or deleted before it became ACTIVE (no shards), takes no records.
        let Some(stream) =
            self.streams.get_mut(name).filter(|s| s.status != StreamStatus::Creating && !s.shards.is_empty())
        else {
            return Err(self.stream_not_found(name));
        };
        if let Some(seq) = sequence_number_for_ordering {
            let ok = SequenceNumber::parse(seq).is_some_and(|s| s.arrival_secs <= secs(now));
            if !ok {
                return Err(KinesisError::invalid(format!(
                    "ExclusiveMinimumSequenceNumber {seq} used in PutRecord on stream {name} under account {} is invalid.",
                    self.config.account_id
                )));
            }
        }
        let hash_key = input.explicit_hash_key.unwrap_or_else(|| hash_key_of(input.partition_key));
        let shard_pos = stream
            .shard_index_for_hash_key(hash_key)
            .ok_or_else(|| KinesisError::new(ErrorType::InternalFailure, "No open shard owns this hash key."))?;
        if self.retained_records.saturating_add(1) > self.config.max_retained_records {
            return Err(record_cap_reached(self.config.max_retained_records));
        }
        let shard = &mut stream.shards[shard_pos];
        let size = (input.data.len() + input.partition_key.len()) as u64;
        if !shard.admit_write(now, size, enforce) {
            // The message is built on this path only: no allocation on the hot path of a successful put.
            let e = rate_exceeded(shard, name, &self.config.account_id);
            self.touch();
            return Err(e);
        }
        let sequence_number = shard.append(now, input.partition_key, input.data);
        let shard_index = shard.index;
        self.add_retained(1);
        self.touch();
        Ok(PutResult { shard_index, sequence_number })
    }

    /// PutRecords: writes each entry as PutRecord would, in request order. Entries can fail one by one (throttling);
    /// the others still commit.
    ///
    /// # Errors
    /// For the whole request: `ResourceNotFoundException`, `LimitExceededException` at the playground's record cap.
    pub fn put_records(
        &mut self,
        name: &str,
        entries: &[PutRecordInput<'_>],
    ) -> KinesisResult<Vec<KinesisResult<PutResult>>> {
        self.writable(name)?;
        self.check_capacity(entries.len())?;
        let results = entries.iter().map(|e| self.put_record(name, e, None)).collect();
        Ok(results)
    }

    fn shard_not_exist(&self, name: &str, index: u32) -> KinesisError {
        KinesisError::not_found(format!(
            "Shard {} in stream {name} under account {} does not exist",
            shard_id(index),
            self.config.account_id
        ))
    }

    /// GetShardIterator.
    ///
    /// # Errors
    /// `ResourceNotFoundException` for an unknown stream or shard (or a stream still CREATING);
    /// `InvalidArgumentException` for a sequence number or timestamp that does not fit the type and the shard.
    pub fn get_shard_iterator(
        &mut self,
        name: &str,
        shard_id_text: &str,
        iterator_type: ShardIteratorType,
        starting_sequence_number: Option<&str>,
        timestamp_ms: Option<Millis>,
    ) -> KinesisResult<String> {
        let account = &self.config.account_id;
        // The stream first (an unknown one is not found whatever the shard id), then the shard, named in messages
        // as the caller wrote it.
        let absent = || {
            KinesisError::not_found(format!(
                "Shard {shard_id_text} in stream {name} under account {account} does not exist"
            ))
        };
        let stream = match self.stream(name) {
            Some(s) if s.status != StreamStatus::Creating => s,
            _ => return Err(absent()),
        };
        let index = parse_shard_id(shard_id_text).ok_or_else(|| {
            KinesisError::not_found(format!(
                "Could not find shard {shard_id_text} in stream {name} under account {account}."
            ))
        })?;
        let shard = stream.shard(index).ok_or_else(absent)?;
        let canonical = shard.shard_id();
        use ShardIteratorType::*;
        let mixing = |what: &str| {
            KinesisError::invalid(format!(
                "Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified {} and {what} StartingSequenceNumber.",
                iterator_type.as_str()
            ))
        };
        let position = match (iterator_type, starting_sequence_number) {
            (TrimHorizon | Latest, Some(_)) => return Err(mixing("also a")),
            (AtSequenceNumber | AfterSequenceNumber, None) => return Err(mixing("no")),
            (TrimHorizon, None) => shard.first_counter(),
            (Latest, None) => shard.next_counter(),
            (AtTimestamp, _) => {
                let Some(t) = timestamp_ms else {
                    return Err(KinesisError::invalid(
                        "Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.",
                    ));
                };
                if t > self.now {
                    return Err(KinesisError::invalid(format!(
                        "The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: {t}, currentTimestampInMillis: {}",
                        self.now
                    )));
                }
                shard.counter_at_timestamp(t)
            }
            (AtSequenceNumber | AfterSequenceNumber, Some(text)) => {
                let invalid = |why: &str| {
                    KinesisError::invalid(format!(
                        "StartingSequenceNumber {text} used in GetShardIterator on shard {canonical} in stream {name} under account {account} is invalid{why}."
                    ))
                };
                let seq = SequenceNumber::parse(text).ok_or_else(|| invalid(""))?;
                if seq.shard_index != index {
                    return Err(KinesisError::invalid(format!(
                        "Invalid StartingSequenceNumber. It encodes {}, while it was used in a call to a shard with {canonical}",
                        seq.shard_id()
                    )));
                }
                if seq.shard_created_secs != secs(shard.created_ms) {
                    return Err(invalid(" because it did not come from this stream"));
                }
                if iterator_type == AfterSequenceNumber {
                    if seq.counter == MAX_COUNTER {
                        return Err(KinesisError::invalid(
                            "Invalid SequenceNumber for ShardIteratorType AFTER_SEQUENCE_NUMBER, SequenceNumber has reached max possible value for the shard.",
                        ));
                    }
                    seq.counter + 1
                } else {
                    seq.counter
                }
            }
        };
        let token = IteratorToken {
            stream_name: name.to_owned(),
            stream_created_ms: stream.created_ms,
            shard_index: index,
            position,
            issued_ms: self.now,
        }
        .encode();
        let (now, enforce) = (self.now, self.config.enforce_throughput);
        let account = self.config.account_id.clone();
        if let Some(shard) = self.stream_mut(name).and_then(|s| s.shard_mut(index)) {
            if !shard.admit_iterator(now, enforce) {
                return Err(rate_exceeded(shard, name, &account));
            }
        }
        Ok(token)
    }

    /// Reads a shard iterator token and checks it is still valid.
    ///
    /// # Errors
    /// `InvalidArgumentException` (`Invalid ShardIterator.`), `ExpiredIteratorException` after 300 seconds,
    /// `ResourceNotFoundException` when its stream or shard is gone.
    pub fn resolve_iterator(&self, token: &str) -> KinesisResult<IteratorToken> {
        let it = IteratorToken::decode(token).ok_or_else(|| KinesisError::invalid("Invalid ShardIterator."))?;
        if it.issued_ms > self.now {
            return Err(KinesisError::invalid("Invalid ShardIterator."));
        }
        if self.now - it.issued_ms > ITERATOR_TTL_MS {
            return Err(KinesisError::new(
                ErrorType::ExpiredIterator,
                format!(
                    "Iterator expired. The iterator was created at time {} while right now it is {} which is further in the future than the tolerated delay of {ITERATOR_TTL_MS} milliseconds.",
                    format_java_date(it.issued_ms),
                    format_java_date(self.now)
                ),
            ));
        }
        match self.stream(&it.stream_name) {
            Some(s) if s.created_ms == it.stream_created_ms && s.shard(it.shard_index).is_some() => Ok(it),
            _ => Err(self.shard_not_exist(&it.stream_name, it.shard_index)),
        }
    }

    /// GetRecords: up to `limit` records (and at most 10 MiB) from the iterator's position, a fresh iterator
    /// after the last one returned, and how far behind the tip the reader is.
    ///
    /// # Errors
    /// As [`Engine::resolve_iterator`].
    pub fn get_records(&mut self, token: &str, limit: Option<usize>) -> KinesisResult<GetRecordsOutput<'_>> {
        let it = self.resolve_iterator(token)?;
        let (now, enforce) = (self.now, self.config.enforce_throughput);
        let account = self.config.account_id.clone();
        if let Some(shard) = self.stream_mut(&it.stream_name).and_then(|s| s.shard_mut(it.shard_index)) {
            if !shard.admit_read(now, enforce) {
                let e = rate_exceeded(shard, &it.stream_name, &account);
                self.touch();
                return Err(e);
            }
        }
        // What the read returns is settled first from the stored lengths alone, so that the shard is metered
        // (mutably) before the records are handed out borrowed from it.
        let span = self.read_span(&it, limit)?;
        if let Some(shard) = self.stream_mut(&it.stream_name).and_then(|s| s.shard_mut(it.shard_index)) {
            shard.record_read(now, span.bytes as u64, span.count as u64, span.millis_behind_latest);
        }
        self.touch();
        self.read_from(&it, &span)
    }

    fn read_shard(&self, it: &IteratorToken) -> KinesisResult<(&Stream, &Shard)> {
        let stream =
            self.stream(&it.stream_name).ok_or_else(|| self.shard_not_exist(&it.stream_name, it.shard_index))?;
        let shard =
            stream.shard(it.shard_index).ok_or_else(|| self.shard_not_exist(&it.stream_name, it.shard_index))?;
        Ok((stream, shard))
    }

    /// Which records a GetRecords from `it` returns: at most `limit` of them, and no more than 10 MiB of keys and
    /// payloads (the first record always).
    fn read_span(&self, it: &IteratorToken, limit: Option<usize>) -> KinesisResult<ReadSpan> {
        let limit = limit.unwrap_or(MAX_GET_RECORDS_LIMIT).clamp(1, MAX_GET_RECORDS_LIMIT);
        let (_, shard) = self.read_shard(it)?;
        let start = it.position.max(shard.first_counter());
        let (count, bytes) = shard.span(start, limit, MAX_GET_RECORDS_BYTES);
        let next = start + count as u64;
        let millis_behind_latest = shard.arrival_of(next).map_or(0, |a| (self.now - a).max(0));
        Ok(ReadSpan { start, count, bytes, millis_behind_latest })
    }

    fn read_from(&self, it: &IteratorToken, span: &ReadSpan) -> KinesisResult<GetRecordsOutput<'_>> {
        let (stream, shard) = self.read_shard(it)?;
        let records: Vec<RecordRef<'_>> = shard.records_from(span.start).take(span.count).collect();
        let next = span.start + span.count as u64;
        let at_end = !shard.is_open() && next >= shard.next_counter();
        let (next_shard_iterator, child_shards) = if at_end {
            let children = stream
                .children_of(shard.index)
                .map(|c| ChildShard {
                    shard_index: c.index,
                    parent_indexes: [c.parent_index, c.adjacent_parent_index].into_iter().flatten().collect(),
                    hash_key_range: c.hash_key_range,
                })
                .collect();
            (None, Some(children))
        } else {
            let token = IteratorToken { position: next, issued_ms: self.now, ..it.clone() };
            (Some(token.encode()), None)
        };
        Ok(GetRecordsOutput {
            records,
            stream,
            next_shard_iterator,
            millis_behind_latest: span.millis_behind_latest,
            child_shards,
            next_position: next,
            shard_index: it.shard_index,
        })
    }
}
