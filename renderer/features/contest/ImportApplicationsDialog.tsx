import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/text/format';
import { bridge } from '../../bridge/bridge';
import { backupBeforeRisk } from '../../db/backup';
import type { ApplicationInput } from '../../db/repo/contest-applications';
import { useDb } from '../../hooks/db-context';
import type { ContestSetup } from '../../hooks/use-contest';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { ParseWorker } from '../import';
import { buildImportRows, chooseApplicationSheet, findHeaderRow, guessMapping, IMPORT_FIELDS, importFieldLabel, type ColumnMapping } from './application-import';
import { errorText } from '../../i18n';
import { Dialog, SelectField, closeDialog, type Option } from '../../components/ui';

const MAX_SHEET_BYTES = 10 * 1024 * 1024;
// a contest has hundreds of applications, not millions: a bigger sheet is the wrong file
const LIMITS = { maxBytes: MAX_SHEET_BYTES, maxRows: 5000, maxMillis: 10_000 };

type Loaded = { name: string; rows: string[][]; headerRow: number };

/** Applications from xlsx/xls/csv: pick the file, check the column mapping, see every row's problem, then load all valid rows at once. */
export function ImportApplicationsDialog({ setup, onImport, onClose }: { setup: ContestSetup; onImport: (rows: ApplicationInput[]) => Promise<void>; onClose: () => void }) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const municipalities = useMunicipalities();
  const [loaded, setLoaded] = useState<Loaded>();
  const [mapping, setMapping] = useState<ColumnMapping>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState(false);
  // a stranger's spreadsheet is parsed in the import wizard's worker, never on the UI thread: a hostile
  // or huge file freezes (and, past the time limit, costs) only that worker
  const worker = useRef<ParseWorker | null>(null);
  useEffect(() => () => worker.current?.dispose(), []);

  const pick = async () => {
    setError(undefined);
    const picked = await bridge.openFile({ title: t('importDialog.fileDialog'), filters: [{ name: t('importDialog.fileFilter'), extensions: ['xlsx', 'xls', 'ods', 'csv'] }], maxBytes: MAX_SHEET_BYTES });
    if ('error' in picked) return setError(picked.error.message);
    if (!picked.data) return;
    setReading(true);
    try {
      worker.current ??= new ParseWorker(undefined, LIMITS.maxMillis);
      const result = await worker.current.readRows(picked.data.bytes, picked.data.name, LIMITS);
      const sheet = chooseApplicationSheet(result.sheets);
      if (!sheet) return setError(t('importDialog.noSheet'));
      const headerRow = findHeaderRow(sheet.rows);
      setLoaded({ name: picked.data.name, rows: sheet.rows, headerRow });
      setMapping(guessMapping(sheet.rows[headerRow] ?? []));
    } catch (err) {
      setError(t('importDialog.notRead', { name: picked.data.name, message: errorText(err) }));
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
      await backupBeforeRisk(ctx, t('importDialog.backup', { name: loaded?.name ?? t('importDialog.aTable') }));
      await onImport(valid);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('importDialog.title')}
      wide
      busy={busy || reading}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={closeDialog}>
            {t('app:common.cancel')}
          </button>
          <button type="button" className="primary" disabled={busy || valid.length === 0 || noTitle} aria-busy={busy || undefined} onClick={() => void commit()}>
            {t('importDialog.load', { count: valid.length })}
          </button>
        </>
      }
    >
      <p className="muted">{t('importDialog.hint')}</p>
      <button type="button" disabled={reading} aria-busy={reading} onClick={() => void pick()}>
        {reading ? t('importDialog.reading') : loaded ? t('importDialog.another', { name: loaded.name }) : t('importDialog.choose')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {loaded && mapping && (
        <>
          <h3>{t('importDialog.columns')}</h3>
          <div className="mapping-grid">
            {IMPORT_FIELDS.map((f) => (
              <SelectField
                key={f}
                label={importFieldLabel(f)}
                value={String(mapping[f])}
                onChange={(v) => setMapping({ ...mapping, [f]: Number(v) })}
                options={[['-1', t('importDialog.notInFile')], ...header.map((h, i): Option<string> => [String(i), h || t('importDialog.column', { n: i + 1 })])]}
              />
            ))}
          </div>
          {noTitle && (
            <p className="form-error" role="alert">
              {t('importDialog.noTitle')}
            </p>
          )}
          <p role="status">
            {t('importDialog.counts', { rows: rows.length, valid: valid.length })}
            {problems.length > 0 ? t('importDialog.countsBad', { count: rows.length - valid.length }) : ''}.
          </p>
          {problems.length > 0 && (
            <ul className="import-problems" aria-label={t('importDialog.problems')}>
              {problems.slice(0, 50).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
              {problems.length > 50 && <li>{t('importDialog.more', { count: problems.length - 50 })}</li>}
            </ul>
          )}
          {valid.length > 0 && (
            <table className="simple-table" aria-label={t('importDialog.preview')}>
              <thead>
                <tr>
                  <th scope="col">{t('applications.project')}</th>
                  <th scope="col">{t('applications.organization')}</th>
                  <th scope="col" className="num">
                    {t('applications.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {valid.slice(0, 8).map((a, i) => (
                  <tr key={i}>
                    <td>{a.title}</td>
                    <td>{a.organizationName || '—'}</td>
                    <td className="num">{a.requestedAmount === undefined ? '—' : formatMoney(a.requestedAmount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Dialog>
  );
}
