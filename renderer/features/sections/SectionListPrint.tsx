/** A section's list as an A4 sign-in sheet (name, municipality, organization, signature) and as xlsx. */
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { buildXlsx } from '../../../shared/export/xlsx';
import { bridge } from '../../bridge/bridge';
import { PrintDialog } from '../../components/PrintDialog';
import type { SectionColumn } from './board-model';
import { sayText } from '../../i18n';

const collator = new Intl.Collator('ru');

/** A section's list as an A4 sign-in sheet (name, municipality, organization, signature) and as xlsx. */
export function SectionListPrint({ event, column, onClose }: { event: EventRow; column: SectionColumn; onClose: () => void }) {
  const { t } = useTranslation('sections');
  const rows = [...column.members].sort((a, b) => collator.compare(a.fullName, b.fullName));
  const { section } = column;
  const headings = [t('list.number'), t('list.name'), t('list.municipality'), t('list.organization'), t('list.signature')];

  const saveXlsx = async () => {
    const bytes = buildXlsx([
      {
        name: section.title,
        columnWidths: [5, 38, 26, 40, 18],
        rows: [
          [event.title],
          [t('list.section', { title: `${section.title}${section.room ? `, ${section.room}` : ''}` })],
          [],
          headings,
          ...rows.map((r, i) => [i + 1, r.fullName, r.municipality, r.organization, '']),
        ],
      },
    ], sayText);
    await bridge.saveFile({ suggestedName: t('list.file', { n: section.order + 1 }), bytes });
  };

  const sheet = (
    <div className="section-sheet">
      <p className="section-sheet-event">{event.title}</p>
      <h1>{section.title}</h1>
      <p>
        {[section.room, section.moderators.length ? t('list.moderators', { list: section.moderators.join(', ') }) : ''].filter(Boolean).join(' · ')}
      </p>
      <table>
        <thead>
          <tr>
            <th className="num">{t('list.number')}</th>
            <th>{t('list.name')}</th>
            <th>{t('list.municipality')}</th>
            <th>{t('list.organization')}</th>
            <th className="signature">{t('list.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.registration.id}>
              <td className="num">{i + 1}</td>
              <td>{r.fullName}</td>
              <td>{r.municipality}</td>
              <td>{r.organization}</td>
              <td className="signature" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <PrintDialog
      title={t('list.title', { title: section.title })}
      pages={sheet}
      previewClassName="section-sheet-preview"
      actions={
        <button type="button" onClick={() => void saveXlsx()}>
          {t('list.excel')}
        </button>
      }
      onClose={onClose}
    >
      <p className="muted">{t('list.people', { count: rows.length })}</p>
    </PrintDialog>
  );
}
