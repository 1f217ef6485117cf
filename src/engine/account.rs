//! The account's settings (DescribeAccountSettings, UpdateAccountSettings: the minimum throughput billing
//! commitment) and what they allow: warm throughput on on-demand streams (UpdateStreamWarmThroughput, and
//! `WarmThroughputMiBps` at CreateStream and UpdateStreamMode).
//!
//! A commitment lasts at least 24 hours: disabling it earlier schedules the end for the earliest allowed moment
//! (status `ENABLED_UNTIL_EARLIEST_ALLOWED_END`), and enabling it again before then cancels that. Warm throughput
//! is write capacity ready in advance: when UPDATING ends, the on-demand stream splits its widest shards until it
//! has one open shard (1 MiB/s) per MiB/s asked for. `CurrentMiBps` is what the open shards take now.

use super::stream::{StreamMode, StreamStatus};
use super::{Engine, KinesisError, KinesisResult};
use crate::time::{Millis, DAY};

/// The most warm throughput Kinesis allows an on-demand stream: 10 GiB/s.
pub const MAX_WARM_THROUGHPUT_MIBPS: i64 = 10_240;
/// A limit of the playground, not of Kinesis: warm throughput becomes shards, and more than this many would make
/// the page slow.
pub const PLAYGROUND_MAX_WARM_THROUGHPUT_MIBPS: i64 = 256;

/// The minimum throughput billing commitment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Commitment {
    pub started_ms: Option<Millis>,
    pub ended_ms: Option<Millis>,
    /// A disable asked for before the 24 hours were up: the commitment ends at `started + 24 h`.
    pub ending_scheduled: bool,
}

impl Commitment {
    /// The earliest moment the commitment can end.
    pub fn earliest_end_ms(&self) -> Option<Millis> {
        self.started_ms.map(|s| s + DAY)
    }

    /// `ENABLED`, `DISABLED` or `ENABLED_UNTIL_EARLIEST_ALLOWED_END` at `now`.
    pub fn status(&self, now: Millis) -> &'static str {
        match (self.started_ms, self.ended_ms) {
            (Some(_), None) if self.ending_scheduled && self.earliest_end_ms().is_some_and(|e| now < e) => {
                "ENABLED_UNTIL_EARLIEST_ALLOWED_END"
            }
            (Some(_), None) if !self.ending_scheduled => "ENABLED",
            _ => "DISABLED",
        }
    }

    /// Whether warm throughput is available at `now`.
    pub fn is_enabled(&self, now: Millis) -> bool {
        self.status(now) != "DISABLED"
    }

    /// When a scheduled end falls due, it has happened.
    fn settle(&mut self, now: Millis) {
        if let (true, Some(end), None) = (self.ending_scheduled, self.earliest_end_ms(), self.ended_ms) {
            if now >= end {
                self.ended_ms = Some(end);
                self.ending_scheduled = false;
            }
        }
    }
}

impl Engine {
    /// DescribeAccountSettings: the commitment as of now.
    pub fn account_commitment(&self) -> Commitment {
        let mut c = self.commitment;
        c.settle(self.now);
        c
    }

    /// UpdateAccountSettings: `enable` starts (or keeps, or un-schedules the end of) the commitment; disabling ends
    /// it now, or at the earliest allowed end when that is still ahead.
    pub fn update_account_settings(&mut self, enable: bool) -> Commitment {
        let now = self.now;
        let mut c = self.account_commitment();
        match (enable, c.status(now)) {
            (true, "DISABLED") => c = Commitment { started_ms: Some(now), ended_ms: None, ending_scheduled: false },
            (true, _) => c.ending_scheduled = false,
            (false, "DISABLED") => {}
            (false, _) if c.earliest_end_ms().is_some_and(|e| now < e) => c.ending_scheduled = true,
            (false, _) => c.ended_ms = Some(now),
        }
        self.commitment = c;
        self.touch();
        c
    }

    /// Checks a warm throughput asked for an on-demand stream.
    ///
    /// # Errors
    /// `InvalidArgumentException` without the account's commitment or above 10,240 MiB/s;
    /// `LimitExceededException` above the playground's own limit.
    pub(crate) fn check_warm_throughput(&self, mibps: i64) -> KinesisResult<u32> {
        let account = &self.config.account_id;
        if !self.account_commitment().is_enabled(self.now) {
            return Err(KinesisError::invalid(format!(
                "Warm throughput is only available to on-demand streams in accounts with the minimum throughput billing commitment enabled, and account {account} does not have it. Enable it with UpdateAccountSettings."
            )));
        }
        if mibps > MAX_WARM_THROUGHPUT_MIBPS {
            return Err(KinesisError::invalid(format!(
                "WarmThroughputMiBps {mibps} is more than the {MAX_WARM_THROUGHPUT_MIBPS} MiB/s an on-demand stream can be warmed to."
            )));
        }
        if mibps > PLAYGROUND_MAX_WARM_THROUGHPUT_MIBPS {
            return Err(KinesisError::limit(format!(
                "The playground warms streams to at most {PLAYGROUND_MAX_WARM_THROUGHPUT_MIBPS} MiB/s ({PLAYGROUND_MAX_WARM_THROUGHPUT_MIBPS} shards). This is a limit of the simulator, not of Kinesis, which allows {MAX_WARM_THROUGHPUT_MIBPS} MiB/s."
            )));
        }
        Ok(u32::try_from(mibps.max(0)).unwrap_or_default())
    }

    /// UpdateStreamWarmThroughput: the stream turns UPDATING and is warmed when it ends. Returns (target, current)
    /// MiB/s.
    ///
    /// # Errors
    /// `ResourceNotFoundException`; `ResourceInUseException` unless ACTIVE; `InvalidArgumentException` for a
    /// provisioned stream, and as [`Engine::check_warm_throughput`].
    pub fn update_stream_warm_throughput(&mut self, name: &str, mibps: i64) -> KinesisResult<(u32, u32)> {
        let account = self.config.account_id.clone();
        let stream = self.existing(name)?;
        if stream.mode != StreamMode::OnDemand {
            return Err(KinesisError::invalid(format!(
                "Stream {name} under account {account} is in PROVISIONED mode: warm throughput is for on-demand streams."
            )));
        }
        let target = self.check_warm_throughput(mibps)?;
        let stream = self.active_mut(name)?;
        stream.settings.warm_throughput_mibps = Some(target);
        let current = stream.open_shard_count() as u32;
        self.start_updating(name, Some(super::settings::StreamUpdate::WarmThroughput(target)));
        Ok((target, current))
    }

    /// UpdateStreamMode to ON_DEMAND with a warm throughput: reached when the switch's UPDATING ends.
    pub(crate) fn plan_warm_throughput(&mut self, name: &str, target: u32) {
        if let Some(s) = self.stream_mut(name) {
            s.settings.warm_throughput_mibps = Some(target);
            s.update = Some(super::settings::StreamUpdate::WarmThroughput(target));
        }
    }

    /// Splits the stream's widest open shards at their midpoints until it has at least `mibps` open shards.
    pub(crate) fn warm_up(&mut self, name: &str, mibps: u32) {
        loop {
            let Some(stream) = self.stream(name).filter(|s| s.status != StreamStatus::Deleting) else { return };
            if stream.open_shard_count() as u32 >= mibps {
                return;
            }
            let widest = stream
                .open_shards()
                .filter(|s| s.hash_key_range.span() >= 2)
                .max_by_key(|s| (s.hash_key_range.span(), std::cmp::Reverse(s.index)));
            let Some(index) = widest.map(|s| s.index) else { return };
            self.split_at_midpoint(name, index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::EngineConfig;

    #[test]
    fn a_commitment_lasts_at_least_a_day() {
        let mut e = Engine::new(EngineConfig::default());
        let t0 = e.now_ms();
        assert_eq!(e.account_commitment().status(t0), "DISABLED");
        assert_eq!(e.update_account_settings(true).status(t0), "ENABLED");
        e.advance(3_600_000);
        let c = e.update_account_settings(false);
        assert_eq!(c.status(e.now_ms()), "ENABLED_UNTIL_EARLIEST_ALLOWED_END");
        assert_eq!(c.earliest_end_ms(), Some(t0 + DAY));
        // Enabling again cancels the scheduled end.
        assert_eq!(e.update_account_settings(true).status(e.now_ms()), "ENABLED");
        e.update_account_settings(false);
        e.advance(DAY);
        let c = e.account_commitment();
        assert_eq!(c.status(e.now_ms()), "DISABLED");
        assert_eq!(c.ended_ms, Some(t0 + DAY));
        // After the first day, disabling ends it at once.
        e.update_account_settings(true);
        e.advance(DAY);
        let c = e.update_account_settings(false);
        assert_eq!((c.status(e.now_ms()), c.ended_ms), ("DISABLED", Some(e.now_ms())));
    }
}
