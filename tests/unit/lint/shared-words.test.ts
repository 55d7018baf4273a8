import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { russianLiterals, sources } from './russian-literals';

// What shared/ says to a person is a Said whose Russian and English words live in shared/text/messages
// (issue 23), never a Russian literal in the code: the renderer words it in the interface language, the
// CLI and logs in Russian (shared/text/said.ts). This scans every string and template literal of shared/
// (comments and regular expressions are not literals) and fails on Cyrillic outside the files below,
// which hold data that is Russian by nature — each with the reason it may.
const ALLOWED: ReadonlyArray<readonly [prefix: string, reason: string]> = [
  ['shared/text/messages/', 'the message catalogs themselves: this is where the words live'],
  ['shared/generator/', 'generated realistic people, organizations and places: test and demo data'],
  ['shared/demo/', 'the demo event: project titles, notes and comments are data it stores'],
  ['shared/projects/demo-followup.ts', 'the demo projects’ communities, milestones and reports: stored data'],
  ['shared/contest/template.ts', 'the grant contest template: criteria, level descriptions and titles stored with a contest'],
  ['shared/domain/federal-districts.ts', 'the federal districts of Russia: reference data'],
  ['shared/import/formats.ts', 'the column headers of the Russian import templates: they must match the files people fill in'],
  ['shared/import/header.ts', 'the record-key column header of the district template: it must match the files people fill in'],
  ['shared/import/cp1251.ts', 'the Windows-1251 code page: letters as data'],
  ['shared/import/names.ts', 'given names and patronymic endings the name parser recognises'],
  ['shared/import/municipality.ts', 'words of place names («г.», «район») the municipality matcher reads'],
  ['shared/import/normalize.ts', 'words people type for «none» («нет», «отсутствует»), read by the normalizer'],
  ['shared/reports/summary.ts', 'the final report’s Russian summary paragraph: a document in Russian, declined by rule'],
  ['shared/projects/summary.ts', 'the projects’ Russian summary paragraph of the final report: a document in Russian'],
  ['shared/search/', 'search folding, transliteration and keyboard layouts: Russian letters as data'],
  ['shared/text/spelling.ts', 'spelling folds (Turkic letters, look-alike Latin letters): letters as data'],
  ['shared/text/format.ts', 'the Russian units of sizes («КБ», «МБ»): the format module writes each language'],
  ['shared/people/phone.ts', 'words people type around phone numbers («доб.», «тел.»), read by the parser'],
  ['shared/sections/prefs.ts', 'words people type in section preferences («и», «или»), read by the parser'],
  ['shared/trust/enrolment.ts', 'the organizer device’s default name, stored as data on every device'],
];

/** Temporary entries for areas whose messages are still moving to the catalogs: none left (keep the test below). */
const PENDING: ReadonlyArray<readonly [prefix: string, reason: string]> = [];

describe('shared/ words', () => {
  const root = process.cwd();
  const files = sources(join(root, 'shared')).map((f) => relative(root, f).split('\\').join('/'));
  const allowed = (file: string) => [...ALLOWED, ...PENDING].some(([prefix]) => file.startsWith(prefix));

  it('no Russian string or template literal in shared/ outside the data files', () => {
    const found = files.filter((f) => !allowed(f)).flatMap((f) => russianLiterals(f, readFileSync(join(root, f), 'utf8')));
    expect(found).toEqual([]);
  });

  const russian = (f: string) => russianLiterals(f, readFileSync(join(root, f), 'utf8')).length > 0;

  it('every allowed file still exists and still holds Russian (an entry that no longer does goes)', () => {
    expect(ALLOWED.filter(([prefix]) => !files.some((f) => f.startsWith(prefix) && russian(f)))).toEqual([]);
  });

  it('a pending entry goes once its files hold no Russian beyond the allowed data', () => {
    const covered = (f: string) => ALLOWED.some(([prefix]) => f.startsWith(prefix));
    expect(PENDING.filter(([prefix]) => !files.some((f) => f.startsWith(prefix) && !covered(f) && russian(f)))).toEqual([]);
  });

  it('finds a Russian literal in a string and in a template, not in a comment or a regular expression', () => {
    const sample = [
      '// Комментарий',
      "const a = 'Файл не принят';",
      'const b = `Отчёт ${n}-го раунда`;',
      'const c = /^тел\\.?/;',
      "const d = 'ok';",
    ].join('\n');
    expect(russianLiterals('x.ts', sample)).toEqual(['x.ts:2: Файл не принят', 'x.ts:3: Отчёт ', 'x.ts:3: -го раунда']);
  });
});
