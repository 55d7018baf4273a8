/** A participant's card: the person and their registration edited in one form (see EditParticipantDialog below). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationStatuses, roles, type Consent, type Municipality } from '../../../shared/domain/types';
import { formatPhone, normalizePhone } from '../../../shared/people/phone';
import { todayIn } from '../../../shared/text/format';
import { FormDialog, SelectField, TextField, closeDialog, type Option } from '../../components/ui';
import { saveRegistrationEdit, validateRegistrationEdit, type RegistrationEdit } from '../../db/repo/participants';
import { useDb } from '../../hooks/db-context';
import type { RegistrationRow } from '../../hooks/use-participants';
import { useOrganizerGate } from '../../components/organizer-gate';
import { CategoryField, PersonField, PhoneField } from '../../components/person-fields';
import { errorText } from '../../i18n';

const consentWays: readonly NonNullable<Consent['how']>[] = ['paper', 'form', 'desk', 'import', 'other'];

const today = () => todayIn();

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
  const { t } = useTranslation('participants');
  const ctx = useDb();
  const [form, setForm] = useState<RegistrationEdit>(() => initial(row));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [askOrganizer, gateDialog] = useOrganizerGate();

  const set = <K extends keyof RegistrationEdit>(key: K, value: RegistrationEdit[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: 'surname' | 'name' | 'patronymic' | 'phone' | 'email' | 'position' | 'organization' | 'note') => ({
    value: form[key],
    onChange: (value: string) => set(key, value),
    error: errors[key],
  });
  const check = () => setErrors(validateRegistrationEdit(form));

  const submit = async (e: { currentTarget: Element }) => {
    const target = e.currentTarget;
    const found = validateRegistrationEdit(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    // cancelling a registration takes the person off every list and the desk: on a non-organizer
    // device it needs the organizer PIN, like deleting would
    if (form.status === 'cancelled' && row.registration.status !== 'cancelled' && !(await askOrganizer(t('card.cancelReason')))) return;
    setSaving(true);
    try {
      await saveRegistrationEdit(ctx, form);
      closeDialog({ currentTarget: target });
    } catch (err) {
      setErrors({ form: errorText(err) });
    } finally {
      setSaving(false);
    }
  };

  const municipalityOptions: Option<string>[] = municipalities.map((m) => [m.id, m.name]);
  return (
    <>
      <FormDialog
        title={t('card.title')}
        wide
        className="edit-participant"
        onClose={onClose}
        onSubmit={submit}
        busy={saving}
        error={errors.form}
        formProps={{ onBlur: () => Object.keys(errors).length && check() }}
      >
        <p className="muted">
          {t('card.badge')} <span className="mono">{row.registration.badgeCode}</span> · {t('card.source', { source: t(`card.sources.${row.registration.source}`) })}
        </p>
        <div className="field-row">
          <PersonField field="surname" required autoFocus {...text('surname')} />
          <PersonField field="name" required {...text('name')} />
          <PersonField field="patronymic" {...text('patronymic')} />
        </div>
        <div className="field-row">
          <PhoneField {...text('phone')} />
          <PersonField field="email" {...text('email')} />
        </div>
        <div className="field-row">
          <SelectField
            label={t('people:field.municipality')}
            value={form.municipalityId ?? ''}
            onChange={(v) => set('municipalityId', v || undefined)}
            options={municipalityOptions}
            placeholder={t('card.noMunicipality')}
          />
          <PersonField field="organization" {...text('organization')} />
          <PersonField field="position" {...text('position')} />
        </div>
        <div className="field-row">
          <CategoryField value={form.category} onChange={(v) => set('category', v)} />
          <SelectField label={t('card.role')} value={form.role} onChange={(v) => set('role', v)} options={roles.map((r) => [r, t(`app:role.${r}`)] as const)} />
          <SelectField label={t('filters.status')} value={form.status} onChange={(v) => set('status', v)} options={registrationStatuses.map((s) => [s, t(`status.${s}`)] as const)} />
        </div>
        <fieldset className="consent">
          <legend>{t('card.consent')}</legend>
          <div className="field-row consent-row">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.consentGiven}
                onChange={(e) => setForm((f) => ({ ...f, consentGiven: e.target.checked, consentDate: e.target.checked && !f.consentDate ? today() : f.consentDate }))}
              />
              {t('card.consentGiven')}
            </label>
            {form.consentGiven && (
              <>
                <TextField label={t('card.consentDate')} required type="date" value={form.consentDate} max={today()} onChange={(v) => set('consentDate', v)} error={errors.consentDate} />
                <SelectField label={t('card.consentHow')} value={form.consentHow} onChange={(v) => set('consentHow', v)} options={consentWays.map((w) => [w, t(`card.how.${w}`)] as const)} />
              </>
            )}
          </div>
        </fieldset>
        <TextField label={t('card.note')} {...text('note')} placeholder={t('card.notePlaceholder')} />
      </FormDialog>
      {gateDialog}
    </>
  );
}
