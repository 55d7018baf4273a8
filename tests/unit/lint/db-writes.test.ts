import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// skhod/db-writes (scripts/eslint/db-writes.js): one write path — Dexie writes only in renderer/db, and features
// do not read the database handle at all.
const eslint = new ESLint({ cwd: process.cwd() });

async function dbWrites(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'skhod/db-writes').length;
}

const ctxType = "import type { DbContext } from '../../db/context';\n";

describe('the db-writes lint rule', () => {
  const refused: Array<[string, string]> = [
    ['a put through ctx.db', `${ctxType}export const f = (ctx: DbContext) => ctx.db.people.put({ id: '1', surname: 'Иванова' } as never);`],
    ['a bulkPut through a generic table', `${ctxType}export const f = (ctx: DbContext) => ctx.db.table('settings').bulkPut([]);`],
    ['a delete at the end of a query', `${ctxType}export const f = (ctx: DbContext) => ctx.db.checkins.where('registrationId').equals('r').delete();`],
    ['a write through a destructured handle', `${ctxType}export const f = ({ db }: DbContext) => db.settings.update('k', { value: 1 });`],
    ['a modify on a collection', `${ctxType}export const f = (ctx: DbContext) => ctx.db.people.toCollection().modify({ note: '' });`],
    ['a rw transaction', `${ctxType}export const f = (ctx: DbContext) => ctx.db.transaction('rw', ctx.db.settings, async () => undefined);`],
  ];
  it.each(refused)('refuses %s in a hook', async (_name, source) => {
    expect(await dbWrites('renderer/hooks/probe.ts', source)).toBeGreaterThan(0);
  });
  it.each(refused)('refuses %s in a feature', async (_name, source) => {
    expect(await dbWrites('renderer/features/settings/probe.ts', source)).toBeGreaterThan(0);
  });

  it('refuses a read of the handle in a feature, not in a hook', async () => {
    const source = `${ctxType}export const f = (ctx: DbContext) => ctx.db.changes.count();`;
    expect(await dbWrites('renderer/features/audit/probe.ts', source)).toBe(1);
    expect(await dbWrites('renderer/hooks/probe.ts', source)).toBe(0);
  });

  const allowed: Array<[string, string]> = [
    ['a repository call', "import { saveJuror } from '../../db/repo/contest-jury';\nexport const f = saveJuror;"],
    ['the handle passed on as a value', `${ctxType}export const f = (ctx: DbContext, g: (x: unknown) => void) => g(ctx.db);`],
    ['a Map delete', 'export const f = (m: Map<string, number>) => m.delete(\'k\');'],
  ];
  it.each(allowed)('allows %s', async (_name, source) => {
    expect(await dbWrites('renderer/features/settings/probe.ts', source)).toBe(0);
  });

  it('allows a read-only transaction in a hook', async () => {
    expect(await dbWrites('renderer/hooks/probe.ts', `${ctxType}export const f = (ctx: DbContext) => ctx.db.transaction('r', ctx.db.settings, async () => undefined);`)).toBe(0);
  });

  it('lets the repositories write', async () => {
    expect(await dbWrites('renderer/db/repo/probe.ts', `import type { DbContext } from '../context';\nexport const f = (ctx: DbContext) => ctx.db.transaction('rw', ctx.db.settings, () => ctx.db.settings.put({ key: 'k', value: 1 }));`)).toBe(0);
  });
});

// skhod/change-log-reads (same file): an entry of the change log may be a page of many changes
// (renderer/db/change-pages.ts), so only that module reads entries as values.
describe('the change-log-reads lint rule', () => {
  async function changeReads(filePath: string, source: string): Promise<number> {
    const [result] = await eslint.lintText(source, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'skhod/change-log-reads').length;
  }
  const repo = "import type { DbContext } from '../context';\n";
  it.each([
    ['a range read', `${repo}export const f = (ctx: DbContext) => ctx.db.changes.where('hlc').above('').toArray();`],
    ['a read by stamp', `${repo}export const f = (ctx: DbContext) => ctx.db.changes.bulkGet(['a']);`],
    ['a history by row', `${repo}export const f = ({ db }: DbContext) => db.changes.where('[table+rowId]').equals(['people', 'p']).sortBy('hlc');`],
  ])('refuses %s of entries in a repository', async (_name, source) => {
    expect(await changeReads('renderer/db/repo/probe.ts', source)).toBe(1);
  });
  it('allows key-only reads anywhere and entry reads in change-pages.ts', async () => {
    expect(await changeReads('renderer/db/repo/probe.ts', `${repo}export const f = async (ctx: DbContext) => [await ctx.db.changes.count(), (await ctx.db.changes.orderBy('hlc').last())?.hlc];`)).toBe(0);
    expect(await changeReads('renderer/db/change-pages.ts', `${repo}export const f = (ctx: DbContext) => ctx.db.changes.orderBy('hlc').toArray();`)).toBe(0);
  });
});
