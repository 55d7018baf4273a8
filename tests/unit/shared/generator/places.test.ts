import { describe, expect, it } from 'vitest';
import municipalities from '../../../../resources/municipalities.json';
import type { MunicipalityInput } from '../../../../shared/generator/places';
import { describePlace, regionGenitive } from '../../../../shared/generator/places';
import { createJobPicker, orgTemplates } from '../../../../shared/generator/organizations';
import { otherRegionMunicipalities } from '../../../../shared/generator/other-regions';
import { createRng } from '../../../../shared/generator/rng';
import { categories, organizationKinds } from '../../../../shared/domain/types';

const reference = municipalities as MunicipalityInput[];
const byName = (name: string) => reference.find((m) => m.name === name)!;

describe('describePlace', () => {
  it('builds the official names the seed text uses', () => {
    const sibay = describePlace(byName('г. Сибай'));
    expect(`Администрация ${sibay.official} ${sibay.region}`).toBe('Администрация городского округа город Сибай Республики Башкортостан');
    const birsk = describePlace(byName('Бирский район'));
    expect(`Администрация ${birsk.official} ${birsk.region}`).toBe('Администрация муниципального района Бирский район Республики Башкортостан');
    expect(birsk.of).toBe('Бирского района');
    expect(birsk.settlement).toBe('г. Бирск');
    expect(describePlace(byName('Гафурийский район')).settlement).toBe('с. Красноусольский');
  });

  it('knows the centre of every district of the reference list', () => {
    for (const m of reference.filter((x) => x.kind === 'district')) {
      const p = describePlace(m);
      expect(p.localGov, m.name).toBeDefined();
      expect(p.settlement, m.name).toMatch(/^(с\.|г\.|р\.п\.) /);
    }
  });

  it('does not depend on anything but the municipality', () => {
    expect(describePlace(byName('г. Уфа'))).toEqual(describePlace(byName('г. Уфа')));
  });

  it('describes municipalities of other regions in their own region', () => {
    const [chepetsk] = otherRegionMunicipalities;
    const p = describePlace(chepetsk!);
    expect(p.region).toBe('Кировской области');
    expect(p.regionShort).toBe('Кировской области');
    expect(p.official).toBe('муниципального образования «Город Кирово-Чепецк»');
    expect(p.localGov).toBeUndefined();
  });

  it('copes with a user-added municipality of an unfamiliar shape', () => {
    const p = describePlace({ name: 'Зуевский район', kind: 'other', region: 'Кировская область', federalDistrict: 'Приволжский федеральный округ' });
    expect(p.of).toBe('Зуевского района');
    const q = describePlace({ name: 'ЗАТО Звёздный', kind: 'other', region: 'Пермский край', federalDistrict: 'Приволжский федеральный округ' });
    expect(q.official).toBe('ЗАТО Звёздный');
    expect(q.region).toBe('Пермского края');
  });
});

describe('regionGenitive', () => {
  it.each([
    ['Республика Башкортостан', 'Республики Башкортостан'],
    ['Удмуртская Республика', 'Удмуртской Республики'],
    ['Челябинская область', 'Челябинской области'],
    ['Пермский край', 'Пермского края'],
    ['Москва', ''],
  ])('%s → %j', (region, genitive) => {
    expect(regionGenitive(region)).toBe(genitive);
  });
});

describe('organization templates', () => {
  it('use only known kinds and categories, with positions for each', () => {
    for (const t of orgTemplates) {
      expect(organizationKinds).toContain(t.kind);
      expect(categories).toContain(t.category);
      expect(t.positions.length).toBeGreaterThan(0);
    }
    const used = new Set(orgTemplates.map((t) => t.category));
    for (const c of categories) expect(used, c).toContain(c);
  });

  it('produce short, well-formed names in every municipality', () => {
    const rng = createRng(1);
    const holder = { surname: 'Сафин', name: 'Ринат', patronymic: 'Хамитович' };
    for (const m of [...reference, ...otherRegionMunicipalities]) {
      const pick = createJobPicker(describePlace(m));
      for (let i = 0; i < 50; i++) {
        const job = pick(rng, holder);
        expect(job.organization.length).toBeLessThanOrEqual(110);
        expect(job.organization).not.toMatch(/\s{2}|\s$|undefined|NaN/);
        // guillemets come in pairs, even nested ones
        expect(job.organization.split('«').length).toBe(job.organization.split('»').length);
        expect(job.position).not.toBe('');
      }
    }
  });
});
