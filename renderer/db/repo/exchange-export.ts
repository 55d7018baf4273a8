/**
 * Writing exchange files on this device (Обмен, issue 8): everything a peer has not seen, by what its own
 * files told us (exchange-book.ts), in its authors' signed batches (batches.ts); and the organizer's
 * enrolment file for a new device, which carries the whole event. Nothing leaves while an import is
 * half written. Files are read and applied in exchange-apply.ts.
 */
import type { DeviceRole } from '../../../shared/domain/types';
import { buildExchangeFile, ExchangeError } from '../../../shared/sync/exchange-file';
import type { DbContext } from '../context';
import { batchesFor, batchOwnChanges } from './batches';
import { loadSyncBook, ownSeen, storeSyncBook, withExchange, type ExchangeVia } from './exchange-book';
import { dbText, fail } from './fail';
import { batchInProgress } from '../batch';
import { deviceSigner, ensureEventRoot, makeEnrolmentFile, ownAuthority } from './trust';

export type ExportResult = { bytes: Uint8Array; changes: number; full: boolean; fileName: string };

/**
 * A file for `peerId` with everything it has not seen (by what its own files told us), or everything
 * when the peer is unknown or `full` is asked for.
 */
export async function exportExchange(
  ctx: DbContext,
  eventId: string,
  options: { peerId?: string; full?: boolean; now?: Date; via?: ExchangeVia } = {},
): Promise<ExportResult> {
  const now = options.now ?? new Date();
  const [book, event, trust] = await Promise.all([loadSyncBook(ctx, eventId), ctx.db.events.get(eventId), ensureEventRoot(ctx, eventId, now)]);
  if (!event && !trust) fail('exchange.noEvent');
  // enrolled over the hub but not holding the event yet: an empty file asks the hub for all of it
  if (!trust) throw new ExchangeError('not-enrolled');
  // an import half written in chunks may still be rolled back: nothing leaves (nor is signed) until it is done
  const importing = await batchInProgress(ctx.db);
  // what this device wrote is signed by it; what it received goes on in its authors' batches
  if (!importing) await batchOwnChanges(ctx, trust, await ownAuthority(ctx, trust));
  const since = options.full || !options.peerId ? undefined : book.knowledge[options.peerId];
  const rows = importing ? [] : await batchesFor(ctx, eventId, since);
  const counts: Record<string, number> = {};
  for (const r of rows) for (const [t, n] of Object.entries(r.counts)) counts[t] = (counts[t] ?? 0) + n;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const bytes = await buildExchangeFile(
    {
      header: {
        eventId,
        sender: { deviceId: ctx.device.id, name: ctx.device.name, role: ctx.device.role },
        ...(trust.enrolment ? { enrolment: trust.enrolment } : {}),
        createdAt: now.toISOString(),
        ...(since ? { since } : {}),
        seen: await ownSeen(ctx, book),
        known: book.knowledge,
      },
      batches: rows.map((r) => r.batch),
      counts,
    },
    await deviceSigner(ctx),
    trust.eventKey,
  );
  const via = options.via ?? 'file';
  if (via === 'file' || total > 0) {
    const peer = options.peerId ? await ctx.db.devices.get(options.peerId) : undefined;
    const entry = { at: now.toISOString(), direction: 'sent' as const, via, peer: options.peerId ?? '', peerName: peer?.name ?? dbText('exchange.anyDevice'), changes: total };
    await ctx.db.transaction('rw', ctx.db.settings, async () => {
      await storeSyncBook(ctx, eventId, withExchange(await loadSyncBook(ctx, eventId), entry));
    });
  }
  return { bytes, changes: total, full: !since, fileName: exchangeFileName(event?.title ?? '', ctx.device.name, now) };
}

/**
 * The organizer's enrolment file for one new device of `role` (trust.ts makeEnrolmentFile) carrying
 * a full exchange file of the event, so the new device receives the event and its role at once.
 */
export async function exportEnrolment(ctx: DbContext, eventId: string, role: DeviceRole, label: string, now: Date = new Date()): Promise<{ bytes: Uint8Array; fileName: string }> {
  const full = await exportExchange(ctx, eventId, { full: true, now });
  return makeEnrolmentFile(ctx, eventId, role, label, full.bytes, now);
}

export function exchangeFileName(eventTitle: string, deviceName: string, now: Date): string {
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'skhod';
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `${safe(eventTitle)}_${safe(deviceName)}_${stamp}.skhod`;
}
