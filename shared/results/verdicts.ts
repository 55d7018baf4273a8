/**
 * Plain-Russian verdicts on the jury's agreement, each on a published scale the screen and the protocol
 * cite, and the choice of the ICC form that fits how the contest was scored.
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

export type Verdict = { level: VerdictLevel; /** «низкая», «хорошая», … or «не определяется» */ label: string };

type Band = { upTo: number; inclusive: boolean; level: VerdictLevel; label: string };

export const ICC_SCALE = 'Koo, Li (2016): < 0,5 — низкая, 0,5–0,75 — умеренная, 0,75–0,9 — хорошая, > 0,9 — отличная';
export const KENDALL_SCALE = 'Landis, Koch (1977): ≤ 0,2 — очень слабая, до 0,4 — слабая, до 0,6 — умеренная, до 0,8 — значительная, > 0,8 — почти полная';

export const ICC_BANDS: readonly Band[] = [
  { upTo: 0.5, inclusive: false, level: 'poor', label: 'низкая' },
  { upTo: 0.75, inclusive: false, level: 'moderate', label: 'умеренная' },
  { upTo: 0.9, inclusive: true, level: 'good', label: 'хорошая' },
  { upTo: Infinity, inclusive: true, level: 'excellent', label: 'отличная' },
];

export const KENDALL_BANDS: readonly Band[] = [
  { upTo: 0.2, inclusive: true, level: 'slight', label: 'очень слабая' },
  { upTo: 0.4, inclusive: true, level: 'fair', label: 'слабая' },
  { upTo: 0.6, inclusive: true, level: 'moderate', label: 'умеренная' },
  { upTo: 0.8, inclusive: true, level: 'substantial', label: 'значительная' },
  { upTo: Infinity, inclusive: true, level: 'almost-perfect', label: 'почти полная' },
];

const UNDEFINED: Verdict = { level: 'undefined', label: 'не определяется' };

function band(x: number | null, bands: readonly Band[]): Verdict {
  if (x === null || !Number.isFinite(x)) return UNDEFINED;
  const b = bands.find((b) => (b.inclusive ? x <= b.upTo : x < b.upTo))!;
  return { level: b.level, label: b.label };
}

export const iccVerdict = (x: number | null): Verdict => band(x, ICC_BANDS);
export const kendallVerdict = (w: number | null): Verdict => band(w, KENDALL_BANDS);

export type IccForm = 1 | 2 | 3;

export type IccChoice = { form: IccForm; /** why this form, in one Russian sentence */ why: string };

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
    return { form: 1, why: 'Заявки номинации оценивали разные эксперты, поэтому строгость эксперта влияет на одни заявки и не влияет на другие: подходит ICC(1,·).' };
  }
  return { form: 3, why: 'Каждый эксперт оценил каждую заявку, а жюри — это именно эти люди, а не выборка: подходит ICC(3,·); общая для всех заявок строгость эксперта мест не меняет.' };
}
