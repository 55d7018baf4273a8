import { describe, expect, it } from 'vitest';
import { canEdit, checkContestEdit, closeScoring, lockForScoring, validateContest } from '../../../../shared/contest/setup';
import { GRANT_CRITERIA, grantContestTemplate } from '../../../../shared/contest/template';
import { totalScale } from '../../../../shared/results/totals';
import { toResultsInput } from '../../../../shared/contest/results-input';
import { juror } from './fixtures';

const fresh = () => grantContestTemplate({ contestId: 'c1', eventId: 'e1', nominations: [{ id: 'n1', title: 'Молодёжные инициативы' }, { id: 'n2', title: 'Экология' }] });

describe('grant contest template', () => {
  it('has ten 0–10 criteria with coefficients and four Russian bands each', () => {
    expect(GRANT_CRITERIA).toHaveLength(10);
    expect(GRANT_CRITERIA.map((c) => c.title)).toContain('Актуальность и социальная значимость проекта');
    expect(GRANT_CRITERIA.map((c) => c.title)).toContain('Информационная открытость');
    for (const c of GRANT_CRITERIA) {
      expect([c.min, c.max]).toEqual([0, 10]);
      expect([1, 0.5]).toContain(c.weight);
      expect(c.bands.map((b) => [b.from, b.to])).toEqual([[0, 2], [3, 5], [6, 8], [9, 10]]);
      for (const b of c.bands) expect(b.text).toMatch(/[а-яё]{4}/);
    }
    expect(new Set(GRANT_CRITERIA.map((c) => c.id)).size).toBe(10);
  });

  it('declares the grant-contest rules: two experts, justification, mean, the tie-break chain', () => {
    const { contest, nominations } = fresh();
    expect(contest).toMatchObject({ status: 'setup', minReviews: 2, method: 'mean', tieBreaks: ['higher-median', 'more-max-marks', 'earlier-submission', 'shared-place'] });
    expect(nominations.map((n) => n.commentRequired)).toEqual([true, true]);
    expect(validateContest(contest, nominations)).toEqual([]);
    // total = Σ score × coefficient: 0…80 with these coefficients
    const { nominations: inputs } = toResultsInput(contest, nominations, [], []);
    expect(totalScale(inputs[0]!.input.criteria)).toEqual({ min: 0, max: 80 });
  });

  it('gives every nomination its own copy of the form', () => {
    const { nominations } = fresh();
    nominations[0]!.criteria[0]!.bands[0]!.text = 'изменено';
    expect(nominations[1]!.criteria[0]!.bands[0]!.text).not.toBe('изменено');
    expect(GRANT_CRITERIA[0]!.bands[0]!.text).not.toBe('изменено');
  });
});

describe('validateContest', () => {
  it('reports errors with Russian messages, errors before warnings', () => {
    const { contest, nominations } = fresh();
    const bad = { ...contest, title: ' ', minReviews: 0, tieBreaks: ['shared-place', 'higher-median', 'higher-median'] as typeof contest.tieBreaks };
    const n = nominations[0]!;
    n.criteria[1] = { ...n.criteria[1]!, id: n.criteria[0]!.id, max: 0, weight: 0 };
    n.criteria[2] = { ...n.criteria[2]!, bands: [{ from: 0, to: 4, text: 'a' }, { from: 3, to: 10, text: 'b' }] };
    n.criteria[3] = { ...n.criteria[3]!, bands: [{ from: 0, to: 2, text: 'a' }, { from: 5, to: 12, text: 'b' }] };
    n.criteria[4] = { ...n.criteria[4]!, bands: [{ from: 0, to: 5, text: '' }] };
    const issues = validateContest(bad, nominations);
    const codes = issues.map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['title-empty', 'min-reviews', 'tie-break-duplicate', 'tie-break-after-shared', 'criterion-duplicate', 'scale', 'weight', 'band-overlap', 'band-range', 'band-gap', 'band-text']),
    );
    const firstWarning = issues.findIndex((i) => i.severity === 'warning');
    expect(issues.slice(firstWarning).every((i) => i.severity === 'warning')).toBe(true);
    expect(issues.find((i) => i.code === 'scale')!.message).toBe('Номинация «Молодёжные инициативы», критерий «Логическая связность и реализуемость проекта»: шкала должна быть из целых чисел, от меньшего к большему (сейчас 0–0).');
    expect(issues.filter((i) => i.code === 'band-gap').map((i) => i.message)).toEqual([
      'Номинация «Молодёжные инициативы», критерий «Инновационность, уникальность проекта»: для баллов 3–10 нет описания.',
      'Номинация «Молодёжные инициативы», критерий «Соотношение планируемых расходов и ожидаемых результатов»: для баллов 6–10 нет описания.',
    ]);
  });

  it('warns about one review per application and about nominations short of jurors', () => {
    const { contest, nominations } = fresh();
    const issues = validateContest({ ...contest, minReviews: 1 }, nominations, [juror('j1', { nominationIds: ['n1'] })]);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([
      ['warning', 'min-reviews-low'],
      ['warning', 'jurors-too-few'],
    ]);
    expect(issues[1]!.message).toBe('Номинация «Экология»: экспертов 0, а каждой заявке нужно 1.');
  });

  it('needs at least one nomination with criteria', () => {
    const { contest, nominations } = fresh();
    expect(validateContest(contest, []).map((i) => i.code)).toEqual(['no-nominations']);
    expect(validateContest(contest, [{ ...nominations[0]!, criteria: [] }]).map((i) => i.code)).toEqual(['no-criteria']);
  });
});

describe('locking for scoring', () => {
  const now = '2019-12-21T09:00:00Z';

  it('opens scoring only on a valid setup', () => {
    const { contest, nominations } = fresh();
    const refused = lockForScoring({ ...contest, title: '' }, nominations, now);
    expect(refused.ok).toBe(false);
    const ok = lockForScoring(contest, nominations, now);
    expect(ok).toEqual({ ok: true, contest: { ...contest, status: 'scoring', lockedAt: now } });
    if (!ok.ok) return;
    expect(lockForScoring(ok.contest, nominations, now).ok).toBe(false);
    expect(closeScoring(ok.contest).status).toBe('closed');
    expect(() => closeScoring(contest)).toThrow();
  });

  it('freezes the method, tie-breaks and forms once scoring is open', () => {
    const { contest } = fresh();
    const scoring = { ...contest, status: 'scoring' as const };
    for (const f of ['method', 'tieBreaks', 'criteria', 'nominations', 'commentRequired'] as const) {
      expect(canEdit(contest, f)).toBe(true);
      expect(canEdit(scoring, f)).toBe(false);
    }
    for (const f of ['title', 'minReviews', 'applications', 'jurors', 'assignments'] as const) expect(canEdit(scoring, f)).toBe(true);
    expect(canEdit({ status: 'closed' }, 'title')).toBe(false);
  });

  it('checkContestEdit refuses each locked change with a message and allows the rest', () => {
    const { contest, nominations } = fresh();
    const scoring = { ...contest, status: 'scoring' as const, lockedAt: now };
    const before = { contest: scoring, nominations };
    expect(checkContestEdit(before, { contest: { ...scoring, title: 'Новое название', minReviews: 3 }, nominations })).toEqual([]);
    const changedForm = nominations.map((n, i) => (i === 0 ? { ...n, criteria: n.criteria.map((c, k) => (k === 0 ? { ...c, weight: 2 } : c)) } : n));
    const issues = checkContestEdit(before, { contest: { ...scoring, method: 'median', tieBreaks: ['shared-place'] }, nominations: changedForm });
    expect(issues.map((i) => i.message)).toEqual([
      'Нельзя изменить способ подсчёта: оценивание уже началось.',
      'Нельзя изменить правила при равенстве баллов: оценивание уже началось.',
      'Нельзя изменить критерии оценки: оценивание уже началось.',
    ]);
    expect(checkContestEdit({ contest, nominations }, { contest: { ...contest, method: 'median' }, nominations: changedForm })).toEqual([]);
  });
});
