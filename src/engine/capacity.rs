//! Provisioned throughput per shard, enforced per simulated second, and the on-demand scaling model.
//!
//! Every shard, in either capacity mode, takes at most 1,000 records per second in, and its write bytes (data plus
//! partition keys) come out of a tank that holds 10 MiB and refills at 1 MiB/s ([`super::tank`]: 1 MiB/s on
//! average, bursts of up to 10 MiB after an idle spell, a maximum-size record on an idle shard accepted). It serves at most 5 GetRecords calls and 2 MiB per second out; GetShardIterator is limited to 5
//! calls per second. A GetRecords call that returns more than 2 MiB is allowed, but the shard then refuses reads
//! for as many seconds as the data would have taken at 2 MiB/s (10 MiB -> 5 seconds). Seconds are whole simulated
//! epoch seconds: the 1,000th record in a second passes, the 1,001st fails, and the next second starts afresh.
//!
//! On-demand streams (spec section 6, a documented model of the playground's own, since AWS does not publish its
//! timeline): they start at 4 shards; when the busiest second of the last minute passes half the stream's write
//! capacity, the hottest shards are split at their midpoints, at most doubling the shard count, and at most once
//! per 15 simulated minutes; shards are never merged back (the previous peak is kept). A single partition key
//! still lives in one shard, so a hot key is throttled at one shard's limit whatever the mode. Streams are checked
//! on every whole simulated second (epoch time), however the clock is advanced, so a day passed in one jump or in
//! frame-sized steps scales at the same moments.

use super::shard::Shard;
use super::stream::{StreamMode, StreamStatus};
use super::{Engine, ErrorType, KinesisError};
use crate::time::{Millis, MINUTE, SECOND};

/// Write limit per shard: bytes (data plus partition key) per second, on average (the tank's refill rate).
pub const WRITE_BYTES_PER_SEC: u64 = super::tank::TANK_REFILL_BYTES_PER_SEC;
/// Write limit per shard: records per second.
pub const WRITE_RECORDS_PER_SEC: u64 = 1000;
/// Read limit per shard: bytes per second.
pub const READ_BYTES_PER_SEC: u64 = 2 * 1024 * 1024;
/// Read limit per shard: GetRecords calls per second.
pub const READ_CALLS_PER_SEC: u32 = 5;
/// GetShardIterator calls per shard per second.
pub const ITERATOR_CALLS_PER_SEC: u32 = 5;
/// On-demand: the least time between two scale-ups of a stream.
pub const ON_DEMAND_SCALE_INTERVAL_MS: Millis = 15 * MINUTE;
/// On-demand: a stream scales up when its busiest recent second passes this share of its capacity.
pub const ON_DEMAND_SCALE_THRESHOLD: f64 = 0.5;
/// On-demand: streams are checked for scaling on every multiple of this interval of epoch time (whole seconds),
/// so when a check happens never depends on how the clock was advanced.
pub const ON_DEMAND_CHECK_INTERVAL_MS: Millis = SECOND;
/// On-demand: the window of recent seconds whose busiest second a check looks at.
pub const ON_DEMAND_PEAK_WINDOW_SECONDS: i64 = 60;

/// `Rate exceeded for shard shardId-000000000000 in stream S under account A.`
pub fn rate_exceeded(shard: &Shard, stream: &str, account: &str) -> KinesisError {
    KinesisError::new(
        ErrorType::ProvisionedThroughputExceeded,
        format!("Rate exceeded for shard {} in stream {stream} under account {account}.", shard.shard_id()),
    )
}

impl Shard {
    /// Counts a write of `size` bytes at `now`; `false` (and a throttle event) when the shard already took 1,000
    /// records this second or its write tank cannot take the bytes.
    pub(crate) fn admit_write(&mut self, now: Millis, size: u64, enforce: bool) -> bool {
        let tank_ok = self.meter.write_tank.admits(now, size);
        let b = self.meter.current(now);
        let fits = b.incoming_records < WRITE_RECORDS_PER_SEC && tank_ok;
        if enforce && !fits {
            b.write_throttled += 1;
            return false;
        }
        b.incoming_records += 1;
        b.incoming_bytes += size;
        // With throttling off the tank only empties: it never runs into a debt that would throttle later writes.
        let taken = if tank_ok { size } else { self.meter.write_tank.level_bytes(now) };
        self.meter.write_tank.take(now, taken);
        true
    }

    /// Whether a GetRecords call may run now; counts a throttle event when not.
    pub(crate) fn admit_read(&mut self, now: Millis, enforce: bool) -> bool {
        let penalty = now < self.meter.read_penalty_until;
        let b = self.meter.current(now);
        let fits = !penalty && b.get_records_calls < READ_CALLS_PER_SEC && b.outgoing_bytes < READ_BYTES_PER_SEC;
        if enforce && !fits {
            b.read_throttled += 1;
            return false;
        }
        true
    }

    /// Counts a successful GetRecords call, and starts the read penalty after a large one.
    pub(crate) fn record_read(&mut self, now: Millis, bytes: u64, records: u64, iterator_age_ms: Millis) {
        let b = self.meter.current(now);
        b.get_records_calls += 1;
        b.outgoing_bytes += bytes;
        b.outgoing_records += records;
        b.iterator_age_ms = b.iterator_age_ms.max(iterator_age_ms);
        if bytes > READ_BYTES_PER_SEC {
            let seconds = bytes.div_ceil(READ_BYTES_PER_SEC) as Millis;
            self.meter.read_penalty_until = now + seconds * 1000;
        }
    }

    /// Counts a GetShardIterator call; `false` when it passes 5 a second.
    pub(crate) fn admit_iterator(&mut self, now: Millis, enforce: bool) -> bool {
        let b = self.meter.current(now);
        if enforce && b.get_shard_iterator_calls >= ITERATOR_CALLS_PER_SEC {
            return false;
        }
        b.get_shard_iterator_calls += 1;
        true
    }

    /// The busiest second of the last minute: (bytes, records) written.
    pub fn peak_write_last_minute(&self, now: Millis) -> (u64, u64) {
        self.meter
            .recent(now, ON_DEMAND_PEAK_WINDOW_SECONDS)
            .fold((0, 0), |(b, r), s| (b.max(s.incoming_bytes), r.max(s.incoming_records)))
    }
}

impl Engine {
    /// The first scaling check in `(after, until]` that could change anything: a multiple of
    /// [`ON_DEMAND_CHECK_INTERVAL_MS`] at which some ACTIVE on-demand stream is past its 15 minutes since the last
    /// scale-up and has activity in its peak window. Checks at other boundaries would find nothing to do (during an
    /// advance nothing is written, so the window only empties as time goes on); skipping them keeps a long jump
    /// cheap without changing what happens.
    pub(crate) fn next_scaling_check(&self, after: Millis, until: Millis) -> Option<Millis> {
        let step = ON_DEMAND_CHECK_INTERVAL_MS;
        let ceil =
            |t: Millis| t.div_euclid(step).saturating_add(i64::from(t.rem_euclid(step) != 0)).saturating_mul(step);
        let first = after.div_euclid(step).saturating_add(1).saturating_mul(step);
        self.streams
            .values()
            .filter(|s| s.mode == StreamMode::OnDemand && s.status == StreamStatus::Active)
            .filter_map(|s| {
                let due =
                    s.last_scaled_ms.map_or(first, |t| first.max(ceil(t.saturating_add(ON_DEMAND_SCALE_INTERVAL_MS))));
                let busy =
                    s.open_shards().any(|sh| sh.meter.recent(due, ON_DEMAND_PEAK_WINDOW_SECONDS).next().is_some());
                busy.then_some(due)
            })
            .min()
            .filter(|&at| at <= until)
    }

    /// Applies the on-demand scaling model to every ACTIVE on-demand stream (see the module docs).
    pub(crate) fn scale_on_demand(&mut self) {
        let now = self.now;
        let names: Vec<String> = self
            .streams
            .values()
            .filter(|s| s.mode == StreamMode::OnDemand && s.status == StreamStatus::Active)
            .filter(|s| s.last_scaled_ms.is_none_or(|t| now - t >= ON_DEMAND_SCALE_INTERVAL_MS))
            .map(|s| s.name.clone())
            .collect();
        for name in names {
            let Some(stream) = self.streams.get(&name) else { continue };
            let open: Vec<&Shard> = stream.open_shards().collect();
            let n = open.len() as u64;
            // The stream's busiest second, summed over its open shards (an upper bound, per shard's peak).
            let (bytes, records) =
                open.iter().map(|s| s.peak_write_last_minute(now)).fold((0, 0), |a, p| (a.0 + p.0, a.1 + p.1));
            let load = (bytes as f64 / (n * WRITE_BYTES_PER_SEC) as f64)
                .max(records as f64 / (n * WRITE_RECORDS_PER_SEC) as f64);
            if n == 0 || load <= ON_DEMAND_SCALE_THRESHOLD {
                continue;
            }
            let wanted = ((load / ON_DEMAND_SCALE_THRESHOLD) * n as f64).ceil() as u64;
            let splits = wanted.saturating_sub(n).clamp(1, n) as usize;
            let mut hottest: Vec<(u64, u32)> = open
                .iter()
                .map(|s| {
                    let (b, r) = s.peak_write_last_minute(now);
                    (b.max(r * 1024), s.index)
                })
                .collect();
            crate::lean::sort_by(&mut hottest, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let targets: Vec<u32> = hottest.into_iter().take(splits).map(|(_, i)| i).collect();
            for index in targets {
                self.split_at_midpoint(&name, index);
            }
            if let Some(s) = self.streams.get_mut(&name) {
                s.last_scaled_ms = Some(now);
            }
            self.touch();
        }
    }
}
