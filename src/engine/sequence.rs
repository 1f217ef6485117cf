//! Sequence numbers: 56-digit decimals with a structure inside.
//!
//! Kinesis hands out sequence numbers as decimal strings, unique per stream and strictly increasing within a shard.
//! Real ones decode consistently with the layout kinesalite reverse-engineered ("version 2"), which the playground
//! uses so that a learner can take one apart. As 47 hex digits, left to right:
//!
//! | hex digits | field |
//! |---|---|
//! | 1 | the constant `2` |
//! | 9 | shard creation time, epoch seconds |
//! | 1 | low nibble of the shard index |
//! | 16 | the shard's record counter (0 for the shard's StartingSequenceNumber, then 1, 2, ...) |
//! | 2 | `00` |
//! | 9 | the record's arrival time, epoch seconds |
//! | 8 | the shard index |
//! | 1 | the version, `2` |
//!
//! The counter dominates the value (one step adds 2^80), so numbers grow with every record; the arrival second adds
//! 2^36 per second, which is why "the longer between writes, the larger the gap". A closed shard's
//! `EndingSequenceNumber` carries the largest counter, `0x7fffffffffffffff`.

use ethnum::U256;
use std::fmt;

/// The counter a closed shard's EndingSequenceNumber carries.
pub const MAX_COUNTER: u64 = 0x7fff_ffff_ffff_ffff;

/// A decoded sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SequenceNumber {
    /// Epoch seconds at which the shard was created.
    pub shard_created_secs: u64,
    /// The shard's index (`shardId-000000000007` has index 7).
    pub shard_index: u32,
    /// The shard's record counter: 0 is the shard's starting sequence number, the first record gets 1.
    pub counter: u64,
    /// Epoch seconds at which the record arrived.
    pub arrival_secs: u64,
}

const SECS_MASK: u64 = (1 << 36) - 1;

impl SequenceNumber {
    /// The 256-bit integer value.
    pub fn to_u256(&self) -> U256 {
        let mut v = U256::from(2u8) << 184;
        v |= U256::from(self.shard_created_secs & SECS_MASK) << 148;
        v |= U256::from(self.shard_index & 0xf) << 144;
        v |= U256::from(self.counter) << 80;
        v |= U256::from(self.arrival_secs & SECS_MASK) << 36;
        v |= U256::from(self.shard_index) << 4;
        v | U256::from(2u8)
    }

    /// Decodes a 256-bit value; `None` unless it has the version-2 layout.
    pub fn from_u256(v: U256) -> Option<SequenceNumber> {
        let field = |shift: u32, bits: u32| -> u128 {
            let mask = (U256::ONE << bits) - U256::ONE;
            ((v >> shift) & mask).as_u128()
        };
        if (v >> 188) != U256::ZERO || field(184, 4) != 2 || field(0, 4) != 2 || field(72, 8) != 0 {
            return None;
        }
        let shard_index = field(4, 32) as u32;
        if field(144, 4) as u32 != shard_index & 0xf {
            return None;
        }
        Some(SequenceNumber {
            shard_created_secs: field(148, 36) as u64,
            shard_index,
            counter: field(80, 64) as u64,
            arrival_secs: field(36, 36) as u64,
        })
    }

    /// Parses a decimal sequence number; `None` when it is not a number this layout can produce.
    pub fn parse(text: &str) -> Option<SequenceNumber> {
        if text.is_empty() || text.len() > 78 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        U256::from_str_radix(text, 10).ok().and_then(Self::from_u256)
    }

    /// The shard ID this number belongs to.
    pub fn shard_id(&self) -> String {
        super::shard_id(self.shard_index)
    }
}

impl fmt::Display for SequenceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_u256())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREATED: u64 = 1_704_067_200; // 2024-01-01T00:00:00Z

    #[test]
    fn matches_the_spec_examples() {
        let start = SequenceNumber { shard_created_secs: CREATED, shard_index: 0, counter: 0, arrival_secs: CREATED };
        assert_eq!(start.to_string(), "49647888802562419836923936470999665672519599508823212034");
        let first = SequenceNumber { counter: 1, arrival_secs: CREATED + 5, ..start };
        assert_eq!(first.to_string(), "49647888802562419836923936471000874598339214481595301890");
        let shard1 = SequenceNumber { shard_index: 1, ..start };
        assert_eq!(shard1.to_string(), "49647888802584720582122467094141201390792247870329192466");
        assert_eq!(start.to_string().len(), 56);
    }

    #[test]
    fn round_trips_and_rejects_foreign_numbers() {
        let s = SequenceNumber {
            shard_created_secs: CREATED,
            shard_index: 123,
            counter: 987_654,
            arrival_secs: CREATED + 99,
        };
        assert_eq!(SequenceNumber::parse(&s.to_string()), Some(s));
        for bad in ["", "0", "1", "12a", "49647888802562419836923936470999665672519599508823212035", &"9".repeat(129)] {
            assert_eq!(SequenceNumber::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn order_follows_the_counter() {
        let a =
            SequenceNumber { shard_created_secs: CREATED, shard_index: 0, counter: 5, arrival_secs: CREATED + 1000 };
        let b = SequenceNumber { counter: 6, arrival_secs: CREATED + 1000, ..a };
        assert!(a.to_u256() < b.to_u256());
        let end = SequenceNumber { counter: MAX_COUNTER, ..a };
        assert!(b.to_u256() < end.to_u256());
    }
}
