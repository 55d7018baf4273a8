import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { bridge } from '../../bridge/bridge';
import { exportExchange } from '../../db/repo/exchange-export';
import { usePeerStatus, useSyncBook } from '../../hooks/use-exchange';
import { useDb } from '../../hooks/db-context';
import { formatNumber } from '../../../shared/text/format';
import { timeOf } from './labels';
import { ConflictReview } from './ConflictReview';
import { HubPanel } from '../hub';
import { EnrolPanel } from './EnrolPanel';
import { ExchangeImport } from './ExchangeImport';
import './exchange.css';
import { errorText } from '../../i18n';
import { SelectField } from '../../components/ui';

/** Обмен: files between devices (export, import with preview), conflict review, history. */
export function ExchangePage({ event }: { event: EventRow }) {
  const { t } = useTranslation('exchange');
  return (
    <section className="page page-exchange">
      <header className="page-header">
        <h1>{t('heading')}</h1>
      </header>
      <p className="muted exchange-lead">{t('lead')}</p>
      <div className="exchange-columns">
        <ExportPanel event={event} />
        <ExchangeImport eventId={event.id} />
      </div>
      <EnrolPanel event={event} />
      <HubPanel event={event} />
      <ConflictReview event={event} />
      <History event={event} />
    </section>
  );
}

function ExportPanel({ event }: { event: EventRow }) {
  const { t } = useTranslation('exchange');
  const ctx = useDb();
  const peers = usePeerStatus(event.id);
  const [peerId, setPeerId] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const file = await exportExchange(ctx, event.id, peerId ? { peerId } : { full: true });
      const saved = await bridge.saveFile({ suggestedName: file.fileName, bytes: new Uint8Array(file.bytes) });
      if ('error' in saved) setMessage({ ok: false, text: saved.error.message });
      else if (saved.data)
        setMessage({ ok: true, text: t(file.full ? 'export.savedFull' : 'export.saved', { count: file.changes }) });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-block exchange-panel">
      <h2 className="subheading">{t('export.heading')}</h2>
      <SelectField
        label={t('export.forWhom')}
        value={peerId}
        onChange={setPeerId}
        placeholder={t('export.full')}
        options={(peers ?? []).map((p) => [p.device.id, t('export.peer', { name: p.device.name, role: t(`app:deviceRole.${p.device.role}`), pending: formatNumber(p.pending) })] as const)}
      />
      <p className="muted small">{t('export.hint')}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {busy ? t('export.preparing') : t('export.save')}
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'exchange-ok' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {peers && peers.length > 0 && (
        <table className="simple-table exchange-peers">
          <caption className="visually-hidden">{t('export.peers')}</caption>
          <thead>
            <tr>
              <th>{t('export.device')}</th>
              <th>{t('export.role')}</th>
              <th className="num">{t('export.pending')}</th>
              <th>{t('export.last')}</th>
            </tr>
          </thead>
          <tbody>
            {peers.map((p) => (
              <tr key={p.device.id}>
                <td>{p.device.name}</td>
                <td>{t(`app:deviceRole.${p.device.role}`)}</td>
                <td className="num">{formatNumber(p.pending)}</td>
                <td>{p.lastExchange ? t(p.lastExchange.direction === 'sent' ? 'export.lastSent' : 'export.lastReceived', { time: timeOf(p.lastExchange.at) }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function History({ event }: { event: EventRow }) {
  const { t } = useTranslation('exchange');
  const book = useSyncBook(event.id);
  if (!book || book.history.length === 0) return null;
  return (
    <div className="report-block">
      <h2 className="subheading">{t('history.heading')}</h2>
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t('history.when')}</th>
            <th>{t('history.what')}</th>
            <th>{t('history.device')}</th>
            <th className="num">{t('history.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {book.history.map((h, i) => (
            <tr key={`${h.at}-${i}`}>
              <td>{timeOf(h.at)}</td>
              <td>{t(`history.${h.via === 'hub' ? 'hub' : 'file'}${h.direction === 'sent' ? 'Sent' : 'Received'}`)}</td>
              <td>{h.peerName}</td>
              <td className="num">{h.fresh !== undefined ? t('history.fresh', { changes: formatNumber(h.changes), fresh: formatNumber(h.fresh) }) : formatNumber(h.changes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
