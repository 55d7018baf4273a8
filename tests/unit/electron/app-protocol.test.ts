import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAppProtocolHandler,
  installAppProtocol,
  mimeTypeFor,
  registerAppScheme,
  resolveAppPath,
} from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const SECRET = 'TOP-SECRET-OUTSIDE-ROOT';
const INDEX = '<!doctype html><title>Сход</title>';
// Created at load time: the traversal table below names a real absolute path under it.
const base = mkdtempSync(path.join(os.tmpdir(), 'skhod-proto-'));
const root = path.join(base, 'renderer');
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), INDEX);
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(root, 'assets', 'data.bin'), Buffer.from([1, 2, 3]));
  // Files the renderer must never reach: next to the root, and a sibling folder sharing its prefix.
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  writeFileSync(path.join(base, 'secret'), SECRET);
  mkdirSync(path.join(base, 'renderer-evil'));
  writeFileSync(path.join(base, 'renderer-evil', 'x.txt'), SECRET);
  serve = createAppProtocolHandler(root);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

// A plain object rather than `new Request`: Node's Request refuses some URLs (credentials) that a
// hostile page could still make Chromium hand to the handler; the handler reads only url and method.
const get = (url: string, method = 'GET') => serve({ url, method } as Request);

describe('resolveAppPath (raw, un-normalized paths)', () => {
  it.each([
    ['/../secret.txt'],
    ['/assets/../../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/%2E%2E/secret.txt'],
    ['/..%2fsecret.txt'],
    ['/assets/..%2F..%2Fsecret.txt'],
    ['/..%5csecret.txt'],
    ['/%5c..%5csecret.txt'],
    ['/assets\\..\\..\\secret.txt'],
    ['/index.html%00.js'],
    ['/\0'],
    ['//etc/passwd'],
    ['/%2Fetc%2Fpasswd'],
    ['/C:/Windows/win.ini'],
    ['/C%3A%5CWindows%5Cwin.ini'],
    ['/./index.html'],
    ['/%E0%A4%A'],
    ['relative/index.html'],
    ['/../renderer-evil/x.txt'],
  ])('refuses %j', (raw) => {
    expect(resolveAppPath(raw, root).kind).toBe('forbidden');
  });

  it('maps normal paths inside the root', () => {
    expect(resolveAppPath('/assets/app.js', root)).toEqual({ kind: 'file', filePath: path.join(root, 'assets', 'app.js') });
    expect(resolveAppPath('/', root)).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
    expect(resolveAppPath('/%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.png', root)).toEqual({
      kind: 'file',
      filePath: path.join(root, 'пример.png'),
    });
  });
});

describe('app:// protocol handler', () => {
  it.each([
    'app://skhod/../secret.txt',
    'app://skhod/%2e%2e/secret.txt',
    'app://skhod/..%2fsecret.txt',
    'app://skhod/assets/..%2f..%2fsecret.txt',
    'app://skhod/..%5csecret.txt',
    'app://skhod/%5c..%5csecret.txt',
    'app://skhod/%00',
    'app://skhod/index.html%00.js',
    'app://skhod//secret.txt',
    `app://skhod/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    'app://skhod/C:/secret.txt',
    'app://skhod/%252e%252e/secret.txt',
    'app://skhod/../renderer-evil/x.txt',
    'app://skhod/..%2frenderer-evil%2fx.txt',
  ])('never serves a file outside the root: %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain(SECRET);
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 403 to encoded traversal, backslashes and NUL rather than cleaning them up', async () => {
    for (const url of ['app://skhod/..%2fsecret.txt', 'app://skhod/..%5csecret.txt', 'app://skhod/a%00b', 'app://skhod/C:/x.txt']) {
      expect((await get(url)).status, url).toBe(403);
    }
  });

  it('serves only host "skhod"', async () => {
    for (const url of ['app://evil/index.html', 'app://skhod.evil/index.html', 'app://user@skhod/index.html']) {
      const res = await get(url);
      expect(res.status, url).toBe(403);
      expect(await res.text()).not.toContain('Сход');
    }
  });

  it.each([
    ['app://skhod/index.html', 'text/html; charset=utf-8', INDEX],
    ['app://skhod/', 'text/html; charset=utf-8', INDEX],
    ['app://skhod/assets/app.js', 'text/javascript; charset=utf-8', 'console.log("app")'],
    ['app://skhod/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://skhod/assets/logo.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s as %s with the CSP header', async (url, type, body) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(type);
    expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await res.text()).toBe(body);
  });

  it('serves binary files byte for byte', async () => {
    const res = await get('app://skhod/assets/font.woff2');
    expect(res.headers.get('Content-Type')).toBe('font/woff2');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32]);
    expect((await get('app://skhod/assets/data.bin')).headers.get('Content-Type')).toBe('application/octet-stream');
  });

  it('falls back to index.html for extension-less client routes only', async () => {
    for (const url of ['app://skhod/desk', 'app://skhod/contest/42/scores', 'app://skhod/assets']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe(INDEX);
    }
    const missing = await get('app://skhod/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://skhod/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String('console.log("app")'.length));
    expect(await head.text()).toBe('');
    expect((await get('app://skhod/index.html', 'POST')).status).toBe(405);
  });
});

describe('scheme registration', () => {
  it('registers app as standard, secure, fetchable, CORS-disabled, streaming, with V8 code cache', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [[{ scheme: string; privileges: object }[]]];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: false,
      stream: true,
      bypassCSP: false,
      codeCache: true,
    });
  });

  it('installs the handler for the app scheme', async () => {
    const protocol = { handle: vi.fn() };
    installAppProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    expect(await (await handler(new Request('app://skhod/index.html'))).text()).toBe(INDEX);
  });

  it('knows the MIME types of what Vite emits', () => {
    expect(mimeTypeFor('a.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.png')).toBe('image/png');
    expect(mimeTypeFor('noext')).toBe('application/octet-stream');
  });
});
