// npm run dev: Vite dev server for the renderer (hot reload) + the Electron main process pointed at it.
// Where no Electron binary can run (CI, this project's build machines), the renderer stays available
// in a browser at the dev URL through its browser bridge.
//
// Environment: SKHOD_NO_ELECTRON=1 skips Electron entirely (no attempt to fetch its binary).
// Changes under electron/ need a restart of this script; renderer changes hot-reload.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

/** Runs a command to completion, inheriting the terminal; resolves with its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/** The Electron binary if it is already on disk — found without triggering any download. */
function installedElectron() {
  try {
    const pkgDir = path.dirname(require.resolve('electron/package.json'));
    const rel = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
    const bin = path.join(pkgDir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/**
 * The Electron binary path. Newer electron packages fetch the binary the first time
 * `require('electron')` runs; that is done in a child process so the dev server stays responsive.
 */
function resolveElectron() {
  const found = installedElectron();
  if (found !== null) return Promise.resolve(found);
  if (process.env.SKHOD_NO_ELECTRON) return Promise.resolve(null);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', () => resolve(null));
    child.on('exit', (code) => resolve(code === 0 && out && existsSync(out) ? out : null));
  });
}

const server = await createServer({ configFile: path.join(root, 'vite.config.ts') });
await server.listen();
const devUrl = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port ?? 5173}/`;
server.printUrls();

let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  await server.close();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

if ((await run(process.execPath, ['scripts/build-electron.mjs'])) !== 0) {
  console.error('\nСборка main/preload не удалась (ошибки выше). Интерфейс доступен в браузере: ' + devUrl);
} else {
  const electron = await resolveElectron();
  if (electron === null) {
    console.log(
      `\nElectron не найден или не запускается на этой машине.\n` +
        `Интерфейс работает в браузере (Chromium): ${devUrl}\n` +
        `Сервер разработки продолжает работать; остановить — Ctrl+C.`,
    );
  } else {
    const child = spawn(electron, ['.'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, SKHOD_DEV_SERVER_URL: devUrl },
    });
    process.on('SIGINT', () => child.kill('SIGINT'));
    child.on('error', (err) => {
      console.error(`\nНе удалось запустить Electron (${err.message}). Интерфейс доступен в браузере: ${devUrl}`);
    });
    // Closing the app window ends the dev session, as `npm start` would.
    child.on('exit', (code) => void shutdown(code ?? 0));
  }
}
