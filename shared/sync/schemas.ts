/**
 * What a value in a shared table may be: one schema per tracked table, and limits on every value.
 *
 * The same check guards every way a row gets in: a local write (renderer/db/change-log.ts), a received
 * change (merge.ts, before anything else looks at it), a backup row (renderer/db/backup.ts) and a LAN
 * hub body (electron/hub calls checkJsonLimits). A value nested 2,500 deep, a cell longer than a
 * spreadsheet can hold, or a field of the wrong type is refused with a named, Russian ValueError —
 * never a raw «Maximum call stack size exceeded» later, in a backup or an export.
 *
 * Limits are close to real need: a 5,000-person event's longest text (an application's summary) fits
 * a spreadsheet cell (32,767 characters, what xlsx can export); rows nest 3 deep at most (a
 * nomination's criteria → bands); the longest list is a contest's applicants of one application.
 * Schemas are loose: a field this version does not know (written by a newer one) passes, within the
 * limits; a field it knows must have its type. Every field may be `null`: in a change it means
 * «removed».
 */
import { z } from 'zod';
import { categories, organizationKinds, registrationStatuses, roles } from '../domain/types';
import { communityTypes, indicatorKeys } from '../projects/types';
import type { SyncTable } from './roles';
import { said, SaidError, type Said } from '../text/said';

/** The longest string a cell may hold: Excel's (and so xlsx export's) limit. */
export const MAX_STRING_CHARS = 32_767;
export const VALUE_LIMITS = {
  /** Nesting of objects and arrays inside one field's value. */
  depth: 8,
  strings: MAX_STRING_CHARS,
  /** Elements of one array, keys of one object. */
  items: 5_000,
  /** Values (of any kind) in one change or row. */
  nodes: 50_000,
  /** Characters in one change or row, keys included. */
  chars: 1_000_000,
} as const;

export type ValueErrorCode = 'too-deep' | 'string-too-long' | 'too-many-items' | 'too-large' | 'not-json' | 'wrong-type';

/** What each limit allows, for its message. */
const LIMIT_OF: Partial<Record<ValueErrorCode, number>> = { 'string-too-long': MAX_STRING_CHARS, 'too-many-items': VALUE_LIMITS.items };

/**
 * A refused value: `code` for programs, `said` for the person at the screen (`fileExchange:values`),
 * `message` in Russian for logs. `table` may itself be a Said (checkJsonLimits's «данные»).
 */
export class ValueError extends SaidError {
  override name = 'ValueError';
  constructor(
    readonly code: ValueErrorCode,
    readonly table: string | Said,
    readonly field: string,
  ) {
    const limit = LIMIT_OF[code];
    const problem = said(`fileExchange:values.codes.${code}`, limit === undefined ? undefined : { n: limit });
    super(said('fileExchange:values.inField', { table: typeof table === 'string' ? table.slice(0, 40) : table, field: field.slice(0, 40), problem }));
  }
}

type Budget = { nodes: number; chars: number };
const SCRATCH: Budget = { nodes: 0, chars: 0 };

/** The first limit `value` breaks, or null. Recursion stops at the depth limit, so no stack runs out. */
function limitProblem(value: unknown, depth: number, budget: Budget): ValueErrorCode | null {
  if (--budget.nodes < 0) return 'too-large';
  switch (typeof value) {
    case 'string':
      if (value.length > VALUE_LIMITS.strings) return 'string-too-long';
      return (budget.chars -= value.length) < 0 ? 'too-large' : null;
    case 'number':
      return Number.isFinite(value) ? null : 'not-json';
    case 'boolean':
    case 'undefined':
      return null;
    case 'object': {
      if (value === null) return null;
      if (depth >= VALUE_LIMITS.depth) return 'too-deep';
      if (Array.isArray(value)) {
        if (value.length > VALUE_LIMITS.items) return 'too-many-items';
        for (const v of value) {
          const bad = limitProblem(v, depth + 1, budget);
          if (bad) return bad;
        }
        return null;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return 'not-json';
      let keys = 0;
      for (const k in value) {
        if (++keys > VALUE_LIMITS.items) return 'too-many-items';
        if ((budget.chars -= k.length) < 0) return 'too-large';
        const bad = limitProblem((value as Record<string, unknown>)[k], depth + 1, budget);
        if (bad) return bad;
      }
      return null;
    }
    default:
      return 'not-json';
  }
}

/**
 * Checks any JSON-like value against the limits (depth, string length, list sizes, total size): for
 * bodies that are not rows, such as the LAN hub's requests. Throws ValueError naming `what`.
 */
export function checkJsonLimits(value: unknown, what: string | Said = said('fileExchange:values.data')): void {
  const bad = limitProblem(value, 0, { nodes: VALUE_LIMITS.nodes, chars: VALUE_LIMITS.chars });
  if (bad) throw new ValueError(bad, what, '—');
}

// ── per-table schemas ───────────────────────────────────────────────────────────────────────────

const text = z.string().max(MAX_STRING_CHARS);
const id = z.string().min(1).max(512);
const count = z.number().int().min(0);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(VALUE_LIMITS.items);
/** A nested object: the fields it knows must have their types; which of them are present is the writer's business. */
const obj = (shape: Record<string, z.ZodType>) => z.looseObject(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.optional()])));
const band = obj({ from: z.number(), to: z.number(), text });
const grant = obj({ id, reason: text, by: text, at: text });
const indicators = obj(Object.fromEntries(indicatorKeys.map((k) => [k, z.number().min(0)])));
const community = obj({ founded: z.boolean(), name: text });

/** Row shapes by table: the fields each domain type (shared/domain/types.ts, shared/contest/types.ts, shared/projects/types.ts) declares. */
const SHAPES = {
  events: {
    id, title: text, shortTitle: text, startDate: text, endDate: text, city: text, venue: text, organizer: text, project: text, goal: text, createdAt: text,
    organizerPin: obj({ algo: text, iterations: count, salt: text, hash: text, setAt: text, setBy: text }),
  },
  programItems: { id, eventId: id, kind: text, title: text, topics: list(text), speakers: list(text), startsAt: text, endsAt: text, order: z.number() },
  sections: { id, eventId: id, title: text, room: text, capacity: count, moderators: list(text), startsAt: text, endsAt: text, order: z.number() },
  municipalities: { id, name: text, kind: text, region: text, federalDistrict: text, builtin: z.boolean() },
  organizations: { id, name: text, kind: z.enum(organizationKinds), municipalityId: id },
  people: {
    id, surname: text, name: text, patronymic: text, phone: text, email: text, municipalityId: id, organizationId: id, position: text,
    consent: obj({ given: z.boolean(), at: text, how: text }),
  },
  registrations: {
    id, eventId: id, personId: id, role: z.enum(roles), category: z.enum(categories), municipalityId: id, status: z.enum(registrationStatuses), badgeCode: text,
    sectionPrefs: list(id), sectionId: id, sectionFixed: z.boolean(), waitlistReason: text, note: text, source: text, createdAt: text,
  },
  delegations: { id, eventId: id, municipalityId: id, expected: count, contact: text, lastListAt: text },
  checkins: {
    id, eventId: id, registrationId: id, kind: z.enum(['arrive', 'annul', 'section-enter', 'section-leave']), reason: text, sectionId: id, device: id, operator: text, at: text, hlc: text,
    cancels: list(id),
  },
  prints: { id, eventId: id, registrationId: id, kind: text, device: id, operator: text, at: text },
  contests: { id, eventId: id, title: text, status: text, minReviews: count, method: text, tieBreaks: list(text), lockedAt: text, protocolChair: text, protocolSecretary: text },
  nominations: {
    id, contestId: id, title: text, commentRequired: z.boolean(),
    criteria: list(obj({ id, title: text, description: text, min: z.number(), max: z.number(), weight: z.number(), bands: list(band) })),
  },
  applications: {
    id, contestId: id, nominationId: id, title: text, summary: text, municipalityId: id, organizationId: id, applicantPersonIds: list(id), requestedAmount: z.number(),
    submittedAt: text, status: text, rejectReason: text, attachments: list(obj({ id, name: text, mime: text, size: count, sha256: text })),
  },
  jurors: { id, contestId: id, personId: id, nominationIds: list(id), cap: count },
  conflicts: { id, contestId: id, jurorId: id, applicationId: id, kind: text, reason: text, overridden: obj({ by: text, at: text, reason: text }) },
  assignments: { id, contestId: id, jurorId: id, applicationId: id, anchor: z.boolean(), manual: z.boolean(), reopens: list(grant) },
  scores: {
    id, contestId: id, jurorId: id, applicationId: id, values: z.record(id, z.number().nullable()), comment: text, status: text, version: count, updatedAt: text,
    reopened: list(grant),
  },
  projects: {
    id, eventId: id, contestId: id, applicationId: id, title: text, municipalityId: id, communityType: z.enum(communityTypes), teamRegistrationIds: list(id),
    grantAmount: z.number().min(0), planned: indicators, plannedCommunity: community, milestones: list(obj({ id, title: text, due: text })),
    interimReportDue: text, finalReportDue: text, lifecycle: z.enum(['running', 'closed', 'abandoned']), abandonedReason: text, createdAt: text,
  },
  projectReports: {
    id, projectId: id, eventId: id, kind: z.enum(['interim', 'final']), round: z.number().int().positive(), submittedAt: text, reached: indicators, community,
    text, milestones: list(obj({ milestoneId: id, state: z.enum(['done', 'in-progress', 'not-started', 'dropped']), doneOn: text })), photoIds: list(id),
    review: z.enum(['received', 'accepted', 'returned']), returnReason: text,
  },
} satisfies Record<SyncTable, Record<string, z.ZodType>>;

/**
 * One field's check: the schema itself, and a shortcut for the plain values that are nearly every value
 * a merge sees (a string within its length, a member of an enum, a boolean) — it accepts only what the
 * schema accepts, and anything it does not accept goes to the schema for the verdict. The merge runs
 * this on every change of every file (200,000 in the bench), where a whole-object parse costs twice.
 */
type FieldCheck = {
  schema: z.ZodType;
  /** What the shortcut knows how to accept; 'none': every value goes to the schema. */
  kind: 'string' | 'enum' | 'boolean' | 'list' | 'none';
  /** For 'string' (and a list's strings): the length bounds. */
  min: number;
  max: number;
  /** For 'enum'. */
  options: ReadonlySet<unknown> | null;
  /** For 'list': the check of its elements. */
  item: FieldCheck | null;
};

/**
 * The shortcut derived from a zod schema. Only these shapes get one; the test (schemas.fast.test.ts)
 * holds `plain` to the schema on random values: whatever `plain` accepts, the schema accepts.
 */
export function fieldCheck(schema: z.ZodType): FieldCheck {
  const check: FieldCheck = { schema, kind: 'none', min: 0, max: Number.POSITIVE_INFINITY, options: null, item: null };
  if (schema instanceof z.ZodString && schema.format === null) {
    check.kind = 'string';
    check.min = schema.minLength ?? 0;
    check.max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  } else if (schema instanceof z.ZodEnum) {
    check.kind = 'enum';
    check.options = new Set(schema.options);
  } else if (schema instanceof z.ZodBoolean) check.kind = 'boolean';
  else if (schema instanceof z.ZodArray && schema.element instanceof z.ZodType) {
    // every list of SHAPES is list(): its length limit is VALUE_LIMITS.items, which limitProblem checks first
    const item = fieldCheck(schema.element);
    if (item.kind !== 'none') {
      check.kind = 'list';
      check.item = item;
    }
  }
  return check;
}

/** True only for a value `check.schema` accepts (within the limits, checked before); false: ask the schema. */
export function plain(check: FieldCheck, v: unknown): boolean {
  switch (check.kind) {
    case 'string':
      return typeof v === 'string' && v.length >= check.min && v.length <= check.max;
    case 'enum':
      return check.options!.has(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'list': {
      if (!Array.isArray(v)) return false;
      const item = check.item!;
      for (let i = 0; i < v.length; i++) if (!plain(item, v[i])) return false;
      return true;
    }
    default:
      return false;
  }
}

/** Per table, per field it knows. Every field may be absent (a change carries what changed) or null (removed). */
export const FIELD_CHECKS: ReadonlyMap<string, ReadonlyMap<string, FieldCheck>> = new Map(
  Object.entries(SHAPES).map(([table, shape]) => [table, new Map(Object.entries(shape as Record<string, z.ZodType>).map(([f, s]) => [f, fieldCheck(s)]))]),
);

/** The tables that have a schema: every synced table. */
export const SCHEMA_TABLES: readonly string[] = [...FIELD_CHECKS.keys()];

/**
 * The first problem of a change's (or a row's) fields in `table`, or null. Limits first, so nothing
 * deeper walks a value they refuse; then the table's schema for the fields it knows. Tables without a
 * schema (not synced) get the limits only.
 */
export function fieldsProblem(table: string, fields: Readonly<Record<string, unknown>>): ValueError | null {
  // one budget object for every call (nothing here re-enters): the merge calls this 200,000 times a file set
  const budget = SCRATCH;
  budget.nodes = VALUE_LIMITS.nodes;
  budget.chars = VALUE_LIMITS.chars;
  const checks = FIELD_CHECKS.get(table);
  for (const f in fields) {
    const value = fields[f];
    budget.chars -= f.length;
    // strings, most values, inline; anything else through the walk
    const bad = typeof value === 'string' ? (value.length > VALUE_LIMITS.strings ? 'string-too-long' : (budget.chars -= value.length) < 0 ? 'too-large' : null) : limitProblem(value, 1, budget);
    if (bad) return new ValueError(bad, table, f);
    const check = checks?.get(f);
    if (!check || value === null || value === undefined || plain(check, value)) continue;
    const res = check.schema.safeParse(value);
    if (res.success) continue;
    const issue = res.error.issues[0]!;
    return new ValueError(issue.code === 'too_big' && issue.origin === 'string' ? 'string-too-long' : issue.code === 'too_big' ? 'too-many-items' : 'wrong-type', table, f);
  }
  return null;
}

/** fieldsProblem for a whole row: also needs a string id. Throws ValueError. */
export function checkRow(table: string, row: unknown): void {
  if (!row || typeof row !== 'object' || Array.isArray(row)) throw new ValueError('wrong-type', table, 'id');
  const bad = fieldsProblem(table, row as Record<string, unknown>);
  if (bad) throw bad;
  const rowId = (row as { id?: unknown }).id;
  if (typeof rowId !== 'string' || rowId === '') throw new ValueError('wrong-type', table, 'id');
}

/** fieldsProblem that throws: for writes. */
export function checkFields(table: string, fields: Readonly<Record<string, unknown>>): void {
  const bad = fieldsProblem(table, fields);
  if (bad) throw bad;
}
