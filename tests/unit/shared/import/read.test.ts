import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ImportErrorCode } from '../../../../shared/import';
import {
  ImportError,
  checkList,
  isEncryptedCfb,
  readSpreadsheet,
  sheetToCsv,
  sheetToXlsx,
  analyzeList,
} from '../../../../shared/import';
import {
  encryptedXlsx,
  formulasXlsx,
  hostileFiles,
  loadMunicipalities,
  messyList,
  millionRowCsv,
  protoHeaderXlsx,
  restreamXlsx,
  tallXlsx,
  workbook,
  writeZip,
  zipBombDeflated,
} from '../../../fixtures/import-fixtures';

const municipalities = loadMunicipalities();

function codeOf(fn: () => unknown): ImportErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  return undefined;
}

describe('hostile files give their named error', () => {
  it.each(hostileFiles.map((h) => [h.name, h] as const))('%s', (_name, h) => {
    const result = checkList(h.bytes(), { fileName: h.fileName, municipalities });
    expect(result).toMatchObject({ file: h.fileName, error: { code: h.code } });
    if ('error' in result) {
      // every message is Russian and says what to do
      expect(result.error.message).toMatch(/[А-Яа-яЁё]/);
      expect(result.error.message.length).toBeGreaterThan(30);
    }
  });

  it('refuses a real zip bomb (200 MB of zeros deflated) before inflating it', () => {
    const bomb = zipBombDeflated(200);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(codeOf(() => readSpreadsheet(bomb, { fileName: 'bomb.xlsx' }))).toBe('zip-bomb');
  });

  it('refuses a sheet over the row limit (low limit) and a CSV of 1,000,001 real lines', () => {
    expect(codeOf(() => readSpreadsheet(tallXlsx(30), { fileName: 't.xlsx', limits: { maxRows: 20 } }))).toBe('too-many-rows');
    expect(codeOf(() => readSpreadsheet(tallXlsx(19), { fileName: 't.xlsx', limits: { maxRows: 20 } }))).toBeUndefined();
    expect(codeOf(() => readSpreadsheet(millionRowCsv(), { fileName: 'm.csv' }))).toBe('too-many-rows');
  });

  it('refuses a file over the byte limit without parsing it', () => {
    expect(codeOf(() => readSpreadsheet(new Uint8Array(2048), { fileName: 'x.csv', limits: { maxBytes: 1024 } }))).toBe('too-large');
  });

  it('names the column of a forbidden header and pollutes nothing', () => {
    let error: ImportError | undefined;
    try {
      analyzeList(protoHeaderXlsx(), { fileName: 'proto.xlsx', municipalities });
    } catch (e) {
      error = e as ImportError;
    }
    expect(error?.code).toBe('bad-header');
    expect(error?.column).toBe('B');
    expect(error?.message).toContain('__proto__');
    // reading the sheet itself (what SheetJS sees) must not pollute either
    const read = readSpreadsheet(protoHeaderXlsx(), { fileName: 'proto.xlsx' });
    expect(read.sheets[0]!.rows[0]).toEqual(['ФИО', '__proto__', 'constructor', 'Телефон']);
    const csv = new TextEncoder().encode('ФИО;__proto__;constructor\nИванов Иван;polluted;{"polluted":1}\n');
    expect(checkList(csv, { fileName: 'p.csv', municipalities })).toMatchObject({ error: { code: 'bad-header' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('detects an encrypted OOXML container by its stream names', () => {
    expect(isEncryptedCfb(new Set(['EncryptionInfo', 'EncryptedPackage']))).toBe(true);
    expect(isEncryptedCfb(new Set(['Workbook', 'SummaryInformation']))).toBe(false);
    expect(codeOf(() => readSpreadsheet(encryptedXlsx(), { fileName: 'a.xls' }))).toBe('password-protected');
  });

  it('tells a Word document and a plain zip from a spreadsheet', () => {
    const doc = writeZip([{ name: 'word/document.xml', data: new TextEncoder().encode('<w/>'), method: 0, uncompressedSize: 4 }]);
    expect(codeOf(() => readSpreadsheet(doc, { fileName: 'a.xlsx' }))).toBe('not-a-spreadsheet');
    const zip = writeZip([{ name: 'photo.jpg', data: new Uint8Array([1, 2, 3]), method: 0, uncompressedSize: 3 }]);
    expect(codeOf(() => readSpreadsheet(zip, { fileName: 'a.xlsx' }))).toBe('not-a-spreadsheet');
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body>Список делегатов</body></html>');
    expect(codeOf(() => readSpreadsheet(page, { fileName: 'a.xls' }))).toBe('not-a-spreadsheet');
  });

  it('calls a file of blanks empty', () => {
    expect(codeOf(() => readSpreadsheet(new TextEncoder().encode(';;;\r\n;;;\r\n'), { fileName: 'a.csv' }))).toBe('empty-file');
  });
});

describe('readSpreadsheet', () => {
  it('reads an xlsx whose entries defer their sizes to data descriptors (streaming writers)', () => {
    const list = messyList(4, 30);
    const direct = readSpreadsheet(sheetToXlsx(list), { fileName: 'a.xlsx' });
    const streamed = readSpreadsheet(restreamXlsx(sheetToXlsx(list)), { fileName: 'a.xlsx' });
    expect(streamed.sheets[0]!.rows).toEqual(direct.sheets[0]!.rows);
  });

  it('reads cells as shown: phones typed as numbers keep their digits, merges survive', () => {
    const list = messyList(5, 20);
    const read = readSpreadsheet(sheetToXlsx(list), { fileName: 'a.xlsx' });
    const sheet = read.sheets[0]!;
    expect(read.format).toBe('xlsx');
    expect(sheet.name).toBe('Делегаты');
    // the writer stores digit-only cells as numbers; every cell must come back as the same text
    list.rows.forEach((row, r) => row.forEach((cell, c) => expect(sheet.rows[r]?.[c] ?? '').toBe(cell)));
    expect(sheet.merges).toEqual(expect.arrayContaining(list.merges));
  });

  it('reads formulas as the values Excel saved and says so', () => {
    const a = analyzeList(formulasXlsx(), { fileName: 'f.xlsx', municipalities });
    const sheet = a.read.sheets[0]!;
    expect(sheet.hasFormulas).toBe(true);
    expect(sheet.formulaCells).toEqual(expect.arrayContaining([{ r: 1, c: 1 }, { r: 2, c: 0 }]));
    expect(a.records.map((r) => [r.row, r.surname, r.phone])).toEqual([
      [2, 'Галиуллина', '+79173451234'],
      [3, 'Иванов', '+79173451235'],
    ]);
    const formulaWarnings = a.warnings.filter((w) => w.message.includes('формула'));
    expect(formulaWarnings.map((w) => [w.row, w.field])).toEqual([
      [2, 'phone'],
      [3, 'fullName'],
    ]);
    expect(formulaWarnings[0]!.message).toBe('Лист «Делегаты», строка 2: в столбце «Телефон» формула — взято значение, сохранённое в файле («+7 917 345-12-34»)');
  });

  it('chooses the delegates sheet over an instructions sheet and skips hidden ones', () => {
    const bytes = workbook([
      { name: 'Инструкция', rows: [['Заполните лист «Делегаты»'], ['Фамилия пишите полностью']] },
      { name: 'Делегаты', rows: [['ФИО', 'Телефон'], ['Галиуллина Алия Хамитовна', '89173451234']] },
    ]);
    expect(checkList(bytes, { fileName: 'a.xlsx', municipalities })).toMatchObject({ sheet: 'Делегаты', headerRow: 1, rows: 1, valid: 1 });
  });

  it('detects CSV encodings and delimiters', () => {
    const list = messyList(6, 20);
    const cases = [
      ['windows-1251', ';'],
      ['utf-8', ','],
      ['utf-8-bom', '\t'],
    ] as const;
    for (const [encoding, delimiter] of cases) {
      const read = readSpreadsheet(sheetToCsv(list, { encoding, delimiter }), { fileName: 'list.csv' });
      expect(read).toMatchObject({ format: 'csv', encoding, delimiter });
      expect(read.sheets[0]!.rows[6]?.slice(1, 3)).toEqual(list.rows[6]?.slice(1, 3));
    }
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'ФИО\tТел\r\n'].map((c) => c.charCodeAt(0))).buffer)]);
    expect(readSpreadsheet(utf16, { fileName: 'u.txt' })).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', sheets: [{ rows: [['ФИО', 'Тел']] }] });
  });

  it('reads an OpenDocument spreadsheet (LibreOffice)', () => {
    const list = messyList(8, 20);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(list.rows), 'Делегаты');
    const ods = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'ods' }) as ArrayBuffer);
    expect(checkList(ods, { fileName: 'a.ods', municipalities })).toMatchObject({ format: 'ods', sheet: 'Делегаты', rows: list.truth.people.length + 1 });
  });

  it('reads an HTML table saved as .xls (Excel "web page", 1C exports)', () => {
    const html = new TextEncoder().encode('<html><body><table><tr><td>ФИО</td><td>Телефон</td></tr><tr><td>Галиуллина Алия Хамитовна</td><td>89173451234</td></tr></table></body></html>');
    expect(checkList(html, { fileName: 'a.xls', municipalities })).toMatchObject({ format: 'xls', rows: 1, valid: 1 });
  });
});
