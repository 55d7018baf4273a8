import { arrivalsInForce } from '../../../shared/domain/arrival';
import type { CheckinEntry, CheckinKind } from '../../../shared/domain/types';
import type { DbContext } from '../context';
import { putTracked } from '../change-log';
import { fail } from './fail';

export type CheckinInput = {
  eventId: string;
  registrationId: string;
  kind: CheckinKind;
  operator: string;
  reason?: string;
  sectionId?: string;
};

/**
 * Appends one entry to the check-in log (never updates one). The database is opened with strict
 * durability, so when this resolves the entry is on disk and the operator may be told so.
 *
 * The write transaction holds only `checkins` and `changes`. The registration is checked by a read of
 * its own just before: a write transaction over `registrations` would queue behind every read of that
 * table still running (the desk's section counts, a list being loaded) and keep the next person
 * waiting. A registration deleted between the two is harmless: the log is append-only and arrivals are
 * derived per registration, so an entry for a registration that is gone is simply never shown.
 *
 * An annul names the arrivals it cancels (`cancels`): those in force on this device, read in the same
 * transaction as the write. An arrival another desk wrote that has not reached this one stays in force
 * when it comes — and the conflict review shows it («отмечен на стойке A, отменено на стойке B»).
 */
export async function appendCheckin(ctx: DbContext, input: CheckinInput, now: Date = new Date()): Promise<CheckinEntry> {
  if (input.kind === 'annul' && !input.reason?.trim()) fail('registrations.annulReason');
  const entry: CheckinEntry = {
    ...input,
    id: crypto.randomUUID(),
    device: ctx.device.id,
    at: now.toISOString(),
    hlc: '',
  };
  const reg = await ctx.db.registrations.get(input.registrationId);
  if (!reg || reg.eventId !== input.eventId) fail('registrations.notFound');
  await ctx.db.transaction('rw', ctx.db.checkins, ctx.db.changes, async () => {
    if (entry.kind === 'annul') entry.cancels = arrivalsInForce(await ctx.db.checkins.where('registrationId').equals(entry.registrationId).toArray()).map((e) => e.id);
    entry.hlc = ctx.clock.tick();
    await putTracked(ctx, 'checkins', [entry]);
  });
  return entry;
}
