import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Registration, Section } from '../../../../../shared/domain/types';
import type { ParticipantRow } from '../../../../../renderer/hooks/use-participants';
import { buildBoard } from '../../../../../renderer/features/sections/board-model';

const sections: Section[] = ['A', 'B', 'C'].map((id, i) => ({ id, eventId: 'e', title: `Секция ${id}`, capacity: 2 + i, moderators: [], order: i }));

function row(id: string, r: Partial<Registration>): ParticipantRow {
  return {
    registration: { id, eventId: 'e', personId: id, role: 'participant', category: 'citizen', status: 'confirmed', badgeCode: id, sectionPrefs: [], source: 'import', ...r } as Registration,
    person: { id, surname: 'Иванова', name: 'Анна', patronymic: 'Ивановна' },
    fullName: `Иванова Анна ${id}`,
    municipality: 'г. Уфа',
    organization: '',
    arrival: { arrived: false, arrivals: 0 },
  } as unknown as ParticipantRow;
}

describe('the sections account', () => {
  it('puts everyone who needs a section in exactly one place, and free seats never go negative', () => {
    const rows = [
      row('p1', { sectionId: 'A', sectionPrefs: ['A'] }),
      row('p2', { sectionId: 'A' }),
      row('p3', { sectionId: 'A', sectionFixed: true }), // over capacity by hand: A holds 3 of 2
      row('w1', { sectionPrefs: ['A', 'B'], waitlistReason: 'all-choices-full' }),
      row('n1', { sectionPrefs: ['B'] }), // chose, not assigned yet
      row('x1', { waitlistReason: 'no-preferences' }),
      row('x2', {}),
      row('gone', { status: 'cancelled', sectionPrefs: ['C'] }),
      row('jury', { role: 'juror', sectionPrefs: ['C'] }),
    ];
    const board = buildBoard(rows, sections);
    expect(board.account).toEqual({ needing: 7, placed: 3, waitlisted: 1, notYetAssigned: 1, withoutChoice: 2, freeSeats: 0 + 3 + 4, capacity: 9 });
    const a = board.columns.find((c) => c.section.id === 'A')!;
    expect(a.waitlist.map((r) => r.registration.id)).toEqual(['w1']);
    expect(board.columns.find((c) => c.section.id === 'B')!.waiting.map((r) => r.registration.id)).toEqual(['n1']);
    expect(board.withoutChoice.map((r) => r.registration.id)).toEqual(['x1', 'x2']);
  });

  it('the parts always add up to those who need a section', () => {
    const reg = fc.record({
      sectionId: fc.option(fc.constantFrom('A', 'B', 'C', 'gone-section'), { nil: undefined }),
      sectionPrefs: fc.subarray(['A', 'B', 'C', 'gone-section']),
      waitlistReason: fc.option(fc.constantFrom('all-choices-full' as const, 'no-preferences' as const, 'waitlist-cheaper' as const), { nil: undefined }),
      status: fc.constantFrom('confirmed' as const, 'invited' as const, 'cancelled' as const),
      role: fc.constantFrom('participant' as const, 'speaker' as const, 'guest' as const, 'expert' as const),
    });
    fc.assert(
      fc.property(fc.array(reg, { maxLength: 40 }), (regs) => {
        const rows = regs.map((r, i) => row(`p${i}`, Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))));
        const { account, columns } = buildBoard(rows, sections);
        const placedNeeding = columns.reduce((n, c) => n + c.members.filter((m) => m.registration.status !== 'cancelled' && m.registration.role !== 'expert').length, 0);
        expect(placedNeeding + account.waitlisted + account.notYetAssigned + account.withoutChoice).toBe(account.needing);
        expect(account.freeSeats).toBeGreaterThanOrEqual(0);
        expect(account.freeSeats).toBeLessThanOrEqual(account.capacity);
      }),
    );
  });
});
