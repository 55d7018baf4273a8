import type { Section } from '../../../shared/domain/types';
import type { SectionResult } from '../../../shared/solver';
import type { ParticipantRow } from '../../hooks/use-participants';

const reasonText: Record<string, string> = {
  'all-choices-full': 'все выбранные секции заполнены',
  'no-preferences': 'не выбрал(а) ни одной секции',
  'over-capacity-fixed': 'выбранные секции заполнены назначенными вручную',
  'waitlist-cheaper': 'место только в нежелательной секции',
};

/** What the automatic assignment did: choice statistics, over-demand, who is waiting and why. */
export function AssignmentReport({ report, sections, rows, onClose }: { report: SectionResult; sections: Section[]; rows: ParticipantRow[]; onClose: () => void }) {
  const { stats } = report;
  const names = new Map(rows.map((r) => [r.registration.id, r]));
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  return (
    <section className="assignment-report" role="status" aria-label="Итоги распределения">
      <div className="report-figures">
        <Figure label="1-й выбор" value={stats.byChoice[0] ?? 0} />
        <Figure label="2-й выбор" value={stats.byChoice[1] ?? 0} />
        <Figure label="3-й выбор" value={stats.byChoice[2] ?? 0} />
        {stats.byChoice.length > 3 && <Figure label="дальше" value={stats.byChoice.slice(3).reduce((a, b) => a + b, 0)} />}
        <Figure label="вручную" value={stats.fixed} />
        <Figure label="без места" value={stats.waitlisted} />
        <button type="button" className="link" onClick={onClose}>
          Скрыть
        </button>
      </div>
      {stats.overDemand && (
        <p className="attention">
          Желающих ({stats.demand}) больше, чем мест во всех секциях ({stats.capacity}): {stats.demand - stats.capacity} чел. останутся без места, пока не
          увеличите вместимость или не добавите секцию.
        </p>
      )}
      {report.overCapacity.map((o) => (
        <p key={o.sectionId} className="attention">
          В секцию «{titles.get(o.sectionId)}» вручную назначено {o.fixed} при вместимости {o.capacity}.
        </p>
      ))}
      {report.waitlist.length > 0 && (
        <details>
          <summary>Лист ожидания: {report.waitlist.length} чел.</summary>
          <ul className="waitlist-reasons">
            {report.waitlist.slice(0, 200).map((w) => (
              <li key={w.personId}>
                {names.get(w.personId)?.fullName} — {reasonText[w.reason] ?? w.reason}
                {w.sectionIds.length > 0 && ` (хотел(а): ${w.sectionIds.map((id) => `«${titles.get(id)}»`).join(', ')})`}
              </li>
            ))}
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
