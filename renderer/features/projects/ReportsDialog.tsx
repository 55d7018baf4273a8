/**
 * «Отчёты…» of one project: every round the team sent (interim and final), what it states against the
 * plan — a value the report leaves out is «не указано», never 0 — the community, the milestones, the
 * photos; a report waiting for review is accepted or returned «на доработку» with a reason that travels
 * back to the team in the next report package.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDate, formatDay, formatNumber } from '../../../shared/text/format';
import { indicatorKeys, type Project } from '../../../shared/projects/types';
import { ActionDialog, Dialog, closeDialog } from '../../components/ui';
import type { ProjectReportRow } from '../../db/database';
import { loadReportPhotos } from '../../db/repo/project-reports';
import { acceptReport, returnReport } from '../../db/repo/projects';
import { useDb } from '../../hooks/db-context';
import { errorText } from '../../i18n';

type Props = { project: Project; reports: readonly ProjectReportRow[]; onNote: (text: string) => void; onClose: () => void };

export function ReportsDialog({ project, reports, onNote, onClose }: Props) {
  const { t } = useTranslation('projects');
  const ctx = useDb();
  const [returning, setReturning] = useState<ProjectReportRow>();
  const [error, setError] = useState<string>();

  const accept = async (r: ProjectReportRow) => {
    setError(undefined);
    try {
      await acceptReport(ctx, r.id);
      onNote(t('reports.acceptedNote', { round: r.round }));
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <Dialog
      title={t('reports.title', { title: project.title })}
      wide
      className="projects-reports"
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={closeDialog}>
          {t('reports.close')}
        </button>
      }
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {reports.length === 0 && <p className="muted">{t('reports.none')}</p>}
      {[...reports].reverse().map((r) => (
        <ReportCard key={r.id} project={project} report={r} onAccept={() => void accept(r)} onReturn={() => setReturning(r)} />
      ))}
      {returning && (
        <ActionDialog
          title={t('reports.returnTitle')}
          confirmLabel={t('reports.returnAction')}
          reasonLabel={t('reports.returnReason')}
          onConfirm={async (reason) => {
            await returnReport(ctx, returning.id, reason);
            onNote(t('reports.returnedNote', { round: returning.round }));
          }}
          onClose={() => setReturning(undefined)}
        >
          <p>{t('reports.returnBody', { round: returning.round, title: project.title })}</p>
        </ActionDialog>
      )}
    </Dialog>
  );
}

function ReportCard({ project, report: r, onAccept, onReturn }: { project: Project; report: ProjectReportRow; onAccept: () => void; onReturn: () => void }) {
  const { t } = useTranslation('projects');
  const heading = t('reports.round', { round: r.round, kind: t(`kind.${r.kind}`) });
  const milestone = new Map(project.milestones.map((m) => [m.id, m]));
  return (
    <section className={`projects-report projects-report-${r.review}`} aria-label={heading}>
      <header className="projects-report-head">
        <h3>{heading}</h3>
        <span className={`projects-review projects-review-${r.review}`}>{t(`review.${r.review}`)}</span>
        <span className="muted">{t('reports.submitted', { date: formatDate(r.submittedAt, 'dateTime') })}</span>
      </header>
      {r.review === 'returned' && r.returnReason && <p className="results-note results-note-warn">{t('reports.reason', { reason: r.returnReason })}</p>}
      <table className="simple-table projects-table" aria-label={t('reports.reachedCaption', { round: r.round })}>
        <thead>
          <tr>
            <th scope="col">{t('reports.indicator')}</th>
            <th scope="col" className="num">
              {t('reports.planned')}
            </th>
            <th scope="col" className="num">
              {t('reports.reached')}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicatorKeys.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`indicator.${k}`)}</th>
              <td className="num">{formatNumber(project.planned[k])}</td>
              <td className="num">{r.reached[k] === undefined ? <span className="muted">{t('notStated')}</span> : formatNumber(r.reached[k])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('reports.community')}</th>
            <td>{project.plannedCommunity.founded ? project.plannedCommunity.name : '—'}</td>
            <td>{r.community.founded ? t('reports.communityFounded', { name: r.community.name ?? '' }) : t('reports.communityNot')}</td>
          </tr>
        </tbody>
      </table>
      {r.text && <p className="projects-report-text">{r.text}</p>}
      {r.milestones.length > 0 && (
        <ul className="projects-report-milestones" aria-label={t('reports.milestones')}>
          {r.milestones.map((m) => (
            <li key={m.milestoneId}>
              {milestone.get(m.milestoneId)?.title ?? '—'}: {t(`milestoneState.${m.state}`)}
              {m.doneOn ? ` (${formatDay(m.doneOn)})` : ''}
            </li>
          ))}
        </ul>
      )}
      <ReportPhotos report={r} />
      {r.review === 'received' && (
        <div className="dialog-actions projects-report-actions">
          <button type="button" onClick={onReturn}>
            {t('reports.return')}
          </button>
          <button type="button" className="primary" onClick={onAccept}>
            {t('reports.accept')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The report's photos as thumbnails; bytes read from this device when the card is shown. */
function ReportPhotos({ report }: { report: ProjectReportRow }) {
  const { t } = useTranslation('projects');
  const ctx = useDb();
  const [photos, setPhotos] = useState<Array<{ id: string; name: string; size: number; url: string }>>([]);
  useEffect(() => {
    let urls: string[] = [];
    let live = true;
    void loadReportPhotos(ctx, report.id).then((rows) => {
      if (!live) return;
      const shown = rows.map((p) => ({ id: p.id, name: p.name, size: p.size, url: URL.createObjectURL(new Blob([p.bytes as Uint8Array<ArrayBuffer>], { type: p.mime })) }));
      urls = shown.map((p) => p.url);
      setPhotos(shown);
    });
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [ctx, report.id]);
  if (report.photoIds.length === 0) return <p className="muted">{t('reports.noPhotos')}</p>;
  return (
    <figure className="projects-photos">
      <figcaption>{t('reports.photos', { count: report.photoIds.length })}</figcaption>
      {photos.map((p) => (
        <img key={p.id} src={p.url} alt={p.name} title={`${p.name}, ${formatBytes(p.size)}`} />
      ))}
    </figure>
  );
}
