//! One file per Kinesis operation, grouped by what they act on: its members (the validation table) and its
//! handler. Each group's `mod.rs` names its operations.
//!
//! | folder | operations |
//! |---|---|
//! | [`streams`] | CreateStream, DeleteStream, DescribeStream, DescribeStreamSummary, ListStreams |
//! | [`config`] | a stream's settings: Increase/DecreaseStreamRetentionPeriod, UpdateStreamMode, Start/StopStreamEncryption, Enable/DisableEnhancedMonitoring, UpdateMaxRecordSize, UpdateStreamWarmThroughput |
//! | [`records`] | PutRecord, PutRecords, GetShardIterator, GetRecords |
//! | [`shards`] | ListShards, SplitShard, MergeShards, UpdateShardCount |
//! | [`tags`] | AddTagsToStream, RemoveTagsFromStream, ListTagsForStream; TagResource, UntagResource, ListTagsForResource |
//! | [`policies`] | PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy |
//! | [`account`] | DescribeLimits, DescribeAccountSettings, UpdateAccountSettings |
//! | [`consumers`] | enhanced fan-out: Register/Describe/List/DeregisterStreamConsumer, SubscribeToShard (an event stream, with its own entry point) |

pub mod account;
pub mod config;
pub mod consumers;
pub mod policies;
pub mod records;
pub mod shards;
pub mod streams;
pub mod tags;
