/**
 * Step 4a: agreement of the jury on complete blocks — applications × jurors where every juror scored
 * every application. Kendall's W asks "do the jurors order the applications alike?", the ICCs ask "do
 * they give the same numbers?" (three forms, see `icc`). Both need a complete matrix; with partial assignments the blocks are
 * the groups of applications scored by exactly the same jurors, or the caller's blocks (nominations)
 * completed by dropping what is missing.
 *
 * Matrices are `ratings[i][j]`: row i = object (application, S&F "target"), column j = judge (juror).
 */
import { chiSquarePValue } from './special-functions';
import { averageRanks, tieTerm } from './stats';
import type { BlockReliability, BlockSpec, Icc, JurorTotal, KendallW } from './types';

type Matrix = readonly (readonly number[])[];

function shape(ratings: Matrix): { n: number; m: number } {
  const n = ratings.length;
  const m = ratings[0]?.length ?? 0;
  for (const row of ratings) {
    if (row.length !== m) throw new RangeError('ratings must be a complete matrix: every row the same length');
  }
  return { n, m };
}

/**
 * Kendall's coefficient of concordance with the correction for ties (Kendall & Babington Smith 1939;
 * Siegel & Castellan 1988, §9.4):
 *   R_i = Σ_j r_ij (ranks within each judge, ties → mid-ranks),  S = Σ_i (R_i − m(n+1)/2)²
 *   W = 12 S / (m²(n³ − n) − m Σ_j T_j),  T_j = Σ (t³ − t) over judge j's tie groups
 *   χ² = m(n − 1) W with n − 1 degrees of freedom (large-sample approximation).
 * Null W when there is nothing to measure: fewer than 2 objects or judges, or every judge tied
 * every object.
 */
export function kendallW(ratings: Matrix): KendallW {
  const { n, m } = shape(ratings);
  const df = Math.max(0, n - 1);
  const empty: KendallW = { n, m, w: null, chiSquare: null, df, pValue: null, tieTerm: 0 };
  if (n < 2 || m < 2) return empty;
  const rankSums = new Array<number>(n).fill(0);
  let ties = 0;
  for (let j = 0; j < m; j++) {
    const column = ratings.map((row) => row[j]!);
    const ranks = averageRanks(column);
    for (let i = 0; i < n; i++) rankSums[i]! += ranks[i]!;
    ties += tieTerm(column);
  }
  const expected = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of rankSums) s += (r - expected) * (r - expected);
  const denominator = m * m * (n * n * n - n) - m * ties;
  if (denominator <= 0) return { ...empty, tieTerm: ties };
  const w = (12 * s) / denominator;
  const chiSquare = m * (n - 1) * w;
  return { n, m, w, chiSquare, df, pValue: chiSquarePValue(chiSquare, df), tieTerm: ties };
}

/**
 * The six intraclass correlations of Shrout & Fleiss (1979), from one ANOVA of the matrix:
 *   BMS = k Σ_i (x̄_i· − x̄)² / (n − 1)                   between targets (applications)
 *   WMS = (SS_total − SS_targets) / (n (k − 1))          within targets (one-way model)
 *   JMS = n Σ_j (x̄_·j − x̄)² / (k − 1)                   between judges (jurors)
 *   EMS = (SS_total − SS_targets − SS_judges) / ((n − 1)(k − 1))
 *   ICC(1,1) = (BMS − WMS) / (BMS + (k − 1) WMS)        ICC(1,k) = (BMS − WMS) / BMS
 *   ICC(2,1) = (BMS − EMS) / (BMS + (k − 1) EMS + k (JMS − EMS) / n)
 *   ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS) / n)
 *   ICC(3,1) = (BMS − EMS) / (BMS + (k − 1) EMS)        ICC(3,k) = (BMS − EMS) / BMS
 * Form 1: each target rated by its own judges; form 2: judges a random sample, absolute agreement;
 * form 3: these very judges (a fixed jury), consistency — a juror's constant offset does not count.
 * «,1» is one juror's reliability, «,k» that of the mean of k jurors.
 *
 * Null («не определяется») when the matrix cannot say anything: fewer than 2 applications or jurors,
 * or no difference between applications and no disagreement to weigh it against (BMS = 0 and the
 * error term = 0 — e.g. every juror gave every application the same total). Reporting 0 there would
 * read as «the jury does not agree», which is not what happened.
 */
export function icc(ratings: Matrix): Icc {
  const { n, m: k } = shape(ratings);
  const empty: Icc = { n, k, bms: null, wms: null, jms: null, ems: null, icc11: null, icc1k: null, icc21: null, icc2k: null, icc31: null, icc3k: null };
  if (n < 2 || k < 2) return empty;
  const rowMeans = new Array<number>(n).fill(0);
  const colMeans = new Array<number>(k).fill(0);
  let grand = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const x = ratings[i]![j]!;
      rowMeans[i]! += x / k;
      colMeans[j]! += x / n;
      grand += x;
    }
  }
  grand /= n * k;
  let ssTotal = 0;
  for (const row of ratings) for (const x of row) ssTotal += (x - grand) ** 2;
  let ssRows = 0;
  for (const r of rowMeans) ssRows += k * (r - grand) ** 2;
  let ssCols = 0;
  for (const c of colMeans) ssCols += n * (c - grand) ** 2;
  // sums of squares below this are rounding noise of a zero (scaled to the data's magnitude)
  const tiny = 1e-9 * (1 + ssTotal + grand * grand);
  const clean = (x: number) => (Math.abs(x) < tiny ? 0 : x);
  const bms = clean(ssRows) / (n - 1);
  const jms = clean(ssCols) / (k - 1);
  // clamp: with a perfect fit rounding can leave a residual of −1e-15
  const ems = Math.max(0, clean(ssTotal - ssRows - ssCols)) / ((n - 1) * (k - 1));
  const wms = Math.max(0, clean(ssTotal - ssRows)) / (n * (k - 1));
  const ratio = (num: number, den: number, error: number) => (den === 0 || (bms === 0 && error === 0) ? null : num / den);
  return {
    n,
    k,
    bms,
    wms,
    jms,
    ems,
    icc11: ratio(bms - wms, bms + (k - 1) * wms, wms),
    icc1k: ratio(bms - wms, bms, wms),
    icc21: ratio(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n, ems),
    icc2k: ratio(bms - ems, bms + (jms - ems) / n, ems),
    icc31: ratio(bms - ems, bms + (k - 1) * ems, ems),
    icc3k: ratio(bms - ems, bms, ems),
  };
}

type Found = { id: string; applicationIds: string[]; jurorIds: string[]; omittedApplicationIds: string[]; omittedJurorIds: string[] };

type ByApp = Map<string, Map<string, number>>;

/** totals indexed as application → juror → total */
function index(totals: readonly JurorTotal[]): ByApp {
  const byApp = new Map<string, Map<string, number>>();
  for (const t of totals) {
    let row = byApp.get(t.applicationId);
    if (!row) byApp.set(t.applicationId, (row = new Map()));
    row.set(t.jurorId, t.total);
  }
  return byApp;
}

/**
 * Complete blocks found from the data: applications grouped by the exact set of jurors who scored
 * them. Everyone-scores-everything gives one block; panels give one block per panel. Groups of fewer
 * than 3 applications or 2 jurors are skipped — a W over two applications says almost nothing.
 * (The largest complete sub-matrix in general is a maximum-biclique problem; not worth it here.)
 */
export function findCompleteBlocks(totals: readonly JurorTotal[], applicationOrder: readonly string[]): Found[] {
  return findBlocks(index(totals), applicationOrder);
}

function findBlocks(byApp: ByApp, applicationOrder: readonly string[]): Found[] {
  const groups = new Map<string, { jurorIds: string[]; applicationIds: string[] }>();
  for (const appId of applicationOrder) {
    const row = byApp.get(appId);
    if (!row) continue;
    const jurorIds = [...row.keys()].sort();
    const key = jurorIds.join('\u0000');
    const g = groups.get(key);
    if (g) g.applicationIds.push(appId);
    else groups.set(key, { jurorIds, applicationIds: [appId] });
  }
  const out: Found[] = [];
  for (const g of groups.values()) {
    if (g.applicationIds.length < 3 || g.jurorIds.length < 2) continue;
    out.push({ id: `auto-${out.length + 1}`, ...g, omittedApplicationIds: [], omittedJurorIds: [] });
  }
  return out;
}

/**
 * A caller's block (e.g. a nomination) made complete. Applications nobody scored are left out; then,
 * while a cell is missing, the application or juror with the largest share of missing cells is dropped
 * (a tie drops the juror: the block is about the applications). One juror who skipped one entry thus
 * costs that entry, not the juror's whole column, and an absent juror costs only themselves. Greedy,
 * not the largest complete sub-matrix (a maximum-biclique problem), but it keeps everything when the
 * data are complete and explains itself: whatever was dropped is reported.
 */
export function completeBlock(spec: BlockSpec, totals: readonly JurorTotal[]): Found {
  return complete(spec, index(totals));
}

function complete(spec: BlockSpec, byApp: ByApp): Found {
  const unique = [...new Set(spec.applicationIds)];
  const rows = new Set(unique.filter((id) => (byApp.get(id)?.size ?? 0) > 0));
  const cols = new Set<string>();
  for (const id of rows) for (const j of byApp.get(id)!.keys()) cols.add(j);
  // missing-cell counts are kept up to date as rows and columns go: O(n·m) once, then O(n + m) a step
  const rowMissing = new Map<string, number>();
  const colMissing = new Map<string, number>();
  let missing = 0;
  for (const a of rows) {
    const row = byApp.get(a)!;
    for (const j of cols) {
      if (row.has(j)) continue;
      rowMissing.set(a, (rowMissing.get(a) ?? 0) + 1);
      colMissing.set(j, (colMissing.get(j) ?? 0) + 1);
      missing++;
    }
  }
  while (missing > 0) {
    const [worstRow, r] = maxEntry(rowMissing);
    const [worstCol, c] = maxEntry(colMissing);
    if (c / rows.size >= r / cols.size) {
      cols.delete(worstCol);
      colMissing.delete(worstCol);
      for (const a of rows) {
        if (byApp.get(a)!.has(worstCol)) continue;
        rowMissing.set(a, rowMissing.get(a)! - 1);
        missing--;
      }
    } else {
      rows.delete(worstRow);
      rowMissing.delete(worstRow);
      const row = byApp.get(worstRow)!;
      for (const j of cols) {
        if (row.has(j)) continue;
        colMissing.set(j, colMissing.get(j)! - 1);
        missing--;
      }
    }
  }
  const applicationIds = unique.filter((id) => rows.has(id));
  const jurorIds = [...cols].sort();
  const omittedApplicationIds = unique.filter((id) => !rows.has(id));
  const allJurors = new Set<string>();
  for (const id of unique) for (const j of byApp.get(id)?.keys() ?? []) allJurors.add(j);
  const omittedJurorIds = [...allJurors].filter((j) => !cols.has(j)).sort();
  return { id: spec.id, applicationIds, jurorIds, omittedApplicationIds, omittedJurorIds };
}

/** The entry with the largest value; the first such in insertion order, so the result is stable. */
function maxEntry(m: Map<string, number>): [string, number] {
  let best: [string, number] = ['', -1];
  for (const e of m) if (e[1] > best[1]) best = e;
  return best;
}

/** Kendall's W and ICC of each block; blocks come from the caller or from `findCompleteBlocks`. */
export function blockReliability(
  totals: readonly JurorTotal[],
  applicationOrder: readonly string[],
  specs?: readonly BlockSpec[],
): BlockReliability[] {
  const byApp = index(totals);
  const blocks = specs ? specs.map((s) => complete(s, byApp)) : findBlocks(byApp, applicationOrder);
  return blocks.map((b) => {
    const matrix = b.jurorIds.length === 0 ? [] : b.applicationIds.map((a) => b.jurorIds.map((j) => byApp.get(a)!.get(j)!));
    return { ...b, kendall: kendallW(matrix), icc: icc(matrix) };
  });
}
