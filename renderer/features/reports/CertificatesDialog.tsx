import type { EventRow } from '../../../shared/domain/types';
import { useTranslation } from 'react-i18next';
import { genderOf, splitFullName } from '../../../shared/text/names';
import { PrintDialog } from '../../components/PrintDialog';
import './certificates.css';

export type CertificatePerson = { id: string; fullName: string; municipality?: string };

const months = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const dateRu = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `«${d}» ${months[(m ?? 1) - 1]} ${y} г.`;
};

/** Certificates of participation (сертификат участника), one A4 page each, for print or PDF. */
export function CertificatesDialog({ event, people, onClose }: { event: EventRow; people: CertificatePerson[]; onClose: () => void }) {
  const pages = people.map((p) => <Certificate key={p.id} event={event} person={p} />);
  return (
    <PrintDialog
      title={people.length === 1 ? `Сертификат: ${people[0]!.fullName}` : `Сертификаты участников: ${people.length}`}
      pages={pages}
      preview={pages.slice(0, 2)}
      previewClassName="certificate-preview"
      printClassName="certificates"
      printDisabled={people.length === 0}
      onClose={onClose}
    >
      {people.length === 0 && <p className="muted">Нет прибывших участников — сертификаты печатаются для тех, чьё прибытие отмечено.</p>}
      {people.length > 2 && <p className="muted">Показаны 2 из {people.length}; печатаются все.</p>}
    </PrintDialog>
  );
}

function Certificate({ event, person }: { event: EventRow; person: CertificatePerson }) {
  const { t } = useTranslation('people');
  const gender = genderOf(splitFullName(person.fullName));
  return (
    <article className="certificate" aria-label={`Сертификат: ${person.fullName}`}>
      <p className="certificate-kicker">{event.project ? `Проект «${event.project}»` : event.organizer}</p>
      <h1 className="certificate-title">Сертификат участника</h1>
      <p className="certificate-lead">Настоящий сертификат подтверждает, что</p>
      <p className="certificate-name">{person.fullName}</p>
      {person.municipality && <p className="certificate-place">{person.municipality}</p>}
      <p className="certificate-text">
        {t('certificate.tookPart', { context: gender })}
        <br />
        <strong>{event.title}</strong>
      </p>
      <p className="certificate-date">
        {event.city}, {dateRu(event.startDate)}
      </p>
      <div className="certificate-signatures">
        <div>
          <span className="signature-line" />
          <span>Руководитель проекта</span>
        </div>
        <div>
          <span className="signature-line" />
          <span>Организатор</span>
        </div>
      </div>
    </article>
  );
}
