import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { useParticipants, type ParticipantRow } from '../../hooks/use-participants';
import { DelegationsTable } from './DelegationsTable';

const ROW_HEIGHT = 40;

export function ParticipantsPage({ event }: { event: EventRow }) {
  const { t } = useTranslation();
  const rows = useParticipants(event.id);
  return (
    <section className="page page-participants">
      <header className="page-header">
        <h1>{t('participants.heading')}</h1>
        {rows && <p className="muted">{t('participants.count', { count: rows.length })}</p>}
      </header>
      {!rows ? <p>{t('common.loading')}</p> : rows.length === 0 ? <p className="empty">{t('participants.empty')}</p> : <ParticipantTable rows={rows} />}
      <DelegationsTable eventId={event.id} />
    </section>
  );
}

/** Virtualized: only the visible rows are in the DOM, so 100,000 registrations scroll as smoothly as 100. */
function ParticipantTable({ rows }: { rows: ParticipantRow[] }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  return (
    <div className="table" role="table" aria-label={t('participants.heading')} aria-rowcount={rows.length + 1}>
      <div className="table-row table-head" role="row">
        <span role="columnheader">{t('participants.name')}</span>
        <span role="columnheader">{t('participants.municipality')}</span>
        <span role="columnheader">{t('participants.organization')}</span>
        <span role="columnheader">{t('participants.role')}</span>
        <span role="columnheader">{t('participants.badge')}</span>
        <span role="columnheader">{t('participants.arrived')}</span>
      </div>
      <div className="table-body" ref={scrollRef} tabIndex={0} role="rowgroup">
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={row.registration.id}
                className="table-row"
                role="row"
                aria-rowindex={item.index + 2}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell" className="cell-name" title={row.person.position}>
                  {row.fullName}
                </span>
                <span role="cell">{row.municipality}</span>
                <span role="cell" className="cell-ellipsis" title={row.organization}>
                  {row.organization}
                </span>
                <span role="cell">{t(`role.${row.registration.role}`)}</span>
                <span role="cell" className="mono">
                  {row.registration.badgeCode}
                </span>
                <span role="cell">{row.arrival.arrived ? '✓' : ''}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
