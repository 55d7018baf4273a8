import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
// The one component that reaches into a feature: the navigation is where the organizer's areas are
// unlocked, and the PIN dialog lives with the other organizer-PIN code in settings.
import { lockOrganizer, useOrganizerGate } from './organizer-gate';
import { UNLOCK_MS } from '../../shared/security/organizer-pin';
import { useDb } from '../hooks/db-context';
import { startArea, visibleAreas, useUiStore, type Area } from '../stores/ui-store';

const icons: Record<Area, string> = {
  desk: '⌨',
  participants: '☷',
  sections: '▦',
  contest: '★',
  reports: '▤',
  exchange: '⇄',
  settings: '⚙',
};

/**
 * The areas this device's role shows (ui-store `areasForRole`). On a desk, district or juror device
 * the organizer's areas stay behind «Разделы организатора…», which asks the organizer PIN and opens
 * them for a while; when that ends, a hidden area on screen gives way to the role's start screen.
 */
export function Nav() {
  const { t } = useTranslation();
  const ctx = useDb();
  const { device } = ctx;
  const area = useUiStore((s) => s.area);
  const setArea = useUiStore((s) => s.setArea);
  const until = useUiStore((s) => s.organizerUntil);
  const [askOrganizer, gateDialog] = useOrganizerGate();
  const limited = device.role !== 'organizer';
  // the timer below clears `until` when it passes (the gate itself compares with the clock)
  const unlocked = limited && until > 0;
  const shown = visibleAreas(device.role, unlocked);

  useEffect(() => {
    if (!unlocked) return;
    const timer = setTimeout(() => lockOrganizer(ctx), Math.max(0, until - Date.now()));
    return () => clearTimeout(timer);
  }, [unlocked, until, ctx]);
  useEffect(() => {
    if (!shown.includes(area)) setArea(startArea(device.role, undefined));
  }, [shown, area, setArea, device.role]);

  const unlock = async () => {
    if (!(await askOrganizer(t('nav.unlockReason')))) return;
    // no PIN set yet: the gate lets everything through, and the areas open the same way
    const ui = useUiStore.getState();
    if (ui.organizerUntil <= Date.now()) ui.setOrganizerUntil(Date.now() + UNLOCK_MS);
  };

  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {shown.map((a) => (
          <li key={a}>
            <button type="button" className="nav-item" aria-current={a === area ? 'page' : undefined} onClick={() => setArea(a)}>
              <span className="nav-icon" aria-hidden="true">
                {icons[a]}
              </span>
              {t(`nav.${a}`)}
            </button>
          </li>
        ))}
      </ul>
      {limited && (
        <div className="nav-organizer">
          <p className="nav-role">{t(`deviceRole.${device.role}`)}</p>
          {unlocked ? (
            <button type="button" className="nav-item" onClick={() => lockOrganizer(ctx)}>
              <span className="nav-icon" aria-hidden="true">
                ⚷
              </span>
              {t('nav.lockOrganizer')}
            </button>
          ) : (
            <button type="button" className="nav-item" onClick={() => void unlock()}>
              <span className="nav-icon" aria-hidden="true">
                ⚷
              </span>
              {t('nav.unlockOrganizer')}
            </button>
          )}
        </div>
      )}
      {gateDialog}
    </nav>
  );
}
