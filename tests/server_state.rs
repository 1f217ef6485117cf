//! `kinesis-console serve --state FILE`: the session survives a restart (saved on stop and on an interval, as the
//! saved-session document the page opens), and a damaged or newer file is refused before the server listens.
#![cfg(not(target_arch = "wasm32"))]

mod served;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};
use served::ServerProcess;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kinesis-serve-state-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn records(server: &ServerProcess, stream: &str) -> Vec<Value> {
    let shards = server.ok("ListShards", &json!({"StreamName": stream}));
    let mut all = Vec::new();
    for shard in shards["Shards"].as_array().expect("shards") {
        let it = server.ok(
            "GetShardIterator",
            &json!({"StreamName": stream, "ShardId": shard["ShardId"], "ShardIteratorType": "TRIM_HORIZON"}),
        );
        let got = server.ok("GetRecords", &json!({"ShardIterator": it["ShardIterator"]}));
        all.extend(got["Records"].as_array().expect("records").iter().cloned());
    }
    all
}

#[test]
fn the_session_survives_a_restart() {
    let dir = temp_dir("restart");
    let file = dir.join("session.json");
    let path = file.to_str().expect("utf-8 path");
    let server = ServerProcess::start(&["--clock", "manual", "--state", path]);
    server.ok("CreateStream", &json!({"StreamName": "kept", "ShardCount": 2}));
    server.advance("5s");
    for i in 0..6 {
        server.ok(
            "PutRecord",
            &json!({"StreamName": "kept", "PartitionKey": format!("k{i}"), "Data": STANDARD.encode(format!("r{i}"))}),
        );
    }
    server.console("sim producer add --stream-name kept --rate 10");
    server.advance("2s");
    let before = records(&server, "kept");
    assert!(before.len() >= 20, "6 records and the producer's: {}", before.len());
    let clock = server.control("GET", "/_playground/clock", &Value::Null).1;
    let (status, _) = server.stop();
    assert_eq!(status.code(), Some(0));

    let document: Value = serde_json::from_str(&std::fs::read_to_string(&file).expect("saved")).expect("JSON");
    assert_eq!(document["kind"], "kinesis-playground-session", "the page's saved-session format");

    let again = ServerProcess::start(&["--clock", "manual", "--state", path]);
    assert_eq!(again.control("GET", "/_playground/clock", &Value::Null).1, clock, "the clock where it stopped");
    assert_eq!(records(&again, "kept"), before, "the same records, sequence numbers and times");
    let producers = again.console("sim producer list");
    assert!(producers["stdout"].as_str().is_some_and(|s| s.contains("kept")), "{producers}");
    drop(again);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_state_is_saved_on_an_interval_while_serving() {
    let dir = temp_dir("interval");
    let file = dir.join("s.json");
    let server = ServerProcess::start(&["--clock", "manual", "--state", file.to_str().expect("path")]);
    server.ok("CreateStream", &json!({"StreamName": "tick", "ShardCount": 1}));
    let deadline = Instant::now() + Duration::from_secs(20);
    let saved = loop {
        if let Ok(text) = std::fs::read_to_string(&file) {
            if text.contains("CreateStream") {
                break text;
            }
        }
        assert!(Instant::now() < deadline, "saved within 20 s while serving");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(saved.contains("\"tick\""));
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_damaged_or_newer_state_file_is_refused_before_listening() {
    let dir = temp_dir("refused");
    let file = dir.join("bad.json");
    let bin = env!("CARGO_BIN_EXE_kinesis-console");
    for (content, says) in [
        ("{\"kind\": \"kinesis-playground-session\", \"version\": 1, \"entries\": [", "not valid JSON"),
        (r#"{"kind": "kinesis-playground-session", "version": 7, "entries": []}"#, "newer version"),
        (r#"{"streams": []}"#, "not a Kinesis Playground session"),
    ] {
        std::fs::write(&file, content).expect("write");
        let out = Command::new(bin)
            .args(["serve", "--port", "0", "--clock", "manual", "--state", file.to_str().expect("path")])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty(), "no banner: it never listened");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("kinesis-console serve: the state file "), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert_eq!(std::fs::read_to_string(&file).expect("kept"), content, "the file is left as it was");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
