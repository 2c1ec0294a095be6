// Browser tests for the built app in dist/ (or $DIST_DIR), run with the
// built-in node test runner against the system Chromium:
//
//   DIST_DIR=dist node --test --test-concurrency=1 tests/browser/app.test.mjs
//
// They drive the page only through the DOM contract (data-testid names):
//   doc-input (textarea), file-input, outline (role=tree), outline-node
//   (role=treeitem, aria-expanded, data-level), people / organizations (list
//   roots) with entity items (data-name), status (data-state, data-chars,
//   data-analysis-ms), error, text (the rendered text pane; the current mention
// or heading in it has class "current", aria-current or data-current=true).
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
const FIXTURES = path.join(REPO, 'tests', 'fixtures');
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const TIMEOUT = 20_000; // per wait; analysis of a short report takes milliseconds

const ZH_TEXT = fs.readFileSync(path.join(FIXTURES, 'court-meeting.zh.txt'), 'utf8');
const ZH_GB18030 = path.join(FIXTURES, 'court-meeting.gb18030.txt');
const ZH_UTF16 = path.join(FIXTURES, 'court-meeting.utf16le-bom.txt');
const codePoints = (s) => [...s].length;

// A long preamble so that everything in the fixture starts below the fold:
// scrolling to a mention or a heading is then observable.
const FILLER = Array.from(
  { length: 60 },
  (_, i) => `第${i + 1}段：各单位结合实际抓好贯彻，确保工作任务按期完成，相关情况按要求报送。`,
).join('\n\n');
const LONG_TEXT = `${ZH_TEXT.trimEnd()}\n\n${FILLER}\n\n${ZH_TEXT}`;

const sel = {
  input: '[data-testid="doc-input"]',
  file: '[data-testid="file-input"]',
  status: '[data-testid="status"]',
  error: '[data-testid="error"]',
  outline: '[data-testid="outline"]',
  node: '[data-testid="outline-node"]',
  people: '[data-testid="people"] [data-testid="entity"]',
  orgs: '[data-testid="organizations"] [data-testid="entity"]',
  textView: '[data-testid="text"]',
};

let browser;
let server;
let tmpDir;

before(async () => {
  assert.ok(
    fs.existsSync(path.join(DIST, 'index.html')),
    `no ${DIST}/index.html: build first (trunk build --release --offline)`,
  );
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} not found: run scripts/install-deps.sh`);
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangmu-browser-'));
  server = await serveDist(DIST, '/app/sub/');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

/** Opens the app in a fresh context; collects page errors and console errors. */
async function openApp(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  openPages.set(t, page);
  t.after(() => context.close());
  await page.goto(server.url, { waitUntil: 'load' });
  await waitReady(page);
  return { page, pageErrors, consoleErrors };
}

const openPages = new Map();

/** Like test(), but saves a screenshot to tests/browser/shots/ when it fails. */
function appTest(name, opts, fn) {
  if (typeof opts === 'function') [opts, fn] = [{}, opts];
  test(name, opts, async (t) => {
    try {
      await fn(t);
      if (process.env.KEEP_SHOTS && openPages.has(t)) await saveShot(openPages.get(t), name);
    } catch (e) {
      if (openPages.has(t)) await saveShot(openPages.get(t), name);
      throw e;
    } finally {
      openPages.delete(t);
    }
  });
}

async function saveShot(page, name) {
  try {
    const dir = path.join(HERE, 'shots');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`    screenshot: ${path.relative(REPO, file)}`);
  } catch {
    /* the page may already be gone */
  }
}

/** Waits until the status says ready (and, if given, reports `chars` characters). */
async function waitReady(page, chars) {
  try {
    await page.waitForFunction(
      ([s, n]) => {
        const el = document.querySelector(s);
        return (
          el?.getAttribute('data-state') === 'ready' &&
          (n === null || el.getAttribute('data-chars') === String(n))
        );
      },
      [sel.status, chars ?? null],
      { timeout: TIMEOUT },
    );
  } catch (e) {
    const st = await page
      .$eval(sel.status, (el) => ({
        state: el.getAttribute('data-state'),
        chars: el.getAttribute('data-chars'),
        text: el.textContent,
      }))
      .catch(() => 'no status element');
    throw new Error(`status never became ready${chars != null ? ` with data-chars=${chars}` : ''}; last status: ${JSON.stringify(st)}`, { cause: e });
  }
}

/** Pastes text into the document input and waits for its analysis. */
async function paste(page, text) {
  await page.fill(sel.input, text);
  await waitReady(page, codePoints(text.replace(/\r\n/g, '\n')));
}

const names = (page, s) => page.$$eval(s, (els) => els.map((e) => e.getAttribute('data-name')));

/** Polls `fn` until it returns a truthy value (or throws the last failure). */
async function eventually(fn, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = new Error(`not yet: ${what}`);
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw last;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Inspects the rendered text pane: the elements whose trimmed text equals
 * `text`, which of them carry a "current" marker, and whether each is inside
 * the visible part of its scroll container and of the window.
 */
function textPaneTargets(page, text) {
  return page.evaluate(
    ([textView, text]) => {
      const pane = document.querySelector(textView);
      if (!pane) return { error: `no ${textView} element` };
      const isMarked = (el) =>
        (el.hasAttribute('aria-current') && el.getAttribute('aria-current') !== 'false') ||
        el.getAttribute('data-current') === 'true' ||
        el.classList.contains('current');
      const scrollParent = (el) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          const s = getComputedStyle(p);
          if (/(auto|scroll)/.test(s.overflowY) && p.scrollHeight > p.clientHeight) return p;
        }
        return document.scrollingElement;
      };
      const visible = (el) => {
        const r = el.getBoundingClientRect();
        if (r.height === 0 && r.width === 0) return false;
        const sp = scrollParent(el);
        const c = sp === document.scrollingElement
          ? { top: 0, bottom: innerHeight }
          : sp.getBoundingClientRect();
        const top = Math.max(c.top, 0);
        const bottom = Math.min(c.bottom, innerHeight);
        return r.bottom > top && r.top < bottom;
      };
      // Smallest elements whose text is exactly `text` (not their ancestors).
      const all = [...pane.querySelectorAll('*')].filter((el) => el.textContent.trim() === text);
      const hits = all.filter((el) => !all.some((o) => o !== el && el.contains(o)));
      // A marker may sit on the matching element or on one of its ancestors
      // inside the pane (e.g. a wrapper span) — but only if that ancestor does
      // not also wrap other hits.
      const markedOf = (el) => {
        for (let p = el; p && p !== pane; p = p.parentElement) {
          if (isMarked(p) && hits.filter((h) => p.contains(h)).length === 1) return true;
        }
        return false;
      };
      const sp = hits.length ? scrollParent(hits[0]) : null;
      return {
        count: hits.length,
        marked: hits.map(markedOf),
        visible: hits.map(visible),
        scrollTop: sp ? sp.scrollTop : null,
        scrollable: sp ? sp.scrollHeight > sp.clientHeight : null,
      };
    },
    [sel.textView, text],
  );
}

/** Scrolls the scroll container of the text pane (found via `text`) to its middle. */
function scrollPaneToMiddle(page, text) {
  return page.evaluate(([textView, text]) => {
    const pane = document.querySelector(textView);
    const el = [...pane.querySelectorAll('*')].find((e) => e.textContent.trim() === text) ?? pane;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/(auto|scroll)/.test(s.overflowY) && p.scrollHeight > p.clientHeight) {
        p.scrollTop = p.scrollHeight / 2 - p.clientHeight / 2;
        return;
      }
    }
    const d = document.scrollingElement;
    d.scrollTop = d.scrollHeight / 2 - innerHeight / 2;
  }, [sel.textView, text]);
}

// ---------------------------------------------------------------------------

appTest('loads under a sub-path with no page errors and analyses the built-in sample', async (t) => {
  const { page, pageErrors, consoleErrors } = await openApp(t);
  await page.waitForSelector(sel.people, { timeout: TIMEOUT });
  const people = await names(page, sel.people);
  assert.ok(people.length >= 1, `expected ≥1 person in the sample, got ${JSON.stringify(people)}`);
  assert.ok(
    (await page.inputValue(sel.input)).length > 0,
    'the sample text should be in the document input',
  );
  const status = await page.$eval(sel.status, (el) => ({
    chars: Number(el.getAttribute('data-chars')),
    ms: el.getAttribute('data-analysis-ms'),
  }));
  assert.ok(status.chars > 0, `data-chars should be > 0, got ${status.chars}`);
  assert.ok(status.ms !== null && Number.isFinite(Number(status.ms)), `data-analysis-ms should be a number, got ${status.ms}`);
  const failed = server.requests.filter((r) => r.status >= 400 && !/favicon/.test(r.url));
  assert.deepEqual(failed, [], 'requests for the app (under /app/sub/) must not fail');
  assert.deepEqual(pageErrors, [], 'no uncaught page errors');
  assert.deepEqual(consoleErrors.filter((m) => /panic/i.test(m)), [], 'no Rust panics');
});

appTest('pasted Chinese report: outline, people and organisations', async (t) => {
  const { page, pageErrors } = await openApp(t);
  await paste(page, ZH_TEXT);

  const nodes = await page.$$eval(sel.node, (els) =>
    els.map((e) => ({ text: e.textContent.trim(), level: e.getAttribute('data-level'), role: e.getAttribute('role') })),
  );
  assert.ok(nodes.length >= 2, `expected ≥2 outline nodes, got ${nodes.length}`);
  assert.ok(nodes.some((n) => n.text.includes('会议指出')), 'outline should contain 会议指出');
  assert.ok(nodes.some((n) => n.text.includes('会议强调')), 'outline should contain 会议强调');
  assert.ok(nodes.every((n) => n.role === 'treeitem'), 'outline nodes are role=treeitem');
  assert.ok(nodes.every((n) => /^\d+$/.test(n.level ?? '')), 'outline nodes carry a numeric data-level');
  assert.equal(await page.getAttribute(sel.outline, 'role'), 'tree');

  const people = await names(page, sel.people);
  for (const n of ['王建平', '刘思远']) assert.ok(people.includes(n), `people should include ${n}: ${JSON.stringify(people)}`);
  const orgs = await names(page, sel.orgs);
  assert.ok(orgs.includes('清河市中级人民法院'), `organisations should include 清河市中级人民法院: ${JSON.stringify(orgs)}`);
  // Nice to have, reported but not required: the alias shown with the organisation.
  const orgText = await page.locator(`${sel.orgs}[data-name="清河市中级人民法院"]`).first().textContent();
  t.diagnostic(`alias 清河中院 ${orgText.includes('清河中院') ? 'is' : 'is NOT'} shown in the organisation item`);
  assert.deepEqual(pageErrors, []);
});

// The status says which language the analysis read the document as (data-language too).
const CORE_FIXTURES = path.join(REPO, 'crates', 'gangmu-core', 'tests', 'fixtures');
for (const [file, code, words, person] of [
  ['en-crs-style-report.txt', 'en', '英文', 'Maria Delgado'],
  ['mixed-zh-en.txt', 'mixed', '中英混合', '周文涛'],
]) {
  appTest(`a ${code} document: the status names the language it was read as`, async (t) => {
    const { page, pageErrors } = await openApp(t);
    await paste(page, fs.readFileSync(path.join(CORE_FIXTURES, file), 'utf8'));
    assert.equal(await page.getAttribute(sel.status, 'data-language'), code);
    assert.match(await page.textContent(sel.status), new RegExp(words));
    const people = await names(page, sel.people);
    assert.ok(people.includes(person), `people should include ${person}: ${JSON.stringify(people)}`);
    assert.deepEqual(pageErrors, []);
  });
}

for (const [label, file] of [
  ['GB18030', ZH_GB18030],
  ['UTF-16LE with BOM', ZH_UTF16],
]) {
  appTest(`uploaded ${label} file is decoded and analysed`, async (t) => {
    const { page, pageErrors } = await openApp(t);
    await page.setInputFiles(sel.file, file);
    await eventually(
      async () => (await page.inputValue(sel.input)).replace(/\r\n/g, '\n') === ZH_TEXT,
      'textarea holds the decoded fixture',
    ).catch(async (e) => {
      const v = await page.inputValue(sel.input);
      assert.equal(v.slice(0, 80), ZH_TEXT.slice(0, 80), `decoded text differs (${e.message})`);
      throw e;
    });
    await waitReady(page, codePoints(ZH_TEXT));
    const people = await names(page, sel.people);
    for (const n of ['王建平', '刘思远']) assert.ok(people.includes(n), `people should include ${n}: ${JSON.stringify(people)}`);
    assert.equal(await page.locator(sel.error).isVisible(), false, 'no error shown for a valid file');
    assert.deepEqual(pageErrors, []);
  });
}

appTest('clicking a person scrolls the text to a marked mention of that name', async (t) => {
  const { page, pageErrors } = await openApp(t);
  await paste(page, LONG_TEXT);
  const name = '刘思远';
  const before = await textPaneTargets(page, name);
  assert.ok(!before.error, before.error);
  assert.ok(before.count >= 2, `expected the text pane to show ${name} as ≥2 separate mention elements, found ${before.count}`);
  assert.ok(before.scrollable, 'the long document should make the text pane scrollable');

  // Scroll the pane to the middle of the filler, where no mention is visible.
  await scrollPaneToMiddle(page, name);
  const mid = await textPaneTargets(page, name);
  assert.ok(mid.visible.every((v) => !v), 'precondition: no mention visible after scrolling to the filler');

  const item = page.locator(`${sel.people}[data-name="${name}"]`).first();
  const button = item.locator('button, [role="button"], a');
  await ((await button.count()) ? button.first() : item).click();

  const after = await eventually(async () => {
    const s = await textPaneTargets(page, name);
    return s.marked.some(Boolean) && s.visible.some((v, i) => v && s.marked[i]) ? s : null;
  }, `a marked mention of ${name} becomes visible`).catch(async (e) => {
    throw new Error(`${e.message}; state: ${JSON.stringify(await textPaneTargets(page, name))}`);
  });
  const markedCount = after.marked.filter(Boolean).length;
  assert.ok(markedCount < after.count, `only the current mention is marked (${markedCount} of ${after.count} are)`);
  assert.deepEqual(pageErrors, []);
});

appTest('clicking an outline node scrolls the text to that heading', async (t) => {
  const { page, pageErrors } = await openApp(t);
  await paste(page, LONG_TEXT);
  const heading = '会议强调';
  await scrollPaneToMiddle(page, heading);
  const mid = await textPaneTargets(page, heading);
  assert.ok(mid.count >= 1, `the text pane shows the heading ${heading} as its own element`);
  assert.ok(mid.visible.every((v) => !v), 'precondition: the heading is not visible after scrolling to the filler');

  const nodes = page.locator(sel.node).filter({ hasText: heading });
  assert.ok((await nodes.count()) >= 1, `an outline node for ${heading}`);
  // The last node with that text; click its own title, not a child node.
  const node = nodes.last();
  const title = node.getByText(heading, { exact: true });
  if (await title.count()) await title.first().click();
  else await node.click({ position: { x: 24, y: 10 } });

  await eventually(async () => {
    const s = await textPaneTargets(page, heading);
    return s.visible.some((v, i) => v && s.marked[i]) ? s : null;
  }, `the heading ${heading} becomes visible in the text pane, marked as current`).catch(async (e) => {
    throw new Error(`${e.message}; state: ${JSON.stringify(await textPaneTargets(page, heading))}`);
  });
  assert.deepEqual(pageErrors, []);
});

appTest('a binary upload shows an error and keeps the current text', async (t) => {
  const { page, pageErrors } = await openApp(t);
  await paste(page, ZH_TEXT);
  const bin = path.join(tmpDir, 'image.png');
  const bytes = Buffer.alloc(4096, 0);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]).copy(bytes);
  for (let i = 64; i < bytes.length; i += 7) bytes[i] = (i * 31) & 0xff;
  fs.writeFileSync(bin, bytes);
  await page.setInputFiles(sel.file, bin);
  await page.locator(sel.error).waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.ok((await page.locator(sel.error).textContent()).trim().length > 0, 'the error says something');
  assert.equal(await page.inputValue(sel.input), ZH_TEXT, 'the text is unchanged');
  assert.ok((await names(page, sel.people)).includes('王建平'), 'the analysis of the text is kept');
  assert.deepEqual(pageErrors, []);
});

appTest('pasted HTML is shown as text, never executed', async (t) => {
  const { page, pageErrors } = await openApp(t);
  const evil = `会议指出\n<script>window.__pwned=1</script>\n<img src=x onerror="window.__pwned=1">\n王建平出席会议并讲话。`;
  await paste(page, evil);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'window.__pwned must stay undefined');
  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no <img src=x> element is created');
  const shown = await page.$eval(sel.textView, (el) => el.textContent);
  assert.ok(shown.includes('<script>window.__pwned=1</script>'), 'the markup is shown literally in the text pane');
  assert.deepEqual(pageErrors, []);
});

appTest('collapse all / expand all toggle aria-expanded of outline nodes with children', async (t) => {
  const { page, pageErrors } = await openApp(t);
  await paste(page, ZH_TEXT);
  const expanded = () =>
    page.$$eval(sel.node, (els) => els.filter((e) => e.hasAttribute('aria-expanded')).map((e) => e.getAttribute('aria-expanded')));
  const start = await expanded();
  assert.ok(start.length >= 1, 'at least one outline node has children (aria-expanded)');

  const btn = (re, testid) => {
    const byId = page.locator(`[data-testid="${testid}"]`);
    return byId.or(page.getByRole('button', { name: re })).first();
  };
  await btn(/collapse all|全部折叠|全部收起|折叠全部|收起全部/i, 'collapse-all').click();
  await eventually(async () => {
    const v = await expanded();
    return v.length >= 1 && v.every((x) => x === 'false');
  }, 'all parent nodes collapsed');
  await btn(/expand all|全部展开|展开全部/i, 'expand-all').click();
  await eventually(async () => {
    const v = await expanded();
    return v.length >= start.length && v.every((x) => x === 'true');
  }, 'all parent nodes expanded');
  assert.deepEqual(pageErrors, []);
});

// --- Formulations, outline levels, reading position ------------------------------------------
// formulations.zh.txt (written for the tests): “公正与效率” twice, 三个规定 twice, two levels.
const FM_TEXT = fs.readFileSync(path.join(FIXTURES, 'formulations.zh.txt'), 'utf8');
const fmSel = {
  list: '[data-testid="formulations"]',
  item: '[data-testid="formulations"] [data-testid="formulation"]',
};

/** Occurrences of the selected formulation marked in the text: [{fo, text, current}]. */
const markedOccurrences = (page) =>
  page.$$eval(`${sel.textView} mark.fm[data-fo]`, (els) => {
    const byFo = new Map();
    for (const e of els) {
      const o = byFo.get(e.dataset.fo) ?? { fo: e.dataset.fo, text: '', current: false };
      o.text += e.textContent;
      o.current ||= e.classList.contains('current');
      byFo.set(e.dataset.fo, o);
    }
    return [...byFo.values()];
  });

appTest('formulations panel lists a quoted phrase used twice; clicking marks both occurrences', async (t) => {
  const { page, pageErrors } = await openApp(t);
  await paste(page, FM_TEXT);
  const item = page.locator(`${fmSel.item}[data-text="公正与效率"]`);
  await item.waitFor({ timeout: TIMEOUT });
  const shown = (await item.textContent()).replace(/\s+/g, '');
  assert.ok(shown.includes('“公正与效率”'), `the quoted phrase is shown in quotes: ${shown}`);
  assert.match(shown, /2处/, `the count 2 is shown: ${shown}`);
  assert.match(shown, /引号提法/, `the kind is shown: ${shown}`);
  const numbered = (await page.locator(`${fmSel.item}[data-text="三个规定"]`).textContent()).replace(/\s+/g, '');
  assert.ok(numbered.includes('数字提法') && !numbered.includes('“'), `numbered kind, no quotes: ${numbered}`);
  assert.deepEqual(await markedOccurrences(page), [], 'nothing marked before a click');

  await item.locator('button').click();
  const marks = await eventually(async () => {
    const m = await markedOccurrences(page);
    return m.length ? m : null;
  }, 'occurrences marked');
  assert.equal(marks.length, 2, `exactly 2 occurrences marked: ${JSON.stringify(marks)}`);
  assert.ok(marks.every((m) => m.text === '公正与效率'), `each mark is the phrase: ${JSON.stringify(marks)}`);
  assert.deepEqual(marks.map((m) => m.current), [true, false], 'the first occurrence is current');
  assert.equal(await item.locator('button').getAttribute('aria-pressed'), 'true');

  // A second click steps to the next occurrence.
  await item.locator('button').click();
  await eventually(async () => {
    const m = await markedOccurrences(page);
    return m.length === 2 && !m[0].current && m[1].current;
  }, 'the second occurrence becomes current');

  // Selecting a person clears the formulation (one selection at a time), and every mention
  // of the person is still one element whose text is the name.
  await page.locator(`${sel.people}[data-name="赵文博"] button`).click();
  await eventually(async () => (await markedOccurrences(page)).length === 0, 'formulation marks cleared');
  const person = await textPaneTargets(page, '赵文博');
  assert.ok(person.count >= 2 && person.marked.filter(Boolean).length === 1, JSON.stringify(person));

  // English UI: same list, English kind labels.
  await page.locator('[data-testid="lang-switch"]').click();
  await eventually(async () => /quoted/.test(await item.textContent()), 'English kind label');
  assert.deepEqual(pageErrors, []);
});

appTest('outline levels: level 1 hides level-2 nodes, level 2 shows them', async (t) => {
  const { page, pageErrors } = await openApp(t);
  await paste(page, FM_TEXT);
  const visibleLevels = () =>
    page.$$eval(sel.node, (els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.getAttribute('data-level')));
  const all = await visibleLevels();
  assert.ok(all.includes('2'), `level-2 nodes visible at first: ${all}`);
  assert.equal(await page.locator('[data-testid="show-level"]').count(), 2, 'one button per existing level');

  await page.getByRole('button', { name: '展开到第1级' }).click();
  await eventually(async () => {
    const v = await visibleLevels();
    return v.length >= 2 && v.every((l) => l === '1');
  }, 'only level-1 nodes visible');
  assert.equal(await page.getByRole('button', { name: '展开到第1级' }).getAttribute('aria-pressed'), 'true');

  await page.getByRole('button', { name: '展开到第2级' }).click();
  await eventually(async () => (await visibleLevels()).length === all.length, 'level-2 nodes visible again');
  const expanded = await page.$$eval(sel.node, (els) =>
    els.filter((e) => e.hasAttribute('aria-expanded')).map((e) => e.getAttribute('aria-expanded')));
  assert.ok(expanded.every((x) => x === 'true'), `parents expanded: ${expanded}`);
  assert.deepEqual(pageErrors, []);
});

appTest('scrolling the text pane moves the reading highlight in the outline', async (t) => {
  const { page, pageErrors } = await openApp(t);
  // The filler after the report lets its last sections scroll to the top of the pane.
  await paste(page, `${FM_TEXT.trimEnd()}\n\n${FILLER}`);
  const readingNodes = () =>
    page.$$eval(`${sel.node}.reading`, (els) =>
      els.map((e) => ({ title: e.querySelector('[id^="tt-"]')?.textContent ?? e.textContent, current: e.getAttribute('aria-current') })));
  /** Scrolls the text's scroll container so that the heading `title` sits at its top. */
  const scrollToHeading = (title) =>
    page.evaluate(([textView, title]) => {
      const pane = document.querySelector(textView);
      const h = [...pane.querySelectorAll('*')].find((e) => e.textContent.trim() === title && e.children.length === 0)
        ?? [...pane.querySelectorAll('*')].find((e) => e.textContent.trim() === title);
      let sp = h.parentElement;
      while (sp && !(/(auto|scroll)/.test(getComputedStyle(sp).overflowY) && sp.scrollHeight > sp.clientHeight)) sp = sp.parentElement;
      sp ??= document.scrollingElement;
      const top = sp === document.scrollingElement ? 0 : sp.getBoundingClientRect().top;
      sp.scrollTop += h.getBoundingClientRect().top - Math.max(top, 0) - 4;
    }, [sel.textView, title]);

  await scrollToHeading('二、加强队伍建设');
  await eventually(async () => {
    const r = await readingNodes();
    return r.length === 1 && r[0].title === '二、加强队伍建设' && r[0].current === 'location';
  }, 'the node of 二、加强队伍建设 is the reading position').catch(async (e) => {
    throw new Error(`${e.message}; reading: ${JSON.stringify(await readingNodes())}`);
  });

  await scrollToHeading('（二）提高办案效率');
  await eventually(async () => {
    const r = await readingNodes();
    return r.length === 1 && r[0].title === '（二）提高办案效率';
  }, 'the reading position follows back up').catch(async (e) => {
    throw new Error(`${e.message}; reading: ${JSON.stringify(await readingNodes())}`);
  });
  assert.deepEqual(pageErrors, []);
});
