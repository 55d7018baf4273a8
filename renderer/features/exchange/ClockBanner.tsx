/**
 * A banner over every area when this device's own clock is far off compared with the devices it hears
 * from (repo/incoming.ts ownClockStatus): its changes would be held in quarantine everywhere, or
 * everyone else's here.
 */
import { useTranslation } from 'react-i18next';
import { useOwnClockOffset } from '../../hooks/use-own-clock';
import { driftText } from './labels';

export function ClockBanner() {
  const { t } = useTranslation('exchange');
  const offset = useOwnClockOffset();
  if (offset === null || offset === undefined) return null;
  return (
    <div className="clock-banner" role="alert">
      {t(offset > 0 ? 'clock.ahead' : 'clock.behind', { drift: driftText(offset) })}
    </div>
  );
}
