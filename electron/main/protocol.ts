// Serves the built renderer (dist/web) at app://bpnn/ (S7 / checklist item 18: no file://).
// Only files inside the web root are served; everything else is a 404.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './window';

/** The same policy as the meta tag in renderer/index.html, also sent as a header. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Cross-origin isolation for the window and its workers: SharedArrayBuffer, which the training
 * worker needs to split large products with a second core (core/kernels/dense-split.ts). The
 * window loads nothing from other origins, so require-corp blocks nothing.
 */
export const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The privileges app:// needs to behave like a web origin: a standard, secure origin for module
 * scripts (Vite emits them with `crossorigin`, i.e. CORS-mode fetches, hence corsEnabled), fetch,
 * workers and storage. It grants nothing to other origins: responses carry no CORS headers.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
};

/** The file an app:// URL maps to inside webRoot, or null when it is not ours or escapes it. */
export function resolveAppRequest(url: string, webRoot: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  if (rel.includes('\0')) return null;
  const root = path.resolve(webRoot);
  const file = path.resolve(root, `.${rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/** The protocol.handle callback: a Response for every request, never a throw. */
export function makeAppProtocolHandler(webRoot: string) {
  return async (request: { url: string }): Promise<Response> => {
    const file = resolveAppRequest(request.url, webRoot);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body, {
        status: 200,
        headers: { 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', ...ISOLATION_HEADERS },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
