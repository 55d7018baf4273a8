import { describe, expect, it } from 'vitest';
import { assignJury, buildJurorPackage, packageAttachments, serializeJurorPackage, type JurorPackage } from '../../../../shared/contest';
import { addAttachment, MAX_ATTACHMENT_BYTES, saveApplication } from '../../../../renderer/db/repo/contest-applications';
import { createContestFromTemplate, openScoring, saveContestSetup } from '../../../../renderer/db/repo/contest';
import { removeAssignment, storeAssignments } from '../../../../renderer/db/repo/contest-jury';
import { ensureInvite, importScoreFile, reopenSheet } from '../../../../renderer/db/repo/contest-scoring';
import {
  buildJurorScoreFile,
  finalizeJurorScore,
  jurorAttachmentIds,
  leaveJurorMode,
  loadJurorAttachment,
  loadJurorPackage,
  openJurorPackage,
  saveJurorScore,
} from '../../../../renderer/db/repo/juror';
import { buildImportRows, findHeaderRow, guessMapping } from '../../../../renderer/features/contest/application-import';
import { contestOnDemo, db, populated, scoreAndFinalize, scoring } from './contest-fixtures';

describe('contest repository', () => {
  it('creates a contest from the grant template once per event, with change records', async () => {
    const ctx = await db();
    const { eventId, contest, nominations } = await contestOnDemo(ctx);
    expect(contest.status).toBe('setup');
    expect(contest.minReviews).toBe(2);
    expect(nominations).toHaveLength(1);
    expect(nominations[0]!.criteria).toHaveLength(10);
    expect(await ctx.db.changes.where('[table+rowId]').equals(['contests', contest.id]).count()).toBe(1);
    await expect(createContestFromTemplate(ctx, eventId)).rejects.toThrow(/уже есть конкурс/);
  });

  it('locks method, tie-breaks and criteria when scoring opens; title stays editable', async () => {
    const ctx = await db();
    const { contest, nominations } = await contestOnDemo(ctx);
    await saveContestSetup(ctx, { ...contest, method: 'median' }, nominations);
    expect((await ctx.db.contests.get(contest.id))!.method).toBe('median');
    const locked = await openScoring(ctx, contest.id, '2020-02-01T09:00:00.000Z');
    expect(locked.status).toBe('scoring');
    expect(locked.lockedAt).toBe('2020-02-01T09:00:00.000Z');

    const changesBefore = await ctx.db.changes.count();
    await expect(saveContestSetup(ctx, { ...locked, method: 'mean' }, nominations)).rejects.toThrow(/Нельзя изменить способ подсчёта/);
    const weights = nominations.map((n) => ({ ...n, criteria: n.criteria.map((c) => ({ ...c, weight: 2 })) }));
    await expect(saveContestSetup(ctx, locked, weights)).rejects.toThrow(/критерии/);
    expect(await ctx.db.changes.count()).toBe(changesBefore);
    expect((await ctx.db.contests.get(contest.id))!.method).toBe('median');

    await saveContestSetup(ctx, { ...locked, title: 'Конкурс «Сход-2020»' }, nominations);
    expect((await ctx.db.contests.get(contest.id))!).toMatchObject({ title: 'Конкурс «Сход-2020»', status: 'scoring' });
    await expect(openScoring(ctx, contest.id)).rejects.toThrow(/уже открыто/);
  });

  it('refuses a rejected application without a reason and an attachment over the size limit', async () => {
    const ctx = await db();
    const { contest, nominations } = await contestOnDemo(ctx);
    const base = { title: 'Проект', summary: '', nominationId: nominations[0]!.id, applicantPersonIds: [], submittedAt: new Date().toISOString() };
    await expect(saveApplication(ctx, contest.id, { ...base, status: 'rejected' })).rejects.toThrow(/причину отказа/);
    const app = await saveApplication(ctx, contest.id, { ...base, status: 'submitted', organizationName: 'НКО «Берег»' });
    expect(app.organizationId).toBeDefined();
    await expect(addAttachment(ctx, app.id, { name: 'большой.pdf', bytes: new Uint8Array(MAX_ATTACHMENT_BYTES + 1) })).rejects.toThrow(/больше 20 МБ/);
    await expect(addAttachment(ctx, app.id, { name: 'вирус.exe', bytes: new Uint8Array(10) })).rejects.toThrow(/не принят/);
    await addAttachment(ctx, app.id, { name: 'смета.pdf', bytes: new TextEncoder().encode('%PDF-1.4 ...') });
    const stored = (await ctx.db.applications.get(app.id))!;
    expect(stored.attachments).toHaveLength(1);
    expect(stored.attachments[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await ctx.db.attachments.where('applicationId').equals(app.id).count()).toBe(1);
  });

  it('stores the assignment; storing it again writes nothing', async () => {
    const ctx = await db();
    const { contest, jurors } = await populated(ctx);
    const apps = await ctx.db.applications.where('contestId').equals(contest.id).toArray();
    const result = assignJury({ minReviews: 2, applications: apps, jurors, conflicts: [] });
    expect(result.feasible).toBe(true);
    expect(await storeAssignments(ctx, contest.id, result.assignments)).toBe(6);
    const rows = await ctx.db.assignments.where('contestId').equals(contest.id).toArray();
    expect(rows.map((r) => r.id).sort()).toEqual(result.assignments.map((a) => `${a.jurorId}|${a.applicationId}`).sort());
    const changes = await ctx.db.changes.count();
    expect(await storeAssignments(ctx, contest.id, result.assignments)).toBe(0);
    expect(await ctx.db.changes.count()).toBe(changes);
    // one juror alone cannot give two reviews: explained, in Russian
    const short = assignJury({ minReviews: 2, applications: apps, jurors: jurors.slice(0, 1), conflicts: [] });
    expect(short.feasible).toBe(false);
    expect(short.shortfalls[0]!.message).toMatch(/не хватает|эксперт/i);
  });

  it('round trip: package → juror device scores → signed file → organizer import, idempotent; a flipped byte is refused and changes nothing', async () => {
    const org = await db();
    const { contest, jurors, jurorPeople } = await populated(org);
    const locked = await openScoring(org, contest.id);
    const apps = await org.db.applications.where('contestId').equals(contest.id).toArray();
    const nominations = await org.db.nominations.where('contestId').equals(contest.id).toArray();
    const { assignments } = assignJury({ minReviews: 2, applications: apps, jurors, conflicts: [] });
    await storeAssignments(org, contest.id, assignments);
    const juror = jurors[0]!;
    const invite = await ensureInvite(org, juror.id);
    const { package: pkg } = buildJurorPackage({
      contest: locked,
      nominations,
      applications: apps,
      assignments,
      conflicts: [],
      juror,
      jurorName: jurorPeople[0]!.surname,
      invitationSecret: invite.invitationSecret,
      createdAt: new Date().toISOString(),
    });

    const dev = await db();
    const opened = await openJurorPackage(dev, serializeJurorPackage(pkg));
    expect(opened.ok).toBe(true);
    expect((await loadJurorPackage(dev))!.juror.id).toBe(juror.id);
    expect(await openJurorPackage(dev, new TextEncoder().encode('{"format":"x"}'))).toMatchObject({ ok: false });
    const first = pkg.applications[0]!;
    const form = pkg.nominations[0]!;
    for (const c of form.criteria) await saveJurorScore(dev, pkg, first.id, { values: { [c.id]: 7 } });
    const incomplete = await finalizeJurorScore(dev, pkg, first.id);
    expect(incomplete.ok).toBe(false); // the comment is required
    await saveJurorScore(dev, pkg, first.id, { comment: 'Проект актуален, бюджет обоснован.' });
    const done = await finalizeJurorScore(dev, pkg, first.id);
    expect(done).toMatchObject({ ok: true, score: { status: 'final', version: form.criteria.length + 3 } });
    await expect(saveJurorScore(dev, pkg, first.id, { comment: 'правка' })).rejects.toThrow(/завершён/);
    const file = await buildJurorScoreFile(dev, pkg);

    // a flipped byte: refused with the reason, nothing written
    const bad = new Uint8Array(file);
    const mid = Math.floor(bad.length / 2);
    bad[mid] = bad[mid]! ^ 0x01;
    const before = { scores: await org.db.scores.count(), changes: await org.db.changes.count() };
    const refused = await importScoreFile(org, contest.id, bad);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message.length).toBeGreaterThan(10);
    expect({ scores: await org.db.scores.count(), changes: await org.db.changes.count() }).toEqual(before);

    const imported = await importScoreFile(org, contest.id, file);
    expect(imported).toMatchObject({ ok: true, jurorId: juror.id, added: 1, replaced: 0 });
    const stored = await org.db.scores.get(`${juror.id}|${first.id}`);
    expect(stored).toMatchObject({ status: 'final', comment: 'Проект актуален, бюджет обоснован.' });
    const after = { scores: await org.db.scores.count(), changes: await org.db.changes.count(), settings: await org.db.settings.toArray() };
    const again = await importScoreFile(org, contest.id, file);
    expect(again).toMatchObject({ ok: true, added: 0, replaced: 0, unchanged: 1 });
    expect({ scores: await org.db.scores.count(), changes: await org.db.changes.count(), settings: await org.db.settings.toArray() }).toEqual(after);

    // the other juror's invitation cannot vouch for this device's key
    const other = await ensureInvite(org, jurors[1]!.id);
    const forged = { ...pkg, juror: { id: jurors[1]!.id, name: 'x' }, invitationSecret: invite.invitationSecret };
    await openJurorPackage(dev, serializeJurorPackage(forged));
    await saveJurorScore(dev, forged, first.id, { comment: 'подделка' });
    expect(other.invitationSecret).not.toBe(invite.invitationSecret);
    const wrongKey = await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, forged));
    expect(wrongKey.ok).toBe(false);

    await leaveJurorMode(dev);
    expect(await loadJurorPackage(dev)).toBeUndefined();
    expect(await dev.db.scores.count()).toBeGreaterThan(0); // leaving juror mode keeps the sheets
  });
});

describe('attachments in juror packages', () => {
  it('the juror gets the files of exactly their applications, checked, viewable, and gone when juror mode ends', async () => {
    const org = await db();
    const { apps, packageFor, jurors } = await scoring(org);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const pdf = new TextEncoder().encode('%PDF-1.4 смета проекта');
    for (const a of apps) await addAttachment(org, a.id, { name: `смета ${a.title}.pdf`, bytes: pdf });
    await addAttachment(org, apps[0]!.id, { name: 'площадка.png', bytes: png });
    // two jurors, two reviews each: take one application away from the first juror, so there is something to leave out
    await removeAssignment(org, `${jurors[0]!.id}|${apps[2]!.id}`);
    const { pkg, bytes } = await packageFor(0);
    const mine = new Set(pkg.applications.map((a) => a.id));
    const all = await org.db.applications.where('contestId').equals(apps[0]!.contestId).toArray();
    const expected = all.filter((a) => mine.has(a.id)).flatMap((a) => a.attachments.map((f) => f.id));
    expect(packageAttachments(pkg).map((f) => f.id).sort()).toEqual(expected.sort());
    const notMine = all.filter((a) => !mine.has(a.id)).flatMap((a) => a.attachments);
    expect(notMine).toHaveLength(1);
    const text = new TextDecoder().decode(bytes);
    for (const f of notMine) expect(text).not.toContain(f.id);

    // the juror's device: same ids as on an organizer's laptop must not clash, so it keeps them apart
    const dev = await db();
    await dev.db.attachments.put({ id: expected[0]!, applicationId: 'organizer-own', name: 'своё.pdf', mime: 'application/pdf', size: 1, sha256: '0'.repeat(64), bytes: new Uint8Array([7]) });
    expect(await openJurorPackage(dev, bytes)).toMatchObject({ ok: true });
    expect(await jurorAttachmentIds(dev)).toEqual(new Set(expected));
    if (mine.has(apps[0]!.id)) {
      const pngRef = pkg.applications.find((a) => a.id === apps[0]!.id)!.attachments.find((f) => f.name === 'площадка.png')!;
      expect((await loadJurorAttachment(dev, pngRef.id))!.bytes).toEqual(png);
    }
    for (const id of expected) expect((await loadJurorAttachment(dev, id))!.bytes.byteLength).toBeGreaterThan(0);

    // a changed byte inside a file: refused, nothing of it stored
    const bad = new Uint8Array(bytes);
    bad[bad.length - 3] = bad[bad.length - 3]! ^ 0x20;
    const other = await db();
    expect(await openJurorPackage(other, bad)).toMatchObject({ ok: false, message: expect.stringContaining('повреждён') });
    expect(await other.db.attachments.count()).toBe(0);
    expect(await loadJurorPackage(other)).toBeUndefined();

    await leaveJurorMode(dev);
    expect(await jurorAttachmentIds(dev)).toEqual(new Set());
    expect(await dev.db.attachments.get(expected[0]!)).toMatchObject({ name: 'своё.pdf' }); // the laptop's own row stays
  });

  it('refuses to pack a file whose bytes are not on this device, naming it', async () => {
    const org = await db();
    const { apps, packageFor } = await scoring(org);
    for (const a of apps) await addAttachment(org, a.id, { name: 'презентация.pdf', bytes: new TextEncoder().encode('%PDF') });
    await org.db.attachments.clear(); // as after a sync from another organizer laptop: refs without bytes
    await expect(packageFor(0)).rejects.toThrow(/нет файлов «презентация\.pdf»/);
  });
});

describe('reopening a finalized sheet', () => {
  it('the organizer returns a sheet with a logged reason; the juror reopens it from the next package; the reason comes back in the file and on the board', async () => {
    const org = await db();
    const { contest, packageFor, jurors } = await scoring(org);
    const first = await packageFor(0);
    const dev = await db();
    await openJurorPackage(dev, first.bytes);
    const appId = first.pkg.applications[0]!.id;
    await scoreAndFinalize(dev, first.pkg, appId, 6);
    expect(await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, first.pkg))).toMatchObject({ ok: true, added: 1 });

    // refused: no reason, a sheet that is not final here
    await expect(reopenSheet(org, contest.id, jurors[0]!.id, appId, '  ', 'организатор')).rejects.toThrow(/Напишите, почему/);
    const otherApp = first.pkg.applications[1]!.id;
    await expect(reopenSheet(org, contest.id, jurors[0]!.id, otherApp, 'причина', 'организатор')).rejects.toThrow(/только завершённый/);

    const changes = await org.db.changes.count();
    const grant = await reopenSheet(org, contest.id, jurors[0]!.id, appId, 'Не оценён бюджет проекта', 'организатор (Ноутбук 1)');
    expect(await org.db.changes.count()).toBe(changes + 1); // logged like every write
    expect((await org.db.assignments.get(`${jurors[0]!.id}|${appId}`))!.reopens).toEqual([grant]);
    await expect(reopenSheet(org, contest.id, jurors[0]!.id, appId, 'ещё раз', 'организатор')).rejects.toThrow(/уже возвращён/);
    // «Распределить заявки» again keeps the logged grant
    const rows = await org.db.assignments.where('contestId').equals(contest.id).toArray();
    await storeAssignments(org, contest.id, rows.map(({ jurorId, applicationId }) => ({ jurorId, applicationId })));
    expect((await org.db.assignments.get(`${jurors[0]!.id}|${appId}`))!.reopens).toEqual([grant]);

    // the juror's device: the old package changes nothing, the new one reopens the sheet once
    expect(await openJurorPackage(dev, first.bytes)).toMatchObject({ ok: true, reopened: 0 });
    const second = await packageFor(0);
    expect(second.pkg.reopens).toEqual([{ applicationId: appId, ...grant }]);
    expect(await openJurorPackage(dev, second.bytes)).toMatchObject({ ok: true, reopened: 1 });
    expect(await openJurorPackage(dev, second.bytes)).toMatchObject({ ok: true, reopened: 0 });
    const reopened = (await dev.db.scores.get(`${jurors[0]!.id}|${appId}`))!;
    expect(reopened).toMatchObject({ status: 'draft', reopened: [grant] });

    // the draft comes back first: it replaces the final sheet, the board sees why
    expect(await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, second.pkg))).toMatchObject({ ok: true, replaced: 1, refused: [] });
    expect(await org.db.scores.get(`${jurors[0]!.id}|${appId}`)).toMatchObject({ status: 'draft', reopened: [grant] });
    const refinal = await scoreAndFinalize(dev, second.pkg, appId, 9);
    expect(refinal).toMatchObject({ status: 'final', reopened: [grant] });
    const file = await buildJurorScoreFile(dev, second.pkg);
    expect(new TextDecoder().decode(file)).toContain('Не оценён бюджет проекта');
    expect(await importScoreFile(org, contest.id, file)).toMatchObject({ ok: true, replaced: 1, refused: [] });
    expect(await org.db.scores.get(`${jurors[0]!.id}|${appId}`)).toMatchObject({ status: 'final', version: refinal.version, reopened: [grant] });
    // and a new return is possible once the previous one has been answered
    await expect(reopenSheet(org, contest.id, jurors[0]!.id, appId, 'Вторая причина', 'организатор')).resolves.toMatchObject({ reason: 'Вторая причина' });
  });

  it('refuses a sheet the juror’s device reopened on its own (no grant of the organizer’s)', async () => {
    const org = await db();
    const { contest, packageFor, jurors } = await scoring(org);
    const { pkg, bytes } = await packageFor(0);
    const dev = await db();
    await openJurorPackage(dev, bytes);
    const appId = pkg.applications[0]!.id;
    const final = await scoreAndFinalize(dev, pkg, appId, 5);
    await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, pkg));
    // a juror who edits the package file to add a return for themselves
    const forged: JurorPackage = { ...pkg, createdAt: new Date().toISOString(), reopens: [{ applicationId: appId, id: 'self-made', reason: 'сам себе', by: 'эксперт', at: new Date().toISOString() }] };
    await openJurorPackage(dev, serializeJurorPackage(forged));
    await scoreAndFinalize(dev, forged, appId, 10);
    const r = await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, forged));
    expect(r).toMatchObject({ ok: true, added: 0, replaced: 0 });
    if (r.ok) expect(r.refused.join(' ')).toMatch(/без решения организатора/);
    expect(await org.db.scores.get(`${jurors[0]!.id}|${appId}`)).toMatchObject({ version: final.version, status: 'final' });
  });
});

describe('score files of another contest', () => {
  it('are refused by name and change nothing', async () => {
    const org = await db();
    const { contest, packageFor } = await scoring(org);
    const { pkg, bytes } = await packageFor(0);
    const dev = await db();
    await openJurorPackage(dev, bytes);
    await scoreAndFinalize(dev, pkg, pkg.applications[0]!.id, 7);
    // the same juror id and secret, but the file names a contest this organizer does not run
    const foreign: JurorPackage = { ...pkg, contest: { ...pkg.contest, id: 'другой-конкурс' } };
    await openJurorPackage(dev, serializeJurorPackage(foreign));
    await saveJurorScore(dev, foreign, pkg.applications[1]!.id, { comment: 'x' });
    const before = await org.db.changes.count();
    const r = await importScoreFile(org, contest.id, await buildJurorScoreFile(dev, foreign));
    expect(r).toEqual({ ok: false, message: 'Файл оценок относится к другому конкурсу.' });
    expect(await org.db.changes.count()).toBe(before);
  });
});

describe('application import', () => {
  it('maps columns by their headers and names every bad row', async () => {
    const ctx = await db();
    const { nominations } = await contestOnDemo(ctx);
    const municipalities = await ctx.db.municipalities.toArray();
    const rows = [
      ['Заявки на конкурс'],
      ['№', 'Название проекта', 'Краткое описание проекта', 'Муниципальный район', 'Организация-заявитель', 'Запрашиваемая сумма, руб.'],
      ['1', 'Школа активиста', 'Обучение', 'Учалинский район', 'АНО «Развитие»', '150 000'],
      ['2', '', 'Без названия', 'Учалинский район', '', '10'],
      ['3', 'Музей', '', 'Нет такого района', '', 'сто тысяч'],
      ['', '', '', '', '', ''],
    ];
    const headerRow = findHeaderRow(rows);
    expect(headerRow).toBe(1);
    const mapping = guessMapping(rows[headerRow]!);
    expect(mapping).toMatchObject({ title: 1, summary: 2, municipality: 3, organization: 4, amount: 5, nomination: -1 });
    const out = buildImportRows(rows, headerRow, mapping, { nominations, municipalities, submittedAt: '2020-01-01T00:00:00.000Z' });
    expect(out).toHaveLength(3);
    expect(out[0]!.input).toMatchObject({ title: 'Школа активиста', requestedAmount: 150000, organizationName: 'АНО «Развитие»', nominationId: nominations[0]!.id });
    expect(out[0]!.input!.municipalityId).toBeDefined();
    expect(out[1]!.errors).toEqual(['Строка 4: нет названия проекта.']);
    expect(out[2]!.errors.join(' ')).toMatch(/Строка 5: муниципалитет «Нет такого района» не найден.*Строка 5: сумма «сто тысяч»/);
  });
});

