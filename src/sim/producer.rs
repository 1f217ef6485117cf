//! Producers: simulated applications that write records at a steady rate, with a chosen spread of partition keys.

use super::rng::Rng;
use super::writes::WriteStats;
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
    /// What it has written, throttled and failed.
    pub writes: WriteStats,
    round_robin: u32,
}

impl Producer {
    pub(crate) fn new(id: u32, spec: ProducerSpec) -> Self {
        Producer { id, spec, paused: false, writes: WriteStats::default(), round_robin: 0 }
    }

    /// Takes one step on the grid: how many records fall due in it (see [`WriteStats::step`]).
    pub(crate) fn step(&mut self) -> u64 {
        self.writes.step(self.spec.records_per_second)
    }

    /// The next partition key.
    pub(crate) fn next_key(&mut self, rng: &mut Rng) -> String {
        match &self.spec.keys {
            KeyDistribution::Uniform { keys } => uniform_key(rng, *keys),
            KeyDistribution::HotKey { hot_key, share, keys } => hot_or_uniform_key(rng, hot_key, *share, *keys),
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

/// One of `keys` keys (`key-0` .. `key-{keys-1}`), uniformly at random: one draw.
pub(crate) fn uniform_key(rng: &mut Rng, keys: u32) -> String {
    format!("key-{}", rng.below(u64::from(keys.max(1))))
}

/// `hot_key` with probability `share`, else a [`uniform_key`]: one draw, and a second for the uniform key.
pub(crate) fn hot_or_uniform_key(rng: &mut Rng, hot_key: &str, share: f64, keys: u32) -> String {
    if rng.unit() < share {
        hot_key.to_owned()
    } else {
        uniform_key(rng, keys)
    }
}
