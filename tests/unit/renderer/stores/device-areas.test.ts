import { describe, expect, it } from 'vitest';
import { areas, areasForRole, startArea, visibleAreas } from '../../../../renderer/stores/ui-store';

describe('areas by device role', () => {
  it('shows a desk the desk, participants, exchange and settings — nothing of the contest', () => {
    expect(areasForRole('desk')).toEqual(['desk', 'participants', 'exchange', 'settings']);
  });

  it('shows a district office its participants, reports, exchange and settings', () => {
    expect(areasForRole('district')).toEqual(['participants', 'reports', 'exchange', 'settings']);
  });

  it('shows the organizer everything and a juror only settings (its work is juror mode)', () => {
    expect(areasForRole('organizer')).toEqual(areas);
    expect(areasForRole('juror')).toEqual(['settings']);
  });

  it('keeps the navigation order and every role reaches settings (to change the role back)', () => {
    for (const role of ['organizer', 'desk', 'district', 'juror'] as const) {
      const shown = areasForRole(role);
      expect(shown).toContain('settings');
      expect([...shown]).toEqual(areas.filter((a) => shown.includes(a)));
    }
  });

  it('shows all areas while the organizer PIN is unlocked, the role’s otherwise', () => {
    expect(visibleAreas('desk', true)).toEqual(areas);
    expect(visibleAreas('desk', false)).toEqual(areasForRole('desk'));
    expect(visibleAreas('district', false)).not.toContain('contest');
  });
});

describe('start screen by device role', () => {
  it('opens a desk at registration and a district office at participants, whatever was open last', () => {
    for (const last of [undefined, 'contest', 'settings', 'participants'] as const) {
      expect(startArea('desk', last)).toBe('desk');
      expect(startArea('district', last)).toBe('participants');
    }
  });

  it('brings the organizer back where it left off, participants on the first start', () => {
    expect(startArea('organizer', 'sections')).toBe('sections');
    expect(startArea('organizer', undefined)).toBe('participants');
    expect(startArea('organizer', 'nowhere' as never)).toBe('participants');
  });

  it('opens a start area the role can see', () => {
    for (const role of ['organizer', 'desk', 'district', 'juror'] as const) expect(areasForRole(role)).toContain(startArea(role, 'contest'));
  });
});
