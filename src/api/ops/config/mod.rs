//! A stream's settings: retention period and capacity mode (and, as they are simulated, encryption, enhanced monitoring, maximum record size and warm throughput).

pub mod decrease_stream_retention_period;
pub mod increase_stream_retention_period;
pub mod update_stream_mode;
