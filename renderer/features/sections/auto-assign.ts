import type { Section } from '../../../shared/domain/types';
import { assignSections, type SectionResult } from '../../../shared/sections';
import type { DbContext } from '../../db/context';
import { applySectionAssignment } from '../../db/repo/sections';
import type { ParticipantRow } from '../../hooks/use-participants';

/** Who takes part in the section assignment: participants and speakers whose registration stands. */
export function needsSection(row: ParticipantRow): boolean {
  const r = row.registration;
  return r.status !== 'cancelled' && (r.role === 'participant' || r.role === 'speaker' || r.role === 'guest');
}

/**
 * Runs the exact assignment (shared/sections) over the event's people and stores the result in one
 * transaction. Manual and fixed assignments go in as fixed and come out unchanged.
 */
export async function runAutoAssignment(ctx: DbContext, rows: readonly ParticipantRow[], sections: readonly Section[], spread: number): Promise<SectionResult> {
  const people = rows.filter(needsSection);
  const known = new Set(sections.map((s) => s.id));
  const result = assignSections({
    sections: sections.map((s) => ({ id: s.id, capacity: s.capacity })),
    people: people.map((row) => {
      const r = row.registration;
      return {
        id: r.id,
        prefs: r.sectionPrefs.filter((id) => known.has(id)),
        municipalityId: r.municipalityId,
        fixedSectionId: r.sectionFixed && r.sectionId && known.has(r.sectionId) ? r.sectionId : undefined,
      };
    }),
    weights: { spread },
  });
  const reasons = new Map(result.waitlist.map((w) => [w.personId, w.reason]));
  await applySectionAssignment(
    ctx,
    result.assignment.map((a) => ({ registrationId: a.personId, sectionId: a.sectionId, waitlistReason: reasons.get(a.personId) })),
  );
  return result;
}

/**
 * People who chose no section are placed on the seats left free, spread across delegations as the
 * main assignment does; everyone already placed stays where they are. Returns how many were placed.
 */
export async function placeWithoutChoice(ctx: DbContext, people: readonly ParticipantRow[], columns: readonly { section: Section; members: readonly unknown[] }[], spread: number): Promise<number> {
  const free = columns.map((c) => ({ id: c.section.id, capacity: Math.max(0, c.section.capacity - c.members.length) })).filter((s) => s.capacity > 0);
  if (free.length === 0 || people.length === 0) return 0;
  const result = assignSections({
    sections: free,
    people: people.map((row) => ({ id: row.registration.id, prefs: [], municipalityId: row.registration.municipalityId })),
    weights: { spread, allowUnranked: true },
  });
  const placed = result.assignment.filter((a) => a.sectionId !== null);
  await applySectionAssignment(ctx, placed.map((a) => ({ registrationId: a.personId, sectionId: a.sectionId })));
  return placed.length;
}
