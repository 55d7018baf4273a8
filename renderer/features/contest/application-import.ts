/**
 * Applications from a spreadsheet: the header row is found, columns are mapped by their words (the
 * organizer may change the mapping), and every row becomes an application or a named error
 * («Строка 7: нет названия проекта»). Pure — the import wizard's parse worker reads the file (off the
 * UI thread, with limits), the dialog maps it with these functions, and the repository writes.
 */
import type { Municipality } from '../../../shared/domain/types';
import type { Nomination } from '../../../shared/contest';
import { createMunicipalityMatcher, fold } from '../../../shared/import';
import type { ApplicationInput } from '../../db/repo/contest';
import { tr } from '../../i18n';

const t = (key: string, options?: Record<string, unknown>) => tr('contest')(key, options);

export const IMPORT_FIELDS = ['title', 'summary', 'nomination', 'municipality', 'organization', 'amount'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A field's name in the mapping form. */
export const importFieldLabel = (f: ImportField): string => t(`importField.${f}`);

const HINTS: Record<ImportField, RegExp> = {
  title: /назван|проект|тема/,
  summary: /описан|аннотац|кратк|суть|содержан/,
  nomination: /номинац|направлен/,
  municipality: /муницип|район|город|территор|округ/,
  organization: /организац|заявител|нко|учрежден/,
  amount: /сумм|руб|запраш|бюджет/,
};

/** Column index per field (−1 = not in the file). */
export type ColumnMapping = Record<ImportField, number>;

/** The sheet to import: the first visible one with any text, else the first one; undefined for a file without sheets. */
export function chooseApplicationSheet<S extends { hidden: boolean; rows: string[][] }>(sheets: readonly S[]): S | undefined {
  return sheets.find((s) => !s.hidden && s.rows.some((r) => r.some((c) => c.trim() !== ''))) ?? sheets[0];
}

/** The first row with at least two non-empty cells is the header. */
export function findHeaderRow(rows: readonly string[][]): number {
  const i = rows.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 2);
  return i < 0 ? 0 : i;
}

export function guessMapping(header: readonly string[]): ColumnMapping {
  const used = new Set<number>();
  const out = {} as ColumnMapping;
  // summary before title: «Краткое описание проекта» must not be taken for the title
  for (const f of ['summary', 'nomination', 'municipality', 'organization', 'amount', 'title'] as const) {
    const i = header.findIndex((h, j) => !used.has(j) && HINTS[f].test(fold(h)));
    out[f] = i;
    if (i >= 0) used.add(i);
  }
  return out;
}

export type ImportRow = { line: number; input?: ApplicationInput; errors: string[] };

/** "150 000 руб.", "150000,50" → number; '' → undefined; garbage → NaN. */
export function parseAmount(text: string): number | undefined {
  const n = text.replace(/[\s\u00a0]/g, '').replace(/(руб(лей|\.)?|₽|р\.)$/i, '').replace(',', '.');
  if (n === '') return undefined;
  return /^\d+(\.\d+)?$/.test(n) ? Number(n) : NaN;
}

export function buildImportRows(
  rows: readonly string[][],
  headerRow: number,
  mapping: ColumnMapping,
  ctx: { nominations: readonly Nomination[]; municipalities: readonly Municipality[]; submittedAt: string },
): ImportRow[] {
  const matchMunicipality = createMunicipalityMatcher(ctx.municipalities.map((m) => ({ id: m.id, name: m.name })));
  const nominationByTitle = new Map(ctx.nominations.map((n) => [fold(n.title), n]));
  const cell = (r: readonly string[], f: ImportField) => (mapping[f] >= 0 ? (r[mapping[f]] ?? '').trim() : '');
  const out: ImportRow[] = [];
  rows.forEach((r, i) => {
    if (i <= headerRow || r.every((c) => c.trim() === '')) return;
    const line = i + 1;
    const errors: string[] = [];
    const title = cell(r, 'title');
    if (!title) errors.push(t('importRow.noTitle', { line }));
    const nomText = cell(r, 'nomination');
    const nomination = nomText ? nominationByTitle.get(fold(nomText)) : ctx.nominations.length === 1 ? ctx.nominations[0] : undefined;
    if (!nomination) {
      errors.push(
        nomText
          ? t('importRow.unknownNomination', { line, nomination: nomText, known: ctx.nominations.map((n) => `«${n.title}»`).join(', ') })
          : t('importRow.noNomination', { line }),
      );
    }
    const muniText = cell(r, 'municipality');
    const muni = muniText ? matchMunicipality(muniText) : null;
    if (muniText && !muni?.id) errors.push(t('importRow.unknownMunicipality', { line, municipality: muniText }));
    const amount = parseAmount(cell(r, 'amount'));
    if (amount !== undefined && Number.isNaN(amount)) errors.push(t('importRow.badAmount', { line, amount: cell(r, 'amount') }));
    if (errors.length > 0 || !nomination) return out.push({ line, errors });
    const input: ApplicationInput = {
      title,
      summary: cell(r, 'summary'),
      nominationId: nomination.id,
      applicantPersonIds: [],
      submittedAt: ctx.submittedAt,
      status: 'submitted',
      organizationName: cell(r, 'organization'),
    };
    if (muni?.id) input.municipalityId = muni.id;
    if (amount !== undefined) input.requestedAmount = amount;
    out.push({ line, input, errors });
  });
  return out;
}
