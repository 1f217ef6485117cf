//! A stream's settings: retention period, capacity mode, server-side encryption, enhanced monitoring (shard-level
//! metrics), the maximum record size and warm throughput.

pub mod decrease_stream_retention_period;
pub mod disable_enhanced_monitoring;
pub mod enable_enhanced_monitoring;
pub mod increase_stream_retention_period;
pub mod start_stream_encryption;
pub mod stop_stream_encryption;
pub mod update_max_record_size;
pub mod update_stream_mode;
pub mod update_stream_warm_throughput;
