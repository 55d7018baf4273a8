/** Certificates of participation: one A4 page per arrived participant, the verb agreeing with the person's gender. */
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { genderOf, splitFullName } from '../../../shared/text/names';
import { formatDay, formatNumber } from '../../../shared/text/format';
import { PrintDialog } from '../../components/PrintDialog';
import './certificates.css';

export type CertificatePerson = { id: string; fullName: string; municipality?: string };

/** Certificates of participation (сертификат участника), one A4 page each, for print or PDF. */
export function CertificatesDialog({ event, people, onClose }: { event: EventRow; people: CertificatePerson[]; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const pages = people.map((p) => <Certificate key={p.id} event={event} person={p} />);
  return (
    <PrintDialog
      title={people.length === 1 ? t('certificate.one', { name: people[0]!.fullName }) : t('certificate.many', { count: formatNumber(people.length) })}
      pages={pages}
      preview={pages.slice(0, 2)}
      previewClassName="certificate-preview"
      printClassName="certificates"
      printDisabled={people.length === 0}
      onClose={onClose}
    >
      {people.length === 0 && <p className="muted">{t('certificate.none')}</p>}
      {people.length > 2 && <p className="muted">{t('certificate.shown', { count: formatNumber(people.length) })}</p>}
    </PrintDialog>
  );
}

function Certificate({ event, person }: { event: EventRow; person: CertificatePerson }) {
  const { t } = useTranslation('reports');
  const gender = genderOf(splitFullName(person.fullName));
  return (
    <article className="certificate" aria-label={t('certificate.one', { name: person.fullName })}>
      <p className="certificate-kicker">{event.project ? t('certificate.project', { name: event.project }) : event.organizer}</p>
      <h1 className="certificate-title">{t('certificate.title')}</h1>
      <p className="certificate-lead">{t('certificate.lead')}</p>
      <p className="certificate-name">{person.fullName}</p>
      {person.municipality && <p className="certificate-place">{person.municipality}</p>}
      <p className="certificate-text">
        {t('people:certificate.tookPart', { context: gender })}
        <br />
        <strong>{event.title}</strong>
      </p>
      <p className="certificate-date">
        {t('certificate.place', { city: event.city, date: formatDay(event.startDate) })}
      </p>
      <div className="certificate-signatures">
        <div>
          <span className="signature-line" />
          <span>{t('certificate.head')}</span>
        </div>
        <div>
          <span className="signature-line" />
          <span>{t('certificate.organizer')}</span>
        </div>
      </div>
    </article>
  );
}
