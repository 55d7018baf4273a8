/**
 * The desk's side of «Локальная сеть»: the hub it is paired with (over the pinned TLS channel), the role
 * the hub granted, and the state of the background sync.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import type { HubLinkStatus } from '../../../shared/ipc/contract';
import { formatNumber } from '../../../shared/text/format';
import { bridge } from '../../bridge/bridge';
import { useDb } from '../../hooks/db-context';
import { clock } from './HubHost';
import { ensureDeskSync, stopDeskSync, useHubStore } from './hub-loops';
import { unwrap } from './resume';

export function DeskView({ link, event, onForget }: { link: NonNullable<HubLinkStatus>; event: EventRow; onForget: () => void }) {
  const { t } = useTranslation('hub');
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
        <Trans
          t={t}
          i18nKey="desk.linked"
          values={{ name: link.hub.name, address: link.address, code: link.hub.code, role: t(`app:deviceRole.${link.role}`) }}
          components={{ mono: <span className="mono" /> }}
        />
      </p>
      {!sameEvent ? (
        <p className="form-error">{t('desk.otherEvent', { title: link.event.title })}</p>
      ) : (
        <dl className="facts hub-facts" aria-live="polite">
          <dt>{t('desk.link')}</dt>
          <dd data-testid="hub-phase" className={desk.phase === 'offline' || desk.phase === 'stopped' ? 'form-error' : undefined}>
            {desk.phase === 'offline' ? t('desk.offline') : desk.phase === 'stopped' ? t('desk.stopped') : desk.phase === 'syncing' ? t('desk.syncing') : desk.lastSyncAt ? t('desk.ok') : '—'}
          </dd>
          <dt>{t('desk.lastSync')}</dt>
          <dd data-testid="hub-last-sync">{desk.lastSyncAt ? clock(desk.lastSyncAt) : t('desk.never')}</dd>
          <dt>{t('desk.pending')}</dt>
          <dd data-testid="hub-pending">{desk.pending === null ? '—' : formatNumber(desk.pending)}</dd>
        </dl>
      )}
      {desk.message && <p className="form-error">{desk.message}</p>}
      {desk.phase === 'offline' && <p className="muted small">{t('desk.offlineHint')}</p>}
      <div className="dialog-actions">
        {sameEvent && (
          <button type="button" onClick={() => void syncNow()} disabled={busy}>
            {t('desk.syncNow')}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            stopDeskSync();
            onForget();
          }}
        >
          {t('desk.forget')}
        </button>
      </div>
    </div>
  );
}
