//! What a step talks about, so that the page's views can point at it: the shards (a lane, a hash key range), the
//! partition keys (record rows) and the readers (by iterator type) of the current step.
//!
//! A step's focus comes from its `focus:` line when it has one (`focus: shard 1 key alice reader LATEST`, or
//! `focus: none`), otherwise from its goals: a records goal's key and shard, a reader or subscription goal's
//! iterator type and shard, a command goal's `--shard-id`, `--shard-to-split`, `--partition-key`,
//! `--shard-iterator-type` and `--stream-name`, an application's `shard-end shard S`.

use super::goal::shard_number;
use super::goal::AppCheck;
use super::{Goal, GoalSpec};
use crate::engine::ShardIteratorType;

/// The subjects of a step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Focus {
    /// The stream they are in, when the step names one (any stream otherwise).
    pub stream: Option<String>,
    /// Shards, by index.
    pub shards: Vec<u32>,
    /// Partition keys.
    pub keys: Vec<String>,
    /// Readers, by the type of iterator they started from.
    pub readers: Vec<ShardIteratorType>,
}

fn push<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

impl Focus {
    /// Reads a `focus:` line's words: `stream NAME`, `shard S`, `key P`, `reader TYPE`, each as often as needed, or
    /// `none` (point at nothing).
    ///
    /// # Errors
    /// A plain sentence saying what is wrong.
    pub fn parse(text: &str) -> Result<Focus, String> {
        let words = super::goal::words(text)?;
        let mut f = Focus::default();
        if words == ["none"] {
            return Ok(f);
        }
        let mut w = words.iter().map(String::as_str);
        while let Some(what) = w.next() {
            let Some(value) = w.next() else {
                return Err(format!("`focus: ... {what}` needs a value after it"));
            };
            match what {
                "stream" => f.stream = Some(value.to_string()),
                "shard" => push(&mut f.shards, shard_number(value)?),
                "key" => push(&mut f.keys, value.to_string()),
                "reader" => push(
                    &mut f.readers,
                    ShardIteratorType::parse(value)
                        .ok_or_else(|| format!("`{value}` is not an iterator type (TRIM_HORIZON, LATEST, ...)"))?,
                ),
                _ => {
                    return Err(format!(
                        "`{what}` is not something a step points at: `focus:` takes `stream NAME`, `shard S`, `key P`, `reader TYPE`, or `none`"
                    ))
                }
            }
        }
        if f.is_empty() && f.stream.is_none() {
            return Err(
                "`focus:` names what the step is about (`shard 1`, `key alice`, `reader LATEST`) or `none`".into()
            );
        }
        Ok(f)
    }

    /// What the goals talk about.
    pub fn of_goals(goals: &[GoalSpec]) -> Focus {
        let mut f = Focus::default();
        for g in goals {
            match &g.goal {
                Goal::Records { stream, key, shard, .. } => {
                    f.stream.get_or_insert_with(|| stream.clone());
                    key.iter().for_each(|k| push(&mut f.keys, k.clone()));
                    shard.iter().for_each(|s| push(&mut f.shards, *s));
                }
                Goal::Reader { iterator_type, shard, .. } => {
                    iterator_type.iter().for_each(|t| push(&mut f.readers, *t));
                    shard.iter().for_each(|s| push(&mut f.shards, *s));
                }
                Goal::Subscription { shard, .. } => shard.iter().for_each(|s| push(&mut f.shards, *s)),
                Goal::App { check: AppCheck::ShardEnd(Some(s)), .. } => push(&mut f.shards, *s),
                Goal::Succeeded { args, .. } => {
                    for (option, value) in args.iter().filter(|(_, v)| v != "*") {
                        match option.as_str() {
                            "--stream-name" => {
                                f.stream.get_or_insert_with(|| value.clone());
                            }
                            "--shard-id" | "--shard-to-split" => {
                                if let Ok(s) = shard_number(value) {
                                    push(&mut f.shards, s);
                                }
                            }
                            "--partition-key" => push(&mut f.keys, value.clone()),
                            "--shard-iterator-type" => {
                                if let Some(t) = ShardIteratorType::parse(value) {
                                    push(&mut f.readers, t);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        f
    }

    /// True when the step points at nothing.
    pub fn is_empty(&self) -> bool {
        self.shards.is_empty() && self.keys.is_empty() && self.readers.is_empty()
    }

    fn in_stream(&self, stream: &str) -> bool {
        self.stream.as_deref().is_none_or(|s| s == stream)
    }

    /// Whether the step talks about this shard of `stream`.
    pub fn has_shard(&self, stream: &str, index: u32) -> bool {
        self.in_stream(stream) && self.shards.contains(&index)
    }

    /// Whether the step talks about records with this partition key in `stream`.
    pub fn has_key(&self, stream: &str, key: &str) -> bool {
        self.in_stream(stream) && self.keys.iter().any(|k| k == key)
    }

    /// Whether the step talks about a reader that started from `iterator_type` (as the page writes it,
    /// `TRIM_HORIZON`) on this shard of `stream`: its type is named, and its shard too when the step names shards.
    pub fn has_reader(&self, stream: &str, iterator_type: &str, shard: u32) -> bool {
        self.in_stream(stream)
            && ShardIteratorType::parse(iterator_type).is_some_and(|t| self.readers.contains(&t))
            && (self.shards.is_empty() || self.shards.contains(&shard))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> GoalSpec {
        GoalSpec { goal: Goal::parse(text, 0).unwrap(), label: String::new(), text: Vec::new(), line: 1 }
    }

    #[test]
    fn goals_say_what_a_step_is_about() {
        let f = Focus::of_goals(&[
            spec("stream DemoStream records at-least 4 key 1"),
            spec("command put-record succeeded with --partition-key 1 --stream-name Other"),
            spec("reader TRIM_HORIZON records shard 1"),
            spec("command split-shard succeeded with --shard-to-split shardId-000000000002"),
            spec("command get-shard-iterator succeeded with --shard-iterator-type LATEST --shard-id *"),
        ]);
        assert_eq!(f.stream.as_deref(), Some("DemoStream"));
        assert_eq!(f.keys, ["1"]);
        assert_eq!(f.shards, [1, 2]);
        assert_eq!(f.readers, [ShardIteratorType::TrimHorizon, ShardIteratorType::Latest]);
        assert!(f.has_shard("DemoStream", 1) && !f.has_shard("Other", 1) && !f.has_shard("DemoStream", 0));
        assert!(f.has_key("DemoStream", "1") && !f.has_key("DemoStream", "2"));
        assert!(f.has_reader("DemoStream", "LATEST", 2) && !f.has_reader("DemoStream", "LATEST", 0));
        assert!(!f.has_reader("DemoStream", "AT_TIMESTAMP", 1));
        assert!(Focus::of_goals(&[spec("stream S exists"), spec("clock after +1h")]).is_empty());
    }

    #[test]
    fn a_focus_line_is_read_or_refused() {
        let f = Focus::parse("shard 3 key \"a b\" reader AT_TIMESTAMP stream S").unwrap();
        assert_eq!(
            (f.shards, f.keys, f.readers),
            (vec![3], vec!["a b".to_string()], vec![ShardIteratorType::AtTimestamp])
        );
        assert_eq!(Focus::parse("none").unwrap(), Focus::default());
        assert!(Focus::parse("lane 3").unwrap_err().contains("lane"));
        assert!(Focus::parse("shard").unwrap_err().contains("needs a value"));
        assert!(Focus::parse("shard x").unwrap_err().contains("not a shard"));
        assert!(Focus::parse("reader SOON").unwrap_err().contains("SOON"));
        assert!(Focus::parse("").unwrap_err().contains("names what"));
    }
}
