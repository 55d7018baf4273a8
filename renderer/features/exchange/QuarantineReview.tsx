/**
 * Changes held for being stamped in the future (renderer/db/repo/quarantine.ts), per device with its
 * drift: the organizer accepts them (re-issued as its own writes, stamped now) or dismisses them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { formatNumber } from '../../../shared/text/format';
import { driftText } from './labels';
import { acceptHeld, dismissHeld, pendingDrift } from '../../db/repo/quarantine';
import { useDb } from '../../hooks/db-context';
import { useQuarantine } from '../../hooks/use-exchange';
import { errorText } from '../../i18n';

export function QuarantineReview({ event, deviceName }: { event: EventRow; deviceName: (id: string) => string }) {
  const { t } = useTranslation('exchange');
  const ctx = useDb();
  const items = useQuarantine(event.id);
  const [error, setError] = useState<string | null>(null);
  const pending = pendingDrift(items ?? []);
  if (pending.length === 0) return null;
  const act = (run: () => Promise<unknown>) => run().then(() => setError(null), (e: Error) => setError(errorText(e)));
  const organizer = ctx.device.role === 'organizer';
  return (
    <div className="quarantine" role="region" aria-label={t('quarantine.label')}>
      <p>
        <strong>{t('quarantine.lead')}</strong> {t('quarantine.explain')}
      </p>
      <ul className="conflict-list">
        {pending.map((d) => (
          <li key={d.device} className="conflict">
            <p>
              {t('quarantine.line', { device: deviceName(d.device), count: formatNumber(d.count), drift: driftText(d.aheadMs) })}
            </p>
            {organizer ? (
              <div className="dialog-actions">
                <button type="button" onClick={() => void act(() => acceptHeld(ctx, event.id, d.device))}>
                  {t('quarantine.accept')}
                </button>
                <button type="button" onClick={() => void act(() => dismissHeld(ctx, event.id, d.device))}>
                  {t('quarantine.dismiss')}
                </button>
              </div>
            ) : (
              <p className="muted small">{t('quarantine.organizerOnly')}</p>
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
