//! `kinesis-console serve` over HTTP/1.1: the Kinesis JSON protocol, the headers, the clock (real and manual), the
//! playground's endpoints, the options, and a clean stop. The real binary on a free port, a client of our own.
#![cfg(not(target_arch = "wasm32"))]

mod served;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};
use served::ServerProcess;
use std::io::Write;
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;
use std::time::{SystemTime, UNIX_EPOCH};

fn wall_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

#[test]
fn a_stream_round_trip_over_the_wire() {
    let server = ServerProcess::start(&["--clock", "manual"]);
    assert!(server.banner.starts_with("Kinesis Playground is serving the Kinesis API on http://127.0.0.1:"));
    let r = server.kinesis("CreateStream", &json!({"StreamName": "orders", "ShardCount": 2}));
    assert_eq!((r.status, r.body.len()), (200, 0), "an empty output is an empty body");
    assert_eq!(r.header("content-type"), Some("application/x-amz-json-1.1"));

    let summary = |s: &ServerProcess| s.ok("DescribeStreamSummary", &json!({"StreamName": "orders"}));
    assert_eq!(summary(&server)["StreamDescriptionSummary"]["StreamStatus"], "CREATING");
    server.advance("5s");
    assert_eq!(summary(&server)["StreamDescriptionSummary"]["StreamStatus"], "ACTIVE");

    let put = server.ok(
        "PutRecord",
        &json!({"StreamName": "orders", "PartitionKey": "customer-1", "Data": STANDARD.encode("hello")}),
    );
    let shard = put["ShardId"].as_str().expect("ShardId").to_string();
    let sequence = put["SequenceNumber"].as_str().expect("SequenceNumber").to_string();
    assert_eq!(sequence.len(), 56);

    let it = server.ok(
        "GetShardIterator",
        &json!({"StreamName": "orders", "ShardId": shard, "ShardIteratorType": "TRIM_HORIZON"}),
    );
    let records = server.ok("GetRecords", &json!({"ShardIterator": it["ShardIterator"]}));
    let got = &records["Records"][0];
    assert_eq!(got["Data"], STANDARD.encode("hello"));
    assert_eq!(got["PartitionKey"], "customer-1");
    assert_eq!(got["SequenceNumber"], sequence.as_str());
    assert_eq!(got["ApproximateArrivalTimestamp"], json!(1_704_067_205.0), "epoch seconds, at the simulated time");
    assert!(records["NextShardIterator"].is_string());
}

#[test]
fn every_answer_carries_request_ids_and_errors_are_aws_shaped() {
    let server = ServerProcess::start(&["--clock", "manual"]);
    let r = server.kinesis("DescribeStream", &json!({"StreamName": "nope"}));
    assert_eq!(r.status, 400);
    assert_eq!(r.header("content-type"), Some("application/x-amz-json-1.1"));
    assert_eq!(
        r.json(),
        json!({"__type": "ResourceNotFoundException", "message": "Stream nope under account 123456789012 not found."})
    );
    let id = r.header("x-amzn-requestid").expect("x-amzn-RequestId");
    assert_eq!(id.split('-').map(str::len).collect::<Vec<_>>(), [8, 4, 4, 4, 12]);
    let id2 = r.header("x-amz-id-2").expect("x-amz-id-2");
    assert_eq!(STANDARD.decode(id2).map(|b| b.len()).ok(), Some(72));
    let other = server.kinesis("ListStreams", &json!({}));
    assert_ne!(other.header("x-amzn-requestid"), Some(id), "one id per request");

    let r = server.kinesis("CreateStream", &json!({"StreamName": "bad name!", "ShardCount": 1}));
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["__type"], "ValidationException");

    let unknown = server.kinesis("PutRecordz", &json!({}));
    assert_eq!((unknown.status, unknown.json()["__type"].clone()), (400, json!("UnknownOperationException")));
    let bare = server.signed("ListStreams", "application/x-amz-json-1.1", b"{}");
    assert_eq!(bare.json()["__type"], "UnknownOperationException", "the service prefix is required on the wire");
    let malformed = server.signed("Kinesis_20131202.ListStreams", "application/x-amz-json-1.1", b"{\"Lim");
    assert_eq!((malformed.status, malformed.json()["__type"].clone()), (400, json!("SerializationException")));

    let get = server.request("GET", "/", &[("Authorization", served::SIGNED_AUTHORIZATION)], b"");
    assert_eq!(get.status, 403);
    assert!(get.text().contains("<AccessDeniedException>"));
    assert!(get.header("x-amzn-requestid").is_some());
}

#[test]
fn an_oversized_body_is_refused_unread() {
    let server = ServerProcess::start(&["--clock", "manual"]);
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nX-Amz-Target: Kinesis_20131202.PutRecords\r\nContent-Length: {}\r\n\r\n",
        server.addr,
        8 * 1024 * 1024
    );
    let r = server.raw(head.as_bytes());
    assert_eq!(r.status, 413);
    assert_eq!(server.ok("ListStreams", &json!({}))["StreamNames"], json!([]), "still serving");
}

#[test]
fn the_manual_clock_endpoints() {
    let server = ServerProcess::start(&["--clock", "manual", "--start-time", "2025-06-01T12:00:00Z"]);
    let (status, clock) = server.control("GET", "/_playground/clock", &Value::Null);
    assert_eq!(status, 200);
    assert_eq!(clock, json!({"now": "2025-06-01T12:00:00.000Z", "now_ms": 1_748_779_200_000_i64, "clock": "manual"}));
    assert_eq!(server.advance("1m30s")["now"], "2025-06-01T12:01:30.000Z");
    let (_, moved) = server.control("POST", "/_playground/clock/advance", &json!({"ms": 250}));
    assert_eq!(moved["now"], "2025-06-01T12:01:30.250Z");
    let (_, set) = server.control("POST", "/_playground/clock/set", &json!({"to": "2025-06-02T00:00:00Z"}));
    assert_eq!(set["now"], "2025-06-02T00:00:00.000Z");
    let (status, back) = server.control("POST", "/_playground/clock/set", &json!({"to": "2025-06-01T00:00:00Z"}));
    assert_eq!(status, 400);
    assert!(back["error"].as_str().is_some_and(|e| e.contains("never goes backwards")), "{back}");
    let (status, _) = server.control("GET", "/_playground/clock", &Value::Null);
    assert_eq!(status, 200);
    let (status, missing) = server.control("GET", "/_playground/clocks", &Value::Null);
    assert_eq!(status, 404);
    assert!(missing["error"].as_str().is_some_and(|e| e.contains("GET /_playground/clock")));
    let wrong = server.request("GET", "/_playground/clock/advance", &[], b"");
    assert_eq!((wrong.status, wrong.header("allow")), (405, Some("POST")));
    assert_eq!(wrong.header("content-type"), Some("application/json"));
}

#[test]
fn the_real_clock_starts_now_follows_the_wall_and_refuses_to_be_moved() {
    let before = wall_ms();
    let server = ServerProcess::start(&[]);
    let (_, clock) = server.control("GET", "/_playground/clock", &Value::Null);
    let after = wall_ms();
    let now = clock["now_ms"].as_i64().expect("now_ms");
    assert!(before <= now && now <= after, "{before} <= {now} <= {after}");
    assert_eq!(clock["clock"], "real");
    let (status, refused) = server.control("POST", "/_playground/clock/advance", &json!({"by": "1h"}));
    assert_eq!(status, 409);
    assert!(refused["error"].as_str().is_some_and(|e| e.contains("--clock manual")));

    let from = ServerProcess::start(&["--start-time", "2030-01-01T00:00:00Z"]);
    let started = wall_ms();
    let (_, clock) = from.control("GET", "/_playground/clock", &Value::Null);
    let elapsed = wall_ms() - started;
    let now = clock["now_ms"].as_i64().expect("now_ms") - 1_893_456_000_000;
    assert!((0..=elapsed + 1_000).contains(&now), "{now} ms after the start, {elapsed} ms of wall time");
}

#[test]
fn the_lifecycle_delays_are_options() {
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s", "--delete-delay", "2s"]);
    server.ok("CreateStream", &json!({"StreamName": "quick", "ShardCount": 1}));
    let summary = server.ok("DescribeStreamSummary", &json!({"StreamName": "quick"}));
    assert_eq!(summary["StreamDescriptionSummary"]["StreamStatus"], "ACTIVE");
    server.ok("DeleteStream", &json!({"StreamName": "quick"}));
    server.advance("1999ms");
    assert_eq!(server.ok("ListStreams", &json!({}))["StreamNames"], json!(["quick"]));
    server.advance("1ms");
    assert_eq!(server.ok("ListStreams", &json!({}))["StreamNames"], json!([]));
}

#[test]
fn console_lines_share_the_served_state() {
    let server = ServerProcess::start(&["--clock", "manual", "--seed", "7"]);
    let out = server.console("aws kinesis create-stream --stream-name clicks --shard-count 1");
    assert_eq!(out["exit_code"], 0, "{out}");
    let out = server.console("aws kinesis wait stream-exists --stream-name clicks");
    assert_eq!(out["exit_code"], 0, "{out}");
    let out = server.console("sim producer add --stream-name clicks --rate 100");
    assert_eq!(out["exit_code"], 0, "{out}");
    server.advance("2s");
    let shards = server.ok("ListShards", &json!({"StreamName": "clicks"}));
    let shard = shards["Shards"][0]["ShardId"].clone();
    let it = server.ok(
        "GetShardIterator",
        &json!({"StreamName": "clicks", "ShardId": shard, "ShardIteratorType": "TRIM_HORIZON"}),
    );
    let records = server.ok("GetRecords", &json!({"ShardIterator": it["ShardIterator"]}));
    assert_eq!(records["Records"].as_array().map(Vec::len), Some(200), "100 records/s for 2 simulated seconds");
    let out = server.console("sim producer list");
    assert!(out["stdout"].as_str().is_some_and(|s| s.contains("200")), "{out}");
    let out = server.console("aws kinesis describe-stream --stream-name nope");
    assert_eq!(out["exit_code"], 254);
    assert!(out["stderr"].as_str().is_some_and(|s| s.contains("ResourceNotFoundException")));
}

#[test]
fn the_same_seed_and_requests_give_the_same_answers() {
    let session = |seed: &str| {
        let server = ServerProcess::start(&["--clock", "manual", "--seed", seed]);
        server.ok("CreateStream", &json!({"StreamName": "s", "ShardCount": 3}));
        server.advance("5s");
        let put = server.kinesis("PutRecord", &json!({"StreamName": "s", "PartitionKey": "k", "Data": "AA=="}));
        (put.json(), put.header("x-amzn-requestid").map(str::to_string))
    };
    let (a, b, c) = (session("1"), session("1"), session("2"));
    assert_eq!(a, b);
    assert_eq!(a.0, c.0, "the seed drives producers and request ids, not the engine");
    assert_ne!(a.1, c.1);
}

#[test]
fn the_per_shard_write_limit_holds_on_the_wire() {
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s"]);
    server.ok("CreateStream", &json!({"StreamName": "hot", "ShardCount": 1}));
    let batch: Vec<Value> = (0..500).map(|i| json!({"PartitionKey": format!("k{i}"), "Data": "AA=="})).collect();
    for _ in 0..2 {
        let put = server.ok("PutRecords", &json!({"StreamName": "hot", "Records": batch}));
        assert_eq!(put["FailedRecordCount"], 0);
    }
    let one = json!({"StreamName": "hot", "PartitionKey": "k", "Data": "AA=="});
    let refused = server.kinesis("PutRecord", &one);
    assert_eq!(refused.status, 400);
    assert_eq!(refused.json()["__type"], "ProvisionedThroughputExceededException", "the 1,001st record in a second");
    server.advance("1s");
    server.ok("PutRecord", &one);
}

#[test]
fn stops_cleanly_on_sigterm_after_answering_the_request_in_flight() {
    let server = ServerProcess::start(&["--clock", "manual"]);
    server.ok("ListStreams", &json!({}));
    let body = br#"{"StreamName": "late", "ShardCount": 1}"#;
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nX-Amz-Target: Kinesis_20131202.CreateStream\r\n\
         Content-Type: application/x-amz-json-1.1\r\nX-Amz-Date: 20240101T000000Z\r\nAuthorization: {}\r\n\
         Content-Length: {}\r\n\r\n",
        server.addr,
        served::SIGNED_AUTHORIZATION,
        body.len()
    );
    let mut stream = TcpStream::connect(&server.addr).expect("connect");
    stream.write_all(head.as_bytes()).expect("head");
    stream.write_all(&body[..10]).expect("part of the body");
    // The request is in flight (its body half sent) when the signal arrives; an answer proves it was awaited.
    std::thread::sleep(Duration::from_millis(200));
    server.terminate();
    std::thread::sleep(Duration::from_millis(200));
    stream.write_all(&body[10..]).expect("the rest of the body");
    let r = served::read_response(&mut stream);
    assert_eq!(r.status, 200, "{}", r.text());
    let (status, printed) = server.stop();
    assert_eq!(status.code(), Some(0));
    assert!(printed.ends_with("Stopped.\n"), "{printed:?}");
}

#[test]
fn bad_options_and_a_taken_port_are_refused_plainly() {
    let bin = env!("CARGO_BIN_EXE_kinesis-console");
    let out = Command::new(bin).args(["serve", "--clock", "sometimes"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[possible values: real, manual]"));
    let out = Command::new(bin).args(["serve", "--create-delay", "soon"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a duration such as 500ms, 5s or 1m: soon"));

    let server = ServerProcess::start(&["--clock", "manual"]);
    let port = server.addr.rsplit(':').next().expect("port");
    let out = Command::new(bin).args(["serve", "--port", port]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with(&format!("kinesis-console serve: cannot listen on 127.0.0.1:{port}: ")), "{stderr}");
}
