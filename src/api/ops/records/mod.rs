//! Records in and out: PutRecord, PutRecords, GetShardIterator, GetRecords.

pub mod get_records;
pub mod get_shard_iterator;
pub mod put_record;
pub mod put_records;
