/**
 * The team's device in report mode (renderer/db/repo/team-drafts.ts): opening a package shows its
 * project, the draft and its photos survive closing the database (a restart), photos dropped from
 * the draft are deleted with it, and the report file written from the draft is the one the
 * organizer's import takes — with the photo bytes as chosen.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../renderer/db/open';
import { exportReportPackage, importReportFile } from '../../../../renderer/db/repo/project-reports';
import { addDraftPhoto, buildTeamReportFile, draftPhotos, leaveTeamMode, loadTeamDraft, openedTeamPackage, openReportPackageHere, saveTeamDraft, teamPackages } from '../../../../renderer/db/repo/team-drafts';
import { checkDraft, draftFor } from '../../../../shared/projects/team-draft';
import { db } from './contest-fixtures';
import { ITER, photo, winners } from './project-fixtures';

describe('the team’s report mode on its device', () => {
  it('opens a package, keeps the draft and photos across a restart, and writes the file the organizer takes', async () => {
    const org = await db();
    const team = await db();
    const { eventId, projects } = await winners(org);
    const p = projects[1]!;
    const exported = await exportReportPackage(org, p.id, '2020-06-10T09:00:00.000Z', ITER);

    expect(await openedTeamPackage(team)).toBeNull();
    const wrong = await openReportPackageHere(team, exported.bytes, 'AAAA-BBBB-CCCC-DDDD');
    expect(wrong).toMatchObject({ ok: false, code: 'wrong-code' });
    expect(await openedTeamPackage(team)).toBeNull();
    const opened = await openReportPackageHere(team, exported.bytes, exported.code);
    expect(opened.ok).toBe(true);
    const pkg = (await openedTeamPackage(team))!;
    expect(pkg.project).toMatchObject({ id: p.id, title: p.title, planned: p.planned });

    // the team types, adds two photos, removes one
    let draft = draftFor(pkg, await loadTeamDraft(team, p.id));
    draft = { ...draft, reached: { ...draft.reached, peopleInvolved: '140', eventsHeld: '5' }, text: 'Собрали жителей трёх домов, выбрали совет.', milestones: { ...draft.milestones, [p.milestones[0]!.id]: { state: 'done', doneOn: '2020-04-14' } } };
    await saveTeamDraft(team, draft);
    draft = await addDraftPhoto(team, draft, photo(11, 50_000));
    draft = await addDraftPhoto(team, draft, photo(12, 30_000));
    draft = { ...draft, photoIds: draft.photoIds.filter((id) => id !== 'photo-12') };
    await saveTeamDraft(team, draft);
    expect(await team.db.reportPhotos.count()).toBe(1);

    // a restart: the same database opened again
    const name = team.db.name;
    team.db.close();
    const again = await openDatabase(name);
    try {
      const pkgAgain = (await openedTeamPackage(again))!;
      expect(pkgAgain.project.id).toBe(p.id);
      const kept = draftFor(pkgAgain, await loadTeamDraft(again, p.id));
      expect(kept).toEqual(draft);
      const photos = await draftPhotos(again, kept);
      expect(photos.map((x) => x.bytes)).toEqual([photo(11, 50_000).bytes]);

      const check = checkDraft(kept, photos, '2020-06-20');
      if (!check.ok) throw new Error(JSON.stringify(check.problems));
      const file = await buildTeamReportFile(again, kept, check.content, '2020-06-20T12:00:00.000Z');
      if (!file.ok) throw new Error(file.message);
      const imported = await importReportFile(org, eventId, file.bytes, p.id);
      expect(imported).toMatchObject({ ok: true, outcome: 'new', report: { round: 1, kind: 'interim', reached: { peopleInvolved: 140, eventsHeld: 5 }, photoIds: ['photo-11'] } });
      expect((await org.db.reportPhotos.get('photo-11'))!.bytes).toEqual(photo(11, 50_000).bytes);

      // leaving report mode keeps the package and the draft for next time
      await leaveTeamMode(again);
      expect(await openedTeamPackage(again)).toBeNull();
      expect((await teamPackages(again)).map((x) => x.project.id)).toEqual([p.id]);
      expect(await loadTeamDraft(again, p.id)).toEqual(draft);
    } finally {
      again.db.close();
    }
  });
});
