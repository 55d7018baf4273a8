/** What the automatic assignment did, and one account of where everyone is now (see board-model.ts). */
import { useTranslation } from 'react-i18next';
import type { Section } from '../../../shared/domain/types';
import type { SectionResult } from '../../../shared/sections';
import { genderOf } from '../../../shared/text/names';
import type { ParticipantRow } from '../../hooks/use-participants';
import type { SectionAccount } from './board-model';

/**
 * How people got their choices (from the run), and where everyone is now (from the stored registrations,
 * the same numbers the columns show): placed, waiting for lack of seats, without any choice, the seats left.
 * Reasons agree with each person's gender («не выбрала ни одной секции»).
 */
export function AssignmentReport(props: {
  report: SectionResult;
  account: SectionAccount;
  sections: Section[];
  rows: ParticipantRow[];
  busy: boolean;
  onPlaceWithoutChoice: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('sections');
  const { report, account, sections, rows } = props;
  const { stats } = report;
  const byId = new Map(rows.map((r) => [r.registration.id, r]));
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  return (
    <section className="assignment-report" role="status" aria-label={t('report.label')}>
      <div className="report-figures">
        {[0, 1, 2].map((i) => (
          <Figure key={i} label={t('report.choice', { rank: i + 1 })} value={stats.byChoice[i] ?? 0} />
        ))}
        {stats.byChoice.length > 3 && <Figure label={t('report.further')} value={stats.byChoice.slice(3).reduce((a, b) => a + b, 0)} />}
        <Figure label={t('report.manual')} value={stats.fixed} />
        <Figure label={t('report.noSeat')} value={account.waitlisted} />
        <Figure label={t('report.noChoice')} value={account.withoutChoice} />
        <Figure label={t('report.free')} value={account.freeSeats} />
        <button type="button" className="link" onClick={props.onClose}>
          {t('report.hide')}
        </button>
      </div>
      {account.waitlisted > 0 && (
        <p className="attention">
          {t('report.waitlisted', { count: account.waitlisted })}{' '}
          {account.freeSeats > 0 ? t('report.freeLeft', { count: account.freeSeats }) : t('report.noFreeLeft')}
        </p>
      )}
      {account.withoutChoice > 0 && (
        <p className="attention">
          {t('report.withoutChoice', { count: account.withoutChoice })}{' '}
          {account.freeSeats > 0 ? (
            <button type="button" onClick={props.onPlaceWithoutChoice} disabled={props.busy} aria-busy={props.busy}>
              {t('without.place')}
            </button>
          ) : (
            t('report.noSeatsForThem')
          )}
        </p>
      )}
      {report.overCapacity.map((o) => (
        <p key={o.sectionId} className="attention">
          {t('report.overCapacity', { title: titles.get(o.sectionId), fixed: o.fixed, capacity: o.capacity })}
        </p>
      ))}
      {report.waitlist.length > 0 && (
        <details>
          <summary>{t('report.noSeatList', { count: report.waitlist.length })}</summary>
          <ul className="waitlist-reasons">
            {report.waitlist.slice(0, 200).map((w) => {
              const row = byId.get(w.personId);
              const context = row ? genderOf(row.person) : undefined;
              const wanted = w.sectionIds.map((id) => `«${titles.get(id)}»`).join(', ');
              return (
                <li key={w.personId}>
                  {row?.fullName} — {t(`report.reason.${w.reason}`, { context })}
                  {w.sectionIds.length > 0 && ` (${t('report.wanted', { context, list: wanted })})`}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="figure">
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </div>
  );
}
