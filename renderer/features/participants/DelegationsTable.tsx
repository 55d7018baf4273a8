import { useTranslation } from 'react-i18next';
import { useDelegations } from '../../hooks/use-delegations';

export function DelegationsTable({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const delegations = useDelegations(eventId);
  if (!delegations?.length) return null;
  return (
    <details className="delegations">
      <summary>
        {t('participants.delegations')} ({delegations.length})
      </summary>
      <table className="simple-table">
        <thead>
          <tr>
            <th scope="col">{t('participants.municipality')}</th>
            <th scope="col" className="num">
              {t('participants.expected')}
            </th>
            <th scope="col" className="num">
              {t('participants.registered')}
            </th>
          </tr>
        </thead>
        <tbody>
          {delegations.map((d) => (
            <tr key={d.municipalityId}>
              <td>{d.name}</td>
              <td className="num">{d.expected}</td>
              <td className="num">{d.registered}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
