/**
 * A banner over every area when this device's own clock is far off compared with the devices it hears
 * from (repo/incoming.ts ownClockStatus): its changes would be held in quarantine everywhere, or
 * everyone else's here.
 */
import { formatDrift } from '../../../shared/sync/quarantine';
import { useOwnClockOffset } from '../../hooks/use-own-clock';

export function ClockBanner() {
  const offset = useOwnClockOffset();
  if (offset === null || offset === undefined) return null;
  return (
    <div className="clock-banner" role="alert">
      Часы этого компьютера {offset > 0 ? 'спешат' : 'отстают'} примерно на {formatDrift(offset)} по сравнению с другими устройствами. Исправьте дату и
      время в настройках системы: {offset > 0 ? 'иначе изменения с этого устройства будут отложены на других' : 'иначе изменения других устройств здесь будут отложены'}.
    </div>
  );
}
