/**
 * Сход on the command line (Node, no Electron): `npm run cli -- <command> …`. For organizers and for
 * automated checks. Exit codes: 0 done, 2 the file could not be read (check-list), 64 usage error
 * (EX_USAGE from sysexits.h), 1 anything unexpected.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Io } from './io';
import { processIo } from './io';
import { runCheckList } from './check-list-command';
import type { GenerateArgs } from './generate-command';
import { DELIMITER_NAMES, ENCODING_NAMES, outputFormat, runGenerate } from './generate-command';

export const EXIT_USAGE = 64;

export const HELP = `Сход — командная строка

Использование:
  npm run cli -- check-list ФАЙЛ [--json] [--records]
      Что импорт поймёт из списка (xlsx, xls, ods, csv) — без базы данных.
      --json     один объект JSON: { file, format, encoding, sheet, headerRow, mapping,
                 rows, valid, errors, duplicatesInFile }; нечитаемый файл — { file, error }
                 и код выхода 2
      --records  добавить все распознанные записи

  npm run cli -- generate --participants N --out ФАЙЛ [--messy] [--seed S]
      Список делегатов; формат по расширению: .xlsx, .xls, .csv
      --messy                    как в жизни: заголовки, объединённые ячейки, пустые строки,
                                 «Итого», ё/е, разные телефоны, инициалы, дубликаты
      --seed S                   число; один seed — один и тот же список (по умолчанию 1)
      --names single|split       один столбец ФИО или Фамилия/Имя/Отчество
      --encoding cp1251|utf8|utf8-bom   для .csv (по умолчанию cp1251, как сохраняет Excel)
      --delimiter ';'|','|tab    для .csv (по умолчанию ';')
      --truth ФАЙЛ               записать JSON с тем, что должен понять импорт

  npm run cli -- --help

Коды выхода: 0 — готово, 2 — файл не читается, 64 — ошибка в параметрах.`;

class UsageError extends Error {}

type Parsed = { command: string | undefined; positional: string[]; flags: Map<string, string | true> };

const VALUED = new Set(['--participants', '--out', '--seed', '--encoding', '--delimiter', '--names', '--truth']);
const SWITCHES = new Set(['--json', '--records', '--messy', '--help', '-h']);

function parse(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUED.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`после ${name} нужно значение`);
      flags.set(name, value);
    } else if (SWITCHES.has(name)) flags.set(name, true);
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`неизвестный параметр ${arg}`);
    else if (command === undefined) command = arg;
    else positional.push(arg);
  }
  return { command, positional, flags };
}

function allowOnly(p: Parsed, allowed: readonly string[]): void {
  for (const k of p.flags.keys()) if (!allowed.includes(k)) throw new UsageError(`параметр ${k} не относится к команде ${p.command}`);
}

function stringFlag(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function generateArgs(p: Parsed): GenerateArgs {
  allowOnly(p, ['--participants', '--out', '--messy', '--seed', '--encoding', '--delimiter', '--names', '--truth']);
  if (p.positional.length > 0) throw new UsageError(`лишние аргументы: ${p.positional.join(' ')}`);
  const n = Number(stringFlag(p, '--participants'));
  if (!Number.isSafeInteger(n) || n < 1 || n > 1_000_000) throw new UsageError('--participants: целое число от 1 до 1 000 000');
  const out = stringFlag(p, '--out');
  if (!out) throw new UsageError('нужен --out ФАЙЛ');
  if (!outputFormat(out)) throw new UsageError(`--out: расширение .xlsx, .xls или .csv (а не «${out}»)`);
  const seedText = stringFlag(p, '--seed') ?? '1';
  const seed = Number(seedText);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed: целое число (а не «${seedText}»)`);
  const encoding = ENCODING_NAMES[(stringFlag(p, '--encoding') ?? 'cp1251').toLowerCase()];
  if (!encoding) throw new UsageError('--encoding: cp1251, utf8 или utf8-bom');
  const delimiter = DELIMITER_NAMES[stringFlag(p, '--delimiter') ?? ';'];
  if (!delimiter) throw new UsageError("--delimiter: ';', ',' или tab");
  const names = stringFlag(p, '--names');
  if (names !== undefined && names !== 'single' && names !== 'split') throw new UsageError('--names: single или split');
  const truth = stringFlag(p, '--truth');
  return { participants: n, out, messy: p.flags.has('--messy'), seed, encoding, delimiter, ...(names ? { names } : {}), ...(truth ? { truth } : {}) };
}

/** Runs one command line; returns the exit code. Never calls process.exit (tests call it in-process). */
export function main(argv: readonly string[], io: Io = processIo): number {
  try {
    const p = parse(argv);
    if (p.flags.has('--help') || p.flags.has('-h') || p.command === 'help') {
      io.out(HELP);
      return 0;
    }
    switch (p.command) {
      case 'check-list': {
        allowOnly(p, ['--json', '--records']);
        if (p.positional.length !== 1) throw new UsageError('check-list: укажите ровно один файл');
        return runCheckList(p.positional[0]!, { json: p.flags.has('--json'), records: p.flags.has('--records') }, io);
      }
      case 'generate':
        return runGenerate(generateArgs(p), io);
      case undefined:
        throw new UsageError('не указана команда');
      default:
        throw new UsageError(`неизвестная команда «${p.command}»`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Ошибка: ${e.message}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    io.err(`Непредвиденная ошибка: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

function invokedDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) process.exitCode = main(process.argv.slice(2));
