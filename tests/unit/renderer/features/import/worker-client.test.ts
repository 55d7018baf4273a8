import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { ImportFailure, ParseWorker } from '../../../../../renderer/features/import/worker-client';
import type { WorkerReply, WorkerRequest } from '../../../../../renderer/features/import/worker-protocol';
import { said, wordRu } from '../../../../../shared/text/said';
import { errorText } from '../../../../../renderer/i18n';

/** A worker double: answers with `reply` (or never, when it returns undefined). */
function fakeWorker(reply: (req: WorkerRequest) => WorkerReply | undefined) {
  const w = {
    onmessage: null as ((e: MessageEvent<WorkerReply>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    terminate: vi.fn(),
    postMessage: (req: WorkerRequest) => {
      const r = reply(req);
      if (r) queueMicrotask(() => w.onmessage?.({ data: r } as MessageEvent<WorkerReply>));
    },
  };
  return w;
}

const readReply = (id: number): WorkerReply => ({ id, ok: true, kind: 'read', result: { format: 'xlsx', sheets: [], chosen: 0 } });

describe('parse worker client', () => {
  it('terminates a worker that runs over the time limit and reports the named timeout error', async () => {
    const workers: Array<ReturnType<typeof fakeWorker>> = [];
    const client = new ParseWorker(() => {
      const w = fakeWorker(() => undefined); // a parse that never finishes
      workers.push(w);
      return w;
    }, 30);
    const failure = await client.read(new Uint8Array([1, 2, 3]), 'x.xlsx').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ImportFailure);
    expect(failure).toMatchObject({ code: 'timeout' });
    expect((failure as Error).message).toMatch(/остановлено/);
    expect(workers[0]!.terminate).toHaveBeenCalledOnce();
    expect(client.hasFile).toBe(false);
    // the next request gets a fresh worker
    await client.read(new Uint8Array([1]), 'x.xlsx').catch(() => undefined);
    expect(workers).toHaveLength(2);
  });

  it('turns an error reply into an ImportFailure with its code, message and words for the screen', async () => {
    const words = said('fileImport:notATable', { what: said('fileImport:kinds.pdf') });
    const client = new ParseWorker(() => fakeWorker((req) => ({ id: req.id, ok: false, error: { code: 'not-a-spreadsheet', message: wordRu(words), said: words } })), 1000);
    const failure = await client.read(new Uint8Array([0x25]), 'x.xlsx').catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'not-a-spreadsheet', message: expect.stringMatching(/^Это не таблица, а PDF-документ\. /), said: words });
    expect(errorText(failure)).toBe(wordRu(words));
  });

  it('reads, keeps the file for analysis, and reports a crashed worker as a damaged file', async () => {
    let worker: ReturnType<typeof fakeWorker> | undefined;
    const client = new ParseWorker(() => (worker = fakeWorker((req) => (req.kind === 'read' ? readReply(req.id) : undefined))), 1000);
    await expect(client.read(new Uint8Array([1]), 'x.xlsx')).resolves.toMatchObject({ format: 'xlsx' });
    expect(client.hasFile).toBe(true);
    const pending = client.analyze({ sheet: 0, headerRow: 0, headerRows: 1, headers: [], mapping: {}, fixed: {}, municipalities: [], existing: [] });
    worker!.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
    await expect(pending).rejects.toMatchObject({ code: 'corrupt' });
    expect(worker!.terminate).toHaveBeenCalled();
  });

  it("words the worker's own faults on the main thread, in the interface language", async () => {
    const client = new ParseWorker(() => fakeWorker((req) => ({ id: req.id, ok: false, fault: req.kind === 'analyze' ? 'no-file' : 'no-sheet' })), 1000);
    const req = { sheet: 3, headerRow: 0, headerRows: 1, headers: [], mapping: {}, fixed: {}, municipalities: [], existing: [] };
    await expect(client.analyze(req)).rejects.toMatchObject({ code: 'corrupt', message: 'Файл больше не открыт в обработчике таблицы. Выберите его ещё раз на шаге «Файл».' });
    await i18next.changeLanguage('en');
    try {
      await expect(client.analyze(req)).rejects.toMatchObject({ message: 'The file is no longer open in the spreadsheet reader. Choose it again at the «File» step.' });
    } finally {
      await i18next.changeLanguage('ru');
    }
  });
});
