import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildXlsx, fitCell, neutralizeCell, XLSX_CELL_LIMIT } from '../../../../shared/export/xlsx';

describe('xlsx export', () => {
  it.each(['=HYPERLINK("http://evil","x")', '+7 917', '-1+1', '@SUM(A1)', '\t=1', '\r=1'])('neutralizes %j', (text) => {
    expect(neutralizeCell(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutralizeCell('Галиуллина Алия Хамитовна')).toBe('Галиуллина Алия Хамитовна');
    expect(neutralizeCell('ТОС «Соседи» = дружба')).toBe('ТОС «Соседи» = дружба');
  });

  it('writes a compressed workbook whose text cells carry no formulas', () => {
    const bytes = buildXlsx([{ name: 'Секция: 1/2', rows: [['ФИО', 'Число'], ['=1+1', 5]] }]);
    expect(bytes[0]).toBe(0x50); // PK: a zip
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    expect(wb.SheetNames).toEqual(['Секция  1 2']);
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    expect(ws.A2?.f).toBeUndefined();
    expect(ws.A2?.v).toBe("'=1+1");
    expect(ws.B2?.v).toBe(5);
  });

  it('never throws on text longer than a cell holds: cuts it with a marker that says how long it was', () => {
    const surname = 'Ж'.repeat(100_000);
    const emoji = 'x'.repeat(XLSX_CELL_LIMIT - 40) + '😀'.repeat(100);
    const bytes = buildXlsx([{ name: 'Участники', rows: [['Фамилия'], [surname], [emoji], ['Иванов']] }]);
    const ws = XLSX.read(bytes, { type: 'array' }).Sheets['Участники']!;
    const cut = String(ws.A2?.v);
    expect(cut.length).toBeLessThanOrEqual(XLSX_CELL_LIMIT);
    expect(cut.startsWith('ЖЖЖ')).toBe(true);
    expect(cut.endsWith('[обрезано: было 100\u00a0000 знаков]')).toBe(true);
    expect(String(ws.A3?.v)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(ws.A4?.v).toBe('Иванов');
    expect(fitCell('Иванов')).toBe('Иванов');
  });
});
