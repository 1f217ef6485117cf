"""boto3 against `kinesis-console serve --clock manual --create-delay 0s`: the seed tutorial end to end, the
service's error types as boto3 raises them, and SubscribeToShard over HTTP/1.1. Run by tests/server_python.rs as `python boto3_check.py URL`; prints one
line per check and `boto3: N passed, M failed`, and exits non-zero when a check failed."""

import base64
import json
import sys
import time
import urllib.request

import boto3
import botocore.config
import botocore.exceptions

URL = sys.argv[1]
k = boto3.client(
    "kinesis",
    endpoint_url=URL,
    region_name="us-east-1",
    aws_access_key_id="x",
    aws_secret_access_key="x",
    config=botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}),
)


def advance(ms):
    req = urllib.request.Request(
        URL + "/_playground/clock/advance", data=json.dumps({"ms": ms}).encode(), method="POST"
    )
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def console(line):
    req = urllib.request.Request(URL + "/_playground/console", data=json.dumps({"line": line}).encode())
    req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req) as r:
        return json.load(r)


checks = []


def check(name):
    def run(f):
        try:
            f()
            checks.append((name, None))
        except Exception as e:  # noqa: BLE001 - every failure is reported
            checks.append((name, "%s: %s" % (type(e).__name__, e)))
        return f

    return run


def error_code(call, **kwargs):
    try:
        call(**kwargs)
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"], e
    raise AssertionError("no error from %s" % call.__name__)


@check("the seed tutorial")
def tutorial():
    k.create_stream(StreamName="DemoStream", ShardCount=1)
    k.get_waiter("stream_exists").wait(StreamName="DemoStream", WaiterConfig={"Delay": 0.1, "MaxAttempts": 5})
    summary = k.describe_stream_summary(StreamName="DemoStream")["StreamDescriptionSummary"]
    assert summary["StreamStatus"] == "ACTIVE", summary
    assert summary["OpenShardCount"] == 1
    assert summary["StreamCreationTimestamp"].year == 2024, "a datetime at the simulated time"
    seqs = []
    for i in range(3):
        r = k.put_record(StreamName="DemoStream", PartitionKey="user-%d" % i, Data=("hello %d" % i).encode())
        assert r["ShardId"] == "shardId-000000000000"
        seqs.append(r["SequenceNumber"])
    batch = k.put_records(
        StreamName="DemoStream",
        Records=[{"PartitionKey": "k%d" % i, "Data": bytes([i, 255 - i])} for i in range(10)],
    )
    assert batch["FailedRecordCount"] == 0
    it = k.get_shard_iterator(
        StreamName="DemoStream", ShardId="shardId-000000000000", ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    got = k.get_records(ShardIterator=it)
    records = got["Records"]
    assert [r["SequenceNumber"] for r in records[:3]] == seqs
    assert records[0]["Data"] == b"hello 0", records[0]
    assert records[3]["Data"] == bytes([0, 255])
    assert records[0]["ApproximateArrivalTimestamp"].year == 2024
    assert got["MillisBehindLatest"] == 0
    shards = k.list_shards(StreamName="DemoStream")["Shards"]
    k.split_shard(
        StreamName="DemoStream",
        ShardToSplit=shards[0]["ShardId"],
        NewStartingHashKey=str(2**127),
    )
    advance(5000)
    assert len(k.list_shards(StreamName="DemoStream")["Shards"]) == 3
    k.add_tags_to_stream(StreamName="DemoStream", Tags={"team": "data"})
    assert k.list_tags_for_stream(StreamName="DemoStream")["Tags"] == [{"Key": "team", "Value": "data"}]
    assert k.list_streams()["StreamNames"] == ["DemoStream"]
    k.delete_stream(StreamName="DemoStream")
    advance(5000)
    k.get_waiter("stream_not_exists").wait(StreamName="DemoStream", WaiterConfig={"Delay": 0.1, "MaxAttempts": 5})


@check("ResourceNotFoundException")
def not_found():
    code, status, e = error_code(k.describe_stream, StreamName="nope")
    assert (code, status) == ("ResourceNotFoundException", 400)
    assert str(e).endswith("Stream nope under account 123456789012 not found."), str(e)
    assert isinstance(e, k.exceptions.ResourceNotFoundException)


@check("ResourceInUseException")
def in_use():
    k.create_stream(StreamName="twice", ShardCount=1)
    code, _, _ = error_code(k.create_stream, StreamName="twice", ShardCount=1)
    assert code == "ResourceInUseException", code


@check("InvalidArgumentException")
def invalid():
    code, _, _ = error_code(k.get_shard_iterator, StreamName="twice", ShardId="shardId-000000000009",
                            ShardIteratorType="LATEST")
    assert code in ("ResourceNotFoundException", "InvalidArgumentException"), code
    code, _, _ = error_code(k.increase_stream_retention_period, StreamName="twice", RetentionPeriodHours=10)
    assert code == "InvalidArgumentException", code


@check("ValidationException")
def validation():
    code, status, _ = error_code(k.list_shards, StreamName="twice", MaxResults=20000)
    assert (code, status) == ("ValidationException", 400), code


@check("ProvisionedThroughputExceededException")
def throughput():
    k.create_stream(StreamName="hot", ShardCount=1)
    advance(1000)
    for _ in range(2):
        batch = k.put_records(StreamName="hot", Records=[{"PartitionKey": "k", "Data": b"x"} for _ in range(500)])
        assert batch["FailedRecordCount"] == 0
    code, _, _ = error_code(k.put_record, StreamName="hot", PartitionKey="k", Data=b"x")
    assert code == "ProvisionedThroughputExceededException", code
    advance(1000)
    k.put_record(StreamName="hot", PartitionKey="k", Data=b"x")


@check("ExpiredIteratorException")
def expired():
    it = k.get_shard_iterator(StreamName="hot", ShardId="shardId-000000000000", ShardIteratorType="LATEST")
    advance(301_000)
    code, _, _ = error_code(k.get_records, ShardIterator=it["ShardIterator"])
    assert code == "ExpiredIteratorException", code


@check("LimitExceededException")
def limit():
    code, _, e = error_code(k.create_stream, StreamName="huge", ShardCount=100_000)
    assert code == "LimitExceededException", (code, str(e))


@check("a producer started from the console writes what boto3 reads")
def producer():
    out = console("sim producer add --stream-name hot --rate 20")
    assert out["exit_code"] == 0, out
    advance(2000)
    it = k.get_shard_iterator(StreamName="hot", ShardId="shardId-000000000000", ShardIteratorType="AT_TIMESTAMP",
                              Timestamp=time.gmtime(0) and 1704067200 + 300)
    got = k.get_records(ShardIterator=it["ShardIterator"], Limit=10000)["Records"]
    assert len(got) >= 40, len(got)


@check("SubscribeToShard over HTTP/1.1 (the event stream, then its end after 5 minutes)")
def subscribe():
    k.create_stream(StreamName="efo", ShardCount=1)
    advance(1000)
    arn = k.describe_stream_summary(StreamName="efo")["StreamDescriptionSummary"]["StreamARN"]
    consumer = k.register_stream_consumer(StreamARN=arn, ConsumerName="py")["Consumer"]["ConsumerARN"]
    advance(10_000)
    put = k.put_record(StreamName="efo", PartitionKey="p", Data=b"pushed")
    r = k.subscribe_to_shard(ConsumerARN=consumer, ShardId="shardId-000000000000",
                             StartingPosition={"Type": "TRIM_HORIZON"})
    advance(1000)
    events = iter(r["EventStream"])
    first = next(events)["SubscribeToShardEvent"]
    assert first["Records"][0]["Data"] == b"pushed", first
    assert first["Records"][0]["SequenceNumber"] == put["SequenceNumber"]
    advance(300_000)
    rest = list(events)
    assert len(rest) >= 50, len(rest)
    assert all("SubscribeToShardEvent" in e for e in rest)


failed = 0
for name, error in checks:
    if error is None:
        print("ok: " + name)
    else:
        failed += 1
        print("FAILED: %s: %s" % (name, error))
print("boto3: %d passed, %d failed" % (len(checks) - failed, failed))
sys.exit(1 if failed else 0)
