/**
 * Conflicts of interest between jurors and applications. Detected ones (same organization, same
 * municipality, juror among the applicants) are recomputed from people and applications every time —
 * never stored as the only truth — so moving a person to another organization updates them. Declared
 * (by the juror) and manual (by the organizer) ones are inputs with a reason. Any conflict blocks the
 * pair until the organizer overrides it with a written, logged reason; an override is kept per
 * (juror, application, kind), so lifting «same municipality» does not lift «juror is an applicant».
 */
import type { Application, Conflict, ConflictKind, ConflictOverride, Juror } from './types';
import { said, worded, wordRu, type Said, type SaidValue } from '../text/said';

/** A conflict's reason (`contestRules:conflicts`): `said` for the screen, `reason` in Russian (the protocol, logs). */
function because(key: string, values?: Record<string, SaidValue>): { said: Said; reason: string } {
  const s = said(`contestRules:conflicts.${key}`, values);
  return { said: s, reason: wordRu(s) };
}

/** A juror with what conflict detection needs to know about their person (resolved by the caller). */
export type JurorProfile = Juror & {
  organizationId?: string;
  municipalityId?: string;
  /** Display name for messages («Иванова А.П.»); the id is used when absent. */
  name?: string;
};

export type ReportedConflict = { jurorId: string; applicationId: string; reason: string };

export type OverrideEntry = { jurorId: string; applicationId: string; kind: ConflictKind; override: ConflictOverride };

export type ConflictInput = {
  jurors: readonly JurorProfile[];
  applications: readonly Application[];
  /** Declared by jurors themselves («консультировал заявителя»). */
  declared?: readonly ReportedConflict[];
  /** Marked by the organizer. */
  manual?: readonly ReportedConflict[];
  /** Overrides already logged; ones without a reason or author are not applied (see `isValidOverride`). */
  overrides?: readonly OverrideEntry[];
  /** Names for the reasons; ids are not shown to people. */
  organizationName?: (id: string) => string | undefined;
  municipalityName?: (id: string) => string | undefined;
};

const KIND_ORDER: Record<ConflictKind, number> = { applicant: 0, organization: 1, municipality: 2, declared: 3, manual: 4 };

export function pairKey(jurorId: string, applicationId: string): string {
  return `${jurorId}|${applicationId}`;
}

export function isValidOverride(o: ConflictOverride): boolean {
  return o.reason.trim() !== '' && o.by.trim() !== '' && o.at.trim() !== '';
}

/**
 * All conflicts, sorted by juror, application and kind (applicant → organization → municipality →
 * declared → manual), one row per kind. Automatic kinds are checked only within the juror's
 * nominations (elsewhere they cannot be assigned); declared and manual ones are kept wherever they point.
 */
export function detectConflicts(input: ConflictInput): Conflict[] {
  const out: Conflict[] = [];
  const orgName = (id: string) => input.organizationName?.(id);
  const muniName = (id: string) => input.municipalityName?.(id);
  for (const j of input.jurors) {
    const noms = new Set(j.nominationIds);
    for (const a of input.applications) {
      if (a.contestId !== j.contestId || !noms.has(a.nominationId)) continue;
      if (a.applicantPersonIds.includes(j.personId)) {
        out.push({ jurorId: j.id, applicationId: a.id, kind: 'applicant', ...because('applicant') });
      }
      if (a.organizationId !== undefined && a.organizationId === j.organizationId) {
        const name = orgName(a.organizationId);
        out.push({
          jurorId: j.id,
          applicationId: a.id,
          kind: 'organization',
          ...(name ? because('organizationNamed', { name }) : because('organization')),
        });
      }
      if (a.municipalityId !== undefined && a.municipalityId === j.municipalityId) {
        const name = muniName(a.municipalityId);
        out.push({
          jurorId: j.id,
          applicationId: a.id,
          kind: 'municipality',
          ...(name ? because('municipalityNamed', { name }) : because('municipality')),
        });
      }
    }
  }
  const reported = (list: readonly ReportedConflict[] | undefined, kind: 'declared' | 'manual') => {
    for (const r of list ?? []) {
      const why = r.reason.trim() === '' ? said('contestRules:conflicts.noReason') : r.reason.trim();
      out.push({ jurorId: r.jurorId, applicationId: r.applicationId, kind, ...because(kind, { why }) });
    }
  };
  reported(input.declared, 'declared');
  reported(input.manual, 'manual');

  const overrides = new Map<string, ConflictOverride>();
  for (const o of input.overrides ?? []) {
    if (isValidOverride(o.override)) overrides.set(`${pairKey(o.jurorId, o.applicationId)}|${o.kind}`, { ...o.override });
  }
  // one row per (pair, kind): a juror declaring the same conflict twice is still one conflict
  const unique = new Map<string, Conflict>();
  for (const c of out) {
    const key = `${pairKey(c.jurorId, c.applicationId)}|${c.kind}`;
    if (unique.has(key)) continue;
    const o = overrides.get(key);
    unique.set(key, o === undefined ? c : { ...c, overridden: o });
  }
  return [...unique.values()].sort(
    (a, b) => cmp(a.jurorId, b.jurorId) || cmp(a.applicationId, b.applicationId) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type OverrideResult = { ok: true; conflict: Conflict } | { ok: false; said: Said; message: string };

function overrideRefused(key: string): OverrideResult {
  return { ok: false, ...worded(said(`contestRules:conflicts.${key}`)) };
}

/** Lifts one conflict. The reason is mandatory: it goes into the protocol's record of the jury. */
export function overrideConflict(conflict: Conflict, override: ConflictOverride): OverrideResult {
  if (override.reason.trim() === '') return overrideRefused('overrideReason');
  if (override.by.trim() === '') return overrideRefused('overrideBy');
  if (override.at.trim() === '') return overrideRefused('overrideAt');
  return { ok: true, conflict: { ...conflict, overridden: { by: override.by.trim(), at: override.at, reason: override.reason.trim() } } };
}

/** Pairs that must not be assigned: at least one conflict of the pair is not overridden. */
export function blockedPairs(conflicts: readonly Conflict[]): Set<string> {
  const blocked = new Set<string>();
  for (const c of conflicts) if (c.overridden === undefined) blocked.add(pairKey(c.jurorId, c.applicationId));
  return blocked;
}
