/**
 * The column headers and sheet names of the files the app writes and reads back: the district template
 * an office fills in and returns, and the participant lists. They are a file format, not words of the
 * interface — the importer recognizes them (mapping.ts, KEY_HEADER in header.ts) whatever language the
 * app is shown in, so they never go through the locale files. tests/unit/shared/import/formats.test.ts
 * checks that the importer maps every one of them.
 */
import type { ImportField } from './types';
import { KEY_HEADER } from './header';

/** The template's sheet with the delegates (its name is kept when the office sends the file back). */
export const TEMPLATE_SHEET = 'Делегаты';
/** The template's hidden sheet with the drop-down lists' values (the validations refer to it by name). */
export const TEMPLATE_LISTS_SHEET = 'Списки';

/** The template's columns, A to J, and the field each is imported into (the key column is matched by KEY_HEADER). */
export const TEMPLATE_COLUMNS: ReadonlyArray<readonly [header: string, field: ImportField | 'key']> = [
  [KEY_HEADER, 'key'],
  ['Фамилия', 'surname'],
  ['Имя', 'name'],
  ['Отчество', 'patronymic'],
  ['Организация', 'organization'],
  ['Должность', 'position'],
  ['Телефон', 'phone'],
  ['E-mail', 'email'],
  ['Категория', 'category'],
  ['Секция', 'section'],
];

/** A participant list's columns and the field each imports into (null: the importer does not load it). */
export const LIST_COLUMNS: ReadonlyArray<readonly [header: string, field: ImportField | null]> = [
  ['№', null],
  ['ФИО', 'fullName'],
  ['Муниципалитет', 'municipality'],
  ['Организация', 'organization'],
  ['Должность', 'position'],
  ['Телефон', 'phone'],
  ['E-mail', 'email'],
  ['Категория', 'category'],
  ['Роль', null],
  ['Статус', null],
  ['Секция', 'section'],
  ['Бейдж', null],
  ['Прибыл', null],
];
