//! A shard's write capacity as AWS documents it for large records: a tank of bytes.
//!
//! The tank holds at most [`TANK_CAPACITY_BYTES`] (10 MiB) and refills at [`TANK_REFILL_BYTES_PER_SEC`]
//! (1 MiB/s), continuously. Every accepted record takes its data and partition key bytes out of it. A record is
//! accepted when the tank holds at least its size, or when the tank is full: so a maximum-size record (10 MiB of
//! data plus its key) on an idle shard is accepted, and the tank then owes the few key bytes it did not hold,
//! repaid by the refill like any other use. Over any long window a shard therefore takes 1 MiB/s on average,
//! and after an idle spell it can absorb a burst of up to 10 MiB at once.
//!
//! The level is kept in exact integer units (byte-milliseconds: 1 byte = 1,000 units, and the tank refills
//! 1,048,576 units every millisecond), so boundaries fall where a learner computes them: after a full drain, 1 MiB
//! is back exactly 1,000 ms later.
//!
//! The 1,000 records per second limit is separate, per whole simulated second (see [`super::capacity`]).

use crate::time::Millis;

/// The most bytes a shard's write tank holds: 10 MiB.
pub const TANK_CAPACITY_BYTES: u64 = 10 * 1024 * 1024;
/// How fast the tank refills: 1 MiB per second.
pub const TANK_REFILL_BYTES_PER_SEC: u64 = 1024 * 1024;

/// Units per byte (the level is in byte-milliseconds).
const UNITS_PER_BYTE: i64 = 1000;
const CAPACITY_UNITS: i64 = TANK_CAPACITY_BYTES as i64 * UNITS_PER_BYTE;
/// Units added per millisecond: 1 MiB/s = 1,048,576 bytes per 1,000 ms.
const REFILL_UNITS_PER_MS: i64 = TANK_REFILL_BYTES_PER_SEC as i64;

/// A shard's write tank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteTank {
    /// The level at `as_of_ms`, in units; below zero while the tank owes bytes after a large record.
    units: i64,
    /// When `units` was last brought up to date; `None` for a tank untouched since the shard opened (full).
    as_of_ms: Option<Millis>,
}

impl Default for WriteTank {
    /// A full tank.
    fn default() -> Self {
        WriteTank { units: CAPACITY_UNITS, as_of_ms: None }
    }
}

impl WriteTank {
    fn units_of(size: u64) -> i64 {
        i64::try_from(size).unwrap_or(i64::MAX).saturating_mul(UNITS_PER_BYTE)
    }

    fn units_at(&self, now: Millis) -> i64 {
        match self.as_of_ms {
            None => CAPACITY_UNITS,
            Some(t) => {
                let elapsed = now.saturating_sub(t).max(0);
                self.units.saturating_add(elapsed.saturating_mul(REFILL_UNITS_PER_MS)).min(CAPACITY_UNITS)
            }
        }
    }

    /// Whole bytes in the tank at `now` (0 while it owes bytes).
    pub fn level_bytes(&self, now: Millis) -> u64 {
        u64::try_from(self.units_at(now) / UNITS_PER_BYTE).unwrap_or(0)
    }

    /// Whether the tank is full at `now`.
    pub fn is_full(&self, now: Millis) -> bool {
        self.units_at(now) >= CAPACITY_UNITS
    }

    /// Whether a record of `size` bytes would be accepted at `now`.
    pub fn admits(&self, now: Millis, size: u64) -> bool {
        let have = self.units_at(now);
        have >= CAPACITY_UNITS || have >= Self::units_of(size)
    }

    /// Takes `size` bytes out of the tank at `now` (after [`Self::admits`]).
    pub fn take(&mut self, now: Millis, size: u64) {
        let have = self.units_at(now);
        self.units = have.saturating_sub(Self::units_of(size));
        self.as_of_ms = Some(now);
    }

    /// How long, from `now`, until a record of `size` bytes would be accepted (0 when it would be now).
    pub fn wait_ms(&self, now: Millis, size: u64) -> Millis {
        if self.admits(now, size) {
            return 0;
        }
        let need = Self::units_of(size).min(CAPACITY_UNITS).saturating_sub(self.units_at(now));
        need.saturating_add(REFILL_UNITS_PER_MS - 1) / REFILL_UNITS_PER_MS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u64 = 1024 * 1024;

    #[test]
    fn a_full_tank_takes_a_maximum_size_record_and_refills_at_one_mib_per_second() {
        let mut t = WriteTank::default();
        assert!(t.is_full(0));
        assert_eq!(t.level_bytes(0), TANK_CAPACITY_BYTES);
        // 10 MiB of data and a 1-byte key: more than the tank holds, but it is full.
        assert!(t.admits(0, 10 * MIB + 1));
        t.take(0, 10 * MIB + 1);
        assert_eq!(t.level_bytes(0), 0);
        assert!(!t.admits(0, 1));
        // The byte owed is repaid first: 1 ms brings 1,048.576 bytes, so 1,047 whole bytes are there after 1 ms.
        assert_eq!(t.level_bytes(1), 1047);
        // Exactly 1 MiB (plus the byte owed) after 1,000 ms and 1 more ms for the owed byte's share.
        assert!(!t.admits(1000, MIB));
        assert!(t.admits(1001, MIB));
        assert_eq!(t.wait_ms(0, MIB), 1001);
    }

    #[test]
    fn boundaries_are_exact() {
        let mut t = WriteTank::default();
        t.take(0, TANK_CAPACITY_BYTES);
        assert_eq!(t.level_bytes(0), 0);
        assert!(!t.admits(999, MIB));
        assert!(t.admits(1000, MIB));
        assert_eq!(t.wait_ms(0, MIB), 1000);
        assert_eq!(t.wait_ms(1000, MIB), 0);
        // Full again after 10 s, never fuller.
        assert!(!t.is_full(9_999));
        assert!(t.is_full(10_000));
        assert_eq!(t.level_bytes(1_000_000), TANK_CAPACITY_BYTES);
    }

    #[test]
    fn time_going_backwards_or_huge_values_do_not_break_it() {
        let mut t = WriteTank::default();
        t.take(5_000, MIB);
        assert_eq!(t.level_bytes(0), TANK_CAPACITY_BYTES - MIB, "no refill for an earlier instant");
        assert!(t.is_full(Millis::MAX));
        t.take(0, u64::MAX);
        assert_eq!(t.level_bytes(0), 0);
        assert!(!t.admits(0, 1));
        assert!(t.wait_ms(0, 1) > 0);
    }
}
