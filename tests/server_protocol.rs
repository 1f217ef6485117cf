//! `kinesis-console serve`, the protocol's edges: the connection-level answers (content type, target, credentials,
//! CORS) as the service gives them, `application/x-amz-cbor-1.1` both ways, HTTP/2 (h2c with prior knowledge) on
//! the HTTP/1.1 port, and SubscribeToShard's event stream (initial-response, events with their CRCs, an exception
//! event, the end after 5 simulated minutes). The real binary; clients of our own, so the bytes are in view.
#![cfg(not(target_arch = "wasm32"))]

mod served;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use ciborium::value::Value as Cbor;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::client::conn::http2::SendRequest;
use hyper::{Request, Response};
use hyper_util::rt::{TokioExecutor, TokioIo};
use kinesis_playground::server::eventstream::{self, DecodeError, Message};
use serde_json::{json, Value};
use served::{ServerProcess, SIGNED_AUTHORIZATION};

const JSON: &str = "application/x-amz-json-1.1";
const CBOR: &str = "application/x-amz-cbor-1.1";

#[test]
fn requests_without_a_protocol_or_credentials_are_answered_as_the_service_answers() {
    let server = ServerProcess::start(&["--clock", "manual"]);
    let missing_xml = "<MissingAuthenticationTokenException>\n  <Message>Missing Authentication Token</Message>\n\
                       </MissingAuthenticationTokenException>\n";
    let denied_xml = "<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be \
                      authorized</Message>\n</AccessDeniedException>\n";
    for method in ["GET", "PUT", "POST", "OPTIONS"] {
        let r = server.request(method, "/", &[], b"");
        assert_eq!((r.status, r.text().as_str()), (403, missing_xml), "{method} with no credentials");
        assert_eq!(r.header("content-type"), None);
        assert!(r.header("x-amzn-requestid").is_some() && r.header("x-amz-id-2").is_some());
    }
    let signed = [("Authorization", SIGNED_AUTHORIZATION), ("X-Amz-Date", "20240101T000000Z")];
    let r = server.request("GET", "/", &signed, b"");
    assert_eq!((r.status, r.text().as_str()), (403, denied_xml));
    let r = server.signed("Kinesis_20131202.ListStreams", "application/x-amz-json-1.0", b"{}");
    assert_eq!((r.status, r.text().as_str()), (403, denied_xml), "a content type the service does not read");

    // The target is checked before the credentials, and the body before them too.
    let unsigned = |target: &str, body: &[u8]| {
        server.request("POST", "/", &[("Content-Type", JSON), ("X-Amz-Target", target)], body)
    };
    let r = unsigned("", b"{}");
    assert_eq!((r.status, r.json()), (400, json!({"__type": "UnknownOperationException"})));
    assert_eq!(r.header("content-type"), Some(JSON));
    let r = unsigned("Kinesis_20131202.ListStreamz", b"{}");
    assert_eq!(r.json(), json!({"__type": "UnknownOperationException"}));
    let r = unsigned("Kinesis_20131202.ListStreams", b"");
    assert_eq!((r.status, r.json()), (400, json!({"__type": "SerializationException"})));
    let r = unsigned("Kinesis_20131202.ListStreams", b"{}");
    assert_eq!(
        (r.status, r.json()),
        (400, json!({"__type": "MissingAuthenticationTokenException", "message": "Missing Authentication Token"}))
    );

    let with = |headers: &[(&str, &str)], path: &str| {
        let mut all = vec![("Content-Type", JSON), ("X-Amz-Target", "Kinesis_20131202.ListStreams")];
        all.extend_from_slice(headers);
        server.request("POST", path, &all, b"{}")
    };
    let r = with(&[("Authorization", "X")], "/");
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json(),
        json!({"__type": "IncompleteSignatureException", "message":
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' \
             parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires \
             existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=X"})
    );
    let r = with(&[("Authorization", SIGNED_AUTHORIZATION), ("X-Amz-Date", "x")], "/?X-Amz-Algorithm");
    assert_eq!(r.json()["__type"], "InvalidSignatureException");
    let r = with(&[], "/?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d");
    assert_eq!(
        r.json()["message"],
        "AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters."
    );
    let presigned = "/?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-SignedHeaders=d&X-Amz-Date=e";
    let r = with(&[], presigned);
    assert_eq!((r.status, r.json()), (200, json!({"StreamNames": [], "HasMoreStreams": false, "StreamSummaries": []})));

    // The protocol before JSON 1.1: answered, with nothing served through it.
    let r = server.request(
        "POST",
        "/",
        &[("Content-Type", "application/json"), ("X-Amz-Target", "Kinesis_20131202.ListStreams")],
        b"{}",
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json(),
        json!({"Output": {"__type": "com.amazon.coral.service#UnknownOperationException", "message": null},
               "Version": "1.0"})
    );
}

#[test]
fn cors_preflights_are_allowed_and_answers_name_their_origin() {
    let server = ServerProcess::start(&["--clock", "manual"]);
    let r = server.request(
        "OPTIONS",
        "/",
        &[
            ("Origin", "http://localhost:8080"),
            ("Access-Control-Request-Headers", "content-type, x-amz-target"),
            ("Access-Control-Request-Method", "POST"),
        ],
        b"",
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(r.header("access-control-allow-headers"), Some("content-type, x-amz-target"));
    assert_eq!(r.header("access-control-allow-methods"), Some("POST"));
    assert_eq!(r.header("access-control-max-age"), Some("172800"));
    assert_eq!((r.header("content-length"), r.body.len()), (Some("0"), 0));
    assert!(r.header("x-amzn-requestid").is_some());
    assert_eq!(r.header("x-amz-id-2"), None, "a preflight's answer has no x-amz-id-2");

    let r = server.request(
        "POST",
        "/",
        &[
            ("Origin", "http://localhost:8080"),
            ("Content-Type", JSON),
            ("X-Amz-Target", "Kinesis_20131202.ListStreams"),
            ("X-Amz-Date", "20240101T000000Z"),
            ("Authorization", SIGNED_AUTHORIZATION),
        ],
        b"{}",
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert_eq!(r.header("access-control-expose-headers"), Some("x-amz-request-id, x-amz-id-2"));
}

fn cbor_bytes(item: &Cbor) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(item, &mut out).expect("write");
    out
}

fn cbor_map(entries: &[(&str, Cbor)]) -> Cbor {
    Cbor::Map(entries.iter().map(|(k, v)| (Cbor::Text((*k).into()), v.clone())).collect())
}

fn text(s: &str) -> Cbor {
    Cbor::Text(s.into())
}

/// The value of a map's member.
fn member<'a>(item: &'a Cbor, name: &str) -> &'a Cbor {
    let Cbor::Map(entries) = item else { panic!("not a map: {item:?}") };
    entries.iter().find(|(k, _)| *k == text(name)).map(|(_, v)| v).unwrap_or_else(|| panic!("no {name} in {item:?}"))
}

#[test]
fn cbor_round_trip_with_bytes_and_tagged_milliseconds() {
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s"]);
    let call = |op: &str, item: &Cbor| {
        let r = server.signed(&format!("Kinesis_20131202.{op}"), CBOR, &cbor_bytes(item));
        assert_eq!(r.header("content-type"), Some(CBOR), "{op}");
        let answer: Cbor = ciborium::de::from_reader(r.body.as_slice()).expect("a CBOR answer");
        (r.status, answer)
    };
    let (status, created) =
        call("CreateStream", &cbor_map(&[("StreamName", text("c")), ("ShardCount", Cbor::Integer(1.into()))]));
    assert_eq!((status, created), (200, Cbor::Map(Vec::new())), "an empty output is an empty map");
    let payload = vec![0u8, 1, 2, 255, 254];
    let (status, put) = call(
        "PutRecord",
        &cbor_map(&[("StreamName", text("c")), ("PartitionKey", text("k")), ("Data", Cbor::Bytes(payload.clone()))]),
    );
    assert_eq!(status, 200, "{put:?}");
    let (_, it) = call(
        "GetShardIterator",
        &cbor_map(&[
            ("StreamName", text("c")),
            ("ShardId", member(&put, "ShardId").clone()),
            ("ShardIteratorType", text("AT_TIMESTAMP")),
            // The Java SDK's timestamps: tag 1 over epoch milliseconds.
            ("Timestamp", Cbor::Tag(1, Box::new(Cbor::Integer(1_704_067_200_000_i64.into())))),
        ]),
    );
    let (status, records) = call("GetRecords", &cbor_map(&[("ShardIterator", member(&it, "ShardIterator").clone())]));
    assert_eq!(status, 200, "{records:?}");
    let Cbor::Array(list) = member(&records, "Records") else { panic!("records") };
    assert_eq!(list.len(), 1);
    assert_eq!(member(&list[0], "Data"), &Cbor::Bytes(payload), "a blob is a byte string");
    assert_eq!(
        member(&list[0], "ApproximateArrivalTimestamp"),
        &Cbor::Tag(1, Box::new(Cbor::Integer(1_704_067_200_000_i64.into()))),
        "a timestamp is tag 1 over epoch milliseconds"
    );
    assert_eq!(member(&list[0], "SequenceNumber"), member(&put, "SequenceNumber"));

    let (status, missing) = call("DescribeStream", &cbor_map(&[("StreamName", text("nope"))]));
    assert_eq!(status, 400);
    assert_eq!(member(&missing, "__type"), &text("ResourceNotFoundException"));
    assert_eq!(member(&missing, "message"), &text("Stream nope under account 123456789012 not found."));
    let r = server.signed("Kinesis_20131202.ListStreams", CBOR, &[0xbf, 0x61]);
    assert_eq!(r.status, 400);
    let answer: Cbor = ciborium::de::from_reader(r.body.as_slice()).expect("CBOR");
    assert_eq!(answer, cbor_map(&[("__type", text("SerializationException"))]));
    let r = server.request("POST", "/", &[("Content-Type", CBOR), ("X-Amz-Target", "Kinesis_20131202.Nope")], b"");
    let answer: Cbor = ciborium::de::from_reader(r.body.as_slice()).expect("CBOR");
    assert_eq!((r.status, answer), (400, cbor_map(&[("__type", text("UnknownOperationException"))])));
}

/// Every blob and timestamp member of the service's outputs is one the CBOR writer knows by name.
#[test]
fn the_cbor_writer_knows_every_output_blob_and_timestamp() {
    let shared = std::env::var("KINESIS_PLAYGROUND_SHARED").unwrap_or_else(|_| "../shared".into());
    let path = format!("{shared}/reference/cli-2.36.7/service-2.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: no service model at {path} (the shared folder is absent)");
        return;
    };
    let model: Value = serde_json::from_str(&text).expect("the model is JSON");
    let shapes = model["shapes"].as_object().expect("shapes");
    let kind = |name: &str| shapes[name]["type"].as_str().unwrap_or("").to_string();
    let mut checked = 0;
    for shape in shapes.values() {
        for (name, member) in shape["members"].as_object().into_iter().flatten() {
            match kind(member["shape"].as_str().unwrap_or("")).as_str() {
                "blob" => assert!(kinesis_playground::server::cbor::is_blob_member(name), "{name} is a blob"),
                "timestamp" => {
                    assert!(kinesis_playground::server::cbor::is_timestamp_member(name), "{name} is a timestamp")
                }
                _ => continue,
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "the model has blobs and timestamps: {checked}");
}

// HTTP/2 ------------------------------------------------------------------------------------------------------------

async fn h2(addr: &str) -> SendRequest<Full<Bytes>> {
    let tcp = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let (sender, connection) =
        hyper::client::conn::http2::handshake(TokioExecutor::new(), TokioIo::new(tcp)).await.expect("h2c handshake");
    tokio::spawn(connection);
    sender
}

async fn h2_call(sender: &mut SendRequest<Full<Bytes>>, op: &str, body: &Value) -> Response<Incoming> {
    let request = Request::post("http://localhost/")
        .header("content-type", JSON)
        .header("x-amz-target", format!("Kinesis_20131202.{op}"))
        .header("x-amz-date", "20240101T000000Z")
        .header("authorization", SIGNED_AUTHORIZATION)
        .body(Full::new(Bytes::from(body.to_string())))
        .expect("request");
    sender.send_request(request).await.expect("an answer")
}

async fn h2_ok(sender: &mut SendRequest<Full<Bytes>>, op: &str, body: &Value) -> Value {
    let r = h2_call(sender, op, body).await;
    let status = r.status();
    let bytes = r.into_body().collect().await.expect("body").to_bytes();
    assert_eq!(status, 200, "{op}: {}", String::from_utf8_lossy(&bytes));
    if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).expect("JSON")
    }
}

/// Reads event-stream messages off a response body.
struct Events {
    body: Incoming,
    buffer: Vec<u8>,
}

impl Events {
    /// The next message, or `None` when the body ended.
    async fn next(&mut self) -> Option<Message> {
        loop {
            match eventstream::decode(&self.buffer) {
                Ok((message, used)) => {
                    self.buffer.drain(..used);
                    return Some(message);
                }
                Err(DecodeError::Incomplete) => {}
                Err(e) => panic!("a malformed message: {e:?}"),
            }
            let frame = tokio::time::timeout(std::time::Duration::from_secs(20), self.body.frame())
                .await
                .expect("a message within 20 s");
            match frame {
                Some(Ok(frame)) => {
                    if let Ok(data) = frame.into_data() {
                        self.buffer.extend_from_slice(&data);
                    }
                }
                Some(Err(e)) => panic!("the stream broke: {e}"),
                None => {
                    assert!(self.buffer.is_empty(), "bytes left after the last message");
                    return None;
                }
            }
        }
    }
}

fn payload(message: &Message) -> Value {
    serde_json::from_slice(&message.payload).expect("a JSON payload")
}

#[test]
fn subscribe_to_shard_streams_events_over_http2() {
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s"]);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("rt");
    runtime.block_on(async {
        let mut client = h2(&server.addr).await;
        assert_eq!(h2_ok(&mut client, "ListStreams", &json!({})).await["StreamNames"], json!([]), "h2c is served");
        h2_ok(&mut client, "CreateStream", &json!({"StreamName": "fan", "ShardCount": 1})).await;
        let arn = h2_ok(&mut client, "DescribeStreamSummary", &json!({"StreamName": "fan"})).await
            ["StreamDescriptionSummary"]["StreamARN"]
            .as_str()
            .expect("arn")
            .to_string();
        let consumer =
            h2_ok(&mut client, "RegisterStreamConsumer", &json!({"StreamARN": arn, "ConsumerName": "app"})).await;
        let consumer_arn = consumer["Consumer"]["ConsumerARN"].as_str().expect("consumer arn").to_string();
        server.advance("10s");
        let subscribe = json!({"ConsumerARN": consumer_arn, "ShardId": "shardId-000000000000",
                               "StartingPosition": {"Type": "TRIM_HORIZON"}});
        let r = h2_call(&mut client, "SubscribeToShard", &subscribe).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.version(), hyper::Version::HTTP_2);
        assert_eq!(r.headers()["content-type"], "application/vnd.amazon.eventstream");
        let mut events = Events { body: r.into_body(), buffer: Vec::new() };
        let initial = events.next().await.expect("initial-response");
        assert_eq!(initial.header(":event-type"), Some("initial-response"));
        assert_eq!(initial.header(":message-type"), Some("event"));
        assert_eq!(payload(&initial), json!({}));

        let data = STANDARD.encode("pushed");
        let put =
            h2_ok(&mut client, "PutRecord", &json!({"StreamName": "fan", "PartitionKey": "k", "Data": data})).await;
        server.advance("1s");
        let event = loop {
            let m = events.next().await.expect("an event");
            assert_eq!(m.header(":event-type"), Some("SubscribeToShardEvent"));
            assert_eq!(m.header(":content-type"), Some(JSON));
            if payload(&m)["Records"].as_array().is_some_and(|r| !r.is_empty()) {
                break payload(&m);
            }
        };
        assert_eq!(event["Records"][0]["Data"], data);
        assert_eq!(event["Records"][0]["SequenceNumber"], put["SequenceNumber"]);
        assert_eq!(event["ContinuationSequenceNumber"], put["SequenceNumber"]);

        // Another subscription of the consumer to the shard, 5 s later, takes it over: the first one gets the
        // exception event and ends.
        server.advance("6s");
        let mut other = h2(&server.addr).await;
        let second = h2_call(&mut other, "SubscribeToShard", &subscribe).await;
        assert_eq!(second.status(), 200);
        server.advance("1s");
        let exception = loop {
            let m = events.next().await.expect("the exception event");
            if m.header(":message-type") == Some("exception") {
                break m;
            }
        };
        assert_eq!(exception.header(":exception-type"), Some("ResourceInUseException"));
        assert!(payload(&exception)["message"]
            .as_str()
            .is_some_and(|m| m.contains("was taken over by a newer SubscribeToShard call")));
        assert!(events.next().await.is_none(), "the stream closes after an exception");

        // The second subscription ends after 5 simulated minutes.
        let mut events = Events { body: second.into_body(), buffer: Vec::new() };
        assert_eq!(events.next().await.expect("initial").header(":event-type"), Some("initial-response"));
        server.advance("5m");
        let mut count = 0;
        while let Some(m) = events.next().await {
            assert_eq!(m.header(":event-type"), Some("SubscribeToShardEvent"));
            count += 1;
        }
        assert!(count >= 50, "an empty event at least every 5 s for 5 minutes: {count}");

        let refused = h2_call(&mut client, "SubscribeToShard", &json!({"ConsumerARN": consumer_arn})).await;
        assert_eq!(refused.status(), 400);
        assert_eq!(refused.headers()["content-type"], JSON, "a refused call is an ordinary error answer");
    });
    let (status, _) = server.stop();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_subscription_over_cbor_carries_cbor_payloads_and_a_stop_ends_it() {
    let server = ServerProcess::start(&["--clock", "manual", "--create-delay", "0s"]);
    server.ok("CreateStream", &json!({"StreamName": "k", "ShardCount": 1}));
    let arn = server.ok("DescribeStreamSummary", &json!({"StreamName": "k"}))["StreamDescriptionSummary"]["StreamARN"]
        .clone();
    let consumer = server.ok("RegisterStreamConsumer", &json!({"StreamARN": arn, "ConsumerName": "kcl"}));
    server.advance("10s");
    server.ok("PutRecord", &json!({"StreamName": "k", "PartitionKey": "p", "Data": STANDARD.encode([7u8, 8])}));
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("rt");
    runtime.block_on(async {
        let mut client = h2(&server.addr).await;
        let body = cbor_bytes(&cbor_map(&[
            ("ConsumerARN", text(consumer["Consumer"]["ConsumerARN"].as_str().expect("arn"))),
            ("ShardId", text("shardId-000000000000")),
            ("StartingPosition", cbor_map(&[("Type", text("TRIM_HORIZON"))])),
        ]));
        let request = Request::post("http://localhost/")
            .header("content-type", CBOR)
            .header("x-amz-target", "Kinesis_20131202.SubscribeToShard")
            .header("x-amz-date", "20240101T000000Z")
            .header("authorization", SIGNED_AUTHORIZATION)
            .body(Full::new(Bytes::from(body)))
            .expect("request");
        let r = client.send_request(request).await.expect("answer");
        assert_eq!(r.status(), 200);
        let mut events = Events { body: r.into_body(), buffer: Vec::new() };
        assert_eq!(events.next().await.expect("initial").header(":content-type"), Some(CBOR));
        server.advance("1s");
        let event = events.next().await.expect("an event");
        let item: Cbor = ciborium::de::from_reader(event.payload.as_slice()).expect("a CBOR payload");
        let Cbor::Array(records) = member(&item, "Records") else { panic!("records") };
        assert_eq!(member(&records[0], "Data"), &Cbor::Bytes(vec![7, 8]));
        server.terminate();
        while events.next().await.is_some() {}
    });
    let (status, printed) = server.stop();
    assert_eq!(status.code(), Some(0), "a stop ends open event streams: {printed}");
}
