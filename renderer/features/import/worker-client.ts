import { failureInfo, timeoutError } from '../../../shared/import/errors';
import { DEFAULT_IMPORT_LIMITS } from '../../../shared/import/types';
import { said, type Said } from '../../../shared/text/said';
import { sayText } from '../../i18n';
import type { ImportLimits } from '../../../shared/import/types';
import type { Analysis, AnalyzeRequest, CsvOverrides, ImportFailureInfo, ReadReply, RowsReply, WorkerReply, WorkerRequest } from './worker-protocol';

/** A refused file or a failed parse, with the `Said` that says what to do (`errorText` words it in the interface language). */
export class ImportFailure extends Error {
  readonly code: ImportFailureInfo['code'];
  readonly said: Said;
  constructor(info: ImportFailureInfo) {
    super(info.message);
    this.name = 'ImportFailure';
    this.code = info.code;
    this.said = info.said;
  }
}

/** The worker's own trouble (not the file's), in the import namespace's `worker` words. */
function workerFailure(key: 'cancelled' | 'crashed' | 'noFile' | 'noSheet'): ImportFailure {
  const words = said(`import:worker.${key}`);
  return new ImportFailure({ code: 'corrupt', message: sayText(words), said: words });
}

type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((e: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
};

type Pending = { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };
type Body<K extends WorkerRequest['kind']> = Omit<Extract<WorkerRequest, { kind: K }>, 'id' | 'kind'>;

const createParseWorker = (): WorkerLike => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'skhod-import' }) as WorkerLike;

/**
 * The wizard's handle on its parse worker: one request at a time, each limited to `maxMillis`. A
 * request that runs over terminates the worker (that is the only way to stop a stuck parse) and
 * fails with the 'timeout' error; the next request starts a fresh worker, which must read the file again.
 */
export class ParseWorker {
  private worker: WorkerLike | null = null;
  private seq = 0;
  private pending = new Map<number, Pending>();
  /** Whether the current worker holds a file (a fresh one after a timeout does not). */
  hasFile = false;

  constructor(
    private readonly create: () => WorkerLike = createParseWorker,
    private readonly maxMillis: number = DEFAULT_IMPORT_LIMITS.maxMillis,
  ) {}

  async read(bytes: Uint8Array, fileName: string, csv?: CsvOverrides, limits?: Partial<ImportLimits>): Promise<ReadReply> {
    this.hasFile = false;
    // the worker gets its own copy, transferred (not cloned a second time): the wizard keeps the bytes
    // to read the file again after a timeout
    const copy = bytes.slice();
    const reply = await this.send('read', { bytes: copy, fileName, ...(csv ? { csv } : {}), ...(limits ? { limits } : {}) }, [copy.buffer]);
    if (reply.ok && reply.kind === 'read') {
      this.hasFile = true;
      return reply.result;
    }
    throw unexpected(reply);
  }

  async analyze(req: AnalyzeRequest): Promise<Analysis> {
    const reply = await this.send('analyze', req);
    if (reply.ok && reply.kind === 'analyze') return reply.result;
    throw unexpected(reply);
  }

  /** Every sheet's cells, read in the worker under the same limits and time limit (contest applications). */
  async readRows(bytes: Uint8Array, fileName: string, limits?: Partial<ImportLimits>): Promise<RowsReply> {
    const copy = bytes.slice();
    const reply = await this.send('rows', { bytes: copy, fileName, ...(limits ? { limits } : {}) }, [copy.buffer]);
    if (reply.ok && reply.kind === 'rows') return reply.result;
    throw unexpected(reply);
  }

  dispose(): void {
    this.stop(workerFailure('cancelled'));
  }

  private send<K extends WorkerRequest['kind']>(kind: K, body: Body<K>, transfer: Transferable[] = []): Promise<WorkerReply> {
    const worker = this.ensure();
    const id = ++this.seq;
    return new Promise<WorkerReply>((resolve, reject) => {
      const timer = setTimeout(() => this.stop(new ImportFailure(failureInfo(timeoutError(this.maxMillis)))), this.maxMillis);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, kind, ...body } as unknown as WorkerRequest, transfer);
    }).then((reply) => {
      if (!reply.ok) throw failed(reply);
      return reply;
    });
  }

  private ensure(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.create();
    w.onmessage = (e) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      clearTimeout(p.timer);
      this.pending.delete(e.data.id);
      p.resolve(e.data);
    };
    // a worker that dies (out of memory, a crash in the parser) fails what it was doing with a named error
    w.onerror = (e) => {
      e.preventDefault?.();
      this.stop(workerFailure('crashed'));
    };
    this.worker = w;
    return w;
  }

  private stop(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.hasFile = false;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
  }
}

/** An error reply as the wizard shows it: the file's own error as the worker worded it, or the worker's fault in words. */
function failed(reply: Extract<WorkerReply, { ok: false }>): ImportFailure {
  if ('error' in reply) return new ImportFailure(reply.error);
  return workerFailure(reply.fault === 'no-file' ? 'noFile' : 'noSheet');
}

function unexpected(reply: WorkerReply): Error {
  return reply.ok ? new Error(`unexpected reply ${reply.kind}`) : failed(reply);
}
