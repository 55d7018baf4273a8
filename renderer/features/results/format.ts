/**
 * The results' numbers and phrases: scores, coefficients and p-values through the formatting module, the
 * names of methods, decisions and exclusions from the `results` namespace (read with `tr`, since the
 * protocol workbook and the print use them outside React).
 */
import type { SkippedScore } from '../../../shared/contest';
import type { AggregationMethod, BlockReliability, ExclusionReason, PlaceDecision, Results, TieBreak } from '../../../shared/results';
import { formatNumber } from '../../../shared/text/format';
import { tr } from '../../i18n';
import { methodLabel, tieBreakLabel } from '../contest';

export { methodLabel, tieBreakLabel };

const t = (key: string, options?: Record<string, unknown>) => tr('results')(key, options);

/** Column headers: short names of the methods. */
export const methodShort = (m: AggregationMethod): string => t(`methodShort.${m}`);

const missing = (x: number | null | undefined): x is null | undefined => x === null || x === undefined || !Number.isFinite(x);

/** Scores: up to two decimals, «—» for nothing. */
export const fmt = (x: number | null | undefined) => (missing(x) ? '—' : formatNumber(x, 2));
/** Coefficients (W, ICC, ρ): three decimals. */
export const fmt3 = (x: number | null | undefined) => (missing(x) ? '—' : formatNumber(x, 3, true));
/** p-values: below 0.001 printed as such, never as 0,000. */
export const fmtP = (p: number | null | undefined) => (missing(p) ? '—' : p < 0.001 ? t('pBelow', { p: formatNumber(0.001, 3, true) }) : t('pEquals', { p: fmt3(p) }));
/** Signed offsets: «+3,5», «−2». */
export const fmtSigned = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x > 0 ? `+${fmt(x)}` : x < 0 ? `\u2212${fmt(-x)}` : '0');

/** What fixed a place, for the table and the protocol. */
export function decisionLabel(d: PlaceDecision | null): string {
  if (d === null) return t('decision.none');
  if (d === 'score') return t('decision.score');
  if (d === 'unresolved') return t('decision.unresolved');
  if (d === 'shared-place') return t('decision.shared');
  return t('decision.tieBreak', { rule: tieBreakLabel(d) });
}

/** «1) выше медиана оценок; 2) …» */
export function tieBreakChain(chain: readonly TieBreak[]): string {
  if (chain.length === 0) return t('tieBreaksNone');
  return chain.map((rule, i) => `${i + 1}) ${tieBreakLabel(rule)}`).join('; ');
}

/** Why one sheet did not count, as the juror's sheet in the protocol workbook says it. */
export const exclusionLabel = (reason: ExclusionReason): string => t(`exclusion.${reason}`);

/** «Не учтены: 2 черновика, 1 лист с незаполненными оценками.», or null when every sheet counted. */
export function exclusionSummary(results: Results, skipped: readonly SkippedScore[] = []): string | null {
  const counts = new Map<ExclusionReason, number>();
  for (const e of results.excluded) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, count]) => t(`excludedCount.${reason}`, { count }));
  const ofRemoved = skipped.filter((s) => s.reason === 'juror-excluded').length;
  const notAdmitted = skipped.length - ofRemoved;
  if (notAdmitted > 0) parts.push(t('excludedCount.notAdmitted', { count: notAdmitted }));
  if (ofRemoved > 0) parts.push(t('excludedCount.removedJuror', { count: ofRemoved }));
  return parts.length === 0 ? null : t('notCounted', { list: parts.join(', ') });
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
  return t('kendallText', { w: fmt3(k.w), chi: fmt(k.chiSquare), df: k.df, p: fmtP(k.pValue) });
}
