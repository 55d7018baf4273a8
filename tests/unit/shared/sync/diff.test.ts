import { describe, expect, it } from 'vitest';
import { changedFields, sameValue } from '../../../../shared/sync/diff';

describe('changedFields', () => {
  it('reports every defined field of a new row', () => {
    expect(changedFields(undefined, { id: 'a', surname: 'Фёдоров', phone: undefined })).toEqual({ id: 'a', surname: 'Фёдоров' });
  });
  it('reports only what differs, structurally for arrays and objects', () => {
    const prev = { id: 'a', prefs: ['s1', 's2'], consent: { given: true, how: 'paper' }, note: 'VIP' };
    const next = { id: 'a', prefs: ['s1', 's2'], consent: { given: true, how: 'desk' }, note: 'VIP' };
    expect(changedFields(prev, next)).toEqual({ consent: { given: true, how: 'desk' } });
  });
  it('reports a removed field as null and an unchanged row as null', () => {
    expect(changedFields({ id: 'a', email: 'x@mail.ru' }, { id: 'a' })).toEqual({ email: null });
    expect(changedFields({ id: 'a', prefs: ['1'] }, { id: 'a', prefs: ['1'] })).toBeNull();
  });
  it('treats array order as meaningful (ranked preferences)', () => {
    expect(sameValue(['s1', 's2'], ['s2', 's1'])).toBe(false);
  });
});
