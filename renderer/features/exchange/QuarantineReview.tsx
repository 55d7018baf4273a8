/**
 * Changes held for being stamped in the future (renderer/db/repo/quarantine.ts), per device with its
 * drift: the organizer accepts them (re-issued as its own writes, stamped now) or dismisses them.
 */
import { useState } from 'react';
import type { EventRow } from '../../../shared/domain/types';
import { formatDrift } from '../../../shared/sync/quarantine';
import { acceptHeld, dismissHeld, pendingDrift } from '../../db/repo/quarantine';
import { useDb } from '../../hooks/db-context';
import { useQuarantine } from '../../hooks/use-exchange';
import { formatNumber } from '../../../shared/text/format';

export function QuarantineReview({ event, deviceName }: { event: EventRow; deviceName: (id: string) => string }) {
  const ctx = useDb();
  const items = useQuarantine(event.id);
  const [error, setError] = useState<string | null>(null);
  const pending = pendingDrift(items ?? []);
  if (pending.length === 0) return null;
  const act = (run: () => Promise<unknown>) => run().then(() => setError(null), (e: Error) => setError(e.message));
  const organizer = ctx.device.role === 'organizer';
  return (
    <div className="quarantine" role="region" aria-label="Изменения с неверным временем">
      <p>
        <strong>Изменения с неверным временем отложены.</strong> Часы этих устройств впереди; пока такие изменения не приняты, они не действуют и не
        передаются дальше. Попросите исправить дату и время на устройстве — его новые изменения пойдут как обычно.
      </p>
      <ul className="conflict-list">
        {pending.map((d) => (
          <li key={d.device} className="conflict">
            <p>
              {deviceName(d.device)}: {formatNumber(d.count)} изм., часы впереди на {formatDrift(d.aheadMs)}
            </p>
            {organizer ? (
              <div className="dialog-actions">
                <button type="button" onClick={() => void act(() => acceptHeld(ctx, event.id, d.device))}>
                  Принять (с текущим временем)
                </button>
                <button type="button" onClick={() => void act(() => dismissHeld(ctx, event.id, d.device))}>
                  Отклонить
                </button>
              </div>
            ) : (
              <p className="muted small">Принять их может организатор на своём устройстве.</p>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
