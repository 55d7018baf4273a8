import { Fragment, useState } from 'react';
import type { Results, ResultsInput } from '../../../shared/results';
import { bridge } from '../../bridge/bridge';
import { fmt } from './format';
import { scoresMatrix, scoresMatrixXlsx } from './scores-matrix';

type Props = { results: Results; input: ResultsInput; jurorName: (id: string) => string; fileName: string };

/**
 * Applications × jurors with totals: a total far from the other jurors' is marked, an application whose
 * scores diverge is highlighted; a click on a cell opens that juror's values per criterion and comment.
 */
export function ScoresMatrixView({ results, input, jurorName, fileName }: Props) {
  const m = scoresMatrix(results, input);
  const [open, setOpen] = useState<{ applicationId: string; jurorId: string }>();
  const [note, setNote] = useState<string>();
  const save = async () => {
    const saved = await bridge.saveFile({ suggestedName: `${fileName.replace(/[\\/:*?"<>|]/g, ' ')}.xlsx`, bytes: scoresMatrixXlsx(m, input, jurorName) });
    setNote('error' in saved ? saved.error.message : saved.data ? `Сохранено: «${saved.data.name}».` : undefined);
  };
  return (
    <div className="scores-matrix">
      <div className="contest-actions">
        <span className="muted small">
          <span className="legend-outlier">■</span> итог эксперта далеко от оценок остальных · <span className="legend-divergent">■</span> оценки заявки сильно расходятся · щёлкните
          балл, чтобы увидеть оценки по критериям
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void save()}>
          Скачать оценки (Excel)
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      <div className="matrix-scroll">
        <table className="simple-table results-table" aria-label="Оценки экспертов">
          <thead>
            <tr>
              <th scope="col" className="num">
                Место
              </th>
              <th scope="col">Заявка</th>
              <th scope="col" className="num">
                Итоговый балл
              </th>
              {m.jurorIds.map((j) => (
                <th key={j} scope="col" className="num">
                  {jurorName(j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r) => (
              <Fragment key={r.applicationId}>
                <tr className={r.divergent ? 'divergent' : undefined}>
                  <td className="num">{r.place ?? '—'}</td>
                  <th scope="row">
                    {r.title}
                    {r.divergent && <span className="visually-hidden"> (оценки сильно расходятся)</span>}
                  </th>
                  <td className="num">{fmt(r.score)}</td>
                  {m.jurorIds.map((j) => {
                    const c = r.cells.get(j);
                    if (!c) return <td key={j} className="num muted" aria-label="не оценивал">·</td>;
                    const expanded = open?.applicationId === r.applicationId && open.jurorId === j;
                    return (
                      <td key={j} className={c.outlier ? 'num outlier' : 'num'}>
                        <button
                          type="button"
                          className="link"
                          aria-expanded={expanded}
                          aria-label={`${jurorName(j)}, «${r.title}»: ${c.note ? `не учтён (${c.note})` : fmt(c.total)}${c.outlier ? ', далеко от оценок остальных' : ''}`}
                          onClick={() => setOpen(expanded ? undefined : { applicationId: r.applicationId, jurorId: j })}
                        >
                          {c.note ? c.note : fmt(c.total)}
                        </button>
                      </td>
                    );
                  })}
                </tr>
                {open?.applicationId === r.applicationId && r.cells.get(open.jurorId) && (
                  <tr className="matrix-detail">
                    <td colSpan={3 + m.jurorIds.length}>
                      <p>
                        <strong>{jurorName(open.jurorId)}</strong> о заявке «{r.title}»:
                      </p>
                      <ul className="criterion-values" aria-label="Оценки по критериям">
                        {input.criteria.map((c) => (
                          <li key={c.id}>
                            {c.title} — <strong>{fmt(r.cells.get(open.jurorId)!.values?.[c.id] ?? null)}</strong> из {c.max} (×{fmt(c.weight)})
                          </li>
                        ))}
                      </ul>
                      <p className="matrix-comment">{r.cells.get(open.jurorId)!.comment || 'Обоснования нет.'}</p>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
