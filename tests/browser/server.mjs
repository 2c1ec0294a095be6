// A tiny static file server for the built app, serving dist/ under a sub-path
// (as a static host such as a project page would), with correct content types.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serve `root` at http://127.0.0.1:<random port><prefix>.
 * @returns {Promise<{url: string, requests: {url: string, status: number}[], close: () => Promise<void>}>}
 */
export async function serveDist(root, prefix = '/app/sub/') {
  const rootAbs = path.resolve(root);
  const requests = [];
  const server = http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      requests.push({ url: req.url, status });
      res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pathname === prefix.slice(0, -1)) return send(301, '', { Location: prefix });
    if (!pathname.startsWith(prefix)) return send(404, 'not found (outside the app prefix)');
    let file = path.join(rootAbs, pathname.slice(prefix.length));
    if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return send(403, 'forbidden');
    try {
      if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      const body = fs.readFileSync(file);
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(200, req.method === 'HEAD' ? '' : body, {
        'Content-Type': type,
        'X-Content-Type-Options': 'nosniff',
      });
    } catch {
      return send(404, 'not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
