import { useTranslation } from 'react-i18next';
import { areas, useUiStore } from '../stores/ui-store';

const icons: Record<(typeof areas)[number], string> = {
  desk: '⌨',
  participants: '☷',
  sections: '▦',
  contest: '★',
  reports: '▤',
  exchange: '⇄',
  settings: '⚙',
};

export function Nav() {
  const { t } = useTranslation();
  const area = useUiStore((s) => s.area);
  const setArea = useUiStore((s) => s.setArea);
  return (
    <nav className="nav" aria-label="Разделы">
      <ul>
        {areas.map((a) => (
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
    </nav>
  );
}
