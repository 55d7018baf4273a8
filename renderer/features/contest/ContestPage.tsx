import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { createContestFromTemplate } from '../../db/repo/contest';
import { useDb } from '../../hooks/db-context';
import { useContest, useContestData } from '../../hooks/use-contest';
import { useParticipants } from '../../hooks/use-participants';
import { OpenPackageButton } from '../jury';
import { ResultsPanel } from '../results';
import { ApplicationsTab } from './ApplicationsTab';
import { AssignmentTab } from './AssignmentTab';
import { JurorsTab } from './JurorsTab';
import { ReturnsTab } from './ReturnsTab';
import { SetupTab } from './SetupTab';
import './contest.css';
import { errorText } from '../../i18n';

const TABS = ['setup', 'applications', 'jurors', 'assignment', 'returns', 'results'] as const;
type Tab = (typeof TABS)[number];

/** Конкурс: setup, applications, jurors, assignment, packages and returns of one event's contest. */
export function ContestPage({ event }: { event: EventRow }) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const setup = useContest(event.id);
  const data = useContestData(setup?.contest.id);
  const participants = useParticipants(event.id);
  const [tab, setTab] = useState<Tab>('setup');
  const [error, setError] = useState<string>();

  const create = async () => {
    setError(undefined);
    try {
      await createContestFromTemplate(ctx, event.id);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.indexOf(tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`contest-tab-${next}`)?.focus();
  };

  return (
    <section className="page page-contest">
      <header className="page-header">
        <h1>{t('page.title')}</h1>
        {setup && <span className="muted">{setup.contest.title}</span>}
        <span className="spacer" />
        <OpenPackageButton />
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {setup === undefined ? (
        <p className="muted">{t('app:common.loading')}</p>
      ) : setup === null ? (
        <div className="empty contest-start">
          <p>{t('page.none')}</p>
          <p>{t('page.template')}</p>
          <button type="button" className="primary" onClick={() => void create()}>
            {t('page.create')}
          </button>
        </div>
      ) : (
        <>
          <div className="contest-tabs" role="tablist" aria-label={t('page.tabsLabel')} onKeyDown={onTabKey}>
            {TABS.map((id) => {
              const count = !data ? undefined : id === 'applications' ? data.applications.length : id === 'jurors' ? data.jurors.length : undefined;
              return (
                <button
                  key={id}
                  id={`contest-tab-${id}`}
                  type="button"
                  role="tab"
                  aria-selected={tab === id}
                  aria-controls="contest-panel"
                  tabIndex={tab === id ? 0 : -1}
                  onClick={() => setTab(id)}
                >
                  {count === undefined ? t(`page.tabs.${id}`) : t('page.tabCount', { label: t(`page.tabs.${id}`), count })}
                </button>
              );
            })}
          </div>
          <div id="contest-panel" role="tabpanel" aria-labelledby={`contest-tab-${tab}`} className="contest-panel">
            {!data || !participants ? (
              <p className="muted">{t('app:common.loading')}</p>
            ) : tab === 'setup' ? (
              <SetupTab key={setup.contest.id} setup={setup} data={data} />
            ) : tab === 'applications' ? (
              <ApplicationsTab setup={setup} data={data} participants={participants} />
            ) : tab === 'jurors' ? (
              <JurorsTab setup={setup} data={data} participants={participants} />
            ) : tab === 'assignment' ? (
              <AssignmentTab setup={setup} data={data} />
            ) : tab === 'returns' ? (
              <ReturnsTab event={event} setup={setup} data={data} />
            ) : (
              <ResultsPanel event={event} setup={setup} data={data} />
            )}
          </div>
        </>
      )}
    </section>
  );
}
