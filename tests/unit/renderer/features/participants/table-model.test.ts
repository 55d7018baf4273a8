import { describe, expect, it } from 'vitest';
import type { Arrival } from '../../../../../shared/domain/arrival';
import type { Registration } from '../../../../../shared/domain/types';
import { generatePeople } from '../../../../../shared/generator';
import type { RegistrationRow } from '../../../../../renderer/hooks/use-participants';
import { columnOrder, filterRows, noFilters, NONE, searchKeys } from '../../../../../renderer/features/participants/table-model';
import { reference } from '../import/pipeline';

const collator = new Intl.Collator('ru', { sensitivity: 'base' });
const role = (r: string) => r;

function rows(n: number, seed = 3): RegistrationRow[] {
  return generatePeople({ seed, count: n, municipalities: reference })
    .map((g, i) => {
      const registration: Registration = {
        id: `r${i}`, eventId: 'e', personId: `p${i}`, role: g.role, category: g.category, municipalityId: `ref:${g.municipality}`,
        status: i % 50 === 0 ? 'cancelled' : 'confirmed', badgeCode: `B${i}`, sectionPrefs: [], source: 'import', createdAt: '',
      };
      return {
        registration,
        person: { id: `p${i}`, surname: g.surname, name: g.name, patronymic: g.patronymic, phone: '+7917' + String(i).padStart(7, '0'), position: g.position },
        fullName: `${g.surname} ${g.name} ${g.patronymic}`,
        municipality: g.municipality,
        organization: g.organization,
      };
    })
    .sort((a, b) => collator.compare(a.fullName, b.fullName));
}

describe('participants table model', () => {
  const data = rows(2_000);
  const keys = searchKeys(data);
  const arrivals = new Map<string, Arrival>(data.filter((_, i) => i % 3 === 0).map((r) => [r.registration.id, { arrived: true, arrivals: 1 }]));

  it('sorts a text column with Russian collation, ties in name order, and reverses', () => {
    const order = columnOrder(data, 'municipality', undefined, role);
    const munis = [...order].map((i) => data[i]!.municipality);
    for (let k = 1; k < munis.length; k++) expect(collator.compare(munis[k - 1]!, munis[k]!)).toBeLessThanOrEqual(0);
    const firstGroup = [...order].filter((i) => data[i]!.municipality === munis[0]);
    expect(firstGroup).toEqual([...firstGroup].sort((a, b) => a - b));
    const desc = filterRows(data, keys, order, true, noFilters, undefined).map((i) => data[i]!.municipality);
    expect(desc).toEqual([...munis].reverse());
  });

  it('filters by municipality, category, role, status, arrival and text (words in any order, phone digits, ё/е)', () => {
    const all = [...columnOrder(data, 'name', undefined, role)];
    const pick = data[123]!;
    const by = (f: Partial<typeof noFilters>) => filterRows(data, keys, Int32Array.from(all), false, { ...noFilters, ...f }, arrivals).map((i) => data[i]!);
    expect(by({ municipalityId: pick.registration.municipalityId! }).every((r) => r.municipality === pick.municipality)).toBe(true);
    expect(by({ municipalityId: NONE })).toEqual([]);
    expect(by({ category: 'youth' }).every((r) => r.registration.category === 'youth')).toBe(true);
    expect(by({ status: 'cancelled' })).toHaveLength(40);
    expect(by({ arrived: 'yes' })).toHaveLength(arrivals.size);
    expect(by({ arrived: 'no' })).toHaveLength(data.length - arrivals.size);
    expect(by({ text: `${pick.person.name.toUpperCase()} ${pick.person.surname.slice(0, 4)}` })).toContain(pick);
    expect(by({ text: pick.person.phone!.slice(-7).replace(/(\d{3})(\d{2})(\d{2})/, '$1-$2 $3') })).toContain(pick);
    expect(by({ text: pick.fullName.replace(/е/g, 'ё') }).map((r) => r.registration.id)).toContain(pick.registration.id);
  });

  it('stays fast at 100,000 rows (figures printed, not asserted)', () => {
    const big = rows(100_000, 9);
    let t = performance.now();
    const k = searchKeys(big);
    const tKeys = performance.now() - t;
    t = performance.now();
    const order = columnOrder(big, 'organization', undefined, role);
    const tOrder = performance.now() - t;
    t = performance.now();
    const hits = filterRows(big, k, order, false, { ...noFilters, text: 'ива' }, undefined);
    const tFilter = performance.now() - t;
    console.log(`100k rows: search keys ${tKeys.toFixed(0)} ms, organization order ${tOrder.toFixed(0)} ms, text filter ${tFilter.toFixed(0)} ms (${hits.length} hits)`);
    expect(hits.length).toBeGreaterThan(0);
  });
});
