//! [`Recorder`]: a console that logs everything that changes its state as a [`SavedSession`], and rebuilds one
//! from a saved session by replay.

use super::format::{Entry, SavedSession};
use super::{Limits, SessionError};
use crate::api::ops::consumers::subscribe_to_shard::{self, EventStream, StreamMessage};
use crate::api::{self, ApiError, HttpReply};
use crate::cli::{CommandOutput, Console};
use crate::engine::{Engine, EngineConfig};
use crate::sim::RunReport;
use crate::time::{format_rfc3339, Millis};
use serde_json::Value;

/// Operations that never change the engine's state (no meter, no counter, no clock), so a [`Recorder`] does not
/// log them: a server answering a client that polls DescribeStream keeps a short log. An operation that is not
/// listed is logged, which is always safe; `tests/session_replay.rs` checks each listed one leaves the state as
/// it was.
pub const NO_EFFECT_OPERATIONS: &[&str] =
    &["DescribeLimits", "DescribeStream", "DescribeStreamSummary", "ListShards", "ListStreams", "ListTagsForStream"];

/// A [`Console`] and the log of everything done to it, kept in step: every console command, every stretch of
/// simulated time and every API call goes through the recorder, which does it and logs it. [`Recorder::saved`]
/// is then a session that [`Recorder::replay`] turns back into the same state.
///
/// The console is only lent out for reading: a change made past the recorder would not be in the log.
pub struct Recorder {
    console: Console,
    saved: SavedSession,
}

impl Recorder {
    /// A fresh console over an engine with these settings, and an empty log.
    pub fn new(config: EngineConfig, seed: u64) -> Recorder {
        Recorder { saved: SavedSession::new(&config, seed), console: Console::with_engine_config(config, seed) }
    }

    /// Replays a saved session on a fresh console: the returned recorder holds the same state as the one that
    /// saved it, and goes on logging after the saved entries.
    ///
    /// # Errors
    /// [`SessionError::TooManyEntries`]; [`SessionError::Replay`] for a line that is not a complete command, a
    /// call dated before the time the replay has reached, or producers asked to write more than
    /// [`Limits::max_producer_records`]. Nothing outside the new console is touched, so on an error the caller's
    /// current state is as it was.
    pub fn replay(saved: SavedSession, limits: &Limits) -> Result<Recorder, SessionError> {
        if saved.entries.len() > limits.max_entries {
            return Err(SessionError::TooManyEntries { entries: saved.entries.len(), limit: limits.max_entries });
        }
        let entries = saved.entries.clone();
        let mut recorder = Recorder::new(saved.engine_config(), saved.seed);
        recorder.replay_entries(&entries, 1, limits)?;
        Ok(recorder)
    }

    /// Reads and replays a saved session ([`SavedSession::parse`], then [`Recorder::replay`]).
    ///
    /// # Errors
    /// As those two.
    pub fn open(text: &str, limits: &Limits) -> Result<Recorder, SessionError> {
        Recorder::replay(SavedSession::parse(text, limits)?, limits)
    }

    /// The console, to read (its engine, producers, variables).
    pub fn console(&self) -> &Console {
        &self.console
    }

    /// The simulated service, to read.
    pub fn engine(&self) -> &Engine {
        self.console.engine()
    }

    /// The log so far, as a session.
    pub fn saved(&self) -> &SavedSession {
        &self.saved
    }

    /// The log so far, as the JSON document.
    pub fn to_json(&self) -> String {
        self.saved.to_json()
    }

    /// Runs console input ([`Console::run`]) and logs each command it executed (none while a line is pending).
    pub fn run(&mut self, input: &str) -> CommandOutput {
        let out = self.console.run(input);
        for c in &out.commands {
            self.saved.push(Entry::Line(c.text.clone()));
        }
        out
    }

    /// Drops a command still waiting for its next line ([`Console::cancel_pending`]); it was never logged.
    pub fn cancel_pending(&mut self) -> Option<String> {
        self.console.cancel_pending()
    }

    /// Lets `ms` of simulated time pass, producers writing on the way ([`Console::advance`]), and logs it.
    pub fn advance(&mut self, ms: Millis) -> RunReport {
        let report = self.console.advance(ms);
        self.saved.push(Entry::Advance(ms));
        report
    }

    /// Lets simulated time pass until `at_ms` (nothing when that is not later than now), as [`Recorder::advance`].
    pub fn advance_to(&mut self, at_ms: Millis) -> RunReport {
        let now = self.engine().now_ms();
        if at_ms > now {
            self.advance(at_ms - now)
        } else {
            RunReport::default()
        }
    }

    /// Calls an API operation ([`api::call`]; `operation` may carry the `Kinesis_20131202.` prefix) at the current
    /// simulated time, and logs it unless it is unknown or in [`NO_EFFECT_OPERATIONS`].
    ///
    /// # Errors
    /// The operation's own errors, as [`api::call`].
    pub fn call(&mut self, operation: &str, request: &Value) -> Result<Value, ApiError> {
        let operation = operation.strip_prefix(api::TARGET_PREFIX).unwrap_or(operation);
        self.log_call(operation, request);
        api::call(self.console.engine_mut(), operation, request)
    }

    /// Handles one HTTP request body as [`api::dispatch`] does, and logs it as [`Recorder::call`] does (a body that
    /// is not JSON changes nothing and is not logged).
    pub fn dispatch(&mut self, target: &str, body: &str) -> HttpReply {
        let operation = target.strip_prefix(api::TARGET_PREFIX).unwrap_or(target);
        match api::parse_body(body) {
            Err(reply) => reply,
            Ok(request) => {
                self.log_call(operation, &request);
                api::dispatch_request(self.console.engine_mut(), operation, &request)
            }
        }
    }

    /// [`Recorder::dispatch`] for a request already parsed (from JSON or CBOR): [`api::dispatch_request`], logged
    /// as [`Recorder::call`] does.
    pub fn dispatch_request(&mut self, target: &str, request: &Value) -> HttpReply {
        let operation = target.strip_prefix(api::TARGET_PREFIX).unwrap_or(target);
        self.log_call(operation, request);
        api::dispatch_request(self.console.engine_mut(), operation, request)
    }

    /// SubscribeToShard ([`subscribe_to_shard::subscribe`]) at the current simulated time, logged as a call: a
    /// replay opens the subscription again (its id, the consumer's rate limits and resubscription guard follow).
    ///
    /// # Errors
    /// The call's error response, as [`subscribe_to_shard::subscribe`].
    pub fn subscribe(&mut self, request: &Value) -> Result<EventStream, ApiError> {
        self.log_call_always(api::SUBSCRIBE_TO_SHARD, request);
        subscribe_to_shard::subscribe(self.console.engine_mut(), request)
    }

    /// The events a subscription pushed since the last poll ([`EventStream::poll`]). Not logged: what was pushed
    /// over a connection, and when it was collected, is connection state (a replay reopens each subscription
    /// where its call left it; a restart ends the connections anyway). Nothing else in the state depends on it.
    pub fn poll(&mut self, stream: &EventStream) -> Vec<StreamMessage> {
        stream.poll(self.console.engine_mut())
    }

    /// The consumer closed the connection ([`EventStream::cancel`]). Not logged, as [`Recorder::poll`].
    pub fn cancel(&mut self, stream: &EventStream) {
        stream.cancel(self.console.engine_mut());
    }

    /// Undoes the last command (a line or a call) by replaying the log without it: the state becomes what it would
    /// be had that command never run, with the time that passed since still passed. Returns the entry removed, or
    /// `None` when there is no command to undo.
    ///
    /// # Errors
    /// As [`Recorder::replay`] (only if a limit is lower than when the session was recorded); the recorder is then
    /// as it was.
    pub fn undo(&mut self, limits: &Limits) -> Result<Option<Entry>, SessionError> {
        let Some(k) = self.saved.entries.iter().rposition(Entry::is_command) else { return Ok(None) };
        let entries = &self.saved.entries;
        let prefix = SavedSession { entries: entries[..k].to_vec(), ..self.saved.clone_without_entries() };
        let mut recorder = Recorder::replay(prefix, limits)?;
        let removed = entries[k].clone();
        if let Entry::Call { at_ms, .. } = &removed {
            // The call also moved the clock to its time; keep that as time passing.
            recorder.advance_to(*at_ms);
        }
        recorder.replay_entries(&entries[k + 1..], k + 2, limits)?;
        *self = recorder;
        Ok(Some(removed))
    }

    /// Back to a clean slate: a fresh console with the same settings and seed, and an empty log.
    pub fn reset(&mut self) {
        *self = Recorder::new(self.console.engine_config().clone(), self.console.seed());
    }

    /// Logs a call to `operation` unless it changes nothing: an operation [`api::call`] does not serve (it
    /// answers UnknownOperationException, or says SubscribeToShard needs [`Recorder::subscribe`]) or one of
    /// [`NO_EFFECT_OPERATIONS`].
    fn log_call(&mut self, operation: &str, request: &Value) {
        if !api::serves(operation) || NO_EFFECT_OPERATIONS.contains(&operation) {
            return;
        }
        self.log_call_always(operation, request);
    }

    fn log_call_always(&mut self, operation: &str, request: &Value) {
        // The call's time stands for the time that passed just before it.
        while matches!(self.saved.entries.last(), Some(Entry::Advance(_))) {
            self.saved.entries.pop();
        }
        let at_ms = self.engine().now_ms();
        self.saved.push(Entry::Call { at_ms, operation: operation.to_owned(), request: request.clone() });
    }

    /// Applies and logs `entries` (numbered from `first` in messages) with the producers' work bounded. It runs in
    /// the page's `console` part ([`replay_part`]), with every operation a logged call may name.
    fn replay_entries(&mut self, entries: &[Entry], first: usize, limits: &Limits) -> Result<(), SessionError> {
        crate::parts::now!(replay_part(
            self as *mut Recorder,
            entries as *const [Entry],
            first,
            limits as *const Limits
        ))
        .unwrap_or(Err(SessionError::NotLoaded))
    }

    fn replay_entries_now(&mut self, entries: &[Entry], first: usize, limits: &Limits) -> Result<(), SessionError> {
        self.console.simulation_mut().limit_work(Some(limits.max_producer_records));
        let result = entries.iter().zip(first..).try_for_each(|(entry, n)| {
            let refuse = |reason: String| SessionError::Replay { entry: n, reason };
            self.play(entry).map_err(refuse)?;
            if self.console.simulation().work_exhausted() {
                return Err(refuse(format!(
                    "has the producers write more than {} records in all, more than a replay may do",
                    limits.max_producer_records
                )));
            }
            Ok(())
        });
        self.console.simulation_mut().limit_work(None);
        result
    }

    fn play(&mut self, entry: &Entry) -> Result<(), String> {
        match entry {
            Entry::Line(line) => {
                self.run(line);
                if let Some(rest) = self.console.cancel_pending() {
                    return Err(format!(
                        "is not a complete command (`{}` ends inside quotes or `$(`, or after a `\\`)",
                        rest.lines().last().unwrap_or("")
                    ));
                }
            }
            Entry::Advance(ms) => {
                self.advance(*ms);
            }
            Entry::Call { at_ms, operation, request } => {
                let now = self.engine().now_ms();
                if *at_ms < now {
                    return Err(format!(
                        "is a call made at {}, but the replay had already reached {}",
                        format_rfc3339(*at_ms),
                        format_rfc3339(now)
                    ));
                }
                self.console.advance(at_ms - now);
                if operation == api::SUBSCRIBE_TO_SHARD {
                    let _ = subscribe_to_shard::subscribe(self.console.engine_mut(), request);
                } else {
                    let _ = api::call(self.console.engine_mut(), operation, request);
                }
                self.saved.push(entry.clone());
            }
        }
        Ok(())
    }
}

crate::parts::split_point! {
    /// [`Recorder::replay_entries`]'s split point.
    in console, loaded by preload_replay,
    pub(crate) fn replay_part(
        recorder: *mut Recorder,
        entries: *const [Entry],
        first: usize,
        limits: *const Limits,
    ) -> Result<(), SessionError> {
        // SAFETY: `split_point!`'s rule; `replay_entries` passes itself and its own borrowed arguments.
        let (recorder, entries, limits) = unsafe { (&mut *recorder, &*entries, &*limits) };
        recorder.replay_entries_now(entries, first, limits)
    }
}

/// Whether a call entry may name this operation: one [`api::call`] serves, or SubscribeToShard.
pub(crate) fn replayable(operation: &str) -> bool {
    api::serves(operation) || operation == api::SUBSCRIBE_TO_SHARD
}

impl SavedSession {
    fn clone_without_entries(&self) -> SavedSession {
        SavedSession {
            start_time_ms: self.start_time_ms,
            seed: self.seed,
            settings: self.settings.clone(),
            entries: Vec::new(),
        }
    }
}
