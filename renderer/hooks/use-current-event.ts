import type { EventRow } from '../../shared/domain/types';
import { useUiStore } from '../stores/ui-store';
import { useEvents } from './use-events';

/**
 * The event being worked on: the one chosen in the switcher, or the newest when that one is gone.
 * `undefined` while loading, `null` when there are no events at all (first run).
 */
export function useCurrentEvent(): EventRow | null | undefined {
  const events = useEvents();
  const eventId = useUiStore((s) => s.eventId);
  if (!events) return undefined;
  return events.find((e) => e.id === eventId) ?? events[0] ?? null;
}
