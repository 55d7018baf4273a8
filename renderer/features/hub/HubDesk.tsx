/**
 * The desk's side of «Локальная сеть»: the hub it is paired with (over the pinned TLS channel), the role
 * the hub granted, and the state of the background sync.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import type { HubLinkStatus } from '../../../shared/ipc/contract';
import { bridge } from '../../bridge/bridge';
import { useDb } from '../../hooks/db-context';
import { clock } from './HubHost';
import { ensureDeskSync, stopDeskSync, useHubStore } from './hub-loops';
import { unwrap } from './resume';
import { formatNumber } from '../../../shared/text/format';

export function DeskView({ link, event, onForget }: { link: NonNullable<HubLinkStatus>; event: EventRow; onForget: () => void }) {
  const { t } = useTranslation();
  const ctx = useDb();
  const desk = useHubStore((s) => s.desk);
  const [busy, setBusy] = useState(false);
  const sameEvent = link.event.id === event.id;
  const syncNow = async () => {
    setBusy(true);
    await ensureDeskSync({
      ctx,
      eventId: event.id,
      hubDeviceId: link.hub.deviceId,
      send: (bytes) => bridge.hubSync({ eventId: event.id, bytes: bytes as Uint8Array<ArrayBuffer> }).then(unwrap),
    })
      .syncNow()
      .finally(() => setBusy(false));
  };
  return (
    <div className="hub-desk">
      <p>
        Подключено к хабу «{link.hub.name}» <span className="mono">{link.address}</span> по защищённому каналу (код хаба <span className="mono">{link.hub.code}</span>
        ). Роль, разрешённая хабом: «{t(`deviceRole.${link.role}`)}».
      </p>
      {!sameEvent ? (
        <p className="form-error">Хаб работает с мероприятием «{link.event.title}». Откройте его, чтобы синхронизироваться через хаб.</p>
      ) : (
        <dl className="facts hub-facts" aria-live="polite">
          <dt>Связь</dt>
          <dd data-testid="hub-phase" className={desk.phase === 'offline' || desk.phase === 'stopped' ? 'form-error' : undefined}>
            {desk.phase === 'offline' ? 'нет связи с хабом' : desk.phase === 'stopped' ? 'синхронизация остановлена' : desk.phase === 'syncing' ? 'синхронизация…' : desk.lastSyncAt ? 'есть' : '—'}
          </dd>
          <dt>Последняя синхронизация</dt>
          <dd data-testid="hub-last-sync">{desk.lastSyncAt ? clock(desk.lastSyncAt) : 'ещё не было'}</dd>
          <dt>Ожидает отправки</dt>
          <dd data-testid="hub-pending">{desk.pending === null ? '—' : formatNumber(desk.pending)}</dd>
        </dl>
      )}
      {desk.message && <p className="form-error">{desk.message}</p>}
      {desk.phase === 'offline' && <p className="muted small">Пока связи нет, отметки сохраняются здесь; их можно передать файлом в разделе «Обмен».</p>}
      <div className="dialog-actions">
        {sameEvent && (
          <button type="button" onClick={() => void syncNow()} disabled={busy}>
            Синхронизировать сейчас
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            stopDeskSync();
            onForget();
          }}
        >
          Отключиться от хаба
        </button>
      </div>
    </div>
  );
}
