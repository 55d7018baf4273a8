import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// No source file in renderer/ or shared/ over 400 lines (issue 24): a bigger one mixes purposes — split it
// by aggregate or purpose. Tests and generated data (.json) are not counted.
const MAX_LINES = 400;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('file size', () => {
  const root = process.cwd();
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length - (readFileSync(file, 'utf8').endsWith('\n') ? 1 : 0);
  const sizes = ['renderer', 'shared'].flatMap((d) => sources(join(root, d))).map((f) => ({ file: relative(root, f).split('\\').join('/'), lines: lines(f) }));

  it(`no file in renderer/ or shared/ is over ${MAX_LINES} lines`, () => {
    expect(sizes.filter((s) => s.lines > MAX_LINES)).toEqual([]);
  });
});
