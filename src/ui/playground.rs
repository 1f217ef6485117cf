//! The playground session the whole page shares, and the hook components use to reach it.
//!
//! One [`Playground`] (the console, with the engine and producers inside, the console log, the readers and the
//! clock settings) lives in an `Rc<RefCell<..>>` owned by [`PlaygroundProvider`]. Components get a
//! [`PlaygroundHandle`] from [`use_playground`]. The handle compares by a revision number that grows with every
//! change, so every consumer re-renders after a change and none re-renders otherwise. Mutation only happens in
//! event handlers and timers, through [`PlaygroundHandle::update`] or [`PlaygroundHandle::run`], never during
//! rendering, so the `RefCell` is never borrowed twice.
//!
//! Everything a control does goes through the console: a click builds the equivalent `aws kinesis ...` (or
//! `sim ...`) line and runs it with [`Origin::Control`], so the learner sees the command in the log.

use crate::cli::{CommandOutput, Console};
use crate::engine::{EngineConfig, Stream, DEFAULT_START_MS};
use crate::lesson::{Lesson, LessonRun};
use crate::session::{Entry, Limits, Recorder, SessionError};
use crate::sim::Scenario;
use crate::time::Millis;
use crate::view::readers::restore_readers;
use std::cell::{Ref, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Console log entries kept (older ones scroll away).
pub const MAX_LOG_ENTRIES: usize = 400;

/// What a session from this browser's storage, a file or a link may ask of the page: smaller than a file's
/// limits, so that a hostile document cannot hang the tab for long.
pub const PAGE_LIMITS: Limits = Limits { max_bytes: 4 << 20, max_entries: 20_000, max_producer_records: 2_000_000 };

/// Where a console line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Typed by the learner.
    Typed,
    /// Built by a button or form elsewhere on the page.
    Control,
    /// Run from a scenario link.
    Scenario,
}

/// One entry of the console log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    /// A stable id (for list keys).
    pub id: u64,
    pub origin: Origin,
    /// The simulated time the command ran at.
    pub at_ms: Millis,
    pub output: CommandOutput,
}

/// The live clock's settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClockSettings {
    /// Whether simulated time runs on its own.
    pub playing: bool,
    /// Simulated seconds per real second (1 to 3600).
    pub speed: f64,
}

/// The whole session.
pub struct Playground {
    /// The console (engine, producers, shell variables) and the log of everything done to it, which is what is
    /// saved, shared, undone and replayed (`src/session`). Read the console with [`Playground::console`].
    recorder: Recorder,
    pub log: VecDeque<LogEntry>,
    /// Lines typed by the learner, oldest first (for up/down history).
    pub history: Vec<String>,
    // ---- controls (branch ui-controls): state the page's controls share ----
    /// A scenario offered to the learner (from the page's link or a lesson), shown in a banner until "Run it" or
    /// "Dismiss"; never run without that click.
    pub offered_scenario: Option<OfferedScenario>,
    // ----
    pub clock: ClockSettings,
    /// The stream the views show.
    pub selected_stream: Option<String>,
    next_log_id: u64,
    // ---- views (readers, data viewer) ----
    /// The readers shown in the Readers region: each a shell variable (`R1`, `R2`, ...) holding a shard iterator.
    pub readers: Vec<crate::view::readers::ReaderState>,
    /// The number the next reader's variable gets.
    pub next_reader_id: u32,
    // ---- saving (lessons-page) ----
    /// A line shown above the console about the session itself: restored after a reload, undone, reset, or why
    /// it could not be saved. `None` shows nothing.
    pub notice: Option<Notice>,
    /// A session or lesson from the page's link, offered in a banner until "Open it" or "Dismiss".
    pub offered_link: Option<OfferedLink>,
    // ---- lessons (lessons-page) ----
    /// The lesson the learner is working through; its goals are checked after every command and clock move.
    pub lesson: Option<ActiveLesson>,
}

/// A lesson in progress.
#[derive(Debug, Clone)]
pub struct ActiveLesson {
    /// The file under `lessons/` for a built-in lesson; `None` for one from a file or a link.
    pub file: Option<String>,
    /// The lesson file's text (to share it, and to bring back one from a file or a link after a reload).
    pub text: String,
    pub run: LessonRun,
    /// The session's commands once the setup ran: undo stops there.
    pub setup_commands: usize,
}

/// What the page's link offers (`#s1=` / `#l1=`, see [`crate::ui::links`]).
#[derive(Debug, Clone, PartialEq)]
pub enum OfferedLink {
    /// A session document, already checked by [`crate::session::SavedSession::parse`].
    Session { text: String, commands: usize },
    /// A lesson file's text.
    Lesson { text: String },
    /// Why the link was refused.
    Refused(String),
}

/// A line about the session, shown above the console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    /// True for a problem (storage full, a refused document), false for news.
    pub problem: bool,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Option<Notice> {
        Some(Notice { text: text.into(), problem: false })
    }

    pub fn problem(text: impl Into<String>) -> Option<Notice> {
        Some(Notice { text: text.into(), problem: true })
    }
}

/// A scenario waiting in the console's banner.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferedScenario {
    /// True when it came from the page's link (`#scenario=...`), false for a built-in lesson.
    pub from_link: bool,
    /// The scenario, or a sentence saying why the link could not be read.
    pub scenario: Result<Scenario, String>,
}

impl Default for Playground {
    fn default() -> Self {
        Self::new(DEFAULT_START_MS, 1)
    }
}

impl Playground {
    /// A fresh session whose simulated clock starts at `start_ms`.
    pub fn new(start_ms: Millis, seed: u64) -> Self {
        let config = EngineConfig { start_time_ms: start_ms, ..EngineConfig::default() };
        Playground::with_recorder(Recorder::new(config, seed))
    }

    /// A session over this recorder (a fresh one, or one replayed from a saved document).
    pub fn with_recorder(recorder: Recorder) -> Self {
        Playground {
            recorder,
            log: VecDeque::new(),
            history: Vec::new(),
            offered_scenario: None,
            clock: ClockSettings { playing: true, speed: 1.0 },
            selected_stream: None,
            next_log_id: 1,
            readers: Vec::new(),
            next_reader_id: 1,
            notice: None,
            offered_link: None,
            lesson: None,
        }
    }

    /// The console, to read (engine, producers, shell variables, completion).
    pub fn console(&self) -> &Console {
        self.recorder.console()
    }

    /// The session's recorder, to read (its saved document).
    pub fn recorder(&self) -> &Recorder {
        &self.recorder
    }

    /// Lets `ms` of simulated time pass (the live clock), logged as time passing.
    pub fn advance(&mut self, ms: i64) {
        self.recorder.advance(ms);
        self.follow_streams();
        self.check_lesson();
    }

    /// Runs a console line without putting it in the page's log (reader buttons storing the next iterator in
    /// their variable). It is in the session's log all the same, so a replay gets the same variables.
    pub fn run_quietly(&mut self, line: &str) -> CommandOutput {
        self.recorder.run(line)
    }

    /// Replaces the session with `recorder` (restored, opened or replayed from a link): the page's log and
    /// selection start over, the readers come back from the session's lines ([`restore_readers`]); the typed
    /// history is kept.
    pub fn replace(&mut self, recorder: Recorder) {
        // What the page's link offers (a session, a lesson or a scenario) is not part of the session: a restore
        // that finishes after the offer was read must not take it away.
        let (history, clock, offered_link, offered_scenario, lesson) = (
            std::mem::take(&mut self.history),
            self.clock,
            self.offered_link.take(),
            self.offered_scenario.take(),
            self.lesson.take(),
        );
        *self = Playground {
            history,
            clock,
            offered_link,
            offered_scenario,
            lesson,
            ..Playground::with_recorder(recorder)
        };
        self.restore_readers();
        self.next_reader_id = next_free_reader(self.console());
        self.follow_streams();
        self.check_lesson();
    }

    /// Starts a lesson from its setup: a fresh session at its start time and seed, its setup lines run (in the
    /// session's log, so that undo, saving and links replay them; not in the page's log), the first step shown.
    pub fn start_lesson(&mut self, lesson: Lesson, text: String, file: Option<String>) {
        let setup = lesson.setup.clone();
        let config = EngineConfig { start_time_ms: setup.start_time_ms, ..EngineConfig::default() };
        let mut recorder = Recorder::new(config, setup.seed);
        for line in &setup.lines {
            recorder.run(line);
        }
        recorder.cancel_pending();
        self.lesson = None;
        self.replace(recorder);
        let setup_commands = self.recorder.saved().command_count();
        self.lesson = Some(ActiveLesson { file, text, run: LessonRun::new(lesson), setup_commands });
        self.check_lesson();
    }

    /// What the current lesson step talks about (shards, keys, readers), for the views to point at.
    pub fn focus(&self) -> Option<&crate::lesson::Focus> {
        self.lesson.as_ref()?.run.current_step().map(|s| &s.focus).filter(|f| !f.is_empty())
    }

    /// Moves the lesson to its next step when the current one is done.
    pub fn next_step(&mut self) {
        if let Some(l) = &mut self.lesson {
            l.run.advance(self.recorder.console());
        }
    }

    /// Re-checks the lesson's state goals (after the clock moved, an undo, a replay).
    fn check_lesson(&mut self) {
        if let Some(l) = &mut self.lesson {
            l.run.check(self.recorder.console());
        }
    }

    /// The reader cards of the session's log as replayed: [`restore_readers`] over its console lines and variables.
    fn restore_readers(&mut self) {
        let lines = self.recorder.saved().entries.iter().filter_map(|e| match e {
            Entry::Line(l) => Some(l.as_str()),
            _ => None,
        });
        self.readers = restore_readers(lines, self.recorder.console().variables(), self.recorder.engine());
    }

    /// Undoes the last command by replaying the log without it (see [`Recorder::undo`]), and says what was undone.
    pub fn undo(&mut self) {
        self.recorder.cancel_pending();
        if self.undoable() == 0 {
            self.notice = Notice::info("There is no command of yours to undo (a lesson's setup stays).");
            return;
        }
        self.notice = match self.recorder.undo(&PAGE_LIMITS) {
            Ok(Some(entry)) => {
                let what = match entry {
                    Entry::Line(line) => format!("`{}`", line.replace('\n', " ")),
                    Entry::Call { operation, .. } => operation,
                    Entry::Advance(_) => String::new(),
                };
                Notice::info(format!(
                    "Undid {what}: the streams are as if it had never run (the time that passed since still passed)."
                ))
            }
            Ok(None) => Notice::info("There is no command to undo yet."),
            Err(e) => Notice::problem(format!("Nothing was undone. {e}")),
        };
        // The replayed log decides where each reader stands (a card kept as it was would show a read that no longer
        // happened).
        self.restore_readers();
        self.follow_streams();
        self.check_lesson();
    }

    /// How many commands [`Playground::undo`] can take back: all of them, or those after a lesson's setup.
    pub fn undoable(&self) -> usize {
        let setup = self.lesson.as_ref().map_or(0, |l| l.setup_commands);
        self.recorder.saved().command_count().saturating_sub(setup)
    }

    /// Back to a clean slate: no streams, no producers, no variables, the clock at the start; the settings and
    /// seed stay. The typed history stays too (up-arrow still finds earlier commands).
    pub fn reset(&mut self) {
        let mut recorder = std::mem::replace(&mut self.recorder, Recorder::new(EngineConfig::default(), 0));
        recorder.reset();
        self.replace(recorder);
        if let Some(l) = &mut self.lesson {
            l.setup_commands = 0;
        }
        self.notice = Notice::info("Reset: a clean slate, with the clock back at its start.");
    }

    /// Opens a saved document (a file or a link) in place of the current session; on a refusal the current
    /// session is kept and the sentence says why.
    ///
    /// # Errors
    /// As [`Recorder::open`].
    pub fn open_session(&mut self, text: &str) -> Result<usize, SessionError> {
        let recorder = Recorder::open(text, &PAGE_LIMITS)?;
        let commands = recorder.saved().command_count();
        self.replace(recorder);
        Ok(commands)
    }

    /// Selects the first stream when none (or a deleted one) is selected.
    fn follow_streams(&mut self) {
        let engine = self.recorder.engine();
        if self.selected_stream.as_ref().is_none_or(|s| engine.stream(s).is_none()) {
            self.selected_stream = engine.streams().next().map(|s| s.name.clone());
        }
    }

    /// The stream the page shows: the selected one, or the first stream when that one is gone (a deletion that
    /// completed while the clock ran) (controls).
    pub fn shown_stream(&self) -> Option<&Stream> {
        let engine = self.console().engine();
        self.selected_stream.as_deref().and_then(|n| engine.stream(n)).or_else(|| engine.streams().next())
    }

    /// True when a producer or data generator is running (not paused), or a consumer application reads: the live
    /// clock then limits its speed (controls).
    pub fn producers_running(&self) -> bool {
        self.console().simulation().active()
    }

    /// Runs a console line and logs it. Typed lines also go into the history.
    pub fn run(&mut self, line: &str, origin: Origin) -> CommandOutput {
        if origin == Origin::Typed && !line.trim().is_empty() && self.history.last().map(String::as_str) != Some(line) {
            self.history.push(line.to_owned());
        }
        let at_ms = self.console().engine().now_ms();
        // A button must not become the continuation of a half-typed command: drop that first, as Ctrl-C would.
        let dropped = if origin == Origin::Typed { None } else { self.recorder.cancel_pending() };
        let mut output = self.recorder.run(line);
        if let Some(text) = dropped {
            output.hints.insert(
                0,
                format!(
                    "The unfinished command `{}` was dropped (as Ctrl-C would) so that this one could run.",
                    text.replace('\n', " ")
                ),
            );
        }
        if !output.pending {
            self.log.push_back(LogEntry { id: self.next_log_id, origin, at_ms, output: output.clone() });
            self.next_log_id += 1;
            while self.log.len() > MAX_LOG_ENTRIES {
                self.log.pop_front();
            }
        }
        self.follow_streams();
        if let Some(l) = &mut self.lesson {
            l.run.observe(&output, self.recorder.console());
        }
        output
    }
}

/// The number after the highest reader variable (`R1`, `R2`, ...) a console holds, so that a new reader never
/// overwrites a restored one.
fn next_free_reader(console: &Console) -> u32 {
    console.variables().keys().filter_map(|k| k.strip_prefix('R')?.parse::<u32>().ok()).max().map_or(1, |n| n + 1)
}

/// What components hold: the shared session and the revision it was at when they rendered.
#[derive(Clone)]
pub struct PlaygroundHandle {
    inner: Rc<RefCell<Playground>>,
    revision: u64,
    bump: Callback<()>,
}

impl PartialEq for PlaygroundHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner) && self.revision == other.revision
    }
}

impl PlaygroundHandle {
    /// Reads the session (during rendering).
    pub fn view(&self) -> Ref<'_, Playground> {
        self.inner.borrow()
    }

    /// The revision: it grows with every change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes the session and re-renders its consumers. Does nothing if the session is already being changed.
    pub fn update<R>(&self, change: impl FnOnce(&mut Playground) -> R) -> Option<R> {
        let result = {
            let mut p = self.inner.try_borrow_mut().ok()?;
            change(&mut p)
        };
        self.bump.emit(());
        Some(result)
    }

    /// Runs a console line (see [`Playground::run`]); a line that needs a deferred part not in yet runs when it
    /// arrives (`None` here then, see `ui/parts.rs`).
    pub fn run(&self, line: &str, origin: Origin) -> Option<CommandOutput> {
        let owned = line.to_owned();
        crate::ui::parts::after(self, &crate::ui::parts::for_line(line), move |p| p.run(&owned, origin))
    }

    /// Changes the session with the command interpreter at hand (a change that runs console lines, replays a
    /// session or undoes): now when it is in, else once it has arrived (`None` here then, see `ui/parts.rs`).
    pub fn with_console<R>(&self, change: impl FnOnce(&mut Playground) -> R + 'static) -> Option<R> {
        crate::ui::parts::after(self, &[crate::parts::Part::Console], change)
    }
}

#[derive(Properties, PartialEq)]
pub struct PlaygroundProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Owns the session and provides it to everything inside.
#[function_component(PlaygroundProvider)]
pub fn playground_provider(props: &PlaygroundProviderProps) -> Html {
    let inner = use_mut_ref(Playground::default);
    let revision = use_reducer(|| Revision(0));
    let bump = {
        let dispatcher = revision.dispatcher();
        Callback::from(move |()| dispatcher.dispatch(()))
    };
    let handle = PlaygroundHandle { inner, revision: revision.0, bump };
    html! {
        <ContextProvider<PlaygroundHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<PlaygroundHandle>>
    }
}

/// A counter that only goes up; a reducer so that quick successive bumps never read a stale value.
struct Revision(u64);

impl Reducible for Revision {
    type Action = ();

    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Revision(self.0 + 1))
    }
}

/// The shared session. Outside a [`PlaygroundProvider`] (in isolated component tests) it is a private, fresh one.
#[hook]
pub fn use_playground() -> PlaygroundHandle {
    let fallback_inner = use_mut_ref(Playground::default);
    let fallback_revision = use_reducer(|| Revision(0));
    let context = use_context::<PlaygroundHandle>();
    context.unwrap_or_else(|| {
        let dispatcher = fallback_revision.dispatcher();
        PlaygroundHandle {
            inner: fallback_inner,
            revision: fallback_revision.0,
            bump: Callback::from(move |()| dispatcher.dispatch(())),
        }
    })
}
