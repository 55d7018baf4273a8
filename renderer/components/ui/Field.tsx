/**
 * Form fields with their label and their error beside them. The error is an alert tied to the control
 * (aria-describedby) and stays while the value is wrong; the control is marked aria-invalid. Values are
 * strings as typed: parsing and validation belong to the caller, which decides what is stored.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/text/format';
import { selectControl, type SelectControlProps } from './Select';

type Common = {
  label: ReactNode;
  error?: string | undefined;
  /** A short line under the control («Видно оператору при отметке»). */
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  /** The label beside the control on one line (a toolbar, a row of choices) instead of above it. */
  inline?: boolean;
};

/** The label, the control (given its ids) and the error, in one `.field` (or `.inline-field`). */
export function Field({ label, error, hint, required, className, inline, children }: Common & { children: (ids: FieldIds) => ReactNode }) {
  const id = useId();
  const ids: FieldIds = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined,
    'aria-required': required || undefined,
  };
  return (
    <div className={[inline ? 'inline-field' : 'field', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {required && ' *'}
      </label>
      {children(ids)}
      {hint && (
        <span className="field-hint muted" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export type FieldIds = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
};

/**
 * The field's ids over the control's own attributes, keeping what the caller said too: a control the
 * caller marks invalid (the form-level error names it) stays so, and its own descriptions stay listed.
 */
function withIds(ids: FieldIds, own: { 'aria-invalid'?: unknown; 'aria-describedby'?: string | undefined }): FieldIds {
  const describedBy = [ids['aria-describedby'], own['aria-describedby']].filter(Boolean).join(' ');
  return { ...ids, 'aria-invalid': ids['aria-invalid'] ?? (own['aria-invalid'] === true || own['aria-invalid'] === 'true' || undefined), 'aria-describedby': describedBy || undefined };
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

export function TextField({ label, error, hint, required, className, inline, value, onChange, ...input }: Common & InputProps & { value: string; onChange: (value: string) => void }) {
  return (
    <Field label={label} error={error} hint={hint} required={required} className={className} inline={inline}>
      {(ids) => <input {...input} {...withIds(ids, input)} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/**
 * A number typed as text: the field shows exactly what was typed (never a silently corrected value),
 * `inputMode` brings the digit keyboard, and the caller's `error` says why it cannot be stored.
 */
export function NumberField(props: Common & InputProps & { value: string; onChange: (value: string) => void; decimal?: boolean }) {
  const { decimal, ...rest } = props;
  return <TextField {...rest} inputMode={decimal ? 'decimal' : 'numeric'} autoComplete="off" />;
}

export function SelectField<V extends string>({ label, error, hint, required, className, inline, ...select }: Common & Omit<SelectControlProps<V>, 'id'>) {
  return (
    <Field label={label} error={error} hint={hint} required={required} className={className} inline={inline}>
      {(ids) => selectControl({ ...select, ...withIds(ids, select) })}
    </Field>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'>;

/** Several lines of text; with `counter` (and `maxLength`) the hint counts the characters typed: «120 из 4 000». */
export function TextAreaField({ label, error, hint, required, className, inline, value, onChange, counter, ...area }: Common & TextAreaProps & { value: string; onChange: (value: string) => void; counter?: boolean }) {
  const { t } = useTranslation();
  const count = counter && area.maxLength !== undefined ? t('common.charCount', { n: formatNumber(value.length), max: formatNumber(area.maxLength) }) : undefined;
  const shownHint = hint && count ? (
    <>
      {hint} {count}
    </>
  ) : (hint ?? count);
  return (
    <Field label={label} error={error} hint={shownHint} required={required} className={className} inline={inline}>
      {(ids) => <textarea {...area} {...withIds(ids, area)} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
