import { describe, expect, it, vi } from 'vitest';
import { allowedOriginsFor, devServerUrl, isAllowedUrl, originOf } from '../../../electron/origins';
import { hardenSession, isAllowedRequestUrl, isCameraRequest, isPermissionGranted } from '../../../electron/security';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const APP = ['app://skhod'];
const DEV = ['app://skhod', 'http://127.0.0.1:5173'];

describe('origins', () => {
  it('computes origins by hand for app:, http:, https: and refuses everything else', () => {
    expect(originOf('app://skhod/index.html')).toBe('app://skhod');
    expect(originOf('http://127.0.0.1:5173/x')).toBe('http://127.0.0.1:5173');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('app://a:b@skhod/')).toBeNull();
    expect(originOf('garbage')).toBeNull();
  });

  it('matches origins exactly', () => {
    expect(isAllowedUrl('app://skhod/x', APP)).toBe(true);
    expect(isAllowedUrl('app://skhod.evil/x', APP)).toBe(false);
    expect(isAllowedUrl('app://SKHOD/x', APP)).toBe(false);
  });

  it('accepts a dev server URL only unpackaged and on loopback', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const env = (v: string) => ({ SKHOD_DEV_SERVER_URL: v });
    expect(devServerUrl(env('http://127.0.0.1:5173/'), false)?.href).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl(env('http://localhost:5173/'), false)?.host).toBe('localhost:5173');
    expect(devServerUrl(env('http://127.0.0.1:5173/'), true)).toBeNull();
    expect(devServerUrl(env('http://192.168.1.5:5173/'), false)).toBeNull();
    expect(devServerUrl(env('file:///tmp/index.html'), false)).toBeNull();
    expect(devServerUrl(env('not a url'), false)).toBeNull();
    expect(devServerUrl({}, false)).toBeNull();
    expect(allowedOriginsFor(null)).toEqual(APP);
    expect(allowedOriginsFor(new URL('http://127.0.0.1:5173/'))).toEqual(DEV);
  });
});

describe('session hardening', () => {
  function hardened(allowed = APP) {
    const ses = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    };
    hardenSession(ses as never, allowed);
    return {
      request: ses.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void,
      check: ses.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean,
      device: ses.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean,
      beforeRequest: ses.webRequest.onBeforeRequest.mock.calls[0]![0] as (d: { url: string }, cb: (r: unknown) => void) => void,
    };
  }

  it('denies every permission request and check', () => {
    const { request, check, device } = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'clipboard-read', 'usb', 'serial', 'unknown']) {
      const cb = vi.fn();
      request({}, permission, cb, { requestingUrl: 'app://skhod/index.html' });
      expect(cb, permission).toHaveBeenCalledWith(false);
      expect(check({}, permission, 'app://skhod', {}), permission).toBe(false);
    }
    expect(device()).toBe(false);
  });

  it('grants persistent storage (eviction protection for the database) to our origin only', () => {
    const { request, check } = hardened();
    const mine = vi.fn();
    const foreign = vi.fn();
    request({}, 'persistent-storage', mine, { requestingUrl: 'app://skhod/index.html' });
    request({}, 'persistent-storage', foreign, { requestingUrl: 'https://evil.example/' });
    expect(mine).toHaveBeenCalledWith(true);
    expect(foreign).toHaveBeenCalledWith(false);
    expect(check({}, 'persistent-storage', 'https://evil.example', {})).toBe(false);
    expect(isPermissionGranted('persistent-storage', 'file:///x', APP)).toBe(false);
  });

  it('grants the camera (video only, our main frame) for the desk scanner, never the microphone', () => {
    const { request, check } = hardened();
    const ask = (url: string, mediaTypes: string[] | undefined, isMainFrame = true) => {
      const cb = vi.fn();
      request({}, 'media', cb, { requestingUrl: url, mediaTypes, isMainFrame });
      return cb.mock.calls[0]![0] as boolean;
    };
    expect(ask('app://skhod/index.html', ['video'])).toBe(true);
    expect(ask('app://skhod/index.html', ['audio'])).toBe(false);
    expect(ask('app://skhod/index.html', ['video', 'audio'])).toBe(false);
    expect(ask('app://skhod/index.html', [])).toBe(false);
    expect(ask('app://skhod/index.html', undefined)).toBe(false);
    expect(ask('app://skhod/index.html', ['video'], false)).toBe(false);
    expect(ask('https://evil.example/', ['video'])).toBe(false);
    // a silent check (navigator.permissions) still says no: the camera is asked for, when turned on
    expect(check({}, 'media', 'app://skhod', { mediaType: 'video' })).toBe(false);
    expect(isCameraRequest('geolocation', 'app://skhod/index.html', APP, { mediaTypes: ['video'], isMainFrame: true })).toBe(false);
  });

  it('cancels every request that would leave the app', () => {
    const { beforeRequest } = hardened();
    const verdict = (url: string) => {
      const cb = vi.fn();
      beforeRequest({ url }, cb);
      return (cb.mock.calls[0]![0] as { cancel: boolean }).cancel;
    };
    expect(verdict('app://skhod/assets/app.js')).toBe(false);
    expect(verdict('data:image/png;base64,AA==')).toBe(false);
    expect(verdict('https://evil.example/beacon')).toBe(true);
    expect(verdict('http://127.0.0.1:5173/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
  });

  it('lets the dev server and its hot-reload socket through in dev only', () => {
    expect(isAllowedRequestUrl('http://127.0.0.1:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAllowedRequestUrl('ws://127.0.0.1:5173/?token=x', DEV)).toBe(true);
    expect(isAllowedRequestUrl('ws://127.0.0.1:5173/', APP)).toBe(false);
    expect(isAllowedRequestUrl('ws://evil.example:5173/', DEV)).toBe(false);
  });
});

describe('CSP', () => {
  it('is strict', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data: blob:",
      'font-src': "'self' data:",
      'connect-src': "'self'",
      'worker-src': "'self' blob:",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
