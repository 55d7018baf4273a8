import { Trans, useTranslation } from 'react-i18next';
import { leaveJurorMode } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';
import { useJurorPackage } from '../../hooks/use-juror';
import { OpenPackageButton } from './OpenPackageButton';
import { ScoreSheet } from './ScoreSheet';
import './jury.css';

/** Leaves `#jury` without reloading; the shell re-reads the hash when the package setting changes. */
function clearJuryHash() {
  if (window.location.hash === '#jury') window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

/**
 * Juror mode: the whole app is the juror's score sheet. Shown instead of the organizer shell while
 * this device holds an opened juror package, or at `#jury` with the «Открыть пакет эксперта…» screen.
 */
export function JurorApp() {
  const ctx = useDb();
  const { t } = useTranslation('jury');
  const pkg = useJurorPackage();
  const leave = async () => {
    clearJuryHash();
    await leaveJurorMode(ctx);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };
  if (pkg === undefined) return <div className="splash">{t('splash')}</div>;
  if (pkg === null) {
    return (
      <main className="first-run jury-start">
        <div className="first-run-card">
          <p className="brand">{t('brand')}</p>
          <h1>{t('start.title')}</h1>
          <p className="lead">
            <Trans t={t} i18nKey="start.lead" components={{ mono: <span className="mono" /> }} />
          </p>
          <div className="first-run-actions">
            <OpenPackageButton primary />
            <button type="button" onClick={() => void leave()}>
              {t('start.back')}
            </button>
          </div>
        </div>
      </main>
    );
  }
  // a newer package (files, returned sheets) remounts the sheet screen, so nothing shows the old one
  return <ScoreSheet key={`${pkg.contest.id}|${pkg.juror.id}|${pkg.createdAt}`} pkg={pkg} onLeave={() => void leave()} />;
}
