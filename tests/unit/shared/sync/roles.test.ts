import { describe, expect, it } from 'vitest';
import type { TrackedTable } from '../../../../renderer/db/database';
import type { DeviceRole } from '../../../../shared/domain/types';
import { applyChanges, rowIn } from '../../../../shared/sync/merge';
import { allowedTables, CONTEST_TABLES, isTableAllowed, SYNC_TABLES, touchesOrganizerField, type SyncTable } from '../../../../shared/sync/roles';

// The database's tracked tables and SYNC_TABLES must be the same list: a table missing here would be
// refused from every device, one extra would be a table the merge lets through that nothing stores.
const sameTables: [SyncTable, TrackedTable] extends [TrackedTable, SyncTable] ? true : false = true;

describe('device roles', () => {
  it('lists every tracked table once', () => {
    expect(sameTables).toBe(true);
    expect(new Set(SYNC_TABLES).size).toBe(SYNC_TABLES.length);
  });

  it('lets only the organizer change contest data', () => {
    for (const table of CONTEST_TABLES) {
      expect(isTableAllowed('organizer', table)).toBe(true);
      for (const role of ['desk', 'district', 'juror'] as DeviceRole[]) expect(isTableAllowed(role, table), `${role} → ${table}`).toBe(false);
    }
  });

  it('lets desks and district offices change registration data, check-ins included', () => {
    for (const role of ['desk', 'district'] as DeviceRole[]) {
      for (const table of ['people', 'registrations', 'delegations', 'checkins', 'prints']) expect(allowedTables(role).has(table)).toBe(true);
    }
  });

  it('lets a juror device change nothing through exchange files (scores travel in score files)', () => {
    expect(allowedTables('juror').size).toBe(0);
  });

  it('knows no table outside the list', () => {
    for (const role of ['organizer', 'desk', 'district', 'juror'] as DeviceRole[]) expect(isTableAllowed(role, 'changes')).toBe(false);
  });

  it('lets only the organizer write the organizer PIN on an event, however the change comes', () => {
    const pin = { salt: 's', hash: 'h', iterations: 1, setAt: '2026-11-27T00:00:00Z' };
    expect(touchesOrganizerField('desk', 'events', { organizerPin: pin })).toBe(true);
    expect(touchesOrganizerField('district', 'events', { title: 'x', organizerPin: null })).toBe(true);
    expect(touchesOrganizerField('desk', 'events', { title: 'Новое название' })).toBe(false);
    expect(touchesOrganizerField('organizer', 'events', { organizerPin: pin })).toBe(false);
    const change = (device: string, n: number) => ({
      hlc: `${String(1_800_000_000_000 + n).padStart(15, '0')}-00000-${device}`,
      device,
      table: 'events',
      rowId: 'e1',
      op: 'put' as const,
      fields: { organizerPin: { ...pin, hash: device } },
    });
    const roles: Record<string, DeviceRole> = { org: 'organizer', desk1: 'desk' };
    const r = applyChanges(new Map(), [change('org', 1), change('desk1', 2)], { roleOf: (d) => roles[d] });
    expect(r.refused.map((x) => [x.change.device, x.reason])).toEqual([['desk1', 'role']]);
    expect((rowIn(r.state, 'events', 'e1')!.values.organizerPin as { hash: string }).hash).toBe('org');
  });
});
