import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { categories, registrationStatuses, roles, type Consent, type Municipality } from '../../../shared/domain/types';
import { formatPhone, normalizePhone } from '../../../shared/people/phone';
import { saveRegistrationEdit, validateRegistrationEdit, type RegistrationEdit } from '../../db/repo/participants';
import { useDb } from '../../hooks/db-context';
import type { RegistrationRow } from '../../hooks/use-participants';
import { useOrganizerGate } from '../settings/organizer-gate';
import { STATUS_LABELS } from './ParticipantFilters';

const HOW: Array<[NonNullable<Consent['how']>, string]> = [
  ['paper', 'на бумаге'],
  ['form', 'через анкету'],
  ['desk', 'на стойке регистрации'],
  ['import', 'в списке района'],
  ['other', 'иначе'],
];

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function initial(row: RegistrationRow): RegistrationEdit {
  const { person: p, registration: r } = row;
  return {
    registrationId: r.id,
    surname: p.surname,
    name: p.name,
    patronymic: p.patronymic,
    phone: p.phone ? formatPhone(normalizePhone(p.phone) ?? p.phone) : '',
    email: p.email ?? '',
    position: p.position ?? '',
    organization: row.organization,
    municipalityId: r.municipalityId ?? p.municipalityId,
    category: r.category,
    role: r.role,
    status: r.status,
    note: r.note ?? '',
    consentGiven: p.consent?.given ?? false,
    consentDate: p.consent?.at?.slice(0, 10) ?? '',
    consentHow: p.consent?.how ?? 'paper',
  };
}

/**
 * A participant's card: the person and their registration, validated as typed fields lose focus and
 * on save (Enter), saved in one transaction. Esc closes without saving.
 */
export function EditParticipantDialog({ row, municipalities, onClose }: { row: RegistrationRow; municipalities: readonly Municipality[]; onClose: () => void }) {
  const { t } = useTranslation();
  const ctx = useDb();
  const ref = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState<RegistrationEdit>(() => initial(row));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [askOrganizer, gateDialog] = useOrganizerGate();
  useEffect(() => ref.current?.showModal(), []);

  const set = <K extends keyof RegistrationEdit>(key: K, value: RegistrationEdit[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: 'surname' | 'name' | 'patronymic' | 'phone' | 'email' | 'position' | 'organization' | 'note') => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `edit-${key}-error` : undefined,
  });
  const check = () => setErrors(validateRegistrationEdit(form));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateRegistrationEdit(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    // cancelling a registration takes the person off every list and the desk: on a non-organizer
    // device it needs the organizer PIN, like deleting would
    if (form.status === 'cancelled' && row.registration.status !== 'cancelled' && !(await askOrganizer('отменить регистрацию участника'))) return;
    setSaving(true);
    try {
      await saveRegistrationEdit(ctx, form);
      ref.current?.close();
    } catch (err) {
      setErrors({ form: (err as Error).message });
    } finally {
      setSaving(false);
    }
  };

  const error = (key: string): ReactNode =>
    errors[key] && (
      <span className="field-error" id={`edit-${key}-error`} role="alert">
        {errors[key]}
      </span>
    );

  return (
    <>
      <dialog ref={ref} className="dialog dialog-wide edit-participant" aria-labelledby="edit-title" onClose={onClose}>
        <form onSubmit={submit} onBlur={() => Object.keys(errors).length && check()} noValidate>
          <h2 id="edit-title">Карточка участника</h2>
          <p className="muted">
            Бейдж <span className="mono">{row.registration.badgeCode}</span> · добавлен{' '}
            {{ import: 'из списка', 'walk-in': 'на стойке', manual: 'вручную', demo: 'в демонстрационном мероприятии' }[row.registration.source]}
          </p>
          <div className="field-row">
            <label className="field">
              <span>Фамилия *</span>
              <input autoFocus {...text('surname')} />
              {error('surname')}
            </label>
            <label className="field">
              <span>Имя *</span>
              <input {...text('name')} />
              {error('name')}
            </label>
            <label className="field">
              <span>Отчество</span>
              <input {...text('patronymic')} />
            </label>
          </div>
          <div className="field-row">
            <label className="field">
              <span>Телефон</span>
              <input type="tel" {...text('phone')} placeholder="+7 917 345-12-34" onBlur={() => normalizePhone(form.phone) && set('phone', formatPhone(normalizePhone(form.phone)!))} />
              {error('phone')}
            </label>
            <label className="field">
              <span>E-mail</span>
              <input type="email" {...text('email')} />
              {error('email')}
            </label>
          </div>
          <div className="field-row">
            <label className="field">
              <span>Муниципалитет</span>
              <select value={form.municipalityId ?? ''} onChange={(e) => set('municipalityId', e.target.value || undefined)}>
                <option value="">— не указан —</option>
                {municipalities.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Организация</span>
              <input {...text('organization')} />
            </label>
            <label className="field">
              <span>Должность</span>
              <input {...text('position')} />
            </label>
          </div>
          <div className="field-row">
            <label className="field">
              <span>Категория</span>
              <select value={form.category} onChange={(e) => set('category', e.target.value as RegistrationEdit['category'])}>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Роль</span>
              <select value={form.role} onChange={(e) => set('role', e.target.value as RegistrationEdit['role'])}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Статус</span>
              <select value={form.status} onChange={(e) => set('status', e.target.value as RegistrationEdit['status'])}>
                {registrationStatuses.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <fieldset className="consent">
            <legend>Согласие на обработку персональных данных (152-ФЗ)</legend>
            <div className="field-row consent-row">
              <label className="checkbox">
                <input type="checkbox" checked={form.consentGiven} onChange={(e) => setForm((f) => ({ ...f, consentGiven: e.target.checked, consentDate: e.target.checked && !f.consentDate ? today() : f.consentDate }))} />
                Согласие получено
              </label>
              {form.consentGiven && (
                <>
                  <label className="field">
                    <span>Дата согласия *</span>
                    <input type="date" value={form.consentDate} max={today()} onChange={(e) => set('consentDate', e.target.value)} aria-invalid={errors.consentDate ? true : undefined} />
                    {error('consentDate')}
                  </label>
                  <label className="field">
                    <span>Как получено</span>
                    <select value={form.consentHow} onChange={(e) => set('consentHow', e.target.value as RegistrationEdit['consentHow'])}>
                      {HOW.map(([v, label]) => (
                        <option key={v} value={v}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </label>
                </>
              )}
            </div>
          </fieldset>
          <label className="field">
            <span>Примечание для стойки</span>
            <input {...text('note')} placeholder="Видно оператору при отметке" />
          </label>
          {error('form')}
          <div className="dialog-actions">
            <button type="button" onClick={() => ref.current?.close()}>
              Отмена
            </button>
            <button type="submit" className="primary" disabled={saving}>
              Сохранить
            </button>
          </div>
        </form>
      </dialog>
      {gateDialog}
    </>
  );
}
