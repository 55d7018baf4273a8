import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { bridge } from '../../bridge/bridge';
import { exportExchange } from '../../db/repo/exchange-export';
import { usePeerStatus, useSyncBook } from '../../hooks/use-exchange';
import { useDb } from '../../hooks/db-context';
import { timeOf } from './labels';
import { ConflictReview } from './ConflictReview';
import { HubPanel } from '../hub';
import { EnrolPanel } from './EnrolPanel';
import { ExchangeImport } from './ExchangeImport';
import './exchange.css';
import { formatNumber } from '../../../shared/text/format';

/** Обмен: files between devices (export, import with preview), conflict review, history. */
export function ExchangePage({ event }: { event: EventRow }) {
  return (
    <section className="page page-exchange">
      <header className="page-header">
        <h1>Обмен</h1>
      </header>
      <p className="muted exchange-lead">
        Устройства без интернета обмениваются файлами: выгрузите файл здесь, перенесите на флешке или через мессенджер и загрузите на другом
        устройстве. Порядок и повторы не важны — данные сойдутся, отметки прихода не теряются.
      </p>
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
  const { t } = useTranslation();
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
        setMessage({ ok: true, text: `Файл сохранён: ${formatNumber(file.changes)} изменений${file.full ? ' (полный файл)' : ''}. Передайте его на другое устройство.` });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-block exchange-panel">
      <h2 className="subheading">Выгрузить файл</h2>
      <label className="field">
        <span>Для кого</span>
        <select value={peerId} onChange={(e) => setPeerId(e.target.value)}>
          <option value="">Полный файл — для любого устройства</option>
          {peers?.map((p) => (
            <option key={p.device.id} value={p.device.id}>
              {p.device.name}, {t(`deviceRole.${p.device.role}`)} — не подтвердило: {formatNumber(p.pending)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">
        Для известного устройства в файл попадает только то, чего оно ещё не видело. Полный файл подходит новому устройству и всегда безопасен.
      </p>
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {busy ? 'Готовим файл…' : 'Сохранить файл обмена…'}
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'exchange-ok' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {peers && peers.length > 0 && (
        <table className="simple-table exchange-peers">
          <caption className="visually-hidden">Известные устройства</caption>
          <thead>
            <tr>
              <th>Устройство</th>
              <th>Роль</th>
              <th className="num">Не подтвердило получение</th>
              <th>Последний обмен</th>
            </tr>
          </thead>
          <tbody>
            {peers.map((p) => (
              <tr key={p.device.id}>
                <td>{p.device.name}</td>
                <td>{t(`deviceRole.${p.device.role}`)}</td>
                <td className="num">{formatNumber(p.pending)}</td>
                <td>{p.lastExchange ? `${timeOf(p.lastExchange.at)}, ${p.lastExchange.direction === 'sent' ? 'отправлен файл' : 'получен файл'}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function History({ event }: { event: EventRow }) {
  const book = useSyncBook(event.id);
  if (!book || book.history.length === 0) return null;
  return (
    <div className="report-block">
      <h2 className="subheading">История обмена</h2>
      <table className="simple-table">
        <thead>
          <tr>
            <th>Когда</th>
            <th>Что</th>
            <th>Устройство</th>
            <th className="num">Изменений</th>
          </tr>
        </thead>
        <tbody>
          {book.history.map((h, i) => (
            <tr key={`${h.at}-${i}`}>
              <td>{timeOf(h.at)}</td>
              <td>{h.via === 'hub' ? (h.direction === 'sent' ? 'отправлено по сети' : 'получено по сети') : h.direction === 'sent' ? 'выгружен файл' : 'загружен файл'}</td>
              <td>{h.peerName}</td>
              <td className="num">
                {formatNumber(h.changes)}
                {h.fresh !== undefined && ` (новых ${formatNumber(h.fresh)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
