import { describe, expect, it } from 'vitest';
import type { DeviceRole } from '../../../../shared/domain/types';
import { checkRow } from '../../../../shared/sync/schemas';
import { isTableAllowed, SYNC_TABLES } from '../../../../shared/trust/rules';

describe('projects in sync', () => {
  it('travel to every device, written by the organizer only', () => {
    for (const table of ['projects', 'projectReports']) {
      expect(SYNC_TABLES).toContain(table);
      expect(isTableAllowed('organizer', table)).toBe(true);
      for (const role of ['desk', 'district', 'juror'] as DeviceRole[]) expect(isTableAllowed(role, table), `${role} → ${table}`).toBe(false);
    }
  });

  it('are checked against their schema like every synced row', () => {
    const project = { id: 'p', eventId: 'e', contestId: 'c', applicationId: 'a', title: 'Двор нашей мечты', communityType: 'tos', teamRegistrationIds: ['r'], planned: { peopleInvolved: 100, eventsHeld: 5, volunteers: 10, moneyRaised: 0 }, plannedCommunity: { founded: false }, milestones: [], finalReportDue: '2020-10-31', lifecycle: 'running', createdAt: '2020-02-01T09:00:00.000Z' };
    expect(() => checkRow('projects', project)).not.toThrow();
    expect(() => checkRow('projects', { ...project, communityType: 'club' })).toThrow('communityType');
    expect(() => checkRow('projectReports', { id: 'p|1', projectId: 'p', eventId: 'e', round: 0 })).toThrow('round');
    expect(() => checkRow('projectReports', { id: 'p|1', projectId: 'p', eventId: 'e', reached: { volunteers: -3 } })).toThrow('reached');
  });
});
