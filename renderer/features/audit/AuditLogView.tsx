import { deviceNames } from '../../db/repo/audit';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/text/format';
import { useDb } from '../../hooks/db-context';
import { deviceLabel, devicesInLog, filterAudit, formatTime, type AuditEntry, type AuditFilter } from './audit-model';
import { useAuditLog } from './use-audit-log';
import './audit.css';
import { SelectField, TextField } from '../../components/ui';

/**
 * «Журнал изменений»: every change this device knows, newest first — when, on which device (and by
 * which operator, where the row says), which record, and each field's old → new value. Filter by a
 * person's name (their registration, check-ins and badge prints come with them) and by device.
 * Virtualized like the participants table: 100,000 changes cost only the rows on screen.
 */
export function AuditLogView() {
  const { t } = useTranslation('audit');
  const ctx = useDb();
  const { log, version, loaded, total, error } = useAuditLog();
  const [filter, setFilter] = useState<AuditFilter>({ person: '', device: '' });
  const deferred = useDeferredValue(filter);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    void deviceNames(ctx).then(setNames);
  }, [ctx]);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is how the mutable log says it grew
  const visible = useMemo(() => filterAudit(log, deferred), [log, version, deferred]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const devices = useMemo(() => devicesInLog(log), [log, version]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => scrollRef.current, estimateSize: () => 52, overscan: 10 });
  const loading = !log.isComplete;
  const filtered = deferred.person.trim() !== '' || deferred.device !== '';

  return (
    <div className="audit">
      <div className="audit-filters">
        <TextField label={t('person')} type="search" value={filter.person} placeholder={t('personPlaceholder')} onChange={(person) => setFilter((f) => ({ ...f, person }))} />
        <SelectField
          label={t('device')}
          value={filter.device}
          onChange={(device) => setFilter((f) => ({ ...f, device }))}
          placeholder={t('allDevices')}
          options={devices.map((d) => [d.id, t('deviceOption', { name: d.id === ctx.device.id ? t('thisDevice', { name: deviceLabel(d.id, names) }) : deviceLabel(d.id, names), count: formatNumber(d.count) })] as const)}
        />
      </div>
      <p className="muted audit-status" role="status">
        {error
          ? t('readFailed', { message: error })
          : loading
            ? total !== undefined
              ? t('loadingOf', { loaded: formatNumber(loaded), total: formatNumber(total) })
              : t('loading', { loaded: formatNumber(loaded) })
            : filtered
              ? t('found', { shown: formatNumber(visible.length), total: formatNumber(log.size) })
              : t('total', { total: formatNumber(log.size) })}
      </p>
      <div className="table audit-table" role="table" aria-label={t('table')} aria-rowcount={visible.length + 1}>
        <div className="table-row table-head" role="row">
          <span role="columnheader">{t('when')}</span>
          <span role="columnheader">{t('device')}</span>
          <span role="columnheader">{t('record')}</span>
          <span role="columnheader">{t('what')}</span>
        </div>
        <div className="table-body" ref={scrollRef} tabIndex={0} role="rowgroup" aria-label={t('rows')}>
          {visible.length === 0 ? (
            <p className="table-empty">{loading ? t('loadingShort') : filtered ? t('noneFiltered') : t('empty')}</p>
          ) : (
            <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const e = log.entry(log.newest(visible[item.index]!)!);
                return (
                  <div
                    key={e.hlc}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    className={`table-row audit-row audit-${e.kind}`}
                    role="row"
                    aria-rowindex={item.index + 2}
                    style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
                  >
                    <span role="cell" className="audit-time">
                      {e.at ? formatTime(e.at) : '—'}
                    </span>
                    <span role="cell" className="audit-device">
                      {deviceLabel(e.device, names)}
                      {e.operator && <span className="muted"> · {e.operator}</span>}
                    </span>
                    <span role="cell" className="audit-subject">
                      <span className="audit-table-name">
                        {e.tableLabel} · {t(`kind.${e.kind}`)}
                      </span>
                      <b>{e.subject}</b>
                    </span>
                    <span role="cell" className="audit-fields">
                      <FieldList entry={e} />
                    </span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function FieldList({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  if (entry.kind === 'delete') return <span className="muted">{t('deleted')}</span>;
  if (entry.kind === 'create') {
    return <span className="audit-created">{entry.fields.map((f) => `${f.label}: ${f.after}`).join('; ')}</span>;
  }
  return (
    <ul className="audit-changes">
      {entry.fields.map((f) => (
        <li key={f.field}>
          {f.label}: <span className="audit-before">{f.before ?? '…'}</span> → <span className="audit-after">{f.after}</span>
        </li>
      ))}
    </ul>
  );
}
