//! What a command asked of the service, for lessons' goals: the operation, its request, the error type, and for the
//! reading and writing operations the few facts a goal checks (records returned, the tip reached, entries
//! throttled). Gathered where the `aws` command calls the api, without changing anything printed; a lesson checks
//! these, never the printed text.
//!
//! Shard iterator tokens do not carry their type (neither do AWS's), so the console remembers the type behind each
//! token it handed out ([`IteratorTypes`]): a GetRecords call then knows it read through a `TRIM_HORIZON` iterator,
//! also when the token went through a shell variable or came back as `NextShardIterator`.

use crate::cli::aws::errors::CliError;
use crate::engine::iterator::IteratorToken;
use crate::engine::{ErrorType, ShardIteratorType};
use serde_json::Value;
use std::collections::VecDeque;

/// One call of an operation (or a waiter) made by an `aws kinesis ...` command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiCall {
    /// The operation in PascalCase (`PutRecord`); for `aws kinesis wait stream-exists`, the waiter's name
    /// (`StreamExists`) and [`ApiCall::waiter`] is true.
    pub operation: String,
    /// True for `aws kinesis wait ...`.
    pub waiter: bool,
    /// The request in wire form (`{"StreamName": "DemoStream", ...}`); `Null` when the CLI refused the arguments
    /// before calling (and for waiters).
    pub request: Value,
    /// The error type when it failed: the service's (`ResourceNotFoundException`), `ParamValidation` for the CLI's
    /// own argument checks, `WaiterError` for a waiter that gave up, `ClientError` for anything else.
    pub error: Option<String>,
    /// What the answer said that goals check.
    pub detail: CallDetail,
}

/// The facts of an answer that goals check.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CallDetail {
    /// Nothing beyond success or failure.
    #[default]
    None,
    /// GetShardIterator answered.
    ShardIterator {
        /// The type asked for.
        iterator_type: ShardIteratorType,
        /// The token handed out.
        iterator: String,
    },
    /// GetRecords answered.
    Records {
        /// The type of the iterator read through, when this console handed it out (or its predecessor).
        iterator_type: Option<ShardIteratorType>,
        /// The shard read (index), from the iterator.
        shard: Option<u32>,
        /// How many records came back.
        records: usize,
        /// `MillisBehindLatest` (0: the reader is at the tip).
        millis_behind_latest: Option<i64>,
        /// `NextShardIterator` (absent once a closed shard is read to its end).
        next_iterator: Option<String>,
    },
    /// `sim subscribe-to-shard` subscribed and listened.
    Subscription {
        /// The starting position's type.
        position: Option<ShardIteratorType>,
        /// The shard (index) subscribed to.
        shard: Option<u32>,
        /// Events pushed while it listened.
        events: usize,
        /// Records in them.
        records: usize,
    },
    /// PutRecords answered.
    PutRecords {
        /// `FailedRecordCount`.
        failed: usize,
        /// Entries refused with `ProvisionedThroughputExceededException`.
        throttled: usize,
    },
}

impl ApiCall {
    /// A call of `operation` with `request` that ended in `result` (the normalized answer, or the CLI's error).
    pub fn new(operation: &str, request: &Value, result: Result<&Value, &CliError>) -> Self {
        let error = result.err().map(error_name);
        let detail = match (operation, result) {
            ("GetShardIterator", Ok(v)) => match (
                request.get("ShardIteratorType").and_then(Value::as_str).and_then(ShardIteratorType::parse),
                v.get("ShardIterator").and_then(Value::as_str),
            ) {
                (Some(iterator_type), Some(it)) => {
                    CallDetail::ShardIterator { iterator_type, iterator: it.to_string() }
                }
                _ => CallDetail::None,
            },
            ("GetRecords", Ok(v)) => CallDetail::Records {
                iterator_type: None,
                shard: request
                    .get("ShardIterator")
                    .and_then(Value::as_str)
                    .and_then(IteratorToken::decode)
                    .map(|t| t.shard_index),
                records: v.get("Records").and_then(Value::as_array).map_or(0, Vec::len),
                millis_behind_latest: v.get("MillisBehindLatest").and_then(Value::as_i64),
                next_iterator: v.get("NextShardIterator").and_then(Value::as_str).map(str::to_string),
            },
            ("PutRecords", Ok(v)) => {
                let entries = v.get("Records").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
                let throttled = entries
                    .iter()
                    .filter(|e| {
                        e.get("ErrorCode").and_then(Value::as_str)
                            == Some(ErrorType::ProvisionedThroughputExceeded.aws_name())
                    })
                    .count();
                let failed = v
                    .get("FailedRecordCount")
                    .and_then(Value::as_u64)
                    .map_or_else(|| entries.iter().filter(|e| e.get("ErrorCode").is_some()).count(), |n| n as usize);
                CallDetail::PutRecords { failed, throttled }
            }
            _ => CallDetail::None,
        };
        ApiCall { operation: operation.to_string(), waiter: false, request: request.clone(), error, detail }
    }

    /// A command the CLI refused before calling (bad or missing arguments).
    pub fn refused(operation: &str, error: &CliError) -> Self {
        ApiCall {
            operation: operation.to_string(),
            waiter: false,
            request: Value::Null,
            error: Some(error_name(error)),
            detail: CallDetail::None,
        }
    }

    /// `aws kinesis wait <name>` (`name` as typed, e.g. `stream-exists`), succeeded or not.
    pub fn waiter(name: &str, succeeded: bool) -> Self {
        ApiCall {
            operation: kebab_to_pascal(name),
            waiter: true,
            request: Value::Null,
            error: (!succeeded).then(|| "WaiterError".to_string()),
            detail: CallDetail::None,
        }
    }

    /// True when the call succeeded.
    pub fn succeeded(&self) -> bool {
        self.error.is_none()
    }

    /// The stream the request names (`StreamName`, or the name in `StreamARN`).
    pub fn stream_name(&self) -> Option<&str> {
        if let Some(n) = self.request.get("StreamName").and_then(Value::as_str) {
            return Some(n);
        }
        let arn = self.request.get("StreamARN").and_then(Value::as_str)?;
        arn.rsplit_once(":stream/").map(|(_, rest)| rest.split('/').next().unwrap_or(rest))
    }

    /// True when a write was refused for throughput: PutRecord with `ProvisionedThroughputExceededException`, or a
    /// PutRecords entry with it.
    pub fn put_throttled(&self) -> bool {
        match self.operation.as_str() {
            "PutRecord" | "PutRecords"
                if self.error.as_deref() == Some(ErrorType::ProvisionedThroughputExceeded.aws_name()) =>
            {
                true
            }
            _ => matches!(self.detail, CallDetail::PutRecords { throttled, .. } if throttled > 0),
        }
    }
}

/// `stream-exists` -> `StreamExists`, `get-records` -> `GetRecords`.
pub fn kebab_to_pascal(name: &str) -> String {
    name.split('-')
        .map(|part| {
            let mut c = part.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// The error type a goal names: the service's error code, or the CLI's own class.
pub fn error_name(e: &CliError) -> String {
    match e {
        CliError::Service { error, .. } => error.error_type.aws_name().to_string(),
        CliError::Usage(_)
        | CliError::UnknownOptions(_)
        | CliError::ParamValidation(_)
        | CliError::ParamParse { .. }
        | CliError::Param(_) => "ParamValidation".to_string(),
        CliError::General(_) => "ClientError".to_string(),
    }
}

/// The type behind each shard iterator token this console handed out (the most recent [`IteratorTypes::CAPACITY`]).
///
/// A plain list searched from the newest end (a hash map would cost the page's download more than it saves here).
#[derive(Debug, Clone, Default)]
pub struct IteratorTypes {
    tokens: VecDeque<(String, ShardIteratorType)>,
}

impl IteratorTypes {
    /// Tokens remembered at most (a token lives five minutes; a lesson's reader needs a handful).
    pub const CAPACITY: usize = 1024;

    /// Remembers the type of the tokens `call` handed out, and fills in the type a GetRecords call read through.
    pub fn track(&mut self, call: &mut ApiCall) {
        match &mut call.detail {
            CallDetail::ShardIterator { iterator_type, iterator } => self.remember(iterator.clone(), *iterator_type),
            CallDetail::Records { iterator_type, next_iterator, .. } => {
                let used = call.request.get("ShardIterator").and_then(Value::as_str);
                *iterator_type = used.and_then(|t| self.get(t));
                if let (Some(t), Some(next)) = (*iterator_type, next_iterator.as_ref()) {
                    self.remember(next.clone(), t);
                }
            }
            _ => {}
        }
    }

    fn get(&self, token: &str) -> Option<ShardIteratorType> {
        self.tokens.iter().rev().find(|(k, _)| k == token).map(|(_, t)| *t)
    }

    /// The same token can come from two readers (a TRIM_HORIZON reader's `NextShardIterator` at the tip and a
    /// LATEST iterator asked for in the same millisecond are the same position): the latest one handed out wins.
    fn remember(&mut self, token: String, t: ShardIteratorType) {
        if let Some(i) = self.tokens.iter().rposition(|(k, _)| *k == token) {
            self.tokens.remove(i);
        }
        self.tokens.push_back((token, t));
        if self.tokens.len() > Self::CAPACITY {
            self.tokens.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_convert() {
        assert_eq!(kebab_to_pascal("stream-exists"), "StreamExists");
        assert_eq!(kebab_to_pascal("get-records"), "GetRecords");
    }

    #[test]
    fn the_oldest_tokens_are_forgotten_first() {
        let mut t = IteratorTypes::default();
        for i in 0..IteratorTypes::CAPACITY + 1 {
            t.remember(i.to_string(), ShardIteratorType::Latest);
        }
        assert_eq!(t.get("0"), None);
        assert_eq!(t.get("1"), Some(ShardIteratorType::Latest));
        assert_eq!(t.tokens.len(), IteratorTypes::CAPACITY);
        t.remember("1".into(), ShardIteratorType::TrimHorizon);
        assert_eq!(t.get("1"), Some(ShardIteratorType::TrimHorizon));
        assert_eq!(t.tokens.len(), IteratorTypes::CAPACITY);
    }
}
