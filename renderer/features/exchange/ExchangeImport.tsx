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
import { formatDrift } from '../../../shared/sync/quarantine';
import { EnrolmentOffer } from './EnrolmentOffer';
import { tableLabel } from '../../common/tables';
import { REFUSAL, timeOf } from './labels';
import './exchange.css';
import { formatNumber } from '../../../shared/text/format';

export const EXCHANGE_EXTENSION = 'skhod';

/**
 * «Загрузить файл»: open or drop an exchange file, see what is in it, apply it. `eventId` is the event
 * open here (null on the first-run screen, where a file brings the event to a new device).
 */
export function ExchangeImport({ eventId }: { eventId: string | null }) {
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
    setBusy(`Проверяем «${name}»…`);
    try {
      setFileName(name);
      if (isEnrolmentFile(bytes)) setEnrolment(await readEnrolmentFile(bytes));
      else setPreview(await previewExchange(ctx, bytes, eventId));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
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
    const picked = await bridge.openFile({ title: 'Файл обмена', filters: [{ name: 'Файлы обмена и подключения Схода', extensions: [EXCHANGE_EXTENSION, ENROLMENT_EXTENSION] }], maxBytes: MAX_FILE_BYTES });
    if ('error' in picked) return setError(picked.error.message);
    if (picked.data) await read(picked.data.name, picked.data.bytes);
  };

  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setError('Файл больше 100 МБ — это не файл обмена Схода.');
    await read(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  const apply = async () => {
    if (!preview) return;
    try {
      // nothing to protect on a device that has no event yet
      if (eventId !== null) {
        setBusy('Сохраняем резервную копию…');
        const backup = await backupBeforeRisk(ctx, `Перед файлом обмена от «${preview.file.header.sender.name}»`);
        setBackupNote(backup.ok ? null : `Резервная копия перед загрузкой не сохранена: ${backup.message}`);
      }
      setBusy('Применяем изменения…');
      const result = await applyExchange(ctx, preview.file);
      // a desk cache replays what the file noted; only one the file voided (or a new event) is read afresh
      if (result.deskCachesVoided || preview.newEvent) void refreshDeskCache(ctx, preview.file.header.eventId).catch(() => undefined);
      setDone(result);
      // an event this device did not hold opens by itself only on the first-run screen: a file never
      // switches the event a device is working on
      if (preview.newEvent && eventId === null) setEventId(preview.file.header.eventId);
      setPreview(null);
    } catch (e) {
      setError(`Файл не применён, данные не изменились. ${e instanceof Error ? e.message : String(e)}`);
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
      <h2 className="subheading">Загрузить файл</h2>
      <p className="muted small">
        Откройте файл обмена (.{EXCHANGE_EXTENSION}) или файл подключения (.{ENROLMENT_EXTENSION}) или перетащите его сюда. Сначала вы увидите, что в нём, — данные
        изменятся только после «Применить».
      </p>
      <div className="dialog-actions">
        <button type="button" disabled={busy !== null} onClick={() => void pick()}>
          Открыть файл обмена…
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
          Готово: новых изменений — {formatNumber(done.fresh)}, обновлено записей — {formatNumber(done.rowsWritten)}
          {done.refused > 0 && `, отклонено — ${done.refused}`}
          {done.conflicts > 0 && `, на проверку — ${done.conflicts} (см. «Конфликты» ниже)`}.
        </p>
      )}
      {backupNote && <p className="attention">{backupNote}</p>}
      {enrolment && <EnrolmentOffer file={enrolment} fileName={fileName} onCancel={() => setEnrolment(null)} />}
      {preview && <PreviewView preview={preview} fileName={fileName} busy={busy !== null} onApply={() => void apply()} onCancel={() => setPreview(null)} />}
    </div>
  );
}

function PreviewView({ preview, fileName, busy, onApply, onCancel }: { preview: ExchangePreview; fileName: string; busy: boolean; onApply: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { header } = preview.file;
  const counts = Object.entries(preview.freshCounts).sort((a, b) => b[1] - a[1]);
  return (
    <div className="exchange-preview" aria-label="Что в файле">
      <h3>{fileName}</h3>
      <dl className="facts">
        <dt>Отправитель</dt>
        <dd>
          {header.sender.name} — {preview.senderRole ? t(`deviceRole.${preview.senderRole}`) : 'не подключено организатором к этому мероприятию'}
        </dd>
        <dt>Мероприятие</dt>
        <dd>{preview.newEvent ? `«${preview.eventTitle}» — новое для этого устройства, будет добавлено` : `«${preview.eventTitle}»`}</dd>
        <dt>Создан</dt>
        <dd>{timeOf(header.createdAt)}</dd>
        <dt>Изменений в файле</dt>
        <dd>
          {formatNumber(preview.file.changes.length)}, из них новых здесь — {formatNumber(preview.fresh)}
        </dd>
        <dt>Код ключа</dt>
        <dd className="mono">{preview.fingerprint}</dd>
      </dl>
      {preview.file.trust === 'first-use' && !preview.senderRole && (
        <p className="attention">Это устройство присылает файл впервые. Если есть сомнения, сверьте код ключа с экраном «Обмен» на устройстве-отправителе.</p>
      )}
      {preview.roleChanged && (
        <p className="attention">
          Роль устройства изменилась: было «{t(`deviceRole.${preview.roleChanged.from}`)}», стало «{t(`deviceRole.${preview.roleChanged.to}`)}».
        </p>
      )}
      {preview.drift && (
        <p className="attention">
          Часы устройства «{header.sender.name}» спешат примерно на {formatDrift(preview.drift.aheadMs)}. Файл можно применить, но поправьте время на том
          устройстве.
        </p>
      )}
      {preview.quarantined.length > 0 && (
        <div className="attention" role="note">
          <p>Будут отложены изменения с неверным временем — они не подействуют, пока организатор их не примет (раздел «Конфликты»):</p>
          <ul>
            {preview.quarantined.map((q) => (
              <li key={q.device}>
                {q.device === header.sender.deviceId ? `«${header.sender.name}»` : `устройство ${q.device.slice(0, 8)}`}: {formatNumber(q.count)} изм., часы впереди
                на {formatDrift(q.aheadMs)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {counts.length > 0 ? (
        <ul className="exchange-counts">
          {counts.map(([table, n]) => (
            <li key={table}>
              {tableLabel(table)}: <strong>{formatNumber(n)}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p>Всё из этого файла здесь уже есть — применять нечего.</p>
      )}
      {preview.conflicts.length > 0 && <p>Будет на проверку: {preview.conflicts.length} (одно и то же поле изменили на двух устройствах или человека отметили дважды).</p>}
      {preview.refused.length > 0 && (
        <details open>
          <summary>Не будет принято: {preview.refused.length}</summary>
          <ul>
            {summarizeRefusals(preview.refused).map(([text, n]) => (
              <li key={text}>
                {text}: {n}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} disabled={busy}>
          Отмена
        </button>
        <button type="button" className="primary" onClick={onApply} disabled={busy || (preview.fresh === 0 && preview.quarantined.length === 0)}>
          Применить
        </button>
      </div>
    </div>
  );
}

function summarizeRefusals(refused: ExchangePreview['refused']): [string, number][] {
  const by = new Map<string, number>();
  for (const r of refused) {
    const text = `${tableLabel(r.change.table)} — ${REFUSAL[r.reason]}${r.detail ? `: ${r.detail}` : ''}`;
    by.set(text, (by.get(text) ?? 0) + 1);
  }
  return [...by];
}

