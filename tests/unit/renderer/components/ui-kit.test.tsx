// @vitest-environment happy-dom
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Dialog, DialogFooter, FormDialog, NumberField, Select, SelectField, TextAreaField, TextField, useConfirm, type Confirm } from '../../../../renderer/components/ui';
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

  it('keeps a control the caller marks invalid (the dialog names the problem) invalid, and its own descriptions', () => {
    render(<TextField label="PIN организатора" value="1234" onChange={() => undefined} aria-invalid aria-describedby="gate-lead" hint="6–8 цифр" />);
    const input = host.querySelector('input')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(`${host.querySelector('.field-hint')!.id} gate-lead`);
  });

  it('a select lists its options after an optional placeholder', () => {
    render(<SelectField label="Роль" value="" onChange={() => undefined} options={[['desk', 'регистрация'], ['district', 'район']]} placeholder="— выберите —" />);
    expect([...host.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['— выберите —', 'регистрация', 'район']);
  });
});

describe('selects', () => {
  it('a select without a visible label takes its name from aria-label, groups options and passes an option its attributes', () => {
    let chosen = '';
    render(
      <Select
        aria-label="Что печатать"
        value="all"
        onChange={(v) => (chosen = v)}
        options={[['unprinted', 'Ещё не печатались'], ['all', 'Все', { translate: 'no' }], { group: 'Делегация', options: [['d:Бирск', 'Бирск'], ['d:Уфа', 'Уфа', { lang: 'ba' }]] }]}
      />,
    );
    const select = host.querySelector('select')!;
    expect(select.getAttribute('aria-label')).toBe('Что печатать');
    expect(host.querySelector('label')).toBeNull();
    const group = host.querySelector('optgroup')!;
    expect(group.label).toBe('Делегация');
    expect([...group.querySelectorAll('option')].map((o) => o.value)).toEqual(['d:Бирск', 'd:Уфа']);
    expect(host.querySelector('option[value="d:Уфа"]')!.getAttribute('lang')).toBe('ba');
    expect(host.querySelector('option[value="all"]')!.getAttribute('translate')).toBe('no');
    expect(select.value).toBe('all');
    act(() => {
      select.value = 'd:Бирск';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(chosen).toBe('d:Бирск');
  });

  it('an inline select field keeps its label beside the control, tied by for/id', () => {
    render(<SelectField inline label="Разброс" value="1" onChange={() => undefined} options={[['0', 'нет'], ['1', 'средний']]} />);
    expect(host.firstElementChild!.className).toBe('inline-field');
    expect(host.querySelector('label')!.getAttribute('for')).toBe(host.querySelector('select')!.id);
  });
});

describe('text areas', () => {
  it('counts what was typed against maxLength in the hint, and ties the error to the control', () => {
    render(<TextAreaField label="Отчёт" value="Собрали 40 человек" onChange={() => undefined} maxLength={4000} counter hint="До 4000 знаков." error="Напишите, что дальше" />);
    const area = host.querySelector('textarea')!;
    expect(area.getAttribute('maxlength')).toBe('4000');
    expect(host.querySelector('.field-hint')!.textContent).toBe('До 4000 знаков. 18 из 4\u00a0000');
    expect(area.getAttribute('aria-describedby')!.split(' ')).toEqual([host.querySelector('[role=alert]')!.id, host.querySelector('.field-hint')!.id]);
    expect(area.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('dialogs', () => {
  it('a dialog in steps shows its head under the title and the footer the step renders', () => {
    render(
      <Dialog title="Импорт участников" head={<ol aria-label="Шаги"><li>Файл</li></ol>} onClose={() => undefined}>
        <DialogFooter className="import-actions">
          <button type="button">Далее</button>
        </DialogFooter>
      </Dialog>,
    );
    const header = host.querySelector('dialog > header.dialog-head')!;
    expect(header.querySelector('h2')!.textContent).toBe('Импорт участников');
    expect(header.querySelector('ol')!.getAttribute('aria-label')).toBe('Шаги');
    expect(host.querySelector('dialog')!.getAttribute('aria-labelledby')).toBe(header.querySelector('h2')!.id);
    expect(host.querySelector('.dialog-actions.import-actions button')!.textContent).toBe('Далее');
  });

  it('a form dialog keeps its submit disabled while the caller says it cannot be pressed', () => {
    render(
      <FormDialog title="PIN организатора" onSubmit={() => undefined} onClose={() => undefined} submitLabel="Продолжить" submitDisabled>
        <p>Введите PIN</p>
      </FormDialog>,
    );
    expect(host.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(true);
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
