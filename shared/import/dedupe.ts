/**
 * Possible duplicates, inside a file and against people already stored. One identity key for a
 * person, built on shared/text/spelling (the module desk search uses too): case, ё/е, Latin look-alikes,
 * Bashkir/Tatar letters, spaces vs hyphens in a double surname all fold away; initials are compatible
 * with the full name they abbreviate, and partial initials too («Хайруллин А.» ~ «Хайруллин Азат
 * Маратович», «Хайруллин Азат» ~ «Хайруллин А.М.»); a missing patronymic is compatible with any;
 * surname and name swapped; the same phone. Each candidate comes with its reasons; `weigh` adds the
 * evidence for and against and the safe default (merge only when nothing contradicts).
 *
 * Linear: every person goes into hash indexes by key, and each lookup looks at no more than
 * MAX_PER_KEY people per key, so 10,000 rows against 100,000 people stay fast even when a surname is
 * common. The cap is far above real buckets (100,000 generated people: at most 22 share a surname and
 * initials) and only bites on hostile input (10,000 identical rows), where it bounds the output.
 */
import { normalizePhone } from '../people/phone';
import { foldName, nameKey } from '../text/spelling';
import { said, type Said } from '../text/said';

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

/** One name part as the identity compares it (see nameKey: «Петрова Водкина» = «Петрова–Водкина»). */
const f = nameKey;
/** An initial: one letter, with or without its dot, after the characters are repaired. */
const isInitial = (s: string) => /^\p{L}\.?$/u.test(foldName(s));

/** A name part folded once: its key and whether it is an initial. */
type Part = { key: string; initial: boolean };
const part = (s: string): Part => ({ key: f(s), initial: s.length <= 3 && isInitial(s) });

/**
 * Two parts of a name that may be the same: equal, or one is the initial of the other, or (when
 * `optional`, as for a patronymic) one is missing.
 */
function partsAgree(a: Part, b: Part, optional: boolean): boolean {
  if (!a.key || !b.key) return optional || a.key === b.key;
  if (a.key === b.key) return true;
  if (a.initial || b.initial) return a.key[0] === b.key[0];
  return false;
}

/** The keys dedupe compares; exported so that the database can index people the same way. */
export function personKeys(p: PersonLike): PersonKeys {
  return keysOf(p, f(p.surname), f(p.name), f(p.patronymic));
}

function keysOf(p: PersonLike, s: string, n: string, pt: string): PersonKeys {
  return {
    full: `${s}|${n}|${pt}`,
    initials: `${s}|${n.slice(0, 1)}|${pt.slice(0, 1)}`,
    surnameName: `${s}|${n}`,
    nameSurname: `${n}|${s}`,
    phone: p.phone ? (normalizePhone(p.phone) ?? '') : '',
  };
}

/** A person folded once for the index: keys, name parts, the bucket where full names meet their initials. */
type Indexed = { p: PersonLike; k: PersonKeys; name: Part; patronymic: Part; initials: boolean; surnameInitial: string; surname: string };

function indexed(p: PersonLike): Indexed {
  const surname = f(p.surname);
  const name = part(p.name);
  const patronymic = part(p.patronymic);
  return {
    p,
    k: keysOf(p, surname, name.key, patronymic.key),
    name,
    patronymic,
    initials: name.initial || patronymic.initial,
    surnameInitial: `${surname}|${name.key.slice(0, 1)}`,
    surname,
  };
}

class Index {
  readonly full = new Map<string, number[]>();
  readonly surnameInitial = new Map<string, number[]>();
  readonly surnameName = new Map<string, number[]>();
  readonly phone = new Map<string, number[]>();
  readonly items: Indexed[] = [];

  add(p: PersonLike): void {
    this.addIndexed(indexed(p));
  }

  addIndexed(x: Indexed): void {
    const i = this.items.length;
    this.items.push(x);
    put(this.full, x.k.full, i);
    put(this.surnameInitial, x.surnameInitial, i);
    put(this.surnameName, x.k.surnameName, i);
    if (x.k.phone) put(this.phone, x.k.phone, i);
  }

  /** Earlier entries that may be the same person, with reasons (each reason at most once). */
  candidatesOf(mine: Indexed): Map<number, DedupeReason[]> {
    const k = mine.k;
    const out = new Map<number, DedupeReason[]>();
    const add = (j: number, r: DedupeReason) => {
      const list = out.get(j);
      if (!list) out.set(j, [r]);
      else if (!list.includes(r)) list.push(r);
    };
    if (!mine.surname) return out;
    for (const j of bucket(this.full, k.full)) add(j, 'same-name');
    for (const j of bucket(this.surnameInitial, mine.surnameInitial)) {
      const other = this.items[j]!;
      if (other.k.full === k.full || !partsAgree(mine.name, other.name, false) || !partsAgree(mine.patronymic, other.patronymic, true)) continue;
      add(j, mine.initials || other.initials ? 'initials' : 'partial-name');
    }
    if (k.nameSurname !== k.surnameName) {
      for (const j of bucket(this.surnameName, k.nameSurname)) {
        if (partsAgree(mine.patronymic, this.items[j]!.patronymic, true)) add(j, 'swapped');
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
  const folded = records.map(indexed);
  records.forEach((r, i) => {
    const found = own.candidatesOf(folded[i]!);
    for (const [j, reasons] of [...found].sort((a, b) => a[0] - b[0])) {
      inFile.push({ rowA: records[j]!.row, rowB: r.row, reasons: sortReasons(reasons) });
    }
    own.addIndexed(folded[i]!);
  });

  const out: Array<ExistingMatch<Id>> = [];
  if (existing.length > 0) {
    const stored = new Index();
    for (const e of existing) stored.add(e);
    records.forEach((r, i) => {
      for (const [j, reasons] of [...stored.candidatesOf(folded[i]!)].sort((a, b) => a[0] - b[0])) {
        out.push({ row: r.row, existingId: existing[j]!.id, reasons: sortReasons(reasons) });
      }
    });
  }
  return { duplicatesInFile: inFile.map((d) => [d.rowA, d.rowB]), inFile, existing: out };
}

function sortReasons(reasons: DedupeReason[]): DedupeReason[] {
  return DEDUPE_REASONS.filter((r) => reasons.includes(r));
}

/** What is known about each side of a candidate pair besides the name. Municipality: an id or a name, the same kind on both sides. */
export type PersonFacts = { phone?: string; municipality?: string; organization?: string; birthYear?: number };

/** Evidence for a pair, shown to the user: what matches and what contradicts. */
export type Evidence = DedupeReason | 'same-organization' | 'other-municipality' | 'other-birth-year' | 'other-phone' | 'other-organization';

/** The words for a piece of evidence («то же ФИО», «другой муниципалитет»), from the importRows catalog. */
export const evidenceLabel = (e: Evidence): Said => said(`importRows:evidence.${e}`);

/** Evidence that speaks against the same person (shown as such; see `weigh` for what decides). */
export const CONTRADICTIONS: ReadonlySet<Evidence> = new Set(['other-municipality', 'other-birth-year', 'other-phone', 'other-organization']);

export type Verdict = {
  /** Matches first, then contradictions. */
  evidence: Evidence[];
  /** The safe default: merge only when nothing contradicts and the name match is backed up. */
  merge: boolean;
};

const text = (s?: string) => (s ? foldName(s).replace(/["«»“”'`]/g, '') : '');
const phoneOf = (s?: string) => (s ? (normalizePhone(s) ?? s) : '');

/**
 * The evidence for a candidate pair and the default decision. The rule (issue 22):
 * - a different municipality or birth year always asks;
 * - a different phone or a different organization alone does not (a new phone or a new job is what an
 *   updated list brings); both at once do — nothing of the person is left but the name;
 * - with nothing contradicting, the same full name merges; initials, a missing patronymic or swapped
 *   parts merge only when a phone or the organization backs them up;
 * - a shared phone alone (an office phone) never merges.
 */
export function weigh(reasons: readonly DedupeReason[], a: PersonFacts, b: PersonFacts): Verdict {
  const evidence: Evidence[] = [...reasons];
  const both = (x?: string, y?: string) => Boolean(x) && Boolean(y);
  const sameOrg = both(text(a.organization), text(b.organization)) && text(a.organization) === text(b.organization);
  if (sameOrg) evidence.push('same-organization');
  if (both(a.municipality, b.municipality) && a.municipality !== b.municipality) evidence.push('other-municipality');
  if (a.birthYear !== undefined && b.birthYear !== undefined && a.birthYear !== b.birthYear) evidence.push('other-birth-year');
  if (both(phoneOf(a.phone), phoneOf(b.phone)) && phoneOf(a.phone) !== phoneOf(b.phone)) evidence.push('other-phone');
  if (both(text(a.organization), text(b.organization)) && !sameOrg) evidence.push('other-organization');

  const contradicted =
    evidence.includes('other-municipality') || evidence.includes('other-birth-year') || (evidence.includes('other-phone') && evidence.includes('other-organization'));
  const backed = reasons.includes('same-phone') || sameOrg;
  const merge = !contradicted && (reasons.includes('same-name') || (backed && reasons.some((r) => r === 'initials' || r === 'partial-name' || r === 'swapped')));
  return { evidence, merge };
}
