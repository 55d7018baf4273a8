import type { JurorFlag, Results } from '../../../shared/results';
import { fmt, fmt3, fmtSigned, kendallText, plural, usableBlock } from './format';

const JUROR_FLAG_LABELS: Record<JurorFlag, string> = {
  'low-agreement': 'мало согласуется с остальными',
  offset: 'систематически строже или мягче',
};

export function ReliabilityView({ results, titles, jurorNames }: { results: Results; titles: Map<string, string>; jurorNames: Map<string, string> }) {
  const r = results.reliability;
  const blocks = r.blocks.filter(usableBlock);
  const flaggedJurors = r.jurors.filter((j) => j.flags.length > 0);
  const divergent = r.divergence.filter((d) => d.flags.length > 0);
  const t = results.thresholds;
  return (
    <div className="results-reliability">
      <section aria-labelledby="agreement-title">
        <h3 id="agreement-title">Согласованность жюри</h3>
        {blocks.length === 0 ? (
          <p className="results-note results-note-warn">
            Полного блока нет: ни одна группа из трёх и более заявок не оценена одними и теми же экспертами (не меньше двух), поэтому коэффициент конкордации
            Кендалла и ICC посчитать нельзя. Чтобы они были, дайте нескольким заявкам оценки всех экспертов номинации (якорные заявки в распределении).
          </p>
        ) : (
          blocks.map((b) => (
            <div key={b.id} className="reliability-block">
              <p>
                Блок: {plural(b.applicationIds.length, 'заявка', 'заявки', 'заявок')} × {plural(b.jurorIds.length, 'эксперт', 'эксперта', 'экспертов')}, каждый эксперт оценил каждую заявку.
                {b.omittedApplicationIds.length + b.omittedJurorIds.length > 0 &&
                  ` Чтобы блок был полным, не вошли: заявок — ${b.omittedApplicationIds.length}, экспертов — ${b.omittedJurorIds.length}.`}
              </p>
              <dl className="facts">
                <dt>Коэффициент конкордации Кендалла</dt>
                <dd data-testid="kendall">{kendallText(b)}</dd>
                <dt>ICC(2,1) — надёжность одного эксперта</dt>
                <dd>{fmt3(b.icc.icc21)}</dd>
                <dt>ICC(2,k) — надёжность среднего по {b.jurorIds.length} экспертам</dt>
                <dd>{fmt3(b.icc.icc2k)}</dd>
              </dl>
            </div>
          ))
        )}
      </section>
      <section aria-labelledby="jurors-title">
        <h3 id="jurors-title">Эксперты</h3>
        <table className="simple-table results-table" aria-label="Статистика экспертов">
          <thead>
            <tr>
              <th scope="col">Эксперт</th>
              <th scope="col" className="num">
                Оценок
              </th>
              <th scope="col" className="num">
                Средний балл
              </th>
              <th scope="col" className="num">
                Смещение
              </th>
              <th scope="col" className="num">
                Разброс (σ)
              </th>
              <th scope="col" className="num">
                ρ Спирмена с остальными
              </th>
              <th scope="col">Отметка</th>
            </tr>
          </thead>
          <tbody>
            {r.jurors.map((j) => (
              <tr key={j.jurorId} className={j.flags.length > 0 ? 'flagged' : undefined}>
                <td>{jurorNames.get(j.jurorId) ?? j.jurorId}</td>
                <td className="num">{j.count}</td>
                <td className="num">{fmt(j.mean)}</td>
                <td className="num">{fmtSigned(j.offset)}</td>
                <td className="num">{fmt(j.spread)}</td>
                <td className="num">
                  {fmt3(j.spearman)}
                  {j.spearman !== null && <span className="muted small"> (по {j.shared})</span>}
                </td>
                <td>{j.flags.length === 0 ? '—' : j.flags.map((f) => JUROR_FLAG_LABELS[f]).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">
          Смещение — средний балл эксперта минус средний балл всех оценок ({fmt(results.grand.mean)}). ρ считается по заявкам, которые оценивал кто-то ещё
          (не меньше трёх); отмечается ρ ниже {fmt(t.minSpearman)} и смещение больше {fmt(t.offsetSdFactor)} σ смещений всех экспертов.
          {flaggedJurors.length === 0 ? ' Отмеченных экспертов нет.' : ''}
        </p>
      </section>
      <section aria-labelledby="divergence-title">
        <h3 id="divergence-title">Заявки для обсуждения</h3>
        {divergent.length === 0 ? (
          <p>Заявок с сильно расходящимися оценками нет (размах не больше {fmt(t.divergenceRange)}, σ не больше {fmt(t.divergenceSd)}).</p>
        ) : (
          <>
            <p>
              Оценки экспертов сильно расходятся (размах больше {fmt(t.divergenceRange)} или σ больше {fmt(t.divergenceSd)}) — стоит обсудить на заседании:
            </p>
            <ul className="divergent-list">
              {divergent.map((d) => (
                <li key={d.applicationId}>
                  <strong>{titles.get(d.applicationId) ?? d.applicationId}</strong> — размах {fmt(d.range)}, σ {fmt(d.sd)}, экспертиз {d.reviews}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
