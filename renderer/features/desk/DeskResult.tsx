import type { Arrival } from '../../../shared/domain/arrival';
import type { MatchKind } from '../../../shared/search';
import type { DeskCard } from '../../hooks/use-desk-index';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../shared/people/name';
import { phoneTail } from './desk-search';
import { formatDate } from '../../../shared/text/format';

const matchHint: Partial<Record<MatchKind, string>> = {
  layout: 'другая раскладка',
  translit: 'латиница',
  typo: 'с опечаткой',
  phone: 'по телефону',
  badge: 'по коду бейджа',
  partial: 'не все слова',
};

const time = (iso?: string) => (iso ? formatDate(iso, 'time') : '');

export function DeskResult(props: {
  card: DeskCard;
  matchKind: MatchKind;
  /** Another listed person has the same surname and name: what tells them apart is shown. */
  namesake?: boolean;
  arrival?: Arrival;
  ownDevice: string;
  selected: boolean;
  onPick: () => void;
  onAnnul: () => void;
}) {
  const { t } = useTranslation();
  const { card, arrival, selected } = props;
  const arrived = arrival?.arrived;
  const where = arrival?.device === props.ownDevice ? 'эта стойка' : `стойка ${arrival?.device?.slice(0, 4).toUpperCase()}`;
  return (
    <li
      id={`desk-result-${card.registrationId}`}
      role="option"
      aria-selected={selected}
      className={`desk-result${selected ? ' selected' : ''}${arrived ? ' arrived' : ''}`}
      onClick={props.onPick}
    >
      <div className="desk-result-main">
        <span className="desk-name">{fullName(card)}</span>
        {matchHint[props.matchKind] && <span className="match-hint">{matchHint[props.matchKind]}</span>}
        {props.namesake && <span className="match-hint namesake">тёзка</span>}
        <span className="desk-meta">
          {[card.municipality, card.organization, props.namesake && phoneTail(card.phone), props.namesake && `бейдж ${card.badgeCode}`].filter(Boolean).join(' · ')}
        </span>
        <span className="desk-meta">
          {t(`role.${card.role}`)}
          {card.section && ` · секция: ${card.section}`}
          {card.status === 'cancelled' && ' · регистрация отменена'}
        </span>
        {card.note && <span className="attention">⚠ {card.note}</span>}
      </div>
      <div className="desk-result-status">
        {arrived ? (
          <>
            <span className="status-arrived">✓ Прибыл(а) {time(arrival?.at)}</span>
            <span className="desk-meta">
              {where}, {arrival?.operator}
            </span>
            <button
              type="button"
              className="link"
              onClick={(e) => {
                e.stopPropagation();
                props.onAnnul();
              }}
            >
              Отменить…
            </button>
          </>
        ) : (
          <span className="status-waiting">не отмечен(а)</span>
        )}
        <span className="mono desk-badge">{card.badgeCode}</span>
      </div>
    </li>
  );
}
