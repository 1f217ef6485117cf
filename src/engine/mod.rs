//! The pure, deterministic Kinesis Data Streams state machine (being built).

pub mod error;
pub mod hash_key;
pub mod sequence;

pub use error::{ErrorType, KinesisError, KinesisResult};

use crate::time::Millis;

/// The canonical shard ID of a shard index: `shardId-000000000007`.
pub fn shard_id(index: u32) -> String {
    format!("shardId-{index:012}")
}

/// Engine settings.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    pub start_time_ms: Millis,
}

/// The simulated Kinesis service.
#[derive(Debug, Clone)]
pub struct Engine {
    now: Millis,
}

impl Engine {
    pub fn new(config: EngineConfig) -> Self {
        Engine {
            now: config.start_time_ms,
        }
    }
    pub fn now_ms(&self) -> Millis {
        self.now
    }
    pub fn advance(&mut self, ms: Millis) {
        self.now += ms.max(0);
    }
}
