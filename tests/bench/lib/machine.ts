/** Where a benchmark ran: the machine, and the versions of everything that shapes the figures. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { Machine, Versions } from './results';

export function machine(): Machine {
  const list = cpus();
  let os = `${type()} ${release()}`;
  if (existsSync('/etc/os-release')) {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) os = `${pretty[1]} (${os})`;
  }
  return { cpu: list[0]?.model.trim() ?? 'unknown', cores: list.length, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, os };
}

const PACKAGES = ['react', 'dexie', 'fuse.js', 'minisearch', '@leeoniya/ufuzzy', 'xlsx', 'vite', '@playwright/test', 'esbuild'];

export function versions(root: string, chromium: string): Versions {
  const out: Versions = { node: process.version, chromium };
  for (const name of PACKAGES) {
    try {
      out[name] = (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      out[name] = 'missing';
    }
  }
  return out;
}

/** `abc1234` or `abc1234+changes` when the working tree differs from the commit. */
export function commit(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

/** "156.0.8078.108" from Debian's wrapper (which may print shell noise on stderr, ignored). */
export function chromiumVersion(path: string): string {
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /(\d+\.\d+\.\d+\.\d+)/.exec(out)?.[1] ?? out.trim();
  } catch {
    return 'unknown';
  }
}
