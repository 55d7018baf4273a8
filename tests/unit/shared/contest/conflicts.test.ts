import { describe, expect, it } from 'vitest';
import { blockedPairs, detectConflicts, overrideConflict, pairKey } from '../../../../shared/contest/conflicts';
import type { JurorProfile } from '../../../../shared/contest/conflicts';
import { app, juror } from './fixtures';

const names = { organizationName: (id: string) => ({ o1: 'АНО «Добрые дела»' })[id], municipalityName: (id: string) => ({ m1: 'Бирский район' })[id] };

describe('detectConflicts', () => {
  it('finds the same organization', () => {
    const jurors: JurorProfile[] = [{ ...juror('j1'), organizationId: 'o1' }];
    const out = detectConflicts({ jurors, applications: [app('a1', { organizationId: 'o1' }), app('a2', { organizationId: 'o2' })], ...names });
    expect(out).toMatchObject([{ jurorId: 'j1', applicationId: 'a1', kind: 'organization', reason: 'Эксперт работает в организации-заявителе «АНО «Добрые дела»».' }]);
  });

  it('finds the same municipality as the application', () => {
    const jurors: JurorProfile[] = [{ ...juror('j1'), municipalityId: 'm1' }, { ...juror('j2'), municipalityId: 'm2' }];
    const out = detectConflicts({ jurors, applications: [app('a1', { municipalityId: 'm1' }), app('a2')], ...names });
    expect(out).toMatchObject([{ jurorId: 'j1', applicationId: 'a1', kind: 'municipality', reason: 'Эксперт из того же муниципалитета, что и заявка («Бирский район»).' }]);
  });

  it('does not match a missing municipality with a missing municipality', () => {
    const out = detectConflicts({ jurors: [juror('j1')], applications: [app('a1')] });
    expect(out).toEqual([]);
  });

  it('finds a juror who is one of the applicants', () => {
    const out = detectConflicts({ jurors: [juror('j1')], applications: [app('a1', { applicantPersonIds: ['p-x', 'p-j1'] })] });
    expect(out.map((c) => c.kind)).toEqual(['applicant']);
  });

  it('checks only the juror’s own nominations and contest', () => {
    const jurors: JurorProfile[] = [{ ...juror('j1'), organizationId: 'o1' }];
    const out = detectConflicts({ jurors, applications: [app('a1', { organizationId: 'o1', nominationId: 'n2' }), app('a2', { organizationId: 'o1', contestId: 'other' })] });
    expect(out).toEqual([]);
  });

  it('keeps declared and manual conflicts with their reasons, one row per kind', () => {
    const out = detectConflicts({
      jurors: [{ ...juror('j1'), municipalityId: 'm1' }],
      applications: [app('a1', { municipalityId: 'm1' })],
      declared: [{ jurorId: 'j1', applicationId: 'a1', reason: 'консультировал заявителя' }, { jurorId: 'j1', applicationId: 'a1', reason: 'повтор' }],
      manual: [{ jurorId: 'j1', applicationId: 'a9', reason: '' }],
    });
    expect(out.map((c) => [c.applicationId, c.kind, c.reason])).toEqual([
      ['a1', 'municipality', 'Эксперт из того же муниципалитета, что и заявка.'],
      ['a1', 'declared', 'Заявлен экспертом: консультировал заявителя'],
      ['a9', 'manual', 'Отмечен организатором: причина не указана'],
    ]);
  });

  it('applies an override per kind and only with a reason', () => {
    const jurors: JurorProfile[] = [{ ...juror('j1'), municipalityId: 'm1', organizationId: 'o1' }];
    const applications = [app('a1', { municipalityId: 'm1', organizationId: 'o1' })];
    const at = '2019-12-20T10:00:00Z';
    const out = detectConflicts({
      jurors,
      applications,
      overrides: [
        { jurorId: 'j1', applicationId: 'a1', kind: 'municipality', override: { by: 'Председатель', at, reason: 'крупный город, разные районы' } },
        { jurorId: 'j1', applicationId: 'a1', kind: 'organization', override: { by: 'Председатель', at, reason: '   ' } },
      ],
    });
    expect(out.find((c) => c.kind === 'municipality')!.overridden).toEqual({ by: 'Председатель', at, reason: 'крупный город, разные районы' });
    expect(out.find((c) => c.kind === 'organization')!.overridden).toBeUndefined();
    // the organization conflict still blocks the pair
    expect(blockedPairs(out).has(pairKey('j1', 'a1'))).toBe(true);
  });
});

describe('overrideConflict / blockedPairs', () => {
  const c = { jurorId: 'j1', applicationId: 'a1', kind: 'municipality' as const, reason: 'тест' };

  it('refuses an override without a reason', () => {
    const r = overrideConflict(c, { by: 'Секретарь', at: '2019-12-20T10:00:00Z', reason: ' ' });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('Укажите, почему') });
  });

  it('unblocks a pair once every conflict of it is overridden', () => {
    const r = overrideConflict(c, { by: ' Секретарь ', at: '2019-12-20T10:00:00Z', reason: ' разные районы ' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.conflict.overridden).toEqual({ by: 'Секретарь', at: '2019-12-20T10:00:00Z', reason: 'разные районы' });
    expect(blockedPairs([c]).has('j1|a1')).toBe(true);
    expect(blockedPairs([r.conflict]).size).toBe(0);
  });
});
