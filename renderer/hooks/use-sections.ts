import { useLiveQuery } from 'dexie-react-hooks';
import type { ProgramItem, Section } from '../../shared/domain/types';
import { useDb } from './db-context';
import { useSettledQuery } from './use-settled-query';

export function useSections(eventId: string): Section[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => (await db.sections.where('eventId').equals(eventId).toArray()).sort((a, b) => a.order - b.order), [db, eventId]);
}

export function useProgram(eventId: string): ProgramItem[] | undefined {
  const { db } = useDb();
  return useLiveQuery(async () => (await db.programItems.where('eventId').equals(eventId).toArray()).sort((a, b) => a.order - b.order), [db, eventId]);
}

/** How many registrations name each section as their first choice. */
export function useFirstChoiceCounts(eventId: string): Map<string, number> | undefined {
  const { db } = useDb();
  return useSettledQuery(async () => {
    const counts = new Map<string, number>();
    await db.registrations
      .where('eventId')
      .equals(eventId)
      .each((r) => {
        const first = r.sectionPrefs[0];
        if (first) counts.set(first, (counts.get(first) ?? 0) + 1);
      });
    return counts;
  }, [db, eventId]);
}

/** Sections of an event with how many people are assigned to each, live. */
export function useSectionLoads(eventId: string): Array<{ section: Section; load: number }> | undefined {
  const { db } = useDb();
  return useSettledQuery(async () => {
    const sections = (await db.sections.where('eventId').equals(eventId).toArray()).sort((a, b) => a.order - b.order);
    return Promise.all(sections.map(async (section) => ({ section, load: await db.registrations.where('[eventId+sectionId]').equals([eventId, section.id]).count() })));
  }, [db, eventId]);
}
