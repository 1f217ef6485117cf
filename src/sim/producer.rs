//! Producers: simulated applications that write records at a steady rate, with a chosen spread of partition keys.

use super::rng::Rng;
use crate::time::Millis;

/// How a producer picks partition keys.
#[derive(Debug, Clone, PartialEq)]
pub enum KeyDistribution {
    /// Each record gets one of `keys` keys (`key-0` .. `key-{keys-1}`), uniformly at random.
    Uniform { keys: u32 },
    /// A share of records (0.0 to 1.0) goes to one hot key; the rest spread uniformly over `keys` keys.
    HotKey { hot_key: String, share: f64, keys: u32 },
    /// Keys `key-0`, `key-1`, ... in turn: a round robin over `keys` keys.
    RoundRobin { keys: u32 },
}

/// What a producer writes.
#[derive(Debug, Clone, PartialEq)]
pub struct ProducerSpec {
    /// The stream it writes to.
    pub stream: String,
    /// Records per simulated second.
    pub records_per_second: u32,
    pub keys: KeyDistribution,
    /// The payload. `{n}` becomes the record's number, `{key}` its partition key, `{ms}` the simulated time.
    pub template: String,
}

impl ProducerSpec {
    /// A producer of small JSON records over `keys` uniform keys.
    pub fn uniform(stream: &str, records_per_second: u32, keys: u32) -> Self {
        ProducerSpec {
            stream: stream.to_owned(),
            records_per_second,
            keys: KeyDistribution::Uniform { keys: keys.max(1) },
            template: r#"{"n": {n}, "key": "{key}"}"#.to_owned(),
        }
    }
}

/// A running producer and what it has done.
#[derive(Debug, Clone, PartialEq)]
pub struct Producer {
    pub id: u32,
    pub spec: ProducerSpec,
    pub paused: bool,
    /// Records written.
    pub sent: u64,
    /// Records refused with ProvisionedThroughputExceededException.
    pub throttled: u64,
    /// Records refused for another reason (stream missing, not ready, ...).
    pub failed: u64,
    /// The last error message, to show beside the producer.
    pub last_error: Option<String>,
    /// Grid steps it has written at (see [`crate::sim`]): `rate × steps / 10` records have fallen due so far.
    steps: u64,
    round_robin: u32,
}

impl Producer {
    pub(crate) fn new(id: u32, spec: ProducerSpec) -> Self {
        Producer {
            id,
            spec,
            paused: false,
            sent: 0,
            throttled: 0,
            failed: 0,
            last_error: None,
            steps: 0,
            round_robin: 0,
        }
    }

    /// Takes one step on the grid: how many records fall due in it. Counted from the producer's first step in
    /// whole numbers (`⌊rate × steps × STEP_MS / 1000⌋` in all, less what was already sent), so a rate of 7 per
    /// second sends 0 or 1 per step and exactly 7 every 10 steps.
    pub(crate) fn step(&mut self) -> u64 {
        self.steps += 1;
        let total =
            i128::from(self.spec.records_per_second) * i128::from(self.steps) * i128::from(super::STEP_MS) / 1000;
        let sent = i128::from(self.sent) + i128::from(self.throttled) + i128::from(self.failed);
        u64::try_from(total - sent).unwrap_or(0)
    }

    /// The next partition key.
    pub(crate) fn next_key(&mut self, rng: &mut Rng) -> String {
        match &self.spec.keys {
            KeyDistribution::Uniform { keys } => format!("key-{}", rng.below(u64::from((*keys).max(1)))),
            KeyDistribution::HotKey { hot_key, share, keys } => {
                if rng.unit() < *share {
                    hot_key.clone()
                } else {
                    format!("key-{}", rng.below(u64::from((*keys).max(1))))
                }
            }
            KeyDistribution::RoundRobin { keys } => {
                let k = self.round_robin % (*keys).max(1);
                self.round_robin = self.round_robin.wrapping_add(1);
                format!("key-{k}")
            }
        }
    }

    /// The payload of record number `n`.
    pub(crate) fn payload(&self, n: u64, key: &str, now: Millis) -> String {
        self.spec.template.replace("{n}", &n.to_string()).replace("{key}", key).replace("{ms}", &now.to_string())
    }
}
