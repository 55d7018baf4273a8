import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupError, packBackup, unpackBackup } from '../../../../shared/backup/format';
import { unpackHlc } from '../../../../shared/sync/hlc';
import {
  autoBackupIfChanged,
  backupBeforeRisk,
  BACKUP_EXCLUDED_TABLES,
  CLOCK_FLOOR_KEY,
  createBackup,
  getRestoreUndo,
  isDeviceLocalSetting,
  listBackups,
  previewBackup,
  readBackup,
  restoreBackup,
  saveBackup,
  undoRestore,
  type BackupStore,
} from '../../../../renderer/db/backup';
import type { DbContext } from '../../../../renderer/db/context';
import { openDatabase } from '../../../../renderer/db/open';
import { appendCheckin } from '../../../../renderer/db/repo/checkins';
import { addAttachment, importApplications } from '../../../../renderer/db/repo/contest-applications';
import { createContestFromTemplate } from '../../../../renderer/db/repo/contest';
import { createBrowserBackups } from '../../../../renderer/bridge/backups.browser';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';
import { countChanges } from '../../../../renderer/db/change-pages';

const open: DbContext[] = [];
afterEach(() => {
  while (open.length) open.pop()!.db.close();
  vi.restoreAllMocks();
});
async function db(now?: () => number): Promise<DbContext> {
  const ctx = await freshDb(now);
  open.push(ctx);
  return ctx;
}
let stores = 0;
/** The browser build's backup store, on fake-indexeddb, one per test. */
function store(): BackupStore {
  return createBrowserBackups(() => indexedDB, `skhod-backups-test-${process.pid}-${++stores}`);
}

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 1, 2, 254, 255]);

/** The demo event, a contest with an application carrying a PDF, and two check-ins. */
async function populated(ctx: DbContext) {
  const eventId = await openDemoEvent(ctx);
  const contest = await createContestFromTemplate(ctx, eventId);
  const nomination = (await ctx.db.nominations.where('contestId').equals(contest.id).first())!;
  await importApplications(ctx, contest.id, [
    { title: 'Чистый берег Агидели', summary: 'уборка берега', nominationId: nomination.id, applicantPersonIds: [], submittedAt: '2020-01-20T10:00:00.000Z', status: 'admitted' as const },
  ]);
  const app = (await ctx.db.applications.where('contestId').equals(contest.id).first())!;
  await addAttachment(ctx, app.id, { name: 'смета.pdf', bytes: PDF });
  const regs = await ctx.db.registrations.where('eventId').equals(eventId).limit(2).toArray();
  for (const r of regs) await appendCheckin(ctx, { eventId, registrationId: r.id, kind: 'arrive', operator: 'Гульнара Р.' });
  return { eventId, registrationIds: regs.map((r) => r.id) };
}

/** Every table but the excluded ones, rows in primary-key order, as stored. */
async function dump(ctx: DbContext): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ctx.db.tables) if (!BACKUP_EXCLUDED_TABLES.includes(t.name)) out[t.name] = await t.toArray();
  return out;
}

async function backupError(p: Promise<unknown>): Promise<BackupError> {
  const err = await p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  return err as BackupError;
}

describe('backup → restore into an empty database', () => {
  it('reproduces every table exactly: rows, attachment bytes and the change log', async () => {
    const source = await db();
    await populated(source);
    const before = await dump(source);
    expect(before['attachments']).toHaveLength(1);
    expect(before['checkins']).toHaveLength(2);
    expect(await countChanges(source.db)).toBeGreaterThan(100);

    const { bytes } = await createBackup(source, 'Вручную');
    const target = await db();
    const targetDevice = target.device;
    await restoreBackup(target, await readBackup(bytes), { undoable: false });
    const after = await dump(target);

    for (const name of Object.keys(before)) {
      if (name === 'settings' || name === 'devices') continue;
      expect(after[name], name).toStrictEqual(before[name]);
    }
    const stored = (await target.db.attachments.toArray())[0]!;
    expect(stored.bytes).toBeInstanceOf(Uint8Array);
    expect([...stored.bytes]).toEqual([...PDF]);
    // the target stays itself: its own id, and the devices it knew — a backup never adds a known key (issue 17)
    expect((await target.db.settings.get('device.id'))?.value).toBe(targetDevice.id);
    expect(after['devices']).toStrictEqual([targetDevice]);
    // settings: the source's shared ones, this device's local ones
    const shared = (rows: unknown[]) => (rows as Array<{ key: string }>).filter((s) => !isDeviceLocalSetting(s.key));
    expect(shared(after['settings']!)).toStrictEqual(shared(before['settings']!));
  });

  it('restores a database reopened from disk the same (nothing lives only in memory)', async () => {
    const source = await db();
    await populated(source);
    const { bytes } = await createBackup(source, 'Вручную');
    const target = await db();
    await restoreBackup(target, await readBackup(bytes), { undoable: false });
    const name = target.db.name;
    target.db.close();
    const reopened = await openDatabase(name);
    open.push(reopened);
    expect((await dump(reopened))['people']).toStrictEqual((await dump(source))['people']);
    expect(await reopened.db.changes.count()).toBe(await source.db.changes.count());
  });

  it('empties the device-local caches, moves the desk epoch on and leaves the device keys alone', async () => {
    const source = await db();
    await populated(source);
    const { bytes } = await createBackup(source, 'Вручную');
    const target = await db();
    await target.db.caches.put({ key: 'desk:e1', stamp: 'x', value: new Uint8Array([1, 2, 3]) });
    const epoch = (await target.db.caches.get('desk-epoch'))?.stamp;
    await target.db.keys.put({ id: 'k', createdAt: '2019-09-27', publicKey: 'pk', privateKey: {} as CryptoKey });
    await restoreBackup(target, await readBackup(bytes), { undoable: false });
    // only a new desk epoch is left: cached cards kept anywhere else no longer match the data
    expect((await target.db.caches.toArray()).map((r) => r.key)).toEqual(['desk-epoch']);
    expect((await target.db.caches.get('desk-epoch'))?.stamp).not.toBe(epoch);
    expect((await target.db.keys.get('k'))?.publicKey).toBe('pk');
  });
});

describe('restore is all or nothing', () => {
  it('a file that fails midway (a duplicate key in a late table) leaves the database exactly as it was', async () => {
    const ctx = await db();
    await populated(ctx);
    const before = await dump(ctx);
    const content = await unpackBackup(await (await createBackup(ctx, 'Вручную')).bytes);
    // people are written before scores; the duplicate makes bulkAdd of a later table fail
    const people = content.tables['people'] as Array<{ id: string }>;
    content.tables['people'] = people.slice(0, 3);
    content.tables['scores'] = [{ id: 's1' }, { id: 's1' }];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const err = await backupError(restoreBackup(ctx, content, { undoable: false }));
    expect(err.code).toBe('write-failed');
    expect(err.message).toContain('База осталась такой');
    expect(await dump(ctx)).toStrictEqual(before);
  });

  it('rows without a key or of an unknown table are refused before anything is written', async () => {
    const ctx = await db();
    await populated(ctx);
    const before = await dump(ctx);
    const base = await unpackBackup((await createBackup(ctx, 'Вручную')).bytes);
    const keyless = { ...base, tables: { ...base.tables, people: [{ surname: 'Без ключа' }] } };
    expect((await backupError(restoreBackup(ctx, keyless, { store: store() }))).code).toBe('corrupt');
    const foreign = { ...base, tables: { ...base.tables, secrets: [{ id: 'x' }] } };
    expect((await backupError(restoreBackup(ctx, foreign, { store: store() }))).code).toBe('corrupt');
    const newer = { ...base, header: { ...base.header, schemaVersion: ctx.db.verno + 1 } };
    expect((await backupError(restoreBackup(ctx, newer, { store: store() }))).code).toBe('newer-schema');
    expect(await dump(ctx)).toStrictEqual(before);
  });

  it('a table the backup does not have (an older app version) is emptied: the data is the backup\'s, whole', async () => {
    const source = await db();
    await populated(source);
    const content = await unpackBackup((await createBackup(source, 'Вручную')).bytes);
    delete content.tables['attachments'];
    delete content.header.counts['attachments'];
    const target = await db();
    await populated(target);
    expect(await target.db.attachments.count()).toBe(1);
    await restoreBackup(target, content, { undoable: false });
    expect(await target.db.attachments.count()).toBe(0);
    expect(await target.db.people.toArray()).toStrictEqual(await source.db.people.toArray());
  });

  it('a corrupt, foreign or too-big file gets a named Russian error and changes nothing', async () => {
    const ctx = await db();
    await populated(ctx);
    const before = await dump(ctx);
    const { bytes } = await createBackup(ctx, 'Вручную');
    const damaged = bytes.slice();
    damaged[damaged.length - 30]! ^= 0x55;
    const cases: Array<[Uint8Array, string, RegExp]> = [
      [damaged, 'corrupt', /повреждён/],
      [bytes.subarray(0, bytes.length >> 1), 'corrupt', /повреждён/],
      [new TextEncoder().encode('PK\u0003\u0004 не копия'), 'not-a-backup', /не резервная копия/],
    ];
    for (const [file, code, text] of cases) {
      const err = await backupError(readBackup(file).then((c) => restoreBackup(ctx, c, { undoable: false })));
      expect(err.code).toBe(code);
      expect(err.message).toMatch(text);
    }
    const big = await backupError(readBackup(bytes, { maxFileBytes: bytes.length - 1 }));
    expect(big.code).toBe('too-large');
    expect(big.message).toMatch(/слишком большой/);
    expect(await dump(ctx)).toStrictEqual(before);
  });

  it('a file with a well-formed header but a foreign payload is refused', async () => {
    const file = await packBackup(
      { createdAt: '2019-09-27T00:00:00Z', reason: 'x', schemaVersion: 1, device: { id: 'd', name: 'd', role: 'desk' }, lastStamp: '', changeCount: 0, events: [] },
      { people: ['not a row'] },
    );
    const ctx = await db();
    expect((await backupError(readBackup(file).then((c) => restoreBackup(ctx, c, { undoable: false })))).code).toBe('corrupt');
  });
});

describe('the clock after a restore', () => {
  it('never goes backwards after an older backup is restored, in this session or after a restart', async () => {
    let wall = Date.UTC(2019, 8, 27, 8, 0);
    const ctx = await db(() => wall);
    const { eventId, registrationIds } = await populated(ctx);
    const old = await createBackup(ctx, 'Вручную');
    // later: more work, then the wall clock is set back by an hour (a laptop's clock reset)
    wall += 60_000;
    const late = await appendCheckin(ctx, { eventId, registrationId: registrationIds[0]!, kind: 'section-enter', operator: 'А', sectionId: 's' }, new Date(wall));
    wall -= 3_600_000;
    await restoreBackup(ctx, await readBackup(old.bytes), { undoable: false });
    expect(await ctx.db.checkins.get(late.id)).toBeUndefined();
    expect(((await ctx.db.settings.get(CLOCK_FLOOR_KEY))?.value as string) >= late.hlc).toBe(true);
    expect(ctx.clock.tick() > late.hlc).toBe(true);

    const name = ctx.db.name;
    ctx.db.close();
    const restarted = await openDatabase(name, () => wall);
    open.push(restarted);
    const next = restarted.clock.tick();
    expect(next > late.hlc).toBe(true);
    expect(unpackHlc(next).wall).toBeGreaterThanOrEqual(unpackHlc(late.hlc).wall);
  });

  it('starts after the restored change log when a newer backup comes from another device; a backup from its clock\'s future is refused until the clock is right', async () => {
    let wall = Date.UTC(2019, 8, 27, 8, 0);
    const source = await db(() => wall);
    await populated(source);
    const { bytes, header } = await createBackup(source, 'Вручную');
    wall -= 86_400_000; // the target's clock is a day behind: the backup's stamps are from its future
    const target = await db(() => wall);
    const before = target.clock.tick();
    await expect(restoreBackup(target, await readBackup(bytes), { undoable: false })).rejects.toMatchObject({ name: 'BackupError', code: 'future-stamps' });
    expect(await target.db.changes.count()).toBe(0);
    expect(target.clock.tick() > before).toBe(true);
    wall += 86_400_000 - 60_000; // its clock put right (a minute behind the source's: within the bound)
    await restoreBackup(target, await readBackup(bytes), { undoable: false });
    expect(target.clock.tick() > header.lastStamp).toBe(true);
    expect(unpackHlc(target.clock.tick()).wall).toBeGreaterThanOrEqual(unpackHlc(header.lastStamp).wall);
  });
});

describe('preview, undo and stored backups', () => {
  it('previews date, device, events and counts next to what is here now', async () => {
    const source = await db();
    await populated(source);
    const { bytes } = await createBackup(source, 'Перед импортом «делегаты.xlsx»', new Date(Date.UTC(2019, 8, 27, 9)));
    const target = await db();
    const p = await previewBackup(target, await readBackup(bytes));
    expect(p.header.reason).toBe('Перед импортом «делегаты.xlsx»');
    expect(p.header.createdAt).toBe('2019-09-27T09:00:00.000Z');
    expect(p.header.device.id).toBe(source.device.id);
    expect(p.sameDevice).toBe(false);
    expect(p.header.events.map((e) => e.title)).toEqual((await source.db.events.toArray()).map((e) => e.title));
    expect(p.currentEvents).toEqual([]);
    const people = p.tables.find((t) => t.table === 'people')!;
    expect(people).toEqual({ table: 'people', backup: await source.db.people.count(), current: 0 });
    expect(p.tables.map((t) => t.table)).not.toContain('caches');
    expect(p.loses).toBe(false); // an empty database loses nothing
    const self = await previewBackup(source, await readBackup(bytes));
    expect(self.sameDevice).toBe(true);
    expect(self.loses).toBe(false);
  });

  it('a restore is undoable: the state before it is saved first and comes back on undo', async () => {
    const ctx = await db();
    const s = store();
    const { eventId, registrationIds } = await populated(ctx);
    const old = await createBackup(ctx, 'Вручную');
    await appendCheckin(ctx, { eventId, registrationId: registrationIds[0]!, kind: 'annul', operator: 'А', reason: 'ошибка' });
    const current = await dump(ctx);
    const p = await previewBackup(ctx, await readBackup(old.bytes));
    expect(p.loses).toBe(true);

    const result = await restoreBackup(ctx, await readBackup(old.bytes), { store: s });
    expect(result.undo?.backupName).toMatch(/\.skhod-backup$/);
    expect(await ctx.db.checkins.count()).toBe(2);
    expect(await getRestoreUndo(ctx)).toEqual(result.undo);
    const listed = await listBackups(s);
    expect(listed.map((b) => b.info?.reason)).toEqual([expect.stringMatching(/^Перед восстановлением копии от /)]);

    await undoRestore(ctx, s);
    const back = await dump(ctx);
    for (const name of Object.keys(current)) if (name !== 'settings') expect(back[name], name).toStrictEqual(current[name]);
    expect(await getRestoreUndo(ctx)).toBeUndefined();
  });

  it('no restore happens when the safety copy cannot be saved', async () => {
    const ctx = await db();
    await populated(ctx);
    const before = await dump(ctx);
    const { bytes } = await createBackup(ctx, 'Вручную');
    const broken: BackupStore = { ...store(), backupWrite: async () => ({ error: { type: 'io', message: 'Не удалось сохранить: на диске нет места' } }) };
    await expect(restoreBackup(ctx, await readBackup(bytes), { store: broken })).rejects.toThrow('нет места');
    expect(await dump(ctx)).toStrictEqual(before);
  });

  it('backupBeforeRisk saves a backup with its reason and never throws', async () => {
    const ctx = await db();
    await populated(ctx);
    const s = store();
    const ok = await backupBeforeRisk(ctx, 'Перед импортом «делегаты.xlsx»', { store: s });
    expect(ok.ok).toBe(true);
    const [item] = await listBackups(s);
    expect(item!.info).toMatchObject({ reason: 'Перед импортом «делегаты.xlsx»', changeCount: await ctx.db.changes.count() });
    const restored = await readBackup(await (await import('../../../../renderer/db/backup')).loadStoredBackup(item!.name, s));
    expect(restored.header.counts['people']).toBe(await ctx.db.people.count());

    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken: BackupStore = { ...s, backupWrite: async () => ({ error: { type: 'io', message: 'диск полон' } }) };
    expect(await backupBeforeRisk(ctx, 'Перед слиянием', { store: broken })).toEqual({ ok: false, message: 'диск полон' });
    // no store at all (a unit test of another repository, no window): reported, not thrown
    expect((await backupBeforeRisk(ctx, 'Перед слиянием')).ok).toBe(false);
  });

  it('backupBeforeRisk can reuse the newest backup when nothing changed since (a hub syncing every few seconds)', async () => {
    const ctx = await db();
    const { eventId, registrationIds } = await populated(ctx);
    const s = store();
    const first = await backupBeforeRisk(ctx, 'Перед синхронизацией', { store: s, reuseIfUnchanged: true });
    const again = await backupBeforeRisk(ctx, 'Перед синхронизацией', { store: s, reuseIfUnchanged: true });
    expect(again).toEqual({ ok: true, reused: true, backup: (first as { backup: unknown }).backup });
    await appendCheckin(ctx, { eventId, registrationId: registrationIds[0]!, kind: 'annul', operator: 'А', reason: 'ошибка' });
    const changed = await backupBeforeRisk(ctx, 'Перед синхронизацией', { store: s, reuseIfUnchanged: true });
    expect(changed.ok && !changed.reused).toBe(true);
    expect(await listBackups(s)).toHaveLength(2);
    // without the option every risky step gets its own backup
    await backupBeforeRisk(ctx, 'Перед импортом', { store: s });
    expect(await listBackups(s)).toHaveLength(3);
  });

  it('saving rotates the store: 10 latest plus one per day for a week', async () => {
    const ctx = await db();
    await populated(ctx);
    const s = store();
    const start = Date.UTC(2019, 8, 20, 6);
    // one backup a day for 8 days, then 12 on the last day
    for (let d = 0; d < 8; d++) await saveBackup(ctx, `день ${d}`, { store: s, now: new Date(start + d * 86_400_000), utcOffsetMs: 0 });
    for (let i = 1; i <= 12; i++) await saveBackup(ctx, `час ${i}`, { store: s, now: new Date(start + 7 * 86_400_000 + i * 60_000), utcOffsetMs: 0 });
    const reasons = (await listBackups(s)).map((b) => b.info?.reason);
    expect(reasons).toEqual([...Array.from({ length: 10 }, (_, i) => `час ${12 - i}`), 'день 6', 'день 5', 'день 4', 'день 3', 'день 2', 'день 1']);
  });

  it('the periodic backup runs only when the data changed since the newest backup', async () => {
    const ctx = await db();
    const s = store();
    expect(await autoBackupIfChanged(ctx, { store: s })).toBeNull(); // nothing written yet
    const { eventId, registrationIds } = await populated(ctx);
    expect(await autoBackupIfChanged(ctx, { store: s })).not.toBeNull();
    expect(await autoBackupIfChanged(ctx, { store: s })).toBeNull();
    await appendCheckin(ctx, { eventId, registrationId: registrationIds[0]!, kind: 'annul', operator: 'А', reason: 'ошибка' });
    expect(await autoBackupIfChanged(ctx, { store: s })).not.toBeNull();
    expect(await listBackups(s)).toHaveLength(2);
  });
});
