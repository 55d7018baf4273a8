import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { categories, type Category, type EventRow } from '../../../shared/domain/types';
import { registerWalkIn, validateWalkIn, type WalkInInput } from '../../db/repo/desk';
import { useDb } from '../../hooks/db-context';
import type { DeskCard, DeskIndex } from '../../hooks/use-desk-index';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { useUiStore } from '../../stores/ui-store';
import { fullName } from '../../../shared/people/name';

type Form = { fullName: string; municipality: string; organization: string; position: string; phone: string; category: Category; consent: boolean };

/** «Фамилия Имя Отчество» typed in one field, as people say it at the desk. */
function splitTyped(fullName: string): { surname: string; name: string; patronymic: string } {
  const [surname = '', name = '', ...rest] = fullName.trim().split(/\s+/);
  return { surname, name, patronymic: rest.join(' ') };
}

/**
 * A person who is on no list: keyboard only (Tab between fields, Enter saves), duplicates are
 * suggested while typing, and saving also checks the person in.
 */
export function WalkInDialog(props: { event: EventRow; desk: DeskIndex; onClose: (card?: DeskCard) => void; onPickExisting: (card: DeskCard) => void }) {
  const { t } = useTranslation();
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const municipalities = useMunicipalities();
  const ref = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState<Form>({ fullName: '', municipality: '', organization: '', position: '', phone: '', category: 'citizen', consent: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => ref.current?.showModal(), []);

  const municipalityId = municipalities?.find((m) => m.name.toLowerCase() === form.municipality.trim().toLowerCase())?.id;
  const likely = useMemo(() => {
    const { surname, name } = splitTyped(form.fullName);
    if (surname.length < 3 || !name) return [];
    return props.desk.index
      .search(`${surname} ${name}`, 3)
      .flatMap((h) => (h.kind === 'exact' || h.kind === 'prefix' || h.kind === 'initials' || h.kind === 'typo' ? [props.desk.cards.get(h.id)!] : []))
      .filter(Boolean);
  }, [form.fullName, props.desk]);

  const input = (): WalkInInput => ({
    eventId: props.event.id,
    operator,
    ...splitTyped(form.fullName),
    municipalityId,
    organization: form.organization,
    position: form.position,
    phone: form.phone,
    category: form.category,
    consent: form.consent,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateWalkIn(input());
    if (form.municipality.trim() && !municipalityId) found.municipality = 'Выберите муниципалитет из списка';
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const { registration } = await registerWalkIn(ctx, input());
      const { surname, name, patronymic } = splitTyped(form.fullName);
      props.onClose({
        registrationId: registration.id,
        personId: registration.personId,
        surname,
        name,
        patronymic,
        municipality: form.municipality,
        organization: form.organization,
        position: form.position,
        role: registration.role,
        section: '',
        badgeCode: registration.badgeCode,
        note: registration.note,
        status: registration.status,
      });
    } catch (err) {
      setErrors({ form: (err as Error).message });
    }
  };

  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const error = (key: string) =>
    errors[key] && (
      <span className="field-error" role="alert">
        {errors[key]}
      </span>
    );

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="walkin-title" onClose={() => props.onClose()}>
      <form onSubmit={submit} noValidate>
        <h2 id="walkin-title">Новый участник</h2>
        <label className="field">
          <span>ФИО</span>
          <input autoFocus value={form.fullName} onChange={set('fullName')} placeholder="Фамилия Имя Отчество" aria-invalid={errors.surname || errors.name ? true : undefined} />
          {error('surname') || error('name')}
        </label>
        {likely.length > 0 && (
          <div className="likely" role="region" aria-label="Возможно, уже зарегистрирован">
            <p>Возможно, этот человек уже есть в списке:</p>
            <ul>
              {likely.map((c) => (
                <li key={c.registrationId}>
                  <button type="button" className="link" onClick={() => props.onPickExisting(c)}>
                    {fullName(c)}
                  </button>{' '}
                  <span className="muted">{c.municipality}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <label className="field">
          <span>Муниципалитет</span>
          <input list="walkin-municipalities" value={form.municipality} onChange={set('municipality')} aria-invalid={errors.municipality ? true : undefined} />
          <datalist id="walkin-municipalities">
            {municipalities?.map((m) => (
              <option key={m.id} value={m.name} />
            ))}
          </datalist>
          {error('municipality')}
        </label>
        <div className="field-row">
          <label className="field">
            <span>Организация</span>
            <input value={form.organization} onChange={set('organization')} />
          </label>
          <label className="field">
            <span>Должность</span>
            <input value={form.position} onChange={set('position')} />
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span>Телефон</span>
            <input type="tel" value={form.phone} onChange={set('phone')} aria-invalid={errors.phone ? true : undefined} />
            {error('phone')}
          </label>
          <label className="field">
            <span>Категория</span>
            <select value={form.category} onChange={set('category')}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} />
          Согласие на обработку персональных данных получено (152-ФЗ)
        </label>
        {error('form')}
        <div className="dialog-actions">
          <button type="button" onClick={() => props.onClose()}>
            Отмена
          </button>
          <button type="submit" className="primary">
            Зарегистрировать и отметить
          </button>
        </div>
      </form>
    </dialog>
  );
}
