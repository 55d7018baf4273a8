import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Person } from '../../../../shared/domain/types';
import { deriveArrivals } from '../../../../shared/domain/arrival';
import { createBackup, readBackup, restoreBackup } from '../../../../renderer/db/backup';
import { openOrganizerSession } from '../../../../renderer/db/authority';
import { putTracked } from '../../../../renderer/db/change-log';
import type { DbContext } from '../../../../renderer/db/context';
import { openDatabase } from '../../../../renderer/db/open';
import { appendCheckin } from '../../../../renderer/db/repo/checkins';
import { registerWalkIn } from '../../../../renderer/db/repo/desk';
import { deskCacheEpoch, deskChangesAfter, FOREIGN_LOOKUPS, openDeskCache, refreshDeskCache } from '../../../../renderer/db/repo/desk-cache';
import { applyExchange, previewExchange } from '../../../../renderer/db/repo/exchange-apply';
import { exportExchange } from '../../../../renderer/db/repo/exchange-export';
import { loadSyncBook, pendingFor } from '../../../../renderer/db/repo/exchange-book';
import { listConflicts, resolveConflict } from '../../../../renderer/db/repo/sync-conflicts';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { closeDevices, device, keepOpen, send } from './helpers';

afterEach(closeDevices);


async function editPerson(ctx: DbContext, id: string, patch: Partial<Person>) {
  await ctx.db.transaction('rw', ctx.db.people, ctx.db.changes, async () => {
    const p = (await ctx.db.people.get(id))!;
    await putTracked(ctx, 'people', [{ ...p, ...patch }]);
  });
}

const SHARED = ['events', 'programItems', 'sections', 'people', 'organizations', 'registrations', 'delegations', 'checkins', 'contests', 'nominations', 'applications', 'jurors'] as const;

/** Every shared table's rows, sorted, for comparing devices. */
async function snapshot(ctx: DbContext) {
  const out: Record<string, unknown[]> = {};
  for (const t of SHARED) {
    const rows = (await ctx.db.table(t).toArray()) as { id: string }[];
    out[t] = rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

/** An organizer's demo event of 30 people, sent in full to two desks. */
async function twoDesks() {
  const org = await device('organizer', 'Организатор');
  const a = await device('desk', 'Стойка 1');
  const b = await device('desk', 'Стойка 2');
  const eventId = await openDemoEvent(org, 30);
  await send(org, a, eventId);
  await send(org, b, eventId);
  return { org, a, b, eventId };
}

async function arrivedCount(ctx: DbContext, eventId: string) {
  const entries = await ctx.db.checkins.where('eventId').equals(eventId).toArray();
  return [...deriveArrivals(entries).values()].filter((a) => a.arrived).length;
}

describe('exchange files between devices', () => {
  it('a full file brings a new event to an empty desk; the same file again changes nothing', async () => {
    const org = await device('organizer', 'Организатор');
    const desk = await device('desk', 'Стойка 1');
    const eventId = await openDemoEvent(org, 40);

    const first = await send(org, desk, eventId);
    expect(first.preview.newEvent).toBe(true);
    expect(first.preview.eventTitle).toMatch(/Уфа|конференц/i);
    expect(first.preview.refused).toEqual([]);
    expect(first.result.fresh).toBeGreaterThan(100);
    expect(await snapshot(desk)).toEqual(await snapshot(org));
    expect((await desk.db.devices.get(org.device.id))?.role).toBe('organizer');

    const again = await applyExchange(desk, first.preview.file);
    expect(again).toEqual({ fresh: 0, rowsWritten: 0, refused: 0, conflicts: 0, deskCachesVoided: false });
    expect(await snapshot(desk)).toEqual(await snapshot(org));
  });

  it('the next file holds only what the peer has not seen', async () => {
    const org = await device('organizer', 'Организатор');
    const desk = await device('desk', 'Стойка 1');
    const eventId = await openDemoEvent(org, 30);
    await send(org, desk, eventId);
    await send(desk, org, eventId); // the organizer learns what the desk holds

    const regs = await org.db.registrations.where('eventId').equals(eventId).toArray();
    await appendCheckin(org, { eventId, registrationId: regs[0]!.id, kind: 'arrive', operator: 'Айгуль' });
    const next = await exportExchange(org, eventId, { peerId: desk.device.id });
    expect(next.full).toBe(false);
    expect(next.changes).toBe(1);
    const full = await exportExchange(org, eventId, { full: true });
    expect(full.changes).toBeGreaterThan(100);
  });

  it('two desks check people in offline, swap files both ways, and agree; a double check-in goes to review', async () => {
    const { org, a, b, eventId } = await twoDesks();
    const regs = (await org.db.registrations.where('eventId').equals(eventId).toArray()).slice(0, 6);

    for (const r of regs.slice(0, 3)) await appendCheckin(a, { eventId, registrationId: r.id, kind: 'arrive', operator: 'А' });
    for (const r of regs.slice(2, 6)) await appendCheckin(b, { eventId, registrationId: r.id, kind: 'arrive', operator: 'Б' });

    await send(a, b, eventId);
    const back = await send(b, a, eventId);
    expect(await arrivedCount(a, eventId)).toBe(6);
    expect(await arrivedCount(b, eventId)).toBe(6);
    // both entries of the person checked in twice are kept on both desks
    const twice = regs[2]!.id;
    expect(await a.db.checkins.where('registrationId').equals(twice).count()).toBe(2);
    expect(await b.db.checkins.where('registrationId').equals(twice).count()).toBe(2);
    const review = [...(await listConflicts(a, eventId)), ...(await listConflicts(b, eventId))];
    expect(review.some((c) => c.conflict.kind === 'double-checkin' && c.conflict.registrationId === twice)).toBe(true);
    expect(back.preview.conflicts.length + (await listConflicts(b, eventId)).length).toBeGreaterThan(0);
  });

  it('other desks\' arrivals leave the desk cache as it is; a changed person is noted for the desk to replay', async () => {
    const { a, b, eventId } = await twoDesks();
    const regs = await b.db.registrations.where('eventId').equals(eventId).toArray();
    // b's edit happens before a's latest own change, so its stamp is older than a's cache
    await editPerson(b, regs[0]!.personId, { surname: 'Гарипова' });
    await appendCheckin(a, { eventId, registrationId: regs[5]!.id, kind: 'arrive', operator: 'А' });
    const cache = await refreshDeskCache(a, eventId);
    const epoch = await deskCacheEpoch(a);
    for (const r of regs.slice(0, 3)) await appendCheckin(b, { eventId, registrationId: r.id, kind: 'arrive', operator: 'Б' });
    const onCards = <T extends { table: string }>(changes: T[]) => changes.filter((c) => c.table !== 'checkins');
    const arrivals = await exportExchange(b, eventId, { peerId: a.device.id });
    const withoutEdit = await previewExchange(a, arrivals.bytes, eventId);
    await applyExchange(a, { ...withoutEdit.file, changes: withoutEdit.file.changes.filter((c) => c.table === 'checkins') });
    expect(await deskCacheEpoch(a)).toBe(epoch);
    expect((await openDeskCache(a, eventId)).cached).toBeDefined();
    expect(onCards(await deskChangesAfter(a, cache.stamp))).toEqual([]);

    // the person's change keeps b's stamp, older than the cache's: the note is stamped on arrival
    const change = (await b.db.changes.where('[table+rowId]').equals(['people', regs[0]!.personId]).last())!;
    expect(change.hlc < cache.stamp).toBe(true);
    expect((await send(b, a, eventId)).result.deskCachesVoided).toBe(false);
    expect(await deskCacheEpoch(a)).toBe(epoch);
    const start = await openDeskCache(a, eventId);
    expect(start.cached).toBeDefined();
    expect(start.now > cache.stamp).toBe(true);
    const replay = onCards(await deskChangesAfter(a, cache.stamp));
    expect(replay).toContainEqual({ hlc: start.now, table: 'registrations', rowId: regs[0]!.id });
    expect(replay.every((c) => c.hlc > cache.stamp)).toBe(true);
    // nothing new after the note: a desk that has replayed it replays nothing more
    expect(onCards(await deskChangesAfter(a, start.now))).toEqual([]);
  });

  it('a walk-in with a new organization is noted with fresh names; a renamed section voids the caches', async () => {
    const { org, a, b, eventId } = await twoDesks();
    const cache = await refreshDeskCache(a, eventId);
    const epoch = await deskCacheEpoch(a);
    const { registration } = await registerWalkIn(b, {
      eventId,
      operator: 'Б',
      surname: 'Сафиуллин',
      name: 'Тимур',
      patronymic: 'Рустемович',
      organization: 'ТОС «Берёзка»',
      category: 'citizen',
      consent: true,
    });
    await send(b, a, eventId);
    expect(await deskCacheEpoch(a)).toBe(epoch);
    const replay = (await deskChangesAfter(a, cache.stamp)).filter((c) => c.table === 'registrations' || c.table === FOREIGN_LOOKUPS);
    const note = replay.filter((c) => c.hlc === replay[replay.length - 1]!.hlc);
    // the names are read again before the cards the note lists
    expect(note.map((c) => c.table)).toEqual([FOREIGN_LOOKUPS, 'registrations']);
    expect(note[1]!.rowId).toBe(registration.id);

    // sections are the organizer's: its renamed section reaches desk a
    const section = (await org.db.sections.where('eventId').equals(eventId).first())!;
    await org.db.transaction('rw', org.db.sections, org.db.changes, () => putTracked(org, 'sections', [{ ...section, title: 'Молодёжные инициативы' }]));
    expect((await send(org, a, eventId)).result.deskCachesVoided).toBe(true);
    expect(await deskCacheEpoch(a)).not.toBe(epoch);
    expect((await openDeskCache(a, eventId)).cached).toBeUndefined();
    expect(await deskChangesAfter(a, '')).not.toContainEqual(expect.objectContaining({ table: FOREIGN_LOOKUPS }));
  });

  it('a device restarted at the same millisecond never stamps a note over an earlier one', async () => {
    const frozen = () => Date.parse('2026-11-27T10:00:00Z');
    const org = await device('organizer', 'Организатор', frozen);
    const desk = await device('desk', 'Стойка 1', frozen);
    const eventId = await openDemoEvent(org, 5);
    await send(org, desk, eventId); // a full file brings sections: the caches are voided, nothing noted
    for (const p of await org.db.people.toArray()) await editPerson(org, p.id, { position: 'волонтёр' });
    await send(org, desk, eventId);
    const first = await deskChangesAfter(desk, '');
    const noted = first.filter((c) => c.table === 'registrations' && !(c as { fields?: unknown }).fields);
    expect(noted).toHaveLength(await desk.db.registrations.count());
    desk.db.close();
    const again = await openDatabase(desk.db.name, frozen);
    keepOpen(again);
    expect(again.clock.tick() > noted[noted.length - 1]!.hlc).toBe(true);
  });

  it('concurrent edits of one field: the later write wins on both, the review can pick the other', async () => {
    let t = Date.parse('2026-11-27T09:00:00Z');
    const clock = () => t;
    const org = await device('organizer', 'Организатор', clock);
    const desk = await device('desk', 'Стойка 1', clock);
    const eventId = await openDemoEvent(org, 10);
    await send(org, desk, eventId);
    const person = (await org.db.people.toArray())[0]!;

    t += 1000;
    await editPerson(desk, person.id, { phone: '+79170000001' });
    t += 1000;
    await editPerson(org, person.id, { phone: '+79170000002', email: 'new@mail.ru' });
    await send(desk, org, eventId);
    await send(org, desk, eventId);
    for (const ctx of [org, desk]) {
      const p = (await ctx.db.people.get(person.id))!;
      expect(p.phone).toBe('+79170000002');
      expect(p.email).toBe('new@mail.ru');
    }
    const [conflict] = (await listConflicts(org, eventId)).filter((c) => c.conflict.kind === 'field');
    expect(conflict?.conflict).toMatchObject({ kind: 'field', table: 'people', field: 'phone', winner: { value: '+79170000002' }, loser: { value: '+79170000001' } });

    t += 1000;
    await resolveConflict(org, eventId, conflict!.id, 'other');
    expect((await org.db.people.get(person.id))!.phone).toBe('+79170000001');
    expect((await listConflicts(org, eventId))[0]!.resolved?.as).toBe('other');
    await send(org, desk, eventId);
    expect((await desk.db.people.get(person.id))!.phone).toBe('+79170000001');
  });

  it('a delete on one device removes the row on the other; an older edit does not bring it back', async () => {
    let t = Date.parse('2026-11-27T09:00:00Z');
    const clock = () => t;
    const org = await device('organizer', 'Организатор', clock);
    const desk = await device('desk', 'Стойка 1', clock);
    const eventId = await openDemoEvent(org, 10);
    await send(org, desk, eventId);
    const reg = (await org.db.registrations.toArray())[0]!;
    t += 1000;
    await desk.db.transaction('rw', desk.db.registrations, desk.db.changes, () => putTracked(desk, 'registrations', [{ ...reg, note: 'старая правка' }]));
    t += 1000;
    await org.db.transaction('rw', org.db.registrations, org.db.changes, async () => {
      const { deleteTracked } = await import('../../../../renderer/db/change-log');
      await deleteTracked(org, 'registrations', [reg.id]);
    });
    await send(org, desk, eventId);
    await send(desk, org, eventId);
    expect(await org.db.registrations.get(reg.id)).toBeUndefined();
    expect(await desk.db.registrations.get(reg.id)).toBeUndefined();
  });

  it('refuses a tampered file, a file of another open event and a desk changing contest data; nothing changes', async () => {
    const org = await device('organizer', 'Организатор');
    const desk = await device('desk', 'Стойка 1');
    const eventId = await openDemoEvent(org, 10);
    const otherEvent = await openDemoEvent(org, 5);
    await send(org, desk, eventId);
    await send(org, desk, otherEvent);
    const before = await snapshot(desk);

    const file = await exportExchange(org, eventId, { full: true });
    const tampered = file.bytes.slice();
    tampered[tampered.length - 200]! ^= 0xff;
    await expect(previewExchange(desk, tampered, eventId)).rejects.toMatchObject({ code: 'tampered' });
    await expect(previewExchange(desk, file.bytes, otherEvent)).rejects.toMatchObject({ code: 'wrong-event' });
    await expect(previewExchange(desk, new TextEncoder().encode('Фамилия;Имя\nИванов;Иван'), eventId)).rejects.toMatchObject({ code: 'not-an-exchange-file' });
    expect(await snapshot(desk)).toEqual(before);

    // a desk writes a contest row with the organizer PIN open on it: the organizer still refuses that
    // change (the desk's enrolled role does not allow it), and keeps the rest
    openOrganizerSession(desk, Date.now() + 60_000);
    await desk.db.transaction('rw', desk.db.contests, desk.db.changes, () =>
      putTracked(desk, 'contests', [{ id: 'forged', eventId, title: 'Подложный конкурс' } as never]),
    );
    const { preview } = await send(desk, org, eventId);
    expect(preview.refused.map((r) => [r.change.table, r.reason])).toEqual([['contests', 'role']]);
    expect(await org.db.contests.get('forged')).toBeUndefined();
  });

  it('a file and the pending count of one event leave out what happened in another', async () => {
    const org = await device('organizer', 'Организатор');
    const desk = await device('desk', 'Стойка 1');
    const first = await openDemoEvent(org, 10);
    const second = await openDemoEvent(org, 10);
    for (const e of [first, second]) {
      await send(org, desk, e);
      await send(desk, org, e);
    }
    expect(await pendingFor(org, first, desk.device.id)).toBe(0);
    // a check-in and a registration edit in the second event; a person (shared by all events) renamed
    const reg = (await org.db.registrations.where('eventId').equals(second).toArray())[0]!;
    await appendCheckin(org, { eventId: second, registrationId: reg.id, kind: 'arrive', operator: 'А' });
    await org.db.transaction('rw', org.db.registrations, org.db.changes, () => putTracked(org, 'registrations', [{ ...reg, note: 'VIP' }]));
    await editPerson(org, reg.personId, { position: 'глава' });
    expect(await pendingFor(org, first, desk.device.id)).toBe(1); // only the person
    expect(await pendingFor(org, second, desk.device.id)).toBe(3);
    const file = await exportExchange(org, first, { peerId: desk.device.id });
    expect(file.changes).toBe(1);
    expect((await previewExchange(desk, file.bytes, first)).freshCounts).toEqual({ people: 1 });
  });

  it('the preview counts records, not changes: a person edited three times is one person', async () => {
    const org = await device('organizer', 'Организатор');
    const desk = await device('desk', 'Стойка 1');
    const eventId = await openDemoEvent(org, 10);
    await send(org, desk, eventId);
    await send(desk, org, eventId);
    const [a, b] = await org.db.registrations.where('eventId').equals(eventId).toArray();
    for (const position of ['глава администрации', 'заместитель главы', 'глава сельского поселения']) await editPerson(org, a!.personId, { position });
    await editPerson(org, b!.personId, { position: 'специалист' });
    const preview = await previewExchange(desk, (await exportExchange(org, eventId, { peerId: desk.device.id })).bytes, eventId);
    expect(preview.freshCounts).toEqual({ people: 4 });
    expect(preview.freshRecords).toEqual({ people: 2 });
  });

  it('a desk restored from an older backup gets back, at the next exchange, what it had sent before', async () => {
    const org = await device('organizer', 'Организатор');
    const desk = await device('desk', 'Стойка 1');
    const eventId = await openDemoEvent(org, 10);
    await send(org, desk, eventId);
    const before = await createBackup(desk, 'до отметок');
    const regs = await desk.db.registrations.where('eventId').equals(eventId).toArray();
    for (const r of regs.slice(0, 2)) await appendCheckin(desk, { eventId, registrationId: r.id, kind: 'arrive', operator: 'А' });
    await send(desk, org, eventId);
    await send(org, desk, eventId);
    expect(await arrivedCount(org, eventId)).toBe(2);

    await restoreBackup(desk, await readBackup(before.bytes), { undoable: false });
    expect(await arrivedCount(desk, eventId)).toBe(0);
    await send(desk, org, eventId); // its vector is lower now: the organizer learns what it lacks
    const back = await send(org, desk, eventId);
    expect(back.file.changes).toBeGreaterThanOrEqual(2);
    expect(await arrivedCount(desk, eventId)).toBe(2);
  });

  it('remembers what it holds from each peer as whole prefixes', async () => {
    const org = await device('organizer', 'Организатор');
    const desk = await device('desk', 'Стойка 1');
    const eventId = await openDemoEvent(org, 10);
    await send(org, desk, eventId);
    const book = await loadSyncBook(desk, eventId);
    const last = await org.db.changes.orderBy('hlc').last();
    expect(book.seen[org.device.id]).toBe(last!.hlc);
    expect(book.history[0]).toMatchObject({ direction: 'received', peer: org.device.id, peerName: 'Организатор' });
  });
});

describe('convergence of real databases', () => {
  it('any order and duplication of files among three devices ends in one state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(2), fc.nat(2), fc.boolean()), { minLength: 4, maxLength: 10 }), fc.integer({ min: 1, max: 1e6 }), async (moves, seed) => {
        const org = await device('organizer', 'Организатор');
        const a = await device('desk', 'Стойка 1');
        const b = await device('desk', 'Стойка 2');
        const all = [org, a, b];
        const eventId = await openDemoEvent(org, 8);
        await send(org, a, eventId);
        await send(org, b, eventId);
        const regs = await org.db.registrations.where('eventId').equals(eventId).toArray();
        const people = await org.db.people.toArray();
        const files: { to: DbContext; bytes: Uint8Array }[] = [];
        let k = seed;
        for (const [from, to, edit] of moves) {
          const src = all[from]!;
          k = (k * 48271) % 2147483647;
          if (edit) await editPerson(src, people[k % people.length]!.id, { phone: `+7917${String(k % 10_000_000).padStart(7, '0')}` });
          else await appendCheckin(src, { eventId, registrationId: regs[k % regs.length]!.id, kind: 'arrive', operator: src.device.name });
          if (from !== to) files.push({ to: all[to]!, bytes: (await exportExchange(src, eventId, { peerId: all[to]!.device.id })).bytes });
        }
        // deliver the files in a scrambled order, some twice
        for (let i = 0; i < files.length; i++) {
          const f = files[(i * 7 + seed) % files.length]!;
          const p = await previewExchange(f.to, f.bytes, eventId);
          await applyExchange(f.to, p.file);
        }
        // then everyone sends everything to everyone
        for (const x of all) for (const y of all) if (x !== y) await send(x, y, eventId, true);
        const [s0, s1, s2] = await Promise.all(all.map(snapshot));
        expect(s1).toEqual(s0);
        expect(s2).toEqual(s0);
        closeDevices();
      }),
      { numRuns: 12 },
    );
  }, 90_000); // each run enrols two desks: the organizer signs and seals the whole event for each
});
