import type { EventRow } from '../../../shared/domain/types';
import { buildXlsx } from '../../../shared/export/xlsx';
import { bridge } from '../../bridge/bridge';
import { PrintDialog } from '../../components/PrintDialog';
import type { SectionColumn } from './board-model';

const collator = new Intl.Collator('ru');

/** A section's list as an A4 sign-in sheet (name, municipality, organization, signature) and as xlsx. */
export function SectionListPrint({ event, column, onClose }: { event: EventRow; column: SectionColumn; onClose: () => void }) {
  const rows = [...column.members].sort((a, b) => collator.compare(a.fullName, b.fullName));
  const { section } = column;

  const saveXlsx = async () => {
    const bytes = buildXlsx([
      {
        name: section.title,
        columnWidths: [5, 38, 26, 40, 18],
        rows: [
          [event.title],
          [`Секция: ${section.title}${section.room ? `, ${section.room}` : ''}`],
          [],
          ['№', 'ФИО', 'Муниципалитет', 'Организация', 'Подпись'],
          ...rows.map((r, i) => [i + 1, r.fullName, r.municipality, r.organization, '']),
        ],
      },
    ]);
    await bridge.saveFile({ suggestedName: `Секция ${section.order + 1} — список.xlsx`, bytes });
  };

  const sheet = (
    <div className="section-sheet">
      <p className="section-sheet-event">{event.title}</p>
      <h1>{section.title}</h1>
      <p>
        {[section.room, section.moderators.length ? `Модераторы: ${section.moderators.join(', ')}` : ''].filter(Boolean).join(' · ')}
      </p>
      <table>
        <thead>
          <tr>
            <th className="num">№</th>
            <th>ФИО</th>
            <th>Муниципалитет</th>
            <th>Организация</th>
            <th className="signature">Подпись</th>
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
      title={`Список секции: ${section.title}`}
      pages={sheet}
      previewClassName="section-sheet-preview"
      actions={
        <button type="button" onClick={() => void saveXlsx()}>
          Скачать Excel
        </button>
      }
      onClose={onClose}
    >
      <p className="muted">{rows.length} чел. Печать — на листах A4 с графой для подписи.</p>
    </PrintDialog>
  );
}
