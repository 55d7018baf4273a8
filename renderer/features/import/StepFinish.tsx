import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/text/format';
import { sayText } from '../../i18n';
import type { Committing } from './wizard-types';
import type { ImportReport, ReportLine } from './report';
import { DialogFooter } from '../../components/ui';

const SHOWN_LINES = 200;
/** The results report.ts writes, in the order a reader should look at them (also their words' keys). */
const RANK: ReadonlyArray<ReportLine['result']> = ['rejected', 'skipped', 'merged', 'added', 'unchanged'];

/** Step 5: what will be written, the commit with its progress bar, then the report. */
export function StepFinish(props: {
  planned: ImportReport;
  /** New people the import would store without a municipality (missing from Делегации and district reports). */
  withoutMunicipality: number;
  committing: Committing | null;
  report: ImportReport | null;
  onBack: () => void;
  onCommit: () => void;
  onCancelCommit: () => void;
  onSaveReport: () => void;
  /** Closes the wizard (the kit's `closeDialog`, given the button's click). */
  onDone: (e: { currentTarget: Element }) => void;
}) {
  const { t } = useTranslation('import');
  const { committing, report } = props;
  const [accepted, setAccepted] = useState(false);
  if (report) return <Report report={report} onSave={props.onSaveReport} onDone={props.onDone} />;
  const c = props.planned.counts;
  // a row folded into another row of the file writes nothing of its own
  const writes = c.added + c.merged - props.planned.lines.filter((l) => l.into !== undefined).length + c.cancelled;
  return (
    <section className="import-step" aria-label={t('finish.label')}>
      <Counts report={props.planned} future />
      {committing ? (
        <div className="import-progress">
          <label htmlFor="import-progress">
            {t(committing.phase === 'build' ? 'finish.building' : 'finish.writing', { done: formatNumber(committing.progress.done), total: formatNumber(committing.progress.total) })}
          </label>
          <progress id="import-progress" value={committing.progress.done} max={Math.max(1, committing.progress.total)} />
          <button type="button" onClick={props.onCancelCommit}>
            {t('finish.cancel')}
          </button>
        </div>
      ) : (
        <>
          <p className="muted">
            {t('finish.atomic')} {writes === 0 ? t('finish.nothing') : ''}
          </p>
          {props.withoutMunicipality > 0 && (
            <div className="import-notice" role="alert">
              <p>
                <Trans t={t} i18nKey="finish.withoutMunicipality" components={{ b: <b /> }} values={{ count: formatNumber(props.withoutMunicipality) }} />
              </p>
              <label className="checkbox">
                <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} /> {t('finish.anyway')}
              </label>
            </div>
          )}
          <DialogFooter className="import-actions">
            <button type="button" onClick={props.onBack}>
              {t('back')}
            </button>
            <button type="button" className="primary" onClick={props.onCommit} disabled={props.withoutMunicipality > 0 && !accepted} autoFocus>
              {t('finish.commit')}
            </button>
          </DialogFooter>
        </>
      )}
    </section>
  );
}

function Counts({ report, future }: { report: ImportReport; future?: boolean }) {
  const { t } = useTranslation('import');
  const c = report.counts;
  const items: Array<[string, number]> = [
    [future ? 'addedFuture' : 'added', c.added],
    [future ? 'mergedFuture' : 'merged', c.merged],
    ['unchanged', c.unchanged],
    [future ? 'skippedFuture' : 'skipped', c.skipped],
    [future ? 'rejectedFuture' : 'rejected', c.rejected],
  ];
  if (c.cancelled) items.push([future ? 'cancelledFuture' : 'cancelled', c.cancelled]);
  return (
    <dl className="import-counts" aria-label={t(future ? 'finish.planned' : 'finish.result')}>
      {items.map(([key, n]) => (
        <div key={key} className="figure">
          <dt className="figure-label">{t(`finish.count.${key}`)}</dt>
          <dd className="figure-value">{formatNumber(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Report({ report, onSave, onDone }: { report: ImportReport; onSave: () => void; onDone: (e: { currentTarget: Element }) => void }) {
  const { t } = useTranslation('import');
  // what needs a look first: refused rows, then skipped, merged, added; unchanged rows only in the file
  const notable = report.lines.filter((l) => l.result !== 'unchanged').sort((a, b) => RANK.indexOf(a.result) - RANK.indexOf(b.result) || a.row - b.row);
  return (
    <section className="import-step" aria-label={t('report.label')}>
      <p role="status" className="import-done">
        {report.millis !== undefined ? t('report.doneIn', { seconds: formatNumber(report.millis / 1000, 1, true) }) : t('report.done')}
      </p>
      <Counts report={report} />
      {notable.length > 0 && (
        <div className="report-lines" tabIndex={0} role="region" aria-label={t('report.lines')}>
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">{t('report.row')}</th>
                <th scope="col">{t('report.name')}</th>
                <th scope="col">{t('report.result')}</th>
                <th scope="col">{t('report.details')}</th>
              </tr>
            </thead>
            <tbody>
              {notable.slice(0, SHOWN_LINES).map((l: ReportLine) => (
                <tr key={l.row} className={`result-${l.result === 'rejected' ? 'rejected' : 'ok'}`}>
                  <td className="num">{l.row}</td>
                  <td>{l.name}</td>
                  <td>{t(`report.results.${l.result}`)}</td>
                  <td>{l.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {notable.length > SHOWN_LINES && <p className="muted">{t('report.more', { count: formatNumber(notable.length - SHOWN_LINES) })}</p>}
        </div>
      )}
      {report.warnings.length > 0 && (
        <details className="report-warnings">
          <summary>{t('report.warnings', { count: formatNumber(report.warnings.length) })}</summary>
          <ul className="report-lines" tabIndex={0} aria-label={t('report.warningsList')}>
            {report.warnings.slice(0, SHOWN_LINES).map((w, i) => (
              <li key={i} className="msg-warning">
                {sayText(w.said)}
              </li>
            ))}
          </ul>
          {report.warnings.length > SHOWN_LINES && <p className="muted">{t('report.more', { count: formatNumber(report.warnings.length - SHOWN_LINES) })}</p>}
        </details>
      )}
      {report.cancelled.length > 0 && <p>{t('report.cancelled', { names: report.cancelled.map((c) => c.name).join(', ') })}</p>}
      <DialogFooter className="import-actions">
        <button type="button" onClick={onSave}>
          {t('report.save')}
        </button>
        <button type="button" className="primary" onClick={onDone} autoFocus>
          {t('report.ok')}
        </button>
      </DialogFooter>
    </section>
  );
}
