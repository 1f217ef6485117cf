//! `--query`: JMESPath, a port of jmespath.py 1.0.1 (the version AWS CLI 2.36.7 bundles), proven by the official
//! compliance suite (`tests/jmespath/`, run by `tests/jmespath.rs`). Objects keep their key order: the document's,
//! and the expression's in `{k: ...}`, as Python's dicts do.
//!
//! | file | concern |
//! |---|---|
//! | [`lex`] | tokens (`lexer.py`) |
//! | [`parse`] | the Pratt parser and the tree (`parser.py`, `ast.py`) |
//! | [`eval`] | evaluation (`visitor.py`) |
//! | [`functions`] | the 26 built-in functions and their type checks (`functions.py`) |
//! | [`pyrepr`] | Python's `str()`, `repr()` and float text, for the messages and `to_string()` |
//! | this file | [`search`] and [`QueryError`] (the texts of `exceptions.py`) |

pub mod eval;
pub mod functions;
pub mod lex;
pub mod parse;
pub mod pyrepr;

pub use crate::cli::query::eval::eval;
pub use crate::cli::query::parse::{parse, Node};
use serde_json::Value;

/// A failed `--query`, worded as jmespath.py words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// `--query ""`.
    Empty,
    /// A lexer error: where (in characters) and what.
    Lexer {
        /// The column of the bad token.
        position: usize,
        /// What was wrong.
        message: String,
        /// The whole expression.
        expression: String,
    },
    /// A parse error at a token.
    Parse {
        /// The token's column.
        position: usize,
        /// The token's value (as Python's `str()`).
        value: String,
        /// The token's type, upper-cased (`RBRACKET`).
        kind: String,
        /// What was wrong.
        msg: String,
        /// The whole expression.
        expression: String,
    },
    /// The expression ended too early.
    Incomplete {
        /// The whole expression.
        expression: String,
    },
    /// An error while evaluating (bad function calls, a slice step of 0).
    Runtime(String),
}

impl QueryError {
    /// True for the errors found when compiling the expression (the CLI reports those as a bad `--query` value);
    /// false for run-time errors.
    pub fn is_syntax(&self) -> bool {
        !matches!(self, QueryError::Runtime(_))
    }
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pad = |n: usize| " ".repeat(n);
        match self {
            QueryError::Empty => write!(f, "Invalid JMESPath expression: cannot be empty."),
            QueryError::Lexer { position, message, expression } => {
                write!(f, "Bad jmespath expression: {message}:\n{expression}\n{}^", pad(*position))
            }
            QueryError::Parse { position, value, kind, msg, expression } => write!(
                f,
                "{msg}: Parse error at column {position}, token \"{value}\" ({kind}), for expression:\n\"{expression}\"\n{}^",
                pad(position + 1)
            ),
            QueryError::Incomplete { expression } => write!(
                f,
                "Invalid jmespath expression: Incomplete expression:\n\"{expression}\"\n{}^",
                pad(expression.chars().count() + 1)
            ),
            QueryError::Runtime(m) => write!(f, "{m}"),
        }
    }
}

/// Compiles and runs `expr` against `data`.
///
/// In the page the JMESPath engine is a deferred part ([`crate::parts`]): until it has arrived this is a run-time
/// error saying so (the page waits for the part before it runs a line with `--query`, so a learner hardly sees it).
///
/// # Errors
/// Syntax errors (see [`QueryError::is_syntax`]) and run-time errors.
pub fn search(expr: &str, data: &Value) -> Result<Value, QueryError> {
    crate::parts::now!(search_part(expr as *const str, data as *const Value)).unwrap_or_else(|| Err(loading()))
}

/// Compiles `expr` without running it: the CLI checks `--query` before it calls the service.
///
/// # Errors
/// Syntax errors, as [`search`] reports them.
pub fn check(expr: &str) -> Result<(), QueryError> {
    crate::parts::now!(check_part(expr as *const str)).unwrap_or_else(|| Err(loading()))
}

fn loading() -> QueryError {
    QueryError::Runtime(format!(
        "The playground is still loading {}. Run the command again in a moment.",
        crate::parts::Part::Query.what()
    ))
}

// The part's two entry points (raw pointers: see `parts::split_point!`), called only by `search` and `check`.
crate::parts::split_point! {
    in query, loaded by preload_query,
    pub(crate) fn search_part(expr: *const str, data: *const Value) -> Result<Value, QueryError> {
        // SAFETY: `split_point!`'s rule; `search` passes its own borrowed arguments.
        let (expr, data) = unsafe { (&*expr, &*data) };
        parse(expr).and_then(|node| eval(&node, data))
    }
}

crate::parts::split_point! {
    in query, loaded by preload_query_check,
    pub(crate) fn check_part(expr: *const str) -> Result<(), QueryError> {
        // SAFETY: `split_point!`'s rule; `check` passes its own borrowed argument.
        let expr = unsafe { &*expr };
        parse(expr).map(|_| ())
    }
}

/// Looks up a plain path (`A.B`, `A.B[-1].C`: names and whole-number indexes) without the JMESPath engine: the
/// paginators and waiters of the service model use only such paths, and they run before any `--query` (a
/// `list-streams` pages through `StreamNames` with it). Anything else goes to [`search`].
pub fn path(expr: &str, data: &Value) -> Value {
    match plain_path(expr, data) {
        Some(found) => found.cloned().unwrap_or(Value::Null),
        None => search(expr, data).unwrap_or(Value::Null),
    }
}

/// `Some(found)` when `expr` is a plain path (`found` is `None` where the data has nothing there), else `None`.
fn plain_path<'a>(expr: &str, data: &'a Value) -> Option<Option<&'a Value>> {
    let mut at = Some(data);
    for segment in expr.split('.') {
        let (name, mut rest) = segment.split_once('[').map_or((segment, ""), |(n, r)| (n, r));
        let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !plain(name) || name.as_bytes()[0].is_ascii_digit() {
            return None;
        }
        at = at.and_then(|v| v.get(name));
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']')?;
            let digits = index.strip_prefix('-').unwrap_or(index);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: i64 = index.parse().ok()?;
            at = at.and_then(Value::as_array).and_then(|items| {
                let i = if n < 0 { items.len().checked_sub(n.unsigned_abs() as usize)? } else { n as usize };
                items.get(i)
            });
            rest = match after.strip_prefix('[') {
                Some(next) => next,
                None if after.is_empty() => "",
                None => return None,
            };
        }
    }
    Some(at)
}
