/**
 * Participant lists as xlsx: the table as filtered, and one sheet per municipality. Every text cell
 * goes through buildXlsx, which neutralizes formula injection (a name typed as "=HYPERLINK(…)" by a
 * stranger must stay text in the organizer's Excel).
 */
import type { Section } from '../../../shared/domain/types';
import { buildXlsx, type ExportSheet } from '../../../shared/export/xlsx';
import { normalizePhone } from '../../../shared/people/phone';
import type { RegistrationRow } from '../../hooks/use-participants';
import { LIST_COLUMNS } from '../../../shared/import/formats';
import { sayText, tr } from '../../i18n';
import ru from '../../i18n/ru/app';
import { arrivedOf, type Arrivals } from './table-model';

/** The columns are a format the importer reads back (shared/import/formats.ts), not words to translate. */
const HEAD = LIST_COLUMNS.map(([header]) => header);
const WIDTHS = [5, 36, 24, 40, 28, 18, 26, 18, 14, 14, 30, 9, 8];

/**
 * "8 917 345-12-34": the domestic notation. The canonical "+7…" starts with "+", which the formula
 * guard would prefix with an apostrophe in every phone cell.
 */
export function phoneForExport(phone?: string): string {
  const canonical = phone ? normalizePhone(phone) : null;
  if (!canonical) return phone ?? '';
  const d = canonical.slice(2);
  return `8 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}

function line(r: RegistrationRow, i: number, arrivals: Arrivals, sections: ReadonlyMap<string, Section>): Array<string | number> {
  const reg = r.registration;
  const t = tr('participants');
  return [
    i + 1,
    r.fullName,
    r.municipality,
    r.organization,
    r.person.position ?? '',
    phoneForExport(r.person.phone),
    r.person.email ?? '',
    ru.category[reg.category],
    ru.role[reg.role],
    t(`exports.status.${reg.status}`),
    reg.sectionId ? (sections.get(reg.sectionId)?.title ?? '') : '',
    reg.badgeCode,
    arrivedOf(arrivals, reg.id) ? t('exports.arrived') : '',
  ];
}

function sheet(name: string, title: string, rows: readonly RegistrationRow[], arrivals: Arrivals, sections: ReadonlyMap<string, Section>): ExportSheet {
  return { name, columnWidths: WIDTHS, rows: [[title], [], HEAD, ...rows.map((r, i) => line(r, i, arrivals, sections))] };
}

/** The rows as they are shown (filtered and sorted). */
export function exportList(eventTitle: string, caption: string, rows: readonly RegistrationRow[], arrivals: Arrivals, sections: ReadonlyMap<string, Section>): Uint8Array<ArrayBuffer> {
  return buildXlsx([sheet(tr('participants')('exports.sheet'), `${eventTitle}${caption ? ` — ${caption}` : ''}`, rows, arrivals, sections)], sayText);
}

/** One sheet per municipality (by name), after a summary sheet; rows without one go last. */
export function exportByMunicipality(eventTitle: string, rows: readonly RegistrationRow[], arrivals: Arrivals, sections: ReadonlyMap<string, Section>): Uint8Array<ArrayBuffer> {
  const t = tr('participants');
  const none = t('exports.noMunicipality');
  const groups = new Map<string, RegistrationRow[]>();
  for (const r of rows) {
    const key = r.municipality || none;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(r);
  }
  const collator = new Intl.Collator('ru');
  const names = [...groups.keys()].sort((a, b) => (a === none ? 1 : b === none ? -1 : collator.compare(a, b)));
  const used = new Set<string>();
  const sheetName = (n: string) => {
    // Excel: at most 31 characters, unique within the workbook
    const base = n.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base} ${k}`;
    used.add(name.toLowerCase());
    return name;
  };
  const summary: ExportSheet = {
    name: sheetName(t('exports.summary')),
    columnWidths: [36, 14, 12],
    rows: [
      [eventTitle],
      [],
      [t('exports.municipality'), t('exports.people'), t('exports.arrivedCount')],
      ...names.map((n) => {
        const list = groups.get(n)!;
        return [n, list.length, list.filter((r) => arrivedOf(arrivals, r.registration.id)).length];
      }),
    ],
  };
  return buildXlsx([summary, ...names.map((n) => sheet(sheetName(n), `${eventTitle} — ${n}`, groups.get(n)!, arrivals, sections))], sayText);
}

/** "Участники — Бирский район — 2019-12-18.xlsx" without characters a file name cannot hold. */
export function fileName(...parts: string[]): string {
  return `${parts.filter(Boolean).join(' — ').replace(/[\\/:*?"<>|]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 150)}.xlsx`;
}
