import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import { useContestResults } from '../../hooks/use-results';
import { exclusionSummary } from './format';
import { ProtocolDialog, type ProtocolBase } from './ProtocolDialog';
import { unknownJuror, type ProtocolNomination } from './protocol-xlsx';
import { RankingView } from './RankingView';
import { ScoresMatrixView } from './ScoresMatrixView';
import { ReliabilityView } from './ReliabilityView';
import { SensitivityView } from './SensitivityView';
import './results.css';
import { SelectField } from '../../components/ui';

const VIEWS = ['ranking', 'matrix', 'sensitivity', 'reliability'] as const;
type View = (typeof VIEWS)[number];

/** «Итоги» of the contest: per nomination, the official ranking and everything that tests it. */
export function ResultsPanel({ event, setup, data }: { event: EventRow; setup: ContestSetup; data: ContestData }) {
  const { t } = useTranslation('results');
  const all = useContestResults(setup, data);
  const [nominationId, setNominationId] = useState<string>();
  const [view, setView] = useState<View>('ranking');
  const [protocol, setProtocol] = useState(false);
  const current = all.nominations.find((n) => n.nominationId === nominationId) ?? all.nominations[0];
  if (!current) return <p className="muted">{t('panel.noNominations')}</p>;

  const { results, input } = current;
  const titles = new Map(input.applications.map((a) => [a.id, a.title]));
  // removed jurors keep their names (contest.removedJurors): a reliability row or a protocol never shows an id
  const removed = setup.contest.removedJurors ?? [];
  const jurorNames = new Map([...removed.map((r) => [r.jurorId, r.name] as const), ...data.jurors.map((j) => [j.id, j.name] as const)]);
  const keptRemoved = removed.filter((r) => r.sheets === 'kept').map((r) => ({ id: r.jurorId, name: r.name }));
  const nominationOf = new Map(data.applications.map((a) => [a.id, a.nominationId]));
  const nominations: ProtocolNomination[] = all.nominations.map((n) => {
    const scoredBy = new Set(n.input.sheets.map((s) => s.jurorId));
    return {
      nominationId: n.nominationId,
      title: n.title,
      input: n.input,
      results: n.results,
      // the jury of a nomination: who is assigned to it, plus anyone whose sheets arrived for it
      jurors: [
        ...data.jurors.filter((j) => j.nominationIds.includes(n.nominationId) || scoredBy.has(j.id)).map((j) => ({ id: j.id, name: j.name })),
        ...keptRemoved.filter((j) => scoredBy.has(j.id)),
      ],
      skipped: all.skipped.filter((s) => nominationOf.get(s.applicationId) === n.nominationId),
    };
  });
  const inSome = new Set(nominations.flatMap((n) => n.jurors.map((j) => j.id)));
  const base: ProtocolBase = {
    contestTitle: setup.contest.title,
    eventTitle: event.title,
    jurors: [...data.jurors.filter((j) => inSome.has(j.id)).map((j) => ({ id: j.id, name: j.name })), ...keptRemoved.filter((j) => inSome.has(j.id))],
    nominations,
    status: setup.contest.status,
    scoringLog: setup.contest.scoringLog ?? [],
    removedJurors: removed,
  };
  const skipped = nominations.find((n) => n.nominationId === current.nominationId)?.skipped ?? [];
  const countedAll = nominations.reduce((s, n) => s + n.results.totals.length, 0);
  const excludedText = exclusionSummary(results, skipped);
  const counted = results.totals.length;

  return (
    <div className="results-panel">
      <div className="results-toolbar">
        {all.nominations.length > 1 && (
          <SelectField
            className="narrow"
            label={t('panel.nomination')}
            value={current.nominationId}
            onChange={setNominationId}
            options={all.nominations.map((n) => [n.nominationId, n.title] as const)}
          />
        )}
        <span className="spacer" />
        <button type="button" className="primary" disabled={countedAll === 0} onClick={() => setProtocol(true)}>
          {t('panel.protocol')}
        </button>
      </div>
      {setup.contest.status === 'closed' ? (
        <p className="results-note" role="status">
          {t('panel.closed')}
        </p>
      ) : (
        <p className="results-note results-note-warn">
          {setup.contest.status === 'setup' ? t('panel.notOpen') : t('panel.open')}
        </p>
      )}
      <p className="results-counted" role="status">
        {t('panel.counted', { count: counted })} {excludedText ?? t('panel.allCounted')}
      </p>
      {counted === 0 ? (
        <p className="muted">{t('panel.nothing')}</p>
      ) : (
        <>
          <div className="results-views" role="group" aria-label={t('panel.viewsLabel')}>
            {VIEWS.map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
                {t(`panel.views.${v}`)}
              </button>
            ))}
          </div>
          {view === 'ranking' ? (
            <RankingView key={current.nominationId} results={results} titles={titles} />
          ) : view === 'matrix' ? (
            <ScoresMatrixView
              results={results}
              input={input}
              jurorName={(id) => jurorNames.get(id) ?? unknownJuror()}
              fileName={t('panel.matrixFile', { name: all.nominations.length > 1 ? current.title : setup.contest.title })}
            />
          ) : view === 'sensitivity' ? (
            <SensitivityView results={results} titles={titles} />
          ) : (
            <ReliabilityView results={results} titles={titles} jurorNames={jurorNames} />
          )}
        </>
      )}
      {protocol && (
        <ProtocolDialog
          base={base}
          contestId={setup.contest.id}
          remembered={{ chair: setup.contest.protocolChair, secretary: setup.contest.protocolSecretary }}
          onClose={() => setProtocol(false)}
        />
      )}
    </div>
  );
}
