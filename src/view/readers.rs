//! Readers: what the page remembers about each shard iterator a learner started, and how it reads the console's
//! GetRecords / error output back into that state.

use crate::time::Millis;
use serde_json::Value;

/// A record a reader got back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedRecord {
    pub sequence_number: String,
    pub partition_key: String,
    /// The payload, still base64 as the CLI prints it.
    pub data_base64: String,
}

/// What the last GetRecords call answered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GetRecordsView {
    pub records: Vec<ReturnedRecord>,
    pub next_shard_iterator: Option<String>,
    pub millis_behind_latest: Option<i64>,
    /// The shard IDs in ChildShards (present when a closed shard was read to its end).
    pub child_shards: Option<Vec<String>>,
}

/// One reader on the page: a shell variable holding a shard iterator, and what it last saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderState {
    pub id: u32,
    /// The shell variable that holds the iterator (`R1`).
    pub var: String,
    pub stream: String,
    pub shard_index: u32,
    /// `TRIM_HORIZON`, `LATEST`, ...
    pub iterator_type: String,
    /// The sequence number or timestamp the reader started at, when its type needs one.
    pub start_at: Option<String>,
    /// The iterator's position (counter of the next record) and when it was issued, when it holds a live one.
    pub position: Option<u64>,
    pub issued_ms: Option<Millis>,
    /// The GetRecords limit.
    pub limit: u32,
    /// The last answer, if any.
    pub last: Option<GetRecordsView>,
    /// The sequence number of the last record read (to start again after it).
    pub last_sequence_number: Option<String>,
    /// The last error: (AWS error code, message).
    pub error: Option<(String, String)>,
    /// How many GetRecords calls succeeded.
    pub calls: u32,
}

impl ReaderState {
    /// A reader of `stream`'s shard `shard_index` that has read nothing yet: no id or variable (the Readers view gives
    /// them), no live iterator, a limit of 10.
    pub fn new(stream: &str, shard_index: u32, iterator_type: &str, start_at: Option<String>) -> Self {
        ReaderState {
            id: 0,
            var: String::new(),
            stream: stream.to_owned(),
            shard_index,
            iterator_type: iterator_type.to_owned(),
            start_at,
            position: None,
            issued_ms: None,
            limit: 10,
            last: None,
            last_sequence_number: None,
            error: None,
            calls: 0,
        }
    }
}

/// Reads `aws kinesis get-records` JSON output.
pub fn parse_get_records(stdout: &str) -> Option<GetRecordsView> {
    let v: Value = serde_json::from_str(stdout).ok()?;
    let text = |r: &Value, k: &str| r.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    let records = v
        .get("Records")?
        .as_array()?
        .iter()
        .map(|r| ReturnedRecord {
            sequence_number: text(r, "SequenceNumber"),
            partition_key: text(r, "PartitionKey"),
            data_base64: text(r, "Data"),
        })
        .collect();
    Some(GetRecordsView {
        records,
        next_shard_iterator: v.get("NextShardIterator").and_then(Value::as_str).map(str::to_owned),
        millis_behind_latest: v.get("MillisBehindLatest").and_then(Value::as_i64),
        child_shards: v
            .get("ChildShards")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|c| c.get("ShardId").and_then(Value::as_str).map(str::to_owned)).collect()),
    })
}

/// Reads the CLI's error line, `aws: [ERROR]: An error occurred (Code) when calling the Op operation: message`,
/// into (code, message); any other text becomes ("Error", text), without the `aws: [ERROR]: ` prefix.
pub fn parse_error(stderr: &str) -> (String, String) {
    let stderr = stderr.trim();
    let line = stderr.lines().find(|l| l.contains("An error occurred (")).unwrap_or(stderr);
    let line = line.strip_prefix("aws: [ERROR]:").unwrap_or(line);
    if let Some(rest) = line.split_once("An error occurred (").map(|(_, r)| r) {
        if let Some((code, tail)) = rest.split_once(')') {
            let message = tail.split_once(": ").map_or(tail, |(_, m)| m).trim();
            return (code.to_owned(), message.to_owned());
        }
    }
    ("Error".to_owned(), line.trim().to_owned())
}

/// A long token or number shortened for display: its first and last `keep` characters.
pub fn shorten(text: &str, keep: usize) -> String {
    let n = text.chars().count();
    if n <= keep * 2 + 1 {
        return text.to_owned();
    }
    let head: String = text.chars().take(keep).collect();
    let tail: String = text.chars().skip(n - keep).collect();
    format!("{head}…{tail}")
}

/// Whether typed text is a sequence number (digits only, at most 128 of them).
pub fn is_sequence_number(text: &str) -> bool {
    !text.is_empty() && text.len() <= 128 && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a token is safe to assign to a shell variable unquoted (base64 characters only).
pub fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
}

/// The `get-shard-iterator` line that starts reader `r` (into its variable): `R1=$(aws kinesis get-shard-iterator
/// --stream-name S --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output
/// text)`. [`restore_readers`] reads it back.
pub fn iterator_line(r: &ReaderState) -> String {
    let extra = match (r.iterator_type.as_str(), &r.start_at) {
        ("AT_TIMESTAMP", Some(t)) => format!(" --timestamp {t}"),
        ("AT_SEQUENCE_NUMBER" | "AFTER_SEQUENCE_NUMBER", Some(s)) => format!(" --starting-sequence-number {s}"),
        _ => String::new(),
    };
    format!(
        "{}=$(aws kinesis get-shard-iterator --stream-name {} --shard-id {} --shard-iterator-type {}{extra} --query ShardIterator --output text)",
        r.var, r.stream, crate::engine::shard_id(r.shard_index), r.iterator_type
    )
}

/// The `get-records` line a reader's "Get records" runs.
pub fn get_records_line(var: &str, limit: u32) -> String {
    format!("aws kinesis get-records --shard-iterator \"${var}\" --limit {limit}")
}

/// The readers of a replayed session (a reload, an opened file, a link), from its console lines and what its
/// variables hold now: each `R<n>=$(aws kinesis get-shard-iterator ...)` line the Readers view ran (the last one per
/// variable) gives a reader's stream, shard, iterator type and start; the variable's token, where it points now;
/// `get-records --shard-iterator "$R<n>" --limit L` lines, its limit and number of calls. A variable that no longer
/// exists (`unset` by "Remove") gives no reader. The last answer is not kept: the card shows it after the next read.
pub fn restore_readers<'a>(
    lines: impl Iterator<Item = &'a str>,
    variables: &std::collections::BTreeMap<String, String>,
    engine: &crate::engine::Engine,
) -> Vec<ReaderState> {
    let mut readers: Vec<ReaderState> = Vec::new();
    for line in lines {
        if let Some(r) = reader_of_line(line) {
            match readers.iter_mut().find(|x| x.var == r.var) {
                Some(x) => *x = r,
                None => readers.push(r),
            }
        } else if let Some(rest) = line.strip_prefix("aws kinesis get-records --shard-iterator \"$") {
            let mut words = rest.split_whitespace();
            let var = words.next().unwrap_or_default().trim_end_matches('"');
            if let Some(r) = readers.iter_mut().find(|r| r.var == var) {
                r.calls += 1;
                if let (Some("--limit"), Some(l)) = (words.next(), words.next().and_then(|l| l.parse().ok())) {
                    r.limit = l;
                }
            }
        }
    }
    readers.retain_mut(|r| {
        let Some(token) = variables.get(&r.var) else { return false };
        if let Some(t) = crate::engine::iterator::IteratorToken::decode(token.trim()) {
            r.position = Some(t.position);
            r.issued_ms = Some(t.issued_ms);
            let shard = engine.stream(&r.stream).and_then(|s| s.shard(r.shard_index));
            r.last_sequence_number = shard
                .filter(|_| r.calls > 0)
                .and_then(|s| s.record_at(t.position.checked_sub(1)?))
                .map(|rec| rec.sequence_number.to_string());
        }
        true
    });
    crate::lean::sort_by_key(&mut readers, |r| r.id);
    readers
}

/// A reader from the line the Readers view runs to start one (`view::readers` is its only writer).
fn reader_of_line(line: &str) -> Option<ReaderState> {
    let (var, rest) = line.split_once("=$(aws kinesis get-shard-iterator ")?;
    let id: u32 = var.strip_prefix('R')?.parse().ok()?;
    let words: Vec<&str> = rest.strip_suffix(')')?.split_whitespace().collect();
    let value = |flag: &str| words.iter().position(|w| *w == flag).and_then(|i| words.get(i + 1)).copied();
    let start_at = value("--starting-sequence-number").or_else(|| value("--timestamp")).map(str::to_owned);
    let shard_index = crate::engine::parse_shard_id(value("--shard-id")?)?;
    let r = ReaderState::new(value("--stream-name")?, shard_index, value("--shard-iterator-type")?, start_at);
    Some(ReaderState { id, var: var.to_owned(), ..r })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_get_records_and_errors() {
        let out = r#"{"Records":[{"SequenceNumber":"4964","ApproximateArrivalTimestamp":"x","Data":"aGk=","PartitionKey":"k"}],"NextShardIterator":"AAAA","MillisBehindLatest":0}"#;
        let v = parse_get_records(out).unwrap();
        assert_eq!(v.records[0].partition_key, "k");
        assert_eq!(v.next_shard_iterator.as_deref(), Some("AAAA"));
        assert_eq!(v.child_shards, None);
        let end = r#"{"Records":[],"MillisBehindLatest":0,"ChildShards":[{"ShardId":"shardId-000000000001"}]}"#;
        assert_eq!(parse_get_records(end).unwrap().child_shards, Some(vec!["shardId-000000000001".into()]));
        assert_eq!(parse_get_records("not json"), None);
        let e = "\naws: [ERROR]: An error occurred (ExpiredIteratorException) when calling the GetRecords operation: \
                 Iterator expired.\n";
        assert_eq!(parse_error(e), ("ExpiredIteratorException".into(), "Iterator expired.".into()));
        assert_eq!(parse_error("usage: aws"), ("Error".into(), "usage: aws".into()));
        assert_eq!(
            parse_error("\naws: [ERROR]: Invalid base64: \"x\"\n"),
            ("Error".into(), "Invalid base64: \"x\"".into())
        );
        assert_eq!(shorten("abcdefghijkl", 3), "abc…jkl");
        assert_eq!(shorten("abc", 3), "abc");
        assert!(is_sequence_number("123") && !is_sequence_number("12a") && !is_sequence_number(""));
        assert!(is_token("AAAA+/=") && !is_token("a;b"));
    }
}
