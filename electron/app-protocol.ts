import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

/*
 * ┌──────────────────────────────────────────────────────────────────────────────────────────┐
 * │ THE UI ORIGIN IS app://skhod — IT MUST NEVER CHANGE ONCE SHIPPED.                         │
 * │ IndexedDB (the Dexie database: every registration, check-in and score on this device),    │
 * │ localStorage and the rest of the web storage are keyed by origin. A different scheme or   │
 * │ host — even a changed letter case or a port — opens an EMPTY database and the user's data │
 * │ appears lost. Do not rename the scheme, the host, or toggle `standard`.                   │
 * └──────────────────────────────────────────────────────────────────────────────────────────┘
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'skhod';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must run before `app.ready` (Electron refuses it later), exactly once.
 * `standard` gives the scheme real origins, relative URLs and web storage; `secure` makes it a secure
 * context (crypto.subtle, etc.); `supportFetchAPI` lets the renderer fetch its own assets;
 * SECURITY: `corsEnabled: false` — no other origin may read from app://; `bypassCSP` stays false so
 * the CSP header always applies; no service workers (nothing to cache offline — it is all local).
 * `codeCache` lets V8 keep the compiled renderer code between starts (Electron keys it by URL, which is
 * why it needs `standard`): a start then compiles less of the app's JavaScript again.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: false,
        stream: true,
        bypassCSP: false,
        allowServiceWorkers: false,
        codeCache: true,
      },
    },
  ]);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedPath =
  | { kind: 'file'; filePath: string }
  | { kind: 'forbidden'; reason: string };

/**
 * Maps the (still percent-encoded) path of an app:// URL to a file under `root`, or refuses it.
 * SECURITY: this is the only thing between the renderer and the disk for app:// requests. Chromium
 * already normalizes dot segments in standard-scheme URLs, but we do not rely on it: anything that
 * could escape the root or confuse the platform's path parser is refused, not "cleaned".
 */
export function resolveAppPath(rawPathname: string, root: string): ResolvedPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return { kind: 'forbidden', reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { kind: 'forbidden', reason: 'NUL byte' };
  // Backslashes are separators on Windows; a colon would allow drive letters (C:) and NTFS streams.
  if (decoded.includes('\\') || decoded.includes(':')) return { kind: 'forbidden', reason: 'separator' };
  if (!decoded.startsWith('/')) return { kind: 'forbidden', reason: 'relative path' };
  // `//host/share` and `//etc` would be read as UNC or absolute paths by some APIs.
  if (decoded.startsWith('//')) return { kind: 'forbidden', reason: 'absolute path' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'forbidden', reason: 'dot segment' };

  const rootResolved = path.resolve(root);
  const relative = decoded.replace(/^\/+/, '');
  const isDirectory = relative === '' || relative.endsWith('/');
  const filePath = isDirectory
    ? path.join(rootResolved, relative, 'index.html')
    : path.resolve(rootResolved, relative);
  // Belt and braces: after all of the above the path must still be strictly inside the root.
  const rel = path.relative(rootResolved, filePath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return { kind: 'forbidden', reason: 'outside root' };
  }
  return { kind: 'file', filePath };
}

/** Headers every app:// response carries, errors included. */
function baseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    // SECURITY: the CSP rides on every response, so even a 404 page cannot run inline script.
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The files change with every app update; the renderer must never mix cached old chunks.
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

async function readRegularFile(filePath: string): Promise<Buffer | null> {
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) return null;
    return await fs.readFile(filePath);
  } catch {
    return null;
  }
}

/**
 * The `protocol.handle('app', …)` handler: serves the built renderer from `root`.
 * Extension-less paths that are not files (client-side routes like /desk) fall back to index.html;
 * a missing asset (/assets/x.js) is a real 404 — serving HTML for it would only hide the bug.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad Request');
    }
    // SECURITY: only our own host; `app://anything-else/` is not ours to serve.
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
      return textResponse(403, 'Forbidden');
    }
    const resolved = resolveAppPath(url.pathname, root);
    if (resolved.kind === 'forbidden') return textResponse(403, 'Forbidden');

    let filePath = resolved.filePath;
    let body = await readRegularFile(filePath);
    if (body === null && path.extname(filePath) === '') {
      filePath = path.join(path.resolve(root), 'index.html');
      body = await readRegularFile(filePath);
    }
    if (body === null) return textResponse(404, 'Not Found');
    const headers = baseHeaders(mimeTypeFor(filePath));
    headers.set('Content-Length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Call after `app.ready`. The root is the built renderer (dist/renderer next to dist/electron). */
export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
