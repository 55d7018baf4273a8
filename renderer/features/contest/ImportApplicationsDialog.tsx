import { useEffect, useMemo, useRef, useState } from 'react';
import { formatMoney } from '../../../shared/text/format';
import { bridge } from '../../bridge/bridge';
import { backupBeforeRisk } from '../../db/backup';
import type { ApplicationInput } from '../../db/repo/contest';
import { useDb } from '../../hooks/db-context';
import type { ContestSetup } from '../../hooks/use-contest';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { ParseWorker } from '../import';
import { buildImportRows, chooseApplicationSheet, findHeaderRow, guessMapping, IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping } from './application-import';

const MAX_SHEET_BYTES = 10 * 1024 * 1024;
// a contest has hundreds of applications, not millions: a bigger sheet is the wrong file
const LIMITS = { maxBytes: MAX_SHEET_BYTES, maxRows: 5000, maxMillis: 10_000 };

type Loaded = { name: string; rows: string[][]; headerRow: number };

/** Applications from xlsx/xls/csv: pick the file, check the column mapping, see every row's problem, then load all valid rows at once. */
export function ImportApplicationsDialog({ setup, onImport, onClose }: { setup: ContestSetup; onImport: (rows: ApplicationInput[]) => Promise<void>; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const ctx = useDb();
  const municipalities = useMunicipalities();
  const [loaded, setLoaded] = useState<Loaded>();
  const [mapping, setMapping] = useState<ColumnMapping>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState(false);
  useEffect(() => ref.current?.showModal(), []);
  // a stranger's spreadsheet is parsed in the import wizard's worker, never on the UI thread: a hostile
  // or huge file freezes (and, past the time limit, costs) only that worker
  const worker = useRef<ParseWorker | null>(null);
  useEffect(() => () => worker.current?.dispose(), []);

  const pick = async () => {
    setError(undefined);
    const picked = await bridge.openFile({ title: 'Таблица заявок', filters: [{ name: 'Таблицы', extensions: ['xlsx', 'xls', 'ods', 'csv'] }], maxBytes: MAX_SHEET_BYTES });
    if ('error' in picked) return setError(picked.error.message);
    if (!picked.data) return;
    setReading(true);
    try {
      worker.current ??= new ParseWorker(undefined, LIMITS.maxMillis);
      const result = await worker.current.readRows(picked.data.bytes, picked.data.name, LIMITS);
      const sheet = chooseApplicationSheet(result.sheets);
      if (!sheet) return setError('В файле нет ни одного листа с данными.');
      const headerRow = findHeaderRow(sheet.rows);
      setLoaded({ name: picked.data.name, rows: sheet.rows, headerRow });
      setMapping(guessMapping(sheet.rows[headerRow] ?? []));
    } catch (err) {
      setError(`Файл «${picked.data.name}» не прочитан: ${(err as Error).message}`);
    } finally {
      setReading(false);
    }
  };

  const header = loaded ? (loaded.rows[loaded.headerRow] ?? []) : [];
  const rows = useMemo(
    () =>
      loaded && mapping && municipalities
        ? buildImportRows(loaded.rows, loaded.headerRow, mapping, { nominations: setup.nominations, municipalities, submittedAt: new Date().toISOString() })
        : [],
    [loaded, mapping, municipalities, setup.nominations],
  );
  const valid = rows.flatMap((r) => (r.input ? [r.input] : []));
  const problems = rows.flatMap((r) => r.errors);
  const noTitle = mapping !== undefined && mapping.title < 0;

  const commit = async () => {
    setBusy(true);
    try {
      // a full backup first, so the load can be taken back (Настройки → Резервные копии); never throws
      await backupBeforeRisk(ctx, `Перед загрузкой заявок из «${loaded?.name ?? 'таблицы'}»`);
      await onImport(valid);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="import-apps-title" onClose={onClose}>
      <h2 id="import-apps-title">Загрузка заявок из таблицы</h2>
      <p className="muted">Первая строка с заголовками — названия столбцов: «Название проекта», «Краткое описание», «Номинация», «Муниципалитет», «Организация», «Сумма».</p>
      <button type="button" disabled={reading} aria-busy={reading} onClick={() => void pick()}>
        {reading ? 'Читаю файл…' : loaded ? `Файл «${loaded.name}» — выбрать другой…` : 'Выбрать файл…'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {loaded && mapping && (
        <>
          <h3>Столбцы</h3>
          <div className="mapping-grid">
            {IMPORT_FIELDS.map((f) => (
              <label key={f} className="field">
                <span>{IMPORT_FIELD_LABELS[f]}</span>
                <select value={mapping[f]} onChange={(e) => setMapping({ ...mapping, [f]: Number(e.target.value) })}>
                  <option value={-1}>— нет в файле —</option>
                  {header.map((h, i) => (
                    <option key={i} value={i}>
                      {h || `столбец ${i + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {noTitle && (
            <p className="form-error" role="alert">
              Укажите, в каком столбце название проекта.
            </p>
          )}
          <p role="status">
            Строк с заявками: {rows.length}; готовы к загрузке: {valid.length}
            {problems.length > 0 ? `; с ошибками: ${rows.length - valid.length} (они не будут загружены — исправьте файл и загрузите его снова)` : ''}.
          </p>
          {problems.length > 0 && (
            <ul className="import-problems" aria-label="Ошибки в строках">
              {problems.slice(0, 50).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
              {problems.length > 50 && <li>…и ещё {problems.length - 50}</li>}
            </ul>
          )}
          {valid.length > 0 && (
            <table className="simple-table" aria-label="Предпросмотр заявок">
              <thead>
                <tr>
                  <th scope="col">Проект</th>
                  <th scope="col">Организация</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                </tr>
              </thead>
              <tbody>
                {valid.slice(0, 8).map((a, i) => (
                  <tr key={i}>
                    <td>{a.title}</td>
                    <td>{a.organizationName || '—'}</td>
                    <td className="num">{a.requestedAmount !== undefined ? formatMoney(a.requestedAmount) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Отмена
        </button>
        <button type="button" className="primary" disabled={busy || valid.length === 0 || noTitle} onClick={() => void commit()}>
          Загрузить заявки ({valid.length})
        </button>
      </div>
    </dialog>
  );
}
