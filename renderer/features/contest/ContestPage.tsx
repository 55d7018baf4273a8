import { useState } from 'react';
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

const TABS = [
  { id: 'setup', label: 'Настройка' },
  { id: 'applications', label: 'Заявки' },
  { id: 'jurors', label: 'Эксперты и конфликты' },
  { id: 'assignment', label: 'Распределение' },
  { id: 'returns', label: 'Пакеты и оценки' },
  { id: 'results', label: 'Итоги' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** Конкурс: setup, applications, jurors, assignment, packages and returns of one event's contest. */
export function ContestPage({ event }: { event: EventRow }) {
  const ctx = useDb();
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
      setError((err as Error).message);
    }
  };

  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next.id);
    document.getElementById(`contest-tab-${next.id}`)?.focus();
  };

  return (
    <section className="page page-contest">
      <header className="page-header">
        <h1>Конкурс</h1>
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
        <p className="muted">Загрузка…</p>
      ) : setup === null ? (
        <div className="empty contest-start">
          <p>У этого мероприятия ещё нет конкурса проектов.</p>
          <p>
            Шаблон грантового конкурса: десять критериев по шкале 0–10 с коэффициентами, описания уровней оценок, не менее двух независимых экспертов на заявку,
            обязательное обоснование. Всё можно изменить до открытия приёма оценок.
          </p>
          <button type="button" className="primary" onClick={() => void create()}>
            Создать конкурс по шаблону
          </button>
        </div>
      ) : (
        <>
          <div className="contest-tabs" role="tablist" aria-label="Разделы конкурса" onKeyDown={onTabKey}>
            {TABS.map((t) => (
              <button
                key={t.id}
                id={`contest-tab-${t.id}`}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                aria-controls="contest-panel"
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
              >
                {t.label}
                {t.id === 'applications' && data ? ` (${data.applications.length})` : ''}
                {t.id === 'jurors' && data ? ` (${data.jurors.length})` : ''}
              </button>
            ))}
          </div>
          <div id="contest-panel" role="tabpanel" aria-labelledby={`contest-tab-${tab}`} className="contest-panel">
            {!data || !participants ? (
              <p className="muted">Загрузка…</p>
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
