/**
 * Worker thread that reads a desk's file for the hub (body-checker.ts starts it): signature, the
 * event, decryption with the event key, inflate under the cap, shape limits, JSON.parse and the
 * file's own checks all run HERE, so a hostile body
 * can cost this worker's time and memory (both capped) but never freeze the organizer's window,
 * which lives on the main process's event loop. Only a small summary goes back.
 */
import { parentPort } from 'node:worker_threads';
import { ExchangeError, readExchangeFile, type ExchangeErrorCode } from '../../shared/sync/exchange-file';
import type { Said } from '../../shared/text/said';
import { checkJsonShape, type JsonLimits } from './json-limits';

/** `eventId`/`eventKey`: the hub's event; a file of another event is refused before anything is decrypted. */
export type ParseJob = { id: number; bytes: Uint8Array; deviceId: string; publicKey: string; eventId: string; eventKey: string; maxJsonBytes: number; limits: JsonLimits };
export type ParseSummary = { eventId: string; senderId: string; changes: number };
export type ParseOutcome = { id: number } & ({ ok: true; summary: ParseSummary } | { ok: false; code: ExchangeErrorCode; message: string; said?: Said | undefined });

async function run(job: ParseJob): Promise<ParseOutcome> {
  try {
    const file = await readExchangeFile(job.bytes, {
      verify: { knownKey: (id) => (id === job.deviceId ? job.publicKey : undefined), unknownSender: 'refuse' },
      expectEventId: job.eventId,
      eventKey: (id) => (id === job.eventId ? job.eventKey : undefined),
      maxJsonBytes: job.maxJsonBytes,
      checkJson: (json) => checkJsonShape(json, job.limits),
    });
    // the authors' batches and each change's fields are verified by the hub's renderer, which holds the
    // event's root and trust (renderer/db/repo/batches.ts, shared/sync/schemas.ts)
    const changes = Object.values(file.header.counts).reduce((a, b) => a + b, 0);
    return { id: job.id, ok: true, summary: { eventId: file.header.eventId, senderId: file.header.sender.deviceId, changes } };
  } catch (err) {
    if (err instanceof ExchangeError) return { id: job.id, ok: false, code: err.code, message: err.message, said: err.said };
    const corrupt = new ExchangeError('corrupt');
    return { id: job.id, ok: false, code: 'corrupt', message: corrupt.message, said: corrupt.said };
  }
}

parentPort?.on('message', (job: ParseJob) => {
  void run(job).then((outcome) => parentPort!.postMessage(outcome));
});
