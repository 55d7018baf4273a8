/**
 * Scoring's lifecycle on the organizer's device (issue 21) and the values a signed score file may bring
 * (issue 18, item 6): closed scoring refuses late files, reopening needs a reason, criteria unlock only
 * before the first sheet, a removed juror's sheets count or not as the organizer decided.
 */
import { describe, expect, it } from 'vitest';
import { toResultsInput, writeScoreFile, scoreId, type Score } from '../../../../shared/contest';
import { generateDeviceKey } from '../../../../shared/crypto';
import { removeJuror } from '../../../../renderer/db/repo/contest-jury';
import { closeScoring, ensureInvite, importScoreFile, reopenScoring, unlockCriteria } from '../../../../renderer/db/repo/contest-scoring';
import { buildJurorScoreFile, openJurorPackage, saveJurorScore } from '../../../../renderer/db/repo/juror';
import { createBrowserBackups } from '../../../../renderer/bridge/backups.browser';
import { listBackups, setBackupStore } from '../../../../renderer/db/backup';
import { db, scoreAndFinalize, scoring } from './contest-fixtures';

async function jurorWithFinalSheet(org: Awaited<ReturnType<typeof db>>) {
  const s = await scoring(org);
  const { pkg, bytes } = await s.packageFor(0);
  const dev = await db();
  await openJurorPackage(dev, bytes);
  await scoreAndFinalize(dev, pkg, pkg.applications[0]!.id, 6);
  return { ...s, pkg, dev };
}

describe('closing and reopening scoring', () => {
  it('a file that arrives after «Закрыть приём оценок» is refused with what to do, and nothing changes', async () => {
    const org = await db();
    const { contest, pkg, dev } = await jurorWithFinalSheet(org);
    const late = await buildJurorScoreFile(dev, pkg);
    const closed = await closeScoring(org, contest.id, '2020-02-10T18:00:00.000Z');
    expect(closed.status).toBe('closed');
    expect(closed.scoringLog?.map((e) => e.action)).toEqual(['open', 'close']);
    const before = await org.db.changes.count();
    const r = await importScoreFile(org, contest.id, late);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^Приём оценок закрыт — файл не принят.*откройте приём заново/) });
    expect(await org.db.changes.count()).toBe(before);
    expect(await org.db.scores.count()).toBe(0);

    await expect(reopenScoring(org, contest.id, '  ')).rejects.toThrow(/Напишите, почему/);
    const reopened = await reopenScoring(org, contest.id, 'Эксперт прислал файл с опозданием по уважительной причине');
    expect(reopened.status).toBe('scoring');
    expect(reopened.scoringLog?.at(-1)).toMatchObject({ action: 'reopen', reason: 'Эксперт прислал файл с опозданием по уважительной причине' });
    expect(await importScoreFile(org, contest.id, late)).toMatchObject({ ok: true, added: 1 });
  });

  it('criteria unlock (back to setup) with a reason only while no sheet is stored', async () => {
    const org = await db();
    const { contest, pkg, dev } = await jurorWithFinalSheet(org);
    await expect(unlockCriteria(org, contest.id, '')).rejects.toThrow(/Напишите, почему/);
    const unlocked = await unlockCriteria(org, contest.id, 'В критерии 3 опечатка в шкале');
    expect(unlocked.status).toBe('setup');
    expect(unlocked.lockedAt).toBeUndefined();
    // the package went out before: its file is refused while scoring is not open
    expect(await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, pkg))).toMatchObject({ ok: false, message: expect.stringContaining('не открыт') });
    const { openScoring } = await import('../../../../renderer/db/repo/contest');
    await openScoring(org, contest.id);
    expect(await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, pkg))).toMatchObject({ ok: true, added: 1 });
    await expect(unlockCriteria(org, contest.id, 'ещё раз')).rejects.toThrow(/уже получено листов оценок — 1/);
  });
});

describe('backups', () => {
  it('a backup is made right before a score file is merged, named for the juror; none for a refused file', async () => {
    const org = await db();
    const { contest, pkg, dev, jurorPeople } = await jurorWithFinalSheet(org);
    const store = createBrowserBackups(() => indexedDB, `skhod-backups-scores-${Math.random()}`);
    setBackupStore(store);
    try {
      const bad = await buildJurorScoreFile(dev, pkg);
      bad[bad.length - 5] = bad[bad.length - 5]! ^ 1;
      expect(await importScoreFile(org, contest.id, bad)).toMatchObject({ ok: false });
      expect(await listBackups(store)).toEqual([]);
      const r = await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, pkg));
      expect(r).toMatchObject({ ok: true, added: 1, backup: { ok: true } });
      const kept = await listBackups(store);
      expect(kept).toHaveLength(1);
      expect(kept[0]!.info?.reason).toBe(`Перед файлом оценок эксперта ${[jurorPeople[0]!.surname, jurorPeople[0]!.name, jurorPeople[0]!.patronymic].filter(Boolean).join(' ')}`);
      // the backup holds the state before the merge: no sheet yet
      expect(kept[0]!.info?.changeCount).toBeLessThan(await org.db.changes.count());
    } finally {
      setBackupStore(undefined);
    }
  });
});

describe('removing a juror who has sheets', () => {
  it('asks for a decision; «исключить» leaves the sheets out of the results by name and reason, «оставить» counts them', async () => {
    const org = await db();
    const { contest, pkg, dev, jurors, nominations } = await jurorWithFinalSheet(org);
    await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, pkg));
    const jurorId = jurors[0]!.id;
    await expect(removeJuror(org, jurorId)).rejects.toThrow(/решите, учитывать их или исключить/);
    await expect(removeJuror(org, jurorId, { sheets: 'excluded', reason: ' ', name: 'Иванов И. И.' })).rejects.toThrow(/причину/);
    expect(await org.db.jurors.get(jurorId)).toBeDefined();

    await removeJuror(org, jurorId, { sheets: 'excluded', reason: 'Конфликт интересов выяснился после оценки', name: 'Иванов Иван Иванович' });
    expect(await org.db.jurors.get(jurorId)).toBeUndefined();
    const stored = (await org.db.contests.get(contest.id))!;
    expect(stored.removedJurors).toEqual([
      expect.objectContaining({ jurorId, name: 'Иванов Иван Иванович', sheets: 'excluded', finalSheets: 1, reason: 'Конфликт интересов выяснился после оценки' }),
    ]);
    const scores = await org.db.scores.toArray();
    const apps = await org.db.applications.toArray();
    const input = toResultsInput(stored, nominations, apps, scores);
    expect(input.skipped).toEqual([expect.objectContaining({ jurorId, reason: 'juror-excluded' })]);
    expect(input.nominations[0]!.input.sheets).toHaveLength(0);

    const kept = toResultsInput({ ...stored, removedJurors: stored.removedJurors!.map((r) => ({ ...r, sheets: 'kept' as const })) }, nominations, apps, scores);
    expect(kept.skipped).toEqual([]);
    expect(kept.nominations[0]!.input.sheets).toHaveLength(1);
  });

  it('is refused once scoring is closed', async () => {
    const org = await db();
    const { contest, jurors } = await scoring(org);
    await closeScoring(org, contest.id);
    await expect(removeJuror(org, jurors[1]!.id)).rejects.toThrow(/Приём оценок закрыт/);
  });
});

describe('values a score file may bring (issue 18, item 6)', () => {
  it('a validly signed sheet with k = 9.99 or an unknown criterion is refused by name; the valid sheet in the same file is merged', async () => {
    const org = await db();
    const { contest, jurors, apps, nominations } = await scoring(org);
    const juror = jurors[0]!;
    const assigned = (await org.db.assignments.where('jurorId').equals(juror.id).toArray()).map((a) => a.applicationId);
    const form = nominations[0]!;
    const k1 = form.criteria[0]!;
    expect(assigned).toHaveLength(3);
    const now = '2020-02-05T10:00:00.000Z';
    const sheet = (applicationId: string, values: Score['values']): Score => ({ id: scoreId(juror.id, applicationId), contestId: contest.id, jurorId: juror.id, applicationId, values, comment: 'Обоснование', status: 'final', version: 3, updatedAt: now });
    const all = (v: number) => Object.fromEntries(form.criteria.map((c) => [c.id, v]));
    const file = await writeScoreFile({
      contestId: contest.id,
      jurorId: juror.id,
      invitationSecret: (await ensureInvite(org, juror.id)).invitationSecret,
      keyPair: await generateDeviceKey(),
      createdAt: now,
      scores: [sheet(assigned[0]!, { ...all(7), [k1.id]: 9.99 }), sheet(assigned[1]!, { ...all(7), 'нет-такого': 10 }), sheet(assigned[2]!, all(8))],
    });
    const r = await importScoreFile(org, contest.id, file);
    if (!r.ok) throw new Error(r.message);
    expect(r.added).toBe(1);
    const title = (id: string) => apps.find((a) => a.id === id)!.title;
    expect(r.refused).toHaveLength(2);
    expect(r.refused).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`«${title(assigned[0]!)}» пропущена: «${k1.title}»: 9,99 — не подходит`),
        expect.stringContaining('Критерия «нет-такого» нет в форме номинации'),
      ]),
    );
    expect((await org.db.scores.toArray()).map((s) => s.applicationId)).toEqual([assigned[2]]);
  });

  it('the juror’s own device refuses to store such a value', async () => {
    const org = await db();
    const { packageFor } = await scoring(org);
    const { pkg, bytes } = await packageFor(0);
    const dev = await db();
    await openJurorPackage(dev, bytes);
    const appId = pkg.applications[0]!.id;
    const k = pkg.nominations[0]!.criteria[0]!.id;
    for (const v of [15, -3, 7.5, 9.99]) await expect(saveJurorScore(dev, pkg, appId, { values: { [k]: v } })).rejects.toThrow(/не подходит/);
    expect(await dev.db.scores.count()).toBe(0);
    await saveJurorScore(dev, pkg, appId, { values: { [k]: 7 } });
    expect((await dev.db.scores.toArray())[0]!.values[k]).toBe(7);
  });
});
