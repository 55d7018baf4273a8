/** The header's choice of the event to work on, and the way to create another. */
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../shared/domain/types';
import { formatDay } from '../../shared/text/format';
import { useEvents } from '../hooks/use-events';
import { useUiStore } from '../stores/ui-store';
import { Select, type Option } from './ui';

const NEW = '__new__';

export function EventSwitcher({ current, onCreate }: { current: EventRow; onCreate: () => void }) {
  const { t } = useTranslation();
  const events = useEvents() ?? [current];
  const setEventId = useUiStore((s) => s.setEventId);
  return (
    <Select
      className="event-switcher"
      aria-label={t('event.switcher')}
      value={current.id}
      onChange={(v) => (v === NEW ? onCreate() : setEventId(v))}
      options={[...events.map((ev): Option<string> => [ev.id, `${ev.shortTitle ?? ev.title} · ${formatDay(ev.startDate)}`, { translate: 'no' }]), [NEW, t('event.new')]]}
    />
  );
}
