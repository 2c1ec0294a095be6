// Scale and robustness in the browser (issue 6), on the built app in dist/ (or $DIST_DIR):
//
//   - a ~5 MB report (generated here from sentences written for the test, with variations)
//     is uploaded: no main-thread task longer than 100 ms (PerformanceObserver `longtask`)
//     from the upload to the rendered result; the text pane, lists and outline respond;
//   - the bad-input battery: empty and blank text, PNG and zip files, a 50 MB file, invalid
//     UTF-8, UTF-16 without BOM (both byte orders), one 1 MB line without punctuation, 100k
//     heading lines, RTL / emoji / ZWJ / NUL, markup and script payloads — each a clear
//     message in `error` or a correct result, never a page error or script execution, and
//     the text the person had stays;
//   - a panic in the worker, a worker that does not answer, and a panic on the page itself
//     (test hooks behind `?debug=…`, see src/browser.rs) end in `error`, with the text kept.
//
// Fixtures are generated into a temporary folder; nothing big is committed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDist } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const DIST = path.resolve(process.env.DIST_DIR ?? path.join(REPO, 'dist'));
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const TIMEOUT = 60_000;
/** Issue 6's bar (100 ms), checked only when asked for (LONGTASK_BAR_MS=100): the suite
 *  measures and prints timings but does not assert them, since a loaded machine skews them;
 *  `../shared/e2e/run.sh scale` is the benchmark that judges the bar. */
const LONGTASK_MS = process.env.LONGTASK_BAR_MS ? Number(process.env.LONGTASK_BAR_MS) : null;

const sel = {
  input: '[data-testid="doc-input"]',
  file: '[data-testid="file-input"]',
  status: '[data-testid="status"]',
  error: '[data-testid="error"]',
  text: '[data-testid="text"]',
  node: '[data-testid="outline-node"]',
  people: '[data-testid="people"] [data-testid="entity"]',
};

let browser;
let server;
let tmp;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: build first`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gangmu-robust-'));
  server = await serveDist(DIST, '/app/sub/');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(t, query = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(server.url + query);
  return { page, pageErrors, dialogs: () => dialogs };
}

async function state(page) {
  return page.$eval(sel.status, (e) => ({ state: e.dataset.state, chars: +e.dataset.chars }));
}

/** Waits until the status is ready for a text of `chars` code points (or any, if null). */
async function ready(page, chars = null) {
  await page.waitForFunction(
    ([s, n]) => {
      const el = document.querySelector(s);
      return el?.dataset.state === 'ready' && (n === null || +el.dataset.chars === n);
    },
    [sel.status, chars],
    { timeout: TIMEOUT },
  );
}

/** Waits until the status leaves `working` (ready or error) after a file was chosen. */
async function settledAfterFile(page) {
  await page.waitForFunction(
    (s) => {
      const el = document.querySelector(s);
      return el && el.dataset.state !== 'working';
    },
    sel.status,
    { timeout: TIMEOUT },
  );
}

function writeFixture(name, data) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
}

const cp = (s) => [...s].length;

/** A report of about `bytes` UTF-8 bytes: numbered sections, people with titles, bodies,
 *  quoted formulations; every section varies its numbers and names. */
function bigReport(bytes) {
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  const given = ['明远', '建国', '晓东', '海峰', '志强', '丽华', '文博', '振宇', '国栋', '春燕'];
  const places = ['临江', '丰宁', '青州', '南岭', '东川', '西平', '北塘', '云阳'];
  const titles = ['市委书记', '市长', '副市长', '区委副书记', '局长', '院长'];
  const cn = '一二三四五六七八九十';
  let out = '';
  for (let i = 0; out.length * 3 < bytes; i++) {
    const place = places[i % places.length];
    const name = surnames[i % surnames.length] + given[(i * 7) % given.length];
    const title = titles[i % titles.length];
    out += `# 第${i + 1}期工作通报（${2020 + (i % 6)}年${(i % 12) + 1}月）\n\n`;
    for (let j = 0; j < 4; j++) {
      out += `${cn[j]}、${place}推进第${j + 1}项重点工作\n`;
      out += `${place}市${title}${name}主持召开会议，研究部署“${['高质量发展', '公正与效率', '两个确立', '放管服'][j]}”相关工作。`;
      out += `会议强调，要坚持问题导向，${place}市人民政府、${place}市中级人民法院要加强协作，确保第${i * 4 + j}批任务按期完成。`;
      out += `${name}指出，各单位要压实责任，细化措施，形成合力。\n\n`;
    }
  }
  return out;
}

test('a 5 MB report: analysed off the main thread, folded, lists cut, far headings reachable', { timeout: 180_000 }, async (t) => {
  const { page, pageErrors } = await open(t);
  await ready(page);
  const text = bigReport(5 * 1024 * 1024);
  const file = writeFixture('big-report.txt', text);
  await page.evaluate(() => {
    window.__longTasks = [];
  });
  await page.setInputFiles(sel.file, file);
  await ready(page, cp(text));
  await page.waitForTimeout(1000); // entries reach observers asynchronously
  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  console.log(`    5 MB report (${cp(text)} chars): longest main-thread task ${longest.toFixed(0)} ms`);
  if (LONGTASK_MS !== null) {
    assert.ok(longest <= LONGTASK_MS, `longest task ${longest.toFixed(0)} ms > ${LONGTASK_MS} ms`);
  }

  // Too big to keep locally: said so, not an error; the editor is folded behind a summary.
  await page.waitForSelector('[data-testid="not-kept"]');
  assert.equal((await state(page)).state, 'ready');
  assert.ok(await page.isVisible('[data-testid="big-doc"]'));
  // Lists are cut short with "show more"; counts stay whole.
  const shownPeople = await page.$$eval(sel.people, (els) => els.length);
  assert.ok(shownPeople > 0 && shownPeople <= 200, `${shownPeople} people rendered`);
  assert.ok((await page.$$('[data-testid="show-more"]')).length >= 1);
  // The text pane renders only blocks near the viewport, but every block is there.
  const blocks = await page.$eval(sel.text, (e) => +e.dataset.blocks);
  assert.ok(blocks > 100, `${blocks} blocks`);
  // A far-away heading: clicking the last visible outline node renders its block and
  // brings the heading into view.
  const nodes = await page.$$(sel.node);
  const last = nodes[nodes.length - 1];
  await last.click();
  await page.waitForFunction(() => {
    const h = document.querySelector('.doc-text .heading.current');
    if (!h) return false;
    const r = h.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
  // An entity: its first mention is marked as current and in view.
  await page.click(`${sel.people} button`);
  await page.waitForSelector('.doc-text mark.m.current');
  assert.deepEqual(pageErrors, []);
});

test('bad input: empty, blank and odd text', async (t) => {
  const { page, pageErrors, dialogs } = await open(t);
  await ready(page);
  const texts = [
    '',
    '   \n\t\u3000\n  ',
    '会议强调\n\u202eمرحبا بالعالم\u202c 👨‍👩‍👧‍👦 👍🏽 🏳️‍🌈 \u0000 \u200d\u200b李正古出席会议。',
    '会议强调\n<script>window.__pwned=1</script>\n李正古出席会议。',
    '会议强调\n<img src=x onerror="window.__pwned=1">\n[点我](javascript:window.__pwned=1)\n"><svg onload=window.__pwned=1>',
  ];
  for (const text of texts) {
    await page.fill(sel.input, text);
    await ready(page, cp(text));
    assert.equal(await page.inputValue(sel.input), text);
    if (text.trim()) {
      // The text pane shows exactly the text, as text.
      assert.equal(await page.$eval(sel.text, (e) => e.textContent), text);
    }
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  assert.equal(await page.$$eval('.doc-text script, .doc-text img, .doc-text svg, .doc-text a', (e) => e.length), 0);
  assert.equal(dialogs(), 0);
  assert.deepEqual(pageErrors, []);
});

test('bad input: files that are not text, too big, or oddly encoded', { timeout: 120_000 }, async (t) => {
  const { page, pageErrors } = await open(t);
  await ready(page);
  const draft = '草稿：这段文字不能丢。';
  await page.fill(sel.input, draft);
  await ready(page, cp(draft));

  const refused = async (name, data, why) => {
    await page.setInputFiles(sel.file, writeFixture(name, data));
    await page.waitForSelector(sel.error);
    await settledAfterFile(page);
    const msg = await page.textContent(sel.error);
    assert.match(msg, why, `${name}: ${msg}`);
    assert.equal((await state(page)).state, 'error', name);
    assert.equal(await page.inputValue(sel.input), draft, `${name}: the text stays`);
    await page.click('[data-testid="error-dismiss"]');
  };
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(200, 7)]);
  await refused('image.png', png, /二进制|binary/i);
  const zip = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256))]);
  await refused('archive.zip', zip, /二进制|binary|编码|encoding/i);
  // 50 MB: refused from its size, before it is read.
  const huge = path.join(tmp, 'huge.txt');
  fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x61));
  const t0 = Date.now();
  await refused('huge.txt', fs.readFileSync(huge), /MB/);
  assert.ok(Date.now() - t0 < 20_000);
  fs.rmSync(huge, { force: true });

  // Invalid UTF-8: a clear message or a decoded text (legacy encodings are guessed), never
  // a stuck or broken page.
  await page.setInputFiles(sel.file, writeFixture('bad-utf8.txt', Buffer.from([0xe4, 0xbc, 0x9a, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0x41, 0x0a])));
  await settledAfterFile(page);
  const after = await state(page);
  assert.ok(after.state === 'ready' || after.state === 'error', after.state);
  if (after.state === 'error') assert.equal(await page.inputValue(sel.input), draft);
  if (await page.isVisible(sel.error)) await page.click('[data-testid="error-dismiss"]');

  // UTF-16 without BOM, both byte orders: read as the text it is.
  const u16 = '会议强调\n1. 市委副书记周明远出席 meeting。\n';
  const le = Buffer.from(u16, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  for (const [name, data] of [['le.txt', le], ['be.txt', be]]) {
    await page.setInputFiles(sel.file, writeFixture(name, data));
    await ready(page, cp(u16));
    assert.equal(await page.inputValue(sel.input), u16, name);
  }
  assert.deepEqual(pageErrors, []);
});

test('bad input: a 1 MB line without punctuation, 100k heading lines', { timeout: 120_000 }, async (t) => {
  const { page, pageErrors } = await open(t);
  await ready(page);
  const chars = '国家发展改革委员会同有关部门研究制定工作方案推进落实';
  let line = '';
  // (Each of these characters is 3 bytes in UTF-8.)
  for (let i = 0; i < (1024 * 1024) / 3; i++) line += chars[(i * 7) % chars.length];
  let t0 = Date.now();
  await page.setInputFiles(sel.file, writeFixture('one-line.txt', line));
  await ready(page, cp(line));
  console.log(`    1 MB line: ${Date.now() - t0} ms`);
  assert.ok((await page.$eval(sel.text, (e) => e.textContent.length)) > 0);

  const headings = '一、标题\n'.repeat(100_000);
  t0 = Date.now();
  await page.setInputFiles(sel.file, writeFixture('headings.txt', headings));
  await ready(page, cp(headings));
  console.log(`    100k heading lines: ${Date.now() - t0} ms`);
  // However many of them the outline takes (the core may read 100k identical lines as
  // no outline at all), the tree renders a bounded number of rows.
  const rendered = await page.$$eval(sel.node, (e) => e.length);
  assert.ok(rendered <= 1000, `${rendered} outline rows rendered`);
  assert.deepEqual(pageErrors, []);
});

test('a panic in the worker is shown as an error and the text stays', async (t) => {
  const { page } = await open(t, '?debug=worker-panic');
  await page.waitForSelector(sel.error);
  await page.waitForFunction((s) => document.querySelector(s)?.dataset.state === 'error', sel.status);
  assert.match(await page.textContent(sel.error), /分析出错|failed/);
  assert.ok((await page.inputValue(sel.input)).length > 100, 'the sample text stays');
  // The restarted worker answers the next edit (the hook panics again: an error again,
  // not a page stuck in `working`).
  await page.fill(sel.input, '会议强调\n周明远出席会议。');
  await page.waitForTimeout(400);
  await page.waitForFunction((s) => document.querySelector(s)?.dataset.state === 'error', sel.status);
});

test('a worker that does not answer times out into an error', async (t) => {
  const { page } = await open(t, '?debug=worker-timeout');
  await page.waitForFunction((s) => document.querySelector(s)?.dataset.state === 'error', sel.status);
  assert.match(await page.textContent(sel.error), /超时|in time/);
  assert.ok((await page.inputValue(sel.input)).length > 100);
});

test('a panic on the page itself is shown, with the text kept', async (t) => {
  const { page } = await open(t, '?debug=app-panic');
  await ready(page);
  await page.waitForFunction((s) => document.querySelector(s)?.dataset.state === 'error', sel.status, { timeout: 10_000 });
  assert.match(await page.textContent(sel.error), /页面出错|failed/);
  assert.ok((await page.inputValue(sel.input)).length > 100);
});
