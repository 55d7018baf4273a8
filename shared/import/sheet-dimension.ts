/**
 * Refuses an xlsx whose sheet declares more rows than the limit, before anything inflates its rows.
 * Every writer we know (Excel, LibreOffice, SheetJS, exceljs, openpyxl) puts `<dimension ref="A1:K1000001"/>`
 * at the top of each sheet's XML, so the first kilobytes of the entry say how tall the sheet is: a
 * million-row sheet is refused in milliseconds instead of after SheetJS has inflated and parsed it. A
 * sheet without the element, or one that understates its size, still meets the row cap after parsing
 * (`toSheet` in read.ts) within the worker's time limit.
 */
import { ImportError } from './errors';
import { said } from '../text/said';
import { inflateRawHead } from './inflate-head';
import type { ImportLimits } from './types';
import type { ZipEntry, ZipInspection } from './zip';

/** How much of a sheet's XML is inflated to find its `<dimension>` (it follows the root and `<sheetPr>`). */
const HEAD_BYTES = 16 * 1024;
const SHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/;

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);

/** The first `limit` bytes an entry inflates to (as far as it can be inflated), or null for a method other than store or deflate. */
export function entryHead(bytes: Uint8Array, entry: ZipEntry, limit: number): Uint8Array | null {
  const start = entry.localOffset + 30 + u16(bytes, entry.localOffset + 26) + u16(bytes, entry.localOffset + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.subarray(0, limit);
  if (entry.method !== 8) return null;
  return inflateRawHead(data, limit, true);
}

/** The last row a sheet's `<dimension ref>` names (1-based), or null when the head has none. */
export function declaredLastRow(xmlHead: string): number | null {
  const m = /<(?:[\w-]+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']/.exec(xmlHead);
  if (!m) return null;
  const rows = [...m[1]!.matchAll(/[A-Za-z]*\$?(\d+)/g)].map((r) => Number(r[1]));
  return rows.length ? Math.max(...rows) : null;
}

const decoder = new TextDecoder('utf-8');

/** Sheet file → the name the user sees, from workbook.xml and its relationships; {} if they cannot be read. */
function sheetNames(bytes: Uint8Array, zip: ZipInspection): Map<string, string> {
  const text = (name: string) => {
    const entry = zip.entries.find((e) => e.name.replace(/^\//, '') === name);
    const head = entry ? entryHead(bytes, entry, 1024 * 1024) : null;
    return head ? decoder.decode(head) : '';
  };
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<(?:[\w-]+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\b(?:[\w-]+:)?id="([^"]*)"/.exec(m[0])?.[1];
    const file = id ? targets.get(id) : undefined;
    if (name && file) out.set(file, unescapeXml(name));
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** Throws 'too-many-rows' when a sheet of the book declares more than `limits.maxRows` rows. */
export function refuseDeclaredTallSheets(bytes: Uint8Array, zip: ZipInspection, limits: ImportLimits): void {
  for (const entry of zip.entries) {
    const file = entry.name.replace(/^\//, '');
    if (!SHEET_PART.test(file)) continue;
    const head = entryHead(bytes, entry, HEAD_BYTES);
    const rows = head ? declaredLastRow(decoder.decode(head)) : null;
    if (rows === null || rows <= limits.maxRows) continue;
    const name = sheetNames(bytes, zip).get(file) ?? file.split('/').pop()!;
    throw new ImportError('too-many-rows', said('fileImport:tooManyRowsDeclared', { sheet: name, rows, max: limits.maxRows }), { sheet: name });
  }
}
