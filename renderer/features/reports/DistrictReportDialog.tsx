/** «Отчёт для района»: what a district office gets back — its delegates, who arrived and where they went, its contest applications; one or all municipalities, printed or as Excel. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow, Section } from '../../../shared/domain/types';
import { buildXlsx, type ExportSheet } from '../../../shared/export/xlsx';
import { formatDate, formatNumber } from '../../../shared/text/format';
import { bridge } from '../../bridge/bridge';
import { PrintDialog } from '../../components/PrintDialog';
import { SelectField } from '../../components/ui';
import type { ContestSummary } from '../../hooks/use-contest-summary';
import type { ParticipantRow } from '../../hooks/use-participants';
import { DistrictProjects } from '../projects';
import { sayText } from '../../i18n';

const ALL = '__all__';
const time = (iso?: string) => (iso ? formatDate(iso, 'time') : '');
const collator = new Intl.Collator('ru');

type District = { name: string; municipalityId?: string; rows: ParticipantRow[] };

export function DistrictReportDialog(props: { event: EventRow; rows: ParticipantRow[]; sections: Section[]; applications: ContestSummary['applications']; onClose: () => void }) {
  const { event, rows, sections, applications, onClose } = props;
  const { t } = useTranslation('reports');
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
    applicationsOf(d).map((a) => [a.title, a.nomination, t(`district.applicationStatus.${a.status}`, { defaultValue: a.status }), a.place ?? '—', a.score ?? '—']);
  const arrivedOf = (d: District) => d.rows.filter((r) => r.arrival.arrived).length;

  const sheetFor = (d: District): ExportSheet => ({
    name: d.name,
    columnWidths: [5, 36, 40, 28, 40, 10],
    rows: [
      [event.title],
      [t('district.sheetLine', { name: d.name, arrived: formatNumber(arrivedOf(d)), count: d.rows.length })],
      [],
      [t('district.number'), t('district.name'), t('district.organization'), t('district.position'), t('district.section'), t('district.arrivedAt')],
      ...d.rows.map((r, i) => [i + 1, r.fullName, r.organization, r.person.position ?? '', sectionTitle.get(r.registration.sectionId ?? '') ?? '', r.arrival.arrived ? time(r.arrival.at) : t('district.no')]),
      ...(applicationsOf(d).length ? [[], [t('district.applications')], [t('district.project'), t('district.nomination'), t('district.status'), t('district.place'), t('district.score')], ...applicationRows(d)] : []),
    ],
  });

  const saveXlsx = async () => {
    const bytes = buildXlsx(chosen.map(sheetFor), sayText);
    await bridge.saveFile({ suggestedName: choice === ALL ? t('district.fileAll') : t('district.fileOne', { name: choice }), bytes });
  };

  const sheets = chosen.map((d) => (
    <div className="district-report" key={d.name}>
      <p className="section-sheet-event">{event.title}</p>
      <h1>{t('district.delegation', { name: d.name })}</h1>
      <p>{t('district.arrived', { arrived: formatNumber(arrivedOf(d)), count: d.rows.length })}</p>
      <table>
        <thead>
          <tr>
            <th className="num">{t('district.number')}</th>
            <th>{t('district.name')}</th>
            <th>{t('district.organization')}</th>
            <th>{t('district.section')}</th>
            <th>{t('district.arrivedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r, i) => (
            <tr key={r.registration.id}>
              <td className="num">{i + 1}</td>
              <td>{r.fullName}</td>
              <td>{r.organization}</td>
              <td>{sectionTitle.get(r.registration.sectionId ?? '') ?? '—'}</td>
              <td>{r.arrival.arrived ? time(r.arrival.at) : t('district.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {applicationsOf(d).length > 0 && (
        <>
          <h2>{t('district.applications')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('district.project')}</th>
                <th>{t('district.nomination')}</th>
                <th>{t('district.status')}</th>
                <th className="num">{t('district.place')}</th>
                <th className="num">{t('district.score')}</th>
              </tr>
            </thead>
            <tbody>
              {applicationRows(d).map((cells, i) => (
                <tr key={i}>
                  {cells.map((c, j) => (
                    <td key={j} className={j >= 3 ? 'num' : undefined}>
                      {typeof c === 'number' ? formatNumber(c) : c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {d.municipalityId && <DistrictProjects eventId={event.id} municipalityId={d.municipalityId} />}
    </div>
  ));

  return (
    <PrintDialog
      title={t('district.title')}
      pages={sheets}
      preview={sheets.slice(0, 1)}
      previewClassName="section-sheet-preview"
      printClassName="district-reports"
      actions={
        <button type="button" onClick={() => void saveXlsx()}>
          {t('excel')}
        </button>
      }
      onClose={onClose}
    >
      <SelectField
        className="narrow"
        label={t('district.municipality')}
        value={choice}
        onChange={setChoice}
        options={[...districts.map((d): [string, string] => [d.name, d.name]), [ALL, t('district.all')]]}
      />
    </PrintDialog>
  );
}
