/**
 * The main process's words in the interface language. Main answers a refusal with a `Said` beside its
 * Russian `message` (shared/ipc/contract.ts `Worded`): a bridge error, a hub failure (also one the hub sent
 * from another device), the desk's one-time notice. This wraps the Electron bridge so every caller reads
 * `message` already worded by renderer/i18n — the screens keep showing `.message` as before.
 */
import type { Bridge, BridgeResult, HubStatus, Worded } from '../../shared/ipc/contract';
import { wordedText } from '../i18n';

const reword = <W extends Worded>(w: W): W => ({ ...w, message: wordedText(w) });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Uint8Array);

/** A result with main's words reworded: the error, a `HubFailure` ({ ok: false, … }), a `HubStatus` notice. */
export function wordResult<T>(result: BridgeResult<T>): BridgeResult<T> {
  if ('error' in result) return { error: reword(result.error) };
  const data: unknown = result.data;
  if (!isObject(data)) return result;
  if (data['ok'] === false && typeof data['message'] === 'string') return { data: reword(data as Worded) as T };
  const notice = (data as Partial<HubStatus>).notice;
  if (isObject(notice) && typeof notice.message === 'string') return { data: { ...data, notice: reword(notice) } as T };
  return result;
}

type Call = (args: unknown) => Promise<BridgeResult<unknown>>;

/**
 * `raw` (the preload's `window.skhod`) with every channel's result passed through `wordResult`. A proxy over
 * an empty object, looked up by name: it needs no list of channels (nor the contract's zod at start-up) and
 * leaves the preload's frozen object as it is.
 */
export function wordedBridge(raw: Bridge): Bridge {
  const calls = raw as unknown as Record<string, Call | undefined>;
  const wrapped = new Map<string, Call>();
  return new Proxy({} as Bridge, {
    get: (_target, name) => {
      if (typeof name !== 'string') return undefined;
      const call = calls[name];
      if (typeof call !== 'function') return call;
      let words = wrapped.get(name);
      if (!words) {
        words = (args: unknown) => call(args).then(wordResult);
        wrapped.set(name, words);
      }
      return words;
    },
  });
}
