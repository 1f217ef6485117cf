// The page shell: loads from a sub-path, renders the header and every labelled region, under a strict CSP.

const REGIONS = ['Console', 'Hash key space', 'Shards', 'Readers', 'Stream details'];

export default [
  {
    name: 'the page loads from the sub-path and fetches nothing outside it',
    async run({ page, baseUrl, open, assert, report }) {
      const requested = [];
      const wasmTypes = [];
      page.on('request', (request) => requested.push(request.url()));
      page.on('response', (response) => {
        if (new URL(response.url()).pathname.endsWith('.wasm')) wasmTypes.push(response.headers()['content-type']);
      });
      // Time from navigation start until the header and the last region are in the DOM.
      await page.addInitScript(() => {
        const seen = () => document.querySelector('h1') && document.querySelector('section[aria-label="Stream details"]');
        new MutationObserver((_, observer) => {
          if (seen()) {
            window.__e2eFirstRenderMs = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
        addEventListener('TrunkApplicationStarted', () => { window.__e2eAppStartedMs = performance.now(); });
      });
      await open('');
      await page.getByRole('region', { name: 'Stream details', exact: true }).waitFor();
      const base = new URL(baseUrl);
      for (const url of requested) {
        const u = new URL(url);
        if (u.protocol === 'data:') continue;
        assert.equal(u.origin, base.origin, `only this origin is contacted: ${url}`);
        assert.ok(u.pathname.startsWith(base.pathname), `${url} is under ${base.pathname}`);
      }
      // Streaming compilation (the fast path) needs the host to send .wasm as application/wasm.
      assert.ok(wasmTypes.length > 0, 'the wasm binary was fetched');
      for (const type of wasmTypes) assert.equal(type, 'application/wasm', 'the .wasm content type');
      const firstRender = await page.evaluate(() => window.__e2eFirstRenderMs);
      const started = await page.evaluate(() => window.__e2eAppStartedMs);
      assert.ok(typeof firstRender === 'number', 'the first render was timed');
      report('first render (navigation start to header and all regions in the DOM)',
        `${Math.round(firstRender)} ms (budget 1000 ms${firstRender > 1000 ? ', OVER BUDGET' : ''})`);
      if (typeof started === 'number') report('wasm started (TrunkApplicationStarted)', `${Math.round(started)} ms`);
      report('requests for the first page', `${requested.length}`);
    },
  },
  {
    name: 'the title and the header render',
    async run({ page, assert }) {
      assert.equal(await page.title(), 'Kinesis Playground');
      const banner = page.getByRole('banner');
      await banner.getByRole('heading', { level: 1, name: 'Kinesis Playground' }).waitFor();
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'the app is mounted once');
      const tagline = (await banner.locator('p').first().textContent()) ?? '';
      assert.match(tagline, /Kinesis Data Streams/, 'the tagline says what this is');
    },
  },
  {
    name: 'every labelled region exists with a heading and an explanation',
    async run({ page, assert }) {
      const main = page.getByRole('main');
      for (const name of REGIONS) {
        const region = main.getByRole('region', { name, exact: true });
        assert.equal(await region.count(), 1, `one region named ${name}`);
        assert.ok(await region.isVisible(), `${name} is visible`);
        await region.getByRole('heading', { level: 2, name, exact: true }).waitFor();
        const text = (await region.textContent()) ?? '';
        assert.ok(text.length > 80, `${name} explains itself`);
        assert.doesNotMatch(text, /\b(TODO|coming soon|lorem ipsum)\b/i, `${name} has real text`);
      }
    },
  },
  {
    name: 'no inline script, and a CSP that allows only this origin and wasm',
    async run({ page, assert }) {
      const { inline, csp } = await page.evaluate(() => ({
        inline: [...document.scripts].filter((s) => !s.src).map((s) => s.textContent.slice(0, 80)),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
      }));
      assert.deepEqual(inline, [], 'every script is a file');
      const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';
      assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
      assert.doesNotMatch(csp, /https?:|\*/, 'no external hosts or wildcards');
    },
  },
  {
    name: 'the first Tab reaches a visible skip link to the playground',
    async run({ page, assert }) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const box = el?.getBoundingClientRect();
        return { text: el?.textContent, href: el?.getAttribute('href'), visible: !!box && box.bottom > 0 };
      });
      assert.equal(focused.text, 'Skip to the playground');
      assert.equal(focused.href, '#main');
      assert.ok(focused.visible, 'the focused skip link is on screen');
      await page.keyboard.press('Enter');
      assert.ok(page.url().endsWith('#main'), `stays on the sub-path page: ${page.url()}`);
      await page.evaluate(() => document.activeElement?.blur());
    },
  },
  {
    name: 'eight distinct shard colours are defined in both themes',
    async run({ page, assert }) {
      const palette = () => page.evaluate(() => {
        const style = getComputedStyle(document.documentElement);
        return Array.from({ length: 8 }, (_, i) => style.getPropertyValue(`--shard-${i}`).trim());
      });
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        const colours = await palette();
        // The release build minifies the CSS (Trunk.toml), which writes #000000 as #000.
        assert.ok(colours.every((c) => /^#([0-9a-f]{3}){1,2}$/i.test(c)), `${scheme}: ${colours}`);
        assert.equal(new Set(colours).size, 8, `${scheme}: all different`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'screenshot at laptop width',
    async run({ page, artifacts }) {
      await page.screenshot({ path: `${artifacts}/shell.png`, fullPage: true });
    },
  },
  {
    name: 'the layout fits a tablet without sideways scrolling',
    async run({ page, artifacts, assert }) {
      await page.setViewportSize({ width: 768, height: 1024 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal overflow (${overflow}px)`);
      await page.screenshot({ path: `${artifacts}/shell-tablet.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  },
  {
    name: 'dark theme from the system, and the theme button overrides it',
    async run({ page, artifacts, assert }) {
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await background();
      assert.notEqual(dark, light, 'the background follows prefers-color-scheme');
      await page.screenshot({ path: `${artifacts}/shell-dark.png`, fullPage: true });
      const button = page.getByRole('button', { name: /Colour theme/ });
      await button.click(); // system -> light
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      assert.equal(await background(), light, 'data-theme="light" wins over a dark system theme');
      await button.click(); // light -> dark
      await button.click(); // dark -> system
      await page.waitForFunction(() => !document.documentElement.hasAttribute('data-theme'));
      await page.emulateMedia({ colorScheme: 'light' });
    },
  },
];
