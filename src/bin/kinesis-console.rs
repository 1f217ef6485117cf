//! `kinesis-console`: the playground's console in a terminal.
//!
//! Interactive (line editing and history) when standard input is a terminal; otherwise a script runner: one command
//! per line, `#` comments and blank lines ignored, trailing-backslash continuation. The simulated clock moves only
//! through `sim clock advance` and the waiters, so the same input, start time and seed give the same output.
//!
//! Options: `--jsonl` (one JSON object per executed command), `--echo` (print each command before its output),
//! `--start-time <RFC 3339>` (default 2024-01-01T00:00:00Z), `--seed <n>` (default 0), `--help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use kinesis_playground::cli::{CommandOutput, Console, ConsoleConfig};
    use std::io::{BufRead, IsTerminal, Write};

    const HELP: &str = "kinesis-console: the Kinesis Playground console in a terminal

usage: kinesis-console [--jsonl] [--echo] [--start-time <RFC 3339>] [--seed <n>]

Reads commands from standard input: interactively (line editing, history) on a terminal,
otherwise one command per line (# comments and blank lines ignored, a trailing \\ continues a line).

  --jsonl               print one JSON object per command: {\"input\", \"exit_code\", \"stdout\", \"stderr\", \"hints\"}
  --echo                print each command (prefixed by \"$ \") before its output
  --start-time <time>   the simulated start time (default 2024-01-01T00:00:00Z)
  --seed <n>            the seed of the simulation (default 0)
  --help                this text

Hints go to standard error, prefixed by \"hint: \". Type `help` inside for the console's commands.
";

    struct Options {
        jsonl: bool,
        echo: bool,
        config: ConsoleConfig,
    }

    fn parse_options() -> Result<Option<Options>, String> {
        let mut o = Options {
            jsonl: false,
            echo: false,
            config: ConsoleConfig { start_time_ms: kinesis_playground::engine::DEFAULT_START_MS, seed: 0 },
        };
        let mut args = std::env::args().skip(1);
        while let Some(a) = args.next() {
            match a.as_str() {
                "--help" | "-h" => return Ok(None),
                "--jsonl" => o.jsonl = true,
                "--echo" => o.echo = true,
                "--start-time" => {
                    let v = args.next().ok_or("--start-time needs a value")?;
                    o.config.start_time_ms = kinesis_playground::time::parse_timestamp(&v)
                        .ok_or_else(|| format!("--start-time: not an RFC 3339 time: {v}"))?;
                }
                "--seed" => {
                    let v = args.next().ok_or("--seed needs a value")?;
                    o.config.seed = v.parse().map_err(|_| format!("--seed: not a number: {v}"))?;
                }
                other => return Err(format!("unknown option: {other} (see --help)")),
            }
        }
        Ok(Some(o))
    }

    pub fn main() -> i32 {
        let opts = match parse_options() {
            Ok(Some(o)) => o,
            Ok(None) => {
                print!("{HELP}");
                return 0;
            }
            Err(e) => {
                eprintln!("kinesis-console: {e}");
                return 2;
            }
        };
        let mut console = Console::new(opts.config);
        if std::io::stdin().is_terminal() && !opts.jsonl {
            return interactive(&mut console);
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
            let out = console.run(&line);
            if out.pending {
                continue;
            }
            last = out.exit_code;
            emit(&opts, &out);
        }
        if console.is_pending() {
            let out = console.run("");
            emit(&opts, &out);
        }
        last
    }

    fn emit(opts: &Options, out: &CommandOutput) {
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

    fn interactive(console: &mut Console) -> i32 {
        let Ok(mut rl) = rustyline::Editor::<ConsoleHelper, rustyline::history::DefaultHistory>::new() else {
            eprintln!("kinesis-console: cannot open the terminal");
            return 1;
        };
        rl.set_helper(Some(ConsoleHelper));
        println!("Kinesis Playground console. `help` for help, Ctrl-D to quit.");
        let opts = Options { jsonl: false, echo: false, config: ConsoleConfig { start_time_ms: 0, seed: 0 } };
        let mut entry = String::new();
        loop {
            let prompt = if console.is_pending() { "> " } else { "$ " };
            match rl.readline(prompt) {
                Ok(line) => {
                    entry = if entry.is_empty() { line.clone() } else { format!("{entry}\n{line}") };
                    let out = console.run(&line);
                    if out.pending {
                        continue;
                    }
                    let _ = rl.add_history_entry(entry.as_str());
                    entry.clear();
                    emit(&opts, &out);
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
}
