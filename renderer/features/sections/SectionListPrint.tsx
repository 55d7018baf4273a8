import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { EventRow } from '../../../shared/domain/types';
import { buildXlsx } from '../../../shared/export/xlsx';
import { bridge } from '../../bridge/bridge';
import type { SectionColumn } from './board-model';

const collator = new Intl.Collator('ru');

/** A section's list as an A4 sign-in sheet (name, municipality, organization, signature) and as xlsx. */
export function SectionListPrint({ event, column, onClose }: { event: EventRow; column: SectionColumn; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
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
    <>
      <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="section-list-title" onClose={onClose}>
        <h2 id="section-list-title">Список секции: {section.title}</h2>
        <p className="muted">{rows.length} чел. Печать — на листах A4 с графой для подписи.</p>
        <div className="section-sheet-preview">{sheet}</div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Закрыть
          </button>
          <button type="button" onClick={() => void saveXlsx()}>
            Скачать Excel
          </button>
          <button type="button" className="primary" autoFocus onClick={() => window.print()}>
            Печать
          </button>
        </div>
      </dialog>
      {createPortal(<div className="print-root">{sheet}</div>, document.body)}
    </>
  );
}
