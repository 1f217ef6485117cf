//! `--lesson FILE`: a lesson in the terminal; `--check-lesson FILE`: a lesson's solutions reach its goals.

use crate::console::{run_with, Beside};
use crate::native::OutputOptions;
use kinesis_playground::cli::{CommandOutput, Console};
use kinesis_playground::lesson::{text, Lesson, LessonRun};
use std::path::Path;

fn read(path: &Path) -> Result<Lesson, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("kinesis-console: cannot read {}: {e}", path.display()))?;
    Lesson::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

struct Teaching(LessonRun);

impl Beside for Teaching {
    fn answer(&mut self, console: &Console, line: &str) -> Option<CommandOutput> {
        text::lesson_command(&mut self.0, console, line)
    }

    fn after(&mut self, console: &Console, out: &CommandOutput) -> String {
        let obs = self.0.observe(out, console);
        text::after_command(&mut self.0, &obs, console)
    }
}

/// Runs the lesson over standard input (interactive on a terminal). Exit code 2 when the file cannot be read.
pub fn run(path: &Path, opts: OutputOptions) -> i32 {
    let lesson = match read(path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let mut console = lesson.setup.console();
    let mut run = LessonRun::new(lesson);
    run.check(&console);
    if !opts.jsonl {
        print!("{}{}", text::intro_text(&run), text::step_text(&run));
    }
    let mut teaching = Teaching(run);
    let code = run_with(&mut console, opts, &mut teaching);
    if !opts.jsonl && !teaching.0.is_complete() {
        println!("\nLesson left at step {} of {}.", teaching.0.step_index() + 1, teaching.0.lesson().steps.len());
    }
    code
}

/// Checks the lesson: 0 when every goal is reached by the solutions and none before the learner does anything.
pub fn check(path: &Path) -> i32 {
    let lesson = match read(path) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let report = kinesis_playground::lesson::check(&lesson);
    let goals: usize = lesson.steps.iter().map(|s| s.goals.len()).sum();
    if report.passed() {
        println!(
            "{}: all {goals} goals of its {} steps are reached by the solutions, and none before the learner starts.",
            path.display(),
            lesson.steps.len()
        );
        0
    } else {
        for p in report.problems() {
            println!("{}: {p}", path.display());
        }
        1
    }
}
