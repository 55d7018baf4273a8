import type { Section } from '../../../shared/domain/types';
import type { ParticipantRow } from '../../hooks/use-participants';
import { needsSection } from './auto-assign';

export type SectionColumn = {
  section: Section;
  members: ParticipantRow[];
  /** Unplaced people whose first choice is this section. */
  waitlist: ParticipantRow[];
};

export type Board = { columns: SectionColumn[]; unplacedWithoutChoice: ParticipantRow[] };

/** Groups the event's people into section columns and waitlists (pure, from rows already loaded). */
export function buildBoard(rows: readonly ParticipantRow[], sections: readonly Section[]): Board {
  const columns = new Map(sections.map((s) => [s.id, { section: s, members: [] as ParticipantRow[], waitlist: [] as ParticipantRow[] }]));
  const unplacedWithoutChoice: ParticipantRow[] = [];
  for (const row of rows) {
    const r = row.registration;
    const column = r.sectionId ? columns.get(r.sectionId) : undefined;
    if (column) column.members.push(row);
    else if (needsSection(row)) {
      const first = r.sectionPrefs.find((id) => columns.has(id));
      if (first) columns.get(first)!.waitlist.push(row);
      else unplacedWithoutChoice.push(row);
    }
  }
  return { columns: [...columns.values()], unplacedWithoutChoice };
}
