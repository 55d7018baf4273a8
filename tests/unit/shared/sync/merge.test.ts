import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../../../shared/sync/change';
import { createClock, packHlc } from '../../../../shared/sync/hlc';
import { clockDrift, DRIFT_TOLERANCE_MS } from '../../../../shared/sync/drift';
import { applyChanges, materialize, rowIn, type FieldConflict, type SyncState } from '../../../../shared/sync/merge';
import { seenVector } from '../../../../shared/sync/seen';

const A = 'desk-a';
const B = 'desk-b';
const ORG = 'organizer-1';
const at = (wall: number, device: string, counter = 0) => packHlc({ wall, counter, device });
const put = (hlc: string, table: string, rowId: string, fields: Record<string, unknown>): ChangeRecord => ({ hlc, device: hlc.slice(22), table, rowId, op: 'put', fields });
const del = (hlc: string, table: string, rowId: string): ChangeRecord => ({ hlc, device: hlc.slice(22), table, rowId, op: 'delete', fields: {} });
const rows = (state: SyncState, table: string) => materialize(state).get(table) ?? new Map();

describe('last writer wins per field', () => {
  it('keeps both edits when two desks change different fields of one person', () => {
    const { state } = applyChanges(new Map(), [
      put(at(1, A), 'people', 'p1', { id: 'p1', surname: 'Иванов', phone: '+7 900 000-00-00' }),
      put(at(5, B), 'people', 'p1', { phone: '+7 911 111-11-11' }),
      put(at(4, A), 'people', 'p1', { surname: 'Иванова' }),
    ]);
    expect(rows(state, 'people').get('p1')).toEqual({ id: 'p1', surname: 'Иванова', phone: '+7 911 111-11-11' });
  });

  it('reports a concurrent edit of one field with both values and the winner, whichever arrives first', () => {
    const mine = put(at(10, A), 'people', 'p1', { surname: 'Петров' });
    const theirs = put(at(12, B), 'people', 'p1', { surname: 'Петрова' });
    for (const [first, second] of [[mine, theirs], [theirs, mine]] as const) {
      const r = applyChanges(applyChanges(new Map(), [first]).state, [second], { seen: { [A]: {}, [B]: {} } });
      expect(r.conflicts).toEqual<FieldConflict[]>([
        { kind: 'field', table: 'people', rowId: 'p1', field: 'surname', winner: { value: 'Петрова', hlc: theirs.hlc, device: B }, loser: { value: 'Петров', hlc: mine.hlc, device: A } },
      ]);
      expect(rows(r.state, 'people').get('p1')).toEqual({ surname: 'Петрова' });
    }
  });

  it('does not report a correction made after seeing the earlier value', () => {
    const clockA = createClock(A, () => 1_000);
    const clockB = createClock(B, () => 900); // B's clock is behind, yet its later edit wins
    const first = put(clockA.tick(), 'people', 'p1', { surname: 'Сидоров' });
    clockB.receive(first.hlc);
    const fix = put(clockB.tick(), 'people', 'p1', { surname: 'Сидорова' });
    const atA = applyChanges(new Map(), [first]).state;
    const r = applyChanges(atA, [fix], { seen: { [B]: seenVector([first, fix]), [A]: seenVector([first]) } });
    expect(r.conflicts).toEqual([]);
    expect(rows(r.state, 'people').get('p1')).toEqual({ surname: 'Сидорова' });
  });

  it('does not report the same value written twice, nor one device overwriting itself', () => {
    const r = applyChanges(new Map(), [put(at(1, A), 'people', 'p1', { city: 'Тверь' }), put(at(2, B), 'people', 'p1', { city: 'Тверь' }), put(at(3, B), 'people', 'p1', { city: 'Ржев' })]);
    expect(r.conflicts).toEqual([]);
  });

  it('removes a field written as null', () => {
    const { state } = applyChanges(new Map(), [put(at(1, A), 'people', 'p1', { id: 'p1', email: 'a@mail.ru' }), put(at(2, A), 'people', 'p1', { email: null })]);
    expect(rows(state, 'people').get('p1')).toEqual({ id: 'p1' });
  });
});

describe('tombstones', () => {
  const created = put(at(10, A), 'registrations', 'r1', { id: 'r1', personId: 'p1', note: 'VIP' });

  it('a delete hides the row and an older write arriving later does not bring it back', () => {
    const r = applyChanges(new Map(), [created, del(at(20, B), 'registrations', 'r1'), put(at(15, A), 'registrations', 'r1', { note: 'опоздает' })]);
    expect(rows(r.state, 'registrations').has('r1')).toBe(false);
    expect(r.applied).toHaveLength(3); // recorded, in case a newer write resurrects the row
  });

  it('a newer write resurrects the row whole', () => {
    const r = applyChanges(new Map(), [created, del(at(20, B), 'registrations', 'r1'), put(at(25, A), 'registrations', 'r1', { note: 'приехал' })]);
    expect(rows(r.state, 'registrations').get('r1')).toEqual({ id: 'r1', personId: 'p1', note: 'приехал' });
  });

  it('keeps the newest delete only', () => {
    const s1 = applyChanges(new Map(), [del(at(20, B), 'registrations', 'r1')]).state;
    const again = applyChanges(s1, [del(at(19, A), 'registrations', 'r1')]);
    expect(again.applied).toEqual([]);
    expect(rowIn(again.state, 'registrations', 'r1')!.deleted).toBe(at(20, B));
  });
});

describe('check-in log', () => {
  const entry = (hlc: string, id: string, fields: Record<string, unknown> = {}) =>
    put(hlc, 'checkins', id, { id, registrationId: 'g1', kind: 'arrive', device: hlc.slice(22), operator: 'Оля', at: '2025-10-01T09:00:00Z', hlc, ...fields });

  it('refuses an entry written in another device’s name', () => {
    const forged = entry(at(5, B), 'c1', { device: A });
    const r = applyChanges(new Map(), [forged]);
    expect(r.refused).toEqual([{ change: forged, reason: 'not-owner' }]);
    expect(r.state.size).toBe(0);
  });

  it('refuses a later put to an existing entry even from its writer', () => {
    const first = entry(at(5, A), 'c1');
    const edit = entry(at(6, A), 'c1', { kind: 'annul' });
    const r = applyChanges(new Map(), [first, edit]);
    expect(r.refused).toEqual([{ change: edit, reason: 'append-only' }]);
    expect(rows(r.state, 'checkins').get('c1')).toMatchObject({ kind: 'arrive' });
  });

  it('settles two different puts for one id on the earliest, whatever the order (a bug or a forgery)', () => {
    const early = entry(at(5, A), 'c1');
    const late = entry(at(9, B), 'c1');
    const ab = applyChanges(new Map(), [early, late]);
    const ba = applyChanges(new Map(), [late, early]);
    expect(materialize(ab.state)).toEqual(materialize(ba.state));
    expect(rows(ba.state, 'checkins').get('c1')).toEqual(early.fields);
    expect(ba.refused.map((x) => [x.change.hlc, x.reason])).toEqual([[late.hlc, 'not-owner']]);
  });

  it('does not report one desk that checked the same person in twice (the desk warns itself)', () => {
    const r = applyChanges(new Map(), [entry(at(5, A), 'c1'), entry(at(6, A), 'c2')]);
    expect(r.conflicts).toEqual([]);
  });

  it('reports a double check-in with both entries, oldest first', () => {
    const r = applyChanges(new Map(), [entry(at(6, B), 'c2', { operator: 'Петя' }), entry(at(5, A), 'c1')]);
    expect(r.conflicts).toEqual([
      {
        kind: 'double-checkin',
        registrationId: 'g1',
        entries: [
          { id: 'c1', device: A, hlc: at(5, A), operator: 'Оля', at: '2025-10-01T09:00:00Z' },
          { id: 'c2', device: B, hlc: at(6, B), operator: 'Петя', at: '2025-10-01T09:00:00Z' },
        ],
      },
    ]);
  });
});

describe('refusals', () => {
  const contest = put(at(3, ORG), 'contests', 'k1', { id: 'k1', title: 'Грант' });

  it('accepts an organizer’s contest change relayed by a desk when the organizer is known', () => {
    const r = applyChanges(new Map(), [contest], { senderRole: 'desk', roleOf: (d) => (d === ORG ? 'organizer' : undefined) });
    expect(r.applied).toEqual([contest]);
  });

  it('judges a change from an unknown device by the sender’s role', () => {
    const r = applyChanges(new Map(), [contest], { senderRole: 'desk', roleOf: () => undefined });
    expect(r.refused).toEqual([{ change: contest, reason: 'role' }]);
  });

  it('refuses tables this version does not know, even from the organizer', () => {
    const odd = put(at(3, ORG), 'secrets', 'x', { a: 1 });
    expect(applyChanges(new Map(), [odd], { senderRole: 'organizer' }).refused).toEqual([{ change: odd, reason: 'unknown-table' }]);
  });

  it('refuses malformed records: a stamp of another device, a bad op, a bad stamp, a table with "|"', () => {
    const bad: ChangeRecord[] = [
      { ...put(at(1, A), 'people', 'p1', {}), device: B },
      { ...put(at(1, A), 'people', 'p1', {}), op: 'upsert' as 'put' },
      { ...put(at(1, A), 'people', 'p1', {}), hlc: 'yesterday' },
      put(at(1, A), 'people|x', 'p1', {}),
      { ...put(at(1, A), 'people', 'p1', {}), fields: null as unknown as Record<string, unknown> },
      put(at(1, A), 'people', 'p1', JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>),
    ];
    const r = applyChanges(new Map(), bad);
    expect(r.refused.map((x) => x.reason)).toEqual(Array(6).fill('malformed'));
    expect(r.state.size).toBe(0);
  });
});

it('treats field names that exist on Object.prototype as ordinary fields', () => {
  const r = applyChanges(new Map(), [put(at(1, A), 'people', 'p1', { constructor: 'x', toString: 'y' }), put(at(2, B), 'people', 'p1', { constructor: 'z' })]);
  expect(rows(r.state, 'people').get('p1')).toEqual({ constructor: 'z', toString: 'y' });
  expect(r.conflicts).toHaveLength(1);
});

describe('clockDrift', () => {
  const now = 1_760_000_000_000;
  it('warns when the newest stamp is ahead by more than the tolerance', () => {
    const ahead = at(now + DRIFT_TOLERANCE_MS + 60_000, B);
    expect(clockDrift([put(at(now, A), 't', 'x', {}), put(ahead, 't', 'y', {})], now)).toEqual({ device: B, newest: ahead, aheadMs: DRIFT_TOLERANCE_MS + 60_000 });
  });
  it('stays quiet within the tolerance, for clocks behind, and for an empty file', () => {
    expect(clockDrift([put(at(now + DRIFT_TOLERANCE_MS, B), 't', 'y', {})], now)).toBeNull();
    expect(clockDrift([put(at(now - 3_600_000, B), 't', 'y', {})], now)).toBeNull();
    expect(clockDrift([], now)).toBeNull();
  });
});
