import type { SkippedScore } from '../../../shared/contest';
import { buildXlsx, type ExportSheet } from '../../../shared/export/xlsx';
import { AGGREGATION_METHODS, type Results, type ResultsInput } from '../../../shared/results';
import { aggregateOf, decisionLabel, exclusionSummary, METHOD_LABELS, METHOD_SHORT, tieBreakChain } from './format';
import { usableBlock } from './ReliabilityView';

export type ProtocolJuror = { id: string; name: string };

export type ProtocolSource = {
  contestTitle: string;
  eventTitle: string;
  nominationTitle: string;
  /** ISO date of the meeting */
  date: string;
  input: ResultsInput;
  results: Results;
  jurors: readonly ProtocolJuror[];
  skipped: readonly SkippedScore[];
};

const EXCEL_SHEET_NAME = 31;

/** «Иванова Анна Петровна» → «Иванова А. П.»: juror sheet names must fit 31 characters. */
export function shortName(full: string): string {
  const [surname, ...rest] = full.split(/\s+/).filter(Boolean);
  if (!surname) return full;
  return [surname, ...rest.map((p) => `${p[0]}.`)].join(' ');
}

/** Sheet names unique case-insensitively (Excel refuses duplicates), never colliding with the fixed ones. */
function uniqueNames(wanted: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return wanted.map((w) => {
    const base = w.replace(/[:\\/?*[\]]/g, ' ').slice(0, EXCEL_SHEET_NAME);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, EXCEL_SHEET_NAME - 4)} (${i})`;
    used.add(name.toLowerCase());
    return name;
  });
}

const round = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 1000);

/** The protocol workbook: «Итоги», one sheet per juror with their scores per criterion, «Статистика». */
export function protocolXlsx(src: ProtocolSource): Uint8Array<ArrayBuffer> {
  const { input, results } = src;
  const titles = new Map(input.applications.map((a) => [a.id, a.title]));
  const aggregates = new Map(results.aggregates.map((a) => [a.applicationId, a]));
  const jurorName = new Map(src.jurors.map((j) => [j.id, j.name]));

  const summary: ExportSheet = {
    name: 'Итоги',
    columnWidths: [8, 48, 14, 36, 10, ...AGGREGATION_METHODS.map(() => 14)],
    rows: [
      ['Протокол заседания конкурсной комиссии'],
      [src.contestTitle],
      [`Номинация: ${src.nominationTitle}`],
      [`Дата: ${src.date}`],
      [`Итоговый балл: ${METHOD_LABELS[results.method]}`],
      [`При равенстве баллов: ${tieBreakChain(results.tieBreaks)}`],
      [exclusionSummary(results, src.skipped) ?? 'Учтены все листы оценок.'],
      [],
      ['Место', 'Заявка', 'Итоговый балл', 'Как определено место', 'Экспертиз', ...AGGREGATION_METHODS.map((m) => METHOD_SHORT[m])],
      ...results.ranking.entries.map((e) => {
        const a = aggregates.get(e.applicationId);
        return [
          e.place ?? '',
          titles.get(e.applicationId) ?? e.applicationId,
          round(e.score),
          decisionLabel(e.decidedBy),
          a?.reviews ?? 0,
          ...AGGREGATION_METHODS.map((m) => (a ? round(aggregateOf(a, m)) : '')),
        ];
      }),
    ],
  };

  const totals = new Map(results.totals.map((t) => [`${t.jurorId}|${t.applicationId}`, t.total]));
  const excluded = new Map(results.excluded.map((e) => [`${e.jurorId}|${e.applicationId}`, e.reason]));
  const jurorIds = [...new Set([...src.jurors.map((j) => j.id).filter((id) => input.sheets.some((s) => s.jurorId === id)), ...input.sheets.map((s) => s.jurorId)])];
  const names = uniqueNames(
    jurorIds.map((id) => shortName(jurorName.get(id) ?? id)),
    ['Итоги', 'Статистика'],
  );
  const jurorSheets: ExportSheet[] = jurorIds.map((id, i) => ({
    name: names[i]!,
    columnWidths: [48, ...input.criteria.map(() => 12), 10, 22, 60],
    rows: [
      [`Эксперт: ${jurorName.get(id) ?? id}`],
      [],
      ['Заявка', ...input.criteria.map((c) => `${c.title} (×${c.weight})`), 'Итого', 'Учтён', 'Обоснование'],
      ...input.sheets
        .filter((s) => s.jurorId === id)
        .map((s) => {
          const key = `${s.jurorId}|${s.applicationId}`;
          const reason = excluded.get(key);
          return [
            titles.get(s.applicationId) ?? s.applicationId,
            ...input.criteria.map((c) => s.values[c.id] ?? ''),
            round(totals.get(key) ?? null),
            reason === undefined ? 'да' : reason === 'draft' ? 'нет: черновик' : `нет: ${reason}`,
            s.comment ?? '',
          ];
        }),
    ],
  }));

  const blocks = results.reliability.blocks.filter(usableBlock);
  const stats: ExportSheet = {
    name: 'Статистика',
    columnWidths: [44, 14, 14, 14, 14, 14, 40],
    rows: [
      ['Согласованность жюри'],
      ...(blocks.length === 0
        ? [['Полного блока (≥ 3 заявок, оценённых одними и теми же ≥ 2 экспертами) нет: W Кендалла и ICC не считаются.']]
        : blocks.flatMap((b) => [
            ['Блок: заявок', b.applicationIds.length, 'экспертов', b.jurorIds.length],
            ['W Кендалла', round(b.kendall.w), 'χ²', round(b.kendall.chiSquare), 'df', b.kendall.df],
            ['p', b.kendall.pValue !== null && b.kendall.pValue < 0.001 ? '< 0,001' : round(b.kendall.pValue)],
            ['ICC(2,1)', round(b.icc.icc21), 'ICC(2,k)', round(b.icc.icc2k)],
          ])),
      [],
      ['Эксперт', 'Оценок', 'Средний балл', 'Смещение', 'Разброс (σ)', 'ρ Спирмена', 'Отметка'],
      ...results.reliability.jurors.map((j) => [
        jurorName.get(j.jurorId) ?? j.jurorId,
        j.count,
        round(j.mean),
        round(j.offset),
        round(j.spread),
        round(j.spearman),
        j.flags.map((f) => (f === 'offset' ? 'смещение' : 'низкая согласованность')).join(', '),
      ]),
      [],
      ['Заявка', 'Экспертиз', 'Размах', 'σ', 'Для обсуждения'],
      ...results.reliability.divergence.map((d) => [titles.get(d.applicationId) ?? d.applicationId, d.reviews, round(d.range), round(d.sd), d.flags.length > 0 ? 'да' : '']),
      [],
      ['Места по методам', ...AGGREGATION_METHODS.map((m) => METHOD_SHORT[m]), 'Зависит от метода'],
      ...results.sensitivity.applications.map((a) => [
        titles.get(a.applicationId) ?? a.applicationId,
        ...AGGREGATION_METHODS.map((m) => a.places[m] ?? ''),
        a.dependsOnMethod ? 'да' : 'нет',
      ]),
    ],
  };
  return buildXlsx([summary, ...jurorSheets, stats]);
}
