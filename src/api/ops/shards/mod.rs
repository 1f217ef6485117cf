//! Shards: list them, and reshard (split, merge, uniform scaling).

pub mod list_shards;
pub mod merge_shards;
pub mod split_shard;
pub mod update_shard_count;
