import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvDelimiter } from '../../../../shared/import';
import { countRecords, decodeText, detectDelimiter, encodeWindows1251, fitsWindows1251, parseCsv, sheetToCsv, sheetToCsvText } from '../../../../shared/import';

const opts = { maxRows: 1_000_000, maxColumns: 256 };

describe('parseCsv', () => {
  it('respects quotes, doubled quotes, newlines in quotes and CRLF', () => {
    const text = 'ФИО;Должность\r\n"Иванов; Иван";"глава ""Совета"""\r\n"Петров\r\nПётр";\r\n';
    expect(parseCsv(text, ';', opts)).toEqual([
      ['ФИО', 'Должность'],
      ['Иванов; Иван', 'глава "Совета"'],
      ['Петров\r\nПётр', ''],
    ]);
  });

  it('keeps empty lines as rows so row numbers match what Excel shows', () => {
    expect(parseCsv('a\n\nb\n', ';', opts)).toEqual([['a'], [''], ['b']]);
    expect(countRecords('a\n\n"b\nc"\n')).toBe(3);
  });

  it('is lenient like Excel: a quote inside an unquoted field and an unterminated quote', () => {
    expect(parseCsv('ООО "Ромашка";1\n', ';', opts)).toEqual([['ООО "Ромашка"', '1']]);
    expect(parseCsv('"без конца;1\n2', ';', opts)).toEqual([['без конца;1\n2']]);
  });

  it('refuses too many rows before building them', () => {
    expect(() => parseCsv('a\n'.repeat(11), ';', { maxRows: 10, maxColumns: 10 })).toThrow(expect.objectContaining({ code: 'too-many-rows' }));
    expect(parseCsv('a\n'.repeat(10), ';', { maxRows: 10, maxColumns: 10 })).toHaveLength(10);
  });

  it('round-trips anything the writer writes (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('а', 'Ё', ';', ',', '"', '\n', '\r\n', ' ', 'x', '1', '\t') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom<CsvDelimiter>(';', ',', '\t'), (rows, d) => {
        const text = sheetToCsvText({ sheetName: 's', rows, merges: [] }, { delimiter: d, pad: false });
        expect(parseCsv(text, d, opts)).toEqual(rows);
      }),
    );
  });
});

describe('detectDelimiter', () => {
  it('picks the consistent delimiter under title rows, with commas inside ; fields', () => {
    const semi = 'Список делегатов от Бирского района\n\nФИО;Место работы;Телефон\nИванов Иван;ООО «Лес», Бирск;8917\nПетров Пётр;школа, № 2;8918\n';
    expect(detectDelimiter(semi)).toBe(';');
    expect(detectDelimiter('ФИО,Телефон,Район\nИванов,8917,Бирский\nПетров,8918,Уфа\n')).toBe(',');
    expect(detectDelimiter('ФИО\tТелефон\nИванов, Иван\t8917\n')).toBe('\t');
    expect(detectDelimiter('"Иванов; Иван",8917\n"Петров; Пётр",8918\n')).toBe(',');
  });
});

describe('decodeText', () => {
  it('tells UTF-8, UTF-8 with BOM and Windows-1251 apart', () => {
    const text = 'Галиуллина Алия Хамитовна; Ёлкина; № 5 «Школа» — да\r\n';
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(sheetToCsv({ sheetName: 's', rows: [[text.trimEnd()]], merges: [] }, { encoding: 'utf-8-bom', delimiter: ',' })).encoding).toBe('utf-8-bom');
    expect(decodeText(encodeWindows1251(text))).toEqual({ text, encoding: 'windows-1251' });
  });
});

describe('encodeWindows1251', () => {
  it('agrees with the platform decoder on every byte', () => {
    const decoder = new TextDecoder('windows-1251');
    for (let b = 0; b < 256; b++) {
      const ch = decoder.decode(Uint8Array.of(b));
      expect([b, Array.from(encodeWindows1251(ch))]).toEqual([b, [b]]);
    }
  });

  it('encodes Cyrillic, Ёё, №, «», — and replaces the rest with "?"', () => {
    expect(Array.from(encodeWindows1251('АяЁё№«»—'))).toEqual([0xc0, 0xff, 0xa8, 0xb8, 0xb9, 0xab, 0xbb, 0x97]);
    expect(new TextDecoder('windows-1251').decode(encodeWindows1251('ä😀'))).toBe('??');
    expect(fitsWindows1251('Ёлкина № 5')).toBe(true);
    expect(fitsWindows1251('Øyvind')).toBe(false);
  });
});
