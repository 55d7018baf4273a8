/**
 * Small HTTP helpers of the hub server: the error it answers with, JSON answers, and reading a body
 * under a size cap AND a time limit (a body that trickles in is cut off after seconds, not minutes).
 */
import type http from 'node:http';
import { said, wordRu, type Said } from '../../shared/text/said';
import type { HubErrorCode } from './protocol';

/**
 * An error answer: its code, and its words — a `Said` the desk words in its own language (Russian `message`
 * for logs and older desks), or only text when that is all there is (a hub window of an older version).
 */
export class HttpFailure extends Error {
  readonly said?: Said;
  constructor(
    readonly status: number,
    readonly code: HubErrorCode,
    words: Said | string,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof words === 'string' ? words : wordRu(words));
    if (typeof words !== 'string') this.said = words;
  }
}

export const TOO_LARGE = said('hubLink:tooLarge');
const TOO_SLOW = said('hubLink:tooSlow');

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(text.byteLength), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** The whole body; 413 as soon as it is known to pass `limit` (declared or counted), 408 after `timeoutMs`. */
export function readBody(req: http.IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new HttpFailure(413, 'too-large', TOO_LARGE));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (err: Error | null, body?: Buffer) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (err) reject(err);
      else resolve(body!);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(new HttpFailure(413, 'too-large', TOO_LARGE));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(null, Buffer.concat(chunks, size));
    const onError = (err: Error) => finish(err);
    const timer = setTimeout(() => finish(new HttpFailure(408, 'timeout', TOO_SLOW)), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * Answers an error. The request body may still be arriving (a 401, 413 or 429 is decided before
 * reading it): the rest is discarded, not buffered, and the connection is closed right after the
 * answer, so a client that keeps streaming holds nothing.
 */
export function sendFailure(req: http.IncomingMessage, res: http.ServerResponse, err: HttpFailure): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (!req.readableEnded) {
    req.removeAllListeners('data');
    req.resume();
    res.setHeader('connection', 'close');
    res.on('finish', () => setTimeout(() => req.socket.destroy(), 500).unref());
  }
  // `error`: the Russian words (hubs and desks of earlier versions read only these); `said`: the same as data
  sendJson(res, err.status, { code: err.code, error: err.message, ...(err.said ? { said: err.said } : {}) }, err.headers);
}
