//! A lesson as plain text, for the terminal (`kinesis-console --lesson FILE`), and the `sim lesson ...` commands
//! (`hint`, `status`, `solution`, `next`, `help`) that the terminal, or a page console, answers beside the console.

use super::markdown::{inline_text, to_text};
use super::{LessonRun, Observation};
use crate::cli::{CommandOutput, Console};

/// `sim lesson ...` commands with their descriptions.
pub const COMMANDS: &[(&str, &str)] = &[
    ("sim lesson status", "the lesson, the current step and which goals are met"),
    ("sim lesson hint", "the next hint of this step (one at a time)"),
    ("sim lesson solution", "the console lines that solve this step"),
    ("sim lesson next", "skip to the next step without finishing this one"),
    ("sim lesson help", "this list"),
];

/// The title, the summary and the introduction.
pub fn intro_text(run: &LessonRun) -> String {
    let l = run.lesson();
    let mut s = format!("Lesson: {}\n{}\n", l.title, l.summary);
    if !l.intro.is_empty() {
        s.push('\n');
        s.push_str(&to_text(&l.intro));
        s.push('\n');
    }
    s.push_str(
        "\nType `sim lesson hint` for a hint, `sim lesson status` for your progress, `sim lesson help` for more.\n",
    );
    s
}

/// The current step: its number and title, its instruction, its goals with their marks.
pub fn step_text(run: &LessonRun) -> String {
    let n = run.lesson().steps.len();
    let Some(step) = run.current_step() else { return completion_text(run) };
    let mut s = format!("\nStep {} of {n}: {}\n\n", run.step_index() + 1, step.title);
    if !step.instruction.is_empty() {
        s.push_str(&to_text(&step.instruction));
        s.push_str("\n\n");
    }
    s.push_str(&goals_text(run));
    s
}

/// `Goals:` and a line per goal, `[x]` when met.
pub fn goals_text(run: &LessonRun) -> String {
    let mut s = String::from("Goals:\n");
    for g in run.goals() {
        s.push_str(&format!("  [{}] {}\n", if g.met { "x" } else { " " }, g.label));
    }
    s
}

/// The lesson's end.
pub fn completion_text(run: &LessonRun) -> String {
    format!("\nLesson complete: {}. Well done! Every step's goals were reached.\n", run.lesson().title)
}

/// `sim lesson status`.
pub fn status_text(run: &LessonRun) -> String {
    let n = run.lesson().steps.len();
    let mut s = format!("Lesson: {}\n", run.lesson().title);
    match run.current_step() {
        None => s.push_str(&format!("All {n} steps done.\n")),
        Some(step) => {
            s.push_str(&format!("Step {} of {n}: {}\n", run.step_index() + 1, step.title));
            s.push_str(&goals_text(run));
            s.push_str(&format!(
                "Hints shown: {} of {}.\n",
                run.hints_shown().len(),
                run.hints_shown().len() + run.hints_left()
            ));
        }
    }
    s
}

/// What to print after a command was observed: goals newly met, and when the step is done, the next step (the run
/// moves on by itself) or the completion. Empty when nothing changed.
pub fn after_command(run: &mut LessonRun, obs: &Observation, console: &Console) -> String {
    let mut s = String::new();
    let goals = run.goals();
    for &i in &obs.newly_met {
        if let Some(g) = goals.get(i) {
            s.push_str(&format!("[x] {}\n", g.label));
        }
    }
    if obs.step_done {
        let n = run.lesson().steps.len();
        let title = run.current_step().map(|st| st.title.clone()).unwrap_or_default();
        s.push_str(&format!("Step {} of {n} done: {title}.\n", run.step_index() + 1));
        run.advance(console);
        s.push_str(&step_text(run));
    }
    s
}

/// Answers `sim lesson ...`; `None` for any other line (the console runs those).
pub fn lesson_command(run: &mut LessonRun, console: &Console, line: &str) -> Option<CommandOutput> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 2 || words[0] != "sim" || words[1] != "lesson" {
        return None;
    }
    let mut out = CommandOutput { input: line.to_string(), ..Default::default() };
    match &words[2..] {
        [] | ["status"] => out.stdout = status_text(run),
        ["hint"] => match run.next_hint().map(inline_text) {
            Some(h) => {
                out.stdout = format!("Hint: {h}\n");
                if run.hints_left() == 0 {
                    out.stdout.push_str("That was the last hint; `sim lesson solution` shows the solution.\n");
                }
            }
            None if run.is_complete() => out.stdout = "The lesson is complete: no more hints.\n".into(),
            None => out.stdout = "No more hints for this step; `sim lesson solution` shows the solution.\n".into(),
        },
        ["solution"] => {
            let lines = run.show_solution().to_vec();
            if lines.is_empty() {
                out.stdout = "The lesson is complete.\n".into();
            } else {
                out.stdout = format!(
                    "Solution of this step:\n{}\n",
                    lines.iter().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
                );
            }
        }
        ["next"] => {
            if run.is_complete() {
                out.stdout = "The lesson is complete.\n".into();
            } else {
                let next = run.step_index() + 1;
                run.go_to(next, console);
                out.stdout = step_text(run);
            }
        }
        ["help"] => {
            let mut s = String::from("Lesson commands:\n");
            for (c, d) in COMMANDS {
                s.push_str(&format!("  {c}\n      {d}\n"));
            }
            out.stdout = s;
        }
        other => {
            out.stderr = format!("sim lesson: unknown command `{}`. Try `sim lesson help`.\n", other.join(" "));
            out.exit_code = 2;
        }
    }
    Some(out)
}
