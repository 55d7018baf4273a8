/**
 * Applications from a spreadsheet are read by the import wizard's parse worker, not on the UI thread.
 * The worker module runs here under a stand-in `self` (the same code Chromium runs in a Worker), and the
 * client is checked against a worker double for what it sends and how it stops a stuck parse.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import municipalities from '../../../../../resources/municipalities.json';
import { buildImportRows, chooseApplicationSheet, findHeaderRow, guessMapping } from '../../../../../renderer/features/contest/application-import';
import { ParseWorker } from '../../../../../renderer/features/import/worker-client';
import type { RowsReply, WorkerReply, WorkerRequest } from '../../../../../renderer/features/import/worker-protocol';
import type { Municipality } from '../../../../../shared/domain/types';
import type { Nomination } from '../../../../../shared/contest';
import { initI18n } from '../../../../../renderer/i18n';

initI18n('ru');

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 5000, maxMillis: 10_000 };

function workbook(sheets: Array<{ name: string; rows: unknown[][]; hidden?: boolean }>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** The real parse.worker.ts module, its replies collected. */
const posted: WorkerReply[] = [];
let send: (req: WorkerRequest) => WorkerReply;
beforeAll(async () => {
  const scope = { postMessage: (r: WorkerReply) => posted.push(r), onmessage: null as ((e: MessageEvent<WorkerRequest>) => void) | null };
  vi.stubGlobal('self', scope);
  await import('../../../../../renderer/features/import/parse.worker');
  send = (req) => {
    scope.onmessage!({ data: req } as MessageEvent<WorkerRequest>);
    return posted.at(-1)!;
  };
});

const nominations: Nomination[] = [{ id: 'n1', contestId: 'c1', title: 'Гражданские инициативы', criteria: [], commentRequired: true }];
const munis: Municipality[] = (municipalities as Array<{ name: string }>).map((m, i) => ({ id: `m${i}`, name: m.name }) as Municipality);

describe('application import in the parse worker', () => {
  it('reads every sheet’s rows there; the dialog skips a hidden sheet and maps the visible one', () => {
    const bytes = workbook([
      { name: 'Служебный', rows: [['скрытые', 'данные']], hidden: true },
      {
        name: 'Заявки',
        rows: [
          ['Название проекта', 'Муниципалитет', 'Запрашиваемая сумма, руб.'],
          ['Школа сельского активиста', 'Учалинский район', '150 000'],
          ['', 'Нет такого района', 'много'],
        ],
      },
    ]);
    const reply = send({ id: 1, kind: 'rows', bytes, fileName: 'заявки.xlsx', limits: LIMITS });
    expect(reply).toMatchObject({ id: 1, ok: true, kind: 'rows' });
    const result = (reply as { result: RowsReply }).result;
    expect(result.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Служебный', true],
      ['Заявки', false],
    ]);
    const sheet = chooseApplicationSheet(result.sheets)!;
    expect(sheet.name).toBe('Заявки');
    const header = findHeaderRow(sheet.rows);
    const rows = buildImportRows(sheet.rows, header, guessMapping(sheet.rows[header]!), { nominations, municipalities: munis, submittedAt: '2020-01-01T00:00:00.000Z' });
    expect(rows[0]!.input).toMatchObject({ title: 'Школа сельского активиста', requestedAmount: 150000, nominationId: 'n1' });
    expect(rows[1]!.errors).toEqual(['Строка 3: нет названия проекта.', 'Строка 3: муниципалитет «Нет такого района» не найден в справочнике — исправьте название или добавьте его в Настройках.', 'Строка 3: сумма «много» — не число рублей.']);
  });

  it('refuses what is not a spreadsheet, or too many rows, with a Russian message, and keeps the participants’ file', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    const notSheet = send({ id: 2, kind: 'rows', bytes: pdf, fileName: 'заявки.xlsx', limits: LIMITS });
    expect(notSheet).toMatchObject({ id: 2, ok: false, error: { message: expect.stringMatching(/[а-я]/) } });
    const many = workbook([{ name: 'Заявки', rows: [['Название проекта', 'Сумма'], ...Array.from({ length: 30 }, (_, i) => [`Проект ${i}`, '1'])] }]);
    const tooMany = send({ id: 3, kind: 'rows', bytes: many, fileName: 'заявки.xlsx', limits: { ...LIMITS, maxRows: 10 } });
    expect(tooMany).toMatchObject({ id: 3, ok: false });
    // a 'rows' read is a one-off: analysing without a participants' file read first still says so
    expect(send({ id: 4, kind: 'analyze', sheet: 0, headerRow: 0, headerRows: 1, headers: [], mapping: {}, fixed: {}, municipalities: [], existing: [] })).toMatchObject({ ok: false });
  });

  it('the client sends a copy of the bytes with the limits, and a stuck parse is stopped with the named timeout', async () => {
    const requests: WorkerRequest[] = [];
    const terminate = vi.fn();
    const answer = (req: WorkerRequest): WorkerReply => ({ id: req.id, ok: true, kind: 'rows', result: { format: 'xlsx', sheets: [{ name: 'Заявки', hidden: false, rows: [['a']] }] } });
    let stuck = false;
    const client = new ParseWorker(() => {
      const w = {
        onmessage: null as ((e: MessageEvent<WorkerReply>) => void) | null,
        onerror: null,
        terminate,
        postMessage: (req: WorkerRequest) => {
          requests.push(req);
          if (!stuck) queueMicrotask(() => w.onmessage?.({ data: answer(req) } as MessageEvent<WorkerReply>));
        },
      };
      return w;
    }, 40);
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(client.readRows(bytes, 'заявки.xlsx', LIMITS)).resolves.toMatchObject({ sheets: [{ name: 'Заявки' }] });
    const sent = requests[0] as Extract<WorkerRequest, { kind: 'rows' }>;
    expect(sent).toMatchObject({ kind: 'rows', fileName: 'заявки.xlsx', limits: LIMITS });
    expect(sent.bytes).toEqual(bytes);
    expect(sent.bytes).not.toBe(bytes);
    stuck = true;
    await expect(client.readRows(bytes, 'заявки.xlsx', LIMITS)).rejects.toMatchObject({ code: 'timeout' });
    expect(terminate).toHaveBeenCalledOnce();
  });
});
