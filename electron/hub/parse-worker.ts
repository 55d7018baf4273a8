/**
 * Worker thread that reads a desk's file for the hub (body-checker.ts starts it): signature, inflate
 * under the cap, shape limits, JSON.parse and the file's own checks all run HERE, so a hostile body
 * can cost this worker's time and memory (both capped) but never freeze the organizer's window,
 * which lives on the main process's event loop. Only a small summary goes back.
 */
import { parentPort } from 'node:worker_threads';
import { ExchangeError, readExchangeFile, type ExchangeErrorCode } from '../../shared/sync/exchange-file';
import { checkJsonShape, type JsonLimits } from './json-limits';

export type ParseJob = { id: number; bytes: Uint8Array; deviceId: string; publicKey: string; maxJsonBytes: number; limits: JsonLimits };
export type ParseSummary = { eventId: string; senderId: string; changes: number };
export type ParseOutcome = { id: number } & ({ ok: true; summary: ParseSummary } | { ok: false; code: ExchangeErrorCode; message: string });

async function run(job: ParseJob): Promise<ParseOutcome> {
  try {
    const file = await readExchangeFile(job.bytes, {
      verify: { knownKey: (id) => (id === job.deviceId ? job.publicKey : undefined), unknownSender: 'refuse' },
      maxJsonBytes: job.maxJsonBytes,
      checkJson: (json) => checkJsonShape(json, job.limits),
    });
    // HOOK for the merge's schema validation (issue 18): when shared/sync exports a check of each
    // change's table and fields, call it on `file.changes` here and answer its refusal as ok: false.
    return { id: job.id, ok: true, summary: { eventId: file.header.eventId, senderId: file.header.sender.deviceId, changes: file.changes.length } };
  } catch (err) {
    if (err instanceof ExchangeError) return { id: job.id, ok: false, code: err.code, message: err.message };
    return { id: job.id, ok: false, code: 'corrupt', message: new ExchangeError('corrupt').message };
  }
}

parentPort?.on('message', (job: ParseJob) => {
  void run(job).then((outcome) => parentPort!.postMessage(outcome));
});
