/**
 * CSV as district offices send it: whatever Excel wrote on their machine — UTF-8 with or without a BOM,
 * Windows-1251 ("CSV (разделители — запятые)" on a Russian Windows), Excel's «Текст Юникод» (UTF-16LE,
 * tabs) — separated by ';' (Russian Excel), ',' or tabs. We parse it ourselves rather than through
 * SheetJS so that every cell stays exactly the text in the file: a phone "89173451234" must not become
 * a number, a "01.02" must not become a date.
 */
import type { CsvDelimiter, TextEncoding } from './types';
import { ImportError } from './errors';
import { said, type Said } from '../text/said';

export type DecodedText = { text: string; encoding: TextEncoding };

const ENCODING_KEYS: Readonly<Record<TextEncoding, string>> = { 'utf-8': 'utf8', 'utf-8-bom': 'utf8Bom', 'windows-1251': 'cp1251', 'utf-16le': 'utf16' };
const DELIMITER_KEYS: Readonly<Record<CsvDelimiter, string>> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };
/** What an encoding is called («Windows-1251 (Кириллица)»): the wizard's choice, the CLI's summary. */
export const encodingName = (e: TextEncoding): Said => said(`fileImport:encodings.${ENCODING_KEYS[e]}`);
/** What a delimiter is called («точка с запятой «;»»). */
export const delimiterName = (d: CsvDelimiter): Said => said(`fileImport:delimiters.${DELIMITER_KEYS[d]}`);

const SNIFF_BYTES = 64 * 1024;

/** NUL bytes or many control characters in the first 64 KiB: a binary file, not text. */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const x = b[i]!;
    if (x === 0) return true;
    if (x < 0x09 || (x > 0x0d && x < 0x20 && x !== 0x1a)) control++;
  }
  return control > n / 100;
}

/**
 * Decodes a text file. UTF-8 is tried strictly first (`fatal: true`): Windows-1251 Cyrillic is never
 * valid UTF-8 (its letters are bytes 0xC0–0xFF, which UTF-8 needs followed by 0x80–0xBF continuation
 * bytes, i.e. by more Cyrillic capitals — not a real word pattern), so a strict failure means 1251.
 */
export function decodeText(b: Uint8Array): DecodedText {
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(b), encoding: 'windows-1251' };
  }
}

const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];
const SAMPLE_RECORDS = 60;

/**
 * The delimiter that splits the first lines most consistently: the most common field count (above 1)
 * occurring in the most lines. Title rows ("Список делегатов…") have one field under every candidate,
 * so they do not vote; commas inside names and addresses make ',' inconsistent in a ';' file.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { d: CsvDelimiter; freq: number; fields: number } = { d: ';', freq: 0, fields: 0 };
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const rec of parseCsv(text, d, { maxRows: Infinity, maxColumns: 1000, maxRecords: SAMPLE_RECORDS })) {
      if (rec.length < 2 || rec.every((f) => f.trim() === '')) continue;
      counts.set(rec.length, (counts.get(rec.length) ?? 0) + 1);
    }
    for (const [fields, freq] of counts) {
      if (freq > best.freq || (freq === best.freq && fields > best.fields)) best = { d, freq, fields };
    }
  }
  return best.d;
}

type CsvOptions = { maxRows: number; maxColumns: number; maxRecords?: number };

/** Records in the text, quotes respected, without building them: to refuse a huge file before allocating it. */
export function countRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    any = true;
    if (ch === 34) quoted = !quoted; // '"' — a doubled quote toggles twice, which is what we want
    else if (!quoted && (ch === 10 || ch === 13)) {
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      records++;
      any = false;
    }
  }
  return records + (any ? 1 : 0);
}

function newlineCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n === 0 ? (text.match(/\r/g)?.length ?? 0) : n;
}

/**
 * RFC 4180 with Excel's leniency: a field that starts with '"' runs to the closing quote ("" is a quote,
 * newlines allowed), anything after it up to the delimiter is kept; a quote inside an unquoted field is
 * a plain character; an unterminated quote runs to the end of the file. Each record is one sheet row,
 * so row numbers are the ones Excel shows when it opens the file. Throws 'too-many-rows'.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter, opts: CsvOptions): string[][] {
  const limit = opts.maxRecords ?? Infinity;
  if (limit === Infinity && newlineCount(text) + 1 > opts.maxRows && countRecords(text) > opts.maxRows) {
    throw new ImportError('too-many-rows', said('fileImport:tooManyRows', { max: opts.maxRows }));
  }
  const d = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  const push = (field: string) => {
    if (row.length < opts.maxColumns) row.push(field);
  };
  while (i < n && rows.length < limit) {
    let field: string;
    if (text.charCodeAt(i) === 34) {
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          out += text.slice(j);
          j = n;
          break;
        }
        out += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Excel keeps text between the closing quote and the delimiter
      let k = j;
      while (k < n) {
        const ch = text.charCodeAt(k);
        if (ch === d || ch === 10 || ch === 13) break;
        k++;
      }
      field = out + text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const ch = text.charCodeAt(k);
        if (ch === d || ch === 10 || ch === 13) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    push(field);
    if (i >= n) break;
    const ch = text.charCodeAt(i);
    if (ch === d) {
      i++;
      if (i >= n) push('');
      continue;
    }
    // end of record
    i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0 && rows.length < limit) rows.push(row);
  return rows;
}
