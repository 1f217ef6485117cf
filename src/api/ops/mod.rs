//! One file per Kinesis operation: its members (the validation table) and its handler.

pub mod add_tags_to_stream;
pub mod create_stream;
pub mod decrease_stream_retention_period;
pub mod delete_stream;
pub mod describe_limits;
pub mod describe_stream;
pub mod describe_stream_summary;
pub mod get_records;
pub mod get_shard_iterator;
pub mod increase_stream_retention_period;
pub mod list_shards;
pub mod list_streams;
pub mod list_tags_for_stream;
pub mod merge_shards;
pub mod put_record;
pub mod put_records;
pub mod remove_tags_from_stream;
pub mod split_shard;
pub mod update_shard_count;
pub mod update_stream_mode;
