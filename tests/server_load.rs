//! A load test of `kinesis-console serve` on loopback: many concurrent clients for a bounded number of requests (and
//! at most a minute): every request answered exactly once (one answer each, request ids all different), the
//! per-shard write limit exact under concurrency (1,000 records in a simulated second, not one more), every record
//! acknowledged readable once, and a clean stop afterwards.
#![cfg(not(target_arch = "wasm32"))]

mod served;

use serde_json::{json, Value};
use served::ServerProcess;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

const CLIENTS: usize = 16;
const REQUESTS_PER_CLIENT: usize = 150;

#[test]
fn concurrent_clients_lose_nothing_and_the_shard_limit_stays_exact() {
    let server = Arc::new(ServerProcess::start(&["--clock", "manual", "--create-delay", "0s"]));
    server.ok("CreateStream", &json!({"StreamName": "load", "ShardCount": 1}));
    let started = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let server = Arc::clone(&server);
            std::thread::spawn(move || {
                let mut answers = Vec::new();
                for i in 0..REQUESTS_PER_CLIENT {
                    if started.elapsed() > Duration::from_secs(60) {
                        break;
                    }
                    let data = format!("c{c}-r{i}");
                    let request = json!({"StreamName": "load", "PartitionKey": data, "Data": base64_of(&data)});
                    let r = server.kinesis("PutRecord", &request);
                    let id = r.header("x-amzn-requestid").unwrap_or_default().to_string();
                    answers.push((data, r.status, r.json(), id));
                }
                answers
            })
        })
        .collect();
    let answers: Vec<(String, u16, Value, String)> =
        workers.into_iter().flat_map(|w| w.join().expect("a client thread")).collect();
    assert_eq!(answers.len(), CLIENTS * REQUESTS_PER_CLIENT, "every request answered within the minute");
    let ids: HashSet<&str> = answers.iter().map(|a| a.3.as_str()).collect();
    assert_eq!(ids.len(), answers.len(), "one request id per answer: none answered twice");

    let mut accepted = HashSet::new();
    let mut sequence_numbers = HashSet::new();
    for (data, status, body, _) in &answers {
        match status {
            200 => {
                assert!(sequence_numbers.insert(body["SequenceNumber"].as_str().expect("seq").to_string()));
                accepted.insert(data.clone());
            }
            400 => assert_eq!(body["__type"], "ProvisionedThroughputExceededException", "{body}"),
            other => panic!("answered {other}: {body}"),
        }
    }
    assert_eq!(accepted.len(), 1000, "1,000 records a second per shard, exactly, under {CLIENTS} clients");

    let it = server.ok(
        "GetShardIterator",
        &json!({"StreamName": "load", "ShardId": "shardId-000000000000", "ShardIteratorType": "TRIM_HORIZON"}),
    );
    let got = server.ok("GetRecords", &json!({"ShardIterator": it["ShardIterator"], "Limit": 10000}));
    let read: Vec<String> = got["Records"]
        .as_array()
        .expect("records")
        .iter()
        .map(|r| r["PartitionKey"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(read.len(), 1000, "every acknowledged record stored once");
    assert_eq!(read.into_iter().collect::<HashSet<_>>(), accepted);

    let server = Arc::try_unwrap(server).unwrap_or_else(|_| panic!("the clients are done"));
    let (status, printed) = server.stop();
    assert_eq!(status.code(), Some(0), "{printed}");
}

fn base64_of(s: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(s)
}
