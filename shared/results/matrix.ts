/**
 * The scores matrix the organizer reads (applications × jurors): which single totals stand out. A total
 * is an outlier when at least three jurors scored the application and it lies further from the median
 * of its totals than the divergence range threshold (30 % of the total scale by default) — the median,
 * not the mean, so the odd one out does not drag the yardstick towards itself —
 * the juror saw something the others did not, or misread the form; worth a look before the meeting.
 * With two reviews nobody is the odd one out: the application as a whole is flagged as divergent.
 */
import { median } from './stats';
import type { JurorTotal, Results } from './types';

export const cellKey = (jurorId: string, applicationId: string) => `${jurorId}|${applicationId}`;

/** Keys (`cellKey`) of the totals that stand out from the other jurors' on the same application. */
export function outlierCells(results: Pick<Results, 'totals' | 'thresholds'>): Set<string> {
  const byApp = new Map<string, JurorTotal[]>();
  for (const t of results.totals) byApp.set(t.applicationId, [...(byApp.get(t.applicationId) ?? []), t]);
  const out = new Set<string>();
  for (const list of byApp.values()) {
    if (list.length < 3) continue;
    const middle = median(list.map((o) => o.total))!;
    for (const t of list) if (Math.abs(t.total - middle) > results.thresholds.divergenceRange) out.add(cellKey(t.jurorId, t.applicationId));
  }
  return out;
}
