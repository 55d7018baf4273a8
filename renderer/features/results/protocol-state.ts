/**
 * What the protocol says about where scoring stands and about jurors taken off the jury — the same
 * sentences in the printed protocol and in the workbook, so the two can never disagree. Only a closed
 * contest's protocol says «Комиссия решила утвердить»; while scores may still arrive it says the
 * results are preliminary.
 */
import type { ContestStatus, RemovedJuror, ScoringLogEntry } from '../../../shared/contest';
import { formatDate } from '../../../shared/text/format';
import { endSentence as sentence } from '../../../shared/text/sentence';
import { tr } from '../../i18n';

const t = (key: string, options?: Record<string, unknown>) => tr('results')(key, options);

/** The scoring state and the removed jurors the protocol has to account for. */
export type ProtocolState = { status: ContestStatus; scoringLog: readonly ScoringLogEntry[]; removedJurors: readonly RemovedJuror[] };

/** The decision line: an approval only once scoring is closed. */
export function decisionText(s: Pick<ProtocolState, 'status'>, many: boolean): { lead: string; rest: string } {
  return s.status === 'closed'
    ? { lead: t('state.approveLead'), rest: t(many ? 'state.approveRestMany' : 'state.approveRest') }
    : { lead: t('state.preliminaryLead'), rest: t('state.preliminaryRest') };
}

/** «Приём оценок открывался заново 3 марта 2020 г.: причина», one per reopen. */
export function reopenLines(s: Pick<ProtocolState, 'scoringLog'>): string[] {
  return s.scoringLog.filter((e) => e.action === 'reopen').map((e) => sentence(t('state.reopened', { date: formatDate(e.at), reason: e.reason ?? t('state.noReason') })));
}

/** One line per removed juror: excluded ones with how many sheets and why; kept ones that they count. */
export function removedLines(s: Pick<ProtocolState, 'removedJurors'>): string[] {
  return s.removedJurors.map((r) =>
    r.sheets === 'excluded'
      ? sentence(t('state.removedExcluded', { name: r.name, count: r.finalSheets, reason: r.reason }))
      : t('state.removedKept', { name: r.name, date: formatDate(r.at), reason: r.reason }),
  );
}
