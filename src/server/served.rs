//! The served simulation: one [`Recorder`] (a console, which owns the engine and the simulated producers, and the
//! log of what was done to it: the saved-session document `--state` writes) and its clock.
//!
//! Every wire request and every control request goes through [`Served`], one at a time (the HTTP layer holds it
//! behind a mutex). Before and after each one the clock is synced: a real clock moves the engine (and the producers)
//! to the time it is due to show; a console line that moved simulated time further rebases the real clock there.

use super::clock::{ClockMode, ServedClock};
use crate::api::ops::consumers::subscribe_to_shard::{EventStream, StreamMessage};
use crate::api::{ApiError, HttpReply};
use crate::cli::{CommandOutput, Console};
use crate::engine::EngineConfig;
use crate::session::{Limits, Recorder, SessionError};
use crate::time::{format_rfc3339, Millis};
use serde_json::Value;
use std::time::Instant;

/// How the served simulation starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionConfig {
    /// Real or manual.
    pub clock: ClockMode,
    /// The simulated start time (epoch ms).
    pub start_time_ms: Millis,
    /// The seed of the simulated producers' random generator (and of the request identifiers).
    pub seed: u64,
    /// How long CREATING lasts.
    pub create_delay_ms: Millis,
    /// How long UPDATING lasts.
    pub update_delay_ms: Millis,
    /// How long DELETING lasts.
    pub delete_delay_ms: Millis,
}

impl SessionConfig {
    /// The engine settings of this session (the others at their defaults).
    pub fn engine_config(&self) -> EngineConfig {
        EngineConfig {
            start_time_ms: self.start_time_ms,
            create_delay_ms: self.create_delay_ms,
            update_delay_ms: self.update_delay_ms,
            delete_delay_ms: self.delete_delay_ms,
            ..EngineConfig::default()
        }
    }
}

/// Why a clock control request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockError {
    /// The clock is real: only a manual clock is moved by hand (HTTP 409).
    NotManual,
    /// `set` to a time before now (HTTP 400).
    Backwards { now_ms: Millis, to_ms: Millis },
}

impl ClockError {
    /// The plain message a client gets.
    pub fn message(&self) -> String {
        match self {
            ClockError::NotManual => "The clock is real: simulated time follows the wall clock and cannot be moved by \
                 hand. Start the server with --clock manual to move it with /_playground/clock/advance and \
                 /_playground/clock/set."
                .into(),
            ClockError::Backwards { now_ms, to_ms } => format!(
                "The clock never goes backwards: it is at {}, and {} is earlier.",
                format_rfc3339(*now_ms),
                format_rfc3339(*to_ms)
            ),
        }
    }

    /// The HTTP status of the refusal.
    pub fn status(&self) -> u16 {
        match self {
            ClockError::NotManual => 409,
            ClockError::Backwards { .. } => 400,
        }
    }
}

/// The served simulation.
pub struct Served {
    recorder: Recorder,
    clock: ServedClock,
}

impl Served {
    /// A fresh simulation: no streams, the clock at `config.start_time_ms` now.
    pub fn new(config: &SessionConfig) -> Self {
        Served {
            recorder: Recorder::new(config.engine_config(), config.seed),
            clock: ServedClock::new(config.clock, config.start_time_ms, Instant::now()),
        }
    }

    /// The simulation a saved session (a `--state` file, or one saved by the page) replays to, served with `clock`
    /// from the time the replay reached. The document's start time, seed and settings are the ones used.
    ///
    /// # Errors
    /// The document's refusal ([`SessionError`]: damaged, newer, too large, does not replay); nothing is served.
    pub fn open(clock: ClockMode, document: &str) -> Result<Self, SessionError> {
        let recorder = Recorder::open(document, &Limits::FILE)?;
        let now = recorder.engine().now_ms();
        Ok(Served { recorder, clock: ServedClock::new(clock, now, Instant::now()) })
    }

    /// The saved-session document of everything done so far ([`Recorder::to_json`]).
    pub fn to_json(&self) -> String {
        self.recorder.to_json()
    }

    /// How many entries the log holds and the simulated time: what changes when the state does (a save is skipped
    /// when this is as it was at the last one).
    pub fn version(&self) -> (usize, Millis) {
        (self.recorder.saved().entries.len(), self.recorder.engine().now_ms())
    }

    /// Real or manual.
    pub fn clock_mode(&self) -> ClockMode {
        self.clock.mode()
    }

    /// The simulated time now (a real clock is synced first).
    pub fn now_ms(&mut self) -> Millis {
        self.sync();
        self.recorder.engine().now_ms()
    }

    /// The console the simulation lives in.
    pub fn console(&self) -> &Console {
        self.recorder.console()
    }

    /// Handles one Kinesis request: `target` is the `X-Amz-Target` value, `body` the JSON request text.
    pub fn call(&mut self, target: &str, body: &str) -> HttpReply {
        self.sync();
        let reply = self.recorder.dispatch(target, body);
        self.sync();
        reply
    }

    /// Handles one Kinesis request already parsed (from JSON or CBOR).
    pub fn call_value(&mut self, target: &str, request: &Value) -> HttpReply {
        self.sync();
        let reply = self.recorder.dispatch_request(target, request);
        self.sync();
        reply
    }

    /// Opens a SubscribeToShard subscription at the current time.
    ///
    /// # Errors
    /// The call's error answer, before any event.
    pub fn subscribe(&mut self, request: &Value) -> Result<EventStream, ApiError> {
        self.sync();
        self.recorder.subscribe(request)
    }

    /// What a subscription pushed since its last poll, up to now.
    pub fn poll(&mut self, stream: &EventStream) -> Vec<StreamMessage> {
        self.sync();
        self.recorder.poll(stream)
    }

    /// The client went away: the subscription pushes nothing more.
    pub fn cancel(&mut self, stream: &EventStream) {
        self.recorder.cancel(stream);
    }

    /// Runs one console line (or several, separated by newlines) on the served state. A line left incomplete (an open
    /// quote, a trailing `\`) is dropped and answered as bash answers an unterminated script.
    pub fn run_line(&mut self, line: &str) -> CommandOutput {
        self.sync();
        let mut out = self.recorder.run(line);
        if self.recorder.cancel_pending().is_some() {
            out.pending = false;
            out.stderr.push_str("bash: syntax error: unexpected end of file\n");
            out.exit_code = 2;
        }
        self.sync();
        out
    }

    /// Moves a manual clock forward by `ms`, with the producers writing on the way.
    ///
    /// # Errors
    /// [`ClockError::NotManual`] for a real clock.
    pub fn advance(&mut self, ms: Millis) -> Result<Millis, ClockError> {
        if self.clock.mode() != ClockMode::Manual {
            return Err(ClockError::NotManual);
        }
        self.recorder.advance(ms.max(0));
        Ok(self.recorder.engine().now_ms())
    }

    /// Moves a manual clock forward to `to_ms`.
    ///
    /// # Errors
    /// [`ClockError::NotManual`] for a real clock; [`ClockError::Backwards`] when `to_ms` is before now.
    pub fn set(&mut self, to_ms: Millis) -> Result<Millis, ClockError> {
        if self.clock.mode() != ClockMode::Manual {
            return Err(ClockError::NotManual);
        }
        let now_ms = self.recorder.engine().now_ms();
        if to_ms < now_ms {
            return Err(ClockError::Backwards { now_ms, to_ms });
        }
        self.advance(to_ms - now_ms)
    }

    /// Brings the engine to the time a real clock is due to show (with the producers writing on the way), or
    /// rebases the clock where the engine got ahead of it. Nothing for a manual clock.
    pub fn sync(&mut self) {
        self.sync_at(Instant::now());
    }

    fn sync_at(&mut self, at: Instant) {
        let Some(due) = self.clock.due_at(at) else { return };
        let now = self.recorder.engine().now_ms();
        if due > now {
            self.recorder.advance(due - now);
        } else if now > due {
            self.clock.rebase(now, at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::DEFAULT_START_MS;
    use std::time::Duration;

    fn config(clock: ClockMode) -> SessionConfig {
        SessionConfig {
            clock,
            start_time_ms: DEFAULT_START_MS,
            seed: 0,
            create_delay_ms: 500,
            update_delay_ms: 500,
            delete_delay_ms: 500,
        }
    }

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let mut s = Served::new(&config(ClockMode::Manual));
        assert_eq!(s.now_ms(), DEFAULT_START_MS);
        assert_eq!(s.advance(1_500), Ok(DEFAULT_START_MS + 1_500));
        assert_eq!(s.set(DEFAULT_START_MS + 60_000), Ok(DEFAULT_START_MS + 60_000));
        assert_eq!(
            s.set(DEFAULT_START_MS),
            Err(ClockError::Backwards { now_ms: DEFAULT_START_MS + 60_000, to_ms: DEFAULT_START_MS })
        );
        assert_eq!(s.now_ms(), DEFAULT_START_MS + 60_000);
    }

    #[test]
    fn a_real_clock_refuses_to_be_moved_by_hand() {
        let mut s = Served::new(&config(ClockMode::Real));
        assert_eq!(s.advance(1_000), Err(ClockError::NotManual));
        assert_eq!(s.set(DEFAULT_START_MS + 1_000), Err(ClockError::NotManual));
        assert_eq!(ClockError::NotManual.status(), 409);
    }

    #[test]
    fn the_delays_set_how_long_creating_lasts() {
        let mut s = Served::new(&config(ClockMode::Manual));
        let r = s.call("Kinesis_20131202.CreateStream", r#"{"StreamName":"s","ShardCount":1}"#);
        assert_eq!(r.status, 200);
        let summary = |s: &mut Served| s.call("Kinesis_20131202.DescribeStreamSummary", r#"{"StreamName":"s"}"#).body;
        assert!(summary(&mut s).contains(r#""StreamStatus":"CREATING""#));
        s.advance(499).expect("manual");
        assert!(summary(&mut s).contains(r#""StreamStatus":"CREATING""#));
        s.advance(1).expect("manual");
        assert!(summary(&mut s).contains(r#""StreamStatus":"ACTIVE""#));
    }

    #[test]
    fn console_lines_act_on_the_served_state() {
        let mut s = Served::new(&config(ClockMode::Manual));
        let out = s.run_line("aws kinesis create-stream --stream-name t --shard-count 2");
        assert_eq!(out.exit_code, 0, "{out:?}");
        let out = s.run_line("sim clock advance 30s");
        assert_eq!(out.exit_code, 0, "{out:?}");
        assert_eq!(s.now_ms(), DEFAULT_START_MS + 30_000);
        let r = s.call("Kinesis_20131202.ListShards", r#"{"StreamName":"t"}"#);
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.contains("shardId-000000000001"));
    }

    #[test]
    fn an_unfinished_console_line_is_answered_and_forgotten() {
        let mut s = Served::new(&config(ClockMode::Manual));
        let out = s.run_line("echo 'open");
        assert_eq!(out.exit_code, 2);
        assert!(out.stderr.contains("unexpected end of file"));
        assert!(!s.console().is_pending());
        assert_eq!(s.run_line("echo done").stdout, "done\n");
    }

    #[test]
    fn a_real_clock_moves_the_engine_and_the_producers_at_real_pace() {
        let mut s = Served::new(&config(ClockMode::Real));
        let t0 = s.clock.base_instant();
        // Straight to the recorder: `run_line` would sync to the wall clock in between.
        s.recorder.run("aws kinesis create-stream --stream-name p --shard-count 1");
        s.sync_at(t0 + Duration::from_secs(1));
        s.recorder.run("sim producer add --stream-name p --rate 10");
        s.sync_at(t0 + Duration::from_millis(3_500));
        assert_eq!(s.console().engine().now_ms(), DEFAULT_START_MS + 3_500);
        let written = s.console().simulation().producers()[0].writes.sent;
        assert_eq!(written, 25, "10 records/s for 2.5 s");
    }

    #[test]
    fn a_console_line_that_moves_time_rebases_a_real_clock() {
        let mut s = Served::new(&config(ClockMode::Real));
        s.run_line("sim clock advance 1h");
        assert!(s.console().engine().now_ms() >= DEFAULT_START_MS + 3_600_000);
        let due = s.clock.due_at(Instant::now()).unwrap_or_default();
        assert!(due >= DEFAULT_START_MS + 3_600_000, "the real clock runs on from the new time: {due}");
    }
}
