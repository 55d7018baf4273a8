import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { useFirstChoiceCounts, useProgram, useSections } from '../../hooks/use-sections';

const time = (iso?: string) => (iso ? iso.slice(11, 16) : '');

export function SectionsPage({ event }: { event: EventRow }) {
  const { t } = useTranslation();
  const sections = useSections(event.id);
  const program = useProgram(event.id);
  const firstChoice = useFirstChoiceCounts(event.id);

  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('sections.heading')}</h1>
      </header>
      {!sections ? (
        <p>{t('common.loading')}</p>
      ) : sections.length === 0 ? (
        <p className="empty">{t('sections.empty')}</p>
      ) : (
        <ol className="section-cards">
          {sections.map((s) => (
            <li key={s.id} className="section-card">
              <h2>{s.title}</h2>
              <dl>
                <dt>{t('sections.room')}</dt>
                <dd>{s.room || '—'}</dd>
                <dt>{t('sections.time')}</dt>
                <dd>{s.startsAt ? `${time(s.startsAt)}–${time(s.endsAt)}` : '—'}</dd>
                <dt>{t('sections.capacity')}</dt>
                <dd>{s.capacity}</dd>
                <dt>{t('sections.moderators')}</dt>
                <dd>{s.moderators.join(', ') || '—'}</dd>
                <dt>{t('sections.wishes')}</dt>
                <dd>{firstChoice?.get(s.id) ?? 0}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
      {program && program.length > 0 && (
        <>
          <h2 className="subheading">{t('program.heading')}</h2>
          <ol className="program">
            {program.map((p) => (
              <li key={p.id}>
                <span className="mono">
                  {time(p.startsAt)}–{time(p.endsAt)}
                </span>
                <div>
                  <span>{p.title}</span>
                  {p.topics && p.topics.length > 0 && (
                    <ul className="topics">
                      {p.topics.map((topic) => (
                        <li key={topic}>{topic}</li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
