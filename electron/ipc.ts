import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  channels,
  IPC_PREFIX,
  type BridgeErrorType,
  type BridgeResult,
  type ChannelKey,
  type ChannelResult,
} from '../shared/ipc/contract';
import { said, wordRu, type Said } from '../shared/text/said';
import { BridgeError } from './errors';
import { isAllowedUrl, type AllowedOrigins } from './origins';

/** What a handler receives: the argument after zod parsing (defaults applied, types narrowed). */
export type ParsedArgs<K extends ChannelKey> = z.output<(typeof channels)[K]['args']>;

/** One function per channel of the contract — the type makes a missing or extra handler a compile error. */
export type Handlers = {
  [K in ChannelKey]: (args: ParsedArgs<K>, event: IpcMainInvokeEvent) => Promise<ChannelResult<K>>;
};

type ContractEntry = { channel: string; args: z.ZodType };
export type Contract = Record<ChannelKey, ContractEntry>;

export type SenderPolicy = { allowedOrigins: AllowedOrigins };

/** The parts of an invoke event the sender check reads (structural, so tests can pass plain objects). */
export type SenderLike = {
  sender?: { mainFrame?: unknown } | null;
  senderFrame?: { parent: unknown; url: string } | null;
};

const FORBIDDEN = said('ipcChecks:forbidden');
const INTERNAL = said('ipcChecks:internal');

/** A refusal as the renderer gets it: the `Said` it words in the interface language, Russian `message` for logs. */
function fail(type: BridgeErrorType, s: Said): BridgeResult<never> {
  return { error: { type, message: wordRu(s), said: s } };
}

/** True when `url` belongs to one of the allowed origins (exact scheme, host and port). */
export function isAllowedSenderUrl(url: string, allowedOrigins: AllowedOrigins): boolean {
  return isAllowedUrl(url, allowedOrigins);
}

/**
 * SECURITY: who may call the bridge. Only the main frame of our own page: not an iframe (a sub-frame
 * could host foreign content), not a frame that has already navigated away or been destroyed
 * (`senderFrame` is null then), not a page of any other origin. Returns the reason when refused.
 */
export function checkSender(
  event: SenderLike | null | undefined,
  allowedOrigins: AllowedOrigins,
): { ok: true } | { ok: false; reason: string } {
  const frame = event?.senderFrame;
  if (frame === null || frame === undefined) return { ok: false, reason: 'no sender frame' };
  let mainFrame: unknown;
  try {
    // Reading mainFrame of a destroyed webContents throws; that sender is gone anyway.
    mainFrame = event?.sender?.mainFrame;
  } catch {
    mainFrame = undefined;
  }
  const isMainFrame = frame.parent === null || (mainFrame !== undefined && frame === mainFrame);
  if (!isMainFrame) return { ok: false, reason: 'sub-frame' };
  if (typeof frame.url !== 'string' || !isAllowedSenderUrl(frame.url, allowedOrigins)) {
    return { ok: false, reason: `foreign origin: ${String(frame.url).slice(0, 200)}` };
  }
  return { ok: true };
}

/** The fields a request got wrong: «title, filters.0.name»; the argument as a whole is said in words. */
function describeIssues(error: z.ZodError): string | Said {
  const fields = [...new Set(error.issues.slice(0, 5).map((issue) => issue.path.join('.')))];
  if (fields.length === 1 && fields[0] === '') return said('ipcChecks:theArgument');
  return fields.map((f) => f || wordRu(said('ipcChecks:theArgument'))).join(', ');
}

/**
 * Wraps one handler into the `ipcMain.handle` listener: checks the channel prefix and the sender,
 * validates the single argument, and converts every outcome into a BridgeResult.
 * It never throws and never rejects — an exception crossing IPC would reach the renderer with the
 * main process's stack trace in it.
 */
export function createInvokeListener<T>(
  channel: string,
  schema: z.ZodType,
  handler: (args: unknown, event: IpcMainInvokeEvent) => Promise<T>,
  policy: SenderPolicy,
): (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<BridgeResult<T>> {
  return async (event, ...args) => {
    try {
      if (!channel.startsWith(IPC_PREFIX)) {
        console.error(`[skhod:ipc] refused channel without prefix: ${channel}`);
        return fail('forbidden', FORBIDDEN);
      }
      const sender = checkSender(event, policy.allowedOrigins);
      if (!sender.ok) {
        console.error(`[skhod:ipc] ${channel}: refused sender (${sender.reason})`);
        return fail('forbidden', FORBIDDEN);
      }
      // The bridge passes exactly one argument; anything else is not our preload talking.
      if (args.length !== 1) {
        console.error(`[skhod:ipc] ${channel}: expected 1 argument, got ${args.length}`);
        return fail('invalid-args', said('ipcChecks:oneArgument', { channel }));
      }
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        console.error(`[skhod:ipc] ${channel}: invalid args`, parsed.error.issues);
        return fail('invalid-args', said('ipcChecks:badFields', { channel, fields: describeIssues(parsed.error) }));
      }
      return { data: await handler(parsed.data, event) };
    } catch (err) {
      if (err instanceof BridgeError) return fail(err.type, err.said);
      console.error(`[skhod:ipc] ${channel}: handler failed`, err);
      return fail('internal', INTERNAL);
    }
  };
}

/** ipcMain objects we have registered on → their channels; catches a second registration early. */
const registered = new WeakMap<object, Set<string>>();

/**
 * Registers one validated handler per channel of the contract (VS Code's validatedIpcMain idea).
 * Throws at startup — not at call time — on a duplicate channel, a channel without the prefix
 * or a missing handler, because each of those is a programming error.
 */
export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  policy: SenderPolicy,
  contract: Contract = channels,
): void {
  const seen = registered.get(ipcMain) ?? new Set<string>();
  registered.set(ipcMain, seen);
  for (const key of Object.keys(contract) as ChannelKey[]) {
    const { channel, args } = contract[key];
    if (!channel.startsWith(IPC_PREFIX)) throw new Error(`IPC channel "${channel}" lacks the "${IPC_PREFIX}" prefix`);
    if (seen.has(channel)) throw new Error(`IPC channel "${channel}" is already registered`);
    const handler = handlers[key] as unknown as ((a: unknown, e: IpcMainInvokeEvent) => Promise<unknown>) | undefined;
    if (typeof handler !== 'function') throw new Error(`No handler for IPC channel "${channel}"`);
    ipcMain.handle(channel, createInvokeListener(channel, args, handler, policy));
    seen.add(channel);
  }
}
