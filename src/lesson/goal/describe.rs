//! The sentence a goal shows when the lesson gives it no label.

use super::check::command_name;
use super::consumer;
use super::{Goal, ReaderOutcome};

impl Goal {
    /// A sentence for the learner, used when the lesson gives no label.
    pub fn describe(&self) -> String {
        if let Some(s) = consumer::describe(self) {
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
}
