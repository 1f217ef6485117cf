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
/// # Errors
/// Syntax errors (see [`QueryError::is_syntax`]) and run-time errors.
pub fn search(expr: &str, data: &Value) -> Result<Value, QueryError> {
    let node = parse(expr)?;
    eval(&node, data)
}
