// @vitest-environment happy-dom
// The person's fields shared by the desk's walk-in and the participant's card: labels, input types, the phone.
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Category } from '../../../../shared/domain/types';
import { CategoryField, PersonField, PhoneField } from '../../../../renderer/components/person-fields';
import { initI18n } from '../../../../renderer/i18n';
import { mountEach } from '../mount';

initI18n('ru');

const view = mountEach();
let host: HTMLElement;
function render(node: React.ReactNode) {
  host = view.render(node);
}

/** The phone field in a form that keeps what it is given, as both dialogs do. */
function Phone({ start, seen }: { start: string; seen: string[] }) {
  const [v, setV] = useState(start);
  return (
    <PhoneField
      value={v}
      onChange={(next) => {
        seen.push(next);
        setV(next);
      }}
    />
  );
}

describe('person fields', () => {
  it('each field brings its own Russian label and input type', () => {
    render(
      <>
        <PersonField field="surname" required value="Габдрахманова" onChange={() => undefined} />
        <PersonField field="email" value="" onChange={() => undefined} />
        <PersonField field="organization" value="ТОС «Соседи»" onChange={() => undefined} />
      </>,
    );
    const labels = [...host.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels).toEqual(['Фамилия *', 'E-mail', 'Организация']);
    const inputs = [...host.querySelectorAll('input')];
    expect(inputs.map((i) => i.type)).toEqual(['text', 'email', 'text']);
    expect(inputs[0]!.getAttribute('aria-required')).toBe('true');
  });

  it('a phone typed in any notation is shown in the one stored form when the field is left', () => {
    const seen: string[] = [];
    render(<Phone start="8 (917) 345-67-89" seen={seen} />);
    const input = host.querySelector('input')!;
    expect(host.querySelector('label')!.textContent).toBe('Телефон');
    expect(input.type).toBe('tel');
    act(() => {
      input.focus();
      input.blur();
    });
    expect(input.value).toBe('+7 917 345-67-89');
    expect(seen).toEqual(['+7 917 345-67-89']);
    // leaving it again changes nothing: the value is already in that form
    act(() => {
      input.focus();
      input.blur();
    });
    expect(seen).toEqual(['+7 917 345-67-89']);
  });

  it('text that is not a Russian phone stays as typed, for the form to say what is wrong', () => {
    const seen: string[] = [];
    render(<Phone start="+44 20 7946 0958" seen={seen} />);
    const input = host.querySelector('input')!;
    act(() => {
      input.focus();
      input.blur();
    });
    expect(input.value).toBe('+44 20 7946 0958');
    expect(seen).toEqual([]);
  });

  it('the category offers every category in the shell words and reports the one picked', () => {
    let picked: Category | undefined;
    render(<CategoryField value="citizen" onChange={(c) => (picked = c)} />);
    const select = host.querySelector('select')!;
    const options = [...select.querySelectorAll('option')];
    expect(host.querySelector('label')!.textContent).toBe('Категория');
    expect(options.length).toBeGreaterThan(1);
    expect(options.every((o) => o.textContent && !o.textContent.startsWith('category.'))).toBe(true);
    const other = options.find((o) => o.value !== 'citizen')!;
    act(() => {
      select.value = other.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(picked).toBe(other.value);
  });
});
