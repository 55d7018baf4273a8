/**
 * The app's one `<select>`: options as `[value, label, attrs?]` tuples (attrs for `lang`/`translate`/
 * `disabled` of one option), optionally grouped (`{ group, options }` → `<optgroup>`), an optional
 * placeholder first, and the chosen value handed back typed. SelectField puts it under a visible label;
 * on its own (a table cell, a filter bar) it must carry an `aria-label` instead.
 */
import type { OptionHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

/** What one option may carry besides its value and label. */
export type OptionAttrs = Pick<OptionHTMLAttributes<HTMLOptionElement>, 'lang' | 'translate' | 'disabled' | 'title'>;
export type Option<V extends string> = readonly [value: V, label: ReactNode, attrs?: OptionAttrs];
/** Options under a heading of the list (`<optgroup label=…>`). */
export type OptionGroup<V extends string> = { readonly group: string; readonly options: readonly Option<V>[] };
export type Choice<V extends string> = Option<V> | OptionGroup<V>;

export type SelectControlProps<V extends string> = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'placeholder'> & {
  value: V | '';
  onChange: (value: V) => void;
  options: readonly Choice<V>[];
  /** A first option with the value '' («— не выбрано —», «Все районы»). */
  placeholder?: string;
};

/** A select without a visible label: its name comes from `aria-label` (or `aria-labelledby`). */
export type SelectProps<V extends string> = SelectControlProps<V> & ({ 'aria-label': string } | { 'aria-labelledby': string });

export function Select<V extends string>(props: SelectProps<V>) {
  return selectControl(props);
}

/** The `<select>` itself, for Select and SelectField (which passes the ids of its label and error). */
export function selectControl<V extends string>({ value, onChange, options, placeholder, ...select }: SelectControlProps<V>) {
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value as V)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((choice) =>
        'group' in choice ? (
          <optgroup key={`group:${choice.group}`} label={choice.group}>
            {choice.options.map(option)}
          </optgroup>
        ) : (
          option(choice)
        ),
      )}
    </select>
  );
}

function option<V extends string>([value, label, attrs]: Option<V>) {
  return (
    <option key={value} value={value} {...attrs}>
      {label}
    </option>
  );
}
