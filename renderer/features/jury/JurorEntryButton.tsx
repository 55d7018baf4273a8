import { useTranslation } from 'react-i18next';
import { OpenPackageButton } from './OpenPackageButton';

/**
 * The juror's way in on a fresh install (issue 21): the first-run screen offers it next to «create an
 * event», so a juror who got only a `.skhod-jury` file never needs the `#jury` address.
 */
export function JurorEntryButton() {
  const { t } = useTranslation('jury');
  return <OpenPackageButton big label={t('entry.label')} hint={t('entry.hint')} />;
}
