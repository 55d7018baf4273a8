import { useState } from 'react';
import type { EventRow } from '../../../shared/domain/types';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import { useContestResults } from '../../hooks/use-results';
import { exclusionSummary } from './format';
import { ProtocolDialog, protocolDate, saveProtocolXlsx, todayIso, type ProtocolBase } from './ProtocolDialog';
import type { ProtocolNomination } from './protocol-xlsx';
import { RankingView } from './RankingView';
import { ReliabilityView } from './ReliabilityView';
import { SensitivityView } from './SensitivityView';
import './results.css';

const VIEWS = [
  { id: 'ranking', label: 'Рейтинг' },
  { id: 'sensitivity', label: 'Чувствительность к методу' },
  { id: 'reliability', label: 'Надёжность жюри' },
] as const;
type View = (typeof VIEWS)[number]['id'];

/** «Итоги» of the contest: per nomination, the official ranking and everything that tests it. */
export function ResultsPanel({ event, setup, data }: { event: EventRow; setup: ContestSetup; data: ContestData }) {
  const all = useContestResults(setup, data);
  const [nominationId, setNominationId] = useState<string>();
  const [view, setView] = useState<View>('ranking');
  const [protocol, setProtocol] = useState(false);
  const current = all.nominations.find((n) => n.nominationId === nominationId) ?? all.nominations[0];
  if (!current) return <p className="muted">В конкурсе нет номинаций.</p>;

  const { results, input } = current;
  const titles = new Map(input.applications.map((a) => [a.id, a.title]));
  const jurorNames = new Map(data.jurors.map((j) => [j.id, j.name]));
  const nominationOf = new Map(data.applications.map((a) => [a.id, a.nominationId]));
  const nominations: ProtocolNomination[] = all.nominations.map((n) => {
    const scoredBy = new Set(n.input.sheets.map((s) => s.jurorId));
    return {
      nominationId: n.nominationId,
      title: n.title,
      input: n.input,
      results: n.results,
      // the jury of a nomination: who is assigned to it, plus anyone whose sheets arrived for it
      jurors: data.jurors.filter((j) => j.nominationIds.includes(n.nominationId) || scoredBy.has(j.id)).map((j) => ({ id: j.id, name: j.name })),
      skipped: all.skipped.filter((s) => nominationOf.get(s.applicationId) === n.nominationId),
    };
  });
  const inSome = new Set(nominations.flatMap((n) => n.jurors.map((j) => j.id)));
  const base: ProtocolBase = {
    contestTitle: setup.contest.title,
    eventTitle: event.title,
    jurors: data.jurors.filter((j) => inSome.has(j.id)).map((j) => ({ id: j.id, name: j.name })),
    nominations,
  };
  const skipped = nominations.find((n) => n.nominationId === current.nominationId)?.skipped ?? [];
  const countedAll = nominations.reduce((s, n) => s + n.results.totals.length, 0);
  const excludedText = exclusionSummary(results, skipped);
  const counted = results.totals.length;

  return (
    <div className="results-panel">
      <div className="results-toolbar">
        {all.nominations.length > 1 && (
          <label className="field narrow">
            <span>Номинация</span>
            <select value={current.nominationId} onChange={(e) => setNominationId(e.target.value)}>
              {all.nominations.map((n) => (
                <option key={n.nominationId} value={n.nominationId}>
                  {n.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="spacer" />
        <button
          type="button"
          disabled={countedAll === 0}
          onClick={() =>
            void saveProtocolXlsx(
              { ...base, date: protocolDate(todayIso()), chair: setup.contest.protocolChair ?? '', secretary: setup.contest.protocolSecretary ?? '' },
              setup.contest.title,
            )
          }
        >
          Скачать протокол (Excel)
        </button>
        <button type="button" className="primary" disabled={countedAll === 0} onClick={() => setProtocol(true)}>
          Протокол для печати…
        </button>
      </div>
      {setup.contest.status !== 'closed' && (
        <p className="results-note results-note-warn">
          {setup.contest.status === 'setup' ? 'Приём оценок ещё не открыт.' : 'Приём оценок ещё идёт — итоги предварительные и изменятся с новыми листами.'}
        </p>
      )}
      <p className="results-counted" role="status">
        Учтено листов оценок: {counted}. {excludedText ?? 'Учтены все полученные листы.'}
      </p>
      {counted === 0 ? (
        <p className="muted">Итогов пока нет: ни один завершённый лист оценок не получен. Загрузите файлы оценок на вкладке «Пакеты и оценки».</p>
      ) : (
        <>
          <div className="results-views" role="group" aria-label="Вид итогов">
            {VIEWS.map((v) => (
              <button key={v.id} type="button" aria-pressed={view === v.id} onClick={() => setView(v.id)}>
                {v.label}
              </button>
            ))}
          </div>
          {view === 'ranking' ? (
            <RankingView key={current.nominationId} results={results} titles={titles} />
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
