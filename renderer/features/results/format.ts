import type { SkippedScore } from '../../../shared/contest';
import type { AggregationMethod, BlockReliability, ExclusionReason, PlaceDecision, Results, TieBreak } from '../../../shared/results';
import { METHOD_LABELS, TIE_BREAK_LABELS } from '../contest';
import { formatCount } from '../../../shared/text/format';

export { METHOD_LABELS, TIE_BREAK_LABELS };

/** Column headers: short names of the methods, in AGGREGATION_METHODS order. */
export const METHOD_SHORT: Record<AggregationMethod, string> = {
  mean: 'Среднее',
  median: 'Медиана',
  'trimmed-mean': 'Усечённое среднее',
  'z-mean': 'Нормированное (z)',
  borda: 'Борда',
};

const num = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2, minimumFractionDigits: 0 });
const num3 = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 3, minimumFractionDigits: 3 });

/** Scores: up to two decimals, «—» for nothing. */
export const fmt = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : num.format(x));
/** Coefficients (W, ICC, ρ): three decimals. */
export const fmt3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : num3.format(x));
/** p-values: below 0.001 printed as such, never as 0,000. */
export const fmtP = (p: number | null | undefined) => (p === null || p === undefined || !Number.isFinite(p) ? '—' : p < 0.001 ? 'p < 0,001' : `p = ${num3.format(p)}`);
/** Signed offsets: «+3,5», «−2». */
export const fmtSigned = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x > 0 ? `+${num.format(x)}` : x < 0 ? `−${num.format(-x)}` : '0');

/** 1 черновик, 2 черновика, 5 черновиков. */
export function plural(n: number, one: string, few: string, many: string): string {
  return formatCount(n, [one, few, many]);
}

/** What fixed a place, for the table and the protocol. */
export function decisionLabel(d: PlaceDecision | null): string {
  if (d === null) return 'нет оценок';
  if (d === 'score') return 'по баллу';
  if (d === 'unresolved') return 'место разделено: правила не решили';
  if (d === 'shared-place') return 'место разделено';
  return `при равенстве: ${TIE_BREAK_LABELS[d]}`;
}

/** «сначала выше медиана оценок, затем …» */
export function tieBreakChain(chain: readonly TieBreak[]): string {
  if (chain.length === 0) return 'не заданы (равные баллы делят место)';
  return chain.map((t, i) => `${i + 1}) ${TIE_BREAK_LABELS[t]}`).join('; ');
}

const EXCLUSION_WORDS: Record<ExclusionReason, [string, string, string]> = {
  draft: ['черновик', 'черновика', 'черновиков'],
  'missing-values': ['лист с незаполненными оценками', 'листа с незаполненными оценками', 'листов с незаполненными оценками'],
  'out-of-range': ['лист с оценками вне шкалы', 'листа с оценками вне шкалы', 'листов с оценками вне шкалы'],
  duplicate: ['повторный лист', 'повторных листа', 'повторных листов'],
  'unknown-application': ['лист по неизвестной заявке', 'листа по неизвестным заявкам', 'листов по неизвестным заявкам'],
};

/** Why one sheet did not count, as the juror's sheet in the protocol workbook says it. */
export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  draft: 'черновик',
  'missing-values': 'не все критерии оценены',
  'out-of-range': 'оценка вне шкалы',
  duplicate: 'повторный лист',
  'unknown-application': 'неизвестная заявка',
};

/** «не учтены: 2 черновика, 1 лист с незаполненными оценками», or null when every sheet counted. */
export function exclusionSummary(results: Results, skipped: readonly SkippedScore[] = []): string | null {
  const counts = new Map<ExclusionReason, number>();
  for (const e of results.excluded) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => plural(n, ...EXCLUSION_WORDS[reason]));
  const ofRemoved = skipped.filter((s) => s.reason === 'juror-excluded').length;
  const notAdmitted = skipped.length - ofRemoved;
  if (notAdmitted > 0) parts.push(plural(notAdmitted, 'оценка заявки, не допущенной к конкурсу', 'оценки заявок, не допущенных к конкурсу', 'оценок заявок, не допущенных к конкурсу'));
  if (ofRemoved > 0) parts.push(plural(ofRemoved, 'лист исключённого из жюри эксперта', 'листа исключённых из жюри экспертов', 'листов исключённых из жюри экспертов'));
  return parts.length === 0 ? null : `Не учтены: ${parts.join(', ')}.`;
}

/** The score a method ranks by, as shown (Borda as points 0–100 would mislead; keep its 0–1 share). */
export function aggregateOf(a: Results['aggregates'][number], m: AggregationMethod): number | null {
  switch (m) {
    case 'mean':
      return a.mean;
    case 'median':
      return a.median;
    case 'trimmed-mean':
      return a.trimmedMean;
    case 'z-mean':
      return a.zMean;
    case 'borda':
      return a.borda;
  }
}

/** A block is usable when it has at least 3 applications scored by the same ≥ 2 jurors. */
export const usableBlock = (b: BlockReliability) => b.applicationIds.length >= 3 && b.jurorIds.length >= 2 && b.kendall.w !== null;

/** Kendall's W in words, as the protocol and the screen say it. */
export function kendallText(b: BlockReliability): string {
  const k = b.kendall;
  return `W = ${fmt3(k.w)}, χ² = ${fmt(k.chiSquare)} (ст. св. ${k.df}), ${fmtP(k.pValue)}`;
}
