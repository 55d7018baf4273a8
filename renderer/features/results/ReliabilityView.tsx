import { ICC_SCALE, KENDALL_SCALE, recommendedIcc, type JurorFlag, type Results } from '../../../shared/results';
import { fmt, fmt3, fmtSigned, plural, usableBlock } from './format';
import { UNKNOWN_JUROR } from './protocol-xlsx';
import { iccRows, kendallSentence } from './reliability-text';

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
                <dt>Коэффициент конкордации Кендалла (одинаково ли эксперты упорядочивают заявки)</dt>
                <dd data-testid="kendall">{kendallSentence(b)}</dd>
              </dl>
              <p>{recommendedIcc(b).why}</p>
              <table className="simple-table results-table icc-table" aria-label="Внутриклассовая корреляция">
                <thead>
                  <tr>
                    <th scope="col">Форма</th>
                    <th scope="col" className="num">
                      Значение
                    </th>
                    <th scope="col">Надёжность</th>
                    <th scope="col">Что показывает</th>
                  </tr>
                </thead>
                <tbody>
                  {iccRows(b).map((r) => (
                    <tr key={r.label} className={r.recommended ? 'icc-fit' : undefined}>
                      <th scope="row">
                        {r.label}
                        {r.recommended && <span className="tag">подходит</span>}
                      </th>
                      <td className="num">{r.value === null ? 'не определяется' : fmt3(r.value)}</td>
                      <td>{r.value === null ? '—' : r.verdict}</td>
                      <td className="small">{r.meaning}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted small">
                Шкалы: ICC — {ICC_SCALE}; W Кендалла — {KENDALL_SCALE}. «Не определяется» — заявки не различаются ни у одного эксперта, сравнивать нечего.
              </p>
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
                Разброс оценок (σ)
              </th>
              <th scope="col" className="num">
                Согласие с остальными (ρ Спирмена)
              </th>
              <th scope="col">Отметка</th>
            </tr>
          </thead>
          <tbody>
            {r.jurors.map((j) => (
              <tr key={j.jurorId} className={j.flags.length > 0 ? 'flagged' : undefined}>
                <td>{jurorNames.get(j.jurorId) ?? UNKNOWN_JUROR}</td>
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
          Смещение — насколько эксперт строже (минус) или мягче (плюс) остальных: его средний балл минус средний балл всех оценок ({fmt(results.grand.mean)}).
          Разброс σ — стандартное отклонение его итогов: малый разброс значит, что эксперт почти не различает заявки. ρ Спирмена — совпадает ли его порядок заявок с
          порядком по средней оценке остальных (1 — полностью, 0 — никак, меньше 0 — наоборот); считается по заявкам, которые оценивал кто-то ещё (не меньше трёх).
          Отмечается ρ ниже {fmt(t.minSpearman)} и смещение больше {fmt(t.offsetSdFactor)} σ смещений всех экспертов.
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
                  <strong>{titles.get(d.applicationId) ?? 'заявка'}</strong> — размах {fmt(d.range)}, σ {fmt(d.sd)}, экспертиз {d.reviews}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
