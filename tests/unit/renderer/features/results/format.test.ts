import { describe, expect, it } from 'vitest';
import { computeResults, type BlockReliability, type ResultsInput } from '../../../../../shared/results';
import {
  aggregateOf,
  decisionLabel,
  exclusionSummary,
  fmt,
  fmt3,
  fmtP,
  fmtSigned,
  kendallText,
  tieBreakChain,
  usableBlock,
} from '../../../../../renderer/features/results/format';
import { initI18n, tr } from '../../../../../renderer/i18n';
import { apps, sheetsFromTable, singleCriterion } from '../../../shared/results/fixtures';

initI18n('ru');

const NBSP = '\u00a0';

describe('numbers as a Russian reader expects them', () => {
  it('scores: decimal comma, at most two decimals, no trailing zeros, a narrow space between thousands', () => {
    expect(fmt(12.5)).toBe('12,5');
    expect(fmt(7)).toBe('7');
    expect(fmt(2 / 3)).toBe('0,67');
    // ru-RU groups thousands with a no-break space; never a comma or a dot
    expect(fmt(12345.678)).toBe(`12${NBSP}345,68`);
  });

  it('nothing, NaN and infinity print as a dash, not as «NaN» or «∞»', () => {
    for (const x of [null, undefined, NaN, Infinity, -Infinity]) {
      expect(fmt(x)).toBe('—');
      expect(fmt3(x)).toBe('—');
      expect(fmtP(x)).toBe('—');
    }
    expect(fmtSigned(null)).toBe('—');
  });

  it('coefficients always show three decimals, so 0,5 and 0,500 are not read as different precisions', () => {
    expect(fmt3(0.5)).toBe('0,500');
    expect(fmt3(1)).toBe('1,000');
    expect(fmt3(0.12345)).toBe('0,123');
  });

  it('a tiny p-value is «p < 0,001», never «p = 0,000»', () => {
    expect(fmtP(0.0004)).toBe('p < 0,001');
    expect(fmtP(0)).toBe('p < 0,001');
    expect(fmtP(0.001)).toBe('p = 0,001');
    expect(fmtP(0.0498)).toBe('p = 0,050');
  });

  it('offsets carry a plus or a true minus sign (U+2212), zero has none', () => {
    expect(fmtSigned(3.5)).toBe('+3,5');
    expect(fmtSigned(-2)).toBe('−2');
    expect(fmtSigned(-2).charCodeAt(0)).toBe(0x2212);
    expect(fmtSigned(0)).toBe('0');
  });
});

describe('counted words through the language layer (i18next plural forms)', () => {
  it.each([
    [1, '1 черновик'],
    [2, '2 черновика'],
    [4, '4 черновика'],
    [5, '5 черновиков'],
    [11, '11 черновиков'],
    [12, '12 черновиков'],
    [14, '14 черновиков'],
    [21, '21 черновик'],
    [22, '22 черновика'],
    [101, '101 черновик'],
    [111, '111 черновиков'],
    [0, '0 черновиков'],
  ])('%i → %s', (count, text) => {
    expect(tr('results')('excludedCount.draft', { count })).toBe(text);
  });
});

describe('words of the ranking', () => {
  it('says what fixed a place', () => {
    expect(decisionLabel('score')).toBe('по баллу');
    expect(decisionLabel(null)).toBe('нет оценок');
    expect(decisionLabel('shared-place')).toBe('место разделено');
    expect(decisionLabel('unresolved')).toBe('место разделено: правила не решили');
    expect(decisionLabel('higher-median')).toBe('при равенстве: выше медиана оценок');
  });

  it('numbers the tie-break chain in its declared order, and says when there is none', () => {
    expect(tieBreakChain(['earlier-submission', 'higher-median'])).toBe('1) заявка подана раньше; 2) выше медиана оценок');
    expect(tieBreakChain([])).toBe('не заданы (равные баллы делят место)');
  });
});

describe('exclusionSummary', () => {
  const input: ResultsInput = {
    criteria: singleCriterion(10),
    applications: apps(['a', 'b', 'c']),
    sheets: [
      ...sheetsFromTable({ j1: { a: 5, b: 6, c: 7 }, j2: { a: 6, b: 7, c: 8 } }),
      { jurorId: 'j3', applicationId: 'a', values: { c: 4 }, status: 'draft' },
      { jurorId: 'j3', applicationId: 'b', values: { c: 4 }, status: 'draft' },
      { jurorId: 'j3', applicationId: 'c', values: { c: null }, status: 'final' },
    ],
    method: 'mean',
    tieBreaks: [],
  };

  it('counts each reason in Russian with the right plural', () => {
    const r = computeResults(input);
    expect(exclusionSummary(r)).toBe('Не учтены: 2 черновика, 1 лист с незаполненными оценками.');
  });

  it('adds sheets of applications not admitted to the contest', () => {
    const r = computeResults(input);
    const skipped = [{ scoreId: 'x', jurorId: 'j1', applicationId: 'z', reason: 'not-admitted' as const }];
    expect(exclusionSummary(r, skipped)).toBe('Не учтены: 2 черновика, 1 лист с незаполненными оценками, 1 оценка заявки, не допущенной к конкурсу.');
  });

  it('is null when every sheet counted', () => {
    expect(exclusionSummary(computeResults({ ...input, sheets: input.sheets.slice(0, 6) }))).toBeNull();
  });
});

describe('aggregateOf and the agreement block', () => {
  // j3 breaks the agreement on c: mean and median of c differ
  const r = computeResults({
    criteria: singleCriterion(10),
    applications: apps(['a', 'b', 'c']),
    sheets: sheetsFromTable({ j1: { a: 9, b: 6, c: 2 }, j2: { a: 8, b: 5, c: 3 }, j3: { a: 7, b: 4, c: 10 } }),
    method: 'mean',
    tieBreaks: [],
  });
  const c = r.aggregates.find((x) => x.applicationId === 'c')!;

  it('picks the aggregate of each method', () => {
    expect(aggregateOf(c, 'mean')).toBe(5);
    expect(aggregateOf(c, 'median')).toBe(3);
    expect(aggregateOf(c, 'trimmed-mean')).toBe(5); // fewer than five reviews: nothing is trimmed
    expect(aggregateOf(c, 'z-mean')).toBe(c.zMean);
    expect(aggregateOf(c, 'borda')).toBe(c.borda);
  });

  it('a complete 3 × 3 block is usable and its W reads with a comma and «ст. св.»', () => {
    const block = r.reliability.blocks[0]!;
    expect(usableBlock(block)).toBe(true);
    expect(kendallText(block)).toMatch(/^W = 0,\d{3}, χ² = [\d,]+ \(ст\. св\. 2\), p = 0,\d{3}$/);
  });

  it('a block of two applications or one juror is not usable', () => {
    const block = r.reliability.blocks[0]!;
    const small: BlockReliability = { ...block, applicationIds: block.applicationIds.slice(0, 2) };
    const lone: BlockReliability = { ...block, jurorIds: block.jurorIds.slice(0, 1) };
    expect(usableBlock(small)).toBe(false);
    expect(usableBlock(lone)).toBe(false);
  });
});
