// Changes in words (renderer/features/audit/humanize.ts): no raw key, code or JSON reaches the change log, the
// exchange preview or the conflict review — in Russian and in English. The contest is the product's own grant
// template (shared/contest/template.ts), its score sheet edited the way the jury screen writes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { AuditLog } from '../../../../../renderer/features/audit/audit-model';
import { describeFieldChange, fieldLabel, formatFieldValue } from '../../../../../renderer/features/audit/humanize';
import { tableLabel } from '../../../../../renderer/common/tables';
import { initI18n } from '../../../../../renderer/i18n';
import { grantContestTemplate, GRANT_CRITERIA } from '../../../../../shared/contest/template';
import { scoreId, type Score } from '../../../../../shared/contest/types';
import type { ChangeRecord } from '../../../../../shared/sync/change';
import { createClock } from '../../../../../shared/sync/hlc';

initI18n('ru');

const { contest, nominations } = grantContestTemplate({ contestId: 'c1', eventId: 'ev1' });
const [relevance, second] = GRANT_CRITERIA;
const criterion = (id: string) => GRANT_CRITERIA.find((c) => c.id === id)?.title;

/** A raw code or key never shown: camelCase field names, kebab-case codes, JSON braces. */
const RAW = /[a-z][A-Z]|\b[a-z]+-[a-z]+\b|[{}"]/;

describe('humanized fields and values', () => {
  it('names every field of a contest, a score sheet and a registration in Russian', () => {
    const sheet: Score = { id: scoreId('j1', 'a1'), contestId: 'c1', jurorId: 'j1', applicationId: 'a1', values: { [relevance!.id]: 7 }, comment: '', status: 'final', version: 3, updatedAt: '2019-12-18T04:30:00Z' };
    for (const field of [...Object.keys(contest), 'protocolChair', 'protocolSecretary', ...Object.keys(sheet), 'waitlistReason', 'sectionPrefs', 'notSameAs'].filter((f) => f !== 'id' && f !== 'eventId')) {
      // ids that repeat the row or the event are never shown (audit-model HIDDEN_FIELDS)
      expect(fieldLabel(field), field).not.toMatch(RAW);
      expect(fieldLabel(field), field).not.toBe(field);
    }
    expect(fieldLabel('protocolChair')).toBe('председатель (подпись протокола)');
    expect(fieldLabel('version')).toBe('редакция листа');
  });

  it('shows coded values by their words: waitlist reasons, statuses, methods, roles', () => {
    expect(formatFieldValue('waitlistReason', 'no-preferences')).toBe('не выбрал ни одной секции');
    expect(formatFieldValue('status', 'final')).toBe('отправлена');
    expect(formatFieldValue('status', 'confirmed')).toBe('подтверждён');
    expect(formatFieldValue('method', contest.method)).toBe('среднее');
    expect(formatFieldValue('tieBreaks', contest.tieBreaks)).toBe('выше медиана, больше высших баллов, раньше подана, место делится');
    expect(formatFieldValue('role', 'juror')).toBe('член жюри');
    expect(formatFieldValue('category', 'citizen')).toBe('активный гражданин');
    // a surname that happens to be a code stays as typed: only coded fields get words
    expect(formatFieldValue('surname', 'final')).toBe('final');
  });

  it('writes numbers, money and times the Russian way, in Ufa time', () => {
    expect(formatFieldValue('requestedAmount', 300000.5)).toBe('300\u00a0000,5');
    expect(formatFieldValue('updatedAt', '2019-12-17T23:30:00Z')).toBe('18.12.2019, 04:30:00');
    expect(formatFieldValue('startDate', '2019-12-18')).toBe('18 декабря 2019 г.');
    expect(formatFieldValue('consent', { given: true, at: '2019-12-10T09:30:00Z', how: 'paper' })).toBe('дано 10.12.2019');
    expect(formatFieldValue('sectionFixed', true)).toBe('да');
    expect(formatFieldValue('organizerPin', { hash: 'deadbeef' })).toBe('задан');
    expect(formatFieldValue('note', '')).toBe('—');
  });

  it('shows a score sheet edit as the marks that changed, by criterion title', () => {
    const before = { [relevance!.id]: 7, [second!.id]: 5 };
    const after = { [relevance!.id]: 8, [second!.id]: 5 };
    expect(describeFieldChange('values', { value: before }, after, { criterion })).toEqual([
      { field: `values.${relevance!.id}`, label: relevance!.title, before: '7', after: '8' },
    ]);
    // a new sheet lists its marks, not JSON
    const created = formatFieldValue('values', { [relevance!.id]: 7, [second!.id]: null }, { criterion });
    expect(created).toContain(`${relevance!.title.slice(0, 20)}`);
    expect(created).not.toMatch(/[{}"]/);
  });

  it('shows what a list of entries gained: the scoring log', () => {
    const opened = { action: 'open', at: '2019-12-18T05:00:00Z', by: 'Габдрахманова Л. Р.' };
    const closed = { action: 'close', at: '2019-12-18T12:00:00Z', by: 'Габдрахманова Л. Р.' };
    expect(describeFieldChange('scoringLog', { value: [opened] }, [opened, closed])).toEqual([
      { field: 'scoringLog', label: 'журнал приёма оценок', before: '—', after: '+ приём оценок закрыт 18.12.2019, 17:00, Габдрахманова Л. Р.' },
    ]);
    expect(describeFieldChange('phone', undefined, '+79170000001')).toEqual([{ field: 'phone', label: 'телефон', before: null, after: '+79170000001' }]);
  });

  it('names kinds of records before a count', () => {
    expect(['contests', 'applications', 'scores'].map(tableLabel)).toEqual(['конкурсы', 'заявки', 'оценки']);
  });

  it('follows the audit log from a nomination to a score sheet: «Актуальность…: 7 → 8»', () => {
    const clock = createClock('org-1', () => Date.UTC(2019, 11, 18, 6));
    const put = (table: string, rowId: string, fields: Record<string, unknown>): ChangeRecord => ({ hlc: clock.tick(), device: 'org-1', table, rowId, op: 'put', fields });
    const nomination = nominations[0]!;
    const id = scoreId('j1', 'a1');
    const log = new AuditLog();
    log.add([
      put('nominations', nomination.id, { ...nomination }),
      put('scores', id, { id, contestId: 'c1', jurorId: 'j1', applicationId: 'a1', values: { [relevance!.id]: 7 }, status: 'draft', version: 1 }),
      put('scores', id, { values: { [relevance!.id]: 8 }, status: 'final', version: 2 }),
      put('contests', contest.id, { ...contest, protocolChair: 'Иванов И. И.' }),
    ]);
    log.markComplete();
    const edit = log.entry(log.newest(1)!);
    expect(edit.fields).toEqual([
      { field: `values.${relevance!.id}`, label: relevance!.title, before: '7', after: '8' },
      { field: 'status', label: 'статус', before: 'черновик', after: 'отправлена' },
      { field: 'version', label: 'редакция листа', before: '1', after: '2' },
    ]);
    const created = log.entry(log.newest(0)!);
    for (const f of created.fields) {
      expect(f.label, f.field).not.toMatch(RAW);
      expect(f.after, f.field).not.toMatch(/[{}"]/);
    }
  });

  describe('in English', () => {
    beforeAll(() => i18next.changeLanguage('en'));
    afterAll(() => i18next.changeLanguage('ru'));

    it('uses English words for the same fields and codes', () => {
      expect(fieldLabel('waitlistReason')).toBe('waitlist reason');
      expect(formatFieldValue('waitlistReason', 'no-preferences')).toBe('chose no section');
      expect(formatFieldValue('status', 'final')).toBe('sent');
      expect(formatFieldValue('role', 'juror')).toBe('juror');
      expect(tableLabel('scores')).toBe('score sheets');
    });
  });
});
