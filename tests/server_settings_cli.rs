//! The real AWS CLI v2 (2.36.7) and the playground's console agree, byte for byte, on the stream settings
//! operations, run on twin streams ([`served::twins`]). Skipped, with one line, where `../shared/tools` is absent.
#![cfg(not(target_arch = "wasm32"))]

mod served;

use served::aws_cli::{aws, run_aws};
use served::twins::{cmd, compare, Step};
use served::ServerProcess;

#[test]
fn the_real_cli_and_the_console_agree_on_the_settings_operations() {
    let Some(aws) = aws() else { return };
    let server = ServerProcess::start(&["--clock", "manual"]);
    for s in ["sa", "sb"] {
        server.console(&format!("aws kinesis create-stream --stream-name {s} --shard-count 1"));
        server.console(&format!(
            "aws kinesis create-stream --stream-name o{s} --stream-mode-details StreamMode=ON_DEMAND"
        ));
    }
    server.advance("10s");
    let arn = "arn:aws:kinesis:us-east-1:123456789012:stream/{S}";
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["kinesis:GetRecords", "kinesis:DescribeStreamSummary"], "Resource": "arn:aws:kinesis:us-east-1:123456789012:stream/{S}"}]}"#;
    let k = "kinesis";
    let steps = vec![
        cmd(&[
            k,
            "start-stream-encryption",
            "--stream-name",
            "{S}",
            "--encryption-type",
            "KMS",
            "--key-id",
            "alias/aws/kinesis",
        ]),
        cmd(&[k, "describe-stream-summary", "--stream-name", "{S}"]),
        cmd(&[
            k,
            "start-stream-encryption",
            "--stream-name",
            "{S}",
            "--encryption-type",
            "KMS",
            "--key-id",
            "alias/aws/kinesis",
        ]),
        Step::Advance("5s"),
        cmd(&[k, "describe-stream-summary", "--stream-name", "{S}"]),
        cmd(&[k, "describe-stream", "--stream-name", "{S}"]),
        cmd(&[k, "put-record", "--stream-name", "{S}", "--partition-key", "k", "--data", "aGk="]),
        cmd(&[
            k,
            "put-records",
            "--stream-name",
            "{S}",
            "--records",
            "PartitionKey=a,Data=aGk=",
            "PartitionKey=b,Data=aGk=",
        ]),
        cmd(&[k, "start-stream-encryption", "--stream-name", "{S}", "--encryption-type", "KMS", "--key-id", "nope"]),
        cmd(&[k, "stop-stream-encryption", "--stream-name", "{S}", "--encryption-type", "KMS", "--key-id", "alias/x"]),
        cmd(&[k, "stop-stream-encryption", "--stream-name", "{S}", "--encryption-type", "AES", "--key-id", "alias/x"]),
        cmd(&[k, "enable-enhanced-monitoring", "--stream-name", "{S}", "--shard-level-metrics", "ALL"]),
        Step::Advance("5s"),
        cmd(&[
            k,
            "disable-enhanced-monitoring",
            "--stream-name",
            "{S}",
            "--shard-level-metrics",
            "IncomingBytes",
            "OutgoingRecords",
        ]),
        cmd(&[k, "enable-enhanced-monitoring", "--stream-name", "{S}", "--shard-level-metrics", "Bytes"]),
        cmd(&[k, "enable-enhanced-monitoring", "--stream-name", "{S}"]),
        Step::Advance("5s"),
        cmd(&[k, "describe-stream-summary", "--stream-name", "{S}", "--output", "table"]),
        cmd(&[k, "describe-stream-summary", "--stream-name", "{S}", "--output", "text"]),
        cmd(&[k, "update-max-record-size", "--stream-arn", arn, "--max-record-size-in-ki-b", "2048"]),
        cmd(&[k, "update-max-record-size", "--stream-arn", arn, "--max-record-size-in-ki-b", "100"]),
        cmd(&[k, "update-max-record-size", "--stream-arn", arn, "--max-record-size-in-ki-b", "20000"]),
        cmd(&[
            k,
            "describe-stream-summary",
            "--stream-name",
            "{S}",
            "--query",
            "StreamDescriptionSummary.MaxRecordSizeInKiB",
        ]),
        cmd(&[k, "tag-resource", "--resource-arn", arn, "--tags", "team:name=data", "env=dev"]),
        cmd(&[k, "tag-resource", "--resource-arn", arn, "--tags", "k=50%"]),
        cmd(&[k, "list-tags-for-resource", "--resource-arn", arn]),
        cmd(&[k, "untag-resource", "--resource-arn", arn, "--tag-keys", "env"]),
        cmd(&[k, "list-tags-for-resource", "--resource-arn", arn, "--output", "text"]),
        cmd(&[k, "add-tags-to-stream", "--stream-name", "{S}", "--tags", "a:b=c"]),
        cmd(&[k, "add-tags-to-stream", "--stream-name", "{S}", "--tags", "a=50%"]),
        cmd(&[k, "get-resource-policy", "--resource-arn", arn]),
        cmd(&[k, "put-resource-policy", "--resource-arn", arn, "--policy", policy]),
        cmd(&[k, "get-resource-policy", "--resource-arn", arn]),
        cmd(&[k, "put-resource-policy", "--resource-arn", arn, "--policy", "{"]),
        cmd(&[k, "delete-resource-policy", "--resource-arn", arn]),
        cmd(&[k, "delete-resource-policy", "--resource-arn", arn]),
        cmd(&[k, "update-stream-warm-throughput", "--stream-name", "o{S}", "--warm-throughput-mi-bps", "6"]),
        cmd(&[k, "list-shards"]),
        cmd(&[k, "describe-stream-summary", "--stream-name", "o{S}"]),
    ];
    let on = |args: &[String], s: &str| args.iter().map(|a| a.replace("{S}", s)).collect();
    let mut failures = compare(&aws, &server, &steps, on, str::to_owned);
    // Account settings are one per account: the real CLI changes them, the console reads them back.
    let real = run_aws(
        &aws,
        &server.url,
        &["kinesis", "update-account-settings", "--minimum-throughput-billing-commitment", "Status=ENABLED"],
    );
    let console = server.console("aws kinesis describe-account-settings");
    if console["stdout"].as_str() != Some(real.stdout.as_str()) || real.exit_code != 0 {
        failures.push(format!("update-account-settings: real {real:?}, console describe {console}"));
    }
    assert!(failures.is_empty(), "the real CLI and the console differ:\n{}", failures.join("\n"));
}
