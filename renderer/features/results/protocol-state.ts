/**
 * What the protocol says about where scoring stands and about jurors taken off the jury — the same
 * sentences in the printed protocol and in the workbook, so the two can never disagree. Only a closed
 * contest's protocol says «Комиссия решила утвердить»; while scores may still arrive it says the
 * results are preliminary.
 */
import type { ContestStatus, RemovedJuror, ScoringLogEntry } from '../../../shared/contest';
import { plural } from './format';

const day = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });
const dayOf = (iso: string) => day.format(new Date(iso));

/** The scoring state and the removed jurors the protocol has to account for. */
export type ProtocolState = { status: ContestStatus; scoringLog: readonly ScoringLogEntry[]; removedJurors: readonly RemovedJuror[] };

/** The decision line: an approval only once scoring is closed. */
export function decisionText(s: Pick<ProtocolState, 'status'>, many: boolean): { lead: string; rest: string } {
  return s.status === 'closed'
    ? { lead: 'Комиссия решила', rest: ` утвердить следующие результаты конкурса${many ? ' по номинациям' : ''}:` }
    : { lead: 'Итоги предварительные:', rest: ' приём оценок не закрыт, результаты могут измениться и не утверждаются.' };
}

/** «Приём оценок открывался заново 3 марта 2020 г.: причина», one per reopen. */
export function reopenLines(s: Pick<ProtocolState, 'scoringLog'>): string[] {
  return s.scoringLog.filter((e) => e.action === 'reopen').map((e) => `Приём оценок открывался заново ${dayOf(e.at)}: ${e.reason ?? 'причина не указана'}.`);
}

/** One line per removed juror: excluded ones with how many sheets and why; kept ones that they count. */
export function removedLines(s: Pick<ProtocolState, 'removedJurors'>): string[] {
  return s.removedJurors.map((r) =>
    r.sheets === 'excluded'
      ? `Оценки эксперта ${r.name} исключены (${plural(r.finalSheets, 'завершённый лист', 'завершённых листа', 'завершённых листов')}): ${r.reason}.`
      : `Эксперт ${r.name} выведен из состава жюри ${dayOf(r.at)} (${r.reason}); его оценки учтены.`,
  );
}
