import { app } from 'electron';
import type { AppInfo } from '../../shared/ipc/contract';
import { said } from '../../shared/text/said';
import { say } from '../language';

/** Name, version and runtime versions for the About box and bug reports. */
export async function appInfo(): Promise<AppInfo> {
  return {
    name: say(said('appMenu:appName')),
    version: app.getVersion(),
    shell: 'electron',
    platform: process.platform,
    versions: {
      electron: process.versions['electron'] ?? '',
      chrome: process.versions['chrome'] ?? '',
      node: process.versions.node,
    },
  };
}
