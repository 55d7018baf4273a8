/** Registering a person who is on no list, at the desk, by keyboard (see WalkInDialog below). */
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, EventRow } from '../../../shared/domain/types';
import { FormDialog, TextField } from '../../components/ui';
import { CategoryField, PersonField, PhoneField } from '../../components/person-fields';
import { registerWalkIn, validateWalkIn, type WalkInInput } from '../../db/repo/desk';
import { useDb } from '../../hooks/db-context';
import type { DeskCard, DeskIndex } from '../../hooks/use-desk-index';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { useUiStore } from '../../stores/ui-store';
import { fullName } from '../../../shared/people/name';
import { phoneTail } from './desk-search';
import { walkInMatches } from './walk-in-match';
import { errorText } from '../../i18n';

type Form = { fullName: string; municipality: string; organization: string; position: string; phone: string; category: Category; consent: boolean };

/** «Фамилия Имя Отчество» typed in one field, as people say it at the desk. */
function splitTyped(fullName: string): { surname: string; name: string; patronymic: string } {
  const [surname = '', name = '', ...rest] = fullName.trim().split(/\s+/);
  return { surname, name, patronymic: rest.join(' ') };
}

/**
 * A person who is on no list: keyboard only. Tab goes ФИО → Муниципалитет → Организация → Телефон →
 * consent → «Должность и категория» → buttons; people already on the list are suggested while typing, reachable with ↑↓ from the
 * ФИО field (never by Tab, and never taking the typing). When the phone, or the name with the
 * municipality, matches someone, Enter checks that person in; registering a new one takes the explicit
 * «Это другой человек», and the registration keeps whom the operator said it is not.
 */
export function WalkInDialog(props: { event: EventRow; desk: DeskIndex; onClose: (card?: DeskCard) => void; onPickExisting: (card: DeskCard) => void }) {
  const { t } = useTranslation('desk');
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const municipalities = useMunicipalities();
  const [form, setForm] = useState<Form>({ fullName: '', municipality: '', organization: '', position: '', phone: '', category: 'citizen', consent: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** Registering: a second Enter must not register the person twice. */
  const [busy, setBusy] = useState(false);
  /** The suggestion highlighted with the arrow keys, or -1. */
  const [active, setActive] = useState(-1);

  const municipalityId = municipalities?.find((m) => m.name.toLowerCase() === form.municipality.trim().toLowerCase())?.id;
  const { same, similar } = useMemo(() => {
    const { surname, name } = splitTyped(form.fullName);
    return walkInMatches(props.desk, { surname, name, municipality: form.municipality, phone: form.phone });
  }, [form.fullName, form.municipality, form.phone, props.desk]);
  const suggestions = [...same, ...similar];
  const highlighted = suggestions[active];

  const input = (notSameAs?: string[]): WalkInInput => ({
    eventId: props.event.id,
    operator,
    ...splitTyped(form.fullName),
    municipalityId,
    organization: form.organization,
    position: form.position,
    phone: form.phone,
    category: form.category,
    consent: form.consent,
    notSameAs,
  });

  const register = async (notSameAs?: string[]) => {
    const found = validateWalkIn(input());
    if (form.municipality.trim() && !municipalityId) found.municipality = t('walkIn.pickMunicipality');
    setErrors(found);
    if (busy || Object.keys(found).length) return;
    setBusy(true);
    try {
      const { registration } = await registerWalkIn(ctx, input(notSameAs));
      const { surname, name, patronymic } = splitTyped(form.fullName);
      props.onClose({
        registrationId: registration.id,
        personId: registration.personId,
        surname,
        name,
        patronymic,
        phone: form.phone,
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
      setErrors({ form: errorText(err) });
      setBusy(false);
    }
  };

  // Enter anywhere in the form: the highlighted suggestion, else the matching person, else a new registration
  const submit = () => {
    const existing = highlighted ?? same[0];
    if (existing) props.onPickExisting(existing);
    else void register();
  };

  const onNameKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!suggestions.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, suggestions.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, -1));
    } else if (e.key === 'Escape' && active >= 0) {
      e.preventDefault();
      setActive(-1);
    }
  };

  const set = (key: keyof Form) => (value: string) => {
    setForm({ ...form, [key]: value });
    setActive(-1);
  };
  const who = (c: DeskCard) => [c.municipality, c.organization, phoneTail(c.phone), t('result.badge', { code: c.badgeCode })].filter(Boolean).join(' · ');
  const optionId = (c: DeskCard) => `walkin-match-${c.registrationId}`;
  const existing = highlighted ?? same[0];

  return (
    <FormDialog
      title={t('walkIn.title')}
      onClose={() => props.onClose()}
      onSubmit={submit}
      submitLabel={existing ? t('walkIn.checkIn', { name: fullName(existing) }) : t('walkIn.register')}
      footerStart={
        same.length > 0 && (
          <button type="button" disabled={busy} onClick={() => void register(same.map((c) => c.personId))}>
            {t('walkIn.other')}
          </button>
        )
      }
      error={errors.form}
      busy={busy}
    >
      <TextField
        label={t('walkIn.fullName')}
        autoFocus
        value={form.fullName}
        onChange={set('fullName')}
        onKeyDown={onNameKey}
        placeholder={t('walkIn.fullNamePlaceholder')}
        role="combobox"
        aria-expanded={suggestions.length > 0}
        aria-controls={suggestions.length ? 'walkin-matches' : undefined}
        aria-activedescendant={highlighted ? optionId(highlighted) : undefined}
        error={errors.surname ?? errors.name}
      />
      {suggestions.length > 0 && (
        <div className={`likely${same.length ? ' same' : ''}`} role="region" aria-label={t('walkIn.maybe')}>
          <p>{same.length ? t('walkIn.same') : t('walkIn.similar')}</p>
          <ul id="walkin-matches" role="listbox" aria-label={t('walkIn.listed')}>
            {suggestions.map((c, i) => (
              <li key={c.registrationId} id={optionId(c)} role="option" aria-selected={i === active} className={i === active ? 'selected' : undefined} onClick={() => props.onPickExisting(c)}>
                <strong>{fullName(c)}</strong> <span className="muted">{who(c)}</span>
                {i < same.length && <span className="match-hint">{t('walkIn.matches')}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextField label={t('people:field.municipality')} list="walkin-municipalities" value={form.municipality} onChange={set('municipality')} error={errors.municipality} />
      <datalist id="walkin-municipalities">
        {municipalities?.map((m) => (
          <option key={m.id} value={m.name} />
        ))}
      </datalist>
      <PersonField field="organization" value={form.organization} onChange={set('organization')} />
      <PhoneField value={form.phone} onChange={set('phone')} error={errors.phone} />
      <label className="checkbox">
        <input type="checkbox" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} />
        {t('walkIn.consent')}
      </label>
      <details className="walkin-more">
        <summary>{t('walkIn.more')}</summary>
        <div className="field-row">
          <PersonField field="position" value={form.position} onChange={set('position')} />
          <CategoryField value={form.category} onChange={(category) => setForm({ ...form, category })} />
        </div>
      </details>
    </FormDialog>
  );
}
