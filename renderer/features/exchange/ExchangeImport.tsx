import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES } from '../../../shared/ipc/limits';
import { ENROLMENT_EXTENSION, isEnrolmentFile, readEnrolmentFile, type EnrolmentFile } from '../../../shared/trust/enrolment-file';
import { bridge } from '../../bridge/bridge';
import { backupBeforeRisk } from '../../db/backup';
import { refreshDeskCache } from '../../db/repo/desk-cache';
import { applyExchange, previewExchange, type ApplyResult, type ExchangePreview } from '../../db/repo/exchange-apply';
import { useDb } from '../../hooks/db-context';
import { useOpenedFileStore } from '../../stores/opened-file-store';
import { useUiStore } from '../../stores/ui-store';
import { errorText, tr } from '../../i18n';
import { formatNumber } from '../../../shared/text/format';
import { tableLabel } from '../../common/tables';
import { EnrolmentOffer } from './EnrolmentOffer';
import { driftText, refusalText, timeOf } from './labels';
import './exchange.css';

export const EXCHANGE_EXTENSION = 'skhod';

/**
 * «Загрузить файл»: open or drop an exchange file, see what is in it, apply it. `eventId` is the event
 * open here (null on the first-run screen, where a file brings the event to a new device).
 */
export function ExchangeImport({ eventId }: { eventId: string | null }) {
  const { t } = useTranslation('exchange');
  const ctx = useDb();
  const setEventId = useUiStore((s) => s.setEventId);
  const [preview, setPreview] = useState<ExchangePreview | null>(null);
  const [enrolment, setEnrolment] = useState<EnrolmentFile | null>(null);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<ApplyResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const [backupNote, setBackupNote] = useState<string | null>(null);

  const read = async (name: string, bytes: Uint8Array) => {
    setError(null);
    setDone(null);
    setPreview(null);
    setEnrolment(null);
    setBusy(t('import.checking', { name }));
    try {
      setFileName(name);
      if (isEnrolmentFile(bytes)) setEnrolment(await readEnrolmentFile(bytes));
      else setPreview(await previewExchange(ctx, bytes, eventId));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  // a file the OS opened (double-click) is previewed as if it had been chosen here: one waiting when
  // this panel opens, or one arriving while it is open
  useEffect(() => {
    const takePending = () => {
      const file = useOpenedFileStore.getState().take();
      if (file) void read(file.name, file.bytes);
    };
    const first = setTimeout(takePending, 0);
    const unsubscribe = useOpenedFileStore.subscribe((s) => s.pending && takePending());
    return () => {
      clearTimeout(first);
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribed once; read() only sets this panel's state
  }, []);

  const pick = async () => {
    const picked = await bridge.openFile({ title: t('import.dialogTitle'), filters: [{ name: t('import.filterName'), extensions: [EXCHANGE_EXTENSION, ENROLMENT_EXTENSION] }], maxBytes: MAX_FILE_BYTES });
    if ('error' in picked) return setError(picked.error.message);
    if (picked.data) await read(picked.data.name, picked.data.bytes);
  };

  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setError(t('import.tooBig'));
    await read(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  const apply = async () => {
    if (!preview) return;
    try {
      // nothing to protect on a device that has no event yet
      if (eventId !== null) {
        setBusy(t('import.backingUp'));
        const backup = await backupBeforeRisk(ctx, t('import.backupReason', { sender: preview.file.header.sender.name }));
        setBackupNote(backup.ok ? null : t('import.backupFailed', { message: backup.message }));
      }
      setBusy(t('import.applying'));
      const result = await applyExchange(ctx, preview.file);
      // a desk cache replays what the file noted; only one the file voided (or a new event) is read afresh
      if (result.deskCachesVoided || preview.newEvent) void refreshDeskCache(ctx, preview.file.header.eventId).catch(() => undefined);
      setDone(result);
      // an event this device did not hold opens by itself only on the first-run screen: a file never
      // switches the event a device is working on
      if (preview.newEvent && eventId === null) setEventId(preview.file.header.eventId);
      setPreview(null);
    } catch (e) {
      setError(t('import.notApplied', { message: errorText(e) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div
      className={`report-block exchange-panel exchange-drop${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void drop(e)}
    >
      <h2 className="subheading">{t('import.heading')}</h2>
      <p className="muted small">{t('import.hint', { exchange: EXCHANGE_EXTENSION, enrolment: ENROLMENT_EXTENSION })}</p>
      <div className="dialog-actions">
        <button type="button" disabled={busy !== null} onClick={() => void pick()}>
          {t('import.open')}
        </button>
      </div>
      {busy && <p role="status">{busy}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="exchange-ok" role="status">
          {t('import.done', { fresh: formatNumber(done.fresh), rows: formatNumber(done.rowsWritten) })}
          {done.refused > 0 && t('import.doneRefused', { count: formatNumber(done.refused) })}
          {done.conflicts > 0 && t('import.doneConflicts', { count: formatNumber(done.conflicts) })}.
        </p>
      )}
      {backupNote && <p className="attention">{backupNote}</p>}
      {enrolment && <EnrolmentOffer file={enrolment} fileName={fileName} onCancel={() => setEnrolment(null)} />}
      {preview && <PreviewView preview={preview} fileName={fileName} busy={busy !== null} onApply={() => void apply()} onCancel={() => setPreview(null)} />}
    </div>
  );
}

function PreviewView({ preview, fileName, busy, onApply, onCancel }: { preview: ExchangePreview; fileName: string; busy: boolean; onApply: () => void; onCancel: () => void }) {
  const { t } = useTranslation('exchange');
  const { header } = preview.file;
  const counts = Object.entries(preview.freshRecords).sort((a, b) => b[1] - a[1]);
  return (
    <div className="exchange-preview" aria-label={t('preview.label')}>
      <h3>{fileName}</h3>
      <dl className="facts">
        <dt>{t('preview.sender')}</dt>
        <dd>
          {header.sender.name} — {preview.senderRole ? t(`app:deviceRole.${preview.senderRole}`) : t('preview.senderUnknown')}
        </dd>
        <dt>{t('preview.event')}</dt>
        <dd>{t(preview.newEvent ? 'preview.eventNew' : 'preview.eventKnown', { title: preview.eventTitle })}</dd>
        <dt>{t('preview.created')}</dt>
        <dd>{timeOf(header.createdAt)}</dd>
        <dt>{t('preview.changes')}</dt>
        <dd>{t('preview.changesFresh', { total: formatNumber(preview.file.changes.length), fresh: formatNumber(preview.fresh) })}</dd>
        <dt>{t('preview.keyCode')}</dt>
        <dd className="mono">{preview.fingerprint}</dd>
      </dl>
      {preview.file.trust === 'first-use' && !preview.senderRole && (
        <p className="attention">{t('preview.firstUse')}</p>
      )}
      {preview.roleChanged && (
        <p className="attention">{t('preview.roleChanged', { from: t(`app:deviceRole.${preview.roleChanged.from}`), to: t(`app:deviceRole.${preview.roleChanged.to}`) })}</p>
      )}
      {preview.drift && (
        <p className="attention">{t('preview.drift', { name: header.sender.name, drift: driftText(preview.drift.aheadMs) })}</p>
      )}
      {preview.quarantined.length > 0 && (
        <div className="attention" role="note">
          <p>{t('preview.held')}</p>
          <ul>
            {preview.quarantined.map((q) => (
              <li key={q.device}>
                {t('preview.heldLine', {
                  device: q.device === header.sender.deviceId ? `«${header.sender.name}»` : t('preview.heldDevice', { id: q.device.slice(0, 8) }),
                  count: formatNumber(q.count),
                  drift: driftText(q.aheadMs),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {counts.length > 0 ? (
        <>
          <p className="muted small">{t('preview.records')}</p>
          <ul className="exchange-counts" aria-label={t('preview.records')}>
            {counts.map(([table, n]) => (
              <li key={table}>
                {tableLabel(table)}: <strong>{formatNumber(n)}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('preview.nothing')}</p>
      )}
      {preview.conflicts.length > 0 && <p>{t('preview.conflicts', { count: formatNumber(preview.conflicts.length) })}</p>}
      {preview.refused.length > 0 && (
        <details open>
          <summary>{t('preview.refused', { count: formatNumber(preview.refused.length) })}</summary>
          <ul>
            {summarizeRefusals(preview.refused).map(([text, n]) => (
              <li key={text}>
                {text}: {formatNumber(n)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('app:common.cancel')}
        </button>
        <button type="button" className="primary" onClick={onApply} disabled={busy || (preview.fresh === 0 && preview.quarantined.length === 0)}>
          {t('preview.apply')}
        </button>
      </div>
    </div>
  );
}

function summarizeRefusals(refused: ExchangePreview['refused']): [string, number][] {
  const by = new Map<string, number>();
  for (const r of refused) {
    const t = tr('exchange');
    const line = { table: tableLabel(r.change.table), reason: refusalText(r.reason), detail: r.detail };
    const text = r.detail ? t('refusalDetail', line) : t('refusalLine', line);
    by.set(text, (by.get(text) ?? 0) + 1);
  }
  return [...by];
}

