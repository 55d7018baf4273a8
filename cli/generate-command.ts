/**
 * `generate --participants N --out FILE [--messy] [--seed S] [--names single|split] [--encoding …]
 * [--delimiter …] [--truth FILE]`: a realistic delegate list from the foundation's generator, in the
 * format the extension names. `--truth` writes what an ideal import must understand (for checks).
 */
import { writeFileSync } from 'node:fs';
import type { CsvWriteOptions, DelegateList } from '../shared/generator';
import type { CsvDelimiter } from '../shared/import';
import { generateDelegateList, sheetToCsv, sheetToXls, sheetToXlsx } from '../shared/generator';
import type { Io } from './io';
import { loadMunicipalities } from './municipalities';

export type GenerateArgs = {
  participants: number;
  out: string;
  messy: boolean;
  seed: number;
  names?: 'single' | 'split';
  encoding: CsvWriteOptions['encoding'];
  delimiter: CsvDelimiter;
  truth?: string;
};

export const ENCODING_NAMES: Record<string, CsvWriteOptions['encoding']> = {
  cp1251: 'windows-1251',
  'windows-1251': 'windows-1251',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf8-bom': 'utf-8-bom',
  'utf-8-bom': 'utf-8-bom',
};

export const DELIMITER_NAMES: Record<string, CsvDelimiter> = { ';': ';', ',': ',', tab: '\t', '\\t': '\t', '\t': '\t' };

/** The file extension decides the format; null when it names none we write. */
export function outputFormat(file: string): 'xlsx' | 'xls' | 'csv' | null {
  const ext = file.toLowerCase().split('.').pop();
  return ext === 'xlsx' || ext === 'xls' || ext === 'csv' ? ext : null;
}

function encode(list: DelegateList, format: 'xlsx' | 'xls' | 'csv', args: GenerateArgs): Uint8Array {
  if (format === 'xlsx') return sheetToXlsx(list);
  if (format === 'xls') return sheetToXls(list);
  return sheetToCsv(list, { encoding: args.encoding, delimiter: args.delimiter });
}

export function runGenerate(args: GenerateArgs, io: Io): number {
  const format = outputFormat(args.out)!;
  const list = generateDelegateList({
    seed: args.seed,
    count: args.participants,
    municipalities: loadMunicipalities(),
    messy: args.messy,
    ...(args.names ? { nameColumns: args.names } : {}),
  });
  writeFileSync(args.out, encode(list, format, args));
  if (args.truth) writeFileSync(args.truth, JSON.stringify(list.truth, null, 2) + '\n');
  const t = list.truth;
  const parts = [`${args.participants} участников`];
  if (t.duplicates.length > 0) parts.push(`${t.duplicates.length} дубликатов`);
  if (t.errorRows.length > 0) parts.push(`${t.errorRows.length} строк без ФИО`);
  io.out(`Записан ${args.out}: ${parts.join(', ')}; строк в листе ${list.rows.length}, заголовок в строке ${t.headerRow}.`);
  return 0;
}
