/**
 * The figures of `npm run bench` measured in Node rather than in the page: import (the pipeline of
 * shared/import against a bare SheetJS parse of the same file), section assignment (shared/sections)
 * and contest results (shared/results). Each returns raw samples; the runner summarizes them.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import type { MunicipalityInput } from '../../../shared/generator';
import { generateDelegateList, sheetToXlsx } from '../../../shared/generator';
import { analyzeList } from '../../../shared/import';
import { computeResults } from '../../../shared/results/compute-results';
import type { TieBreak } from '../../../shared/results/types';
import { assignSections } from '../../../shared/sections';
import { generateContest } from '../../unit/shared/results/fixtures';
import { generateSectionInstance } from '../../unit/shared/sections/fixtures';

const time = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

function municipalities(): MunicipalityInput[] {
  return JSON.parse(readFileSync(new URL('../../../resources/municipalities.json', import.meta.url), 'utf8')) as MunicipalityInput[];
}

export type ImportFigures = {
  rows: number;
  people: number;
  bytes: number;
  bare: number[];
  pipeline: number[];
  recognized: { valid: number; errors: number; duplicatesInFile: number };
};

/**
 * A messy delegate list of 10,000 generated people (title rows, two-row merged header, one «ФИО»
 * column, raw phones, duplicates and nameless rows on top, as `npm run cli -- generate --messy` makes
 * it), written as xlsx. Timed alternately, `runs` times each after a warm-up:
 *   bare     — `XLSX.read(bytes)` + `sheet_to_json(sheet, { header: 1 })`: what any importer starts with;
 *   pipeline — `analyzeList`: read (limits, format sniffing) → sheet and header → mapping → records
 *              (validation, names, phones, municipalities) → duplicates in the file.
 * The commit into IndexedDB is not part of it (the wizard, renderer/features/import, is not driven here yet).
 */
export function importFigures(runs: number): ImportFigures {
  const refs = municipalities();
  const list = generateDelegateList({ seed: 2019, count: 10_000, municipalities: refs, messy: true });
  const bytes = sheetToXlsx(list);
  const bare = () => {
    const wb = XLSX.read(bytes, { type: 'array' });
    return XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 });
  };
  const pipeline = () => analyzeList(bytes, { fileName: 'delegates.xlsx', municipalities: refs });
  const rows = bare().length;
  const report = pipeline().report;
  const out: ImportFigures = {
    rows,
    people: list.truth.people.length,
    bytes: bytes.length,
    bare: [],
    pipeline: [],
    recognized: { valid: report.valid, errors: report.errors.length, duplicatesInFile: report.duplicatesInFile.length },
  };
  for (let r = 0; r < runs; r++) {
    out.bare.push(time(bare));
    out.pipeline.push(time(pipeline));
  }
  return out;
}

export type SolverFigures = { people: number; sections: number; ms: number[]; placed: number; demand: number; byChoice: number[] };

/** 10,000 people × 20 sections, capacity 110 %, spread 3 (the app's default): `assignSections`. */
export function solverFigures(runs: number): SolverFigures {
  const input = generateSectionInstance({ seed: 5, people: 10_000, sections: 20, weights: { spread: 3 } });
  let result = assignSections(input); // warm-up (JIT)
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) ms.push(time(() => (result = assignSections(input))));
  const { stats } = result;
  return { people: input.people.length, sections: input.sections.length, ms, placed: stats.demand - stats.waitlisted, demand: stats.demand, byChoice: [...stats.byChoice] };
}

export type ResultsFigures = { label: string; sheets: number; ms: number[] }[];

const CHAIN: TieBreak[] = ['higher-median', 'more-max-marks', 'earlier-submission', 'shared-place'];

/**
 * `computeResults` (totals, all five aggregation methods with rankings and the tie-break chain,
 * Kendall's W and ICC per block, juror statistics, divergence, sensitivity) over 500 applications ×
 * 15 jurors × 10 criteria: as scored in practice (3–5 reviews each) and every juror scoring everything.
 */
export function resultsFigures(runs: number): ResultsFigures {
  return [
    { label: '3–5 reviews per application', min: 3, max: 5 },
    { label: 'every juror scores every application', min: 15, max: 15 },
  ].map(({ label, min, max }) => {
    const contest = generateContest({ seed: 7, nApps: 500, nJurors: 15, nCriteria: 10, minReviews: min, maxReviews: max });
    const input = { ...contest, method: 'z-mean' as const, tieBreaks: CHAIN };
    for (let i = 0; i < 3; i++) computeResults(input); // warm-up (JIT)
    const ms: number[] = [];
    for (let r = 0; r < runs; r++) ms.push(time(() => computeResults(input)));
    return { label, sheets: contest.sheets.length, ms };
  });
}
