/**
 * «Проекты» (issue 25, the organizer's side): after the contest's scoring is closed the organizer marks
 * the winners, fills each project's plan, sends each team its sealed report package, loads the teams'
 * report files, reviews them, and watches the monitoring. An organizer area: on other devices it opens
 * only behind the organizer PIN (ui-store `areasForRole`).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { addDays } from '../../../shared/projects/demo-followup';
import type { Project } from '../../../shared/projects/types';
import { todayIn } from '../../../shared/text/format';
import { PackageCodeDialog } from '../../components/PackageCodeDialog';
import { useContest, useContestData } from '../../hooks/use-contest';
import { useProjects } from '../../hooks/use-projects';
import { useOpenedFileStore } from '../../stores/opened-file-store';
import { FinalReportButton } from '../final-report';
import { Monitoring } from './Monitoring';
import { PlanDialog } from './PlanDialog';
import { ProjectList, ReviewQueue } from './ProjectList';
import { ReportsDialog } from './ReportsDialog';
import { useReportFiles } from './use-report-files';
import { WinnersDialog } from './WinnersDialog';
import './projects.css';

const TABS = ['list', 'review', 'monitoring'] as const;
type Tab = (typeof TABS)[number];

export function ProjectsPage({ event }: { event: EventRow }) {
  const { t } = useTranslation('projects');
  const setup = useContest(event.id);
  const data = useContestData(setup?.contest.id);
  const today = todayIn();
  const view = useProjects(event.id, today);
  const files = useReportFiles();
  const [tab, setTab] = useState<Tab>('list');
  const [dialog, setDialog] = useState<{ kind: 'winners' } | { kind: 'plan' | 'reports'; projectId: string }>();
  const existing = useMemo(() => new Set(view?.projects.map((p) => p.project.applicationId)), [view]);
  const project = (id: string) => view?.projects.find((p) => p.project.id === id)?.project;
  const ok = (text: string) => files.setNote({ kind: 'ok', text });
  const { importBytes } = files;
  // a report file double-clicked in the file manager (features/exchange OpenedFiles) is loaded here
  const opened = useOpenedFileStore((s) => s.report);
  useEffect(() => {
    if (!opened || !view) return;
    const file = useOpenedFileStore.getState().takeReport();
    const titles = new Map(view.projects.map((p) => [p.project.id, p.project.title]));
    if (file) void importBytes(event.id, file.name, file.bytes, (id) => titles.get(id) ?? '');
  }, [opened, view, event.id, importBytes]);

  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`projects-tab-${next}`)?.focus();
  };

  if (setup === undefined || view === undefined) return <p className="muted">{t('loading')}</p>;
  const closed = setup?.contest.status === 'closed';
  const open: Project | undefined = dialog && dialog.kind !== 'winners' ? project(dialog.projectId) : undefined;

  return (
    <section className="page page-projects">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <span className="muted">{t('subtitle')}</span>
        <span className="spacer" />
        {closed && data && (
          <button type="button" onClick={() => setDialog({ kind: 'winners' })}>
            {t('markWinners')}
          </button>
        )}
        {view.projects.length > 0 && <FinalReportButton event={event} />}
        {view.projects.length > 0 && (
          <button type="button" className="primary" disabled={files.busy} aria-busy={files.busy} onClick={() => void files.importFile(event.id, (id) => project(id)?.title ?? '')}>
            {t('importReport')}
          </button>
        )}
      </header>
      {setup === null && view.projects.length === 0 && <p className="empty">{t('noContest')}</p>}
      {setup && !closed && view.projects.length === 0 && <p className="empty">{t('notClosed')}</p>}
      {files.note && (
        <p className={`results-note ${files.note.kind === 'error' ? 'results-note-warn' : ''}`} role={files.note.kind === 'ok' ? 'status' : 'alert'}>
          {files.note.text}
        </p>
      )}
      {(closed || view.projects.length > 0) && (
        <>
          <div className="projects-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onTabKey}>
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`projects-tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`projects-panel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                onClick={() => setTab(id)}
              >
                {t(`tabs.${id}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`projects-panel-${tab}`} aria-labelledby={`projects-tab-${tab}`}>
            {tab === 'list' && (
              <ProjectList
                view={view}
                busy={files.busy}
                onPlan={(p) => setDialog({ kind: 'plan', projectId: p.id })}
                onPackage={(p) => void files.exportPackage(p)}
                onReports={(p) => setDialog({ kind: 'reports', projectId: p.id })}
              />
            )}
            {tab === 'review' && <ReviewQueue view={view} onOpen={(p) => setDialog({ kind: 'reports', projectId: p.id })} />}
            {tab === 'monitoring' && <Monitoring view={view} today={today} />}
          </div>
        </>
      )}
      {dialog?.kind === 'winners' && setup && data && (
        <WinnersDialog
          setup={setup}
          data={data}
          existing={existing}
          defaults={{ interimReportDue: addDays(event.endDate ?? event.startDate, 182), finalReportDue: addDays(event.endDate ?? event.startDate, 330) }}
          onDone={(count) => ok(t('winners.done', { count }))}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'plan' && open && <PlanDialog project={open} onSaved={(title) => ok(t('plan.saved', { title }))} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'reports' && open && <ReportsDialog project={open} reports={view.reports.get(open.id) ?? []} onNote={ok} onClose={() => setDialog(undefined)} />}
      {files.code && <PackageCodeDialog recipient="team" name={files.code.title} code={files.code.code} fileName={files.code.fileName} onClose={files.closeCode} />}
    </section>
  );
}
