//! The shell in front of the CLI: a POSIX-shell subset that turns a command line into words, as bash would.
//!
//! [`tokenizer`] reads quotes, escapes, comments and assignments and says when a line is incomplete (a `\`, an
//! open quote or `$(`); [`expand`] performs `$NAME`, `${NAME}`, `$?` and `$(command)` expansions and field
//! splitting. Running the words is [`crate::cli::console`]'s business.

pub mod expand;
pub mod tokenizer;
