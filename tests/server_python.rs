//! boto3 and the AWS CLI v1 (both from PyPI, in `tools/py/`) against `kinesis-console serve`: the seed tutorial end
//! to end and the service's error types as boto3 raises them (`tests/clients/boto3_check.py`), and the CLI v1's
//! output and exit codes for a round trip and an error.
#![cfg(not(target_arch = "wasm32"))]

mod served;

use served::{python, ServerProcess};
use std::process::Command;

fn aws_v1(server: &ServerProcess, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(python::bin().join("aws"))
        .args(["kinesis", "--endpoint-url", &server.url, "--output", "json"])
        .args(args)
        .env("AWS_ACCESS_KEY_ID", "x")
        .env("AWS_SECRET_ACCESS_KEY", "x")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_PAGER", "")
        .env("TZ", "UTC")
        .output()
        .expect("aws runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn boto3_runs_the_seed_tutorial_and_meets_every_error_type() {
    let bin = python::bin();
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s"]);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/clients/boto3_check.py");
    let out = Command::new(bin.join("python")).arg(script).arg(&server.url).output().expect("python runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.ends_with(", 0 failed\n") && stdout.contains("boto3: 10 passed"), "{stdout}");
}

#[test]
fn the_aws_cli_v1_round_trips_and_reports_errors() {
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s"]);
    let (code, stdout, stderr) = aws_v1(&server, &["create-stream", "--stream-name", "v1", "--shard-count", "1"]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    let (code, stdout, _) =
        aws_v1(&server, &["put-record", "--stream-name", "v1", "--partition-key", "k", "--data", "hello"]);
    assert_eq!(code, 0);
    let put: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(put["ShardId"], "shardId-000000000000");
    let (_, stdout, _) = aws_v1(
        &server,
        &[
            "get-shard-iterator",
            "--stream-name",
            "v1",
            "--shard-id",
            "shardId-000000000000",
            "--shard-iterator-type",
            "TRIM_HORIZON",
        ],
    );
    let it: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let (code, stdout, _) =
        aws_v1(&server, &["get-records", "--shard-iterator", it["ShardIterator"].as_str().expect("it")]);
    assert_eq!(code, 0);
    let records: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(records["Records"][0]["Data"], "aGVsbG8=", "CLI v1 sends --data as raw text and prints it in base64");
    assert_eq!(records["Records"][0]["SequenceNumber"], put["SequenceNumber"]);
    assert_eq!(records["Records"][0]["ApproximateArrivalTimestamp"], 1_704_067_200.0, "v1 prints epoch seconds");
    let (code, stdout, stderr) = aws_v1(&server, &["describe-stream", "--stream-name", "nope"]);
    assert_eq!((code, stdout.as_str()), (255, ""));
    assert_eq!(
        stderr.trim(),
        "An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: Stream nope under \
         account 123456789012 not found."
    );
    let (code, _, stderr) = aws_v1(&server, &["create-stream", "--stream-name", "bad name!", "--shard-count", "1"]);
    assert_eq!(code, 255);
    assert!(stderr.contains("(ValidationException) when calling the CreateStream operation"), "{stderr}");
}
