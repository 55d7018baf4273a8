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
  const pkg = useJurorPackage();
  const leave = async () => {
    clearJuryHash();
    await leaveJurorMode(ctx);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };
  if (pkg === undefined) return <div className="splash">Сход…</div>;
  if (pkg === null) {
    return (
      <main className="first-run jury-start">
        <div className="first-run-card">
          <p className="brand">Сход</p>
          <h1>Режим эксперта</h1>
          <p className="lead">
            Откройте файл пакета эксперта (<span className="mono">.skhod-jury</span>), который прислал организатор конкурса. В нём только назначенные вам заявки с их файлами и
            форма оценки; оценки сохраняются на этом компьютере при каждом изменении, интернет не нужен. Файлы заявок удаляются с компьютера, когда вы выходите из режима эксперта.
          </p>
          <div className="first-run-actions">
            <OpenPackageButton primary />
            <button type="button" onClick={() => void leave()}>
              К мероприятиям
            </button>
          </div>
        </div>
      </main>
    );
  }
  // a newer package (files, returned sheets) remounts the sheet screen, so nothing shows the old one
  return <ScoreSheet key={`${pkg.contest.id}|${pkg.juror.id}|${pkg.createdAt}`} pkg={pkg} onLeave={() => void leave()} />;
}
