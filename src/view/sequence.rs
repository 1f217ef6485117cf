//! Taking a sequence number apart, and saying how it grew from the one before.

use crate::engine::sequence::{SequenceNumber, MAX_COUNTER};
use crate::time::{format_duration, format_iso};

/// A sequence number's fields, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SequenceExplanation {
    pub decimal: String,
    pub shard_id: String,
    pub shard_created: String,
    pub counter: String,
    pub arrival: String,
    /// How it differs from the previous record's number in the same shard.
    pub growth: Option<String>,
}

/// Explains `text`, and how it grew from `previous` (the shard's previous record) when given.
pub fn explain(text: &str, previous: Option<&str>) -> Option<SequenceExplanation> {
    let s = SequenceNumber::parse(text)?;
    let counter = if s.counter == MAX_COUNTER {
        "the largest possible (this is a closed shard's EndingSequenceNumber)".to_owned()
    } else if s.counter == 0 {
        "0 (the shard's StartingSequenceNumber: no record has it)".to_owned()
    } else {
        format!("{} (record number {} written to this shard)", s.counter, s.counter)
    };
    let growth = previous.and_then(SequenceNumber::parse).filter(|p| p.shard_index == s.shard_index).map(|p| {
        let dc = i128::from(s.counter) - i128::from(p.counter);
        let dt = s.arrival_secs as i64 - p.arrival_secs as i64;
        let step = if dc == 1 { "the counter went up by 1".to_owned() } else { format!("the counter went up by {dc}") };
        let time = if dt == 0 {
            "in the same second".to_owned()
        } else {
            format!("and the arrival second by {} ({})", dt, format_duration(dt * 1000))
        };
        format!("Compared with the previous record: {step} {time}. The counter sits high in the number, so every record gets a larger number; the arrival time sits lower, so longer pauses make bigger gaps.")
    });
    Some(SequenceExplanation {
        decimal: text.to_owned(),
        shard_id: s.shard_id(),
        shard_created: format_iso(s.shard_created_secs as i64 * 1000),
        counter,
        arrival: format_iso(s.arrival_secs as i64 * 1000),
        growth,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explains_the_spec_example() {
        let first = "49647888802562419836923936471000874598339214481595301890";
        let start = "49647888802562419836923936470999665672519599508823212034";
        let x = explain(first, Some(start)).unwrap();
        assert_eq!(x.shard_id, "shardId-000000000000");
        assert_eq!(x.shard_created, "2024-01-01T00:00:00+00:00");
        assert_eq!(x.arrival, "2024-01-01T00:00:05+00:00");
        assert!(x.counter.starts_with("1 "));
        assert!(x.growth.unwrap().contains("went up by 1 and the arrival second by 5"));
        assert!(explain(start, None).unwrap().counter.contains("StartingSequenceNumber"));
        assert_eq!(explain("12", None), None);
    }
}
