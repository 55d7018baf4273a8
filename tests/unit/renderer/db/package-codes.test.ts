/**
 * Sealed juror packages on both sides (issue 17): the organizer's export seals each file under a fresh
 * code kept only on this device; the juror's device opens it with that code, typed as dictated.
 */
import { describe, expect, it } from 'vitest';
import { createBackup, readBackup, restoreBackup } from '../../../../renderer/db/backup';
import { loadJurorPackage, openJurorPackage } from '../../../../renderer/db/repo/juror';
import { loadPackageCodes, rememberPackageCode, sealForJuror, type PackageCode } from '../../../../renderer/db/repo/package-codes';
import { db, scoring } from './contest-fixtures';

const FAST = 1_000;
const record = (over: Partial<PackageCode> & Pick<PackageCode, 'jurorId' | 'code'>): PackageCode => ({
  jurorName: 'Иванова',
  contestId: 'c1',
  fileName: 'Иванова.skhod-jury',
  savedAt: '2024-05-01T10:00:00.000Z',
  ...over,
});

describe('sealed juror packages', () => {
  it('a sealed package shows no name and opens only with its code, typed in any case, with spaces, I/L and O', async () => {
    const org = await db();
    const { packageFor } = await scoring(org);
    const { pkg, bytes } = await packageFor(0);
    const sealed = await sealForJuror(bytes, FAST);
    expect(sealed.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(new TextDecoder().decode(sealed.bytes)).not.toContain(pkg.juror.name);

    const dev = await db();
    expect(await openJurorPackage(dev, sealed.bytes)).toMatchObject({ ok: false, needsCode: true, message: expect.stringContaining('Введите код доступа') });
    const wrong = await sealForJuror(bytes, FAST);
    expect(await openJurorPackage(dev, sealed.bytes, undefined, wrong.code)).toMatchObject({ ok: false, needsCode: true, message: expect.stringMatching(/^Код не подходит/) });
    expect(await loadJurorPackage(dev)).toBeUndefined();

    // as a juror types what was dictated: lower case, spaces for dashes, «O» for 0 and «l» for 1
    const typed = sealed.code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'O').replace(/1/g, 'l');
    expect(await openJurorPackage(dev, sealed.bytes, undefined, typed)).toMatchObject({ ok: true });
    expect((await loadJurorPackage(dev))?.juror.name).toBe(pkg.juror.name);
  });

  it('every seal has its own code: the old code does not open a re-exported file', async () => {
    const org = await db();
    const { packageFor } = await scoring(org);
    const { bytes } = await packageFor(0);
    const first = await sealForJuror(bytes, FAST);
    const again = await sealForJuror(bytes, FAST);
    expect(again.code).not.toBe(first.code);
    const dev = await db();
    expect(await openJurorPackage(dev, again.bytes, undefined, first.code)).toMatchObject({ ok: false, needsCode: true });
    expect(await openJurorPackage(dev, again.bytes, undefined, again.code)).toMatchObject({ ok: true });
  });
});

describe('codes kept on the organizer’s device', () => {
  it('one code per juror, the newest; listed per contest', async () => {
    const org = await db();
    await rememberPackageCode(org, record({ jurorId: 'j1', code: 'AAAA-AAAA-AAAA-AAAA' }));
    await rememberPackageCode(org, record({ jurorId: 'j2', code: 'BBBB-BBBB-BBBB-BBBB', jurorName: 'Петров' }));
    await rememberPackageCode(org, record({ jurorId: 'j3', code: 'CCCC-CCCC-CCCC-CCCC', contestId: 'c2' }));
    await rememberPackageCode(org, record({ jurorId: 'j1', code: 'DDDD-DDDD-DDDD-DDDD', savedAt: '2024-05-02T10:00:00.000Z' }));
    const codes = await loadPackageCodes(org, 'c1');
    expect([...codes.keys()].sort()).toEqual(['j1', 'j2']);
    expect(codes.get('j1')).toMatchObject({ code: 'DDDD-DDDD-DDDD-DDDD', savedAt: '2024-05-02T10:00:00.000Z' });
    expect([...(await loadPackageCodes(org, 'c2')).keys()]).toEqual(['j3']);
  });

  it('are device-local: not change-logged, not in a backup, kept when another backup is restored', async () => {
    const org = await db();
    await scoring(org);
    const changes = await org.db.changes.count();
    await rememberPackageCode(org, record({ jurorId: 'j1', code: 'AAAA-AAAA-AAAA-AAAA' }));
    expect(await org.db.changes.count()).toBe(changes);
    const backup = await readBackup((await createBackup(org, 'Вручную')).bytes);
    const target = await db();
    await rememberPackageCode(target, record({ jurorId: 'j9', code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }));
    await restoreBackup(target, backup, { undoable: false });
    expect([...(await loadPackageCodes(target, 'c1')).values()].map((c) => c.code)).toEqual(['ZZZZ-ZZZZ-ZZZZ-ZZZZ']);
  });
});
