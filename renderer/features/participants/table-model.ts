/**
 * Filtering and sorting of the participants table, pure and fast at 100,000 rows: the search text of
 * each row is folded once when the rows change (not per keystroke, not per render), and a column's
 * order is computed once per rows and reused — a filter keeps that order by walking it.
 */
import type { Arrival } from '../../../shared/domain/arrival';
import type { Category, RegistrationStatus, Role } from '../../../shared/domain/types';
import type { RegistrationRow } from '../../hooks/use-participants';
import { fold } from '../../../shared/import/normalize';

export const columns = ['name', 'municipality', 'organization', 'role', 'badge', 'arrived'] as const;
export type Column = (typeof columns)[number];
export type SortState = { column: Column; descending: boolean };

export type Filters = {
  text: string;
  /** '' all, NONE for rows without a municipality, else a municipality id. */
  municipalityId: string;
  category: '' | Category;
  role: '' | Role;
  status: '' | RegistrationStatus;
  arrived: '' | 'yes' | 'no';
};
export const NONE = '-';
export const noFilters: Filters = { text: '', municipalityId: '', category: '', role: '', status: '', arrived: '' };

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

/** What the text filter matches: name, municipality, organization, position, badge, phone digits, e-mail. */
export function searchKeys(rows: readonly RegistrationRow[]): string[] {
  return rows.map((r) =>
    fold(
      [r.fullName, r.municipality, r.organization, r.person.position ?? '', r.registration.badgeCode, r.person.phone?.replace(/\D/g, '') ?? '', r.person.email ?? ''].join('\u0001'),
    ),
  );
}

export type Arrivals = ReadonlyMap<string, Arrival> | undefined;
export const arrivedOf = (arrivals: Arrivals, registrationId: string) => arrivals?.get(registrationId)?.arrived === true;

/**
 * Row indices in the column's ascending order (ties keep the name order the rows come in). Text
 * columns rank their distinct values once, so 100,000 rows cost a few thousand collator calls.
 */
export function columnOrder(rows: readonly RegistrationRow[], column: Column, arrivals: Arrivals, roleLabel: (r: Role) => string): Int32Array {
  const n = rows.length;
  const identity = () => Int32Array.from({ length: n }, (_, i) => i);
  if (column === 'name') return identity();
  if (column === 'arrived') {
    // not arrived first, then arrived; each group in name order
    const out = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) if (!arrivedOf(arrivals, rows[i]!.registration.id)) out[k++] = i;
    for (let i = 0; i < n; i++) if (arrivedOf(arrivals, rows[i]!.registration.id)) out[k++] = i;
    return out;
  }
  const value = (r: RegistrationRow) =>
    column === 'municipality' ? r.municipality : column === 'organization' ? r.organization : column === 'role' ? roleLabel(r.registration.role) : r.registration.badgeCode;
  const values = rows.map(value);
  const distinct = [...new Set(values)].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
  const rank = new Map(distinct.map((v, i) => [v, i]));
  const ranks = Int32Array.from(values, (v) => rank.get(v)!);
  return identity().sort((a, b) => ranks[a]! - ranks[b]! || a - b);
}

/** Indices of the rows that pass the filters, in the given order (reversed when descending). */
export function filterRows(
  rows: readonly RegistrationRow[],
  keys: readonly string[],
  order: Int32Array,
  descending: boolean,
  filters: Filters,
  arrivals: Arrivals,
): number[] {
  const words = fold(filters.text).split(/\s+/).filter(Boolean);
  const digits = filters.text.replace(/\D/g, '');
  const out: number[] = [];
  const n = order.length;
  for (let k = 0; k < n; k++) {
    const i = order[descending ? n - 1 - k : k]!;
    const row = rows[i]!;
    const reg = row.registration;
    if (filters.municipalityId) {
      const m = reg.municipalityId ?? '';
      if (filters.municipalityId === NONE ? m !== '' : m !== filters.municipalityId) continue;
    }
    if (filters.category && reg.category !== filters.category) continue;
    if (filters.role && reg.role !== filters.role) continue;
    if (filters.status && reg.status !== filters.status) continue;
    if (filters.arrived && arrivedOf(arrivals, reg.id) !== (filters.arrived === 'yes')) continue;
    if (words.length) {
      const key = keys[i]!;
      // a phone typed with separators ("917 345-12") matches by its digits
      if (!words.every((w) => key.includes(w)) && !(digits.length >= 4 && key.includes(digits))) continue;
    }
    out.push(i);
  }
  return out;
}

export function isFiltered(f: Filters): boolean {
  return Boolean(f.text.trim() || f.municipalityId || f.category || f.role || f.status || f.arrived);
}
