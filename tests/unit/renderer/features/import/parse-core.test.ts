import { describe, expect, it } from 'vitest';
import { generateDelegateList, sheetToCsv, sheetToXlsx } from '../../../../../shared/generator';
import { isImportError } from '../../../../../shared/import/errors';
import { analyzeFile, readFile, WorkerFaultError } from '../../../../../renderer/features/import/parse-core';
import { initialRequest } from '../../../../../renderer/features/import/session';
import type { ImportBase } from '../../../../../renderer/db/repo/import';
import { pick, reference } from './pipeline';

const base: ImportBase = {
  eventId: 'e',
  stamp: { changes: 0, last: '' },
  registrations: [],
  people: new Map(),
  organizations: [],
  sections: [],
  delegations: [],
  municipalities: reference.map((m) => ({ ...m, id: `ref:${m.name}`, builtin: true })),
};

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isImportError(e) ? e.code : 'other';
  }
  return 'none';
};

describe('parse core (what the worker runs)', () => {
  it('reads a messy list: the sheet, the two-row header and its first rows', () => {
    const list = generateDelegateList({ seed: 1, count: 30, municipalities: pick('Бирский район'), messy: true });
    const { reply, file } = readFile(sheetToXlsx(list), 'список.xlsx');
    const sheet = reply.sheets[reply.chosen]!;
    expect(sheet.headerRow + 1).toBe(list.truth.headerRow);
    expect(sheet.headerRows).toBe(2);
    expect(sheet.head[0]![0]).toMatch(/^Список делегатов/);
    const analysis = analyzeFile(file, initialRequest(reply, reply.chosen, base));
    expect(analysis.errors.map((e) => e.row)).toEqual(list.truth.errorRows);
    expect(analysis.records).toHaveLength(list.truth.people.length + list.truth.errorRows.length);
    expect(analysis.inFile.length).toBeGreaterThanOrEqual(5);
  });

  it('reads a cp1251 csv the same way', () => {
    const list = generateDelegateList({ seed: 2, count: 20, municipalities: pick('г. Уфа'), messy: false });
    const { reply, file } = readFile(sheetToCsv(list, { encoding: 'windows-1251', delimiter: ';' }), 'list.csv');
    expect(reply).toMatchObject({ format: 'csv', encoding: 'windows-1251', delimiter: ';' });
    expect(analyzeFile(file, initialRequest(reply, 0, base)).records).toHaveLength(20);
  });

  it('reads a csv again with the encoding and delimiter the user picks', () => {
    const list = generateDelegateList({ seed: 2, count: 5, municipalities: pick('г. Уфа'), messy: false });
    const bytes = sheetToCsv(list, { encoding: 'windows-1251', delimiter: ';' });
    const wrong = readFile(bytes, 'list.csv', {}, { encoding: 'utf-8', delimiter: ',' }).reply;
    expect(wrong).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(wrong.sheets[0]!.head[0]!.join('')).toContain('\ufffd');
    const right = readFile(bytes, 'list.csv', {}, { encoding: 'windows-1251', delimiter: ';' }).reply;
    expect(right.sheets[0]!.head[0]!.slice(0, 2)).toEqual(['№', 'Фамилия']);
  });

  it('refuses hostile files with named errors', () => {
    expect(code(() => readFile(new Uint8Array(), 'x.xlsx'))).toBe('empty-file');
    expect(code(() => readFile(new TextEncoder().encode('%PDF-1.7\n...'), 'x.xlsx'))).toBe('not-a-spreadsheet');
    expect(code(() => readFile(sheetToXlsx({ sheetName: 'Л', rows: [['ФИО', '__proto__'], ['Иванов Иван Иванович', 'x']], merges: [] }), 'x.xlsx'))).toBe('bad-header');
    const zip = sheetToXlsx({ sheetName: 'Л', rows: [['ФИО'], ['Иванов Иван Иванович']], merges: [] });
    expect(code(() => readFile(zip.slice(0, zip.length - 40), 'x.xlsx'))).toBe('truncated');
  });

  it('a sheet without a recognizable name column is read with a notice, so columns can be set by hand', () => {
    const { reply, file } = readFile(sheetToXlsx({ sheetName: 'Л', rows: [['Кто', 'Откуда'], ['Иванов Иван Иванович', 'Уфа']], merges: [] }), 'x.xlsx');
    expect(reply.notice?.code).toBe('no-name-column');
    const req = initialRequest(reply, 0, base);
    expect(code(() => analyzeFile(file, req))).toBe('no-name-column');
    const analysis = analyzeFile(file, { ...req, mapping: { fullName: 0, municipality: 1 } });
    expect(analysis.records[0]).toMatchObject({ surname: 'Иванов', municipality: 'г. Уфа', municipalityMatched: true });
  });

  it('a fixed value fills a field for the whole sheet', () => {
    const { reply, file } = readFile(sheetToXlsx({ sheetName: 'Л', rows: [['ФИО'], ['Иванов Иван Иванович'], ['Петрова Анна Сергеевна']], merges: [] }), 'x.xlsx');
    const analysis = analyzeFile(file, { ...initialRequest(reply, 0, base), fixed: { municipality: 'Бирский район', category: 'НКО' } });
    expect(analysis.records.map((r) => [r.municipalityId, r.category])).toEqual([
      ['ref:Бирский район', 'НКО'],
      ['ref:Бирский район', 'НКО'],
    ]);
  });

  it('a sheet the file has not is a fault of the worker, as a code (the worker has no language layer)', () => {
    const { reply, file } = readFile(sheetToXlsx({ sheetName: 'Л', rows: [['ФИО'], ['Иванов Иван Иванович']], merges: [] }), 'x.xlsx');
    const failure = (() => {
      try {
        analyzeFile(file, { ...initialRequest(reply, 0, base), sheet: 5 });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(failure).toBeInstanceOf(WorkerFaultError);
    expect(failure).toMatchObject({ fault: 'no-sheet' });
  });
});
