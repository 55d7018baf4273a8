/**
 * `check-list` with the app's time limit: the analysis runs in a worker thread, and the command waits
 * for it at most `maxMillis` (the app's import worker stops at the same 60 s), then terminates it and
 * reports the named 'timeout' error (exit 2). A zip that declares 15 MB and inflates to 8 GiB costs
 * CPU, not memory (shared/import/zip.ts), so time is what bounds it. The wait is synchronous
 * (Atomics.wait + receiveMessageOnPort): `main` stays a plain function that returns the exit code.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { ImportErrorCode, ListAnalysis } from '../shared/import';
import { analyzeList, failure, failureInfo, timeoutError } from '../shared/import';
import { loadMunicipalities } from './municipalities';

export type CheckListOutcome = { ok: true; analysis: ListAnalysis } | { ok: false; error: { code: ImportErrorCode; message: string } };

type Job = { bytes: Uint8Array; fileName: string; records: boolean; port: MessagePort; done: Int32Array };

// The worker is started from source through tsx's API (the CLI runs under tsx, tests under vitest).
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then(({ tsImport }) => tsImport(workerData.module, workerData.parent))
  .then((m) => m.checkListInWorker())
  .catch((e) => {
    workerData.job.port.postMessage({ ok: false, error: { code: 'corrupt', message: String((e && e.message) || e) } });
    Atomics.store(workerData.job.done, 0, 1);
    Atomics.notify(workerData.job.done, 0);
  });`;

/** Runs in the worker: the analysis, its outcome posted back, the waiting thread woken. */
export function checkListInWorker(): void {
  const job = (workerData as { job: Job }).job;
  let outcome: CheckListOutcome;
  try {
    outcome = { ok: true, analysis: analyzeList(job.bytes, { fileName: job.fileName, municipalities: loadMunicipalities(), records: job.records }) };
  } catch (e) {
    outcome = { ok: false, error: failure(e) };
  }
  job.port.postMessage(outcome);
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
}

/** The analysis of `bytes`, or its failure; 'timeout' when it takes longer than `maxMillis`. */
export function checkListWithTimeLimit(bytes: Uint8Array, fileName: string, records: boolean, maxMillis: number): CheckListOutcome {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const job: Job = { bytes, fileName, records, port: port2, done };
  const require = createRequire(import.meta.url);
  const worker = new Worker(BOOT, {
    eval: true,
    // the API's ES module (its CommonJS twin does not load inside an eval'd worker)
    workerData: { job, tsx: pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href, module: fileURLToPath(import.meta.url), parent: import.meta.url },
    transferList: [port2],
  });
  worker.unref();
  try {
    if (Atomics.wait(done, 0, 0, maxMillis) === 'timed-out') {
      return { ok: false, error: failureInfo(timeoutError(maxMillis)) };
    }
    const reply = receiveMessageOnPort(port1);
    return reply ? (reply.message as CheckListOutcome) : { ok: false, error: { code: 'corrupt', message: 'Проверка файла остановилась без ответа. Попробуйте ещё раз.' } };
  } finally {
    void worker.terminate();
    port1.close();
  }
}
