/**
 * What the database's tables are called on screen, in one place for the audit log, the exchange screens and
 * the restore preview: the words are the `tables` namespace (renderer/i18n/ru|en/tables.ts), checked here at
 * compile time to name every table of the database (TableName) and nothing else. A table this version does
 * not know (a file from a newer Сход) is shown by its own name.
 */
import type { SkhodDb, TrackedTable } from '../db/database';
import { tr } from '../i18n';
import type ru from '../i18n/ru/tables';

/** Every table of the device's database: the change-logged ones and the device-local ones. */
export type TableName = { [K in keyof SkhodDb]: SkhodDb[K] extends { bulkPut: unknown; schema: unknown } ? K : never }[keyof SkhodDb] & string;

type Exact<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : { missing: Exclude<A, B>; extra: Exclude<B, A> };
/** Fails to compile when the locale names a table the database lacks, or misses one. */
const everyTable: Exact<TableName, keyof typeof ru> = true;
/** The change-logged tables are among them (the exchange screens and the audit log meet only these). */
const everyTracked: Exact<TrackedTable, TrackedTable & keyof typeof ru> = true;
void [everyTable, everyTracked];

const word = (table: string, form: 'one' | 'name' | 'genitive' | 'count', count?: number): string =>
  tr('tables')(`${table}.${form}`, { defaultValue: table, ...(count === undefined ? {} : { count }) });

/** One record of the table: «Регистрация». */
export const tableRowLabel = (table: TableName | string): string => word(table, 'one');
/** The kind, nominative plural: «регистрации». */
export const tableLabel = (table: TableName | string): string => word(table, 'name');
/** The kind, genitive plural: «регистраций». */
export const tableGenitive = (table: TableName | string): string => word(table, 'genitive');
/** With a number: «3 регистрации». */
export const tableCount = (table: TableName | string, count: number): string => word(table, 'count', count);
/** The kind as a heading: «Регистрации». */
export const tableTitle = (table: TableName | string): string => {
  const name = tableLabel(table);
  return name.charAt(0).toLocaleUpperCase() + name.slice(1);
};
