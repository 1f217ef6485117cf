//! The AWS SDK for Rust (`aws-sdk-kinesis`) against `kinesis-console serve --clock manual`: a producer, a consumer
//! loop that follows NextShardIterator across a split into the children, typed errors, and SubscribeToShard over
//! HTTP/2 (h2c). Run by `tests/server_rust_sdk.rs` as `rust-sdk-check http://127.0.0.1:PORT`; exits non-zero with
//! the first step that failed.
//!
//! The SDK's default HTTP client needs TLS; for a plain-HTTP local endpoint this uses a hyper client through the
//! SDK's `HttpConnector` trait, HTTP/1.1 for the calls and HTTP/2 with prior knowledge for the event stream, as
//! an application pointed at a local Kinesis would.

use aws_sdk_kinesis::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_kinesis::primitives::Blob;
use aws_sdk_kinesis::types::{
    PutRecordsRequestEntry, ShardIteratorType, StartingPosition, SubscribeToShardEventStream,
};
use aws_sdk_kinesis::Client;
use aws_smithy_runtime_api::client::http::{
    http_client_fn, HttpConnector, HttpConnectorFuture, SharedHttpClient, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::retry::RetryConfig;
use hyper_util::client::legacy::connect::HttpConnector as TcpConnector;
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::rt::TokioExecutor;
use std::collections::BTreeMap;
use std::time::Instant;

/// Plain HTTP through hyper: HTTP/1.1, or HTTP/2 with prior knowledge.
#[derive(Debug, Clone)]
struct PlainHttp {
    client: HyperClient<TcpConnector, SdkBody>,
}

impl PlainHttp {
    fn client(http2: bool) -> SharedHttpClient {
        let mut builder = HyperClient::builder(TokioExecutor::new());
        builder.http2_only(http2);
        let connector = PlainHttp { client: builder.build_http() };
        http_client_fn(move |_, _| SharedHttpConnector::new(connector.clone()))
    }
}

impl HttpConnector for PlainHttp {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let client = self.client.clone();
        HttpConnectorFuture::new(async move {
            let request = request.try_into_http1x().map_err(|e| ConnectorError::user(e.into()))?;
            let response = client.request(request).await.map_err(|e| ConnectorError::io(e.into()))?;
            let (parts, body) = response.into_parts();
            let response = hyper::Response::from_parts(parts, SdkBody::from_body_1_x(body));
            HttpResponse::try_from(response).map_err(|e| ConnectorError::other(e.into(), None))
        })
    }
}

fn kinesis(endpoint: &str, http2: bool) -> Client {
    let config = aws_sdk_kinesis::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("x", "x", None, None, "local"))
        .endpoint_url(endpoint)
        .retry_config(RetryConfig::disabled())
        .http_client(PlainHttp::client(http2))
        .build();
    Client::from_conf(config)
}

type Check = Result<(), String>;

fn fail<T>(what: impl std::fmt::Display) -> Result<T, String> {
    Err(what.to_string())
}

/// Moves the server's manual clock (`POST /_playground/clock/advance`).
async fn advance(endpoint: &str, ms: i64) -> Check {
    let client: HyperClient<TcpConnector, http_body_util::Full<hyper::body::Bytes>> =
        HyperClient::builder(TokioExecutor::new()).build_http();
    let request = hyper::Request::post(format!("{endpoint}/_playground/clock/advance"))
        .header("content-type", "application/json")
        .body(http_body_util::Full::new(hyper::body::Bytes::from(format!("{{\"ms\": {ms}}}"))))
        .map_err(|e| e.to_string())?;
    let response = client.request(request).await.map_err(|e| e.to_string())?;
    if response.status() != 200 {
        return fail(format!("advancing the clock answered {}", response.status()));
    }
    Ok(())
}

async fn producer_and_consumer_across_a_split(endpoint: &str) -> Check {
    let k = kinesis(endpoint, false);
    k.create_stream().stream_name("sdk").shard_count(1).send().await.map_err(|e| format!("CreateStream: {e:?}"))?;
    advance(endpoint, 1_000).await?;
    let mut sent: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut produce = |batch: usize| {
        (0..100)
            .map(|i| {
                let key = format!("key-{}", i % 10);
                let data = format!("batch {batch} record {i}");
                sent.entry(key.clone()).or_default().push(data.clone());
                PutRecordsRequestEntry::builder().partition_key(key).data(Blob::new(data)).build().expect("entry")
            })
            .collect::<Vec<_>>()
    };
    let first = produce(0);
    let put = k.put_records().stream_name("sdk").set_records(Some(first)).send().await;
    let put = put.map_err(|e| format!("PutRecords: {e:?}"))?;
    if put.failed_record_count() != Some(0) {
        return fail(format!("PutRecords failed {:?} records", put.failed_record_count()));
    }

    let shards = k.list_shards().stream_name("sdk").send().await.map_err(|e| format!("ListShards: {e:?}"))?;
    let parent = shards.shards()[0].shard_id().to_string();
    let split_at = (u128::MAX / 2).to_string();
    k.split_shard()
        .stream_name("sdk")
        .shard_to_split(&parent)
        .new_starting_hash_key(&split_at)
        .send()
        .await
        .map_err(|e| format!("SplitShard: {e:?}"))?;
    advance(endpoint, 1_000).await?;
    let second = produce(1);
    let put = k.put_records().stream_name("sdk").set_records(Some(second)).send().await;
    if put.map_err(|e| format!("PutRecords after the split: {e:?}"))?.failed_record_count() != Some(0) {
        return fail("PutRecords after the split failed records");
    }
    advance(endpoint, 1_000).await?;

    // The consumer: from the parent's TRIM_HORIZON, follow NextShardIterator to the shard's end, then the children
    // it names.
    let mut got: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut queue = vec![parent.clone()];
    let mut children_seen = Vec::new();
    while let Some(shard) = queue.pop() {
        let it = k
            .get_shard_iterator()
            .stream_name("sdk")
            .shard_id(&shard)
            .shard_iterator_type(ShardIteratorType::TrimHorizon)
            .send()
            .await
            .map_err(|e| format!("GetShardIterator {shard}: {e:?}"))?;
        let mut iterator = it.shard_iterator().map(str::to_string);
        let mut calls = 0;
        while let Some(current) = iterator {
            calls += 1;
            if calls > 50 {
                return fail(format!("{shard}: no end after 50 GetRecords"));
            }
            let page = k.get_records().shard_iterator(current).send().await;
            let page = page.map_err(|e| format!("GetRecords {shard}: {e:?}"))?;
            for r in page.records() {
                let data = String::from_utf8(r.data().as_ref().to_vec()).map_err(|e| e.to_string())?;
                got.entry(r.partition_key().unwrap_or_default().to_string()).or_default().push(data);
            }
            for c in page.child_shards() {
                children_seen.push(c.shard_id().to_string());
                queue.insert(0, c.shard_id().to_string());
            }
            iterator = page.next_shard_iterator().map(str::to_string);
            if iterator.is_some() && page.records().is_empty() && page.millis_behind_latest() == Some(0) {
                // An open shard read to its tip.
                break;
            }
        }
    }
    if children_seen.len() != 2 {
        return fail(format!("the parent named {children_seen:?} as its children, not two shards"));
    }
    if got != sent {
        return fail("the consumer did not read every record exactly once, in order per key");
    }

    // Typed errors.
    let missing = k.describe_stream().stream_name("nope").send().await;
    match missing.map_err(|e| e.into_service_error()) {
        Err(e) if e.is_resource_not_found_exception() => {}
        other => return fail(format!("DescribeStream of a missing stream: {other:?}")),
    }
    Ok(())
}

async fn subscribe_over_http2(endpoint: &str) -> Check {
    let k = kinesis(endpoint, true);
    k.create_stream().stream_name("efo").shard_count(1).send().await.map_err(|e| format!("CreateStream: {e:?}"))?;
    advance(endpoint, 1_000).await?;
    let arn = k.describe_stream_summary().stream_name("efo").send().await.map_err(|e| format!("{e:?}"))?;
    let arn = arn.stream_description_summary().map(|s| s.stream_arn().to_string()).unwrap_or_default();
    let consumer = k.register_stream_consumer().stream_arn(&arn).consumer_name("sdk-app").send().await;
    let consumer = consumer.map_err(|e| format!("RegisterStreamConsumer: {e:?}"))?;
    let consumer_arn = consumer.consumer().map(|c| c.consumer_arn().to_string()).unwrap_or_default();
    advance(endpoint, 10_000).await?;
    let put = k.put_record().stream_name("efo").partition_key("p").data(Blob::new("pushed")).send().await;
    let put = put.map_err(|e| format!("PutRecord: {e:?}"))?;
    let position = StartingPosition::builder().r#type(ShardIteratorType::TrimHorizon).build().expect("position");
    let mut output = k
        .subscribe_to_shard()
        .consumer_arn(&consumer_arn)
        .shard_id("shardId-000000000000")
        .starting_position(position)
        .send()
        .await
        .map_err(|e| format!("SubscribeToShard: {e:?}"))?;
    advance(endpoint, 1_000).await?;
    loop {
        let event = tokio::time::timeout(std::time::Duration::from_secs(20), output.event_stream.recv()).await;
        let event = event.map_err(|_| "no event within 20 s".to_string())?;
        match event.map_err(|e| format!("the event stream: {e:?}"))? {
            Some(SubscribeToShardEventStream::SubscribeToShardEvent(e)) if !e.records().is_empty() => {
                let r = &e.records()[0];
                if r.data().as_ref() != b"pushed" || r.sequence_number() != put.sequence_number() {
                    return fail(format!("the pushed record differs: {r:?}"));
                }
                break;
            }
            Some(_) => {}
            None => return fail("the stream ended before the record came"),
        }
    }
    // Five simulated minutes later the subscription ends.
    advance(endpoint, 300_000).await?;
    let mut events = 0;
    loop {
        let event = tokio::time::timeout(std::time::Duration::from_secs(20), output.event_stream.recv()).await;
        match event.map_err(|_| "the stream did not end within 20 s".to_string())? {
            Ok(Some(_)) => events += 1,
            Ok(None) => break,
            Err(e) => return fail(format!("the event stream after 5 minutes: {e:?}")),
        }
    }
    if events < 50 {
        return fail(format!("only {events} events in 5 minutes"));
    }
    Ok(())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let Some(endpoint) = std::env::args().nth(1) else {
        eprintln!("usage: rust-sdk-check http://127.0.0.1:PORT (a kinesis-console serve --clock manual)");
        std::process::exit(2);
    };
    let mut failed = 0;
    let mut passed = 0;
    for (name, result) in [
        ("producer and consumer across a split", {
            let t = Instant::now();
            let r = producer_and_consumer_across_a_split(&endpoint).await;
            eprintln!("  ({} ms)", t.elapsed().as_millis());
            r
        }),
        ("SubscribeToShard over HTTP/2", subscribe_over_http2(&endpoint).await),
    ] {
        match result {
            Ok(()) => {
                passed += 1;
                println!("ok: {name}");
            }
            Err(e) => {
                failed += 1;
                println!("FAILED: {name}: {e}");
            }
        }
    }
    println!("rust-sdk: {passed} passed, {failed} failed");
    std::process::exit(i32::from(failed > 0));
}
