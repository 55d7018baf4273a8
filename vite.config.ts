import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The built app carries its CSP as a meta tag too, so the browser build (npm run web) is held to the
 * same policy as Electron, where the app:// protocol also sends it as a header. Not in dev: Vite's
 * dev server injects inline scripts for hot reload.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'skhod-csp',
    apply: 'build',
    transformIndexHtml: () => [
      // frame-ancestors only works as a header (Electron sends it); in a meta tag browsers ignore it and warn
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY.replace(/;\s*frame-ancestors[^;]*/, '') },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The entry chunk (main.tsx) starts all its dynamic imports at once — the app, the language layer, the
 * splash, the bridge — but the browser would learn of their chunks only after the entry has been
 * fetched, compiled and run. Naming them in the page lets their ~30 files be fetched and compiled
 * beside the entry from the first moment (tests/e2e/shell.spec.ts checks the built page).
 */
function preloadStartChunks(): Plugin {
  return {
    name: 'skhod-preload-start-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry || entry.type !== 'chunk') return [];
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (file: string) => {
          const chunk = bundle[file];
          if (!chunk || chunk.type !== 'chunk' || scripts.has(file) || file === entry.fileName || entry.imports.includes(file)) return;
          scripts.add(file);
          chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach(visit);
        };
        entry.dynamicImports.forEach(visit);
        return [
          ...[...scripts].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          ...[...styles].map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

// The renderer is a plain web app: the same build runs inside Electron (app://skhod) and in any
// Chromium through the browser bridge (npm run web), which is how e2e tests and benchmarks run here.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), contentSecurityPolicy(), preloadStartChunks()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
