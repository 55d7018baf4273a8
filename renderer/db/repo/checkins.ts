import type { CheckinEntry, CheckinKind } from '../../../shared/domain/types';
import type { DbContext } from '../context';
import { putTracked } from '../change-log';

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
 */
export async function appendCheckin(ctx: DbContext, input: CheckinInput, now: Date = new Date()): Promise<CheckinEntry> {
  if (input.kind === 'annul' && !input.reason?.trim()) throw new Error('Укажите причину отмены регистрации');
  const entry: CheckinEntry = {
    ...input,
    id: crypto.randomUUID(),
    device: ctx.device.id,
    at: now.toISOString(),
    hlc: '',
  };
  await ctx.db.transaction('rw', ctx.db.checkins, ctx.db.registrations, ctx.db.changes, async () => {
    const reg = await ctx.db.registrations.get(input.registrationId);
    if (!reg || reg.eventId !== input.eventId) throw new Error('Регистрация не найдена — обновите список');
    entry.hlc = ctx.clock.tick();
    await putTracked(ctx, 'checkins', [entry]);
  });
  return entry;
}
