// End-to-end checks: open the built site in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core from tools/node_modules) and run every check in e2e/checks/*.mjs.
//
//   E2E_BASE_URL=http://127.0.0.1:8080/kinesis-playground/ node e2e/run.mjs [name filter]
//
// Each checks file is a suite: it gets a fresh page (nothing loaded yet) and runs its checks in order, so later
// checks can build on what earlier ones did. A checks file exports `default` as an array of
//   { name: 'what a learner would see', async run(ctx) { ... } }
// where ctx = { page, baseUrl, artifacts, assert, report, open }. Throw (or fail an assert) to fail a check.
//
// A check also fails when, while it ran, the page threw (pageerror), logged a console error, hit a
// Content-Security-Policy violation, or a request failed or answered 4xx/5xx.
// The last line printed is `N passed, M failed`; the exit code is non-zero when anything failed.

import { createRequire } from 'node:module';
import { mkdir, readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(path.join(root, 'tools', 'package.json'));
const { chromium } = require('playwright-core');

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080/';
const artifacts = path.join(root, 'test-artifacts');
const filter = process.argv[2] ?? '';
const checkTimeoutMs = Number(process.env.E2E_CHECK_TIMEOUT_MS ?? 20000);

// The flags that keep Chromium off the (closed) network and working as root in a container.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Attaches the problem detectors to a page; returns the list they fill. */
async function watchForProblems(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    else if (/Content.Security.Policy/i.test(message.text())) problems.push(`CSP message: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.exposeFunction('__e2eCspViolation', (text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__e2eCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}` +
        ` (${event.sourceFile || 'page'}:${event.lineNumber})`);
    });
  });
  return problems;
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function loadSuites() {
  const dir = path.join(here, 'checks');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.mjs')).sort();
  const suites = [];
  for (const file of files) {
    const module = await import(pathToFileURL(path.join(dir, file)).href);
    const checks = module.default;
    if (!Array.isArray(checks)) throw new Error(`${file}: export default an array of { name, run } checks`);
    suites.push({ name: file.replace(/\.mjs$/, '').replace(/^\d+[-_]/, ''), checks });
  }
  return suites;
}

async function main() {
  await mkdir(artifacts, { recursive: true });
  const suites = await loadSuites();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  let passed = 0;
  let failed = 0;
  const reports = [];
  console.log(`e2e: ${baseUrl}`);
  try {
    for (const suite of suites) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems = await watchForProblems(page);
      const ctx = {
        page, baseUrl, artifacts, assert,
        /** Records a measurement for the summary, e.g. report('first render', '212 ms'). */
        report: (what, value) => reports.push(`${suite.name}: ${what}: ${value}`),
        /** Opens a page of the site, relative to the base URL ('' is the start page). */
        open: (relative = '') => page.goto(new URL(relative, baseUrl).href, { waitUntil: 'load' }),
      };
      for (const check of suite.checks) {
        const name = `${suite.name}: ${check.name}`;
        if (filter && !name.includes(filter)) continue;
        const started = Date.now();
        let error = null;
        try {
          await withTimeout(check.run(ctx), checkTimeoutMs);
        } catch (e) {
          error = e;
        }
        const seen = problems.splice(0);
        if (seen.length) {
          const found = new Error(`the page reported problems:\n${seen.join('\n')}`);
          found.stack = [error?.stack, found.message].filter(Boolean).join('\n');
          error = found;
        }
        const ms = Date.now() - started;
        if (error) {
          failed += 1;
          console.log(`FAIL ${name} (${ms} ms)\n${String(error.stack ?? error).replace(/^/gm, '     ')}`);
        } else {
          passed += 1;
          console.log(`ok   ${name} (${ms} ms)`);
        }
      }
      // Anything that went wrong after the suite's last check finished still fails the run.
      await page.waitForTimeout(100);
      const late = problems.splice(0);
      if (late.length) {
        failed += 1;
        console.log(`FAIL ${suite.name}: the page stayed clean after the last check\n${late.join('\n').replace(/^/gm, '     ')}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  for (const line of reports) console.log(`report ${line}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
