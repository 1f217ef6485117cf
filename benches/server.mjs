// The server benchmark's client (scripts/bench-server.sh): one setup for every server it is pointed at. Node's http
// with a keep-alive agent, CONCURRENCY requests in flight, signed-looking JSON 1.1 requests (no SDK in the loop):
// PUTS PutRecord calls, then GETS GetRecords calls (each reading up to 100 records from a TRIM_HORIZON iterator).
// Prints one JSON line: {"server", "put_per_s", "get_per_s", ...}.
import http from "node:http";

const [url, name] = process.argv.slice(2);
const PUTS = Number(process.env.PUTS || 5000);
const GETS = Number(process.env.GETS || 2000);
const CONCURRENCY = Number(process.env.CONCURRENCY || 8);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function call(op, body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: target.hostname, port: target.port, path: "/", method: "POST", agent,
      headers: {
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": `Kinesis_20131202.${op}`,
        "X-Amz-Date": "20240101T000000Z",
        Authorization: "AWS4-HMAC-SHA256 Credential=x/20240101/us-east-1/kinesis/aws4_request, "
          + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00",
        "Content-Length": Buffer.byteLength(payload),
      },
    }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode !== 200) reject(new Error(`${op}: ${res.statusCode} ${text}`));
        else resolve(text ? JSON.parse(text) : {});
      });
    });
    req.on("error", reject);
    req.end(payload);
  });
}

async function run(count, make) {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const i = next++;
      await make(i);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return count / seconds;
}

const data = Buffer.from("x".repeat(100)).toString("base64");
await call("CreateStream", { StreamName: "bench", ShardCount: 4 });
for (let i = 0; i < 100; i++) {
  const d = await call("DescribeStreamSummary", { StreamName: "bench" });
  if (d.StreamDescriptionSummary.StreamStatus === "ACTIVE") break;
  await new Promise((r) => setTimeout(r, 100));
}
// Warm up both the server and the client's connections.
await run(200, (i) => call("PutRecord", { StreamName: "bench", PartitionKey: `w${i}`, Data: data }));
const putPerS = await run(PUTS, (i) => call("PutRecord", { StreamName: "bench", PartitionKey: `k${i}`, Data: data }));
const shards = (await call("ListShards", { StreamName: "bench" })).Shards;
const iterators = await Promise.all(shards.map((s) => call("GetShardIterator", {
  StreamName: "bench", ShardId: s.ShardId, ShardIteratorType: "TRIM_HORIZON",
}).then((r) => r.ShardIterator)));
const getPerS = await run(GETS, async (i) => {
  const r = await call("GetRecords", { ShardIterator: iterators[i % iterators.length], Limit: 100 });
  if (r.Records.length === 0) throw new Error("GetRecords read nothing");
});
console.log(JSON.stringify({
  server: name, put_per_s: Math.round(putPerS), get_per_s: Math.round(getPerS), puts: PUTS, gets: GETS,
  concurrency: CONCURRENCY, records_per_get: 100, record_bytes: 100,
}));
agent.destroy();
