import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, closeDialog } from '../../components/ui';
import type { BackupContent } from '../../../shared/backup/format';
import { restoreBackup, type BackupPreview } from '../../db/backup';
import { useDb } from '../../hooks/db-context';
import { formatDate, formatNumber } from '../../../shared/text/format';
import { tableTitle } from '../../common/tables';
import type { ConfirmDestructive } from './confirm';
import { errorText } from '../../i18n';

type Props = {
  content: BackupContent;
  preview: BackupPreview;
  /** Where the backup came from, for the heading: a file name or «резервная копия на этом устройстве». */
  source: string;
  confirmDestructive: ConfirmDestructive;
  onClose: () => void;
};

/**
 * The restore preview: what the backup holds next to what is here now, and what happens to the
 * difference. Nothing is written until «Восстановить»; then the whole database is replaced in one
 * transaction and the page reloads (in-memory indexes were built from the old data).
 */
export function RestoreDialog({ content, preview, source, confirmDestructive, onClose }: Props) {
  const { t } = useTranslation('backup');
  const ctx = useDb();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const h = preview.header;

  const restore = async () => {
    setError(undefined);
    if (!(await confirmDestructive({ kind: 'restore', title: t('restore.confirmTitle', { time: formatDate(h.createdAt, 'dateTimeSeconds') }) }))) return;
    setBusy(true);
    try {
      await restoreBackup(ctx, content);
      window.location.reload();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  const changed = preview.tables.filter((row) => row.backup !== row.current);
  return (
    <Dialog
      title={t('restore.title')}
      wide
      className="restore-dialog"
      busy={busy}
      onClose={onClose}
      footer={
        <>
          {/* «Отмена» first, so the focus lands on the safe choice when the dialog opens */}
          <button type="button" onClick={closeDialog} disabled={busy}>
            {t('restore.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => void restore()} disabled={busy}>
            {busy ? t('restore.restoring') : t('restore.restore')}
          </button>
        </>
      }
    >
      <p className="muted">{source}</p>
      <dl className="facts">
        <dt>{t('restore.createdAt')}</dt>
        <dd>{formatDate(h.createdAt, 'dateTimeSeconds')}</dd>
        <dt>{t('restore.reason')}</dt>
        <dd>{h.reason}</dd>
        <dt>{t('restore.device')}</dt>
        <dd>
          {t(preview.sameDevice ? 'restore.thisDevice' : 'restore.otherDevice', { name: h.device.name })}
        </dd>
        <dt>{t('restore.eventsInCopy')}</dt>
        <dd>{h.events.length ? h.events.map((e) => e.title).join('; ') : t('restore.none')}</dd>
        <dt>{t('restore.eventsNow')}</dt>
        <dd>{preview.currentEvents.length ? preview.currentEvents.join('; ') : t('restore.none')}</dd>
      </dl>
      <table className="simple-table restore-counts">
        <caption className="visually-hidden">{t('restore.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('restore.data')}</th>
            <th scope="col" className="num">
              {t('restore.inCopy')}
            </th>
            <th scope="col" className="num">
              {t('restore.now')}
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.tables
            .filter((row) => row.backup > 0 || row.current > 0)
            .map((row) => (
              <tr key={row.table} className={row.backup !== row.current ? 'differs' : undefined}>
                <th scope="row">{tableTitle(row.table)}</th>
                <td className="num">{formatNumber(row.backup)}</td>
                <td className="num">{formatNumber(row.current)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <div className="restore-consequence">
        {changed.length === 0 && !preview.loses ? (
          <p>{t('restore.same')}</p>
        ) : (
          <p>{t('restore.replaced')}</p>
        )}
        {preview.loses && (
          <p>
            <strong>{t('restore.losesStrong')}</strong>
            {t('restore.loses')}
          </p>
        )}
        {preview.foreignDevices.length > 0 && (
          <div className="attention">
            <p>{t('restore.foreign')}</p>
            <ul>
              {preview.foreignDevices.map((d) => (
                <li key={d.id}>
                  {t('restore.foreignDevice', { name: d.name, role: t(`app:deviceRole.${d.role}`, { defaultValue: d.role }) })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="muted">
          {t('restore.undoNote')}
        </p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
