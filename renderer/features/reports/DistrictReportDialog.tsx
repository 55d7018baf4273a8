import { useMemo, useState } from 'react';
import type { EventRow, Section } from '../../../shared/domain/types';
import { buildXlsx, type ExportSheet } from '../../../shared/export/xlsx';
import { bridge } from '../../bridge/bridge';
import { PrintDialog } from '../../components/PrintDialog';
import type { ContestSummary } from '../../hooks/use-contest-summary';
import type { ParticipantRow } from '../../hooks/use-participants';
import { formatDate } from '../../../shared/text/format';

const ALL = '__all__';
const time = (iso?: string) => (iso ? formatDate(iso, 'time') : '');
const collator = new Intl.Collator('ru');

type District = { name: string; municipalityId?: string; rows: ParticipantRow[] };

/** What a district office gets back: its delegates, who arrived and where they went; one or all municipalities. */
const applicationStatus: Record<string, string> = { submitted: 'подана', admitted: 'допущена', rejected: 'отклонена', withdrawn: 'отозвана' };

export function DistrictReportDialog(props: { event: EventRow; rows: ParticipantRow[]; sections: Section[]; applications: ContestSummary['applications']; onClose: () => void }) {
  const { event, rows, sections, applications, onClose } = props;
  const districts = useMemo(() => {
    const by = new Map<string, ParticipantRow[]>();
    for (const r of rows) {
      if (!r.municipality || r.registration.status === 'cancelled') continue;
      const list = by.get(r.municipality) ?? [];
      list.push(r);
      by.set(r.municipality, list);
    }
    return [...by].map(([name, list]) => ({ name, municipalityId: list[0]?.registration.municipalityId, rows: list.sort((a, b) => collator.compare(a.fullName, b.fullName)) })).sort((a, b) => collator.compare(a.name, b.name));
  }, [rows]);
  const [choice, setChoice] = useState(districts[0]?.name ?? ALL);
  const chosen = choice === ALL ? districts : districts.filter((d) => d.name === choice);
  const sectionTitle = new Map(sections.map((s) => [s.id, s.title]));

  const applicationsOf = (d: District) => applications.filter((a) => a.municipalityId && a.municipalityId === d.municipalityId);
  const applicationRows = (d: District) =>
    applicationsOf(d).map((a) => [a.title, a.nomination, applicationStatus[a.status] ?? a.status, a.place ?? '—', a.score ?? '—']);

  const sheetFor = (d: District): ExportSheet => ({
    name: d.name,
    columnWidths: [5, 36, 40, 28, 40, 10],
    rows: [
      [event.title],
      [`Делегация: ${d.name}. Прибыло ${d.rows.filter((r) => r.arrival.arrived).length} из ${d.rows.length}.`],
      [],
      ['№', 'ФИО', 'Организация', 'Должность', 'Секция', 'Прибытие'],
      ...d.rows.map((r, i) => [i + 1, r.fullName, r.organization, r.person.position ?? '', sectionTitle.get(r.registration.sectionId ?? '') ?? '', r.arrival.arrived ? time(r.arrival.at) : 'нет']),
      ...(applicationsOf(d).length ? [[], ['Заявки на конкурс'], ['Проект', 'Номинация', 'Статус', 'Место', 'Балл'], ...applicationRows(d)] : []),
    ],
  });

  const saveXlsx = async () => {
    const bytes = buildXlsx(chosen.map(sheetFor));
    await bridge.saveFile({ suggestedName: choice === ALL ? 'Отчёты по муниципалитетам.xlsx' : `Отчёт — ${choice}.xlsx`, bytes });
  };

  const sheets = chosen.map((d) => (
    <div className="district-report" key={d.name}>
      <p className="section-sheet-event">{event.title}</p>
      <h1>Делегация: {d.name}</h1>
      <p>
        Прибыло {d.rows.filter((r) => r.arrival.arrived).length} из {d.rows.length} зарегистрированных.
      </p>
      <table>
        <thead>
          <tr>
            <th className="num">№</th>
            <th>ФИО</th>
            <th>Организация</th>
            <th>Секция</th>
            <th>Прибытие</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r, i) => (
            <tr key={r.registration.id}>
              <td className="num">{i + 1}</td>
              <td>{r.fullName}</td>
              <td>{r.organization}</td>
              <td>{sectionTitle.get(r.registration.sectionId ?? '') ?? '—'}</td>
              <td>{r.arrival.arrived ? time(r.arrival.at) : 'нет'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {applicationsOf(d).length > 0 && (
        <>
          <h2>Заявки на конкурс</h2>
          <table>
            <thead>
              <tr>
                <th>Проект</th>
                <th>Номинация</th>
                <th>Статус</th>
                <th className="num">Место</th>
                <th className="num">Балл</th>
              </tr>
            </thead>
            <tbody>
              {applicationRows(d).map((cells, i) => (
                <tr key={i}>
                  {cells.map((c, j) => (
                    <td key={j} className={j >= 3 ? 'num' : undefined}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  ));

  return (
    <PrintDialog
      title="Отчёт для района"
      pages={sheets}
      preview={sheets.slice(0, 1)}
      previewClassName="section-sheet-preview"
      printClassName="district-reports"
      actions={
        <button type="button" onClick={() => void saveXlsx()}>
          Скачать Excel
        </button>
      }
      onClose={onClose}
    >
      <label className="field narrow">
        <span>Муниципалитет</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          {districts.map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}
            </option>
          ))}
          <option value={ALL}>Все — по отчёту на каждый муниципалитет</option>
        </select>
      </label>
    </PrintDialog>
  );
}
