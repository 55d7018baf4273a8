import { afterEach, describe, expect, it } from 'vitest';
import { assignJury, buildJurorPackage, serializeJurorPackage } from '../../../../shared/contest';
import type { DbContext } from '../../../../renderer/db/context';
import {
  addAttachment,
  createContestFromTemplate,
  ensureInvite,
  importApplications,
  importScoreFile,
  MAX_ATTACHMENT_BYTES,
  openScoring,
  saveApplication,
  saveContestSetup,
  saveJuror,
  storeAssignments,
} from '../../../../renderer/db/repo/contest';
import { buildJurorScoreFile, finalizeJurorScore, leaveJurorMode, loadJurorPackage, openJurorPackage, saveJurorScore } from '../../../../renderer/db/repo/juror';
import { buildImportRows, findHeaderRow, guessMapping } from '../../../../renderer/features/contest/application-import';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';

const open: DbContext[] = [];
afterEach(() => {
  while (open.length) open.pop()!.db.close();
});
async function db() {
  const ctx = await freshDb();
  open.push(ctx);
  return ctx;
}

async function contestOnDemo(ctx: DbContext) {
  const eventId = await openDemoEvent(ctx);
  const contest = await createContestFromTemplate(ctx, eventId);
  const nominations = await ctx.db.nominations.where('contestId').equals(contest.id).toArray();
  return { eventId, contest, nominations };
}

/** Three admitted applications and two jurors from the demo's people, in different municipalities from the applications. */
async function populated(ctx: DbContext) {
  const setup = await contestOnDemo(ctx);
  const nominationId = setup.nominations[0]!.id;
  const regs = await ctx.db.registrations.where('eventId').equals(setup.eventId).toArray();
  const people = await ctx.db.people.bulkGet(regs.map((r) => r.personId));
  const jurorPeople = people.slice(0, 2).map((p) => p!);
  const used = new Set(jurorPeople.map((p) => p.municipalityId));
  const otherMuni = (await ctx.db.municipalities.toArray()).find((m) => !used.has(m.id))!.id;
  const submittedAt = '2020-01-20T10:00:00.000Z';
  await importApplications(
    ctx,
    setup.contest.id,
    ['Школа сельского активиста', 'Чистый берег Агидели', 'Музей под открытым небом'].map((title) => ({
      title,
      summary: `${title}: краткое описание`,
      nominationId,
      municipalityId: otherMuni,
      applicantPersonIds: [],
      submittedAt,
      status: 'admitted' as const,
      organizationName: `АНО «${title}»`,
    })),
  );
  const jurors = [];
  for (const p of jurorPeople) jurors.push(await saveJuror(ctx, setup.contest.id, p.id, [nominationId]));
  return { ...setup, jurors, jurorPeople };
}

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

