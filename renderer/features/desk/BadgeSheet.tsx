/** The badge itself (name, municipality, role, QR code) on A4 sheets of eight or on labels. */
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import type { DeskCard } from '../../hooks/use-desk-index';
import { QrCode } from '../../components/QrCode';
import { fullName } from '../../../shared/people/name';

export type BadgeLayout = 'a4-8' | 'label';

/** Badges laid out for print: 8 per A4 sheet (2 × 4, 105 × 74 mm) or one per 90 × 55 mm label. */
export function BadgeSheet({ event, cards, layout }: { event: EventRow; cards: DeskCard[]; layout: BadgeLayout }) {
  const perPage = layout === 'a4-8' ? 8 : 1;
  const pages: DeskCard[][] = [];
  for (let i = 0; i < cards.length; i += perPage) pages.push(cards.slice(i, i + perPage));
  return (
    <div className={`badge-sheets layout-${layout}`}>
      {pages.map((page, i) => (
        <div className="badge-page" key={i}>
          {page.map((card) => (
            <Badge key={card.registrationId} event={event} card={card} />
          ))}
        </div>
      ))}
    </div>
  );
}

function Badge({ event, card }: { event: EventRow; card: DeskCard }) {
  const { t } = useTranslation();
  return (
    <article className="badge" aria-label={t('desk:badges.badge', { name: fullName(card) })}>
      <header className="badge-event">{event.shortTitle ?? event.title}</header>
      <div className="badge-body">
        <div className="badge-person">
          <div className="badge-surname">{card.surname}</div>
          <div className="badge-names">{[card.name, card.patronymic].filter(Boolean).join(' ')}</div>
          <div className="badge-place">{card.municipality}</div>
          {card.role !== 'participant' && <div className="badge-role">{t(`role.${card.role}`)}</div>}
        </div>
        <div className="badge-code">
          <QrCode text={card.badgeCode} size="22mm" />
          <span className="mono">{card.badgeCode}</span>
        </div>
      </div>
    </article>
  );
}
