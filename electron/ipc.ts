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

const MSG_FORBIDDEN =
  'Запрос отклонён: он пришёл не из окна приложения. Перезапустите приложение; если это повторится, сообщите разработчикам.';
const MSG_INTERNAL =
  'Внутренняя ошибка приложения. Повторите действие; если ошибка повторится, перезапустите приложение и сообщите разработчикам.';

function fail(type: BridgeErrorType, message: string): BridgeResult<never> {
  return { error: { type, message } };
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

function describeIssues(error: z.ZodError): string {
  const fields = error.issues.slice(0, 5).map((issue) => (issue.path.length > 0 ? issue.path.join('.') : '(аргумент)'));
  return [...new Set(fields)].join(', ');
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
        return fail('forbidden', MSG_FORBIDDEN);
      }
      const sender = checkSender(event, policy.allowedOrigins);
      if (!sender.ok) {
        console.error(`[skhod:ipc] ${channel}: refused sender (${sender.reason})`);
        return fail('forbidden', MSG_FORBIDDEN);
      }
      // The bridge passes exactly one argument; anything else is not our preload talking.
      if (args.length !== 1) {
        console.error(`[skhod:ipc] ${channel}: expected 1 argument, got ${args.length}`);
        return fail('invalid-args', `Приложение отправило некорректный запрос (${channel}): ожидался один аргумент. Это ошибка программы — сообщите о ней разработчикам.`);
      }
      const parsed = schema.safeParse(args[0]);
      if (!parsed.success) {
        console.error(`[skhod:ipc] ${channel}: invalid args`, parsed.error.issues);
        return fail(
          'invalid-args',
          `Приложение отправило некорректный запрос (${channel}), поля: ${describeIssues(parsed.error)}. Это ошибка программы — сообщите о ней разработчикам.`,
        );
      }
      return { data: await handler(parsed.data, event) };
    } catch (err) {
      if (err instanceof BridgeError) return fail(err.type, err.message);
      console.error(`[skhod:ipc] ${channel}: handler failed`, err);
      return fail('internal', MSG_INTERNAL);
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
