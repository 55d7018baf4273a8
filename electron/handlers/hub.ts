import { app } from 'electron';
import type { Handlers } from '../ipc';
import { HubService } from '../hub/service';

/**
 * IPC glue for the LAN hub (electron/hub/). The service is created on first use, with userData as its
 * folder; everything else — server, pairing, tokens, the desk's client — lives in electron/hub and is
 * tested there without Electron.
 */
let service: HubService | null = null;

function hub(): HubService {
  service ??= new HubService({ dataDir: app.getPath('userData') });
  return service;
}

type HubHandlers = Pick<Handlers, Extract<keyof Handlers, `hub${string}`>>;

/** The hub channels, bound to `get` (the app's service by default; tests pass their own). */
export function createHubHandlers(get: () => HubService = hub): HubHandlers {
  return {
    hubStatus: async () => get().status(),
    hubStart: async (args) => get().start(args),
    hubStop: async () => get().stop(),
    hubNewPin: async () => get().newPin(),
    hubUnpair: async ({ deviceId }) => get().unpair(deviceId),
    hubDecide: async (args) => get().decide(args),
    hubNextRequest: async ({ waitMs }) => get().nextRequest(waitMs),
    hubAnswer: async (args) => get().answer(args.id, 'bytes' in args ? { bytes: args.bytes } : { error: args.error, said: args.said }),
    hubPair: async (args) => get().pair(args),
    hubPairConfirm: async ({ pairingId }) => get().confirmPair(pairingId),
    hubSync: async (args) => get().sync(args),
    hubForget: async () => get().forget(),
  };
}

/** Stops the server when the app quits, so the port is free at once for the next start. */
export async function stopHubOnQuit(): Promise<void> {
  await service?.stop();
}
