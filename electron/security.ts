import type { Session, WebContents } from 'electron';
import { isAllowedUrl, originOf, type AllowedOrigins } from './origins';

/**
 * The renderer's web preferences. SECURITY — every line here is load-bearing; do not relax any of
 * them. The renderer shows data from strangers (imported spreadsheets, exchange files), so it is
 * treated as untrusted: it gets no Node, runs in Chromium's sandbox, and reaches the main process
 * only through the typed, validated bridge that the preload exposes.
 */

/**
 * Permissions the app's own pages may be granted. Everything else (camera, microphone, geolocation,
 * notifications, HID/USB/serial, openExternal, clipboard-read, …) is DENIED.
 * 'persistent-storage' is the one exception: without it Chromium may evict the IndexedDB database
 * (every check-in and score on this device) when the disk runs low. It only protects our own data.
 */
const GRANTABLE_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

export function isPermissionGranted(permission: string, requestingUrl: string, allowed: AllowedOrigins): boolean {
  return GRANTABLE_PERMISSIONS.has(permission) && isAllowedUrl(requestingUrl, allowed);
}

/**
 * SECURITY: the one device permission — the desk's camera scanner (issue 20), video only, never the
 * microphone, asked by our own page's main frame. The renderer asks only when the operator turns the
 * camera on at the desk (CameraScanner.tsx), so this is never granted silently at start.
 */
export function isCameraRequest(
  permission: string,
  requestingUrl: string,
  allowed: AllowedOrigins,
  details: { mediaTypes?: readonly string[]; isMainFrame?: boolean },
): boolean {
  const types = details.mediaTypes ?? [];
  return permission === 'media' && types.length > 0 && types.every((t) => t === 'video') && details.isMainFrame === true && isAllowedUrl(requestingUrl, allowed);
}

/**
 * SECURITY: deny-by-default permissions for the session. Both handlers are needed: the request
 * handler answers prompts, the check handler answers synchronous queries (navigator.permissions).
 */
export function hardenSession(ses: Session, allowed: AllowedOrigins): void {
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const url = details.requestingUrl ?? '';
    callback(isPermissionGranted(permission, url, allowed) || isCameraRequest(permission, url, allowed, details));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, allowed),
  );
  // Devices are never needed; an explicit "no" beats relying on Chromium's defaults.
  ses.setDevicePermissionHandler(() => false);
  // SECURITY: the app is offline. Any request that is not to our own origin (or the dev server,
  // including its hot-reload websocket) is cancelled — a second wall behind the CSP.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, allowed) });
  });
}

/** Requests the session lets through: our origins, in-page data/blob URLs and DevTools. */
export function isAllowedRequestUrl(rawUrl: string, allowed: AllowedOrigins): boolean {
  if (isAllowedUrl(rawUrl, allowed)) return true;
  const lower = rawUrl.toLowerCase();
  if (lower.startsWith('data:') || lower.startsWith('blob:') || lower.startsWith('devtools:')) return true;
  // Vite's HMR socket lives on the dev server's host and port, scheme ws(s) instead of http(s).
  if (lower.startsWith('ws:') || lower.startsWith('wss:')) {
    const asHttp = rawUrl.replace(/^ws/i, 'http');
    const origin = originOf(asHttp);
    return origin !== null && origin.startsWith('http') && allowed.includes(origin);
  }
  return false;
}

/**
 * SECURITY: a webContents may only ever show our own origin. Navigation elsewhere (a link in an
 * imported file's text, a redirect, a drag-and-drop) is cancelled; new windows are always denied and
 * the URL is NOT handed to shell.openExternal — renderer-supplied URLs never reach the OS.
 * Applied to every webContents the app creates (see main.ts 'web-contents-created').
 */
const hardened = new WeakSet<WebContents>();

export function hardenWebContents(contents: WebContents, allowed: AllowedOrigins): void {
  // Idempotent: main.ts hardens every webContents and window.ts its own; listeners must not double up.
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const refuseForeign = (event: { preventDefault(): void; url?: string }, legacyUrl?: string): void => {
    const url = event.url ?? legacyUrl ?? '';
    if (!isAllowedUrl(url, allowed)) {
      event.preventDefault();
      console.warn(`[skhod] navigation refused: ${url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', (event, url) => refuseForeign(event, url));
  contents.on('will-frame-navigate', (event) => refuseForeign(event));
  contents.on('will-redirect', (event, url) => refuseForeign(event, url));
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[skhod] window.open refused: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
