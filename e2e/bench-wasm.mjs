// The engine in the browser beside the engine natively (a benchmark, not a pass/fail test): `scripts/bench-wasm.sh`
// builds both sides of examples/bench_wasm.rs and runs this.
//
//   node e2e/bench-wasm.mjs <dir with bench_wasm.js + bench_wasm_bg.wasm> <native bench_wasm binary> [rounds]
//
// One native process and one page stay up for the whole run (each reuses the memory of its earlier measurements,
// as a running playground does). After one warm-up round on each side (not counted: it grows the memory and lets V8
// tier the wasm up), each round runs every measurement natively and in the page back to back, the side going first
// swapped each time, so that the shared machine's load falls on both sides alike. Prints the median of each side per
// measurement and the median of the rounds' wasm/native ratios, one line each, and the worst slowdown last; the
// rounds themselves go to stderr.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tools', 'package.json'));
const { chromium } = require('playwright-core');

const [dir, nativeBin, roundsArg] = process.argv.slice(2);
if (!dir || !nativeBin) {
  console.error('usage: node e2e/bench-wasm.mjs <wasm dir> <native binary> [rounds]');
  process.exit(2);
}
const ROUNDS = Number(roundsArg ?? process.env.BENCH_ROUNDS ?? 7);
const NAMES = ['MD5 only', 'PutRecord', 'PutRecords', 'GetRecords scan'];
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

// The page: loads the wasm-bindgen module and runs rounds on its main thread when asked.
const PAGE = `<!doctype html><meta charset="utf-8"><title>bench-wasm</title>
<script type="module">
import init, { bench_measure } from './bench_wasm.js';
await init();
window.benchMeasure = bench_measure;
window.benchReady = true;
</script>`;
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const name = new URL(req.url, 'http://x').pathname.slice(1) || 'index.html';
  if (name === 'index.html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(PAGE);
    return;
  }
  const file = path.join(dir, path.basename(name));
  if (!fs.existsSync(file)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

// The native side: one process, a measurement per line written to it.
const native = spawn(nativeBin, [], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: native.stdout });
const waiting = [];
lines.on('line', (line) => waiting.shift()?.(line));
native.on('exit', (code) => { for (const w of waiting.splice(0)) w(null); if (code) console.error(`native side exited with ${code}`); });
function nativeMeasure(k) {
  return new Promise((resolve, reject) => {
    waiting.push((line) => (line === null ? reject(new Error('native side ended')) : resolve(Number(line))));
    native.stdin.write(`${k}\n`);
  });
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('crash', () => errors.push('the page crashed'));
await page.goto(url, { waitUntil: 'load' });
await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60000 });
const chromiumVersion = browser.version();
const wasmMeasure = (k) => page.evaluate((k) => window.benchMeasure(k), k);

const results = { native: NAMES.map(() => []), wasm: NAMES.map(() => []) };
const fmt = (xs) => xs.map((x) => String(Math.round(x)).padStart(9)).join(' ');
try {
  const warm = { native: [], wasm: [] };
  for (let k = 0; k < NAMES.length; k += 1) {
    warm.native.push(await nativeMeasure(k));
    warm.wasm.push(await wasmMeasure(k));
  }
  console.error(`warm-up   native ${fmt(warm.native)}`);
  console.error(`warm-up   wasm   ${fmt(warm.wasm)}`);
  for (let i = 0; i < ROUNDS; i += 1) {
    const row = { native: [], wasm: [] };
    for (let k = 0; k < NAMES.length; k += 1) {
      // Each measurement on both sides back to back, the side going first swapped every round.
      const order = (i + k) % 2 === 0 ? ['native', 'wasm'] : ['wasm', 'native'];
      for (const side of order) {
        const r = side === 'native' ? await nativeMeasure(k) : await wasmMeasure(k);
        results[side][k].push(r);
        row[side].push(r);
      }
    }
    console.error(`round ${String(i + 1).padEnd(3)} native ${fmt(row.native)}`);
    console.error(`round ${String(i + 1).padEnd(3)} wasm   ${fmt(row.wasm)}`);
  }
} finally {
  native.stdin.end();
  await browser.close();
  server.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
console.log(`bench-wasm: the workload of benches/engine.rs (1,000,000 records, 16-byte keys, 100-byte payloads), median of ${ROUNDS} interleaved rounds after one warm-up (slowdown: the median of the rounds' ratios)`);
console.log('native: bench profile (opt-level 3, thin LTO, as cargo bench --bench engine)');
console.log(`wasm: release profile as the page ships (opt-level "z", LTO, md-5 at 3; ${process.env.BENCH_WASM_BUILD ?? 'wasm-bindgen, wasm-opt as index.html'}), Chromium ${chromiumVersion} headless, page main thread`);
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
let worst = 0;
NAMES.forEach((name, k) => {
  const n = median(results.native[k]);
  const w = median(results.wasm[k]);
  // The slowdown is the median of the rounds' own ratios: each round measured both sides back to back, so a change
  // in the machine's load between rounds cancels out (the ratio of the two medians would mix rounds).
  const slowdown = median(results.native[k].map((x, i) => x / results.wasm[k][i]));
  worst = Math.max(worst, slowdown);
  console.log(`${name}: native ${Math.round(n)}/s, wasm ${Math.round(w)}/s, wasm/native slowdown ${slowdown.toFixed(2)}x`);
});
if (errors.length) console.error(`page errors:\n${errors.join('\n')}`);
console.log(`worst slowdown: ${worst.toFixed(2)}x`);
process.exitCode = errors.length ? 1 : 0;
