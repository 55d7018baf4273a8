/**
 * Step 1: each juror's weighted total per application, Σ value × weight. A sheet counts only when it
 * is final and complete; every sheet that does not count is reported with the reason, so the protocol
 * can say why a juror's opinion is absent instead of silently computing on less data.
 */
import type { ApplicationRef, Criterion, Exclusion, JurorTotal, ScoreSheet, TotalScale, TotalsResult } from './types';

/**
 * Totals are rounded to 1e-9: 0.1 × 7 + 0.2 × 3 and 0.2 × 3 + 0.1 × 7 must be the same number, or
 * two jurors' equal totals would rank as unequal. Values are integers on small scales and weights
 * have a few decimals, so nothing real is lost.
 */
function roundTotal(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Range a total can take; |weight| keeps it ordered even if someone enters a negative coefficient. */
export function totalScale(criteria: readonly Criterion[]): TotalScale {
  let min = 0;
  let max = 0;
  for (const c of criteria) {
    const a = c.min * c.weight;
    const b = c.max * c.weight;
    min += Math.min(a, b);
    max += Math.max(a, b);
  }
  return { min: roundTotal(min), max: roundTotal(max) };
}

/**
 * Totals of the counted sheets, in sheet order. Checks, first failure wins: draft → unknown
 * application → missing values (null, absent or not a finite number) → values outside [min, max] →
 * a second counted sheet by the same juror for the same application (sync should make this
 * impossible; if it happens the first one stays and the rest are reported).
 */
export function computeTotals(
  criteria: readonly Criterion[],
  sheets: readonly ScoreSheet[],
  applications?: readonly ApplicationRef[],
): TotalsResult {
  const known = applications ? new Set(applications.map((a) => a.id)) : null;
  const seen = new Set<string>();
  const totals: JurorTotal[] = [];
  const excluded: Exclusion[] = [];
  for (const sheet of sheets) {
    const { jurorId, applicationId } = sheet;
    if (sheet.status !== 'final') {
      excluded.push({ jurorId, applicationId, reason: 'draft' });
      continue;
    }
    if (known && !known.has(applicationId)) {
      excluded.push({ jurorId, applicationId, reason: 'unknown-application' });
      continue;
    }
    const missing: string[] = [];
    const outOfRange: string[] = [];
    let total = 0;
    let maxMarks = 0;
    for (const c of criteria) {
      const v = sheet.values[c.id];
      if (v === null || v === undefined || !Number.isFinite(v)) {
        missing.push(c.id);
        continue;
      }
      if (v < c.min || v > c.max) outOfRange.push(c.id);
      total += v * c.weight;
      if (v === c.max) maxMarks++;
    }
    if (missing.length > 0) {
      excluded.push({ jurorId, applicationId, reason: 'missing-values', criterionIds: missing });
      continue;
    }
    if (outOfRange.length > 0) {
      excluded.push({ jurorId, applicationId, reason: 'out-of-range', criterionIds: outOfRange });
      continue;
    }
    const key = `${jurorId}\u0000${applicationId}`;
    if (seen.has(key)) {
      excluded.push({ jurorId, applicationId, reason: 'duplicate' });
      continue;
    }
    seen.add(key);
    totals.push({ jurorId, applicationId, total: roundTotal(total), maxMarks });
  }
  return { totals, excluded, scale: totalScale(criteria) };
}
