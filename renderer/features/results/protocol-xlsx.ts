import * as XLSX from 'xlsx';
import type { SkippedScore } from '../../../shared/contest';
import { neutralizeCell } from '../../../shared/export/xlsx';
import { AGGREGATION_METHODS, kendallVerdict, type BlockReliability, type Results, type ResultsInput } from '../../../shared/results';
import { iccRows, iccWhy, scales, verdictWord } from './reliability-text';
import { decisionText, removedLines, reopenLines, type ProtocolState } from './protocol-state';
import { formatFactor, formatNumber } from '../../../shared/text/format';
import { tr } from '../../i18n';
import { aggregateOf, decisionLabel, exclusionLabel, exclusionSummary, methodLabel, methodShort, tieBreakChain, usableBlock } from './format';

const t = (key: string, options?: Record<string, unknown>) => tr('results')(key, options);

export type ProtocolJuror = { id: string; name: string };

/** One nomination of the protocol: its own places, its own jury and its own agreement statistics. */
export type ProtocolNomination = {
  nominationId: string;
  title: string;
  input: ResultsInput;
  results: Results;
  /** who judged this nomination (assigned to it, or sent sheets for it) */
  jurors: readonly ProtocolJuror[];
  /** sheets of this nomination's applications that were not admitted to the contest */
  skipped: readonly SkippedScore[];
};

/** Everything the protocol (workbook and print) is made of. Nominations print in the given order. */
export type ProtocolSource = {
  contestTitle: string;
  eventTitle: string;
  /** the meeting date as printed («12 мая 2025 г.») */
  date: string;
  /** the whole commission, in the order it is listed */
  jurors: readonly ProtocolJuror[];
  nominations: readonly ProtocolNomination[];
  /** names for the signature lines; empty leaves a blank to write in by hand */
  chair: string;
  secretary: string;
} & ProtocolState;

/**
 * Number formats of the workbook. Values stay numbers (a jury member may re-add them in Excel); the
 * format only says how many decimals to show, and Excel/LibreOffice put the decimal comma of the
 * user's locale — writing «12,5» as text would break every formula over it.
 */
export const SCORE_FORMAT = '0.00';
export const COEFFICIENT_FORMAT = '0.000';

type Cell = string | number | null | { t: 'n'; v: number; z: string };
type Sheet = { name: string; rows: Cell[][]; columnWidths: number[] };

const EXCEL_SHEET_NAME = 31;
/** A juror whose row is gone (removed before removals were recorded): never their id. */
export const unknownJuror = () => t('unknownJuror');

const score = (x: number | null | undefined): Cell => (x === null || x === undefined || !Number.isFinite(x) ? null : { t: 'n', v: x, z: SCORE_FORMAT });
const coefficient = (x: number | null | undefined): Cell => (x === null || x === undefined || !Number.isFinite(x) ? null : { t: 'n', v: x, z: COEFFICIENT_FORMAT });
const pValue = (p: number | null): Cell => (p === null ? null : p < 0.001 ? `< ${formatNumber(0.001, 3, true)}` : coefficient(p));

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
    const base = w.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, EXCEL_SHEET_NAME) || t('xlsx.juror');
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, EXCEL_SHEET_NAME - 5)} (${i})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The agreement block that stands for the nomination: its own (one per nomination), else any usable one. */
export function nominationBlock(n: Pick<ProtocolNomination, 'nominationId' | 'results'>): BlockReliability | undefined {
  const usable = n.results.reliability.blocks.filter(usableBlock);
  return usable.find((b) => b.id === n.nominationId) ?? usable[0];
}

const jurorFlagText = (f: string) => (f === 'offset' ? t('xlsx.flagOffset') : t('xlsx.flagAgreement'));

function summarySheet(src: ProtocolSource): Sheet {
  const method = src.nominations[0]?.results.method;
  const chain = src.nominations[0]?.results.tieBreaks ?? [];
  const rows: Cell[][] = [
    [t('protocol.title')],
    [src.contestTitle],
    [src.eventTitle],
    [t('xlsx.date', { date: src.date })],
    [t('xlsx.commission', { names: src.jurors.map((j) => j.name).join(', ') })],
    [t('xlsx.method', { method: method ? methodLabel(method) : '—' })],
    [t('xlsx.tieBreaks', { chain: tieBreakChain(chain) })],
    ...[...reopenLines(src), ...removedLines(src)].map((line) => [line]),
    [(({ lead, rest }) => lead + rest)(decisionText(src, src.nominations.length > 1))],
  ];
  for (const n of src.nominations) {
    const { results, input } = n;
    const titles = new Map(input.applications.map((a) => [a.id, a.title]));
    const aggregates = new Map(results.aggregates.map((a) => [a.applicationId, a]));
    const block = nominationBlock(n);
    rows.push(
      [],
      [t('xlsx.nomination', { title: n.title })],
      [t('xlsx.counted', { count: results.totals.length, rest: exclusionSummary(results, n.skipped) ?? t('protocol.allSheetsCounted') })],
      block
        ? [t('xlsx.kendallW'), coefficient(block.kendall.w), 'p', pValue(block.kendall.pValue), t('xlsx.agreement', { verdict: verdictWord(kendallVerdict(block.kendall.w)) })]
        : [t('xlsx.kendallW'), t('xlsx.noKendall')],
      [t('xlsx.place'), t('xlsx.application'), t('xlsx.score'), t('xlsx.how'), t('xlsx.reviews'), ...AGGREGATION_METHODS.map(methodShort)],
      ...results.ranking.entries.map((e): Cell[] => {
        const a = aggregates.get(e.applicationId);
        return [
          e.place,
          titles.get(e.applicationId) ?? e.applicationId,
          score(e.score),
          decisionLabel(e.decidedBy),
          a?.reviews ?? 0,
          ...AGGREGATION_METHODS.map((m) => (m === 'borda' ? coefficient(a ? aggregateOf(a, m) : null) : score(a ? aggregateOf(a, m) : null))),
        ];
      }),
    );
  }
  // signature lines as on the printed protocol: a line to sign on, the name under «/ … /»
  const sign = (role: string, name: string): Cell[] => [role, '____________________', `/ ${name || '____________________'} /`];
  rows.push([], sign(t('protocol.chairLine'), src.chair), [], sign(t('protocol.secretaryLine'), src.secretary), [], [t('xlsx.date', { date: src.date })]);
  return { name: t('xlsx.summary'), rows, columnWidths: [34, 48, 14, 36, 10, ...AGGREGATION_METHODS.map(() => 14)] };
}

/** One sheet per juror: their sheets in every nomination they scored, each nomination with its own criteria. */
function jurorSheets(src: ProtocolSource): Sheet[] {
  const names = new Map(src.jurors.map((j) => [j.id, j.name]));
  for (const n of src.nominations) for (const j of n.jurors) if (!names.has(j.id)) names.set(j.id, j.name);
  // the commission's order first, then anyone who sent sheets without being listed
  const scored = new Set(src.nominations.flatMap((n) => n.input.sheets.map((s) => s.jurorId)));
  const ids = [...new Set([...src.jurors.map((j) => j.id), ...src.nominations.flatMap((n) => n.input.sheets.map((s) => s.jurorId))])].filter((id) => scored.has(id));
  const sheetNames = uniqueNames(
    ids.map((id) => shortName(names.get(id) ?? unknownJuror())),
    [t('xlsx.summary'), t('xlsx.statistics')],
  );
  const widest = Math.max(0, ...src.nominations.map((n) => n.input.criteria.length));
  return ids.map((id, i) => {
    const rows: Cell[][] = [[t('xlsx.jurorTitle', { name: names.get(id) ?? unknownJuror() })]];
    for (const n of src.nominations) {
      const own = n.input.sheets.filter((s) => s.jurorId === id);
      if (own.length === 0) continue;
      const titles = new Map(n.input.applications.map((a) => [a.id, a.title]));
      const totals = new Map(n.results.totals.filter((t) => t.jurorId === id).map((t) => [t.applicationId, t.total]));
      const excluded = new Map(n.results.excluded.filter((e) => e.jurorId === id).map((e) => [e.applicationId, e.reason]));
      rows.push(
        [],
        [t('xlsx.nomination', { title: n.title })],
        [t('xlsx.application'), ...n.input.criteria.map((c) => `${c.title} (${formatFactor(c.weight)})`), t('xlsx.sum'), t('xlsx.counts'), t('xlsx.comment')],
        ...own.map((s): Cell[] => {
          const reason = excluded.get(s.applicationId);
          return [
            titles.get(s.applicationId) ?? s.applicationId,
            ...n.input.criteria.map((c) => s.values[c.id] ?? null),
            score(totals.get(s.applicationId)),
            reason === undefined ? t('xlsx.yes') : t('xlsx.notCounted', { reason: exclusionLabel(reason) }),
            s.comment ?? '',
          ];
        }),
      );
    }
    return { name: sheetNames[i]!, rows, columnWidths: [48, ...Array.from({ length: widest }, () => 12), 10, 26, 60] };
  });
}

function statisticsSheet(src: ProtocolSource): Sheet {
  const names = new Map(src.jurors.map((j) => [j.id, j.name]));
  const rows: Cell[][] = [];
  for (const n of src.nominations) {
    const { results, input } = n;
    const titles = new Map(input.applications.map((a) => [a.id, a.title]));
    const blocks = results.reliability.blocks.filter(usableBlock);
    if (rows.length > 0) rows.push([]);
    rows.push(
      [t('xlsx.nomination', { title: n.title })],
      [t('xlsx.juryAgreement')],
      ...(blocks.length === 0
        ? [[t('xlsx.noBlock')]]
        : blocks.flatMap((b): Cell[][] => [
            [t('xlsx.blockApplications'), b.applicationIds.length, t('xlsx.blockJurors'), b.jurorIds.length],
            [t('xlsx.kendallW'), coefficient(b.kendall.w), 'χ²', score(b.kendall.chiSquare), t('xlsx.df'), b.kendall.df, 'p', pValue(b.kendall.pValue), verdictWord(kendallVerdict(b.kendall.w))],
            ...iccRows(b).map((r): Cell[] => [r.label, r.value === null ? t('xlsx.undetermined') : coefficient(r.value), r.verdict, r.recommended ? t('xlsx.fits') : '']),
            [iccWhy(b)],
            [t('xlsx.scales', scales())],
          ])),
      [],
      [t('xlsx.juror'), t('xlsx.count'), t('xlsx.mean'), t('xlsx.offset'), t('xlsx.spread'), t('xlsx.spearman'), t('xlsx.flag')],
      ...results.reliability.jurors.map((j): Cell[] => [
        names.get(j.jurorId) ?? n.jurors.find((x) => x.id === j.jurorId)?.name ?? unknownJuror(),
        j.count,
        score(j.mean),
        score(j.offset),
        score(j.spread),
        coefficient(j.spearman),
        j.flags.map(jurorFlagText).join(', '),
      ]),
      [],
      [t('xlsx.application'), t('xlsx.reviews'), t('xlsx.range'), 'σ', t('xlsx.discuss')],
      ...results.reliability.divergence.map((d): Cell[] => [titles.get(d.applicationId) ?? d.applicationId, d.reviews, score(d.range), score(d.sd), d.flags.length > 0 ? t('xlsx.yes') : '']),
      [],
      [t('xlsx.byMethod'), ...AGGREGATION_METHODS.map(methodShort), t('xlsx.dependsOnMethod')],
      ...results.sensitivity.applications.map((a): Cell[] => [
        titles.get(a.applicationId) ?? a.applicationId,
        ...AGGREGATION_METHODS.map((m) => a.places[m]),
        a.dependsOnMethod ? t('xlsx.yes') : t('xlsx.no'),
      ]),
    );
  }
  return { name: t('xlsx.statistics'), rows, columnWidths: [44, 14, 14, 14, 14, 14, 14, 40] };
}

/**
 * The protocol workbook: «Итоги» (every nomination's places, W and the signatories), one sheet per
 * juror with their scores per criterion, «Статистика» (agreement, jurors, divergence, places by
 * method — per nomination). Every text cell is neutralized against formula injection: titles, names
 * and comments are typed by strangers.
 */
export function protocolXlsx(src: ProtocolSource): Uint8Array<ArrayBuffer> {
  const wb = XLSX.utils.book_new();
  for (const sheet of [summarySheet(src), ...jurorSheets(src), statisticsSheet(src)]) {
    const rows = sheet.rows.map((row) => row.map((c) => (typeof c === 'string' ? neutralizeCell(c) : c)));
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws['!cols'] = sheet.columnWidths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
