/**
 * The audit trail, derived from the change log alone: who changed what and when, with the value each
 * field had before. Pure (no DOM, no database), so it is tested on generated logs directly.
 *
 * Everything comes from the log rather than from the tables: a deleted person's name is still in the
 * log (the put that created them), the label of a row is what it was called last, and "before" is the
 * previous change of the same field of the same row. The screen loads the log newest first in chunks,
 * so older history may still be missing while it loads: `complete` says whether "nothing earlier" means
 * "this change created the field" or "not loaded yet".
 */
import type { ChangeRecord } from '../../../shared/sync/change';
import { unpackHlc } from '../../../shared/sync/hlc';
import { foldRussian } from '../../../shared/search/fold';
import { formatDate } from '../../../shared/text/format';
import { tr } from '../../i18n';
import { describeFieldChange, formatFieldValue, type FieldChange, type RecordNames } from './humanize';
import { tableRowLabel } from '../../common/tables';

/** Fields never shown: ids that repeat the row or the event. */
const HIDDEN_FIELDS = new Set(['id', 'hlc', 'device', 'createdAt', 'eventId']);

export type { FieldChange } from './humanize';

export type AuditEntry = {
  hlc: string;
  /** Device wall time of the change (from its clock stamp), ms since epoch. */
  at: number;
  device: string;
  table: string;
  tableLabel: string;
  rowId: string;
  /** The row in words: a person's full name, a registration's person, an application's title… */
  subject: string;
  kind: 'create' | 'update' | 'delete';
  /** Who was at the desk, when the row says (check-ins, badge prints). */
  operator?: string;
  fields: FieldChange[];
};

const rowKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;

type Fields = Record<string, unknown>;

/**
 * The change log held in memory for the audit screen: all loaded changes in clock order and, per row,
 * its changes in clock order. Chunks may arrive in any order (older ones while loading, newer ones
 * live); adding the same change twice keeps one.
 */
export class AuditLog {
  private asc: ChangeRecord[] = [];
  private seen = new Set<string>();
  private byRow = new Map<string, ChangeRecord[]>();
  private stateCache = new Map<string, Fields>();
  private personCache = new Map<string, string | null>();
  private known = new Map<string, string>();
  /** True once the oldest change is loaded: a field with no earlier change then had no value. */
  private complete = false;
  /** Bumped on every add; memoization key for the screen. */
  version = 0;

  /**
   * Names of rows that may have no change in this log: reference data seeded on the device (the
   * built-in municipalities) or rows that arrived in a backup. Used only when the log has no name.
   */
  setKnownLabels(table: string, labels: Iterable<readonly [string, string]>): void {
    for (const [id, label] of labels) this.known.set(rowKey(table, id), label);
    this.version += 1;
  }

  /** Says the oldest change is in: from now on "nothing earlier" means "had no value". */
  markComplete(): void {
    if (this.complete) return;
    this.complete = true;
    this.version += 1;
  }

  get isComplete(): boolean {
    return this.complete;
  }

  get size(): number {
    return this.asc.length;
  }

  add(changes: readonly ChangeRecord[]): void {
    const fresh = changes.filter((c) => !this.seen.has(c.hlc));
    if (!fresh.length) return;
    const touched = new Set<string>();
    for (const c of fresh) {
      this.seen.add(c.hlc);
      const key = rowKey(c.table, c.rowId);
      let list = this.byRow.get(key);
      if (!list) this.byRow.set(key, (list = []));
      list.push(c);
      touched.add(key);
    }
    for (const key of touched) {
      this.byRow.get(key)!.sort(byHlc);
      this.stateCache.delete(key);
    }
    // the common cases are one older chunk (prepend) or a few new changes (append); sort only otherwise
    const sorted = [...fresh].sort(byHlc);
    const first = sorted[0]!.hlc;
    const last = sorted[sorted.length - 1]!.hlc;
    if (!this.asc.length || first > this.asc[this.asc.length - 1]!.hlc) this.asc = this.asc.concat(sorted);
    else if (last < this.asc[0]!.hlc) this.asc = sorted.concat(this.asc);
    else this.asc = this.asc.concat(sorted).sort(byHlc);
    this.personCache.clear(); // a registration's person may have changed
    this.version += 1;
  }

  /** The i-th change counted from the newest. */
  newest(i: number): ChangeRecord | undefined {
    return this.asc[this.asc.length - 1 - i];
  }

  /** The last known fields of a row (every put merged in clock order; deletes do not erase the name). */
  rowState(table: string, rowId: string): Fields | undefined {
    const key = rowKey(table, rowId);
    const cached = this.stateCache.get(key);
    if (cached) return cached;
    const list = this.byRow.get(key);
    if (!list) return undefined;
    const state: Fields = {};
    for (const c of list) if (c.op === 'put') Object.assign(state, c.fields);
    this.stateCache.set(key, state);
    return state;
  }

  /**
   * What `field` held just before `change`: the newest earlier put of the same row that wrote it,
   * or nothing after an earlier delete. `undefined` = not known (the older log is not loaded yet).
   */
  previous(change: ChangeRecord, field: string): { value: unknown } | undefined {
    const list = this.byRow.get(rowKey(change.table, change.rowId)) ?? [];
    for (let i = indexOf(list, change.hlc) - 1; i >= 0; i -= 1) {
      const c = list[i]!;
      if (c.op === 'delete') return { value: null };
      if (field in c.fields) return { value: c.fields[field] };
    }
    return this.complete ? { value: null } : undefined;
  }

  /** Whether the row had any change before this one (so this one is an edit, not a creation). */
  private hasEarlier(change: ChangeRecord): boolean | undefined {
    const list = this.byRow.get(rowKey(change.table, change.rowId)) ?? [];
    const i = indexOf(list, change.hlc);
    if (i > 0) return list[i - 1]!.op !== 'delete';
    return this.complete ? false : undefined;
  }

  /** The person a row is about: the person itself, or through its registration or juror. */
  personOf(table: string, rowId: string): string | null {
    const key = rowKey(table, rowId);
    const cached = this.personCache.get(key);
    if (cached !== undefined) return cached;
    let person: string | null = null;
    if (table === 'people') person = rowId;
    else if (table === 'registrations' || table === 'jurors') person = str(this.rowState(table, rowId)?.personId) ?? null;
    else if (table === 'checkins' || table === 'prints') {
      const reg = str(this.rowState(table, rowId)?.registrationId);
      person = reg ? this.personOf('registrations', reg) : null;
    } else if (table === 'scores' || table === 'assignments' || table === 'conflicts') {
      const juror = str(this.rowState(table, rowId)?.jurorId);
      person = juror ? this.personOf('jurors', juror) : null;
    }
    this.personCache.set(key, person);
    return person;
  }

  personName(personId: string): string {
    const p = this.rowState('people', personId);
    const fallback = () => tr('records')('personFallback', { id: shortId(personId) });
    if (!p) return this.known.get(rowKey('people', personId)) ?? fallback();
    return [p.surname, p.name, p.patronymic].filter((s) => typeof s === 'string' && s).join(' ') || fallback();
  }

  /** A row in words, as a reader of the audit trail would name it. */
  label(table: string, rowId: string): string {
    const s = this.rowState(table, rowId) ?? {};
    const ref = (field: string, refTable: string) => {
      const id = str(s[field]);
      return id ? this.label(refTable, id) : '';
    };
    switch (table) {
      case 'people':
        return this.personName(rowId);
      case 'registrations':
      case 'jurors':
      case 'checkins':
      case 'prints': {
        const person = this.personOf(table, rowId);
        return person ? this.personName(person) : rowFallback(table, rowId);
      }
      case 'delegations':
        return ref('municipalityId', 'municipalities') || tr('records')('delegationFallback', { id: shortId(rowId) });
      case 'scores':
      case 'assignments':
      case 'conflicts': {
        const app = ref('applicationId', 'applications');
        const juror = ref('jurorId', 'jurors');
        return [app && `«${app}»`, juror].filter(Boolean).join(' — ') || rowFallback(table, rowId);
      }
      default:
        return str(s.title) ?? str(s.name) ?? this.known.get(rowKey(table, rowId)) ?? rowFallback(table, rowId);
    }
  }

  /** How values name other rows and a score's criteria: by this log's labels. */
  readonly names: RecordNames = {
    row: (table, id) => this.label(table, id),
    criterion: (id) => this.criterion(id),
  };

  /** A criterion's title by its id, from the nominations in the log (the newest title wins). */
  criterion(id: string): string | undefined {
    if (!this.criteria || this.criteriaVersion !== this.version) {
      this.criteria = new Map();
      this.criteriaVersion = this.version;
      for (const [key] of this.byRow) {
        if (!key.startsWith('nominations\u0000')) continue;
        const list = this.rowState('nominations', key.slice('nominations\u0000'.length))?.criteria;
        if (Array.isArray(list)) for (const c of list as Array<{ id?: unknown; title?: unknown }>) if (typeof c.id === 'string' && typeof c.title === 'string') this.criteria.set(c.id, c.title);
      }
    }
    return this.criteria.get(id);
  }

  private criteria?: Map<string, string>;
  private criteriaVersion = -1;

  /** A value as the screen shows it: referenced rows by label, codes, booleans, dates and marks in words. */
  format(field: string, value: unknown): string {
    return formatFieldValue(field, value, this.names);
  }

  /** One change, ready for the screen. */
  entry(change: ChangeRecord): AuditEntry {
    const earlier = this.hasEarlier(change);
    const kind = change.op === 'delete' ? 'delete' : earlier === false ? 'create' : 'update';
    const fields: FieldChange[] = [];
    if (change.op === 'put') {
      for (const [field, value] of Object.entries(change.fields)) {
        if (HIDDEN_FIELDS.has(field) || (kind === 'create' && value === null)) continue;
        const prev = kind === 'create' ? { value: null } : this.previous(change, field);
        fields.push(...describeFieldChange(field, prev, value, this.names));
      }
    }
    const state = this.rowState(change.table, change.rowId);
    const operator = str(state?.operator);
    return {
      hlc: change.hlc,
      at: wallOf(change.hlc),
      device: change.device,
      table: change.table,
      tableLabel: tableRowLabel(change.table),
      rowId: change.rowId,
      subject: this.label(change.table, change.rowId),
      kind,
      ...(operator && { operator }),
      fields,
    };
  }
}

export type AuditFilter = {
  /** Words of a person's name, in any order and case, ё = е; '' = everyone. */
  person: string;
  /** A device id; '' = every device. */
  device: string;
};

/**
 * The changes that pass the filter, as positions counted from the newest (what the list shows, in that
 * order). Linear in the log; the name is matched once per person, not once per change.
 */
export function filterAudit(log: AuditLog, filter: AuditFilter): number[] {
  const words = foldRussian(filter.person).split(' ').filter(Boolean);
  const nameMatch = new Map<string, boolean>();
  const matchesPerson = (personId: string | null) => {
    if (!personId) return false;
    let hit = nameMatch.get(personId);
    if (hit === undefined) {
      const name = foldRussian(log.personName(personId));
      hit = words.every((w) => name.includes(w));
      nameMatch.set(personId, hit);
    }
    return hit;
  };
  const out: number[] = [];
  for (let i = 0; i < log.size; i += 1) {
    const c = log.newest(i)!;
    if (filter.device && c.device !== filter.device) continue;
    if (words.length && !matchesPerson(log.personOf(c.table, c.rowId))) continue;
    out.push(i);
  }
  return out;
}

/** Device ids that appear in the log, with how many changes each wrote, most active first. */
export function devicesInLog(log: AuditLog): Array<{ id: string; count: number }> {
  const counts = new Map<string, number>();
  for (let i = 0; i < log.size; i += 1) {
    const d = log.newest(i)!.device;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** A device as people know it: its name when this device has its row, else the name Сход gives new devices. */
export function deviceLabel(id: string, names: ReadonlyMap<string, string>): string {
  return names.get(id) ?? tr('records')('deviceFallback', { id: id.slice(0, 4).toUpperCase() });
}

/** «18.12.2019, 09:41:05» in the event's time zone. */
export function formatTime(ms: number): string {
  return Number.isFinite(ms) ? formatDate(ms, 'dateTimeSeconds') : '—';
}

const rowFallback = (table: string, rowId: string) => tr('records')('rowFallback', { table: tableRowLabel(table), id: shortId(rowId) });
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const shortId = (id: string) => id.slice(0, 6);
const byHlc = (a: ChangeRecord, b: ChangeRecord) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0);

function wallOf(hlc: string): number {
  try {
    return unpackHlc(hlc).wall;
  } catch {
    return 0;
  }
}

/** Position of a stamp in a list sorted by stamp (binary search); -1 when absent. */
function indexOf(list: readonly ChangeRecord[], hlc: string): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const h = list[mid]!.hlc;
    if (h === hlc) return mid;
    if (h < hlc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
