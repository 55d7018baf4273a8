import { afterEach, describe, expect, it } from 'vitest';
import type { DbContext } from '../../../../renderer/db/context';
import { applySectionAssignment, deleteSection, moveToSection, saveSection } from '../../../../renderer/db/repo/sections';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { deriveSectionPresence } from '../../../../shared/domain/arrival';
import { appendCheckin } from '../../../../renderer/db/repo/checkins';
import { freshDb } from './helpers';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

async function demo() {
  ctx = await freshDb();
  const eventId = await openDemoEvent(ctx);
  const sections = (await ctx.db.sections.where('eventId').equals(eventId).toArray()).sort((a, b) => a.order - b.order);
  const regs = await ctx.db.registrations.where('eventId').equals(eventId).toArray();
  return { c: ctx, eventId, sections, regs };
}

describe('sections repository', () => {
  it('validates and saves a section', async () => {
    const { c, eventId } = await demo();
    await expect(saveSection(c, eventId, { title: ' ', capacity: 10, moderators: [] })).rejects.toThrow('название');
    await expect(saveSection(c, eventId, { title: 'Пятая', capacity: 0, moderators: [] })).rejects.toThrow('Вместимость');
    const s = await saveSection(c, eventId, { title: ' Пятая секция ', capacity: 12, moderators: ['Титов В. О.', ' '] });
    expect(s).toMatchObject({ title: 'Пятая секция', capacity: 12, moderators: ['Титов В. О.'], order: 4 });
  });

  it('moves a person by hand, which fixes the assignment', async () => {
    const { c, sections, regs } = await demo();
    await moveToSection(c, regs[10]!.id, sections[2]!.id);
    expect(await c.db.registrations.get(regs[10]!.id)).toMatchObject({ sectionId: sections[2]!.id, sectionFixed: true });
    await moveToSection(c, regs[10]!.id, null);
    const after = (await c.db.registrations.get(regs[10]!.id))!;
    expect(after.sectionId).toBeUndefined();
    expect(after.sectionFixed).toBeUndefined();
  });

  it('applies an automatic assignment without moving fixed people, and re-applying writes nothing', async () => {
    const { c, sections, regs } = await demo();
    await moveToSection(c, regs[0]!.id, sections[3]!.id);
    const rows = regs.map((r, i) => ({ registrationId: r.id, sectionId: i % 5 === 4 ? null : sections[i % 4]!.id, waitlistReason: i % 5 === 4 ? ('all-choices-full' as const) : undefined }));
    const written = await applySectionAssignment(c, rows);
    expect(written).toBe(regs.length - 1);
    expect((await c.db.registrations.get(regs[0]!.id))!.sectionId).toBe(sections[3]!.id);
    expect(await c.db.registrations.get(regs[4]!.id)).toMatchObject({ waitlistReason: 'all-choices-full' });
    const changes = await c.db.changes.count();
    expect(await applySectionAssignment(c, rows)).toBe(0);
    expect(await c.db.changes.count()).toBe(changes);
  });

  it('deletes a section and leaves its people without one', async () => {
    const { c, sections, regs } = await demo();
    await moveToSection(c, regs[1]!.id, sections[1]!.id);
    await deleteSection(c, sections[1]!.id);
    expect(await c.db.sections.get(sections[1]!.id)).toBeUndefined();
    expect((await c.db.registrations.get(regs[1]!.id))!.sectionId).toBeUndefined();
  });

  it('derives section presence: entering one section leaves the previous one', async () => {
    const { c, eventId, sections, regs } = await demo();
    const reg = regs[5]!.id;
    await appendCheckin(c, { eventId, registrationId: reg, kind: 'section-enter', sectionId: sections[0]!.id, operator: 'О' });
    await appendCheckin(c, { eventId, registrationId: reg, kind: 'section-enter', sectionId: sections[1]!.id, operator: 'О' });
    let log = await c.db.checkins.where('registrationId').equals(reg).toArray();
    expect(deriveSectionPresence(log)).toBe(sections[1]!.id);
    await appendCheckin(c, { eventId, registrationId: reg, kind: 'section-leave', sectionId: sections[0]!.id, operator: 'О' });
    log = await c.db.checkins.where('registrationId').equals(reg).toArray();
    expect(deriveSectionPresence(log)).toBe(sections[1]!.id); // leaving the old one changes nothing
    await appendCheckin(c, { eventId, registrationId: reg, kind: 'section-leave', sectionId: sections[1]!.id, operator: 'О' });
    log = await c.db.checkins.where('registrationId').equals(reg).toArray();
    expect(deriveSectionPresence(log)).toBeUndefined();
  });
});

describe('section preferences', () => {
  it('are edited by hand in order, without repeats or blanks', async () => {
    const { setSectionPrefs } = await import('../../../../renderer/db/repo/sections');
    const { c, sections, regs } = await demo();
    await setSectionPrefs(c, regs[7]!.id, [sections[2]!.id, '', sections[0]!.id, sections[2]!.id]);
    expect((await c.db.registrations.get(regs[7]!.id))!.sectionPrefs).toEqual([sections[2]!.id, sections[0]!.id]);
  });
});
