//! The console in a terminal: a script runner (`--jsonl`, `--echo`) or, on a terminal, an interactive line editor
//! with history and Tab completion.

use crate::native::OutputOptions;
use kinesis_playground::cli::{CommandOutput, Console, ConsoleConfig};
use std::io::{BufRead, IsTerminal, Write};

/// Runs the console over standard input; the exit code is the last command's.
pub fn run(config: ConsoleConfig, opts: OutputOptions) -> i32 {
    let mut console = Console::new(config);
    run_with(&mut console, opts, &mut NoLesson)
}

/// What runs beside the console: a lesson in `--lesson` mode.
pub trait Beside {
    /// Answers a line itself (`sim lesson ...`), or `None` to let the console run it.
    fn answer(&mut self, console: &Console, line: &str) -> Option<CommandOutput>;
    /// Looks at what a command did; returns text to print after its output.
    fn after(&mut self, console: &Console, out: &CommandOutput) -> String;
}

struct NoLesson;

impl Beside for NoLesson {
    fn answer(&mut self, _: &Console, _: &str) -> Option<CommandOutput> {
        None
    }
    fn after(&mut self, _: &Console, _: &CommandOutput) -> String {
        String::new()
    }
}

/// Runs `console` over standard input with `beside` answering and watching.
pub fn run_with(console: &mut Console, opts: OutputOptions, beside: &mut dyn Beside) -> i32 {
    if std::io::stdin().is_terminal() && !opts.jsonl {
        return interactive(console, beside);
    }
    let stdin = std::io::stdin();
    let mut last = 0;
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if !console.is_pending() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
        }
        if !console.is_pending() {
            if let Some(out) = beside.answer(console, &line) {
                last = out.exit_code;
                emit(opts, &out);
                continue;
            }
        }
        let out = console.run(&line);
        if out.pending {
            continue;
        }
        last = out.exit_code;
        emit(opts, &out);
        print_after(opts, &beside.after(console, &out));
    }
    if console.is_pending() {
        let out = console.run("");
        emit(opts, &out);
        print_after(opts, &beside.after(console, &out));
    }
    last
}

fn print_after(opts: OutputOptions, text: &str) {
    if text.is_empty() || opts.jsonl {
        return;
    }
    let mut so = std::io::stdout().lock();
    let _ = so.write_all(text.as_bytes());
    let _ = so.flush();
}

/// Prints one command's output as the options ask.
pub fn emit(opts: OutputOptions, out: &CommandOutput) {
    let stdout = std::io::stdout();
    let mut so = stdout.lock();
    if opts.jsonl {
        let v = serde_json::json!({
            "input": out.input, "exit_code": out.exit_code, "stdout": out.stdout,
            "stderr": out.stderr, "hints": out.hints,
        });
        let _ = writeln!(so, "{v}");
        return;
    }
    if opts.echo {
        let _ = writeln!(so, "$ {}", out.input);
    }
    let _ = so.write_all(out.stdout.as_bytes());
    let _ = so.flush();
    let mut se = std::io::stderr().lock();
    let _ = se.write_all(out.stderr.as_bytes());
    for h in &out.hints {
        let _ = writeln!(se, "hint: {h}");
    }
}

/// Tab completion of commands, operations, waiters and option names.
struct ConsoleHelper;

impl rustyline::completion::Completer for ConsoleHelper {
    type Candidate = String;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let before = line.get(..pos).unwrap_or(line);
        let start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        Ok((start, kinesis_playground::cli::complete::complete(before)))
    }
}

impl rustyline::hint::Hinter for ConsoleHelper {
    type Hint = String;
}
impl rustyline::highlight::Highlighter for ConsoleHelper {}
impl rustyline::validate::Validator for ConsoleHelper {}
impl rustyline::Helper for ConsoleHelper {}

fn interactive(console: &mut Console, beside: &mut dyn Beside) -> i32 {
    let Ok(mut rl) = rustyline::Editor::<ConsoleHelper, rustyline::history::DefaultHistory>::new() else {
        eprintln!("kinesis-console: cannot open the terminal");
        return 1;
    };
    rl.set_helper(Some(ConsoleHelper));
    println!("Kinesis Playground console. `help` for help, Ctrl-D to quit.");
    let opts = OutputOptions::default();
    let mut entry = String::new();
    loop {
        let prompt = if console.is_pending() { "> " } else { "$ " };
        match rl.readline(prompt) {
            Ok(line) => {
                entry = if entry.is_empty() { line.clone() } else { format!("{entry}\n{line}") };
                if !console.is_pending() {
                    if let Some(out) = beside.answer(console, &line) {
                        let _ = rl.add_history_entry(entry.as_str());
                        entry.clear();
                        emit(opts, &out);
                        continue;
                    }
                }
                let out = console.run(&line);
                if out.pending {
                    continue;
                }
                let _ = rl.add_history_entry(entry.as_str());
                entry.clear();
                emit(opts, &out);
                print_after(opts, &beside.after(console, &out));
            }
            Err(rustyline::error::ReadlineError::Interrupted) => {
                entry.clear();
                if console.is_pending() {
                    let _ = console.run("");
                }
            }
            Err(_) => return 0,
        }
    }
}
