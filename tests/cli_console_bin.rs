//! The native `kinesis-console` binary: script mode, `--jsonl`, determinism, options.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinesis-console"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("console starts");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("console ends");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

const SCRIPT: &str = "# a comment\n\naws kinesis create-stream --stream-name s --shard-count 1\naws kinesis wait \\\n  stream-exists --stream-name s\naws kinesis put-record --stream-name s --partition-key k --data aGk=\naws kinesis describe-stream --stream-name nope\n";

#[test]
fn jsonl_prints_one_object_per_command() {
    let (stdout, _, code) = run(&["--jsonl"], SCRIPT);
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1]["input"], "aws kinesis wait \\\n  stream-exists --stream-name s");
    assert_eq!(lines[2]["exit_code"], 0);
    assert!(lines[2]["stdout"].as_str().is_some_and(|s| s.contains("shardId-000000000000")));
    assert_eq!(lines[3]["exit_code"], 254);
    assert!(lines[3]["hints"].as_array().is_some_and(|h| !h.is_empty()));
    assert_eq!(code, 254);
    let keys: Vec<&String> = lines[0].as_object().expect("object").keys().collect();
    assert_eq!(keys, ["input", "exit_code", "stdout", "stderr", "hints"]);
}

#[test]
fn same_input_same_output() {
    let a = run(&["--jsonl", "--seed", "3", "--start-time", "2025-06-01T12:00:00Z"], SCRIPT);
    let b = run(&["--jsonl", "--seed", "3", "--start-time", "2025-06-01T12:00:00Z"], SCRIPT);
    assert_eq!(a, b);
    assert!(a.0.contains("2025") || a.0.contains("shardId"));
}

#[test]
fn plain_mode_writes_like_a_terminal() {
    let (stdout, stderr, _) = run(&["--echo"], SCRIPT);
    assert!(stdout.starts_with("$ aws kinesis create-stream"));
    assert!(stderr.contains(
        "\naws: [ERROR]: An error occurred (ResourceNotFoundException) when calling the DescribeStream operation"
    ));
    assert!(stderr.contains("hint: "));
}

#[test]
fn options() {
    let (stdout, _, code) = run(&["--help"], "");
    assert_eq!(code, 0);
    assert!(stdout.contains("--jsonl"));
    let (_, stderr, code) = run(&["--bogus"], "");
    assert_eq!(code, 2);
    assert!(stderr.contains("unexpected argument '--bogus'"));
    let (_, _, code) = run(&["--start-time", "yesterday"], "");
    assert_eq!(code, 2);
}
