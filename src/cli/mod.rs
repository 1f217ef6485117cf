//! AWS CLI v2 emulation on top of [`crate::api`], plus the playground's `sim` commands.
//!
//! | file | concern |
//! |---|---|
//! | [`console`] | [`Console`]: one shell session (variables, continuation lines) over one [`crate::engine::Engine`] |
//! | [`tokenizer`], [`expand`] | POSIX-shell words: quotes, escapes, comments, `$VAR`, `$(...)`, assignments |
//! | [`aws`] | `aws [globals] kinesis <operation> ...`: dispatch, call, output |
//! | [`globals`], [`args`] | global options; an operation's options -> the request |
//! | [`shorthand`] | the CLI's shorthand syntax (`Key=Value,...`) |
//! | [`convert`] | botocore's client-side validation and type conversion (blobs, timestamps) |
//! | [`blob`] | `--cli-binary-format`: Python-compatible lenient base64 |
//! | [`paging`], [`pager`] | auto-pagination, `--max-items`/`--starting-token`, `build_full_result` |
//! | [`output`] | model-ordered, Python-style JSON |
//! | [`text`], [`table`] | `--output text` / `--output table` |
//! | [`query`], [`query_parse`], [`query_lex`], [`query_functions`] | `--query` (JMESPath) |
//! | [`errors`] | error texts and exit codes (0 / 252 / 254 / 255) |
//! | [`help`] | help pages from the trimmed model |
//! | [`waiters`] | `aws kinesis wait ...` over simulated time |
//! | [`sim_commands`] | `sim clock`, `sim reset`, `sim help` |
//! | [`hints`] | teaching hints beside the output |
//! | [`complete`] | tab completion |
//! | [`model`], [`operations`] | the trimmed service model and the one list of offered operations |

pub mod args;
pub mod aws;
pub mod blob;
pub mod complete;
pub mod console;
pub mod convert;
pub mod errors;
pub mod expand;
pub mod globals;
pub mod help;
pub mod hints;
pub mod model;
pub mod operations;
pub mod output;
pub mod pager;
pub mod paging;
pub mod query;
pub mod query_functions;
pub mod query_lex;
pub mod query_parse;
pub mod shorthand;
pub mod sim_commands;
pub mod table;
pub mod text;
pub mod tokenizer;
pub mod waiters;

pub use console::{CommandOutput, Console, ConsoleConfig};
