import { afterEach, describe, expect, it } from 'vitest';
import type { DbContext } from '../../../../../renderer/db/context';
import { createContestFromTemplate, saveProtocolSignatories } from '../../../../../renderer/db/repo/contest';
import { openDemoEvent } from '../../../../../renderer/features/onboarding/open-demo';
import { freshDb } from '../../db/helpers';

const open: DbContext[] = [];
afterEach(() => {
  while (open.length) open.pop()!.db.close();
});

async function contest() {
  const ctx = await freshDb();
  open.push(ctx);
  const eventId = await openDemoEvent(ctx);
  const c = await createContestFromTemplate(ctx, eventId);
  return { ctx, contestId: c.id };
}

const contestChanges = async (ctx: DbContext, contestId: string) => (await ctx.db.changes.toArray()).filter((c) => c.table === 'contests' && c.rowId === contestId);

describe('the protocol signatories are remembered per contest', () => {
  it('stores the chair and the secretary in the contest row, with a change record in the same write', async () => {
    const { ctx, contestId } = await contest();
    const before = (await contestChanges(ctx, contestId)).length;
    await saveProtocolSignatories(ctx, contestId, { chair: '  Муталлапова   А. Х. ', secretary: 'Хасанова Л. Р.' });
    const row = await ctx.db.contests.get(contestId);
    expect(row).toMatchObject({ protocolChair: 'Муталлапова А. Х.', protocolSecretary: 'Хасанова Л. Р.' });
    const changes = await contestChanges(ctx, contestId);
    expect(changes).toHaveLength(before + 1);
    expect(changes.at(-1)!.fields).toEqual({ protocolChair: 'Муталлапова А. Х.', protocolSecretary: 'Хасанова Л. Р.' });
  });

  it('saving the same names again writes nothing', async () => {
    const { ctx, contestId } = await contest();
    await saveProtocolSignatories(ctx, contestId, { chair: 'Муталлапова А. Х.', secretary: 'Хасанова Л. Р.' });
    const after = (await contestChanges(ctx, contestId)).length;
    await saveProtocolSignatories(ctx, contestId, { chair: 'Муталлапова А. Х.', secretary: 'Хасанова Л. Р. ' });
    expect(await contestChanges(ctx, contestId)).toHaveLength(after);
  });

  it('a cleared name is removed from the row, and the removal travels as a change', async () => {
    const { ctx, contestId } = await contest();
    await saveProtocolSignatories(ctx, contestId, { chair: 'Муталлапова А. Х.', secretary: 'Хасанова Л. Р.' });
    await saveProtocolSignatories(ctx, contestId, { chair: 'Муталлапова А. Х.', secretary: '   ' });
    const row = await ctx.db.contests.get(contestId);
    expect(row!.protocolChair).toBe('Муталлапова А. Х.');
    expect('protocolSecretary' in row!).toBe(false);
    expect((await contestChanges(ctx, contestId)).at(-1)!.fields).toEqual({ protocolSecretary: null });
  });

  it('leaves the counting rules alone and works after scoring closed', async () => {
    const { ctx, contestId } = await contest();
    const closed = { ...(await ctx.db.contests.get(contestId))!, status: 'closed' as const, lockedAt: '2019-12-01T10:00:00.000Z' };
    await ctx.db.contests.put(closed);
    await saveProtocolSignatories(ctx, contestId, { chair: 'Муталлапова А. Х.', secretary: '' });
    const row = await ctx.db.contests.get(contestId);
    expect(row).toEqual({ ...closed, protocolChair: 'Муталлапова А. Х.' });
  });

  it('refuses an unknown contest and writes nothing', async () => {
    const { ctx } = await contest();
    const before = await ctx.db.changes.count();
    await expect(saveProtocolSignatories(ctx, 'no-such-contest', { chair: 'А', secretary: 'Б' })).rejects.toThrow('Конкурс не найден');
    expect(await ctx.db.changes.count()).toBe(before);
  });
});
