// Browser benchmark (a benchmark, not a pass/fail test): opens the built site in headless Chromium, makes a
// 16-shard stream, ingests 1,000 records/s from a producer until 100,000 records are retained, then watches the
// main thread for ~10 s of live running at x1 with the producer still writing.
//
//   node e2e/bench.mjs http://127.0.0.1:8080/            (or: ./scripts/bench-browser.sh, which builds and serves)
//
// Prints a table: first render, set-up time, records retained, long tasks (PerformanceObserver 'longtask', over
// 50 ms by definition) during the live window, the slowest frame gap, and the gzip size of the wasm + JS.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import os from 'node:os';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tools', 'package.json'));
const { chromium } = require('playwright-core');

const url = process.argv[2] ?? process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/';
const LIVE_SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 10);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, o) => {
    if (document.querySelector('section[aria-label="Shards"]')) { window.__firstRender = performance.now(); o.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
});
const t0 = Date.now();
await page.goto(url, { waitUntil: 'load' });
const input = page.getByRole('textbox', { name: 'Console command' }).first();
await input.waitFor({ timeout: 20000 });
const firstRender = await page.evaluate(() => window.__firstRender);

async function type(line) {
  await input.fill(line);
  await input.press('Enter');
}
const setupStart = Date.now();
await type('aws kinesis create-stream --stream-name bench --shard-count 16');
await type('sim clock advance 1m');
await type('sim producer add --stream-name bench --rate 1000 --keys 1000');
for (let i = 0; i < 10; i += 1) await type('sim clock advance 10s');
await page.waitForTimeout(500);
const setupMs = Date.now() - setupStart;
const retained = async () => page.evaluate(() => [...document.querySelectorAll('.lane__meta')]
  .map((e) => Number((/([\d,]+) record\(s\) kept/.exec(e.textContent) ?? [0, '0'])[1].replace(/,/g, '')))
  .reduce((a, b) => a + b, 0));
const before = await retained();

// the live window: long tasks and frame gaps while the clock runs at x1 and the producer writes
await page.evaluate(() => {
  window.__longTasks = [];
  window.__gaps = [];
  let last = performance.now();
  const frame = (t) => { window.__gaps.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
});
await page.waitForTimeout(LIVE_SECONDS * 1000);
const live = await page.evaluate(() => { window.__stop = true; return { tasks: window.__longTasks, gaps: window.__gaps }; });
const after = await retained();

const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name)
  .filter((n) => /\.(wasm|js)(\?|$)/.test(n)));
let gzip = 0;
const files = [];
for (const r of resources) {
  const body = Buffer.from(await (await fetch(r)).arrayBuffer());
  const gz = gzipSync(body, { level: 9 }).length;
  gzip += gz;
  files.push(`${path.basename(new URL(r).pathname)} ${body.length} B raw, ${gz} B gzip -9`);
}
await browser.close();

const tasks = live.tasks;
const rows = [
  ['first render (navigation start to the regions in the DOM)', `${Math.round(firstRender)} ms`],
  ['page load + first render, wall clock', `${Date.now() - t0 - setupMs - LIVE_SECONDS * 1000 - 500} ms (approx.)`],
  ['set-up (16 shards, 100 s of 1,000 records/s typed as sim clock advance)', `${setupMs} ms`],
  ['records retained before / after the live window', `${before} / ${after}`],
  [`long tasks (> 50 ms) in ${LIVE_SECONDS} s live at x1`, `${tasks.length}`],
  ['longest task', tasks.length ? `${Math.round(Math.max(...tasks))} ms` : '-'],
  ['total long-task time', `${Math.round(tasks.reduce((a, b) => a + b, 0))} ms`],
  ['slowest frame gap', `${Math.round(Math.max(0, ...live.gaps))} ms`],
  ['frames', `${live.gaps.length} (${(live.gaps.length / LIVE_SECONDS).toFixed(1)}/s)`],
  ['wasm + JS, gzip -9', `${gzip} B (${(gzip / 1024).toFixed(1)} KiB; budget 350 KiB)`],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`browser benchmark: ${url}`);
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine inflates long tasks)`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
for (const f of files) console.log(`  ${f}`);
if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
process.exitCode = errors.length ? 1 : 0;
