import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPackage } from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { createRequire } from 'node:module';

const { fuseConfig } = createRequire(import.meta.url)('../../../scripts/fuses.cjs') as { fuseConfig: Record<string, unknown> };

/**
 * The packing check that runs without an Electron binary: electron-builder packs the real build into
 * a Linux folder around a stand-in "Electron" (a file carrying the fuse wire where Electron has it),
 * and we look inside what it produced.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// 4 MiB until issue 19; the hub's TLS certificates (selfsigned → @peculiar/x509, asn1js, pkijs) add ~1 MB;
// the SVG charts (recharts and its d3 parts, issue 23) ~0.1 MB more than chart.js did; shared/'s message
// catalogs in both languages (issue 23, shared/text/said.ts) ~27 KB for the import's alone — in the i18n chunk,
// and the Russian ones again in the import's parse worker, which words each refusal's Error.message
const ASAR_BUDGET_BYTES = 6 * 1024 * 1024 + 128 * 1024;

let work: string;
let out: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'skhod-pack-'));
  const dist = path.join(work, 'electron-dist');
  out = path.join(work, 'out');
  execFileSync('mkdir', ['-p', dist]);
  // version 1 wire of 8 fuses, all "on" as a fresh Electron ships them
  const wire = Buffer.from([1, 8, ...Buffer.from('11111111')]);
  writeFileSync(path.join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.alloc(32), Buffer.from(SENTINEL), wire, Buffer.alloc(32)]), { mode: 0o755 });
  execFileSync('npm', ['run', 'build'], { stdio: 'pipe' });
  execFileSync('node', ['scripts/make-icons.mjs'], { stdio: 'pipe' });
  execFileSync(
    'npx',
    ['electron-builder', '--linux', 'dir', `-c.electronDist=${dist}`, '-c.electronVersion=45.5.0', `-c.directories.output=${out}`, '--config', 'electron-builder.yml'],
    { stdio: 'pipe' },
  );
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packed app', () => {
  it('holds the main process, the preload, the renderer build and package.json in app.asar', () => {
    const files = listPackage(path.join(out, 'linux-unpacked/resources/app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    for (const needed of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']) {
      expect(files).toContain(needed);
    }
    expect(files.some((f) => /^\/dist\/renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
  });

  it('leaves out tests, sources, fixtures, source maps and node_modules', () => {
    const files = listPackage(path.join(out, 'linux-unpacked/resources/app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    const forbidden = files.filter((f) => /^\/(tests|renderer|shared|electron|cli|scripts|node_modules|resources)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts') || f.endsWith('.tsx'));
    expect(forbidden).toEqual([]);
  });

  it('keeps the hub\'s parse worker beside the asar, where a worker thread can load it', () => {
    expect(statSync(path.join(out, 'linux-unpacked/resources/app.asar.unpacked/dist/electron/hub-parse-worker.cjs')).size).toBeGreaterThan(1000);
  });

  it('stays under its size budget', () => {
    expect(statSync(path.join(out, 'linux-unpacked/resources/app.asar')).size).toBeLessThan(ASAR_BUDGET_BYTES);
  });

  it('has its fuses flipped as declared', async () => {
    const wire = (await getCurrentFuseWire(path.join(out, 'linux-unpacked/skhod'))) as unknown as Record<number, number>;
    const state = (on: unknown) => (on ? 49 : 48); // '1' / '0'
    for (const option of Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number')) {
      expect(wire[option], FuseV1Options[option]).toBe(state(fuseConfig[option]));
    }
    expect(wire[FuseV1Options.RunAsNode]).toBe(48);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(49);
  });
});
