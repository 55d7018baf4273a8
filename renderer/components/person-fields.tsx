/**
 * The fields that describe a person, labelled and behaving the same in every form that takes one: the desk's
 * walk-in (features/desk/WalkInDialog.tsx) and the participant's card (features/participants/EditParticipantDialog.tsx).
 * Values stay strings as typed; validation belongs to the form's repository (db/repo/desk.ts, db/repo/participants.ts).
 */
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { categories, type Category } from '../../shared/domain/types';
import { formatPhone, normalizePhone } from '../../shared/people/phone';
import { SelectField, TextField } from './ui';

type TextProps = Omit<ComponentProps<typeof TextField>, 'label' | 'type'>;

/** The person's text fields other than the phone, which has its own (PhoneField). */
export type PersonTextField = 'surname' | 'name' | 'patronymic' | 'email' | 'organization' | 'position';

/** One of the person's text fields, named by `field`: its label and its input type come with it. */
export function PersonField({ field, ...props }: TextProps & { field: PersonTextField }) {
  const { t } = useTranslation('people');
  return <TextField label={t(`field.${field}`)} type={field === 'email' ? 'email' : 'text'} {...props} />;
}

/**
 * The phone as typed, in any notation people use; on leaving the field a number that reads as a Russian
 * phone is shown in the one form lists and badges use (+7 917 345-12-34), so the operator sees what is stored.
 */
export function PhoneField({ onBlur, placeholder = '+7 917 345-12-34', ...props }: TextProps) {
  const { t } = useTranslation('people');
  return (
    <TextField
      label={t('field.phone')}
      type="tel"
      placeholder={placeholder}
      {...props}
      onBlur={(e) => {
        const normalized = normalizePhone(props.value);
        if (normalized && formatPhone(normalized) !== props.value) props.onChange(formatPhone(normalized));
        onBlur?.(e);
      }}
    />
  );
}

/** The person's category at this event (citizen, official, …), in the shell's words for categories. */
export function CategoryField({ value, onChange, error }: { value: Category; onChange: (value: Category) => void; error?: string | undefined }) {
  const { t } = useTranslation('people');
  return <SelectField label={t('field.category')} value={value} onChange={onChange} error={error} options={categories.map((c) => [c, t(`app:category.${c}`)] as const)} />;
}
