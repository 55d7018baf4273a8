import demoSpec from '../../../resources/demo-event.json';
import { buildDemoContest } from '../../../shared/demo/demo-contest';
import { buildDemoBundle, type DemoSpec } from '../../../shared/demo/build-demo';
import type { DbContext } from '../../db/context';
import { saveDemoContest, saveEventBundle } from '../../db/repo/events';
import { listMunicipalities } from '../../db/repo/reference';

export type DemoOptions = {
  /** Also the contest that followed, closed, with its winners' year of projects (issue 25). */
  followUp?: boolean;
};

/** Creates the Ufa 2019 demo event on this device (with its contest and projects' year, when asked) and returns its id. */
export async function openDemoEvent(ctx: DbContext, participants?: number, options: DemoOptions = {}): Promise<string> {
  const municipalities = await listMunicipalities(ctx);
  const newId = () => crypto.randomUUID();
  const bundle = buildDemoBundle({
    spec: demoSpec as DemoSpec,
    municipalities,
    newId,
    now: new Date(),
    participants,
  });
  // every id of the bundle's people, registrations, organizations and delegations was minted just now
  const id = await saveEventBundle(ctx, bundle, { newIds: true });
  if (options.followUp) await saveDemoContest(ctx, buildDemoContest(bundle, newId));
  return id;
}
