import { describe, expect, it } from 'vitest';
import { formOf, parseWhole, patchOf, planErrors } from '../../../../../renderer/features/projects/plan-form';
import type { Project } from '../../../../../shared/projects/types';

const WRONG = 'Введите целое неотрицательное число.';

const project: Project = {
  id: 'p1',
  eventId: 'e1',
  contestId: 'c1',
  applicationId: 'a1',
  title: 'Школа сельского активиста',
  municipalityId: 'ref:Учалинский район',
  communityType: 'youth',
  teamRegistrationIds: ['r1', 'r2'],
  grantAmount: 150_000,
  planned: { peopleInvolved: 120, eventsHeld: 6, volunteers: 15, moneyRaised: 30_000 },
  plannedCommunity: { founded: true, name: 'Клуб «Сельский актив»' },
  milestones: [{ id: 'm1', title: 'Выездная школа актива', due: '2020-04-15' }],
  interimReportDue: '2020-06-30',
  finalReportDue: '2020-11-13',
  lifecycle: 'running',
  createdAt: '2020-01-10T10:00:00.000Z',
};

describe('the plan editor form', () => {
  it('reads whole numbers as typed: grouping spaces allowed, anything else an error, empty is empty', () => {
    expect(parseWhole('150 000')).toBe(150_000);
    expect(parseWhole('150\u00a0000')).toBe(150_000);
    expect(parseWhole('  ')).toBeUndefined();
    expect(parseWhole('7,5')).toBeNaN();
    expect(parseWhole('-3')).toBeNaN();
    expect(parseWhole('пятнадцать')).toBeNaN();
  });

  it('round-trips a project into the patch updatePlan takes', () => {
    const patch = patchOf(formOf(project));
    expect(patch).toEqual({
      planned: project.planned,
      plannedCommunity: project.plannedCommunity,
      milestones: project.milestones,
      communityType: 'youth',
      finalReportDue: '2020-11-13',
      interimReportDue: '2020-06-30',
      teamRegistrationIds: ['r1', 'r2'],
      municipalityId: 'ref:Учалинский район',
      grantAmount: 150_000,
    });
    expect(planErrors(formOf(project), WRONG)).toEqual({ planned: {}, milestones: {} });
  });

  it('puts each problem beside its field, in the repository’s own words', () => {
    const form = formOf(project);
    form.planned.volunteers = 'пятнадцать';
    form.grant = '150 тыс.';
    form.communityName = ' ';
    form.milestones = [...form.milestones, { key: 'new-1', title: '', due: '' }];
    form.municipalityId = '';
    const e = planErrors(form, WRONG);
    expect(e.planned).toEqual({ volunteers: WRONG });
    expect(e.grant).toBe(WRONG);
    expect(e.communityName).toBe('Напишите, как будет называться сообщество.');
    expect(e.milestones).toEqual({ 'new-1': { title: 'У каждого этапа должно быть название.', due: 'Этап «—»: укажите срок датой.' } });
    expect(e.milestones.m1).toBeUndefined();
    // a cleared municipality is saved as «none», not left as it was
    expect(patchOf(form).municipalityId).toBeNull();
  });
});
