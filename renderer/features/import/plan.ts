/**
 * From what the worker understood to an import plan: which rows are rejected, which are duplicates
 * of what (in the file or already registered) and what the user decided for each, which rows a
 * district template matches by key, and which of the district's delegates the template dropped.
 */
import type { DedupeReason, Evidence } from '../../../shared/import/dedupe';
import { weigh } from '../../../shared/import/dedupe';
import type { ImportRecord, RowIssue } from '../../../shared/import/types';
import { nameKey } from '../../../shared/text/spelling';
import type { ImportBase } from '../../db/repo/import';
import type { ImportPlan, PlannedRow } from './build';
import { fullName } from '../../../shared/people/name';
import type { Analysis } from './worker-protocol';
import { sayText, tr } from '../../i18n';

/** `strong`: the safe default is to merge (see `weigh`); `evidence`: for and against, shown to the user. */
export type Candidate = { value: string; label: string; reasons: DedupeReason[]; evidence: Evidence[]; strong: boolean };
/** 'add' (a new person, "keep both"), 'skip', 'row:<n>' (merge into that row of the file), 'reg:<id>' (merge into a stored registration). */
export type Decision = string;

export type Prepared = {
  analysis: Analysis;
  /** Rows with an error: not imported. */
  rejected: Map<number, RowIssue[]>;
  /** Valid rows whose key names a registration of this event → that registration. */
  keyed: Map<number, string>;
  /** Keys that name no registration of this event (from another event, or deleted since). */
  unknownKeys: Map<number, string>;
  candidates: Map<number, Candidate[]>;
  valid: ImportRecord[];
};

/** Joins the worker's analysis with what is stored. */
export function prepare(analysis: Analysis, base: ImportBase): Prepared {
  const t = tr('import');
  const rejected = new Map<number, RowIssue[]>();
  for (const e of analysis.errors) rejected.set(e.row, [...(rejected.get(e.row) ?? []), e]);
  const regIds = new Set(base.registrations.map((r) => r.id));
  const keyed = new Map<number, string>();
  const unknownKeys = new Map<number, string>();
  for (const [row, key] of analysis.keys) {
    if (rejected.has(row)) continue;
    if (regIds.has(key)) keyed.set(row, key);
    else unknownKeys.set(row, key);
  }
  const regById = new Map(base.registrations.map((r) => [r.id, r]));
  const byRow = new Map(analysis.records.map((r) => [r.row, r]));
  const orgName = new Map(base.organizations.map((o) => [o.id, o.name]));
  const candidates = new Map<number, Candidate[]>();
  const push = (row: number, c: Candidate) => candidates.set(row, [...(candidates.get(row) ?? []), c]);
  for (const d of analysis.inFile) {
    const a = byRow.get(d.rowA);
    const b = byRow.get(d.rowB);
    const v = weigh(d.reasons, facts(a), facts(b));
    push(d.rowB, { value: `row:${d.rowA}`, label: a ? t('candidate.rowNamed', { row: d.rowA, name: fullName(a) }) : t('candidate.row', { row: d.rowA }), reasons: d.reasons, evidence: v.evidence, strong: v.merge });
  }
  for (const m of analysis.existing) {
    if (keyed.has(m.row)) continue; // the key already says who this is
    const reg = regById.get(m.existingId);
    const person = reg && base.people.get(reg.personId);
    const rec = byRow.get(m.row);
    if (!reg || !person || !rec) continue;
    const organization = person.organizationId ? (orgName.get(person.organizationId) ?? '') : '';
    const v = weigh(m.reasons, facts(rec), { phone: person.phone, municipality: reg.municipalityId, organization });
    push(m.row, { value: `reg:${reg.id}`, label: t(reg.status === 'cancelled' ? 'candidate.existingCancelled' : 'candidate.existing', { name: fullName(person), badge: reg.badgeCode }), reasons: m.reasons, evidence: v.evidence, strong: v.merge });
  }
  // strongest first; on a tie a row of the same file first, so that a repeated row folds into its
  // first occurrence exactly as it did when the file was imported the first time
  for (const list of candidates.values()) {
    list.sort((a, b) => score(b) - score(a) || (a.value.startsWith('row:') ? -1 : 1) - (b.value.startsWith('row:') ? -1 : 1));
  }
  const valid = analysis.records.filter((r) => !rejected.has(r.row));
  return { analysis, rejected, keyed, unknownKeys, candidates, valid };
}

const score = (c: Candidate) => (c.strong ? 100 : 0) + (c.reasons.includes('same-name') ? 10 : 0) + c.reasons.length;

const facts = (r?: ImportRecord) => (r ? { phone: r.phone, municipality: r.municipalityId, organization: r.organization } : {});

/** The same person beyond doubt → merge; a weaker match → keep both, for the user to look at. */
export function defaultDecision(candidates: readonly Candidate[] | undefined): Decision {
  const best = candidates?.[0];
  return best?.strong ? best.value : 'add';
}

export type RowFate =
  | { kind: 'planned' }
  | { kind: 'folded'; into: number }
  | { kind: 'skipped'; reason: string }
  | { kind: 'rejected'; reasons: string[] };

export type PlanResult = { plan: ImportPlan; fates: Map<number, RowFate> };

/**
 * The plan for the chosen decisions. A row merged into an earlier row of the file is folded into it
 * (blanks filled); that row's own decision then carries both. `cancel`: registrations to cancel.
 */
export function buildPlan(eventId: string, prepared: Prepared, decisions: ReadonlyMap<number, Decision>, cancel: readonly string[]): PlanResult {
  const fates = new Map<number, RowFate>();
  for (const [row, issues] of prepared.rejected) fates.set(row, { kind: 'rejected', reasons: issues.map((i) => sayText(i.said)) });
  const records = new Map<number, ImportRecord>();
  const root = new Map<number, number>();
  const order: number[] = [];
  for (const rec of prepared.valid) {
    const keyedTo = prepared.keyed.get(rec.row);
    const decision = keyedTo ? `reg:${keyedTo}` : (decisions.get(rec.row) ?? defaultDecision(prepared.candidates.get(rec.row)));
    if (decision === 'skip') {
      fates.set(rec.row, { kind: 'skipped', reason: tr('import')('fate.skippedDuplicate') });
      continue;
    }
    if (decision.startsWith('row:')) {
      const target = root.get(Number(decision.slice(4)));
      const into = target === undefined ? undefined : records.get(target);
      if (target !== undefined && into) {
        records.set(target, combine(into, rec));
        root.set(rec.row, target);
        fates.set(rec.row, { kind: 'folded', into: target });
        continue;
      }
      // the row it would merge into is skipped or rejected: this one goes the same way
      fates.set(rec.row, { kind: 'skipped', reason: tr('import')('fate.skippedWith', { row: decision.slice(4) }) });
      continue;
    }
    records.set(rec.row, rec);
    root.set(rec.row, rec.row);
    order.push(rec.row);
    fates.set(rec.row, { kind: 'planned' });
  }
  const rows: PlannedRow[] = order.map((row) => {
    const decision = prepared.keyed.has(row) ? `reg:${prepared.keyed.get(row)}` : (decisions.get(row) ?? defaultDecision(prepared.candidates.get(row)));
    const planned: PlannedRow = { row, record: records.get(row)! };
    if (decision.startsWith('reg:')) planned.registrationId = decision.slice(4);
    if (prepared.keyed.has(row)) planned.keyed = true;
    return planned;
  });
  return { plan: { eventId, rows, cancel: [...cancel] }, fates };
}

/** `a` with its blanks filled from `b` (a later row about the same person); full names replace initials. */
export function combine(a: ImportRecord, b: ImportRecord): ImportRecord {
  const out = { ...a };
  if (a.initials && !b.initials && nameKey(a.surname) === nameKey(b.surname)) {
    out.name = b.name;
    out.patronymic = b.patronymic;
    out.initials = false;
  } else if (!a.patronymic && b.patronymic && nameKey(a.name) === nameKey(b.name)) out.patronymic = b.patronymic;
  for (const f of ['position', 'organization', 'phone', 'email', 'category', 'section'] as const) if (!out[f] && b[f]) out[f] = b[f];
  if (!out.municipality && b.municipality) {
    out.municipality = b.municipality;
    out.municipalityMatched = b.municipalityMatched;
    if (b.municipalityId) out.municipalityId = b.municipalityId;
  }
  return out;
}

export type Removed = { registrationId: string; name: string; badgeCode: string };

/**
 * A district template brought back: the municipality's registrations whose keys are gone from the
 * file. Keys of rows with errors count as present — a row the office broke is not a removal.
 */
export function removedFromTemplate(analysis: Analysis, base: ImportBase, municipalityId: string | undefined): Removed[] {
  if (!municipalityId) return [];
  const present = new Set(analysis.keys.map(([, k]) => k));
  return base.registrations
    .filter((r) => r.municipalityId === municipalityId && r.status !== 'cancelled' && !present.has(r.id))
    .map((r) => {
      const p = base.people.get(r.personId);
      return { registrationId: r.id, name: p ? fullName(p) : '', badgeCode: r.badgeCode };
    });
}

/** The municipality a template is about: the one most of its keyed rows belong to. */
export function templateMunicipality(analysis: Analysis, base: ImportBase): string | undefined {
  const regById = new Map(base.registrations.map((r) => [r.id, r]));
  const counts = new Map<string, number>();
  for (const [, key] of analysis.keys) {
    const m = regById.get(key)?.municipalityId;
    if (m) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
