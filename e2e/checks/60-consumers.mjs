// The consuming side, as a learner uses it: register an enhanced fan-out consumer, start the ATM generator preset,
// subscribe and watch the pushed events, add a consumer application with two workers, remove one and see its
// leases move to the other; the capacity meters split shared GetRecords reads from the consumer's own. Screenshots
// of the Consumers and Capacity regions go to test-artifacts/.

const log = (page) => page.getByRole('log', { name: 'Console output' });
const input = (page) => page.getByRole('textbox', { name: 'Console command' });
const region = (page) => page.getByRole('region', { name: 'Consumers', exact: true });

/** Types a line into the console and presses Enter; waits until the log has one more entry. */
async function type(page, line) {
  const before = await log(page).locator('article').count();
  await input(page).fill(line);
  await input(page).press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[role="log"] article').length > n, before);
}

/** Clicks a button and waits for the command it runs to show in the log. */
async function press(page, button, command) {
  const before = await log(page).locator('article').count();
  await button.click();
  await page.waitForFunction((n) => document.querySelectorAll('[role="log"] article').length > n, before);
  const last = (await log(page).locator('article').last().textContent()) ?? '';
  if (command && !last.includes(command)) throw new Error(`expected the log to show ${command}, got: ${last.slice(0, 300)}`);
}

export default [
  {
    name: 'a learner registers a consumer, subscribes and sees the pushed events',
    async run({ page, open, assert, report }) {
      await open('');
      await region(page).waitFor();
      const pause = page.getByRole('button', { name: 'Pause', exact: true });
      if (await pause.count()) await pause.click();
      await type(page, 'aws kinesis create-stream --stream-name fan --shard-count 2');
      await type(page, 'sim clock advance 1m');
      const consumers = region(page);
      await consumers.getByLabel('Consumer name').fill('dashboard');
      await press(page, consumers.getByRole('button', { name: 'Register consumer' }), 'register-stream-consumer');
      const table = consumers.getByRole('table', { name: 'Registered consumers' });
      assert.match(await table.textContent(), /dashboard.*CREATING/);
      await type(page, 'sim clock advance 10s');
      assert.match(await table.textContent(), /ACTIVE/);
      const generators = page.getByRole('form', { name: 'Start a data generator' });
      await generators.getByRole('button', { name: 'Test template' }).click();
      await page.locator('.generator__samples li').nth(4).waitFor();
      await press(page, generators.getByRole('button', { name: 'Start generator' }), 'sim generator add --stream-name fan --rate 10 --preset atm');
      await press(page, table.getByRole('button', { name: 'Subscribe 30 s' }), 'sim subscribe-to-shard');
      const lanes = consumers.locator('.fan-out-lanes');
      await lanes.waitFor();
      const text = await lanes.textContent();
      assert.match(text, /dashboard/);
      assert.match(text, /ContinuationSequenceNumber \d+/);
      assert.match(text, /MillisBehindLatest \d+/);
      report('fan-out', (text.match(/(\d+) records pushed/) ?? [])[0] ?? 'no count');
    },
  },
  {
    name: 'an application with two workers, one removed: its leases move',
    async run({ page, assert, report }) {
      const consumers = region(page);
      const form = consumers.getByRole('form', { name: 'Add a consumer application' });
      await form.getByLabel('Application name').fill('atm-fraud');
      await form.getByLabel('Workers').fill('2');
      await press(page, form.getByRole('button', { name: 'Add app' }), 'sim consumer-app add --stream-name fan --app-name atm-fraud --workers 2');
      await type(page, 'sim clock advance 3s');
      const leases = consumers.getByRole('table', { name: 'Lease table of atm-fraud' });
      const owners = async () => (await leases.locator('tbody tr td:nth-child(2)').allTextContents()).sort().join(',');
      assert.equal(await owners(), 'worker-1,worker-2');
      const workers = consumers.getByRole('table', { name: 'Workers of atm-fraud' });
      await press(page, workers.getByRole('button', { name: 'Remove worker-2' }), 'sim consumer-app worker remove --app-name atm-fraud --worker worker-2');
      assert.equal(await owners(), '-,worker-1');
      await type(page, 'sim clock advance 2s');
      assert.equal(await owners(), 'worker-1,worker-1');
      report('leases', 'worker-2 removed: both leases with worker-1');
    },
  },
  {
    name: 'capacity separates shared reads from the consumer\'s own, and the views are screenshotted',
    async run({ page, artifacts, assert }) {
      const capacity = page.getByRole('region', { name: 'Capacity', exact: true });
      await type(page, 'sim consumer-app add --stream-name fan --app-name live --workers 1 --enhanced-fan-out');
      await type(page, 'sim clock advance 15s');
      const text = await capacity.textContent();
      assert.match(text, /Shared by every GetRecords reader/);
      assert.match(text, /Enhanced fan-out: each consumer its own 2 MiB\/s/);
      await region(page).screenshot({ path: `${artifacts}/consumers.png` });
      await capacity.screenshot({ path: `${artifacts}/consumers-capacity.png` });
      await page.getByRole('region', { name: 'Data generators' }).screenshot({ path: `${artifacts}/consumers-generator.png` });
    },
  },
];
