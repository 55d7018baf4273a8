/**
 * Opening the device's database at start: the schema opened or upgraded, an interrupted import taken back,
 * this device's id (created once, on first run), the reference data seeded, the desk cache epoch, and the
 * clock started after every stamp this device may already have issued. Gives the DbContext (context.ts)
 * every repository takes.
 */
import { clockStart, createClock, MAX_CLOCK_AHEAD_MS } from '../../shared/sync/hlc';
import type { Device } from '../../shared/domain/types';
import type { DbContext } from './context';
import { rollBackUnfinishedBatches } from './batch';
import { DB_NAME, SkhodDb } from './database';
import { ensureDeskEpoch, lastDeskStamp } from './repo/desk-cache';
import { languages } from '../i18n';
import { dbText } from './repo/fail';
import { seedReferenceData } from './repo/reference';

const DEVICE_KEY = 'device.id';
/**
 * The greatest stamp this device may already have issued, kept apart from the change log: after a
 * restore of an older backup the log's last stamp is older than stamps other devices have seen from
 * us, and a clock restarted from it would issue those stamps again. Written by backup.ts on restore.
 */
export const CLOCK_FLOOR_KEY = 'clock.floor';

/**
 * Opens (creating or upgrading) the database, makes sure this device has an id and the database a desk
 * cache epoch (repo/desk-cache.ts), seeds reference data and starts the clock after the greatest stamp already stored or recorded as the clock floor, so a
 * restart — or a restore of an older backup — never issues an older one.
 */
export async function openDatabase(name: string = DB_NAME, now: () => number = Date.now): Promise<DbContext> {
  const db = new SkhodDb(name);
  await db.open();
  // a batch (an import) a crash interrupted midway is taken back before anything reads (one empty read otherwise)
  await rollBackUnfinishedBatches(db);
  // independent reads, side by side: each await here is time before the desk can answer
  // the greatest stamp within the clock's bound, in case the last one is a foreign stamp from the future
  const bound = `${String(Math.floor(now()) + MAX_CLOCK_AHEAD_MS).padStart(15, '0')}-fffff-\uffff`;
  const [[device, ownLast], , , last, inBound, floorRow] = await Promise.all([
    ensureDevice(db, now).then(async (d) => [d, (await db.changes.where('device').equals(d.id).last())?.hlc] as const),
    seedReferenceData(db),
    ensureDeskEpoch({ db }),
    lastDeskStamp({ db }), // the change log's last stamp, or a later one of a note of foreign changes
    db.changes.where('hlc').below(bound).last(),
    db.settings.get(CLOCK_FLOOR_KEY),
  ]);
  const floor = floorRow?.value;
  const start = clockStart(device.id, [last, ownLast, inBound?.hlc, typeof floor === 'string' ? floor : undefined], now());
  return { db, device, clock: createClock(device.id, now, start) };
}

/** Whether a device still has its first-run name («Устройство 3F2A»), in whichever language it was made. */
export function isFirstRunDeviceName(name: string): boolean {
  const code = name.slice(-4);
  return /^[0-9A-F]{4}$/.test(code) && languages.some((lng) => name === dbText('device.defaultName', { code, lng }));
}

/**
 * A new device id: 128 random bits as 32 hex digits (a UUID carries only 122). It ends every stamp the
 * device writes, so two installs sharing one would collide (incoming.ts refuses what it can detect).
 * Every receiver binds the id to the first signing key it sees for it (exchange-file.ts refuses a file
 * under a known id signed with another key).
 */
export function newDeviceId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The device id is created once, on first run, and kept: it names this device in every change and
 * check-in it writes. Device rows and settings are local to the device and not change-logged.
 */
async function ensureDevice(db: SkhodDb, now: () => number): Promise<Device> {
  // every start after the first only reads: no write transaction (and no disk flush) on the way to the desk
  const known = await db.transaction('r', db.settings, db.devices, async () => {
    const saved = await db.settings.get(DEVICE_KEY);
    return typeof saved?.value === 'string' ? db.devices.get(saved.value) : undefined;
  });
  if (known) return known;
  return db.transaction('rw', db.settings, db.devices, async () => {
    const saved = await db.settings.get(DEVICE_KEY);
    if (typeof saved?.value === 'string') {
      const row = await db.devices.get(saved.value);
      if (row) return row;
    }
    const id = newDeviceId();
    const device: Device = {
      id,
      name: dbText('device.defaultName', { code: id.slice(0, 4).toUpperCase() }), // stays as written: a name, not a label
      role: 'organizer',
      createdAt: new Date(now()).toISOString(),
    };
    await db.devices.put(device);
    await db.settings.put({ key: DEVICE_KEY, value: id });
    return device;
  });
}
