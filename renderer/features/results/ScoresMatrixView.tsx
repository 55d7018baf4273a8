import { Fragment, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Results, ResultsInput } from '../../../shared/results';
import { bridge } from '../../bridge/bridge';
import { formatFactor } from '../../../shared/text/format';
import { fmt } from './format';
import { scoresMatrix, scoresMatrixXlsx } from './scores-matrix';

type Props = { results: Results; input: ResultsInput; jurorName: (id: string) => string; fileName: string };

/**
 * Applications × jurors with totals: a total far from the other jurors' is marked, an application whose
 * scores diverge is highlighted; a click on a cell opens that juror's values per criterion and comment.
 */
export function ScoresMatrixView({ results, input, jurorName, fileName }: Props) {
  const { t } = useTranslation('results');
  const m = scoresMatrix(results, input);
  const [open, setOpen] = useState<{ applicationId: string; jurorId: string }>();
  const [note, setNote] = useState<string>();
  const save = async () => {
    const saved = await bridge.saveFile({ suggestedName: `${fileName.replace(/[\\/:*?"<>|]/g, ' ')}.xlsx`, bytes: scoresMatrixXlsx(m, input, jurorName) });
    setNote('error' in saved ? saved.error.message : saved.data ? t('matrix.saved', { name: saved.data.name }) : undefined);
  };
  return (
    <div className="scores-matrix">
      <div className="contest-actions">
        <span className="muted small">
          <span className="legend-outlier">■</span> {t('matrix.legendOutlier')} · <span className="legend-divergent">■</span> {t('matrix.legendDivergent')} ·{' '}
          {t('matrix.legendClick')}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void save()}>
          {t('matrix.download')}
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      <div className="matrix-scroll">
        <table className="simple-table results-table" aria-label={t('matrix.tableLabel')}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('ranking.place')}
              </th>
              <th scope="col">{t('ranking.application')}</th>
              <th scope="col" className="num">
                {t('matrix.total')}
              </th>
              {m.jurorIds.map((j) => (
                <th key={j} scope="col" className="num" translate="no">
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
                  <th scope="row" translate="no">
                    {r.title}
                    {r.divergent && <span className="visually-hidden">{t('matrix.divergentHidden')}</span>}
                  </th>
                  <td className="num">{fmt(r.score)}</td>
                  {m.jurorIds.map((j) => {
                    const c = r.cells.get(j);
                    if (!c) return <td key={j} className="num muted" aria-label={t('matrix.notScored')}>·</td>;
                    const expanded = open?.applicationId === r.applicationId && open.jurorId === j;
                    return (
                      <td key={j} className={c.outlier ? 'num outlier' : 'num'}>
                        <button
                          type="button"
                          className="link"
                          aria-expanded={expanded}
                          aria-label={
                            t('matrix.cellLabel', { juror: jurorName(j), title: r.title, value: c.note ? t('matrix.notCounted', { note: c.note }) : fmt(c.total) }) +
                            (c.outlier ? t('matrix.cellOutlier') : '')
                          }
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
                        <strong>{jurorName(open.jurorId)}</strong> {t('matrix.about', { title: r.title })}
                      </p>
                      <ul className="criterion-values" aria-label={t('matrix.criteria')}>
                        {input.criteria.map((c) => (
                          <li key={c.id}>
                            <Trans
                              t={t}
                              i18nKey="matrix.criterionValue"
                              values={{ title: c.title, value: fmt(r.cells.get(open.jurorId)!.values?.[c.id] ?? null), max: fmt(c.max), weight: formatFactor(c.weight) }}
                              components={{ strong: <strong /> }}
                            />
                          </li>
                        ))}
                      </ul>
                      <p className="matrix-comment">{r.cells.get(open.jurorId)!.comment || t('matrix.noComment')}</p>
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
