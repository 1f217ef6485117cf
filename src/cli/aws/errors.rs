//! The CLI's failures and exactly how AWS CLI 2.36.7 prints them (stderr text and exit code).
//!
//! Since CLI 2.34.0 every error goes through `awscli/errorformat.py`'s `write_error`: a blank line, then
//! `aws: [ERROR]: <message>` (the message stripped of surrounding whitespace), then a newline. The handlers of
//! `awscli/errorhandler.py` choose the message and the exit code:
//!
//! | error | printed message | exit |
//! |---|---|---|
//! | argparse (usage) | `An error occurred (ParamValidation): <message>`, a blank line, the usage banner | 252 |
//! | unknown options | the usage banner first, then `Unknown options: --a, b` | 252 |
//! | botocore validation | `An error occurred (ParamValidation): Parameter validation failed:` and one line per problem | 252 |
//! | argument parsing (`ParamError`) | `An error occurred (ParamValidation): Error parsing parameter '--x': ...` | 252 |
//! | the CLI's own parameter checks | `An error occurred (ParamValidation): <message>` | 252 |
//! | service errors | `An error occurred (<Code>) when calling the <Operation> operation: <message>` | 254 |
//! | anything else | the message as is | 255 |
//!
//! Kinesis error shapes model only `message`, so the "enhanced" format (the default) never adds its
//! `Additional error details:` block here.

use crate::cli::aws::globals::ErrorFormat;
use crate::engine::KinesisError;
use serde_json::{json, Value};

/// The usage banner argparse prints (`awscli/argparser.py` `USAGE`).
pub const USAGE: &str = "aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

/// What starts every error line (`awscli/errorformat.py` `ERROR_PREFIX`).
pub const ERROR_PREFIX: &str = "aws: [ERROR]:";

/// `errorformat.write_error`: a blank line, `aws: [ERROR]: ` and the message stripped of surrounding whitespace,
/// a newline.
pub fn write_error(message: &str) -> String {
    let message = message.trim();
    if message.is_empty() {
        format!("\n{ERROR_PREFIX}\n")
    } else {
        format!("\n{ERROR_PREFIX} {message}\n")
    }
}

/// How the CLI names its client-side parameter errors (`ParamValidationErrorsHandler`).
fn param_validation(message: &str) -> String {
    write_error(&format!("An error occurred (ParamValidation): {message}"))
}

/// A failed CLI invocation.
#[derive(Debug, Clone, PartialEq)]
pub enum CliError {
    /// An argparse error: the message, a blank line and the usage banner (exit 252).
    Usage(String),
    /// Options the operation does not know: the usage banner, then the list (exit 252).
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
    /// A parameter check of the CLI itself (awscli's `ParamValidationError`, e.g. a bad `--query`) (exit 252).
    Param(String),
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
            | CliError::ParamParse { .. }
            | CliError::Param(_) => 252,
            CliError::Service { .. } => 254,
            CliError::General(_) => 255,
        }
    }

    /// The code and message the CLI's error handlers hand to a structured `--cli-error-format` (in the order the
    /// CLI builds them: `Code, Message` for its own errors; `Message, Code, message` for the service's, whose error
    /// shapes model `message`); `None` for the errors it always prints as text (unknown options, general errors).
    pub fn error_info(&self) -> Option<Value> {
        let own = |m: String| Some(json!({"Code": "ParamValidation", "Message": m}));
        match self {
            CliError::Usage(message) => own(format!("{message}\n\nusage: {USAGE}")),
            CliError::ParamValidation(lines) => own(format!("Parameter validation failed:\n{}", lines.join("\n"))),
            CliError::ParamParse { option, message } => own(format!("Error parsing parameter '{option}': {message}")),
            CliError::Param(message) => own(message.clone()),
            CliError::Service { error, .. } => Some(json!({
                "Message": error.message, "Code": error.error_type.aws_name(), "message": error.message
            })),
            CliError::UnknownOptions(_) | CliError::General(_) => None,
        }
    }

    /// The stderr text under `--cli-error-format`.
    pub fn stderr_as(&self, format: ErrorFormat) -> String {
        let Some(info) = self.error_info() else { return self.stderr() };
        match format {
            ErrorFormat::Enhanced => self.stderr(),
            ErrorFormat::Legacy => match self {
                CliError::Service { .. } => self.stderr(),
                _ => write_error(info["Message"].as_str().unwrap_or_default()),
            },
            ErrorFormat::Json => crate::cli::output::to_json(&info),
            ErrorFormat::Yaml => crate::cli::output::yaml::to_yaml(&info),
            ErrorFormat::Text => crate::cli::output::text::format_text(&info),
            ErrorFormat::Table => crate::cli::output::table::format_table("error", &info),
        }
    }

    /// The exact stderr text (the default `--cli-error-format enhanced`).
    pub fn stderr(&self) -> String {
        match self {
            // argparse's `error()` raises `f'{message}\n\n{format_usage()}'`.
            CliError::Usage(message) => param_validation(&format!("{message}\n\nusage: {USAGE}")),
            CliError::UnknownOptions(options) => {
                format!("\nusage: {USAGE}\n{}", write_error(&format!("Unknown options: {}", options.join(", "))))
            }
            CliError::ParamValidation(lines) => {
                param_validation(&format!("Parameter validation failed:\n{}", lines.join("\n")))
            }
            CliError::ParamParse { option, message } => {
                param_validation(&format!("Error parsing parameter '{option}': {message}"))
            }
            CliError::Param(message) => param_validation(message),
            CliError::General(message) => write_error(message),
            CliError::Service { operation, error, retries } => {
                let retry_info =
                    if *retries > 0 { format!(" (reached max retries: {retries})") } else { String::new() };
                write_error(&format!(
                    "An error occurred ({}) when calling the {operation} operation{retry_info}: {}",
                    error.error_type.aws_name(),
                    error.message
                ))
            }
        }
    }
}

/// argparse's "invalid choice" error as the CLI words it (`CLIArgParser._check_value`): `argument <name>: Found
/// invalid choice '<value>'`, then difflib's close matches (cutoff 0.8) under `Maybe you meant:` when there are any.
/// `argument` is argparse's name for the argument: `command`, `operation`, `subcommand` or an option (`--output`).
pub fn invalid_choice(argument: &str, value: &str, choices: &[String]) -> CliError {
    let mut msg = vec![format!("Found invalid choice '{value}'\n")];
    let possible = close_matches(value, choices, 3, 0.8);
    if !possible.is_empty() {
        msg.push("Maybe you meant:\n".into());
        for word in possible {
            msg.push(format!("  * {word}"));
        }
    }
    CliError::Usage(format!("argument {argument}: {}", msg.join("\n")))
}

/// Python's `difflib.get_close_matches`: the best `n` choices whose `SequenceMatcher.ratio()` is at least `cutoff`,
/// best first (ties: the larger string first, as `heapq.nlargest` on `(score, word)` does). Like difflib, a choice
/// is first screened by `real_quick_ratio` (the bound the two lengths allow), so a long word costs nothing; that
/// also makes difflib's junk heuristic (only for words of 200 characters or more) irrelevant for choices this short.
pub fn close_matches(word: &str, choices: &[String], n: usize, cutoff: f64) -> Vec<String> {
    let len = word.chars().count();
    let mut scored: Vec<(f64, &String)> = choices
        .iter()
        .filter(|c| {
            let (a, b) = (c.chars().count(), len);
            a + b == 0 || 2.0 * a.min(b) as f64 / (a + b) as f64 >= cutoff
        })
        .map(|c| (ratio(c, word), c))
        .filter(|(r, _)| *r >= cutoff)
        .collect();
    crate::lean::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0).then_with(|| b.1.cmp(a.1)));
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
        let long = "x".repeat(100_000);
        assert!(close_matches(&long, &choices, 3, 0.8).is_empty(), "screened by length, no quadratic work");
    }

    // The expected texts below are the real CLI 2.36.7's stderr, byte for byte.
    const BANNER: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
        To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n";

    #[test]
    fn usage_errors_put_the_message_before_the_banner() {
        let e = CliError::Usage("the following arguments are required: --partition-key".into());
        assert_eq!(e.exit_code(), 252);
        assert_eq!(
            e.stderr(),
            format!(
                "\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: \
                 --partition-key\n\n{BANNER}"
            )
        );
    }

    #[test]
    fn invalid_choices_as_the_cli_words_them() {
        let ops: Vec<String> = ["put-record", "put-records", "wait", "help"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            invalid_choice("operation", "put-recrd", &ops).stderr(),
            format!(
                "\naws: [ERROR]: An error occurred (ParamValidation): argument operation: Found invalid choice \
                 'put-recrd'\n\nMaybe you meant:\n\n  * put-record\n  * put-records\n\n{BANNER}"
            )
        );
        let formats: Vec<String> = ["base64", "raw-in-base64-out"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            invalid_choice("--cli-binary-format", "raw", &formats).stderr(),
            format!(
                "\naws: [ERROR]: An error occurred (ParamValidation): argument --cli-binary-format: Found invalid \
                 choice 'raw'\n\n\n{BANNER}"
            )
        );
    }

    #[test]
    fn unknown_options_print_the_banner_first() {
        let e = CliError::UnknownOptions(vec!["--bogus".into(), "1".into()]);
        assert_eq!(e.exit_code(), 252);
        assert_eq!(e.stderr(), format!("\n{BANNER}\n\naws: [ERROR]: Unknown options: --bogus, 1\n"));
    }

    #[test]
    fn parameter_errors_are_param_validation() {
        let e = CliError::ParamValidation(vec![
            "Invalid value for parameter ShardCount, value: 0, valid min value: 1".into()
        ]);
        assert_eq!(
            e.stderr(),
            "\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\n\
             Invalid value for parameter ShardCount, value: 0, valid min value: 1\n"
        );
        let e = CliError::ParamParse {
            option: "--records".into(),
            message: "Unable to load paramfile file://r.json: [Errno 2] No such file or directory: 'r.json'".into(),
        };
        assert_eq!(
            e.stderr(),
            "\naws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--records': Unable to load \
             paramfile file://r.json: [Errno 2] No such file or directory: 'r.json'\n"
        );
        assert_eq!(e.exit_code(), 252);
        assert_eq!(CliError::Param("Bad value for --query a[: x".into()).exit_code(), 252);
    }

    #[test]
    fn service_and_other_errors() {
        let error = KinesisError {
            error_type: crate::engine::ErrorType::ProvisionedThroughputExceeded,
            message: "Rate exceeded for shard shardId-000000000000 in stream S under account 123456789012.".into(),
        };
        let e = CliError::Service { operation: "PutRecord".into(), error, retries: 2 };
        assert_eq!(e.exit_code(), 254);
        assert_eq!(
            e.stderr(),
            "\naws: [ERROR]: An error occurred (ProvisionedThroughputExceededException) when calling the PutRecord \
             operation (reached max retries: 2): Rate exceeded for shard shardId-000000000000 in stream S under \
             account 123456789012.\n"
        );
        let e = CliError::General("invalid literal for int() with base 10: 'x'".into());
        assert_eq!(e.exit_code(), 255);
        assert_eq!(e.stderr(), "\naws: [ERROR]: invalid literal for int() with base 10: 'x'\n");
        assert_eq!(write_error("  padded \n"), "\naws: [ERROR]: padded\n");
        assert_eq!(write_error(""), "\naws: [ERROR]:\n");
    }
}
