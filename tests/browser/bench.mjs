// Browser half of scripts/bench.sh (a benchmark, not a test): for each text file given, uploads
// it to the built app (dist/, served under a sub-path) in headless Chromium, reads the worker's
// analysis time from the status element, then times jieba-wasm's tag() on the same text in the
// same page. Prints one line per file with the peak resident memory of the browser's processes
// from the upload to the rendered analysis (before jieba-wasm runs).
//
//   node bench.mjs DIST_DIR FILE...
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const [dist, ...files] = process.argv.slice(2);
if (!dist || files.length === 0) {
  console.error('usage: node bench.mjs DIST_DIR FILE...');
  process.exit(2);
}
const jieba = path.join(here, 'node_modules/jieba-wasm/pkg/web');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.tsv': 'text/plain; charset=utf-8' };
const prefix = '/app/sub/';

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]);
  let file = null;
  if (url.startsWith('/__jieba/')) file = path.join(jieba, url.slice('/__jieba/'.length));
  else if (url.startsWith(prefix)) file = path.join(dist, url.slice(prefix.length) || 'index.html');
  if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}${prefix}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', `--gangmu-bench=${process.pid}`],
});

// Peak resident memory of the browser's process tree (found by a marker flag on its command
// line), sampled every 100 ms.
let peakKb = 0;
function sampleMemory() {
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => l.trim());
    const rows = lines.map((l) => l.split(/\s+/).slice(0, 3).map(Number));
    const roots = lines.filter((l) => l.includes(`--gangmu-bench=${process.pid}`)).map((l) => Number(l.split(/\s+/)[0]));
    const tree = new Set(roots);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of rows) if (tree.has(ppid) && !tree.has(pid)) { tree.add(pid); grew = true; }
    }
    const kb = rows.filter(([pid]) => tree.has(pid)).reduce((s, [, , rss]) => s + rss, 0);
    peakKb = Math.max(peakKb, kb);
  } catch { /* ps unavailable: memory not reported */ }
}
const sampler = setInterval(sampleMemory, 100);

console.log('file\tchars\tgangmu_ms\tgangmu_Mchars_s\tjieba_ms\tratio\tpeak_browser_MB');
for (const file of files) {
  const page = await browser.newPage();
  await page.goto(base);
  await page.waitForSelector('[data-testid="status"][data-state="ready"]', { timeout: 30000 });
  const text = fs.readFileSync(file, 'utf8');
  const chars = [...text].length;
  peakKb = 0;
  await page.setInputFiles('[data-testid="file-input"]', file);
  await page.waitForFunction((n) => {
    const s = document.querySelector('[data-testid="status"]');
    return s && s.dataset.state === 'ready' && Number(s.dataset.chars) === n;
  }, chars, { timeout: 300000, polling: 200 });
  const ms = await page.$eval('[data-testid="status"]', (e) => Number(e.dataset.analysisMs));
  sampleMemory();
  const gangmuPeakKb = peakKb;
  const jiebaMs = await page.evaluate(async (t) => {
    const m = await import('/__jieba/jieba_rs_wasm.js');
    await m.default();
    m.tag('预热', true);
    const t0 = performance.now();
    m.tag(t, true);
    return performance.now() - t0;
  }, text);
  console.log([path.basename(file), chars, ms.toFixed(0), (chars / ms / 1000).toFixed(2), jiebaMs.toFixed(0),
    (jiebaMs / ms).toFixed(2), (gangmuPeakKb / 1024).toFixed(0)].join('\t'));
  await page.close();
}
clearInterval(sampler);
await browser.close();
server.close();
