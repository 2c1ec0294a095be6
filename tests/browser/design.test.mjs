// The reader's page (issue 7): the whole flow — paste, outline tap, entity tap, document map,
// share — on a phone (390×844, touch, deviceScaleFactor 3) and on a desk (1280×800), with a
// screenshot of every state in tests/browser/shots/design-*.png; resizable panes (keys,
// drag, remembered), the theme switch (system/light/dark, remembered) with axe-core in both
// themes, print styles, and no horizontal scroll or layout shift at 320 px.
//
//   DIST_DIR=dist node --test --test-concurrency=1 tests/browser/design.test.mjs
//   DOCS_SHOTS=1 …   also writes docs/screenshot-desktop.png and docs/screenshot-phone.png
//                    (raw; the committed ones are quantised: convert X.png -colors 256 PNG8:X.png)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDist } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const DIST = path.resolve(process.env.DIST_DIR ?? path.join(REPO, 'dist'));
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TIMEOUT = 20_000;
const SHOTS = path.join(HERE, 'shots');
const DOCS = process.env.DOCS_SHOTS ? path.join(REPO, 'docs') : null;

// Written for the project's tests (invented names and places).
const TEXT = fs.readFileSync(path.join(REPO, 'tests', 'fixtures', 'court-meeting.zh.txt'), 'utf8');
const chars = [...TEXT].length;

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const DESK = { viewport: { width: 1280, height: 800 } };

const sel = {
  input: '[data-testid="doc-input"]',
  status: '[data-testid="status"]',
  node: '[data-testid="outline-node"]',
  person: '[data-testid="people"] [data-testid="entity"]',
  tab: (t) => `[data-testid="tab"][data-tab="${t}"]`,
  back: '[data-testid="back"]',
  handle: (s) => `[data-testid="pane-handle"][data-side="${s}"]`,
  theme: (t) => `[data-testid="theme"][data-theme-choice="${t}"]`,
};

let browser;
let server;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: build first`);
  fs.mkdirSync(SHOTS, { recursive: true });
  server = await serveDist(DIST, '/app/sub/');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(t, options, { colorScheme } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', colorScheme, ...options });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  await ready(page);
  return { page, context, errors };
}

async function ready(page, n = null) {
  await page.waitForFunction(
    ([s, n]) => {
      const el = document.querySelector(s);
      return el?.dataset.state === 'ready' && (n === null || el.dataset.chars === String(n));
    },
    [sel.status, n],
  );
}

async function paste(page) {
  await page.fill(sel.input, TEXT);
  await ready(page, chars);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `design-${name}.png`) });
}

const shown = (page, s) => page.isVisible(s);
const overflowX = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Visible buttons, links, tree items and list entries smaller than 44 px both ways. */
const smallTargets = (page) =>
  page.$$eval('button, a[href], [role="treeitem"], [data-testid="entity"], [role="separator"]', (els) =>
    els
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.width < 44 && r.height < 44;
      })
      .map((e) => e.outerHTML.slice(0, 80)),
  );

/** Whether `selector`'s element is on screen, below the sticky tab bar (if any). */
const onScreen = (page, selector) =>
  page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    const bar = document.querySelector('.tabbar')?.getBoundingClientRect();
    const top = bar && bar.height > 0 ? bar.bottom : 0;
    return r.height > 0 && r.top >= top - 1 && r.bottom <= window.innerHeight + 1;
  });

async function pressedTab(page) {
  return page.$eval('[data-testid="tab"][aria-pressed="true"]', (e) => e.dataset.tab);
}

test('phone: paste, outline tap, back, entity tap, next mention, map, share — one view at a time', async (t) => {
  const { page, errors } = await open(t, PHONE);
  await paste(page);
  assert.equal(await pressedTab(page), 'text', 'the phone opens on the text');
  assert.ok(await shown(page, sel.input), 'the paste area is on the text view');
  assert.ok(!(await shown(page, '[data-testid="outline"]')), 'the outline waits behind its tab');
  assert.equal(await overflowX(page), 0);
  assert.deepEqual(await smallTargets(page), []);
  await shot(page, 'phone-1-text');

  // Outline: tap a section deep in the document.
  await page.tap(sel.tab('outline'));
  assert.equal(await pressedTab(page), 'outline');
  assert.ok(!(await shown(page, '[data-testid="text"]')));
  assert.deepEqual(await smallTargets(page), []);
  await shot(page, 'phone-2-outline');
  const nodes = await page.$$(sel.node);
  const target = nodes[nodes.length - 1];
  const nodeId = await target.evaluate((e) => e.id.replace('t-', ''));
  await target.scrollIntoViewIfNeeded();
  const outlineY = await page.evaluate(() => window.scrollY);
  await target.tap();
  assert.equal(await pressedTab(page), 'text', 'an outline tap shows the text');
  await page.waitForSelector(`#h-${nodeId}.current`);
  await page.waitForFunction(
    (id) => {
      const r = document.getElementById(id).getBoundingClientRect();
      return r.top >= document.querySelector('.tabbar').getBoundingClientRect().bottom - 1 && r.bottom <= innerHeight;
    },
    `h-${nodeId}`,
  );
  assert.ok(await shown(page, sel.back), 'a back button after the jump');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pane-text', 'focus moved with the view');
  await shot(page, 'phone-3-section');

  // Back is one tap, to the same place in the outline.
  await page.tap(sel.back);
  assert.equal(await pressedTab(page), 'outline');
  // The in-page back takes its history entry off again; that pop changes nothing.
  await page.waitForTimeout(200);
  assert.equal(await pressedTab(page), 'outline');
  assert.ok(!(await shown(page, sel.back)));
  assert.equal(await page.evaluate(() => window.scrollY), outlineY, 'the outline is where it was');
  assert.ok(await onScreen(page, `#t-${nodeId}`));
  assert.equal(await page.evaluate(() => document.activeElement.id), `t-${nodeId}`, 'focus is back on the item');

  // People and organisations: tap a person, then step to the next mention from the text.
  await page.tap(sel.tab('entities'));
  await shot(page, 'phone-4-entities');
  const person = page.locator(sel.person).first();
  const name = await person.getAttribute('data-name');
  await person.locator('button').tap();
  assert.equal(await pressedTab(page), 'text');
  await page.waitForSelector('#m-p-0-0.current');
  assert.ok(await onScreen(page, '#m-p-0-0'), `${name}'s first mention is on screen`);
  await shot(page, 'phone-5-person');
  if (DOCS) await page.screenshot({ path: path.join(DOCS, 'screenshot-phone.png') });
  await page.tap('[data-testid="next-mention"]');
  await page.waitForSelector('#m-p-0-1.current');
  assert.ok(await onScreen(page, '#m-p-0-1'));
  // The phone's own back goes back too (and only then leaves the page).
  const historyLength = await page.evaluate(() => history.length);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-testid="tab"][aria-pressed="true"]').dataset.tab === 'entities');
  assert.ok(!(await shown(page, sel.back)));
  assert.ok(historyLength >= 2);

  // Document map: a cell jumps to that row's first mention in that section.
  const cell = page.locator('[data-testid="map-row"][data-kind="org"]:not(.extra) [data-testid="map-cell"]').last();
  await cell.scrollIntoViewIfNeeded();
  assert.ok((await cell.boundingBox()).height >= 44, 'map cells are touch targets');
  await shot(page, 'phone-6-map');
  await cell.tap();
  assert.equal(await pressedTab(page), 'text');
  await page.waitForSelector('mark.m.org.current');
  assert.ok(await onScreen(page, 'mark.m.org.current'));

  // Share, with the link's length as a meter.
  await page.tap(sel.tab('text'));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.tap('[data-testid="share"]');
  const link = await page.inputValue('[data-testid="share-link"]');
  assert.ok(link.startsWith(server.url), link.slice(0, 80));
  const meter = await page.$eval('[data-testid="link-meter"]', (e) => ({ len: +e.dataset.length, fits: +e.dataset.fits }));
  assert.equal(meter.len, link.length);
  assert.equal(meter.fits, [2_900, 4_000, 32_000].filter((l) => link.length <= l).length);
  await page.locator('[data-testid="link-meter"]').scrollIntoViewIfNeeded();
  assert.equal(await overflowX(page), 0);
  assert.deepEqual(await smallTargets(page), []);
  await shot(page, 'phone-7-share');
  assert.deepEqual(errors, []);
});

test('320 px: no horizontal scroll and no layout shift while the page loads and analyses', async (t) => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => !e.hadRecentInput && window.__shifts.push(e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url);
  await ready(page);
  await page.waitForTimeout(300); // entries reach observers asynchronously
  for (const tab of ['outline', 'entities', 'text']) {
    await page.tap(sel.tab(tab));
    assert.equal(await overflowX(page), 0, `no sideways scroll on the ${tab} view`);
  }
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(shifts, [], 'nothing moved that the reader did not move');
  await shot(page, 'phone-320');
});

test('desk: three panes, outline click, entity click, map cell, share meter', async (t) => {
  const { page, errors } = await open(t, DESK);
  await paste(page);
  assert.ok(!(await shown(page, '[data-testid="tabbar"]')), 'no tab bar on a desk');
  for (const id of ['outline', 'text', 'people', 'doc-map']) assert.ok(await shown(page, `[data-testid="${id}"]`), id);
  const widths = await page.$$eval('.pane', (ps) => ps.map((p) => p.getBoundingClientRect().width));
  assert.ok(widths[1] > widths[0] && widths[1] > widths[2], `the text is the widest pane: ${widths}`);
  await shot(page, 'desk-1-pasted');

  await page.click(`${sel.node} >> nth=2`);
  await page.waitForSelector('[data-testid="text"] .heading.current');
  // The section being read (as the outline marks it) is marked in the map too: the column
  // holding that node.
  await page.waitForFunction(() => {
    const node = document.querySelector('[data-testid="outline-node"][aria-current="location"]');
    const col = document.querySelector('[data-testid="map-section"][aria-current="location"]');
    const next = col?.nextElementSibling;
    const n = node && +node.id.replace('t-', '');
    return node && col && +col.dataset.node <= n && (!next || +next.dataset.node > n);
  });
  assert.ok(!(await shown(page, sel.back)), 'nothing to go back to: every pane stays');
  const person = page.locator(sel.person).first();
  await person.locator('button').click();
  await page.waitForSelector('#m-p-0-0.current');
  const bars = await page.$$eval('[data-testid="people"] .count-fill', (rs) => rs.map((r) => parseFloat(r.getAttribute('width'))));
  assert.equal(Math.max(...bars), 100, 'the most mentioned has the full bar');
  await shot(page, 'desk-2-person');
  if (DOCS) {
    // The three panes filling the window, a person marked.
    await page.evaluate(() => window.scrollTo(0, document.querySelector('.panes').offsetTop - 12));
    await page.screenshot({ path: path.join(DOCS, 'screenshot-desktop.png') });
    await page.evaluate(() => window.scrollTo(0, 0));
  }

  // The map: who and what where; a cell marks its row and jumps into that section.
  const cols = Number(await page.getAttribute('[data-testid="doc-map"]', 'data-cols'));
  assert.ok(cols >= 2);
  const rows = await page.$$eval('[data-testid="map-row"]', (rs) =>
    rs.map((r) => ({ kind: r.dataset.kind, cells: r.querySelectorAll('.map-cell').length })));
  assert.ok(rows.some((r) => r.kind === 'person') && rows.some((r) => r.kind === 'org'));
  assert.ok(rows.every((r) => r.cells === cols));
  const cell = page.locator('[data-testid="map-row"][data-kind="person"] [data-testid="map-cell"]').last();
  const label = await cell.getAttribute('aria-label');
  await cell.click();
  await page.waitForSelector('mark.m.person.current');
  const current = await page.$eval('mark.m.person.current', (e) => e.textContent);
  assert.ok(label.startsWith(current), `the cell (${label}) jumped to a mention of ${current}`);
  assert.equal(await page.getAttribute('[data-testid="map-row"].selected', 'data-name'), current);
  // Keyboard: from a row name, arrow keys walk the cells.
  await page.focus('[data-testid="map-row"] .map-label');
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.evaluate(() => document.activeElement.matches('[data-testid="map-cell"]')));
  await shot(page, 'desk-3-map');

  await page.click('[data-testid="share"]');
  const len = Number(await page.getAttribute('[data-testid="link-meter"]', 'data-length'));
  assert.equal(len, (await page.inputValue('[data-testid="share-link"]')).length);
  await page.locator('[data-testid="link-meter"]').scrollIntoViewIfNeeded();
  await shot(page, 'desk-4-share');
  assert.deepEqual(errors, []);
});

test('desk: side panes resize by keyboard and by drag, and keep their widths', async (t) => {
  const { page, context, errors } = await open(t, { viewport: { width: 1600, height: 900 } });
  const width = (p) => page.$eval(`.pane-${p}`, (e) => Math.round(e.getBoundingClientRect().width));
  const handle = sel.handle('outline');
  const before = await width('outline');
  const now0 = Number(await page.getAttribute(handle, 'aria-valuenow'));
  await page.focus(handle);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(Number(await page.getAttribute(handle, 'aria-valuenow')), now0 + 32);
  assert.equal(await width('outline'), before + 32);
  await page.keyboard.press('End');
  const widest = Math.floor(1600 * 0.28);
  assert.equal(Number(await page.getAttribute(handle, 'aria-valuenow')), widest, 'no wider than the window allows');
  assert.equal(await width('outline'), widest);
  await page.keyboard.press('Home');
  assert.equal(Number(await page.getAttribute(handle, 'aria-valuenow')), 180);

  // Drag the right-hand handle 60 px to the left: that pane grows by 60.
  const side0 = await width('entities');
  const box = await page.locator(sel.handle('entities')).boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 30, y, { steps: 3 });
  await page.mouse.move(x - 60, y, { steps: 3 });
  await page.mouse.up();
  assert.equal(await width('entities'), side0 + 60);
  assert.equal(await page.$$eval('[style]', (s) => s.length), 0, 'widths live in a stylesheet rule, not a style attribute');

  // Remembered: a new page in the same browser opens with both widths.
  const again = await context.newPage();
  await again.goto(server.url);
  await ready(again);
  assert.equal(await again.getAttribute(handle, 'aria-valuenow'), '180');
  assert.equal(Number(await again.getAttribute(sel.handle('entities'), 'aria-valuenow')), side0 + 60);
  assert.equal(await again.$eval('.pane-entities', (e) => Math.round(e.getBoundingClientRect().width)), side0 + 60);
  assert.deepEqual(errors, [], 'setting widths through the CSSOM passes the CSP');
});

async function axeSerious(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () =>
    (await window.axe.run(document)).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
}

test('theme: system, light and dark, switchable and remembered; axe finds nothing serious in either', async (t) => {
  const { page, context } = await open(t, DESK, { colorScheme: 'light' });
  await paste(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  assert.equal(await page.getAttribute(sel.theme('system'), 'aria-pressed'), 'true');
  await page.click(sel.theme('dark'));
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const dark = await bg();
  assert.notEqual(dark, light);
  // Open a person and the share panel so their parts are checked too.
  await page.locator(sel.person).first().locator('button').click();
  await page.click('[data-testid="share"]');
  assert.deepEqual(await axeSerious(page), [], 'dark');
  await shot(page, 'desk-dark');

  const again = await context.newPage();
  await again.goto(server.url);
  await ready(again);
  assert.equal(await again.getAttribute('html', 'data-theme'), 'dark', 'remembered');
  assert.equal(await again.evaluate(() => getComputedStyle(document.body).backgroundColor), dark);
  await again.click(sel.theme('system'));
  assert.equal(await again.getAttribute('html', 'data-theme'), null, 'the system decides again');
  assert.equal(await again.evaluate(() => getComputedStyle(document.body).backgroundColor), light);

  // The system setting decides when nothing was chosen; light chosen beats a dark system.
  const { page: sys } = await open(t, PHONE, { colorScheme: 'dark' });
  assert.equal(await sys.evaluate(() => getComputedStyle(document.body).backgroundColor), dark);
  assert.deepEqual(await axeSerious(sys), [], 'dark system, phone');
  await sys.tap(sel.theme('light'));
  assert.equal(await sys.evaluate(() => getComputedStyle(document.body).backgroundColor), light);
  await sys.tap(sel.tab('entities'));
  assert.deepEqual(await axeSerious(sys), [], 'light, phone, lists and map');
});

test('print: the outline with its themes and the people and organisation lists, nothing else', async (t) => {
  const { page } = await open(t, DESK);
  await paste(page);
  await page.click('[data-testid="collapse-all"]');
  await page.emulateMedia({ media: 'print' });
  const display = (s) => page.$eval(s, (e) => getComputedStyle(e).display);
  for (const s of ['.toolbar', '.input-area', '.pane-text', '[data-testid="doc-map"]', '.pane-handle'])
    assert.equal(await display(s), 'none', `${s} is not printed`);
  for (const s of ['[data-testid="outline"]', '[data-testid="people"]', '[data-testid="organizations"]', '.chip'])
    assert.notEqual(await display(s), 'none', `${s} is printed`);
  const hidden = await page.$$eval(`${sel.node}[hidden]`, (ns) => ns.filter((n) => getComputedStyle(n).display === 'none').length);
  assert.equal(hidden, 0, 'collapsed sections are printed too');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000);
});
