/**
 * The jury's agreement in words: every ICC form with its value, verdict (Koo & Li 2016) and what it
 * means, the one that fits the contest marked; Kendall's W with its verdict and «ст. св.». Shared by
 * the screen and the protocol workbook.
 */
import { iccVerdict, kendallVerdict, recommendedIcc, type BlockReliability, type IccForm, type Verdict } from '../../../shared/results';
import { tr } from '../../i18n';
import { fmt, fmt3, fmtP } from './format';

const t = (key: string, options?: Record<string, unknown>) => tr('results')(key, options);

/** A verdict in words: «хорошая», «почти полная», «не определяется». */
export const verdictWord = (v: Verdict): string => t(`verdicts.${v.level}`);
/** Why the fitting ICC form fits this block, in one sentence. */
export const iccWhy = (b: Pick<BlockReliability, 'omittedApplicationIds' | 'omittedJurorIds'>): string => t(`iccWhy.${recommendedIcc(b).form}`);
/** The two published scales the verdicts come from. */
export const scales = () => ({ icc: t('scales.icc'), kendall: t('scales.kendall') });

export type IccRow = { form: IccForm; average: boolean; label: string; value: number | null; verdict: string; recommended: boolean; meaning: string };

const FORMS: Array<{ form: IccForm; average: boolean; key: keyof BlockReliability['icc']; meaning: (k: number) => string }> = [
  { form: 1, average: false, key: 'icc11', meaning: () => t('icc.single1') },
  { form: 1, average: true, key: 'icc1k', meaning: (count) => t('icc.average', { count }) },
  { form: 2, average: false, key: 'icc21', meaning: () => t('icc.single2') },
  { form: 2, average: true, key: 'icc2k', meaning: (count) => t('icc.average', { count }) },
  { form: 3, average: false, key: 'icc31', meaning: () => t('icc.single3') },
  { form: 3, average: true, key: 'icc3k', meaning: (count) => t('icc.average3', { count }) },
];

export function iccRows(b: BlockReliability): IccRow[] {
  const fit = recommendedIcc(b).form;
  const k = b.jurorIds.length;
  return FORMS.map((f) => {
    const value = b.icc[f.key] as number | null;
    return { form: f.form, average: f.average, label: `ICC(${f.form},${f.average ? 'k' : '1'})`, value, verdict: verdictWord(iccVerdict(value)), recommended: f.form === fit, meaning: f.meaning(k) };
  });
}

/** «W = 0,700 — согласованность значительная; χ² = 4,2 (ст. св. 3), p = 0,241» */
export function kendallSentence(b: BlockReliability): string {
  const k = b.kendall;
  if (k.w === null) return t('kendall.undefined');
  const chance = k.pValue !== null && k.pValue >= 0.05 ? t('kendall.chance') : '';
  return t('kendall.sentence', { w: fmt3(k.w), verdict: verdictWord(kendallVerdict(k.w)), chi: fmt(k.chiSquare), df: k.df, p: fmtP(k.pValue), chance });
}
