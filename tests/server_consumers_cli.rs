//! The real AWS CLI v2 (2.36.7) and the playground's console agree, byte for byte, on the enhanced fan-out
//! operations (RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers, DeregisterStreamConsumer, and
//! DeleteStream with consumers) and on `aws kinesis subscribe-to-shard`, which CLI v2 does not have: every command
//! runs through the real CLI on stream `sa` and through the served console on its twin `sb` (created at the same
//! instant, changed the same way, so their answers differ only in the name). Output, errors and exit codes must
//! match. Skipped, with one line, where `../shared/tools` is absent.
#![cfg(not(target_arch = "wasm32"))]

mod served;

use served::aws_cli::aws;
use served::twins::{cmd, compare, Step};
use served::ServerProcess;

/// The text with each `"NextToken": "..."` decoded (the token is base64 of text that names the stream), so that
/// the twins' tokens compare like the rest of their answers.
fn same_tokens(text: &str) -> String {
    use base64::Engine as _;
    let marker = "\"NextToken\": \"";
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        let (head, tail) = rest.split_at(at + marker.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let decoded = base64::engine::general_purpose::STANDARD.decode(&tail[..end]).unwrap_or_default();
        out.push_str(&String::from_utf8_lossy(&decoded));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_real_cli_and_the_console_agree_on_the_consumer_operations() {
    let Some(aws) = aws() else { return };
    let server = ServerProcess::start(&["--clock", "manual"]);
    for s in ["sa", "sb"] {
        server.console(&format!("aws kinesis create-stream --stream-name {s} --shard-count 2"));
    }
    server.advance("10s");
    let arn = "arn:aws:kinesis:us-east-1:123456789012:stream/{S}";
    let k = "kinesis";
    let steps = vec![
        cmd(&[k, "register-stream-consumer", "--stream-arn", arn, "--consumer-name", "app-a"]),
        cmd(&[k, "describe-stream-consumer", "--stream-arn", arn, "--consumer-name", "app-a"]),
        cmd(&[k, "register-stream-consumer", "--stream-arn", arn, "--consumer-name", "app-a"]),
        Step::Advance("1s"),
        cmd(&[
            k,
            "register-stream-consumer",
            "--stream-arn",
            "arn:aws:kinesis:us-east-1:123456789012:stream/no{S}",
            "--consumer-name",
            "x",
        ]),
        cmd(&[k, "register-stream-consumer", "--stream-arn", "not-an-arn", "--consumer-name", "app-a"]),
        cmd(&[k, "register-stream-consumer", "--stream-arn", arn]),
        cmd(&[k, "register-stream-consumer", "--stream-arn", arn, "--consumer-name", "bad name!"]),
        Step::Advance("10s"),
        cmd(&[k, "list-stream-consumers", "--stream-arn", arn]),
        cmd(&[k, "register-stream-consumer", "--stream-arn", arn, "--consumer-name", "app-b", "--output", "text"]),
        cmd(&[k, "list-stream-consumers", "--stream-arn", arn, "--max-results", "1"]),
        cmd(&[k, "list-stream-consumers", "--stream-arn", arn, "--max-items", "1"]),
        cmd(&[k, "list-stream-consumers", "--stream-arn", arn, "--output", "table"]),
        cmd(&[k, "list-stream-consumers", "--stream-arn", arn, "--output", "text"]),
        cmd(&[k, "list-stream-consumers", "--stream-arn", arn, "--max-results", "0"]),
        cmd(&[k, "list-stream-consumers", "--stream-arn", "arn:aws:kinesis:us-east-1:123456789012:stream/no{S}"]),
        cmd(&[k, "describe-stream-consumer", "--consumer-arn", "{C}"]),
        cmd(&[k, "describe-stream-consumer", "--consumer-arn", "{C}", "--output", "table"]),
        cmd(&[k, "describe-stream-consumer", "--consumer-name", "app-a"]),
        cmd(&[k, "describe-stream-consumer", "--stream-arn", arn, "--consumer-name", "nobody"]),
        cmd(&[k, "describe-stream-consumer", "--consumer-arn", "{C}", "--consumer-name", "app-b", "--stream-arn", arn]),
        cmd(&[k, "describe-stream-consumer", "--consumer-arn", "arn:aws:kinesis:us-east-1:123456789012:stream/{S}"]),
        cmd(&[
            k,
            "describe-stream-summary",
            "--stream-name",
            "{S}",
            "--query",
            "StreamDescriptionSummary.ConsumerCount",
        ]),
        cmd(&[
            k,
            "subscribe-to-shard",
            "--consumer-arn",
            "{C}",
            "--shard-id",
            "shardId-000000000000",
            "--starting-position",
            "Type=LATEST",
        ]),
        cmd(&[k, "subscribe-to-shard"]),
        cmd(&[k, "deregister-stream-consumer", "--consumer-arn", "{C}"]),
        cmd(&[k, "describe-stream-consumer", "--consumer-arn", "{C}"]),
        cmd(&[k, "deregister-stream-consumer", "--consumer-name", "app-b"]),
        cmd(&[k, "deregister-stream-consumer", "--stream-arn", arn, "--consumer-name", "nobody"]),
        Step::Advance("10s"),
        cmd(&[k, "describe-stream-consumer", "--consumer-arn", "{C}"]),
        cmd(&[k, "list-stream-consumers", "--stream-arn", arn]),
        cmd(&[k, "delete-stream", "--stream-name", "{S}"]),
        cmd(&[k, "delete-stream", "--stream-name", "{S}", "--enforce-consumer-deletion"]),
        cmd(&[
            k,
            "describe-stream-summary",
            "--stream-name",
            "{S}",
            "--query",
            "StreamDescriptionSummary.StreamStatus",
        ]),
    ];
    let consumer_arn = |s: &str| {
        let line = format!(
            "aws kinesis describe-stream-consumer --stream-arn arn:aws:kinesis:us-east-1:123456789012:stream/{s} --consumer-name app-a --query ConsumerDescription.ConsumerARN --output text"
        );
        server.console(&line)["stdout"].as_str().unwrap_or_default().trim().to_owned()
    };
    let (mut arn_a, mut arn_b) = (String::new(), String::new());
    let on = |args: &[String], s: &str| {
        if arn_a.is_empty() && args.iter().any(|a| a == "{C}") {
            (arn_a, arn_b) = (consumer_arn("sa"), consumer_arn("sb"));
            assert!(
                arn_a.ends_with(&arn_b.replace("sb", "sa")) && arn_a.contains("/consumer/app-a:"),
                "{arn_a} {arn_b}"
            );
        }
        let c = if s == "sa" { &arn_a } else { &arn_b };
        args.iter().map(|a| a.replace("{C}", c).replace("{S}", s)).collect()
    };
    let failures = compare(&aws, &server, &steps, on, same_tokens);
    assert!(failures.is_empty(), "the real CLI and the console differ:\n{}", failures.join("\n"));
}
