import type { Section } from '../../../shared/domain/types';
import type { ParticipantRow } from '../../hooks/use-participants';
import { needsSection } from './auto-assign';

export type SectionColumn = {
  section: Section;
  members: ParticipantRow[];
  /** Left without a seat by the last automatic assignment, this section being their first choice. */
  waitlist: ParticipantRow[];
  /** Chose this section first and have not been through an assignment yet (nothing decided about them). */
  waiting: ParticipantRow[];
};

/**
 * One account of who is where, read from the stored registrations, so that the summary, the tiles and
 * the columns can never disagree: everyone who needs a section is exactly one of placed, waitlisted for
 * lack of seats, not yet assigned, or without any choice.
 */
export type SectionAccount = {
  /** People who need a section (participants, speakers, guests whose registration stands). */
  needing: number;
  placed: number;
  /** Chose sections, went through an assignment and got no seat. */
  waitlisted: number;
  /** Chose sections, not assigned yet. */
  notYetAssigned: number;
  /** Chose no section and have none. */
  withoutChoice: number;
  /** Seats left in all sections (over-full sections count zero, not negative). */
  freeSeats: number;
  capacity: number;
};

export type Board = { columns: SectionColumn[]; withoutChoice: ParticipantRow[]; account: SectionAccount };

/** Groups the event's people into section columns and waitlists (pure, from rows already loaded). */
export function buildBoard(rows: readonly ParticipantRow[], sections: readonly Section[]): Board {
  const columns = new Map<string, SectionColumn>(sections.map((s) => [s.id, { section: s, members: [], waitlist: [], waiting: [] }]));
  const withoutChoice: ParticipantRow[] = [];
  let needing = 0;
  let waitlisted = 0;
  let notYetAssigned = 0;
  for (const row of rows) {
    const r = row.registration;
    const column = r.sectionId ? columns.get(r.sectionId) : undefined;
    if (column) {
      column.members.push(row);
      if (needsSection(row)) needing += 1;
      continue;
    }
    if (!needsSection(row)) continue;
    needing += 1;
    const first = r.sectionPrefs.find((id) => columns.has(id));
    if (!first) {
      withoutChoice.push(row);
    } else if (r.waitlistReason && r.waitlistReason !== 'no-preferences') {
      columns.get(first)!.waitlist.push(row);
      waitlisted += 1;
    } else {
      columns.get(first)!.waiting.push(row);
      notYetAssigned += 1;
    }
  }
  const list = [...columns.values()];
  const capacity = list.reduce((sum, c) => sum + c.section.capacity, 0);
  const freeSeats = list.reduce((sum, c) => sum + Math.max(0, c.section.capacity - c.members.length), 0);
  const placed = list.reduce((sum, c) => sum + c.members.length, 0);
  return {
    columns: list,
    withoutChoice,
    account: { needing, placed, waitlisted, notYetAssigned, withoutChoice: withoutChoice.length, freeSeats, capacity },
  };
}
