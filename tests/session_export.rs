//! Exporting a session: the bash script keeps every line's quoting and passes `bash -n`; the transcript replays
//! to itself through the transcript runner.

#![cfg(not(target_arch = "wasm32"))]

mod transcript_runner;

use kinesis_playground::engine::EngineConfig;
use kinesis_playground::session::export::{bash_script, transcript};
use kinesis_playground::session::{Entry, SavedSession};
use serde_json::json;

fn session(lines: &[&str]) -> SavedSession {
    let mut s = SavedSession::new(&EngineConfig::default(), 0);
    s.entries = lines.iter().map(|l| Entry::Line((*l).to_string())).collect();
    s
}

const LINES: &[&str] = &[
    "aws kinesis create-stream --stream-name DemoStream --shard-count 1",
    "aws kinesis wait stream-exists --stream-name DemoStream",
    r#"aws kinesis put-record --stream-name DemoStream --partition-key 1 --cli-binary-format raw-in-base64-out --data "{"trans_id": 1, "trans_type": "ATM", "amt": 200}""#,
    "aws kinesis put-record --stream-name DemoStream --partition-key 'it'\\''s' \\\n--cli-binary-format raw-in-base64-out --data '<b>bold</b>'",
    "sim clock advance 30s",
    "sim producer add --stream-name DemoStream --rate 5",
    "IT=$(aws kinesis get-shard-iterator --stream-name DemoStream --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)",
    "aws kinesis get-records --shard-iterator $IT --query 'Records[].PartitionKey'",
    "aws kinesis describe-stream --stream-name Nope",
];

#[test]
fn the_bash_script_keeps_each_line_and_passes_bash_n() {
    let mut s = session(LINES);
    s.entries.push(Entry::Advance(1500));
    s.entries.push(Entry::Call {
        at_ms: 1_704_067_300_000,
        operation: "PutRecord".into(),
        request: json!({"StreamName": "DemoStream", "PartitionKey": "o'clock", "Data": "aGk="}),
    });
    let script = bash_script(&s);
    for l in LINES.iter().filter(|l| !l.starts_with("sim ")) {
        assert!(script.contains(&format!("{l}\n")), "{l} is not in\n{script}");
    }
    assert!(script.contains("sleep 30\n"));
    assert!(script.contains("# sim producer add --stream-name DemoStream --rate 5 (a playground command"));
    assert!(
        script.contains("# (1.5s passed on the playground's clock)")
            || script.contains("passed on the playground's clock")
    );
    assert!(script.contains(r#"aws kinesis put-record --cli-input-json '{"StreamName":"DemoStream","PartitionKey":"o'\''clock","Data":"aGk="}'"#), "{script}");
    let Ok(_) = std::process::Command::new("bash").arg("--version").output() else {
        eprintln!("skipped bash -n: no bash on this machine");
        return;
    };
    let path = std::env::temp_dir().join(format!("session-export-{}.sh", std::process::id()));
    std::fs::write(&path, &script).unwrap();
    let out = std::process::Command::new("bash").arg("-n").arg(&path).output().unwrap();
    std::fs::remove_file(&path).ok();
    assert!(out.status.success(), "{}\n{script}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_transcript_replays_to_itself() {
    let text = transcript(&session(LINES)).expect("outside the page every part is in");
    assert!(
        text.contains(
            "$ aws kinesis put-record --stream-name DemoStream --partition-key 'it'\\''s' \\\n> --cli-binary-format"
        ),
        "{text}"
    );
    assert!(text.contains("? 254\n"));
    assert!(text.contains("# hint: The shell removed the inner double quotes"));
    let again = transcript_runner::run_transcript(&text);
    assert_eq!(again, text, "{}", transcript_runner::first_difference(&text, &again));
}
