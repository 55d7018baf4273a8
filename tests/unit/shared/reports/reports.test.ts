import { describe, expect, it } from 'vitest';
import demoSpec from '../../../../resources/demo-event.json';
import reference from '../../../../resources/municipalities.json';
import { buildDemoBundle, type DemoSpec } from '../../../../shared/demo/build-demo';
import { deriveArrivals } from '../../../../shared/domain/arrival';
import type { CheckinEntry, Municipality } from '../../../../shared/domain/types';
import { computeDashboard } from '../../../../shared/reports/dashboard';
import { eventSummary } from '../../../../shared/reports/summary';
import { packHlc } from '../../../../shared/sync/hlc';
import { setFormatLanguage } from '../../../../shared/text/format';

// numbers are joined to their nouns with a no-break space (shared/text/format); compared here as plain spaces
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const plainSummary = (...args: Parameters<typeof eventSummary>) => plain(eventSummary(...args));

const builtin: Municipality[] = (reference as Omit<Municipality, 'id' | 'builtin'>[]).map((m) => ({ ...m, id: `ref:${m.name}`, builtin: true }));
let n = 0;
const bundle = buildDemoBundle({ spec: demoSpec as DemoSpec, municipalities: builtin, newId: () => `id${++n}`, now: new Date('2019-12-01T00:00:00Z') });
const municipalities = [...builtin, ...bundle.municipalities];

function checkins(ids: string[], start = Date.parse('2019-12-18T04:30:00Z'), gapMs = 60_000): CheckinEntry[] {
  return ids.map((registrationId, i) => ({
    id: `c${i}-${registrationId}`,
    eventId: bundle.event.id,
    registrationId,
    kind: 'arrive',
    device: 'desk1',
    operator: 'О',
    at: new Date(start + i * gapMs).toISOString(),
    hlc: packHlc({ wall: start + i * gapMs, counter: 0, device: 'desk1' }),
  }));
}

function dashboardFor(log: CheckinEntry[]) {
  return computeDashboard({
    registrations: bundle.registrations,
    arrivals: deriveArrivals(log),
    municipalities,
    delegations: bundle.delegations,
    sections: bundle.sections,
    checkins: log,
  });
}

describe('dashboard figures', () => {
  it('counts registered and arrived per municipality, category and role', () => {
    const arrivedIds = bundle.registrations.filter((_, i) => i % 3 === 0).map((r) => r.id);
    const d = dashboardFor(checkins(arrivedIds));
    expect(d.totals).toMatchObject({ registered: 120, arrived: arrivedIds.length });
    expect(d.byMunicipality.reduce((s, m) => s + m.registered, 0)).toBe(bundle.registrations.filter((r) => r.municipalityId).length);
    for (const m of d.byMunicipality) {
      const regs = bundle.registrations.filter((r) => r.municipalityId === m.municipalityId);
      expect(m.registered).toBe(regs.length);
      expect(m.arrived).toBe(regs.filter((r) => arrivedIds.includes(r.id)).length);
    }
    expect(d.byCategory.reduce((s, c) => s + c.arrived, 0)).toBe(arrivedIds.length);
    expect(d.byRole.find((r) => r.role === 'expert')?.registered).toBe(5);
  });

  it('counts arrivals per 10-minute interval, empty intervals included', () => {
    const ids = bundle.registrations.slice(0, 25).map((r) => r.id);
    const d = dashboardFor(checkins(ids, Date.parse('2019-12-18T04:30:00Z'), 60_000)); // 04:30 … 04:54
    expect(d.arrivalsOverTime).toEqual([
      { start: '2019-12-18T04:30:00.000Z', count: 10 },
      { start: '2019-12-18T04:40:00.000Z', count: 10 },
      { start: '2019-12-18T04:50:00.000Z', count: 5 },
    ]);
    const sparse = dashboardFor(checkins(ids.slice(0, 2), Date.parse('2019-12-18T04:30:00Z'), 35 * 60_000));
    expect(sparse.arrivalsOverTime.map((x) => x.count)).toEqual([1, 0, 0, 1]);
  });

  it('does not count an annulled arrival', () => {
    const [first] = bundle.registrations;
    const log = checkins([first!.id]);
    log.push({ ...log[0]!, id: 'annul', kind: 'annul', reason: 'ошибка', hlc: packHlc({ wall: Date.parse('2019-12-18T05:00:00Z'), counter: 0, device: 'desk1' }) });
    expect(dashboardFor(log).totals.arrived).toBe(0);
  });
});

describe('event summary', () => {
  it('reads like the seed report, with correct plural forms and federal districts', () => {
    const d = dashboardFor(checkins(bundle.registrations.map((r) => r.id)));
    const text = plainSummary(bundle.event, d);
    expect(text).toContain('18 декабря 2019 г. в городе Уфа прошла межрегиональная конференция «Сообщества: перспективы и технологии развития».');
    expect(text).toContain('Её участниками стали 120 человек из 25 муниципальных образований Республики Башкортостан и 2 муниципальных образований Приволжского и Уральского федеральных округов');
  });

  it('names the sections people were assigned to', () => {
    const withSections = bundle.registrations.map((r, i) => ({ ...r, sectionId: bundle.sections[i % 4]!.id }));
    const d = computeDashboard({ registrations: withSections, arrivals: deriveArrivals(checkins(withSections.map((r) => r.id))), municipalities, delegations: bundle.delegations, sections: bundle.sections, checkins: [] });
    expect(plainSummary(bundle.event, d)).toContain('Работа прошла в 4 секциях: «Социальное партнёрство в создании городских и сельских сообществ», «Комьюнити-менеджмент');
    expect(d.sections.map((s) => s.assigned)).toEqual([30, 30, 30, 30]);
  });

  it('agrees numbers with nouns and the event name with its verb', () => {
    const one = bundle.registrations.find((r) => r.municipalityId === 'ref:г. Сибай')!;
    const d = dashboardFor(checkins([one.id]));
    expect(plainSummary({ ...bundle.event, title: 'Форум местных сообществ' }, d)).toContain('прошёл форум местных сообществ. Его участниками стали 1 человек из 1 муниципального образования Республики Башкортостан');
    const two = bundle.registrations.filter((r) => r.municipalityId === 'ref:г. Уфа').slice(0, 2);
    expect(plainSummary(bundle.event, dashboardFor(checkins(two.map((r) => r.id))))).toContain('стали 2 человека из 1 муниципального образования');
  });

  it('says plainly when nobody has arrived yet', () => {
    expect(plainSummary(bundle.event, dashboardFor([]))).toContain('Отметок о прибытии участников пока нет.');
  });

  it('stays one Russian sentence when the interface is in English: the date and numbers read the Russian way', () => {
    setFormatLanguage('en');
    try {
      const text = plainSummary(bundle.event, dashboardFor(checkins(bundle.registrations.map((r) => r.id))));
      expect(text).toContain('18 декабря 2019 г. в городе Уфа прошла');
      expect(text).not.toContain('December');
    } finally {
      setFormatLanguage('ru');
    }
  });
});
