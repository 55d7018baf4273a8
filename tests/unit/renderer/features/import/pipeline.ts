/** The wizard's pipeline without the UI and the worker: read → map → analyze → decide → commit. */
import municipalities from '../../../../../resources/municipalities.json';
import type { MunicipalityInput } from '../../../../../shared/generator';
import type { DbContext } from '../../../../../renderer/db/context';
import { commitImport, loadImportBase, type ImportProgress } from '../../../../../renderer/db/repo/import';
import { buildImport, touchedRegistrations, type BuiltImport } from '../../../../../renderer/features/import/build';
import { analyzeFile, readFile } from '../../../../../renderer/features/import/parse-core';
import { buildPlan, prepare, removedFromTemplate, templateMunicipality, type Decision } from '../../../../../renderer/features/import/plan';
import { initialRequest } from '../../../../../renderer/features/import/session';
import type { ImportField } from '../../../../../shared/import/types';

export const reference = municipalities as MunicipalityInput[];
export const pick = (...names: string[]) => reference.filter((m) => names.includes(m.name));

export type RunOptions = {
  decide?: (row: number, values: string[]) => Decision | undefined;
  fixed?: Partial<Record<ImportField, string>>;
  /** Cancel what a district template dropped. */
  cancelRemoved?: boolean;
  onProgress?: (p: ImportProgress) => unknown;
  chunkSize?: number;
  now?: Date;
};

export async function analyze(ctx: DbContext, eventId: string, bytes: Uint8Array, fileName: string, fixed: Partial<Record<ImportField, string>> = {}) {
  const base = await loadImportBase(ctx, eventId);
  const { reply, file } = readFile(bytes, fileName);
  const req = initialRequest(reply, reply.chosen, base);
  req.fixed = { ...fixed };
  let analysis = analyzeFile(file, req);
  if (req.keyColumn !== undefined && req.mapping.municipality === undefined && !req.fixed.municipality) {
    const m = templateMunicipality(analysis, base);
    const name = base.municipalities.find((x) => x.id === m)?.name;
    if (name) {
      req.fixed = { ...req.fixed, municipality: name };
      analysis = analyzeFile(file, req);
    }
  }
  return { base, reply, req, analysis, prepared: prepare(analysis, base) };
}

export async function runImport(ctx: DbContext, eventId: string, bytes: Uint8Array, fileName: string, opts: RunOptions = {}) {
  const a = await analyze(ctx, eventId, bytes, fileName, opts.fixed);
  const decisions = new Map<number, Decision>();
  for (const [row, cands] of a.prepared.candidates) {
    const d = opts.decide?.(row, cands.map((c) => c.value));
    if (d) decisions.set(row, d);
  }
  const municipalityId = a.base.municipalities.find((m) => m.name === a.req.fixed.municipality)?.id;
  const removed = a.req.keyColumn !== undefined ? removedFromTemplate(a.analysis, a.base, municipalityId) : [];
  const cancel = opts.cancelRemoved ? removed.map((r) => r.registrationId) : [];
  const plan = buildPlan(eventId, a.prepared, decisions, cancel);
  let built: BuiltImport | undefined;
  const result = await commitImport(ctx, {
    eventId,
    touched: touchedRegistrations(plan.plan),
    build: (base) => (built = buildImport(plan.plan, base, { now: opts.now ?? new Date('2019-12-10T10:00:00Z'), newId: () => crypto.randomUUID() })).writes,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
  });
  return { ...a, plan, built: built!, result, removed };
}
