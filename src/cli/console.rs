//! The console the page and the terminal share: one shell session over one simulated Kinesis.
//!
//! [`Console::run`] takes a line (or several, separated by newlines) and returns a [`CommandOutput`]. A line that is
//! not complete yet (it ends with `\`, or inside quotes or `$(`) is kept, and the output says so with
//! `pending: true` and nothing else; the next `run` call continues it (like bash's `> ` prompt). Shell variables
//! (`NAME=value`, `export`) and `$?` persist across calls.

use crate::cli::aws::{self, Outcome};
use crate::cli::calls::{ApiCall, IteratorTypes};

use crate::cli::shell::tokenizer::{self, Expander, Tokenized};
use crate::engine::{Engine, EngineConfig};
use crate::sim::{RunReport, Simulation};
use serde::Serialize;
use std::collections::BTreeMap;

/// How a console starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsoleConfig {
    /// The simulated start time (epoch ms).
    pub start_time_ms: i64,
    /// The seed of the simulation's random generator.
    pub seed: u64,
}

/// What one `run` call printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CommandOutput {
    /// The input as given; when it completed a continued command, the whole command (its lines joined with `\n`).
    pub input: String,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit status of the last command (0 while pending).
    pub exit_code: i32,
    /// Teaching hints, shown beside the output.
    pub hints: Vec<String>,
    /// True when the input is incomplete and the console waits for the next line.
    pub pending: bool,
    /// The commands this call executed, in order: none while a line is pending, several for a multi-line input.
    /// Not printed by `--jsonl`.
    #[serde(skip)]
    pub commands: Vec<ExecutedCommand>,
}

/// One command a [`Console::run`] call executed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecutedCommand {
    /// The whole command as the shell read it: one line, or continued lines joined with `\n`. Running this text
    /// again on the same state does exactly the same thing (saved sessions replay it).
    pub text: String,
    /// Its exit status.
    pub exit_code: i32,
    /// The operations it called, in order, those inside `$(...)` included (for lessons' goals; never printed).
    pub calls: Vec<ApiCall>,
}

pub(crate) struct Session {
    engine: Engine,
    sim: Simulation,
    config: EngineConfig,
    vars: BTreeMap<String, String>,
    iterators: IteratorTypes,
}

/// One shell session over one simulated Kinesis account.
pub struct Console {
    session: Session,
    seed: u64,
    pending: String,
}

const MAX_DEPTH: usize = 8;

impl Console {
    /// A console with no streams, its clock at `config.start_time_ms`, the engine's other settings at their defaults.
    pub fn new(config: ConsoleConfig) -> Self {
        let engine_config = EngineConfig { start_time_ms: config.start_time_ms, ..Default::default() };
        Self::with_engine_config(engine_config, config.seed)
    }

    /// A console over an engine with the given settings (`sim reset` returns to them).
    pub fn with_engine_config(engine_config: EngineConfig, seed: u64) -> Self {
        Console {
            session: Session {
                engine: Engine::new(engine_config.clone()),
                sim: Simulation::new(seed),
                config: engine_config,
                vars: BTreeMap::new(),
                iterators: IteratorTypes::default(),
            },
            seed,
            pending: String::new(),
        }
    }

    /// The simulated service.
    pub fn engine(&self) -> &Engine {
        &self.session.engine
    }

    /// The simulated service, mutable (for the page's own controls).
    pub fn engine_mut(&mut self) -> &mut Engine {
        &mut self.session.engine
    }

    /// The simulated producers.
    pub fn simulation(&self) -> &Simulation {
        &self.session.sim
    }

    /// The simulated producers, mutable (for the page's own controls).
    pub fn simulation_mut(&mut self) -> &mut Simulation {
        &mut self.session.sim
    }

    /// Moves simulated time forward by `ms`, with the producers writing all the way ([`Simulation::run`]: what the
    /// page's live clock does). Chunk-invariant: `advance(a)` then `advance(b)` is `advance(a + b)`, so a saved
    /// session logs the sum. The work grows with the time passed while producers run (an hour at 1,000 records a
    /// second is 3.6 million records); `sim clock advance` is a jump instead ([`Simulation::jump`]: producers write
    /// during its first minute only).
    pub fn advance(&mut self, ms: i64) -> RunReport {
        let Session { engine, sim, .. } = &mut self.session;
        sim.run(engine, ms)
    }

    /// The shell variables (`NAME=value`, `export`, and `?`, the last exit status).
    pub fn variables(&self) -> &BTreeMap<String, String> {
        &self.session.vars
    }

    /// The engine settings the console started with (and `sim reset` returns to).
    pub fn engine_config(&self) -> &EngineConfig {
        &self.session.config
    }

    /// The seed given at creation.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// True when a continued line is waiting for more input.
    pub fn is_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Drops a command still waiting for its next line, as Ctrl-C does at bash's `> ` prompt; returns what was
    /// dropped.
    pub fn cancel_pending(&mut self) -> Option<String> {
        (!self.pending.is_empty()).then(|| std::mem::take(&mut self.pending))
    }

    /// Runs `input` (one line, or several separated by newlines).
    pub fn run(&mut self, input: &str) -> CommandOutput {
        let mut out = CommandOutput { input: input.to_string(), ..Default::default() };
        for line in input.split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if self.pending.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
                continue;
            }
            let text = if self.pending.is_empty() { line.to_string() } else { format!("{}\n{line}", self.pending) };
            if tokenizer::needs_more(&text) {
                self.pending = text;
                continue;
            }
            self.pending.clear();
            if text != line {
                out.input = text.clone();
            }
            // In the page the interpreter is a deferred part (`crate::parts`): the page waits for it before it runs a
            // line, so the message below is only for a part that could not be fetched.
            let o = crate::parts::now!(exec_part(&mut self.session as *mut Session, text.as_str() as *const str))
                .unwrap_or_else(|| Outcome {
                    stderr: format!(
                        "The playground could not load {} (check the connection, then run the command again).\n",
                        crate::parts::Part::Console.what()
                    ),
                    exit_code: 1,
                    ..Default::default()
                });
            out.stdout.push_str(&o.stdout);
            out.stderr.push_str(&o.stderr);
            out.exit_code = o.exit_code;
            out.hints.extend(o.hints);
            out.commands.push(ExecutedCommand { text, exit_code: o.exit_code, calls: o.calls });
        }
        out.pending = !self.pending.is_empty();
        out
    }

    /// Completions for the last word of `partial_line`: commands, `kinesis`, operations, waiters, option names.
    pub fn complete(&self, partial_line: &str) -> Vec<String> {
        crate::cli::complete::complete(partial_line)
    }
}

struct Exec<'a> {
    session: &'a mut Session,
    depth: usize,
    stderr: String,
    hints: Vec<String>,
    calls: Vec<ApiCall>,
    status: Option<i32>,
}

impl Expander for Exec<'_> {
    fn var(&self, name: &str) -> Option<String> {
        self.session.vars.get(name).cloned()
    }

    fn substitute(&mut self, command: &str) -> String {
        if self.depth >= MAX_DEPTH {
            self.stderr.push_str("bash: command substitution nested too deeply\n");
            self.status = Some(1);
            return String::new();
        }
        let o = exec(self.session, command, self.depth + 1);
        self.stderr.push_str(&o.stderr);
        self.hints.extend(o.hints);
        self.calls.extend(o.calls);
        self.status = Some(o.exit_code);
        o.stdout
    }
}

crate::parts::split_point! {
    /// The interpreter's entry point, the page's `console` part; [`Console::run`] is its only caller.
    in console, loaded by preload_console,
    pub(crate) fn exec_part(session: *mut Session, text: *const str) -> Outcome {
        // SAFETY: `split_point!`'s rule; `Console::run` passes its own session and line.
        let (session, text) = unsafe { (&mut *session, &*text) };
        exec(session, text, 0)
    }
}

fn exec(session: &mut Session, text: &str, depth: usize) -> Outcome {
    let mut ex = Exec { session, depth, stderr: String::new(), hints: Vec::new(), calls: Vec::new(), status: None };
    let tokenized = tokenizer::tokenize(text, &mut ex);
    let (pre_stderr, pre_hints, pre_calls, sub_status) =
        (std::mem::take(&mut ex.stderr), std::mem::take(&mut ex.hints), std::mem::take(&mut ex.calls), ex.status);
    let session = ex.session;
    let mut o = match tokenized {
        Tokenized::Error(msg) => Outcome { stderr: format!("bash: {msg}\n"), exit_code: 2, ..Default::default() },
        Tokenized::Incomplete => Outcome {
            stderr: "bash: syntax error: unexpected end of file\n".into(),
            exit_code: 2,
            ..Default::default()
        },
        Tokenized::Complete(cmd) if cmd.words.is_empty() => {
            for (k, v) in cmd.assignments {
                session.vars.insert(k, v);
            }
            Outcome { exit_code: sub_status.unwrap_or(0), ..Default::default() }
        }
        Tokenized::Complete(cmd) => {
            let words: Vec<String> = cmd.words.iter().map(|w| w.text.clone()).collect();
            let args = &words[1..];
            match words[0].as_str() {
                "aws" => aws::run(&mut session.engine, args, &cmd.words),
                "sim" => crate::cli::sim::run(&mut session.engine, &mut session.sim, &session.config, args),
                "echo" => Outcome::ok(format!("{}\n", args.join(" "))),
                "export" => {
                    for (k, v) in cmd.assignments {
                        session.vars.insert(k, v);
                    }
                    Outcome::default()
                }
                "unset" => {
                    for a in args {
                        session.vars.remove(a);
                    }
                    Outcome::default()
                }
                "help" => Outcome::ok(console_help()),
                "clear" | "true" | ":" => Outcome::default(),
                other => Outcome {
                    stderr: format!("bash: {other}: command not found\n"),
                    exit_code: 127,
                    ..Default::default()
                },
            }
        }
    };
    session.vars.insert("?".into(), o.exit_code.to_string());
    o.stderr.insert_str(0, &pre_stderr);
    let mut hints = pre_hints;
    hints.append(&mut o.hints);
    o.hints = hints;
    // Calls inside `$(...)` ran first (their own types are already tracked).
    for call in &mut o.calls {
        session.iterators.track(call);
    }
    let mut calls = pre_calls;
    calls.append(&mut o.calls);
    o.calls = calls;
    o
}

fn console_help() -> String {
    "This console runs AWS CLI v2 commands against a simulated Kinesis:\n  aws kinesis help                  the operations\n  aws kinesis <operation> help      one operation's options\n  sim help                          the playground's own commands (clock, producers, throttling, reset)\nShell: quotes, \\ line continuation, # comments, NAME=value, $NAME, $(command), echo, export, unset.\n".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_command_can_be_dropped() {
        let mut c = Console::new(ConsoleConfig { start_time_ms: crate::engine::DEFAULT_START_MS, seed: 0 });
        assert!(c.run("echo one \\").pending);
        assert_eq!(c.cancel_pending().as_deref(), Some("echo one \\"));
        assert!(!c.is_pending());
        assert_eq!(c.cancel_pending(), None);
        assert_eq!(c.run("echo two").stdout, "two\n");
    }

    #[test]
    fn each_run_lists_the_commands_it_executed() {
        let mut c = Console::new(ConsoleConfig { start_time_ms: crate::engine::DEFAULT_START_MS, seed: 0 });
        let texts = |o: &CommandOutput| o.commands.iter().map(|c| (c.text.clone(), c.exit_code)).collect::<Vec<_>>();
        let o = c.run("echo a\n# a comment\n\nnope\necho 'b");
        assert_eq!(texts(&o), vec![("echo a".to_owned(), 0), ("nope".to_owned(), 127)]);
        assert!(o.pending);
        let o = c.run("c' \\");
        assert!(o.commands.is_empty() && o.pending);
        let o = c.run("d");
        assert_eq!(texts(&o), vec![("echo 'b\nc' \\\nd".to_owned(), 0)]);
        assert_eq!(o.stdout, "b\nc d\n");
        // The text runs the same command again on its own.
        let mut again = Console::new(ConsoleConfig { start_time_ms: crate::engine::DEFAULT_START_MS, seed: 0 });
        assert_eq!(again.run(&o.commands[0].text).stdout, o.stdout);
        assert!(c.run("").commands.is_empty());
    }
}
