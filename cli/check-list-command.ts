/**
 * `check-list FILE [--json] [--records]`: what the import would understand from a file, without a
 * database. The JSON is the contract of shared/import/check-list.ts; the text is for organizers.
 */
import { readFileSync, statSync } from 'node:fs';
import type { CheckListFailure, ListAnalysis } from '../shared/import';
import { DEFAULT_IMPORT_LIMITS, delimiterName, encodingName, evidenceLabel, fieldLabel, formatName, importFields } from '../shared/import';
import { said, wordRu } from '../shared/text/said';
import { checkListWithTimeLimit } from './check-list-worker';
import type { Io } from './io';

export const EXIT_OK = 0;
/** The file could not be read as a delegate list (the JSON says why). */
export const EXIT_UNREADABLE = 2;

const SHOW = 20;

function readFile(file: string): Uint8Array | CheckListFailure {
  try {
    const size = statSync(file).size;
    // refuse before reading: a 10 GB file must not be loaded to be told it is too large
    if (size > DEFAULT_IMPORT_LIMITS.maxBytes) {
      return { file, error: { code: 'too-large', message: wordRu(said('fileImport:tooLarge', { size, max: DEFAULT_IMPORT_LIMITS.maxBytes })) } };
    }
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `Файл «${file}» не найден. Проверьте путь.` : code === 'EISDIR' ? `«${file}» — это папка, а не файл.` : `Не удалось открыть «${file}»: ${(e as Error).message}`;
    // 'not-found' is the CLI's own code: the import never sees a path
    return { file, error: { code: 'not-found' as CheckListFailure['error']['code'], message } };
  }
}

/** `maxMillis`: the app's time limit for reading a file (60 s) unless a test asks for less. */
export function runCheckList(file: string, opts: { json: boolean; records: boolean; maxMillis?: number }, io: Io): number {
  const bytes = readFile(file);
  let analysis: ListAnalysis | undefined;
  let failed: CheckListFailure | undefined;
  if (bytes instanceof Uint8Array) {
    const outcome = checkListWithTimeLimit(bytes, file, opts.records, opts.maxMillis ?? DEFAULT_IMPORT_LIMITS.maxMillis);
    if (outcome.ok) analysis = outcome.analysis;
    else failed = { file, error: { code: outcome.error.code, message: outcome.error.message } };
  } else failed = bytes;

  if (failed) {
    if (opts.json) io.out(JSON.stringify(failed, null, 2));
    else io.err(`${file}: ${failed.error.message} [${failed.error.code}]`);
    return EXIT_UNREADABLE;
  }
  if (opts.json) io.out(JSON.stringify(analysis!.report, null, 2));
  else io.out(summary(analysis!, opts.records));
  return EXIT_OK;
}

function list<T>(items: readonly T[], line: (x: T) => string): string[] {
  const out = items.slice(0, SHOW).map((x) => '  ' + line(x));
  if (items.length > SHOW) out.push(`  … и ещё ${items.length - SHOW}`);
  return out;
}

function summary(a: ListAnalysis, withRecords: boolean): string {
  const r = a.report;
  const lines: string[] = [];
  const enc = r.encoding ? `, ${wordRu(encodingName(r.encoding))}` : '';
  const delim = a.read.delimiter ? `, разделитель: ${wordRu(delimiterName(a.read.delimiter))}` : '';
  lines.push(`Файл: ${r.file} — ${wordRu(formatName(r.format))}${enc}${delim}`);
  lines.push(r.format === 'csv' ? `Заголовок в строке ${r.headerRow}` : `Лист «${r.sheet}», заголовок в строке ${r.headerRow}`);
  if (a.read.sheets.length > 1) lines.push(`Листов в книге: ${a.read.sheets.length} (${a.read.sheets.map((s) => `«${s.name}»`).join(', ')})`);
  lines.push('Столбцы:');
  for (const f of importFields) {
    const h = r.mapping[f];
    if (h !== undefined) lines.push(`  ${wordRu(fieldLabel(f))} ← «${h}»`);
  }
  const missing = importFields.filter((f) => f !== 'fullName' && r.mapping[f] === undefined && !(r.mapping.fullName && ['surname', 'name', 'patronymic'].includes(f)));
  if (missing.length > 0) lines.push(`  не найдены: ${missing.map((f) => wordRu(fieldLabel(f))).join(', ')}`);
  lines.push(`Строк с людьми: ${r.rows}, без ошибок: ${r.valid}`);
  if (r.errors.length > 0) lines.push(`Ошибки (${r.errors.length}):`, ...list(r.errors, (e) => e.message));
  if (a.warnings.length > 0) lines.push(`Предупреждения (${a.warnings.length}):`, ...list(a.warnings, (w) => w.message));
  if (a.duplicates.length > 0) {
    lines.push(`Возможные дубликаты (${a.duplicates.length}):`, ...list(a.duplicates, (d) => `строки ${d.rowA} и ${d.rowB}: ${d.reasons.map((x) => wordRu(evidenceLabel(x))).join(', ')}`));
  } else lines.push('Дубликатов не найдено');
  if (withRecords) {
    lines.push('Записи:');
    for (const x of a.records) {
      const fio = [x.surname, x.name, x.patronymic].filter(Boolean).join(' ');
      lines.push(`  ${x.row}: ${fio}; ${x.phone || '—'}; ${x.municipality || '—'}; ${x.organization || '—'}`);
    }
  }
  return lines.join('\n');
}
