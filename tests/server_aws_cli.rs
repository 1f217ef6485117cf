//! The real AWS CLI v2 (2.36.7) against `kinesis-console serve`: a stream's whole life driven by `aws kinesis ...`
//! with the simulated clock moved by the test, and the same commands printing the same bytes (output, errors, exit
//! codes) through the real CLI and through the playground's console. Skipped, with one line, where `../shared/tools`
//! is absent.
#![cfg(not(target_arch = "wasm32"))]

mod served;

use serde_json::{json, Value};
use served::aws_cli::{aws, run_aws, AwsRun};
use served::ServerProcess;
use std::path::Path;

fn ok(aws: &Path, server: &ServerProcess, args: &[&str]) -> String {
    let run = run_aws(aws, &server.url, args);
    assert_eq!(run.exit_code, 0, "aws {}: {run:?}", args.join(" "));
    assert_eq!(run.stderr, "", "aws {}", args.join(" "));
    run.stdout
}

fn fails(aws: &Path, server: &ServerProcess, args: &[&str]) -> AwsRun {
    let run = run_aws(aws, &server.url, args);
    assert_ne!(run.exit_code, 0, "aws {}: {run:?}", args.join(" "));
    run
}

/// `kinesis <args>`.
fn k<'a>(args: &[&'a str]) -> Vec<&'a str> {
    [&["kinesis"], args].concat()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn the_real_cli_drives_a_stream_through_its_life() {
    let Some(aws) = aws() else { return };
    let server = ServerProcess::start(&["--clock", "manual"]);

    assert_eq!(ok(&aws, &server, &k(&["create-stream", "--stream-name", "orders", "--shard-count", "2"])), "");
    let status = ["describe-stream-summary", "--stream-name", "orders"];
    let status = k(&[&status[..], &["--query", "StreamDescriptionSummary.StreamStatus", "--output", "text"]].concat());
    assert_eq!(ok(&aws, &server, &status), "CREATING\n");
    assert_eq!(server.advance("5s")["now"], "2024-01-01T00:00:05.000Z");
    assert_eq!(ok(&aws, &server, &k(&["wait", "stream-exists", "--stream-name", "orders"])), "");
    assert_eq!(ok(&aws, &server, &status), "ACTIVE\n");

    let put = json(&ok(
        &aws,
        &server,
        &k(&[
            "put-record",
            "--stream-name",
            "orders",
            "--partition-key",
            "customer-1",
            "--cli-binary-format",
            "raw-in-base64-out",
            "--data",
            r#"{"id": 1}"#,
        ]),
    ));
    let shard = put["ShardId"].as_str().expect("ShardId").to_string();
    assert!(put["SequenceNumber"].as_str().is_some_and(|s| s.len() == 56 && s.bytes().all(|b| b.is_ascii_digit())));
    let puts = json(&ok(
        &aws,
        &server,
        &k(&[
            "put-records",
            "--stream-name",
            "orders",
            "--records",
            "Data=aGk=,PartitionKey=a",
            "Data=aG8=,PartitionKey=b",
        ]),
    ));
    assert_eq!(puts["FailedRecordCount"], 0);
    assert_eq!(puts["Records"].as_array().map(Vec::len), Some(2));

    let shards = ok(
        &aws,
        &server,
        &k(&["list-shards", "--stream-name", "orders", "--query", "Shards[].ShardId", "--output", "text"]),
    );
    assert_eq!(shards, "shardId-000000000000\tshardId-000000000001\n");

    let iterator = ok(
        &aws,
        &server,
        &k(&[
            "get-shard-iterator",
            "--stream-name",
            "orders",
            "--shard-id",
            &shard,
            "--shard-iterator-type",
            "TRIM_HORIZON",
            "--query",
            "ShardIterator",
            "--output",
            "text",
        ]),
    );
    let iterator = iterator.trim_end();
    let records = json(&ok(&aws, &server, &k(&["get-records", "--shard-iterator", iterator])));
    let first = &records["Records"][0];
    assert_eq!(first["Data"], "eyJpZCI6IDF9", "the bytes of {{\"id\": 1}}, printed as base64");
    assert_eq!(first["PartitionKey"], "customer-1");
    assert_eq!(first["ApproximateArrivalTimestamp"], "2024-01-01T00:00:05+00:00");
    assert_eq!(first["SequenceNumber"], put["SequenceNumber"]);

    server.advance("301s");
    let expired = fails(&aws, &server, &k(&["get-records", "--shard-iterator", iterator]));
    assert_eq!(expired.exit_code, 254);
    assert!(
        expired.stderr.contains("An error occurred (ExpiredIteratorException) when calling the GetRecords operation"),
        "{expired:?}"
    );

    assert_eq!(ok(&aws, &server, &k(&["delete-stream", "--stream-name", "orders"])), "");
    server.advance("5s");
    assert_eq!(json(&ok(&aws, &server, &k(&["list-streams"]))), json!({"StreamNames": [], "StreamSummaries": []}));
}

#[test]
fn the_real_cli_gets_the_services_errors() {
    let Some(aws) = aws() else { return };
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s"]);
    let missing = fails(&aws, &server, &["kinesis", "describe-stream", "--stream-name", "nope"]);
    assert_eq!(missing.exit_code, 254);
    assert_eq!(
        missing.stderr,
        "\naws: [ERROR]: An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: \
         Stream nope under account 123456789012 not found.\n"
    );
    ok(&aws, &server, &["kinesis", "create-stream", "--stream-name", "s", "--shard-count", "1"]);
    let key = "k".repeat(257);
    let invalid = fails(
        &aws,
        &server,
        &["kinesis", "put-record", "--stream-name", "s", "--partition-key", &key, "--data", "aGk="],
    );
    assert_eq!(invalid.exit_code, 254);
    assert!(
        invalid.stderr.ends_with(&format!(
            "(ValidationException) when calling the PutRecord operation: 1 validation error detected: Value '{key}' at \
             'partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256\n"
        )),
        "{invalid:?}"
    );
    let in_use = fails(&aws, &server, &["kinesis", "create-stream", "--stream-name", "s", "--shard-count", "1"]);
    assert_eq!(in_use.exit_code, 254);
    assert!(in_use.stderr.contains("(ResourceInUseException) when calling the CreateStream operation"), "{in_use:?}");
}

#[test]
fn the_real_cli_and_the_served_console_print_the_same() {
    let Some(aws) = aws() else { return };
    let server = ServerProcess::start(&["--clock", "manual"]);
    server.console("aws kinesis create-stream --stream-name s --shard-count 3");
    server.console("aws kinesis wait stream-exists --stream-name s");
    server.console("aws kinesis add-tags-to-stream --stream-name s --tags team=data");
    server.console("aws kinesis put-record --stream-name s --partition-key k --data aGk=");
    for line in [
        "kinesis list-streams",
        "kinesis describe-stream-summary --stream-name s",
        "kinesis describe-stream --stream-name s",
        "kinesis list-shards --stream-name s --output text",
        "kinesis list-tags-for-stream --stream-name s --output table",
        "kinesis describe-limits",
    ] {
        let args: Vec<&str> = line.split(' ').collect();
        let real = ok(&aws, &server, &args);
        let console = server.console(&format!("aws {line}"));
        assert_eq!(console["exit_code"], 0, "{line}: {console}");
        assert_eq!(console["stdout"].as_str(), Some(real.as_str()), "aws {line}");
    }
    for line in ["kinesis describe-stream --stream-name nope", "kinesis delete-stream --stream-name nope"] {
        let args: Vec<&str> = line.split(' ').collect();
        let real = fails(&aws, &server, &args);
        let console = server.console(&format!("aws {line}"));
        assert_eq!(console["exit_code"], real.exit_code, "aws {line}");
        assert_eq!(console["stderr"].as_str(), Some(real.stderr.as_str()), "aws {line}");
    }
}

/// The operations the other tests leave out, and the error types they do not meet: each error printed by the real
/// CLI and by the served console byte for byte, with the same exit code.
#[test]
fn the_real_cli_runs_the_remaining_operations_and_error_types() {
    let Some(aws) = aws() else { return };
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s", "--update-delay", "0s"]);
    let run = |line: &str| ok(&aws, &server, &line.split(' ').collect::<Vec<_>>());
    let same_error = |line: &str, error_type: &str| {
        let real = fails(&aws, &server, &line.split(' ').collect::<Vec<_>>());
        assert!(real.stderr.contains(&format!("({error_type})")), "aws {line}: {real:?}");
        let console = server.console(&format!("aws {line}"));
        assert_eq!(console["exit_code"], real.exit_code, "aws {line}");
        assert_eq!(console["stderr"].as_str(), Some(real.stderr.as_str()), "aws {line}");
    };
    run("kinesis create-stream --stream-name r --shard-count 1");
    run("kinesis increase-stream-retention-period --stream-name r --retention-period-hours 48");
    run("kinesis decrease-stream-retention-period --stream-name r --retention-period-hours 24");
    same_error(
        "kinesis increase-stream-retention-period --stream-name r --retention-period-hours 12",
        "InvalidArgumentException",
    );
    run("kinesis split-shard --stream-name r --shard-to-split shardId-000000000000 --new-starting-hash-key 170141183460469231731687303715884105728");
    server.advance("1s");
    run("kinesis merge-shards --stream-name r --shard-to-merge shardId-000000000001 --adjacent-shard-to-merge shardId-000000000002");
    server.advance("1s");
    let scaled =
        json(&run("kinesis update-shard-count --stream-name r --target-shard-count 2 --scaling-type UNIFORM_SCALING"));
    assert_eq!((scaled["CurrentShardCount"].clone(), scaled["TargetShardCount"].clone()), (json!(1), json!(2)));
    server.advance("1s");
    let arn =
        run("kinesis describe-stream-summary --stream-name r --query StreamDescriptionSummary.StreamARN --output text");
    let arn = arn.trim();
    let consumer = json(&run(&format!("kinesis register-stream-consumer --stream-arn {arn} --consumer-name app")));
    let consumer_arn = consumer["Consumer"]["ConsumerARN"].as_str().expect("arn").to_string();
    server.advance("10s");
    let described = json(&run(&format!("kinesis describe-stream-consumer --consumer-arn {consumer_arn}")));
    assert_eq!(described["ConsumerDescription"]["ConsumerStatus"], "ACTIVE");
    let listed = json(&run(&format!("kinesis list-stream-consumers --stream-arn {arn}")));
    assert_eq!(listed["Consumers"][0]["ConsumerName"], "app");
    run(&format!("kinesis deregister-stream-consumer --consumer-arn {consumer_arn}"));
    run(&format!("kinesis update-stream-mode --stream-arn {arn} --stream-mode-details StreamMode=ON_DEMAND"));
    server.advance("1s");
    run("kinesis add-tags-to-stream --stream-name r --tags a=1,b=2");
    run("kinesis remove-tags-from-stream --stream-name r --tag-keys a");
    assert_eq!(json(&run("kinesis list-tags-for-stream --stream-name r"))["Tags"], json!([{"Key": "b", "Value": "2"}]));
    assert!(json(&run("kinesis describe-account-settings")).is_object());

    same_error("kinesis create-stream --stream-name huge --shard-count 100000", "LimitExceededException");
    run("kinesis create-stream --stream-name hot --shard-count 1");
    let batch: Vec<Value> = (0..500).map(|i| json!({"PartitionKey": format!("k{i}"), "Data": "AA=="})).collect();
    for _ in 0..2 {
        server.ok("PutRecords", &json!({"StreamName": "hot", "Records": batch}));
    }
    same_error(
        "kinesis put-record --stream-name hot --partition-key k --data AA==",
        "ProvisionedThroughputExceededException",
    );
    let it = run("kinesis get-shard-iterator --stream-name hot --shard-id shardId-000000000000 --shard-iterator-type LATEST --query ShardIterator --output text");
    server.advance("301s");
    same_error(&format!("kinesis get-records --shard-iterator {}", it.trim()), "ExpiredIteratorException");
    same_error("kinesis get-records --shard-iterator AAAA", "InvalidArgumentException");
}
