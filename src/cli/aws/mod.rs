//! `aws ...`: global options, `kinesis`, the operation (or `help` / `wait`), the call and the printed result.
//!
//! This folder is the `aws` command itself, file by file:
//!
//! | file | concern |
//! |---|---|
//! | `mod.rs` | dispatch: globals, `kinesis`, the operation, `help` / `wait`, the call and the printed result |
//! | [`globals`], [`args`] | global options; an operation's options -> the request |
//! | [`shorthand`] | the shorthand syntax (`Key=Value,...`) |
//! | [`convert`], [`blob`] | botocore's client-side validation and type conversion; `--cli-binary-format` |
//! | [`errors`] | error texts and exit codes (0 / 252 / 254 / 255) |
//! | [`help`], [`waiters`] | help pages from the model; `aws kinesis wait ...` over simulated time |

pub mod args;
pub mod blob;
pub mod convert;
pub mod errors;
pub mod globals;
pub mod help;
pub mod shorthand;
pub mod waiters;

use crate::cli::aws::errors::{invalid_choice, CliError};
use crate::cli::calls::ApiCall;
use crate::cli::model::model;
use crate::cli::output::{table, text, yaml};
use crate::cli::paging::{self, Response};
use crate::cli::{hints, output, query};
use crate::engine::Engine;
use args::{Globals, OutputFormat};
use globals::ErrorFormat;
use serde_json::Value;

/// The result of one command, before the console wraps it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit status.
    pub exit_code: i32,
    /// Teaching hints (never part of stdout/stderr).
    pub hints: Vec<String>,
    /// The operations called (for lessons' goals; never printed).
    pub calls: Vec<ApiCall>,
}

impl Outcome {
    /// A successful outcome printing `stdout`.
    pub fn ok(stdout: String) -> Self {
        Outcome { stdout, ..Default::default() }
    }

    /// The outcome of a CLI error.
    pub fn error(e: &CliError) -> Self {
        Self::error_as(ErrorFormat::Enhanced, e)
    }

    /// The outcome of a CLI error printed in the `--cli-error-format` `format`.
    pub fn error_as(format: ErrorFormat, e: &CliError) -> Self {
        Outcome { stderr: e.stderr_as(format), exit_code: e.exit_code(), ..Default::default() }
    }
}

/// What `aws --version` prints: the playground's own line, naming the CLI version it follows (the real CLI adds
/// its Python, OS and installer here).
pub const VERSION: &str = "aws-cli/2.36.7 kinesis-playground/0.1.0 (simulated; follows AWS CLI 2.36.7)";

/// Runs `aws <args...>` (`args` excludes the leading `aws`). `raw_words` are the command's words with their
/// quoting information, for hints.
pub fn run(engine: &mut Engine, args: &[String], raw_words: &[crate::cli::shell::tokenizer::Word]) -> Outcome {
    let (g, rest) = match args::split_globals(args) {
        Ok(x) => x,
        Err(e) => return Outcome::error(&e),
    };
    if g.version {
        return Outcome::ok(format!("{VERSION}\n"));
    }
    let m = model();
    let Some(service) = rest.first() else {
        return Outcome::error_as(
            g.error_format,
            &CliError::Usage("the following arguments are required: command".into()),
        );
    };
    if service == "help" {
        return Outcome::ok(help::top_level());
    }
    if service != "kinesis" {
        let mut out =
            Outcome::error_as(g.error_format, &invalid_choice("command", service, &["kinesis".into(), "help".into()]));
        out.hints.push(format!(
            "This playground simulates only Amazon Kinesis Data Streams: `aws kinesis ...`; `{service}` is not available here."
        ));
        return out;
    }
    // The CLI compiles `--query` once the global options are parsed, before it looks at the operation.
    if let Some(q) = &g.query {
        if let Err(e) = query::check(q) {
            return Outcome::error_as(g.error_format, &query_error(q, &e));
        }
    }
    let Some(op_cli) = rest.get(1) else {
        return Outcome::error_as(
            g.error_format,
            &CliError::Usage("the following arguments are required: operation".into()),
        );
    };
    let op_args = &rest[2..];
    match op_cli.as_str() {
        "help" => return Outcome::ok(help::service()),
        "wait" => {
            let mut out = waiters::run(engine, op_args, &g);
            if let Some(name) = op_args.first().filter(|n| m.waiters.contains_key(n)) {
                if op_args.get(1).is_none_or(|a| a != "help") {
                    out.calls.push(ApiCall::waiter(name, out.exit_code == 0));
                }
            }
            return out;
        }
        _ => {}
    }
    let Some((op_name, op)) = m.operation_by_cli(op_cli) else {
        if m.all_operations.iter().any(|o| o == op_cli) {
            let mut out = Outcome::error_as(
                g.error_format,
                &CliError::General(format!("aws kinesis {op_cli}: this operation is not simulated by the playground.")),
            );
            out.hints.push("Run `aws kinesis help` for the operations the playground simulates.".into());
            return out;
        }
        let mut choices = m.all_operations.clone();
        choices.push("wait".into());
        choices.push("help".into());
        let mut out = Outcome::error_as(g.error_format, &invalid_choice("operation", op_cli, &choices));
        if op_cli == "subscribe-to-shard" {
            out.hints.push(hints::SUBSCRIBE_TO_SHARD.into());
        }
        return out;
    };
    if op_args.len() == 1 && op_args[0] == "help" {
        return Outcome::ok(help::operation(op_name, op));
    }
    let call = match args::parse_call(m, op, op_args, &g) {
        Ok(c) => c,
        Err(e) => {
            let mut out = Outcome::error_as(g.error_format, &e);
            out.hints = hints::for_error(&e, raw_words, &g, None);
            out.calls.push(ApiCall::refused(op_name, &e));
            return out;
        }
    };
    let result = paging::call(engine, m, op_name, op, &call.request, &call.paging, g.no_paginate);
    let api_call = match &result {
        Ok(paging::Response::Single(v)) => ApiCall::new(op_name, &call.request, Ok(v)),
        Ok(resp) => ApiCall::new(op_name, &call.request, Ok(&resp.full())),
        Err(e) => ApiCall::new(op_name, &call.request, Err(e)),
    };
    let mut out = match result {
        Ok(resp) => match render(&resp, &g, op_name) {
            Ok(stdout) => Outcome::ok(stdout),
            Err(e) => Outcome::error_as(g.error_format, &e),
        },
        Err(e) => {
            let mut out = Outcome::error_as(g.error_format, &e);
            out.hints = hints::for_error(&e, raw_words, &g, Some(&call.request));
            out.hints.extend(hints::for_stream_state(engine, &call.request));
            out
        }
    };
    let succeeded = out.exit_code == 0;
    out.hints.extend(hints::for_call(op_name, &call, raw_words, &g, succeeded));
    out.calls.push(api_call);
    out
}

/// A `--query` that does not compile is a bad parameter value (exit 252); one that fails while it runs (a function
/// given the wrong type, say) is printed as it is (exit 255).
fn query_error(q: &str, e: &query::QueryError) -> CliError {
    if e.is_syntax() {
        CliError::Param(format!("Bad value for --query {q}: {e}"))
    } else {
        CliError::General(e.to_string())
    }
}

/// Prints a response in the requested output format, after `--query`.
///
/// # Errors
/// A bad `--query`.
pub fn render(resp: &Response, g: &Globals, title: &str) -> Result<String, CliError> {
    let apply = |v: &Value| -> Result<Value, CliError> {
        match &g.query {
            None => Ok(v.clone()),
            Some(q) => query::search(q, v).map_err(|e| query_error(q, &e)),
        }
    };
    match g.output {
        OutputFormat::Text => {
            let mut s = String::new();
            for page in resp.text_pages() {
                let v = apply(&page)?;
                if g.query.is_some() || v != Value::Object(Default::default()) {
                    s.push_str(&text::format_text(&v));
                }
            }
            Ok(s)
        }
        OutputFormat::YamlStream => {
            // The CLI dumps each page (the query applied to it) as a one-item list.
            // A response that is `{}` after the query (an operation with no output) prints nothing.
            match resp {
                Response::Single(v) => {
                    let v = apply(v)?;
                    Ok(if v == Value::Object(Default::default()) { String::new() } else { yaml::to_yaml_stream(&v) })
                }
                Response::Paged { pages, .. } => {
                    let mut s = String::new();
                    for page in pages {
                        s.push_str(&yaml::to_yaml_stream(&apply(page)?));
                    }
                    Ok(s)
                }
            }
        }
        // The CLI's OffFormatter reads the pages and prints nothing (not even a failing --query).
        OutputFormat::Off => Ok(String::new()),
        OutputFormat::Json | OutputFormat::Table | OutputFormat::Yaml => {
            let v = apply(&resp.full())?;
            if v == Value::Object(Default::default()) {
                return Ok(String::new());
            }
            Ok(match g.output {
                OutputFormat::Json => output::to_json(&v),
                OutputFormat::Yaml => yaml::to_yaml(&v),
                _ => table::format_table(title, &v),
            })
        }
    }
}
