//! The CLI's failures and exactly how AWS CLI v2 prints them (stderr text and exit code).
//!
//! Emulated version: AWS CLI v2 before the September 2025 "aws: [ERROR]:" prefix change (the long-standing format
//! every tutorial shows): every message is written as `"\n" + message + "\n"` to stderr.
//! Exit codes: 252 for usage and parameter errors, 254 for service errors, 255 for other client-side failures.

use crate::engine::KinesisError;

/// The usage banner argparse prints (`awscli/argparser.py` `USAGE`).
pub const USAGE: &str = "aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

/// A failed CLI invocation.
#[derive(Debug, Clone, PartialEq)]
pub enum CliError {
    /// An argparse error: `aws: error: <message>` after the usage banner (exit 252).
    Usage(String),
    /// Options the operation does not know (exit 252).
    UnknownOptions(Vec<String>),
    /// botocore's client-side validation problems, one line each (exit 252).
    ParamValidation(Vec<String>),
    /// `Error parsing parameter '<cli name>': <message>` (exit 252).
    ParamParse {
        /// The option, with dashes (`--records`).
        option: String,
        /// What was wrong.
        message: String,
    },
    /// Any other client-side failure, printed as is (exit 255).
    General(String),
    /// An error answered by the service (exit 254).
    Service {
        /// The PascalCase operation name.
        operation: String,
        /// The service's error.
        error: KinesisError,
        /// Retries made before giving up (standard retry mode: 2 for throttling and 5xx errors, else 0).
        retries: u32,
    },
}

impl CliError {
    /// The exit code the real CLI returns.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_)
            | CliError::UnknownOptions(_)
            | CliError::ParamValidation(_)
            | CliError::ParamParse { .. } => 252,
            CliError::Service { .. } => 254,
            CliError::General(_) => 255,
        }
    }

    /// The exact stderr text.
    pub fn stderr(&self) -> String {
        match self {
            CliError::Usage(message) => {
                format!("\nusage: {USAGE}\naws: error: {message}\n\n")
            }
            CliError::UnknownOptions(options) => {
                format!("\nusage: {USAGE}\nUnknown options: {}\n\n", options.join(", "))
            }
            CliError::ParamValidation(lines) => {
                format!("\nParameter validation failed:\n{}\n", lines.join("\n"))
            }
            CliError::ParamParse { option, message } => {
                format!("\nError parsing parameter '{option}': {message}\n")
            }
            CliError::General(message) => format!("\n{message}\n"),
            CliError::Service { operation, error, retries } => {
                let retry_info =
                    if *retries > 0 { format!(" (reached max retries: {retries})") } else { String::new() };
                format!(
                    "\nAn error occurred ({}) when calling the {operation} operation{retry_info}: {}\n",
                    error.error_type.aws_name(),
                    error.message
                )
            }
        }
    }
}

/// argparse's "invalid choice" message for `aws kinesis <operation>`, two choices a line, each padded to 40
/// columns, plus difflib's close matches (cutoff 0.8) when there are any.
pub fn invalid_choice(value: &str, choices: &[String]) -> CliError {
    let mut msg = vec!["Invalid choice, valid choices are:\n".to_string()];
    for pair in choices.chunks(2) {
        let cells: Vec<String> = pair.iter().map(|c| format!("{c:<40}")).collect();
        msg.push(cells.join(" | "));
    }
    let possible = if value.chars().count() <= 200 { close_matches(value, choices, 3, 0.8) } else { Vec::new() };
    if !possible.is_empty() {
        msg.push(format!("\n\nInvalid choice: '{value}', maybe you meant:\n"));
        for word in possible {
            msg.push(format!("  * {word}"));
        }
    }
    CliError::Usage(format!("argument operation: {}", msg.join("\n")))
}

/// Python's `difflib.get_close_matches`: the best `n` choices whose `SequenceMatcher.ratio()` is at least `cutoff`,
/// best first (ties: the larger string first, as `heapq.nlargest` on `(score, word)` does).
pub fn close_matches(word: &str, choices: &[String], n: usize, cutoff: f64) -> Vec<String> {
    let mut scored: Vec<(f64, &String)> =
        choices.iter().map(|c| (ratio(c, word), c)).filter(|(r, _)| *r >= cutoff).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| b.1.cmp(a.1)));
    scored.into_iter().take(n).map(|(_, c)| c.clone()).collect()
}

/// `SequenceMatcher(None, a, b).ratio()` (no junk heuristics: the strings here are short).
fn ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * matching(&a, &b) as f64 / total as f64
}

/// Total size of the matching blocks: the longest common substring (leftmost in `a`, then in `b`), recursively
/// on both sides, like `get_matching_blocks`.
fn matching(a: &[char], b: &[char]) -> usize {
    let (mut best_i, mut best_j, mut best) = (0, 0, 0);
    for i in 0..a.len() {
        for j in 0..b.len() {
            let mut k = 0;
            while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                k += 1;
            }
            if k > best {
                (best_i, best_j, best) = (i, j, k);
            }
        }
    }
    if best == 0 {
        return 0;
    }
    best + matching(&a[..best_i], &b[..best_j]) + matching(&a[best_i + best..], &b[best_j + best..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn difflib_like() {
        let choices: Vec<String> = ["put-record", "put-records", "get-records"].iter().map(|s| s.to_string()).collect();
        assert_eq!(close_matches("put-recrd", &choices, 3, 0.8), vec!["put-record", "put-records"]);
        assert!(close_matches("zzz", &choices, 3, 0.8).is_empty());
        assert!((ratio("abcd", "bcde") - 0.75).abs() < 1e-9);
    }
}
