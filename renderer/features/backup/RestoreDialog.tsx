import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, closeDialog } from '../../components/ui';
import type { BackupContent } from '../../../shared/backup/format';
import { restoreBackup, type BackupPreview } from '../../db/backup';
import { useDb } from '../../hooks/db-context';
import { formatDate } from '../../../shared/text/format';
import { tableTitle } from '../../common/tables';
import type { ConfirmDestructive } from './confirm';

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
  const { t } = useTranslation();
  const ctx = useDb();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const h = preview.header;

  const restore = async () => {
    setError(undefined);
    if (!(await confirmDestructive({ kind: 'restore', title: `Восстановить данные из копии от ${formatDate(h.createdAt, 'dateTimeSeconds')}` }))) return;
    setBusy(true);
    try {
      await restoreBackup(ctx, content);
      window.location.reload();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const changed = preview.tables.filter((t) => t.backup !== t.current);
  return (
    <Dialog
      title="Восстановление из резервной копии"
      wide
      className="restore-dialog"
      busy={busy}
      onClose={onClose}
      footer={
        <>
          {/* «Отмена» first, so the focus lands on the safe choice when the dialog opens */}
          <button type="button" onClick={closeDialog} disabled={busy}>
            Отмена
          </button>
          <button type="button" className="primary" onClick={() => void restore()} disabled={busy}>
            {busy ? 'Восстанавливаем… не закрывайте окно' : 'Восстановить'}
          </button>
        </>
      }
    >
      <p className="muted">{source}</p>
      <dl className="facts">
        <dt>Копия сделана</dt>
        <dd>{formatDate(h.createdAt, 'dateTimeSeconds')}</dd>
        <dt>Причина</dt>
        <dd>{h.reason}</dd>
        <dt>Устройство</dt>
        <dd>
          {h.device.name}
          {preview.sameDevice ? ' (это устройство)' : ' (другое устройство)'}
        </dd>
        <dt>Мероприятия в копии</dt>
        <dd>{h.events.length ? h.events.map((e) => e.title).join('; ') : 'нет'}</dd>
        <dt>Мероприятия сейчас</dt>
        <dd>{preview.currentEvents.length ? preview.currentEvents.join('; ') : 'нет'}</dd>
      </dl>
      <table className="simple-table restore-counts">
        <caption className="visually-hidden">Записей в копии и сейчас</caption>
        <thead>
          <tr>
            <th scope="col">Данные</th>
            <th scope="col" className="num">
              В копии
            </th>
            <th scope="col" className="num">
              Сейчас
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.tables
            .filter((t) => t.backup > 0 || t.current > 0)
            .map((t) => (
              <tr key={t.table} className={t.backup !== t.current ? 'differs' : undefined}>
                <th scope="row">{tableTitle(t.table)}</th>
                <td className="num">{t.backup}</td>
                <td className="num">{t.current}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <div className="restore-consequence">
        {changed.length === 0 && !preview.loses ? (
          <p>Данные в копии совпадают с текущими по количеству записей.</p>
        ) : (
          <p>Все данные на этом устройстве будут заменены данными из копии.</p>
        )}
        {preview.loses && (
          <p>
            <strong>На этом устройстве есть изменения, которых нет в копии.</strong> После восстановления их не будет здесь, пока вы не отмените
            восстановление или не получите их файлом обмена с других устройств.
          </p>
        )}
        {preview.foreignDevices.length > 0 && (
          <div className="attention">
            <p>В копии есть устройства, которых здесь нет или которые здесь записаны иначе. Они не переносятся: роли устройствам выдаёт организатор файлом подключения.</p>
            <ul>
              {preview.foreignDevices.map((d) => (
                <li key={d.id}>
                  {d.name} — {t(`deviceRole.${d.role}`, { defaultValue: d.role })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="muted">
          Перед восстановлением Сход сохранит копию текущего состояния — восстановление можно будет отменить кнопкой «Отменить восстановление» в
          разделе «Резервные копии». Имя и роль этого устройства, его подключения к мероприятиям и известные ему устройства сохранятся.
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
