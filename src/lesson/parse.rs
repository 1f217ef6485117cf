//! The lesson file format, read line by line. See `lessons/README.md` for the teacher's description.

use super::markdown::{is_fence, list_item, parse_blocks, parse_inline};
use super::{
    Focus, Goal, GoalSpec, Lesson, LessonError, Setup, Step, MAX_BYTES, MAX_GOALS, MAX_HINTS, MAX_LINES, MAX_STEPS,
};
use crate::engine::DEFAULT_START_MS;

type Lines<'a> = Vec<(usize, &'a str)>;

struct Section<'a> {
    line: usize,
    heading: &'a str,
    body: Lines<'a>,
}

const MAX_TITLE: usize = 200;

pub(super) fn parse(text: &str) -> Result<Lesson, LessonError> {
    if text.len() > MAX_BYTES {
        return Err(LessonError::new(
            0,
            format!("it is {} bytes long, more than the {MAX_BYTES} a lesson may be", text.len()),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let all: Lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l))).collect();

    // Split into the part before the first `## ` and the `## ` sections, headings inside code blocks excepted.
    let mut preamble: Lines = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut in_code: Option<usize> = None;
    for &(n, line) in &all {
        if is_fence(line) {
            in_code = if in_code.is_some() { None } else { Some(n) };
        } else if in_code.is_none() {
            if let Some(h) = line.strip_prefix("## ") {
                sections.push(Section { line: n, heading: h.trim(), body: Vec::new() });
                continue;
            }
            if line.starts_with("# ") && !(sections.is_empty() && preamble.iter().all(|(_, l)| l.trim().is_empty())) {
                return Err(LessonError::new(
                    n,
                    "a lesson has one title (`# `) at the top; steps start with `## ` and their parts with `### `",
                ));
            }
        }
        match sections.last_mut() {
            Some(s) => s.body.push((n, line)),
            None => preamble.push((n, line)),
        }
    }
    if let Some(n) = in_code {
        return Err(LessonError::new(n, "this code block is never closed: end it with a line of ```"));
    }

    // The title, the summary and an optional introduction.
    let mut pre = preamble.iter().copied().filter(|(_, l)| !l.trim().is_empty()).peekable();
    let Some((title_line, first)) = pre.next() else {
        return Err(LessonError::new(1, "a lesson starts with its title: a line such as `# Your first stream`"));
    };
    let Some(title) = first.strip_prefix("# ").map(str::trim).filter(|t| !t.is_empty()) else {
        return Err(LessonError::new(
            title_line,
            "a lesson starts with its title: a line such as `# Your first stream`",
        ));
    };
    if title.chars().count() > MAX_TITLE {
        return Err(LessonError::new(title_line, format!("the title is longer than {MAX_TITLE} characters")));
    }
    let summary = match pre.next() {
        Some((n, l)) => match l.strip_prefix("summary:") {
            Some(s) if !s.trim().is_empty() => s.trim().to_string(),
            _ => {
                return Err(LessonError::new(n, "after the title comes `summary: ` and one sentence about the lesson"))
            }
        },
        None => {
            return Err(LessonError::new(
                title_line + 1,
                "after the title comes `summary: ` and one sentence about the lesson",
            ))
        }
    };
    let summary_line = preamble.iter().find(|(_, l)| l.starts_with("summary:")).map_or(0, |(n, _)| *n);
    let intro_lines: Lines = preamble.iter().copied().filter(|(n, _)| *n > summary_line).collect();
    let intro = parse_blocks(&intro_lines)?;

    let mut setup = Setup { start_time_ms: DEFAULT_START_MS, seed: 0, lines: Vec::new() };
    let mut steps = Vec::new();
    for (i, s) in sections.iter().enumerate() {
        if s.heading.eq_ignore_ascii_case("setup") {
            if i != 0 {
                return Err(LessonError::new(s.line, "`## Setup` comes once, before the first step"));
            }
            setup = parse_setup(s)?;
            continue;
        }
        if steps.len() == MAX_STEPS {
            return Err(LessonError::new(s.line, format!("a lesson has at most {MAX_STEPS} steps")));
        }
        steps.push(parse_step(s, setup.start_time_ms)?);
    }
    if steps.is_empty() {
        let line = all.len().max(1);
        return Err(LessonError::new(line, "this lesson has no steps: start one with a `## ` heading"));
    }
    Ok(Lesson { title: title.to_string(), summary, intro, setup, steps })
}

fn parse_setup(s: &Section) -> Result<Setup, LessonError> {
    let mut setup = Setup { start_time_ms: DEFAULT_START_MS, seed: 0, lines: Vec::new() };
    let mut seen_code = false;
    let mut i = 0;
    while i < s.body.len() {
        let (n, line) = s.body[i];
        let t = line.trim();
        if t.is_empty() {
        } else if let Some(v) = t.strip_prefix("start:") {
            setup.start_time_ms = crate::time::parse_iso(v.trim()).ok_or_else(|| {
                LessonError::new(n, format!("`{}` is not a start time such as 2024-01-01T00:00:00Z", v.trim()))
            })?;
        } else if let Some(v) = t.strip_prefix("seed:") {
            setup.seed = v
                .trim()
                .parse()
                .map_err(|_| LessonError::new(n, format!("`{}` is not a seed (a whole number from 0)", v.trim())))?;
        } else if is_fence(line) {
            if seen_code {
                return Err(LessonError::new(n, "the setup has one code block of console lines"));
            }
            seen_code = true;
            let (lines, next) = code_block(&s.body, i)?;
            setup.lines = lines;
            i = next;
            continue;
        } else {
            return Err(LessonError::new(
                n,
                "the setup holds `start: TIME`, `seed: N` and a code block of console lines, nothing else",
            ));
        }
        i += 1;
    }
    if setup.lines.len() > MAX_LINES {
        return Err(LessonError::new(s.line, format!("the setup has more than {MAX_LINES} lines")));
    }
    Ok(setup)
}

/// The lines of the code block opening at `body[start]`, and the index after its closing fence.
fn code_block(body: &Lines, start: usize) -> Result<(Vec<String>, usize), LessonError> {
    let indent = body[start].1.len() - body[start].1.trim_start().len();
    let mut lines = Vec::new();
    let mut i = start + 1;
    while i < body.len() {
        let l = body[i].1;
        if is_fence(l) {
            return Ok((lines, i + 1));
        }
        let strip = (l.len() - l.trim_start().len()).min(indent);
        if !l.trim().is_empty() {
            lines.push(l[strip..].to_string());
        }
        i += 1;
    }
    Err(LessonError::new(body[start].0, "this code block is never closed: end it with a line of ```"))
}

fn parse_step(s: &Section, start_ms: i64) -> Result<Step, LessonError> {
    if s.heading.is_empty() {
        return Err(LessonError::new(s.line, "a step needs a title after `## `"));
    }
    if s.heading.chars().count() > MAX_TITLE {
        return Err(LessonError::new(s.line, format!("the step's title is longer than {MAX_TITLE} characters")));
    }
    // Split the body at `### ` headings (outside code blocks).
    let mut parts: Vec<(usize, String, Lines)> = vec![(s.line, String::new(), Vec::new())];
    let mut in_code = false;
    for &(n, line) in &s.body {
        if is_fence(line) {
            in_code = !in_code;
        } else if !in_code {
            if let Some(h) = line.strip_prefix("### ") {
                parts.push((n, h.trim().to_string(), Vec::new()));
                continue;
            }
        }
        if let Some(p) = parts.last_mut() {
            p.2.push((n, line));
        }
    }
    let mut step = Step {
        title: s.heading.to_string(),
        instruction: Vec::new(),
        goals: Vec::new(),
        hints: Vec::new(),
        solution: Vec::new(),
        focus: Focus::default(),
    };
    let mut focus = None;
    let (mut goals_seen, mut hints_seen, mut solution_seen) = (false, false, false);
    for (n, name, body) in &parts {
        let again = |seen: &mut bool| -> Result<(), LessonError> {
            if std::mem::replace(seen, true) {
                Err(LessonError::new(*n, format!("this step already has a `### {name}` part")))
            } else {
                Ok(())
            }
        };
        match name.to_ascii_lowercase().as_str() {
            "" => {
                let (text, line) = take_focus(body)?;
                focus = line;
                step.instruction = parse_blocks(&text)?;
            }
            "goals" => {
                again(&mut goals_seen)?;
                step.goals = parse_goals(body, start_ms)?;
            }
            "hints" => {
                again(&mut hints_seen)?;
                step.hints = parse_hints(body)?;
            }
            "solution" => {
                again(&mut solution_seen)?;
                step.solution = parse_solution(*n, body)?;
            }
            _ => {
                return Err(LessonError::new(
                    *n,
                    format!(
                        "`### {name}` is not a part of a step: a step has `### Goals`, `### Hints` and `### Solution`"
                    ),
                ))
            }
        }
    }
    if step.goals.is_empty() {
        return Err(LessonError::new(
            s.line,
            format!("step \"{}\" has no goals: add a `### Goals` list with at least one goal", step.title),
        ));
    }
    step.focus = focus.unwrap_or_else(|| Focus::of_goals(&step.goals));
    if step.solution.is_empty() {
        return Err(LessonError::new(
            s.line,
            format!("step \"{}\" has no solution: add a `### Solution` code block of console lines", step.title),
        ));
    }
    Ok(step)
}

/// The instruction without its `focus:` line (outside code blocks), and that line read.
fn take_focus<'a>(body: &Lines<'a>) -> Result<(Lines<'a>, Option<Focus>), LessonError> {
    let (mut text, mut focus, mut in_code) = (Vec::new(), None, false);
    for &(n, line) in body {
        if is_fence(line) {
            in_code = !in_code;
        } else if let Some(rest) = line.strip_prefix("focus:").filter(|_| !in_code) {
            if focus.is_some() {
                return Err(LessonError::new(n, "a step has one `focus:` line"));
            }
            focus = Some(Focus::parse(rest).map_err(|m| LessonError::new(n, m))?);
            continue;
        }
        text.push((n, line));
    }
    Ok((text, focus))
}

fn parse_goals(body: &Lines, start_ms: i64) -> Result<Vec<GoalSpec>, LessonError> {
    let mut goals = Vec::new();
    for &(n, line) in body {
        if line.trim().is_empty() {
            continue;
        }
        let Some((false, text)) = list_item(line) else {
            return Err(LessonError::new(
                n,
                "each goal is a line starting with `- `, such as `- stream DemoStream exists`",
            ));
        };
        if goals.len() == MAX_GOALS {
            return Err(LessonError::new(n, format!("a step has at most {MAX_GOALS} goals")));
        }
        let (spec, label) = split_label(text);
        let goal = Goal::parse(spec, start_ms).map_err(|m| LessonError::new(n, m))?;
        let label = match label.map(str::trim).filter(|l| !l.is_empty()) {
            Some(l) => l.to_string(),
            None => goal.describe(),
        };
        goals.push(GoalSpec { goal, text: parse_inline(&label), label, line: n });
    }
    Ok(goals)
}

/// `spec | label`, the `|` outside quotes.
fn split_label(text: &str) -> (&str, Option<&str>) {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '|' if !quoted => return (&text[..i], Some(&text[i + 1..])),
            _ => {}
        }
    }
    (text, None)
}

fn parse_hints(body: &Lines) -> Result<Vec<Vec<super::Inline>>, LessonError> {
    let mut items: Vec<String> = Vec::new();
    for &(n, line) in body {
        if line.trim().is_empty() {
            continue;
        }
        if let Some((_, text)) = list_item(line) {
            if items.len() == MAX_HINTS {
                return Err(LessonError::new(n, format!("a step has at most {MAX_HINTS} hints")));
            }
            items.push(text.to_string());
        } else if let (Some(last), true) = (items.last_mut(), line.starts_with(' ') || line.starts_with('\t')) {
            last.push(' ');
            last.push_str(line.trim());
        } else {
            return Err(LessonError::new(n, "each hint is a list item (`- ` or `1. `); indent a line to continue one"));
        }
    }
    Ok(items.iter().map(|t| parse_inline(t)).collect())
}

fn parse_solution(heading_line: usize, body: &Lines) -> Result<Vec<String>, LessonError> {
    let mut lines = None;
    let mut i = 0;
    while i < body.len() {
        let (n, line) = body[i];
        if line.trim().is_empty() {
            i += 1;
        } else if is_fence(line) && lines.is_none() {
            let (l, next) = code_block(body, i)?;
            lines = Some(l);
            i = next;
        } else {
            return Err(LessonError::new(
                n,
                "a solution is one code block of console lines (between lines of ```), nothing else",
            ));
        }
    }
    let lines = lines.unwrap_or_default();
    if lines.is_empty() {
        return Err(LessonError::new(heading_line, "this solution has no console lines: put them in a code block"));
    }
    if lines.len() > MAX_LINES {
        return Err(LessonError::new(heading_line, format!("a solution has at most {MAX_LINES} lines")));
    }
    Ok(lines)
}
