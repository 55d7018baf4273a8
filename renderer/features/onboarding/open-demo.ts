import demoSpec from '../../../resources/demo-event.json';
import { buildDemoBundle, type DemoSpec } from '../../../shared/demo/build-demo';
import type { DbContext } from '../../db/context';
import { saveEventBundle } from '../../db/repo/events';
import { listMunicipalities } from '../../db/repo/reference';

/** Creates the Ufa 2019 demo event on this device and returns its id. */
export async function openDemoEvent(ctx: DbContext, participants?: number): Promise<string> {
  const municipalities = await listMunicipalities(ctx);
  const bundle = buildDemoBundle({
    spec: demoSpec as DemoSpec,
    municipalities,
    newId: () => crypto.randomUUID(),
    now: new Date(),
    participants,
  });
  // every id of the bundle's people, registrations, organizations and delegations was minted just now
  return saveEventBundle(ctx, bundle, { newIds: true });
}
