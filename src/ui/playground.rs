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
use crate::sim::Scenario;
use crate::time::Millis;
use std::cell::{Ref, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use yew::prelude::*;

/// Console log entries kept (older ones scroll away).
pub const MAX_LOG_ENTRIES: usize = 400;

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
    pub console: Console,
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
        Playground {
            console: Console::with_engine_config(config, seed),
            log: VecDeque::new(),
            history: Vec::new(),
            offered_scenario: None,
            clock: ClockSettings { playing: true, speed: 1.0 },
            selected_stream: None,
            next_log_id: 1,
            readers: Vec::new(),
            next_reader_id: 1,
        }
    }

    /// The stream the page shows: the selected one, or the first stream when that one is gone (a deletion that
    /// completed while the clock ran) (controls).
    pub fn shown_stream(&self) -> Option<&Stream> {
        let engine = self.console.engine();
        self.selected_stream.as_deref().and_then(|n| engine.stream(n)).or_else(|| engine.streams().next())
    }

    /// True when a producer or data generator is running (not paused), or a consumer application reads: the live
    /// clock then limits its speed (controls).
    pub fn producers_running(&self) -> bool {
        self.console.simulation().active()
    }

    /// Runs a console line and logs it. Typed lines also go into the history.
    pub fn run(&mut self, line: &str, origin: Origin) -> CommandOutput {
        if origin == Origin::Typed && !line.trim().is_empty() && self.history.last().map(String::as_str) != Some(line) {
            self.history.push(line.to_owned());
        }
        let at_ms = self.console.engine().now_ms();
        // A button must not become the continuation of a half-typed command: drop that first, as Ctrl-C would.
        let dropped = if origin == Origin::Typed { None } else { self.console.cancel_pending() };
        let mut output = self.console.run(line);
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
        if self.selected_stream.as_ref().is_none_or(|s| self.console.engine().stream(s).is_none()) {
            self.selected_stream = self.console.engine().streams().next().map(|s| s.name.clone());
        }
        output
    }
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

    /// Runs a console line (see [`Playground::run`]).
    pub fn run(&self, line: &str, origin: Origin) -> Option<CommandOutput> {
        self.update(|p| p.run(line, origin))
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
