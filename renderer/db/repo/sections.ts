import type { Registration, Section } from '../../../shared/domain/types';
import type { DbContext } from '../context';
import { deleteTracked, putTracked } from '../change-log';
import { dbText, fail } from './fail';

export type SectionInput = Pick<Section, 'title' | 'capacity' | 'moderators'> & Partial<Pick<Section, 'id' | 'room' | 'startsAt' | 'endsAt'>>;

export function validateSection(input: SectionInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title.trim()) errors.title = dbText('sections.title');
  if (!Number.isInteger(input.capacity) || input.capacity < 1) errors.capacity = dbText('sections.capacity');
  return errors;
}

/** Creates or updates a section of an event. */
export async function saveSection(ctx: DbContext, eventId: string, input: SectionInput): Promise<Section> {
  const first = Object.values(validateSection(input))[0];
  if (first) throw new Error(first);
  const { db } = ctx;
  return db.transaction('rw', db.sections, db.changes, async () => {
    const existing = input.id ? await db.sections.get(input.id) : undefined;
    const order = existing?.order ?? (await db.sections.where('eventId').equals(eventId).count());
    const row: Section = {
      ...existing,
      id: existing?.id ?? crypto.randomUUID(),
      eventId,
      title: input.title.trim(),
      room: input.room?.trim() || undefined,
      capacity: input.capacity,
      moderators: input.moderators.map((m) => m.trim()).filter(Boolean),
      startsAt: input.startsAt || undefined,
      endsAt: input.endsAt || undefined,
      order,
    };
    await putTracked(ctx, 'sections', [row]);
    return row;
  });
}

/** Deletes a section; people assigned to it become unassigned (their preferences stay). */
export async function deleteSection(ctx: DbContext, sectionId: string): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.sections, db.registrations, db.changes, async () => {
    const section = await db.sections.get(sectionId);
    if (!section) return;
    const assigned = await db.registrations.where('[eventId+sectionId]').equals([section.eventId, sectionId]).toArray();
    await putTracked(
      ctx,
      'registrations',
      assigned.map(({ sectionId: _gone, sectionFixed: _fixed, ...r }) => r),
    );
    await deleteTracked(ctx, 'sections', [sectionId]);
  });
}

/**
 * A person's section set by hand (organizer board or desk): fixed, so the automatic assignment keeps
 * it. `null` takes the person out of any section.
 */
export async function moveToSection(ctx: DbContext, registrationId: string, sectionId: string | null): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.registrations, db.changes, async () => {
    const reg = await db.registrations.get(registrationId);
    if (!reg) fail('registrations.notFound');
    const { sectionId: _old, sectionFixed: _f, waitlistReason: _w, ...rest } = reg;
    const next: Registration = sectionId ? { ...rest, sectionId, sectionFixed: true } : rest;
    await putTracked(ctx, 'registrations', [next]);
  });
}

export type AssignmentRow = { registrationId: string; sectionId: string | null; waitlistReason?: Registration['waitlistReason'] };

/** Stores an automatic assignment: one transaction, only changed registrations are written. */
export async function applySectionAssignment(ctx: DbContext, rows: readonly AssignmentRow[]): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', db.registrations, db.changes, async () => {
    const current = await db.registrations.bulkGet(rows.map((r) => r.registrationId));
    const next: Registration[] = [];
    rows.forEach((row, i) => {
      const reg = current[i];
      if (!reg || reg.sectionFixed) return; // fixed assignments are never moved
      const { sectionId: _s, waitlistReason: _w, ...rest } = reg;
      next.push({ ...rest, ...(row.sectionId ? { sectionId: row.sectionId } : {}), ...(row.waitlistReason ? { waitlistReason: row.waitlistReason } : {}) });
    });
    return putTracked(ctx, 'registrations', next);
  });
}

/** A person's ranked section wishes, edited by hand. */
export async function setSectionPrefs(ctx: DbContext, registrationId: string, sectionIds: readonly string[]): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.registrations, db.changes, async () => {
    const reg = await db.registrations.get(registrationId);
    if (!reg) fail('registrations.notFound');
    await putTracked(ctx, 'registrations', [{ ...reg, sectionPrefs: [...new Set(sectionIds.filter(Boolean))] }]);
  });
}
