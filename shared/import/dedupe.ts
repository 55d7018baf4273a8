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
const first = (s: string) => f(s).slice(0, 1);
/** An initial: one letter, with or without its dot, after the characters are repaired. */
const isInitial = (s: string) => /^\p{L}\.?$/u.test(foldName(s));

/**
 * Two parts of a name that may be the same: equal, or one is the initial of the other, or (when
 * `optional`, as for a patronymic) one is missing.
 */
function partsAgree(a: string, b: string, optional: boolean): boolean {
  const ka = f(a);
  const kb = f(b);
  if (!ka || !kb) return optional || ka === kb;
  if (ka === kb) return true;
  if (isInitial(a) || isInitial(b)) return ka[0] === kb[0];
  return false;
}

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

/** Surname and the name's first letter: the bucket where full names meet their initials. */
const surnameInitial = (p: PersonLike) => `${f(p.surname)}|${first(p.name)}`;

type Indexed = { p: PersonLike; k: PersonKeys; initials: boolean };

class Index {
  readonly full = new Map<string, number[]>();
  readonly surnameInitial = new Map<string, number[]>();
  readonly surnameName = new Map<string, number[]>();
  readonly phone = new Map<string, number[]>();
  readonly items: Indexed[] = [];

  add(p: PersonLike): void {
    const i = this.items.length;
    const k = personKeys(p);
    this.items.push({ p, k, initials: isInitial(p.name) || isInitial(p.patronymic) });
    put(this.full, k.full, i);
    put(this.surnameInitial, surnameInitial(p), i);
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
    for (const j of bucket(this.surnameInitial, surnameInitial(p))) {
      const other = this.items[j]!;
      if (other.k.full === k.full || !partsAgree(p.name, other.p.name, false) || !partsAgree(p.patronymic, other.p.patronymic, true)) continue;
      add(j, mine.initials || other.initials ? 'initials' : 'partial-name');
    }
    if (k.nameSurname !== k.surnameName) {
      for (const j of bucket(this.surnameName, k.nameSurname)) {
        const other = this.items[j]!;
        if (partsAgree(p.patronymic, other.p.patronymic, true)) add(j, 'swapped');
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

/** What is known about each side of a candidate pair besides the name. Municipality: an id or a name, the same kind on both sides. */
export type PersonFacts = { phone?: string; municipality?: string; organization?: string; birthYear?: number };

/** Evidence for a pair, shown to the user: what matches and what contradicts. */
export type Evidence = DedupeReason | 'same-organization' | 'other-municipality' | 'other-birth-year' | 'other-phone' | 'other-organization';

export const EVIDENCE_LABELS: Readonly<Record<Evidence, string>> = {
  'same-name': 'то же ФИО',
  initials: 'те же инициалы',
  'partial-name': 'то же ФИО без отчества',
  swapped: 'имя и фамилия переставлены',
  'same-phone': 'тот же телефон',
  'same-organization': 'та же организация',
  'other-municipality': 'другой муниципалитет',
  'other-birth-year': 'другой год рождения',
  'other-phone': 'другой телефон',
  'other-organization': 'другая организация',
};

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
