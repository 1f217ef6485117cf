//! `aws kinesis wait stream-exists | stream-not-exists`: botocore waiters over the simulated clock.
//!
//! Each attempt calls the waiter's operation; an acceptor that matches ends the wait (success or failure); an
//! unmatched service error fails it; otherwise the simulated clock advances by the waiter's delay (10 s) and the
//! waiter tries again, up to `max_attempts` (18) times. Failures print `Waiter <Name> failed: <reason>` (exit 255).

use crate::cli::aws::args::{self, Globals};
use crate::cli::aws::errors::{invalid_choice, CliError};
use crate::cli::aws::Outcome;
use crate::cli::model::{model, Waiter};
use crate::cli::output::normalize;
use crate::cli::query::path;
use crate::engine::Engine;
use serde_json::Value;

/// Runs `aws kinesis wait <args...>`.
pub fn run(engine: &mut Engine, args: &[String], g: &Globals) -> Outcome {
    let m = model();
    let Some(name) = args.first() else {
        // `BasicCommand._raise_usage_error`: the CLI writes the second prefix into the message itself.
        return Outcome::error_as(
            g.error_format,
            &CliError::Param(
                "usage: aws [options] kinesis wait <subcommand> [parameters]\naws: [ERROR]: too few arguments".into(),
            ),
        );
    };
    if name == "help" {
        return Outcome::ok(crate::cli::aws::help::wait());
    }
    let Some(w) = m.waiters.get(name) else {
        let choices: Vec<String> = m.waiters.keys().cloned().chain(["help".to_string()]).collect();
        return Outcome::error_as(g.error_format, &invalid_choice("subcommand", name, &choices));
    };
    let Some(op) = m.operations.get(&w.operation) else {
        return Outcome::error_as(g.error_format, &CliError::General(format!("Waiter {} is not available.", w.name)));
    };
    if args.len() == 2 && args[1] == "help" {
        return Outcome::ok(crate::cli::aws::help::waiter(name, w, op));
    }
    let call = match args::parse_call(m, op, &args[1..], g) {
        Ok(c) => c,
        Err(e) => return Outcome::error_as(g.error_format, &e),
    };
    let output_shape = op.output.clone().unwrap_or_default();
    for attempt in 1..=w.max_attempts {
        let response = crate::api::call(engine, &w.operation, &call.request).map(|v| normalize(m, &output_shape, &v));
        match matched(w, &response) {
            Some("success") => return Outcome::default(),
            Some(_) => {
                return failure(
                    w,
                    "Waiter encountered a terminal failure state: For expression \"acceptor\" we matched expected path"
                        .into(),
                )
            }
            None => {
                if let Err(e) = &response {
                    return failure(w, format!("An error occurred ({}): {}", e.error_type.aws_name(), e.message));
                }
            }
        }
        if attempt < w.max_attempts {
            engine.advance(w.delay * 1000);
        }
    }
    failure(w, "Max attempts exceeded".into())
}

fn failure(w: &Waiter, reason: String) -> Outcome {
    Outcome::error(&CliError::General(format!("Waiter {} failed: {reason}", w.name)))
}

fn matched<'w>(w: &'w Waiter, response: &Result<Value, crate::engine::KinesisError>) -> Option<&'w str> {
    for a in &w.acceptors {
        let hit = match (a.matcher.as_str(), response) {
            ("path", Ok(v)) => a.argument.as_deref().is_some_and(|p| path(p, v) == a.expected),
            ("error", Err(e)) => a.expected.as_str() == Some(e.error_type.aws_name()),
            _ => false,
        };
        if hit {
            return Some(a.state.as_str());
        }
    }
    None
}
