//! Teaching hints shown beside (never inside) the CLI's own output.
//!
//! - the shell removed quotes from a payload (`--data "{"a": 1}"` sends `{a: 1}`);
//! - `--cli-binary-format base64` (the v2 default) decoded text into other bytes, or failed to;
//! - a call failed because the stream is still CREATING (use the waiter or advance the clock);
//! - a one-line "why" for every service error type;
//! - `aws kinesis subscribe-to-shard` is not a CLI v2 command (SDKs and the KCL call it over HTTP/2);
//! - `$SHARD_ITERATOR` captured from `--query` with JSON output still carries its double quotes.

use crate::cli::aws::args::Globals;
use crate::cli::aws::blob::BinaryFormat;
use crate::cli::aws::errors::CliError;
use crate::cli::shell::tokenizer::Word;
use crate::engine::{Engine, ErrorType};
use serde_json::Value;

/// The hint beside `aws kinesis subscribe-to-shard`, which AWS CLI v2 does not offer.
pub const SUBSCRIBE_TO_SHARD: &str = "AWS CLI v2 has no subscribe-to-shard: SubscribeToShard answers with an event stream over HTTP/2, \
     which SDKs and the Kinesis Client Library read, not the CLI. In the playground, \
     `sim subscribe-to-shard --consumer-arn ARN --shard-id shardId-000000000000 --starting-position Type=LATEST --for 30s` \
     subscribes as an SDK would and prints each event as it arrives.";

fn blob_options() -> [&'static str; 2] {
    ["--data", "--records"]
}

/// Words that the shell glued from quoted and unquoted parts, given to a payload option.
fn stripped_payloads(words: &[Word]) -> Vec<&Word> {
    let mut out = Vec::new();
    for pair in words.windows(2) {
        if blob_options().contains(&pair[0].text.as_str()) && pair[1].mixed_quotes && pair[1].raw.contains('"') {
            out.push(&pair[1]);
        }
    }
    out
}

/// Hints for a failed command.
pub fn for_error(e: &CliError, words: &[Word], g: &Globals, request: Option<&Value>) -> Vec<String> {
    let mut hints = Vec::new();
    match e {
        CliError::General(msg) if msg.starts_with("Invalid base64:") => {
            hints.push(
                "AWS CLI v2 reads blob parameters such as --data as base64 by default, and this text is not valid base64. \
                 To send the text itself, add --cli-binary-format raw-in-base64-out (or pass base64, e.g. the output of `echo -n 'hello' | base64`)."
                    .into(),
            );
        }
        CliError::Service { error, .. } => {
            hints.push(format!("{}: {}", error.error_type.aws_name(), error.error_type.explanation()));
            if error.error_type == ErrorType::InvalidArgument
                && request
                    .and_then(|r| r.get("ShardIterator"))
                    .and_then(Value::as_str)
                    .is_some_and(|s| s.starts_with('"'))
            {
                hints.push("The shard iterator still has double quotes around it: `--query` with JSON output prints a JSON string, quotes included. Use `--output text` when capturing values with $(...).".into());
            }
        }
        _ => {}
    }
    if request.is_none() {
        for w in stripped_payloads(words) {
            hints.push(quote_hint(w));
        }
    }
    let _ = g;
    hints
}

/// Hints for a call that reached the service (successful or not), from what the call sent.
pub fn for_call(
    op: &str,
    call: &crate::cli::aws::args::Call,
    words: &[Word],
    g: &Globals,
    succeeded: bool,
) -> Vec<String> {
    let mut hints = Vec::new();
    if op == "PutRecord" || op == "PutRecords" {
        for w in stripped_payloads(words) {
            hints.push(quote_hint(w));
        }
    }
    if g.binary_format == BinaryFormat::Base64 {
        for (text, bytes) in &call.decoded_blobs {
            let dropped = text.chars().any(|c| !(c.is_ascii_alphanumeric() || "+/=".contains(c)));
            let garbled =
                std::str::from_utf8(bytes).map_or(true, |t| t.chars().any(|c| c.is_control() && !c.is_whitespace()));
            if dropped || garbled {
                hints.push(format!(
                    "--data was read as base64 (AWS CLI v2's default), so \"{text}\" became {} other bytes, not this text. \
                     Add --cli-binary-format raw-in-base64-out to send the text as it is.",
                    bytes.len()
                ));
            }
        }
    }
    if g.endpoint_url.is_some() || g.region.as_deref().is_some_and(|r| r != "us-east-1") {
        hints.push(
            "The playground ignores --region and --endpoint-url: every call goes to the simulated account 123456789012 in us-east-1."
                .into(),
        );
    }
    if let Some(s) = call.request.get("ShardIterator").and_then(Value::as_str) {
        if succeeded && s.starts_with('"') && s.ends_with('"') && s.len() > 1 {
            hints.push("This shard iterator kept the double quotes that `--query` printed (JSON output); Kinesis accepts them, \
                        but `--output text` gives the bare value."
                .into());
        }
    }
    hints
}

/// A hint when a stream-scoped call failed while the stream is not ACTIVE yet.
pub fn for_stream_state(engine: &Engine, request: &Value) -> Option<String> {
    let name = request.get("StreamName").and_then(Value::as_str)?;
    let s = engine.stream(name)?;
    (s.status.as_str() == "CREATING").then(|| {
        format!(
            "Stream {name} is still CREATING. Wait for it with `aws kinesis wait stream-exists --stream-name {name}`, \
             or move the simulated clock with `sim clock advance 10s`."
        )
    })
}

fn quote_hint(w: &Word) -> String {
    format!(
        "The shell removed the inner double quotes: {} became the text {}, which is not JSON. \
         Wrap JSON in single quotes instead: '{}'.",
        w.raw,
        w.text,
        w.raw.trim_matches('"')
    )
}
