/**
 * Test hooks for the end-to-end specs, compiled in only when the build is made with
 * VITE_E2E_HOOKS=1 (playwright.config.ts sets it for its own build; the shipped app has none). They
 * give a spec the repository functions of screens not yet built or too slow to drive for a case about
 * something else — e.g. marking winners of a closed contest before a team's report is tested. Each is
 * the very function the app's screens call, on the app's own database.
 */
import { closeScoring } from './db/repo/contest-scoring';
import { createContestFromTemplate, importApplications, openScoring } from './db/repo/contest';
import { exportReportPackage, importReportFile } from './db/repo/project-reports';
import { acceptReport, markWinners, updatePlan } from './db/repo/projects';
import type { DbContext } from './db/context';

export const e2eRepo = { createContestFromTemplate, importApplications, openScoring, closeScoring, markWinners, updatePlan, exportReportPackage, importReportFile, acceptReport };

/** What a spec finds on `window.__skhodE2E`: the app's database context and the repository functions. */
export type E2eHooks = { ctx: DbContext; repo: typeof e2eRepo };

export function installE2eHooks(ctx: DbContext): void {
  (window as unknown as { __skhodE2E?: E2eHooks }).__skhodE2E = { ctx, repo: e2eRepo };
}
