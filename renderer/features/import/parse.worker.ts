/// <reference lib="webworker" />
/**
 * Parses a stranger's spreadsheet away from the UI thread. The wizard terminates this worker when a
 * request takes longer than the time limit (the pure reader cannot interrupt itself), so a hostile
 * file can freeze nothing but this worker. It keeps the last file read, so re-mapping columns does
 * not send the bytes again.
 */
import { failure } from '../../../shared/import/check-list';
import { readSpreadsheet } from '../../../shared/import/read';
import { analyzeFile, readFile, WorkerFaultError, type ParsedFile } from './parse-core';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

let current: ParsedFile | null = null;

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  let reply: WorkerReply;
  try {
    if (msg.kind === 'read') {
      current = null;
      const { reply: result, file } = readFile(msg.bytes, msg.fileName, msg.limits, msg.csv);
      current = file;
      reply = { id: msg.id, ok: true, kind: 'read', result };
    } else if (msg.kind === 'rows') {
      // a one-off read for another importer: the participants' file kept in `current` stays as it is
      const read = readSpreadsheet(msg.bytes, { fileName: msg.fileName, ...(msg.limits ? { limits: msg.limits } : {}) });
      reply = { id: msg.id, ok: true, kind: 'rows', result: { format: read.format, sheets: read.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.rows })) } };
    } else {
      if (!current) throw new WorkerFaultError('no-file');
      reply = { id: msg.id, ok: true, kind: 'analyze', result: analyzeFile(current, msg) };
    }
  } catch (err) {
    // no words here: the worker has no language layer; the wizard's side names the fault
    reply = err instanceof WorkerFaultError ? { id: msg.id, ok: false, fault: err.fault } : { id: msg.id, ok: false, error: failure(err) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);
};
