/**
 * Конфликты: every edit an exchange left without effect, with both sides and one click to choose the
 * other (renderer/db/repo/sync-conflicts.ts): a field edited on two devices, a person checked in at
 * two desks, an edit hidden by a delete («восстановить»), an annul that missed another desk's arrival.
 */
import { useState } from 'react';
import type { EventRow } from '../../../shared/domain/types';
import { resolveConflict, type ConflictResolution, type StoredConflict } from '../../db/repo/sync-conflicts';
import { useDb } from '../../hooks/db-context';
import { useDeviceNames, useRowLabels, useSyncConflicts } from '../../hooks/use-exchange';
import { tableRowLabel } from '../../common/tables';
import { fieldLabel, formatValue, stampTime, timeOf } from './labels';
import { QuarantineReview } from './QuarantineReview';

type Entry = { id: string; device: string; hlc: string; operator?: string; at?: string };

export function ConflictReview({ event }: { event: EventRow }) {
  const ctx = useDb();
  const conflicts = useSyncConflicts(event.id);
  const devices = useDeviceNames();
  const [showClosed, setShowClosed] = useState(false);
  const open = conflicts?.filter((c) => !c.resolved) ?? [];
  const shown = showClosed ? (conflicts ?? []) : open;
  const labels = useRowLabels(shown);
  const deviceName = (id: string) => (id === ctx.device.id ? `${ctx.device.name} (это устройство)` : (devices?.get(id) ?? `устройство ${id.slice(0, 4)}`));
  const [error, setError] = useState<string | null>(null);
  const resolve = (c: StoredConflict, as: ConflictResolution) =>
    resolveConflict(ctx, event.id, c.id, as).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  const entryLine = (e: Entry) => (
    <>
      {deviceName(e.device)}, {e.at ? timeOf(e.at) : stampTime(e.hlc)}
      {e.operator && `, оператор ${e.operator}`}
    </>
  );
  const person = (registrationId: string) => labels.get(`registrations|${registrationId}`) ?? 'Участник';
  const choice = (item: StoredConflict, kept: string, other: string, done: { kept: string; other: string }) =>
    item.resolved ? (
      <p className="muted small">{item.resolved.as === 'other' ? done.other : done.kept}</p>
    ) : (
      <div className="dialog-actions">
        <button type="button" onClick={() => void resolve(item, 'kept')}>
          {kept}
        </button>
        <button type="button" onClick={() => void resolve(item, 'other')}>
          {other}
        </button>
      </div>
    );

  return (
    <div className="report-block">
      <h2 className="subheading">
        Конфликты {open.length > 0 && <span className="tag">{open.length}</span>}
      </h2>
      <QuarantineReview event={event} deviceName={deviceName} />
      {conflicts && conflicts.length === 0 && <p className="muted">Конфликтов нет: ни одно поле не меняли на двух устройствах одновременно, двойных отметок нет.</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="conflict-list">
        {shown.map((item) => {
          const c = item.conflict;
          switch (c.kind) {
            case 'double-checkin':
              return (
                <li key={item.id} className="conflict">
                  <p>
                    <strong>{person(c.registrationId)}</strong>: приход отмечен на двух устройствах — засчитан один:
                  </p>
                  <ul>
                    {c.entries.map((e) => (
                      <li key={e.id}>{entryLine(e)}</li>
                    ))}
                  </ul>
                  {item.resolved ? <p className="muted small">Просмотрено</p> : <button type="button" onClick={() => void resolve(item, 'seen')}>Понятно</button>}
                </li>
              );
            case 'annul-vs-checkin':
              return (
                <li key={item.id} className="conflict">
                  <p>
                    <strong>{person(c.registrationId)}</strong>: приход отмечен на стойке {c.arrivals.map((e) => deviceName(e.device)).join(', ')}, отменено на стойке{' '}
                    {deviceName(c.annul.device)} — та стойка не видела эту отметку, приход остаётся в силе.
                  </p>
                  <ul>
                    {c.arrivals.map((e) => (
                      <li key={e.id}>приход отмечен: {entryLine(e)}</li>
                    ))}
                    <li>
                      отменено: {entryLine(c.annul)}
                      {c.annul.reason && `, причина: ${c.annul.reason}`}
                    </li>
                  </ul>
                  {choice(item, 'Восстановить: оставить приход', 'Выбрать другое: отменить и эту отметку', { kept: 'Приход оставлен', other: 'Отметка отменена' })}
                </li>
              );
            case 'delete-edit': {
              const label = labels.get(`${c.table}|${c.rowId}`) ?? rowTitle(c.row) ?? tableRowLabel(c.table);
              return (
                <li key={item.id} className="conflict">
                  <p>
                    <strong>{label}</strong> удалили на одном устройстве, пока на другом её меняли — правка не видна:
                  </p>
                  <ul>
                    <li>
                      удалено — {deviceName(c.deleted.device)}, {stampTime(c.deleted.hlc)}
                    </li>
                    <li>
                      изменено — {deviceName(c.edit.device)}, {stampTime(c.edit.hlc)}:{' '}
                      {Object.entries(c.edit.fields)
                        .filter(([f]) => f !== 'id')
                        .map(([f, v]) => `${fieldLabel(f)} ${formatValue(v)}`)
                        .join(', ')}
                    </li>
                  </ul>
                  {choice(item, 'Оставить удалённой', 'Восстановить', { kept: 'Оставлено удалённым', other: 'Восстановлено' })}
                </li>
              );
            }
            case 'field':
              return (
                <li key={item.id} className="conflict">
                  <p>
                    <strong>{labels.get(`${c.table}|${c.rowId}`) ?? tableRowLabel(c.table)}</strong> — {fieldLabel(c.field)} изменили на двух устройствах:
                  </p>
                  <ul>
                    <li>
                      действует {formatValue(c.winner.value)} — {deviceName(c.winner.device)}, {stampTime(c.winner.hlc)}
                    </li>
                    <li>
                      не принято {formatValue(c.loser.value)} — {deviceName(c.loser.device)}, {stampTime(c.loser.hlc)}
                    </li>
                  </ul>
                  {choice(item, `Оставить ${formatValue(c.winner.value)}`, `Выбрать ${formatValue(c.loser.value)}`, { kept: 'Оставлено действующее значение', other: 'Выбрано другое значение' })}
                </li>
              );
          }
        })}
      </ul>
      {conflicts && conflicts.length > open.length && (
        <label className="checkbox">
          <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} /> Показать закрытые ({conflicts.length - open.length})
        </label>
      )}
    </div>
  );
}

/** A deleted row has no stored label to read: its last values name it. */
function rowTitle(row: Record<string, unknown>): string | undefined {
  const parts = [row.surname, row.name, row.patronymic].filter((x): x is string => typeof x === 'string' && x !== '');
  if (parts.length) return parts.join(' ');
  return typeof row.title === 'string' ? row.title : typeof row.badgeCode === 'string' ? `регистрация ${row.badgeCode}` : undefined;
}
