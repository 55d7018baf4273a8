/** The shape of bench/results.json: raw summaries per size plus the figures with their targets. */
import type { EngineName } from '../browser/engines';
import type { Miss } from '../browser/harness';
import type { QueryClass } from './queries';
import type { Stats } from './stats';

export type Machine = { cpu: string; cores: number; memoryGiB: number; os: string };
export type Versions = Record<string, string>;

export type EngineSummary = {
  engine: EngineName;
  buildMs: number | null;
  queriesRun: number;
  queriesTotal: number;
  runs: number;
  time: Stats;
  byClass: Partial<Record<QueryClass, { time: Stats; hits: number; total: number; recall: number | null }>>;
  /** Up to 40 queries that missed their person (ours: all of them, to be fixed). */
  misses: Miss[];
};

export type SizeResult = {
  n: number;
  /** Time it took to seed the profile in this run; null when a cached seeded profile was used. */
  seededMs: number | null;
  stored: { people: number; registrations: number };
  crossOriginIsolated: boolean;
  queries: { total: number; perClass: number; keystrokes: number };
  desk: { painted: Stats; raf: Stats; byClass: Partial<Record<QueryClass, Stats>>; uncommitted: number };
  engines: EngineSummary[];
  indexFromDb: { read: Stats; cards: Stats; build: Stats; total: Stats };
  openDesk: Stats;
  /** Opening without the desk's cached index (the first opening after an import). */
  openDeskUncached: { stats: Stats; cacheRowsDropped: number };
  coldStart: Stats;
  /** Navigation → the field painted while the list is still loading. */
  coldField: Stats;
  /**
   * The desk preload's parts in the cold starts (renderer/db/desk-preload.ts): `began` (ms since
   * navigation), `read`, `waiting`, `decode`, `index`. Empty when the start had no desk file to read.
   */
  coldPreload: Record<string, Stats>;
  /** A bare `indexedDB.open` of the app's database in a fresh browser: what no app code can start before. */
  idbOpen: Stats;
  heapMB: { atReady: number | null; afterGc: number | null };
  checkins: { stats: Stats; requested: number; failed: number; skipped: number };
  /** 1-minute load average of the machine before and after this size (other work skews the figures). */
  load: [number, number];
};

export type NodeResult = {
  import: { rows: number; people: number; bytes: number; bare: Stats; pipeline: Stats; recognized: { valid: number; errors: number; duplicatesInFile: number }; inBrowser: false };
  solver: { people: number; sections: number; time: Stats; placed: number; demand: number; byChoice: number[] };
  results: { label: string; sheets: number; time: Stats }[];
  merge: { merge: Stats; readMedian: number | null; line: string } | { error: string };
};

export type Figure = {
  figure: string;
  n: string;
  unit: 'ms' | 'MB' | '%' | '×' | '';
  stats: Stats | null;
  target: string;
  /** true = meets the target, false = misses it, null = reported without a target at this size. */
  pass: boolean | null;
  note?: string;
};

export type BenchResults = {
  generatedAt: string;
  mode: 'full' | 'quick';
  durationMs: number;
  machine: Machine;
  /** Highest 1-minute load average seen during the run; above the core count the figures are pessimistic. */
  maxLoad: number;
  versions: Versions;
  commit: string;
  method: Record<string, string>;
  engineSetup: Record<string, string>;
  sizes: SizeResult[];
  node: NodeResult;
  figures: Figure[];
};
