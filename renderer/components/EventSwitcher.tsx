import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../shared/domain/types';
import { formatDay } from '../../shared/text/format';
import { useEvents } from '../hooks/use-events';
import { useUiStore } from '../stores/ui-store';

const NEW = '__new__';

export function EventSwitcher({ current, onCreate }: { current: EventRow; onCreate: () => void }) {
  const { t } = useTranslation();
  const events = useEvents() ?? [current];
  const setEventId = useUiStore((s) => s.setEventId);
  return (
    <label className="event-switcher">
      <span className="visually-hidden">{t('event.switcher')}</span>
      <select
        value={current.id}
        onChange={(e) => (e.target.value === NEW ? onCreate() : setEventId(e.target.value))}
        aria-label={t('event.switcher')}
      >
        {events.map((ev) => (
          <option key={ev.id} value={ev.id} translate="no">
            {ev.shortTitle ?? ev.title} · {formatDay(ev.startDate)}
          </option>
        ))}
        <option value={NEW}>{t('event.new')}</option>
      </select>
    </label>
  );
}
