//! Whether a goal is met: by the state now, or by a command or call of the step.

use super::consumer::{self, SubscriptionOutcome};
use super::{Goal, ReaderOutcome};
use crate::cli::calls::{ApiCall, CallDetail};
use crate::cli::{Console, ExecutedCommand};
use serde_json::Value;

impl Goal {
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
                consumer::met_by_state(self, console)
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
pub(super) fn command_name(operation: &str, waiter: bool) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
