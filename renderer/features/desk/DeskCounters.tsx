/** The desk's side panel: how many arrived, by delegation, and who is still missing. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import type { ArrivalsView } from '../../hooks/use-arrivals';
import { useDelegationTargets } from '../../hooks/use-delegation-targets';
import type { DeskCard, DeskIndex } from '../../hooks/use-desk-index';
import { fullName } from '../../../shared/people/name';

/** Live counters: arrived / expected overall and per delegation, and who of a delegation has not come. */
export function DeskCounters({ event, arrivals, desk }: { event: EventRow; arrivals?: ArrivalsView; desk?: DeskIndex }) {
  const { t } = useTranslation('desk');
  const cards = desk?.cards;
  const delegations = useDelegationTargets(event.id);
  const [open, setOpen] = useState<string>();

  // Who is registered per municipality changes with the cards (rarely); arrivals change with every
  // check-in. Counting arrivals walks the arrivals only, so a check-in at 100,000 people stays cheap.
  const registered = useMemo(() => {
    const byMunicipality = new Map<string, DeskCard[]>();
    let total = 0;
    for (const card of cards?.values() ?? []) {
      if (card.status === 'cancelled') continue;
      total += 1;
      const list = byMunicipality.get(card.municipality);
      if (list) list.push(card);
      else byMunicipality.set(card.municipality, [card]);
    }
    return { byMunicipality, total };
    // the cards map is updated in place; desk.version says when
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cards, desk?.version]);

  const perMunicipality = useMemo(() => {
    const arrived = new Map<string, number>();
    let came = 0;
    for (const [registrationId, arrival] of arrivals?.byRegistration ?? []) {
      if (!arrival.arrived) continue;
      const card = cards?.get(registrationId);
      if (!card || card.status === 'cancelled') continue;
      came += 1;
      arrived.set(card.municipality, (arrived.get(card.municipality) ?? 0) + 1);
    }
    return { arrived, came, total: registered.total };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [arrivals, registered]);

  const missingList = useMemo(
    () => (open ? (registered.byMunicipality.get(open) ?? []).filter((c) => !arrivals?.byRegistration.get(c.registrationId)?.arrived) : []),
    [open, registered, arrivals],
  );

  const expected = delegations?.reduce((s, d) => s + d.expected, 0) ?? 0;
  return (
    <aside className="desk-side" aria-label={t('counters.label')}>
      <div className="counter-big" data-testid="arrived-counter">
        <span className="counter-value">{perMunicipality.came}</span>
        <span className="counter-label">
          {t('counters.arrived', { count: perMunicipality.came })} {t('counters.ofRegistered', { count: perMunicipality.total })}
          {expected > 0 && t('counters.expected', { count: expected })}
        </span>
      </div>
      {delegations && delegations.length > 0 && (
        <table className="simple-table counters-table">
          <caption className="visually-hidden">{t('counters.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('counters.delegation')}</th>
              <th scope="col" className="num">
                {t('counters.arrivedExpected')}
              </th>
            </tr>
          </thead>
          <tbody>
            {delegations.map((d) => (
              <tr key={d.municipalityId}>
                <td>
                  <button type="button" className="link" translate="no" aria-expanded={open === d.name} onClick={() => setOpen(open === d.name ? undefined : d.name)}>
                    {d.name}
                  </button>
                </td>
                <td className="num">
                  {perMunicipality.arrived.get(d.name) ?? 0} / {d.expected}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <div className="missing-list" role="region" aria-label={t('counters.missing', { name: open })}>
          <h3>
            {t('counters.missingTitle', { name: open, count: missingList.length })}
          </h3>
          <ul>
            {missingList.map((c) => (
              <li key={c.registrationId}>{fullName(c)}</li>
            ))}
            {missingList.length === 0 && <li>{t('counters.allArrived')}</li>}
          </ul>
        </div>
      )}
    </aside>
  );
}
