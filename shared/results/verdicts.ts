/**
 * Verdicts on the jury's agreement, each a band of a published scale the screen and the protocol cite
 * (their words are the renderer's `results` namespace: verdicts.*, scales.*, iccWhy.*), and the choice of
 * the ICC form that fits how the contest was scored.
 *
 * ICC: Koo T.K., Li M.Y. (2016) A Guideline of Selecting and Reporting Intraclass Correlation
 * Coefficients for Reliability Research. J Chiropr Med 15(2):155–163 — below 0.5 poor, 0.5–0.75
 * moderate, 0.75–0.9 good, above 0.9 excellent. A boundary belongs to the band it starts («0,75 —
 * хорошая»), except 0.9, which Koo & Li still call good («greater than 0.90» is excellent).
 *
 * Kendall's W: the bands of Landis & Koch (1977) for agreement coefficients, as commonly applied to W
 * (e.g. Schmidt 1997): up to 0.2 slight, 0.2–0.4 fair, 0.4–0.6 moderate, 0.6–0.8 substantial, above
 * 0.8 almost perfect; an upper boundary belongs to the lower band, as in «0.00–0.20, 0.21–0.40».
 */

export type VerdictLevel = 'undefined' | 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'good' | 'excellent' | 'almost-perfect';

export type Verdict = { level: VerdictLevel };

type Band = { upTo: number; inclusive: boolean; level: VerdictLevel };

export const ICC_BANDS: readonly Band[] = [
  { upTo: 0.5, inclusive: false, level: 'poor' },
  { upTo: 0.75, inclusive: false, level: 'moderate' },
  { upTo: 0.9, inclusive: true, level: 'good' },
  { upTo: Infinity, inclusive: true, level: 'excellent' },
];

export const KENDALL_BANDS: readonly Band[] = [
  { upTo: 0.2, inclusive: true, level: 'slight' },
  { upTo: 0.4, inclusive: true, level: 'fair' },
  { upTo: 0.6, inclusive: true, level: 'moderate' },
  { upTo: 0.8, inclusive: true, level: 'substantial' },
  { upTo: Infinity, inclusive: true, level: 'almost-perfect' },
];

const UNDEFINED: Verdict = { level: 'undefined' };

function band(x: number | null, bands: readonly Band[]): Verdict {
  if (x === null || !Number.isFinite(x)) return UNDEFINED;
  const b = bands.find((b) => (b.inclusive ? x <= b.upTo : x < b.upTo))!;
  return { level: b.level };
}

export const iccVerdict = (x: number | null): Verdict => band(x, ICC_BANDS);
export const kendallVerdict = (w: number | null): Verdict => band(w, KENDALL_BANDS);

export type IccForm = 1 | 2 | 3;

export type IccChoice = { form: IccForm };

/**
 * Which ICC fits the design (Koo & Li's selection guide, applied to a contest). The block is a
 * nomination made complete (reliability.ts `completeBlock`): whatever had to be left out shows that
 * not every juror scored every application.
 * - some applications were scored by other jurors than the rest (panels, a juror who skipped some) →
 *   ICC(1,·): each application effectively has its own jurors, so a juror's strictness lands on some
 *   applications and not others and must count against reliability;
 * - every juror scored every application → ICC(3,·): the jury is these very people, not a sample, and
 *   an offset shared by all applications moves no place;
 * - ICC(2,·) (jurors as a sample of possible experts, absolute agreement) is shown beside them for
 *   whoever generalizes beyond this jury.
 */
export function recommendedIcc(block: { omittedApplicationIds: readonly string[]; omittedJurorIds: readonly string[] }): IccChoice {
  if (block.omittedApplicationIds.length + block.omittedJurorIds.length > 0) {
    return { form: 1 };
  }
  return { form: 3 };
}
