/**
 * One nomination's form: its title, whether a justification is required, and its criteria with scale,
 * coefficient and the texts of score levels. Fields come from the UI kit; numbers are typed as text (a
 * decimal comma is fine) and a value that is not a number says so beside the field instead of being
 * silently dropped. The contest's validation (validateContest) judges the ranges.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CriterionDef, Nomination, ScoreBand } from '../../../shared/contest';
import { formatFactor, formatNumber } from '../../../shared/text/format';
import { NumberField, TextAreaField, TextField } from '../../components/ui';

type Props = { nomination: Nomination; frozen: boolean; onChange: (n: Nomination) => void; onRemove?: () => void };

const parse = (s: string) => (s.trim() === '' ? NaN : Number(s.trim().replace(',', '.')));
const shown = (n: number) => (Number.isNaN(n) ? '' : String(n).replace('.', ','));

/** A number field holding what was typed; the parsed value (NaN when it is not a number) goes to `onChange`. */
function NumberInput({ label, value, onChange, className }: { label: string; value: number; onChange: (n: number) => void; className?: string }) {
  const { t } = useTranslation('contest');
  const [text, setText] = useState(shown(value));
  // the stored value changed from outside (another field, a reset): show it
  const current = parse(text);
  const display = current === value || (Number.isNaN(current) && Number.isNaN(value)) ? text : shown(value);
  return (
    <NumberField
      label={label}
      decimal
      className={className}
      value={display}
      error={display.trim() !== '' && Number.isNaN(parse(display)) ? t('nomination.notNumber') : undefined}
      onChange={(next) => {
        setText(next);
        onChange(parse(next));
      }}
    />
  );
}

export function NominationEditor({ nomination: n, frozen, onChange, onRemove }: Props) {
  const { t } = useTranslation('contest');
  const setCriterion = (i: number, c: CriterionDef) => onChange({ ...n, criteria: n.criteria.map((x, j) => (j === i ? c : x)) });
  const addCriterion = () =>
    onChange({ ...n, criteria: [...n.criteria, { id: crypto.randomUUID(), title: t('nomination.newCriterion'), description: '', min: 0, max: 10, weight: 1, bands: [] }] });
  const total = n.criteria.reduce((s, c) => s + c.max * c.weight, 0);
  return (
    <fieldset className="nomination" disabled={frozen}>
      <legend translate={n.title ? 'no' : undefined}>{n.title || t('nomination.untitled')}</legend>
      <div className="field-row">
        <TextField label={t('nomination.title')} value={n.title} onChange={(title) => onChange({ ...n, title })} />
        <label className="checkbox">
          <input type="checkbox" checked={n.commentRequired} onChange={(e) => onChange({ ...n, commentRequired: e.target.checked })} />
          {t('nomination.commentRequired')}
        </label>
        {onRemove && (
          <button type="button" onClick={onRemove}>
            {t('nomination.remove')}
          </button>
        )}
      </div>
      <p className="muted">{t('nomination.summary', { count: n.criteria.length, max: formatNumber(total) })}</p>
      <ol className="criteria">
        {n.criteria.map((c, i) => (
          <li key={c.id}>
            <details>
              <summary>
                <span translate={c.title ? 'no' : undefined}>{c.title || t('nomination.untitledCriterion')}</span>{' '}
                <span className="muted">
                  · {formatNumber(c.min)}–{formatNumber(c.max)}
                  {c.step === 0.5 ? t('nomination.halfStep') : ''} · {formatFactor(c.weight)}
                </span>
              </summary>
              <CriterionEditor criterion={c} onChange={(next) => setCriterion(i, next)} onRemove={() => onChange({ ...n, criteria: n.criteria.filter((_, j) => j !== i) })} />
            </details>
          </li>
        ))}
      </ol>
      <button type="button" onClick={addCriterion}>
        {t('nomination.addCriterion')}
      </button>
    </fieldset>
  );
}

function CriterionEditor({ criterion: c, onChange, onRemove }: { criterion: CriterionDef; onChange: (c: CriterionDef) => void; onRemove: () => void }) {
  const { t } = useTranslation('contest');
  const setBand = (i: number, b: ScoreBand) => onChange({ ...c, bands: c.bands.map((x, j) => (j === i ? b : x)) });
  return (
    <div className="criterion-editor">
      <TextField label={t('nomination.criterionTitle')} value={c.title} onChange={(title) => onChange({ ...c, title })} />
      <TextAreaField label={t('nomination.description')} rows={2} value={c.description} onChange={(description) => onChange({ ...c, description })} />
      <div className="field-row">
        <NumberInput label={t('nomination.scaleFrom')} value={c.min} onChange={(min) => onChange({ ...c, min })} />
        <NumberInput label={t('nomination.scaleTo')} value={c.max} onChange={(max) => onChange({ ...c, max })} />
        <NumberInput label={t('nomination.weight')} value={c.weight} onChange={(weight) => onChange({ ...c, weight })} />
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
        {t('nomination.halves')}
      </label>
      <p className="muted">{t('nomination.bands')}</p>
      {c.bands.map((b, i) => (
        <div key={i} className="band-row">
          <NumberInput label={t('nomination.bandFrom')} className="narrow-num" value={b.from} onChange={(from) => setBand(i, { ...b, from })} />
          <NumberInput label={t('nomination.bandTo')} className="narrow-num" value={b.to} onChange={(to) => setBand(i, { ...b, to })} />
          <TextAreaField label={t('nomination.bandText')} rows={2} value={b.text} onChange={(text) => setBand(i, { ...b, text })} />
          <button
            type="button"
            aria-label={t('nomination.removeBand', { from: formatNumber(b.from), to: formatNumber(b.to) })}
            onClick={() => onChange({ ...c, bands: c.bands.filter((_, j) => j !== i) })}
          >
            ×
          </button>
        </div>
      ))}
      <div className="contest-actions">
        <button type="button" onClick={() => onChange({ ...c, bands: [...c.bands, { from: c.max, to: c.max, text: '' }] })}>
          {t('nomination.addBand')}
        </button>
        <button type="button" onClick={onRemove}>
          {t('nomination.removeCriterion')}
        </button>
      </div>
    </div>
  );
}
