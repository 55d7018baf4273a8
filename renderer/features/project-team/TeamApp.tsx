/**
 * Report mode on a winning team's device (issue 25), the counterpart of juror mode: the whole app is
 * the project's report while this device shows an opened report package, or at `#team` the
 * «Открыть пакет отчёта…» screen. The team's device is not enrolled in the event: it holds only the
 * packages of its projects, the drafts and the photos.
 */
import { useTranslation } from 'react-i18next';
import { leaveTeamMode } from '../../db/repo/team-drafts';
import { useDb } from '../../hooks/db-context';
import { useTeamPackage } from '../../hooks/use-team';
import { OpenReportPackageButton } from './OpenReportPackageButton';
import { TeamReport } from './TeamReport';
import './project-team.css';

/** Leaves `#team` without reloading; the shell re-reads the hash when the setting changes. */
function clearTeamHash() {
  if (window.location.hash === '#team') window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

export function TeamApp() {
  const { t } = useTranslation('projectTeam');
  const ctx = useDb();
  const pkg = useTeamPackage();
  const leave = async () => {
    clearTeamHash();
    await leaveTeamMode(ctx);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };
  if (pkg === undefined) return <div className="splash">{t('app:app.name')}…</div>;
  if (pkg === null) {
    return (
      <main className="first-run jury-start">
        <div className="first-run-card">
          <p className="brand">{t('app:app.name')}</p>
          <h1>{t('start.title')}</h1>
          <p className="lead">{t('start.lead')}</p>
          <div className="first-run-actions">
            <OpenReportPackageButton primary />
            <button type="button" onClick={() => void leave()}>
              {t('start.back')}
            </button>
          </div>
        </div>
      </main>
    );
  }
  // a newer package (a return, an acceptance) remounts the report, which then starts its new draft
  return <TeamReport key={`${pkg.project.id}|${pkg.round}|${pkg.createdAt}`} pkg={pkg} onLeave={() => void leave()} />;
}

/** The team's way in on a fresh install, beside «Я эксперт» on the first-run screen. */
export function TeamEntryButton() {
  const { t } = useTranslation('projectTeam');
  return <OpenReportPackageButton big label={t('start.entry')} hint={t('start.entryHint')} />;
}
