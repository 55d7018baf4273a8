import type { CriterionDef, Nomination, ScoreBand } from '../../../shared/contest';

type Props = { nomination: Nomination; frozen: boolean; onChange: (n: Nomination) => void; onRemove?: () => void };

const num = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));

/** One nomination's form: its criteria with scale, coefficient and band texts. */
export function NominationEditor({ nomination: n, frozen, onChange, onRemove }: Props) {
  const setCriterion = (i: number, c: CriterionDef) => onChange({ ...n, criteria: n.criteria.map((x, j) => (j === i ? c : x)) });
  const addCriterion = () =>
    onChange({ ...n, criteria: [...n.criteria, { id: crypto.randomUUID(), title: 'Новый критерий', description: '', min: 0, max: 10, weight: 1, bands: [] }] });
  const total = n.criteria.reduce((s, c) => s + c.max * c.weight, 0);
  return (
    <fieldset className="nomination" disabled={frozen}>
      <legend>{n.title || 'Номинация без названия'}</legend>
      <div className="field-row">
        <label className="field">
          <span>Название номинации</span>
          <input value={n.title} onChange={(e) => onChange({ ...n, title: e.target.value })} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={n.commentRequired} onChange={(e) => onChange({ ...n, commentRequired: e.target.checked })} />
          Обоснование оценки обязательно
        </label>
        {onRemove && (
          <button type="button" onClick={onRemove}>
            Удалить номинацию
          </button>
        )}
      </div>
      <p className="muted">
        Критериев: {n.criteria.length}. Наибольший итог эксперта: Σ балл × коэффициент = {Math.round(total * 100) / 100}.
      </p>
      <ol className="criteria">
        {n.criteria.map((c, i) => (
          <li key={c.id}>
            <details>
              <summary>
                {c.title || 'Критерий без названия'}{' '}
                <span className="muted">
                  · {c.min}–{c.max}
                  {c.step === 0.5 ? ' с шагом 0,5' : ''} · ×{c.weight}
                </span>
              </summary>
              <CriterionEditor criterion={c} onChange={(next) => setCriterion(i, next)} onRemove={() => onChange({ ...n, criteria: n.criteria.filter((_, j) => j !== i) })} />
            </details>
          </li>
        ))}
      </ol>
      <button type="button" onClick={addCriterion}>
        Добавить критерий
      </button>
    </fieldset>
  );
}

function CriterionEditor({ criterion: c, onChange, onRemove }: { criterion: CriterionDef; onChange: (c: CriterionDef) => void; onRemove: () => void }) {
  const setBand = (i: number, b: ScoreBand) => onChange({ ...c, bands: c.bands.map((x, j) => (j === i ? b : x)) });
  return (
    <div className="criterion-editor">
      <label className="field">
        <span>Название критерия</span>
        <input value={c.title} onChange={(e) => onChange({ ...c, title: e.target.value })} />
      </label>
      <label className="field">
        <span>Что оценивается</span>
        <textarea rows={2} value={c.description} onChange={(e) => onChange({ ...c, description: e.target.value })} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Шкала от</span>
          <input type="number" value={Number.isNaN(c.min) ? '' : c.min} onChange={(e) => onChange({ ...c, min: num(e.target.value) })} />
        </label>
        <label className="field">
          <span>до</span>
          <input type="number" value={Number.isNaN(c.max) ? '' : c.max} onChange={(e) => onChange({ ...c, max: num(e.target.value) })} />
        </label>
        <label className="field">
          <span>Коэффициент</span>
          <input type="number" step="0.1" value={Number.isNaN(c.weight) ? '' : c.weight} onChange={(e) => onChange({ ...c, weight: num(e.target.value) })} />
        </label>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={c.step === 0.5}
          onChange={(e) => {
            const { step: _step, ...rest } = c;
            onChange(e.target.checked ? { ...rest, step: 0.5 } : rest);
          }}
        />{' '}
        Можно ставить половины балла (7,5)
      </label>
      <p className="muted">Описания уровней оценки (эксперт видит их рядом с полем балла):</p>
      {c.bands.map((b, i) => (
        <div key={i} className="band-row">
          <label className="field narrow-num">
            <span>от</span>
            <input type="number" value={Number.isNaN(b.from) ? '' : b.from} onChange={(e) => setBand(i, { ...b, from: num(e.target.value) })} />
          </label>
          <label className="field narrow-num">
            <span>до</span>
            <input type="number" value={Number.isNaN(b.to) ? '' : b.to} onChange={(e) => setBand(i, { ...b, to: num(e.target.value) })} />
          </label>
          <label className="field">
            <span>Описание уровня</span>
            <textarea rows={2} value={b.text} onChange={(e) => setBand(i, { ...b, text: e.target.value })} />
          </label>
          <button type="button" aria-label={`Удалить уровень ${b.from}–${b.to}`} onClick={() => onChange({ ...c, bands: c.bands.filter((_, j) => j !== i) })}>
            ×
          </button>
        </div>
      ))}
      <div className="contest-actions">
        <button type="button" onClick={() => onChange({ ...c, bands: [...c.bands, { from: c.max, to: c.max, text: '' }] })}>
          Добавить уровень
        </button>
        <button type="button" onClick={onRemove}>
          Удалить критерий
        </button>
      </div>
    </div>
  );
}
