/**
 * SECURITY: a packaged Сход refuses to start with a debugger switch. `--remote-debugging-port` (or
 * `--remote-debugging-pipe`) lets any local program drive the window — read every participant and
 * score out of the database, press buttons — and `--inspect*` opens the main process (Node) to a
 * debugger. An installed app has no use for either; a shortcut or a script that adds one is an attack.
 * The Electron fuses (scripts/fuses.cjs) already disable the Node inspector in the packed binary;
 * this check also covers the Chromium switches and tells the person why the app did not open.
 * Development runs (not packaged) keep them: that is how the app is debugged.
 */

import { said, type Said } from '../shared/text/said';

/** Switch names (without the leading dashes and any "=value") that a packaged app refuses. */
const FORBIDDEN = [/^remote-debugging-(port|pipe|address|targets)$/, /^inspect(-brk|-port|-publish-uid|-wait)?$/, /^debug(-brk)?$/, /^js-flags$/];

/** The debugger switches in `argv` (Chromium or Node style), as given; empty when none. */
export function debuggerSwitches(argv: readonly string[]): string[] {
  return argv.filter((arg) => {
    const m = /^--?([a-z][a-z0-9-]*)(=.*)?$/i.exec(arg);
    return m !== null && FORBIDDEN.some((re) => re.test(m[1]!.toLowerCase()));
  });
}

/** NODE_OPTIONS may carry --inspect too; only a packaged app refuses it. */
export function refusedAtStart(argv: readonly string[], env: NodeJS.ProcessEnv, isPackaged: boolean): string[] {
  if (!isPackaged) return [];
  return [...debuggerSwitches(argv), ...debuggerSwitches((env['NODE_OPTIONS'] ?? '').split(/\s+/))];
}

/** The refusal's title and text (appMenu:start), in Russian: the window, which knows the language, never opened. */
export const REFUSED_TITLE = said('appMenu:start.refusedTitle');

export function refusedMessage(switches: readonly string[]): Said {
  return said('appMenu:start.refused', { switches: [...new Set(switches.map((s) => s.split('=')[0]!))].join(', ') });
}
