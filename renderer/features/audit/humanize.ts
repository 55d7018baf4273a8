/**
 * Changes in words: every field, coded value and structured value of a synced record as a person reads it —
 * «причина ожидания: не выбрал ни одной секции», «статус: отправлена», «Актуальность: 7 → 8» — never a raw key
 * («no-preferences», «protocolChair») or JSON. One place for «Журнал изменений», the exchange preview and the
 * conflict review; the words are in the `records` namespace (renderer/i18n/<lang>/records.ts).
 */
import { formatDate, formatDay, formatNumber } from '../../../shared/text/format';
import { tr } from '../../i18n';
import { tableRowLabel } from '../../common/tables';

/** Names of rows the values point at, as far as the caller knows them. */
export type RecordNames = {
  /** A row of another table in words (a person's name, a section's title); undefined when unknown. */
  row?: (table: string, id: string) => string | undefined;
  /** A score's criterion by its id («relevance» → «Актуальность»). */
  criterion?: (id: string) => string | undefined;
};

/** One line of a change: «label: before → after». `before` is null when the earlier value is not known. */
export type FieldChange = { field: string; label: string; before: string | null; after: string };

/** Fields whose value names a row of another table (one id or a list of ids). */
export const REFERENCES: Readonly<Record<string, string>> = {
  municipalityId: 'municipalities',
  organizationId: 'organizations',
  sectionId: 'sections',
  sectionPrefs: 'sections',
  personId: 'people',
  applicantPersonIds: 'people',
  registrationId: 'registrations',
  teamRegistrationIds: 'registrations',
  applicationId: 'applications',
  jurorId: 'jurors',
  nominationId: 'nominations',
  nominationIds: 'nominations',
  contestId: 'contests',
  projectId: 'projects',
  eventId: 'events',
};

/** Fields shown as «задан», never their value. */
const SECRET_FIELDS = new Set(['organizerPin', 'publicKey', 'hash', 'salt']);
/** Codes whose words are the shell's own (roles and categories). */
const APP_WORDS: Readonly<Record<string, string>> = { role: 'app:role', category: 'app:category' };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CHARS = 80;

const t = (key: string, options?: Record<string, unknown>) => tr('records')(key, options ?? {});
const has = (key: string) => tr('records')(key, { defaultValue: '' }) !== '';

/** A field: «причина ожидания». An unknown field shows its code rather than nothing. */
export const fieldLabel = (field: string): string => (has(`field.${field}`) ? t(`field.${field}`) : field);

/** A coded value in words when the field has words for it. */
function codeWord(field: string, code: string): string | undefined {
  const app = APP_WORDS[field];
  if (app) {
    const word = tr('app')(`${app.slice(4)}.${code}`, { defaultValue: '' });
    return word || undefined;
  }
  return has(`value.${field}.${code}`) ? t(`value.${field}.${code}`) : undefined;
}

const clip = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** One value of `field` in words; «—» when there is none. */
export function formatFieldValue(field: string, value: unknown, names: RecordNames = {}): string {
  if (empty(value)) return t('none');
  if (SECRET_FIELDS.has(field)) return t('secret');
  return clip(plain(field, value, names));
}

function plain(field: string, value: unknown, names: RecordNames): string {
  const ref = REFERENCES[field];
  if (ref) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => (typeof id === 'string' ? (names.row?.(ref, id) ?? t('rowFallback', { table: tableRowLabel(ref), id: id.slice(0, 6) })) : String(id))).join(', ');
  }
  if (typeof value === 'boolean') return t(value ? 'yes' : 'no');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (ISO_TIME.test(value)) return formatDate(value, 'dateTimeSeconds');
    if (ISO_DAY.test(value)) return formatDay(value);
    return codeWord(field, value) ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => (isObject(v) ? item(v, names) : plain(field, v, names))).join(', ');
  if (isObject(value)) {
    if ('given' in value) return consent(value);
    if (field === 'values') return Object.entries(value).map(([k, v]) => `${names.criterion?.(k) ?? k} ${plain('', v, names)}`).join(', ');
    return item(value, names);
  }
  return String(value);
}

function consent(o: Record<string, unknown>): string {
  if (!o.given) return t('consentRefused');
  return typeof o.at === 'string' ? t('consentGivenOn', { date: formatDate(o.at, 'shortDate') }) : t('consentGiven');
}

/** An element of a structured value (a criterion, a log entry, an attachment) by what names it. */
function item(o: Record<string, unknown>, names: RecordNames): string {
  for (const key of ['title', 'name', 'text']) if (typeof o[key] === 'string' && o[key]) return o[key];
  if (typeof o.action === 'string') {
    const when = typeof o.at === 'string' ? ` ${formatDate(o.at, 'dateTime')}` : '';
    return `${codeWord('action', o.action) ?? o.action}${when}${typeof o.by === 'string' && o.by ? `, ${o.by}` : ''}`;
  }
  const parts = Object.entries(o)
    .filter(([k, v]) => !empty(v) && k !== 'id' && !k.endsWith('Id'))
    .map(([k, v]) => `${fieldLabel(k)} ${formatFieldValue(k, v, names)}`);
  return parts.join(', ') || t('items', { count: Object.keys(o).length });
}

/**
 * A field's change as lines a person reads. A map of marks (a score sheet's `values`) or another flat object
 * becomes one line per changed key («Актуальность: 7 → 8»); a list of entries shows what was added and removed;
 * anything else is one line «label: before → after». `before` undefined = the earlier value is not known.
 */
export function describeFieldChange(field: string, before: { value: unknown } | undefined, after: unknown, names: RecordNames = {}): FieldChange[] {
  const label = fieldLabel(field);
  const prev = before?.value;
  if (before && isObject(prev) && isObject(after) && !('given' in after) && !SECRET_FIELDS.has(field)) {
    const keys = [...new Set([...Object.keys(prev), ...Object.keys(after)])].filter((k) => JSON.stringify(prev[k]) !== JSON.stringify(after[k]));
    const keyLabel = (k: string) => (field === 'values' ? (names.criterion?.(k) ?? k) : `${label}, ${fieldLabel(k)}`);
    if (keys.length) return keys.map((k) => ({ field: `${field}.${k}`, label: keyLabel(k), before: formatFieldValue(k, prev[k], names), after: formatFieldValue(k, after[k], names) }));
  }
  if (before && Array.isArray(prev) && Array.isArray(after) && [...prev, ...after].some(isObject)) {
    const key = (v: unknown) => JSON.stringify(v);
    const had = new Set(prev.map(key));
    const kept = new Set(after.map(key));
    const added = after.filter((v) => !had.has(key(v)));
    const removed = prev.filter((v) => !kept.has(key(v)));
    if (added.length || removed.length) {
      const list = (vs: unknown[]) => clip(vs.map((v) => (isObject(v) ? item(v, names) : plain(field, v, names))).join(', '));
      return [{ field, label, before: removed.length ? t('removed', { items: list(removed) }) : t('none'), after: added.length ? t('added', { items: list(added) }) : t('none') }];
    }
  }
  return [{ field, label, before: before ? formatFieldValue(field, prev, names) : null, after: formatFieldValue(field, after, names) }];
}
