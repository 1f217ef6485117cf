//! Twin streams: every step runs through the real AWS CLI v2 on stream `sa` and through the served console on its
//! twin `sb` (created at the same instant, changed the same way), so their answers differ only in the name. Output,
//! errors and exit codes must match byte for byte.

use super::aws_cli::run_aws;
use super::ServerProcess;
use std::path::Path;

/// One step: a command (`{S}` stands for the stream), or a clock move of the served console.
pub enum Step {
    Cmd(Vec<String>),
    Advance(&'static str),
}

/// A command step.
pub fn cmd(args: &[&str]) -> Step {
    Step::Cmd(args.iter().map(|a| a.to_string()).collect())
}

/// Single-quotes an argument for the console's shell.
pub fn quote(arg: &str) -> String {
    format!("'{}'", arg.replace('\'', "'\\''"))
}

/// Runs `steps` on both twins: `args_on(args, stream)` fills in a command's arguments for `sa` or `sb` (at least
/// `{S}`), and `normalize` is applied to every text before comparing (then `sb` becomes `sa` in the console's). The
/// differences, one paragraph each.
pub fn compare(
    aws: &Path,
    server: &ServerProcess,
    steps: &[Step],
    mut args_on: impl FnMut(&[String], &str) -> Vec<String>,
    normalize: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut failures = Vec::new();
    for step in steps {
        let args = match step {
            Step::Advance(by) => {
                server.advance(by);
                continue;
            }
            Step::Cmd(args) => args,
        };
        let real_args = args_on(args, "sa");
        let real = run_aws(aws, &server.url, &real_args.iter().map(String::as_str).collect::<Vec<_>>());
        let line = format!("aws {}", args_on(args, "sb").iter().map(|a| quote(a)).collect::<Vec<_>>().join(" "));
        let console = server.console(&line);
        let text = |key: &str| normalize(console[key].as_str().unwrap_or_default()).replace("sb", "sa");
        let got = (console["exit_code"].as_i64().unwrap_or(-1) as i32, text("stdout"), text("stderr"));
        let want = (real.exit_code, normalize(&real.stdout), normalize(&real.stderr));
        if got != want {
            failures.push(format!(
                "aws {}\n  real:    {} {:?} {:?}\n  console: {} {:?} {:?}",
                real_args.join(" "),
                want.0,
                want.1,
                want.2,
                got.0,
                got.1,
                got.2
            ));
        }
    }
    failures
}
