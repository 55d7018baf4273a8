/** One person in the desk's result list: name, how they matched, where they are, their arrival. */
import type { Arrival } from '../../../shared/domain/arrival';
import type { MatchKind } from '../../../shared/search';
import type { DeskCard } from '../../hooks/use-desk-index';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../shared/people/name';
import { phoneTail } from './desk-search';
import { formatDate } from '../../../shared/text/format';
import { genderOf } from '../../../shared/text/names';

/** Match kinds the operator is told about (an exact match needs no word). */
const hinted: ReadonlySet<MatchKind> = new Set(['layout', 'translit', 'typo', 'phone', 'badge', 'partial']);

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
  const { t } = useTranslation('desk');
  const { card, arrival, selected } = props;
  const arrived = arrival?.arrived;
  const where = arrival?.device === props.ownDevice ? t('result.thisDesk') : t('result.otherDesk', { id: arrival?.device?.slice(0, 4).toUpperCase() });
  const context = genderOf(card);
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
        {hinted.has(props.matchKind) && <span className="match-hint">{t(`result.match.${props.matchKind}`)}</span>}
        {props.namesake && <span className="match-hint namesake">{t('result.namesake')}</span>}
        <span className="desk-meta">
          {[card.municipality, card.organization, props.namesake && phoneTail(card.phone), props.namesake && t('result.badge', { code: card.badgeCode })].filter(Boolean).join(' · ')}
        </span>
        <span className="desk-meta">
          {t(`app:role.${card.role}`)}
          {card.section && ` · ${t('result.section', { title: card.section })}`}
          {card.status === 'cancelled' && ` · ${t('result.cancelled')}`}
        </span>
        {card.note && <span className="attention">⚠ {card.note}</span>}
      </div>
      <div className="desk-result-status">
        {arrived ? (
          <>
            <span className="status-arrived">{t('result.arrived', { context, time: time(arrival?.at) })}</span>
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
              {t('result.annul')}
            </button>
          </>
        ) : (
          <span className="status-waiting">{t('result.waiting', { context })}</span>
        )}
        <span className="mono desk-badge">{card.badgeCode}</span>
      </div>
    </li>
  );
}
