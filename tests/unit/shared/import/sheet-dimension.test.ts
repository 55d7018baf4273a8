/**
 * Issue 22: an oversize sheet is refused from what its XML declares at the top, before its rows are
 * inflated; the small DEFLATE decoder that reads that head agrees with zlib.
 */
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, readSpreadsheet } from '../../../../shared/import';
import { inflateRawHead } from '../../../../shared/import/inflate-head';
import { declaredLastRow } from '../../../../shared/import/sheet-dimension';
import { tallSheetHeadOnly, tallSheetXlsx } from '../../../fixtures/import-fixtures';

function errorOf(fn: () => unknown): ImportError | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  return undefined;
}

describe('inflateRawHead', () => {
  it('gives exactly the prefix zlib inflates to, for text, random bytes and every compression level', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 3000 }).map((s) => Buffer.from(s.repeat(3))), fc.uint8Array({ maxLength: 5000 }).map((a) => Buffer.from(a))),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 20_000 }),
        (data, level, limit) => {
          const head = inflateRawHead(new Uint8Array(deflateRawSync(data, { level })), limit);
          expect(Buffer.from(head).equals(data.subarray(0, limit))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stops at the limit: the head of a 50 MB stream comes out of its first compressed bytes', () => {
    const xml = Buffer.from('<row r="1"><c><v>1</v></c></row>'.repeat(1_600_000));
    const deflated = new Uint8Array(deflateRawSync(xml));
    // a stream cut at 4 KB still yields the head; the decoder never looked further
    expect(Buffer.from(inflateRawHead(deflated.subarray(0, 4096), 8192)).equals(xml.subarray(0, 8192))).toBe(true);
  });

  it('throws on a malformed stream', () => {
    expect(() => inflateRawHead(new Uint8Array([0xff, 0xff, 0xff]), 100)).toThrow(/malformed/);
  });
});

describe('declaredLastRow', () => {
  it.each([
    ['<worksheet><dimension ref="A1:K1000001"/>', 1_000_001],
    ['<x:worksheet><x:dimension ref="B3:C7"/>', 7],
    ['<worksheet><dimension ref="A1"/>', 1],
    ["<worksheet><dimension ref='$A$1:$B$20'/>", 20],
    ['<worksheet><sheetData>', null],
  ])('%s → %s', (xml, rows) => expect(declaredLastRow(xml)).toBe(rows));
});

describe('a sheet over the row limit is refused from its declared size', () => {
  it('a real million-row xlsx: «too-many-rows» naming the sheet and the count', () => {
    const bytes = tallSheetXlsx(1_000_000);
    const error = errorOf(() => readSpreadsheet(bytes, { fileName: 'million.xlsx' }));
    expect(error).toMatchObject({ code: 'too-many-rows', sheet: 'Делегаты' });
    expect(error!.message).toMatch(/«Делегаты» 1\s000\s001 строк/);
  });

  it('decides from the head alone: the rest of the sheet is never inflated', () => {
    // after its first line the sheet is random bytes: SheetJS would fail on them, our check never reads them
    const error = errorOf(() => readSpreadsheet(tallSheetHeadOnly(), { fileName: 'head.xlsx' }));
    expect(error?.code).toBe('too-many-rows');
  });

  it('a sheet that understates its size still meets the row cap after parsing; an honest small one reads', () => {
    expect(errorOf(() => readSpreadsheet(tallSheetXlsx(30, 'A1:B2'), { fileName: 'lie.xlsx', limits: { maxRows: 20 } }))?.code).toBe('too-many-rows');
    const ok = readSpreadsheet(tallSheetXlsx(19), { fileName: 'ok.xlsx', limits: { maxRows: 20 } });
    expect(ok.sheets[0]!.rows).toHaveLength(20);
    expect(ok.sheets[0]!.rows[19]).toEqual(['Иванов18 Иван', '18']);
  });
});
