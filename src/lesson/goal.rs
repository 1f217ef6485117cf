//! Goals: declarative checks of the engine's state and of the commands run, never of printed text.
//!
//! One goal per line in a step's `### Goals` list, words separated by spaces (`"..."` quotes a word with spaces), an
//! optional `| label` giving the text the learner sees (otherwise [`Goal::describe`] writes one):
//!
//! | goal | met when |
//! |---|---|
//! | `stream NAME exists` / `stream NAME absent` | the stream is listed / is not |
//! | `stream NAME status ACTIVE` | its status is that (`CREATING`, `ACTIVE`, `UPDATING`, `DELETING`) |
//! | `stream NAME mode ON_DEMAND` | its capacity mode is that (`PROVISIONED`, `ON_DEMAND`) |
//! | `stream NAME open-shards N` | exactly N shards are open |
//! | `stream NAME retention H` | its retention period is H hours |
//! | `stream NAME records at-least K [key P] [shard S]` | at least K records are retained (with partition key P, in shard S) |
//! | `stream NAME records at-most K [key P] [shard S]` | at most K are (after trimming, say) |
//! | `stream NAME split` / `stream NAME merged` | one of its shards came from a split / a merge |
//! | `command OP succeeded [with --option VALUE ...]` | an `aws kinesis OP` succeeded this step (with those arguments; `*`: any value) |
//! | `command OP failed [ERROR]` | one failed this step (with that error type, e.g. `ExpiredIteratorException`) |
//! | `reader TYPE records [shard S]` | a get-records through a `TYPE` iterator (`any`: any type; in shard S) returned records, this step |
//! | `reader TYPE tip` / `empty` / `end` `[shard S]` | ... answered `MillisBehindLatest` 0 / returned no records / had no `NextShardIterator` (the end of a closed shard) |
//! | `put throttled [stream NAME]` | a put-record was refused, or a put-records entry failed, with ProvisionedThroughputExceededException, this step |
//! | `put retried [stream NAME]` | after a throttled put (in this lesson), a put got every record in, this step |
//! | `clock after TIME` | the simulated clock is at or past TIME (`2024-01-02T00:00:00Z`, or `+25h` from the lesson's start) |
//! | `ran WORDS...` | a console command beginning with these words (`ran sim consumer-app leases`) succeeded this step |
//!
//! The consumer side (`consumer ...`, `subscription ...`, `app ...`) is in [`super::consumer_goals`].
//!
//! State goals (`stream ...`, `consumer ...`, `app ...`, `clock ...`) are checked against the state as it is now;
//! the others against the commands run during the step, and stay met once met.

use super::consumer_goals::{self, AppCheck, SubscriptionOutcome};
use crate::cli::calls::{kebab_to_pascal, ApiCall, CallDetail};
use crate::cli::model::model;
use crate::cli::{Console, ExecutedCommand};
use crate::engine::fan_out::ConsumerStatus;
use crate::engine::{parse_shard_id, ErrorType, ShardIteratorType, StreamMode, StreamStatus};
use serde_json::Value;

/// One check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Goal {
    /// The stream exists (`true`) or does not (`false`).
    StreamExists { stream: String, exists: bool },
    /// The stream has this status.
    StreamStatus { stream: String, status: StreamStatus },
    /// The stream has this capacity mode.
    StreamMode { stream: String, mode: StreamMode },
    /// Exactly this many open shards.
    OpenShards { stream: String, count: usize },
    /// This retention period, in hours.
    Retention { stream: String, hours: u32 },
    /// At least (or at most) `count` retained records, optionally with a partition key, optionally in one shard.
    Records { stream: String, at_least: bool, count: usize, key: Option<String>, shard: Option<u32> },
    /// A shard of the stream came from a split.
    Split { stream: String },
    /// A shard of the stream came from a merge.
    Merged { stream: String },
    /// A command of this operation (PascalCase; a waiter's name when `waiter`) succeeded, with these request
    /// members (member name as the option was written, value) when given.
    Succeeded { operation: String, waiter: bool, args: Vec<(String, String)> },
    /// A command of this operation failed, with this error type when given.
    Failed { operation: String, waiter: bool, error: Option<String> },
    /// A get-records through an iterator of this type (any type when `None`) gave this result.
    Reader { iterator_type: Option<ShardIteratorType>, outcome: ReaderOutcome, shard: Option<u32> },
    /// A put was throttled.
    Throttled { stream: Option<String> },
    /// After a throttled put, a put got every record in.
    Retried { stream: Option<String> },
    /// The clock is at or past this time (epoch ms); `relative` keeps how it was written.
    ClockAfter { at_ms: i64, written: String },
    /// A console command beginning with these words succeeded.
    Ran { words: Vec<String> },
    /// An enhanced fan-out consumer of this name is registered (`true`) or not, in `stream` when given.
    ConsumerExists { consumer: String, stream: Option<String>, exists: bool },
    /// The consumer has this status.
    ConsumerStatus { consumer: String, stream: Option<String>, status: ConsumerStatus },
    /// A `sim subscribe-to-shard` from this starting position (any when `None`) pushed this.
    Subscription { position: Option<ShardIteratorType>, outcome: SubscriptionOutcome, shard: Option<u32> },
    /// A consumer application's leases, workers or checkpoints.
    App { app: String, check: AppCheck },
}

/// What a reader goal asks of a get-records answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReaderOutcome {
    /// At least one record.
    Records,
    /// `MillisBehindLatest` 0.
    Tip,
    /// No records.
    Empty,
    /// No `NextShardIterator`: a closed shard read to its end.
    End,
}

/// What a goal looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalKind {
    /// The state as it is now (re-checked every time).
    State,
    /// The commands run during the step (met once, stays met).
    Commands,
}

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
            ["consumer", rest @ ..] => consumer_goals::consumer_goal(rest),
            ["subscription", rest @ ..] => consumer_goals::subscription_goal(rest),
            ["app", rest @ ..] => consumer_goals::app_goal(rest),
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

    /// Whether the goal looks at the state now or at the commands of the step.
    pub fn kind(&self) -> GoalKind {
        match self {
            Goal::StreamExists { .. }
            | Goal::StreamStatus { .. }
            | Goal::StreamMode { .. }
            | Goal::OpenShards { .. }
            | Goal::Retention { .. }
            | Goal::Records { .. }
            | Goal::Split { .. }
            | Goal::Merged { .. }
            | Goal::ClockAfter { .. }
            | Goal::ConsumerExists { .. }
            | Goal::ConsumerStatus { .. }
            | Goal::App { .. } => GoalKind::State,
            Goal::Succeeded { .. }
            | Goal::Failed { .. }
            | Goal::Reader { .. }
            | Goal::Throttled { .. }
            | Goal::Retried { .. }
            | Goal::Ran { .. }
            | Goal::Subscription { .. } => GoalKind::Commands,
        }
    }

    /// A sentence for the learner, used when the lesson gives no label.
    pub fn describe(&self) -> String {
        if let Some(s) = consumer_goals::describe(self) {
            return s;
        }
        match self {
            Goal::StreamExists { stream, exists: true } => format!("Stream {stream} exists"),
            Goal::StreamExists { stream, exists: false } => format!("Stream {stream} no longer exists"),
            Goal::StreamStatus { stream, status } => format!("Stream {stream} is {}", status.as_str()),
            Goal::StreamMode { stream, mode } => format!("Stream {stream} is in {} mode", mode.as_str()),
            Goal::OpenShards { stream, count } => {
                format!("Stream {stream} has {count} open shard{}", if *count == 1 { "" } else { "s" })
            }
            Goal::Retention { stream, hours } => format!("Stream {stream} keeps records for {hours} hours"),
            Goal::Records { stream, at_least, count, key, shard } => {
                let mut s = format!(
                    "{} {count} record{} in {stream}",
                    if *at_least { "At least" } else { "At most" },
                    if *count == 1 { "" } else { "s" }
                );
                if let Some(k) = key {
                    s.push_str(&format!(" with partition key {k}"));
                }
                if let Some(i) = shard {
                    s.push_str(&format!(" in {}", crate::engine::shard_id(*i)));
                }
                s
            }
            Goal::Split { stream } => format!("A shard of {stream} was split"),
            Goal::Merged { stream } => format!("Two shards of {stream} were merged"),
            Goal::Succeeded { operation, waiter, args } => {
                let mut s = format!("`{}` succeeded", command_name(operation, *waiter));
                if !args.is_empty() {
                    let a: Vec<String> = args.iter().map(|(k, v)| format!("{k} {v}")).collect();
                    s.push_str(&format!(" with {}", a.join(" ")));
                }
                s
            }
            Goal::Failed { operation, waiter, error } => match error {
                Some(e) => format!("`{}` failed with {e}", command_name(operation, *waiter)),
                None => format!("`{}` failed", command_name(operation, *waiter)),
            },
            Goal::Reader { iterator_type, outcome, shard } => {
                let mut who = match iterator_type {
                    Some(t) => format!("A get-records through a {} iterator", t.as_str()),
                    None => "A get-records".to_string(),
                };
                if let Some(i) = shard {
                    who.push_str(&format!(" of {}", crate::engine::shard_id(*i)));
                }
                match outcome {
                    ReaderOutcome::Records => format!("{who} returned records"),
                    ReaderOutcome::Tip => format!("{who} reached the tip (MillisBehindLatest 0)"),
                    ReaderOutcome::Empty => format!("{who} returned no records"),
                    ReaderOutcome::End => format!("{who} read the closed shard to its end"),
                }
            }
            Goal::Throttled { stream } => match stream {
                Some(s) => format!("A write to {s} was throttled"),
                None => "A write was throttled".to_string(),
            },
            Goal::Retried { stream } => match stream {
                Some(s) => format!("After a throttled write, every record got into {s}"),
                None => "After a throttled write, every record got in".to_string(),
            },
            Goal::ClockAfter { at_ms, .. } => {
                format!("The clock has passed {}", crate::time::format_iso(*at_ms))
            }
            Goal::Ran { words } => format!("`{}` ran", words.join(" ")),
            // Described by consumer_goals above.
            Goal::ConsumerExists { .. }
            | Goal::ConsumerStatus { .. }
            | Goal::Subscription { .. }
            | Goal::App { .. } => String::new(),
        }
    }

    /// Checks a state goal against the console's engine and simulation (`false` for a command goal).
    pub fn met_by_state(&self, console: &Console) -> bool {
        let engine = console.engine();
        let stream = |name: &str| engine.stream(name);
        match self {
            Goal::StreamExists { stream: s, exists } => stream(s).is_some() == *exists,
            Goal::StreamStatus { stream: s, status } => stream(s).is_some_and(|st| st.status == *status),
            Goal::StreamMode { stream: s, mode } => stream(s).is_some_and(|st| st.mode == *mode),
            Goal::OpenShards { stream: s, count } => stream(s).is_some_and(|st| st.open_shard_count() == *count),
            Goal::Retention { stream: s, hours } => stream(s).is_some_and(|st| st.retention_hours == *hours),
            Goal::Records { stream: s, at_least, count, key, shard } => stream(s).is_some_and(|st| {
                let n: usize = st
                    .shards
                    .iter()
                    .filter(|sh| shard.is_none_or(|i| sh.index == i))
                    .map(|sh| match key {
                        None => sh.record_count(),
                        Some(k) => sh.records().filter(|r| r.partition_key == k).count(),
                    })
                    .sum();
                if *at_least {
                    n >= *count
                } else {
                    n <= *count
                }
            }),
            Goal::Split { stream: s } => stream(s).is_some_and(|st| {
                st.shards.iter().any(|sh| sh.parent_index.is_some() && sh.adjacent_parent_index.is_none())
            }),
            Goal::Merged { stream: s } => {
                stream(s).is_some_and(|st| st.shards.iter().any(|sh| sh.adjacent_parent_index.is_some()))
            }
            Goal::ClockAfter { at_ms, .. } => engine.now_ms() >= *at_ms,
            Goal::ConsumerExists { .. } | Goal::ConsumerStatus { .. } | Goal::App { .. } => {
                consumer_goals::met_by_state(self, console)
            }
            _ => false,
        }
    }

    /// Checks a `ran` goal against one command the console executed (`false` for other goals).
    pub fn met_by_command(&self, command: &ExecutedCommand) -> bool {
        match self {
            Goal::Ran { words } => {
                command.exit_code == 0 && {
                    let mut ran = command.text.split_whitespace();
                    words.iter().all(|w| ran.next() == Some(w.as_str()))
                }
            }
            _ => false,
        }
    }

    /// Checks a command goal against one call (`false` for a state goal). `throttled_before` says whether a put was
    /// throttled earlier in the lesson (for `put retried`).
    pub fn met_by_call(&self, call: &ApiCall, throttled_before: bool) -> bool {
        match self {
            Goal::Succeeded { operation, waiter, args } => {
                call.succeeded()
                    && call.waiter == *waiter
                    && call.operation == *operation
                    && args.iter().all(|(k, v)| request_has(&call.request, k, v))
            }
            Goal::Failed { operation, waiter, error } => {
                call.waiter == *waiter
                    && call.operation == *operation
                    && match (&call.error, error) {
                        (Some(_), None) => true,
                        (Some(got), Some(want)) => got == want,
                        (None, _) => false,
                    }
            }
            Goal::Reader { iterator_type, outcome, shard } => match &call.detail {
                CallDetail::Records {
                    iterator_type: used,
                    shard: read,
                    records,
                    millis_behind_latest,
                    next_iterator,
                } => {
                    (iterator_type.is_none() || *iterator_type == *used)
                        && (shard.is_none() || *shard == *read)
                        && match outcome {
                            ReaderOutcome::Records => *records > 0,
                            ReaderOutcome::Tip => *millis_behind_latest == Some(0),
                            ReaderOutcome::Empty => *records == 0,
                            ReaderOutcome::End => next_iterator.is_none(),
                        }
                }
                _ => false,
            },
            Goal::Subscription { position, outcome, shard } => match &call.detail {
                CallDetail::Subscription { position: used, shard: read, events, records } => {
                    (position.is_none() || *position == *used)
                        && (shard.is_none() || *shard == *read)
                        && match outcome {
                            SubscriptionOutcome::Records => *records > 0,
                            SubscriptionOutcome::Events => *events > 0,
                        }
                }
                _ => false,
            },
            Goal::Throttled { stream } => call.put_throttled() && stream_matches(stream, call),
            Goal::Retried { stream } => {
                throttled_before
                    && stream_matches(stream, call)
                    && call.succeeded()
                    && match (&call.detail, call.operation.as_str()) {
                        (CallDetail::PutRecords { failed, .. }, _) => *failed == 0,
                        (_, "PutRecord") => true,
                        _ => false,
                    }
            }
            _ => false,
        }
    }
}

fn stream_matches(stream: &Option<String>, call: &ApiCall) -> bool {
    stream.as_deref().is_none_or(|s| call.stream_name() == Some(s))
}

/// `put-record`, `wait stream-exists`.
fn command_name(operation: &str, waiter: bool) -> String {
    let mut kebab = String::new();
    for (i, c) in operation.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            kebab.push('-');
        }
        kebab.push(c.to_ascii_lowercase());
    }
    if waiter {
        format!("wait {kebab}")
    } else {
        kebab
    }
}

/// `--shard-iterator-type` matches `ShardIteratorType`, `--stream-arn` matches `StreamARN`: names compared without
/// dashes, ignoring case. Scalars compare as text; a list matches when one of its items does.
fn request_has(request: &Value, option: &str, want: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|c| *c != '-').collect::<String>().to_ascii_lowercase();
    let key = norm(option);
    let Some(obj) = request.as_object() else { return false };
    let Some((_, v)) = obj.iter().find(|(k, _)| norm(k) == key) else { return false };
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    if want == "*" {
        return true;
    }
    match v {
        Value::Array(items) => items.iter().any(|i| text(i).as_deref() == Some(want)),
        other => text(other).as_deref() == Some(want),
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

pub(super) fn shard_number(s: &str) -> Result<u32, String> {
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
    let iterator_type = if *t == "any" {
        None
    } else {
        Some(ShardIteratorType::parse(t).ok_or_else(|| {
            format!("`{t}` is not an iterator type: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP or any")
        })?)
    };
    let outcome = match *outcome {
        "records" => ReaderOutcome::Records,
        "tip" => ReaderOutcome::Tip,
        "empty" => ReaderOutcome::Empty,
        "end" => ReaderOutcome::End,
        other => return Err(format!("`{other}` is not what a reader goal checks: records, tip, empty or end")),
    };
    Ok(Goal::Reader { iterator_type, outcome, shard })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_parse_and_describe() {
        let g = |t: &str| Goal::parse(t, 0).map(|g| g.describe());
        assert_eq!(g("stream DemoStream status ACTIVE").unwrap(), "Stream DemoStream is ACTIVE");
        assert_eq!(
            g("stream S records at-least 4 key \"a b\" shard shardId-000000000001").unwrap(),
            "At least 4 records in S with partition key a b in shardId-000000000001"
        );
        assert_eq!(
            g("command get-records failed ExpiredIteratorException").unwrap(),
            "`get-records` failed with ExpiredIteratorException"
        );
        assert_eq!(g("command wait stream-exists succeeded").unwrap(), "`wait stream-exists` succeeded");
        assert_eq!(
            g("reader TRIM_HORIZON records").unwrap(),
            "A get-records through a TRIM_HORIZON iterator returned records"
        );
        assert!(g("clock after +1h").unwrap().starts_with("The clock has passed 1970-01-01T01:00:00"));
        assert!(g("stream S explodes").unwrap_err().contains("explodes"));
        assert!(g("command put-recordz succeeded").unwrap_err().contains("put-recordz"));
        assert!(g("command put-record failed Boom").unwrap_err().contains("Boom"));
        assert!(g("teleport").unwrap_err().contains("not a kind of goal"));
        assert!(g("stream \"S").unwrap_err().contains("quote"));
    }

    #[test]
    fn arguments_match_request_members() {
        let req = serde_json::json!({"ShardIteratorType": "LATEST", "StreamARN": "arn", "Limit": 5});
        assert!(request_has(&req, "--shard-iterator-type", "LATEST"));
        assert!(request_has(&req, "--stream-arn", "arn"));
        assert!(request_has(&req, "--limit", "5"));
        assert!(!request_has(&req, "--limit", "6"));
        assert!(!request_has(&req, "--stream-name", "x"));
    }
}
