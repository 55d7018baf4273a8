import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/skhod';
import { runCheckList } from '../../../cli/check-list-command';
import { hostileFiles, tempDir, writeFixture } from '../../fixtures/import-fixtures';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
beforeAll(() => {
  dir = tempDir('skhod-cli-');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('generate then check-list', () => {
  it.each([
    ['list.xlsx', []],
    ['list.xls', []],
    ['list.csv', ['--encoding', 'cp1251', '--delimiter', ';']],
    ['list-utf8.csv', ['--encoding', 'utf8-bom', '--delimiter', 'tab']],
  ] as const)('%s roundtrip', (name, extra) => {
    const file = join(dir, name);
    const truthFile = join(dir, name + '.truth.json');
    const gen = cli('generate', '--participants', '80', '--messy', '--seed', '9', '--out', file, '--truth', truthFile, ...extra);
    expect(gen.code).toBe(0);
    expect(gen.out).toContain('80 участников');
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as { headerRow: number; people: unknown[]; errorRows: number[]; duplicates: Array<{ row: number; of: number }> };

    const check = cli('check-list', file, '--json', '--records');
    expect(check.code).toBe(0);
    const report = JSON.parse(check.out);
    expect(Object.keys(report)).toEqual(['file', 'format', 'encoding', 'sheet', 'headerRow', 'mapping', 'rows', 'valid', 'errors', 'duplicatesInFile', 'records']);
    expect(report.file).toBe(file);
    expect(report.headerRow).toBe(truth.headerRow);
    expect(report.rows).toBe(truth.people.length + truth.errorRows.length);
    expect(report.errors.map((e: { row: number }) => e.row)).toEqual(truth.errorRows);
    const pairs = new Set(report.duplicatesInFile.map((p: number[]) => p.join(',')));
    for (const d of truth.duplicates) expect(pairs.has(`${d.of},${d.row}`)).toBe(true);
    expect(report.records).toHaveLength(report.rows);
  });

  it('prints a Russian summary without --json', () => {
    const file = join(dir, 'summary.xlsx');
    expect(cli('generate', '--participants', '30', '--messy', '--out', file).code).toBe(0);
    const r = cli('check-list', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Лист «Делегаты», заголовок в строке 6/);
    expect(r.out).toMatch(/Строк с людьми: \d+, без ошибок: \d+/);
    expect(r.out).toMatch(/ФИО ← «Ф\.И\.О\. \(полностью\)»/);
    expect(r.out).toMatch(/Возможные дубликаты/);
  });

  it('keeps its summary and refusals Russian when the interface language is English (the words come from the same catalogs)', async () => {
    const file = join(dir, 'summary-en.csv');
    expect(cli('generate', '--participants', '30', '--messy', '--encoding', 'cp1251', '--delimiter', ';', '--out', file).code).toBe(0);
    await i18next.changeLanguage('en');
    try {
      const r = cli('check-list', file);
      expect(r.out).toMatch(/^Файл: .*summary-en\.csv — CSV, Windows-1251 \(Кириллица\), разделитель: точка с запятой «;»$/m);
      expect(r.out).toMatch(/^ {2}Телефон ← «/m);
      expect(r.out).toMatch(/строки \d+ и \d+: (то же ФИО|те же инициалы|то же ФИО без отчества|имя и фамилия переставлены|тот же телефон)/);
      const pdf = cli('check-list', writeFixture(dir, 'en.xlsx', hostileFiles.find((h) => h.code === 'not-a-spreadsheet')!.bytes()));
      expect(pdf.err).toMatch(/: Это не таблица, а PDF-документ\. .* \[not-a-spreadsheet\]$/);
    } finally {
      await i18next.changeLanguage('ru');
    }
  });

  it('writes the same file for the same seed', () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    cli('generate', '--participants', '20', '--messy', '--seed', '4', '--out', a);
    cli('generate', '--participants', '20', '--messy', '--seed', '4', '--out', b);
    expect(readFileSync(a)).toEqual(readFileSync(b));
  });
});

describe('check-list on files it cannot read', () => {
  it.each(hostileFiles.map((h) => [h.name, h] as const))('%s → exit 2 with { file, error }', (_name, h) => {
    const file = writeFixture(dir, h.fileName, h.bytes());
    const r = cli('check-list', file, '--json');
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['file', 'error']);
    expect(json).toMatchObject({ file, error: { code: h.code } });
  });

  it('reports a missing file the same way', () => {
    const r = cli('check-list', join(dir, 'nope.xlsx'), '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.code).toBe('not-found');
  });

  it('prints the message to stderr without --json', () => {
    const file = writeFixture(dir, 'empty.csv', new Uint8Array(0));
    const r = cli('check-list', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Файл пустой.*\[empty-file\]/);
  });
});

describe('usage', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['check-list']],
    [['check-list', 'a.xlsx', 'b.xlsx']],
    [['check-list', 'a.xlsx', '--participants', '3']],
    [['generate', '--out', 'x.xlsx']],
    [['generate', '--participants', 'много', '--out', 'x.xlsx']],
    [['generate', '--participants', '5', '--out', 'x.pdf']],
    [['generate', '--participants', '5', '--out', 'x.csv', '--encoding', 'koi8']],
    [['generate', '--participants', '5', '--out', 'x.csv', '--delimiter', '|']],
    [['generate', '--participants', '5', '--out', 'x.xlsx', '--seed', '1.5']],
    [['check-list', 'a.xlsx', '--jsn']],
  ])('%j → 64 with help', (argv) => {
    const r = cli(...argv);
    expect(r.code).toBe(64);
    expect(r.err).toContain('Использование:');
  });

  it('--help prints the help and exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('check-list ФАЙЛ');
  });
});

describe('as a process (npm run cli)', () => {
  const tsx = join(repo, 'node_modules', '.bin', 'tsx');

  it.skipIf(!existsSync(tsx))('exits 2 with the error JSON on stdout, 64 on bad usage, 0 on success', async () => {
    const pdf = writeFixture(dir, 'renamed.xlsx', hostileFiles.find((h) => h.code === 'not-a-spreadsheet')!.bytes());
    const failed = await run(tsx, ['cli/skhod.ts', 'check-list', pdf, '--json'], { cwd: repo }).catch((e: { code: number; stdout: string }) => e);
    expect('code' in failed && failed.code).toBe(2);
    expect(JSON.parse(failed.stdout)).toMatchObject({ file: pdf, error: { code: 'not-a-spreadsheet' } });

    const usage = await run(tsx, ['cli/skhod.ts', 'bogus'], { cwd: repo }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in usage && usage.code).toBe(64);

    const out = join(dir, 'proc.xlsx');
    await run(tsx, ['cli/skhod.ts', 'generate', '--participants', '15', '--out', out, '--messy'], { cwd: repo });
    const ok = await run(tsx, ['cli/skhod.ts', 'check-list', out, '--json'], { cwd: repo });
    expect(JSON.parse(ok.stdout)).toMatchObject({ format: 'xlsx', sheet: 'Делегаты' });
  });
});

describe('check-list time limit', () => {
  it('stops at the time limit with the named error and exit 2, like the app', () => {
    const file = join(dir, 'slow.xlsx');
    expect(cli('generate', '--participants', '2000', '--out', file).code).toBe(0);
    const out: string[] = [];
    const code = runCheckList(file, { json: true, records: false, maxMillis: 1 }, { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(2);
    expect(JSON.parse(out.join('\n'))).toEqual({ file, error: { code: 'timeout', message: expect.stringMatching(/^Чтение файла заняло больше/) } });
  });

  it('answers within the limit through the same worker', () => {
    const file = join(dir, 'quick.xlsx');
    expect(cli('generate', '--participants', '20', '--out', file).code).toBe(0);
    const out: string[] = [];
    expect(runCheckList(file, { json: true, records: false, maxMillis: 60_000 }, { out: (t) => out.push(t), err: (t) => out.push(t) })).toBe(0);
    expect(JSON.parse(out.join('\n')).rows).toBe(20);
  });
});

