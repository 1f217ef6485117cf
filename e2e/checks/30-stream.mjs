// The seed tutorial as a learner does it: Stage 1 through the create-stream form, Stage 2 typed in the console.
// Then the stream's details (retention, delete) and the hot-key demonstration.

const details = (page) => page.getByRole('region', { name: 'Stream details', exact: true });
const log = (page) => page.getByRole('log', { name: 'Console output' });
const input = (page) => page.getByRole('textbox', { name: 'Console command' });
const status = (page) => details(page).getByRole('status').first();

async function type(page, line) {
  const before = await log(page).locator('article').count();
  await input(page).fill(line);
  await input(page).press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[role="log"] article').length > n, before);
  return log(page).locator('article').last();
}

const PUTS = [
  '{"trans_id": 1, "trans_type": "ATM", "amt": 200}',
  '{"trans_id": 2, "trans_type": "ATM", "amt": 400}',
  '{"trans_id": 3, "trans_type": "ATM", "amt": 600}',
  '{"trans_id": 4, "trans_type": "ATM", "amt": 900}',
];

export default [
  {
    name: 'with no stream, the details say how to make one',
    async run({ page, open, assert }) {
      await open('');
      await details(page).waitFor();
      assert.match((await details(page).textContent()) ?? '', /No stream yet/);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
    },
  },
  {
    name: 'the form explains a bad name in plain words before anything runs',
    async run({ page, assert }) {
      const form = page.getByRole('form', { name: 'Create a stream' });
      const name = form.getByLabel('Stream name');
      await name.fill('my stream!');
      assert.match((await form.textContent()) ?? '', /only letters, digits, hyphens/);
      await form.getByRole('button', { name: 'Create stream' }).click();
      assert.equal(await log(page).locator('article').count(), 0, 'nothing ran');
      await name.fill('DemoStream');
    },
  },
  {
    name: 'Stage 1: the form creates DemoStream (provisioned, 1 shard); CREATING becomes ACTIVE as time passes',
    async run({ page, assert, artifacts }) {
      const form = page.getByRole('form', { name: 'Create a stream' });
      await form.getByLabel('Provisioned').check();
      await form.getByLabel('Shard count').fill('1');
      await form.getByRole('button', { name: 'Create stream' }).click();
      const entry = log(page).locator('article').last();
      await entry.waitFor();
      assert.match((await entry.textContent()) ?? '',
        /\$ aws kinesis create-stream --stream-name DemoStream --shard-count 1[\s\S]*from a button/);
      assert.equal(await status(page).textContent(), 'CREATING');
      await page.screenshot({ path: `${artifacts}/stream-creating.png`, fullPage: true });
      await page.getByRole('button', { name: '+1 min', exact: true }).click();
      await page.waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent === 'ACTIVE'));
      const text = (await details(page).textContent()) ?? '';
      assert.match(text, /PROVISIONED/);
      assert.match(text, /1 open, 0 closed/);
      assert.match(text, /arn:aws:kinesis:us-east-1:123456789012:stream\/DemoStream/);
      assert.match(text, /24 hours/);
    },
  },
  {
    name: 'Stage 2: four put-record lines typed verbatim, with the quoting hint',
    async run({ page, assert }) {
      for (const data of PUTS) {
        const entry = await type(page, `aws kinesis put-record --stream-name DemoStream --partition-key 1 --cli-binary-format raw-in-base64-out --data "${data}"`);
        const text = (await entry.textContent()) ?? '';
        assert.match(text, /"ShardId": "shardId-000000000000"/);
        const hint = entry.getByRole('complementary', { name: 'Hint' });
        assert.match((await hint.first().textContent()) ?? '', /removed the inner double quotes/);
      }
    },
  },
  {
    name: 'Stage 2: the shard iterator and get-records show the 4 records',
    async run({ page, assert, artifacts }) {
      await type(page, "SHARD_ITERATOR=$(aws kinesis get-shard-iterator --stream-name DemoStream --shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query 'ShardIterator')");
      const entry = await type(page, 'aws kinesis get-records --shard-iterator $SHARD_ITERATOR');
      const stdout = (await entry.locator('.console-entry__stdout').textContent()) ?? '';
      const records = JSON.parse(stdout).Records;
      assert.equal(records.length, 4, 'four records');
      assert.equal(Buffer.from(records[0].Data, 'base64').toString(), '{trans_id: 1, trans_type: ATM, amt: 200}');
      await page.screenshot({ path: `${artifacts}/tutorial-stage2.png`, fullPage: true });
    },
  },
  {
    name: 'retention +24 h runs the CLI command and the details follow',
    async run({ page, assert }) {
      await details(page).getByRole('button', { name: 'Increase retention by 24 hours' }).click();
      await page.waitForFunction(() => /48 hours/.test(document.querySelector('section[aria-label="Stream details"]')?.textContent ?? ''));
      assert.match((await log(page).locator('article').last().textContent()) ?? '',
        /increase-stream-retention-period --stream-name DemoStream --retention-period-hours 48/);
    },
  },
  {
    name: 'hot key demo: on a 4-shard stream, one shard throttles at 1,000 records/s, shown loudly',
    async run({ page, assert, artifacts }) {
      await details(page).getByRole('button', { name: 'Hot key demo' }).click();
      assert.match((await log(page).textContent()) ?? '', /create-stream --stream-name HotKeyDemo --shard-count 4/,
        'DemoStream has one shard, so the demo makes a stream with several');
      assert.match((await details(page).textContent()) ?? '', /4 open, 0 closed/);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      const producer = details(page).locator('.producer').first();
      await producer.locator('.producer__alert').waitFor();
      const text = (await producer.textContent()) ?? '';
      assert.match(text, /Producer 1/);
      assert.match(text, /Throttled/);
      assert.match(text, /Rate exceeded for shard/);
      await page.screenshot({ path: `${artifacts}/hot-key.png`, fullPage: true });
      await details(page).getByRole('button', { name: 'Pause producer 1' }).click();
      await details(page).getByRole('button', { name: 'Resume producer 1' }).waitFor();
      await details(page).getByRole('button', { name: 'Remove producer 1' }).click();
      await page.waitForFunction(() => /No producers yet/.test(document.body.textContent ?? ''));
    },
  },
  {
    name: 'delete asks first, then the stream goes DELETING and disappears',
    async run({ page, assert, artifacts }) {
      await details(page).getByLabel('Stream to show').selectOption('DemoStream');
      await details(page).getByRole('button', { name: 'Delete stream…' }).click();
      await page.getByRole('alert').filter({ hasText: 'Delete DemoStream and every record' }).waitFor();
      await details(page).getByRole('button', { name: 'Yes, delete it' }).click();
      assert.equal(await status(page).textContent(), 'DELETING');
      await page.getByRole('button', { name: '+1 min', exact: true }).click();
      // DemoStream is gone: the picker goes (one stream left) and the details show HotKeyDemo.
      await details(page).getByLabel('Stream to show').waitFor({ state: 'detached' });
      assert.match((await details(page).locator('.stream-facts__name').textContent()) ?? '', /HotKeyDemo/);
      await page.setViewportSize({ width: 768, height: 1024 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal overflow at 768 px (${overflow}px)`);
      await page.screenshot({ path: `${artifacts}/stream-tablet.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  },
];
