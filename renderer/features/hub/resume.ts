import type { BridgeResult, HubStatus } from '../../../shared/ipc/contract';
import { bridge } from '../../bridge/bridge';
import type { DbContext } from '../../db/context';
import { ensureDeskSync, ensureHubHost, stopDeskSync, stopHubHost } from './hub-loops';

export function unwrap<T>(r: BridgeResult<T>): T {
  if ('error' in r) throw new Error(r.error.message);
  return r.data;
}

/**
 * Starts whichever loop the main process's state calls for — after a reload of the window, after
 * the app restarts on a paired desk, or after the panel changed something — and stops the other.
 * The main process is the source of truth (is a hub running? is this desk paired?).
 */
export function resumeLoops(ctx: DbContext, status: HubStatus, eventId: string): void {
  if (status.host.running && status.host.event) {
    ensureHubHost({ ctx, eventId: status.host.event.id, bridge });
  } else stopHubHost();
  const link = status.link;
  if (link && link.event.id === eventId) {
    ensureDeskSync({ ctx, eventId, hubDeviceId: link.hub.deviceId, send: (bytes) => bridge.hubSync({ eventId, bytes: bytes as Uint8Array<ArrayBuffer> }).then(unwrap) });
  } else stopDeskSync();
}
