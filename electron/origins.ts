import { APP_ORIGIN } from './app-protocol';

/**
 * Origins the renderer may be loaded from, navigate within and send IPC from.
 * Production: exactly `app://skhod`. Development (not packaged, SKHOD_DEV_SERVER_URL set): also the
 * Vite dev server's exact origin — nothing broader (no other port, no other host).
 */
export type AllowedOrigins = readonly string[];

/**
 * `scheme://host[:port]` of a URL, or null for anything that has no trustworthy origin
 * (file:, data:, blob:, about:, javascript:, unparsable text, URLs with credentials).
 * Computed by hand because WHATWG `URL#origin` is the string "null" for custom schemes like app:.
 */
export function originOf(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.host === '') return null;
  if (url.protocol === 'app:' || url.protocol === 'http:' || url.protocol === 'https:') {
    return `${url.protocol}//${url.host}`;
  }
  return null;
}

/** Exact origin match against the allow-list; everything unknown is refused. */
export function isAllowedUrl(rawUrl: string, allowed: AllowedOrigins): boolean {
  const origin = originOf(rawUrl);
  return origin !== null && allowed.includes(origin);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The dev server URL from the environment, or null. SECURITY: honoured only in an unpackaged app
 * (a shipped build must never be redirectable by an environment variable) and only for an
 * http(s) URL on this machine's loopback — the dev server is trusted with the full bridge.
 */
export function devServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): URL | null {
  const raw = env['SKHOD_DEV_SERVER_URL'];
  if (isPackaged || raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    console.warn(`[skhod] SKHOD_DEV_SERVER_URL is not a URL, ignored: ${raw}`);
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
    console.warn(`[skhod] SKHOD_DEV_SERVER_URL must be http(s) on loopback, ignored: ${raw}`);
    return null;
  }
  return url;
}

export function allowedOriginsFor(dev: URL | null): AllowedOrigins {
  return dev === null ? [APP_ORIGIN] : [APP_ORIGIN, `${dev.protocol}//${dev.host}`];
}
