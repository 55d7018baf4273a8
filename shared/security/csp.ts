/**
 * The Content-Security-Policy of the renderer — one string for every place that applies it:
 * the `app://` protocol handler sends it as a header on every response, and the renderer build
 * injects it as a <meta> tag (so `npm run web` in plain Chromium gets the same policy).
 *
 * SECURITY: keep it strict. The app is offline and loads nothing from elsewhere, so there is no
 * reason for any remote source, `unsafe-eval` or inline scripts. `'unsafe-inline'` for styles is
 * there only because React/libraries set `style=` attributes; it does not allow script.
 * Pure string, no imports: it is read by the main process, the renderer build and tests alike.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
