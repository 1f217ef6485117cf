//! What a writer (a [`super::Producer`] or a [`super::Generator`]) has done: the counters both keep and show, and
//! its place on the write grid.

use super::{RunReport, STEP_MS};

/// A writer's counters and grid steps, the same for producers and generators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Records written.
    pub sent: u64,
    /// Records refused with ProvisionedThroughputExceededException.
    pub throttled: u64,
    /// Records refused for another reason (stream missing, not ready, a generator's record that could not be made).
    pub failed: u64,
    /// The last error message and when it happened ([`super::error_at`]), to show beside the writer.
    pub last_error: Option<String>,
    /// Grid steps written at (see [`crate::sim`]): `rate × steps / 10` records have fallen due so far.
    steps: u64,
}

impl WriteStats {
    /// Records attempted so far: written, throttled or failed.
    pub fn attempted(&self) -> u64 {
        self.sent + self.throttled + self.failed
    }

    /// Takes one step on the grid at `records_per_second`: how many records fall due in it. Counted from the
    /// writer's first step in whole numbers (`⌊rate × steps × STEP_MS / 1000⌋` in all, less what was already
    /// attempted), so a rate of 7 per second sends 0 or 1 per step and exactly 7 every 10 steps.
    pub(crate) fn step(&mut self, records_per_second: u32) -> u64 {
        self.steps += 1;
        let total = i128::from(records_per_second) * i128::from(self.steps) * i128::from(STEP_MS) / 1000;
        u64::try_from(total - i128::from(self.attempted())).unwrap_or(0)
    }

    /// Counts what one grid step's calls did.
    pub(crate) fn count(&mut self, r: &RunReport) {
        self.sent += r.written;
        self.throttled += r.throttled;
        self.failed += r.failed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_falls_due_in_whole_records_from_the_first_step() {
        let mut w = WriteStats::default();
        let due: Vec<u64> = (0..10)
            .map(|_| {
                let d = w.step(7);
                w.count(&RunReport { written: d, ..RunReport::default() });
                d
            })
            .collect();
        assert_eq!(due.iter().sum::<u64>(), 7);
        assert!(due.iter().all(|&d| d <= 1));
        // Throttled and failed records count as attempted: they are not sent again.
        w.count(&RunReport { throttled: 2, failed: 1, ..RunReport::default() });
        assert_eq!((w.attempted(), w.step(7)), (10, 0));
    }
}
