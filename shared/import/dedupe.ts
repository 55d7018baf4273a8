/**
 * Possible duplicates, inside a file and against people already stored: the same name up to case, ё/е
 * and spaces; initials against a full name ("Галиуллина А.Х." ~ "Галиуллина Алия Хамитовна"); a name
 * without its patronymic; surname and name swapped ("Алия Галиуллина" read surname-first); the same
 * phone. Each candidate comes with its reasons; the user decides (merge / keep both / skip) — namesakes
 * are real (two "Иванов Иван Иванович" from two districts), so nothing here merges anything.
 *
 * Linear: every person goes into hash indexes by key, and each lookup looks at no more than
 * MAX_PER_KEY people per key, so 10,000 rows against 100,000 people stay fast even when a surname is
 * common. The cap is far above real buckets (100,000 generated people: at most 22 share a surname and
 * initials) and only bites on hostile input (10,000 identical rows), where it bounds the output.
 */
import { normalizePhone } from '../people/phone';
import { fold } from './normalize';

export type DedupeReason = 'same-name' | 'initials' | 'partial-name' | 'swapped' | 'same-phone';
export const DEDUPE_REASONS: readonly DedupeReason[] = ['same-name', 'initials', 'partial-name', 'swapped', 'same-phone'];

export type PersonLike = { surname: string; name: string; patronymic: string; phone?: string };

export type PersonKeys = {
  /** surname|name|patronymic, folded. */
  full: string;
  /** surname|first letter of name|first letter of patronymic. */
  initials: string;
  /** surname|name, for a missing patronymic. */
  surnameName: string;
  /** name|surname, to meet a swapped record's surnameName. */
  nameSurname: string;
  /** "+7XXXXXXXXXX" or ''. */
  phone: string;
};

const MAX_PER_KEY = 64;

const f = (s: string) => fold(s).replace(/\s*-\s*/g, '-').replace(/\.$/, '');
const first = (s: string) => f(s).slice(0, 1);
const isInitial = (s: string) => /^\p{L}\.?$/u.test(s.trim());

/** The keys dedupe compares; exported so that the database can index people the same way. */
export function personKeys(p: PersonLike): PersonKeys {
  const s = f(p.surname);
  const n = f(p.name);
  return {
    full: `${s}|${n}|${f(p.patronymic)}`,
    initials: `${s}|${first(p.name)}|${first(p.patronymic)}`,
    surnameName: `${s}|${n}`,
    nameSurname: `${n}|${s}`,
    phone: p.phone ? (normalizePhone(p.phone) ?? '') : '',
  };
}

type Indexed = { p: PersonLike; k: PersonKeys; initials: boolean };

class Index {
  readonly full = new Map<string, number[]>();
  readonly initials = new Map<string, number[]>();
  readonly surnameName = new Map<string, number[]>();
  readonly phone = new Map<string, number[]>();
  readonly items: Indexed[] = [];

  add(p: PersonLike): void {
    const i = this.items.length;
    const k = personKeys(p);
    this.items.push({ p, k, initials: isInitial(p.name) || isInitial(p.patronymic) });
    put(this.full, k.full, i);
    put(this.initials, k.initials, i);
    put(this.surnameName, k.surnameName, i);
    if (k.phone) put(this.phone, k.phone, i);
  }

  /** Earlier entries that may be the same person as `p`, with reasons (each reason at most once). */
  candidates(p: PersonLike): Map<number, DedupeReason[]> {
    const k = personKeys(p);
    const mine = { p, k, initials: isInitial(p.name) || isInitial(p.patronymic) };
    const out = new Map<number, DedupeReason[]>();
    const add = (j: number, r: DedupeReason) => {
      const list = out.get(j);
      if (!list) out.set(j, [r]);
      else if (!list.includes(r)) list.push(r);
    };
    if (!f(p.surname)) return out;
    for (const j of bucket(this.full, k.full)) add(j, 'same-name');
    for (const j of bucket(this.initials, k.initials)) {
      const other = this.items[j]!;
      if ((mine.initials || other.initials) && other.k.full !== k.full) add(j, 'initials');
    }
    for (const j of bucket(this.surnameName, k.surnameName)) {
      const other = this.items[j]!;
      if (other.k.full !== k.full && (!f(p.patronymic) || !f(other.p.patronymic))) add(j, 'partial-name');
    }
    if (k.nameSurname !== k.surnameName) {
      for (const j of bucket(this.surnameName, k.nameSurname)) {
        const other = this.items[j]!;
        const pa = f(p.patronymic);
        const pb = f(other.p.patronymic);
        if (!pa || !pb || pa === pb) add(j, 'swapped');
      }
    }
    if (k.phone) for (const j of bucket(this.phone, k.phone)) add(j, 'same-phone');
    return out;
  }
}

function put(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else list.push(i);
}

function bucket(map: Map<string, number[]>, key: string): readonly number[] {
  const list = map.get(key);
  if (!list) return [];
  return list.length > MAX_PER_KEY ? list.slice(0, MAX_PER_KEY) : list;
}

export type InFileDuplicate = { rowA: number; rowB: number; reasons: DedupeReason[] };
export type ExistingMatch<Id> = { row: number; existingId: Id; reasons: DedupeReason[] };
export type DuplicateReport<Id> = {
  /** [earlier row, later row], sheet row numbers, in file order. */
  duplicatesInFile: Array<[number, number]>;
  inFile: InFileDuplicate[];
  existing: Array<ExistingMatch<Id>>;
};

/** Candidate duplicates among `records` and between them and `existing` people. */
export function findDuplicates<Id = string>(
  records: ReadonlyArray<PersonLike & { row: number }>,
  existing: ReadonlyArray<PersonLike & { id: Id }> = [],
): DuplicateReport<Id> {
  const inFile: InFileDuplicate[] = [];
  const own = new Index();
  for (const r of records) {
    const found = own.candidates(r);
    for (const [j, reasons] of [...found].sort((a, b) => a[0] - b[0])) {
      inFile.push({ rowA: records[j]!.row, rowB: r.row, reasons: sortReasons(reasons) });
    }
    own.add(r);
  }

  const out: Array<ExistingMatch<Id>> = [];
  if (existing.length > 0) {
    const stored = new Index();
    for (const e of existing) stored.add(e);
    for (const r of records) {
      for (const [j, reasons] of [...stored.candidates(r)].sort((a, b) => a[0] - b[0])) {
        out.push({ row: r.row, existingId: existing[j]!.id, reasons: sortReasons(reasons) });
      }
    }
  }
  return { duplicatesInFile: inFile.map((d) => [d.rowA, d.rowB]), inFile, existing: out };
}

function sortReasons(reasons: DedupeReason[]): DedupeReason[] {
  return DEDUPE_REASONS.filter((r) => reasons.includes(r));
}
