//! Lessons: a plain text file a teacher writes (title, summary, setup, steps with instructions, goals, hints and a
//! solution), checked against the simulated stream as the learner works. The page and the terminal
//! (`kinesis-console --lesson FILE`) both run lessons through this module; `lessons/README.md` documents the format
//! for teachers.
//!
//! ```text
//! # Your first stream
//! summary: Create a stream, write a record, read it back.
//!
//! ## Setup
//! start: 2024-01-01T00:00:00Z
//! seed: 0
//!
//! ## Create a stream
//! Run `aws kinesis create-stream --stream-name DemoStream --shard-count 1`.
//!
//! ### Goals
//! - stream DemoStream exists
//! - stream DemoStream status ACTIVE | The stream is ACTIVE
//!
//! ### Hints
//! - Streams start CREATING: wait with `aws kinesis wait stream-exists --stream-name DemoStream`.
//!
//! ### Solution
//! (a fenced code block of console lines)
//! ```
//!
//! A lesson file is untrusted input (a link or a file from anyone): [`Lesson::parse`] refuses what it cannot read
//! with the line and a plain sentence ([`LessonError`]), never panics, and bounds the size ([`MAX_BYTES`] and the
//! other limits); instruction text is a safe Markdown subset parsed into a tree ([`markdown`]), never HTML.
//!
//! | file | concern |
//! |---|---|
//! | `parse.rs` | [`Lesson::parse`]: the file format, with refusals by line |
//! | [`markdown`] | the Markdown subset: [`Block`], [`Inline`], plain-text rendering |
//! | [`goal`] | [`Goal`]: the declarative checks, their syntax, their sentences, their evaluation (a folder: `parse`, `describe`, `check`, and the consumer side in [`goal::consumer`]) |
//! | [`focus`] | [`Focus`]: what a step talks about (shards, keys, readers), for the views to point at |
//! | `run.rs` | [`LessonRun`]: progress through a lesson (goals met, hints shown, steps), [`Progress`] to save it |
//! | `check.rs` | [`check`]: a lesson's setup and solutions reach every goal (for `--check-lesson` and tests) |
//! | [`text`] | the lesson as terminal text, and the `sim lesson ...` commands |

pub mod focus;
pub mod goal;
pub mod markdown;
pub mod text;

mod check;
mod parse;
pub(crate) mod run;

pub use check::{check, CheckReport, StepCheck};
pub use focus::Focus;
pub use goal::{Goal, GoalKind, ReaderOutcome};
pub use markdown::{Block, Inline};
pub use run::{GoalStatus, LessonRun, Observation, Progress, PROGRESS_VERSION};

use crate::cli::{Console, ConsoleConfig};
use std::fmt;

/// The largest lesson file read, in bytes.
pub const MAX_BYTES: usize = 256 * 1024;
/// The most steps in a lesson.
pub const MAX_STEPS: usize = 40;
/// The most goals in a step.
pub const MAX_GOALS: usize = 30;
/// The most hints in a step.
pub const MAX_HINTS: usize = 30;
/// The most console lines in a setup or a solution.
pub const MAX_LINES: usize = 400;

/// A lesson, as read from its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    /// The title (the `# ` line).
    pub title: String,
    /// One sentence for lists (`summary:`).
    pub summary: String,
    /// Text between the summary and the first section, if any.
    pub intro: Vec<Block>,
    /// How the playground starts.
    pub setup: Setup,
    /// The steps, in order (at least one).
    pub steps: Vec<Step>,
}

/// The start of a lesson: a fresh console at `start_time_ms` with `seed`, then `lines` run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setup {
    /// The simulated start time (epoch ms); 2024-01-01T00:00:00Z unless `start:` says otherwise.
    pub start_time_ms: i64,
    /// The seed (`seed:`), 0 unless given.
    pub seed: u64,
    /// Console lines run before the first step (a `\` at the end of a line continues it on the next).
    pub lines: Vec<String>,
}

/// One step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The `## ` heading.
    pub title: String,
    /// What to do.
    pub instruction: Vec<Block>,
    /// What must hold for the step to be done (at least one).
    pub goals: Vec<GoalSpec>,
    /// Hints, shown one at a time, in order.
    pub hints: Vec<Vec<Inline>>,
    /// Console lines that reach the goals.
    pub solution: Vec<String>,
    /// What the step talks about: its `focus:` line, or what its goals name.
    pub focus: Focus,
}

/// A goal as the lesson states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalSpec {
    /// The check.
    pub goal: Goal,
    /// What the learner sees: the lesson's `| label`, or [`Goal::describe`].
    pub label: String,
    /// The label as lesson Markdown (read once, with the lesson).
    pub text: Vec<Inline>,
    /// The goal's line in the file (1-based).
    pub line: usize,
}

/// Why a lesson file was refused: its line (1-based; 0 for the file as a whole) and a plain sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonError {
    /// The line, counting from 1 (0: the whole file).
    pub line: usize,
    /// What is wrong, for the teacher.
    pub message: String,
}

impl LessonError {
    /// An error at `line`.
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        LessonError { line, message: message.into() }
    }
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "This lesson file cannot be read: {}.", self.message)
        } else {
            write!(f, "This lesson file cannot be read: line {}: {}.", self.line, self.message)
        }
    }
}

impl std::error::Error for LessonError {}

impl Setup {
    /// The console configuration the lesson starts from.
    pub fn config(&self) -> ConsoleConfig {
        ConsoleConfig { start_time_ms: self.start_time_ms, seed: self.seed }
    }

    /// A fresh console with the setup lines run (their output is not shown to the learner).
    pub fn console(&self) -> Console {
        let mut c = Console::new(self.config());
        for line in &self.lines {
            c.run(line);
        }
        c.cancel_pending();
        c
    }
}

crate::parts::split_point! {
    /// [`Lesson::parse`]'s split point.
    in console, loaded by preload_lesson_parse,
    pub(crate) fn parse_part(text: *const str) -> Result<Lesson, LessonError> {
        // SAFETY: `split_point!`'s rule; `Lesson::parse` passes its own borrowed text.
        parse::parse(unsafe { &*text })
    }
}

impl Lesson {
    /// Reads a lesson file.
    ///
    /// # Errors
    /// The first problem found, with its line.
    ///
    /// The reader runs in the page's `console` part ([`crate::parts`]); while that part has not arrived, or when it
    /// cannot be fetched, the error says so (line 0).
    pub fn parse(text: &str) -> Result<Lesson, LessonError> {
        crate::parts::now!(parse_part(text as *const str)).unwrap_or_else(|| {
            Err(LessonError::new(
                0,
                format!(
                    "the playground has not loaded {} yet (check the connection)",
                    crate::parts::Part::Console.what()
                ),
            ))
        })
    }

    /// The setup and every step's solution as a bash script for the real AWS CLI v2
    /// ([`crate::session::export::bash_script_of_lines`]), each step under a comment.
    pub fn to_bash(&self) -> String {
        let mut lines: Vec<String> = vec![format!("# Lesson: {}", self.title), "# Setup".into()];
        lines.extend(self.setup.lines.iter().cloned());
        for (i, step) in self.steps.iter().enumerate() {
            lines.push(format!("# Step {}: {}", i + 1, step.title.replace('\n', " ")));
            lines.extend(step.solution.iter().cloned());
        }
        crate::session::export::bash_script_of_lines(
            lines.iter().map(String::as_str),
            self.setup.start_time_ms,
            self.setup.seed,
        )
    }
}
