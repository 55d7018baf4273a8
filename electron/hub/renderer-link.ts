import { randomUUID } from 'node:crypto';
import type { DeviceRole } from '../../shared/domain/types';
import { said, wordRu, type Said } from '../../shared/text/said';

/**
 * How the hub's main process hands a desk's file to ITS renderer (which owns the database) and gets
 * the answer file back.
 *
 * Design: the renderer LONG-POLLS over an ordinary invoke channel (`hubNextRequest` waits up to a few
 * seconds for the next request, `hubAnswer` returns the result by id) instead of main pushing with
 * webContents.send. Why:
 * - the preload stays «one invoke function per contract channel» — no listener API, no ipcRenderer
 *   events exposed — and every message still goes through the validated registrar (sender frame,
 *   origin, zod);
 * - main knows whether anyone serves at all: a request nobody picks up within `pickupMs` fails fast
 *   with «на хабе не открыт Сход» (hubLink:notServing) instead of hanging, and a reloaded window simply polls again.
 *
 * Requests are handed out one at a time in arrival order; the server serializes them anyway, so the
 * hub's database applies one desk's file at a time.
 */
/**
 * `role` is the role the hub operator GRANTED this desk with «Разрешить» (paired-devices), never what
 * the file or the desk says about itself: the hub's renderer checks the desk's changes against it.
 */
export type LinkRequest = { id: string; deviceId: string; deviceName: string; role: DeviceRole; bytes: Uint8Array };
/** `said`: the refusal as data when the renderer has it (a refused file), so the desk words it in its own language. */
export type LinkAnswer = { bytes: Uint8Array } | { error: string; said?: Said | undefined };

export type LinkFailure = 'not-serving' | 'timeout' | 'refused' | 'closed';

export class LinkError extends Error {
  override name = 'LinkError';
  constructor(
    readonly kind: LinkFailure,
    message: string,
    readonly said?: Said,
  ) {
    super(message);
  }
}

const linkError = (kind: LinkFailure, s: Said) => new LinkError(kind, wordRu(s), s);

export type RendererLinkOptions = {
  /** A request nobody takes within this long: the hub's window is not serving. */
  pickupMs: number;
  /** A taken request not answered within this long (a huge first sync may take a while). */
  answerMs: number;
};

export const DEFAULT_LINK_TIMING: RendererLinkOptions = { pickupMs: 8_000, answerMs: 90_000 };

type Pending = {
  request: LinkRequest;
  resolve: (bytes: Uint8Array) => void;
  reject: (err: LinkError) => void;
  timer: ReturnType<typeof setTimeout>;
};

const NOT_SERVING = said('hubLink:notServing');
const TIMEOUT = said('hubLink:processingTimeout');
const CLOSED = said('hubLink:stopped');

export class RendererLink {
  private readonly queue: Pending[] = [];
  private readonly taken = new Map<string, Pending>();
  private readonly waiters: ((req: LinkRequest | null) => void)[] = [];
  private closed = false;

  constructor(private readonly opts: RendererLinkOptions = DEFAULT_LINK_TIMING) {}

  /** Main side: hands `request` to the renderer and resolves with its answer file. */
  request(input: Omit<LinkRequest, 'id'>): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(linkError('closed', CLOSED));
    const request: LinkRequest = { id: randomUUID(), ...input };
    return new Promise<Uint8Array>((resolve, reject) => {
      const pending: Pending = {
        request,
        resolve,
        reject,
        timer: setTimeout(() => this.expire(pending, 'not-serving'), this.opts.pickupMs),
      };
      const waiter = this.waiters.shift();
      if (waiter) this.hand(pending, waiter);
      else this.queue.push(pending);
    });
  }

  /** Renderer side: the next request, or null after `waitMs` with none (the renderer then polls again). */
  next(waitMs: number): Promise<LinkRequest | null> {
    if (this.closed) return Promise.resolve(null);
    const queued = this.queue.shift();
    if (queued) {
      return new Promise((resolve) => this.hand(queued, resolve));
    }
    return new Promise((resolve) => {
      const waiter = (req: LinkRequest | null) => {
        clearTimeout(timer);
        resolve(req);
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(null);
      }, waitMs);
      this.waiters.push(waiter);
    });
  }

  /** Renderer side: the answer for a taken request. False when it is unknown or already timed out. */
  answer(id: string, answer: LinkAnswer): boolean {
    const pending = this.taken.get(id);
    if (!pending) return false;
    this.taken.delete(id);
    clearTimeout(pending.timer);
    if ('bytes' in answer) pending.resolve(answer.bytes);
    else pending.reject(new LinkError('refused', answer.error, answer.said));
    return true;
  }

  /** Fails everything in flight and releases pollers (hub stopped). */
  close(): void {
    this.closed = true;
    for (const p of [...this.queue, ...this.taken.values()]) {
      clearTimeout(p.timer);
      p.reject(linkError('closed', CLOSED));
    }
    this.queue.length = 0;
    this.taken.clear();
    for (const w of this.waiters.splice(0)) w(null);
  }

  /** True while a renderer is waiting for work: the hub's status shows it as «окно хаба готово». */
  get serving(): boolean {
    return this.waiters.length > 0 || this.taken.size > 0;
  }

  private hand(pending: Pending, deliver: (req: LinkRequest) => void): void {
    clearTimeout(pending.timer);
    pending.timer = setTimeout(() => this.expire(pending, 'timeout'), this.opts.answerMs);
    this.taken.set(pending.request.id, pending);
    deliver(pending.request);
  }

  private expire(pending: Pending, kind: 'not-serving' | 'timeout'): void {
    const i = this.queue.indexOf(pending);
    if (i >= 0) this.queue.splice(i, 1);
    this.taken.delete(pending.request.id);
    pending.reject(linkError(kind, kind === 'not-serving' ? NOT_SERVING : TIMEOUT));
  }
}
