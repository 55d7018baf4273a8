import { afterEach, describe, expect, it } from 'vitest';
import { listProjects, listReports, projectsOverview } from '../../../../renderer/db/repo/projects';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { closeDevices, device, send } from './helpers';

afterEach(closeDevices);

describe('projects reach district offices through the usual exchange files', () => {
  it("a district office receives the event's projects and reports and sees its municipality's as the organizer does", async () => {
    const org = await device('organizer', 'Организатор');
    const district = await device('district', 'Учалинский район');
    const eventId = await openDemoEvent(org, undefined, { followUp: true });
    const projects = await listProjects(org, eventId);
    expect(projects).toHaveLength(6);
    const { preview } = await send(org, district, eventId);
    expect(preview.refused).toEqual([]);

    const municipalityId = projects[0]!.municipalityId!;
    const mine = await listProjects(district, eventId, municipalityId);
    expect(mine.map((p) => p.id)).toEqual((await listProjects(org, eventId, municipalityId)).map((p) => p.id));
    expect(mine.length).toBeGreaterThan(0);
    for (const p of mine) expect(await listReports(district, p.id)).toEqual(await listReports(org, p.id));
    // the district report's figures: the same overview, missing reports still missing
    expect(await projectsOverview(district, eventId, '2020-11-30', municipalityId)).toEqual(await projectsOverview(org, eventId, '2020-11-30', municipalityId));
  });
});
