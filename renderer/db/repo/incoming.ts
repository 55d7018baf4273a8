/**
 * The first look at changes arriving from another device (an exchange file or the LAN hub), before
 * the merge: which are new here, which must be refused whatever the rules say, which are held in
 * quarantine for being stamped in the future (shared/sync/quarantine.ts). Also what received files
 * tell about this device's own clock (the banner in the app's frame).
 *
 * Refused here, with a named reason:
 *   same-stamp  a change whose stamp this device already holds for ANOTHER change: two installs
 *               writing under one device id. (Without this check the second was taken as «already
 *               held» and silently dropped.)
 *   own-id      a change under this device's own id stamped after anything this device has issued:
 *               another install claims its id. (Its own earlier changes coming back after a restore of
 *               an older backup are stamped before the clock floor and are taken as usual.)
 */
import type { ChangeRecord } from '../../../shared/sync/change';
import type { ExchangeHeader } from '../../../shared/sync/exchange-file';
import { sameChange } from '../../../shared/sync/lost-edits';
import type { Refusal } from '../../../shared/sync/merge';
import { driftByDevice, holdFuture, ownClockOffset, type ClockObservation, type DeviceDrift, type HeldChange } from '../../../shared/sync/quarantine';
import type { DbContext } from '../context';
import { changesByStamp } from '../change-pages';

export type Screened = {
  /** New here, not refused, not from the future: what the merge takes. */
  fresh: ChangeRecord[];
  held: HeldChange[];
  drift: DeviceDrift[];
  refused: Refusal[];
};

export async function screenIncoming(ctx: DbContext, changes: readonly ChangeRecord[], wallNow: number = ctx.clock.wallNow()): Promise<Screened> {
  const stored = await changesByStamp(ctx.db, changes.map((c) => (typeof c?.hlc === 'string' ? c.hlc : '')));
  const last = ctx.clock.last();
  const refused: Refusal[] = [];
  const unseen: ChangeRecord[] = [];
  changes.forEach((c, i) => {
    const mine = stored[i];
    if (mine) {
      if (!sameChange(mine, c)) refused.push({ change: c, reason: 'same-stamp' });
    } else if (c?.device === ctx.device.id && c.hlc > last) refused.push({ change: c, reason: 'own-id' });
    else unseen.push(c);
  });
  const { now: fresh, held } = holdFuture(unseen, wallNow);
  return { fresh, held, drift: driftByDevice(held), refused };
}

/** Device-local (kept over a restore, backup.ts isDeviceLocalSetting): the latest observation per peer. */
const PEERS_KEY = 'clock.peers';
const KEEP_PEERS = 20;

type StoredObservation = ClockObservation & { at: number };

/** Records what a received file says about this device's clock. Call inside a transaction over `settings`. */
export async function noteClockObservation(ctx: DbContext, header: Pick<ExchangeHeader, 'sender' | 'createdAt'>, via: 'file' | 'hub', wallNow: number = ctx.clock.wallNow()): Promise<void> {
  const made = Date.parse(header.createdAt);
  if (!Number.isFinite(made)) return;
  const saved = ((await ctx.db.settings.get(PEERS_KEY))?.value ?? {}) as Record<string, StoredObservation>;
  saved[header.sender.deviceId] = { device: header.sender.deviceId, offsetMs: made - wallNow, via, at: wallNow };
  const kept = Object.values(saved)
    .sort((a, b) => b.at - a.at)
    .slice(0, KEEP_PEERS);
  await ctx.db.settings.put({ key: PEERS_KEY, value: Object.fromEntries(kept.map((o) => [o.device, o])) });
}

/** How far this device's clock seems off compared with its peers (quarantine.ts ownClockOffset), or null. */
export async function ownClockStatus(ctx: DbContext): Promise<number | null> {
  const saved = ((await ctx.db.settings.get(PEERS_KEY))?.value ?? {}) as Record<string, StoredObservation>;
  return ownClockOffset(Object.values(saved));
}
