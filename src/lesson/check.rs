//! Testing a lesson without a browser: its setup plus each step's solution must reach every goal, and no goal may be
//! met before the learner does anything: neither right after the setup (a goal met by the setup alone teaches
//! nothing) nor already when its step starts, after the solutions of the steps before (the learner would see it
//! ticked before doing the step).

use super::{Lesson, LessonRun};
use crate::cli::Console;

/// What [`check`] found, step by step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// One entry per step, in order.
    pub steps: Vec<StepCheck>,
}

/// One step's findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepCheck {
    /// The step's title.
    pub title: String,
    /// Goals its solution did not reach: (line in the file, label).
    pub unmet: Vec<(usize, String)>,
    /// Goals already met right after the setup, before any command: (line, label).
    pub met_without_trying: Vec<(usize, String)>,
    /// Goals already met when the step starts, after the steps before were solved: (line, label).
    pub met_at_start: Vec<(usize, String)>,
}

impl CheckReport {
    /// True when every solution reached every goal and no goal was met without trying.
    pub fn passed(&self) -> bool {
        self.steps.iter().all(|s| s.unmet.is_empty() && s.met_without_trying.is_empty() && s.met_at_start.is_empty())
    }

    /// One line per problem (`line 12: step "Create a stream": goal not reached: Stream DemoStream is ACTIVE`).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for s in &self.steps {
            for (line, label) in &s.unmet {
                out.push(format!("line {line}: step \"{}\": its solution does not reach the goal: {label}", s.title));
            }
            for (line, label) in &s.met_without_trying {
                out.push(format!(
                    "line {line}: step \"{}\": the goal is met before the learner does anything: {label}",
                    s.title
                ));
            }
            for (line, label) in &s.met_at_start {
                out.push(format!(
                    "line {line}: step \"{}\": the goal is already met when the step starts (after the steps before): {label}",
                    s.title
                ));
            }
        }
        out
    }
}

/// Runs the lesson's setup, then each step's solution in turn, checking the goals after every line.
pub fn check(lesson: &Lesson) -> CheckReport {
    let untouched = lesson.setup.console();
    let mut console = lesson.setup.console();
    let mut run = LessonRun::new(lesson.clone());
    let mut steps = Vec::new();
    for (i, step) in lesson.steps.iter().enumerate() {
        let met_without_trying = untouched_met(lesson, i, &untouched);
        run.go_to(i, &console);
        let met_at_start = step
            .goals
            .iter()
            .zip(run.goals())
            .filter(|(g, s)| s.met && !met_without_trying.iter().any(|(l, _)| *l == g.line))
            .map(|(g, s)| (g.line, s.label))
            .collect();
        for line in &step.solution {
            let out = console.run(line);
            run.observe(&out, &console);
        }
        console.cancel_pending();
        let unmet =
            step.goals.iter().zip(run.goals()).filter(|(_, s)| !s.met).map(|(g, s)| (g.line, s.label)).collect();
        steps.push(StepCheck { title: step.title.clone(), unmet, met_without_trying, met_at_start });
    }
    CheckReport { steps }
}

/// The goals of step `i` met on a console that only ran the setup, no command observed.
fn untouched_met(lesson: &Lesson, i: usize, untouched: &Console) -> Vec<(usize, String)> {
    let mut run = LessonRun::new(lesson.clone());
    run.go_to(i, untouched);
    lesson.steps[i].goals.iter().zip(run.goals()).filter(|(_, s)| s.met).map(|(g, s)| (g.line, s.label)).collect()
}
