// @vitest-environment happy-dom
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NumberField, SelectField, TextField, useConfirm, type Confirm } from '../../../../renderer/components/ui';
import { initI18n } from '../../../../renderer/i18n';
import { mountEach } from '../mount';

initI18n('ru');

const view = mountEach();
let host: HTMLElement;
function render(node: React.ReactNode) {
  host = view.render(node);
}

describe('fields', () => {
  it('ties the label and the error to the control, and marks it invalid only while there is an error', () => {
    function Form() {
      const [v, setV] = useState('15');
      return <NumberField label="Оценка" value={v} onChange={setV} error={Number(v) > 10 ? 'Не больше 10' : undefined} />;
    }
    render(<Form />);
    const input = host.querySelector('input')!;
    const label = host.querySelector('label')!;
    expect(label.getAttribute('for')).toBe(input.id);
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = host.querySelector('[role=alert]')!;
    expect(error.textContent).toBe('Не больше 10');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    // the field shows what was typed, never a corrected value
    expect(input.value).toBe('15');
  });

  it('a valid value has no error element and no aria-invalid', () => {
    render(<TextField label="Имя" value="Ильяс" onChange={() => undefined} required hint="как в паспорте" />);
    const input = host.querySelector('input')!;
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(host.querySelector('[role=alert]')).toBeNull();
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(host.querySelector('.field-hint')!.id);
    expect(host.querySelector('label')!.textContent).toBe('Имя *');
  });

  it('a select lists its options after an optional placeholder', () => {
    render(<SelectField label="Роль" value="" onChange={() => undefined} options={[['desk', 'регистрация'], ['district', 'район']]} placeholder="— выберите —" />);
    expect([...host.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['— выберите —', 'регистрация', 'район']);
  });
});

describe('useConfirm', () => {
  let confirm: Confirm;
  function Asker() {
    const [ask, node] = useConfirm();
    confirm = ask;
    return <>{node}</>;
  }

  it('resolves true only through the action button; a second question declines the first', async () => {
    render(<Asker />);
    let first: boolean | undefined;
    act(() => void confirm({ title: 'Удалить?', action: 'Удалить' }).then((ok) => (first = ok)));
    let second: Promise<boolean>;
    act(() => {
      second = confirm({ title: 'Закрыть приём оценок?', action: 'Закрыть' });
    });
    await act(async () => undefined);
    expect(first).toBe(false);
    expect(host.querySelector('h2')!.textContent).toBe('Закрыть приём оценок?');
    const action = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Закрыть')!;
    await act(async () => action.click());
    await expect(second!).resolves.toBe(true);
    expect(host.querySelector('dialog')).toBeNull();
  });

  it('a typed confirmation keeps the action disabled until the word is typed', async () => {
    render(<Asker />);
    let answer: boolean | undefined;
    act(() => void confirm({ title: 'Удалить секцию?', action: 'Удалить', danger: true, typed: 'удалить' }).then((ok) => (answer = ok)));
    const action = () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Удалить')!;
    expect(action().disabled).toBe(true);
    expect(host.querySelector('label')!.textContent).toBe('Чтобы подтвердить, введите «удалить»');
    const cancel = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Отмена')!;
    await act(async () => cancel.click());
    expect(answer).toBe(false);
  });
});
