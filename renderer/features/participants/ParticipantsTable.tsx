import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { RegistrationRow } from '../../hooks/use-participants';
import { arrivedOf, columns, type Arrivals, type Column, type SortState } from './table-model';

const ROW_HEIGHT = 40;
const LABEL_KEYS: Record<Column, string> = {
  name: 'app:participants.name',
  municipality: 'app:participants.municipality',
  organization: 'app:participants.organization',
  role: 'app:participants.role',
  badge: 'app:participants.badge',
  arrived: 'app:participants.arrived',
};

/**
 * Virtualized: only the visible rows are in the DOM, so 100,000 registrations scroll as smoothly as
 * 100. Rows render from precomputed fields only (no per-row formatting work). Keyboard: arrows,
 * PageUp/PageDown, Home/End move the current row, Enter opens it.
 */
export function ParticipantsTable(props: {
  rows: readonly RegistrationRow[];
  visible: readonly number[];
  arrivals: Arrivals;
  sort: SortState;
  onSort: (column: Column) => void;
  onOpen: (row: RegistrationRow) => void;
}) {
  const { t } = useTranslation('participants');
  const { rows, visible, arrivals } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  // a new filter or order starts at the top
  useEffect(() => setActive(-1), [visible]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(visible.length - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(visible.length - 1),
      Enter: () => {
        const i = visible[active];
        if (i !== undefined) props.onOpen(rows[i]!);
      },
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div className="table participants-table" role="table" aria-label={t('app:participants.heading')} aria-rowcount={visible.length + 1}>
      <div className="table-row table-head" role="row">
        {columns.map((c) => (
          <span key={c} role="columnheader" aria-sort={props.sort.column === c ? (props.sort.descending ? 'descending' : 'ascending') : 'none'}>
            <button type="button" className="sort-button" onClick={() => props.onSort(c)}>
              {t(LABEL_KEYS[c])}
              <span aria-hidden="true" className="sort-mark">
                {props.sort.column === c ? (props.sort.descending ? ' ▼' : ' ▲') : ''}
              </span>
            </button>
          </span>
        ))}
      </div>
      <div
        className="table-body"
        ref={scrollRef}
        tabIndex={0}
        role="rowgroup"
        aria-label={t('table.rows')}
        onKeyDown={onKeyDown}
        onFocus={() => active < 0 && visible.length > 0 && setActive(0)}
      >
        {visible.length === 0 ? (
          <p className="table-empty">{t('table.none')}</p>
        ) : (
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[visible[item.index]!]!;
              const reg = row.registration;
              const cancelled = reg.status === 'cancelled';
              return (
                <div
                  key={reg.id}
                  className={`table-row${item.index === active ? ' active' : ''}${cancelled ? ' cancelled' : ''}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-current={item.index === active ? 'true' : undefined}
                  onClick={() => {
                    setActive(item.index);
                    props.onOpen(row);
                  }}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell" className="cell-name" title={cancelled ? t('table.cancelled') : row.person.position}>
                    {row.fullName}
                  </span>
                  <span role="cell" title={row.municipality}>
                    {row.municipality}
                  </span>
                  <span role="cell" className="cell-ellipsis" title={row.organization}>
                    {row.organization}
                  </span>
                  <span role="cell">{t(`app:role.${reg.role}`)}</span>
                  <span role="cell" className="mono">
                    {reg.badgeCode}
                  </span>
                  <span role="cell">{arrivedOf(arrivals, reg.id) ? '✓' : ''}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
