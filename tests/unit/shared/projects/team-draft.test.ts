/**
 * The team's draft (shared/projects/team-draft.ts): it starts from what the organizer accepted, the
 * figures are read exactly as typed (never silently corrected), a final report must state every
 * indicator while an interim one may leave some «не указано», and the photos' budget and shrink size.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, MAX_REPORT_TEXT } from '../../../../shared/projects/report-file';
import type { ReportPackage } from '../../../../shared/projects/report-package';
import { checkDraft, defaultKind, draftFor, keepsAsIs, newDraft, parseFigure, photoBudget, shrinkSize, type TeamDraft } from '../../../../shared/projects/team-draft';

function pkg(over: Partial<ReportPackage> = {}): ReportPackage {
  return {
    format: 'skhod-report-package',
    version: 1,
    createdAt: '2020-06-01T10:00:00.000Z',
    eventId: 'e',
    project: {
      id: 'p1',
      title: 'Двор нашей мечты',
      municipalityName: 'г. Стерлитамак',
      communityType: 'tos',
      grantAmount: 150_000,
      planned: { peopleInvolved: 200, eventsHeld: 8, volunteers: 25, moneyRaised: 30_000 },
      plannedCommunity: { founded: true, name: 'ТОС «Солнечный»' },
      milestones: [
        { id: 'm1', title: 'Учредительное собрание', due: '2020-04-15' },
        { id: 'm2', title: 'Праздник двора', due: '2020-08-20' },
      ],
      interimReportDue: '2020-06-30',
      finalReportDue: '2020-10-31',
    },
    team: ['Гарипова Алсу Рамилевна', 'Иванов Пётр Сергеевич'],
    round: 1,
    invitationSecret: 'abcdefghijklmnopqrstuv',
    publicKey: 'key',
    returns: [],
    ...over,
  };
}

const filled = (over: Partial<TeamDraft> = {}): TeamDraft => ({
  ...newDraft(pkg()),
  reached: { peopleInvolved: '120', eventsHeld: '4', volunteers: '', moneyRaised: '12 500,50' },
  communityFounded: true,
  communityName: 'ТОС «Солнечный»',
  text: 'Провели учредительное собрание и первый субботник.',
  milestones: { m1: { state: 'done', doneOn: '2020-04-12' }, m2: { state: 'not-started', doneOn: '' } },
  ...over,
});

describe('the team’s draft', () => {
  it('starts empty on the first round, interim, with the planned community’s name offered', () => {
    const d = newDraft(pkg());
    expect(d).toMatchObject({ projectId: 'p1', round: 1, kind: 'interim', communityFounded: false, communityName: 'ТОС «Солнечный»', text: '', photoIds: [] });
    expect(Object.values(d.reached)).toEqual(['', '', '', '']);
    expect(d.milestones).toEqual({ m1: { state: 'not-started', doneOn: '' }, m2: { state: 'not-started', doneOn: '' } });
  });

  it('continues from the accepted round: its figures, community and milestones; the next kind is final', () => {
    const accepted = { round: 1, kind: 'interim' as const, reached: { peopleInvolved: 90, eventsHeld: 3 }, community: { founded: true, name: 'ТОС «Солнечный-2»' }, milestones: [{ milestoneId: 'm1', state: 'done' as const, doneOn: '2020-04-12' }] };
    const d = newDraft(pkg({ round: 2, accepted }));
    expect(d.kind).toBe('final');
    expect(d.reached).toEqual({ peopleInvolved: '90', eventsHeld: '3', volunteers: '', moneyRaised: '' });
    expect(d).toMatchObject({ round: 2, communityFounded: true, communityName: 'ТОС «Солнечный-2»' });
    expect(d.milestones.m1).toEqual({ state: 'done', doneOn: '2020-04-12' });
  });

  it('answers a returned round with its kind', () => {
    expect(defaultKind(pkg({ round: 2, returns: [{ round: 1, kind: 'interim', reason: 'Нет фотографий' }] }))).toBe('interim');
    const accepted = { round: 1, kind: 'interim' as const, reached: {}, community: { founded: false }, milestones: [] };
    expect(defaultKind(pkg({ round: 3, accepted, returns: [{ round: 2, kind: 'final', reason: 'Не указаны средства' }] }))).toBe('final');
  });

  it('keeps the draft of the same round and starts a new one for a newer package', () => {
    const kept = filled();
    expect(draftFor(pkg(), kept)).toEqual(kept);
    expect(draftFor(pkg({ round: 2 }), kept).text).toBe('');
    expect(draftFor(pkg(), undefined)).toEqual(newDraft(pkg()));
    // a milestone added to the plan since
    const withNew = pkg();
    withNew.project.milestones.push({ id: 'm3', title: 'Отчёт жителям', due: '2020-10-01' });
    expect(draftFor(withNew, kept).milestones.m3).toEqual({ state: 'not-started', doneOn: '' });
  });
});

describe('figures as typed', () => {
  it('reads thousands with spaces and money with kopecks; refuses the rest instead of correcting it', () => {
    expect(parseFigure('1 200', 'peopleInvolved')).toBe(1200);
    expect(parseFigure('1\u00a0200', 'peopleInvolved')).toBe(1200);
    expect(parseFigure('', 'peopleInvolved')).toBeUndefined();
    expect(parseFigure('   ', 'volunteers')).toBeUndefined();
    expect(parseFigure('12 500,50', 'moneyRaised')).toBe(12500.5);
    expect(parseFigure('12500.5', 'moneyRaised')).toBe(12500.5);
    for (const bad of ['12,5', '-3', 'двадцать', '1e3', '0x10']) expect(parseFigure(bad, 'eventsHeld')).toBeNaN();
    expect(parseFigure('1,234', 'moneyRaised')).toBeNaN();
  });
});

describe('checking the draft', () => {
  it('turns a good interim draft into the report’s content; an empty figure is left out, not zero', () => {
    const c = checkDraft(filled(), [{ id: 'ph', name: 'subbotnik.jpg', size: 400_000 }], '2020-06-20');
    expect(c).toEqual({
      ok: true,
      content: {
        kind: 'interim',
        reached: { peopleInvolved: 120, eventsHeld: 4, moneyRaised: 12500.5 },
        community: { founded: true, name: 'ТОС «Солнечный»' },
        text: 'Провели учредительное собрание и первый субботник.',
        milestones: [
          { milestoneId: 'm1', state: 'done', doneOn: '2020-04-12' },
          { milestoneId: 'm2', state: 'not-started' },
        ],
      },
    });
  });

  it('names each problem at its field', () => {
    const c = checkDraft(
      filled({
        kind: 'final',
        reached: { peopleInvolved: '12,5', eventsHeld: '4', volunteers: '', moneyRaised: '0' },
        communityName: '  ',
        text: ' ',
        milestones: { m1: { state: 'done', doneOn: '' }, m2: { state: 'done', doneOn: '2020-09-01' } },
      }),
      [],
      '2020-06-20',
    );
    expect(c.ok).toBe(false);
    expect(!c.ok && c.problems).toEqual([
      { field: 'reached.peopleInvolved', problem: 'not-a-number' },
      { field: 'reached.volunteers', problem: 'required-in-final' },
      { field: 'communityName', problem: 'required' },
      { field: 'text', problem: 'required' },
      { field: 'milestone.m1', problem: 'date-required' },
      { field: 'milestone.m2', problem: 'date-in-future' },
    ]);
  });

  it('refuses a text over the limit and photos past the budget', () => {
    const many = Array.from({ length: MAX_PHOTOS + 1 }, (_, i) => ({ id: `p${i}`, name: `${i}.jpg`, size: 1000 }));
    const c = checkDraft(filled({ text: 'а'.repeat(MAX_REPORT_TEXT + 1) }), many, '2020-06-20');
    expect(!c.ok && c.problems.map((p) => `${p.field}:${p.problem}`)).toEqual(['text:too-long', 'photos:too-many']);
    const big = checkDraft(filled(), [{ id: 'x', name: 'x.png', size: MAX_PHOTO_BYTES + 1 }], '2020-06-20');
    expect(!big.ok && big.problems).toEqual([{ field: 'photos', problem: 'too-large' }]);
  });

  it('a founded community unticked sends no name', () => {
    const c = checkDraft(filled({ communityFounded: false, communityName: 'ТОС «Солнечный»' }), [], '2020-06-20');
    expect(c.ok && c.content.community).toEqual({ founded: false });
  });
});

describe('photos', () => {
  it('counts the budget left', () => {
    expect(photoBudget([{ id: 'a', name: 'a.jpg', size: 300_000 }, { id: 'b', name: 'b.jpg', size: 200_000 }])).toEqual({ count: 2, bytes: 500_000, photosLeft: MAX_PHOTOS - 2, maxPhotos: MAX_PHOTOS, maxPhotoBytes: MAX_PHOTO_BYTES });
    expect(photoBudget(Array.from({ length: MAX_PHOTOS + 2 }, (_, i) => ({ id: `${i}`, name: 'x', size: 1 }))).photosLeft).toBe(0);
  });

  it('shrinks the long side to 1600 keeping the proportions, never enlarges', () => {
    expect(shrinkSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(shrinkSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(shrinkSize(800, 600)).toEqual({ width: 800, height: 600 });
    expect(shrinkSize(10000, 3)).toEqual({ width: 1600, height: 1 });
  });

  it('keeps a small photo of a common type byte for byte, redraws the rest', () => {
    expect(keepsAsIs('image/jpeg', 500_000, 1600, 1200)).toBe(true);
    expect(keepsAsIs('image/jpeg', 2_000_000, 1600, 1200)).toBe(false);
    expect(keepsAsIs('image/png', 500_000, 2400, 1600)).toBe(false);
    expect(keepsAsIs('image/heic', 500_000, 1600, 1200)).toBe(false);
  });
});
