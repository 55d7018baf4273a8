/**
 * Delegate lists as district offices really send them, with the truth about every row, for import
 * tests, the CLI's `generate` and benchmarks. Clean: one header row, one person per row. Messy: title
 * rows, a header split over merged cells, a column order of its own, "№ п/п", empty rows, a totals row,
 * ё/е and case variants, phones in several notations, initials, trailing spaces, municipality spellings
 * ("Бирский р-н", "г.Уфа"), rows without a name, and duplicates of five kinds. Deterministic in `seed`.
 */
import type { ImportField, Merge, SheetModel } from '../import/types';
import type { MunicipalityInput } from './places';
import type { GeneratedPerson } from './generate-people';
import type { Category } from '../domain/types';
import { normalizePhone } from '../people/phone';
import { generatePeople } from './generate-people';
import { describePlace } from './places';
import { createRng } from './rng';

export { sheetToCsv, sheetToCsvText, sheetToXls, sheetToXlsx } from '../import/write';
export type { CsvWriteOptions, WriteOptions } from '../import/write';

export type DuplicateKind = 'exact' | 'yo' | 'initials' | 'swapped' | 'phone';
export const duplicateKinds: readonly DuplicateKind[] = ['exact', 'yo', 'initials', 'swapped', 'phone'];

export type DelegateListOptions = {
  seed: number;
  /** Distinct people; messy lists add duplicate and nameless rows on top. */
  count: number;
  municipalities: readonly MunicipalityInput[];
  messy: boolean;
  /** One «ФИО» column or Фамилия / Имя / Отчество. Default: one column when messy, three when clean. */
  nameColumns?: 'single' | 'split';
  sheetName?: string;
};

/** What an ideal import must understand; rows are the sheet's own 1-based numbers. */
export type ExpectedPerson = {
  row: number;
  key: string;
  surname: string;
  name: string;
  patronymic: string;
  initials: boolean;
  /** Normalized "+7…". */
  phone: string;
  email: string;
  /** The reference name, whatever spelling the cell has. */
  municipality: string;
  organization: string;
  position: string;
};

export type DelegateListTruth = {
  /** Sheet row of the (last) header row. */
  headerRow: number;
  headerRows: number;
  /** Field → 0-based column. */
  columns: Partial<Record<ImportField, number>>;
  /** Every row the import should turn into a person, duplicates included. */
  people: ExpectedPerson[];
  duplicates: Array<{ row: number; of: number; kind: DuplicateKind }>;
  /** Rows that must be reported as errors (no name). */
  errorRows: number[];
  emptyRows: number[];
  totalsRow?: number;
};

export type DelegateList = SheetModel & { truth: DelegateListTruth };

const SECTIONS = ['Социальное партнёрство', 'Комьюнити-менеджмент', 'Соседские сообщества', 'Молодёжные сообщества'];
const CATEGORY_LABELS: Record<Category, string> = {
  administration: 'администрация',
  ngo: 'НКО',
  citizen: 'активный гражданин',
  education: 'образование',
  youth: 'молодёжь',
  media: 'СМИ',
  other: 'другое',
};
const EVENT = 'межрегиональную конференцию «Сообщества: перспективы и технологии развития»';

type Layout = { headers: string[][]; merges: Merge[]; columns: Partial<Record<ImportField, number>>; width: number };

const vertical = (c: number): Merge => ({ s: { r: 0, c }, e: { r: 1, c } });
const across = (c0: number, c1: number): Merge => ({ s: { r: 0, c: c0 }, e: { r: 0, c: c1 } });

function layoutFor(messy: boolean, split: boolean): Layout {
  if (!messy) {
    const names = split ? ['Фамилия', 'Имя', 'Отчество'] : ['ФИО'];
    const headers = ['№', ...names, 'Муниципалитет', 'Организация', 'Должность', 'Телефон', 'E-mail', 'Категория', 'Секция'];
    const fields: Array<ImportField | null> = [null, ...((split ? ['surname', 'name', 'patronymic'] : ['fullName']) as ImportField[]), 'municipality', 'organization', 'position', 'phone', 'email', 'category', 'section'];
    return { headers: [headers], merges: [], columns: columnsOf(fields), width: headers.length };
  }
  if (split) {
    const top = ['№ п/п', 'ФИО', '', '', 'Должность', 'Место работы', 'Контакты', '', 'Муниципальное образование', 'Категория', 'Секция'];
    const bottom = ['', 'Фамилия', 'Имя', 'Отчество', '', '', 'Телефон', 'E-mail', '', '', ''];
    const fields: Array<ImportField | null> = [null, 'surname', 'name', 'patronymic', 'position', 'organization', 'phone', 'email', 'municipality', 'category', 'section'];
    const merges = [vertical(0), across(1, 3), vertical(4), vertical(5), across(6, 7), vertical(8), vertical(9), vertical(10)];
    return { headers: [top, bottom], merges, columns: columnsOf(fields), width: top.length };
  }
  const top = ['№ п/п', 'Ф.И.О. (полностью)', 'Район / город', 'Место работы', '', 'Контакты', '', 'Категория участника', 'Секция'];
  const bottom = ['', '', '', 'Организация', 'Должность', 'Телефон', 'Эл. почта', '', ''];
  const fields: Array<ImportField | null> = [null, 'fullName', 'municipality', 'organization', 'position', 'phone', 'email', 'category', 'section'];
  const merges = [vertical(0), vertical(1), vertical(2), across(3, 4), across(5, 6), vertical(7), vertical(8)];
  return { headers: [top, bottom], merges, columns: columnsOf(fields), width: top.length };
}

function columnsOf(fields: Array<ImportField | null>): Partial<Record<ImportField, number>> {
  const out: Partial<Record<ImportField, number>> = {};
  fields.forEach((f, i) => {
    if (f) out[f] = i;
  });
  return out;
}

/** Spellings of a municipality people actually type. */
function spellings(name: string): string[] {
  if (name.startsWith('г. ')) {
    const city = name.slice(3);
    return [name, name, `г.${city}`, city, `ГО г. ${city}`, `городской округ город ${city}`];
  }
  if (name.endsWith(' район')) {
    const adj = name.slice(0, -' район'.length);
    return [name, name, `${adj} р-н`, adj, `МР ${name}`, `${name} РБ`];
  }
  return [name];
}

const yoToE = (s: string) => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
const initialOf = (s: string) => (s ? s[0]!.toUpperCase() + '.' : '');

/** A plausible typo: a doubled letter dropped or a letter doubled (the phone stays the same). */
function typo(surname: string): string {
  const m = /(.)\1/.exec(surname);
  if (m) return surname.slice(0, m.index) + surname.slice(m.index + 1);
  const at = Math.max(1, Math.floor(surname.length / 2));
  return surname.slice(0, at) + surname[at - 1] + surname.slice(at);
}

type Written = { surname: string; name: string; patronymic: string; full: string };

export function generateDelegateList(opts: DelegateListOptions): DelegateList {
  const { seed, count, municipalities, messy } = opts;
  const split = (opts.nameColumns ?? (messy ? 'single' : 'split')) === 'split';
  const people = generatePeople({ seed, count, municipalities, messyPhones: messy });
  const rng = createRng(seed * 7919 + 17);
  const layout = layoutFor(messy, split);
  const rows: string[][] = [];
  const merges: Merge[] = [];
  const truth: DelegateListTruth = { headerRow: 0, headerRows: layout.headers.length, columns: layout.columns, people: [], duplicates: [], errorRows: [], emptyRows: [] };

  if (messy) {
    const single = new Set(people.map((p) => p.municipality));
    const only = single.size === 1 ? municipalities.find((m) => m.name === people[0]?.municipality) : undefined;
    const from = only ? `от ${describePlace(only).of}` : 'муниципальных образований';
    rows.push([`Список делегатов ${from}`], [`на ${EVENT}`], ['г. Уфа, 15 ноября 2019 г.'], []);
    for (let r = 0; r < 3; r++) merges.push({ s: { r, c: 0 }, e: { r, c: layout.width - 1 } });
    truth.emptyRows.push(4);
  }
  const headerTop = rows.length;
  for (const h of layout.headers) rows.push(h);
  for (const m of layout.merges) merges.push({ s: { r: m.s.r + headerTop, c: m.s.c }, e: { r: m.e.r + headerTop, c: m.e.c } });
  truth.headerRow = rows.length;

  const cols = layout.columns;
  let number = 0;
  const pad = (s: string) => (messy && rng.chance(0.05) ? s + (rng.chance(0.5) ? ' ' : '  ') : s);

  const writeRow = (p: GeneratedPerson, w: Written, phoneRaw: string, municipalityText: string): string[] => {
    const row = new Array<string>(layout.width).fill('');
    row[0] = String(++number);
    if (split) {
      row[cols.surname!] = pad(w.surname);
      row[cols.name!] = w.name;
      row[cols.patronymic!] = w.patronymic;
    } else row[cols.fullName!] = pad(w.full);
    row[cols.municipality!] = municipalityText;
    row[cols.organization!] = p.organization;
    row[cols.position!] = pad(p.position);
    row[cols.phone!] = phoneRaw;
    row[cols.email!] = p.email ?? (messy && rng.chance(0.3) ? '-' : '');
    row[cols.category!] = messy && rng.chance(0.2) ? CATEGORY_LABELS[p.category].toUpperCase() : CATEGORY_LABELS[p.category];
    row[cols.section!] = rng.chance(0.85) ? SECTIONS[rng.int(0, SECTIONS.length - 1)]! : '';
    return row;
  };

  const expected = (p: GeneratedPerson, row: number, w: Partial<ExpectedPerson> = {}): ExpectedPerson => ({
    row,
    key: p.key,
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic,
    initials: false,
    phone: normalizePhone(p.phone) ?? '',
    email: p.email ?? '',
    municipality: p.municipality,
    organization: p.organization,
    position: p.position,
    ...w,
  });

  const written: Array<{ p: GeneratedPerson; row: number }> = [];
  const dupShare = messy ? 0.05 : 0;
  // guarantee every duplicate kind and a nameless row in any messy list of 20+
  const forced: DuplicateKind[] = messy && count >= 20 ? [...duplicateKinds] : [];
  let nameless = messy && count >= 20 ? 1 : 0;

  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    if (messy && i > 0 && rng.chance(0.02)) {
      rows.push([]);
      truth.emptyRows.push(rows.length);
    }
    let w: Written = { surname: p.surname, name: p.name, patronymic: p.patronymic, full: `${p.surname} ${p.name} ${p.patronymic}` };
    let extra: Partial<ExpectedPerson> = {};
    if (messy && rng.chance(0.03)) {
      // initials only, as some offices write
      w = { surname: p.surname, name: initialOf(p.name), patronymic: initialOf(p.patronymic), full: `${p.surname} ${initialOf(p.name)}${initialOf(p.patronymic)}` };
      extra = { name: initialOf(p.name), patronymic: initialOf(p.patronymic), initials: true };
    } else if (messy && rng.chance(0.04)) {
      w = { ...w, surname: p.surname.toUpperCase(), full: `${p.surname.toUpperCase()} ${p.name} ${p.patronymic}` };
    }
    const muni = messy ? rng.pick(spellings(p.municipality)) : p.municipality;
    rows.push(writeRow(p, w, p.phone, muni));
    truth.people.push(expected(p, rows.length, extra));
    written.push({ p, row: rows.length });

    if (nameless > 0 && i === Math.floor(people.length / 2)) {
      nameless--;
      const row = writeRow(p, { surname: '', name: '', patronymic: '', full: '' }, '', muni);
      row[cols.phone!] = '';
      row[cols.email!] = '';
      rows.push(row);
      truth.errorRows.push(rows.length);
    }

    const wantDup = written.length > 1 && (forced.length > 0 && i >= people.length / 3 ? true : rng.chance(dupShare));
    if (!wantDup) continue;
    const kind = forced.shift() ?? rng.pick(duplicateKinds);
    const orig = rng.pick(written.slice(0, -1));
    const o = orig.p;
    let dw: Written = { surname: o.surname, name: o.name, patronymic: o.patronymic, full: `${o.surname} ${o.name} ${o.patronymic}` };
    let dx: Partial<ExpectedPerson> = {};
    if (kind === 'yo') {
      const hasYo = /ё/i.test(dw.full);
      dw = hasYo
        ? { surname: yoToE(o.surname), name: yoToE(o.name), patronymic: yoToE(o.patronymic), full: yoToE(dw.full) }
        : { ...dw, surname: o.surname.toUpperCase() + ' ', full: `${o.surname.toUpperCase()}  ${o.name.toLowerCase()} ${o.patronymic}` };
      dx = { surname: yoToE(o.surname), name: hasYo ? yoToE(o.name) : o.name, patronymic: yoToE(o.patronymic) };
    } else if (kind === 'initials') {
      const n = initialOf(o.name);
      const pt = initialOf(o.patronymic);
      dw = { surname: o.surname, name: n, patronymic: pt, full: rng.chance(0.5) ? `${o.surname} ${n}${pt}` : `${n} ${pt} ${o.surname}` };
      dx = { name: n, patronymic: pt, initials: true };
    } else if (kind === 'swapped') {
      // in three columns the surname and the name trade places; in one, the name comes first
      dw = split
        ? { surname: o.name, name: o.surname, patronymic: o.patronymic, full: '' }
        : { ...dw, full: `${o.name} ${o.patronymic} ${o.surname}` };
      if (split) dx = { surname: o.name, name: o.surname };
    } else if (kind === 'phone') {
      const t = typo(o.surname);
      dw = { ...dw, surname: t, full: `${t} ${o.name} ${o.patronymic}` };
      dx = { surname: t };
    }
    const phoneRaw = kind === 'exact' || kind === 'phone' ? reformat(o.phone, rng.next()) : o.phone;
    rows.push(writeRow(o, dw, phoneRaw, messy ? rng.pick(spellings(o.municipality)) : o.municipality));
    truth.people.push(expected(o, rows.length, dx));
    truth.duplicates.push({ row: rows.length, of: orig.row, kind });
  }

  if (messy) {
    rows.push([]);
    truth.emptyRows.push(rows.length);
    const totals = new Array<string>(split ? cols.surname! + 1 : cols.fullName! + 1).fill('');
    totals[totals.length - 1] = `Итого: ${number} человек`;
    rows.push(totals);
    truth.totalsRow = rows.length;
  }
  return { sheetName: opts.sheetName ?? 'Делегаты', rows, merges, truth };
}

/** The same number in another notation (the phone duplicate must not be a byte-equal copy). */
function reformat(raw: string, x: number): string {
  const n = normalizePhone(raw);
  if (!n) return raw;
  const d = n.slice(2);
  return x < 0.5 ? `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}` : `+7${d}`;
}
