//! AWS CLI v2 emulation on top of [`crate::api`], plus the playground's `sim` commands.
//!
//! A line goes through the parts in this order: the [`shell`] turns it into words, the [`console`] runs them, the
//! [`aws`] command parses them against the [`model`] into a request and calls [`crate::api`] (page by page, see
//! [`paging`]), `--query` ([`query`]) picks from the result and [`output`] prints it; `sim ...` lines go to [`sim`].
//!
//! | folder / file | concern |
//! |---|---|
//! | [`console`] | [`Console`]: one shell session (variables, continuation lines) over one [`crate::engine::Engine`] |
//! | [`shell`] | POSIX-shell words: quotes, escapes, comments, `$VAR`, `$(...)`, assignments |
//! | [`aws`] | `aws [globals] kinesis <operation> ...`: options, shorthand, client-side validation, blobs, errors and exit codes, help, waiters |
//! | [`model`] | the trimmed service model (`model.json`) and the one list of offered operations |
//! | [`paging`] | auto-pagination, `--max-items` / `--starting-token`, `build_full_result` |
//! | [`query`] | `--query`: JMESPath as jmespath.py 1.0.1 (lexer, parser, evaluation, functions, Python texts) |
//! | [`output`] | model-ordered, Python-style JSON; `--output text`, `table`, `yaml` and `yaml-stream` |
//! | [`sim`] | the playground's own commands: `sim clock`, `sim producer`, `sim throttling`, `sim reset`, `sim help` |
//! | [`calls`] | what each command asked of the service (operation, request, error type), for lessons' goals |
//! | [`hints`] | teaching hints beside the output |
//! | [`complete`] | tab completion |

pub mod aws;
pub mod calls;
pub mod complete;
pub mod console;
pub mod hints;
pub mod model;
pub mod output;
pub mod paging;
pub mod query;
pub mod shell;
pub mod sim;

pub use calls::{ApiCall, CallDetail};
pub use console::{CommandOutput, Console, ConsoleConfig, ExecutedCommand};
