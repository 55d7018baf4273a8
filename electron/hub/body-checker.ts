/**
 * The main process's side of parse-worker.ts: one worker thread, jobs one after another, each with a
 * time limit. A worker that runs out of its memory cap, crashes or overruns the time is terminated
 * and the job refused as «слишком сложно»; the next job starts a fresh worker. The main thread only
 * copies bytes in and a three-field summary out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExchangeError } from '../../shared/sync/exchange-file';
import { said } from '../../shared/text/said';
import { HUB_JSON_LIMITS, MAX_HUB_JSON_BYTES, TOO_COMPLEX, type JsonLimits } from './json-limits';
import type { ParseJob, ParseOutcome, ParseSummary } from './parse-worker';

export type BodyCheckerOptions = {
  /** One job's time in the worker, inflate and parse included. */
  jobMs: number;
  /** V8 heap of the worker: a body that needs more is refused, the main process is not touched. */
  heapMb: number;
  maxJsonBytes: number;
  limits: JsonLimits;
};

export const DEFAULT_BODY_CHECKER: BodyCheckerOptions = { jobMs: 15_000, heapMb: 256, maxJsonBytes: MAX_HUB_JSON_BYTES, limits: HUB_JSON_LIMITS };

type Job = { job: ParseJob; resolve: (s: ParseSummary) => void; reject: (e: Error) => void };

/**
 * The bundled app ships the worker as dist/electron/hub-parse-worker.cjs (scripts/build-electron.mjs);
 * run from sources (tests, tools), the TypeScript file is loaded through tsx.
 */
function startWorker(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 };
  // the bundle (CommonJS) and vitest have __dirname; plain ESM runs (tsx: benchmarks) have import.meta
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'hub-parse-worker.cjs');
  // packaged: electron-builder.yml unpacks the worker next to the asar (a thread's script is loaded
  // by Node's own loader, which need not read inside the archive)
  const unpacked = bundled.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  if (unpacked !== bundled && existsSync(unpacked)) return new Worker(unpacked, { resourceLimits });
  if (existsSync(bundled)) return new Worker(bundled, { resourceLimits });
  const source = path.join(here, 'parse-worker.ts');
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, { eval: true, resourceLimits });
}

export class BodyChecker {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: (Job & { timer: ReturnType<typeof setTimeout> }) | null = null;
  private nextId = 1;

  constructor(private readonly opts: BodyCheckerOptions = DEFAULT_BODY_CHECKER) {}

  /** Reads the file in the worker; rejects with ExchangeError when it is refused. */
  check(bytes: Uint8Array, sender: { deviceId: string; publicKey: string }, event: { eventId: string; eventKey: string }): Promise<ParseSummary> {
    const job: ParseJob = { id: this.nextId++, bytes, ...sender, ...event, maxJsonBytes: this.opts.maxJsonBytes, limits: this.opts.limits };
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Stops the worker; jobs still queued are refused. */
  async close(): Promise<void> {
    for (const j of this.queue.splice(0)) j.reject(new ExchangeError('corrupt', said('hubLink:stopped')));
    this.fail(new ExchangeError('corrupt', said('hubLink:stopped')));
    await this.worker?.terminate();
    this.worker = null;
  }

  private pump(): void {
    if (this.current) return;
    const next = this.queue.shift();
    if (!next) return;
    const worker = (this.worker ??= this.spawn());
    this.current = { ...next, timer: setTimeout(() => this.kill(), this.opts.jobMs) };
    worker.postMessage(next.job);
  }

  private spawn(): Worker {
    const worker = startWorker(this.opts.heapMb);
    worker.on('message', (outcome: ParseOutcome) => {
      const current = this.current;
      if (!current || current.job.id !== outcome.id) return;
      clearTimeout(current.timer);
      this.current = null;
      if (outcome.ok) current.resolve(outcome.summary);
      else current.reject(new ExchangeError(outcome.code, outcome.said ?? outcome.message));
      this.pump();
    });
    // out of memory (ERR_WORKER_OUT_OF_MEMORY) or any crash: the job is refused, a new worker follows
    worker.on('error', (err) => console.warn('[skhod:hub] parse worker failed', err.message));
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.fail(new ExchangeError('corrupt', TOO_COMPLEX));
      this.pump();
    });
    worker.unref();
    return worker;
  }

  private kill(): void {
    const worker = this.worker;
    this.worker = null;
    this.fail(new ExchangeError('corrupt', TOO_COMPLEX));
    void worker?.terminate();
    this.pump();
  }

  private fail(err: Error): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = null;
    current.reject(err);
  }
}
