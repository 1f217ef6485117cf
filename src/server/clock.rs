//! The served simulation's clock: real (simulated time follows the wall clock) or manual (it moves only when a
//! client says so, through `/_playground/clock/...` or a console line such as `sim clock advance 30s`).
//!
//! The engine keeps its own simulated time and never goes back; this clock only says what time the engine is due
//! to show. A real clock is a base (simulated time, instant) pair: `due = base_sim + (now - base_instant)`. When the
//! engine gets ahead of it (a console line moved time on, say `aws kinesis wait stream-exists`), the clock is
//! rebased there and keeps running at real pace from the new time, rather than pausing until the wall catches up.

use crate::time::Millis;
use std::time::Instant;

/// Whether simulated time follows the wall clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockMode {
    /// Simulated time runs at real pace (the default).
    Real,
    /// Simulated time moves only when told to.
    Manual,
}

impl ClockMode {
    /// `real` or `manual`, as the `--clock` option spells it.
    pub fn name(self) -> &'static str {
        match self {
            ClockMode::Real => "real",
            ClockMode::Manual => "manual",
        }
    }
}

/// The time the served engine is due to show.
#[derive(Debug, Clone)]
pub struct ServedClock {
    mode: ClockMode,
    base_sim_ms: Millis,
    base_instant: Instant,
}

impl ServedClock {
    /// A clock of the given mode whose simulated time is `start_ms` at `at`.
    pub fn new(mode: ClockMode, start_ms: Millis, at: Instant) -> Self {
        ServedClock { mode, base_sim_ms: start_ms, base_instant: at }
    }

    /// Real or manual.
    pub fn mode(&self) -> ClockMode {
        self.mode
    }

    /// The simulated time a real clock shows at `at` (`None` for a manual clock: only its engine knows).
    pub fn due_at(&self, at: Instant) -> Option<Millis> {
        match self.mode {
            ClockMode::Manual => None,
            ClockMode::Real => {
                let elapsed = at.saturating_duration_since(self.base_instant).as_millis();
                let elapsed = Millis::try_from(elapsed).unwrap_or(Millis::MAX);
                Some(self.base_sim_ms.saturating_add(elapsed).min(crate::time::MAX_MILLIS))
            }
        }
    }

    /// The instant the clock's simulated base time refers to.
    pub fn base_instant(&self) -> Instant {
        self.base_instant
    }

    /// Makes a real clock show `sim_ms` at `at` and run on from there.
    pub fn rebase(&mut self, sim_ms: Millis, at: Instant) {
        self.base_sim_ms = sim_ms;
        self.base_instant = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_real_clock_runs_at_real_pace_from_its_start() {
        let t0 = Instant::now();
        let clock = ServedClock::new(ClockMode::Real, 1_000, t0);
        assert_eq!(clock.due_at(t0), Some(1_000));
        assert_eq!(clock.due_at(t0 + Duration::from_millis(2_500)), Some(3_500));
    }

    #[test]
    fn an_instant_before_the_base_counts_as_the_base() {
        let t0 = Instant::now() + Duration::from_secs(5);
        let clock = ServedClock::new(ClockMode::Real, 1_000, t0);
        assert_eq!(clock.due_at(t0 - Duration::from_secs(1)), Some(1_000));
    }

    #[test]
    fn a_manual_clock_is_never_due_anywhere() {
        let t0 = Instant::now();
        let clock = ServedClock::new(ClockMode::Manual, 1_000, t0);
        assert_eq!(clock.due_at(t0 + Duration::from_secs(60)), None);
    }

    #[test]
    fn rebasing_moves_the_clock_and_keeps_it_running() {
        let t0 = Instant::now();
        let mut clock = ServedClock::new(ClockMode::Real, 0, t0);
        let t1 = t0 + Duration::from_secs(1);
        clock.rebase(60_000, t1);
        assert_eq!(clock.due_at(t1), Some(60_000));
        assert_eq!(clock.due_at(t1 + Duration::from_millis(10)), Some(60_010));
    }
}
