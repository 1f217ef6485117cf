// Browser benchmark (a benchmark, not a pass/fail test): opens the built site in headless Chromium, starts lesson 1
// (its panel stays open), makes a 16-shard stream with a generator writing 1,000 records/s and two consumer
// applications reading it (one polling GetRecords, one with enhanced fan-out), moves the clock until 100,000
// records are retained, then watches the main thread for ~10 s of live running at x1 with all of them running.
//
//   node e2e/bench.mjs http://127.0.0.1:8080/            (or: ./scripts/bench-browser.sh, which builds and serves)
//
// Prints a table: first render, set-up time, records retained, long tasks (PerformanceObserver 'longtask', over
// 50 ms by definition) during the live window, the longest main-thread task of any length (a Chromium trace of the
// live window: its RunTask events on the page's main thread), the slowest frame gap, what the consumer
// applications processed, and the gzip size of the wasm + JS + CSS (the deferred parts apart).

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'tools', 'package.json'));
const { chromium } = require('playwright-core');

const url = process.argv[2] ?? process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/';
const LIVE_SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 10);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
// BENCH_CPU_SLOWDOWN=N: Chromium runs the page's main thread N times slower (DevTools' CPU throttling), as on a
// machine N times slower than this one.
const slowdown = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
if (slowdown > 1) {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
}
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
const loadMs = Date.now() - t0;

async function type(line) {
  await input.fill(line);
  await input.press('Enter');
}
const log = page.getByRole('log', { name: 'Console output' });
const entries = log.locator('article');
/** Types a line and waits for its entry in the log; returns the entry's standard output. */
async function run(line) {
  const before = await entries.count();
  await type(line);
  await page.waitForFunction((n) => document.querySelectorAll('[role="log"] article').length > n, before, { timeout: 60000 });
  const stdout = entries.last().locator('.console-entry__stdout');
  return (await stdout.count()) ? ((await stdout.textContent()) ?? '') : '';
}

// The lesson panel: lesson 1, as a first-time visitor starts it from the welcome.
const lessonPanel = page.getByRole('region', { name: 'Lesson', exact: true });
await page.getByRole('region', { name: 'Welcome' }).getByRole('button', { name: 'Start lesson 1' }).click();
await lessonPanel.getByText('step 1 of').waitFor({ timeout: 20000 });

const setupStart = Date.now();
await run('aws kinesis create-stream --stream-name bench --shard-count 16');
await run('sim clock advance 1m');
await run('sim generator add --stream-name bench --rate 1000 --preset atm');
await run('sim consumer-app add --stream-name bench --app-name poller --workers 2');
await run('sim consumer-app add --stream-name bench --app-name fanout --workers 2 --enhanced-fan-out');
for (let i = 0; i < 10; i += 1) await run('sim clock advance 10s');
await page.waitForTimeout(500);
const setupMs = Date.now() - setupStart;
const retained = async () => page.evaluate(() => [...document.querySelectorAll('.lane__meta')]
  .map((e) => Number((/([\d,]+) record\(s\) kept/.exec(e.textContent) ?? [0, '0'])[1].replace(/,/g, '')))
  .reduce((a, b) => a + b, 0));
const before = await retained();

// BENCH_SCROLL_TO=<region label> (e.g. Capacity): watch the live window with that region scrolled into view.
const scrollTo = process.env.BENCH_SCROLL_TO;
if (scrollTo) {
  await page.getByRole('region', { name: scrollTo, exact: true }).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(500);
}

// BENCH_PROFILE=file.cpuprofile: a CPU profile of the live window instead (it slows the page: its timings are not
// the benchmark's), saved for DevTools, and the functions with the most self time printed.
const profilePath = process.env.BENCH_PROFILE;
let cdp = null;
if (profilePath) {
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
} else {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'blink.user_timing'] });
}
// The live window starts once the trace or profile runs (starting one stalls the page a moment), with a mark that
// the trace keeps.
await page.evaluate(() => {
  window.__longTasks = [];
  window.__gaps = [];
  let last = performance.now();
  const frame = (t) => { window.__gaps.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  performance.mark('bench-live-start');
});
await page.waitForTimeout(LIVE_SECONDS * 1000);
let trace = { traceEvents: [] };
if (cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync(profilePath, JSON.stringify(profile));
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, c] of counts) {
    const f = byId.get(id).callFrame;
    const name = f.functionName || `(${f.url.split('/').pop()}:${f.lineNumber})`;
    self.set(name, (self.get(name) ?? 0) + c);
    total += c;
  }
  console.log(`CPU profile of the live window saved to ${profilePath}; most self time:`);
  for (const [name, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${((100 * c) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
} else {
  const buffer = await browser.stopTracing();
  // BENCH_TRACE=file.json keeps the trace (DevTools' Performance panel loads it).
  if (process.env.BENCH_TRACE) fs.writeFileSync(process.env.BENCH_TRACE, buffer);
  trace = JSON.parse(buffer.toString('utf8'));
}
const live = await page.evaluate(() => { window.__stop = true; return { tasks: window.__longTasks, gaps: window.__gaps }; });
const after = await retained();
const lessonOpen = await lessonPanel.isVisible();
const apps = (await run('sim consumer-app list')).trim();

// The page's main thread in the trace: the renderer's CrRendererMain (the page is the only tab).
const events = trace.traceEvents ?? trace;
const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const isMain = (e) => mains.some((m) => m.pid === e.pid && m.tid === e.tid);
const liveStart = events.find((e) => e.name === 'bench-live-start')?.ts ?? 0;
const liveTasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && isMain(e) && e.ts >= liveStart);
const runTasks = liveTasks.map((e) => e.dur / 1000);
const longestTask = runTasks.length ? Math.max(...runTasks) : 0;
// A task's wall time includes the time its thread waited for a core (on a loaded machine, most of a long task);
// its thread time (tdur) is the page's own work.
const cpu = liveTasks.map((e) => (e.tdur ?? 0) / 1000);
const longestCpu = cpu.length ? Math.max(...cpu) : 0;
const longestTaskCpu = cpu[runTasks.indexOf(longestTask)] ?? 0;
const totalCpu = cpu.reduce((a, b) => a + b, 0);
const layoutCpu = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && isMain(e) && e.ts >= liveStart)
  .reduce((a, e) => a + (e.tdur ?? 0) / 1000, 0);
const over = (ms) => runTasks.filter((d) => d > ms).length;

const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name)
  .filter((n) => /\.(wasm|js|css)(\?|$)/.test(n)));
// The deferred parts (src/parts.rs) arrive with the first key press: counted apart from the page's weight.
const PART = /_(split_[a-z_]+|chunk_\d+)\.wasm$/;
let gzip = 0;
let partsGzip = 0;
const files = [];
for (const r of resources) {
  const body = Buffer.from(await (await fetch(r)).arrayBuffer());
  const gz = gzipSync(body, { level: 9 }).length;
  const part = PART.test(new URL(r).pathname);
  if (part) partsGzip += gz; else gzip += gz;
  files.push(`${path.basename(new URL(r).pathname)} ${body.length} B raw, ${gz} B gzip -9${part ? ' (a deferred part)' : ''}`);
}
await browser.close();

const tasks = live.tasks;
const rows = [
  ['first render (navigation start to the regions in the DOM)', `${Math.round(firstRender)} ms`],
  ['page load + first render, wall clock', `${loadMs} ms`],
  ['lesson panel open (lesson 1) during the live window', lessonOpen ? 'yes' : 'NO'],
  ['set-up (16 shards, generator at 1,000 records/s, 2 consumer apps, 100 s typed as sim clock advance)', `${setupMs} ms`],
  ['records retained before / after the live window', `${before} / ${after}`],
  [`long tasks (> 50 ms) in ${LIVE_SECONDS} s live at x1`, `${tasks.length}`],
  ['longest task (> 50 ms, longtask observer)', tasks.length ? `${Math.round(Math.max(...tasks))} ms` : '-'],
  ['longest main-thread task of any length (trace of the live window)', `${longestTask.toFixed(1)} ms (${runTasks.length} tasks; over 16 ms: ${over(16)}, over 50 ms: ${over(50)})`],
  ['  its own CPU time (the rest: waiting for a core)', `${longestTaskCpu.toFixed(1)} ms`],
  ['most CPU time of any main-thread task', `${longestCpu.toFixed(1)} ms`],
  [`main-thread CPU time in ${LIVE_SECONDS} s (of it Layout)`, `${Math.round(totalCpu)} ms (${Math.round(layoutCpu)} ms)`],
  ['total long-task time', `${Math.round(tasks.reduce((a, b) => a + b, 0))} ms`],
  ['slowest frame gap', `${Math.round(Math.max(0, ...live.gaps))} ms`],
  ['frames', `${live.gaps.length} (${(live.gaps.length / LIVE_SECONDS).toFixed(1)}/s)`],
  ['wasm + JS + CSS before the first interaction, gzip -9', `${gzip} B (budget 409,600 B)`],
  ['deferred parts, fetched on the first key press, gzip -9', `${partsGzip} B`],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`browser benchmark: ${url}${scrollTo ? ` (scrolled to ${scrollTo})` : ''}${slowdown > 1 ? ` (CPU slowed down ${slowdown}x)` : ''}`);
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine inflates long tasks)`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
for (const f of files) console.log(`  ${f}`);
console.log('consumer applications after the live window (sim consumer-app list):');
for (const l of apps.split('\n')) console.log(`  ${l}`);
if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
process.exitCode = errors.length ? 1 : 0;
