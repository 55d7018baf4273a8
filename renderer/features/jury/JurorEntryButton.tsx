import { OpenPackageButton } from './OpenPackageButton';

/**
 * The juror's way in on a fresh install (issue 21): the first-run screen offers it next to «create an
 * event», so a juror who got only a `.skhod-jury` file never needs the `#jury` address.
 */
export function JurorEntryButton() {
  return <OpenPackageButton big label="Я эксперт: открыть пакет эксперта" hint="Файл .skhod-jury от организатора конкурса: назначенные вам заявки и форма оценки" />;
}
