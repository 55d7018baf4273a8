import type { EventRow } from '../../../shared/domain/types';
import type { EventBundle } from '../../../shared/domain/bundle';
import type { DemoContest } from '../../../shared/demo/demo-contest';
import type { DbContext } from '../context';
import { putTracked } from '../change-log';
import { openBatch, writeChunked, type BatchProgress } from '../batch';
import { dbText } from './fail';

export type SaveBundleOptions = {
  /**
   * The caller minted every id of the bundle's people, registrations, organizations and delegations
   * (the demo does): none is read before it is written.
   */
  newIds?: boolean;
  /** Rows per chunk (default 2,000). */
  chunkSize?: number;
  /** After each chunk (awaited); whatever it throws rolls everything back. */
  onProgress?: (p: BatchProgress) => unknown;
};

/**
 * Stores a whole event, all or nothing: its people, registrations, organizations and delegations as a
 * batch of chunked transactions (renderer/db/batch.ts — a 100,000-person event in one transaction would
 * slow every later opening of the database), the event itself, its programme, sections and municipalities
 * in the transaction that closes the batch, so it appears with all its people at once, or not at all.
 * @returns the event id
 */
export async function saveEventBundle(ctx: DbContext, bundle: EventBundle, opts: SaveBundleOptions = {}): Promise<string> {
  const { db } = ctx;
  const batch = await db.transaction('rw', db.importJournal, () => openBatch(db, bundle.event.id));
  await writeChunked(ctx, {
    batch,
    rows: [
      ...bundle.organizations.map((r) => ['organizations', r] as const),
      ...bundle.people.map((r) => ['people', r] as const),
      ...bundle.registrations.map((r) => ['registrations', r] as const),
      ...bundle.delegations.map((r) => ['delegations', r] as const),
    ],
    ...(opts.newIds ? { stored: () => undefined } : {}),
    ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    close: {
      tables: [db.events, db.programItems, db.sections, db.municipalities],
      write: async () => {
        await putTracked(ctx, 'municipalities', bundle.municipalities);
        await putTracked(ctx, 'events', [bundle.event]);
        await putTracked(ctx, 'programItems', bundle.programItems);
        await putTracked(ctx, 'sections', bundle.sections);
      },
    },
  });
  return bundle.event.id;
}

export type NewEventInput = Pick<EventRow, 'title' | 'startDate' | 'endDate' | 'city'> &
  Partial<Pick<EventRow, 'venue' | 'organizer' | 'goal' | 'shortTitle'>>;

export function validateNewEvent(input: NewEventInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title.trim()) errors.title = dbText('events.title');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startDate)) errors.startDate = dbText('events.startDate');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.endDate)) errors.endDate = dbText('events.endDate');
  else if (input.endDate < input.startDate) errors.endDate = dbText('events.endBeforeStart');
  if (!input.city.trim()) errors.city = dbText('events.city');
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
