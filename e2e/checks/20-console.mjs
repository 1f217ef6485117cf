/** Loads the page afresh at `relative` (a hash-only change would not reload it); waits for quiet first, so no
 * request of the previous page is cut off. */
async function reopen(page, open, relative) {
  await page.waitForLoadState('networkidle');
  await page.goto('about:blank');
  await open(relative);
  await page.waitForLoadState('networkidle');
}

// The page console, the simulated clock and the shortcuts, used as a learner would: typing, Tab, history, examples.

const log = (page) => page.getByRole('log', { name: 'Console output' });
const input = (page) => page.getByRole('textbox', { name: 'Console command' });

/** Types a line into the console and presses Enter; waits until the log has one more entry. */
async function type(page, line) {
  const before = await log(page).locator('article').count();
  await input(page).fill(line);
  await input(page).press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('[role="log"] article').length > n, before);
  return log(page).locator('article').last();
}

export default [
  {
    name: 'the console has a labelled input and an empty log that says what goes there',
    async run({ page, open, assert }) {
      await open('');
      await input(page).waitFor();
      assert.equal(await log(page).getAttribute('aria-live'), 'polite');
      assert.match((await log(page).textContent()) ?? '', /Commands and their output appear here/);
    },
  },
  {
    name: 'typing a command and Enter shows the command and its output',
    async run({ page, assert }) {
      const entry = await type(page, 'aws kinesis help');
      const text = (await entry.textContent()) ?? '';
      assert.match(text, /\$ aws kinesis help/);
      assert.match(text, /create-stream/);
      // The descriptions are not in the wasm: the first `help` fetched docs.json (relative to the page) first.
      assert.match(text, /Amazon Kinesis Data Streams is a managed service/);
      assert.equal(await input(page).inputValue(), '', 'the input is cleared');
      await entry.getByRole('button', { name: 'Copy command' }).waitFor();
    },
  },
  {
    name: 'errors are shown as errors, with a hint beside them',
    async run({ page, assert }) {
      const entry = await type(page, 'aws kinesis describe-stream --stream-name Nope');
      await entry.locator('.console-entry__stderr').waitFor();
      assert.match((await entry.locator('.console-entry__stderr').textContent()) ?? '', /ResourceNotFoundException/);
      assert.ok(await entry.getByRole('complementary', { name: 'Hint' }).count() >= 1, 'a hint box');
    },
  },
  {
    name: 'up and down walk the history',
    async run({ page, assert }) {
      await input(page).press('ArrowUp');
      assert.equal(await input(page).inputValue(), 'aws kinesis describe-stream --stream-name Nope');
      await input(page).press('ArrowUp');
      assert.equal(await input(page).inputValue(), 'aws kinesis help');
      await input(page).press('ArrowDown');
      await input(page).press('ArrowDown');
      assert.equal(await input(page).inputValue(), '');
    },
  },
  {
    name: 'Tab completes a unique operation and lists several',
    async run({ page, assert }) {
      await input(page).fill('aws kinesis put-recor');
      await input(page).press('Tab');
      assert.match(await input(page).inputValue(), /^aws kinesis put-record/);
      await input(page).fill('aws kinesis list-');
      await input(page).press('Tab');
      const choices = (await page.locator('.console-input__choices').textContent()) ?? '';
      assert.match(choices, /list-shards/);
      assert.match(choices, /list-streams/);
      await input(page).fill('');
    },
  },
  {
    name: 'a continued line shows the > prompt and runs when complete',
    async run({ page, assert }) {
      await input(page).fill('echo one \\');
      await input(page).press('Enter');
      await page.waitForFunction(() => document.querySelector('.console-input__prompt')?.textContent === '> ');
      assert.equal(await page.locator('.console-input__continued').textContent(), '$ echo one \\', 'the first line stays in view');
      const entry = await type(page, 'two');
      assert.match((await entry.textContent()) ?? '', /one two/);
    },
  },
  {
    name: '"Try these" puts a tutorial command in the input without running it',
    async run({ page, assert }) {
      const before = await log(page).locator('article').count();
      await page.getByRole('button', { name: /Put a record/ }).click();
      assert.match(await input(page).inputValue(), /--data "\{"trans_id": 1/);
      assert.equal(await log(page).locator('article').count(), before, 'nothing ran');
      await input(page).fill('');
    },
  },
  {
    name: 'the clock: Play/Pause, Step and +1 min move the simulated time shown',
    async run({ page, assert }) {
      const time = page.getByLabel('Simulated time', { exact: true });
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
      const t0 = (await time.textContent()) ?? '';
      assert.match(t0, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await page.getByRole('button', { name: '+1 min', exact: true }).click();
      await page.waitForFunction((t) => document.querySelector('[aria-label="Simulated time"]')?.textContent !== t, t0);
      const seconds = (s) => Date.parse(s.replace(' UTC', 'Z').replace(' ', 'T')) / 1000;
      assert.equal(seconds((await time.textContent()) ?? '') - seconds(t0), 61);
      assert.match((await log(page).locator('article').last().textContent()) ?? '', /sim clock advance 1m[\s\S]*from a button/);
      await page.getByLabel('Simulation speed', { exact: true }).first().selectOption('60');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(400);
      assert.ok(seconds((await time.textContent()) ?? '') - seconds(t0) > 61 + 5, 'x60 runs about a minute per second');
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
    },
  },
  {
    name: '? lists the shortcuts, Esc closes, / goes to the console, s steps',
    async run({ page, assert }) {
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      assert.match((await dialog.textContent()) ?? '', /play or pause/);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Keyboard shortcuts',
        'focus returns to the button that opened the dialog');
      const time = page.getByLabel('Simulated time', { exact: true });
      const t0 = await time.textContent();
      await page.keyboard.press('s');
      await page.waitForFunction((t) => document.querySelector('[aria-label="Simulated time"]')?.textContent !== t, t0);
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Console command');
      await page.keyboard.type('s');
      assert.equal(await input(page).inputValue(), 's', 'shortcuts are off while typing');
      await input(page).fill('');
    },
  },
  {
    name: 'a scenario link offers its lesson and runs it only on "Run it"; a damaged one is explained',
    async run({ page, open, assert, artifacts }) {
      const script = '# title: Two streams\naws kinesis create-stream --stream-name A --shard-count 1\naws kinesis list-streams\n';
      const fragment = Buffer.from(script).toString('base64url');
      await reopen(page, open, `#scenario=${fragment}`);
      const banner = page.getByRole('region', { name: 'Scenario' });
      await banner.waitFor();
      assert.match((await banner.textContent()) ?? '', /This link sets up: Two streams/);
      assert.equal(await log(page).locator('article').count(), 0, 'nothing ran by itself');
      await page.screenshot({ path: `${artifacts}/console-scenario.png`, fullPage: false });
      await banner.getByRole('button', { name: 'Run it' }).click();
      await page.waitForFunction(() => document.querySelectorAll('[role="log"] article').length === 2);
      assert.match((await log(page).textContent()) ?? '', /from a lesson/);
      await reopen(page, open, '#scenario=%%%');
      await page.getByRole('alert').filter({ hasText: /damaged/ }).waitFor();
    },
  },
  {
    name: '"Share" turns the session into a compressed link, shown and copied, the address bar left alone',
    async run({ page, assert }) {
      await type(page, 'aws kinesis list-streams');
      const before = page.url();
      await page.getByRole('group', { name: 'Session' }).getByRole('button', { name: 'Share', exact: true }).click();
      const link = page.getByRole('textbox', { name: 'Link to share' });
      await link.waitFor();
      assert.match(await link.inputValue(), /#s1=[A-Za-z0-9_-]+$/);
      assert.equal(page.url(), before, 'a reload does not offer the link again');
    },
  },
  {
    name: 'a hidden tab does not move the clock, and it resumes without a burst',
    async run({ page, assert }) {
      const seconds = async () => {
        const t = (await page.getByLabel('Simulated time', { exact: true }).textContent()) ?? '';
        return Date.parse(t.replace(' UTC', 'Z').replace(' ', 'T')) / 1000;
      };
      await page.getByLabel('Simulation speed', { exact: true }).first().selectOption('60');
      const play = page.getByRole('button', { name: 'Play', exact: true });
      if (await play.count()) await play.click();
      await page.evaluate(() => Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }));
      await page.waitForTimeout(150);
      const hiddenAt = await seconds();
      await page.waitForTimeout(600);
      assert.ok((await seconds()) - hiddenAt <= 0, 'no simulated time passes while the tab is hidden');
      await page.evaluate(() => delete document.hidden);
      await page.waitForTimeout(300);
      const moved = (await seconds()) - hiddenAt;
      assert.ok(moved > 0 && moved < 40, `it resumes at x60 without catching up the hidden 0.6 s (${moved} s)`);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
    },
  },
  {
    name: 'with reduced motion the clock starts paused and says why',
    async run({ page, assert }) {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.reload();
      await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
      assert.match((await page.getByRole('group', { name: 'Simulated clock' }).textContent()) ?? '', /reduced motion/);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
    },
  },
  {
    name: 'screenshot of a console at work (laptop and tablet)',
    async run({ page, open, artifacts }) {
      await reopen(page, open, '');
      await input(page).waitFor();
      await type(page, 'aws kinesis create-stream --stream-name DemoStream --shard-count 1');
      await type(page, 'aws kinesis wait stream-exists --stream-name DemoStream');
      await type(page, 'aws kinesis put-record --stream-name DemoStream --partition-key 1 --cli-binary-format raw-in-base64-out --data "{"trans_id": 1, "trans_type": "ATM", "amt": 200}"');
      await page.screenshot({ path: `${artifacts}/console.png`, fullPage: true });
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.screenshot({ path: `${artifacts}/console-tablet.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  },
];
