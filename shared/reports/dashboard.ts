import type { Arrival } from '../domain/arrival';
import type { Category, CheckinEntry, Municipality, Registration, Role, Section } from '../domain/types';

export type DashboardInput = {
  registrations: readonly Registration[];
  arrivals: ReadonlyMap<string, Arrival>;
  municipalities: readonly Municipality[];
  delegations: ReadonlyArray<{ municipalityId: string; expected: number }>;
  sections: readonly Section[];
  checkins: readonly CheckinEntry[];
  /** Bucket size for arrivals over time. */
  intervalMinutes?: number;
};

export type Counted = { registered: number; arrived: number };

export type Dashboard = {
  totals: Counted & { expected: number; walkIns: number };
  byMunicipality: Array<Counted & { municipalityId: string; name: string; region: string; federalDistrict: string; expected: number }>;
  byCategory: Array<Counted & { category: Category }>;
  byRole: Array<Counted & { role: Role }>;
  sections: Array<{ sectionId: string; title: string; capacity: number; assigned: number; arrived: number }>;
  /** Arrivals in force per interval, from the first to the last arrival (empty intervals included). */
  arrivalsOverTime: Array<{ start: string; count: number }>;
};

/**
 * The organizer's figures, from rows already loaded. Cancelled registrations are left out everywhere;
 * "arrived" is the derived arrival (an annulled check-in does not count).
 */
export function computeDashboard(input: DashboardInput): Dashboard {
  const regs = input.registrations.filter((r) => r.status !== 'cancelled');
  const arrived = (r: Registration) => input.arrivals.get(r.id)?.arrived === true;
  const bump = <K>(map: Map<K, Counted>, key: K, r: Registration) => {
    const c = map.get(key) ?? { registered: 0, arrived: 0 };
    c.registered += 1;
    if (arrived(r)) c.arrived += 1;
    map.set(key, c);
  };

  const byMun = new Map<string, Counted>();
  const byCat = new Map<Category, Counted>();
  const byRole = new Map<Role, Counted>();
  const bySection = new Map<string, Counted>();
  for (const r of regs) {
    if (r.municipalityId) bump(byMun, r.municipalityId, r);
    bump(byCat, r.category, r);
    bump(byRole, r.role, r);
    if (r.sectionId) bump(bySection, r.sectionId, r);
  }

  const expectedBy = new Map(input.delegations.map((d) => [d.municipalityId, d.expected]));
  const munById = new Map(input.municipalities.map((m) => [m.id, m]));
  const munIds = new Set([...byMun.keys(), ...expectedBy.keys()]);
  const collator = new Intl.Collator('ru');
  const byMunicipality = [...munIds]
    .map((id) => {
      const m = munById.get(id);
      const c = byMun.get(id) ?? { registered: 0, arrived: 0 };
      return { municipalityId: id, name: m?.name ?? '—', region: m?.region ?? '', federalDistrict: m?.federalDistrict ?? '', expected: expectedBy.get(id) ?? 0, ...c };
    })
    .sort((a, b) => collator.compare(a.name, b.name));

  const totals = {
    registered: regs.length,
    arrived: regs.filter(arrived).length,
    expected: input.delegations.reduce((s, d) => s + d.expected, 0),
    walkIns: regs.filter((r) => r.source === 'walk-in').length,
  };

  return {
    totals,
    byMunicipality,
    byCategory: [...byCat].map(([category, c]) => ({ category, ...c })).sort((a, b) => b.registered - a.registered),
    byRole: [...byRole].map(([role, c]) => ({ role, ...c })).sort((a, b) => b.registered - a.registered),
    sections: [...input.sections]
      .sort((a, b) => a.order - b.order)
      .map((s) => ({ sectionId: s.id, title: s.title, capacity: s.capacity, assigned: bySection.get(s.id)?.registered ?? 0, arrived: bySection.get(s.id)?.arrived ?? 0 })),
    arrivalsOverTime: arrivalsOverTime(regs, input.arrivals, input.intervalMinutes ?? 10),
  };
}

function arrivalsOverTime(regs: readonly Registration[], arrivals: ReadonlyMap<string, Arrival>, minutes: number) {
  const step = minutes * 60_000;
  const times = regs.flatMap((r) => {
    const a = arrivals.get(r.id);
    return a?.arrived && a.at ? [Date.parse(a.at)] : [];
  });
  if (!times.length) return [];
  const first = Math.floor(Math.min(...times) / step) * step;
  const last = Math.floor(Math.max(...times) / step) * step;
  const counts = new Array<number>((last - first) / step + 1).fill(0);
  for (const t of times) counts[Math.floor((t - first) / step)]! += 1;
  return counts.map((count, i) => ({ start: new Date(first + i * step).toISOString(), count }));
}
