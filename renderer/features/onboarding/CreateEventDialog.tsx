import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createEvent, validateNewEvent, type NewEventInput } from '../../db/repo/events';
import { useDb } from '../../hooks/db-context';
import { todayIn } from '../../../shared/text/format';
import { useUiStore } from '../../stores/ui-store';

// the event's day in Ufa's time zone: before 05:00 local, UTC is still on yesterday
const today = () => todayIn();

export function CreateEventDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ctx = useDb();
  const setEventId = useUiStore((s) => s.setEventId);
  const setArea = useUiStore((s) => s.setArea);
  const ref = useRef<HTMLDialogElement>(null);
  const [form, setForm] = useState<NewEventInput>({ title: '', startDate: today(), endDate: today(), city: 'Уфа', venue: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateNewEvent(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const event = await createEvent(ctx, form);
      setEventId(event.id);
      setArea('participants');
      onClose();
    } catch (err) {
      setFailure((err as Error).message);
    }
  };

  const field = (key: keyof NewEventInput, type = 'text') => (
    <label className="field">
      <span>{t(`event.${key}`)}</span>
      <input
        type={type}
        value={form[key] ?? ''}
        aria-invalid={errors[key] ? true : undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
      {errors[key] && <span className="field-error">{errors[key]}</span>}
    </label>
  );

  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby="create-event-title">
      <form onSubmit={submit} noValidate>
        <h2 id="create-event-title">{t('firstRun.create')}</h2>
        {field('title')}
        <div className="field-row">
          {field('startDate', 'date')}
          {field('endDate', 'date')}
        </div>
        {field('city')}
        {field('venue')}
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('common.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
