import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildXlsx, neutralizeCell } from '../../../../shared/export/xlsx';

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
});
