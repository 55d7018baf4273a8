/**
 * The district-office template: a workbook an office fills in Excel or LibreOffice and sends back.
 * «Делегаты» holds the known delegates with a hidden key column (the registration id), so a row is
 * matched to its registration on the way back whatever the office does to the name; drop-down lists
 * (data validation over a hidden «Списки» sheet) offer the categories and the event's sections.
 *
 * Written with ExcelJS because SheetJS CE cannot write data validations. ExcelJS is loaded on demand
 * (dynamic import) so that it stays out of the main bundle.
 */
import type * as ExcelTypes from 'exceljs';
import type { EventRow, Section } from '../../../shared/domain/types';
import { categories } from '../../../shared/domain/types';
import { neutralizeCell } from '../../../shared/export/xlsx';
import type { DelegateForTemplate } from '../../db/repo/participants';
import { TEMPLATE_COLUMNS, TEMPLATE_LISTS_SHEET, TEMPLATE_SHEET } from '../../../shared/import/formats';
import { tr } from '../../i18n';
import ru from '../../i18n/ru/app';
import { phoneForExport } from './exports';

export { TEMPLATE_SHEET };
const HEADER_ROW = 3;
/** Rows below the delegates that carry the drop-down lists, for new delegates. */
const SPARE_ROWS = 300;
/** The columns and the lists' sheet are the importer's format (shared/import/formats.ts), not words to translate. */
const HEADERS = TEMPLATE_COLUMNS.map(([header]) => header);
const LISTS_SHEET = TEMPLATE_LISTS_SHEET;
const STEPS = ['open', 'fix', 'add', 'remove', 'lists', 'phone', 'keep', 'send'] as const;
const WIDTHS = [12, 20, 16, 20, 40, 28, 18, 26, 22, 34];

type ExcelModule = typeof ExcelTypes;

async function loadExcelJs(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

export type TemplateInput = {
  event: EventRow;
  municipality: string;
  delegates: readonly DelegateForTemplate[];
  sections: readonly Section[];
  now?: Date;
};

const text = (s: string | undefined) => neutralizeCell(s ?? '');

/** The template workbook as xlsx bytes. */
export async function buildDistrictTemplate(input: TemplateInput): Promise<Uint8Array<ArrayBuffer>> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const t = tr('participants');
  wb.creator = tr('app')('app.name');
  wb.created = input.now ?? new Date();
  const sectionTitle = new Map(input.sections.map((s) => [s.id, s.title]));
  const collator = new Intl.Collator('ru');
  const delegates = [...input.delegates].sort((a, b) => collator.compare(`${a.person.surname} ${a.person.name}`, `${b.person.surname} ${b.person.name}`));

  // the instructions come first: it is the sheet an office sees when the file opens
  const helpSheet = t('template.help');
  const help = wb.addWorksheet(helpSheet);
  help.getColumn(1).width = 110;
  const how = t('template.how');
  const lines = [
    t('template.title', { municipality: input.municipality }),
    t('template.event', { title: input.event.title, city: input.event.city, date: input.event.startDate.split('-').reverse().join('.') }),
    '',
    how,
    ...STEPS.map((step) => t(`template.steps.${step}`, { sheet: TEMPLATE_SHEET })),
  ];
  lines.forEach((l, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text(l);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
    if (l === how) cell.font = { bold: true };
  });

  const ws = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }] });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell(1, 2).value = text(t('template.sheetTitle', { municipality: input.municipality }));
  ws.getCell(1, 2).font = { bold: true, size: 13 };
  ws.getCell(2, 2).value = text(t('template.sheetHint', { title: input.event.title, help: helpSheet }));
  const header = ws.getRow(HEADER_ROW);
  HEADERS.forEach((h, i) => (header.getCell(i + 1).value = h));
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EFFB' } }));

  delegates.forEach((d, i) => {
    const p = d.person;
    const r = d.registration;
    ws.getRow(HEADER_ROW + 1 + i).values = [
      r.id,
      text(p.surname),
      text(p.name),
      text(p.patronymic),
      text(d.organization),
      text(p.position),
      text(phoneForExport(p.phone)),
      text(p.email),
      ru.category[r.category],
      text(r.sectionPrefs.map((id) => sectionTitle.get(id) ?? '').filter(Boolean).join(', ')),
    ];
  });
  // the key is for the import, not for people
  ws.getColumn(1).hidden = true;

  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  categories.forEach((c, i) => (lists.getCell(i + 1, 1).value = ru.category[c]));
  const sections = [...input.sections].sort((a, b) => a.order - b.order);
  sections.forEach((s, i) => (lists.getCell(i + 1, 2).value = text(s.title)));

  // one validation per column range: set cell by cell, ExcelJS merges the cells in string order
  // («I10» before «I4») and writes overlapping ranges (I4:I314 and I10:I314) that Excel offers to repair
  // ExcelJS has `dataValidations.add(range, …)` at run time but not in its type declarations
  const validations = (ws as ExcelTypes.Worksheet & { dataValidations: { add(address: string, v: ExcelTypes.DataValidation): void } }).dataValidations;
  const range = (col: string) => `${col}${HEADER_ROW + 1}:${col}${HEADER_ROW + delegates.length + SPARE_ROWS}`;
  validations.add(range('I'), {
    type: 'list',
    allowBlank: true,
    formulae: [`'${LISTS_SHEET}'!$A$1:$A$${categories.length}`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: t('template.category'),
    error: t('template.categoryError'),
  });
  if (sections.length) {
    validations.add(range('J'), {
      type: 'list',
      allowBlank: true,
      formulae: [`'${LISTS_SHEET}'!$B$1:$B$${sections.length}`],
      // several sections ("1, 3") are allowed: warn, do not refuse
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: t('template.section'),
      error: t('template.sectionError'),
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
