/** Registering a person who is on no list, at the desk, by keyboard (see WalkInDialog below). */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { categories, type Category, type EventRow } from '../../../shared/domain/types';
import { registerWalkIn, validateWalkIn, type WalkInInput } from '../../db/repo/desk';
import { useDb } from '../../hooks/db-context';
import type { DeskCard, DeskIndex } from '../../hooks/use-desk-index';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { useUiStore } from '../../stores/ui-store';
import { fullName } from '../../../shared/people/name';
import { phoneTail } from './desk-search';
import { walkInMatches } from './walk-in-match';

type Form = { fullName: string; municipality: string; organization: string; position: string; phone: string; category: Category; consent: boolean };

/** «Фамилия Имя Отчество» typed in one field, as people say it at the desk. */
function splitTyped(fullName: string): { surname: string; name: string; patronymic: string } {
  const [surname = '', name = '', ...rest] = fullName.trim().split(/\s+/);
  return { surname, name, patronymic: rest.join(' ') };
}

/**
 * A person who is on no list: keyboard only. Tab goes ФИО → Муниципалитет → Организация → Телефон →
 * consent → buttons; people already on the list are suggested while typing, reachable with ↑↓ from the
 * ФИО field (never by Tab, and never taking the typing). When the phone, or the name with the
 * municipality, matches someone, Enter checks that person in; registering a new one takes the explicit
 * «Это другой человек», and the registration keeps whom the operator said it is not.
 */
export function WalkInDialog(props: { event: EventRow; desk: DeskIndex; onClose: (card?: DeskCard) => void; onPickExisting: (card: DeskCard) => void }) {
  const { t } = useTranslation('desk');
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const municipalities = useMunicipalities();
  const ref = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState<Form>({ fullName: '', municipality: '', organization: '', position: '', phone: '', category: 'citizen', consent: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  /** The suggestion highlighted with the arrow keys, or -1. */
  const [active, setActive] = useState(-1);
  useEffect(() => ref.current?.showModal(), []);

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
    if (Object.keys(found).length) return;
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
      setErrors({ form: (err as Error).message });
    }
  };

  // Enter anywhere in the form: the highlighted suggestion, else the matching person, else a new registration
  const submit = (e: FormEvent) => {
    e.preventDefault();
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

  const set = (key: keyof Form) => (e: { target: { value: string } }) => {
    setForm({ ...form, [key]: e.target.value });
    setActive(-1);
  };
  const error = (key: string) =>
    errors[key] && (
      <span className="field-error" role="alert">
        {errors[key]}
      </span>
    );
  const who = (c: DeskCard) => [c.municipality, c.organization, phoneTail(c.phone), t('result.badge', { code: c.badgeCode })].filter(Boolean).join(' · ');
  const optionId = (c: DeskCard) => `walkin-match-${c.registrationId}`;

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="walkin-title" onClose={() => props.onClose()}>
      <form onSubmit={submit} noValidate>
        <h2 id="walkin-title">{t('walkIn.title')}</h2>
        <label className="field">
          <span>{t('walkIn.fullName')}</span>
          <input
            autoFocus
            value={form.fullName}
            onChange={set('fullName')}
            onKeyDown={onNameKey}
            placeholder={t('walkIn.fullNamePlaceholder')}
            role="combobox"
            aria-expanded={suggestions.length > 0}
            aria-controls={suggestions.length ? 'walkin-matches' : undefined}
            aria-activedescendant={highlighted ? optionId(highlighted) : undefined}
            aria-invalid={errors.surname || errors.name ? true : undefined}
          />
          {error('surname') || error('name')}
        </label>
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
        <label className="field">
          <span>{t('walkIn.municipality')}</span>
          <input list="walkin-municipalities" value={form.municipality} onChange={set('municipality')} aria-invalid={errors.municipality ? true : undefined} />
          <datalist id="walkin-municipalities">
            {municipalities?.map((m) => (
              <option key={m.id} value={m.name} />
            ))}
          </datalist>
          {error('municipality')}
        </label>
        <label className="field">
          <span>{t('walkIn.organization')}</span>
          <input value={form.organization} onChange={set('organization')} />
        </label>
        <label className="field">
          <span>{t('walkIn.phone')}</span>
          <input type="tel" value={form.phone} onChange={set('phone')} aria-invalid={errors.phone ? true : undefined} />
          {error('phone')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} />
          {t('walkIn.consent')}
        </label>
        {error('form')}
        <div className="dialog-actions">
          <button type="button" onClick={() => props.onClose()}>
            {t('app:common.cancel')}
          </button>
          {same.length > 0 ? (
            <>
              <button type="button" onClick={() => void register(same.map((c) => c.personId))}>
                {t('walkIn.other')}
              </button>
              <button type="submit" className="primary">
                {t('walkIn.checkIn', { name: fullName(highlighted ?? same[0]!) })}
              </button>
            </>
          ) : (
            <button type="submit" className="primary">
              {highlighted ? t('walkIn.checkIn', { name: fullName(highlighted) }) : t('walkIn.register')}
            </button>
          )}
        </div>
        <details className="walkin-more">
          <summary>{t('walkIn.more')}</summary>
          <div className="field-row">
            <label className="field">
              <span>{t('walkIn.position')}</span>
              <input value={form.position} onChange={set('position')} />
            </label>
            <label className="field">
              <span>{t('walkIn.category')}</span>
              <select value={form.category} onChange={set('category')}>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {t(`app:category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </details>
      </form>
    </dialog>
  );
}
