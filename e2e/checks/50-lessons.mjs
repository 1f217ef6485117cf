// Lessons, saving and share links, as a learner uses them in the release build served from a sub-path: lesson 1
// completed by typing the seed tutorial's commands (each step's solution lines, read from lessons/01-*.md), progress
// and session kept over a reload, a share link replayed in a fresh browser context to the same records, and
// damaged, oversized and newer-version links refused with the session kept. Screenshots go to test-artifacts/.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (page) => page.getByRole('log', { name: 'Console output' });
const input = (page) => page.getByRole('textbox', { name: 'Console command' });
const panel = (page) => page.getByRole('region', { name: 'Lesson', exact: true });

/** Each step's solution lines, from the lesson file (the steps are the `## ` sections after `## Setup`). */
async function solutions(file) {
  const text = await readFile(path.join(root, 'lessons', file), 'utf8');
  return text.split(/^## /m).slice(1).filter((s) => !s.startsWith('Setup')).map((section) => {
    const solution = section.split(/^### Solution\s*$/m)[1] ?? '';
    const block = solution.match(/```[^\n]*\n([\s\S]*?)```/);
    return (block ? block[1] : '').split('\n').filter((l) => l.trim() !== '');
  });
}

/** Types a line into the console and presses Enter; waits until the log has one more entry. */
async function type(page, line) {
  const before = await log(page).locator('article').count();
  await input(page).fill(line);
  await input(page).press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[role="log"] article').length > n, before);
  return log(page).locator('article').last();
}

/** The stdout of a command typed now. */
async function output(page, line) {
  const entry = await type(page, line);
  // A command that prints nothing has no stdout block at all.
  const stdout = entry.locator('.console-entry__stdout');
  if ((await stdout.count()) === 0) return '';
  return ((await stdout.textContent()) ?? '').trim();
}

const READ_ALL = 'aws kinesis get-records --shard-iterator $(aws kinesis get-shard-iterator --stream-name DemoStream ' +
  '--shard-id shardId-000000000000 --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text) ' +
  "--query 'Records[].[SequenceNumber, PartitionKey, Data]' --output text";

let shareLink = '';
let records = '';

export default [
  {
    name: 'a first-time visitor is offered the seed lesson, fetched from beside the page',
    async run({ page, open, assert }) {
      await open('');
      const welcome = page.getByRole('region', { name: 'Welcome' });
      await welcome.waitFor();
      const fetched = page.waitForResponse((r) => /\/lessons\/01-[^/]+\.md$/.test(r.url()));
      await welcome.getByRole('button', { name: 'Start lesson 1' }).click();
      const response = await fetched;
      assert.ok(new URL(response.url()).pathname.includes('/kinesis-playground/lessons/'), 'a relative URL');
      await panel(page).getByText('step 1 of').waitFor();
      assert.equal(await panel(page).locator('.lesson__goal--met').count(), 0, 'nothing is met yet');
    },
  },
  {
    name: 'a lesson link opened in a fresh browser context offers the lesson by its title, and starts it on request',
    async run({ page, assert }) {
      await panel(page).getByText('step 1 of').waitFor();
      await panel(page).getByRole('button', { name: 'Share this lesson' }).click();
      const box = panel(page).getByRole('textbox', { name: 'Link to this lesson' });
      await box.waitFor();
      const link = await box.inputValue();
      assert.match(link, /\/kinesis-playground\/#l1=[A-Za-z0-9_-]+$/);
      const context = await page.context().browser().newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const other = await context.newPage();
        // The lesson reader comes with the command interpreter's part: a link fetches it without a key press.
        const part = other.waitForResponse((r) => /_split_console\.wasm$/.test(new URL(r.url()).pathname));
        await other.goto(link, { waitUntil: 'load' });
        assert.equal((await part).status(), 200, 'the link fetched the command interpreter');
        const banner = other.getByRole('region', { name: 'Shared lesson' });
        await banner.waitFor();
        assert.match((await banner.textContent()) ?? '', /This link carries a lesson: Your first stream/);
        await banner.getByRole('button', { name: 'Start it' }).click();
        await other.getByRole('region', { name: 'Lesson', exact: true }).getByText('step 1 of').waitFor();
        await other.getByText(/Started the lesson “Your first stream”/).waitFor();
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'lesson 1 is completed by typing the tutorial\'s commands, goals ticking as they are met',
    async run({ page, assert, artifacts }) {
      const steps = await solutions('01-first-stream.md');
      assert.ok(steps.length >= 3, `the lesson has steps (${steps.length})`);
      for (const [i, lines] of steps.entries()) {
        await panel(page).getByText(`step ${i + 1} of ${steps.length}`).waitFor();
        if (i === 0) {
          await panel(page).getByRole('button', { name: 'Show a hint' }).click();
          await panel(page).getByRole('list', { name: 'Hints' }).waitFor();
        }
        for (const line of lines) await type(page, line);
        const next = panel(page).getByRole('button', { name: i + 1 === steps.length ? 'Finish lesson' : 'Next step' });
        await next.waitFor();
        const goals = panel(page).locator('.lesson__goal');
        assert.equal(await panel(page).locator('.lesson__goal--met').count(), await goals.count(), `step ${i + 1}: every goal ticked`);
        if (i === 2) await page.screenshot({ path: `${artifacts}/lesson-step.png`, fullPage: false });
        await next.click();
      }
      await panel(page).getByText('Lesson complete.').waitFor();
      await page.screenshot({ path: `${artifacts}/lesson-complete.png`, fullPage: false });
      records = await output(page, READ_ALL);
      assert.match(records, /trans_id|eyJ0cmFuc19pZC|e3RyYW5zX2lk/, `the four records are there: ${records}`);
      assert.equal(records.split('\n').length, 4);
    },
  },
  {
    name: 'progress and the session survive a reload',
    async run({ page, assert }) {
      await page.waitForTimeout(300);
      await page.reload();
      await page.getByText(/Welcome back: your session from your last visit was restored/).waitFor();
      await panel(page).getByText('Lesson complete.').waitFor();
      assert.match((await panel(page).locator('summary').textContent()) ?? '', /Lessons \(1 of \d+ done\)/);
      assert.equal(await output(page, READ_ALL), records, 'the same records, with the same sequence numbers');
    },
  },
  {
    name: 'a share link opened in a fresh browser context gives the same streams, records and sequence numbers',
    async run({ page, assert, artifacts }) {
      await page.getByRole('group', { name: 'Session' }).getByRole('button', { name: 'Share', exact: true }).click();
      const box = page.getByRole('textbox', { name: 'Link to share' });
      await box.waitFor();
      shareLink = await box.inputValue();
      assert.match(shareLink, /\/kinesis-playground\/#s1=[A-Za-z0-9_-]+$/);
      const context = await page.context().browser().newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const other = await context.newPage();
        await other.goto(shareLink, { waitUntil: 'load' });
        const banner = other.getByRole('region', { name: 'Shared session' });
        await banner.waitFor();
        assert.equal(await other.getByRole('log', { name: 'Console output' }).locator('article').count(), 0, 'nothing ran by itself');
        await other.screenshot({ path: `${artifacts}/lesson-share-banner.png`, fullPage: false });
        await banner.getByRole('button', { name: 'Open it' }).click();
        await other.getByText(/Opened the shared session/).waitFor();
        assert.equal(await output(other, 'aws kinesis list-streams --query StreamNames --output text'), 'DemoStream');
        assert.equal(await output(other, READ_ALL), records, 'the same records, with the same sequence numbers');
        assert.ok(!other.url().includes('#s1='), 'the address no longer carries the link');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'Export transcript downloads the session replayed with its outputs; a saved session file opens again',
    async run({ page, assert }) {
      const bar = page.getByRole('group', { name: 'Session' });
      const download = async (button) => {
        const [file] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: button }).click()]);
        return { name: file.suggestedFilename(), path: await file.path(), text: await readFile(await file.path(), 'utf8') };
      };
      // The transcript replays the session through the command interpreter part, outputs and all.
      const transcript = await download('Export transcript');
      assert.equal(transcript.name, 'kinesis-playground-session.txt');
      assert.match(transcript.text, /^# Exported from Kinesis Playground: started at /);
      assert.ok(transcript.text.includes('$ aws kinesis create-stream --stream-name DemoStream'), transcript.text.slice(0, 400));
      assert.ok(transcript.text.includes(`$ ${READ_ALL}\n${records}\n`), 'the records read back, as the console showed them');
      const saved = await download('Save session');
      assert.equal(saved.name, 'kinesis-playground-session.json');
      assert.equal(JSON.parse(saved.text).kind, 'kinesis-playground-session');
      await type(page, 'aws kinesis create-stream --stream-name Later --shard-count 1');
      assert.equal(await output(page, 'aws kinesis list-streams --query StreamNames --output text'), 'DemoStream\tLater');
      // Opening the file replays it in place of the session: the stream made after saving is gone.
      await bar.locator('input[type="file"]').setInputFiles({ name: saved.name, mimeType: 'application/json', buffer: Buffer.from(saved.text) });
      await bar.getByText(/^Opened kinesis-playground-session\.json: \d+ commands replayed\.$/).waitFor();
      assert.equal(await output(page, 'aws kinesis list-streams --query StreamNames --output text'), 'DemoStream');
      assert.equal(await output(page, READ_ALL), records, 'the same records, with the same sequence numbers');
    },
  },
  {
    name: 'damaged, oversized and newer-version links are refused, and the session is kept',
    async run({ page, open, assert }) {
      const data = shareLink.split('#s1=')[1];
      const cases = [
        [`#s1=${data.slice(0, 20)}`, /damaged|not valid JSON/],
        [`#s1=${'A'.repeat(40 * 1024)}`, /too long/],
        [`#s2=${data}`, /newer version/],
        ['#l1=%%%', /damaged/],
      ];
      for (const [fragment, expected] of cases) {
        await page.goto('about:blank');
        await open(fragment);
        const alert = page.getByRole('alert').filter({ hasText: expected });
        await alert.waitFor();
        assert.match((await alert.textContent()) ?? '', /Nothing was changed/);
        assert.equal(await output(page, 'aws kinesis list-streams --query StreamNames --output text'), 'DemoStream', fragment.slice(0, 12));
      }
      assert.equal(await output(page, READ_ALL), records);
    },
  },
  {
    name: 'Undo takes back the last command and Reset starts afresh',
    async run({ page, assert }) {
      await type(page, 'aws kinesis create-stream --stream-name Extra --shard-count 1');
      assert.equal(await output(page, 'aws kinesis list-streams --query StreamNames --output text'), 'DemoStream\tExtra');
      const bar = page.getByRole('group', { name: 'Session' });
      // The typed list-streams line is the last command of the log: the first Undo takes it back, the second the
      // create-stream (each waits for the notice of the one before, so no click lands during a replay).
      await bar.getByRole('button', { name: 'Undo' }).click();
      await page.getByText(/Undid `aws kinesis list-streams/).waitFor();
      await bar.getByRole('button', { name: 'Undo' }).click();
      await page.getByText(/Undid `aws kinesis create-stream --stream-name Extra/).waitFor();
      assert.equal(await output(page, 'aws kinesis list-streams --query StreamNames --output text'), 'DemoStream');
      await bar.getByRole('button', { name: 'Reset' }).click();
      await bar.getByRole('button', { name: 'Yes, reset' }).click();
      assert.equal(await output(page, 'aws kinesis list-streams --query StreamNames --output text'), '');
    },
  },
  {
    name: 'lessons 10 and 11 (enhanced fan-out, consumer applications) are completed in the page with Run solution',
    async run({ page, assert, artifacts }) {
      for (const [n, file] of [[10, '10-enhanced-fan-out.md'], [11, '11-consumer-applications.md']]) {
        const steps = await solutions(file);
        const list = panel(page).locator('details.lessons');
        if (!(await list.evaluate((d) => d.open))) await list.locator('summary').click();
        await panel(page).getByRole('button', { name: new RegExp(`^Start lesson ${n}: `) }).click();
        const confirm = panel(page).getByRole('button', { name: 'Start the lesson' });
        if (await confirm.isVisible().catch(() => false)) await confirm.click();
        for (let i = 0; i < steps.length; i++) {
          await panel(page).getByText(`step ${i + 1} of ${steps.length}`).waitFor();
          await panel(page).getByRole('button', { name: 'Show solution' }).click();
          await panel(page).getByRole('button', { name: 'Run solution' }).click();
          const next = panel(page).getByRole('button', { name: i + 1 === steps.length ? 'Finish lesson' : 'Next step' });
          await next.waitFor();
          if (n === 10 && i === 3) await panel(page).screenshot({ path: `${artifacts}/lesson-10-step.png` });
          if (n === 11 && i + 1 === steps.length) {
            assert.ok(await page.locator('article.lane.lesson-focus').count() >= 1, 'the split step points at its shard');
            await page.getByRole('region', { name: 'Shards', exact: true }).screenshot({ path: `${artifacts}/lesson-11-split.png` });
          }
          await next.click();
        }
        await panel(page).getByText('Lesson complete.').waitFor();
      }
    },
  },
];
