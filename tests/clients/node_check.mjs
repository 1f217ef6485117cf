// @aws-sdk/client-kinesis (v3, from tools/clients-js) against `kinesis-console serve --clock manual
// --create-delay 0s`: one round trip and one error. Run by tests/server_node.rs as `node node_check.mjs URL`.
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const require = createRequire(new URL("../../tools/clients-js/package.json", import.meta.url));
const {
  KinesisClient, CreateStreamCommand, PutRecordCommand, GetShardIteratorCommand, GetRecordsCommand,
  DescribeStreamCommand, ResourceNotFoundException,
} = require("@aws-sdk/client-kinesis");

const url = process.argv[2];
const k = new KinesisClient({
  endpoint: url, region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "x" }, maxAttempts: 1,
});

await k.send(new CreateStreamCommand({ StreamName: "js", ShardCount: 1 }));
const data = new TextEncoder().encode("from node");
const put = await k.send(new PutRecordCommand({ StreamName: "js", PartitionKey: "p", Data: data }));
assert.equal(put.ShardId, "shardId-000000000000");
const it = await k.send(new GetShardIteratorCommand({
  StreamName: "js", ShardId: put.ShardId, ShardIteratorType: "TRIM_HORIZON",
}));
const got = await k.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator }));
assert.equal(got.Records.length, 1);
assert.equal(new TextDecoder().decode(got.Records[0].Data), "from node");
assert.equal(got.Records[0].SequenceNumber, put.SequenceNumber);
assert.ok(got.Records[0].ApproximateArrivalTimestamp instanceof Date);
assert.equal(got.Records[0].ApproximateArrivalTimestamp.toISOString(), "2024-01-01T00:00:00.000Z");
assert.ok(got.$metadata.requestId.match(/^[0-9a-f-]{36}$/), got.$metadata.requestId);
await assert.rejects(k.send(new DescribeStreamCommand({ StreamName: "nope" })), (e) => {
  assert.ok(e instanceof ResourceNotFoundException, e.name);
  assert.equal(e.message, "Stream nope under account 123456789012 not found.");
  assert.equal(e.$metadata.httpStatusCode, 400);
  return true;
});
console.log("node: 1 passed, 0 failed");
