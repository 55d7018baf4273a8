import type { Section } from '../../../shared/domain/types';
import { agreeVerb, genderOf } from '../../../shared/people/gender';
import type { SectionResult, WaitlistReason } from '../../../shared/sections';
import { formatCount } from '../../../shared/text/format';
import type { ParticipantRow } from '../../hooks/use-participants';
import type { SectionAccount } from './board-model';

const PEOPLE = ['человек', 'человека', 'человек'] as const;
const SEATS = ['свободное место', 'свободных места', 'свободных мест'] as const;

/** Why a person waits, agreeing with the person («не выбрала ни одной секции»). */
function reasonText(reason: WaitlistReason, person: ParticipantRow['person'] | undefined): string {
  const g = person ? genderOf(person) : null;
  switch (reason) {
    case 'all-choices-full':
      return 'все выбранные секции заполнены';
    case 'no-preferences':
      return `${agreeVerb(g, 'не выбрал', 'не выбрала')} ни одной секции`;
    case 'over-capacity-fixed':
      return 'выбранные секции заполнены назначенными вручную';
    case 'waitlist-cheaper':
      return 'место осталось только в нежелательной секции';
  }
}

/**
 * What the automatic assignment did: how people got their choices (from the run), and one account of
 * where everyone is now (from the stored registrations, the same numbers the columns show): placed,
 * waiting for lack of seats, without any choice, and the seats left.
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
  const { report, account, sections, rows } = props;
  const { stats } = report;
  const byId = new Map(rows.map((r) => [r.registration.id, r]));
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  return (
    <section className="assignment-report" role="status" aria-label="Итоги распределения">
      <div className="report-figures">
        <Figure label="1-й выбор" value={stats.byChoice[0] ?? 0} />
        <Figure label="2-й выбор" value={stats.byChoice[1] ?? 0} />
        <Figure label="3-й выбор" value={stats.byChoice[2] ?? 0} />
        {stats.byChoice.length > 3 && <Figure label="дальше" value={stats.byChoice.slice(3).reduce((a, b) => a + b, 0)} />}
        <Figure label="вручную" value={stats.fixed} />
        <Figure label="не хватило мест" value={account.waitlisted} />
        <Figure label="не выбрали секцию" value={account.withoutChoice} />
        <Figure label="свободных мест" value={account.freeSeats} />
        <button type="button" className="link" onClick={props.onClose}>
          Скрыть
        </button>
      </div>
      {account.waitlisted > 0 && (
        <p className="attention">
          Не хватило мест в выбранных секциях: {formatCount(account.waitlisted, PEOPLE)} в листах ожидания.{' '}
          {account.freeSeats > 0
            ? `В других секциях осталось ${formatCount(account.freeSeats, SEATS)}: переведите людей вручную или увеличьте вместимость.`
            : 'Свободных мест не осталось: увеличьте вместимость или добавьте секцию.'}
        </p>
      )}
      {account.withoutChoice > 0 && (
        <p className="attention">
          {formatCount(account.withoutChoice, PEOPLE)} не {account.withoutChoice === 1 ? 'выбрал' : 'выбрали'} ни одной секции.{' '}
          {account.freeSeats > 0 ? (
            <button type="button" onClick={props.onPlaceWithoutChoice} disabled={props.busy} aria-busy={props.busy}>
              Разместить их на свободные места
            </button>
          ) : (
            'Свободных мест для них нет.'
          )}
        </p>
      )}
      {report.overCapacity.map((o) => (
        <p key={o.sectionId} className="attention">
          В секцию «{titles.get(o.sectionId)}» вручную назначено {o.fixed} при вместимости {o.capacity}.
        </p>
      ))}
      {report.waitlist.length > 0 && (
        <details>
          <summary>Без места после распределения: {formatCount(report.waitlist.length, PEOPLE)}</summary>
          <ul className="waitlist-reasons">
            {report.waitlist.slice(0, 200).map((w) => {
              const row = byId.get(w.personId);
              const g = row ? genderOf(row.person) : null;
              return (
                <li key={w.personId}>
                  {row?.fullName} — {reasonText(w.reason, row?.person)}
                  {w.sectionIds.length > 0 && ` (${agreeVerb(g, 'хотел', 'хотела')}: ${w.sectionIds.map((id) => `«${titles.get(id)}»`).join(', ')})`}
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
