/**
 * The jury's agreement in words: every ICC form with its value, verdict (Koo & Li 2016) and what it
 * means, the one that fits the contest marked; Kendall's W with its verdict and «ст. св.». Shared by
 * the screen and the protocol workbook.
 */
import { iccVerdict, kendallVerdict, recommendedIcc, type BlockReliability, type IccForm } from '../../../shared/results';
import { fmt, fmt3, fmtP } from './format';

export type IccRow = { form: IccForm; average: boolean; label: string; value: number | null; verdict: string; recommended: boolean; meaning: string };

const FORMS: Array<{ form: IccForm; average: boolean; key: keyof BlockReliability['icc']; meaning: (k: number) => string }> = [
  { form: 1, average: false, key: 'icc11', meaning: () => 'насколько можно доверять оценке одного эксперта, если у каждой заявки свои эксперты' },
  { form: 1, average: true, key: 'icc1k', meaning: (k) => `то же для среднего по ${k} экспертам` },
  { form: 2, average: false, key: 'icc21', meaning: () => 'совпадение самих баллов одного эксперта с другими, если эксперты — выборка из возможных' },
  { form: 2, average: true, key: 'icc2k', meaning: (k) => `то же для среднего по ${k} экспертам` },
  { form: 3, average: false, key: 'icc31', meaning: () => 'согласованность одного эксперта с остальными в этом жюри; общая строгость эксперта не в счёт' },
  { form: 3, average: true, key: 'icc3k', meaning: (k) => `то же для среднего по ${k} экспертам — надёжность итогового балла` },
];

export function iccRows(b: BlockReliability): IccRow[] {
  const fit = recommendedIcc(b).form;
  const k = b.jurorIds.length;
  return FORMS.map((f) => {
    const value = b.icc[f.key] as number | null;
    return { form: f.form, average: f.average, label: `ICC(${f.form},${f.average ? 'k' : '1'})`, value, verdict: iccVerdict(value).label, recommended: f.form === fit, meaning: f.meaning(k) };
  });
}

/** «W = 0,700 — согласованность значительная; χ² = 4,2 (ст. св. 3), p = 0,241» */
export function kendallSentence(b: BlockReliability): string {
  const k = b.kendall;
  if (k.w === null) return 'W не определяется: эксперты не различили заявки (все оценки равны).';
  return `W = ${fmt3(k.w)} — согласованность ${kendallVerdict(k.w).label}; χ² = ${fmt(k.chiSquare)} (ст. св. ${k.df}), ${fmtP(k.pValue)}${
    k.pValue !== null && k.pValue >= 0.05 ? ' — такое согласие могло получиться и случайно' : ''
  }.`;
}
