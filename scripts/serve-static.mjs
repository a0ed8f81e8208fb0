#!/usr/bin/env node
// A tiny static file server for the browser build (dist/web): `npm run web` and the
// end-to-end tests use it. Serves files under one root only, GET/HEAD only, no listings.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.bpnn': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Cross-origin isolation: with these two headers on every response the page and its workers get
 * SharedArrayBuffer, which the training worker needs to split large products with a second core
 * (core/kernels/dense-split.ts). Everything the build loads is same-origin, so require-corp costs
 * nothing; without the headers training runs on one thread, with the same numbers.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Starts serving `root` on host:port (port 0 = any free port); resolves with the URL and a close(). */
export function serveStatic(root, { host = '127.0.0.1', port = 0 } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': s.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...ISOLATION_HEADERS,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      const url = `http://${host}:${typeof addr === 'object' && addr ? addr.port : port}/`;
      resolveStart({ url, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist/web';
  const port = Number(process.env.PORT ?? 5173);
  serveStatic(root, { port }).then(
    ({ url }) => console.log(`BPNN Studio (browser build) at ${url}  (Ctrl+C to stop)`),
    (err) => {
      console.error(`Could not serve ${root}: ${err.message}`);
      process.exit(1);
    },
  );
}
