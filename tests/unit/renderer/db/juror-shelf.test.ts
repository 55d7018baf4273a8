/**
 * Juror mode on a shared laptop (issue 21): opening another juror's package keeps the first (with its
 * files) on the shelf, switching back restores it, and the app resumes at the sheet in progress.
 */
import { describe, expect, it } from 'vitest';
import { addAttachment } from '../../../../renderer/db/repo/contest-applications';
import {
  jurorAttachmentIds,
  leaveJurorMode,
  loadJurorPackage,
  loadJurorShelf,
  openJurorPackage,
  packageKey,
  rememberSheet,
  resumeSheet,
  saveJurorScore,
  switchJurorPackage,
} from '../../../../renderer/db/repo/juror';
import { db, scoring } from './contest-fixtures';

describe('several packages on one device', () => {
  it('a second juror’s package shelves the first with its files; switching back restores it; leaving clears both', async () => {
    const org = await db();
    const { apps, packageFor } = await scoring(org);
    await addAttachment(org, apps[0]!.id, { name: 'смета.pdf', bytes: new TextEncoder().encode('%PDF-1.4 смета') });
    const first = await packageFor(0);
    const second = await packageFor(1);
    const dev = await db();
    await openJurorPackage(dev, first.bytes);
    await saveJurorScore(dev, first.pkg, first.pkg.applications[0]!.id, { comment: 'черновик первого эксперта' });
    const filesOfFirst = await jurorAttachmentIds(dev);
    expect(filesOfFirst.size).toBe(1);

    await openJurorPackage(dev, second.bytes);
    expect(packageKey((await loadJurorPackage(dev))!)).toBe(packageKey(second.pkg));
    expect((await loadJurorShelf(dev)).map(packageKey)).toEqual([packageKey(first.pkg)]);
    // both packages name the same file (the same application): kept once, still there
    expect(await jurorAttachmentIds(dev)).toEqual(filesOfFirst);

    // a newer package of the same juror replaces theirs, the shelf does not grow
    await openJurorPackage(dev, second.bytes);
    expect(await loadJurorShelf(dev)).toHaveLength(1);

    await switchJurorPackage(dev, packageKey(first.pkg));
    expect(packageKey((await loadJurorPackage(dev))!)).toBe(packageKey(first.pkg));
    expect((await loadJurorShelf(dev)).map(packageKey)).toEqual([packageKey(second.pkg)]);
    expect((await dev.db.scores.toArray()).map((s) => s.comment)).toEqual(['черновик первого эксперта']);

    await leaveJurorMode(dev);
    expect(await loadJurorPackage(dev)).toBeUndefined();
    expect(await loadJurorShelf(dev)).toEqual([]);
    expect((await jurorAttachmentIds(dev)).size).toBe(0);
    expect(await dev.db.scores.count()).toBe(1);
  });

  it('resumes at the sheet last open, else at the first draft, else at the first not started', async () => {
    const org = await db();
    const { packageFor } = await scoring(org);
    const { pkg, bytes } = await packageFor(0);
    const dev = await db();
    await openJurorPackage(dev, bytes);
    const [a1, a2, a3] = pkg.applications.map((a) => a.id);
    const none = new Map();
    expect(await resumeSheet(dev, pkg, none)).toBe(a1);
    const s2 = await saveJurorScore(dev, pkg, a2!, { comment: 'начато' });
    expect(await resumeSheet(dev, pkg, new Map([[a2!, s2]]))).toBe(a2);
    await rememberSheet(dev, pkg, a3!);
    expect(await resumeSheet(dev, pkg, new Map([[a2!, s2]]))).toBe(a3);
  });
});
