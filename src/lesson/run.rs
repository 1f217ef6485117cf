//! Progress through a lesson: the current step, which goals are met, the hints shown so far, completion.
//!
//! The caller owns the console (the page's recorder, the terminal's console) and hands over what each command did:
//! [`LessonRun::observe`] after every command (typed, from a button, a solution line), [`LessonRun::check`] after
//! the clock moved. Command goals are met by a call made during the step and stay met; state goals follow the state.

use super::goal::GoalKind;
use super::{Inline, Lesson, Step};
use crate::cli::{ApiCall, CommandOutput, Console, ExecutedCommand};
use serde::{Deserialize, Serialize};

/// The version of [`Progress`] written now.
pub const PROGRESS_VERSION: u32 = 1;

/// Where a learner is in a lesson, to save (the page keeps it in localStorage) and restore with
/// [`LessonRun::restore`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// [`PROGRESS_VERSION`].
    pub version: u32,
    /// The current step (0-based); equal to the number of steps once the lesson is complete.
    pub step: usize,
    /// For each goal of the current step, whether it is met.
    pub met: Vec<bool>,
    /// How many hints of the current step were shown.
    pub hints_shown: usize,
    /// Whether a put was throttled since the lesson started (for `put retried`).
    pub throttled: bool,
    /// Whether the solution of the current step was shown.
    pub solution_shown: bool,
}

/// One goal of the current step, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalStatus {
    /// The sentence the learner sees.
    pub label: String,
    /// It as lesson Markdown.
    pub text: Vec<Inline>,
    /// Whether it is met.
    pub met: bool,
}

/// What changed with one observation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observation {
    /// Goals of the current step that became met (indices).
    pub newly_met: Vec<usize>,
    /// True when this observation made every goal of the step met.
    pub step_done: bool,
}

/// A learner's progress through one lesson.
#[derive(Debug, Clone)]
pub struct LessonRun {
    lesson: Lesson,
    step: usize,
    met: Vec<bool>,
    hints_shown: usize,
    throttled: bool,
    solution_shown: bool,
}

impl LessonRun {
    /// At the first step, nothing met.
    pub fn new(lesson: Lesson) -> Self {
        let mut run =
            LessonRun { lesson, step: 0, met: Vec::new(), hints_shown: 0, throttled: false, solution_shown: false };
        run.enter(0);
        run
    }

    /// A run restored from saved progress. Progress is untrusted (storage may hold anything): out-of-range values
    /// are clamped, and a progress of another version or shape restarts the current step's goals.
    pub fn restore(lesson: Lesson, p: &Progress) -> Self {
        let mut run = LessonRun::new(lesson);
        if p.version != PROGRESS_VERSION {
            return run;
        }
        run.enter(p.step.min(run.lesson.steps.len()));
        if let Some((goals, hints)) = run.current_step().map(|s| (s.goals.len(), s.hints.len())) {
            if p.met.len() == goals {
                run.met.clone_from(&p.met);
            }
            run.hints_shown = p.hints_shown.min(hints);
            run.throttled = p.throttled;
            run.solution_shown = p.solution_shown;
        }
        run
    }

    /// The progress, to save.
    pub fn progress(&self) -> Progress {
        Progress {
            version: PROGRESS_VERSION,
            step: self.step,
            met: self.met.clone(),
            hints_shown: self.hints_shown,
            throttled: self.throttled,
            solution_shown: self.solution_shown,
        }
    }

    /// The lesson.
    pub fn lesson(&self) -> &Lesson {
        &self.lesson
    }

    /// The current step's index (0-based; the number of steps once complete).
    pub fn step_index(&self) -> usize {
        self.step
    }

    /// The current step, `None` once the lesson is complete.
    pub fn current_step(&self) -> Option<&Step> {
        self.lesson.steps.get(self.step)
    }

    /// True once the last step was done and [`LessonRun::advance`] moved past it.
    pub fn is_complete(&self) -> bool {
        self.step >= self.lesson.steps.len()
    }

    /// The current step's goals with their state.
    pub fn goals(&self) -> Vec<GoalStatus> {
        let Some(step) = self.current_step() else { return Vec::new() };
        step.goals
            .iter()
            .zip(&self.met)
            .map(|(g, m)| GoalStatus { label: g.label.clone(), text: g.text.clone(), met: *m })
            .collect()
    }

    /// True when every goal of the current step is met.
    pub fn step_done(&self) -> bool {
        self.current_step().is_some() && self.met.iter().all(|m| *m)
    }

    /// Takes in what one console call did (every command it ran, and their calls), then re-checks the state goals.
    pub fn observe(&mut self, output: &CommandOutput, console: &Console) -> Observation {
        let calls: Vec<&ApiCall> = output.commands.iter().flat_map(|c| c.calls.iter()).collect();
        self.take_in(&output.commands, &calls, console)
    }

    /// Takes in calls made some other way (the page's buttons that call the api directly, a recorder's
    /// [`crate::session::Recorder::call`]), then re-checks the state goals.
    pub fn observe_calls(&mut self, calls: &[&ApiCall], console: &Console) -> Observation {
        self.take_in(&[], calls, console)
    }

    /// Re-checks the state goals (after the clock moved, or anything else changed the engine).
    pub fn check(&mut self, console: &Console) -> Observation {
        self.take_in(&[], &[], console)
    }

    /// [`LessonRun::take_in_now`] in the page's `console` part, with the goal checks (a lesson runs only once that
    /// part is in: its setup ran there).
    fn take_in(&mut self, commands: &[ExecutedCommand], calls: &[&ApiCall], console: &Console) -> Observation {
        let (run, commands, calls) =
            (self as *mut LessonRun, commands as *const [ExecutedCommand], calls as *const [&ApiCall]);
        crate::parts::now!(take_in_part(run, commands, calls, console as *const Console)).unwrap_or_default()
    }

    fn take_in_now(&mut self, commands: &[ExecutedCommand], calls: &[&ApiCall], console: &Console) -> Observation {
        let before = self.met.clone();
        let was_done = self.step_done();
        if let Some(step) = self.lesson.steps.get(self.step) {
            for command in commands {
                for (g, met) in step.goals.iter().zip(self.met.iter_mut()) {
                    *met |= g.goal.met_by_command(command);
                }
            }
            for call in calls {
                for (g, met) in step.goals.iter().zip(self.met.iter_mut()) {
                    if g.goal.kind() == GoalKind::Commands && !*met && g.goal.met_by_call(call, self.throttled) {
                        *met = true;
                    }
                }
                self.throttled |= call.put_throttled();
            }
        }
        self.refresh_state_now(console);
        let newly_met =
            self.met.iter().zip(&before).enumerate().filter(|(_, (m, b))| **m && !**b).map(|(i, _)| i).collect();
        Observation { newly_met, step_done: !was_done && self.step_done() }
    }

    /// [`LessonRun::refresh_state_now`] in the page's `console` part, as [`LessonRun::take_in`].
    fn refresh_state(&mut self, console: &Console) {
        let _ = crate::parts::now!(refresh_state_part(self as *mut LessonRun, console as *const Console));
    }

    fn refresh_state_now(&mut self, console: &Console) {
        if let Some(step) = self.lesson.steps.get(self.step) {
            for (g, met) in step.goals.iter().zip(self.met.iter_mut()) {
                if g.goal.kind() == GoalKind::State {
                    *met = g.goal.met_by_state(console);
                }
            }
        }
    }

    /// The next hint of the current step, one at a time; `None` when all were shown.
    pub fn next_hint(&mut self) -> Option<&[Inline]> {
        let step = self.lesson.steps.get(self.step)?;
        let hint = step.hints.get(self.hints_shown)?;
        self.hints_shown += 1;
        Some(hint)
    }

    /// The hints shown so far in the current step.
    pub fn hints_shown(&self) -> &[Vec<Inline>] {
        self.current_step().map_or(&[], |s| &s.hints[..self.hints_shown.min(s.hints.len())])
    }

    /// How many hints the current step has that were not shown yet.
    pub fn hints_left(&self) -> usize {
        self.current_step().map_or(0, |s| s.hints.len().saturating_sub(self.hints_shown))
    }

    /// The current step's solution (console lines), and remembers it was shown.
    pub fn show_solution(&mut self) -> &[String] {
        self.solution_shown = true;
        self.current_step().map_or(&[], |s| &s.solution[..])
    }

    /// Whether the current step's solution was shown.
    pub fn solution_shown(&self) -> bool {
        self.solution_shown
    }

    /// Moves to the next step when the current one is done; true when it moved. Past the last step the lesson is
    /// complete. `console` re-checks the new step's state goals at once.
    pub fn advance(&mut self, console: &Console) -> bool {
        if !self.step_done() {
            return false;
        }
        self.enter(self.step + 1);
        self.refresh_state(console);
        true
    }

    /// Goes to a step (0-based, clamped; the number of steps means complete), whether or not the current one is done,
    /// with its command goals unmet and its hints hidden.
    pub fn go_to(&mut self, step: usize, console: &Console) {
        self.enter(step.min(self.lesson.steps.len()));
        self.refresh_state(console);
    }

    fn enter(&mut self, step: usize) {
        self.step = step;
        self.met = vec![false; self.lesson.steps.get(step).map_or(0, |s| s.goals.len())];
        self.hints_shown = 0;
        self.solution_shown = false;
    }
}

// The goal checks' split points: their only callers are `take_in` and `refresh_state` above.

crate::parts::split_point! {
    in console, loaded by preload_take_in,
    pub(crate) fn take_in_part(
        run: *mut LessonRun,
        commands: *const [ExecutedCommand],
        calls: *const [&ApiCall],
        console: *const Console,
    ) -> Observation {
        // SAFETY: `split_point!`'s rule; `take_in` passes itself and its own borrowed arguments.
        let (run, commands, calls, console) = unsafe { (&mut *run, &*commands, &*calls, &*console) };
        run.take_in_now(commands, calls, console)
    }
}

crate::parts::split_point! {
    in console, loaded by preload_refresh_state,
    pub(crate) fn refresh_state_part(run: *mut LessonRun, console: *const Console) {
        // SAFETY: `split_point!`'s rule; `refresh_state` passes itself and its own borrowed console.
        let (run, console) = unsafe { (&mut *run, &*console) };
        run.refresh_state_now(console);
    }
}
