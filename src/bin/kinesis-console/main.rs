//! `kinesis-console`: the playground's console in a terminal.
//!
//! Interactive (line editing and history) when standard input is a terminal; otherwise a script runner: one command
//! per line, `#` comments and blank lines ignored, trailing-backslash continuation. The simulated clock moves only
//! through `sim clock advance` and the waiters, so the same input, start time and seed give the same output.
//!
//! | file | concern |
//! |---|---|
//! | `main.rs` | the options and subcommands (clap), and what each runs |
//! | `console.rs` | the console in a terminal: script mode, `--jsonl`, `--echo`, the interactive line editor |
//! | `lesson.rs` | `--lesson FILE` (a lesson in the terminal) and `--check-lesson FILE` |
//! | `serve.rs` | `kinesis-console serve`: the simulator as a local Kinesis on the wire (`kinesis_playground::server`) |

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod console;

#[cfg(not(target_arch = "wasm32"))]
mod serve;

#[cfg(not(target_arch = "wasm32"))]
mod lesson;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use clap::{Args, Parser, Subcommand};
    use kinesis_playground::cli::ConsoleConfig;

    /// The Kinesis Playground console in a terminal.
    ///
    /// Reads commands from standard input: interactively (line editing, history) on a terminal, otherwise one command
    /// per line (# comments and blank lines ignored, a trailing \ continues a line). Hints go to standard error,
    /// prefixed by "hint: ". Type `help` inside for the console's commands.
    #[derive(Parser, Debug)]
    #[command(name = "kinesis-console", version, args_conflicts_with_subcommands = true)]
    pub struct Cli {
        #[command(flatten)]
        pub session: SessionOptions,
        #[command(flatten)]
        pub output: OutputOptions,
        /// Run a lesson: its setup first (its own start time and seed), then its steps, with goals checked after
        /// every command (`sim lesson help` inside for hints, status, solution)
        #[arg(long, value_name = "FILE", conflicts_with = "check_lesson")]
        pub lesson: Option<std::path::PathBuf>,
        /// Check a lesson without a browser: run its setup and each step's solution, say whether every goal is
        /// reached (exit 0) or list the goals that are not (exit 1)
        #[arg(long, value_name = "FILE")]
        pub check_lesson: Option<std::path::PathBuf>,
        #[command(subcommand)]
        pub command: Option<Command>,
    }

    /// How the simulated session starts (shared by every mode).
    #[derive(Args, Debug, Clone)]
    pub struct SessionOptions {
        /// The simulated start time (RFC 3339)
        #[arg(long, value_name = "RFC 3339", default_value = "2024-01-01T00:00:00Z", value_parser = parse_start_time)]
        pub start_time: i64,
        /// The seed of the simulation's random generator
        #[arg(long, value_name = "N", default_value_t = 0)]
        pub seed: u64,
    }

    /// How the console prints what each command did.
    #[derive(Args, Debug, Clone, Copy, Default)]
    pub struct OutputOptions {
        /// Print one JSON object per command: {"input", "exit_code", "stdout", "stderr", "hints"}
        #[arg(long)]
        pub jsonl: bool,
        /// Print each command (prefixed by "$ ") before its output
        #[arg(long)]
        pub echo: bool,
    }

    /// What the binary does besides running the console.
    #[derive(Subcommand, Debug)]
    pub enum Command {
        Serve(crate::serve::ServeArgs),
    }

    pub fn parse_start_time(v: &str) -> Result<i64, String> {
        kinesis_playground::time::parse_timestamp(v).ok_or_else(|| format!("not an RFC 3339 time: {v}"))
    }

    pub fn main() -> i32 {
        let cli = match Cli::try_parse() {
            Ok(c) => c,
            Err(e) => {
                let code = if e.use_stderr() { 2 } else { 0 };
                let _ = e.print();
                return code;
            }
        };
        let config = ConsoleConfig { start_time_ms: cli.session.start_time, seed: cli.session.seed };
        if let Some(path) = &cli.check_lesson {
            return crate::lesson::check(path);
        }
        if let Some(path) = &cli.lesson {
            return crate::lesson::run(path, cli.output);
        }
        match cli.command {
            None => crate::console::run(config, cli.output),
            Some(Command::Serve(args)) => crate::serve::run(&args),
        }
    }
}
