/**
 * «Итоговый отчёт проекта…»: the A4 report through the app's print path (PrintDialog: the system
 * dialog offers «Сохранить как PDF») and the same report as a workbook. The project's name starts as
 * the event's grant project (or its title) and the date as today; both can be changed before printing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { formatDay, todayIn } from '../../../shared/text/format';
import { bridge } from '../../bridge/bridge';
import { PrintDialog } from '../../components/PrintDialog';
import { TextField } from '../../components/ui';
import { useFinalReport } from '../../hooks/use-final-report';
import { FinalReportDocument } from './FinalReportDocument';
import { finalReportXlsx } from './final-report-xlsx';
import './final-report.css';

export function FinalReportDialog({ event, onClose }: { event: EventRow; onClose: () => void }) {
  const { t } = useTranslation('finalReport');
  const { t: tApp } = useTranslation('app');
  const [projectTitle, setProjectTitle] = useState(event.project ?? event.title);
  const [on, setOn] = useState(todayIn);
  const [error, setError] = useState<string>();
  const built = useFinalReport(event, projectTitle.trim() || event.title, /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : todayIn());
  const meta = { eventTitle: event.title, projectTitle: projectTitle.trim() || event.title, date: formatDay(on) };

  const saveXlsx = async () => {
    if (!built) return;
    setError(undefined);
    const saved = await bridge.saveFile({ suggestedName: t('fileName', { title: meta.projectTitle, ext: 'xlsx' }).replace(/[\\/:*?"<>|]/g, ' '), bytes: finalReportXlsx(built.report, meta, t, tApp) });
    if ('error' in saved) setError(saved.error.message);
  };

  const pages = built ? <FinalReportDocument report={built.report} meta={meta} photos={built.photos} /> : <p className="splash">{t('loading')}</p>;
  return (
    <PrintDialog
      title={t('dialogTitle')}
      pages={pages}
      previewClassName="protocol-preview"
      printClassName="protocol-print"
      printDisabled={!built}
      actions={
        <button type="button" disabled={!built} onClick={() => void saveXlsx()}>
          {t('excel')}
        </button>
      }
      onClose={onClose}
    >
      <div className="field-row protocol-controls">
        <TextField label={t('controls.projectTitle')} value={projectTitle} onChange={setProjectTitle} />
        <TextField label={t('controls.on')} type="date" value={on} onChange={setOn} />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </PrintDialog>
  );
}

/** The button the projects page and «Отчёты» mount: opens the dialog. */
export function FinalReportButton({ event }: { event: EventRow }) {
  const { t } = useTranslation('finalReport');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('button')}
      </button>
      {open && <FinalReportDialog event={event} onClose={() => setOpen(false)} />}
    </>
  );
}
