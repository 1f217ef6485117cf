//! Goal lines into [`Goal`]s (the syntax is in [`super`]).

use super::consumer;
use super::{Goal, ReaderOutcome};
use crate::cli::calls::kebab_to_pascal;
use crate::cli::model::model;
use crate::engine::{parse_shard_id, ErrorType, ShardIteratorType, StreamMode, StreamStatus};

/// The error types a `command OP failed ERROR` goal may name.
pub fn known_error_types() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = ErrorType::ALL.iter().map(|t| t.aws_name()).collect();
    v.extend(["ParamValidation", "WaiterError", "ClientError"]);
    v
}

/// Splits a goal line into words: spaces separate, `"..."` quotes (with `\"` and `\\` inside).
///
/// # Errors
/// An unclosed quote.
pub fn words(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        None => return Err("a quote (\") is never closed".into()),
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(n) => cur.push(n),
                            None => return Err("a quote (\") is never closed".into()),
                        },
                        Some(n) => cur.push(n),
                    }
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

const GOAL_FORMS: &str = "a goal starts with `stream`, `command`, `reader`, `put`, `clock`, `ran`, `consumer`, `subscription` or `app` (see lessons/README.md)";
impl Goal {
    /// Parses a goal (without its label). `start_ms` is the lesson's start time, for `clock after +DURATION`.
    ///
    /// # Errors
    /// A plain sentence saying what is wrong.
    pub fn parse(text: &str, start_ms: i64) -> Result<Goal, String> {
        let w = words(text)?;
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        match w.as_slice() {
            [] => Err(format!("this goal is empty: {GOAL_FORMS}")),
            ["stream", rest @ ..] => stream_goal(rest),
            ["command", rest @ ..] => command_goal(rest),
            ["reader", rest @ ..] => reader_goal(rest),
            ["consumer", rest @ ..] => consumer::consumer_goal(rest),
            ["subscription", rest @ ..] => consumer::subscription_goal(rest),
            ["app", rest @ ..] => consumer::app_goal(rest),
            ["ran"] => Err("a ran goal gives the start of a command: `ran sim consumer-app leases`".into()),
            ["ran", rest @ ..] => Ok(Goal::Ran { words: rest.iter().map(|w| (*w).to_string()).collect() }),
            ["put", what, rest @ ..] if *what == "throttled" || *what == "retried" => {
                let stream = match rest {
                    [] => None,
                    ["stream", name] => Some((*name).to_string()),
                    _ => return Err(format!("`put {what}` takes nothing more, or `stream NAME`")),
                };
                Ok(if *what == "throttled" { Goal::Throttled { stream } } else { Goal::Retried { stream } })
            }
            ["put", ..] => Err("a put goal is `put throttled` or `put retried` (optionally `stream NAME`)".into()),
            ["clock", "after", t] => {
                let at_ms = if let Some(d) = t.strip_prefix('+') {
                    crate::time::parse_duration(d)
                        .and_then(|d| start_ms.checked_add(d))
                        .ok_or_else(|| format!("`{t}` is not a duration such as +90s, +5m, +25h or +2d"))?
                } else {
                    crate::time::parse_iso(t)
                        .ok_or_else(|| format!("`{t}` is not a time such as 2024-01-02T00:00:00Z or +25h"))?
                };
                Ok(Goal::ClockAfter { at_ms, written: (*t).to_string() })
            }
            ["clock", ..] => {
                Err("a clock goal is `clock after TIME` (2024-01-02T00:00:00Z, or +25h from the start)".into())
            }
            [other, ..] => Err(format!("`{other}` is not a kind of goal: {GOAL_FORMS}")),
        }
    }
}

fn stream_goal(w: &[&str]) -> Result<Goal, String> {
    let [name, rest @ ..] = w else {
        return Err("a stream goal names the stream: `stream NAME exists`, `stream NAME status ACTIVE`, ...".into());
    };
    let stream = (*name).to_string();
    match rest {
        ["exists"] => Ok(Goal::StreamExists { stream, exists: true }),
        ["absent"] => Ok(Goal::StreamExists { stream, exists: false }),
        ["status", s] => {
            let status = [StreamStatus::Creating, StreamStatus::Active, StreamStatus::Updating, StreamStatus::Deleting]
                .into_iter()
                .find(|x| x.as_str() == *s)
                .ok_or_else(|| format!("`{s}` is not a stream status: CREATING, ACTIVE, UPDATING or DELETING"))?;
            Ok(Goal::StreamStatus { stream, status })
        }
        ["mode", m] => {
            let mode = StreamMode::parse(m).ok_or_else(|| format!("`{m}` is not a capacity mode: PROVISIONED or ON_DEMAND"))?;
            Ok(Goal::StreamMode { stream, mode })
        }
        ["open-shards", n] => Ok(Goal::OpenShards { stream, count: number(n, "a number of shards")? }),
        ["retention", h] => {
            let hours = number(h, "a number of hours")?;
            let hours = u32::try_from(hours).map_err(|_| format!("`{h}` hours is far too long"))?;
            Ok(Goal::Retention { stream, hours })
        }
        ["records", bound, n, filters @ ..] if *bound == "at-least" || *bound == "at-most" => {
            let count = number(n, "a number of records")?;
            let (mut key, mut shard) = (None, None);
            let mut f = filters;
            loop {
                match f {
                    [] => break,
                    ["key", k, more @ ..] if key.is_none() => {
                        key = Some((*k).to_string());
                        f = more;
                    }
                    ["shard", s, more @ ..] if shard.is_none() => {
                        shard = Some(shard_number(s)?);
                        f = more;
                    }
                    _ => return Err("after the count, a records goal takes `key P` and `shard S` (each once)".into()),
                }
            }
            Ok(Goal::Records { stream, at_least: *bound == "at-least", count, key, shard })
        }
        ["records", ..] => Err("a records goal is `stream NAME records at-least K` (or `at-most K`), optionally `key P`, `shard S`".into()),
        ["split"] => Ok(Goal::Split { stream }),
        ["merged"] => Ok(Goal::Merged { stream }),
        [what, ..] => Err(format!(
            "`{what}` is not something a stream goal checks: exists, absent, status, mode, open-shards, retention, records, split, merged"
        )),
        [] => Err(format!("say what to check of stream {stream}: exists, status ACTIVE, open-shards 2, ...")),
    }
}

pub(in crate::lesson) fn shard_number(s: &str) -> Result<u32, String> {
    parse_shard_id(s)
        .or_else(|| s.parse().ok())
        .ok_or_else(|| format!("`{s}` is not a shard (shardId-000000000001, or 1)"))
}

fn number(text: &str, what: &str) -> Result<usize, String> {
    text.parse().map_err(|_| format!("`{text}` is not {what}"))
}

fn command_goal(w: &[&str]) -> Result<Goal, String> {
    let (operation, waiter, rest) = match w {
        ["wait", name, rest @ ..] => {
            if !model().waiters.contains_key(name) {
                let names: Vec<&str> = model().waiters.keys().map(String::as_str).collect();
                return Err(format!("`wait {name}` is not a waiter of the CLI: {}", names.join(", ")));
            }
            (kebab_to_pascal(name), true, rest)
        }
        // Not a command of AWS CLI v2, but of the playground: `sim subscribe-to-shard` makes the call.
        ["subscribe-to-shard", rest @ ..] => ("SubscribeToShard".to_string(), false, rest),
        [op, rest @ ..] => {
            let Some((name, _)) = model().operation_by_cli(op) else {
                return Err(format!(
                    "`{op}` is not an operation the playground simulates (write it as the CLI does: put-record)"
                ));
            };
            (name.to_string(), false, rest)
        }
        [] => return Err("a command goal names the operation: `command put-record succeeded`".into()),
    };
    match rest {
        ["succeeded"] => Ok(Goal::Succeeded { operation, waiter, args: Vec::new() }),
        ["succeeded", "with", pairs @ ..] if !pairs.is_empty() && pairs.len() % 2 == 0 => {
            let mut args = Vec::new();
            for p in pairs.chunks(2) {
                if !p[0].starts_with("--") {
                    return Err(format!("`{}` is not an option: write `with --option VALUE ...`", p[0]));
                }
                args.push((p[0].to_string(), p[1].to_string()));
            }
            Ok(Goal::Succeeded { operation, waiter, args })
        }
        ["succeeded", "with", ..] => Err("after `with`, give options with their values: `with --shard-iterator-type LATEST`".into()),
        ["failed"] => Ok(Goal::Failed { operation, waiter, error: None }),
        ["failed", e] => {
            let known = known_error_types();
            if !known.contains(e) {
                return Err(format!("`{e}` is not an error type the playground answers: {}", known.join(", ")));
            }
            Ok(Goal::Failed { operation, waiter, error: Some((*e).to_string()) })
        }
        _ => Err("a command goal ends with `succeeded` (optionally `with --option VALUE`) or `failed` (optionally an error type)".into()),
    }
}

fn reader_goal(w: &[&str]) -> Result<Goal, String> {
    let (t, outcome, shard) = match w {
        [t, outcome] => (t, outcome, None),
        [t, outcome, "shard", s] => (t, outcome, Some(shard_number(s)?)),
        _ => return Err(
            "a reader goal is `reader TYPE records`, `tip`, `empty` or `end`, optionally `shard S` (TYPE may be `any`)"
                .into(),
        ),
    };
    let iterator_type = type_or_any(t, "an iterator type")?;
    let outcome = match *outcome {
        "records" => ReaderOutcome::Records,
        "tip" => ReaderOutcome::Tip,
        "empty" => ReaderOutcome::Empty,
        "end" => ReaderOutcome::End,
        other => return Err(format!("`{other}` is not what a reader goal checks: records, tip, empty or end")),
    };
    Ok(Goal::Reader { iterator_type, outcome, shard })
}

/// A goal's TYPE word: one of the five iterator types (a reader's, or a subscription's starting position), or `any`
/// (`None`). `what` names it in the refusal.
pub(super) fn type_or_any(t: &str, what: &str) -> Result<Option<ShardIteratorType>, String> {
    if t == "any" {
        return Ok(None);
    }
    ShardIteratorType::parse(t).map(Some).ok_or_else(|| {
        format!(
            "`{t}` is not {what}: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP or any"
        )
    })
}
