import type { EventRow } from '../../../shared/domain/types';
import type { EventBundle } from '../../../shared/domain/bundle';
import type { DemoContest } from '../../../shared/demo/demo-contest';
import type { DbContext } from '../context';
import { putTracked } from '../change-log';

/**
 * Stores a whole event in one transaction: either all of it is there afterwards, or none of it.
 * @returns the event id
 */
export async function saveEventBundle(ctx: DbContext, bundle: EventBundle): Promise<string> {
  const { db } = ctx;
  await db.transaction(
    'rw',
    [db.events, db.programItems, db.sections, db.municipalities, db.organizations, db.people, db.registrations, db.delegations, db.changes],
    async () => {
      await putTracked(ctx, 'municipalities', bundle.municipalities);
      await putTracked(ctx, 'events', [bundle.event]);
      await putTracked(ctx, 'programItems', bundle.programItems);
      await putTracked(ctx, 'sections', bundle.sections);
      await putTracked(ctx, 'organizations', bundle.organizations);
      await putTracked(ctx, 'people', bundle.people);
      await putTracked(ctx, 'registrations', bundle.registrations);
      await putTracked(ctx, 'delegations', bundle.delegations);
    },
  );
  return bundle.event.id;
}

export type NewEventInput = Pick<EventRow, 'title' | 'startDate' | 'endDate' | 'city'> &
  Partial<Pick<EventRow, 'venue' | 'organizer' | 'goal' | 'shortTitle'>>;

export function validateNewEvent(input: NewEventInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title.trim()) errors.title = 'Укажите название мероприятия';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startDate)) errors.startDate = 'Укажите дату начала';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.endDate)) errors.endDate = 'Укажите дату окончания';
  else if (input.endDate < input.startDate) errors.endDate = 'Окончание раньше начала';
  if (!input.city.trim()) errors.city = 'Укажите город';
  return errors;
}

export async function createEvent(ctx: DbContext, input: NewEventInput, now: Date = new Date()): Promise<EventRow> {
  const errors = validateNewEvent(input);
  const first = Object.values(errors)[0];
  if (first) throw new Error(first);
  const event: EventRow = {
    ...input,
    title: input.title.trim(),
    city: input.city.trim(),
    id: crypto.randomUUID(),
    createdAt: now.toISOString(),
  };
  await ctx.db.transaction('rw', ctx.db.events, ctx.db.changes, () => putTracked(ctx, 'events', [event]));
  return event;
}

/**
 * Stores the demo's closed contest and its projects' year (shared/demo/demo-contest.ts) in one
 * transaction, beside the demo event saveEventBundle stored.
 */
export async function saveDemoContest(ctx: DbContext, demo: DemoContest): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', [db.contests, db.nominations, db.applications, db.jurors, db.assignments, db.scores, db.projects, db.projectReports, db.changes], async () => {
    await putTracked(ctx, 'contests', [demo.contest]);
    await putTracked(ctx, 'nominations', demo.nominations);
    await putTracked(ctx, 'applications', demo.applications);
    await putTracked(ctx, 'jurors', demo.jurors);
    await putTracked(ctx, 'assignments', demo.assignments);
    await putTracked(ctx, 'scores', demo.scores);
    await putTracked(ctx, 'projects', demo.projects);
    await putTracked(ctx, 'projectReports', demo.reports);
  });
}
