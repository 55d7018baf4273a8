/**
 * Конфликты: every edit an exchange left without effect, with both sides and one click to choose the
 * other (renderer/db/repo/sync-conflicts.ts): a field edited on two devices, a person checked in at
 * two desks, an edit hidden by a delete («восстановить»), an annul that missed another desk's arrival.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { resolveConflict, type ConflictResolution, type StoredConflict } from '../../db/repo/sync-conflicts';
import { useDb } from '../../hooks/db-context';
import { errorText, tr } from '../../i18n';
import { useDeviceNames, useRowLabels, useSyncConflicts } from '../../hooks/use-exchange';
import { fieldLabel, type RecordNames } from '../audit';
import { tableRowLabel } from '../../common/tables';
import { quotedValue, stampTime, timeOf } from './labels';
import { QuarantineReview } from './QuarantineReview';

type Entry = { id: string; device: string; hlc: string; operator?: string; at?: string };

export function ConflictReview({ event }: { event: EventRow }) {
  const { t } = useTranslation('exchange');
  const ctx = useDb();
  const conflicts = useSyncConflicts(event.id);
  const devices = useDeviceNames();
  const [showClosed, setShowClosed] = useState(false);
  const open = conflicts?.filter((c) => !c.resolved) ?? [];
  const shown = showClosed ? (conflicts ?? []) : open;
  const labels = useRowLabels(shown);
  const deviceName = (id: string) => (id === ctx.device.id ? t('conflicts.thisDevice', { name: ctx.device.name }) : (devices?.get(id) ?? t('conflicts.device', { id: id.slice(0, 4) })));
  const names: RecordNames = { row: (table, id) => labels.get(`${table}|${id}`) };
  const [error, setError] = useState<string | null>(null);
  const resolve = (c: StoredConflict, as: ConflictResolution) =>
    resolveConflict(ctx, event.id, c.id, as).then(
      () => setError(null),
      (e: Error) => setError(errorText(e)),
    );
  const entryLine = (e: Entry) => {
    const line = { device: deviceName(e.device), time: e.at ? timeOf(e.at) : stampTime(e.hlc), operator: e.operator };
    return e.operator ? t('conflicts.entryOperator', line) : t('conflicts.entry', line);
  };
  const person = (registrationId: string) => labels.get(`registrations|${registrationId}`) ?? t('conflicts.participant');
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
        {t('conflicts.heading')} {open.length > 0 && <span className="tag">{open.length}</span>}
      </h2>
      <QuarantineReview event={event} deviceName={deviceName} />
      {conflicts && conflicts.length === 0 && <p className="muted">{t('conflicts.none')}</p>}
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
                    <strong>{person(c.registrationId)}</strong>: {t('conflicts.doubleCheckin')}
                  </p>
                  <ul>
                    {c.entries.map((e) => (
                      <li key={e.id}>{entryLine(e)}</li>
                    ))}
                  </ul>
                  {item.resolved ? (
                    <p className="muted small">{t('conflicts.seen')}</p>
                  ) : (
                    <button type="button" onClick={() => void resolve(item, 'seen')}>
                      {t('conflicts.understood')}
                    </button>
                  )}
                </li>
              );
            case 'annul-vs-checkin':
              return (
                <li key={item.id} className="conflict">
                  <p>
                    <strong>{person(c.registrationId)}</strong>:{' '}
                    {t('conflicts.annulVsCheckin', { arrivals: c.arrivals.map((e) => deviceName(e.device)).join(', '), annul: deviceName(c.annul.device) })}
                  </p>
                  <ul>
                    {c.arrivals.map((e) => (
                      <li key={e.id}>{t('conflicts.arrived', { entry: entryLine(e) })}</li>
                    ))}
                    <li>{c.annul.reason ? t('conflicts.annulledReason', { entry: entryLine(c.annul), reason: c.annul.reason }) : t('conflicts.annulled', { entry: entryLine(c.annul) })}</li>
                  </ul>
                  {choice(item, t('conflicts.keepArrival'), t('conflicts.annulToo'), { kept: t('conflicts.arrivalKept'), other: t('conflicts.arrivalAnnulled') })}
                </li>
              );
            case 'delete-edit': {
              const label = labels.get(`${c.table}|${c.rowId}`) ?? rowTitle(c.row) ?? tableRowLabel(c.table);
              return (
                <li key={item.id} className="conflict">
                  <p>
                    <strong>{label}</strong> ({tableRowLabel(c.table)}) — {t('conflicts.deleteEdit')}
                  </p>
                  <ul>
                    <li>{t('conflicts.deletedBy', { device: deviceName(c.deleted.device), time: stampTime(c.deleted.hlc) })}</li>
                    <li>
                      {t('conflicts.editedBy', {
                        device: deviceName(c.edit.device),
                        time: stampTime(c.edit.hlc),
                        fields: Object.entries(c.edit.fields)
                          .filter(([f]) => f !== 'id' && f !== 'eventId')
                          .map(([f, v]) => `${fieldLabel(f)} ${quotedValue(f, v, names)}`)
                          .join(', '),
                      })}
                    </li>
                  </ul>
                  {choice(item, t('conflicts.keepDeleted'), t('conflicts.restore'), { kept: t('conflicts.keptDeleted'), other: t('conflicts.restored') })}
                </li>
              );
            }
            case 'field':
              return (
                <li key={item.id} className="conflict">
                  <p>
                    <strong>{labels.get(`${c.table}|${c.rowId}`) ?? tableRowLabel(c.table)}</strong> — {t('conflicts.field', { field: fieldLabel(c.field) })}
                  </p>
                  <ul>
                    <li>{t('conflicts.winner', { value: quotedValue(c.field, c.winner.value, names), device: deviceName(c.winner.device), time: stampTime(c.winner.hlc) })}</li>
                    <li>{t('conflicts.loser', { value: quotedValue(c.field, c.loser.value, names), device: deviceName(c.loser.device), time: stampTime(c.loser.hlc) })}</li>
                  </ul>
                  {choice(item, t('conflicts.keep', { value: quotedValue(c.field, c.winner.value, names) }), t('conflicts.choose', { value: quotedValue(c.field, c.loser.value, names) }), {
                    kept: t('conflicts.keptValue'),
                    other: t('conflicts.chosenValue'),
                  })}
                </li>
              );
          }
        })}
      </ul>
      {conflicts && conflicts.length > open.length && (
        <label className="checkbox">
          <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} /> {t('conflicts.showClosed', { count: conflicts.length - open.length })}
        </label>
      )}
    </div>
  );
}

/** A deleted row has no stored label to read: its last values name it. */
function rowTitle(row: Record<string, unknown>): string | undefined {
  const parts = [row.surname, row.name, row.patronymic].filter((x): x is string => typeof x === 'string' && x !== '');
  if (parts.length) return parts.join(' ');
  return typeof row.title === 'string' ? row.title : typeof row.badgeCode === 'string' ? tr('exchange')('conflicts.registrationOf', { code: row.badgeCode }) : undefined;
}
