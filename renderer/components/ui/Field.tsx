/**
 * Form fields with their label and their error beside them. The error is an alert tied to the control
 * (aria-describedby) and stays while the value is wrong; the control is marked aria-invalid. Values are
 * strings as typed: parsing and validation belong to the caller, which decides what is stored.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

type Common = {
  label: ReactNode;
  error?: string | undefined;
  /** A short line under the control («Видно оператору при отметке»). */
  hint?: ReactNode;
  required?: boolean;
  className?: string;
};

/** The label, the control (given its ids) and the error, in one `.field`. */
export function Field({ label, error, hint, required, className, children }: Common & { children: (ids: FieldIds) => ReactNode }) {
  const id = useId();
  const ids: FieldIds = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined,
    'aria-required': required || undefined,
  };
  return (
    <div className={['field', className ?? ''].filter(Boolean).join(' ')}>
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

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

export function TextField({ label, error, hint, required, className, value, onChange, ...input }: Common & InputProps & { value: string; onChange: (value: string) => void }) {
  return (
    <Field label={label} error={error} hint={hint} required={required} className={className}>
      {(ids) => <input {...input} {...ids} value={value} onChange={(e) => onChange(e.target.value)} />}
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

export type Option<V extends string> = readonly [value: V, label: ReactNode];

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id'>;

export function SelectField<V extends string>({
  label,
  error,
  hint,
  required,
  className,
  value,
  onChange,
  options,
  placeholder,
  ...select
}: Common & SelectProps & { value: V | ''; onChange: (value: V) => void; options: readonly Option<V>[]; placeholder?: string }) {
  return (
    <Field label={label} error={error} hint={hint} required={required} className={className}>
      {(ids) => (
        <select {...select} {...ids} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
