import { describe, expect, it } from 'vitest';
import demoSpec from '../../../../resources/demo-event.json';
import reference from '../../../../resources/municipalities.json';
import { buildDemoBundle, type DemoSpec } from '../../../../shared/demo/build-demo';
import type { Municipality } from '../../../../shared/domain/types';
import { normalizeBadgeCode } from '../../../../shared/people/badge-code';

const municipalities: Municipality[] = (reference as Omit<Municipality, 'id' | 'builtin'>[]).map((m) => ({ ...m, id: `ref:${m.name}`, builtin: true }));
const build = (participants?: number) => {
  let n = 0;
  return buildDemoBundle({
    spec: demoSpec as DemoSpec,
    municipalities,
    newId: () => `id${++n}`,
    now: new Date('2019-12-01T09:00:00Z'),
    participants,
  });
};

describe('demo event (Ufa, 18 December 2019)', () => {
  const bundle = build();

  it('is the conference of the seed text', () => {
    expect(bundle.event).toMatchObject({ startDate: '2019-12-18', city: 'Уфа', project: 'КОНСТРУКТОР СООБЩЕСТВ' });
    expect(bundle.event.title).toContain('Сообщества: перспективы и технологии развития');
    expect(bundle.sections.map((s) => s.title)).toEqual([
      'Социальное партнёрство в создании городских и сельских сообществ',
      'Комьюнити-менеджмент как стратегия коммуникации с населением',
      'Соседские сообщества. Добрососедство',
      'Молодёжные сообщества и инициативное бюджетирование',
    ]);
    expect(bundle.programItems.some((p) => p.kind === 'plenary' && p.topics?.some((t) => t.includes('Кирово-Чепецк')))).toBe(true);
  });

  it('has the five experts with their affiliations as expert registrations', () => {
    const experts = bundle.registrations.filter((r) => r.role === 'expert').map((r) => bundle.people.find((p) => p.id === r.personId)!);
    expect(experts.map((p) => p.surname)).toEqual(['Шомина', 'Филиппова', 'Кузнецов', 'Титов', 'Шевкунов']);
    expect(experts[0]!.position).toBe('доктор политических наук');
  });

  it('has ~120 participants from 25 municipalities of Bashkortostan and 2 of other federal districts', () => {
    expect(bundle.registrations).toHaveLength(120);
    const used = new Set(bundle.registrations.flatMap((r) => (r.municipalityId ? [r.municipalityId] : [])));
    const all = [...municipalities, ...bundle.municipalities];
    const regions = [...used].map((id) => all.find((m) => m.id === id)!);
    expect(regions.filter((m) => m.region === 'Республика Башкортостан')).toHaveLength(25);
    const others = regions.filter((m) => m.region !== 'Республика Башкортостан');
    expect(others.map((m) => m.federalDistrict).sort()).toEqual(['Приволжский федеральный округ', 'Уральский федеральный округ']);
    expect(bundle.delegations).toHaveLength(27);
    expect(used.has('ref:г. Сибай')).toBe(true);
  });

  it('includes the methodist from Sibay named in the seed, with initials only', () => {
    const p = bundle.people.find((x) => x.surname === 'Муталлапова')!;
    expect(p).toMatchObject({ name: 'А.', patronymic: 'Х.', position: 'методист', municipalityId: 'ref:г. Сибай' });
  });

  it('links every registration to a person, its event and a valid unique badge code', () => {
    const people = new Set(bundle.people.map((p) => p.id));
    const codes = new Set<string>();
    for (const r of bundle.registrations) {
      expect(people.has(r.personId)).toBe(true);
      expect(r.eventId).toBe(bundle.event.id);
      expect(normalizeBadgeCode(r.badgeCode)).toBe(r.badgeCode);
      codes.add(r.badgeCode);
      for (const s of r.sectionPrefs) expect(bundle.sections.some((x) => x.id === s)).toBe(true);
    }
    expect(codes.size).toBe(bundle.registrations.length);
  });

  it('expects at least as many delegates per municipality as are registered', () => {
    for (const d of bundle.delegations) {
      const registered = bundle.registrations.filter((r) => r.municipalityId === d.municipalityId).length;
      expect(d.expected).toBeGreaterThanOrEqual(registered);
    }
  });

  it('is deterministic and scales to 100,000 participants', () => {
    expect(build()).toEqual(bundle);
    const big = build(100_000);
    expect(big.registrations).toHaveLength(100_000);
    expect(new Set(big.registrations.map((r) => r.badgeCode)).size).toBe(100_000);
  });
});
