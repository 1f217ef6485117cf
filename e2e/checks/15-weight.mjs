// What the page fetches before first interaction, and its weight: every request from navigation until the console
// takes input (and a quiet moment after), each response body compressed with `gzip -9` as scripts/test.sh counts
// dist/ (node's zlib at level 9 comes out about 1% larger than GNU gzip on the wasm).
// The budget is 400 KB (README "Page weight"); documentation (docs.json) and lesson files wait for a learner.

import { execFileSync } from 'node:child_process';

const BUDGET_BYTES = 409600;
// The deferred parts (src/parts.rs) come on the first key or pointer press: they are not part of that weight.
const PART = /_(split_[a-z_]+|chunk_\d+)\.wasm$/;

const gzipped = (body) => execFileSync('gzip', ['-9c'], { input: body, maxBuffer: 1 << 26 }).length;

export default [
  {
    name: 'what the page fetches before first interaction: its gzip -9 weight against the 400 KB budget, no docs, no lessons',
    async run({ page, open, assert, report }) {
      const fetched = [];
      page.on('response', (response) => {
        if (new URL(response.url()).protocol === 'data:') return;
        fetched.push(response.body().then(
          (body) => ({ url: response.url(), raw: body.length, gzip: gzipped(body) }),
          () => ({ url: response.url(), raw: 0, gzip: 0 })));
      });
      await open('');
      const input = page.getByRole('textbox', { name: 'Console command' });
      await input.waitFor();
      assert.ok(await input.isEditable(), 'the console takes input');
      // Anything the page starts on its own right after it is ready still counts as loaded before interaction.
      await page.waitForLoadState('networkidle');
      const files = await Promise.all(fetched);
      const total = files.reduce((sum, f) => sum + f.gzip, 0);
      const lines = files.map((f) => `${new URL(f.url).pathname.split('/').pop() || 'index.html'} ${f.gzip} B`);
      const over = total > BUDGET_BYTES ? `, ${total - BUDGET_BYTES} B OVER BUDGET` : '';
      report('fetched before first interaction (gzip -9)',
        `${total} B in ${files.length} files (budget ${BUDGET_BYTES} B${over}): ${lines.join(', ')}`);
      for (const f of files) {
        const path = new URL(f.url).pathname;
        assert.ok(!path.endsWith('/docs.json'), `docs.json waits for the first help: ${f.url}`);
        assert.ok(!/\/lessons\//.test(path), `lesson files wait for a lesson: ${f.url}`);
        assert.ok(!PART.test(path), `the deferred parts wait for the first interaction: ${f.url}`);
      }
      assert.ok(files.some((f) => f.url.endsWith('.wasm')), 'the wasm binary was fetched');
      // The first `help` is what fetches docs.json (so its absence above is the lazy load at work, not a renamed file).
      const docs = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/docs.json'));
      const interpreter = page.waitForResponse((r) => /_split_console\.wasm$/.test(new URL(r.url()).pathname));
      await input.fill('aws kinesis help');
      await input.press('Enter');
      assert.equal((await docs).status(), 200, 'the first help fetches docs.json');
      // The first key press fetched the parts; the help above ran through the command interpreter part.
      const part = await interpreter;
      assert.equal(part.status(), 200, 'the first key press fetches the command interpreter');
      await page.waitForLoadState('networkidle');
      const later = (await Promise.all(fetched)).filter((f) => PART.test(new URL(f.url).pathname));
      report('deferred parts, fetched on the first key press (gzip -9)',
        later.map((f) => `${new URL(f.url).pathname.split('/').pop()} ${f.gzip} B`).join(', '));
      assert.ok(total <= BUDGET_BYTES, `the page fetches ${total} B gzip -9 before first interaction, over its budget of ${BUDGET_BYTES} B`);
    },
  },
];
