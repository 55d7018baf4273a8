import { useState } from 'react';
import type { Committing } from './wizard-types';
import type { ImportReport, ReportLine } from './report';
import { formatNumber } from '../../../shared/text/format';

const SHOWN_LINES = 200;

/** Step 5: what will be written, the commit with its progress bar, then the report. */
export function StepFinish(props: {
  planned: ImportReport;
  /** New people the import would store without a municipality (missing from Делегации and district reports). */
  withoutMunicipality: number;
  committing: Committing | null;
  report: ImportReport | null;
  onBack: () => void;
  onCommit: () => void;
  onCancelCommit: () => void;
  onSaveReport: () => void;
  onDone: () => void;
}) {
  const { committing, report } = props;
  const [accepted, setAccepted] = useState(false);
  if (report) return <Report report={report} onSave={props.onSaveReport} onDone={props.onDone} />;
  const c = props.planned.counts;
  const writes = c.added + c.merged - props.planned.lines.filter((l) => l.details.startsWith('объединена со строкой')).length + c.cancelled;
  return (
    <section className="import-step" aria-label="Импорт">
      <Counts report={props.planned} future />
      {committing ? (
        <div className="import-progress">
          <label htmlFor="import-progress">
            {committing.phase === 'build' ? 'Готовим записи…' : 'Записываем в базу…'} {committing.progress.done} из {committing.progress.total}
          </label>
          <progress id="import-progress" value={committing.progress.done} max={Math.max(1, committing.progress.total)} />
          <button type="button" onClick={props.onCancelCommit}>
            Отменить
          </button>
        </div>
      ) : (
        <>
          <p className="muted">
            Импорт записывается в базу частями, но целиком или никак: если запись прервётся (ошибка, «Отменить», сбой), записанное будет отменено. {writes === 0 ? 'Записывать нечего — база уже совпадает с файлом.' : ''}
          </p>
          {props.withoutMunicipality > 0 && (
            <div className="import-notice" role="alert">
              <p>
                Без муниципалитета: <b>{props.withoutMunicipality}</b> — их не будет в «Делегациях» и в отчётах по районам. Вернитесь к шагу «Столбцы» и выберите муниципалитет
                для всего файла.
              </p>
              <label className="checkbox">
                <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} /> Всё равно импортировать без муниципалитета
              </label>
            </div>
          )}
          <div className="dialog-actions import-actions">
            <button type="button" onClick={props.onBack}>
              Назад
            </button>
            <button type="button" className="primary" onClick={props.onCommit} disabled={props.withoutMunicipality > 0 && !accepted} autoFocus>
              Импортировать
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function Counts({ report, future }: { report: ImportReport; future?: boolean }) {
  const c = report.counts;
  const items: Array<[string, number]> = [
    [future ? 'будет добавлено' : 'добавлено', c.added],
    [future ? 'будет объединено' : 'объединено', c.merged],
    ['без изменений', c.unchanged],
    [future ? 'будет пропущено' : 'пропущено', c.skipped],
    [future ? 'отклонено (ошибки)' : 'отклонено', c.rejected],
  ];
  if (c.cancelled) items.push([future ? 'регистраций будет отменено' : 'регистраций отменено', c.cancelled]);
  return (
    <dl className="import-counts" aria-label={future ? 'Что будет сделано' : 'Итог импорта'}>
      {items.map(([label, n]) => (
        <div key={label} className="figure">
          <dt className="figure-label">{label}</dt>
          <dd className="figure-value">{n}</dd>
        </div>
      ))}
    </dl>
  );
}

function Report({ report, onSave, onDone }: { report: ImportReport; onSave: () => void; onDone: () => void }) {
  // what needs a look first: refused rows, then skipped, merged, added; unchanged rows only in the file
  const rank: Record<ReportLine['result'], number> = { отклонён: 0, пропущен: 1, объединён: 2, добавлен: 3, 'без изменений': 4 };
  const notable = report.lines.filter((l) => l.result !== 'без изменений').sort((a, b) => rank[a.result] - rank[b.result] || a.row - b.row);
  return (
    <section className="import-step" aria-label="Отчёт об импорте">
      <p role="status" className="import-done">
        Импорт завершён{report.millis !== undefined ? ` за ${formatNumber(report.millis / 1000, 1)} с` : ''}.
      </p>
      <Counts report={report} />
      {notable.length > 0 && (
        <div className="report-lines" tabIndex={0} role="region" aria-label="Строки отчёта">
          <table className="simple-table">
            <thead>
              <tr>
                <th scope="col">Строка</th>
                <th scope="col">ФИО</th>
                <th scope="col">Результат</th>
                <th scope="col">Подробности</th>
              </tr>
            </thead>
            <tbody>
              {notable.slice(0, SHOWN_LINES).map((l: ReportLine) => (
                <tr key={l.row} className={`result-${l.result === 'отклонён' ? 'rejected' : 'ok'}`}>
                  <td className="num">{l.row}</td>
                  <td>{l.name}</td>
                  <td>{l.result}</td>
                  <td>{l.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {notable.length > SHOWN_LINES && <p className="muted">…и ещё {notable.length - SHOWN_LINES} — полностью в отчёте xlsx.</p>}
        </div>
      )}
      {report.warnings.length > 0 && (
        <details className="report-warnings">
          <summary>Предупреждения ({report.warnings.length}) — загружено, но стоит проверить</summary>
          <ul className="report-lines" tabIndex={0} aria-label="Предупреждения импорта">
            {report.warnings.slice(0, SHOWN_LINES).map((w, i) => (
              <li key={i} className="msg-warning">
                {w.message}
              </li>
            ))}
          </ul>
          {report.warnings.length > SHOWN_LINES && <p className="muted">…и ещё {report.warnings.length - SHOWN_LINES} — полностью в отчёте xlsx.</p>}
        </details>
      )}
      {report.cancelled.length > 0 && <p>Отменены регистрации: {report.cancelled.map((c) => c.name).join(', ')}.</p>}
      <div className="dialog-actions import-actions">
        <button type="button" onClick={onSave}>
          Сохранить отчёт (xlsx)
        </button>
        <button type="button" className="primary" onClick={onDone} autoFocus>
          Готово
        </button>
      </div>
    </section>
  );
}
