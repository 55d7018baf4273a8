/** The app's name while something loads (the database opening, a lazy area, the first chunk). */
import { useTranslation } from 'react-i18next';

export function Splash() {
  const { t } = useTranslation();
  return <div className="splash">{t('app.loading')}</div>;
}
